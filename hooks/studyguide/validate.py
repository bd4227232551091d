"""Every check a worked example must pass, for the stand-alone validator.

The strict build runs the same checks through the hooks: ``validate_example``
and ``check_order`` (checklists.py), ``load_model`` (estimates.py) and the
placeholder lookups (both hooks).
"""

from __future__ import annotations

from pathlib import Path

from . import directives, frontmatter
from .estimation import Model, load_model
from .examples import check_order, validate_example
from .navfile import nav_paths
from .problems import Problem
from .steps import Step


def validate_folder(docs_dir: Path, folder: str, steps: list[Step], mkdocs_yml: str | None = None,
                    compared: list[str] = ()) -> list[Problem]:
    """All problems of ``docs/<folder>``, paths shown relative to the repository."""
    root = docs_dir / folder
    files = {f"{folder}/{p.name}": p.read_text(encoding="utf-8")
             for p in sorted(root.iterdir()) if p.suffix in (".md", ".yml")}
    example, problems = validate_example(folder, files, steps)
    estimates_path = f"{folder}/estimates.yml"
    model: Model | None = None
    if estimates_path in files:
        model, found = load_model(files[estimates_path], estimates_path)
        problems += found
        problems += [Problem(estimates_path, None, f"'{name}' is missing",
                             "the examples index compares every example by it (docs/_data/compare.yml)")
                     for name in compared if name not in model.quantities and name not in model.broken]
    for path, text in files.items():
        if path.endswith(".md"):
            problems += _placeholder_problems(path, text, model)
    if mkdocs_yml is not None:
        problems += check_order(example, nav_paths(mkdocs_yml), steps)
    return [Problem(f"{docs_dir.name}/{p.file}", p.line, p.message, p.hint) for p in problems]


def _placeholder_problems(path: str, text: str, model: Model | None) -> list[Problem]:
    problems: list[Problem] = []
    _, body, _ = frontmatter.split(text, path)

    def value(name: str, line: int) -> str:
        if model is not None:
            model.require(name)
        return ""

    def table(name: str, line: int) -> str:
        if model is not None:
            model.require_table(name)
        return ""

    def ignore(arg: str, line: int) -> str:
        return ""

    directives.expand(body, path, {"value": value, "table": table, "checklist": ignore, "examples": ignore, "compare": ignore},
                      problems, first_line=frontmatter.first_line(text, body))
    return problems
