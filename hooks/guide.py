"""MkDocs hook: the guide's pipeline (``studyguide.guide.Guide``) run from MkDocs' events.

Thin adapter. One ``Guide`` is built per build from the files MkDocs found;
each event hands it what MkDocs has at that point. Problems are collected, not
raised, so a contributor sees all of them; the build stops once, in
``on_env``, after every page has been read and rendered and before anything
is written. ``make validate`` runs the same ``Guide`` without MkDocs
(``studyguide.check``) and reports the same problems.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from studyguide.diagrams import LANGUAGE, escaping
from studyguide.frontmatter import first_line
from studyguide.guide import Guide, is_source
from studyguide.navfile import nav_titles

_guide: Guide | None = None


def _current() -> Guide:
    if _guide is None:  # MkDocs calls on_files before any page event
        raise PluginError("the guide's hook ran out of order: on_files has not run")
    return _guide


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Mermaid fences escape their text, whatever form of fence a page uses (see studyguide.diagrams)."""
    fences = config.mdx_configs.get("pymdownx.superfences", {}).get("custom_fences", [])
    for fence in fences:
        if fence.get("name") == LANGUAGE and not getattr(fence["format"], "escapes_diagram_text", False):
            fence["format"] = escaping(fence["format"])
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    global _guide
    _guide = Guide({f.src_uri: f.content_string for f in files if is_source(f.src_uri)})
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    titles = nav_titles(Path(config.config_file_path).read_text(encoding="utf-8")) if config.config_file_path else []
    _current().set_nav([page.file.src_uri for page in nav.pages], titles)
    return nav


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return _current().page_markdown(page.file.src_uri, markdown, first_line(page.file.content_string, markdown))


@event_priority(50)  # before print-site copies the page into its one-page view
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return _current().page_html(page.file.src_uri, html)


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    report = _current().report()
    if report:
        raise PluginError(report)
    return env


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    """The page scripts the guide declared for this page; overrides/main.html links them."""
    context["page_scripts"] = _current().scripts(page.file.src_uri)
    return context
