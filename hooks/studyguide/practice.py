"""Practice mode on worked example step pages: the panel, the answer wrapper, the progress list.

Plain HTML, no MkDocs. Every contributed string (titles, prompts, checklist
text, ids) is escaped. The script ``docs/assets/javascripts/practice.js`` reads
the data attributes below; this is the contract between the two:

Panel (one per example step page, right after the "Step N of 7" box)::

    <section class="practice" data-search-exclude
             data-practice-example="twitter"        example folder name
             data-practice-step="estimation"        step id
             data-practice-minutes="5"              the step's time budget
             data-practice-items="assumptions …"    checklist item ids, space-separated
             data-practice-signals="mid-1 …"        the step's level signals, <level>-<n>
             data-practice-answer="practice-answer-twitter-estimation">  id of the answer
      … [data-practice-mode] (role=switch), [data-practice-off], [data-practice-tools],
      [data-practice-clock], [data-practice-timer=start|pause|reset],
      input[data-practice-item], [data-practice-clear], [data-practice-reveal],
      [data-practice-assess] (hidden until time is up or the answer is shown),
      input[data-practice-signal], [data-practice-status] (aria-live) …
    </section>
    <div class="practice-answer" id="practice-answer-twitter-estimation"> the rest of the page </div>

The panel shows only where scripts run (practice.css, keyed on the ``sdg-js``
class overrides/main.html puts on <html> from the head, so it never shifts the
page), so without JavaScript and on the one-page print view the page reads as
before. The answer is never hidden in the HTML; the script hides it.

Progress on the examples index::

    <div class="practice-progress" hidden data-practice-items="requirements/core-actions …"
         data-practice-signals="requirements/mid-1 …">
      … <span data-practice-example="twitter" data-practice-total="41">…</span>
        <span data-practice-signals-of="twitter" data-practice-total="45">…</span> …
    </div>

Storage (localStorage, written only by the script): ``STORAGE_PREFIX + "mode"``
is "on" or "off"; ``STORAGE_PREFIX + "tick:<example>:<step>:<item>"`` is "1"
for a ticked item; ``STORAGE_PREFIX + "signal:<example>:<step>:<level>-<n>"`` is "1" for a
level signal the reader marked as shown in their answer (absent: missed).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

from .steps import LEVEL_TITLES, Step
from .text import markdown_text

STORAGE_PREFIX = "sdg-practice-v1:"
ANSWER_CLASS = "practice-answer"
_PANEL_START = '<section class="practice"'
_PANEL_END = "</section>"


def answer_id(example: str, step_id: str) -> str:
    return f"practice-answer-{example}-{step_id}"


def prompt_sentence(step: Step, example_title: str) -> str:
    """``Practise step 2 on the <em>Twitter-like service</em> example: estimate ….`` as HTML."""
    prompt = (step.prompt or "").strip()
    if prompt and prompt[-1] not in ".?!":
        prompt += "."
    return (f"<strong>Practise step {step.number} on the <em>{escape(example_title)}</em> example:</strong> "
            f"{escape(prompt)}")


def signal_ids(step: Step) -> list[tuple[str, str, str]]:
    """(id, level, signal) of the step's level signals, ids as ``senior-2``."""
    return [(f"{level}-{n}", level, signal) for level, signals in step.levels
            for n, signal in enumerate(signals, start=1)]


def _assessment(step: Step) -> str:
    """The self-assessment: each level's signals, to mark as shown once the time is up or the answer is out."""
    if not step.levels:
        return ""
    groups = []
    for level, signals in step.levels:
        boxes = "".join(
            f'<li><label class="practice__item"><input type="checkbox" data-practice-signal="{escape(level)}-{n}">'
            f" <span>{escape(signal)}</span></label></li>" for n, signal in enumerate(signals, start=1))
        groups.append(f'<p class="practice__level">{escape(LEVEL_TITLES[level])}</p><ul class="practice__items">'
                      f"{boxes}</ul>")
    return ('<fieldset class="practice__assess" data-practice-assess hidden>'
            "<legend>How did you do? Tick each signal your answer showed; the rest are the ones you missed</legend>"
            + "".join(groups) + "</fieldset>")


def _clock(minutes: int) -> str:
    return f"{minutes:02d}:00"


def panel_html(example: str, example_title: str, step: Step) -> str:
    """The practice panel for one step of one example, on one line (a raw HTML block in Markdown)."""
    ex, sid = escape(example), escape(step.id)
    answer = escape(answer_id(example, step.id))
    minutes = int(step.minutes)
    unit = "minute" if minutes == 1 else "minutes"
    items = []
    for item in step.items:
        items.append(
            f'<li><label class="practice__item"><input type="checkbox" data-practice-item="{escape(item.id)}">'
            f" <span>{escape(item.text)}</span></label></li>"
        )
    parts = [
        f'{_PANEL_START} data-search-exclude aria-label="Practise this step"'
        f' data-practice-example="{ex}" data-practice-step="{sid}" data-practice-minutes="{minutes}"'
        f' data-practice-items="{escape(" ".join(i.id for i in step.items))}"'
        f' data-practice-signals="{escape(" ".join(i for i, _, _ in signal_ids(step)))}" data-practice-answer="{answer}">',
        '<div class="practice__head">',
        f'<p class="practice__prompt">{prompt_sentence(step, example_title)}'
        f' <span class="practice__budget">Time budget: {minutes} {unit}.</span></p>',
        '<button type="button" class="practice__mode" role="switch" aria-checked="false" data-practice-mode>'
        "Practice mode</button>",
        "</div>",
        '<p class="practice__off" data-practice-off>Practice mode hides the example\'s answer, times you against '
        "the step's budget and gives you its checklist to tick as you go.</p>",
        '<div class="practice__tools" data-practice-tools hidden>',
        '<div class="practice__timer" role="group" aria-label="Timer">',
        f'<span class="practice__clock-label">Time left</span> <span class="practice__clock" role="timer"'
        f' data-practice-clock>{_clock(minutes)}</span>',
        '<button type="button" data-practice-timer="start">Start</button>',
        '<button type="button" data-practice-timer="pause">Pause</button>',
        '<button type="button" data-practice-timer="reset">Reset</button>',
        "</div>",
        '<fieldset class="practice__checklist">',
        f"<legend>Step {step.number} checklist: tick what your answer covers</legend>",
        '<ul class="practice__items">' + "".join(items) + "</ul>",
        '<button type="button" data-practice-clear>Clear my ticks</button>',
        "</fieldset>",
        _assessment(step),
        '<p class="practice__answer-row"><button type="button" class="practice__reveal" aria-expanded="false"'
        f' aria-controls="{answer}" data-practice-reveal>Show the example\'s answer</button>'
        ' <span class="practice__hidden-note" data-practice-hidden-note>The answer is hidden while you'
        " practise.</span></p>",
        "</div>",
        '<p class="practice__status" role="status" aria-live="polite" data-practice-status></p>',
        _PANEL_END,
    ]
    return "".join(parts)


def wrap_answer(html: str, example: str, step_id: str) -> str:
    """Put everything after the practice panel in the element the script hides in practice mode.

    ``html`` is the page's content as Markdown rendered it. A page without the
    panel is returned as it is.
    """
    start = html.find(_PANEL_START)
    if start < 0:
        return html
    end = html.find(_PANEL_END, start)
    if end < 0:
        raise ValueError("the practice panel is not closed")
    end += len(_PANEL_END)
    answer = escape(answer_id(example, step_id))
    return (f'{html[:end]}\n<div class="{ANSWER_CLASS}" id="{answer}">\n'
            f"{html[end:].lstrip(chr(10))}\n</div>")


@dataclass(frozen=True)
class ExampleProgress:
    example: str  # folder name, as in the panel's data-practice-example
    title: str
    href: str  # a Markdown link target: MkDocs rewrites it for each build
    total: int  # checklist items across the example's step pages
    signals: int = 0  # level signals across the example's step pages


def progress_markdown(examples: list[ExampleProgress], steps: list[Step]) -> str:
    """The examples index's "your practice so far" box, hidden until the script fills it.

    Markdown inside an HTML block (md_in_html), so the links are rewritten like
    any other; one example per list item.
    """
    if not examples:
        raise ValueError("there is no worked example to show progress for")
    ids = " ".join(f"{s.id}/{i.id}" for s in steps for i in s.items)
    signals = " ".join(f"{s.id}/{sid}" for s in steps for sid, _, _ in signal_ids(s))
    lines = [
        f'<div class="practice-progress" markdown="1" hidden="hidden" data-search-exclude=""'
        f' data-practice-items="{escape(ids)}" data-practice-signals="{escape(signals)}">',
        "",
        "**Your practice so far.** Checklist items you ticked in practice mode on each example's step pages,"
        " and the level signals you marked as shown, kept in this browser only.",
        "",
    ]
    for ex in examples:
        if not _SAFE_HREF.match(ex.href):
            raise ValueError(f"cannot link to '{ex.href}' from the progress list")
        total = int(ex.total)
        lines.append(
            f"- [{markdown_text(ex.title)}]({ex.href}): <span class=\"practice-progress__count\""
            f' data-practice-example="{escape(ex.example)}" data-practice-total="{total}">'
            f"0 of {total} checklist items ticked</span>"
            + (f'; <span class="practice-progress__signals" data-practice-signals-of="{escape(ex.example)}"'
               f' data-practice-total="{int(ex.signals)}">0 of {int(ex.signals)} level signals shown</span>'
               if ex.signals else "")
        )
    lines += ["", "</div>"]
    return "\n".join(lines)


_SAFE_HREF = re.compile(r"^[\w./-]+$")
