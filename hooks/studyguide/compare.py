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
    definition: str = ""  # what every example's quantity must mean, shown under the table


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
        fields = entry if isinstance(entry, dict) else {}
        quantity, heading, definition = (fields.get(k) for k in ("quantity", "heading", "definition"))
        line = line_of(entry, "quantity")
        texts = (heading, definition)
        if not isinstance(quantity, str) or not all(isinstance(t, str) and t.strip() for t in texts):
            problems.append(Problem(file, line, "each column needs a quantity (a name), a heading and a definition (text)",
                                    "- quantity: read_write_ratio, heading: Reads per write, definition: what it counts"))
        elif any("<" in t for t in texts):  # type: ignore[operator]
            problems.append(Problem(file, line, "the heading or definition contains HTML", "write it as plain text"))
        else:
            columns.append(Column(quantity, str(heading).strip(), str(definition).strip()))
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
    defined = [f"- **{markdown_text(c.heading)}**: {markdown_text(c.definition)}." for c in columns if c.definition]
    notes = ["", "Each column means the same in every example:", "", *defined] if defined else []
    return "\n".join([head, rule, *body, *notes])
