"""Hostile and mistaken input: refused by the build and by `make validate` alike, with file, line and a hint.

Each broken tree below is a copy of the guide with several independent mistakes,
one per file, built once with `mkdocs build --strict` and checked once with the
command behind `make validate` (scripts/example.py check). Every mistake must
appear in both, with its file, its line and the stated message, and the two
must report exactly the same problems: the validator runs the build's own checks.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from guide_checks import problems, run_validate
from helpers import run_build
from site_copy import copy_site


@dataclass(frozen=True)
class Mistake:
    file: str  # under the copy's root
    old: str  # text to replace ("" appends)
    new: str
    message: str  # what the report must say, on the line where ``new`` starts
    line: bool = True  # whether the report names a line
    reported: str = ""  # the file the report names, if not ``file``

    @property
    def blamed(self) -> str:
        return self.reported or self.file


def _apply(root: Path, mistake: Mistake) -> int:
    """Make the mistake; return the 1-based line where the new text starts."""
    path = root / mistake.file
    text = path.read_text(encoding="utf-8")
    if mistake.old:
        assert mistake.old in text, f"{mistake.old!r} not in {mistake.file}"
        at = text.index(mistake.old)
        path.write_text(text.replace(mistake.old, mistake.new, 1), encoding="utf-8")
    else:
        at = len(text)
        path.write_text(text + mistake.new, encoding="utf-8")
    return text[:at].count("\n") + 1 + len(mistake.new) - len(mistake.new.lstrip("\n"))


PAGE = "docs/reference/glossary.md"
TITLED = "docs/reference/latency.md"
API = "docs/steps/api.md"
EXAMPLES = "docs/examples/index.md"
ESTIMATION = "docs/steps/estimation.md"
CHAT_INDEX = "docs/examples/chat/index.md"

# Mistakes in pages: markup that would run script, placeholders written wrong, broken diagrams.
PAGES = {
    "raw script element": Mistake(PAGE, "", "\n<script>alert(1)</script>\n", "a <script> element in the page"),
    "event handler in raw HTML": Mistake(ESTIMATION, "", "\n<img src=x onerror=alert(1)>\n",
                                         "an event handler (onerror=) on <img> in the page"),
    "javascript link": Mistake("docs/reference/availability.md", "", "\n[click](javascript:alert(1))\n",
                               'a script URL (href="javascript:alert(1)…") on <a> in the page'),
    "event handler in a page title": Mistake(TITLED, "---\n", "---\ntitle: <img src=x onerror=alert(1)>\n",
                                             "front matter 'title': it contains HTML ('<')"),
    "unknown checklist step": Mistake("docs/steps/requirements.md", "", "\n{{ checklist: no-such-step }}\n",
                                      "unknown step 'no-such-step'; steps are: requirements, estimation, api, "
                                      "data-model, high-level-design, detailed-design, bottlenecks"),
    "unknown practice argument": Mistake(EXAMPLES, "", "\n{{ practice: nonsense }}\n",
                                         "'{{ practice: nonsense }}': only '{{ practice: progress }}' exists"),
    "unknown compare argument": Mistake("docs/steps/index.md", "", "\n{{ compare: nothing }}\n",
                                        "'{{ compare: nothing }}': only '{{ compare: examples }}' exists"),
    "placeholder without a colon": Mistake("docs/examples/twitter/estimation.md", "", "\nWe post {{ value tweets_per_day }}.\n",
                                           "'{{ value tweets_per_day }}' is not a complete placeholder"),
    "placeholder with one brace": Mistake("docs/examples/chat/estimation.md", "", "\nWe send {{value: x}.\n",
                                          "'{{value: x}' is not a complete placeholder"),
    "script in a {.mermaid} fence": Mistake(
        "docs/steps/high-level-design.md", "", '\n```{.mermaid}\nflowchart LR\n  A["</code></pre><script>alert(1)</script>"]\n```\n',
        "the diagram has no accTitle"),
    "mermaid syntax error": Mistake("docs/steps/data-model.md", "", "\n```mermaid\nflowchat LR\n  A --> B\n```\n",
                                    "'flowchat' is not a Mermaid diagram type"),
    "unclosed bracket in a blockquoted diagram": Mistake(
        "docs/steps/detailed-design.md", "", "\n> ```mermaid\n> flowchart LR\n>   accTitle: T\n>   accDescr: D\n>   A[Start --> B\n> ```\n",
        "Mermaid cannot read this line: ']' is missing"),
    # Building blocks: the sections their kind requires, their terms, and the list of examples that use them.
    "building block without a section": Mistake("docs/building-blocks/caching.md", "## Failure modes\n",
                                                 "## What breaks\n", "the section '## Failure modes' is missing",
                                                 line=False),
    "building block without its used-by list": Mistake(
        "docs/building-blocks/scaling.md", "{{ used_by: examples }}", "See the examples.",
        "the page has no list of the worked examples that use it", line=False),
    "building block term missing from the glossary": Mistake(
        "docs/building-blocks/cdn.md", "terms: [", "terms: [Edge computing, ",
        "the term 'Edge computing' has no entry in the glossary (docs/reference/glossary.md)"),
    "unknown kind of page": Mistake("docs/building-blocks/search.md", "kind: building-block", "kind: concept",
                                    "unknown kind 'concept'"),
    # The answer at interview length: each example step's two blocks, and the prompt bank's building blocks.
    "example step without its interview block": Mistake(
        "docs/examples/url-shortener/api.md", "## In the interview\n", "## Said aloud\n",
        "the section '## In the interview' is missing", line=False),
    "interview block over the word limit": Mistake(
        "docs/examples/web-crawler/requirements.md", "## In the interview\n\n",
        "## In the interview\n\n" + "word " * 150 + "\n\n", "'In the interview' has "),
    "prompt naming a building block that does not exist": Mistake(
        "docs/_data/prompts.yml", "blocks: [", "blocks: [geohash, ", "prompt 1: no building block 'geohash'"),
    "building block no example links to": Mistake(
        "docs/examples/instagram/data-model.md", "([geospatial indexes](../../building-blocks/geospatial-indexes.md))",
        "(geospatial indexes)", "no worked example links to this page, so its list of uses would be empty",
        line=False, reported="docs/building-blocks/geospatial-indexes.md"),
}

# Mistakes in data files. Each stops only what depends on it, so they can share one tree.
DATA = {
    "minutes: yes in steps.yml": Mistake("docs/_data/steps.yml", "minutes: 4", "minutes: yes",
                                         "step 1: 'minutes' must be a whole number, not 'yes'"),
    "html in a compared heading": Mistake("docs/_data/compare.yml", "heading: Reads per write",
                                          "heading: <b onclick=x>Reads</b>", "the heading or definition contains HTML"),
    "alias bomb in an estimates file": Mistake(
        "docs/examples/url-shortener/estimates.yml", "inputs:\n",
        "lol: &a [x, x, x, x, x, x, x, x, x]\nlol2: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\ninputs:\n",
        "an anchor (&name) is not allowed in the guide's YAML"),
    "duplicate key in an estimates file": Mistake(
        "docs/examples/web-crawler/estimates.yml", "inputs:\n", "inputs:\n  dup: {value: 1, unit: ratio, label: A}\n"
        "  dup: {value: 2, unit: ratio, label: B}\n", "YAML syntax error: the key 'dup' appears twice"),
    "markup in a navigation title": Mistake("mkdocs.yml", "- Web crawler:", '- "Web <b onclick=x>crawler</b>":',
                                            "the navigation title 'Web <b onclick=x>crawler</b>' contains HTML", line=False),
    "comma as a decimal point": Mistake("docs/examples/instagram/estimates.yml", "value: 1 billion", "value: 0,5",
                                        "'0,5' is not a number: a comma may only separate thousands"),
    "a unit to the power 20": Mistake("docs/examples/chat/estimates.yml", "unit: messages/(user*day)",
                                      "unit: EB^20", "the power after '^' must be between -4 and 4"),
    "pow of a negative to a fraction": Mistake(
        "docs/examples/twitter/estimates.yml", "derived:\n",
        "derived:\n  root:\n    formula: pow(0 - 8, 0.5)\n    unit: ratio\n    label: Root\n",
        "the exponent of pow() must be a whole number"),
    "markup in an example title": Mistake(CHAT_INDEX, "title: ", "title: <img src=x onerror=alert(1)> ",
                                          "front matter 'title': it contains HTML ('<')"),
    "diagram: yes in page-kinds.yml": Mistake("docs/_data/page-kinds.yml", "diagram: true", "diagram: yes",
                                              "kind 1: 'diagram' must be true or false"),
}


def _run(tmp_path_factory, name: str, mistakes: dict[str, Mistake]):
    root = copy_site(tmp_path_factory.mktemp(name) / "guide")
    lines = {key: _apply(root, mistake) for key, mistake in mistakes.items()}
    build, check = run_build(root), run_validate(root)
    return lines, build, check


@pytest.fixture(scope="module")
def broken_pages(tmp_path_factory):
    return _run(tmp_path_factory, "pages", PAGES)


@pytest.fixture(scope="module")
def broken_data(tmp_path_factory):
    return _run(tmp_path_factory, "data", DATA)


def _assert_reported(run, mistakes: dict[str, Mistake], key: str) -> None:
    lines, build, check = run
    mistake = mistakes[key]
    for name, result in (("mkdocs build --strict", build), ("make validate", check)):
        output = result.stdout + result.stderr
        assert result.returncode != 0, f"{name} passed:\n{output}"
        assert "Traceback" not in output, output
        found = [p for p in problems(output) if p[0] == mistake.blamed and mistake.message in p[2]]
        assert found, f"{name} does not report {mistake.message!r} for {mistake.blamed}:\n{output}"
        if mistake.line:
            assert any(line is not None and abs(line - lines[key]) <= 6 for _, line, _ in found), (found, lines[key])


@pytest.mark.parametrize("key", PAGES)
def test_a_mistake_in_a_page_is_refused_by_build_and_validate(broken_pages, key):
    _assert_reported(broken_pages, PAGES, key)


@pytest.mark.parametrize("key", DATA)
def test_a_mistake_in_a_data_file_is_refused_by_build_and_validate(broken_data, key):
    _assert_reported(broken_data, DATA, key)


@pytest.mark.parametrize("run", ["broken_pages", "broken_data"])
def test_validate_reports_exactly_what_the_build_reports(request, run):
    _, build, check = request.getfixturevalue(run)
    assert problems(build.stdout + build.stderr) == problems(check.stdout + check.stderr)


def test_nothing_reaches_the_html_when_the_build_fails(broken_pages):
    _, build, _ = broken_pages
    assert "nothing was written" in build.stdout + build.stderr


def test_validate_one_example_reports_its_own_files_and_the_shared_ones(tmp_path):
    root = copy_site(tmp_path / "guide")
    _apply(root, DATA["markup in an example title"])
    _apply(root, PAGES["raw script element"])
    result = run_validate(root, "chat")
    files = {p[0] for p in problems(result.stdout)}
    assert result.returncode == 1 and files == {CHAT_INDEX}, result.stdout
