"""The prompt bank's data file: read without raising, every mistake named with its line."""

from __future__ import annotations

from studyguide.prompts import read_prompts
from studyguide.steps import Item, Step

STEPS = [Step("requirements", 1, "Requirements clarification", "steps/requirements.md", 4, (Item("a", "A"),)),
         Step("estimation", 2, "Back-of-the-envelope estimation", "steps/estimation.md", 5, (Item("b", "B"),))]

GOOD = """
prompts:
  - id: ride-hailing
    title: Design a ride-hailing service
    typical: Common across companies
    scope: Riders request rides and see drivers move.
    questions: [How many cities?]
    hints:
      requirements: Pin down matching and live location.
      estimation: Location updates every 4 s per driver.
    blocks: [geospatial-indexes]
"""


def test_a_prompt_is_read_with_its_hints_in_step_order():
    prompts, problems = read_prompts(GOOD, "p.yml", STEPS, {"geospatial-indexes"})
    assert problems == []
    assert prompts[0].hints == (("requirements", "Pin down matching and live location."),
                                ("estimation", "Location updates every 4 s per driver."))


def test_each_mistake_is_named_with_its_line():
    broken = (GOOD.replace("      estimation: Location updates every 4 s per driver.\n", "      deploy: Later.\n")
              .replace("[geospatial-indexes]", "[geohash]").replace("ride-hailing service", "<b>ride</b>"))
    prompts, problems = read_prompts(broken, "p.yml", STEPS, {"geospatial-indexes"})
    assert prompts == []
    assert sorted((p.line, p.message) for p in problems) == [
        (4, "prompt 1: 'title' contains HTML"),
        (8, "prompt 1: no hint for step 'estimation'"),
        (10, "prompt 1: 'deploy' is not a step"),
        (11, "prompt 1: no building block 'geohash'")]
