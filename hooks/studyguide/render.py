"""HTML for computed values, estimate tables and checklists. Every contributed string is escaped."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from html import escape

from . import expressions as ex
from .estimation import Model, Quantity
from .numbers import format_quantity, sig
from .units import KNOWN_UNITS, SECOND, UnitError, lookup, parse_unit
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

    text = "= " + ex.to_text(q.tree, label)
    factor = unit_conversion(q, model)
    if factor is not None:
        text += f' <span class="est-convert">{conversion_text(factor)} <small>(to {escape(q.unit.text)})</small></span>'
    return text


_WORD = re.compile(r"µs|[A-Za-z][A-Za-z_]*")


def _time_factor(unit_text: str) -> float:
    """The part of a unit's scale that comes from its time units: 1/86,400 for ``tweets/day``, 1 for ``GB``."""
    def keep_time(m: re.Match[str]) -> str:
        word = m.group(0)
        return word if lookup(word)[1] == SECOND else "thing"

    try:
        return parse_unit(_WORD.sub(keep_time, unit_text)).factor
    except UnitError:
        return 1.0


def _natural_factor(node: ex.Node | None, model: Model) -> float:
    """The time scale of a formula's result if each name kept its declared unit (a unit name, its own)."""
    match node:
        case ex.Name(name=name):
            if name in model.quantities:
                return _time_factor(model.quantities[name].unit.text)
            return _time_factor(name) if name in KNOWN_UNITS else 1.0
        case ex.Neg(operand=operand):
            return _natural_factor(operand, model)
        case ex.BinOp(op=op, left=left, right=right):
            a = _natural_factor(left, model)
            if op in "+-":
                return a  # both sides are one kind of unit; the left one names it
            b = _natural_factor(right, model)
            return a * b if op == "*" else a / b
        case ex.Call(func="pow", args=(base, exponent)) if isinstance(exponent, ex.Num):
            return ex.whole_power(_natural_factor(base, model), int(exponent.value))
        case ex.Call(func=func, args=args) if func != "pow" and args:
            return _natural_factor(args[0], model)
        case _:
            return 1.0


def unit_conversion(q: Quantity, model: Model) -> float | None:
    """The time conversion the build applies to show a derived quantity in its declared unit, or None.

    ``tweets_per_day`` shown in ``tweets/s`` is divided by 86,400: the tables say so,
    since that conversion (per day to per second, per month to per day) is the step
    readers most often get wrong. Byte prefixes and percentages show in the units themselves.
    """
    if q.tree is None:
        return None
    factor = _natural_factor(q.tree, model) / _time_factor(q.unit.text)
    if not math.isfinite(factor) or factor <= 0 or abs(factor - 1) < 1e-9:
        return None
    return factor


def conversion_text(factor: float) -> str:
    """``÷ 86,400``, ``× 1,000`` or ``× 0.365``: whichever reads as a whole number."""
    inverse = 1 / factor
    if inverse >= 2 and abs(inverse - round(inverse)) < 1e-6 * inverse:
        return f"÷ {round(inverse):,}"
    if factor >= 2 and abs(factor - round(factor)) < 1e-6 * factor:
        return f"× {round(factor):,}"
    return f"× {sig(factor, 4):g}"


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
