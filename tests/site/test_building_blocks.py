"""The building blocks in the built site: each lists exactly the worked-example sections that link to it."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin, urlparse

import yaml
from bs4 import BeautifulSoup

from helpers import REPO

SITE = "https://guide.test/"  # a base to resolve relative links against
KINDS = yaml.safe_load((REPO / "docs/_data/page-kinds.yml").read_text(encoding="utf-8"))["kinds"]
BLOCK = next(k for k in KINDS if k["id"] == "building-block")
USED_BY = "where-the-worked-examples-use-this"


def _article(site: Path, page: Path) -> tuple[str, BeautifulSoup]:
    url = SITE + page.parent.relative_to(site).as_posix() + "/"
    return url, BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one("article")


def _path(url: str, href: str) -> tuple[str, str]:
    target = urlparse(urljoin(url, href))
    return target.path, target.fragment


def block_pages(site: Path) -> list[Path]:
    return sorted(p for p in (site / BLOCK["folder"]).glob("*/index.html"))


def links_from_examples(site: Path) -> dict[str, set[tuple[str, str]]]:
    """Building-block page -> (example page, id of the section the link sits in), read from the examples' HTML."""
    found: dict[str, set[tuple[str, str]]] = {}
    for page in sorted((site / "examples").glob("*/*/index.html")) + sorted((site / "examples").glob("*/index.html")):
        url, article = _article(site, page)
        section = ""
        for element in article.find_all(["h2", "h3", "h4", "h5", "h6", "a"]):
            if element.name != "a":
                section = element.get("id", "")
                continue
            path, _ = _path(url, element.get("href", ""))
            if path.startswith(f"/{BLOCK['folder']}/") and "headerlink" not in element.get("class", []):
                found.setdefault(path, set()).add((urlparse(url).path, section))
    return found


def listed_uses(site: Path, page: Path) -> set[tuple[str, str]]:
    """(example page, section id) of every link in the page's "Where the worked examples use this"."""
    url, article = _article(site, page)
    heading = article.find("h2", id=USED_BY)
    assert heading is not None, f"{page}: no '{USED_BY}' section"
    uses = set()
    for sibling in heading.find_next_siblings():
        if sibling.name == "h2":
            break
        uses |= {_path(url, a["href"]) for a in sibling.find_all("a") if "headerlink" not in a.get("class", [])}
    return uses


def test_there_are_at_least_eighteen_building_blocks_each_with_every_section(built_site):
    pages = block_pages(built_site)
    assert len(pages) >= 18
    for page in pages:
        _, article = _article(built_site, page)
        headings = [h.get_text(" ", strip=True).removesuffix("¶").strip() for h in article.find_all("h2")]
        assert headings == [s["title"] for s in BLOCK["sections"]], page
        assert article.select("pre.mermaid"), f"{page}: no diagram"


def test_each_used_by_list_is_exactly_the_examples_links_to_the_page(built_site):
    links = links_from_examples(built_site)
    for page in block_pages(built_site):
        path = "/" + page.parent.relative_to(built_site).as_posix() + "/"
        listed = listed_uses(built_site, page)
        assert listed, f"{path}: the list of uses is empty"
        assert listed == links.get(path, set()), path


def test_each_use_names_the_example_and_the_step(built_site):
    page = built_site / BLOCK["folder"] / "consistent-hashing" / "index.html"
    _, article = _article(built_site, page)
    items = article.find("h2", id=USED_BY).find_next("ul").find_all("li")
    assert items, "no uses listed"
    text = items[0].get_text(" ", strip=True)
    assert text.split(":")[0].strip() in {"Twitter-like service", "URL shortener", "Photo sharing like Instagram",
                                  "Chat service like WhatsApp", "Web crawler"}, text
    assert "(step " in text, text
