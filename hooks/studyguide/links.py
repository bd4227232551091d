"""Links from one page to other pages of the guide, read from its Markdown.

Inline links (``[text](page.md#anchor)``) and reference definitions
(``[name]: page.md``) outside code fences and code spans, resolved against the
page's folder to a path under docs/. Links to other sites and to non-page
files are not the guide's pages and are left out.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass

from .fences import prose_lines

_CODE_SPAN = re.compile(r"(`+).+?\1")
_INLINE = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'][^)]*)?\)")
_REFERENCE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)")


@dataclass(frozen=True)
class Link:
    line: int  # 0-based line of the page Markdown
    target: str  # the page linked to, under docs/
    anchor: str  # without '#', or ''


def page_links(markdown: str, src: str) -> list[Link]:
    """Every link of the page at ``src`` (under docs/) to another page of the guide, in page order."""
    found: list[Link] = []
    folder = posixpath.dirname(src)
    for number, line in prose_lines(markdown):
        line = _CODE_SPAN.sub("", line)
        targets = [m.group(1) for m in _INLINE.finditer(line)]
        reference = _REFERENCE.match(line)
        if reference:
            targets.append(reference.group(1))
        for target in targets:
            path, _, anchor = target.partition("#")
            if "://" in path or path.startswith(("/", "mailto:")) or not path.endswith(".md"):
                continue
            found.append(Link(number, posixpath.normpath(posixpath.join(folder, path)), anchor))
    return found
