"""Nothing that can run script passes the HTML check, however it is written."""

from __future__ import annotations

import pytest

from studyguide.safety import html_problems, text_problems

BAD = {
    "script element": "<p>x</p><script>alert(1)</script>",
    "event handler": '<img src="x" onerror="alert(1)">',
    "event handler, upper case": '<IMG SRC=x ONERROR=alert(1)>',
    "javascript link": '<a href="javascript:alert(1)">x</a>',
    "javascript link with entities": '<a href="jav&#x61;script:alert(1)">x</a>',
    "javascript link with a tab": '<a href="java\tscript:alert(1)">x</a>',
    "data html": '<iframe src="data:text/html,<script>alert(1)</script>"></iframe>',
    "iframe": '<iframe src="https://example.com"></iframe>',
    "form action": '<form action="javascript:alert(1)"><button>go</button></form>',
    "svg handler": '<svg onload="alert(1)"></svg>',
}


@pytest.mark.parametrize("name", BAD)
def test_script_in_html_is_found(name):
    assert html_problems(BAD[name]), name


def test_ordinary_content_passes():
    html = ('<h2 id="a">A <abbr title="JavaScript Object Notation">JSON</abbr></h2>'
            '<p><a href="https://example.com/javascript">JavaScript</a> <a href="#x">x</a></p>'
            '<pre class="mermaid"><code>A --&gt; B</code></pre><input type="checkbox" disabled>')
    assert html_problems(html) == []


def test_a_found_problem_says_what_and_where():
    assert html_problems('<p>ok</p>\n<p><img src=x onerror=alert(1)></p>') == [
        (2, "an event handler (onerror=) on <img>")]


def test_front_matter_values_with_markup_are_found_however_deep():
    assert text_problems("Design <b>it</b>") and text_problems({"a": ["<img onerror=x>"]})
    assert text_problems("Reads > writes") == [] and text_problems(3) == []


def test_contributed_text_reads_as_written_once_rendered():
    """An apostrophe once showed as "driver&#x27;s": the quote's entity had its '#' escaped again."""
    import markdown

    from studyguide.text import markdown_text

    text = markdown_text("A driver's \"ETA\" is #1 *now* <b>")
    html = markdown.markdown("- " + text)
    assert html == "<ul>\n<li>A driver&#39;s &quot;ETA&quot; is &#35;1 &#42;now&#42; &lt;b&gt;</li>\n</ul>"
