"""What a page loads, and when: the search index and Mermaid wait until a reader needs them."""

from __future__ import annotations

import pytest

from conftest import OPEN_SHADOW_ROOTS

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DRAWN = ("d => d.tagName === 'DIV' && d.shadowRoot && d.shadowRoot.querySelector('svg') "
         "&& d.shadowRoot.querySelector('svg').getAttribute('aria-roledescription') !== 'error'")
DIAGRAM_PAGE = "examples/twitter/high-level-design/"


def _page(browser, viewport=PHONE):
    page = browser.new_page(viewport=viewport)
    page.add_init_script(OPEN_SHADOW_ROOTS)
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    return page, requests


def _drawn(page) -> list[bool]:
    return page.evaluate(f"[...document.querySelectorAll('article pre.mermaid, article div.mermaid')].map({DRAWN})")


def test_the_search_index_is_fetched_when_the_reader_opens_search(browser, served_site):
    page, requests = _page(browser)
    page.goto(served_site + "steps/requirements/", wait_until="load")
    page.wait_for_timeout(800)
    assert not [r for r in requests if "search_index" in r], "the index was fetched before anyone searched"

    with page.expect_request(lambda r: r.url.endswith("search/search_index.json")):
        page.click("label.md-header__button[for='__search']")
    page.keyboard.type("fan-out", delay=30)
    page.wait_for_selector(".md-search-result__item", timeout=20_000)
    assert "fan-out" in page.inner_text(".md-search-result").lower()
    page.close()


def test_a_shared_search_address_fetches_the_index_at_once(browser, served_site):
    page, requests = _page(browser, {"width": 1280, "height": 800})
    page.goto(served_site + "?q=fan-out", wait_until="load")
    page.wait_for_selector(".md-search-result__item", timeout=20_000)
    assert [r for r in requests if r.endswith("search/search_index.json")]
    page.close()


def test_a_diagram_is_drawn_when_the_reader_scrolls_near_it(browser, served_site):
    page, requests = _page(browser)
    page.goto(served_site + DIAGRAM_PAGE, wait_until="load")
    count = page.evaluate("document.querySelectorAll('article pre.mermaid').length")
    assert count >= 3
    page.evaluate("document.querySelector('article pre.mermaid').scrollIntoView()")
    page.wait_for_function(f"[...document.querySelectorAll('article .mermaid')].slice(0, 1).every({DRAWN})",
                           timeout=20_000)
    page.wait_for_timeout(500)
    drawn = _drawn(page)
    assert drawn[0] and not drawn[-1], f"the last diagram, screens away, was drawn early: {drawn}"

    page.evaluate("[...document.querySelectorAll('article .mermaid')].pop().scrollIntoView()")
    page.wait_for_function(f"[...document.querySelectorAll('article .mermaid')].slice(-1).every({DRAWN})",
                           timeout=20_000)
    page.close()


def test_over_http_mermaid_comes_from_its_module_build(browser, served_site):
    page, requests = _page(browser)
    page.goto(served_site + DIAGRAM_PAGE, wait_until="load")
    page.evaluate("document.querySelector('article pre.mermaid').scrollIntoView()")
    page.wait_for_function(f"[...document.querySelectorAll('article .mermaid')].slice(0, 1).every({DRAWN})",
                           timeout=20_000)
    mermaid = [r for r in requests if "/vendor/mermaid/" in r]
    assert any(r.endswith("/esm/mermaid.esm.min.mjs") for r in mermaid), mermaid
    assert not any(r.endswith("/mermaid.min.js") for r in mermaid), "the single-file build was loaded over HTTP"
    page.close()
