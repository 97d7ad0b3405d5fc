"""What a corpus text touches in the version graph: the keys selective
planning follows (issue 15: the graph is re-planned only where new, changed or
removed texts touch it).

Every decision of :func:`lexversion.graph.plan.plan_graph` that involves two
texts goes through an act both of them name: a reference is matched only among
the works of its (date, number) (:class:`~lexversion.graph.identity.WorkRegistry`),
the first text met states a work's publication or quoted rule, a stub's
``in_force_evidence`` comes from the texts citing it, copies are texts of one
expression of one work. So texts that share no (date, number) key plan
independently, and a change is planned again with the texts *connected* to it
through shared keys (:func:`lexversion.app.selective.closure`). Two exceptions:

* joint acts (:meth:`WorkRegistry.join`) pair works of different keys by the
  titles they are cited by; a corpus with an akimat act anywhere follows the
  title keys too (``t`` rows). Only titles of acts with a region are kept:
  both halves of a joint act have one, and a title counts for the identity
  (region, date, number) it was read with, so a law's title (no region)
  never pairs anything;
* a *hub*, an act every text cites (the law on local government), would connect
  the whole corpus. A key is *cut* instead of followed when no text owns an act
  there (only a stub is there), no text states anything of it (no effect, no
  fact: its commencement and publication are its own record's), every text
  names it alike (one stub, the same record whoever names it first) and no
  akimat is named there: then what a text contributes to the stub is its
  ``in_force_evidence`` events alone, merged with the stored ones
  (:func:`merge_evidence`).

A key row is (key, role, variant): ``d:`` (date|number) keys with role ``o``
(the text's own act), ``s`` (an effect or fact names it), ``c`` (only cited) or
``a`` (an akimat's act is named there); ``t:`` title keys (role ``t``); a
``variant`` says how the act is named (the fields of the stub it would make).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from lexversion.graph.identity import act_identity, work_act
from lexversion.model import ActRef
from lexversion.model.records import DocSummary, WorkRecord
from lexversion.parse.citations.identity import canonical_act
from lexversion.parse.citations.national import title_key

#: a key row of a text: (key, role, variant)
KeyRow = tuple[str, str, str]
#: the basis an ``in_force_evidence`` event from a citation starts with (:func:`lexversion.graph.plan.in_force_evidence`)
CITED_AS = "cited as in force by "


def dn_key(act: ActRef) -> str | None:
    """The ``d:`` key of ``act`` ((date, number) of its identity), or ``None``
    when it has no date or number (it names no work)."""
    a = canonical_act(act)
    if a.date is None or a.number is None:
        return None
    _, when, number = act_identity(a)
    return f"d:{when}|{number}"


def work_key(w: WorkRecord) -> str | None:
    """The ``d:`` key of work ``w``."""
    return dn_key(work_act(w))


def _variant(act: ActRef) -> str:
    a = canonical_act(act)
    blob = repr((a.act_type, a.issuer, a.region, a.body, a.date, a.number))
    return hashlib.sha256(blob.encode()).hexdigest()[:16]


def _acts(d: DocSummary) -> Iterator[tuple[ActRef, str]]:
    """The acts text ``d`` names, with the role of each (``s``: an effect or a fact, ``c``: a citation)."""
    for e in d.effects:
        for a in (e.affecting, e.affected):
            if a is not None:
                yield a, "s"
    for f in d.facts:
        yield f.act, "s"
    for c in d.citations:
        yield c.act, "c"


def text_keys(d: DocSummary) -> list[KeyRow]:
    """The key rows of corpus text ``d`` (see the module doc), sorted, each once."""
    rows: set[KeyRow] = set()
    for act, role in [(d.act, "o"), *_acts(d)]:
        key = dn_key(act)
        if key is None:
            continue
        rows.add((key, role, _variant(act)))
        if act.body == "akimat":
            rows.add((key, "a", ""))
        if act.title and canonical_act(act).region is not None:
            rows.add((f"t:{title_key(act.title)}", "t", ""))
    return sorted(rows)


def cuttable(rows: Iterable[KeyRow]) -> bool:
    """Whether a ``d:`` key whose rows (of every text naming it) are ``rows``
    is a hub to cut (see the module doc): only cited, by one variant, no akimat."""
    variants = set()
    for _, role, variant in rows:
        if role != "c":
            return False
        variants.add(variant)
    return len(variants) <= 1


def cited(r: dict[str, Any]) -> bool:
    """Whether event row ``r`` is ``in_force_evidence`` from a citation
    (its basis starts with :data:`CITED_AS`)."""
    return r["type"] == "in_force_evidence" and str(r["basis"]).startswith(CITED_AS)


def evidence_order(r: dict[str, Any]) -> tuple[date, str, str]:
    """The sort key of event row ``r`` among a cut hub's rows, the order
    :func:`lexversion.graph.plan.events_of` gives them: its day, its type, and
    for citation evidence (:func:`cited`) its source (the citing text's SHA-256)."""
    return (r["earliest"] or date.max, r["type"], r["source"] if cited(r) else "")


def merge_evidence(
    planned: Iterable[dict[str, Any]],
    stored: Iterable[dict[str, Any]],
    replanned: set[str],
) -> list[dict[str, Any]]:
    """The event rows of a cut hub's stub: those of ``planned`` (planned with
    the texts of the closure only) and the ``in_force_evidence`` rows of
    ``stored`` that no work in ``replanned`` (the works planned again) gives,
    in the order :func:`lexversion.graph.plan.events_of` gives them: by day and
    type, evidence of one day by the text first citing it (SHA-256 order,
    :func:`evidence_order`)."""
    keep = [r for r in stored if cited(r) and r["by_uri"] not in replanned]
    return sorted([*planned, *keep], key=evidence_order)


__all__ = [
    "CITED_AS",
    "KeyRow",
    "cited",
    "cuttable",
    "dn_key",
    "evidence_order",
    "merge_evidence",
    "text_keys",
    "work_key",
]
