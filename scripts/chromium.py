"""Where Chromium is, and how the guide launches it headless (tests, PDF, benchmarks)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

# Without the background-networking flags Chromium tries to reach Google's hosts at start-up.
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def find() -> str | None:
    """$CHROMIUM, else Debian's chromium, else whatever chromium is on PATH."""
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium"),
                      shutil.which("chromium-browser")):
        if candidate and Path(candidate).exists():
            return candidate
    return None
