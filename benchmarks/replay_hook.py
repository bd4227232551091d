"""A stand-in for the guide's hooks, so the benchmark can switch them off fairly.

Switching the hooks off outright builds a different site: every table and
computed number is left as a bare `{{ table: ... }}` directive, so the pages
are much smaller and the other plugins (search, print-site, mermaid2) have
less to do. That measures the cost of the content, not of the hooks.

This hook first records what the guide's hooks produce (RECORD=path, added
after them), then plays it back with no work at all (REPLAY=path, used instead
of them). The replayed build renders the same pages as the real one, so the
difference between the two is what the hooks themselves cost: loading and
checking the models, computing the numbers, validating every example.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from mkdocs.plugins import event_priority

RECORD = os.environ.get("RECORD")
REPLAY = os.environ.get("REPLAY")
_recorded: dict[str, dict[str, str]] = json.loads(Path(REPLAY).read_text()) if REPLAY else {}


def _keep(page, kind: str, text: str) -> None:
    _recorded.setdefault(page.file.src_uri, {})[kind] = text


@event_priority(-1000)  # after the guide's hooks have changed the Markdown
def on_page_markdown(markdown, page, config, files):
    if REPLAY:
        return _recorded.get(page.file.src_uri, {}).get("markdown", markdown)
    _keep(page, "markdown", markdown)
    return markdown


@event_priority(25)  # after the guide's hook (50), before print-site (0), as the real hook runs
def on_page_content(html, page, config, files):
    if REPLAY:
        return _recorded.get(page.file.src_uri, {}).get("html", html)
    _keep(page, "html", html)
    return html


@event_priority(-1000)  # after the guide's hook has declared the page's scripts
def on_page_context(context, page, config, nav):
    if REPLAY:
        context["page_scripts"] = _recorded.get(page.file.src_uri, {}).get("scripts", [])
    else:
        _recorded.setdefault(page.file.src_uri, {})["scripts"] = list(context.get("page_scripts", []))
    return context


def on_post_build(config):
    if RECORD:
        Path(RECORD).write_text(json.dumps(_recorded))
