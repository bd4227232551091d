"""Bad estimates are refused with the file, the line and what to do: never a traceback, never a wrong number.

Each case below once crashed ``load_model`` (nan to int, a complex power, a unit
that overflows, deep nesting, a list in a table's rows, a value that overflows its
unit) or read a number wrongly (``0,5`` as 5, ``-13 servers``, digits of other
scripts). The fuzz tests at the end throw random YAML-shaped data and mangled
copies of the guide's own files at it.
"""

from __future__ import annotations

import math
import random
from pathlib import Path

import pytest
import yaml

from studyguide import expressions as ex
from studyguide.estimation import load_model, parse_value
from studyguide.units import UnitError, parse_unit

FILE = "docs/examples/x/estimates.yml"
INPUT = "inputs:\n  tweets_per_day: {value: 100 million, unit: tweets/day, label: Tweets per day}\n"
DOCS = Path(__file__).resolve().parents[2] / "docs"


def problems_of(text: str) -> list:
    model, problems = load_model(text, FILE)
    return problems


def only_problem(text: str):
    problems = problems_of(text)
    assert len(problems) == 1, [str(p) for p in problems]
    return problems[0]


def derived(formula: str, unit: str = "'1'", extra: str = "") -> str:
    return INPUT + f"derived:\n  x:\n    formula: '{formula}'\n    unit: {unit}\n    label: X{extra}\n"


@pytest.mark.parametrize("formula, phrase", [
    ("ceil(1e308*10 - 1e308*10)", "the formula does not give a finite number"),  # nan: ValueError once
    ("pow(0 - 8, 0.5)", "the exponent of pow() must be a whole number, such as pow(2, 10)"),  # complex: TypeError
    ("pow(2, 0.5)", "the exponent of pow() must be a whole number"),
    ("pow(2, 1025)", "the exponent of pow() must be between -1024 and 1024"),
    ("pow(2, 1000)", "the formula gives a number too large to work with"),
    ("pow(1e-320, -4)", "the formula does not give a finite number"),  # 1/0 after underflow: ZeroDivisionError once
    ("pow(0, -1)", "division by zero: pow() of 0 with a negative exponent"),
    ("round(1e308 * 10)", "the formula does not give a finite number"),
    ("(" * 400 + "1" + ")" * 400, "the formula is nested too deeply (more than 50"),  # RecursionError once
    ("-" * 400 + "1", "nested too deeply"),
    ("ceil(" * 60 + "1" + ")" * 60, "nested too deeply"),
    ("+".join(["1"] * 3000), "the formula is too long (5999 names, numbers and signs; at most 200)"),
    ("1e400", "the number 1e400 is too large"),
    ("\u0662 + 1", "unexpected character '\u0662'"),  # Arabic-Indic two: float() reads it, the browser does not
    ("\uff12 + 1", "unexpected character '\uff12'"),  # fullwidth two
    ("1\u00a0+ 1", "unexpected character '\u00a0'"),  # a space that is not ASCII
])
def test_formulas_that_crashed_or_cannot_agree_are_problems(formula, phrase):
    problem = only_problem(derived(formula))
    assert problem.file == FILE and problem.line in (4, 5), problem  # the quantity, or its formula
    assert problem.message.startswith("quantity 'x': ") and phrase in problem.message, problem.message


def test_a_long_chain_of_quantities_is_evaluated_without_recursion():
    lines = ["inputs:", "  q0: {value: 1, unit: users, label: Q}", "derived:"]
    lines += [f"  q{i}: {{formula: q{i - 1} + q0, unit: users, label: Q}}" for i in range(1, 3000)]
    model, problems = load_model("\n".join(lines) + "\n", FILE)
    assert problems == [] and model is not None
    assert model.quantities["q2999"].value == 3000


def test_cycles_are_still_reported_once_each():
    text = INPUT + ("derived:\n  a: {formula: b, unit: tweets, label: A}\n  b: {formula: a, unit: tweets, label: B}\n"
                    "  c: {formula: a + tweets_per_day * day, unit: tweets, label: C}\n")
    problems = problems_of(text)
    assert [p.message for p in problems] == ["quantity 'a': formulas refer to each other in a cycle: a → b → a"]
    assert problems[0].line == 4


@pytest.mark.parametrize("unit, phrase", [
    ("EB^20", "cannot read unit 'EB^20': the power after '^' must be between -4 and 4"),
    ("s^-5", "between -4 and 4"),
    ("s^" + "9" * 5000, "between -4 and 4"),  # int() refuses 4,300 digits with a ValueError
    ("EB*" * 20 + "EB", "the unit 'EB*EB*EB*" ),
    ("ns^4*" * 10 + "ns", "is too large or too small a scale to work with"),  # underflows to 0: a division by it
    ("(" * 60 + "s" + ")" * 60, "more than 50 brackets inside one another"),
    ("s^\u0662", "cannot read unit 's^\u0662' at '\u0662'"),
])
def test_units_that_overflow_or_nest_too_deeply_are_problems(unit, phrase):
    problem = only_problem(f"inputs:\n  x:\n    value: 1\n    unit: '{unit}'\n    label: X\n")
    assert problem.line == 4 and phrase in problem.message, problem.message
    assert problem.hint == "e.g. unit: tweets/day"


def test_unit_powers_are_worked_out_as_in_the_browser():
    assert parse_unit("KB^2").factor == 1e6
    assert parse_unit("ms^-2").factor == ex.whole_power(1e-3, -2)
    assert parse_unit("s^-4").dims == (("second", -4),)
    with pytest.raises(UnitError):
        parse_unit("GB^5")


def test_a_value_that_overflows_its_unit_is_a_problem():
    problem = only_problem("inputs:\n  x:\n    value: 1e300\n    unit: EB\n    label: X\n")  # unused, still refused
    assert problem.line == 3
    assert problem.message == ("quantity 'x': the value is too large to work with "
                               "(more than 1e300 bytes, seconds or things counted)")
    assert problem.hint == "check the number and its unit"
    assert "too large" in only_problem("inputs:\n  x: {value: 1e301, unit: users, label: X}\n").message
    assert problems_of("inputs:\n  x: {value: 1e300, unit: users, label: X}\n") == []


def test_a_list_inside_a_tables_rows_is_a_problem():
    text = INPUT + "tables:\n  traffic:\n    caption: Traffic\n    rows:\n      - [tweets_per_day]\n"
    problem = only_problem(text)
    assert problem.line == 6
    assert problem.message == "table 'traffic': each row must be one quantity name, not a list"
    assert problem.hint == "write rows: [a, b], or one '- name' per line"
    assert "not a mapping" in only_problem(INPUT + "tables:\n  t:\n    rows:\n      - {a: 1}\n").message


# --- Numbers read as written, or refused --------------------------------------------------


@pytest.mark.parametrize("raw, value", [
    ("1,000", 1000), ("12,345,678", 12345678), ("1,000.5", 1000.5), ("-1,000", -1000), ("1,000 million", 1e9),
    ("1_000", 1000), ("0.5", 0.5), (" 7 ", 7), ("-.5", -0.5),
])
def test_commas_separate_thousands(raw, value):
    assert parse_value(raw) == value


@pytest.mark.parametrize("raw", ["0,5", "1,5", "1,00", "1,0000", ",5", "1,,000", "1,000,00", "1_000,000", "0,5 million"])
def test_any_other_comma_is_refused_with_a_hint_to_use_a_point(raw):
    with pytest.raises(ValueError, match="a comma may only separate thousands.*use a point for decimals"):
        parse_value(raw)


def test_a_decimal_comma_in_a_file_names_the_line():
    problem = only_problem("inputs:\n  x:\n    value: 0,5\n    unit: users\n    label: X\n")
    assert problem.line == 3
    assert problem.message == ("quantity 'x': '0,5' is not a number: a comma may only separate thousands, "
                               "as in 1,000 or 12,345,678; use a point for decimals, as in 0.5")


@pytest.mark.parametrize("raw", ["\u0662", "\uff11\uff12", "1\u0660", "\u00a05", "\u0661,000"])
def test_only_ascii_digits_are_numbers(raw):
    with pytest.raises(ValueError, match="is not a number"):
        parse_value(raw)


def test_an_integer_too_large_for_a_float_is_refused():
    with pytest.raises(ValueError, match="too large"):
        parse_value(10**400)


# --- Negative numbers only where the file says so ------------------------------------------


def test_a_negative_input_is_refused_unless_it_says_negative_true():
    problem = only_problem("inputs:\n  servers:\n    value: -13\n    unit: servers\n    label: Servers\n")
    assert problem.line == 3
    assert problem.message == "quantity 'servers': the value is negative"
    assert problem.hint == ("estimates count things, so they are 0 or more; "
                            "if this quantity can be below zero, add negative: true")
    model, problems = load_model("inputs:\n  change: {value: -13, unit: servers, label: C, negative: true}\n", FILE)
    assert problems == [] and model is not None and model.quantities["change"].value == -13


def test_a_negative_result_is_refused_unless_it_says_negative_true():
    base = INPUT + "  more: {value: 200 million, unit: tweets/day, label: More}\n"
    problem = only_problem(base + "derived:\n  x: {formula: tweets_per_day - more, unit: tweets/day, label: X}\n")
    assert problem.line == 5
    assert problem.message == "quantity 'x': the formula gives a negative number"
    assert problem.hint == "check the formula; if this quantity can be below zero, add negative: true"
    text = base + "derived:\n  x: {formula: tweets_per_day - more, unit: tweets/day, label: X, negative: true}\n"
    model, problems = load_model(text, FILE)
    assert problems == [] and model is not None
    assert model.quantities["x"].display_value == pytest.approx(-100e6)


def test_negative_must_be_true_or_false():
    problem = only_problem("inputs:\n  x:\n    value: 1\n    unit: users\n    label: X\n    negative: 'yes'\n")
    assert problem.line == 6 and problem.message == "quantity 'x': negative must be true or false"


# --- pow() gives the browser's bits -----------------------------------------------------------


def test_whole_powers_are_worked_out_by_squaring():
    assert ex.whole_power(2, 10) == 1024
    assert ex.whole_power(10, -4) == 1 / 10_000
    assert ex.whole_power(-2, 3) == -8
    assert ex.whole_power(6.9, 3) == 6.9 * 6.9 * 6.9  # not 6.9 ** 3: C's pow rounds the last bit otherwise
    assert math.isinf(ex.whole_power(10, 400))
    assert math.isinf(ex.whole_power(1e-320, -4))


def test_the_guides_powers_keep_their_values():
    model, problems = load_model(derived("pow(2, 40) + pow(62, 7) - pow(2, 10)"), FILE)
    assert problems == [] and model is not None
    assert model.quantities["x"].value == 2**40 + 62**7 - 2**10


# --- Fuzz: load_model never raises ------------------------------------------------------------

HOSTILE_STRINGS = ["", " ", "0,5", "1,000", "-13", "1e300", "1e999", "nan", "-inf", "\u0662", "\uff11", "lots",
                   "5 gazillion", "<b>x</b>", "tweets/day", "EB^20", "(" * 80, "s^-9", "pow(2, 0.5)", "a +",
                   "ceil(1e308*10 - 1e308*10)", "pow(0 - 8, 0.5)", "(" * 70 + "1" + ")" * 70, "x", "users",
                   "inputs", "derived", "tables", "value", "formula", "unit", "label", "rows", "caption", "negative",
                   "1_000", "\u00a0", "a" * 300, "tweets_per_day", "day", "s", "1", "{", "[", ":", "'", '"']
NAMES = ["x", "y", "z", "tweets_per_day", "Bad-Name", "seconds", "1x", "a_b", "__proto__"]
FIELDS = ["value", "formula", "unit", "label", "note", "scale", "negative", "caption", "rows", "fromula"]


def _scalar(rng: random.Random) -> object:
    return rng.choice([
        lambda: rng.choice(HOSTILE_STRINGS),
        lambda: rng.choice([0, 1, -1, 5, 10**400, -(10**30), 2**63]),
        lambda: rng.choice([0.5, -0.0, 1e300, -1e308, math.inf, -math.inf, math.nan, 5e-324]),
        lambda: rng.choice([True, False, None]),
        lambda: rng.choice(NAMES),
    ])()


def _value(rng: random.Random, depth: int) -> object:
    roll = rng.random()
    if depth > 3 or roll < 0.5:
        return _scalar(rng)
    if roll < 0.7:
        return [_value(rng, depth + 1) for _ in range(rng.randint(0, 3))]
    return {rng.choice(FIELDS + NAMES): _value(rng, depth + 1) for _ in range(rng.randint(0, 4))}


def _quantity(rng: random.Random) -> object:
    if rng.random() < 0.1:
        return _value(rng, 2)
    spec = {"label": rng.choice(["Label", "", "<i>", 5, None]), "unit": rng.choice(["users", "1", "EB^20", "s", 3, None])}
    spec[rng.choice(["value", "formula"])] = _scalar(rng)
    for _ in range(rng.randint(0, 2)):
        spec[rng.choice(FIELDS)] = _scalar(rng)
    return spec


def _random_file(rng: random.Random) -> object:
    if rng.random() < 0.05:
        return _value(rng, 0)
    data: dict = {}
    for section in ("inputs", "derived"):
        if rng.random() < 0.9:
            data[section] = {rng.choice(NAMES): _quantity(rng) for _ in range(rng.randint(0, 5))}
            if rng.random() < 0.05:
                data[section] = _value(rng, 2)
    if rng.random() < 0.7:
        data["tables"] = {rng.choice(NAMES): {"caption": _scalar(rng), "rows": _value(rng, 1)}}
    if rng.random() < 0.1:
        data[rng.choice(FIELDS)] = _value(rng, 1)
    return data


def _check(text: str) -> None:
    try:
        model, problems = load_model(text, FILE)
    except Exception as exc:  # noqa: BLE001 - the point: nothing may escape
        pytest.fail(f"load_model raised {exc!r} on:\n{text[:2000]}")
    for problem in problems:
        assert problem.file == FILE and problem.message, problem
        str(problem)
    if model is not None and not problems:
        for q in model.quantities.values():
            assert q.value is not None and math.isfinite(q.value) and abs(q.value) <= 1e300
            assert q.value >= 0 or q.negative


def test_random_yaml_shaped_data_never_raises():
    rng = random.Random(13)
    for _ in range(800):
        _check(yaml.safe_dump(_random_file(rng), allow_unicode=True))


def test_mangled_copies_of_the_guides_files_never_raise():
    rng = random.Random(17)
    sources = [p.read_text(encoding="utf-8") for p in sorted((DOCS / "examples").glob("*/estimates.yml"))]
    pieces = ["0,5", "-", "(", ")", "^20", "e400", "\u0662", "[", "]", ": ", "\n", "  ", "pow(", ", 0.5)", "*1e308"]
    for _ in range(60):
        text = rng.choice(sources)
        for _ in range(rng.randint(1, 6)):
            at = rng.randrange(len(text))
            if rng.random() < 0.5:
                text = text[:at] + rng.choice(pieces) + text[at:]
            else:
                text = text[:at] + text[at + rng.randint(1, 20):]
        _check(text)
