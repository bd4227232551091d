"""Contributed text placed inside Markdown that the guide generates: the one escape table.

A title, label or heading from a data file is HTML-escaped, and the characters
Markdown would read as markup become entities, so ``user*day`` stays literal,
``[draft]`` makes no link and a ``|`` in an example's title cannot split a table row.
"""

from __future__ import annotations

from html import escape

_MARKDOWN_ENTITIES = str.maketrans({
    "*": "&#42;", "_": "&#95;", "`": "&#96;", "[": "&#91;", "]": "&#93;", "|": "&#124;", "\\": "&#92;",
    "{": "&#123;", "}": "&#125;", "#": "&#35;", "~": "&#126;",
})


def markdown_text(text: str) -> str:
    """``text`` as literal characters inside generated Markdown (or inline HTML within it)."""
    # Quotes last: their entities hold a '#', which the table would otherwise turn into a literal "&#35;x27;".
    return escape(text, quote=False).translate(_MARKDOWN_ENTITIES).replace('"', "&quot;").replace("'", "&#39;")
