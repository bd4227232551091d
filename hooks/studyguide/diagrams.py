"""Mermaid diagrams in page Markdown.

mermaid2's fence for Material copies the diagram text into the page as it is,
so a ``<`` in a label, or a contributor's ``<script>``, would become HTML.
``escape_mermaid_fences`` HTML-escapes the body of every ``mermaid`` fence
before Markdown runs: the browser decodes the entities again when Material
reads the text, so Mermaid sees exactly what the author wrote and the page
never contains contributed markup.
"""

from __future__ import annotations

import re
from html import escape

_OPEN = re.compile(r"^(?P<indent>\s*)(?P<fence>`{3,}|~{3,})\s*mermaid\b.*$")


def escape_mermaid_fences(markdown: str) -> str:
    out = []
    fence = None
    for line in markdown.split("\n"):
        if fence is None:
            m = _OPEN.match(line)
            if m:
                fence = m.group("fence")
            out.append(line)
            continue
        if line.strip() == fence or (line.strip().startswith(fence) and not line.strip()[len(fence):].strip()):
            fence = None
            out.append(line)
            continue
        out.append(escape(line, quote=False))
    return "\n".join(out)


def count_diagrams(markdown: str) -> int:
    return sum(1 for line in markdown.split("\n") if _OPEN.match(line))
