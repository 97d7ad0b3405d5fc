"""lexversion: versioned, queryable law from Kazakhstan's maslikhat decisions.

The public verbs (ARCHITECTURE.md, data flow):

* :func:`parse` — raw export (``str`` or ``bytes``) -> :class:`Document`;
* :func:`to_akn` (AKN XML bytes), :func:`to_json` (the dict of
  ``schemas/document.schema.json``), :func:`to_text` — projections of a
  :class:`Document` (its ``to_akn()``/``to_json()``/``to_text()`` methods are
  deprecated and go in the next release);
* :func:`build` — a corpus directory -> the version graph in a store;
* :func:`open_store` — a store by SQLAlchemy URL (SQLite by default);
* :func:`point_in_time` — a work's status, expression and certainty on a date;
* :func:`show` / :func:`history` — what the CLI prints.
"""

from __future__ import annotations

from pathlib import Path

from lexversion.akn.build import document_to_akn
from lexversion.akn.json import document_json
from lexversion.app.ingest import BuildReport
from lexversion.app.query import history, show
from lexversion.errors import InputError, LexversionError, NotFound, StoreError, UsageError
from lexversion.model import Document, PointInTime
from lexversion.model.document import bind_projections
from lexversion.parse import parse
from lexversion.render.text import document_text
from lexversion.store import open_store
from lexversion.timeline.commencement import OBSERVED_LAGS, PublicationPolicy
from lexversion.timeline.pit import point_in_time

__version__ = "0.1.0"

# The deprecated ``Document.to_akn/to_json/to_text`` methods reach the projections
# that live above the model layer through this binding (one release, then removed).
bind_projections(to_akn=document_to_akn, to_json=document_json, to_text=document_text)

#: the projections of a parsed :class:`Document` (see :mod:`lexversion.akn.build`,
#: :mod:`lexversion.akn.json`, :mod:`lexversion.render.text`)
to_akn = document_to_akn
to_json = document_json
to_text = document_text


def build(
    directory: str | Path = "corpus",
    db: str | None = None,
    policy: PublicationPolicy | None = None,
) -> BuildReport:
    """Ingest ``directory`` into the store at ``db`` (see :func:`open_store`);
    ``policy``: how unstated publication dates are assumed (default
    :data:`~lexversion.timeline.commencement.OBSERVED_LAGS`).

    Returns the :class:`~lexversion.app.ingest.BuildReport`; raises
    :class:`UsageError` for a missing directory, :class:`StoreError` when the
    store cannot be written (it is then left unchanged).
    """
    from lexversion.app.ingest import build as run

    return run(Path(directory), open_store(db), policy=policy or OBSERVED_LAGS)


__all__ = [
    "BuildReport",
    "Document",
    "InputError",
    "LexversionError",
    "NotFound",
    "PointInTime",
    "PublicationPolicy",
    "StoreError",
    "UsageError",
    "build",
    "history",
    "open_store",
    "parse",
    "point_in_time",
    "show",
    "to_akn",
    "to_json",
    "to_text",
]
