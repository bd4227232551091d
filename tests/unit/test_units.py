import pytest

from studyguide.units import UnitError, describe_dims, parse_unit


@pytest.mark.parametrize(
    "text, factor, dims",
    [
        ("tweets/day", 1 / 86_400, "tweet/second"),
        ("bytes/tweet", 1, "byte/tweet"),
        ("views/(user*day)", 1 / 86_400, "view/(second*user)"),
        ("GB", 1e9, "byte"),
        ("KiB", 1024, "byte"),
        ("ms", 1e-3, "second"),
        ("year", 365 * 86_400, "second"),
        ("month", 30 * 86_400, "second"),
        ("ratio", 1, "a plain number"),
        ("percent", 0.01, "a plain number"),
        ("s^2", 1, "second^2"),
    ],
)
def test_parses_units_to_scale_and_dimension(text, factor, dims):
    unit = parse_unit(text)
    assert unit.factor == pytest.approx(factor)
    assert describe_dims(unit.dims) == dims


def test_plural_and_singular_are_the_same_dimension():
    assert parse_unit("users").dims == parse_unit("user").dims
    assert parse_unit("tweets/s").dims == parse_unit("tweet/second").dims


@pytest.mark.parametrize("text", ["", "tweets//day", "tweets/(day", "3 tweets", "tweets^x", None, True])
def test_rejects_units_it_cannot_read(text):
    with pytest.raises(UnitError):
        parse_unit(text)
