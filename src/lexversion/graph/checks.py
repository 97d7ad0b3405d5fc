"""Warnings about how a work's texts and its recorded effects agree (issue 13, items 2 and 9).

* ``effect_text_mismatch``: a text's own note records a substitution made
  throughout, yet the text still has the old form
  (:func:`lexversion.parse.consistency.mismatches`); said of the expression
  that text is stored as.
* ``not_consolidated``: an effect on a work takes force after the latest text
  of one of its languages, and no expression in that language applies it
  (the corpus has the change in another language's text only, or in no text):
  that language's text is older than the law from that day on. Said of the
  language's latest expression, with the day the change takes force.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from pathlib import PurePath

from lexversion.graph.expressions import Ledger
from lexversion.graph.identity import WorkRegistry
from lexversion.graph.texts import PUBLISHED
from lexversion.model.records import DocSummary, EffectRecord, ExpressionPlan, WarningRecord


def mismatch_warnings(
    docs: Iterable[DocSummary], reg: WorkRegistry, plans: Sequence[ExpressionPlan]
) -> Iterator[WarningRecord]:
    """An ``effect_text_mismatch`` warning per old form a text keeps against
    its own recorded substitution, on the published expression of that text's
    version (the kept copy's, when the text is a copy), once per expression,
    effect and old form."""
    published = {
        (p.sha256, p.work): p.uri for p in plans if p.kind in PUBLISHED and p.edition_of is None
    }
    uris = {p.uri for p in plans}
    seen: set[tuple[str, str, str]] = set()
    for d in docs:
        if not d.mismatches:
            continue
        own = reg.text_work(d.sha256)
        if own is None:
            continue
        uri = published.get((d.sha256, own.frbr_uri)) or _own_published(d, own.frbr_uri, plans)
        for m in d.mismatches:
            e = d.effects[m.effect]
            by = reg.uri(e.affecting) if e.affecting is not None else None
            key = (uri or own.frbr_uri, by or "", m.old)
            if key in seen:
                continue
            seen.add(key)
            params = (
                ("type", str(e.type)),
                ("by", by or ""),
                ("old", m.old),
                ("new", m.new),
                ("scope", m.scope),
                ("where", ", ".join(m.eids)),
                ("count", str(m.count)),
                ("file", PurePath(d.source).name),
            )
            yield WarningRecord(
                own.frbr_uri,
                "effect_text_mismatch",
                uri if uri in uris else None,
                d.sha256,
                params,
            )


def _own_published(d: DocSummary, work: str, plans: Sequence[ExpressionPlan]) -> str | None:
    """The published expression of ``work`` in ``d``'s language planned from
    another text (``d`` is a copy of it), the latest one."""
    same = [p for p in plans if p.work == work and p.lang == d.lang and p.kind in PUBLISHED]
    return max(same, key=lambda p: (p.date or date.min, p.uri)).uri if same else None


def unconsolidated(
    effects: Iterable[EffectRecord],
    plans: Sequence[ExpressionPlan],
    applied: Ledger,
    reversed_: Ledger,
) -> Iterator[WarningRecord]:
    """A ``not_consolidated`` warning per (effect, language of the affected
    work) when the effect takes force after that language's latest expression
    and no expression of the language applies (or reverses) it. Repeals are
    not changes of a text; an effect whose day is unknown is not judged."""
    lang_of = {p.uri: p.lang for p in plans}
    latest: dict[tuple[str, str], ExpressionPlan] = {}
    for p in plans:
        k = (p.work, p.lang)
        if k not in latest or (p.date or date.min, p.uri) > (
            latest[k].date or date.min,
            latest[k].uri,
        ):
            latest[k] = p
    langs: dict[str, list[str]] = {}
    for work, lang in sorted(latest):
        langs.setdefault(work, []).append(lang)
    for r in effects:
        since = r.in_force.earliest
        if r.type == "repeal" or since is None:
            continue
        done = {
            lang_of[u] for u in (*applied.get(r.key, ()), *reversed_.get(r.key, ())) if u in lang_of
        }
        for lang in langs.get(r.affected, []):
            last = latest[(r.affected, lang)]
            if lang in done or (last.date is not None and last.date >= since):
                continue
            params = (
                ("type", r.type),
                ("by", r.affecting),
                ("since", since.isoformat()),
                ("lang", lang),
                ("applied_in", ",".join(sorted(done))),
            )
            yield WarningRecord(r.affected, "not_consolidated", last.uri, last.sha256, params)


__all__ = ["mismatch_warnings", "unconsolidated"]
