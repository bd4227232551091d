"""Each building block's calculator, checked against figures worked out by hand here from its stated inputs.

Values are in base units: per second, bytes, seconds, and shares as fractions (40% is 0.4).
"""

from __future__ import annotations

import functools
import math

import pytest

from helpers import REPO
from studyguide.check import read_sources
from studyguide.guide import Guide
from studyguide.numbers import format_quantity

MINUTE, HOUR, DAY, YEAR = 60, 3600, 86_400, 365 * 86_400
KB, MB, GB, TB = 1e3, 1e6, 1e9, 1e12

BY_HAND = {
    "scaling": {
        "servers_for_peak": math.ceil(50e3 / (1000 * 0.6)),  # 50 thousand req/s at 60% of 1,000 a server
        "servers_with_zone_loss": math.ceil(50e3 / (2 * 600)) * 3,  # two of three zones carry the peak
        "parallel_downtime_per_year": 0.005**3 * YEAR,  # three servers, each down 0.5% of the time
    },
    "load-balancing": {
        "in_flight_requests": 20e3 * 0.2,  # Little's law: 20 thousand req/s × 200 ms
        "detection_time": 30 * 2,  # a check every 30 s, two failures to mark a server down
        "requests_to_dead_server": 20e3 / 40 * 60,  # one server's share for that minute
    },
    "caching": {
        "database_reads": 100e3 * (1 - 0.95),
        "database_load_factor": (1 - 0.90) / (1 - 0.95),  # 95% to 90% doubles the misses
        "hot_set_memory": 500e6 * 0.2 * 1 * KB * 1.5,
        "cache_nodes": math.ceil(150 * GB / (64 * GB)) * 2,  # three shards for memory, two copies each
    },
    "cdn": {
        "peak_egress": 200e3 * 200 * KB,  # bytes per second: 320 Gbit/s
        "origin_servers_with_cdn": math.ceil(200e3 * 200 * KB * 0.05 * 8 / (10e9 * 0.6)),
        "first_byte_average": 0.95 * 3 * 0.020 + 0.05 * (3 * 0.020 + 0.140),
    },
    "sql-and-nosql": {
        "primary_write_load": 2000 / 5000,
        "data_at_horizon": 400 * GB + 1.5 * GB * 3 * 365,  # 1.5 GB a day for three years
        "primaries_for_storage": math.ceil((400 * GB + 1.5 * GB * 3 * 365) / (2 * TB)),
    },
    "indexes-and-storage-engines": {
        "index_fanout": math.floor(8192 * 0.7 / 20),  # 8 KiB pages, 70% full, 20-byte entries: 286
        "btree_depth": math.ceil(math.log(1e9) / math.log(286)),  # a billion rows: 4 levels
        "lsm_levels": math.ceil(math.log(1 * TB / (256 * MB)) / math.log(10)) + 1,
        "lsm_write_amplification": 5 * 10,
    },
    "replication": {
        "majority_quorum": 3 // 2 + 1,
        "quorum_overlap": 2 + 2 - 3,  # W + R − N: one copy is in both
        "writes_at_risk": 5000 * 2,  # 2 s of lag at 5,000 writes/s
    },
    "partitioning": {
        "nodes_for_writes": math.ceil(150e3 * 3 / (10e3 * 0.6)),  # 75
        "keys_moved_mod_n": 8 / 9,  # from 8 shards to 9 with hash mod N
        "keys_moved_consistent": 1 / 9,
    },
    "consistent-hashing": {
        "keys_moved_consistent": 100e6 / 11,  # 10 servers, one joins
        "keys_moved_modulo": 100e6 * 10 / 11,
        "load_spread": 1 / math.sqrt(100),  # 100 virtual nodes
        "lookup_steps": math.ceil(math.log2(100 * 100)),  # binary search over 10 thousand points
    },
    "cap-and-consistency": {
        "action_latency_cross_region": 3 * 0.150,  # three dependent writes at 150 ms each
        "writes_at_risk_incident": 5000 * 60,
    },
    "queues-and-logs": {
        "partitions_needed": max(math.ceil(50e3 * 1 * KB / (10 * MB)), math.ceil(50e3 / 1000)),
        "backlog": 20e3 * 30 * MINUTE,
        "drain_time": 20e3 * 30 * MINUTE / (50e3 - 20e3),  # 20 minutes
    },
    "consensus": {
        "majority_medium": 3,  # five members: a majority of three, two may fail
        "tolerated_medium": 2,
        "holder_safe_time": 10 - 10 * 0.0002 - 1,  # lease less drift less the pause budget
    },
    "unique-ids": {
        "id_time_span": 2**41 / 1000,  # 41 bits of milliseconds, in seconds: 69.7 years
        "id_rate_per_machine": 4096 * 1000,
        "uuid_v4_collision_chance": 1e12**2 / (2 * 2**122),  # birthday bound, a trillion IDs
    },
    "rate-limiting": {
        "bucket_max_per_minute": 20 + 5 * 60,  # a full bucket, then the refill rate
        "sliding_log_memory": 10e6 * 100 * 16 * 1.5,  # every client's last 100 timestamps
        "redis_nodes_for_ops": math.ceil(500e3 * 2 / (100e3 * 0.6)),
    },
    "real-time-delivery": {
        "concurrent_connections": 200e6 * 10 / DAY * 5 * MINUTE,  # Little's law
        "gateway_servers": math.ceil(200e6 * 10 / DAY * 5 * MINUTE / 250e3),
    },
    "probabilistic-structures": {
        "bloom_bits_per_item": -math.log(0.01) / math.log(2) ** 2,  # 9.59 bits for 1%
        "bloom_hashes": round(-math.log(0.01) / math.log(2) ** 2 * math.log(2)),  # 7
        "hll_standard_error": 1.04 / math.sqrt(2**14),  # 0.81%
        "cms_width": math.ceil(math.e / 0.001),
        "cms_depth": math.ceil(math.log(1 / 0.01)),
    },
    "storage-kinds": {
        "namenode_memory": 100e6 * 5 * 365 * 4 * 2 * 150,  # every file and its block, 150 bytes each
        "objects_lost_per_year": 100e6 * 5 * 365 * 4 / 1e11 / YEAR,  # per second: 7.3 a year
    },
    "search": {
        "index_size": 10e9 * 12 * 6 * 2,
        "fanout_slow_probability": 1 - 0.99**50,  # 50 shards, each slow 1% of the time
    },
    "geospatial-indexes": {
        "geohash_cell_width": 40_075 / 2**15,  # km: six characters keep 15 bits of longitude
        "quadtree_depth": math.ceil(math.log(200e6 / 100) / math.log(4)),
    },
    "observability": {
        "error_budget_time": 0.001 * 30 * DAY,  # 43.2 minutes
        "fast_burn_rate": 0.02 * 30 * DAY / HOUR,  # 14.4
        "latency_series": 500 * 50 * 8 * 14,
    },
}


@functools.cache
def _guide() -> Guide:
    guide = Guide(read_sources(REPO / "docs"))
    assert guide.problems == []
    return guide


def test_every_building_block_has_figures_worked_by_hand():
    blocks = {p.stem for p in (REPO / "docs/building-blocks").glob("*.yml")}
    assert blocks == set(BY_HAND)


@pytest.mark.parametrize("block", BY_HAND)
def test_the_calculator_gives_the_figures_worked_by_hand(block):
    model = _guide().models[f"building-blocks/{block}.yml"]
    for name, value in BY_HAND[block].items():
        assert model.quantities[name].value == pytest.approx(value, rel=1e-9), name


@pytest.mark.parametrize("block, name, shown", [
    ("probabilistic-structures", "bloom_bits_per_item", "9.59"),
    ("probabilistic-structures", "hll_standard_error", "0.813%"),
    ("consistent-hashing", "share_moved_consistent", "9.09%"),
    ("unique-ids", "id_time_span", "69.7 years"),
    ("unique-ids", "uuid_v4_collision_chance", "9.4 × 10⁻¹⁴"),
    ("observability", "error_budget_time", "43.2 min"),
    ("geospatial-indexes", "geohash_cell_width", "1.22 km"),
])
def test_the_figures_read_as_a_reader_would_say_them(block, name, shown):
    model = _guide().models[f"building-blocks/{block}.yml"]
    assert format_quantity(model.quantities[name]) == shown
