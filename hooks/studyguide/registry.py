"""What one hook learns about the build and another needs: the estimates models.

The estimates hook fills ``models`` in ``on_files``; the checklist hook reads it
to compare the worked examples side by side.
"""

from __future__ import annotations

from .estimation import Model

models: dict[str, Model] = {}  # src path of the estimates file (e.g. examples/twitter/estimates.yml) -> model
