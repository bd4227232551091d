"""Check every internal link and anchor of a built site, and list its external links.

    python scripts/links.py check site [/guide/]  # exit 1 and list every broken link or anchor
    python scripts/links.py external site   # the external links, for a person with a network to check

No network is used: external links are only listed (`make links`).
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

ATTRIBUTES = {"a": "href", "link": "href", "img": "src", "script": "src", "source": "src", "iframe": "src"}


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


@cache
def _ids(path: Path) -> frozenset[str]:
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    return frozenset(str(el["id"]) for el in soup.find_all(id=True)) | frozenset(
        str(el["name"]) for el in soup.find_all("a", attrs={"name": True}))


def _links(path: Path):
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    for tag, attribute in ATTRIBUTES.items():
        for element in soup.find_all(tag):
            value = element.get(attribute)
            if value:
                yield value


def _target(page: Path, href: str, site: Path, base: str) -> Path | None:
    parts = urlsplit(href)
    if not parts.path:
        return page
    if parts.path.startswith("/"):  # absolute, as on 404.html: relative to where the site is served
        if not parts.path.startswith(base):
            return None
        target = (site / unquote(parts.path[len(base):])).resolve()
    else:
        target = (page.parent / unquote(parts.path)).resolve()
    if target.is_dir() or parts.path.endswith("/"):
        target = target / "index.html"
    return target if site.resolve() in target.parents or target == site.resolve() else None


def internal_problems(site: Path, base: str = "/") -> list[str]:
    """Broken links and anchors; ``base`` is the path the site is served under (site_url's path)."""
    problems = []
    for page in _pages(site):
        rel = page.relative_to(site).as_posix()
        for href in _links(page):
            parts = urlsplit(href)
            if parts.scheme or href.startswith("//"):
                continue  # external, mailto:, javascript:, data:
            target = _target(page, href, site, base)
            if target is None or not target.exists():
                problems.append(f"{rel}: link to {href}: no such file")
            elif parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in _ids(target):
                problems.append(f"{rel}: link to {href}: no element with id '{parts.fragment}'")
    return problems


def external_links(site: Path) -> dict[str, list[str]]:
    found: dict[str, set[str]] = {}
    for page in _pages(site):
        for href in _links(page):
            if urlsplit(href).scheme in ("http", "https"):
                found.setdefault(href, set()).add(page.relative_to(site).as_posix())
    return {url: sorted(pages) for url, pages in sorted(found.items())}


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 3) or argv[0] not in ("check", "external"):
        print(__doc__, file=sys.stderr)
        return 2
    site = Path(argv[1])
    if argv[0] == "check":
        problems = internal_problems(site, argv[2] if len(argv) == 3 else "/")
        print("\n".join(problems) if problems else f"Every internal link and anchor in {site}/ resolves.")
        return 1 if problems else 0
    links = external_links(site)
    for url, pages in links.items():
        print(f"{url}\n    on {', '.join(pages[:3])}{' …' if len(pages) > 3 else ''}")
    print(f"\n{len(links)} external links. Check them with a network, e.g. by opening each one.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
