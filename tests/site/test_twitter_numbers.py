"""The Twitter example's key numbers, worked out by hand here and compared with the built pages."""

from __future__ import annotations

import math
import re

import pytest
from bs4 import BeautifulSoup

DAY = 86_400
DAU = 200e6
TWEETS_PER_DAY = DAU * 0.5
# an average tweet: 80 characters at 1.6 bytes each in UTF-8, but a retweet (one tweet in five) stores no text;
# 80 bytes of fields, 50 of row overhead
TWEET_BYTES = 80 * 1.6 * (1 - 0.2) + 80 + 50  # 232.4 bytes
VIEWS_PER_DAY = DAU * (2 + 5)  # home timeline twice, five other users' pages
TWEETS_VIEWED_PER_DAY = VIEWS_PER_DAY * 20
TWEETS_VIEWED_PER_S = TWEETS_VIEWED_PER_DAY / DAY
# media as stored: a 1 MB original and 700 KB of resized copies for one tweet in five;
# a 20 s video for one in twenty: the 5 Mbit/s upload, a 5 Mbit/s ladder of renditions, a 50 KB poster
PHOTO = 1e6 + 700e3
VIDEO = 20 * 5e6 / 8 + 20 * 5e6 / 8 + 50e3
METADATA_PER_DAY = TWEETS_PER_DAY * (TWEET_BYTES + 30) + DAU * 5 * 40 * 2 + DAU * 0.2 * 60
STORAGE_PER_DAY = METADATA_PER_DAY + TWEETS_PER_DAY * (0.2 * PHOTO + 0.05 * VIDEO)
PEAK_READS = 2 * (VIEWS_PER_DAY + DAU * 10) / DAY  # timeline pages and searches, ten a day per user (Earlybird's 2B)
PEAK_WRITES = 2 * (TWEETS_PER_DAY * (1 + 0.2 * 2 + 0.05 * 2) + DAU * 5 + DAU * 0.2) / DAY
# capacity reference: 1,000 requests/s a server, 64 GB and 100,000 operations/s a Redis node,
# 1.5× Redis overhead, 2 TB a wide-column node, 3 copies; 1.5× headroom to lose a zone
TWEET_CACHE = (TWEETS_PER_DAY * 3 + 100e6) * TWEET_BYTES * 1.5  # three days of tweets and 100 M hot older ones
TWEET_DB = (TWEETS_PER_DAY * (TWEET_BYTES + 30) + DAU * 5 * 40 * 2) * 365 * 5 * 3
# user cache: a 1 KB profile, 200 followed IDs of 8 bytes, 5 favourites a day for 3 days at 8 bytes, ×1.5 for Redis
USER_CACHE = DAU * (1000 + 200 * 8 + 5 * 3 * 8) * 1.5  # 816 GB
# every timeline page: 20 author profiles, the follow set and the favourite flags; at peak
USER_CACHE_OPS = 2 * VIEWS_PER_DAY / DAY * (20 + 2)
# Tweet DB reads at peak, each from 2 replicas (LOCAL_QUORUM): a home page misses 5% of its 20 tweets and reads the
# reader's own UserTweets; a profile page misses half of its 20 and reads the author's UserTweets
TWEET_DB_READS = 2 * (2 * DAU * 2 / DAY * (20 * 0.05 + 1) + 2 * DAU * 5 / DAY * (20 * 0.5 + 1))  # 546 thousand
# video: a played video streams 10 s at 1.5 Mbit/s, one per three seen; 70% of video impressions autoplay muted,
# 3 s at 0.4 Mbit/s; photos 200 KB for one tweet in five, 50 KB posters for one in twenty; tweets 1 KB of JSON
VIDEO_SEEN_PER_S = TWEETS_VIEWED_PER_S * 0.05
EGRESS = (TWEETS_VIEWED_PER_S * (1e3 + 0.2 * 200e3 + 0.05 * 50e3)
          + VIDEO_SEEN_PER_S / 3 * 10 * 1.5e6 / 8 + VIDEO_SEEN_PER_S * 0.7 * 3 * 0.4e6 / 8)

BY_HAND = {
    # name: (value worked out here, text the page must show)
    "tweets_per_second": (TWEETS_PER_DAY / DAY, "1,157 tweets/s"),  # 1,157.4
    "peak_tweets_per_second": (2 * TWEETS_PER_DAY / DAY, "2,315 tweets/s"),
    "timeline_views_per_day": (VIEWS_PER_DAY, "1.4 billion views/day"),
    "tweets_viewed_per_second": (TWEETS_VIEWED_PER_S, "324 thousand tweets/s"),  # 324,074
    "read_write_ratio": (TWEETS_VIEWED_PER_DAY / TWEETS_PER_DAY, "280"),
    "tweet_size": (TWEET_BYTES, "232 bytes/tweet"),
    "text_storage_per_day": (TWEETS_PER_DAY * TWEET_BYTES, "23.2 GB/day"),
    "photo_storage_per_day": (TWEETS_PER_DAY * 0.2 * PHOTO, "34 TB/day"),
    "video_storage_per_day": (TWEETS_PER_DAY * 0.05 * VIDEO, "125 TB/day"),  # 25.05 MB a video
    "storage_per_year": (STORAGE_PER_DAY * 365, "58.2 PB/year"),
    "tweet_cache_memory": (TWEET_CACHE, "139 GB"),  # 400 million tweets × 232.4 B × 1.5
    "user_cache_memory": (USER_CACHE, "816 GB"),
    "tweet_db_reads": (TWEET_DB_READS, "546 thousand reads/s"),
    "egress_bandwidth": (EGRESS, "25.9 GB/s"),
    "peak_requests_per_second": (PEAK_READS + PEAK_WRITES, "106 thousand requests/s"),
}

# Fleets, each sized from the capacity reference.
FLEETS = {
    "read_servers": math.ceil(PEAK_READS * 1.5 / 1000),  # 78,704 requests/s: 119
    "write_servers": math.ceil(PEAK_WRITES * 1.5 / 1000),  # 27,546 requests/s: 42
    # by memory 3 nodes, by operations 10 (648 thousand reads/s at peak × 1.5), two copies each
    "tweet_cache_nodes": 2 * max(math.ceil(TWEET_CACHE / 64e9), math.ceil(2 * TWEETS_VIEWED_PER_S * 1.5 / 100e3)),
    # 450 million cached timelines (DAU/MAU about 0.45) × 800 entries × 20 bytes × 1.5 = 10.8 TB on 64 GB nodes,
    # two copies
    "timeline_cache_nodes": 2 * math.ceil(450e6 * 800 * 20 * 1.5 / 64e9),
    # by memory 13 nodes, by operations 11 (713 thousand/s × 1.5), two copies each
    "user_cache_nodes": 2 * max(math.ceil(USER_CACHE / 64e9), math.ceil(USER_CACHE_OPS * 1.5 / 100e3)),
    "tweet_db_nodes_by_storage": math.ceil(TWEET_DB / 2e12),  # 582 TB with three copies
    "tweet_db_nodes_by_reads": math.ceil(TWEET_DB_READS * 1.5 / 5e3),  # 5,000 reads/s a node
    # 200 follows × 0.45 of followers with a cached timeline, doubled at peak: 208 thousand inserts/s at 10 thousand
    "fanout_workers": math.ceil(TWEETS_PER_DAY * 200 * 450e6 / 1e9 * 2 / DAY * 1.5 / 10e3),
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
    for given in ("1 billion users", "200 million users", "0.5 tweets/(user·day)", "280 characters/tweet",
                  "1.6 bytes/character", "5 years"):
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
    # egress: 324 MB/s of tweet JSON, 13.8 GB/s of photos and posters, 10.1 GB/s of played video, 1.7 of autoplay
    assert shown == {"read_write_ratio": "280", "peak_requests_per_second": "106 thousand requests/s",
                     "storage_per_year": "58.2 PB/year", "egress_bandwidth": "25.9 GB/s"}


def test_overview_quotes_the_same_numbers_as_the_estimation_page(built_site):
    overview = shown_values(built_site, ".")
    estimation = shown_values(built_site, "estimation")
    shared = set(overview) & set(estimation)
    assert shared, "the overview quotes no computed number"
    assert {n: overview[n] for n in shared} == {n: estimation[n] for n in shared}


@pytest.mark.parametrize("name", FLEETS)
def test_each_fleet_is_sized_from_the_capacity_reference_as_worked_by_hand(built_site, name):
    shown = {}
    for page in ("estimation", "high-level-design", "detailed-design", "bottlenecks", "."):
        shown.update(shown_values(built_site, page))
    assert name in shown, f"no page quotes {name}"
    assert as_number(shown[name]) == FLEETS[name]
