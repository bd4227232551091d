"""The seven steps and their checklists, read from ``docs/_data/steps.yml``."""

from __future__ import annotations

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

    def item(self, item_id: str) -> Item | None:
        return next((i for i in self.items if i.id == item_id), None)


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
                        int(entry["minutes"]), items)
        except (KeyError, TypeError, ValueError) as exc:
            problems.append(Problem(file, line, f"step {index} is incomplete ({exc})",
                                    "each step needs id, number, title, page, minutes and checklist"))
            continue
        if step.number != index:
            problems.append(Problem(file, line, f"step '{step.id}' has number {step.number}, expected {index}"))
        ids = [i.id for i in step.items]
        for dup in {i for i in ids if ids.count(i) > 1}:
            problems.append(Problem(file, line, f"step '{step.id}': checklist item '{dup}' appears twice"))
        steps.append(step)
    if problems:
        raise GuideError(problems)
    return steps
