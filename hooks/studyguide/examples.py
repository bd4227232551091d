"""Worked examples: a folder with one page per step, each covering its checklist.

A step page says which step it is and where each checklist item is answered::

    ---
    step: requirements
    covers:
      core-actions: "#functional-requirements"
    ---

``validate_example`` checks that all seven steps are there, that each page maps
every item of its step to a section that exists on that page, and that no
scaffold TODO is left. It reads files only, so the same checks run in the
MkDocs build and in the stand-alone validator.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from . import frontmatter
from .answer import IN_THE_INTERVIEW, block_problems, section
from .headings import anchors
from .problems import Problem
from .steps import Step
from .yamlfile import LineMap

_TODO = re.compile(r"TODO")


@dataclass
class StepPage:
    path: str  # relative to docs/, with forward slashes
    step: Step
    covers: dict[str, str]  # item id -> anchor
    lines: dict[str, int | None]  # item id -> page line
    interview: str = ""  # the "In the interview" block's Markdown, for the example's 35-minute answer


@dataclass
class Example:
    folder: str
    title: str
    pages: dict[str, StepPage] = field(default_factory=dict)  # step id -> page


def todo_problems(path: str, text: str) -> list[Problem]:
    return [
        Problem(path, number, "unfinished: a TODO is left here", "replace the TODO with the real content")
        for number, line in enumerate(text.split("\n"), start=1)
        if _TODO.search(line)
    ]


def validate_example(folder: str, files: dict[str, str], steps: list[Step]) -> tuple[Example, list[Problem]]:
    """Check one example folder. ``files`` maps each page path (under docs/) to its text."""
    problems: list[Problem] = []
    by_id = {s.id: s for s in steps}
    example = Example(folder, folder.rstrip("/").rsplit("/", 1)[-1])
    index_path = f"{folder}/index.md"
    if index_path not in files:
        problems.append(Problem(index_path, None, "the example has no index.md",
                                "add an overview page: what is designed and the key numbers"))
    for path, text in sorted(files.items()):
        problems.extend(todo_problems(path, text))
        if not path.endswith(".md"):
            continue
        meta, body, fm_problems = frontmatter.split(text, path)
        problems.extend(fm_problems)
        if path == index_path and isinstance(meta.get("title"), str) and meta["title"].strip():
            example.title = meta["title"].strip()
        if "step" not in meta:
            continue
        step_line = meta.lines.get("step")
        step = by_id.get(str(meta["step"]))
        if step is None:
            close = difflib.get_close_matches(str(meta["step"]), list(by_id), n=1)
            problems.append(Problem(path, step_line, f"unknown step '{meta['step']}'",
                                    f"did you mean '{close[0]}'?" if close else "steps are: " + ", ".join(by_id)))
            continue
        if step.id in example.pages:
            problems.append(Problem(path, step_line, f"step '{step.id}' is already answered by "
                                    f"{example.pages[step.id].path}", "one page per step"))
            continue
        page = _check_covers(path, meta, body, step, problems)
        _check_title(path, text, step, problems)
        offset = frontmatter.first_line(text, body)
        for line, message, hint in block_problems(body):
            problems.append(Problem(path, None if line is None else line + offset, message, hint))
        block = section(body, IN_THE_INTERVIEW)
        page.interview = block.text if block else ""
        example.pages[step.id] = page
    for step in steps:
        if step.id not in example.pages:
            problems.append(Problem(index_path, None,
                                    f"step {step.number} ({step.title}) is missing from the example",
                                    f"add a page with front matter 'step: {step.id}' and a 'covers:' map"))
    return example, problems


def _check_covers(path: str, meta: LineMap, body: str, step: Step, problems: list[Problem]) -> StepPage:
    covers = meta.get("covers")
    line = meta.lines.get("covers") or meta.lines.get("step")
    page = StepPage(path, step, {}, {})
    if not isinstance(covers, dict):
        problems.append(Problem(path, line, f"step '{step.id}': no 'covers:' map in the front matter",
                                "map each checklist item to the section that answers it, e.g. "
                                f"'{step.items[0].id}: \"#section\"'"))
        covers = {}
    ids = anchors(body)
    for key, anchor in covers.items():
        key_line = covers.lines.get(key) if hasattr(covers, "lines") else line
        if step.item(str(key)) is None:
            close = difflib.get_close_matches(str(key), [i.id for i in step.items], n=1)
            problems.append(Problem(path, key_line, f"step '{step.id}' has no checklist item '{key}'",
                                    f"did you mean '{close[0]}'?" if close else
                                    "items are: " + ", ".join(i.id for i in step.items)))
            continue
        target = str(anchor or "")
        if not target.startswith("#") or target[1:] not in ids:
            problems.append(Problem(path, key_line,
                                    f"item '{key}' points to '{target}', which is not a section of this page",
                                    "use the id of a heading on this page, e.g. '#" + (sorted(ids)[0] if ids else "section") + "'"))
            continue
        page.covers[str(key)] = target
        page.lines[str(key)] = key_line
    for item in step.items:
        if item.id not in page.covers and item.id not in covers:
            problems.append(Problem(path, line, f"step '{step.id}': checklist item '{item.id}' is not covered "
                                    f"({item.text})", f"add '{item.id}: \"#section\"' under covers:"))
    return page


def _check_title(path: str, text: str, step: Step, problems: list[Problem]) -> None:
    """A step page opens with the step's own heading, so readers always know where they are."""
    expected = f"Step {step.number}: {step.title}"
    lines = text.split("\n")
    for number, line in enumerate(lines, start=1):
        if line.startswith("# "):
            if not line[2:].strip().startswith(expected):
                problems.append(Problem(path, number, f"the page title should start with '{expected}'",
                                        f"e.g. '# {expected} — <your example>'"))
            return
    problems.append(Problem(path, None, f"the step heading '# {expected}' is missing",
                            f"start the page with '# {expected} — <your example>'"))


def check_order(example: Example, nav_order: list[str], steps: list[Step]) -> list[Problem]:
    """The example's step pages must appear in the navigation in step order."""
    position = {path: i for i, path in enumerate(nav_order)}
    problems = []
    previous: StepPage | None = None
    for step in steps:
        page = example.pages.get(step.id)
        if page is None:
            continue
        if page.path not in position:
            problems.append(Problem(page.path, None, "this step page is not in the navigation",
                                    "add it to nav: in mkdocs.yml, in step order"))
            continue
        if previous and position[page.path] < position[previous.path]:
            problems.append(Problem(page.path, None,
                                    f"step {step.number} comes before step {previous.step.number} in the navigation",
                                    "list the example's pages in mkdocs.yml in step order"))
        previous = page
    return problems
