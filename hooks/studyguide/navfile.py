"""Read and extend the ``nav:`` of mkdocs.yml as text, keeping its comments and layout."""

from __future__ import annotations

import re

import yaml


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without running its tags (!ENV, !!python/name:…)."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def nav_paths(mkdocs_yml: str) -> list[str]:
    """Every page path in the navigation, in reading order."""
    config = yaml.load(mkdocs_yml, Loader=_TolerantLoader) or {}
    found: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, str):
            found.append(node)
        elif isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            for value in node.values():
                walk(value)

    walk(config.get("nav", []))
    return found


def nav_titles(mkdocs_yml: str) -> list[str]:
    """Every title written in the navigation (sections and pages), in reading order."""
    config = yaml.load(mkdocs_yml, Loader=_TolerantLoader) or {}
    found: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            for title, value in node.items():
                found.append(str(title))
                walk(value)

    walk(config.get("nav", []))
    return found


def add_example(mkdocs_yml: str, title: str, paths: list[str], section: str = "Worked examples") -> str:
    """Insert an example's pages at the end of the worked-examples section of ``nav:``."""
    lines = mkdocs_yml.split("\n")
    header = re.compile(rf"^(\s*)- {re.escape(section)}:\s*$")
    found = next(((i, m) for i, line in enumerate(lines) if (m := header.match(line))), None)
    if found is None:
        raise ValueError(f"mkdocs.yml has no '- {section}:' section in nav")
    start, m = found
    indent = len(m.group(1))
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) > indent):
        end += 1
    while lines[end - 1].strip() == "":
        end -= 1
    item = " " * (indent + 4)
    block = [f"{item}- {_quote(title)}:"] + [f"{item}    - {p}" for p in paths]
    return "\n".join(lines[:end] + block + lines[end:])


def _quote(title: str) -> str:
    return title if re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9 ,.'()-]*", title) else '"' + title.replace('"', '\\"') + '"'
