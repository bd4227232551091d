"""The seven steps and their checklists, read from ``docs/_data/steps.yml``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .problems import GuideError, Problem
from .yamlfile import line_of, load_yaml


@dataclass(frozen=True)
class Item:
    id: str
    text: str


@dataclass(frozen=True)
class Step:
    id: str
    number: int
    title: str
    page: str
    minutes: int
    items: tuple[Item, ...]
    prompt: str = ""  # what to produce in this step, shown on every example's practice panel

    def item(self, item_id: str) -> Item | None:
        return next((i for i in self.items if i.id == item_id), None)


# Step and item ids end up in page paths, front matter and the practice script's storage keys.
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
PROMPT_MAX = 200


def load_steps(path: Path, display: str | None = None) -> list[Step]:
    """Read and check the steps file; raises GuideError listing every problem."""
    file = display or str(path)
    data, problems = load_yaml(path.read_text(encoding="utf-8"), file)
    steps: list[Step] = []
    raw = data.get("steps") if isinstance(data, dict) else None
    if not problems and not isinstance(raw, list):
        problems.append(Problem(file, 1, "expected a list under 'steps'"))
    for index, entry in enumerate(raw or [], start=1):
        line = None
        try:
            line = line_of(entry, "id")
            items = tuple(Item(str(i["id"]), str(i["text"])) for i in entry["checklist"])
            step = Step(str(entry["id"]), int(entry["number"]), str(entry["title"]), str(entry["page"]),
                        int(entry["minutes"]), items, entry.get("prompt"))
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            problems.append(Problem(file, line, f"step {index} is incomplete ({exc})",
                                    "each step needs id, number, title, page, minutes, prompt and checklist"))
            continue
        problems.extend(_prompt_problems(step, file, line_of(entry, "prompt") or line))
        if step.minutes <= 0:
            problems.append(Problem(file, line_of(entry, "minutes") or line,
                                    f"step '{step.id}' has {step.minutes} minutes", "give each step a time budget above 0"))
        for bad in [step.id] + [i.id for i in step.items]:
            if not _ID.match(bad):
                problems.append(Problem(file, line, f"step '{step.id}': '{bad}' is not a valid id",
                                        "use lowercase letters, digits and single hyphens, such as 'read-write-ratio'"))
        if step.number != index:
            problems.append(Problem(file, line, f"step '{step.id}' has number {step.number}, expected {index}"))
        ids = [i.id for i in step.items]
        for dup in {i for i in ids if ids.count(i) > 1}:
            problems.append(Problem(file, line, f"step '{step.id}': checklist item '{dup}' appears twice"))
        steps.append(step)
    if problems:
        raise GuideError(problems)
    return steps


def _prompt_problems(step: Step, file: str, line: int | None) -> list[Problem]:
    """The prompt is one short line of plain text that finishes "Practise step N on the X example: …"."""
    hint = ("add 'prompt:' to the step: what to produce in this step, in a few words, "
            "such as 'estimate traffic, storage, bandwidth and cache memory'")
    prompt = step.prompt
    if prompt is None or (isinstance(prompt, str) and not prompt.strip()):
        return [Problem(file, line, f"step '{step.id}' has no prompt", hint)]
    if not isinstance(prompt, str):
        return [Problem(file, line, f"step '{step.id}': the prompt must be text", hint)]
    found = []
    if "<" in prompt or ">" in prompt:
        found.append(Problem(file, line, f"step '{step.id}': the prompt contains HTML", "write it as plain text"))
    if "\n" in prompt.strip():
        found.append(Problem(file, line, f"step '{step.id}': the prompt runs over several lines",
                             "keep it to one sentence on one line"))
    if len(prompt) > PROMPT_MAX:
        found.append(Problem(file, line, f"step '{step.id}': the prompt has {len(prompt)} characters",
                             f"keep it under {PROMPT_MAX}: the checklist below it has the details"))
    return found
