"""Diagram text reaches the page as text in every form of fence, and broken diagrams are named."""

from __future__ import annotations

from pathlib import Path

import pytest

from studyguide.diagrams import diagram_problems
from studyguide.markdown_render import renderer
from studyguide.safety import html_problems

REPO = Path(__file__).resolve().parents[2]
RENDER = renderer((REPO / "mkdocs.yml").read_text(encoding="utf-8"), REPO)
ATTACK = 'flowchart LR\n  accTitle: t\n  accDescr: d\n  A["</code></pre><img src=x onerror=alert(1)>"] --> B'

FENCES = {
    "backticks": f"```mermaid\n{ATTACK}\n```\n",
    "attribute list": "```{.mermaid}\n" + ATTACK + "\n```\n",
    "dotted": "```.mermaid\n" + ATTACK + "\n```\n",
    "tildes": "~~~mermaid\n" + ATTACK + "\n~~~\n",
    "blockquote": "> ```mermaid\n" + "\n".join("> " + line for line in ATTACK.split("\n")) + "\n> ```\n",
    "list": "- item\n\n    ```mermaid\n" + "\n".join("    " + line for line in ATTACK.split("\n")) + "\n    ```\n",
}


@pytest.mark.parametrize("form", FENCES)
def test_diagram_text_is_escaped_in_every_form_of_fence(form):
    html = RENDER(FENCES[form])
    assert 'class="mermaid"' in html
    assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert html_problems(html) == []


def test_a_mermaid_fence_shown_inside_a_longer_fence_stays_source():
    text = "````md\n```mermaid\nA --> B\n```\n````\n"
    assert 'class="mermaid"' not in RENDER(text) and diagram_problems(text) == []


def messages(text):
    return [(p.line, p.message) for p in diagram_problems(text)]


def test_a_good_diagram_has_no_problem():
    assert messages("```mermaid\nflowchart LR\n  accTitle: T\n  accDescr: D\n  A[Start] -->|go (now)| B{Pick}\n```") == []


def test_an_unknown_diagram_type_is_named_on_its_line():
    assert messages("text\n\n```mermaid\nflowchat LR\n  A --> B\n```") == [(3, "'flowchat' is not a Mermaid diagram type")]


def test_missing_accessibility_fields_are_named():
    assert messages("```mermaid\nsequenceDiagram\n  A->>B: hi\n```") == [
        (1, "the diagram has no accTitle"), (1, "the diagram has no accDescr")]


def test_an_unclosed_bracket_in_a_flowchart_is_named_on_its_line():
    text = "```mermaid\nflowchart LR\n  accTitle: T\n  accDescr: D\n  A[Start --> B\n```"
    assert messages(text) == [(4, "Mermaid cannot read this line: ']' is missing")]


def test_diagrams_in_blockquotes_are_checked_too():
    assert messages("> ```mermaid\n> flowchat\n> ```") == [(1, "'flowchat' is not a Mermaid diagram type")]
