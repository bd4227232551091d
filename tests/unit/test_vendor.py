"""The vendored front-end files are what the loaders expect."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
VENDOR = REPO / "docs/assets/vendor"
LOADER = REPO / "docs/assets/javascripts/mermaid-loader.js"


def test_the_mermaid_chunks_the_loader_imports_first_exist():
    pieces = re.search(r"var PIECES = \[([^\]]*)\]", LOADER.read_text(encoding="utf-8"))
    assert pieces, "mermaid-loader.js no longer lists PIECES"
    names = re.findall(r'"([^"]+)"', pieces[1])
    missing = [n for n in names if not (VENDOR / f"mermaid/esm/chunks/mermaid.esm.min/{n}.mjs").is_file()]
    assert names and missing == [], (
        f"chunks gone after a Mermaid upgrade: {missing}; put the names scripts/vendor.sh printed into PIECES")


def test_both_mermaid_builds_and_their_licence_are_vendored():
    assert (VENDOR / "mermaid/mermaid.min.js").is_file()
    assert (VENDOR / "mermaid/esm/mermaid.esm.min.mjs").is_file()
    assert "MIT" in (VENDOR / "mermaid/LICENSE").read_text(encoding="utf-8")
    version = (VENDOR / "mermaid/VERSION").read_text(encoding="utf-8")
    assert version.startswith("mermaid@11.") and "ESM build" in version
