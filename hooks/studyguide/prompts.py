"""Practice prompts the guide has not worked as examples, read from docs/_data/prompts.yml.

Each prompt has a one-line scope, the questions worth asking, a hint for every
step of the method and the building blocks that matter. Like the steps file,
the file is read without raising: every problem comes back with its line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .problems import Problem
from .steps import Step
from .yamlfile import line_of, load_yaml

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_FIELDS = "each prompt needs id, title, typical, scope, questions, hints (one per step) and blocks"


@dataclass(frozen=True)
class Prompt:
    id: str
    title: str
    typical: str
    scope: str
    questions: tuple[str, ...]
    hints: tuple[tuple[str, str], ...]  # (step id, hint) in step order
    blocks: tuple[str, ...]  # building-block slugs
    line: int | None


def read_prompts(text: str, file: str, steps: list[Step], blocks: set[str]) -> tuple[list[Prompt], list[Problem]]:
    """The prompts, and every problem of the file; ``blocks`` are the building-block slugs that exist."""
    data, problems = load_yaml(text, file)
    raw = data.get("prompts") if isinstance(data, dict) else None
    if not problems and not isinstance(raw, list):
        problems.append(Problem(file, 1, "expected a list under 'prompts'", _FIELDS))
    prompts: list[Prompt] = []
    for index, entry in enumerate(raw if isinstance(raw, list) else [], start=1):
        prompt = _read_prompt(entry, index, file, steps, blocks, problems)
        if prompt is None:
            continue
        if any(p.id == prompt.id for p in prompts):
            problems.append(Problem(file, prompt.line, f"prompt '{prompt.id}' appears twice", "give each prompt its own id"))
            continue
        prompts.append(prompt)
    return prompts, problems


def _read_prompt(entry: object, index: int, file: str, steps: list[Step], blocks: set[str],
                 problems: list[Problem]) -> Prompt | None:
    if not isinstance(entry, dict):
        problems.append(Problem(file, None, f"prompt {index} is not a mapping", _FIELDS))
        return None
    line = line_of(entry, "id")
    found: list[Problem] = []

    def text(value: object, where: int | None, what: str) -> str:
        if not isinstance(value, str) or not value.strip():
            found.append(Problem(file, where or line, f"prompt {index}: {what} must be text", _FIELDS))
            return ""
        if "<" in value or ">" in value:
            found.append(Problem(file, where or line, f"prompt {index}: {what} contains HTML", "write it as plain text"))
        return value.strip()

    def texts(key: str) -> tuple[str, ...]:
        value = entry.get(key)
        if not isinstance(value, list) or not value:
            found.append(Problem(file, line_of(entry, key) or line, f"prompt {index}: '{key}' must be a list", _FIELDS))
            return ()
        return tuple(text(v, line_of(entry, key), f"an item of '{key}'") for v in value)

    prompt_id = text(entry.get("id"), line, "'id'")
    if prompt_id and not _ID.match(prompt_id):
        found.append(Problem(file, line, f"prompt {index}: '{prompt_id}' is not a valid id",
                             "use lowercase letters, digits and single hyphens, such as 'ride-hailing'"))
    title = text(entry.get("title"), line_of(entry, "title"), "'title'")
    typical = text(entry.get("typical"), line_of(entry, "typical"), "'typical'")
    scope = text(entry.get("scope"), line_of(entry, "scope"), "'scope'")
    questions = texts("questions")
    hints_raw = entry.get("hints")
    hints: list[tuple[str, str]] = []
    if not isinstance(hints_raw, dict):
        found.append(Problem(file, line_of(entry, "hints") or line, f"prompt {index}: 'hints' must map each step to a hint",
                             "one line for each of: " + ", ".join(s.id for s in steps)))
    else:
        for step in steps:
            if step.id not in hints_raw:
                found.append(Problem(file, line_of(entry, "hints") or line, f"prompt {index}: no hint for step '{step.id}'",
                                     "give every step a one-line hint"))
                continue
            hints.append((step.id, text(hints_raw[step.id], line_of(hints_raw, step.id), f"the hint for '{step.id}'")))
        for extra in sorted(set(map(str, hints_raw)) - {s.id for s in steps}):
            found.append(Problem(file, line_of(hints_raw, extra) or line, f"prompt {index}: '{extra}' is not a step",
                                 "steps are: " + ", ".join(s.id for s in steps)))
    chosen = texts("blocks")
    for slug in chosen:
        if slug and slug not in blocks:
            found.append(Problem(file, line_of(entry, "blocks") or line, f"prompt {index}: no building block '{slug}'",
                                 "building blocks are: " + ", ".join(sorted(blocks))))
    problems.extend(found)
    if found:
        return None
    return Prompt(prompt_id, title, typical, scope, questions, tuple(hints), chosen, line)
