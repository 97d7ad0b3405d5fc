"""Provision-aligned diffs of two expressions of a work, or of two works.

* :func:`compare` — two AKN documents -> :class:`DiffResult` (the library
  call; :mod:`.align` says how provisions are aligned and words compared,
  :mod:`lexversion.akn.provisions` what counts as a provision);
* :mod:`.output` — a result as the JSON of ``schemas/diff.schema.json`` or
  as a unified text diff.

The diff computes; it does not present HTML (the redline is
:mod:`lexversion.render.redline`) nor read a store (``lexversion diff`` is
:func:`lexversion.app.compare.cli_diff`).
"""

from __future__ import annotations

from lexversion.diff.align import DiffResult, ProvisionDiff, Summary, compare

__all__ = ["DiffResult", "ProvisionDiff", "Summary", "compare"]
