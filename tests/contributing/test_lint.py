"""`make lint` (Markdown lint and spelling) is part of the test suite, and passes on the guide as it is."""

import subprocess
import sys
from pathlib import Path

from helpers import REPO

BIN = Path(sys.executable).parent


def test_markdown_lint_and_spelling_pass():
    result = subprocess.run(["make", "--no-print-directory", "lint"], cwd=REPO, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_linters_catch_a_misspelling_and_a_lint_error(tmp_path):
    bad = tmp_path / "bad.md"
    bad.write_text("Text before the title.\n\n# Title\n\nThe recieve path.\n")
    spelling = subprocess.run([str(BIN / "codespell"), str(bad)], capture_output=True, text=True)
    lint = subprocess.run([str(BIN / "pymarkdown"), "--config", str(REPO / ".pymarkdown.json"),
                           "scan", str(bad)], capture_output=True, text=True)
    assert spelling.returncode != 0 and "recieve" in spelling.stdout
    assert lint.returncode != 0 and "MD041" in lint.stdout
