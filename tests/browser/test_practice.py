"""Practice mode on worked example step pages, in Chromium: over HTTP and from file://.

Every test runs twice: on the site served over HTTP, and on the offline build
(OFFLINE=true: `.html` page files) opened from disk, where localStorage is the
file:// origin's.
"""

from __future__ import annotations

import pytest
import yaml
from playwright.sync_api import expect

from helpers import REPO
from reader import AXE_COLOUR_RULES, PHONE, axe_problems, diagram_problems, draw_diagrams, open_page, phone_problems, \
    switch_palette

pytestmark = pytest.mark.browser

STEPS = yaml.safe_load((REPO / "docs/_data/steps.yml").read_text(encoding="utf-8"))["steps"]
ESTIMATION = next(s for s in STEPS if s["id"] == "estimation")
TOTAL = sum(len(s["checklist"]) for s in STEPS)  # every example covers every item of every step
EXAMPLES = ["twitter", "url-shortener", "instagram", "chat", "web-crawler"]

# Pages by their address on the served site; ``site.url`` gives the offline build's file for them.
TWITTER_ESTIMATION = "examples/twitter/estimation/"
INDEX = "examples/"


def panel(page):
    return page.locator("section.practice")


def answer(page):
    return page.locator(".practice-answer")


def switch(page):
    return page.get_by_role("switch", name="Practice mode")


def practise(page) -> None:
    """Turn practice mode on, as a reader does."""
    switch(page).click()
    expect(switch(page)).to_have_attribute("aria-checked", "true")


# --- Practice mode hides the answer --------------------------------------------


def test_practice_mode_hides_the_answer_until_revealed_and_is_remembered(site, context):
    with open_page(context, site.url(TWITTER_ESTIMATION)) as tab:
        page = tab.page
        # Off by default: the page reads as before, plus the compact panel.
        expect(panel(page)).to_be_visible()
        expect(switch(page)).to_have_attribute("aria-checked", "false")
        expect(answer(page)).to_be_visible()
        expect(page.locator("#traffic")).to_be_visible()
        expect(page.locator("#step-checklist")).to_be_visible()
        expect(page.locator("[data-practice-tools]")).to_be_hidden()
        expect(panel(page)).to_contain_text(
            f"Practise step 2 on the Twitter-like service example: {ESTIMATION['prompt']}.")
        expect(panel(page)).to_contain_text("Time budget: 5 minutes.")

        practise(page)
        expect(answer(page)).to_be_hidden()
        expect(page.locator("#traffic")).to_be_hidden()
        expect(page.locator("#step-checklist")).to_be_hidden()  # the coverage list at the end is part of the answer
        expect(panel(page)).to_contain_text(ESTIMATION["prompt"])
        expect(page.get_by_role("heading", level=1)).to_be_visible()

        show = page.get_by_role("button", name="Show the example's answer")
        expect(show).to_have_attribute("aria-expanded", "false")
        show.click()
        expect(answer(page)).to_be_visible()
        expect(page.locator("#traffic")).to_be_visible()
        hide = page.get_by_role("button", name="Hide the example's answer")
        expect(hide).to_have_attribute("aria-expanded", "true")
        hide.click()
        expect(answer(page)).to_be_hidden()

        page.reload()
        expect(switch(page)).to_have_attribute("aria-checked", "true")
        expect(answer(page)).to_be_hidden()
        assert page.evaluate("localStorage.getItem('sdg-practice-v1:mode')") == "on"

        # A reader preference: another example's step opens in practice mode too.
        page.goto(site.url("examples/url-shortener/api/"))
        expect(switch(page)).to_have_attribute("aria-checked", "true")
        expect(answer(page)).to_be_hidden()
        expect(panel(page)).to_contain_text("Practise step 3 on the URL shortener example")

        switch(page).click()
        expect(switch(page)).to_have_attribute("aria-checked", "false")
        expect(answer(page)).to_be_visible()
        page.reload()
        expect(switch(page)).to_have_attribute("aria-checked", "false")
        expect(answer(page)).to_be_visible()
        assert tab.problems() == []


def test_a_link_to_a_section_of_the_answer_shows_it(site, context):
    with open_page(context, site.url(TWITTER_ESTIMATION)) as tab:
        practise(tab.page)
        tab.page.goto(site.url(TWITTER_ESTIMATION + "#storage"))  # on this page: the hash changes
        expect(tab.page.locator("#storage")).to_be_visible()
        expect(tab.page.get_by_role("button", name="Hide the example's answer")).to_be_visible()
        tab.page.reload()  # arriving with the hash
        expect(tab.page.locator("#storage")).to_be_visible()
        expect(tab.page.locator("#storage")).to_be_in_viewport()
        tab.page.goto(site.url(TWITTER_ESTIMATION))
        expect(answer(tab.page)).to_be_hidden()
        assert tab.problems() == []


def test_diagrams_in_a_hidden_answer_are_drawn_once_it_is_shown(site, context):
    with open_page(context, site.url("examples/twitter/high-level-design/")) as tab:
        page = tab.page
        practise(page)
        page.reload()
        expected = page.locator(".practice-answer pre.mermaid, .practice-answer div.mermaid").count()
        assert expected >= 1
        assert page.locator("article pre.mermaid, article div.mermaid").count() == expected  # all in the answer
        page.get_by_role("button", name="Show the example's answer").click()
        diagrams = draw_diagrams(page)
        assert len(diagrams) == expected
        assert diagram_problems(diagrams) == []
        assert tab.problems() == []


# --- The checklist ---------------------------------------------------------------


def test_ticks_survive_a_reload_and_show_as_progress_on_the_examples_index(site, context):
    with open_page(context, site.url(TWITTER_ESTIMATION)) as tab:
        page = tab.page
        practise(page)
        items = ESTIMATION["checklist"]
        ticked = {items[1]["id"], items[3]["id"]}
        for item in items:
            if item["id"] in ticked:  # each checkbox is named by its item's text
                panel(page).get_by_role("checkbox", name=item["text"], exact=True).check()

        page.reload()
        for item in items:
            box = panel(page).get_by_role("checkbox", name=item["text"], exact=True)
            (expect(box).to_be_checked if item["id"] in ticked else expect(box).not_to_be_checked)()
        keys = page.evaluate("Object.keys(localStorage).filter(k => k.includes(':tick:')).sort()")
        assert keys == sorted(f"sdg-practice-v1:tick:twitter:estimation:{i}" for i in ticked)

        page.goto(site.url(INDEX))
        progress = page.locator(".practice-progress")
        expect(progress).to_be_visible()
        expect(progress.locator('[data-practice-example="twitter"]')).to_have_text(
            f"2 of {TOTAL} checklist items ticked")
        for other in EXAMPLES[1:]:
            expect(progress.locator(f'[data-practice-example="{other}"]')).to_have_text(
                f"0 of {TOTAL} checklist items ticked")
        expect(progress.get_by_role("link", name="Twitter-like service")).to_be_visible()

        # Clear my ticks, for this step.
        page.goto(site.url(TWITTER_ESTIMATION))
        page.get_by_role("button", name="Clear my ticks").click()
        expect(page.get_by_role("status")).to_have_text("Your ticks for this step are cleared.")
        page.reload()
        for item in items:
            expect(panel(page).get_by_role("checkbox", name=item["text"], exact=True)).not_to_be_checked()
        page.goto(site.url(INDEX))
        expect(page.locator('.practice-progress [data-practice-example="twitter"]')).to_have_text(
            f"0 of {TOTAL} checklist items ticked")
        assert tab.problems() == []


# --- The timer -----------------------------------------------------------------


def test_the_timer_counts_down_from_the_step_budget_and_pauses_and_resets(site, context):
    with open_page(context, site.url(TWITTER_ESTIMATION), before=lambda page: page.clock.install()) as tab:
        page = tab.page
        practise(page)
        clock = page.locator("[data-practice-clock]")
        expect(clock).to_have_text("05:00")

        page.get_by_role("button", name="Start").click()
        page.clock.run_for(61_000)
        expect(clock).to_have_text("03:59")

        page.get_by_role("button", name="Pause").click()
        page.clock.run_for(30_000)
        expect(clock).to_have_text("03:59")
        expect(page.get_by_role("status")).to_have_text("Timer paused at 03:59.")

        # A tab in the background gets few timer callbacks: the time left comes from the clock, not from counting them.
        page.get_by_role("button", name="Start").click()
        page.clock.fast_forward(120_000)  # like a laptop lid closed for two minutes: due timers fire once
        expect(clock).to_have_text("01:59")

        page.get_by_role("button", name="Reset").click()
        expect(clock).to_have_text("05:00")
        page.clock.run_for(10_000)
        expect(clock).to_have_text("05:00")

        page.get_by_role("button", name="Start").click()
        page.clock.run_for(5 * 60_000 + 1_000)
        expect(clock).to_have_text("00:00")
        status = page.get_by_role("status")
        expect(status).to_contain_text("Time is up")
        expect(status).to_have_attribute("aria-live", "polite")
        assert tab.problems() == []


def test_the_timer_runs_in_real_time(site, context):
    with open_page(context, site.url("examples/twitter/detailed-design/")) as tab:
        page = tab.page
        practise(page)
        clock = page.locator("[data-practice-clock]")
        expect(clock).to_have_text("10:00")  # detailed design's budget
        page.get_by_role("button", name="Start").click()
        page.wait_for_timeout(1_300)
        assert clock.text_content() in ("09:59", "09:58")
        page.get_by_role("button", name="Pause").click()
        stopped = clock.text_content()
        page.wait_for_timeout(1_100)
        assert clock.text_content() == stopped
        assert tab.problems() == []


# --- Keyboard, axe, phone ------------------------------------------------------------


def focused(page) -> str:
    return page.evaluate("""() => { const el = document.activeElement;
      return el.getAttribute('data-practice-item') || el.getAttribute('data-practice-timer') || el.textContent.trim(); }""")


def test_every_control_works_from_the_keyboard_with_a_visible_focus(site, context):
    with open_page(context, site.url(TWITTER_ESTIMATION)) as tab:
        page = tab.page
        page.locator(".admonition.abstract a").focus()  # the link just before the panel

        page.keyboard.press("Tab")
        expect(switch(page)).to_be_focused()
        assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
        page.keyboard.press("Space")
        expect(switch(page)).to_have_attribute("aria-checked", "true")
        expect(answer(page)).to_be_hidden()

        page.keyboard.press("Tab")
        assert focused(page) == "start"
        page.keyboard.press("Enter")
        expect(page.get_by_role("status")).to_have_text("Timer started: 05:00 left.")
        page.keyboard.press("Tab")
        assert focused(page) == "pause"
        page.keyboard.press("Space")
        expect(page.get_by_role("status")).to_contain_text("Timer paused at")
        page.keyboard.press("Tab")
        assert focused(page) == "reset"
        page.keyboard.press("Enter")
        expect(page.get_by_role("status")).to_have_text("Timer reset to 05:00.")

        for item in ESTIMATION["checklist"]:
            page.keyboard.press("Tab")
            assert focused(page) == item["id"]
        page.keyboard.press("Space")  # ticks the last item
        expect(panel(page).get_by_role("checkbox", name=ESTIMATION["checklist"][-1]["text"])).to_be_checked()
        assert page.evaluate("Object.keys(localStorage).filter(k => k.includes(':tick:'))") == [
            f"sdg-practice-v1:tick:twitter:estimation:{ESTIMATION['checklist'][-1]['id']}"]
        page.keyboard.press("Tab")
        assert focused(page) == "Clear my ticks"
        page.keyboard.press("Enter")
        expect(panel(page).get_by_role("checkbox", name=ESTIMATION["checklist"][-1]["text"])).not_to_be_checked()

        page.keyboard.press("Tab")
        assert focused(page) == "Show the example's answer"
        page.keyboard.press("Enter")
        expect(answer(page)).to_be_visible()
        assert focused(page) == "Hide the example's answer"
        page.keyboard.press("Space")
        expect(answer(page)).to_be_hidden()

        for _ in range(3 + len(ESTIMATION["checklist"]) + 1 + 1):  # back past clear, the boxes, the timer
            page.keyboard.press("Shift+Tab")
        expect(switch(page)).to_be_focused()
        page.keyboard.press("Enter")
        expect(switch(page)).to_have_attribute("aria-checked", "false")
        expect(answer(page)).to_be_visible()
        assert tab.problems() == []


def test_practice_mode_is_accessible_in_both_palettes_and_fits_a_phone(site, context, axe):
    with open_page(context, site.url(TWITTER_ESTIMATION)) as tab:
        page = tab.page
        practise(page)
        panel(page).get_by_role("checkbox").first.check()
        page.get_by_role("button", name="Start").click()
        # Before axe: from file:// axe's own requests for the stylesheets are refused, and logged.
        assert tab.problems() == []
        assert axe_problems(page, axe) == []
        switch_palette(page, "dark")
        assert axe_problems(page, axe) == []
        switch(page).click()  # off: the compact panel above the answer
        assert axe_problems(page, axe, AXE_COLOUR_RULES) == []
        switch_palette(page, "light")
        assert axe_problems(page, axe) == []
        switch(page).click()
        desktop = page.viewport_size
        page.set_viewport_size(PHONE)
        page.wait_for_timeout(50)
        assert phone_problems(page) == []
        box = panel(page).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
        page.set_viewport_size(desktop)

        page.goto(site.url(INDEX))
        expect(page.locator(".practice-progress")).to_be_visible()
        assert axe_problems(page, axe) == []
        switch_palette(page, "dark")
        assert axe_problems(page, axe, AXE_COLOUR_RULES) == []


# --- Without JavaScript, on paper, and elsewhere -------------------------------------


def test_without_javascript_the_page_reads_as_before(site, browser):
    with open_page(browser, site.url(TWITTER_ESTIMATION), java_script_enabled=False) as tab:
        page = tab.page
        expect(answer(page)).to_be_visible()
        expect(page.locator("#traffic")).to_be_visible()
        expect(page.locator("#step-checklist")).to_be_visible()
        expect(panel(page)).to_be_attached()  # the panel is in the page, as the build wrote it...
        expect(panel(page)).to_be_hidden()  # ...and hidden: without the script it does nothing
        assert page.locator(".practice button, .practice input").count() > 0
        assert page.locator(".practice button, .practice input").evaluate_all(
            "els => els.filter(el => el.checkVisibility()).length") == 0
        expect(page.locator("article")).not_to_contain_text("Practice mode", use_inner_text=True)

        page.goto(site.url(INDEX))
        expect(page.locator(".practice-progress")).to_be_attached()
        expect(page.locator(".practice-progress")).to_be_hidden()
        expect(page.locator("article")).not_to_contain_text("checklist items ticked", use_inner_text=True)
        expect(page.get_by_role("link", name="Twitter-like service").first).to_be_visible()
        assert tab.problems() == []


def test_the_print_view_and_paper_show_every_answer_and_no_controls(site, context):
    with open_page(context, site.url(TWITTER_ESTIMATION)) as tab:
        page = tab.page
        practise(page)  # even for a reader in practice mode
        expect(answer(page)).to_be_hidden()
        page.emulate_media(media="print")
        expect(answer(page)).to_be_visible()
        expect(panel(page)).to_be_hidden()
        page.emulate_media(media="screen")

        page.goto(site.url("print_page/"))
        expect(page.locator("#print-site-page")).to_be_attached()
        counts = page.evaluate("""() => ({
          answers: document.querySelectorAll('#print-site-page .practice-answer').length,
          shown: [...document.querySelectorAll('#print-site-page .practice-answer')].filter(el => el.checkVisibility()).length,
          panels: document.querySelectorAll('#print-site-page section.practice').length,
          controls: [...document.querySelectorAll('#print-site-page .practice button, #print-site-page .practice input,'
                      + '#print-site-page .practice-progress')].filter(el => el.checkVisibility()).length,
        })""")
        assert counts == {"answers": len(EXAMPLES) * len(STEPS), "shown": len(EXAMPLES) * len(STEPS),
                          "panels": len(EXAMPLES) * len(STEPS), "controls": 0}
        page.emulate_media(media="print")
        assert page.evaluate("[...document.querySelectorAll('.practice-answer')].every(el => el.checkVisibility())")
        assert tab.problems() == []


# What practice.js may touch on a page: it watches the DOM and both storages while the script runs.
WATCH = """() => {
  window.__touched = [];
  const name = (n) => n.nodeName + (n.id ? "#" + n.id : "")
    + (typeof n.className === "string" && n.className.trim() ? "." + n.className.trim().split(/\\s+/).join(".") : "");
  new MutationObserver((records) => {
    for (const r of records) {
      const added = [...r.addedNodes];
      if (added.length === 1 && added[0].nodeName === "SCRIPT" && /practice\\.js$/.test(added[0].src)) continue;
      window.__touched.push(`${r.type} on ${name(r.target)}` + (r.attributeName ? ` [${r.attributeName}]` : "")
        + (added.length ? ` adding ${added.map(name).join(", ")}` : ""));
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
}"""
STORAGE = "() => ({ local: { ...localStorage }, session: { ...sessionStorage } })"


@pytest.mark.parametrize("where", ["", "steps/estimation/", "examples/twitter/"])
def test_practice_js_leaves_a_page_without_practice_markup_alone(site, context, where):
    """The build adds practice.js only where there is practice markup; run it anyway on a page
    without any (a home page, a step page, an example's overview) and it must do nothing there:
    no error, no change to the page, nothing stored, no request."""
    with open_page(context, site.url(where)) as tab:
        page = tab.page
        assert page.locator("[data-practice-step], [data-practice-items], [data-practice-answer]").count() == 0
        assert not [r for r in tab.requests if r.endswith("/practice.js")], "this page loads practice.js itself"
        page.wait_for_timeout(300)  # Material settles after load
        page.evaluate(WATCH)
        stored = page.evaluate(STORAGE)
        requests = len(tab.requests)

        script = site.asset("assets/javascripts/practice.js")
        page.add_script_tag(url=script)  # waits until it has run, and fails if it cannot load
        page.wait_for_timeout(500)  # and anything it might do later

        assert page.evaluate("window.__touched") == []
        assert page.evaluate(STORAGE) == stored
        assert tab.requests[requests:] == [script]
        assert tab.problems() == []


# --- The self-assessment against the level signals ------------------------------


def test_the_self_assessment_comes_with_the_answer_and_its_marks_are_kept_and_counted(site, context):
    signals = [(level, n, text) for level in ("mid", "senior", "staff")
               for n, text in enumerate(ESTIMATION["levels"][level], start=1)]
    total = sum(len(v) for s in STEPS for v in s["levels"].values())
    with open_page(context, site.url(TWITTER_ESTIMATION)) as tab:
        page = tab.page
        practise(page)
        assess = page.locator("[data-practice-assess]")
        expect(assess).to_be_hidden()  # nothing to judge yet
        page.get_by_role("button", name="Show the example's answer").click()
        expect(assess).to_be_visible()
        expect(assess).to_contain_text("Senior")
        _, _, senior = next(s for s in signals if s[0] == "senior")
        _, _, staff = next(s for s in signals if s[0] == "staff")
        assess.get_by_role("checkbox", name=senior, exact=True).check()
        assess.get_by_role("checkbox", name=staff, exact=True).check()

        page.reload()  # the marks are kept, and the assessment shows at once with them
        expect(assess).to_be_visible()
        expect(assess.get_by_role("checkbox", name=senior, exact=True)).to_be_checked()
        expect(assess.get_by_role("checkbox", name=signals[0][2], exact=True)).not_to_be_checked()
        keys = page.evaluate("Object.keys(localStorage).filter(k => k.includes(':signal:')).sort()")
        assert keys == ["sdg-practice-v1:signal:twitter:estimation:senior-1",
                        "sdg-practice-v1:signal:twitter:estimation:staff-1"]

        page.goto(site.url(INDEX))
        expect(page.locator('.practice-progress [data-practice-signals-of="twitter"]')).to_have_text(
            f"2 of {total} level signals shown")
        expect(page.locator('.practice-progress [data-practice-signals-of="chat"]')).to_have_text(
            f"0 of {total} level signals shown")
        assert tab.problems() == []


def test_the_self_assessment_comes_when_the_time_is_up(site, context):
    with open_page(context, site.url(TWITTER_ESTIMATION), before=lambda page: page.clock.install()) as tab:
        page = tab.page
        practise(page)
        page.get_by_role("button", name="Start").click()
        expect(page.locator("[data-practice-assess]")).to_be_hidden()
        page.clock.run_for(ESTIMATION["minutes"] * 60 * 1000 + 1000)
        expect(page.locator("[data-practice-assess]")).to_be_visible()
        assert tab.problems() == []
