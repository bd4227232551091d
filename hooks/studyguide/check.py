"""The whole guide checked without a site generator: what ``make validate`` runs.

``check_guide`` reads docs/ and the navigation of mkdocs.yml, and sends every
file through the same ``Guide`` pipeline the MkDocs build uses, in the same
order: sources, navigation, each page's Markdown, each page's rendered HTML.
So the guarantees (every checklist item covered, every number computed, no
script from content) hold whatever builds the HTML, and ``make validate``
reports exactly the problems ``mkdocs build --strict`` reports.
"""

from __future__ import annotations

from pathlib import Path

from .frontmatter import first_line, split
from .guide import NOT_PAGES, Guide, is_source
from .markdown_render import renderer
from .navfile import nav_paths, nav_titles
from .problems import Problem


def read_sources(docs: Path) -> dict[str, str]:
    return {p.relative_to(docs).as_posix(): p.read_text(encoding="utf-8")
            for p in sorted(docs.rglob("*")) if p.is_file() and is_source(p.name)}


def check_guide(root: Path, pages: str = "") -> Guide:
    """The guide at ``root`` (the folder with mkdocs.yml and docs/), through every check of the build.

    Every source is read and checked as a whole; the pages whose path under
    docs/ starts with ``pages`` (all of them by default) are also expanded and
    rendered. A page's own problems are always about its own file, so checking
    one example renders just its pages and still finds all of its problems.
    """
    mkdocs_yml = (root / "mkdocs.yml").read_text(encoding="utf-8")
    guide = Guide(read_sources(root / "docs"))
    guide.set_nav(nav_paths(mkdocs_yml), nav_titles(mkdocs_yml))
    render = renderer(mkdocs_yml, root)
    for src, text in sorted(guide.files.items()):
        if not src.endswith(".md") or src.startswith(NOT_PAGES) or not src.startswith(pages):
            continue
        _, body, _ = split(text, src)
        body = body.lstrip("\n")  # MkDocs drops the blank lines after the front matter too
        markdown = guide.page_markdown(src, body, first_line(text, body))
        guide.page_html(src, render(markdown))
    return guide


def problems_of(guide: Guide, prefix: str | None = None) -> list[Problem]:
    """The guide's problems, sorted and without repeats; ``prefix`` keeps one folder's (and the shared files')."""
    unique = guide.sorted_problems()
    if prefix is None:
        return unique
    shared = ("docs/_data/", "mkdocs.yml")
    return [p for p in unique if p.file.startswith((prefix, *shared))]
