"""Bad input fails `mkdocs build --strict` with a message that names the file and what to do,
and `make validate` reports exactly the same problems."""

from __future__ import annotations

import re
from pathlib import Path

from guide_checks import problems, run_validate
from helpers import run_build

TWITTER = Path("docs/examples/twitter")


def edit(root: Path, rel: str | Path, old: str, new: str, count: int = 1) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {rel}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def fails_with(root: Path, *fragments: str, validate: bool = True) -> str:
    """The build fails naming each fragment; so does `make validate`, with the same problems (unless told not to)."""
    result = run_build(root)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    for fragment in fragments:
        assert fragment in output, f"{fragment!r} not in:\n{output}"
    if validate:
        check = run_validate(root)
        assert check.returncode == 1, check.stdout + check.stderr
        assert problems(check.stdout) == problems(output) != set(), (check.stdout, output)
    return output


def test_the_unbroken_copy_builds(site_copy):
    result = run_build(site_copy)
    assert result.returncode == 0, result.stdout + result.stderr


def test_an_uncovered_checklist_item_names_file_step_and_item(site_copy):
    text = (site_copy / TWITTER / "bottlenecks.md").read_text()
    line = re.search(r"^  monitoring-alerts:.*\n", text, re.M).group(0)
    edit(site_copy, TWITTER / "bottlenecks.md", line, "")
    fails_with(site_copy, "docs/examples/twitter/bottlenecks.md",
               "step 'bottlenecks': checklist item 'monitoring-alerts' is not covered")


def test_a_missing_step_page_is_named(site_copy):
    (site_copy / TWITTER / "api.md").unlink()
    edit(site_copy, "mkdocs.yml", "          - examples/twitter/api.md\n", "")
    fails_with(site_copy, "step 3 (System interface definition) is missing from the example")


def test_an_unknown_quantity_in_prose_names_the_page_and_line(site_copy):
    path = site_copy / TWITTER / "estimation.md"
    path.write_text(path.read_text() + "\nWe post {{ value: tweets_per_dya }} a day.\n")
    lines = path.read_text().count("\n")
    fails_with(site_copy, f"docs/examples/twitter/estimation.md:{lines}: unknown quantity 'tweets_per_dya'")


def test_a_yaml_syntax_error_names_the_estimates_file(site_copy):
    path = site_copy / TWITTER / "estimates.yml"
    path.write_text("inputs:\n  broken: {value: 1\n" + path.read_text())
    fails_with(site_copy, "docs/examples/twitter/estimates.yml:", "YAML syntax error")


def test_a_unit_mismatch_names_the_quantity(site_copy):
    path = site_copy / TWITTER / "estimates.yml"
    path.write_text(path.read_text().replace("derived:\n", "derived:\n  broken_sum:\n"
                                             "    formula: daily_active_users + day\n"
                                             "    unit: users\n    label: Broken\n", 1))
    fails_with(site_copy, "quantity 'broken_sum': unit mismatch: cannot add second to user")


def test_code_in_a_formula_fails_without_running(site_copy, tmp_path):
    marker = tmp_path / "pwned"
    path = site_copy / TWITTER / "estimates.yml"
    path.write_text(path.read_text().replace("derived:\n", "derived:\n  injected:\n"
                                             f"    formula: \"__import__('os').system('touch {marker}')\"\n"
                                             "    unit: ratio\n    label: Injected\n", 1))
    fails_with(site_copy, "quantity 'injected': unexpected character")
    assert not marker.exists()


def test_a_broken_link_and_a_broken_anchor_fail_the_build(site_copy):
    path = site_copy / "docs/steps/api.md"
    path.write_text(path.read_text() + "\nSee [nowhere](no-such-page.md) and [here](data-model.md#no-such-anchor).\n")
    fails_with(site_copy, "no-such-page.md", "no-such-anchor", validate=False)  # MkDocs' own link check


def test_a_removed_step_heading_names_the_file(site_copy):
    page = site_copy / TWITTER / "api.md"
    page.write_text(re.sub(r"^# Step 3: .*\n", "", page.read_text(), count=1, flags=re.M))
    fails_with(site_copy, "docs/examples/twitter/api.md", "the step heading '# Step 3: System interface definition' is missing")


def test_a_removed_section_that_answers_a_checklist_item_names_file_and_item(site_copy):
    page = site_copy / TWITTER / "bottlenecks.md"
    text = page.read_text()
    anchor = re.search(r'^  monitoring-alerts: "#([\w-]+)"', text, re.M).group(1)
    lines = [line for line in text.split("\n")
             if not (line.startswith("#") and re.sub(r"[^a-z0-9]+", "-", line.lstrip("# ").lower()).strip("-") == anchor)]
    page.write_text("\n".join(lines))
    fails_with(site_copy, "docs/examples/twitter/bottlenecks.md",
               f"item 'monitoring-alerts' points to '#{anchor}', which is not a section of this page")


def test_a_step_without_a_practice_prompt_names_the_steps_file_and_line(site_copy):
    path = site_copy / "docs/_data/steps.yml"
    lines = path.read_text().split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("    prompt: state your assumptions"))
    del lines[at]
    path.write_text("\n".join(lines))
    step_line = next(i for i, line in enumerate(lines, start=1) if line == "  - id: estimation")
    fails_with(site_copy, f"docs/_data/steps.yml:{step_line}: step 'estimation' has no prompt")


def test_an_unknown_practice_placeholder_names_the_page_and_line(site_copy):
    path = site_copy / "docs/examples/index.md"
    path.write_text(path.read_text() + "\n{{ practice: progres }}\n")
    lines = path.read_text().count("\n")
    fails_with(site_copy, f"docs/examples/index.md:{lines}: '{{{{ practice: progres }}}}': "
                          "only '{{ practice: progress }}' exists")
