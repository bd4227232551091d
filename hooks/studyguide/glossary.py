"""The glossary's entries, and whether a page's main terms are defined there with a link back to it.

An entry is a ``### `` heading of docs/reference/glossary.md and the text under
it, down to the next heading. A teaching page names its main terms in front
matter (``terms:``); each must be an entry whose text links to that page, so a
reader who looks a term up is sent to where it is taught.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from .headings import headings
from .links import page_links

GLOSSARY = "reference/glossary.md"


@dataclass(frozen=True)
class Entry:
    term: str
    anchor: str
    links: frozenset[str]  # pages (under docs/) the entry's text links to


def glossary_entries(markdown: str) -> dict[str, Entry]:
    """The glossary's entries by term."""
    found = headings(markdown)
    links = page_links(markdown, GLOSSARY)
    entries: dict[str, Entry] = {}
    for i, heading in enumerate(found):
        if heading.level != 3:
            continue
        end = found[i + 1].line if i + 1 < len(found) else len(markdown.split("\n"))
        targets = frozenset(link.target for link in links if heading.line < link.line < end)
        entries[heading.text] = Entry(heading.text, heading.anchor, targets)
    return entries


def term_problems(src: str, title: str, terms: list[str], body: str, entries: dict[str, Entry]) -> list[tuple[str, str]]:
    """(message, hint) for each term of the page at ``src`` that the glossary or the page itself lacks."""
    link = f"[{title}]({posixpath.relpath(src, posixpath.dirname(GLOSSARY))})"
    found: list[tuple[str, str]] = []
    text = body.lower()
    for term in terms:
        entry = entries.get(term)
        if entry is None:
            found.append((f"the term '{term}' has no entry in the glossary (docs/{GLOSSARY})",
                          f"add '### {term}' there, with a short definition that ends 'Taught in {link}.'"))
        elif src not in entry.links:
            found.append((f"the glossary entry '{term}' does not link to this page",
                          f"end it with 'Taught in {link}.'"))
        if term.split(" (")[0].lower() not in text:  # "Sharding (partitioning)" appears as "sharding"
            found.append((f"the term '{term}' does not appear on the page", "use the term where the page teaches it, "
                          "or remove it from 'terms:'"))
    return found
