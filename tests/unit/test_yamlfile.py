"""Contributor YAML is read as data with YAML 1.2's rules, and hostile YAML is a problem, not a crash."""

from __future__ import annotations

import time

import pytest

from studyguide.yamlfile import load_yaml


@pytest.mark.parametrize("text, value", [
    ("a: 010", 10),          # YAML 1.1 reads octal 8
    ("a: 1:30", "1:30"),     # YAML 1.1 reads base 60: 90
    ("a: yes", "yes"),       # YAML 1.1 reads true
    ("a: off", "off"),
    ("a: true", True),
    ("a: 0x10", 16),
    ("a: 1e3", 1000.0),
    ("a: 2026-12-04", "2026-12-04"),
    ("a: 1_000", "1_000"),   # text: the estimates reader takes underscores itself
])
def test_scalars_follow_yaml_1_2(text, value):
    data, problems = load_yaml(text, "f.yml")
    assert problems == [] and data == {"a": value} and type(data["a"]) is type(value)


def test_a_billion_laughs_is_refused_at_once():
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
        f"*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(8))
    assert len(bomb) < 700
    started = time.perf_counter()
    data, problems = load_yaml(bomb, "docs/examples/x/estimates.yml")
    assert time.perf_counter() - started < 1
    assert data is None
    assert str(problems[0]) == ("docs/examples/x/estimates.yml:1: an anchor (&name) is not allowed in the guide's YAML"
                                "\n    hint: write the value out in full; anchors and aliases can make a small file "
                                "expand without bound")


@pytest.mark.parametrize("text, message", [
    ("a: 1\na: 2", "YAML syntax error: the key 'a' appears twice"),
    ("a: [1, 2", "YAML syntax error"),
    ("? [a]\n: 1", "a key must be a plain word"),
    ("a: !!python/object:os.system x", "YAML syntax error"),
])
def test_broken_yaml_is_a_problem_with_a_line(text, message):
    data, problems = load_yaml(text, "f.yml")
    assert data is None and message in problems[0].message and problems[0].line
