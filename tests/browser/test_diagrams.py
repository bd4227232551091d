"""Every Mermaid diagram really renders in Chromium, in both palettes, with no outside request."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import pytest

from conftest import OPEN_SHADOW_ROOTS

pytestmark = pytest.mark.browser

INSPECT = """
() => [...document.querySelectorAll("article div.mermaid")].map((host) => {
  const svg = host.shadowRoot && host.shadowRoot.querySelector("svg");
  if (!svg) return { svg: false };
  const label = svg.querySelector(".nodeLabel, .messageText, .entityLabel, text.actor, .label text, text");
  return {
    svg: true,
    role: svg.getAttribute("aria-roledescription"),
    text: svg.textContent,
    labelColor: label ? getComputedStyle(label).color : null,
    labelFill: label ? getComputedStyle(label).fill : null,
    shapes: svg.querySelectorAll("rect, path, polygon, circle, line").length,
  };
})
"""


def diagram_pages(site: Path) -> list[str]:
    pages = []
    for path in sorted(site.rglob("index.html")):
        if '<pre class="mermaid">' in path.read_text(encoding="utf-8"):
            rel = path.parent.relative_to(site).as_posix()
            pages.append("" if rel == "." else rel + "/")
    return pages


def _luminance(css: str) -> float:
    parts = css[css.index("(") + 1 : css.index(")")].replace("/", ",").split(",")
    r, g, b = (float(p) / 255 for p in parts[:3])
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b)]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_the_site_has_diagrams_to_check(built_site):
    assert len(diagram_pages(built_site)) >= 3


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_diagram_renders_and_stays_on_this_host(browser, served_site, built_site, scheme):
    host = urlparse(served_site).netloc
    failures = []
    for page_path in diagram_pages(built_site):
        page = browser.new_page(color_scheme=scheme)
        page.add_init_script(OPEN_SHADOW_ROOTS)
        outside, errors = [], []
        page.on("request", lambda r: urlparse(r.url).netloc != host and outside.append(r.url))
        page.on("console", lambda m: m.type == "error" and errors.append(m.text))
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(served_site + page_path)
        expected = page.evaluate("document.querySelectorAll('article pre.mermaid, article div.mermaid').length")
        try:
            page.wait_for_function(
                "n => [...document.querySelectorAll('article div.mermaid')]"
                ".filter(d => d.shadowRoot && d.shadowRoot.querySelector('svg')).length >= n",
                arg=expected, timeout=20_000)
        except Exception:  # noqa: BLE001 - reported below with the details
            pass
        diagrams = page.evaluate(INSPECT)
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        page.close()
        if len(diagrams) != expected or not all(d["svg"] for d in diagrams):
            failures.append(f"{page_path}: {sum(d['svg'] for d in diagrams)} of {expected} diagrams rendered")
        for i, d in enumerate(d for d in diagrams if d["svg"]):
            if d["role"] == "error" or "Syntax error" in d["text"]:
                failures.append(f"{page_path}: diagram {i + 1} is Mermaid's error graphic")
            elif d["shapes"] < 2:
                failures.append(f"{page_path}: diagram {i + 1} drew nothing")
            colour = d["labelColor"] if d["labelColor"] and "rgb" in d["labelColor"] else d["labelFill"]
            if colour and colour.startswith("rgb") and contrast(colour, background) < 3:
                failures.append(f"{page_path}: diagram {i + 1} text {colour} on {background} is hard to read")
        failures += [f"{page_path}: request to another host: {u}" for u in outside]
        failures += [f"{page_path}: console error: {e}" for e in errors]
    assert failures == []


def test_the_dark_palette_changes_diagram_text_colour(browser, served_site):
    colours = {}
    for scheme in ("light", "dark"):
        page = browser.new_page(color_scheme=scheme)
        page.add_init_script(OPEN_SHADOW_ROOTS)
        page.goto(served_site)
        page.wait_for_function("document.querySelector('article div.mermaid')?.shadowRoot?.querySelector('svg')",
                               timeout=20_000)
        colours[scheme] = page.evaluate(
            "getComputedStyle(document.querySelector('article div.mermaid').shadowRoot"
            ".querySelector('.nodeLabel, .label')).color")
        page.close()
    assert colours["light"] != colours["dark"], colours
