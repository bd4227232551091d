"""Live estimates: a reader changes an assumption and every number on the page is worked out again.

Run over HTTP and from disk (the offline build), with expected values worked
out by hand below, not by the guide's own engine.
"""

from __future__ import annotations

import pytest

from reader import axe_problems, open_page

pytestmark = pytest.mark.browser

ESTIMATION = "examples/twitter/estimation/"
OVERVIEW = "examples/twitter/"


def value(page, name: str) -> str:
    return page.locator(f"article span.est-value[data-quantity='{name}']").first.text_content()


def field(page, name: str):
    return page.locator(f"article .est-field input[data-quantity='{name}']").first


# The example's assumptions (docs/examples/twitter/estimates.yml), with 200 million daily active users (DAU):
#   tweets per day     = DAU × 0.5 tweets                                  = 100 million
#   write rate         = 100e6 / 86,400 s                                  = 1,157 tweets/s
#   one tweet stored   = 80 characters × 1.6 B × (1 − 20% retweets, no text)
#                        + 80 B fields + 50 B row                          = 232.4 B
#   database per day   = 100e6 × (232.4 + 30 B author's list)             = 26.24 GB
#                      + DAU × 5 favourites × 40 B × 2 tables              = 80 GB
#                      + DAU × 0.2 follows × 60 B                          = 2.4 GB    → 108.64 GB
#   one photo stored   = 1 MB original + 700 KB renditions                 = 1.7 MB
#   photos per day     = 100e6 × 0.2 × 1.7 MB                              = 34 TB
#   one video uploaded = 20 s × 5 Mbit/s                                   = 12.5 MB
#   one video stored   = 12.5 MB + 20 s × 5 Mbit/s ladder + 50 KB poster   = 25.05 MB
#   videos per day     = 100e6 × 0.05 × 25.05 MB                           = 125.25 TB
#   storage per day    = 0.10864 + 34 + 125.25 TB                          = 159.35864 TB → "159 TB/day"
#   ingress            = 1,157.4 tweets/s × (1 KB + 0.2 × 1 MB + 0.05 × 12.5 MB)
#                      = 1,157.4 × 826 KB                                  = 956.0 MB/s  → "956 MB/s"
ORIGINAL = {
    "tweets_per_day": "100 million tweets/day",
    "tweets_per_second": "1,157 tweets/s",
    "storage_per_day": "159 TB/day",
    "ingress_bandwidth": "956 MB/s",
}
# With 300 million instead: every one of these grows with DAU, so each is 1.5 times the above.
#   tweets per day     = 300e6 × 0.5                                       = 150 million
#   write rate         = 150e6 / 86,400 s                                  = 1,736 tweets/s
#   storage per day    = 1.5 × 159.35864 TB                                = 239.03796 TB → "239 TB/day"
#   ingress            = 1,736.1 tweets/s × 826 KB                         = 1,434 MB/s  → "1.43 GB/s"
CHANGED = {
    "tweets_per_day": "150 million tweets/day",
    "tweets_per_second": "1,736 tweets/s",
    "storage_per_day": "239 TB/day",
    "ingress_bandwidth": "1.43 GB/s",
}


def test_changing_daily_users_reworks_write_rate_storage_and_bandwidth(browser, site):
    with open_page(browser, site.url(ESTIMATION)) as visit:
        page = visit.page
        assert {name: value(page, name) for name in ORIGINAL} == ORIGINAL

        field(page, "daily_active_users").fill("300 million")
        assert {name: value(page, name) for name in CHANGED} == CHANGED
        # the "with ..." notes in the How column follow too
        notes = page.locator("article td small span.est-value[data-quantity='daily_active_users']")
        assert notes.count() > 0 and all(t == "300 million users" for t in notes.all_text_contents())
        assert page.locator("article .est-value.est-changed").count() >= len(CHANGED)
        assert "daily_active_users=300000000" in page.url
        assert "Daily active users 300 million" in page.locator(".est-live__status").text_content()
        assert visit.problems() == []


def test_reset_restores_the_example_values_and_the_address(browser, site):
    with open_page(browser, site.url(ESTIMATION)) as visit:
        page = visit.page
        field(page, "daily_active_users").fill("300 million")
        page.get_by_role("button", name="Reset to the example's values").click()
        assert {name: value(page, name) for name in ORIGINAL} == ORIGINAL
        assert field(page, "daily_active_users").input_value() == "200 million"
        assert "daily_active_users" not in page.url
        assert page.locator("article .est-value.est-changed").count() == 0
        assert visit.problems() == []


def test_a_shared_address_reproduces_the_changed_numbers(browser, site):
    with open_page(browser, site.url(ESTIMATION + "?daily_active_users=300000000")) as visit:
        page = visit.page
        assert {name: value(page, name) for name in CHANGED} == CHANGED
        assert field(page, "daily_active_users").input_value() == "300 million"
        assert visit.problems() == []

    # a page that only quotes numbers shows them changed, says so, and offers the way back
    with open_page(browser, site.url(OVERVIEW + "?daily_active_users=300000000")) as visit:
        page = visit.page
        assert value(page, "tweets_per_day") == CHANGED["tweets_per_day"]
        assert "changed assumptions" in page.locator(".est-live").text_content()
        page.get_by_role("button", name="Reset to the example's values").click()
        assert value(page, "tweets_per_day") == ORIGINAL["tweets_per_day"]
        assert visit.problems() == []


def test_a_value_that_is_not_a_number_is_explained_and_changes_nothing(browser, served_site):
    with open_page(browser, served_site + ESTIMATION) as visit:
        page = visit.page
        box = field(page, "daily_active_users")
        box.fill("lots")
        assert box.get_attribute("aria-invalid") == "true"
        message_id = box.get_attribute("aria-describedby")
        assert "Write a number" in page.locator(f"#{message_id}").text_content()
        assert {name: value(page, name) for name in ORIGINAL} == ORIGINAL
        box.fill("0")  # zero users: the rates are zero, divisions by them are explained, the page stands
        assert value(page, "tweets_per_second") == "0 tweets/s"
        assert page.locator(".est-live__status").text_content().strip()
        assert visit.problems() == []


def test_with_javascript_off_the_tables_are_the_built_ones(browser, served_site):
    with open_page(browser, served_site + ESTIMATION + "?daily_active_users=300000000",
                   java_script_enabled=False) as visit:
        page = visit.page
        assert {name: value(page, name) for name in ORIGINAL} == ORIGINAL
        assert page.locator(".est-field, .est-live").count() == 0
        assert visit.problems() == []


def test_the_fields_have_names_and_pass_axe_in_both_palettes(browser, served_site, axe):
    for scheme in ("light", "dark"):
        with open_page(browser, served_site + ESTIMATION, scheme=scheme) as visit:
            field(visit.page, "daily_active_users").fill("300 million")
            assert axe_problems(visit.page, axe) == [], scheme
            visit.page.keyboard.press("Tab")
            assert visit.problems() == [], scheme
    with open_page(browser, served_site + ESTIMATION) as visit:
        page = visit.page
        box = page.get_by_role("textbox", name="Daily active users (users)")
        box.focus()
        page.keyboard.press("Control+a")
        page.keyboard.type("250 million")
        assert value(page, "tweets_per_day") == "125 million tweets/day"  # 250 million × 0.5
        assert visit.problems() == []


@pytest.mark.parametrize("raw, phrase", [
    ("1e303", "the value is too large to work with"),  # once a 420-character number
    ("-5", "the value is negative"),  # once "-5 users"
])
def test_an_address_value_the_build_would_refuse_is_refused_with_the_builds_words(browser, site, raw, phrase):
    with open_page(browser, site.url(ESTIMATION + "?daily_active_users=" + raw)) as visit:
        page = visit.page
        status = page.locator(".est-live__status").text_content()
        assert "quantity 'daily_active_users': " + phrase in status, status
        assert len(value(page, "daily_active_users")) < 5  # "—", not a number of hundreds of digits
        box = field(page, "daily_active_users")
        assert box.get_attribute("aria-invalid") == "true"
        message = page.locator("#" + box.get_attribute("aria-describedby")).text_content()
        assert message.startswith(phrase[0].upper() + phrase[1:]), message
        assert visit.problems() == []


def test_a_decimal_comma_is_refused_not_read_as_a_bigger_number(browser, served_site):
    with open_page(browser, served_site + ESTIMATION) as visit:
        page = visit.page
        before = value(page, "tweets_per_second")
        box = field(page, "daily_active_users")
        box.fill("0,5")
        assert box.get_attribute("aria-invalid") == "true"
        message = page.locator("#" + box.get_attribute("aria-describedby")).text_content()
        assert "a comma may only separate thousands" in message and "use a point for decimals" in message, message
        assert value(page, "tweets_per_second") == before
        box.fill("1,000,000")
        assert box.get_attribute("aria-invalid") is None
        assert value(page, "daily_active_users") == "1 million users"
        assert visit.problems() == []
