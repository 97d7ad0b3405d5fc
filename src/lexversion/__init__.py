"""lexversion: versioned, queryable law from Kazakhstan's maslikhat decisions.

The public verbs (ARCHITECTURE.md, data flow):

* :func:`parse` — raw export (``str`` or ``bytes``) -> :class:`Document`
  (``to_akn() -> bytes``, ``to_json() -> dict``, ``to_text() -> str``);
* :func:`build` — a corpus directory -> the version graph in a store;
* :func:`open_store` — a store by SQLAlchemy URL (SQLite by default);
* :func:`point_in_time` — a work's status, expression and certainty on a date;
* :func:`show` / :func:`history` — what the CLI prints.
"""

from __future__ import annotations

from pathlib import Path

from lexversion.errors import InputError, LexversionError, NotFound, StoreError, UsageError
from lexversion.parse import Document, parse
from lexversion.pipeline import BuildReport
from lexversion.query import history, show
from lexversion.store import open_store
from lexversion.timeline.pit import PointInTime, point_in_time

__version__ = "0.1.0"


def build(directory: str | Path = "corpus", db: str | None = None) -> BuildReport:
    """Ingest ``directory`` into the store at ``db`` (see :func:`open_store`).

    Returns the :class:`~lexversion.pipeline.BuildReport`; raises
    :class:`UsageError` for a missing directory, :class:`StoreError` when the
    store cannot be written (it is then left unchanged).
    """
    from lexversion.pipeline import build as run

    return run(Path(directory), open_store(db))


__all__ = [
    "BuildReport",
    "Document",
    "InputError",
    "LexversionError",
    "NotFound",
    "PointInTime",
    "StoreError",
    "UsageError",
    "build",
    "history",
    "open_store",
    "parse",
    "point_in_time",
    "show",
]
