"""Problems collected across the hooks of one build, so a contributor sees them all at once.

The hooks add what they find; the build stops twice at most: once before any
page is rendered (files that are wrong as a whole: examples, estimates), and
once after every page has been read (placeholders on pages), before anything
is written.
"""

from __future__ import annotations

from .problems import Problem, format_problems

_problems: list[Problem] = []


def reset() -> None:
    _problems.clear()


def add(problems: list[Problem]) -> None:
    _problems.extend(problems)


def message(headline: str) -> str | None:
    """The report so far, or None when there is nothing to report."""
    if not _problems:
        return None
    unique = list(dict.fromkeys(_problems))
    return f"{headline}\n{format_problems(unique)}"
