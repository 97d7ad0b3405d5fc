"""Provision-aligned diffs of two expressions of a work, or of two works.

* :func:`compare` — two AKN documents -> :class:`DiffResult` (the library
  call; :mod:`.align` says how provisions are aligned and words compared,
  :mod:`.provisions` what counts as a provision);
* :func:`cli_diff` — what ``lexversion diff`` prints (:mod:`.command`), in the
  formats of :mod:`.output` (HTML redline, unified text, JSON of
  ``schemas/diff.schema.json``).
"""

from __future__ import annotations

from lexversion.app.compare import cli_diff
from lexversion.diff.align import DiffResult, ProvisionDiff, Summary, compare

__all__ = ["DiffResult", "ProvisionDiff", "Summary", "cli_diff", "compare"]
