"""Every page of the built site, in Chromium over HTTP, as a reader sees it."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

import chromium
from axe_playwright_python.sync_playwright import Axe

from conftest import OPEN_SHADOW_ROOTS, REPO
from reader import (AXE_COLOUR_RULES, axe_problems, new_context, open_page, phone_problems,
                    recheck_diagram_colours, site_pages, switch_palette)

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
SCREENSHOTS = REPO / "test-output" / "screenshots"


@pytest.fixture(scope="module")
def axe():
    return Axe()


def test_the_site_has_pages_and_diagrams(built_site):
    pages = site_pages(built_site)
    assert len(pages) >= 25
    assert sum('<pre class="mermaid">' in (built_site / p / "index.html").read_text() for p in pages) >= 8


WORKERS = 2  # one Chromium per core


def _look(chromium_path: str, base: str, paths: list[str]) -> dict[str, list[str]]:
    """One worker: its own Playwright and Chromium (the sync API is one per thread)."""
    from playwright.sync_api import sync_playwright

    found = {"light": [], "dark": [], "phone": []}
    axe = Axe()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path, args=chromium.ARGS)
        context = new_context(browser, "light", DESKTOP)
        for path in paths:
            page, visit = open_page(context, base + path)
            whole_guide = path.startswith("print_page")
            found["light"] += [f"/{path}: {p}" for p in visit.problems()
                               + ([] if whole_guide else axe_problems(page, axe))]
            switch_palette(page, "dark")
            recheck_diagram_colours(page, visit)
            found["dark"] += [f"/{path}: {p}" for p in visit.problems()
                              + ([] if whole_guide else axe_problems(page, axe, AXE_COLOUR_RULES))]
            page.set_viewport_size(PHONE)
            page.wait_for_timeout(50)
            found["phone"] += [f"/{path}: {p}" for p in phone_problems(page)]
            page.close()
        browser.close()
    return found


@pytest.fixture(scope="module")
def sweep(browser, served_site, built_site):
    """Load every page once and look at it in the light palette, in the dark one, and at phone width.

    Returns the problems found, by kind. The one-page print view is checked for
    requests and diagrams but not run through axe: every chapter in it is
    already checked on its own page. Pages are shared between two workers.
    """
    paths = site_pages(built_site)
    chunks = [paths[i::WORKERS] for i in range(WORKERS)]
    with ThreadPoolExecutor(WORKERS) as pool:
        results = list(pool.map(lambda chunk: _look(chromium.find(), served_site, chunk), chunks))
    return {kind: sorted(p for r in results for p in r[kind]) for kind in ("light", "dark", "phone")}


def test_every_page_is_clean_and_accessible_in_the_light_palette(sweep):
    assert sweep["light"] == []


def test_every_page_is_clean_and_readable_in_the_dark_palette(sweep):
    assert sweep["dark"] == []


def test_every_page_fits_a_phone(sweep):
    assert sweep["phone"] == []


def test_every_diagram_renders_when_a_page_opens_in_the_dark_palette(browser, served_site, built_site):
    context = new_context(browser, "dark", DESKTOP)
    failures = []
    for path in site_pages(built_site):
        if '<pre class="mermaid">' in (built_site / path / "index.html").read_text(encoding="utf-8"):
            page, visit = open_page(context, served_site + path)
            failures += [f"/{path}: {p}" for p in visit.problems()]
            page.close()
    context.close()
    assert failures == []


def test_the_navigation_drawer_opens_on_a_phone(browser, served_site):
    page = browser.new_page(viewport=PHONE)
    page.goto(served_site + "steps/requirements/")
    drawer = page.locator(".md-sidebar--primary")
    assert drawer.bounding_box()["x"] < 0 or not drawer.is_visible()  # closed: off screen
    page.click("label.md-header__button[for='__drawer']")
    page.wait_for_timeout(400)
    box = drawer.bounding_box()
    link = page.get_by_role("link", name="Step 2: Back-of-the-envelope estimation").first
    assert page.evaluate("document.getElementById('__drawer').checked")
    assert box["x"] >= -1 and link.is_visible()
    page.close()


def test_search_opens_with_its_shortcut_and_results_follow_with_the_keyboard(browser, served_site):
    page = browser.new_page()
    page.goto(served_site)
    page.wait_for_load_state("load")
    page.keyboard.press("s")
    page.wait_for_function("document.activeElement?.matches('input.md-search__input')")
    page.keyboard.type("fan-out", delay=30)
    page.wait_for_selector(".md-search-result__item", timeout=20_000)
    page.keyboard.press("ArrowDown")
    focused = page.evaluate("document.activeElement.closest('a')?.href")
    assert focused and "examples/" in focused
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.split("#")[0].split("?")[0] == focused.split("#")[0].split("?")[0]
    page.close()


def test_the_dark_palette_changes_diagram_text_colour(browser, served_site):
    colours = {}
    for scheme in ("light", "dark"):
        page, visit = open_page(browser, served_site, scheme)
        colours[scheme] = visit.diagrams[0]["labels"][0]
        page.close()
    assert colours["light"] != colours["dark"], colours


@pytest.mark.parametrize("path", ["", "steps/requirements/", "examples/twitter/high-level-design/"])
def test_screenshots_for_review(browser, served_site, path):
    """Saved under test-output/screenshots/ for a reviewer: both palettes, desktop and phone."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    name = path.strip("/").replace("/", "-") or "home"
    for scheme in ("light", "dark"):
        for size, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
            page = browser.new_page(color_scheme=scheme, viewport=viewport)
            page.add_init_script(OPEN_SHADOW_ROOTS)
            page.goto(served_site + path)
            page.wait_for_timeout(800)
            if path.endswith("high-level-design/"):
                page.locator("article div.mermaid").first.scroll_into_view_if_needed()
            target = SCREENSHOTS / f"{name}-{scheme}-{size}.png"
            page.screenshot(path=str(target))
            page.close()
            assert target.stat().st_size > 10_000
