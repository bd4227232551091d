"""The built guide, read as HTML: checklists, coverage, scripts and hosts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from helpers import REPO

STEPS = yaml.safe_load((REPO / "docs/_data/steps.yml").read_text())["steps"]


def soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "vendor" not in p.parts)


@pytest.mark.parametrize("step", STEPS, ids=[s["id"] for s in STEPS])
def test_each_step_page_lists_its_full_checklist(built_site, step):
    page = soup(built_site, step["page"].removesuffix(".md"))
    shown = [li.get_text(" ", strip=True) for li in page.select("ul.step-checklist li")]
    assert shown == [item["text"] for item in step["checklist"]]


@pytest.mark.parametrize("step", STEPS, ids=[s["id"] for s in STEPS])
def test_each_example_step_links_back_and_shows_every_item_covered(built_site, step):
    slug = step["page"].removeprefix("steps/").removesuffix(".md")
    page = soup(built_site, f"examples/twitter/{slug}")
    items = page.select("ul.coverage li")
    assert [li["data-item"] for li in items] == [i["id"] for i in step["checklist"]]
    for li in items:
        checkbox = li.select_one("input[type=checkbox]")
        assert checkbox.has_attr("checked") and checkbox.has_attr("aria-label")
        target = li.a["href"]
        assert target.startswith("#") and page.find(id=target[1:]), target
    back = page.select_one(".admonition.abstract a")
    assert back["href"].endswith(f"steps/{slug}/"), back


@pytest.mark.parametrize("step", STEPS, ids=[s["id"] for s in STEPS])
def test_each_step_page_links_forward_to_the_twitter_example(built_site, step):
    slug = step["page"].removeprefix("steps/").removesuffix(".md")
    hrefs = [a["href"] for a in soup(built_site, f"steps/{slug}").select("article a[href]")]
    assert f"../../examples/twitter/{slug}/" in hrefs


def test_no_page_loads_anything_from_another_host(built_site):
    offenders = []
    for path in html_pages(built_site):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for tag in page.select("script[src], link[href], img[src], iframe[src], source[src]"):
            url = tag.get("src") or tag.get("href")
            if tag.name == "link" and not set(tag.get("rel", [])) & {"stylesheet", "icon", "preload",
                                                                     "modulepreload", "manifest"}:
                continue
            if re.match(r"^(https?:)?//", url):
                offenders.append(f"{path.relative_to(built_site)}: {url}")
    assert offenders == []


def test_no_web_fonts_and_no_github_api_widget(built_site):
    index = (built_site / "index.html").read_text(encoding="utf-8")
    assert "fonts.googleapis" not in index and "fonts.gstatic" not in index
    assert 'data-md-component="source"' not in index


def test_mermaid_loads_only_on_pages_with_a_diagram(built_site):
    with_diagrams = 0
    for path in html_pages(built_site):
        text = path.read_text(encoding="utf-8")
        has_diagram = re.search(r'<pre\s+class="mermaid">', text) is not None
        loads = "assets/javascripts/mermaid-loader.js" in text
        assert has_diagram == loads, path.relative_to(built_site)
        with_diagrams += has_diagram
    assert with_diagrams >= 3


def test_vendored_mermaid_ships_with_its_licence(built_site):
    vendor = built_site / "assets/vendor/mermaid"
    assert (vendor / "mermaid.min.js").stat().st_size > 1_000_000
    assert "MIT License" in (vendor / "LICENSE").read_text()


def test_data_files_are_not_published(built_site):
    assert not list(built_site.rglob("*.yml"))


def test_every_example_step_page_opens_with_a_practice_panel_and_wraps_its_answer(built_site):
    total = sum(len(s["checklist"]) for s in STEPS)
    index = soup(built_site, "examples")
    progress = index.select_one("div.practice-progress[hidden]")
    assert progress is not None and progress.has_attr("data-search-exclude")
    counts = {c["data-practice-example"]: c["data-practice-total"] for c in progress.select("[data-practice-example][data-practice-total]")}
    examples = sorted(p.name for p in (built_site / "examples").iterdir() if (p / "requirements").is_dir())
    assert sorted(counts) == examples and set(counts.values()) == {str(total)}
    for example in examples:
        for step in STEPS:
            slug = step["page"].removeprefix("steps/").removesuffix(".md")
            page = soup(built_site, f"examples/{example}/{slug}")
            article = page.select_one("article")
            h1, box, panel, answer = _first_blocks(article)
            assert h1.name == "h1" and "abstract" in box["class"]
            assert panel.name == "section" and "practice" in panel["class"] and panel.has_attr("data-search-exclude")
            assert (panel["data-practice-example"], panel["data-practice-step"]) == (example, step["id"])
            assert panel["data-practice-minutes"] == str(step["minutes"])
            assert panel["data-practice-items"].split() == [i["id"] for i in step["checklist"]]
            assert step["prompt"] in panel.get_text(" ", strip=True)
            assert [b["data-practice-item"] for b in panel.select("input[data-practice-item]")] == panel[
                "data-practice-items"].split()
            assert answer["class"] == ["practice-answer"] and answer["id"] == panel["data-practice-answer"]
            assert not answer.has_attr("hidden")
            assert answer.select_one("#step-checklist") and answer.select_one("ul.coverage")


def _first_blocks(article):
    """The H1 and the three blocks after it."""
    blocks = [el for el in article.children if getattr(el, "name", None) in ("h1", "div", "section", "p")]
    at = next(i for i, el in enumerate(blocks) if el.name == "h1")
    return blocks[at:at + 4]


def test_no_page_shows_a_raw_placeholder_outside_code(built_site):
    left = []
    for path in html_pages(built_site):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        article = page.select_one("article") or page
        for code in article.select("code, pre, script"):
            code.decompose()
        text = article.get_text(" ")
        left += [f"{path.relative_to(built_site)}: {m}" for m in re.findall(r"\{\{.{0,30}|.{0,30}\}\}", text)]
    assert left == []


def _scripts(site: Path, page: str) -> list[str]:
    html = soup(site, page)
    return [s["src"].rsplit("assets/javascripts/", 1)[-1] for s in html.select("script[src][defer]")
            if "assets/javascripts/" in s["src"]]


def test_each_page_loads_the_scripts_its_markup_declared_and_no_other(built_site):
    assert _scripts(built_site, "examples/twitter/estimation") == [
        "page.js", "estimates/engine.js", "estimates/live.js", "practice.js"]
    assert _scripts(built_site, "sandbox") == ["page.js", "estimates/engine.js", "estimates/sandbox.js"]
    assert _scripts(built_site, "examples") == ["page.js", "practice.js"]
    assert _scripts(built_site, "reference/glossary") == []
    for path in html_pages(built_site):
        if path.name != "index.html" or path.parent == built_site / "print_page":
            continue
        page = path.parent.relative_to(built_site).as_posix()
        scripts, text = _scripts(built_site, page), path.read_text(encoding="utf-8")
        models = text.count('class="est-model"')
        assert models == (1 if {"estimates/live.js", "estimates/sandbox.js"} & set(scripts) else 0), page
        assert ("practice.js" in scripts) == ("data-practice-" in text), page
