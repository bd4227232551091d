"""The .github files: valid YAML, pinned actions, and the workflows call the Makefile."""

from __future__ import annotations

import re

import yaml

from conftest import REPO

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


def test_every_action_is_pinned_to_a_version():
    for name, flow in workflows().items():
        for job in flow["jobs"].values():
            for step in job.get("steps", []):
                if "uses" in step:
                    assert re.fullmatch(r"[\w.-]+/[\w.-]+@v\d+\.\d+\.\d+", step["uses"]), (name, step["uses"])


def test_the_makefile_has_the_targets_the_workflows_and_docs_call():
    makefile = (REPO / "Makefile").read_text()
    for target in ("serve", "test", "build", "offline", "example", "validate", "lint"):
        assert re.search(rf"^{target}:", makefile, re.M), target


def test_the_pull_request_template_carries_the_checklist():
    template = (GITHUB / "PULL_REQUEST_TEMPLATE.md").read_text()
    assert template.count("- [ ]") >= 6 and "make validate" in template
