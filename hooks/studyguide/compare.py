"""The worked examples side by side, each number from that example's own estimates."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .estimation import Model
from .problems import GuideError, Problem
from .render import value_html
from .yamlfile import load_yaml


@dataclass(frozen=True)
class Column:
    quantity: str
    heading: str


def load_columns(path: Path, display: str) -> list[Column]:
    data, problems = load_yaml(path.read_text(encoding="utf-8"), display)
    try:
        columns = [Column(str(c["quantity"]), str(c["heading"])) for c in data["columns"]]
    except (KeyError, TypeError):
        problems.append(Problem(display, None, "expected 'columns:' with a quantity and a heading each"))
        columns = []
    if problems:
        raise GuideError(problems)
    return columns


def comparison(rows: list[tuple[str, str, Model]], columns: list[Column]) -> str:
    """A Markdown table: one row per (title, link, model), one column per quantity.

    Raises ValueError naming every example that lacks a quantity.
    """
    missing = [f"{model.file} has no '{c.quantity}'" for _, _, model in rows for c in columns
               if c.quantity not in model.quantities]
    if missing:
        raise ValueError("the examples cannot be compared: " + "; ".join(missing)
                         + " (see docs/_data/compare.yml)")
    head = "| Example | " + " | ".join(c.heading for c in columns) + " |"
    rule = "| --- |" + " ---: |" * len(columns)
    body = [f"| [{title}]({link}) | " + " | ".join(value_html(model.quantities[c.quantity]) for c in columns) + " |"
            for title, link, model in rows]
    return "\n".join([head, rule, *body])
