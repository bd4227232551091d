"""MkDocs hook: the print-site page gets a relative base URL, and its style sheets only there.

print-site renders its one-page view in ``on_post_build`` with the template
context of 404.html, whose ``base_url`` is the site URL's absolute path; on the
print page Material's search then looked for its index on the wrong path (and
from file:// or under another prefix, nowhere). We hand it a copy of that
context with the base relative to the print page, before it renders.

print-site also adds its two style sheets to every page, where they only
delayed the first paint: their rules are for the one-page view. We take them
out of ``extra_css`` here and overrides/main.html links them on that page alone.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url


PRINT_ONLY_CSS = ("css/print-site.css", "css/print-site-material.css")


@event_priority(-100)  # after print-site has added its style sheets
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    config.extra_css = [css for css in config.extra_css if str(css) not in PRINT_ONLY_CSS]
    return config


@event_priority(100)  # before print-site renders its page
def on_post_build(config: MkDocsConfig) -> None:
    plugin = config.plugins.get("print-site")
    if plugin and plugin.config.get("enabled") and plugin.context:
        plugin.context = {**plugin.context, "base_url": get_relative_url(".", plugin.print_page.file.url)}
