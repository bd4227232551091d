"""The answer at interview length: the blocks each example step page must have, on pages written here."""

from __future__ import annotations

from studyguide.answer import IN_THE_INTERVIEW, LEVELS_HEADING, WORD_LIMIT, block_problems, section, words

GOOD = f"""# Step 2: Back-of-the-envelope estimation — X

Intro.

## {IN_THE_INTERVIEW}

I would say we post {{{{ value: tweets_per_day }}}} and read [far more](estimation.md#reads).

## {LEVELS_HEADING}

- **Senior** adds: machines from the peak.
- **Staff** adds: the cost of the cache.

## Assumptions
"""


def test_a_page_with_both_blocks_passes_and_its_block_is_extracted():
    assert block_problems(GOOD) == []
    block = section(GOOD, IN_THE_INTERVIEW)
    assert block is not None and block.line == 4
    assert block.text == "I would say we post {{ value: tweets_per_day }} and read [far more](estimation.md#reads)."


def test_a_placeholder_counts_as_two_words_and_a_link_as_its_text():
    assert words("We post {{ value: tweets_per_day }} a day, [far more](x.md#y) reads.") == 9


def test_an_over_long_block_is_named_with_its_line_and_count():
    long = GOOD.replace("I would say", "word " * WORD_LIMIT)  # and 8 more: we post (2) and read far more
    assert block_problems(long) == [(4, f"'{IN_THE_INTERVIEW}' has {WORD_LIMIT + 8} words; at most {WORD_LIMIT}",
                                     "keep what you would say in the step's minutes: the decisions and the key numbers")]


def test_missing_blocks_and_a_missing_level_are_named():
    found = [message for _, message, _ in block_problems(GOOD.replace(f"## {IN_THE_INTERVIEW}", "## Said aloud")
                                                         .replace("**Staff**", "Staff"))]
    assert found == [f"the section '## {IN_THE_INTERVIEW}' is missing", f"'{LEVELS_HEADING}' has no '**Staff**' item"]
    # a heading in a code block is not the section
    fenced = GOOD.replace(f"## {LEVELS_HEADING}", f"```md\n## {LEVELS_HEADING}\n```")
    assert f"the section '## {LEVELS_HEADING}' is missing" in [m for _, m, _ in block_problems(fenced)]
