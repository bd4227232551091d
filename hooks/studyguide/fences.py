"""Fenced code blocks, found as SuperFences finds them: the one fence scanner of the guide.

Everything that must skip code (placeholders, heading anchors) or look inside it
(diagrams) asks this module, so none of them can disagree with the Markdown
renderer about where a fence starts and ends. The rules are those of
``pymdownx.superfences`` (13.x, ``search_nested``):

- a fence opens with three or more backticks or tildes, after any mix of
  spaces, tabs and ``>`` (a fence may sit inside a blockquote or a list);
- the language is a word after the fence (``mermaid``, ``.mermaid``) or the
  first class of an attribute list (``{.mermaid #id}``);
- it closes only on a line holding exactly the same fence (four backticks are
  closed by four, not by three or five), at the same indentation and quote depth;
- a line indented less than the opening, or a quote line outside a quoted
  fence, abandons the fence, and so does the end of the page: SuperFences then
  leaves those lines as ordinary Markdown, and so does this scanner.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_PREFIX = re.compile(r"[ \t>]*")
_OPEN = re.compile(
    r"(?P<fence>~{3,}|`{3,})"
    r"(?:[ \t]*\.?(?P<lang>[\w#.+-]+)(?=[\t ]|$))?"
    r"(?:[ \t]*\{(?P<attrs>[^\n]*)\}|(?P<rest>(?:[ \t]*\S+)*))?[ \t]*$"
)
_FIRST_CLASS = re.compile(r"(?:^|\s)\.([\w-]+)")
_TAB = 4


@dataclass(frozen=True)
class Fence:
    """One closed fence: ``start`` and ``end`` are the 0-based lines of its opening and closing."""

    start: int
    end: int
    lang: str
    prefix: str  # what each body line starts with (indentation and ``>`` marks)

    @property
    def body(self) -> range:
        return range(self.start + 1, self.end)


def _virtual(prefix: str) -> str:
    """The prefix with tabs expanded, as SuperFences compares indentation."""
    out: list[str] = []
    for char in prefix:
        out.append(" " * (_TAB - len("".join(out)) % _TAB) if char == "\t" else char)
    return "".join(out)


def _language(m: re.Match[str]) -> str:
    if m.group("lang"):
        return m.group("lang")
    attrs = m.group("attrs")
    if attrs:
        first = _FIRST_CLASS.search(attrs)
        return first.group(1) if first else ""
    return ""


def fences(markdown: str) -> list[Fence]:
    """Every fence that SuperFences would turn into a code block, in page order."""
    lines = markdown.split("\n")
    found: list[Fence] = []
    index = 0
    while index < len(lines):
        line = lines[index].rstrip("\r")
        prefix = _PREFIX.match(line).group(0)  # type: ignore[union-attr]
        m = _OPEN.match(line, len(prefix))
        if not m:
            index += 1
            continue
        end = _closing(lines, index, m.group("fence"), _virtual(prefix))
        if end is None:
            index += 1
            continue
        found.append(Fence(index, end, _language(m), prefix))
        index = end + 1
    return found


def _closing(lines: list[str], start: int, fence: str, prefix: str) -> int | None:
    quoted = prefix.count(">")
    closing = re.compile(re.escape(fence) + r"[ \t]*$")
    for index in range(start + 1, len(lines)):
        line = lines[index].rstrip("\r")
        ws, content = _split(line, len(prefix))
        depth = ws.count(">")
        if not line.strip():
            continue
        if quoted:
            if depth > quoted or (content and len(ws) < len(prefix) and depth < quoted):
                return None
        elif depth:
            return None
        elif len(ws) != len(prefix) and content:
            return None
        if closing.match(content) and not content.startswith((" ", "\t")):
            return index
    return None


def _split(line: str, width: int) -> tuple[str, str]:
    """(prefix up to ``width`` columns, the rest), as SuperFences' ``parse_fence_line``."""
    taken = 0
    out = ""
    for char in line:
        if len(out) >= width or char not in " \t>":
            break
        out = _virtual(out + char)
        taken += 1
    return out, line[taken:]


def code_lines(markdown: str) -> set[int]:
    """0-based numbers of the lines that belong to a fence, its opening and closing included."""
    inside: set[int] = set()
    for fence in fences(markdown):
        inside.update(range(fence.start, fence.end + 1))
    return inside


def prose_lines(markdown: str) -> Iterator[tuple[int, str]]:
    """(0-based number, text) of every line outside fences."""
    inside = code_lines(markdown)
    for number, line in enumerate(markdown.split("\n")):
        if number not in inside:
            yield number, line
