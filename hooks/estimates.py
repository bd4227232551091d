"""MkDocs hook: numbers in the guide are computed from each page's stated assumptions.

Thin adapter: the model lives in ``studyguide.estimation``, formatting in
``studyguide.numbers`` and HTML in ``studyguide.render``.
"""

from __future__ import annotations

import posixpath

from mkdocs.exceptions import PluginError

from studyguide import directives, render
from studyguide.estimation import Model, load_model
from studyguide.frontmatter import first_line
from studyguide.problems import Problem, format_problems

DATA_DIRS = ("_data/", "_includes/")

_models: dict[str, Model] = {}  # src_uri of the estimates file -> model


def on_files(files, config):
    """Load and check every estimates file, used by a page or not."""
    _models.clear()
    problems: list[Problem] = []
    for file in files:
        uri = file.src_uri
        if uri.endswith(".yml") and not uri.startswith(DATA_DIRS):
            model, found = load_model(file.content_string, f"docs/{uri}")
            problems.extend(found)
            if model is not None:
                _models[uri] = model
    if problems:
        raise PluginError("Estimates are invalid.\n" + format_problems(problems))
    return files


def on_page_markdown(markdown, page, config, files):
    src = page.file.src_uri
    if "{{" not in markdown:
        return markdown
    problems: list[Problem] = []
    model_holder: list[Model] = []

    def model(line: int) -> Model:
        if not model_holder:
            model_holder.append(_model_for(page, src))
        return model_holder[0]

    def value(name: str, line: int) -> str:
        m = model(line)
        if name not in m.quantities:
            raise ValueError(f"unknown quantity '{name}' in {m.file}")
        return render.value_html(m.quantities[name])

    def table(name: str, line: int) -> str:
        return render.table_html(model(line), name)

    markdown = directives.expand(markdown, f"docs/{src}", {"value": value, "table": table}, problems,
                                 first_line=first_line(page.file.content_string, markdown))
    if problems:
        raise PluginError(format_problems(problems))
    return markdown


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
