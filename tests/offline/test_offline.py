"""`make offline`: the zip opens from disk with everything working, and the PDF is the whole guide."""

from __future__ import annotations

import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

import chromium
from helpers import REPO, unavailable
from reader import new_context, open_page

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
        unavailable(f"{tool} is not installed (apt-get install -y {package})")


@pytest.fixture(scope="session")
def offline(tmp_path_factory):
    """Run `make offline` into a temporary dist/, and unzip the result."""
    if chromium.find() is None:  # `make offline` prints the PDF with it
        unavailable("Chromium is not installed (apt-get install -y chromium)")
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


def _on_disk(visit) -> list[str]:
    """Requests that did not stay on disk (file://), whatever their origin."""
    return [r for r in visit.requests if not r.startswith("file:")]


def test_every_page_works_from_file_with_no_other_request(browser, offline):
    problems = []
    files = pages(offline["root"])
    assert len(files) >= 20
    with new_context(browser) as context:
        for path in files:
            name = path.relative_to(offline["root"]).as_posix()
            with open_page(context, path.as_uri(), diagrams=True) as visit:
                problems += [f"{name}: request to {r}" for r in _on_disk(visit)]
                problems += [f"{name}: {p}" for p in visit.problems()]
    assert problems == []


HIGH_LEVEL_DESIGN = "examples/twitter/high-level-design.html"


def test_the_offline_copy_ships_only_the_single_file_mermaid_build(browser, offline):
    vendor = offline["root"] / "assets/vendor/mermaid"
    assert (vendor / "mermaid.min.js").is_file() and (vendor / "LICENSE").is_file()
    assert not (vendor / "esm").exists(), "the ESM build cannot load from file:// and only makes the zip bigger"
    with open_page(browser, (offline["root"] / HIGH_LEVEL_DESIGN).as_uri(), diagrams=True) as visit:
        assert len(visit.diagrams) >= 2
        assert visit.problems() == [] and _on_disk(visit) == []
        assert any(r.endswith("/vendor/mermaid/mermaid.min.js") for r in visit.requests)


def test_diagrams_render_from_file_in_the_dark_palette(browser, offline):
    with open_page(browser, (offline["root"] / HIGH_LEVEL_DESIGN).as_uri(), scheme="dark", diagrams=True) as visit:
        assert visit.page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
        assert len(visit.diagrams) >= 2
        assert visit.problems() == [] and _on_disk(visit) == []


def test_search_for_fan_out_lists_the_twitter_example_from_file(browser, offline):
    with open_page(browser, (offline["root"] / "index.html").as_uri()) as visit:
        page = visit.page
        page.keyboard.press("s")  # Material's search shortcut focuses the search box
        page.wait_for_function("document.activeElement?.matches('input.md-search__input')")
        page.keyboard.type("fan-out", delay=30)
        page.wait_for_selector(".md-search-result__item", timeout=20_000)
        links = page.eval_on_selector_all(".md-search-result__item a", "as => as.map(a => a.href)")
        assert any("examples/twitter/" in link for link in links), links
        assert visit.problems() == [] and _on_disk(visit) == []


def test_glossary_abbreviations_show_tooltips_from_file(browser, offline):
    with open_page(browser, (offline["root"] / HIGH_LEVEL_DESIGN).as_uri()) as visit:
        page = visit.page
        abbr = page.locator("article abbr[title]").first
        title = abbr.get_attribute("title")
        assert title
        tooltips = "[...document.querySelectorAll('.md-tooltip2, .md-tooltip')].map(t => t.innerText)"
        assert not any(title in text for text in page.evaluate(tooltips)), "a tooltip was shown before the hover"
        abbr.hover()
        page.wait_for_timeout(500)
        shown = page.evaluate(tooltips)
        assert any(title in text for text in shown), (title, shown)
        assert visit.problems() == []


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
    for tool in ("pdfinfo", "pdftotext", "pdfimages"):
        _require(tool, "poppler-utils")
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
    with open_page(browser, (offline["root"] / "print_page.html").as_uri(), viewport={"width": 700, "height": 1000}) as visit:
        page = visit.page
        page.emulate_media(media="print")
        boxes = page.evaluate("""() => {
          const width = document.documentElement.clientWidth;
          const all = [...document.querySelectorAll('article table, article pre')];
          return { count: all.length, overflowing: all.filter(e => e.getBoundingClientRect().right > width + 1)
            .map(e => e.tagName + ': ' + e.textContent.slice(0, 60)) };
        }""")
    assert boxes["count"] >= 20  # the whole guide's tables and code blocks
    assert boxes["overflowing"] == []
