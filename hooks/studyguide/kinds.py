"""Kinds of teaching page and the sections each must have, read from docs/_data/page-kinds.yml.

A page that declares ``kind:`` in its front matter is held to its kind: every
section is a ``## `` heading with exactly the section's title, the page has a
Mermaid diagram if the kind asks for one, and (checked by the guide) its "used
by" list is not empty. Like the steps file, the kinds file is read without
raising: every problem comes back with its line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .diagrams import page_diagrams
from .headings import headings
from .problems import Problem
from .yamlfile import line_of, load_yaml, text_field

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_FIELDS = "each kind needs id, title, folder, diagram (true or false), used_by (true or false) and sections"


@dataclass(frozen=True)
class Section:
    title: str
    teaches: str


@dataclass(frozen=True)
class Kind:
    id: str
    title: str
    folder: str  # pages of this kind live in docs/<folder>/
    diagram: bool  # the page must have a Mermaid diagram
    used_by: bool  # the page lists the worked examples that link to it, and that list may not be empty
    sections: tuple[Section, ...]


def read_kinds(text: str, file: str) -> tuple[dict[str, Kind], list[Problem]]:
    """The kinds by id, and every problem of the file; never raises."""
    data, problems = load_yaml(text, file)
    raw = data.get("kinds") if isinstance(data, dict) else None
    if not problems and not isinstance(raw, list):
        problems.append(Problem(file, 1, "expected a list under 'kinds'", _FIELDS))
    kinds: dict[str, Kind] = {}
    for index, entry in enumerate(raw if isinstance(raw, list) else [], start=1):
        kind = _read_kind(entry, index, file, problems)
        if kind is None:
            continue
        if kind.id in kinds:
            problems.append(Problem(file, line_of(entry, "id"), f"kind '{kind.id}' is defined twice"))
        kinds[kind.id] = kind
    return kinds, problems


def _read_kind(entry: object, index: int, file: str, problems: list[Problem]) -> Kind | None:
    if not isinstance(entry, dict):
        problems.append(Problem(file, None, f"kind {index} is not a mapping", _FIELDS))
        return None
    line = line_of(entry, "id")
    found: list[Problem] = []

    def text(mapping: dict, key: str, what: str) -> str:
        return text_field(mapping, key, what, file, line, _FIELDS, found)

    def flag(key: str) -> bool:
        value = entry.get(key)
        if not isinstance(value, bool):
            found.append(Problem(file, line_of(entry, key) or line, f"kind {index}: '{key}' must be true or false",
                                 _FIELDS))
            return False
        return value

    kind_id = text(entry, "id", f"kind {index}")
    if kind_id and not _ID.match(kind_id):
        found.append(Problem(file, line, f"kind {index}: '{kind_id}' is not a valid id",
                             "use lowercase letters, digits and single hyphens, such as 'building-block'"))
    title, folder = text(entry, "title", f"kind {index}"), text(entry, "folder", f"kind {index}")
    diagram, used_by = flag("diagram"), flag("used_by")
    sections: list[Section] = []
    raw = entry.get("sections")
    if not isinstance(raw, list) or not raw:
        found.append(Problem(file, line_of(entry, "sections") or line, f"kind {index}: 'sections' must be a list",
                             "each section has a title (the page's ## heading) and what it teaches"))
    else:
        for section in raw:
            if not isinstance(section, dict):
                found.append(Problem(file, line_of(entry, "sections") or line,
                                     f"kind {index}: every section needs a title and teaches", "title: …, teaches: …"))
                continue
            sections.append(Section(text(section, "title", f"kind {index}"), text(section, "teaches", f"kind {index}")))
        titles = [s.title for s in sections]
        for dup in sorted({t for t in titles if titles.count(t) > 1}):
            found.append(Problem(file, line_of(entry, "sections") or line, f"kind {index}: section '{dup}' appears twice"))
    problems.extend(found)
    if found:
        return None
    return Kind(kind_id, title, folder.strip("/"), diagram, used_by, tuple(sections))


def kind_problems(kind: Kind, markdown: str) -> list[tuple[str, str]]:
    """(message, hint) for each part of ``kind`` the page's Markdown lacks."""
    found: list[tuple[str, str]] = []
    present = {h.text for h in headings(markdown) if h.level == 2}
    for section in kind.sections:
        if section.title not in present:
            found.append((f"the section '## {section.title}' is missing",
                          f"a {kind.title.lower()} page has it: {section.teaches[0].lower()}{section.teaches[1:]}"))
    if kind.diagram and not page_diagrams(markdown):
        found.append(("the page has no diagram",
                      f"a {kind.title.lower()} page shows how it works in at least one ```mermaid diagram"))
    return found
