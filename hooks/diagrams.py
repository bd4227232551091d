"""MkDocs hook for Mermaid diagrams.

- Diagram text is HTML-escaped before Markdown runs (see studyguide.diagrams).
- The print-site plugin renders its one-page view after the per-page events,
  so mermaid2 never adds its script there; we hand that page to mermaid2 the
  same way MkDocs hands it every other page.
"""

from pathlib import Path

from mkdocs.plugins import event_priority

from studyguide.diagrams import escape_mermaid_fences


def on_page_markdown(markdown, page, config, files):
    return escape_mermaid_fences(markdown)


@event_priority(-100)  # after print-site has written its page
def on_post_build(config):
    print_site = config.plugins.get("print-site")
    mermaid = config.plugins.get("mermaid2")
    if not print_site or not mermaid or not print_site.config.get("enabled"):
        return
    page = print_site.print_page
    path = Path(config["site_dir"]) / page.file.dest_uri
    html = path.read_text(encoding="utf-8")
    if "mermaid.min.js" not in html:
        path.write_text(mermaid.on_post_page(html, config=config, page=page), encoding="utf-8")
