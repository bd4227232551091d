"""Shared fixtures: a strict build of the real site, editable copies of it, Chromium, pages to open.

Nothing imports this file: plain helpers are in tests/helpers.py (REPO, IN_CI, run_build) and
the browser harness in tests/browser/reader.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import chromium
from helpers import REPO, run_build, unavailable
from reader import Site, launch, new_context, serve
from site_copy import copy_site


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real guide, built once with --strict; the tests read its HTML."""
    out = tmp_path_factory.mktemp("built") / "site"
    result = run_build(REPO, "--site-dir", str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory) -> Path:
    """The guide built as the offline copy (OFFLINE=true): .html pages that open from disk."""
    out = tmp_path_factory.mktemp("offline") / "site"
    result = run_build(REPO, "--site-dir", str(out), env={"OFFLINE": "true"})
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture
def site_copy(tmp_path) -> Path:
    return copy_site(tmp_path / "guide")


# --- Chromium -----------------------------------------------------------------


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole run (reader.launch). Missing: a skip, or a failure under CI=true."""
    if chromium.find() is None:
        unavailable("Chromium is not installed (apt-get install -y chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - requirements-test.txt installs it
        unavailable("playwright is not installed")
    with sync_playwright() as p:
        launched = launch(p)
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def context(browser):
    """A fresh browser context for one test (its own storage, shadow roots opened), closed after it."""
    with new_context(browser) as fresh:
        yield fresh


@pytest.fixture(scope="session")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


# --- The site, to open pages of ---------------------------------------------------------


@pytest.fixture(scope="session")
def served_site(built_site):
    """The built site over HTTP on an ephemeral localhost port (reader.serve): its base URL."""
    with serve(built_site) as base:
        yield base


@pytest.fixture(params=["http", "file"])
def site(request) -> Site:
    """Each test twice: ``site.url("examples/twitter/estimation/")`` over HTTP, then from disk in the offline build."""
    if request.param == "http":
        return Site("http", request.getfixturevalue("served_site"))
    return Site("file", request.getfixturevalue("offline_site"))

