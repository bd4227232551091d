import pytest

from studyguide import expressions as ex


def test_parses_precedence_and_writes_it_back_for_readers():
    tree = ex.parse("a + b * (c - d) / 2")
    assert ex.to_text(tree) == "a + b × (c − d) ÷ 2"
    assert ex.names_in(tree) == ["a", "b", "c", "d"]


def test_labels_replace_names_when_written_back():
    tree = ex.parse("daily_users * visits")
    assert ex.to_text(tree, label=str.upper) == "DAILY_USERS × VISITS"


@pytest.mark.parametrize(
    "formula, message",
    [
        ("__import__('os').system('true')", "unexpected character"),
        ("open(x)", "unknown function 'open'"),
        ("a ** b", "unexpected '*'"),
        ("a +", "ends too early"),
        ("(a + b", "not closed"),
        ("a; b", "unexpected character ';'"),
        ("lambda: 1", "unexpected character ':'"),
        ("", "empty"),
    ],
)
def test_code_and_garbage_are_syntax_errors_never_run(formula, message):
    with pytest.raises(ex.FormulaError, match=message):
        ex.parse(formula)


def test_numbers_accept_exponents_and_underscores():
    assert ex.parse("1e6") == ex.Num(1e6)
    assert ex.parse("1_000") == ex.Num(1000)


def test_logarithms_and_exponentials_match_values_worked_by_hand():
    assert ex.log2(1024) == 10.0  # exact for powers of two: halving is exact
    assert ex.log2(0.125) == -3.0
    assert ex.natural_log(1) == 0.0
    assert ex.natural_log(0.01) == pytest.approx(-4.605170186, rel=1e-9)
    assert ex.exponential(0) == 1.0
    assert ex.exponential(1) == pytest.approx(2.718281828, rel=1e-9)
    assert ex.exponential(ex.natural_log(10)) == pytest.approx(10, rel=1e-15)
    # a Bloom filter for 1% false positives: -ln(0.01) / (ln 2)^2 = 4.6052 / 0.48045 = 9.585 bits an item
    assert -ex.natural_log(0.01) / ex.natural_log(2) ** 2 == pytest.approx(9.585, abs=5e-4)


@pytest.mark.parametrize("formula, message", [
    ("ln(0)", "ln() and log2() need a number above zero"),
    ("log2(0 - 4)", "ln() and log2() need a number above zero"),
    ("sqrt(0 - 1)", "sqrt() needs a number of zero or more"),
    ("exp(1, 2)", "exp() takes one argument"),
])
def test_logarithms_and_roots_refuse_what_has_no_answer(formula, message):
    tree = ex.parse(formula)
    assert isinstance(tree, ex.Call)
    values = [float(eval_plain(a)) for a in tree.args]
    with pytest.raises(ex.FormulaError, match=message.replace("(", r"\(").replace(")", r"\)")):
        ex.apply_function(tree.func, values)


def eval_plain(node: ex.Node) -> float:
    match node:
        case ex.Num(value):
            return value
        case ex.BinOp("-", left, right):
            return eval_plain(left) - eval_plain(right)
    raise AssertionError(node)
