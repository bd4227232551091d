"""The capacity reference sizes fleets from per-node figures: its worked example, checked by hand."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from studyguide.check import read_sources
from studyguide.guide import Guide

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def models():
    guide = Guide(read_sources(REPO / "docs"))
    assert not [p for p in guide.problems if "capacity" in p.file], guide.problems
    return guide.models


def value(model, name):
    q = model.quantities[name]
    return q.display_value


def test_the_sample_fleet_is_sized_as_worked_by_hand(models):
    cap = models["reference/capacity.yml"]
    per_server = value(cap, "api_server_capacity")
    utilisation = value(cap, "planning_utilisation")
    sizing = models["reference/capacity-sizing.yml"]
    # 30,000 requests/s at 1,000 a server, planned at 60%: 50 servers; 17 in each of 3 zones, 51 in all
    assert (per_server, utilisation) == (1000, 0.6)
    assert value(sizing, "sample_servers_planned") == math.ceil(30_000 / (1000 * 0.6)) == 50
    assert value(sizing, "sample_servers_total") == 17 * 3
    # after losing a zone, 34 servers carry 30,000 requests/s: 88% of 34,000
    assert value(sizing, "sample_load_after_zone_loss") == pytest.approx(100 * 30_000 / 34_000)
    # 200 GB × 1.5 overhead = 300 GB, on 64 GB nodes: 5 primaries, 10 nodes with one replica each
    assert value(sizing, "sample_cache_nodes") == 2 * math.ceil(200 * 1.5 / 64) == 10
    # 10 TB × 3 copies on 2 TB nodes: 15 nodes; 20,000 writes × 3 at 10,000 a node: 6; storage decides
    assert value(sizing, "sample_db_nodes") == max(math.ceil(30 / 2), math.ceil(60_000 / 10_000)) == 15


def test_every_capacity_figure_says_where_it_comes_from(models):
    for q in models["reference/capacity.yml"].quantities.values():
        assert q.note and ("assumption" in q.note.lower() or any(c.isdigit() for c in q.note)), q.name
