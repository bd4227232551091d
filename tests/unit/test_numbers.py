import pytest

from studyguide.estimation import load_model
from studyguide.numbers import format_quantity, human_number


@pytest.mark.parametrize(
    "value, text",
    [
        (0, "0"),
        (0.5, "0.5"),
        (2.3149, "2.31"),
        (11.574, "11.6"),
        (115.74, "116"),
        (1157.4, "1,157"),
        (11_574, "11.6 thousand"),
        (200e6, "200 million"),
        (1.157e9, "1.16 billion"),
        (2.5e12, "2.5 trillion"),
        (1e6 * (1 - 1e-15), "1 million"),
    ],
)
def test_counts_read_as_words_above_ten_thousand(value, text):
    assert human_number(value) == text


def _formatted(spec: str) -> dict[str, str]:
    model, problems = load_model(spec, "t.yml")
    assert problems == []
    return {name: format_quantity(q) for name, q in model.quantities.items()}


def test_bytes_use_decimal_prefixes_and_durations_pick_a_readable_unit():
    shown = _formatted(
        """
inputs:
  per_day: {value: 31, unit: GB/day, label: a}
  size: {value: 310, unit: bytes/tweet, label: b}
  big: {value: 1500, unit: TB, label: c}
  l1: {value: 0.5, unit: ns, label: d}
  seek: {value: 10000000, unit: ns, label: e}
  binary: {value: 2048, unit: KiB, label: f}
derived:
  downtime: {formula: (1 - 0.999) * year, unit: s, label: g}
  seconds_per_day: {formula: day, unit: s, label: h, scale: false}
"""
    )
    assert shown == {
        "per_day": "31 GB/day",
        "size": "310 bytes/tweet",
        "big": "1.5 PB",
        "l1": "0.5 ns",
        "seek": "10 ms",
        "binary": "2 MiB",
        "downtime": "8.76 h",
        "seconds_per_day": "86,400 s",
    }


def test_availability_close_to_one_hundred_percent_is_not_rounded_up():
    shown = _formatted(
        """
inputs:
  four_nines: {value: 99.99, unit: percent, label: a}
  three_nines: {value: 0.999, unit: ratio, label: b}
  half: {value: 50, unit: percent, label: c}
"""
    )
    assert shown == {"four_nines": "99.99%", "three_nines": "0.999", "half": "50%"}


def test_units_read_with_a_middle_dot_and_cannot_turn_into_markdown_emphasis():
    from studyguide.render import value_html

    model, _ = load_model("inputs:\n  v: {value: 2, unit: views/(user*day), label: v}\n", "t.yml")
    assert value_html(model.quantities["v"]) == (
        '<span class="est-value" data-quantity="v">2 views/(user·day)</span>'
    )


def test_bits_scale_like_bytes_and_halves_round_up():
    shown = _formatted(
        """
inputs:
  link: {value: 9.26e9, unit: bits/s, label: a}
  storage: {value: 1.825, unit: PB, label: b}
"""
    )
    assert shown == {"link": "9.26 Gbit/s", "storage": "1.83 PB"}
