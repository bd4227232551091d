"""The contributor's path: scaffold, see every TODO, fill them in, pass."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from helpers import run_build
from studyguide.scaffold import with_sample_answers

NAME = "Design a ticket booking system"
FOLDER = Path("docs/examples/ticket-booking-system")


def example(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "scripts/example.py", *args], cwd=root, capture_output=True, text=True,
                          timeout=120)


@pytest.fixture
def scaffolded(site_copy):
    result = example(site_copy, "new", NAME)
    assert result.returncode == 0, result.stderr
    return site_copy


def todo_lines(root: Path) -> list[str]:
    found = []
    for path in sorted((root / FOLDER).iterdir()):
        for number, line in enumerate(path.read_text().split("\n"), start=1):
            if "TODO" in line:
                found.append(f"{FOLDER / path.name}:{number}")
    return found


def fill_in(root: Path) -> None:
    """Do what a contributor does: replace every TODO with content."""
    folder = root / FOLDER
    files = {p.name: p.read_text() for p in folder.iterdir()}
    for name, text in with_sample_answers(files).items():
        (folder / name).write_text(text)


def test_scaffold_creates_every_step_and_adds_the_nav_entry(scaffolded):
    files = sorted(p.name for p in (scaffolded / FOLDER).iterdir())
    assert files == sorted(["index.md", "answer.md", "estimates.yml", "requirements.md", "estimation.md", "api.md",
                            "data-model.md", "high-level-design.md", "detailed-design.md", "bottlenecks.md"])
    config = (scaffolded / "mkdocs.yml").read_text()
    assert "      - Ticket booking system:\n          - examples/ticket-booking-system/index.md\n" in config
    assert config.index("examples/ticket-booking-system/bottlenecks.md") < config.index("  - Reference:")


def test_validate_lists_every_todo_with_its_line_and_fails(scaffolded):
    result = example(scaffolded, "validate", "ticket-booking-system")
    assert result.returncode == 1
    expected = todo_lines(scaffolded)
    assert len(expected) > 40
    for where in expected:
        assert f"{where}: unfinished: a TODO is left here" in result.stdout, where
    assert "hint: replace the TODO with the real content" in result.stdout


def test_the_strict_build_refuses_the_unfinished_example_with_the_same_problems(scaffolded):
    build = run_build(scaffolded)
    assert build.returncode != 0
    validate = example(scaffolded, "validate", "ticket-booking-system")
    listed = sorted(line for line in validate.stdout.splitlines() if line.startswith("  docs/"))
    in_build = sorted(line for line in (build.stdout + build.stderr).splitlines() if line.startswith("  docs/"))
    assert listed == in_build


def test_once_filled_in_it_validates_and_builds(scaffolded):
    fill_in(scaffolded)
    assert todo_lines(scaffolded) == []
    result = example(scaffolded, "validate", "ticket-booking-system")
    assert result.returncode == 0, result.stdout
    assert "every step and checklist item is covered" in result.stdout
    build = run_build(scaffolded)
    assert build.returncode == 0, build.stdout + build.stderr


def test_validate_reports_a_page_quoting_an_unknown_quantity(scaffolded):
    fill_in(scaffolded)
    page = scaffolded / FOLDER / "estimation.md"
    page.write_text(page.read_text() + "\nWe expect {{ value: requests_per_secnd }}.\n")
    result = example(scaffolded, "validate", "ticket-booking-system")
    assert result.returncode == 1
    assert "unknown quantity 'requests_per_secnd'" in result.stdout
    assert "did you mean 'requests_per_second'" in result.stdout


def test_a_second_example_with_the_same_name_is_refused(scaffolded):
    result = example(scaffolded, "new", NAME)
    assert result.returncode == 2 and "already exists" in result.stderr
