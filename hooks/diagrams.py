"""MkDocs hook: diagram text is escaped before it reaches the page (see studyguide.diagrams)."""

from studyguide.diagrams import escape_mermaid_fences


def on_page_markdown(markdown, page, config, files):
    return escape_mermaid_fences(markdown)
