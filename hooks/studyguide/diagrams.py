"""Mermaid diagrams in page Markdown: drawn from text only, and checked before any reader sees them.

Escaping. mermaid2's fence for Material copies the diagram text into the page
as it is, so ``</code></pre><img onerror=…>`` in a label would become HTML.
``escaping`` wraps the configured fence formatter so the text is HTML-escaped
first. Because it runs inside SuperFences, every form of fence is covered
(```` ```mermaid ````, ```` ```{.mermaid} ````, a fence inside a blockquote or
a list): the browser decodes the entities again when Material reads the text,
so Mermaid sees exactly what the author wrote, drawn with Mermaid's strict
security level, and the page never contains contributed markup.

Checking. Mermaid's real parser is JavaScript; the build cannot run it. What it
can check without a browser, it does for every diagram (``diagram_problems``):
a diagram type Mermaid knows, the ``accTitle`` and ``accDescr`` every diagram of
the guide carries, and brackets and quotes that close on the line they open on
(in flowcharts, where a missing ``]`` is the usual slip). The browser suite
then draws every diagram of the built site in Chromium and fails on Mermaid's
error graphic (tests/browser).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from typing import Any

from .fences import fences

LANGUAGE = "mermaid"

# Mermaid 11's diagram keywords (the first word of a diagram).
TYPES = {
    "flowchart", "graph", "sequenceDiagram", "classDiagram", "classDiagram-v2", "stateDiagram", "stateDiagram-v2",
    "erDiagram", "journey", "gantt", "pie", "quadrantChart", "requirementDiagram", "gitGraph", "mindmap",
    "timeline", "sankey-beta", "xychart-beta", "block-beta", "packet-beta", "architecture-beta", "kanban",
    "radar-beta", "C4Context", "C4Container", "C4Component", "C4Dynamic", "C4Deployment",
}
_PAIRS = {"[": "]", "(": ")", "{": "}"}
_QUOTED = re.compile(r'"[^"]*"')


Formatter = Callable[..., str]


def escaping(formatter: Formatter) -> Formatter:
    """A SuperFences formatter that HTML-escapes the diagram text, then hands it to ``formatter``."""

    def format_escaped(source: str, language: str, css_class: str, options: dict, md: Any, **kwargs: Any) -> str:
        return formatter(escape(source, quote=False), language, css_class, options, md, **kwargs)

    # mermaid2 recognises its fence by the formatter's name, and then adds its script to pages with diagrams.
    format_escaped.__name__ = getattr(formatter, "__name__", format_escaped.__name__)
    format_escaped.escapes_diagram_text = True  # type: ignore[attr-defined]
    return format_escaped


@dataclass(frozen=True)
class DiagramProblem:
    line: int  # 0-based line of the page Markdown
    message: str
    hint: str


def page_diagrams(markdown: str) -> list[tuple[int, list[str]]]:
    """(0-based line of the first body line, body lines without their prefix) of each Mermaid fence."""
    lines = markdown.split("\n")
    out = []
    for fence in fences(markdown):
        if fence.lang == LANGUAGE:
            width = len(fence.prefix)
            out.append((fence.start + 1, [lines[i][width:] for i in fence.body]))
    return out


def diagram_problems(markdown: str) -> list[DiagramProblem]:
    """What is wrong with each Mermaid diagram of a page, by page line."""
    found: list[DiagramProblem] = []
    for first, body in page_diagrams(markdown):
        found += _one_diagram(first, body)
    return found


def _one_diagram(first: int, body: list[str]) -> list[DiagramProblem]:
    meaningful = [(first + i, line.strip()) for i, line in enumerate(_without_front_matter(body))
                  if line.strip() and not line.strip().startswith("%%")]
    if not meaningful:
        return [DiagramProblem(first - 1, "the Mermaid diagram is empty", "write the diagram, or remove the fence")]
    start, head = meaningful[0]
    kind = head.split()[0]
    if kind not in TYPES:
        return [DiagramProblem(start, f"'{kind}' is not a Mermaid diagram type",
                               "start the diagram with its type, such as 'flowchart LR', 'sequenceDiagram' or 'erDiagram'")]
    found = []
    keys = {text.split(":", 1)[0].split("{", 1)[0].strip() for _, text in meaningful}
    for field, what in (("accTitle", "a short title"), ("accDescr", "a sentence on what it shows")):
        if field not in keys:
            found.append(DiagramProblem(start, f"the diagram has no {field}",
                                        f"add '{field}: …' after '{head}': {what}, for readers who cannot see it"))
    if kind in ("flowchart", "graph"):
        for number, text in meaningful[1:]:
            if text.startswith(("accTitle", "accDescr", "classDef", "style", "linkStyle", "click")):
                continue
            problem = _unbalanced(text)
            if problem:
                found.append(DiagramProblem(number, f"Mermaid cannot read this line: {problem}",
                                            "close every bracket and quote on the line that opens it"))
    return found


def _without_front_matter(body: list[str]) -> list[str]:
    """Diagram lines with Mermaid's own ``---`` config block blanked out (lines keep their numbers)."""
    if not body or body[0].strip() != "---":
        return body
    for end in range(1, len(body)):
        if body[end].strip() == "---":
            return [""] * (end + 1) + body[end + 1:]
    return body


def _unbalanced(text: str) -> str | None:
    if text.count('"') % 2:
        return "a quote is not closed"
    stack: list[str] = []
    for char in _QUOTED.sub('""', text):
        if char in _PAIRS:
            stack.append(_PAIRS[char])
        elif char in _PAIRS.values():
            if not stack or stack.pop() != char:
                return f"'{char}' does not close anything"
    return f"'{stack[-1]}' is missing" if stack else None
