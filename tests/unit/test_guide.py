"""The guide's pipeline, without MkDocs: directives from one table, scripts declared, problems collected."""

from __future__ import annotations

from pathlib import Path

import pytest

from studyguide.check import check_guide, read_sources
from studyguide.guide import DIRECTIVES, ENGINE_JS, LIVE_JS, PAGE_JS, PRACTICE_JS, SANDBOX_JS, Guide

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def sources() -> dict[str, str]:
    return read_sources(REPO / "docs")


def run_page(files: dict[str, str], src: str, text: str) -> Guide:
    guide = Guide({**files, src: text})
    guide.page_markdown(src, text)
    return guide


def test_the_whole_guide_checks_clean_without_mkdocs():
    assert check_guide(REPO).sorted_problems() == []


def test_pages_declare_the_scripts_their_markup_needs(sources):
    guide = Guide(sources)
    guide.set_nav([])
    for src in ("examples/twitter/estimation.md", "sandbox.md", "examples/index.md", "steps/api.md"):
        text = sources[src].split("---", 2)[-1]
        guide.page_markdown(src, text)
    assert guide.scripts("examples/twitter/estimation.md") == [PAGE_JS, ENGINE_JS, LIVE_JS, PRACTICE_JS]
    assert guide.scripts("sandbox.md") == [PAGE_JS, ENGINE_JS, SANDBOX_JS]  # no live numbers on the sandbox
    assert guide.scripts("examples/index.md") == [PAGE_JS, PRACTICE_JS]
    assert guide.scripts("steps/api.md") == []


@pytest.mark.parametrize("text, message", [
    ("{{ checklist: no-such-step }}", "unknown step 'no-such-step'; steps are: requirements"),
    ("{{ practice: nonsense }}", "only '{{ practice: progress }}' exists"),
    ("{{ compare: nothing }}", "only '{{ compare: examples }}' exists"),
    ("{{ sandbox: nowhere.yml }}", "docs/nowhere.yml is not a valid estimates file"),
    ("{{ valeu: x }}", "unknown directive '{{ valeu }}'"),
    ("{{ used_by: pages }}", "only '{{ used_by: examples }}' exists"),
    ("{{ used_by: examples }}", "no worked example links to this page"),
    ("{{ sections: essay }}", "unknown kind 'essay'; kinds are: building-block"),
])
def test_every_directive_argument_is_checked(sources, text, message):
    guide = run_page(sources, "reference/new.md", f"# New\n\n{text}\n")
    assert [p.message for p in guide.problems if message in p.message], guide.problems
    assert all(p.file == "docs/reference/new.md" and p.line == 3 for p in guide.problems)


def test_the_table_names_every_directive_once():
    assert list(DIRECTIVES) == ["value", "table", "checklist", "levels", "budgets", "examples", "answer", "compare",
                                "practice", "prompts", "sandbox", "sections", "used_by"]


def test_a_step_page_typo_is_blamed_on_the_steps_file_alone(sources):
    steps = sources["_data/steps.yml"].replace("page: steps/api.md", "page: steps/apii.md")
    guide = Guide({**sources, "_data/steps.yml": steps})
    assert [(p.file, p.message) for p in guide.problems] == [
        ("docs/_data/steps.yml", "step 'api': page 'steps/apii.md' does not exist")]


def test_a_broken_steps_file_is_reported_not_raised(sources):
    steps = sources["_data/steps.yml"].replace("minutes: 4", "minutes: yes", 1)
    guide = Guide({**sources, "_data/steps.yml": steps})
    assert any("'minutes' must be a whole number, not 'yes'" in p.message for p in guide.problems)


def test_script_in_a_page_is_a_problem_with_its_line(sources):
    src = "reference/new.md"
    text = "# New\n\nText.\n\n<img src=x onerror=alert(1)>\n"
    guide = run_page(sources, src, text)
    guide.page_html(src, '<h1>New</h1>\n<p>Text.</p>\n<p><img src=x onerror=alert(1)></p>')
    assert [(p.line, p.message) for p in guide.problems] == [(5, "an event handler (onerror=) on <img> in the page")]


def test_markup_in_front_matter_is_a_problem(sources):
    guide = Guide({**sources, "reference/new.md": "---\ntitle: <img src=x onerror=alert(1)>\n---\n\n# New\n"})
    assert [(p.file, p.line, p.message) for p in guide.problems] == [
        ("docs/reference/new.md", 2, "front matter 'title': it contains HTML ('<')")]


def test_a_pipe_in_an_example_title_stays_in_its_cell(sources):
    index = sources["examples/chat/index.md"]
    title = index.split("title: ", 1)[1].split("\n", 1)[0]
    guide = Guide({**sources, "examples/chat/index.md": index.replace(f"title: {title}", "title: Chat | messaging", 1)})
    guide.set_nav([])
    out = guide.page_markdown("examples/index.md", "{{ compare: examples }}")
    row = next(line for line in out.split("\n") if "Chat" in line)
    assert "Chat &#124; messaging" in row and row.count("|") == 6


def test_the_contributor_docs_list_every_placeholder_of_the_table():
    docs = (REPO / "docs/contributing/how-this-guide-is-built.md").read_text(encoding="utf-8")
    table = docs.split("### Every placeholder", 1)[1].split("###", 1)[0]
    listed = [line.split("`{{ ", 1)[1].split(":", 1)[0] for line in table.splitlines() if line.startswith("| `{{ ")]
    assert listed == list(DIRECTIVES), "add the new placeholder to 'Every placeholder' in how-this-guide-is-built.md"
