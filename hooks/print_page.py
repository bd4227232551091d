"""MkDocs hook: the print-site page gets a relative base URL like every other page.

print-site renders its one-page view in ``on_post_build`` with the template
context of 404.html, whose ``base_url`` is the site URL's absolute path; on the
print page Material's search then looked for its index on the wrong path (and
from file:// or under another prefix, nowhere). We hand it a copy of that
context with the base relative to the print page, before it renders.
"""

from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url


@event_priority(100)  # before print-site renders its page
def on_post_build(config):
    plugin = config.plugins.get("print-site")
    if plugin and plugin.config.get("enabled") and plugin.context:
        plugin.context = {**plugin.context, "base_url": get_relative_url(".", plugin.print_page.file.url)}
