"""Pack the offline build as a zip, and print its one-page view to PDF with headless Chromium.

Run by `make offline` after `OFFLINE=true mkdocs build --strict --site-dir dist/offline-site`:

    python scripts/offline.py dist/offline-site dist 2026-11-21

writes dist/system-design-guide-offline-<version>.zip and dist/system-design-guide-<version>.pdf.
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

import chromium

# Wait until every diagram on the print page has been drawn (Material renders
# each into a shadow root that replaces the <pre class="mermaid">).
ALL_DIAGRAMS_DRAWN = "() => document.querySelectorAll('pre.mermaid').length === 0"


def pack(site: Path, zip_path: Path, folder: str) -> None:
    """Zip the site under one top folder, so unzipping makes a single directory."""
    with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(site.rglob("*")):
            if path.is_file():
                archive.write(path, f"{folder}/{path.relative_to(site).as_posix()}")


def chromium_path() -> str:
    path = chromium.find()
    if path is None:
        sys.exit("make offline needs Chromium for the PDF: apt-get install -y chromium (or set CHROMIUM=/path)")
    return path


def print_pdf(print_page: Path, pdf_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=chromium.ARGS)
        page = browser.new_page(color_scheme="light")
        page.goto(print_page.resolve().as_uri())
        page.wait_for_function(ALL_DIAGRAMS_DRAWN, timeout=60_000)
        page.emulate_media(media="print")
        page.pdf(
            path=str(pdf_path),
            format="A4",
            print_background=True,
            margin={"top": "16mm", "bottom": "16mm", "left": "14mm", "right": "14mm"},
            outline=True,
            tagged=True,
        )
        browser.close()


def main(site_dir: str, out_dir: str, version: str) -> None:
    site, out = Path(site_dir), Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    zip_path = out / f"system-design-guide-offline-{version}.zip"
    pdf_path = out / f"system-design-guide-{version}.pdf"
    pack(site, zip_path, f"system-design-guide-{version}")
    print(f"Wrote {zip_path} ({zip_path.stat().st_size / 1e6:.1f} MB)")
    print_pdf(site / "print_page.html", pdf_path)
    print(f"Wrote {pdf_path} ({pdf_path.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
