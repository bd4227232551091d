"""The building blocks as a reader finds them: by searching for their main terms."""

from __future__ import annotations

import json

import pytest

from helpers import REPO
from reader import DESKTOP, open_page
from studyguide.frontmatter import split

pytestmark = pytest.mark.browser

BLOCKS = REPO / "docs" / "building-blocks"


def main_terms() -> list[tuple[str, str]]:
    """(page URL under the site, term) for every term a building block names in its front matter."""
    found = []
    for path in sorted(BLOCKS.glob("*.md")):
        meta, _, _ = split(path.read_text(encoding="utf-8"), str(path))
        found += [(f"building-blocks/{path.stem}/", term) for term in meta.get("terms") or []]
    return found


def test_every_building_block_names_its_main_terms():
    pages = {url for url, _ in main_terms()}
    assert len(pages) >= 18 and len(main_terms()) >= 2 * len(pages)


def test_search_finds_each_building_block_by_each_of_its_main_terms(browser, served_site):
    """Typed into the search box as a reader would, each term lists its page among the first ten results."""
    missed = []
    with open_page(browser, served_site + "building-blocks/", viewport=DESKTOP) as visit:
        page = visit.page
        page.keyboard.press("s")  # the search shortcut, as in test_every_page
        page.wait_for_function("document.activeElement?.matches('input.md-search__input')")
        for url, term in main_terms():
            query = term.split(" (")[0]
            # One query, as when a reader pastes the term: Material searches on key events, and typing
            # letter by letter queues a query a keystroke, whose results arrive seconds late.
            page.fill("input.md-search__input", query)
            page.keyboard.press("End")
            try:
                page.wait_for_function(
                    "url => { const links = [...document.querySelectorAll('.md-search-result__item > .md-search-result__link')]"
                    "   .slice(0, 10).map(a => new URL(a.href).pathname);"
                    " return links.some(p => p.endsWith('/' + url)); }",
                    arg=url, timeout=10_000)
            except Exception:  # noqa: BLE001 - a miss is recorded, with what was found instead
                shown = page.eval_on_selector_all(".md-search-result__item > .md-search-result__link",
                                                  "as => as.slice(0, 10).map(a => new URL(a.href).pathname)")
                typed = page.input_value("input.md-search__input")
                missed.append(f"{query!r} (typed {typed!r}) → {json.dumps(shown)} has no /{url}")
        assert visit.problems() == []
    assert missed == []
