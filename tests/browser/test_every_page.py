"""Every page of the built site, in Chromium over HTTP, as a reader sees it."""

from __future__ import annotations

import pytest

from helpers import REPO
from reader import AXE_COLOUR_RULES, DESKTOP, PHONE, axe_problems, new_context, open_page, phone_problems, site_pages, \
    switch_palette

pytestmark = pytest.mark.browser

SCREENSHOTS = REPO / "test-output" / "screenshots"


def test_the_site_has_pages_and_diagrams(built_site):
    pages = site_pages(built_site)
    assert len(pages) >= 25
    assert sum('<pre class="mermaid">' in (built_site / p / "index.html").read_text() for p in pages) >= 8


@pytest.fixture(scope="module")
def sweep(browser, axe, served_site, built_site):
    """Load every page once and look at it in the light palette, in the dark one, and at phone width.

    Returns the problems found, by kind. The one-page print view is checked for
    requests and diagrams but not run through axe: every chapter in it is
    already checked on its own page. One browser, one context (so Mermaid is
    fetched and compiled once), one page at a time.
    """
    found: dict[str, list[str]] = {"light": [], "dark": [], "phone": []}
    paths = site_pages(built_site)
    with new_context(browser, "light", DESKTOP) as context:
        for path in paths:
            with open_page(context, served_site + path, diagrams=True) as visit:
                page = visit.page
                whole_guide = path.startswith("print_page")
                found["light"] += [f"/{path}: {p}" for p in visit.problems()
                                   + ([] if whole_guide else axe_problems(page, axe))]
                switch_palette(page, "dark")
                visit.draw_diagrams()  # all drawn already: this reads their colours on the dark background
                found["dark"] += [f"/{path}: {p}" for p in visit.problems()
                                  + ([] if whole_guide else axe_problems(page, axe, AXE_COLOUR_RULES))]
                page.set_viewport_size(PHONE)
                page.wait_for_timeout(50)
                found["phone"] += [f"/{path}: {p}" for p in phone_problems(page)]
    assert len(paths) >= 25
    return {kind: sorted(problems) for kind, problems in found.items()}


def test_every_page_is_clean_and_accessible_in_the_light_palette(sweep):
    assert sweep["light"] == []


def test_every_page_is_clean_and_readable_in_the_dark_palette(sweep):
    assert sweep["dark"] == []


def test_every_page_fits_a_phone(sweep):
    assert sweep["phone"] == []


def test_every_diagram_renders_when_a_page_opens_in_the_dark_palette(browser, served_site, built_site):
    failures = []
    opened = 0
    with new_context(browser, "dark", DESKTOP) as context:
        for path in site_pages(built_site):
            if '<pre class="mermaid">' in (built_site / path / "index.html").read_text(encoding="utf-8"):
                with open_page(context, served_site + path, diagrams=True) as visit:
                    assert visit.diagrams, f"/{path}: no diagram found in the page"
                    failures += [f"/{path}: {p}" for p in visit.problems()]
                    opened += 1
    assert opened >= 8
    assert failures == []


def test_the_navigation_drawer_opens_on_a_phone(browser, served_site):
    with open_page(browser, served_site + "steps/requirements/", viewport=PHONE) as visit:
        page = visit.page
        drawer = page.locator(".md-sidebar--primary")
        link = page.get_by_role("link", name="Step 2: Back-of-the-envelope estimation").first
        assert not page.evaluate("document.getElementById('__drawer').checked")
        assert drawer.bounding_box()["x"] + drawer.bounding_box()["width"] <= 0 or not drawer.is_visible()  # off screen
        assert not link.is_visible() or link.bounding_box()["x"] + link.bounding_box()["width"] <= 0
        page.click("label.md-header__button[for='__drawer']")
        page.wait_for_timeout(400)
        box = drawer.bounding_box()
        assert page.evaluate("document.getElementById('__drawer').checked")
        assert box["x"] >= -1 and link.is_visible()
        assert 0 <= link.bounding_box()["x"] < PHONE["width"]
        assert visit.problems() == []


def test_search_opens_with_its_shortcut_and_results_follow_with_the_keyboard(browser, served_site):
    with open_page(browser, served_site) as visit:
        page = visit.page
        page.keyboard.press("s")
        page.wait_for_function("document.activeElement?.matches('input.md-search__input')")
        page.keyboard.type("fan-out", delay=30)
        page.wait_for_selector(".md-search-result__item", timeout=20_000)
        page.keyboard.press("ArrowDown")
        focused = page.evaluate("document.activeElement.closest('a')?.href")
        assert focused and ("examples/" in focused or "building-blocks/" in focused)
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.url.split("#")[0].split("?")[0] == focused.split("#")[0].split("?")[0]
        assert page.url.split("#")[0].split("?")[0] != served_site  # it went somewhere
        assert visit.problems() == []


def test_the_dark_palette_changes_diagram_text_colour(browser, served_site):
    colours = {}
    for scheme in ("light", "dark"):
        with open_page(browser, served_site, scheme=scheme, diagrams=True) as visit:
            assert visit.problems() == [], scheme
            colours[scheme] = visit.diagrams[0]["labels"][0]
    assert colours["light"] != colours["dark"], colours


@pytest.mark.parametrize("path", ["", "steps/requirements/", "examples/twitter/high-level-design/"])
def test_screenshots_for_review(browser, served_site, path):
    """Saved under test-output/screenshots/ for a reviewer: both palettes, desktop and phone, diagrams drawn."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    name = path.strip("/").replace("/", "-") or "home"
    for scheme in ("light", "dark"):
        for size, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
            with open_page(browser, served_site + path, scheme=scheme, viewport=viewport, diagrams=True) as visit:
                page = visit.page
                assert visit.problems() == [], (scheme, size)
                if path.endswith("high-level-design/"):
                    page.locator("article div.mermaid").first.scroll_into_view_if_needed()
                else:
                    page.evaluate("window.scrollTo(0, 0)")
                page.wait_for_timeout(300)
                target = SCREENSHOTS / f"{name}-{scheme}-{size}.png"
                target.unlink(missing_ok=True)
                page.screenshot(path=str(target))
            assert target.stat().st_size > 10_000
