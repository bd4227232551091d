"""The seven steps and their checklists, read from ``docs/_data/steps.yml``."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path

from .problems import GuideError, Problem
from .yamlfile import line_of, load_yaml, text_field


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
    levels: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (level, signals an interviewer looks for), in LEVELS order

    def item(self, item_id: str) -> Item | None:
        return next((i for i in self.items if i.id == item_id), None)


# Step and item ids end up in page paths, front matter and the practice script's storage keys.
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
PROMPT_MAX = 200
SLOT = 40  # the interview length the steps' minutes are budgeted for; other lengths keep each step's share
LEVELS = ("mid", "senior", "staff")
LEVEL_TITLES = {"mid": "Mid-level", "senior": "Senior", "staff": "Staff"}
SIGNAL_MAX = 160


def load_steps(path: Path, display: str | None = None) -> list[Step]:
    """Read and check the steps file; raises GuideError listing every problem."""
    steps, problems = read_steps(path.read_text(encoding="utf-8"), display or str(path))
    if problems:
        raise GuideError(problems)
    return steps


_FIELDS = "each step needs id, number, title, page, minutes, prompt and checklist"


def read_steps(text: str, file: str) -> tuple[list[Step], list[Problem]]:
    """The steps and every problem of the steps file; never raises."""
    data, problems = load_yaml(text, file)
    steps: list[Step] = []
    raw = data.get("steps") if isinstance(data, dict) else None
    if not problems and not isinstance(raw, list):
        problems.append(Problem(file, 1, "expected a list under 'steps'"))
    for index, entry in enumerate(raw if isinstance(raw, list) else [], start=1):
        step = _read_step(entry, index, file, problems)
        if step is None:
            continue
        line = line_of(entry, "id")
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
        for dup in sorted({i for i in ids if ids.count(i) > 1}):
            problems.append(Problem(file, line, f"step '{step.id}': checklist item '{dup}' appears twice"))
        steps.append(step)
    return steps, problems


def _read_step(entry: object, index: int, file: str, problems: list[Problem]) -> Step | None:
    """One entry of the list, with each field of the type it must have."""
    if not isinstance(entry, dict):
        problems.append(Problem(file, None, f"step {index} is not a mapping", _FIELDS))
        return None
    line = line_of(entry, "id")
    found: list[Problem] = []

    def text(key: str) -> str:
        return text_field(entry, key, f"step {index}", file, line, _FIELDS, found)

    def whole(key: str) -> int:
        value = entry.get(key)
        if isinstance(value, bool) or not isinstance(value, int):
            found.append(Problem(file, line_of(entry, key) or line,
                                 f"step {index}: '{key}' must be a whole number, not {value!r}", _FIELDS))
            return 0
        return value

    step_id, title, page = text("id"), text("title"), text("page")
    number, minutes = whole("number"), whole("minutes")
    items: list[Item] = []
    checklist = entry.get("checklist")
    if not isinstance(checklist, list) or not checklist:
        found.append(Problem(file, line_of(entry, "checklist") or line, f"step {index}: 'checklist' must be a list of items",
                             "each item has an id and a text"))
    else:
        for item in checklist:
            if not isinstance(item, dict) or not isinstance(item.get("id"), str) or not isinstance(item.get("text"), str):
                found.append(Problem(file, line_of(entry, "checklist") or line,
                                     f"step {index}: every checklist item needs an id and a text", "id: short-id, text: …"))
                continue
            if "<" in item["text"]:
                found.append(Problem(file, line_of(item, "text") or line, f"step {index}: item '{item['id']}' contains HTML",
                                     "write it as plain text"))
            items.append(Item(item["id"], item["text"]))
    levels = _read_levels(entry, index, file, line, found)
    problems.extend(found)
    if found:
        return None
    return Step(step_id, number, title, page, minutes, tuple(items), entry.get("prompt"),  # type: ignore[arg-type]
                levels)


def _read_levels(entry: dict, index: int, file: str, line: int | None,
                 found: list[Problem]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """What interviewers look for at each level in this step: two or three signals for each of LEVELS."""
    raw = entry.get("levels")
    hint = "give 'levels:' the keys mid, senior and staff, each a list of two or three signals, one line each"
    where = line_of(entry, "levels") or line
    if not isinstance(raw, dict) or sorted(raw) != sorted(LEVELS):
        found.append(Problem(file, where, f"step {index}: 'levels' must have exactly mid, senior and staff", hint))
        return ()
    levels = []
    for level in LEVELS:
        signals = raw[level]
        if not isinstance(signals, list) or not signals or not all(isinstance(x, str) and x.strip() for x in signals):
            found.append(Problem(file, line_of(raw, level) or where, f"step {index}: '{level}' must be a list of signals",
                                 hint))
            continue
        for signal in signals:
            if "<" in signal:
                found.append(Problem(file, line_of(raw, level) or where, f"step {index}: a '{level}' signal contains HTML",
                                     "write it as plain text"))
            if len(signal) > SIGNAL_MAX:
                found.append(Problem(file, line_of(raw, level) or where,
                                     f"step {index}: a '{level}' signal has {len(signal)} characters",
                                     f"keep each signal under {SIGNAL_MAX}: one observable behaviour"))
        levels.append((level, tuple(s.strip() for s in signals)))
    return tuple(levels)


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


def budget(step: Step, slot: int) -> int:
    """The step's minutes in an interview of ``slot`` minutes: its share of SLOT, rounded to the nearest minute, halves up."""
    return math.floor(step.minutes * slot / SLOT + 0.5)
