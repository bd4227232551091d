"""Reading docs/_data/steps.yml: the prompt and the time budget each practice panel shows."""

from pathlib import Path

import pytest

from studyguide.problems import GuideError
from studyguide.steps import PROMPT_MAX, load_steps

REAL = Path(__file__).parents[2] / "docs" / "_data" / "steps.yml"


LEVELS = ("    levels:\n      mid: [Gives the daily rate]\n      senior: [Gives the peak in machines]\n"
          "      staff: [Names the resource that binds first]\n")


def steps_file(tmp_path, prompt_line="    prompt: estimate traffic\n", minutes="5", item_id="traffic", step_id="one",
               levels=LEVELS):
    path = tmp_path / "steps.yml"
    path.write_text(
        "steps:\n"
        f"  - id: {step_id}\n"
        "    number: 1\n"
        "    title: One\n"
        "    page: steps/one.md\n"
        f"    minutes: {minutes}\n"
        f"{prompt_line}"
        "    checklist:\n"
        f"      - id: {item_id}\n"
        "        text: Traffic\n"
        f"{levels}"
    )
    return path


def problems(path):
    with pytest.raises(GuideError) as caught:
        load_steps(path, "docs/_data/steps.yml")
    return [str(p) for p in caught.value.problems]


def test_every_real_step_has_a_short_plain_prompt():
    steps = load_steps(REAL)
    assert len(steps) == 7
    for step in steps:
        assert step.prompt and len(step.prompt) <= PROMPT_MAX and "<" not in step.prompt
        assert step.prompt[0].islower(), "the prompt finishes 'Practise step N on the X example: …'"
        assert step.minutes > 0


def test_a_good_file_reads_the_prompt(tmp_path):
    (step,) = load_steps(steps_file(tmp_path))
    assert step.prompt == "estimate traffic"
    assert step.minutes == 5


def test_a_missing_prompt_names_the_file_line_and_step(tmp_path):
    assert problems(steps_file(tmp_path, prompt_line="")) == [
        "docs/_data/steps.yml:2: step 'one' has no prompt\n"
        "    hint: add 'prompt:' to the step: what to produce in this step, in a few words, "
        "such as 'estimate traffic, storage, bandwidth and cache memory'"
    ]


def test_an_empty_prompt_is_missing(tmp_path):
    assert "step 'one' has no prompt" in problems(steps_file(tmp_path, prompt_line='    prompt: "  "\n'))[0]


def test_a_prompt_with_html_is_refused_on_its_line(tmp_path):
    found = problems(steps_file(tmp_path, prompt_line="    prompt: estimate <b>traffic</b>\n"))
    assert found == ["docs/_data/steps.yml:7: step 'one': the prompt contains HTML\n    hint: write it as plain text"]


def test_a_prompt_that_is_not_text_or_too_long_is_refused(tmp_path):
    assert "the prompt must be text" in problems(steps_file(tmp_path, prompt_line="    prompt: [a, b]\n"))[0]
    long = "x" * (PROMPT_MAX + 1)
    assert f"the prompt has {PROMPT_MAX + 1} characters" in problems(
        steps_file(tmp_path, prompt_line=f"    prompt: {long}\n"))[0]
    assert "runs over several lines" in problems(
        steps_file(tmp_path, prompt_line='    prompt: "one\\ntwo"\n'))[0]


def test_a_time_budget_must_be_above_zero(tmp_path):
    assert "step 'one' has 0 minutes" in problems(steps_file(tmp_path, minutes="0"))[0]


def test_ids_that_would_break_storage_keys_are_refused(tmp_path):
    assert "'Traffic Now' is not a valid id" in problems(steps_file(tmp_path, item_id='"Traffic Now"'))[0]
    assert "'one:two' is not a valid id" in problems(steps_file(tmp_path, step_id='"one:two"'))[0]


def test_levels_need_mid_senior_and_staff_signals_in_plain_text(tmp_path):
    found = problems(steps_file(tmp_path, levels="    levels:\n      mid: [Gives the rate]\n      senior: [<b>x</b>]\n"))
    assert found == ["docs/_data/steps.yml:11: step 1: 'levels' must have exactly mid, senior and staff\n"
                     "    hint: give 'levels:' the keys mid, senior and staff, each a list of two or three signals, "
                     "one line each"]
    html = LEVELS.replace("[Gives the peak in machines]", "['<b>Peak</b>']")
    assert [p.split("\n")[0] for p in problems(steps_file(tmp_path, levels=html))] == [
        "docs/_data/steps.yml:13: step 1: a 'senior' signal contains HTML"]


def test_every_real_step_says_what_each_level_shows():
    for step in load_steps(REAL):
        assert [level for level, _ in step.levels] == ["mid", "senior", "staff"]
        assert all(2 <= len(signals) <= 3 for _, signals in step.levels), step.id


def test_budgets_for_other_interview_lengths_keep_each_steps_share():
    from studyguide.steps import budget

    steps = load_steps(REAL)
    assert [s.minutes for s in steps] == [4, 5, 3, 4, 6, 10, 5]  # of a 40-minute interview
    # 35 minutes: 4 × 35 / 40 = 3.5 rounds up to 4; 5 × 35 / 40 = 4.375 rounds to 4; … 33 in all
    assert [budget(s, 35) for s in steps] == [4, 4, 3, 4, 5, 9, 4]
    assert [budget(s, 40) for s in steps] == [4, 5, 3, 4, 6, 10, 5]
    assert [budget(s, 60) for s in steps] == [6, 8, 5, 6, 9, 15, 8]  # 7.5 and 4.5 round up
    assert sum(budget(s, 45) for s in steps) == 43
