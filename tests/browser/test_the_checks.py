"""Links over the built site, and tests of the browser checks: each must catch what it is for."""

from __future__ import annotations

import shutil
import urllib.request

import pytest

from links import external_links, internal_problems
from reader import axe_problems, open_page, serve

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


def test_the_test_server_serves_files_and_logs_nothing(tmp_path, capfd):
    (tmp_path / "page.html").write_text("<p>hello</p>")
    with serve(tmp_path) as base:
        assert urllib.request.urlopen(base + "page.html").read() == b"<p>hello</p>"  # localhost only
    captured = capfd.readouterr()
    assert captured.out == "" and captured.err == "", captured


PAGE = "steps/data-model/"  # a page with a diagram of its own, given a broken one
IMAGE_PAGE = "steps/api/"  # given an image without alt text: one fault a page
# What a broken diagram would be in the built page. The build refuses one (hooks/diagrams.py), so the
# copy of the built site is broken by hand: these tests are about what the browser checks catch.
BROKEN_DIAGRAM = '<pre class="mermaid"><code>flowchart LR\n  A -->> B((\n</code></pre>'
NO_ALT = '<img src="../../assets/logo.svg" width="40">'


@pytest.fixture(scope="module")
def broken_site(built_site, tmp_path_factory):
    """A copy of the built guide with a diagram that does not parse and an image without alt text, served."""
    root = shutil.copytree(built_site, tmp_path_factory.mktemp("broken") / "site")
    for path, extra in ((PAGE, BROKEN_DIAGRAM), (IMAGE_PAGE, NO_ALT)):
        page = root / path / "index.html"
        html = page.read_text(encoding="utf-8")
        assert html.count("</article>") == 1
        page.write_text(html.replace("</article>", extra + "</article>"), encoding="utf-8")
    with serve(root) as base:
        yield base


@pytest.mark.browser
def test_a_broken_diagram_is_reported_and_the_others_are_not(browser, broken_site, served_site):
    with open_page(browser, served_site + PAGE, diagrams=True) as good:
        assert good.problems() == []  # the page as the guide has it: nothing to report
        count = len(good.diagrams)
        assert count >= 1
    with open_page(browser, broken_site + PAGE) as broken:
        assert len(broken.draw_diagrams(timeout=5_000)) == count + 1  # it never draws: no need to wait long
        problems = broken.problems()
    # Mermaid throws on the text, and the diagram stays undrawn: both are reported, nothing else.
    assert len(problems) == 2, problems
    assert problems[0].startswith("console error: uncaught: Parse error on line 2:"), problems
    assert problems[1] == f"{count} of {count + 1} diagrams rendered", problems


@pytest.mark.browser
def test_an_image_without_alt_text_is_reported(browser, axe, broken_site, served_site):
    with open_page(browser, served_site + IMAGE_PAGE) as good:
        assert axe_problems(good.page, axe) == []
    with open_page(browser, broken_site + IMAGE_PAGE) as broken:
        problems = axe_problems(broken.page, axe)
    assert problems, "axe found nothing wrong with an image without alt text"
    assert all(p.startswith("axe image-alt (critical)") for p in problems), problems
