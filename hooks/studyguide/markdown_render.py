"""Pages rendered as the site renders them, without the site generator.

``make validate`` must find what the build finds, including what only shows
once Markdown has run (raw HTML, attribute lists, entity tricks). This builds a
Python-Markdown converter from the ``markdown_extensions`` of mkdocs.yml, with
the extensions MkDocs always adds and the guide's escaping Mermaid fence, so
the HTML checks of ``Guide.page_html`` see the same HTML in both.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import markdown
import yaml

from .diagrams import LANGUAGE, escaping

MKDOCS_BUILTINS = ["toc", "tables", "fenced_code"]  # mkdocs.config.defaults: always loaded


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml as MkDocs does for the parts Markdown needs: ``!ENV`` and ``!!python/name:``."""


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return os.environ.get(loader.construct_scalar(node), None)
    names = loader.construct_sequence(node)  # type: ignore[arg-type,unused-ignore]
    for name in names[:-1]:
        if name in os.environ:
            return yaml.safe_load(os.environ[name])
    return names[-1] if names else None


def _python_name(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    module, _, attribute = suffix.rpartition(".")
    return getattr(importlib.import_module(module), attribute)


_ConfigLoader.add_constructor("!ENV", _env)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/name:", _python_name)
_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def extensions(mkdocs_yml: str, root: Path) -> tuple[list[str], dict[str, dict[str, Any]]]:
    """The extension names and their configuration, as MkDocs would hand them to Markdown."""
    config = yaml.load(mkdocs_yml, Loader=_ConfigLoader) or {}
    names = list(MKDOCS_BUILTINS)
    configs: dict[str, dict[str, Any]] = {}
    for entry in config.get("markdown_extensions") or []:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        if name not in names:
            names.append(name)
        if options:
            configs[name] = dict(options)
    snippets = configs.get("pymdownx.snippets")
    if snippets and "base_path" in snippets:
        paths = snippets["base_path"] if isinstance(snippets["base_path"], list) else [snippets["base_path"]]
        snippets["base_path"] = [str(root / p) for p in paths]
    for fence in configs.get("pymdownx.superfences", {}).get("custom_fences", []):
        if fence.get("name") == LANGUAGE:
            fence["format"] = escaping(fence["format"])
    return names, configs


def renderer(mkdocs_yml: str, root: Path) -> Callable[[str], str]:
    """A function from page Markdown to the HTML the site would have for it."""
    names, configs = extensions(mkdocs_yml, root)

    def render(text: str) -> str:
        return markdown.Markdown(extensions=names, extension_configs=configs).convert(text)

    return render
