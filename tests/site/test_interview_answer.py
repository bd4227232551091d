"""The answer at interview length, in the built site: each example's 35-minute page is made from its step pages."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup, Tag

from helpers import REPO

STEPS = yaml.safe_load((REPO / "docs/_data/steps.yml").read_text(encoding="utf-8"))["steps"]
EXAMPLES = sorted(p.parent.name for p in (REPO / "docs/examples").glob("*/estimates.yml"))


def article(site: Path, page: str) -> Tag:
    found = BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser").select_one("article")
    assert found is not None, page
    return found


def section_text(root: Tag, heading_id: str) -> str:
    """The text of the section under the h2 with this id, down to the next h2."""
    heading = root.find("h2", id=heading_id)
    assert heading is not None, heading_id
    parts = []
    for sibling in heading.find_next_siblings():
        if sibling.name == "h2":
            break
        if sibling.name != "script":  # the page's estimates, carried as data for live numbers
            parts.append(sibling.get_text(" ", strip=True))
    return " ".join(" ".join(parts).split())


def h2_texts(root: Tag) -> list[str]:
    return [h.get_text(" ", strip=True).removesuffix("¶").strip() for h in root.find_all("h2")]


@pytest.mark.parametrize("example", EXAMPLES)
def test_the_35_minute_answer_is_each_step_pages_block_in_step_order(built_site, example):
    answer = article(built_site, f"examples/{example}/answer")
    expected = [f"Step {s['number']}: {s['title']} ({s['minutes']} min)" for s in STEPS]
    assert [t for t in h2_texts(answer) if t.startswith("Step ")] == expected
    assert answer.select("pre.mermaid"), "the main diagram is missing"
    assert "Key numbers" in h2_texts(answer)
    for step in STEPS:
        step_page = article(built_site, f"examples/{example}/{step['id']}")
        said = section_text(step_page, "in-the-interview")
        assert said, f"{example}/{step['id']}: empty block"
        heading_id = next(h["id"] for h in answer.find_all("h2") if h.get_text().startswith(f"Step {step['number']}:"))
        shown = section_text(answer, heading_id).removesuffix("The full step").strip()
        assert shown == said, f"{example}/{step['id']}"


@pytest.mark.parametrize("step", STEPS, ids=[s["id"] for s in STEPS])
def test_each_method_page_shows_what_each_level_looks_for(built_site, step):
    page = article(built_site, step["page"].removesuffix(".md"))
    text = section_text(page, "what-each-level-shows")
    for level in ("Mid-level", "Senior", "Staff"):
        assert level in text, level
    for signal in step["levels"]["staff"]:
        assert " ".join(signal.split()) in text


@pytest.mark.parametrize("example", EXAMPLES)
def test_each_example_step_says_what_senior_and_staff_answers_add(built_site, example):
    for step in STEPS:
        text = section_text(article(built_site, f"examples/{example}/{step['id']}"), "senior-and-staff-answers")
        assert "Senior" in text and "Staff" in text, f"{example}/{step['id']}"


def test_the_prompt_bank_lists_every_prompt_with_a_hint_for_each_step(built_site):
    prompts = yaml.safe_load((REPO / "docs/_data/prompts.yml").read_text(encoding="utf-8"))["prompts"]
    assert len(prompts) >= 25
    page = article(built_site, "practice/prompts")
    for prompt in prompts:
        heading = page.find("h2", id=prompt["id"])
        assert heading is not None, prompt["id"]
        text = section_text(page, prompt["id"])
        assert all(s["title"] in text for s in STEPS), prompt["id"]
        assert prompt["hints"]["bottlenecks"].split()[0] in text
