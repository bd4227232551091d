"""MkDocs hook: Mermaid's files where mermaid2 and print-site do not put them.

- The print-site plugin renders its one-page view after the per-page events,
  so mermaid2 never adds its script there; we add the same <script> tag
  mermaid2 adds to every other page with a diagram (as text: parsing that
  page, the whole guide, with BeautifulSoup as mermaid2 does took seconds).
- The offline build leaves out Mermaid's ESM build: from file:// the loader
  (mermaid-loader.js) always uses the single-file build, so the ESM files
  would only make the download bigger.

Diagram text itself is escaped and checked by the guide's pipeline (hooks/guide.py).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.utils import get_relative_url

ESM_BUILD = "assets/vendor/mermaid/esm/"


def on_files(files: Files, config: MkDocsConfig) -> Files:
    offline = config.plugins.get("material/offline")
    if offline and offline.config.enabled:
        for file in [f for f in files if f.src_uri.startswith(ESM_BUILD)]:
            files.remove(file)
    return files


@event_priority(-100)  # after print-site has written its page
def on_post_build(config: MkDocsConfig) -> None:
    print_site = config.plugins.get("print-site")
    mermaid = config.plugins.get("mermaid2")
    if not print_site or not mermaid or not print_site.config.get("enabled"):
        return
    page = print_site.print_page
    path = Path(config["site_dir"]) / page.file.dest_uri
    html = path.read_text(encoding="utf-8")
    javascript = mermaid.javascript
    if 'class="mermaid"' in html and javascript not in html:
        src = get_relative_url(javascript, page.file.url)
        html = html.replace("</body>", f'<script src="{src}"></script>\n</body>', 1)
        path.write_text(html, encoding="utf-8")
