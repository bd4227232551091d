"""Live estimates: a reader changes an assumption and every number on the page is worked out again.

Run over HTTP and from disk (the offline build), with expected values worked
out by hand below, not by the guide's own engine.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from reader import axe_problems

pytestmark = pytest.mark.browser

ESTIMATION = "examples/twitter/estimation/"
OVERVIEW = "examples/twitter/"


def value(page, name: str) -> str:
    return page.locator(f"article span.est-value[data-quantity='{name}']").first.text_content()


def field(page, name: str):
    return page.locator(f"article .est-field input[data-quantity='{name}']").first


# With 300 million daily active users (instead of 200 million), at 0.5 tweets each:
#   tweets per day    = 300e6 × 0.5                       = 150 million
#   write rate        = 150e6 / 86,400 s                  = 1,736 tweets/s
#   text per day      = 150e6 × (140 × 2 + 30) B          = 46.5 GB
#   photos per day    = 150e6 × 0.2 × 200 KB              = 6 TB
#   videos per day    = 150e6 × 0.1 × 2 MB                = 30 TB
#   storage per day   = 0.0465 + 6 + 30 TB                = 36.0465 TB → "36 TB/day"
#   ingress bandwidth = 36.0465e12 B / 86,400 s           = 417.2 MB/s → "417 MB/s"
CHANGED = {
    "tweets_per_day": "150 million tweets/day",
    "tweets_per_second": "1,736 tweets/s",
    "storage_per_day": "36 TB/day",
    "ingress_bandwidth": "417 MB/s",
}
# The example's own values, from the same arithmetic with 200 million users.
ORIGINAL = {
    "tweets_per_day": "100 million tweets/day",
    "tweets_per_second": "1,157 tweets/s",
    "storage_per_day": "24 TB/day",
    "ingress_bandwidth": "278 MB/s",
}


def test_changing_daily_users_reworks_write_rate_storage_and_bandwidth(browser, page_url):
    page = browser.new_page()
    page.goto(page_url(ESTIMATION))
    assert {name: value(page, name) for name in ORIGINAL} == ORIGINAL

    field(page, "daily_active_users").fill("300 million")
    assert {name: value(page, name) for name in CHANGED} == CHANGED
    # the "with ..." notes in the How column follow too
    notes = page.locator("article td small span.est-value[data-quantity='daily_active_users']")
    assert notes.count() > 0 and all(t == "300 million users" for t in notes.all_text_contents())
    assert page.locator("article .est-value.est-changed").count() >= len(CHANGED)
    assert "daily_active_users=300000000" in page.url
    assert "Daily active users 300 million" in page.locator(".est-live__status").text_content()
    page.close()


def test_reset_restores_the_example_values_and_the_address(browser, page_url):
    page = browser.new_page()
    page.goto(page_url(ESTIMATION))
    field(page, "daily_active_users").fill("300 million")
    page.get_by_role("button", name="Reset to the example's values").click()
    assert {name: value(page, name) for name in ORIGINAL} == ORIGINAL
    assert field(page, "daily_active_users").input_value() == "200 million"
    assert "daily_active_users" not in page.url
    assert page.locator("article .est-value.est-changed").count() == 0
    page.close()


def test_a_shared_address_reproduces_the_changed_numbers(browser, page_url):
    page = browser.new_page()
    page.goto(page_url(ESTIMATION + "?daily_active_users=300000000"))
    assert {name: value(page, name) for name in CHANGED} == CHANGED
    assert field(page, "daily_active_users").input_value() == "300 million"
    page.close()

    # a page that only quotes numbers shows them changed, says so, and offers the way back
    page = browser.new_page()
    page.goto(page_url(OVERVIEW + "?daily_active_users=300000000"))
    assert value(page, "tweets_per_day") == CHANGED["tweets_per_day"]
    assert "changed assumptions" in page.locator(".est-live").text_content()
    page.get_by_role("button", name="Reset to the example's values").click()
    assert value(page, "tweets_per_day") == ORIGINAL["tweets_per_day"]
    page.close()


def test_a_value_that_is_not_a_number_is_explained_and_changes_nothing(browser, served_site):
    page = browser.new_page()
    page.goto(served_site + ESTIMATION)
    box = field(page, "daily_active_users")
    box.fill("lots")
    assert box.get_attribute("aria-invalid") == "true"
    message_id = box.get_attribute("aria-describedby")
    assert "Write a number" in page.locator(f"#{message_id}").text_content()
    assert {name: value(page, name) for name in ORIGINAL} == ORIGINAL
    box.fill("0")  # zero users: the rates are zero, divisions by them are explained, the page stands
    assert value(page, "tweets_per_second") == "0 tweets/s"
    assert page.locator(".est-live__status").text_content().strip()
    page.close()


def test_with_javascript_off_the_tables_are_the_built_ones(browser, served_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(served_site + ESTIMATION + "?daily_active_users=300000000")
    assert {name: value(page, name) for name in ORIGINAL} == ORIGINAL
    assert page.locator(".est-field, .est-live").count() == 0
    context.close()


def test_the_fields_have_names_and_pass_axe_in_both_palettes(browser, served_site):
    axe = Axe()
    for scheme in ("light", "dark"):
        page = browser.new_page(color_scheme=scheme)
        page.goto(served_site + ESTIMATION)
        field(page, "daily_active_users").fill("300 million")
        assert axe_problems(page, axe) == [], scheme
        page.keyboard.press("Tab")
        page.close()
    page = browser.new_page()
    page.goto(served_site + ESTIMATION)
    box = page.get_by_role("textbox", name="Daily active users (users)")
    box.focus()
    page.keyboard.press("Control+a")
    page.keyboard.type("250 million")
    assert value(page, "tweets_per_day") == "125 million tweets/day"
    page.close()
