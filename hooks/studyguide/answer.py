"""The answer at interview length: each example step's "In the interview" block, checked and collected.

Every step page of a worked example says, in at most ``WORD_LIMIT`` words, what
a candidate would say and draw in that step's time budget, under the heading
``IN_THE_INTERVIEW``; and, under ``LEVELS_HEADING``, what a senior and a staff
answer add. The build assembles the blocks, in step order, into the example's
"35-minute answer" page, so the short form is made from the long one and
cannot fall out of step with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .headings import headings

IN_THE_INTERVIEW = "In the interview"
LEVELS_HEADING = "Senior and staff answers"
WORD_LIMIT = 150

_PLACEHOLDER = re.compile(r"\{\{[^{}]*\}\}")
_LINK_TARGET = re.compile(r"\]\([^)]*\)")
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’.,%/-]*")


@dataclass(frozen=True)
class Block:
    text: str  # the section's Markdown, without its heading
    line: int  # 0-based line of the heading in the page Markdown


def section(markdown: str, title: str) -> Block | None:
    """The ``## title`` section of a page, down to the next heading of level 1 or 2."""
    found = headings(markdown)
    lines = markdown.split("\n")
    for i, heading in enumerate(found):
        if heading.level == 2 and heading.text == title:
            end = next((h.line for h in found[i + 1:] if h.level <= 2), len(lines))
            return Block("\n".join(lines[heading.line + 1:end]).strip("\n"), heading.line)
    return None


def words(text: str) -> int:
    """Words as a reader counts them: a placeholder is two (a number and its unit), a link its text."""
    text = _PLACEHOLDER.sub(" number unit ", _LINK_TARGET.sub("]", text))
    return len(_WORD.findall(text))


def block_problems(markdown: str) -> list[tuple[int | None, str, str]]:
    """(0-based line or None, message, hint) for what the step page's interview blocks lack."""
    found: list[tuple[int | None, str, str]] = []
    block = section(markdown, IN_THE_INTERVIEW)
    if block is None:
        found.append((None, f"the section '## {IN_THE_INTERVIEW}' is missing",
                      f"add it after the opening paragraph: what you would say and draw in this step's time budget, "
                      f"in at most {WORD_LIMIT} words, with the numbers as placeholders"))
    elif words(block.text) > WORD_LIMIT:
        found.append((block.line, f"'{IN_THE_INTERVIEW}' has {words(block.text)} words; at most {WORD_LIMIT}",
                      "keep what you would say in the step's minutes: the decisions and the key numbers"))
    elif not block.text.strip():
        found.append((block.line, f"'{IN_THE_INTERVIEW}' is empty", "say what you would say and draw in this step"))
    levels = section(markdown, LEVELS_HEADING)
    if levels is None:
        found.append((None, f"the section '## {LEVELS_HEADING}' is missing",
                      "add '- **Senior** adds: …' and '- **Staff** adds: …', a line or two each"))
    else:
        for level in ("Senior", "Staff"):
            if f"**{level}**" not in levels.text:
                found.append((levels.line, f"'{LEVELS_HEADING}' has no '**{level}**' item",
                              f"add '- **{level}** adds: …', a line or two"))
    return found
