"""Contributed content is data, never code: no script can reach a reader from a page.

``html_problems`` reads the HTML rendered from a contributor's Markdown (before
the guide adds its own scripts and data) and reports every way it could run
script: a ``<script>`` element, an event-handler attribute (``onerror=``,
``onclick=``; also written through attribute lists), a ``javascript:`` (or
``vbscript:``, ``data:text/html``) URL in any attribute, and elements that
embed other documents or code (``iframe``, ``object``, ``embed``, ``base``,
``form``). Entities are decoded first, as a browser does, so
``jav&#x61;script:`` is caught too. ``text_problems`` does the same for plain
text that lands in the page around the Markdown: titles and front matter.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

EMBEDDING = {"script", "iframe", "object", "embed", "base", "form", "frame", "frameset", "applet", "meta", "link"}
_URL_SCHEME = re.compile(r"^(?:javascript|vbscript|livescript):|^data:text/html", re.I)
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "srcset", "data", "cite",
                  "background", "ping", "lowsrc", "dynsrc", "manifest", "codebase"}
_CONTROL = re.compile(r"[\x00-\x20\x7f]+")
HINT = "pages, front matter, diagrams and data files are content: no scripts, event handlers or javascript: links"


class _Finder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        if tag in EMBEDDING:
            self.found.append((line, f"a <{tag}> element"))
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append((line, f"an event handler ({name}=) on <{tag}>"))
            elif name in URL_ATTRIBUTES and value and _URL_SCHEME.search(_CONTROL.sub("", value)):
                self.found.append((line, f"a script URL ({name}=\"{value.strip()[:30]}…\") on <{tag}>"))
            elif name == "srcdoc":
                self.found.append((line, f"an embedded document (srcdoc=) on <{tag}>"))

    handle_startendtag = handle_starttag


def html_problems(html: str) -> list[tuple[int, str]]:
    """(1-based line of the HTML, what was found) for everything that could run script."""
    finder = _Finder()
    finder.feed(html)
    finder.close()
    return finder.found


def text_problems(value: object) -> list[str]:
    """Markup in a front matter value (or any text shown around the Markdown): nested values too."""
    if isinstance(value, str):
        return ["it contains HTML ('<')"] if "<" in value else []
    if isinstance(value, dict):
        return [p for v in value.values() for p in text_problems(v)]
    if isinstance(value, list):
        return [p for v in value for p in text_problems(v)]
    return []
