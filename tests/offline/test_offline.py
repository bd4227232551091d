"""`make offline`: the zip opens from disk with everything working, and the PDF is the whole guide."""

from __future__ import annotations

import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from conftest import IN_CI, OPEN_SHADOW_ROOTS, REPO, chromium_path
from reader import bring_diagrams_into_view

pytestmark = pytest.mark.browser

STEP_TITLES = [
    "Step 1: Requirements clarification",
    "Step 2: Back-of-the-envelope estimation",
    "Step 3: System interface definition",
    "Step 4: Defining the data model",
    "Step 5: High-level design",
    "Step 6: Detailed design",
    "Step 7: Identifying and resolving bottlenecks",
]


def _require(tool: str, package: str) -> None:
    if shutil.which(tool) is None:
        message = f"{tool} is not installed (apt-get install -y {package})"
        if IN_CI:
            pytest.fail(message, pytrace=False)
        pytest.skip(message)


@pytest.fixture(scope="session")
def offline(tmp_path_factory):
    """Run `make offline` into a temporary dist/, and unzip the result."""
    if chromium_path() is None:
        _require("chromium", "chromium")
    dist = tmp_path_factory.mktemp("dist")
    result = subprocess.run(
        ["make", "--no-print-directory", "offline", f"DIST={dist}", "VERSION=test"],
        cwd=REPO, capture_output=True, text=True, timeout=600,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    zip_path = dist / "system-design-guide-offline-test.zip"
    unzipped = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(zip_path) as archive:
        archive.extractall(unzipped)
    return {"zip": zip_path, "pdf": dist / "system-design-guide-test.pdf",
            "root": unzipped / "system-design-guide-test"}


def pages(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*.html") if p.name != "404.html")


def test_the_zip_unpacks_to_one_folder_with_index_html(offline):
    with zipfile.ZipFile(offline["zip"]) as archive:
        tops = {name.split("/", 1)[0] for name in archive.namelist()}
    assert tops == {"system-design-guide-test"}
    assert (offline["root"] / "index.html").exists()
    assert (offline["root"] / "search/search_index.js").exists()


def _visit(browser, url: str, scheme: str = "light"):
    page = browser.new_page(color_scheme=scheme)
    page.add_init_script(OPEN_SHADOW_ROOTS)
    requests, errors = [], []
    page.on("request", lambda r: requests.append(r.url))
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url)
    expected = page.evaluate("document.querySelectorAll('article pre.mermaid, article div.mermaid').length")
    bring_diagrams_into_view(page)
    if expected:
        page.wait_for_function(
            "n => [...document.querySelectorAll('article div.mermaid')]"
            ".filter(d => d.shadowRoot && d.shadowRoot.querySelector('svg')).length >= n",
            arg=expected, timeout=20_000)
    drawn = page.evaluate(
        "[...document.querySelectorAll('article div.mermaid')].map(d => d.shadowRoot.querySelector('svg'))"
        ".map(s => s.getAttribute('aria-roledescription') !== 'error' && !s.textContent.includes('Syntax error'))")
    page.wait_for_timeout(100)
    return page, requests, errors, expected, drawn


def test_every_page_works_from_file_with_no_other_request(browser, offline):
    problems = []
    for path in pages(offline["root"]):
        url = path.as_uri()
        page, requests, errors, expected, drawn = _visit(browser, url)
        page.close()
        name = path.relative_to(offline["root"]).as_posix()
        problems += [f"{name}: request to {r}" for r in requests if not r.startswith("file:")]
        problems += [f"{name}: console error: {e}" for e in errors]
        if len(drawn) != expected or not all(drawn):
            problems.append(f"{name}: {sum(drawn)} of {expected} diagrams rendered")
    assert len(pages(offline["root"])) >= 20
    assert problems == []


def test_the_offline_copy_ships_only_the_single_file_mermaid_build(browser, offline):
    vendor = offline["root"] / "assets/vendor/mermaid"
    assert (vendor / "mermaid.min.js").is_file() and (vendor / "LICENSE").is_file()
    assert not (vendor / "esm").exists(), "the ESM build cannot load from file:// and only makes the zip bigger"
    page, requests, errors, expected, drawn = _visit(
        browser, (offline["root"] / "examples/twitter/high-level-design.html").as_uri())
    page.close()
    assert expected and all(drawn) and len(drawn) == expected and errors == []
    assert any(r.endswith("/vendor/mermaid/mermaid.min.js") for r in requests)


def test_diagrams_render_from_file_in_the_dark_palette(browser, offline):
    page, requests, errors, expected, drawn = _visit(
        browser, (offline["root"] / "examples/twitter/high-level-design.html").as_uri(), "dark")
    scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    page.close()
    assert scheme == "slate"
    assert expected >= 2 and len(drawn) == expected and all(drawn)
    assert errors == [] and all(r.startswith("file:") for r in requests)


def test_search_for_fan_out_lists_the_twitter_example_from_file(browser, offline):
    page = browser.new_page()
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto((offline["root"] / "index.html").as_uri())
    page.wait_for_load_state("load")
    page.keyboard.press("s")  # Material's search shortcut focuses the search box
    page.wait_for_function("document.activeElement?.matches('input.md-search__input')")
    page.keyboard.type("fan-out", delay=30)
    page.wait_for_selector(".md-search-result__item", timeout=20_000)
    links = page.eval_on_selector_all(".md-search-result__item a", "as => as.map(a => a.href)")
    page.close()
    assert any("examples/twitter/" in link for link in links), links
    assert all(r.startswith("file:") for r in requests)


def test_glossary_abbreviations_show_tooltips_from_file(browser, offline):
    page = browser.new_page()
    page.goto((offline["root"] / "examples/twitter/high-level-design.html").as_uri())
    abbr = page.locator("article abbr[title]").first
    title = abbr.get_attribute("title")
    assert title
    abbr.hover()
    page.wait_for_timeout(500)
    shown = page.evaluate("[...document.querySelectorAll('.md-tooltip2, .md-tooltip')].map(t => t.innerText)")
    page.close()
    assert any(title in text for text in shown), (title, shown)


def _pdf(tool: str, pdf: Path) -> str:
    return subprocess.run([tool, str(pdf), "-"] if tool == "pdftotext" else [tool, str(pdf)],
                          capture_output=True, text=True, check=True).stdout


def test_the_pdf_has_the_seven_steps_and_the_twitter_example(offline):
    _require("pdftotext", "poppler-utils")
    text = " ".join(_pdf("pdftotext", offline["pdf"]).split())
    for title in STEP_TITLES:
        assert title in text
    assert "Twitter-like service" in text
    assert "Step 5: High-level design — Twitter" in text


def test_the_pdf_has_a_sensible_page_count_and_vector_diagrams(offline):
    _require("pdfinfo", "poppler-utils")
    pages_line = next(line for line in _pdf("pdfinfo", offline["pdf"]).splitlines() if line.startswith("Pages:"))
    chapters = len(pages(offline["root"])) - 1  # every page of the site but the print page itself
    # each chapter starts on a new page; none should run to more than a dozen
    assert chapters <= int(pages_line.split()[1]) <= 12 * chapters
    # The home page's flowchart labels are text in the PDF: the diagram is vector, not a picture.
    text = " ".join(_pdf("pdftotext", offline["pdf"]).split())
    assert "1 Requirements" in text and "7 Bottlenecks" in text
    images = subprocess.run(["pdfimages", "-list", str(offline["pdf"])], capture_output=True, text=True,
                            check=True).stdout.splitlines()[2:]
    assert images == []


def test_print_view_keeps_tables_and_code_inside_the_page(browser, offline):
    page = browser.new_page(viewport={"width": 700, "height": 1000})
    page.goto((offline["root"] / "print_page.html").as_uri())
    page.emulate_media(media="print")
    overflowing = page.evaluate("""() => {
      const width = document.documentElement.clientWidth;
      return [...document.querySelectorAll('article table, article pre')]
        .filter(e => e.getBoundingClientRect().right > width + 1)
        .map(e => e.tagName + ': ' + e.textContent.slice(0, 60));
    }""")
    page.close()
    assert overflowing == []
