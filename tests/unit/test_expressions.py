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
