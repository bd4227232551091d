"""A new worked example from the template: every step, every checklist item, TODOs to replace."""

from __future__ import annotations

import re

from .answer import IN_THE_INTERVIEW, LEVELS_HEADING, WORD_LIMIT
from .steps import Step

_LEADING = re.compile(r"^\s*design\s+(an?|the)?\s*", re.I)


def title_and_slug(name: str) -> tuple[str, str]:
    """``Design a URL shortener`` → (``URL shortener``, ``url-shortener``)."""
    title = _LEADING.sub("", name.strip()).strip() or name.strip()
    if not title:
        raise ValueError('give the example a name, e.g. NAME="Design a URL shortener"')
    title = title[0].upper() + title[1:]
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
    if not slug:
        raise ValueError(f"cannot make a folder name from '{name}'")
    return title, slug


def step_page(step: Step, title: str) -> str:
    covers = "\n".join(f'  {item.id}: "#{item.id}"' for item in step.items)
    sections = "\n\n".join(
        f"## {item.text} {{#{item.id}}}\n\nTODO: answer this item for the {title.lower()}." for item in step.items
    )
    extra = _EXTRA.get(step.id, "")
    return (
        f"---\nstep: {step.id}\ncovers:\n{covers}\n---\n\n"
        f"# Step {step.number}: {step.title} — {title}\n\n"
        f"TODO: one paragraph on what this step decides for the {title.lower()}, and why.\n\n"
        f"## {IN_THE_INTERVIEW}\n\n"
        f"TODO: what you would say and draw in this step's {step.minutes} minutes, in at most {WORD_LIMIT} words.\n\n"
        f"## {LEVELS_HEADING}\n\n"
        "- **Senior** adds: TODO a line or two.\n"
        "- **Staff** adds: TODO a line or two.\n\n"
        f"{extra}{sections}\n"
    )


def answer_page(title: str, slug: str) -> str:
    """The example's 35-minute answer: the build assembles it from the step pages' interview blocks."""
    return f"# The 35-minute answer — {title}\n\n{{{{ answer: {slug} }}}}\n"


_EXTRA = {
    "estimation": (
        "{{ table: assumptions }}\n\n{{ table: traffic }}\n\n"
        "TODO: say what the numbers mean for the design; quote them with the value placeholder.\n\n"
    ),
    "data-model": ("```mermaid\nerDiagram\n  accTitle: TODO a short title\n"
                   "  accDescr: TODO one sentence on what the diagram shows\n"
                   "  TODO_ENTITY ||--o{ TODO_OTHER : relates\n```\n\n"),
    "high-level-design": ("```mermaid\nflowchart LR\n  accTitle: TODO a short title\n"
                          "  accDescr: TODO one sentence on what the diagram shows\n"
                          "  Client --> TODO[\"TODO: your components\"]\n```\n\n"),
}


def estimates(title: str) -> str:
    return f"""# Assumptions and formulas for the {title.lower()} worked example.
# Every number on the example's pages comes from here: see
# docs/contributing/how-this-guide-is-built.md for units and formulas.

inputs:
  daily_active_users:
    value: TODO
    unit: users
    label: Daily active users
    note: TODO where this number comes from (the interviewer, or a public figure with its source)
  requests_per_user:
    value: TODO
    unit: requests/(user*day)
    label: Requests each daily active user makes
    note: TODO why
  write_share:
    value: TODO
    unit: ratio
    label: Share of requests that write data
    note: TODO why
  bytes_per_write:
    value: TODO
    unit: bytes/request
    label: Data stored by one write
    note: TODO what one record holds
  bytes_per_read:
    value: TODO
    unit: bytes/request
    label: Data sent back by one read
    note: TODO what one response holds
  peak_factor:
    value: 2
    unit: ratio
    label: Peak traffic over the daily average

derived:
  requests_per_second:
    formula: daily_active_users * requests_per_user
    unit: requests/s
    label: Requests per second, average
  peak_requests_per_second:
    formula: requests_per_second * peak_factor
    unit: requests/s
    label: Requests per second, peak

  # The examples index compares every example by these four (docs/_data/compare.yml).
  read_write_ratio:
    formula: (1 - write_share) / write_share
    unit: "1"
    label: Reads per write
  storage_per_year:
    formula: requests_per_second * write_share * bytes_per_write
    unit: TB/year
    label: New data stored per year
  egress_bandwidth:
    formula: requests_per_second * (1 - write_share) * bytes_per_read
    unit: bytes/s
    label: Data sent to clients, average

tables:
  traffic:
    caption: Traffic
    rows: [requests_per_second, peak_requests_per_second, read_write_ratio]
  storage:
    caption: Storage and bandwidth
    rows: [storage_per_year, egress_bandwidth]
"""


def index_page(title: str, steps: list[Step]) -> str:
    links = "\n".join(f"{s.number}. [{s.title}]({s.id}.md)" for s in steps)
    return (
        f"---\ntitle: {title}\n---\n\n# Worked example: {title}\n\n"
        f"TODO: the interview question, and what makes this design interesting.\n\n"
        f"## The seven steps\n\n{links}\n"
    )


def new_example(name: str, steps: list[Step], slug: str | None = None) -> tuple[str, str, dict[str, str]]:
    """(title, slug, {file name: text}) for a new example folder; ``slug`` overrides the folder name."""
    title, default_slug = title_and_slug(name)
    if slug is not None and not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug):
        raise ValueError(f"'{slug}' is not a folder name: use lowercase letters, digits and hyphens")
    slug = slug or default_slug
    files = {"index.md": index_page(title, steps), "estimates.yml": estimates(title), "answer.md": answer_page(title, slug)}
    for step in steps:
        files[f"{step.id}.md"] = step_page(step, title)
    return title, slug, files


def with_sample_answers(files: dict[str, str]) -> dict[str, str]:
    """The template with every TODO answered by placeholder text and numbers.

    For tests and benchmarks that need many valid examples; never for the guide.
    """
    filled = {}
    for name, text in files.items():
        text = re.sub(r"value: TODO", "value: 0.25", text)
        text = re.sub(r"note: TODO.*", "note: Agreed with the interviewer.", text)
        text = text.replace("TODO_ENTITY ||--o{ TODO_OTHER : relates", "SHORT_URL ||--o{ CLICK : records")
        text = text.replace('TODO["TODO: your components"]', 'App["App servers"]')
        text = text.replace("accTitle: TODO a short title", "accTitle: The design in one picture")
        text = text.replace("accDescr: TODO one sentence on what the diagram shows",
                            "accDescr: Clients reach the app servers, which keep the data.")
        text = text.replace("adds: TODO a line or two.", "adds: answered for this example.")
        filled[name] = re.sub(r"^TODO:.*$", "Answered for this example.", text, flags=re.M)
    return filled
