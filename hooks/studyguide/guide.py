"""The guide as one object: its steps, examples, models, navigation and problems, built once per build.

``Guide`` is the pipeline every check and every page goes through, in this order:

1. ``Guide(files)``: the sources (``docs/``-relative path -> text) are read and
   checked as a whole: the steps, the comparison columns, every estimates
   model, every worked example.
2. ``set_nav(order)``: the reading order; example steps must follow it.
3. ``page_markdown(src, markdown, first_line)``: a page's placeholders are
   expanded through the one directive table below, its front matter and
   diagrams are checked, and an example step page gets its practice panel,
   its link to the method and its coverage checklist. The page's scripts are
   declared here, by the code that emits the markup they work on.
4. ``page_html(src, html)``: the HTML Markdown rendered from the page is
   checked for anything that could run script, and then the guide adds its
   own parts (the practice answer wrapper, the model as data).

The MkDocs hook (hooks/guide.py) calls these from its events and stops the
build when ``problems`` is not empty; ``studyguide.check`` calls the very same
methods without MkDocs (``make validate``), so both find the same problems.
Nothing here imports MkDocs.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from . import compare, practice, render
from .diagrams import diagram_problems, page_diagrams
from .headings import headings as _page_headings
from .directives import Handler, Skip, expand
from .estimation import Model, load_model
from .examples import Example, StepPage, check_order, validate_example
from .frontmatter import split as split_front_matter
from .glossary import GLOSSARY, glossary_entries, term_problems
from .kinds import Kind, kind_problems, read_kinds
from .model_data import model_script
from .problems import Problem, format_problems
from .prompts import Prompt, read_prompts
from .safety import HINT as SAFETY_HINT
from .safety import html_problems, text_problems
from .steps import LEVEL_TITLES, Step, budget, read_steps
from .text import markdown_text
from .used_by import Use, used_by_markdown, uses_on
from .yamlfile import LineMap

STEPS_FILE = "_data/steps.yml"
COMPARE_FILE = "_data/compare.yml"
KINDS_FILE = "_data/page-kinds.yml"
PROMPTS_FILE = "_data/prompts.yml"
EXAMPLES_DIR = "examples/"
NOT_PAGES = ("_data/", "_includes/")  # snippets and data, never pages of their own

# Page scripts, in the order a page loads them, and what each needs before it.
PAGE_JS = "assets/javascripts/page.js"
ENGINE_JS = "assets/javascripts/estimates/engine.js"
LIVE_JS = "assets/javascripts/estimates/live.js"
SANDBOX_JS = "assets/javascripts/estimates/sandbox.js"
PRACTICE_JS = "assets/javascripts/practice.js"
SCRIPT_ORDER = (PAGE_JS, ENGINE_JS, LIVE_JS, SANDBOX_JS, PRACTICE_JS)
SCRIPT_NEEDS = {LIVE_JS: (PAGE_JS, ENGINE_JS), SANDBOX_JS: (PAGE_JS, ENGINE_JS), PRACTICE_JS: (PAGE_JS,)}


def is_source(path: str) -> bool:
    """Whether the guide reads a file of docs/: pages, data files and estimates."""
    return path.endswith((".md", ".yml"))


@dataclass
class Page:
    """What the guide made of one page."""

    src: str
    model: Model | None = None  # the model the page quotes, carried as data for live numbers
    sandbox: bool = False  # the page holds the estimation sandbox (it gets no live numbers)
    needs: set[str] = field(default_factory=set)
    step_page: tuple[Example, StepPage] | None = None

    @property
    def scripts(self) -> list[str]:
        wanted = set(self.needs)
        if self.sandbox:
            wanted.discard(LIVE_JS)
        for script in list(wanted):
            wanted.update(SCRIPT_NEEDS.get(script, ()))
        return [s for s in SCRIPT_ORDER if s in wanted]


@dataclass(frozen=True)
class Directive:
    """One ``{{ name: argument }}`` of the guide: what the argument is, and the method that expands it."""

    name: str
    argument: str
    run: Callable[[Guide, Page, str], str]


class Guide:
    """Everything the build knows about the guide's sources; see the module docstring for the order of calls."""

    def __init__(self, files: Mapping[str, str]):
        self.files = dict(files)
        self.problems: list[Problem] = []
        self.nav: list[str] = []
        self.pages: dict[str, Page] = {}
        self.steps: list[Step] = []
        self.columns: list[compare.Column] = []
        self.models: dict[str, Model] = {}
        self.examples: dict[str, Example] = {}  # folder -> example
        self.kinds: dict[str, Kind] = {}
        self.prompts: list[Prompt] = []
        self.uses: dict[str, list[Use]] = {}  # page -> the worked-example sections that link to it
        self.steps_ok = False  # the steps file read without a problem
        self._tried: set[str] = set()  # estimates files already loaded (or being loaded)
        self._meta: dict[str, LineMap] = {}  # page -> its front matter
        self._load()

    # --- 1. the sources as a whole ------------------------------------------------------

    def _source(self, path: str) -> str | None:
        text = self.files.get(path)
        if text is None:
            self.problems.append(Problem(f"docs/{path}", None, "this file is missing", "restore it from the repository"))
        return text

    def _load(self) -> None:
        steps_text = self._source(STEPS_FILE)
        if steps_text is not None:
            self.steps, found = read_steps(steps_text, f"docs/{STEPS_FILE}")
            self.problems += found
            self.steps_ok = not found
            self._check_step_pages()
        columns_text = self._source(COMPARE_FILE)
        if columns_text is not None:
            self.columns, found = compare.read_columns(columns_text, f"docs/{COMPARE_FILE}")
            self.problems += found
        for path in sorted(self.files):
            if path.endswith(".yml") and not path.startswith(NOT_PAGES):
                self._model(path)
        if self.steps_ok:  # with a broken steps file, every example would be blamed for it
            self._load_examples()
            self._load_uses()
        kinds_text = self._source(KINDS_FILE)
        if kinds_text is not None:
            self.kinds, found = read_kinds(kinds_text, f"docs/{KINDS_FILE}")
            self.problems += found
        for path in self.files:
            if path.endswith(".md") and not path.startswith(NOT_PAGES):
                self._check_front_matter(path)
        if self.steps_ok and PROMPTS_FILE in self.files:
            self.prompts, found = read_prompts(self.files[PROMPTS_FILE], f"docs/{PROMPTS_FILE}", self.steps,
                                               set(self._block_titles()))
            self.problems += found

    def _model(self, path: str) -> Model | None:
        """The model of one estimates file, loaded once (and its includes first); None if it has problems."""
        if path in self._tried:
            return self.models.get(path)
        self._tried.add(path)  # a file that includes itself, directly or not, finds nothing here
        text = self.files.get(path) if path.endswith(".yml") and not path.startswith(NOT_PAGES) else None
        if text is None:
            return None
        model, found = load_model(text, f"docs/{path}", resolve=self._model)
        self.problems += found
        if model is not None and not found:
            self.models[path] = model
        return self.models.get(path)

    def _check_step_pages(self) -> None:
        """A step's ``page:`` must name a page: a typo is the steps file's, not every example's."""
        for step in self.steps:
            if step.page not in self.files or not step.page.endswith(".md"):
                self.problems.append(Problem(
                    f"docs/{STEPS_FILE}", None, f"step '{step.id}': page '{step.page}' does not exist",
                    "give the path of the step's page under docs/, such as 'steps/requirements.md'"))

    def _load_examples(self) -> None:
        folders: dict[str, dict[str, str]] = {}
        for path, text in self.files.items():
            if path.startswith(EXAMPLES_DIR) and path.endswith((".md", ".yml")) and path.count("/") == 2:
                folders.setdefault(path.rsplit("/", 1)[0], {})[path] = text
        for folder, pages in sorted(folders.items()):
            example, found = validate_example(folder, pages, self.steps)
            self.examples[folder] = example
            self.problems += _in_docs(found)
            self._check_compared(folder)

    def _check_compared(self, folder: str) -> None:
        path = f"{folder}/estimates.yml"
        model = self.models.get(path)
        if model is None:
            if path not in self.files:
                self.problems.append(Problem(f"docs/{path}", None, "the example has no estimates file",
                                             "every example states its assumptions in estimates.yml"))
            return
        for column in self.columns:
            if column.quantity not in model.quantities:
                self.problems.append(Problem(f"docs/{path}", None, f"'{column.quantity}' is missing",
                                             f"the examples index compares every example by it (docs/{COMPARE_FILE})"))

    def _load_uses(self) -> None:
        """Every link from a worked-example page to another page, by the page linked to."""
        for folder, example in self.examples.items():
            steps = {p.path: p.step for p in example.pages.values()}
            for path in sorted(self.files):
                if path.startswith(folder + "/") and path.endswith(".md") and path.count("/") == 2:
                    _, body, _ = split_front_matter(self.files[path], f"docs/{path}")
                    step = steps.get(path)
                    title, number = (step.title, f"step {step.number}") if step else (_page_title(path, body), "")
                    for target, use in uses_on(path, body, example.title, title, number):
                        self.uses.setdefault(target, []).append(use)

    def _front_matter(self, path: str) -> LineMap:
        """A page's front matter, read once."""
        if path not in self._meta:
            self._meta[path], _, found = split_front_matter(self.files[path], f"docs/{path}")
            self.problems += found
        return self._meta[path]

    def _check_front_matter(self, path: str) -> None:
        meta = self._front_matter(path)
        for key, value in meta.items():
            for problem in text_problems(value):
                self.problems.append(Problem(f"docs/{path}", meta.lines.get(key), f"front matter '{key}': {problem}",
                                             SAFETY_HINT))
        if "kind" in meta or "terms" in meta:
            self._check_kind(path, meta)

    def _kind_of(self, path: str) -> Kind | None:
        named = self._front_matter(path).get("kind")
        return self.kinds.get(named) if isinstance(named, str) else None

    def _check_kind(self, path: str, meta: LineMap) -> None:
        """A page of a kind lives in the kind's folder and names its main terms, each defined in the glossary."""
        file, named = f"docs/{path}", meta.get("kind")
        kind = self._kind_of(path)
        if kind is None:
            if self.kinds:  # with a broken kinds file, its own problems say why
                self.problems.append(Problem(file, meta.lines.get("kind"), f"unknown kind {named!r}",
                                             "kinds are: " + ", ".join(self.kinds) + f" (docs/{KINDS_FILE})"))
            return
        if not path.startswith(kind.folder + "/"):
            self.problems.append(Problem(file, meta.lines.get("kind"), f"a {kind.title.lower()} page belongs in "
                                         f"docs/{kind.folder}/", f"move the page, or change its kind (docs/{KINDS_FILE})"))
        terms = meta.get("terms")
        if not isinstance(terms, list) or not terms or not all(isinstance(t, str) and t.strip() for t in terms):
            self.problems.append(Problem(file, meta.lines.get("terms") or meta.lines.get("kind"),
                                         f"a {kind.title.lower()} page names its main terms",
                                         "add 'terms: [Term one, Term two]': each becomes a glossary entry linking here"))
            return
        glossary = self.files.get(GLOSSARY)
        if glossary is None:
            return  # reported as a missing page by MkDocs, and by the links to it
        _, body, _ = split_front_matter(self.files[path], file)
        title = next((h.text for h in _page_headings(body) if h.level == 1), path)
        for message, hint in term_problems(path, title, terms, body, glossary_entries(glossary)):
            self.problems.append(Problem(file, meta.lines.get("terms"), message, hint))

    # --- 2. the reading order -----------------------------------------------------------

    def set_nav(self, order: list[str], titles: list[str] | None = None) -> None:
        """The pages in reading order, and the titles mkdocs.yml gives them (plain text, like front matter)."""
        self.nav = list(order)
        for title in titles or []:
            if text_problems(title):
                self.problems.append(Problem("mkdocs.yml", None, f"the navigation title '{title}' contains HTML",
                                             SAFETY_HINT))
        for example in self.examples.values():
            self.problems += _in_docs(check_order(example, self.nav, self.steps))

    # --- 3. a page's Markdown -----------------------------------------------------------

    def page_markdown(self, src: str, markdown: str, first_line: int = 1) -> str:
        """The page with its placeholders expanded and, on an example step, the practice parts added."""
        if src not in self.files:  # a page another plugin made (print-site's one-page view)
            return markdown
        page = self.pages[src] = Page(src)
        meta = self._front_matter(src)
        if meta.get("estimates"):
            try:
                page.model = self._model_for(src, meta)
            except Skip:
                pass
            except ValueError as exc:
                self.problems.append(Problem(f"docs/{src}", meta.lines.get("estimates"), str(exc),
                                             "fix 'estimates:' in the front matter"))
        for problem in diagram_problems(markdown):
            self.problems.append(Problem(f"docs/{src}", problem.line + first_line, problem.message, problem.hint))
        kind = self._kind_of(src)
        if kind is not None:
            for message, hint in kind_problems(kind, markdown):
                self.problems.append(Problem(f"docs/{src}", None, message, hint))
            if kind.used_by and not _USED_BY.search(markdown):
                self.problems.append(Problem(
                    f"docs/{src}", None, "the page has no list of the worked examples that use it",
                    "write {{ used_by: examples }} under '## Where the worked examples use this'"))
        markdown = expand(markdown, f"docs/{src}", self._handlers(page), self.problems, first_line=first_line)
        page.step_page = self._step_page_of(src)
        if page.step_page is not None:
            markdown = self._decorate_step_page(markdown, page)
            page.needs.add(PRACTICE_JS)
        return markdown

    def _handlers(self, page: Page) -> dict[str, Handler]:
        """The directive table bound to one page: each handler takes (argument, line)."""

        def bind(directive: Directive) -> Handler:
            return lambda arg, line: directive.run(self, page, arg)

        return {name: bind(directive) for name, directive in DIRECTIVES.items()}

    def _model_for(self, src: str, meta: Mapping[str, object]) -> Model:
        named = meta.get("estimates")
        folder = posixpath.dirname(src)
        target = posixpath.normpath(posixpath.join(folder, str(named))) if named else posixpath.join(folder, "estimates.yml")
        if target in self.models:
            return self.models[target]
        if target in self.files:
            raise Skip  # the estimates file has problems of its own, reported with it
        raise ValueError(f"this page quotes estimates but docs/{target} does not exist; "
                         "put an estimates.yml beside the page or name one with 'estimates:' in the front matter")

    def _quoted_model(self, page: Page) -> Model:
        if page.model is None:
            page.model = self._model_for(page.src, self._front_matter(page.src))
        page.needs.add(LIVE_JS)
        return page.model

    # The directives, one method each.

    def _value(self, page: Page, name: str) -> str:
        return render.value_html(self._quoted_model(page).require(name))

    def _table(self, page: Page, name: str) -> str:
        return render.table_html(self._quoted_model(page), name)

    def _checklist(self, page: Page, step_id: str) -> str:
        step = self._step(step_id)
        return render.checklist_html([(i.id, i.text, None) for i in step.items], "step-checklist")

    def _answer(self, page: Page, name: str) -> str:
        """The example's whole answer at interview length, made from its step pages' "In the interview" blocks."""
        if not self.steps_ok:
            raise Skip  # the steps file's own problems are reported with it
        example = self.examples.get(f"{EXAMPLES_DIR}{name}")
        if example is None:
            raise ValueError(f"unknown example '{name}'; examples are: "
                             + ", ".join(_slug(f) for f in sorted(self.examples)))
        model = self.models.get(f"{example.folder}/estimates.yml")
        if not self.steps_ok or model is None or len(example.pages) != len(self.steps):
            raise Skip  # the example's own files carry the problem
        page.model = model
        page.needs.add(LIVE_JS)
        total = sum(step.minutes for step in self.steps)
        parts = [f"The whole answer to the {markdown_text(example.title)} example in {total} minutes: what to say and "
                 "draw in each step, with its time budget. Each block is the \"In the interview\" section of the "
                 "step's page, so this page always matches the full answer.", "## Key numbers", ""]
        parts += [f"- **{markdown_text(c.heading)}**: {render.value_html(model.quantities[c.quantity])}"
                  for c in self.columns if c.quantity in model.quantities]
        diagram = self._main_diagram(example)
        if diagram:
            parts += ["", "## The design", "", diagram]
        quiet: list[Problem] = []  # each block's own problems are reported with its step page
        for step in self.steps:
            step_page = example.pages[step.id]
            block = expand(step_page.interview, f"docs/{step_page.path}", self._handlers(page), quiet)
            parts += ["", f"## Step {step.number}: {step.title} ({step.minutes} min)", "", block, "",
                      f"[The full step]({_rel(step_page.path, page.src)})"]
        return "\n" + "\n".join(parts) + "\n"

    def _main_diagram(self, example: Example) -> str:
        """The first diagram of the example's high-level design, as a Mermaid fence."""
        step_page = next((p for p in example.pages.values() if p.step.id == "high-level-design"), None)
        if step_page is None:
            return ""
        _, body, _ = split_front_matter(self.files[step_page.path], step_page.path)
        found = page_diagrams(body)
        return "```mermaid\n" + "\n".join(found[0][1]) + "\n```" if found else ""

    def _block_titles(self) -> dict[str, str]:
        """Building-block slug -> the page's title."""
        titles = {}
        for path in sorted(self.files):
            kind = self._kind_of(path) if path.endswith(".md") and not path.startswith(NOT_PAGES) else None
            if kind is not None and kind.id == "building-block":
                _, body, _ = split_front_matter(self.files[path], path)
                title = next((h.text for h in _page_headings(body) if h.level == 1), path)
                titles[posixpath.splitext(posixpath.basename(path))[0]] = title
        return titles

    def _prompt_bank(self, page: Page, what: str) -> str:
        if what != "all":
            raise ValueError(f"'{{{{ prompts: {what} }}}}': only '{{{{ prompts: all }}}}' exists")
        if not self.steps_ok:
            raise Skip
        if PROMPTS_FILE not in self.files:
            raise ValueError(f"docs/{PROMPTS_FILE} is missing")
        titles, steps = self._block_titles(), {s.id: s for s in self.steps}
        parts = []
        for prompt in self.prompts:
            hints = "\n".join(f"    {steps[sid].number}. **{markdown_text(steps[sid].title)}**: {markdown_text(hint)}"
                               for sid, hint in prompt.hints)
            blocks = " · ".join(f"[{markdown_text(titles[b])}]({_rel(f'building-blocks/{b}.md', page.src)})"
                                for b in prompt.blocks)
            parts += [f"## {markdown_text(prompt.title)} {{#{prompt.id}}}", "",
                      f"**Scope.** {markdown_text(prompt.scope)} *{markdown_text(prompt.typical.rstrip('.'))}.*", "",
                      "**Ask the interviewer:**", "", *[f"- {markdown_text(q)}" for q in prompt.questions], "",
                      '??? tip "A hint for each step"', "", hints, "",
                      f"**Building blocks:** {blocks}", ""]
        return "\n" + "\n".join(parts) + "\n"

    def _budgets(self, page: Page, lengths: str) -> str:
        """The steps' minutes for each interview length, worked out from their shares of the budgeted slot."""
        if not self.steps_ok:
            raise Skip
        slots = lengths.split()
        if not slots or not all(s.isdigit() and 10 <= int(s) <= 180 for s in slots):
            raise ValueError(f"'{{{{ budgets: {lengths} }}}}': give interview lengths in minutes, such as 35 45 60")
        head = "| Step | " + " | ".join(f"{s} min" for s in slots) + " |"
        rule = "| --- |" + " ---: |" * len(slots)
        rows = [f"| {step.number}. {markdown_text(step.title)} | " + " | ".join(str(budget(step, int(s))) for s in slots)
                + " |" for step in self.steps]
        total = "| Total | " + " | ".join(str(sum(budget(step, int(s)) for step in self.steps)) for s in slots) + " |"
        return "\n" + "\n".join([head, rule, *rows, total]) + "\n"

    def _levels(self, page: Page, step_id: str) -> str:
        step = self._step(step_id)
        if not step.levels:
            raise ValueError(f"step '{step.id}' has no levels in docs/{STEPS_FILE}")
        parts = []
        for level, signals in step.levels:
            parts.append(f"**{LEVEL_TITLES[level]}**\n\n" + "\n".join(f"- {markdown_text(s)}" for s in signals))
        return "\n" + "\n\n".join(parts) + "\n"

    def _example_links(self, page: Page, step_id: str) -> str:
        step = self._step(step_id)
        lines = []
        for example in self._examples_in_nav():
            step_page = example.pages.get(step.id)
            if step_page:
                lines.append(f"- [{markdown_text(example.title)}]({_rel(step_page.path, page.src)}): "
                             f"step {step.number}, {step.title.lower()}")
        if not lines:
            return "No worked example yet: [add one](" + _rel("contributing/add-an-example.md", page.src) + ")."
        return "\n" + "\n".join(lines) + "\n"

    def _used_by(self, page: Page, what: str) -> str:
        if what != "examples":
            raise ValueError(f"'{{{{ used_by: {what} }}}}': only '{{{{ used_by: examples }}}}' exists")
        if not self.steps_ok:
            raise Skip
        uses = sorted(self.uses.get(page.src, []), key=lambda use: self._nav_position(use.page))
        if not uses:
            raise ValueError("no worked example links to this page, so its list of uses would be empty: link to it "
                             f"from the example pages that rely on it, as in [the concept](../../{page.src})")
        return used_by_markdown(uses, page.src)

    def _sections(self, page: Page, kind_id: str) -> str:
        kind = self.kinds.get(kind_id)
        if kind is None:
            if not self.kinds:
                raise Skip  # the kinds file's own problems say why
            raise ValueError(f"unknown kind '{kind_id}'; kinds are: " + ", ".join(self.kinds))
        rows = [f"| {markdown_text(s.title)} | {markdown_text(s.teaches)} |" for s in kind.sections]
        return "\n| Section (a `##` heading) | What it does |\n| --- | --- |\n" + "\n".join(rows) + "\n"

    def _nav_position(self, path: str) -> int:
        return self.nav.index(path) if path in self.nav else len(self.nav)

    def _comparison(self, page: Page, what: str) -> str:
        if what != "examples":
            raise ValueError(f"'{{{{ compare: {what} }}}}': only '{{{{ compare: examples }}}}' exists")
        rows = []
        for example in self._examples_in_nav():
            model = self.models.get(f"{example.folder}/estimates.yml")
            if model is None or any(c.quantity not in model.quantities for c in self.columns):
                continue  # the example's own files carry the problem
            rows.append((example.title, _rel(f"{example.folder}/index.md", page.src), model))
        return "\n" + compare.comparison(rows, self.columns) + "\n"

    def _practice(self, page: Page, what: str) -> str:
        if what != "progress":
            raise ValueError(f"'{{{{ practice: {what} }}}}': only '{{{{ practice: progress }}}}' exists")
        if not self.steps_ok:
            raise Skip
        rows = [practice.ExampleProgress(_slug(ex.folder), ex.title, _rel(f"{ex.folder}/index.md", page.src),
                                         sum(len(p.step.items) for p in ex.pages.values()),
                                         sum(len(practice.signal_ids(p.step)) for p in ex.pages.values()))
                for ex in self._examples_in_nav()]
        page.needs.add(PRACTICE_JS)
        return "\n" + practice.progress_markdown(rows, self.steps) + "\n"

    def _sandbox(self, page: Page, path: str) -> str:
        model = self.models.get(path)
        if model is None:
            raise ValueError(f"'{{{{ sandbox: {path} }}}}': docs/{path} is not a valid estimates file; "
                             "name one under docs/, such as examples/twitter/estimates.yml")
        page.model, page.sandbox = model, True
        page.needs.add(SANDBOX_JS)
        folder = posixpath.dirname(path)
        example = self.examples.get(folder)
        title = example.title if example else "worked example"
        return render.sandbox_html(title, _rel(posixpath.join(folder, "estimation.md"), page.src))

    def _step(self, step_id: str) -> Step:
        if not self.steps_ok:
            raise Skip  # the steps file's own problems are reported with it
        for step in self.steps:
            if step.id == step_id:
                return step
        raise ValueError(f"unknown step '{step_id}'; steps are: " + ", ".join(s.id for s in self.steps))

    def _examples_in_nav(self) -> list[Example]:
        return sorted(self.examples.values(), key=lambda example: self._nav_position(f"{example.folder}/index.md"))

    def _step_page_of(self, src: str) -> tuple[Example, StepPage] | None:
        for example in self.examples.values():
            for step_page in example.pages.values():
                if step_page.path == src:
                    return example, step_page
        return None

    def _decorate_step_page(self, markdown: str, page: Page) -> str:
        assert page.step_page is not None
        example, step_page = page.step_page
        step, src = step_page.step, page.src
        back = (
            f'!!! abstract "Step {step.number} of {len(self.steps)} · {step.title}"\n\n'
            f"    What this step is for, its checklist and the common mistakes: "
            f"[Step {step.number}: {step.title}]({_rel(step.page, src)}).\n"
        )
        lines = markdown.split("\n")
        at = next((i + 1 for i, line in enumerate(lines) if line.startswith("# ")), 0)
        panel = practice.panel_html(_slug(example.folder), example.title, step)
        lines[at:at] = ["", back, "", panel, ""]
        items = [(i.id, i.text, step_page.covers.get(i.id)) for i in step.items]
        coverage = (
            "\n## Checklist for this step {#step-checklist}\n\n"
            f"Each item of [step {step.number}'s checklist]({_rel(step.page, src)}#checklist) "
            "and the section above that answers it.\n\n" + render.checklist_html(items, "coverage") + "\n"
        )
        return "\n".join(lines) + "\n" + coverage

    # --- 4. a page's HTML ----------------------------------------------------------------

    def page_html(self, src: str, html: str) -> str:
        """Refuse script from content, then add the guide's own parts to the rendered page."""
        page = self.pages.get(src)
        if page is None:
            return html
        for _, what in html_problems(html):
            self.problems.append(Problem(f"docs/{src}", _line_of(self.files[src], what), f"{what} in the page",
                                         SAFETY_HINT))
        html = render.unfold_tables(html)
        if page.step_page is not None:
            example, step_page = page.step_page
            html = practice.wrap_answer(html, _slug(example.folder), step_page.step.id)
        if page.model is not None and (page.sandbox or LIVE_JS in page.needs):
            html += "\n" + model_script(page.model)
        return html

    def scripts(self, src: str) -> list[str]:
        """The page scripts ``src`` needs, in load order (the theme template links them)."""
        page = self.pages.get(src)
        return page.scripts if page else []

    # --- the report ---------------------------------------------------------------------

    def sorted_problems(self) -> list[Problem]:
        """Every problem once, by file and line."""
        return sorted(dict.fromkeys(self.problems), key=lambda p: (p.file, p.line or 0, p.message))

    def report(self, headline: str = "The guide has problems; nothing was written.") -> str | None:
        if not self.problems:
            return None
        return f"{headline}\n{format_problems(self.sorted_problems())}"


DIRECTIVES: dict[str, Directive] = {d.name: d for d in (
    Directive("value", "a quantity of the page's estimates", Guide._value),
    Directive("table", "a table of the page's estimates, or 'assumptions'", Guide._table),
    Directive("checklist", "a step id from docs/_data/steps.yml", Guide._checklist),
    Directive("levels", "a step id: what interviewers look for at mid-level, senior and staff", Guide._levels),
    Directive("budgets", "interview lengths in minutes: each step's time budget in each", Guide._budgets),
    Directive("examples", "a step id: links to that step of every worked example", Guide._example_links),
    Directive("answer", "an example's folder name: its answer at interview length", Guide._answer),
    Directive("compare", "'examples': the worked examples side by side", Guide._comparison),
    Directive("practice", "'progress': the reader's practice on every example", Guide._practice),
    Directive("prompts", "'all': the practice prompts of docs/_data/prompts.yml", Guide._prompt_bank),
    Directive("sandbox", "an estimates file under docs/ to start the sandbox from", Guide._sandbox),
    Directive("sections", "a kind from docs/_data/page-kinds.yml: the sections its pages must have", Guide._sections),
    Directive("used_by", "'examples': the worked-example sections that link to this page", Guide._used_by),
)}
"""The one table of the guide's placeholders: the build and ``make validate`` both expand through it."""


def _page_title(path: str, body: str) -> str:
    """How a use on a page that is not a step reads: "Overview" for the index, else its title before any " — "."""
    if path.endswith("/index.md"):
        return "Overview"
    title = next((h.text for h in _page_headings(body) if h.level == 1), posixpath.basename(path))
    return title.split(" — ")[0]


def _in_docs(problems: list[Problem]) -> list[Problem]:
    return [Problem(f"docs/{p.file}", p.line, p.message, p.hint) for p in problems]


def _rel(target: str, src: str) -> str:
    return posixpath.relpath(target, posixpath.dirname(src) or ".")


def _slug(folder: str) -> str:
    return folder.rstrip("/").rsplit("/", 1)[-1]


_USED_BY = re.compile(r"\{\{\s*used_by\s*:")

_WHAT_IN_SOURCE = re.compile(r"<(\w+)> element|\((on\w+)=\)|\((\w+)=\"([^\"]{1,12})")


def _line_of(source: str, what: str) -> int | None:
    """The first page line that holds what the HTML check found (a tag, an attribute, a URL scheme)."""
    m = _WHAT_IN_SOURCE.search(what)
    if not m:
        return None
    needle = ("<" + m.group(1)) if m.group(1) else (m.group(2) or m.group(4) or "")
    for number, line in enumerate(source.split("\n"), start=1):
        if needle.lower() in line.lower():
            return number
    return None
