"""Front matter of a Markdown page, with the line each key sits on in the page."""

from __future__ import annotations

import re

from .problems import Problem
from .yamlfile import LineMap, load_yaml

_FRONT = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


def _empty() -> LineMap:
    meta = LineMap()
    meta.lines = {}
    return meta


def split(text: str, file: str) -> tuple[LineMap, str, list[Problem]]:
    """Return (meta, body, problems). Lines recorded in ``meta.lines`` are page lines."""
    m = _FRONT.match(text)
    if not m:
        return _empty(), text, []
    data, problems = load_yaml(m.group(1) or "", file)
    problems = [Problem(p.file, (p.line or 0) + 1, p.message, p.hint) for p in problems]
    if data is None:
        return _empty(), text[m.end():], problems
    if not isinstance(data, LineMap):
        return _empty(), text[m.end():], problems + [Problem(file, 1, "front matter must be a mapping of keys")]
    _shift_lines(data, 1)
    return data, text[m.end():], problems


def _shift_lines(node: object, by: int) -> None:
    if isinstance(node, dict):
        lines = getattr(node, "lines", None)
        if lines:
            for key in lines:
                lines[key] += by
        for value in node.values():
            _shift_lines(value, by)
    elif isinstance(node, list):
        for value in node:
            _shift_lines(value, by)


def first_line(source: str, body: str) -> int:
    """The source line on which ``body`` starts.

    MkDocs hands hooks the page without its front matter (and the blank lines
    after it); the hooks before ours keep the number of lines, so the lines
    missing from the top are the ones it took.
    """
    return max(1, source.count("\n") - body.count("\n") + 1)
