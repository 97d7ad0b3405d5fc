"""The order of a work's events, kept in each row (``events.seq``, migration
0014; issue 15: adding one act must not rewrite the whole event list of a
heavily cited work).

A work's events are read in the graph's order (:func:`lexversion.graph.plan.events_of`:
by day and type, a stub's ``in_force_evidence`` of one day by the text
citing it). Row ids cannot carry that order once a build inserts one row into
a group instead of writing the whole group, so each row keeps a sort key,
``seq``, that depends on the row and on the rows before it that are not
citation evidence, never on how many citation-evidence rows precede it:

* a row that is not citation evidence (:func:`cited`) gets ``KKKKKKKK0``,
  ``K`` its rank (from 1) among such rows of the work;
* a citation-evidence row gets ``KKKKKKKK1YYYYMMDD`` and its source's SHA-256,
  ``K`` the rank of the last such row before it (0 when none), the date its
  earliest day.

A text citing a hub adds one evidence row, whose key falls between its
neighbours' keys without changing theirs, so the build writes that row alone
(:func:`lexversion.store.derived.write_groups`, ``in_place``). The keys are
made of digits and lower-case hex only, so that byte order (SQLite, Python)
and any PostgreSQL collation sort them alike. When the keys of a work's rows
would not increase in the graph's order (evidence of one day not in SHA-256
order, a source that is not a SHA-256), the work's rows get their positions
instead (``PPPPPPPP``): still the graph's order, only not stable under insertion.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from itertools import pairwise
from typing import Any

from lexversion.graph.touch import cited, evidence_order

#: digits of a rank or position
WIDTH = 8
_SHA = re.compile(r"[0-9a-f]{64}")


def keyed(r: dict[str, Any]) -> bool:
    """Whether event row ``r`` gets a key of its own (:func:`evidence_seq`):
    citation evidence (:func:`cited`) whose source is a SHA-256. The other
    rows of a work are its *anchors*, ranked."""
    return cited(r) and _SHA.fullmatch(str(r["source"])) is not None


def evidence_seq(rank: int, r: dict[str, Any]) -> str:
    """The ``seq`` of a :func:`keyed` row ``r`` that follows ``rank`` anchors."""
    day = r["earliest"].strftime("%Y%m%d") if r["earliest"] is not None else "99999999"
    return f"{rank:0{WIDTH}d}1{day}{r['source']}"


def anchored(seq: str) -> bool:
    """Whether ``seq`` is an anchor's (:func:`keyed`), not a keyed row's nor
    a position (the fallback): ``WIDTH + 1`` characters."""
    return len(seq) == WIDTH + 1


def seqs(rows: Sequence[dict[str, Any]]) -> list[str]:
    """The ``seq`` of each of one work's event ``rows`` (in the graph's order;
    see the module doc): strictly increasing, so sorting by them gives ``rows``' order."""
    out: list[str] = []
    rank = 0
    for r in rows:
        if keyed(r):
            out.append(evidence_seq(rank, r))
        else:
            rank += 1
            out.append(f"{rank:0{WIDTH}d}0")
    if all(a < b for a, b in pairwise(out)):
        return out
    return [f"{i:0{WIDTH}d}" for i in range(len(rows))]


def with_seq(rows: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """``rows`` (event rows, each work's together, in the graph's order), each
    with its ``seq`` (:func:`seqs`; a ``seq`` it had is replaced). Raises
    :class:`ValueError` when a work's rows are not together."""
    seen: set[str] = set()
    run: list[dict[str, Any]] = []

    def flush() -> Iterator[dict[str, Any]]:
        for r, s in zip(run, seqs(run), strict=True):
            yield {**r, "seq": s}

    for r in rows:
        if run and r["work_uri"] != run[0]["work_uri"]:
            yield from flush()
            run = []
        if not run:
            if r["work_uri"] in seen:
                raise ValueError(f"events of {r['work_uri']} are not together")
            seen.add(r["work_uri"])
        run.append(r)
    yield from flush()


__all__ = [
    "WIDTH",
    "anchored",
    "cited",
    "evidence_order",
    "evidence_seq",
    "keyed",
    "seqs",
    "with_seq",
]
