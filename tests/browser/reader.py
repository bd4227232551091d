"""The browser tests' harness: where a page is, how it is opened, and what a reader would notice on it.

One way for each thing, used by every browser test and by the tests of those tests
on a deliberately broken copy of the site:

- ``serve(directory)``: the one local HTTP server (quiet, ephemeral port);
- ``Site``: a page's address over HTTP or as its file in the offline build;
- ``new_context`` and ``open_page``: Material's diagram shadow roots opened, every
  request, failure and console error recorded, and the page (and the context made
  for it) closed however the test ends;
- ``draw_diagrams`` and ``diagram_problems``: every diagram drawn, and what is wrong
  with any of them;
- ``axe_problems``, ``switch_palette``, ``phone_problems``: accessibility, palettes, phones.

Fixtures (``browser``, ``served_site``, ``site``, ``context``...) are in tests/conftest.py.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import chromium

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}

# axe rules we do not apply, each with the reason. Empty: every rule applies to the content
# area (<article>); what Material's defaults tripped is fixed in guide.css (see README).
AXE_EXCLUDED: dict[str, str] = {}
AXE_IMPACTS = {"serious", "critical"}
# Rules whose result depends on the palette: the only ones re-run in the dark palette.
AXE_COLOUR_RULES = ["color-contrast", "link-in-text-block"]

# Material draws each diagram into a closed shadow root; open them so tests can look inside.
OPEN_SHADOW_ROOTS = """
(() => {
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) { return attach.call(this, { ...init, mode: "open" }); };
})();
"""


# --- Chromium -------------------------------------------------------------------------------


def launch(playwright):
    """Chromium headless, as the guide launches it everywhere (scripts/chromium.py's path and ARGS)."""
    path = chromium.find()
    if path is None:
        raise RuntimeError("Chromium is not installed (apt-get install -y chromium)")
    return playwright.chromium.launch(executable_path=path, args=chromium.ARGS, headless=True)


# --- Where pages are ------------------------------------------------------------------------


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # every request would be logged to stderr
        pass


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """``directory`` over HTTP on an ephemeral localhost port, logging nothing; yields the base URL (ends in /)."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@dataclass(frozen=True)
class Site:
    """The guide over HTTP (``root`` is the base URL) or the offline build on disk (``root`` is its folder)."""

    kind: str  # "http" or "file"
    root: str | Path

    def url(self, path: str = "") -> str:
        """A page by its address on the served site: ``""`` (home), ``"steps/api/"``, ``"examples/"``,
        with any ``?query`` and ``#hash``. From disk it is the page's file in the offline build
        (``steps/api.html``, ``examples/index.html``); a page that is not there is an error here,
        not a blank tab later."""
        if self.kind == "http":
            return f"{self.root}{path}"
        parts = urlsplit(path)
        root = Path(self.root)
        index = root / parts.path / "index.html"
        file = index if index.is_file() else root / (parts.path.rstrip("/") + ".html")
        if not file.is_file():
            raise FileNotFoundError(f"no page {path!r} in the offline build {root}")
        return file.as_uri() + (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")

    def asset(self, path: str) -> str:
        """A file of the site that is not a page, e.g. ``assets/javascripts/practice.js``."""
        if self.kind == "http":
            return f"{self.root}{path}"
        file = Path(self.root) / path
        if not file.is_file():
            raise FileNotFoundError(f"no file {path!r} in the offline build {self.root}")
        return file.as_uri()


# --- Opening a page -------------------------------------------------------------------------


def new_context(browser, scheme: str = "light", viewport: dict | None = None, **options):
    """A browser context with Material's shadow roots opened. Close it: ``with new_context(browser) as context:``."""
    context = browser.new_context(color_scheme=scheme, viewport=viewport or DESKTOP, **options)
    context.add_init_script(OPEN_SHADOW_ROOTS)
    return context


_NOT_REQUESTS = ("data", "blob", "about")


@dataclass
class Visit:
    """A page and what a reader would notice on it, recorded from before it loads."""

    page: object
    url: str | None
    requests: list[str] = field(default_factory=list)  # every request, in order
    outside: list[str] = field(default_factory=list)  # requests to another origin than the page's
    failed: list[str] = field(default_factory=list)  # failed requests and HTTP errors
    console: list[str] = field(default_factory=list)  # console errors and uncaught exceptions
    diagrams: list[dict] | None = None  # None until draw_diagrams()
    background: str = ""

    def draw_diagrams(self, timeout: float = 20_000) -> list[dict]:
        """Draw every diagram (``draw_diagrams``); from now on ``problems()`` covers them too."""
        self.diagrams = draw_diagrams(self.page, timeout)
        self.background = self.page.evaluate("getComputedStyle(document.body).backgroundColor")
        return self.diagrams

    def problems(self) -> list[str]:
        out = [f"request to another host: {u}" for u in self.outside]
        out += [f"failed request: {u}" for u in self.failed]
        out += [f"console error: {m}" for m in self.console]
        if self.diagrams is not None:
            out += diagram_problems(self.diagrams, self.background)
        return out


def watch(page, url: str | None = None) -> Visit:
    """Start recording on ``page``; requests are judged against ``url``'s origin (scheme and host)."""
    visit = Visit(page, url)
    origin = urlsplit(url or "")[:2]

    def request(r):
        visit.requests.append(r.url)
        parts = urlsplit(r.url)
        if parts.scheme not in _NOT_REQUESTS and (parts.scheme, parts.netloc) != origin:
            visit.outside.append(r.url)

    def failed(r):
        if r.failure != "net::ERR_ABORTED":  # the browser dropped it (navigating away), not an error
            visit.failed.append(f"{r.url} ({r.failure})")

    page.on("request", request)
    page.on("requestfailed", failed)
    page.on("response", lambda r: r.status >= 400 and visit.failed.append(f"{r.url} ({r.status})"))
    page.on("console", lambda m: m.type == "error" and visit.console.append(m.text))
    page.on("pageerror", lambda e: visit.console.append(f"uncaught: {e}"))
    return visit


@contextmanager
def open_page(where, url: str | None = None, *, scheme: str | None = None, viewport: dict | None = None,
              before: Callable | None = None, diagrams: bool = False, **options) -> Iterator[Visit]:
    """``with open_page(browser, site.url("steps/api/")) as visit:`` a new page, recorded, loaded, closed on exit.

    ``where`` is a browser (the page gets its own context from ``new_context(scheme, viewport,
    **options)``, e.g. ``java_script_enabled=False``, closed with it) or a context (shared
    storage across the pages of a test; ``scheme`` and ``viewport`` are then emulated on the page).
    ``before(page)`` runs before the page loads (``page.clock.install``...). No ``url``: a blank
    page, for ``set_content`` and ``add_script_tag``. ``diagrams=True``: ``visit.draw_diagrams()``
    once loaded, so ``visit.problems()`` covers every diagram.
    """
    own = hasattr(where, "new_context")
    if not own and options:
        raise TypeError(f"context options {sorted(options)} need a browser, not a context")
    context = new_context(where, scheme or "light", viewport, **options) if own else where
    try:
        page = context.new_page()
        try:
            if not own and scheme:
                page.emulate_media(color_scheme=scheme)
            if not own and viewport:
                page.set_viewport_size(viewport)
            visit = watch(page, url)
            if before:
                before(page)
            if url:
                page.goto(url, wait_until="load")
            if diagrams:
                visit.draw_diagrams()
            yield visit
        finally:
            page.close()
    finally:
        if own:
            context.close()


# --- Diagrams -------------------------------------------------------------------------------

# Each diagram of the article, drawn or not yet (Material replaces a drawn pre.mermaid by a div.mermaid).
DIAGRAMS = """
() => [...document.querySelectorAll("article pre.mermaid, article div.mermaid")].map((host) => {
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

ALL_DRAWN = """() => [...document.querySelectorAll("article pre.mermaid, article div.mermaid")]
  .every((d) => d.shadowRoot && d.shadowRoot.querySelector("svg"))"""

SCROLL_PAST_EVERY_DIAGRAM = """async () => {
  const frame = () => new Promise(done => requestAnimationFrame(() => setTimeout(done, 30)));
  for (const diagram of document.querySelectorAll('article pre.mermaid, article div.mermaid')) {
    diagram.scrollIntoView();
    await frame();
  }
}"""


def diagram_states(page) -> list[dict]:
    """Each diagram of the article in page order: ``{drawn: False}``, or drawn with error, shapes and label colours."""
    return page.evaluate(DIAGRAMS)


def draw_diagrams(page, timeout: float = 20_000) -> list[dict]:
    """Scroll past every diagram as a reader does (mermaid-loader.js draws one when it comes near
    the screen), wait until each is drawn, and return ``diagram_states``. One still not drawn after
    ``timeout`` stays ``{drawn: False}`` there, and ``diagram_problems`` reports it."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    page.evaluate(SCROLL_PAST_EVERY_DIAGRAM)
    try:
        page.wait_for_function(ALL_DRAWN, timeout=timeout)
    except PlaywrightTimeoutError:
        pass  # not an error here: diagram_problems names each diagram that is not drawn
    return diagram_states(page)


def diagram_problems(diagrams: list[dict], background: str = "") -> list[str]:
    """What is wrong with the diagrams: not drawn, Mermaid's error graphic, empty, or hard-to-read text."""
    out = []
    if not all(d["drawn"] for d in diagrams):
        out.append(f"{sum(d['drawn'] for d in diagrams)} of {len(diagrams)} diagrams rendered")
    for i, d in enumerate(diagrams, start=1):
        if not d["drawn"]:
            continue
        if d["error"]:
            out.append(f"diagram {i} is Mermaid's error graphic")
        elif d["shapes"] < 2:
            out.append(f"diagram {i} drew nothing")
        for colour in d["labels"]:
            if background and colour.startswith("rgb") and contrast(colour, background) < 4.5:
                out.append(f"diagram {i}: text {colour} on {background} is hard to read")
    return out


# --- Accessibility, palettes, phones --------------------------------------------------------


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
