"""The Twitter example's key numbers, worked out by hand here and compared with the built pages."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

DAY = 86_400
DAU = 200e6
TWEETS_PER_DAY = 100e6
TWEET_BYTES = 140 * 2 + 30  # 310 bytes
VIEWS_PER_DAY = DAU * (2 + 5)  # home timeline twice, five other users' pages
TWEETS_VIEWED_PER_DAY = VIEWS_PER_DAY * 20
TWEETS_VIEWED_PER_S = TWEETS_VIEWED_PER_DAY / DAY
PHOTO, VIDEO = 200e3, 2e6  # bytes
STORAGE_PER_DAY = TWEETS_PER_DAY * (TWEET_BYTES + PHOTO / 5 + VIDEO / 10)

BY_HAND = {
    # name: (value worked out here, text the page must show)
    "tweets_per_second": (TWEETS_PER_DAY / DAY, "1,157 tweets/s"),  # 1,157.4
    "peak_tweets_per_second": (2 * TWEETS_PER_DAY / DAY, "2,315 tweets/s"),
    "timeline_views_per_day": (VIEWS_PER_DAY, "1.4 billion views/day"),
    "tweets_viewed_per_second": (TWEETS_VIEWED_PER_S, "324 thousand tweets/s"),  # 324,074
    "read_write_ratio": (TWEETS_VIEWED_PER_DAY / TWEETS_PER_DAY, "280"),
    "favourites_per_day": (DAU * 5, "1 billion favourites/day"),
    "text_storage_per_day": (TWEETS_PER_DAY * TWEET_BYTES, "31 GB/day"),
    "photo_storage_per_day": (TWEETS_PER_DAY / 5 * PHOTO, "4 TB/day"),
    "video_storage_per_day": (TWEETS_PER_DAY / 10 * VIDEO, "20 TB/day"),
    "storage_per_day": (STORAGE_PER_DAY, "24 TB/day"),  # 24.03 TB
    "storage_total": (STORAGE_PER_DAY * 365 * 5, "43.9 PB"),
    "ingress_bandwidth": (STORAGE_PER_DAY / DAY, "278 MB/s"),
    "text_egress": (TWEETS_VIEWED_PER_S * TWEET_BYTES, "100 MB/s"),  # 100.5 MB/s
    "photo_egress": (TWEETS_VIEWED_PER_S / 5 * PHOTO, "13 GB/s"),  # 12.96 GB/s
    "video_egress": (TWEETS_VIEWED_PER_S / 10 / 3 * VIDEO, "21.6 GB/s"),
    "cache_memory": (0.2 * TWEETS_VIEWED_PER_DAY * TWEET_BYTES, "1.74 TB"),  # 1.736 TB
    # posts + timeline pages + favourites, one request each, at twice the average
    "peak_requests_per_second": (2 * (TWEETS_PER_DAY + VIEWS_PER_DAY + DAU * 5) / DAY, "57.9 thousand requests/s"),
    "storage_per_year": (STORAGE_PER_DAY * 365, "8.77 PB/year"),
}

_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "KB": 1e3, "MB": 1e6, "GB": 1e9, "TB": 1e12,
          "PB": 1e15}


def shown_values(site, page):
    html = (site / "examples/twitter" / page / "index.html").read_text(encoding="utf-8")
    return {s["data-quantity"]: s.get_text() for s in BeautifulSoup(html, "html.parser").select(".est-value")}


def as_number(text: str) -> float:
    m = re.match(r"([\d,.]+)\s*(thousand|million|billion|[KMGTP]B)?", text)
    return float(m.group(1).replace(",", "")) * _SCALE.get(m.group(2) or "", 1)


@pytest.mark.parametrize("name", BY_HAND)
def test_estimation_page_shows_the_hand_worked_number(built_site, name):
    value, text = BY_HAND[name]
    shown = shown_values(built_site, "estimation")
    assert shown[name] == text
    assert as_number(shown[name]) == pytest.approx(value, rel=0.005)


def test_tables_state_the_assumptions_beside_the_results(built_site):
    html = (built_site / "examples/twitter/estimation/index.html").read_text(encoding="utf-8")
    page = BeautifulSoup(html, "html.parser")
    assumptions = page.select_one('.est-table[data-table="assumptions"]').get_text(" ")
    for given in ("1 billion users", "200 million users", "0.5 tweets/(user·day)", "200 KB/photo",
                  "2 MB/video", "5 years"):
        assert given in assumptions
    traffic = page.select_one('.est-table[data-table="traffic"]').get_text(" ")
    assert "100 million tweets/day" in traffic  # 200 million users × 0.5 tweets each
    storage = page.select_one('.est-table[data-table="storage"]')
    assert "×" in storage.get_text()  # each derived row shows its formula


def test_the_examples_index_compares_twitter_with_the_same_numbers(built_site):
    html = (built_site / "examples/index.html").read_text(encoding="utf-8")
    row = next(tr for tr in BeautifulSoup(html, "html.parser").select("table tr")
               if tr.find("a", string="Twitter-like service") and tr.select(".est-value"))
    shown = {s["data-quantity"]: s.get_text() for s in row.select(".est-value")}
    assert shown == {"read_write_ratio": "280", "peak_requests_per_second": "57.9 thousand requests/s",
                     "storage_per_year": "8.77 PB/year", "egress_bandwidth": "34.7 GB/s"}


def test_overview_quotes_the_same_numbers_as_the_estimation_page(built_site):
    overview = shown_values(built_site, ".")
    estimation = shown_values(built_site, "estimation")
    shared = set(overview) & set(estimation)
    assert shared, "the overview quotes no computed number"
    assert {n: overview[n] for n in shared} == {n: estimation[n] for n in shared}
