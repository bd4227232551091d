"""MkDocs hook: every worked example covers every checklist item of every step.

Thin adapter: the rules live in ``studyguide.examples`` and ``studyguide.steps``;
the practice panel on each example step page, and the answer wrapped for it to
hide, in ``studyguide.practice``.
This hook also stops the build with everything ``studyguide.report`` collected:
before rendering (on_nav) for whole files, after reading every page (on_env)
for placeholders.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from studyguide import compare, directives, practice, registry, render, report
from studyguide.examples import Example, check_order, validate_example
from studyguide.frontmatter import first_line
from studyguide.problems import GuideError, Problem
from studyguide.steps import Step, load_steps

STEPS_FILE = "_data/steps.yml"
COMPARE_FILE = "_data/compare.yml"
EXAMPLES_DIR = "examples/"

_steps: list[Step] = []
_columns: list[compare.Column] = []
_examples: dict[str, Example] = {}  # folder -> example
_nav_order: list[str] = []  # src_uri of every page, in navigation order


def on_config(config):
    global _steps, _columns
    docs = Path(config["docs_dir"])
    try:
        _steps = load_steps(docs / STEPS_FILE, f"docs/{STEPS_FILE}")
        _columns = compare.load_columns(docs / COMPARE_FILE, f"docs/{COMPARE_FILE}")
    except GuideError as exc:
        raise PluginError(str(exc)) from None
    return config


def on_files(files, config):
    _examples.clear()
    folders: dict[str, dict[str, str]] = {}
    for file in files:
        uri = file.src_uri
        if uri.startswith(EXAMPLES_DIR) and uri.endswith((".md", ".yml")) and uri.count("/") == 2:
            folder = uri.rsplit("/", 1)[0]
            folders.setdefault(folder, {})[uri] = file.content_string
    for folder, pages in sorted(folders.items()):
        example, problems = validate_example(folder, pages, _steps)
        _examples[folder] = example
        report.add(_in_docs(problems))
    return files


def on_nav(nav, config, files):
    order = [page.file.src_uri for page in nav.pages]
    _nav_order[:] = order
    for example in _examples.values():
        report.add(_in_docs(check_order(example, order, _steps)))
    _stop_if_any("The guide's sources have problems; nothing was built.")
    return nav


def on_env(env, config, files):
    _stop_if_any("Pages have problems; nothing was written.")
    return env


def _stop_if_any(headline: str) -> None:
    text = report.message(headline)
    if text:
        raise PluginError(text)


def on_page_markdown(markdown, page, config, files):
    src = page.file.src_uri
    problems: list[Problem] = []
    markdown = directives.expand(
        markdown,
        f"docs/{src}",
        {"checklist": lambda arg, line: _checklist(arg), "examples": lambda arg, line: _example_links(arg, src),
         "compare": lambda arg, line: _comparison(arg, src), "practice": lambda arg, line: _practice(arg, src)},
        problems,
        first_line=first_line(page.file.content_string, markdown),
    )
    report.add(problems)
    step_page = _step_page_of(src)
    if step_page is not None:
        markdown = _decorate_example_page(markdown, src, *step_page)
    return markdown


def _in_docs(problems: list[Problem]) -> list[Problem]:
    return [Problem(f"docs/{p.file}", p.line, p.message, p.hint) for p in problems]


def _step(step_id: str) -> Step:
    for step in _steps:
        if step.id == step_id:
            return step
    raise ValueError(f"unknown step '{step_id}'; steps are: " + ", ".join(s.id for s in _steps))


def _checklist(step_id: str) -> str:
    step = _step(step_id)
    items = [(i.id, i.text, None) for i in step.items]
    return render.checklist_html(items, "step-checklist")


def _example_links(step_id: str, src: str) -> str:
    step = _step(step_id)
    lines = []
    for example in _examples.values():
        page = example.pages.get(step.id)
        if page:
            lines.append(f"- [{example.title}]({_rel(page.path, src)}): step {step.number}, {step.title.lower()}")
    if not lines:
        return "No worked example yet: [add one](" + _rel("contributing/add-an-example.md", src) + ")."
    return "\n" + "\n".join(lines) + "\n"


def _comparison(what: str, src: str) -> str:
    if what != "examples":
        raise ValueError(f"'{{{{ compare: {what} }}}}': only '{{{{ compare: examples }}}}' exists")
    rows = []
    for folder, example in _examples.items():
        model = registry.models.get(f"{folder}/estimates.yml")
        if model is None:
            raise ValueError(f"docs/{folder} has no valid estimates.yml to compare")
        rows.append((example.title, _rel(f"{folder}/index.md", src), model))
    return "\n" + compare.comparison(rows, _columns) + "\n"


def _practice(what: str, src: str) -> str:
    if what != "progress":
        raise ValueError(f"'{{{{ practice: {what} }}}}': only '{{{{ practice: progress }}}}' exists")
    in_nav = sorted(_examples.items(), key=lambda kv: _position(f"{kv[0]}/index.md"))
    rows = [practice.ExampleProgress(_slug(folder), example.title, _rel(f"{folder}/index.md", src),
                                     sum(len(page.step.items) for page in example.pages.values()))
            for folder, example in in_nav]
    return "\n" + practice.progress_markdown(rows, _steps) + "\n"


def _position(src: str) -> int:
    return _nav_order.index(src) if src in _nav_order else len(_nav_order)


@event_priority(60)  # before estimates appends its data and print-site copies the page
def on_page_content(html, page, config, files):
    """On an example's step page, the answer after the practice panel goes in an element of its own."""
    found = _step_page_of(page.file.src_uri)
    if found is None:
        return html
    example, step_page = found
    return practice.wrap_answer(html, _slug(example.folder), step_page.step.id)


def _slug(folder: str) -> str:
    return folder.rstrip("/").rsplit("/", 1)[-1]


def _step_page_of(src: str):
    for example in _examples.values():
        for page in example.pages.values():
            if page.path == src:
                return example, page
    return None


def _decorate_example_page(markdown: str, src: str, example: Example, page) -> str:
    step = page.step
    back = (
        f'!!! abstract "Step {step.number} of {len(_steps)} · {step.title}"\n\n'
        f"    What this step is for, its checklist and the common mistakes: "
        f"[Step {step.number}: {step.title}]({_rel(step.page, src)}).\n"
    )
    lines = markdown.split("\n")
    at = next((i + 1 for i, line in enumerate(lines) if line.startswith("# ")), 0)
    panel = practice.panel_html(_slug(example.folder), example.title, step)
    lines[at:at] = ["", back, "", panel, ""]
    items = [(i.id, i.text, page.covers.get(i.id)) for i in step.items]
    coverage = (
        "\n## Checklist for this step {#step-checklist}\n\n"
        f"Each item of [step {step.number}'s checklist]({_rel(step.page, src)}#checklist) "
        "and the section above that answers it.\n\n" + render.checklist_html(items, "coverage") + "\n"
    )
    return "\n".join(lines) + "\n" + coverage


def _rel(target: str, src: str) -> str:
    return posixpath.relpath(target, posixpath.dirname(src) or ".")
