"""The practice panel, the answer wrapper and the progress box, as HTML (studyguide.practice)."""

from html.parser import HTMLParser
from pathlib import Path

import pytest

from studyguide import practice
from studyguide.steps import Item, Step, load_steps

STEPS = load_steps(Path(__file__).parents[2] / "docs" / "_data" / "steps.yml")
ESTIMATION = next(s for s in STEPS if s.id == "estimation")


class Tags(HTMLParser):
    """Every start tag with its attributes, and whether each tag that opens also closes."""

    VOID = {"input", "br", "img", "hr", "meta", "link"}

    def __init__(self, html):
        super().__init__()
        self.tags, self.open, self.text = [], [], []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_endtag(self, tag):
        assert self.open and self.open[-1] == tag, f"</{tag}> closes {self.open[-1:]}"
        self.open.pop()

    def handle_data(self, data):
        self.text.append(data)

    def all(self, tag, **attrs):
        return [a for t, a in self.tags if t == tag and all(a.get(k) == v for k, v in attrs.items())]


def test_the_panel_carries_the_data_the_script_needs():
    html = practice.panel_html("twitter", "Twitter-like service", ESTIMATION)
    assert "\n" not in html  # one raw HTML block, one Markdown line
    tags = Tags(html)
    assert tags.open == []
    section = tags.tags[0]
    assert section[0] == "section"
    attrs = section[1]
    assert "data-search-exclude" in attrs
    assert attrs["data-practice-example"] == "twitter"
    assert attrs["data-practice-step"] == "estimation"
    assert attrs["data-practice-minutes"] == "5"
    assert attrs["data-practice-items"].split() == [i.id for i in ESTIMATION.items]
    assert attrs["data-practice-answer"] == "practice-answer-twitter-estimation"


def test_the_panel_has_the_prompt_the_switch_the_timer_and_the_checklist():
    html = practice.panel_html("twitter", "Twitter-like service", ESTIMATION)
    tags = Tags(html)
    text = "".join(tags.text)
    assert ("Practise step 2 on the Twitter-like service example: state your assumptions, then estimate "
            "traffic, storage, bandwidth and cache memory.") in text
    assert "Time budget: 5 minutes." in text
    assert tags.all("button", role="switch", **{"aria-checked": "false"})
    assert [a["data-practice-timer"] for a in tags.all("button") if "data-practice-timer" in a] == [
        "start", "pause", "reset"]
    assert tags.all("span", role="timer")
    assert ">05:00<" in html
    boxes = [b for b in tags.all("input", type="checkbox") if "data-practice-item" in b]
    assert [b["data-practice-item"] for b in boxes] == [i.id for i in ESTIMATION.items]
    signals = [b["data-practice-signal"] for b in tags.all("input", type="checkbox") if "data-practice-signal" in b]
    assert signals == [f"{level}-{n}" for level, texts in ESTIMATION.levels for n in range(1, len(texts) + 1)]
    assert [a for t, a in tags.tags if t == "fieldset" and "data-practice-assess" in a and "hidden" in a]
    assert not any("disabled" in b for b in boxes)
    for item in ESTIMATION.items:  # each checkbox is named by its label, the item's text
        assert f'data-practice-item="{item.id}"> <span>{item.text}</span></label>' in html
    assert tags.all("button", **{"aria-controls": "practice-answer-twitter-estimation", "aria-expanded": "false"})
    assert tags.all("p", role="status", **{"aria-live": "polite"})
    assert [a for t, a in tags.tags if "data-practice-clear" in a]
    assert "on" + "click" not in html.lower()  # no inline handlers


def test_every_contributed_string_in_the_panel_is_escaped():
    step = Step('x"><script>', 3, "T", "steps/x.md", 1, (Item('i"><b>', "<img src=x onerror=alert(1)>"),),
                prompt="say <b>hello</b> & more", levels=(("mid", ("<script>x</script>",)),))
    html = practice.panel_html('ex"<', "<Evil & Co>", step)
    assert "<script>" not in html and "<img" not in html and "<b>" not in html
    assert "&lt;Evil &amp; Co&gt;" in html
    assert "say &lt;b&gt;hello&lt;/b&gt; &amp; more." in html
    assert 'data-practice-example="ex&quot;&lt;"' in html
    assert "Time budget: 1 minute." in html and ">01:00<" in html
    Tags(html)  # still well formed


def test_a_prompt_keeps_its_own_closing_punctuation():
    step = Step("s", 1, "T", "p.md", 10, (), prompt="what would you ask?")
    assert practice.prompt_sentence(step, "X").endswith("what would you ask?")
    assert ">10:00<" in practice.panel_html("e", "X", step)


def test_the_answer_after_the_panel_is_wrapped_and_the_rest_is_untouched():
    panel = practice.panel_html("twitter", "Twitter-like service", ESTIMATION)
    html = f'<h1 id="t">T</h1>\n<div class="admonition">box</div>\n{panel}\n<p>Answer</p>\n<h2 id="a">A</h2>'
    out = practice.wrap_answer(html, "twitter", "estimation")
    before, after = out.split(panel)
    assert before == '<h1 id="t">T</h1>\n<div class="admonition">box</div>\n'
    assert after == ('\n<div class="practice-answer" id="practice-answer-twitter-estimation">\n'
                     '<p>Answer</p>\n<h2 id="a">A</h2>\n</div>')
    Tags(out)


def test_a_page_without_a_panel_is_left_alone():
    assert practice.wrap_answer("<p>x</p>", "twitter", "api") == "<p>x</p>"
    with pytest.raises(ValueError, match="not closed"):
        practice.wrap_answer('<section class="practice" hidden><p>x</p>', "twitter", "api")


def test_the_progress_box_lists_each_example_with_its_total_hidden_until_filled():
    rows = [practice.ExampleProgress("twitter", "Twitter-like service", "twitter/index.md", 41),
            practice.ExampleProgress("url-shortener", "URL shortener", "url-shortener/index.md", 41)]
    md = practice.progress_markdown(rows, STEPS)
    first = md.split("\n")[0]
    assert first.startswith('<div class="practice-progress" markdown="1" hidden="hidden" data-search-exclude=""')
    ids = Tags(first + "</div>").tags[0][1]["data-practice-items"].split()
    assert ids[0] == "requirements/core-actions" and ids[-1] == "bottlenecks/monitoring-alerts"
    assert len(ids) == sum(len(s.items) for s in STEPS)
    assert ('- [Twitter-like service](twitter/index.md): <span class="practice-progress__count" '
            'data-practice-example="twitter" data-practice-total="41">0 of 41 checklist items ticked</span>') in md
    assert "- [URL shortener](url-shortener/index.md)" in md
    assert md.endswith("\n</div>")


def test_the_progress_box_escapes_titles_and_refuses_odd_links():
    md = practice.progress_markdown([practice.ExampleProgress("x", "<b>*Bold*</b> [x]", "x/index.md", 3)], STEPS)
    assert "<b>" not in md and "&lt;b&gt;&#42;Bold&#42;&lt;/b&gt; &#91;x&#93;" in md
    with pytest.raises(ValueError, match="cannot link"):
        practice.progress_markdown([practice.ExampleProgress("x", "X", "x) <script>", 3)], STEPS)
    with pytest.raises(ValueError, match="no worked example"):
        practice.progress_markdown([], STEPS)
