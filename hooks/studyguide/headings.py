"""A page's headings and the ids MkDocs gives them: the one place that works out heading anchors.

Ids are made as Python-Markdown's ``toc`` extension makes them (its own
``slugify`` and ``unique``), or taken from an explicit ``{#id}``; headings in
code fences are not headings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown.extensions.toc import slugify, unique

from .fences import prose_lines

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_ATTR_ID = re.compile(r"\{:?[^}]*#([\w-]+)[^}]*\}")
_ATTRS = re.compile(r"\s*\{:?[^}]*\}\s*$")


@dataclass(frozen=True)
class Heading:
    line: int  # 0-based line of the page Markdown
    level: int
    text: str  # plain text, without marks, links or an attribute list
    anchor: str


def headings(markdown: str) -> list[Heading]:
    """Every heading outside code, in page order, with the id it will have."""
    found: list[Heading] = []
    ids: set[str] = set()
    for number, line in prose_lines(markdown):
        explicit = _ATTR_ID.search(line)
        if explicit:
            ids.add(explicit.group(1))
        m = _HEADING.match(line)
        if not m:
            continue
        text = plain_heading(_ATTRS.sub("", m.group(2)))
        anchor = explicit.group(1) if explicit else unique(slugify(text, "-"), ids)
        found.append(Heading(number, len(m.group(1)), text.strip(), anchor))
    return found


def anchors(markdown: str) -> set[str]:
    """Ids a page will have: heading slugs as MkDocs makes them, and explicit ``{#id}``s, outside code."""
    found: set[str] = set()
    for _, line in prose_lines(markdown):
        for explicit in _ATTR_ID.finditer(line):
            found.add(explicit.group(1))
    return found | {h.anchor for h in headings(markdown)}


def plain_heading(text: str) -> str:
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)  # links and images
    text = re.sub(r"[`*_]", "", text)  # code and emphasis marks
    text = re.sub(r"<[^>]+>", "", text)
    return text
