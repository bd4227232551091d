"""Which worked-example pages link to a page, and where: the build's "Where the worked examples use this".

The list is made from the examples' own links, so it cannot drift from them: a
new link in an example adds a line, and a removed one takes it away. Each use
names the example, the step and the section the link sits in, and links to
that section.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from .headings import headings
from .links import page_links
from .text import markdown_text


@dataclass(frozen=True)
class Use:
    example: str  # the example's title
    page: str  # the example page that links, under docs/
    page_title: str  # the step's title, or "Overview"
    step: str  # "step 6", or '' for the overview
    section: str  # the heading of the section the link sits in, or ''
    anchor: str  # of that section, or ''

    @property
    def label(self) -> str:
        """How the use reads in the list: the section, or the page if the link is above every section."""
        return self.section or self.page_title


def uses_on(src: str, markdown: str, example: str, page_title: str, step: str = "") -> list[tuple[str, Use]]:
    """(page linked to, use) for every link of the example page ``src`` to another page, one per section."""
    sections = [h for h in headings(markdown) if h.level >= 2]
    found: dict[tuple[str, str], Use] = {}
    for link in page_links(markdown, src):
        if link.target == src:
            continue
        heading = next((h for h in reversed(sections) if h.line < link.line), None)
        use = Use(example, src, page_title, step, heading.text if heading else "", heading.anchor if heading else "")
        found.setdefault((link.target, use.anchor), use)
    return [(target, use) for (target, _), use in found.items()]


def used_by_markdown(uses: list[Use], src: str) -> str:
    """One line per example, linking to each section that uses the page at ``src``, with its step."""
    by_example: dict[str, list[Use]] = {}
    for use in uses:
        by_example.setdefault(use.example, []).append(use)
    lines = []
    for example, its in by_example.items():
        links = []
        for use in its:
            href = posixpath.relpath(use.page, posixpath.dirname(src) or ".") + (f"#{use.anchor}" if use.anchor else "")
            links.append(f"[{markdown_text(use.label)}]({href})" + (f" ({use.step})" if use.step else ""))
        lines.append(f"- **{markdown_text(example)}**: " + " · ".join(links))
    return "\n" + "\n".join(lines) + "\n"
