"""Create or check a worked example.

    python scripts/example.py new "Design a URL shortener" [SLUG]   # make example NAME="…" [SLUG=…]
    python scripts/example.py validate url-shortener         # make validate EXAMPLE=…

`new` writes docs/examples/<slug>/ from the template (every step, every
checklist item, TODO markers to replace) and adds the pages to nav: in
mkdocs.yml. `validate` prints every problem of one example, each with file,
line and a hint, and exits 1 while there is any. The strict build reports the
same problems.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "hooks"))

from studyguide import compare, navfile, scaffold  # noqa: E402
from studyguide.problems import format_problems  # noqa: E402
from studyguide.steps import load_steps  # noqa: E402
from studyguide.validate import validate_folder  # noqa: E402

DOCS = REPO / "docs"
MKDOCS_YML = REPO / "mkdocs.yml"


def new(name: str, slug: str | None = None) -> int:
    steps = load_steps(DOCS / "_data/steps.yml", "docs/_data/steps.yml")
    try:
        title, slug, files = scaffold.new_example(name, steps, slug)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    folder = DOCS / "examples" / slug
    if folder.exists():
        print(f"error: docs/examples/{slug} already exists", file=sys.stderr)
        return 2
    config = MKDOCS_YML.read_text(encoding="utf-8")
    pages = [f"examples/{slug}/index.md"] + [f"examples/{slug}/{s.id}.md" for s in steps]
    config = navfile.add_example(config, title, pages)
    folder.mkdir(parents=True)
    for file_name, text in files.items():
        (folder / file_name).write_text(text, encoding="utf-8")
    MKDOCS_YML.write_text(config, encoding="utf-8")
    print(f"Created docs/examples/{slug}/ ({len(files)} files) and added '{title}' to the navigation.")
    print(f"Next: replace every TODO, then run: make validate EXAMPLE={slug}")
    return 0


def validate(name: str) -> int:
    started = time.perf_counter()
    slug = Path(name.rstrip("/")).name
    folder = f"examples/{slug}"
    if not (DOCS / folder).is_dir():
        print(f"error: no example at docs/{folder}", file=sys.stderr)
        return 2
    steps = load_steps(DOCS / "_data/steps.yml", "docs/_data/steps.yml")
    compared = [c.quantity for c in compare.load_columns(DOCS / "_data/compare.yml", "docs/_data/compare.yml")]
    problems = validate_folder(DOCS, folder, steps, MKDOCS_YML.read_text(encoding="utf-8"), compared)
    took = time.perf_counter() - started
    if problems:
        print(format_problems(problems))
        print(f"\ndocs/{folder} is not ready ({took:.2f} s).")
        return 1
    print(f"docs/{folder}: every step and checklist item is covered and every number computes ({took:.2f} s).")
    return 0


def main(argv: list[str]) -> int:
    if argv[:1] == ["new"] and len(argv) in (2, 3) and argv[1].strip():
        return new(argv[1], argv[2] if len(argv) == 3 and argv[2] else None)
    if argv[:1] == ["validate"] and len(argv) == 2 and argv[1].strip():
        return validate(argv[1])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
