"""Checklist rules for worked examples, on small example folders made in the test."""

from pathlib import Path

import pytest

from studyguide.examples import anchors, check_order, validate_example
from studyguide.steps import load_steps

STEPS = load_steps(Path(__file__).parents[2] / "docs" / "_data" / "steps.yml")


BLOCKS = ("## In the interview\n\nWhat I would say.\n\n"
          "## Senior and staff answers\n\n- **Senior** adds: more.\n- **Staff** adds: most.\n\n")


def page(step, items=None, body=None, extra=""):
    step_obj = next(s for s in STEPS if s.id == step)
    body = body or (f"# Step {step_obj.number}: {step_obj.title} — X\n\n{BLOCKS}## Answer\n\nText.\n")
    items = [i.id for i in step_obj.items] if items is None else items
    covers = "".join(f'  {i}: "#answer"\n' for i in items)
    return f"---\nstep: {step}\n{extra}covers:\n{covers}---\n\n{body}"


def complete_example():
    files = {"examples/x/index.md": "# X\n"}
    for s in STEPS:
        files[f"examples/x/{s.id}.md"] = page(s.id)
    return files


def problems_of(files):
    _, problems = validate_example("examples/x", files, STEPS)
    return [str(p) for p in problems]


def test_steps_file_lists_seven_steps_with_the_seed_items():
    assert [s.id for s in STEPS] == [
        "requirements", "estimation", "api", "data-model", "high-level-design", "detailed-design", "bottlenecks",
    ]
    requirements = {i.id for i in STEPS[0].items}
    assert {"core-actions", "main-read-path", "media", "search", "discovery", "notifications",
            "scope-front-back"} <= requirements
    assert {i.id for i in STEPS[-1].items} == {
        "single-points-of-failure", "data-replicas", "service-redundancy", "monitoring-alerts"}
    assert 35 <= sum(s.minutes for s in STEPS) <= 40


def test_a_complete_example_passes():
    assert problems_of(complete_example()) == []


def test_a_missing_step_is_named():
    files = complete_example()
    del files["examples/x/api.md"]
    assert problems_of(files) == [
        "examples/x/index.md: step 3 (System interface definition) is missing from the example\n"
        "    hint: add a page with front matter 'step: api' and a 'covers:' map"
    ]


def test_an_uncovered_item_names_file_step_and_item():
    files = complete_example()
    files["examples/x/bottlenecks.md"] = page(
        "bottlenecks", ["single-points-of-failure", "data-replicas", "service-redundancy"])
    found = problems_of(files)
    assert len(found) == 1
    assert found[0].startswith("examples/x/bottlenecks.md:3: step 'bottlenecks': checklist item "
                               "'monitoring-alerts' is not covered")


def test_a_cover_pointing_nowhere_or_to_an_unknown_item_is_reported_with_its_line():
    files = complete_example()
    text = page("api").replace('pagination: "#answer"', 'pagination: "#nowhere"')
    files["examples/x/api.md"] = text.replace("covers:\n", 'covers:\n  paging: "#answer"\n')
    found = problems_of(files)
    assert any("examples/x/api.md:4: step 'api' has no checklist item 'paging'" in f for f in found)
    assert any("item 'pagination' points to '#nowhere', which is not a section of this page" in f for f in found)


def test_an_unknown_step_suggests_the_closest():
    files = complete_example()
    files["examples/x/extra.md"] = "---\nstep: requirement\n---\n# Extra\n"
    assert any("examples/x/extra.md:2: unknown step 'requirement'" in f and "did you mean 'requirements'" in f
               for f in problems_of(files))


def test_todo_markers_fail_with_their_lines():
    files = complete_example()
    files["examples/x/api.md"] = page("api", body="# Step 3: System interface definition\n\n## Answer\n\nTODO: write the calls.\n")
    assert any(f.startswith("examples/x/api.md:") and "TODO" in f for f in problems_of(files))


def test_steps_out_of_order_in_the_navigation_are_reported():
    files = complete_example()
    example, _ = validate_example("examples/x", files, STEPS)
    order = [f"examples/x/{s.id}.md" for s in STEPS]
    order[2], order[3] = order[3], order[2]
    found = [str(p) for p in check_order(example, order, STEPS)]
    assert found == ["examples/x/data-model.md: step 4 comes before step 3 in the navigation\n"
                     "    hint: list the example's pages in mkdocs.yml in step order"]


@pytest.mark.parametrize(
    "markdown, expected",
    [
        ("## Functional requirements\n", {"functional-requirements"}),
        ("## Scope {#scope}\n", {"scope"}),
        ("## Read `path` and **write**\n", {"read-path-and-write"}),
        ("## A\n\n## A\n", {"a", "a_1"}),
        ("```text\n## not a heading\n```\n", set()),
    ],
)
def test_anchors_follow_mkdocs_heading_ids(markdown, expected):
    assert anchors(markdown) == expected


def test_a_step_page_must_open_with_its_step_heading():
    files = complete_example()
    files["examples/x/api.md"] = page("api", body="# The API\n\n" + BLOCKS + "## Answer\n\nText.\n")
    assert problems_of(files) == [
        "examples/x/api.md:11: the page title should start with 'Step 3: System interface definition'\n"
        "    hint: e.g. '# Step 3: System interface definition — <your example>'"
    ]


def test_a_step_page_without_its_interview_blocks_is_named_with_file_and_line():
    files = complete_example()
    long = "## In the interview\n\n" + "word " * 151 + "\n\n## Senior and staff answers\n\n- **Senior** adds: x.\n\n"
    files["examples/x/api.md"] = page("api", body="# Step 3: System interface definition — X\n\n" + long
                                      + "## Answer\n\nText.\n")
    files["examples/x/estimation.md"] = page("estimation", body="# Step 2: Back-of-the-envelope estimation — X\n\n"
                                             "## Answer\n\nText.\n")
    found = [p.split("\n")[0] for p in problems_of(files)]
    lines = files["examples/x/api.md"].split("\n")
    said, levels = lines.index("## In the interview") + 1, lines.index("## Senior and staff answers") + 1
    assert found == [
        f"examples/x/api.md:{said}: 'In the interview' has 151 words; at most 150",
        f"examples/x/api.md:{levels}: 'Senior and staff answers' has no '**Staff**' item",
        "examples/x/estimation.md: the section '## In the interview' is missing",
        "examples/x/estimation.md: the section '## Senior and staff answers' is missing",
    ]
