"""The estimation model: happy path, and every kind of bad input by its message."""

import pytest

from studyguide.estimation import load_model
from studyguide.render import table_html, value_html

GOOD = """
inputs:
  daily_active_users: {value: 200 million, unit: users, label: Daily active users}
  tweets_per_day: {value: 100 million, unit: tweets/day, label: New tweets per day}
  tweet_size: {value: 310, unit: bytes/tweet, label: Tweet size, note: "140 chars x 2 bytes + 30 bytes; <b>not bold</b>"}
  peak_factor: {value: 2, unit: ratio, label: Peak to average}
derived:
  tweet_rate: {formula: tweets_per_day, unit: tweets/s, label: Tweets per second}
  peak_tweet_rate: {formula: tweet_rate * peak_factor, unit: tweets/s, label: Peak tweets per second}
  ingress: {formula: tweet_rate * tweet_size, unit: bytes/s, label: Ingress}
  text_per_five_years: {formula: tweets_per_day * tweet_size * 5 * year, unit: TB, label: Text over 5 years}
tables:
  traffic: {caption: Traffic, rows: [tweets_per_day, tweet_rate, peak_tweet_rate]}
"""


def model_of(text):
    return load_model(text, "docs/examples/x/estimates.yml")


def messages(text):
    _, problems = model_of(text)
    return [str(p) for p in problems]


def test_happy_path_values_in_base_and_declared_units():
    model, problems = model_of(GOOD)
    assert problems == []
    q = model.quantities
    assert q["tweet_rate"].value == pytest.approx(100e6 / 86_400)
    assert q["peak_tweet_rate"].display_value == pytest.approx(2 * 100e6 / 86_400)
    assert q["ingress"].value == pytest.approx(100e6 / 86_400 * 310)  # bytes per second
    assert q["text_per_five_years"].display_value == pytest.approx(100e6 * 310 * 5 * 365 / 1e12)


def test_table_and_values_render_with_labels_formulas_and_escaped_notes():
    model, _ = model_of(GOOD)
    html = table_html(model, "traffic")
    assert "<caption>Traffic</caption>" in html
    assert "1,157 tweets/s" in html and "2,315 tweets/s" in html
    assert "= <em>Tweets per second</em> × <em>Peak to average</em>" in html
    assumptions = table_html(model, "assumptions")
    assert "&lt;b&gt;not bold&lt;/b&gt;" in assumptions and "<b>" not in assumptions
    assert value_html(model.quantities["ingress"]) == (
        '<span class="est-value" data-quantity="ingress">359 KB/s</span>'
    )


def test_unknown_table_is_reported_with_the_tables_that_exist():
    model, _ = model_of(GOOD)
    with pytest.raises(ValueError, match="unknown table 'trafic'.*assumptions, traffic"):
        table_html(model, "trafic")


@pytest.mark.parametrize(
    "yaml_text, expected",
    [
        (  # unknown name, with a suggestion
            "inputs:\n  tweets_per_day: {value: 1, unit: tweets/day, label: a}\n"
            "derived:\n  rate: {formula: tweets_pr_day, unit: tweets/s, label: b}\n",
            "estimates.yml:4: quantity 'rate': unknown name 'tweets_pr_day' in the formula\n"
            "    hint: did you mean 'tweets_per_day'?",
        ),
        (  # cycle
            "derived:\n  a: {formula: b, unit: 1, label: a}\n  b: {formula: a, unit: 1, label: b}\n",
            "quantity 'a': formulas refer to each other in a cycle: a → b → a",
        ),
        (  # division by zero
            "inputs:\n  zero: {value: 0, unit: users, label: z}\n"
            "derived:\n  per_user: {formula: 1 / zero, unit: 1/user, label: p}\n",
            "estimates.yml:4: quantity 'per_user': division by zero",
        ),
        (  # bytes + seconds
            "inputs:\n  size: {value: 1, unit: bytes, label: s}\n  wait: {value: 1, unit: s, label: w}\n"
            "derived:\n  nonsense: {formula: size + wait, unit: bytes, label: n}\n",
            "quantity 'nonsense': unit mismatch: cannot add second to byte",
        ),
        (  # declared unit disagrees with the formula
            "inputs:\n  rate: {value: 5, unit: requests/s, label: r}\n  size: {value: 2, unit: KB/request, label: s}\n"
            "derived:\n  egress: {formula: rate * size, unit: requests/s, label: e}\n",
            "quantity 'egress': unit mismatch: the formula gives byte/second but the unit 'requests/s' is request/second",
        ),
        (  # not a number
            "inputs:\n  users: {value: lots, unit: users, label: u}\n",
            "estimates.yml:2: quantity 'users': 'lots' is not a number",
        ),
        (  # a scale word we do not know
            "inputs:\n  users: {value: 2 zillion, unit: users, label: u}\n",
            "'zillion' is not a scale word",
        ),
        (  # YAML syntax error, with its line
            "inputs:\n  users: {value: 1, unit: users, label: u\n  other: 3\n",
            "estimates.yml:3: YAML syntax error",
        ),
        (  # HTML in a label
            "inputs:\n  users:\n    value: 1\n    unit: users\n    label: <script>alert(1)</script>\n",
            "estimates.yml:5: quantity 'users': the label contains HTML",
        ),
        (  # duplicate key
            "inputs:\n  users: {value: 1, unit: users, label: u}\n  users: {value: 2, unit: users, label: u}\n",
            "the key 'users' appears twice",
        ),
        (  # unknown field (a typo of formula)
            "derived:\n  a: {fromula: 1, unit: 1, label: a}\n",
            "quantity 'a': unknown field 'fromula'",
        ),
        (  # code injected into a formula is a syntax error, never run
            "derived:\n  a: {formula: \"__import__('os').system('touch /tmp/pwned')\", unit: 1, label: a}\n",
            "quantity 'a': unexpected character ''' in formula",
        ),
        (  # a bad unit
            "inputs:\n  a: {value: 1, unit: 'tweets//day', label: a}\n",
            "quantity 'a': cannot read unit 'tweets//day'",
        ),
        (  # table row that does not exist
            "inputs:\n  a: {value: 1, unit: users, label: a}\ntables:\n  t: {rows: [a, b]}\n",
            "table 't': unknown quantity 'b'",
        ),
    ],
)
def test_bad_input_is_reported_by_file_line_and_quantity(yaml_text, expected):
    found = messages(yaml_text)
    assert any(expected in m for m in found), found


def test_every_problem_is_reported_not_only_the_first():
    found = messages(
        "inputs:\n  a: {value: x, unit: users, label: a}\n  b: {value: 1, unit: users, label: <i>b</i>}\n"
        "derived:\n  c: {formula: nope, unit: 1, label: c}\n"
    )
    assert len(found) == 3


def test_a_failed_quantity_does_not_cascade_into_duplicate_reports():
    found = messages(
        "derived:\n  a: {formula: missing, unit: 1, label: a}\n  b: {formula: a * 2, unit: 1, label: b}\n"
    )
    assert len(found) == 1 and "unknown name 'missing'" in found[0]


def test_a_broken_input_is_reported_once_not_again_by_every_formula_using_it():
    found = messages(
        "inputs:\n  users: {value: TODO, unit: users, label: u}\n"
        "derived:\n  twice: {formula: users * 2, unit: users, label: t}\ntables:\n  t: {rows: [users, twice]}\n"
    )
    assert found == ["docs/examples/x/estimates.yml:2: quantity 'users': 'TODO' is not a number\n"
                     "    hint: write a number, e.g. 200 million or 0.2"]


def test_the_page_data_says_which_quantities_may_be_negative():
    from studyguide.model_data import model_data

    model, problems = load_model("inputs:\n  delta: {value: -3, unit: users, label: Change, negative: true}\n"
                                 "  users: {value: 3, unit: users, label: Users}\n", "docs/e.yml")
    assert problems == []
    entries = {e["name"]: e for e in model_data(model)["quantities"]}
    assert entries["delta"]["negative"] is True and "negative" not in entries["users"]


def test_an_included_file_lends_its_quantities_as_assumptions():
    from studyguide.guide import Guide

    capacity = "inputs:\n  server_capacity: {value: 1000, unit: requests/(s*server), label: One server, note: Measured}\n"
    example = ("include: [reference/capacity.yml]\ninputs:\n  load: {value: 2500, unit: requests/s, label: Load}\n"
               "derived:\n  servers: {formula: ceil(load / server_capacity), unit: servers, label: Servers}\n")
    files = {"reference/capacity.yml": capacity, "examples/x/estimates.yml": example}
    guide = Guide(files)
    model = guide.models["examples/x/estimates.yml"]
    assert model.quantities["servers"].value == 3  # 2,500 ÷ 1,000 per server, rounded up
    assert [q.name for q in model.inputs] == ["load"]  # the capacity is listed where it is defined
    assert model.quantities["server_capacity"].source == "docs/reference/capacity.yml"


def test_a_missing_or_broken_include_is_a_problem_and_a_cycle_ends():
    from studyguide.guide import Guide

    files = {"a.yml": "include: [b.yml]\n", "b.yml": "include: [a.yml]\n", "c.yml": "include: [nowhere.yml]\n",
             "d.yml": "include: [reference/x.yml]\ninputs:\n  x: {value: 1, unit: ratio, label: X}\n",
             "reference/x.yml": "inputs:\n  x: {value: 2, unit: ratio, label: X}\n"}
    messages = [(p.file, p.message) for p in Guide(files).problems if p.file.endswith(".yml")]
    assert ("docs/c.yml", "cannot include 'nowhere.yml': it is not an estimates file that computes without problems") in messages
    assert any(f == "docs/a.yml" or f == "docs/b.yml" for f, _ in messages)
    assert ("docs/d.yml", "quantity 'x' is defined twice (also in docs/reference/x.yml, which this file includes)") in messages


def test_the_table_shows_the_time_conversion_the_build_applies():
    model, problems = load_model(
        "inputs:\n  tweets_per_day: {value: 100 million, unit: tweets/day, label: New tweets per day}\n"
        "  size: {value: 1, unit: KB/tweet, label: Tweet size}\n"
        "derived:\n  tweet_rate: {formula: tweets_per_day, unit: tweets/s, label: Tweets per second}\n"
        "  per_year: {formula: tweets_per_day * size, unit: TB/year, label: Storage per year}\n"
        "  per_day: {formula: tweets_per_day * size, unit: GB/day, label: Storage per day}\n"
        "tables:\n  t: {rows: [tweet_rate, per_year, per_day]}\n", "docs/e.yml")
    assert problems == []
    html = table_html(model, "t")
    rows = html.split("<tr>")[2:]
    # 100 million a day is 1,157 a second: the per-day figure divided by the 86,400 seconds of a day
    assert "1,157 tweets/s" in rows[0] and "÷ 86,400 <small>(to tweets/s)</small>" in rows[0]
    # 100 GB a day is 36.5 TB a year: × 365 days; the byte prefixes show in the units themselves
    assert "36.5 TB/year" in rows[1] and "× 365 <small>(to TB/year)</small>" in rows[1]
    assert "est-convert" not in rows[2]  # per day stays per day


def test_dependents_follow_formulas_through_other_quantities():
    model, problems = load_model("inputs:\n  a: {value: 1, unit: ratio, label: A}\n  b: {value: 1, unit: ratio, label: B}\n"
                                 "derived:\n  c: {formula: a * 2, unit: ratio, label: C}\n"
                                 "  d: {formula: c + b, unit: ratio, label: D}\n", "docs/e.yml")
    assert problems == [] and model.dependents("a") == {"c", "d"} and model.dependents("d") == set()


def test_logarithms_and_roots_keep_units_honest():
    model, problems = model_of("""
inputs:
  target_false_positives: {value: 1, unit: percent, label: Target false-positive rate}
  registers: {value: 16384, unit: "1", label: HyperLogLog registers}
  area: {value: 4, unit: km^2, label: Area}
derived:
  bits_per_item: {formula: -ln(target_false_positives) / (ln(2) * ln(2)), unit: "1", label: Bits an item}
  hashes: {formula: round(bits_per_item * ln(2)), unit: "1", label: Hash functions}
  standard_error: {formula: 1.04 / sqrt(registers), unit: percent, label: Standard error}
  precision: {formula: log2(registers), unit: "1", label: Precision}
  side: {formula: sqrt(area), unit: km, label: Side}
""".replace("km^2", "m^2").replace("unit: km,", "unit: m,"))
    assert problems == []
    q = model.quantities
    assert q["bits_per_item"].value == pytest.approx(9.585, abs=5e-4)  # 4.6052 / 0.48045
    assert q["hashes"].value == 7  # 9.585 x 0.6931 = 6.64, rounded
    assert q["standard_error"].display_value == pytest.approx(0.8125)  # 1.04 / 128, in percent
    assert q["precision"].value == 14
    assert q["side"].value == 2


@pytest.mark.parametrize("formula, unit, expected", [
    ("ln(tweets_per_day)", "1", "ln() needs a plain number, not tweet/second"),
    ("sqrt(daily_active_users)", "users", "sqrt() of user has no unit"),
    ("exp(tweet_size / tweet_size * 800)", "1", "the formula does not give a finite number"),
])
def test_logarithms_and_roots_of_the_wrong_thing_are_reported(formula, unit, expected):
    text = GOOD.replace("tables:", f"  x: {{formula: '{formula}', unit: '{unit}', label: X}}\ntables:")
    assert any(expected in m for m in messages(text)), messages(text)
