"""Every folder of tests is collected: pytest's default ``norecursedirs`` skips folders
named ``build``, ``dist`` and the like without a word, and a test that never runs cannot fail."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parent


def test_every_test_folder_contributes_collected_tests():
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", str(TESTS)],
        cwd=TESTS.parent, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    collected = {line.split("::", 1)[0] for line in result.stdout.splitlines() if "::" in line}
    folders = {p.parent.relative_to(TESTS.parent).as_posix() for p in TESTS.rglob("test_*.py")}
    with_tests = {Path(f).parent.as_posix() for f in collected}
    missing = sorted(folders - with_tests)
    assert not missing, (
        f"pytest collects no test from {missing}: a folder named like 'build' or 'dist' is skipped "
        "by pytest's norecursedirs; rename it (tests/site holds the build tests for this reason)"
    )
    files = {p.relative_to(TESTS.parent).as_posix() for p in TESTS.rglob("test_*.py")}
    assert not files - collected, f"test files with no collected test: {sorted(files - collected)}"


def test_no_test_file_is_hidden_from_git():
    """A .gitignore rule such as ``site/`` also matched tests/site/: its new tests would never reach CI."""
    result = subprocess.run(["git", "ls-files", "--others", "--ignored", "--exclude-standard", "tests"],
                            cwd=TESTS.parent, capture_output=True, text=True)
    if result.returncode != 0:  # not a git checkout (an unpacked copy): nothing to compare with
        return
    hidden = [line for line in result.stdout.splitlines() if line.endswith(".py") and "__pycache__" not in line]
    assert hidden == [], f"git ignores these test files, so CI never sees them: {hidden}"


def test_no_test_imports_from_conftest():
    """conftest.py holds fixtures; what tests import lives in plain modules (helpers.py, reader.py, guide_checks.py)."""
    offenders = [str(p.relative_to(TESTS.parent)) for p in TESTS.rglob("*.py")
                 if re.search(r"^\s*(from|import) conftest\b", p.read_text(encoding="utf-8"), re.M)]
    assert offenders == []
