"""Plain helpers the tests import (fixtures live in conftest.py, which nothing imports)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

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


def unavailable(message: str) -> None:
    """A tool the tests need is missing: skip on a laptop, fail under CI=true (never a silent skip there)."""
    if IN_CI:
        pytest.fail(f"{message}: under CI=true a missing tool is a failure", pytrace=False)
    pytest.skip(message)
