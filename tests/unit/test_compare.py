import pytest

from studyguide.compare import Column, comparison
from studyguide.estimation import load_model

COLUMNS = [Column("read_write_ratio", "Reads per write"), Column("egress_bandwidth", "Egress")]


def model(text, name):
    m, problems = load_model(text, f"docs/examples/{name}/estimates.yml")
    assert problems == []
    return m


def test_one_row_per_example_each_number_from_its_own_model():
    a = model("derived:\n  read_write_ratio: {formula: 100, unit: '1', label: r}\n"
              "  egress_bandwidth: {formula: 2 * GB / s, unit: bytes/s, label: e}\n", "a")
    table = comparison([("A", "a/index.md", a)], COLUMNS)
    assert table.split("\n")[0] == "| Example | Reads per write | Egress |"
    assert table.split("\n")[2] == (
        '| [A](a/index.md) | <span class="est-value" data-quantity="read_write_ratio">100</span> | '
        '<span class="est-value" data-quantity="egress_bandwidth">2 GB/s</span> |')


def test_an_example_missing_a_compared_quantity_is_named():
    b = model("derived:\n  read_write_ratio: {formula: 3, unit: '1', label: r}\n", "b")
    with pytest.raises(ValueError, match="docs/examples/b/estimates.yml has no 'egress_bandwidth'"):
        comparison([("B", "b/index.md", b)], COLUMNS)


def test_the_table_says_what_each_column_means_in_every_example():
    a = model("derived:\n  read_write_ratio: {formula: 100, unit: '1', label: r}\n"
              "  egress_bandwidth: {formula: 2 * GB / s, unit: bytes/s, label: e}\n", "a")
    columns = [Column("read_write_ratio", "Reads per write", "reads of the main entity per write"),
               Column("egress_bandwidth", "Egress", "data sent to clients, CDN included")]
    table = comparison([("A", "a/index.md", a)], columns)
    assert table.split("\n")[-2:] == ["- **Reads per write**: reads of the main entity per write.",
                                      "- **Egress**: data sent to clients, CDN included."]
