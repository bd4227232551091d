"""The guide's own placeholders in Markdown: ``{{ name: argument }}``.

They are found by a regular expression and replaced with text that our code
produces; page content is never run as a template. Placeholders inside fenced
code blocks and inline code are left alone, so the formats can be documented
in the guide itself.
"""

from __future__ import annotations

import re
from typing import Callable

from .problems import Problem

KNOWN = ("value", "table", "checklist", "examples", "compare", "practice")

_DIRECTIVE = re.compile(r"\{\{\s*(?P<name>[A-Za-z_-]*)\s*(?::\s*(?P<arg>[^{}]*?))?\s*\}\}")
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_INLINE_CODE = re.compile(r"(`+)(?:(?!\1).)+?\1")

Handler = Callable[[str, int], str]


def expand(markdown: str, file: str, handlers: dict[str, Handler], problems: list[Problem],
           first_line: int = 1) -> str:
    """Replace each directive a handler is given for; report unknown directive names.

    A handler takes the argument and the 1-based line, and returns the text to put in
    place, or raises ``ValueError`` with a message (recorded as a problem). A
    replacement of several lines is indented like the directive's line, so a table
    can sit inside an admonition. ``first_line`` is the file line of the first
    Markdown line (MkDocs hands hooks the page without its front matter).
    Directives of known names without a handler here are left for another pass.
    """
    out: list[str] = []
    fence: str | None = None
    for number, line in enumerate(markdown.split("\n"), start=first_line):
        m = _FENCE.match(line)
        if fence:
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence) and not line.strip()[len(m.group(1)):].strip():
                fence = None
            out.append(line)
            continue
        if m:
            fence = m.group(1)
            out.append(line)
            continue
        out.append(_expand_line(line, number, file, handlers, problems))
    return "\n".join(out)


def _expand_line(line: str, number: int, file: str, handlers: dict[str, Handler], problems: list[Problem]) -> str:
    if "{{" not in line:
        return line
    pieces: list[str] = []
    last = 0
    for code in _INLINE_CODE.finditer(line):
        pieces.append(_expand_text(line[last:code.start()], number, file, handlers, problems))
        pieces.append(code.group(0))
        last = code.end()
    pieces.append(_expand_text(line[last:], number, file, handlers, problems))
    return "".join(pieces)


def _expand_text(text: str, number: int, file: str, handlers: dict[str, Handler], problems: list[Problem]) -> str:
    def replace(m: re.Match) -> str:
        name, arg = m.group("name"), (m.group("arg") or "").strip()
        if name not in KNOWN:
            problems.append(
                Problem(file, number, f"unknown directive '{{{{ {name} }}}}'",
                        "directives are: " + ", ".join("{{ %s: … }}" % k for k in KNOWN)
                        + "; to show braces literally, put them in `inline code`")
            )
            return m.group(0)
        handler = handlers.get(name)
        if handler is None:
            return m.group(0)
        if not arg:
            problems.append(Problem(file, number, f"'{{{{ {name} }}}}' needs an argument, e.g. {{{{ {name}: NAME }}}}"))
            return m.group(0)
        try:
            return _indent_like(handler(arg, number), text)
        except ValueError as exc:
            problems.append(Problem(file, number, str(exc)))
            return m.group(0)

    return _DIRECTIVE.sub(replace, text)


def _indent_like(replacement: str, line: str) -> str:
    indent = line[: len(line) - len(line.lstrip())]
    if not indent or "\n" not in replacement:
        return replacement
    return "\n".join(part if not part.strip() else indent + part if i else part
                     for i, part in enumerate(replacement.split("\n")))


def find(markdown: str, name: str) -> list[tuple[str, int]]:
    """Arguments and lines of every ``{{ name: … }}`` outside code."""
    found: list[tuple[str, int]] = []

    def record(arg: str, line: int) -> str:
        found.append((arg, line))
        return ""

    expand(markdown, "", {name: record}, [])
    return found
