"""MkDocs hook: numbers in the guide are computed from each page's stated assumptions.

Thin adapter: the model lives in ``studyguide.estimation``, formatting in
``studyguide.numbers`` and HTML in ``studyguide.render``. Problems go to
``studyguide.report``; the checklist hook stops the build with all of them.
"""

from __future__ import annotations

import posixpath

from mkdocs.plugins import event_priority

from studyguide import directives, registry, render, report
from studyguide.model_data import model_script
from studyguide.estimation import Model, load_model
from studyguide.frontmatter import first_line
from studyguide.problems import Problem

DATA_DIRS = ("_data/", "_includes/")

_models = registry.models  # src_uri of the estimates file -> model
_quoted: dict[str, Model] = {}  # src_uri of a page -> the model it quotes


@event_priority(100)  # first of the guide's hooks: a new build starts a new report
def on_config(config):
    report.reset()
    return config


def on_files(files, config):
    """Load and check every estimates file, used by a page or not."""
    _models.clear()
    for file in files:
        uri = file.src_uri
        if uri.endswith(".yml") and not uri.startswith(DATA_DIRS):
            model, found = load_model(file.content_string, f"docs/{uri}")
            report.add(found)
            if model is not None and not found:
                _models[uri] = model
    return files


def on_page_markdown(markdown, page, config, files):
    src = page.file.src_uri
    _quoted.pop(src, None)
    if page.meta.get("estimates"):  # a page may ask for a model without quoting it (the sandbox)
        try:
            _quoted[src] = _model_for(page, src)
        except ValueError as exc:
            report.add([Problem(f"docs/{src}", 1, str(exc), "fix 'estimates:' in the front matter")])
    if "{{" not in markdown:
        return markdown
    problems: list[Problem] = []

    def model() -> Model:
        _quoted[src] = _model_for(page, src)
        return _quoted[src]

    def value(name: str, line: int) -> str:
        return render.value_html(model().require(name))

    def table(name: str, line: int) -> str:
        return render.table_html(model(), name)

    markdown = directives.expand(markdown, f"docs/{src}", {"value": value, "table": table}, problems,
                                 first_line=first_line(page.file.content_string, markdown))
    report.add(problems)
    return markdown


@event_priority(50)  # before print-site copies the page into the one-page view
def on_page_content(html, page, config, files):
    """Tables row by row, and the model as data for the live estimates script."""
    html = render.unfold_tables(html)
    model = _quoted.get(page.file.src_uri)
    return html + "\n" + model_script(model) if model else html


def _model_for(page, src: str) -> Model:
    named = page.meta.get("estimates")
    folder = posixpath.dirname(src)
    target = posixpath.normpath(posixpath.join(folder, str(named))) if named else posixpath.join(folder, "estimates.yml")
    if target not in _models:
        raise ValueError(
            f"this page quotes estimates but docs/{target} does not exist; "
            "put an estimates.yml beside the page or name one with 'estimates:' in the front matter"
        )
    return _models[target]
