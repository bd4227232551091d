"""Create a worked example, or check one or the whole guide.

    python scripts/example.py new "Design a URL shortener" [SLUG]   # make example NAME="…" [SLUG=…]
    python scripts/example.py validate url-shortener         # make validate EXAMPLE=…
    python scripts/example.py check                          # make validate

`new` writes docs/examples/<slug>/ from the template (every step, every
checklist item, TODO markers to replace) and adds the pages to nav: in
mkdocs.yml. `validate` prints every problem of one example (and of the shared
data files), each with file, line and a hint, and exits 1 while there is any;
`check` does the same for the whole guide. Both run the build's own checks
(studyguide.check) without MkDocs, so the strict build reports the same problems.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "hooks"))

from studyguide import navfile, scaffold  # noqa: E402
from studyguide.check import check_guide, problems_of  # noqa: E402
from studyguide.problems import GuideError, format_problems  # noqa: E402
from studyguide.steps import load_steps  # noqa: E402

DOCS = REPO / "docs"
MKDOCS_YML = REPO / "mkdocs.yml"


def new(name: str, slug: str | None = None) -> int:
    try:
        steps = load_steps(DOCS / "_data/steps.yml", "docs/_data/steps.yml")
    except GuideError as exc:
        print(f"error: fix the steps file first.\n{exc}", file=sys.stderr)
        return 2
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
    pages = [f"examples/{slug}/index.md", f"examples/{slug}/answer.md"] + [f"examples/{slug}/{s.id}.md" for s in steps]
    config = navfile.add_example(config, title, pages)
    folder.mkdir(parents=True)
    for file_name, text in files.items():
        (folder / file_name).write_text(text, encoding="utf-8")
    MKDOCS_YML.write_text(config, encoding="utf-8")
    print(f"Created docs/examples/{slug}/ ({len(files)} files) and added '{title}' to the navigation.")
    print(f"Next: replace every TODO, then run: make validate EXAMPLE={slug}")
    return 0


def validate(name: str | None) -> int:
    """Every problem of one example (``name``) or of the whole guide (None), as the build finds them."""
    started = time.perf_counter()
    prefix = None
    what = "the guide"
    if name is not None:
        slug = Path(name.rstrip("/")).name
        what = f"docs/examples/{slug}"
        if not (DOCS / "examples" / slug).is_dir():
            print(f"error: no example at {what}", file=sys.stderr)
            return 2
        prefix = what + "/"
    guide = check_guide(REPO, prefix.removeprefix("docs/") if prefix else "")
    problems = problems_of(guide, prefix)
    took = time.perf_counter() - started
    if problems:
        print(format_problems(problems))
        print(f"\n{what} is not ready ({took:.2f} s).")
        return 1
    print(f"{what}: every step and checklist item is covered and every number computes ({took:.2f} s).")
    return 0


def main(argv: list[str]) -> int:
    if argv[:1] == ["new"] and len(argv) in (2, 3) and argv[1].strip():
        return new(argv[1], argv[2] if len(argv) == 3 and argv[2] else None)
    if argv[:1] == ["validate"] and len(argv) == 2 and argv[1].strip():
        return validate(argv[1])
    if argv == ["check"]:
        return validate(None)
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
