"""An estimation model as plain data, for the page script that recomputes it live.

The browser gets what the contributor wrote (names, labels, units, input
values, formulas, tables), not the results: docs/assets/javascripts/estimates/
engine.js reads and evaluates it with the same rules as ``studyguide.estimation``
and formats it as ``studyguide.numbers`` does, and the browser tests check that
both give the same text for every quantity in the guide.
"""

from __future__ import annotations

import json

from .estimation import Model


def model_data(model: Model) -> dict:
    quantities = []
    for q in model.quantities.values():
        entry: dict = {"name": q.name, "kind": q.kind, "label": q.label, "unit": q.unit.text, "scale": q.scale}
        if q.note:
            entry["note"] = q.note
        if q.negative:
            entry["negative"] = True
        if q.source:
            entry["from"] = q.source
        if q.kind == "input":
            entry["value"] = q.display_value
        else:
            entry["formula"] = q.formula
        quantities.append(entry)
    tables = [{"name": t.name, "caption": t.caption, "rows": t.rows} for t in model.tables.values()]
    return {"source": model.file, "quantities": quantities, "tables": tables}


def model_script(model: Model) -> str:
    """A JSON data block for a page; ``<``, ``>`` and ``&`` are escaped so no text can end the script."""
    text = json.dumps(model_data(model), ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/json" class="est-model">{text}</script>'
