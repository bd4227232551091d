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

_OPEN = re.compile(r"^(?P<indent>\s*)(?P<fence>`{3,}|~{3,})\s*(?P<lang>[\w-]*)")


def escape_mermaid_fences(markdown: str) -> str:
    """Escape the body of every ``mermaid`` fence; other fences (even one showing a mermaid fence) stay as they are."""
    out = []
    fence: str | None = None
    is_mermaid = False
    for line in markdown.split("\n"):
        m = _OPEN.match(line)
        if fence is None:
            if m:
                fence, is_mermaid = m.group("fence"), m.group("lang") == "mermaid"
            out.append(line)
            continue
        closing = line.strip()
        if m and closing.startswith(fence[0] * len(fence)) and not closing.lstrip(fence[0]).strip():
            fence = None
            out.append(line)
            continue
        out.append(escape(line, quote=False) if is_mermaid else line)
    return "\n".join(out)


