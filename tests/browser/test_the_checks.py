"""Links over the built site, and tests of the browser checks: each must catch what it is for."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading

import pytest
from axe_playwright_python.sync_playwright import Axe

from conftest import run_build
from links import external_links, internal_problems
from reader import axe_problems, open_page

BASE = "/guide/"  # the path of site_url, which 404.html links under


def test_every_internal_link_and_anchor_resolves(built_site):
    assert internal_problems(built_site, BASE) == []


def test_external_links_are_listed_for_a_person_to_check(built_site):
    links = external_links(built_site)
    assert "https://gist.github.com/jboner/2841832" in links
    assert all(url.startswith(("http://", "https://")) for url in links)


def test_the_link_checker_catches_a_broken_anchor_and_a_missing_page(built_site, tmp_path):
    site = shutil.copytree(built_site, tmp_path / "site")
    page = site / "steps/api/index.html"
    page.write_text(page.read_text().replace(
        "</article>", '<a href="../data-model/#no-such-section">x</a><a href="../no-such-page/">y</a></article>', 1))
    problems = internal_problems(site, BASE)
    assert problems == [
        "steps/api/index.html: link to ../data-model/#no-such-section: no element with id 'no-such-section'",
        "steps/api/index.html: link to ../no-such-page/: no such file",
    ]


@pytest.fixture(scope="module")
def broken_site(tmp_path_factory):
    """A copy of the guide with a diagram that does not parse and an image without alt text, built and served."""
    from site_copy import copy_site

    root = copy_site(tmp_path_factory.mktemp("broken") / "guide")
    page = root / "docs/steps/api.md"
    page.write_text(page.read_text()
                    + "\n```mermaid\nflowchart LR\n  A -->> B((\n```\n\n"
                    + '<img src="../../assets/logo.svg" width="40">\n')
    result = run_build(root)
    assert result.returncode == 0, result.stdout + result.stderr
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root / "site"))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.mark.browser
def test_a_broken_diagram_is_reported(browser, broken_site):
    page, visit = open_page(browser, broken_site + "steps/api/")
    page.close()
    assert any("error graphic" in p or "diagrams rendered" in p for p in visit.problems()), visit.problems()


@pytest.mark.browser
def test_an_image_without_alt_text_is_reported(browser, broken_site):
    page, visit = open_page(browser, broken_site + "steps/api/")
    problems = axe_problems(page, Axe())
    page.close()
    assert any(p.startswith("axe image-alt (critical)") for p in problems), problems
