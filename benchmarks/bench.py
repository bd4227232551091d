"""Benchmarks of what readers and contributors feel, measured side by side in one run.

    make bench          # or: .venv/bin/python benchmarks/bench.py

Prints a table and writes benchmarks/RESULTS.md. Budgets live here, not in
timed unit tests; the script exits 1 when one is missed.

1. strict build time with our hooks, and with a replay of their output instead
   (benchmarks/replay_hook.py): the hooks' overhead ratio, budget ≤ 1.15
2. build time with 10× the worked examples vs 1× (budget ≤ 12)
3. live reload: saving a page until `mkdocs serve` serves the new text
4. page weight in Chromium by type, raw and gzip (budgets: no Mermaid bytes on
   pages without diagrams; home page ≤ 150 KB compressed)
5. time until the first diagram on the Twitter high-level design page is drawn,
   and every diagram when a reader scrolls straight to the end
6. Lighthouse performance, accessibility and best practices (budgets:
   performance ≥ 95 home and ≥ 90 diagram page, accessibility 100)
"""

from __future__ import annotations

import gzip
import http.server
import json
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from datetime import datetime, UTC
from functools import partial
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "hooks"), str(REPO / "scripts")]

import chromium  # noqa: E402
from site_copy import copy_site  # noqa: E402
from studyguide import navfile, scaffold  # noqa: E402
from studyguide.steps import load_steps  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
RUNS = 3
LIGHTHOUSE_RUNS = 5
PAGES = {"home": "", "step page": "steps/requirements/", "Twitter high-level design": "examples/twitter/high-level-design/"}
DIAGRAM_PAGE = "examples/twitter/high-level-design/"
results: list[tuple[str, str, str, str]] = []  # measurement, value, budget, verdict


def record(name: str, value: str, budget: str = "", ok: bool | None = None) -> None:
    verdict = "" if ok is None else ("pass" if ok else "FAIL")
    results.append((name, value, budget, verdict))
    print(f"  {name}: {value}" + (f"  (budget {budget}: {verdict})" if budget else ""), flush=True)


def build_seconds(root: Path, config: str = "mkdocs.yml", env: dict | None = None) -> float:
    out = Path(tempfile.mkdtemp())
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", config,
                             "--site-dir", str(out)], cwd=root, env={**ENV, **(env or {})},
                            capture_output=True, text=True)
    took = time.perf_counter() - started
    shutil.rmtree(out, ignore_errors=True)
    if result.returncode != 0:
        raise SystemExit(f"build failed in {root}:\n{result.stdout}{result.stderr}")
    return took


def medians(*sides) -> list[float]:
    """Run the sides in turn RUNS times; medians, so every side sees the same machine state."""
    times: list[list[float]] = [[] for _ in sides]
    for _ in range(RUNS):
        for side, taken in zip(sides, times, strict=True):
            taken.append(side())
    return [statistics.median(t) for t in times]


# 1 and 2 ---------------------------------------------------------------------

HOOKS = re.compile(r"\nhooks:\n((?:  - .*\n)+)")


def hooks_overhead(work: Path) -> None:
    """Our hooks against a stand-in that replays their output (benchmarks/replay_hook.py).

    The replayed build renders the very same pages, so the ratio is what the
    hooks cost. Removing the hooks outright is shown too, for information: the
    pages then lose every generated table, so that ratio mostly measures content.
    """
    root = copy_site(work / "hooks-off")
    config = (root / "mkdocs.yml").read_text()
    replay_hook = REPO / "benchmarks/replay_hook.py"
    recorded = work / "recorded.json"
    (root / "mkdocs.record.yml").write_text(HOOKS.sub(lambda m: f"\nhooks:\n{m[1]}  - {replay_hook}\n", config))
    (root / "mkdocs.replay.yml").write_text(HOOKS.sub(f"\nhooks:\n  - {replay_hook}\n", config))
    (root / "mkdocs.nohooks.yml").write_text(HOOKS.sub("\nhooks: []\n", config))
    build_seconds(root, "mkdocs.record.yml", {"RECORD": str(recorded)})
    with_hooks, replayed, removed = medians(lambda: build_seconds(root),
                                            lambda: build_seconds(root, "mkdocs.replay.yml", {"REPLAY": str(recorded)}),
                                            lambda: build_seconds(root, "mkdocs.nohooks.yml"))
    ratio = with_hooks / replayed
    record("strict build, with hooks", f"{with_hooks:.2f} s")
    record("strict build, hooks replaced by a replay of their output (same pages)", f"{replayed:.2f} s")
    record("hooks overhead (with hooks / replay)", f"{ratio:.2f}×", "≤ 1.15", ratio <= 1.15)
    record("for information: hooks removed, pages without their generated tables",
           f"{removed:.2f} s (with hooks takes {with_hooks / removed:.2f}× as long: content, not hooks)")


def scale(work: Path) -> None:
    one = copy_site(work / "scale-1x")
    ten = copy_site(work / "scale-10x")
    steps = load_steps(ten / "docs/_data/steps.yml")
    existing = len([d for d in (one / "docs/examples").iterdir() if d.is_dir()])
    config = (ten / "mkdocs.yml").read_text()
    for n in range(existing * 9):
        title, slug, files = scaffold.new_example(f"Design generated system {n + 1}", steps, f"generated-{n + 1}")
        folder = ten / "docs/examples" / slug
        folder.mkdir()
        for name, text in scaffold.with_sample_answers(files).items():
            (folder / name).write_text(text)
        config = navfile.add_example(config, title, [f"examples/{slug}/index.md"]
                                     + [f"examples/{slug}/{s.id}.md" for s in steps])
    (ten / "mkdocs.yml").write_text(config)
    t1, t10 = medians(lambda: build_seconds(one), lambda: build_seconds(ten))
    record(f"build with {existing} examples (1×)", f"{t1:.2f} s")
    record(f"build with {existing * 10} examples (10×)", f"{t10:.2f} s")
    record("10× examples / 1× build time", f"{t10 / t1:.2f}×", "≤ 12", t10 / t1 <= 12)


# 3 ---------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def live_reload(work: Path) -> None:
    root = copy_site(work / "serve")
    port = free_port()
    serve = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--strict", "--dev-addr", f"127.0.0.1:{port}"],
                             cwd=root, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/guide/steps/api/"
    try:
        _wait_for(url, "Step 3", 120)
        page = root / "docs/steps/api.md"
        times = []
        for i in range(RUNS):
            marker = f"bench-marker-{i}-{time.time_ns()}"
            started = time.perf_counter()
            page.write_text(page.read_text() + f"\n{marker}\n")
            _wait_for(url, marker, 120)
            times.append(time.perf_counter() - started)
        record("live reload (save to rebuilt page)", f"{statistics.median(times):.2f} s")
    finally:
        serve.terminate()
        serve.wait(10)


def _wait_for(url: str, text: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if text in response.read().decode("utf-8", "replace"):
                    return
        except OSError:
            pass
        time.sleep(0.05)
    raise SystemExit(f"timed out waiting for {text!r} at {url}")


# 4, 5, 6 ---------------------------------------------------------------------

class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site with gzip for text, as a real host would."""

    def log_message(self, *args):
        pass

    def end_headers(self):
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        compressible = path.suffix in (".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml")
        if not (compressible and path.is_file() and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        import io
        return io.BytesIO(body)


def serve_site(site: Path) -> tuple[str, http.server.ThreadingHTTPServer]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(GzipHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


def kind_of(url: str, mime: str) -> str:
    if "mermaid" in url:
        return "Mermaid"
    for kind, needle in (("HTML", "html"), ("CSS", "css"), ("JS", "javascript"), ("fonts", "font"),
                         ("images", "image"), ("data", "json")):
        if needle in mime:
            return kind
    return "other"


def page_weight_and_diagrams(site: Path) -> None:
    from playwright.sync_api import sync_playwright

    base, server = serve_site(site)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium.find(), args=chromium.ARGS)
        for label, path in PAGES.items():
            page = browser.new_page()
            cdp = page.context.new_cdp_session(page)
            cdp.send("Network.enable")
            cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
            sizes: dict[str, list[float]] = {}
            meta: dict[str, tuple[str, str]] = {}
            cdp.on("Network.responseReceived",
                   lambda e, meta=meta: meta.__setitem__(e["requestId"], (e["response"]["url"], e["response"]["mimeType"])))
            cdp.on("Network.loadingFinished",
                   lambda e, sizes=sizes: sizes.setdefault(e["requestId"], []).append(e["encodedDataLength"]))
            page.goto(base + path, wait_until="networkidle")
            by_kind: dict[str, int] = {}
            raw_by_kind: dict[str, int] = {}
            for request_id, (url, mime) in meta.items():
                kind = kind_of(url, mime)
                by_kind[kind] = by_kind.get(kind, 0) + int(sum(sizes.get(request_id, [0])))
                local = site / url[len(base):].split("?")[0]
                local = local / "index.html" if local.is_dir() else local
                raw_by_kind[kind] = raw_by_kind.get(kind, 0) + (local.stat().st_size if local.is_file() else 0)
            total = sum(by_kind.values())
            detail = ", ".join(f"{k} {raw_by_kind.get(k, 0) / 1e3:.0f}/{v / 1e3:.0f} KB" for k, v in sorted(by_kind.items()))
            record(f"page weight, {label} (raw/gzip by type)", f"{total / 1e3:.0f} KB gzip: {detail}")
            has_diagram = '<pre class="mermaid">' in (site / path / "index.html").read_text()
            mermaid = by_kind.get("Mermaid", 0)
            if not has_diagram:
                record(f"Mermaid bytes, {label} (no diagram)", f"{mermaid} B", "0", mermaid == 0)
            if label == "home":
                record("home page, transferred", f"{total / 1e3:.0f} KB", "≤ 150 KB", total <= 150_000)
            page.close()
        page = browser.new_page()
        page.goto(base + DIAGRAM_PAGE, wait_until="domcontentloaded")
        page.wait_for_function("() => document.querySelector('article div.mermaid')", timeout=60_000)
        first = page.evaluate("performance.now()")
        record("Twitter high-level design: first diagram drawn", f"{first / 1000:.2f} s after navigation")
        # Each diagram is drawn as the reader nears it: scroll past them all, then wait for the last.
        page.evaluate("""async () => {
          for (const d of document.querySelectorAll('article pre.mermaid, article div.mermaid')) {
            d.scrollIntoView();
            await new Promise(done => requestAnimationFrame(() => setTimeout(done, 30)));
          }
        }""")
        page.wait_for_function("() => document.querySelectorAll('article pre.mermaid').length === 0", timeout=60_000)
        drawn = page.evaluate("performance.now()")
        record("Twitter high-level design: every diagram drawn, scrolling straight to the end",
               f"{drawn / 1000:.2f} s after navigation")
        page.close()
        browser.close()
    lighthouse(base)
    server.shutdown()


def lighthouse(base: str) -> None:
    """Lighthouse's scores vary from run to run; as its docs advise, take the median of several."""
    binary = REPO / "benchmarks/node_modules/.bin/lighthouse"
    if not binary.exists():
        record("Lighthouse", "not installed (make bench runs npm ci in benchmarks/)")
        return
    budgets = {"": (95, "home"), DIAGRAM_PAGE: (90, "Twitter high-level design")}
    for path, (performance_budget, label) in budgets.items():
        runs = [run for run in (_lighthouse_once(binary, base + path) for _ in range(LIGHTHOUSE_RUNS)) if run]
        if not runs:
            record(f"Lighthouse, {label}", "failed (run benchmarks/node_modules/.bin/lighthouse by hand to see why)")
            continue
        score = {k: statistics.median_low([r[k] for r in runs]) for k in runs[0]}
        spread = f" (median of {len(runs)}: {', '.join(str(r['performance']) for r in runs)})"
        record(f"Lighthouse performance, {label}", f"{score['performance']}{spread}", f"≥ {performance_budget}",
               score["performance"] >= performance_budget)
        record(f"Lighthouse accessibility, {label}", str(score["accessibility"]), "100", score["accessibility"] == 100)
        record(f"Lighthouse best practices, {label}", str(score["best-practices"]))


def _lighthouse_once(binary: Path, url: str) -> dict[str, int] | None:
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        flags = " ".join(["--headless=new", *chromium.ARGS])
        result = subprocess.run([str(binary), url, "--output=json", f"--output-path={report}", "--quiet",
                                 f"--chrome-flags={flags}",
                                 "--only-categories=performance,accessibility,best-practices"],
                                env={**ENV, "CHROME_PATH": chromium.find()}, capture_output=True, text=True)
        if result.returncode != 0 or not report.exists():
            print("  lighthouse failed: " + (result.stderr.strip().splitlines() or ["?"])[-1], flush=True)
            return None
        categories = json.loads(report.read_text())["categories"]
    return {k: round((v["score"] or 0) * 100) for k, v in categories.items()}


# ----------------------------------------------------------------------------

def versions() -> str:
    def pip_version(name: str) -> str:
        from importlib.metadata import version
        return version(name)

    mermaid = (REPO / "docs/assets/vendor/mermaid/VERSION").read_text().split("\n")[0]
    chrome = subprocess.run([chromium.find(), "--version"], capture_output=True, text=True).stdout.strip()
    return (f"Python {platform.python_version()}, mkdocs {pip_version('mkdocs')}, "
            f"mkdocs-material {pip_version('mkdocs-material')}, {mermaid}, {chrome}")


def write_results(started: datetime) -> None:
    lines = [
        "# Benchmark results",
        "",
        "Written by `make bench` (benchmarks/bench.py); numbers from one run, side by side.",
        "",
        f"- Date: {started:%Y-%m-%d %H:%M} UTC",
        f"- Machine: {platform.machine()}, {os.cpu_count()} cores, {platform.platform()}",
        f"- Versions: {versions()}",
        f"- Builds and live reload: median of {RUNS} runs, alternating the sides of each ratio; "
        f"Lighthouse: median of {LIGHTHOUSE_RUNS} runs",
        "",
        "| Measurement | Value | Budget | Verdict |",
        "| --- | --- | --- | --- |",
        *[f"| {m} | {v} | {b} | {r} |" for m, v, b, r in results],
        "",
        "## Reproduce",
        "",
        "```sh",
        "make bench",
        "```",
        "",
        "It needs Chromium (`apt-get install -y chromium`, or `CHROMIUM=/path/to/chrome`) and Node.js",
        "for Lighthouse, which `make bench` installs into `benchmarks/node_modules` from",
        "`benchmarks/package-lock.json`.",
        "",
    ]
    (REPO / "benchmarks/RESULTS.md").write_text("\n".join(lines))


def main() -> int:
    if chromium.find() is None:
        print("make bench needs Chromium: apt-get install -y chromium", file=sys.stderr)
        return 2
    started = datetime.now(UTC)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        print("1. hooks overhead", flush=True)
        hooks_overhead(work)
        print("2. scale", flush=True)
        scale(work)
        print("3. live reload", flush=True)
        live_reload(work)
        print("4-6. page weight, diagrams, Lighthouse", flush=True)
        site = work / "site"
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "--site-dir", str(site)],
                       cwd=REPO, env=ENV, check=True)
        page_weight_and_diagrams(site)
    write_results(started)
    failed = [r for r in results if r[3] == "FAIL"]
    print(f"\nWrote benchmarks/RESULTS.md. {len(failed)} budget(s) missed." if failed else
          "\nWrote benchmarks/RESULTS.md. Every budget holds.")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
