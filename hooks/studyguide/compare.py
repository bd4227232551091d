"""The worked examples side by side, each number from that example's own estimates."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .estimation import Model
from .problems import GuideError, Problem
from .render import value_html
from .text import markdown_text
from .yamlfile import line_of, load_yaml


@dataclass(frozen=True)
class Column:
    quantity: str
    heading: str


def read_columns(text: str, file: str) -> tuple[list[Column], list[Problem]]:
    """The comparison's columns and every problem of the file; never raises."""
    data, problems = load_yaml(text, file)
    if problems:
        return [], problems
    raw = data.get("columns") if isinstance(data, dict) else None
    columns: list[Column] = []
    if not isinstance(raw, list) or not raw:
        return [], [Problem(file, 1, "expected 'columns:', a list with a quantity and a heading each")]
    for entry in raw:
        quantity = entry.get("quantity") if isinstance(entry, dict) else None
        heading = entry.get("heading") if isinstance(entry, dict) else None
        line = line_of(entry, "quantity")
        if not isinstance(quantity, str) or not isinstance(heading, str) or not heading.strip():
            problems.append(Problem(file, line, "each column needs a quantity (a name) and a heading (text)",
                                    "- quantity: read_write_ratio\n    heading: Reads per write"))
        elif "<" in heading:
            problems.append(Problem(file, line_of(entry, "heading") or line, "the heading contains HTML",
                                    "write it as plain text"))
        else:
            columns.append(Column(quantity, heading.strip()))
    return columns, problems


def load_columns(path: Path, display: str) -> list[Column]:
    columns, problems = read_columns(path.read_text(encoding="utf-8"), display)
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
    head = "| Example | " + " | ".join(markdown_text(c.heading) for c in columns) + " |"
    rule = "| --- |" + " ---: |" * len(columns)
    body = [f"| [{markdown_text(title)}]({link}) | " + " | ".join(value_html(model.quantities[c.quantity]) for c in columns) + " |"
            for title, link, model in rows]
    return "\n".join([head, rule, *body])
