"""What a reader would notice on a page, measured in Chromium. Used by the browser tests,
and by the tests of those tests on a deliberately broken copy of the site."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

from conftest import OPEN_SHADOW_ROOTS

# axe rules we do not apply, each with the reason. Empty: every rule applies to the content
# area (<article>); what Material's defaults tripped is fixed in guide.css (see README).
AXE_EXCLUDED: dict[str, str] = {}
AXE_IMPACTS = {"serious", "critical"}

DIAGRAMS = """
() => [...document.querySelectorAll("article div.mermaid")].map((host) => {
  const svg = host.shadowRoot && host.shadowRoot.querySelector("svg");
  if (!svg) return { drawn: false };
  const labels = [...svg.querySelectorAll(".nodeLabel, .messageText, .actor tspan, text.actor, .er.entityLabel, .label text, .edgeLabel p")]
    .slice(0, 3).map((el) => getComputedStyle(el).color);
  return {
    drawn: true,
    error: svg.getAttribute("aria-roledescription") === "error" || svg.textContent.includes("Syntax error"),
    shapes: svg.querySelectorAll("rect, path, polygon, circle, line").length,
    labels,
  };
})
"""


@dataclass
class Visit:
    url: str
    outside: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)
    diagrams: list[dict] = field(default_factory=list)
    expected_diagrams: int = 0
    background: str = ""

    def problems(self) -> list[str]:
        out = [f"request to another host: {u}" for u in self.outside]
        out += [f"failed request: {u}" for u in self.failed]
        out += [f"console error: {m}" for m in self.console]
        if len(self.diagrams) != self.expected_diagrams or not all(d["drawn"] for d in self.diagrams):
            out.append(f"{sum(d['drawn'] for d in self.diagrams)} of {self.expected_diagrams} diagrams rendered")
        for i, d in enumerate(self.diagrams, start=1):
            if d.get("error"):
                out.append(f"diagram {i} is Mermaid's error graphic")
            elif d["drawn"] and d["shapes"] < 2:
                out.append(f"diagram {i} drew nothing")
            for colour in d.get("labels", []):
                if colour.startswith("rgb") and contrast(colour, self.background) < 4.5:
                    out.append(f"diagram {i}: text {colour} on {self.background} is hard to read")
        return out


def new_context(browser, scheme: str = "light", viewport=None):
    """A browser context (shared cache, so Mermaid is compiled once) with shadow roots opened."""
    context = browser.new_context(color_scheme=scheme, viewport=viewport or {"width": 1280, "height": 800})
    context.add_init_script(OPEN_SHADOW_ROOTS)
    return context


def open_page(where, url: str, scheme: str = "light", viewport=None):
    """Load a page and record everything; returns (page, visit). The caller closes the page.

    ``where`` is a browser (a fresh context for this page) or a context from ``new_context``.
    """
    page = new_context(where, scheme, viewport).new_page() if hasattr(where, "new_context") else where.new_page()
    visit = Visit(url)
    host = urlparse(url).netloc
    page.on("request", lambda r: urlparse(r.url).netloc != host and r.url.startswith("http")
            and visit.outside.append(r.url))
    page.on("requestfailed", lambda r: visit.failed.append(f"{r.url} ({r.failure})"))
    page.on("response", lambda r: r.status >= 400 and visit.failed.append(f"{r.url} ({r.status})"))
    page.on("console", lambda m: m.type == "error" and visit.console.append(m.text))
    page.on("pageerror", lambda e: visit.console.append(str(e)))
    page.goto(url, wait_until="load")
    visit.expected_diagrams = page.evaluate(
        "document.querySelectorAll('article pre.mermaid, article div.mermaid').length")
    bring_diagrams_into_view(page)
    if visit.expected_diagrams:
        try:
            page.wait_for_function(
                "n => [...document.querySelectorAll('article div.mermaid')]"
                ".filter(d => d.shadowRoot && d.shadowRoot.querySelector('svg')).length >= n",
                arg=visit.expected_diagrams, timeout=15_000)
        except Exception:  # noqa: BLE001 - the visit reports how many rendered
            pass
    visit.diagrams = page.evaluate(DIAGRAMS)
    visit.background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    return page, visit


# Rules whose result depends on the palette: the only ones re-run in the dark palette.
AXE_COLOUR_RULES = ["color-contrast", "link-in-text-block"]


SCROLL_PAST_EVERY_DIAGRAM = """async () => {
  const frame = () => new Promise(done => requestAnimationFrame(() => setTimeout(done, 30)));
  for (const diagram of document.querySelectorAll('article pre.mermaid, article div.mermaid')) {
    diagram.scrollIntoView();
    await frame();
  }
}"""


def bring_diagrams_into_view(page) -> None:
    """Each diagram is drawn when a reader scrolls near it (mermaid-loader.js): scroll past them all, as a reader does."""
    page.evaluate(SCROLL_PAST_EVERY_DIAGRAM)


def axe_problems(page, axe, only: list[str] | None = None) -> list[str]:
    """Serious and critical axe violations in the content area (``only``: just these rules)."""
    options = {"resultTypes": ["violations"],
               "rules": {rule: {"enabled": False} for rule in AXE_EXCLUDED}}
    if only:
        options["runOnly"] = {"type": "rule", "values": only}
    results = axe.run(page, context="article", options=options)
    return [f"axe {v['id']} ({v['impact']}): {v['help']} — " + "; ".join(n["target"][0] for n in v["nodes"][:3])
            for v in results.response["violations"] if v["impact"] in AXE_IMPACTS]


def switch_palette(page, scheme: str) -> None:
    """Follow a change of the system palette, as Material does live (diagrams use its CSS variables)."""
    page.emulate_media(color_scheme=scheme)
    want = "slate" if scheme == "dark" else "default"
    page.wait_for_function(f"document.body.getAttribute('data-md-color-scheme') === '{want}'")


def recheck_diagram_colours(page, visit: Visit) -> None:
    visit.diagrams = page.evaluate(DIAGRAMS)
    visit.background = page.evaluate("getComputedStyle(document.body).backgroundColor")


def phone_problems(page) -> list[str]:
    """At phone width the page body never scrolls sideways; wide things scroll in their own box."""
    return page.evaluate("""() => {
      const out = [];
      const root = document.documentElement;
      if (root.scrollWidth > root.clientWidth + 1) out.push(`page scrolls sideways: ${root.scrollWidth}px > ${root.clientWidth}px`);
      const scrolls = (el) => { for (let e = el.parentElement; e; e = e.parentElement) {
        const o = getComputedStyle(e).overflowX; if (o === "auto" || o === "scroll") return true; } return false; };
      for (const el of document.querySelectorAll("article table, article div.mermaid, article pre")) {
        if (el.scrollWidth > root.clientWidth && !scrolls(el) && getComputedStyle(el).overflowX === "visible")
          out.push(`${el.tagName.toLowerCase()} is wider than the screen and cannot scroll`);
      }
      return out;
    }""")


def _luminance(css: str) -> float:
    parts = css[css.index("(") + 1: css.index(")")].replace("/", ",").split(",")
    r, g, b = (float(p) / 255 for p in parts[:3])
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b)]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def site_pages(site: Path) -> list[str]:
    """Every page of the built site, as paths relative to its root ('' for the home page)."""
    out = []
    for path in sorted(site.rglob("index.html")):
        rel = path.parent.relative_to(site).as_posix()
        out.append("" if rel == "." else rel + "/")
    return out
