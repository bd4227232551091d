"""Shared fixtures: a strict build of the real site, editable copies of it, Chromium."""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

import chromium
from site_copy import copy_site

REPO = Path(__file__).resolve().parents[1]
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def run_build(root: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """``mkdocs build --strict`` in ``root``, as a contributor would run it."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", *args],
        cwd=root,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
        timeout=300,
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real guide, built once with --strict; the tests read its HTML."""
    out = tmp_path_factory.mktemp("built") / "site"
    result = run_build(REPO, "--site-dir", str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture
def site_copy(tmp_path) -> Path:
    return copy_site(tmp_path / "guide")


# --- Chromium -----------------------------------------------------------------

# Material draws each diagram into a closed shadow root; open them so tests can look inside.
OPEN_SHADOW_ROOTS = """
(() => {
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) { return attach.call(this, { ...init, mode: "open" }); };
})();
"""


def chromium_path() -> str | None:
    return chromium.find()


@pytest.fixture(scope="session")
def browser():
    path = chromium_path()
    if path is None:
        message = "Chromium is not installed (apt-get install -y chromium)"
        if IN_CI:
            pytest.fail(message + ": under CI=true a missing browser is a failure", pytrace=False)
        pytest.skip(message)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - requirements-test.txt installs it
        if IN_CI:
            pytest.fail("playwright is not installed", pytrace=False)
        pytest.skip("playwright is not installed")
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=path, args=chromium.ARGS)
        yield launched
        launched.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def served_site(built_site):
    """The built site over HTTP on an ephemeral localhost port."""
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory) -> Path:
    """The guide built as the offline copy (OFFLINE=true): .html pages that open from disk."""
    out = tmp_path_factory.mktemp("offline") / "site"
    result = run_build(REPO, "--site-dir", str(out), env={"OFFLINE": "true"})
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture(params=["http", "file"])
def page_url(request):
    """``page_url("examples/twitter/estimation/")``: that page over HTTP, or from disk in the offline build."""
    if request.param == "http":
        base = request.getfixturevalue("served_site")
        return lambda path: base + path
    root = request.getfixturevalue("offline_site")

    def from_disk(path: str) -> str:
        page, _, query = path.partition("?")
        index = root / page / "index.html"
        file = index if index.is_file() else root / (page.rstrip("/") + ".html")
        return file.as_uri() + (f"?{query}" if query else "")

    return from_disk
