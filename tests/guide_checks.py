"""Run the guide's checks the two ways a contributor does, and read the problems they print."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

PROBLEM = re.compile(r"^\s+(docs/\S+?|mkdocs\.yml)(?::(\d+))?: (.+)$", re.M)

Found = set[tuple[str, int | None, str]]


def problems(output: str) -> Found:
    """(file, line, message) of every problem in a report of the build or of `make validate`."""
    return {(m.group(1), int(m.group(2)) if m.group(2) else None, m.group(3)) for m in PROBLEM.finditer(output)}


def run_validate(root: Path, example: str | None = None) -> subprocess.CompletedProcess:
    """What `make validate` runs: the whole guide, or `make validate EXAMPLE=…`."""
    args = ["validate", example] if example else ["check"]
    return subprocess.run([sys.executable, "scripts/example.py", *args], cwd=root, capture_output=True,
                          text=True, timeout=300)
