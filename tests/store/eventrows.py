"""Event rows of one hub stub for the store's event tests (eventseq, hub patches)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

HUB = "/akn/kz/act/law/2001-01-23/148-ii"
DAY0 = date(2001, 1, 23)


def event_row(
    kind: str, day: int | None, basis: str, source: str, by: str | None = None
) -> dict[str, Any]:
    """An event row of :data:`HUB` of type ``kind`` on ``day`` days after
    :data:`DAY0` (``None``: undated), given by the work ``by``."""
    when = DAY0 + timedelta(days=day) if day is not None else None
    return {
        "work_uri": HUB,
        "type": kind,
        "earliest": when,
        "latest": when,
        "certainty": "exact",
        "basis": basis,
        "by_uri": by,
        "source": source,
        "note": "",
    }
