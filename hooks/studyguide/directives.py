"""The guide's own placeholders in Markdown: ``{{ name: argument }}``.

They are found by a regular expression and replaced with text that our code
produces; page content is never run as a template. Placeholders inside fenced
code blocks (as ``studyguide.fences`` finds them) and inline code are left
alone, so the formats can be documented in the guide itself. Which names exist,
and what each one does, is the table in ``studyguide.guide``; this module only
reads the syntax.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from .fences import code_lines
from .problems import Problem

_DIRECTIVE = re.compile(r"\{\{\s*(?P<name>[A-Za-z_-]*)\s*(?::\s*(?P<arg>[^{}]*?))?\s*\}\}")
_BROKEN = re.compile(r"\{\{[^{}]{0,40}\}?\}?|\}\}")  # what is left of a placeholder written wrong
_INLINE_CODE = re.compile(r"(`+)(?:(?!\1).)+?\1")

Handler = Callable[[str, int], str]
"""Takes the argument and the 1-based file line; returns the text to put in place or raises ValueError."""

LITERAL_HINT = "to show braces literally, put them in `inline code`"


class Skip(Exception):
    """A handler cannot expand its directive because of a problem reported elsewhere: leave it, say nothing."""


def expand(markdown: str, file: str, handlers: Mapping[str, Handler], problems: list[Problem],
           first_line: int = 1) -> str:
    """Replace every directive outside code with what its handler returns.

    Unknown names, a missing argument, a handler's ``ValueError`` and text that
    looks like a placeholder but is not one (``{{ value x }}``, ``{{value: x}``)
    are recorded as problems with their line. A replacement of several lines is
    indented like the directive's line, so a table can sit inside an admonition.
    ``first_line`` is the file line of the first Markdown line (MkDocs hands
    hooks the page without its front matter).
    """
    lines = markdown.split("\n")
    skip = code_lines(markdown)
    for index, line in enumerate(lines):
        if index not in skip and ("{{" in line or "}}" in line):
            lines[index] = _expand_line(line, index + first_line, file, handlers, problems)
    return "\n".join(lines)


def _expand_line(line: str, number: int, file: str, handlers: Mapping[str, Handler],
                 problems: list[Problem]) -> str:
    pieces: list[str] = []
    last = 0
    for code in _INLINE_CODE.finditer(line):
        pieces.append(_expand_text(line[last:code.start()], number, file, handlers, problems))
        pieces.append(code.group(0))
        last = code.end()
    pieces.append(_expand_text(line[last:], number, file, handlers, problems))
    return "".join(pieces)


def _expand_text(text: str, number: int, file: str, handlers: Mapping[str, Handler],
                 problems: list[Problem]) -> str:
    names = ", ".join(f"{{{{ {k}: … }}}}" for k in handlers)

    def replace(m: re.Match[str]) -> str:
        name, arg = m.group("name"), (m.group("arg") or "").strip()
        handler = handlers.get(name)
        if handler is None:
            problems.append(Problem(file, number, f"unknown directive '{{{{ {name} }}}}'",
                                    f"directives are: {names}; {LITERAL_HINT}"))
            return m.group(0)
        if not arg:
            problems.append(Problem(file, number, f"'{{{{ {name} }}}}' needs an argument, e.g. {{{{ {name}: NAME }}}}"))
            return m.group(0)
        try:
            return _indent_like(handler(arg, number), text)
        except Skip:
            return m.group(0)
        except ValueError as exc:
            problems.append(Problem(file, number, str(exc)))
            return m.group(0)

    leftover = _BROKEN.search(_DIRECTIVE.sub("", text))
    if leftover:
        bad = leftover.group(0).strip()
        problems.append(Problem(file, number, f"'{bad}' is not a complete placeholder",
                                f"write {{{{ name: argument }}}} with a colon and two braces on each side; {LITERAL_HINT}"))
    return _DIRECTIVE.sub(replace, text)


def _indent_like(replacement: str, line: str) -> str:
    indent = line[: len(line) - len(line.lstrip())]
    if not indent or "\n" not in replacement:
        return replacement
    return "\n".join(part if not part.strip() else indent + part if i else part
                     for i, part in enumerate(replacement.split("\n")))
