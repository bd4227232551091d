"""Derived figures of each worked example, worked out by hand here; and the examples index,
which must show exactly what each example's own estimates give."""

from __future__ import annotations

import functools

import pytest
from bs4 import BeautifulSoup

from helpers import REPO
from studyguide.check import read_sources
from studyguide.guide import Guide
from studyguide.numbers import format_quantity

DAY, MONTH, YEAR = 86_400, 30 * 86_400, 365 * 86_400

# example: {quantity: value in base units (per second, bytes), worked out by hand}
BY_HAND = {
    "url-shortener": {
        "new_urls_per_second": 500e6 / MONTH,  # 500 million new links a month
        "redirects_per_second": 100 * 500e6 / MONTH,  # each link followed 100 times
        "read_write_ratio": 100,
        "url_storage_per_year": 500e6 * 500 / MONTH,  # 500-byte records, in bytes per second
        "key_space": 62**7,  # base62, seven characters
    },
    "instagram": {
        "photos_viewed_per_day": 500e6 * 10 * 10 / DAY,  # 500 M users × 10 feed views × 10 photos
        "read_write_ratio": 500e6 * 10 * 10 / 100e6,  # per 100 M uploads a day
        "feed_photo_egress": 500e6 * 10 * 10 * 200e3 / DAY,  # 200 KB large variant
    },
    "chat": {
        "messages_per_day": 500e6 * 40 / DAY,  # 500 M users × 40 messages
        "recipients_per_message": 0.8 * 1 + 0.2 * 19,  # one in five messages goes to a group of 20
        "read_write_ratio": 4.6,
        "message_storage_per_year": 500e6 * 40 * 200 / DAY,  # 200-byte messages, in bytes per second
        # everything kept: the messages, and one 200 KB media file for every 20 messages
        "storage_per_year": (500e6 * 40 * 200 + 500e6 * 40 * 0.05 * 200e3) / DAY,
    },
    "web-crawler": {
        "fetch_rate": 1e9 / MONTH,  # a billion pages a month
        "url_lookup_rate": 60 * 1e9 / MONTH,  # 60 links checked against the seen set per page
        "read_write_ratio": 60,
    },
}


@functools.cache
def _guide() -> Guide:
    guide = Guide(read_sources(REPO / "docs"))  # as the build loads them: includes resolved
    assert guide.problems == []
    return guide


def model(example):
    return _guide().models[f"examples/{example}/estimates.yml"]


@pytest.mark.parametrize("example", BY_HAND)
def test_derived_figures_match_the_hand_worked_values(example):
    m = model(example)
    for name, value in BY_HAND[example].items():
        assert m.quantities[name].value == pytest.approx(value, rel=1e-9), name


def test_the_examples_index_compares_every_example_with_its_own_numbers(built_site):
    page = BeautifulSoup((built_site / "examples/index.html").read_text(encoding="utf-8"), "html.parser")
    table = next(t for t in page.select("table") if t.select(".est-value"))
    rows = {tr.a["href"].strip("/").split("/")[0]: {s["data-quantity"]: s.get_text() for s in tr.select(".est-value")}
            for tr in table.select("tbody tr")}
    assert set(rows) == {"twitter", *BY_HAND}
    for example, shown in rows.items():
        m = model(example)
        assert shown == {name: format_quantity(m.quantities[name]) for name in shown}, example
        assert set(shown) == {"read_write_ratio", "peak_requests_per_second", "storage_per_year",
                              "egress_bandwidth"}
    assert rows["url-shortener"]["read_write_ratio"] == "100"
    assert rows["web-crawler"]["read_write_ratio"] == "60"
    # 20 billion messages a day: 4 TB of text and 200 TB of media, 204 TB × 365 days
    assert rows["chat"]["storage_per_year"] == "74.5 PB/year"
