"""The .github files: valid YAML, pinned actions, and the workflows call the Makefile."""

from __future__ import annotations

import re

import yaml

from helpers import REPO

GITHUB = REPO / ".github"


def workflows():
    return {p.name: yaml.safe_load(p.read_text()) for p in sorted((GITHUB / "workflows").glob("*.yml"))}


def run_lines(workflow) -> str:
    return "\n".join(step.get("run", "") for job in workflow["jobs"].values() for step in job.get("steps", []))


def test_every_workflow_and_issue_template_is_valid_yaml():
    for path in list(GITHUB.rglob("*.yml")):
        assert isinstance(yaml.safe_load(path.read_text()), dict), path


def test_ci_runs_make_test_and_deploy_builds_the_site_and_the_downloads():
    flows = workflows()
    assert set(flows) == {"ci.yml", "deploy.yml"}
    assert re.search(r"^make test$", run_lines(flows["ci.yml"]), re.M)
    deploy = run_lines(flows["deploy.yml"])
    assert "make build" in deploy and "make offline" in deploy
    assert "dist/*.zip" in deploy and "dist/*.pdf" in deploy


# A tag can be moved to other code; a commit cannot. The comment says which release it is.
PINNED = re.compile(r"uses: (?P<action>[\w.-]+/[\w.-]+)@(?P<sha>[0-9a-f]{40}) # (?P<version>v\d+\.\d+\.\d+)")


def uses_lines() -> list[tuple[str, str]]:
    """Every ``uses:`` line of the workflows, as written (YAML would drop the comment)."""
    return [(p.name, line.strip().removeprefix("- ")) for p in sorted((GITHUB / "workflows").glob("*.yml"))
            for line in p.read_text().splitlines() if re.match(r"\s*(- )?uses:", line)]


def test_every_action_is_pinned_to_a_commit_with_its_version_in_a_comment():
    lines = uses_lines()
    steps = [step["uses"] for flow in workflows().values() for job in flow["jobs"].values()
             for step in job.get("steps", []) if "uses" in step]
    assert len(lines) == len(steps) >= 5, (lines, steps)  # every step that uses an action is on a line of its own
    versions: dict[tuple[str, str], set[str]] = {}
    for name, line in lines:
        match = PINNED.fullmatch(line)
        assert match, f"{name}: {line!r} is not `uses: owner/action@<40-hex commit> # vX.Y.Z`"
        versions.setdefault((match["action"], match["sha"]), set()).add(match["version"])
    # one commit, one version: the same pin is not labelled differently in two places
    assert all(len(v) == 1 for v in versions.values()), versions


def test_the_pin_check_rejects_tags_short_shas_and_missing_versions():
    sha = "11bd71901bbe5b1630ceea73d27597364c9af683"
    assert PINNED.fullmatch(f"uses: actions/checkout@{sha} # v4.2.2")
    for line in ("uses: actions/checkout@v4.2.2", "uses: actions/checkout@v4", f"uses: actions/checkout@{sha}",
                 f"uses: actions/checkout@{sha[:12]} # v4.2.2", f"uses: actions/checkout@{sha} # v4",
                 "uses: actions/checkout@main # v4.2.2"):
        assert not PINNED.fullmatch(line), line


def test_the_makefile_has_the_targets_the_workflows_and_docs_call():
    makefile = (REPO / "Makefile").read_text()
    for target in ("serve", "test", "build", "offline", "example", "validate", "lint"):
        assert re.search(rf"^{target}:", makefile, re.M), target


def test_the_pull_request_template_carries_the_checklist():
    template = (GITHUB / "PULL_REQUEST_TEMPLATE.md").read_text()
    assert template.count("- [ ]") >= 6 and "make validate" in template
