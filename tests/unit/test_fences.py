"""The one fence scanner agrees with SuperFences about where every fence starts and ends."""

from __future__ import annotations

import markdown
import pytest

from studyguide.fences import code_lines, fences

CASES = {
    "plain": ("```mermaid\nA\n```\n", [(0, 2, "mermaid")]),
    "dotted language": ("```.mermaid\nA\n```\n", [(0, 2, "mermaid")]),
    "attribute list": ("```{.mermaid #d}\nA\n```\n", [(0, 2, "mermaid")]),
    "tildes": ("~~~mermaid\nA\n~~~\n", [(0, 2, "mermaid")]),
    "in a blockquote": ("> ```mermaid\n> A\n> ```\n", [(0, 2, "mermaid")]),
    "in a list": ("- item\n\n    ```mermaid\n    A\n    ```\n", [(2, 4, "mermaid")]),
    "four closed only by four": ("````md\n```mermaid\nA\n```\n````\n", [(0, 4, "md")]),
    "five do not close four": ("````md\nA\n`````\nB\n````\n", [(0, 4, "md")]),
    "never closed": ("```mermaid\nA\n", []),
    "less indented line abandons": ("  ```md\nA\n  ```\n", []),
}


@pytest.mark.parametrize("name", CASES)
def test_fences_are_where_superfences_puts_them(name):
    text, expected = CASES[name]
    assert [(f.start, f.end, f.lang) for f in fences(text)] == expected


@pytest.mark.parametrize("name", CASES)
def test_superfences_makes_a_code_block_exactly_where_the_scanner_sees_one(name):
    text, expected = CASES[name]
    md = markdown.Markdown(extensions=["pymdownx.superfences"])
    html = md.convert(text)
    assert html.count("<pre") == len(expected), html


def test_code_lines_cover_the_fence_lines_only():
    assert code_lines("a\n```\nb\n```\nc") == {1, 2, 3}
