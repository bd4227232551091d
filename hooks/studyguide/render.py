"""HTML for computed values, estimate tables and checklists. Every contributed string is escaped."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from . import expressions as ex
from .estimation import Model, Quantity
from .numbers import format_quantity
from .text import markdown_text


def value_html(q: Quantity) -> str:
    """A computed value as inline HTML; Markdown characters are entities so ``user*day`` stays literal."""
    text = markdown_text(format_quantity(q))
    return f'<span class="est-value" data-quantity="{escape(q.name)}">{text}</span>'


def formula_html(q: Quantity, model: Model) -> str:
    """``= Daily active users × Visits per user`` with each name shown by its label."""

    def label(name: str) -> str:
        if name in model.quantities:
            return f"<em>{escape(model.quantities[name].label)}</em>"
        return escape(name)

    return "= " + ex.to_text(q.tree, label)


def _how(q: Quantity, model: Model) -> str:
    parts = []
    if q.kind == "input" and q.source:
        parts.append(f"Assumption, from {escape(q.source.removeprefix('docs/'))}")
    elif q.kind == "input":
        parts.append("Assumption")
    else:
        parts.append(formula_html(q, model))
        used = [model.quantities[n] for n in ex.names_in(q.tree) if n in model.quantities]
        inputs = [u for u in used if u.kind == "input"]
        if inputs:
            parts.append(
                "<br><small>with "
                + "; ".join(f"{escape(u.label)}: {value_html(u)}" for u in inputs)
                + "</small>"
            )
    if q.note:
        parts.append(f"<br><small>{escape(q.note)}</small>")
    return "".join(parts)


def unfold_tables(html: str) -> str:
    """Put each row of our one-line tables on a line of its own, once Markdown is done.

    Tables are emitted on one line so page line numbers stay right for error
    messages; very long lines make other plugins' line-based regular
    expressions slow (print-site took seconds), so the rendered page gets them back.
    """
    return html.replace("</tr><tr>", "</tr>\n<tr>").replace("</thead><tbody>", "</thead>\n<tbody>")


def table_html(model: Model, table_name: str) -> str:
    table = model.require_table(table_name)
    rows = []
    for name in table.rows:
        q = model.quantities[name]
        rows.append(
            f"<tr><td>{escape(q.label)}</td><td>{value_html(q)}</td><td>{_how(q, model)}</td></tr>"
        )
    caption = f"<caption>{escape(table.caption)}</caption>" if table.caption else ""
    # One line, so the page keeps its line numbers for later error messages.
    # tabindex: on a phone the table scrolls sideways, and keyboard users must reach it.
    return (
        f'<div class="est-table" data-table="{escape(table.name)}" markdown="0"><table tabindex="0">{caption}'
        "<thead><tr><th>Quantity</th><th>Value</th><th>How it is worked out</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def checklist_html(items: Sequence[tuple[str, str, str | None]], css: str) -> str:
    """A task list: (item id, text, link or None) each; linked items are shown as covered."""
    lines = []
    for item_id, text, href in items:
        checked = " checked" if href else ""
        body = f'<a href="{escape(href)}">{escape(text)}</a>' if href else escape(text)
        lines.append(
            f'<li class="task-list-item" data-item="{escape(item_id)}">'
            f'<label class="task-list-control"><input type="checkbox" disabled{checked}'
            f' aria-label="{escape(text)}"><span class="task-list-indicator"></span></label> {body}</li>'
        )
    return f'<ul class="task-list {css}">\n' + "\n".join(lines) + "\n</ul>"


def sandbox_html(example_title: str, estimation_page: str) -> str:
    """Where the sandbox script draws the sandbox, with what a reader without scripts (or on paper) sees instead."""
    return (
        '<div class="est-sandbox" id="sandbox" markdown="1">\n\n'
        "The sandbox appears here when JavaScript is on; it is off or blocked in this browser, "
        "or you are reading a printed copy. The "
        f"[{markdown_text(example_title)} estimation page]({estimation_page}) shows a complete estimate "
        "worked out from its assumptions, and reads the same without JavaScript.\n\n</div>"
    )
