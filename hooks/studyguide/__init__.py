"""The guide's build logic, in plain Python that knows nothing about MkDocs.

The thin files in ``hooks/`` adapt these modules to MkDocs; everything that
decides what is valid and what a number is lives here, with its own tests in
``tests/unit``. Keeping MkDocs out of this package is what lets the guide move
to another site generator later.
"""
