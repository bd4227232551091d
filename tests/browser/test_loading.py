"""What a page loads, and when: the search index and Mermaid wait until a reader needs them."""

from __future__ import annotations

import pytest

from reader import DESKTOP, PHONE, diagram_problems, diagram_states, draw_diagrams, open_page

pytestmark = pytest.mark.browser

DIAGRAM_PAGE = "examples/twitter/high-level-design/"
INDEX = "search/search_index.json"


def _drawn(page) -> list[bool]:
    """Each diagram of the article, in page order: drawn (an SVG that is not Mermaid's error graphic) or not yet."""
    return [d["drawn"] and not d["error"] for d in diagram_states(page)]


def _wait_until_drawn(page, which: str) -> None:
    """Wait until the first or the last diagram of the article is drawn."""
    index = "0" if which == "first" else "all.length - 1"
    page.wait_for_function(
        "() => { const all = [...document.querySelectorAll('article pre.mermaid, article div.mermaid')];"
        f" const d = all[{index}]; return d && d.shadowRoot && d.shadowRoot.querySelector('svg'); }}",
        timeout=20_000)


def test_the_search_index_is_fetched_when_the_reader_opens_search(browser, served_site):
    with open_page(browser, served_site + "steps/requirements/", viewport=PHONE) as visit:
        page = visit.page
        page.wait_for_timeout(800)
        assert not [r for r in visit.requests if INDEX in r], "the index was fetched before anyone searched"

        with page.expect_request(lambda r: r.url.endswith(INDEX)):
            page.click("label.md-header__button[for='__search']")
        page.keyboard.type("fan-out", delay=30)
        page.wait_for_selector(".md-search-result__item", timeout=20_000)
        assert "fan-out" in page.inner_text(".md-search-result").lower()
        assert visit.problems() == []


def test_a_shared_search_address_fetches_the_index_at_once(browser, served_site):
    with open_page(browser, served_site + "?q=fan-out", viewport=DESKTOP) as visit:
        visit.page.wait_for_selector(".md-search-result__item", timeout=20_000)
        assert [r for r in visit.requests if r.endswith(INDEX)]
        assert "fan-out" in visit.page.inner_text(".md-search-result").lower()
        assert visit.problems() == []


def test_a_diagram_is_drawn_when_the_reader_scrolls_near_it(browser, served_site):
    with open_page(browser, served_site + DIAGRAM_PAGE, viewport=PHONE) as visit:
        page = visit.page
        assert len(_drawn(page)) >= 3
        page.evaluate("document.querySelector('article pre.mermaid, article div.mermaid').scrollIntoView()")
        _wait_until_drawn(page, "first")
        page.wait_for_timeout(500)
        drawn = _drawn(page)
        assert drawn[0] and not drawn[-1], f"the last diagram, screens away, was drawn early: {drawn}"

        page.evaluate("[...document.querySelectorAll('article pre.mermaid, article div.mermaid')].pop().scrollIntoView()")
        _wait_until_drawn(page, "last")
        assert _drawn(page)[-1]

        # and a reader who scrolls past them all gets every one
        assert diagram_problems(draw_diagrams(page)) == []
        assert visit.problems() == []


def test_over_http_mermaid_comes_from_its_module_build(browser, served_site):
    with open_page(browser, served_site + DIAGRAM_PAGE, viewport=PHONE) as visit:
        page = visit.page
        page.evaluate("document.querySelector('article pre.mermaid').scrollIntoView()")
        _wait_until_drawn(page, "first")
        mermaid = [r for r in visit.requests if "/vendor/mermaid/" in r]
        assert any(r.endswith("/esm/mermaid.esm.min.mjs") for r in mermaid), mermaid
        assert not any(r.endswith("/mermaid.min.js") for r in mermaid), "the single-file build was loaded over HTTP"
        assert visit.problems() == []
