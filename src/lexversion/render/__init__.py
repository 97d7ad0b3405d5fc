"""Rendering of AKN expressions and diffs, as pure functions that never open a store.

* :mod:`.text` — plain text; :mod:`.html` — the HTML view model and pages;
* :mod:`.print_model`, :mod:`.print_view`, :mod:`.print_changes` — the print
  view model of a text in force on a date; :mod:`.pdf` — its PDF (WeasyPrint);
* :mod:`.redline` — a :class:`~lexversion.diff.DiffResult` as an HTML redline.

The store is read by :mod:`lexversion.app` (e.g. :mod:`lexversion.app.print`).
"""
