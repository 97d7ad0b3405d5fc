"""Point in time: a work's status, applicable expression and certainty on a date.

ARCHITECTURE.md ("Point in time"). Each date that decides the answer is a
DateFact: before an exact date or before the earliest of a window the answer
is "before", on or after the latest it is "after", inside a window it is
uncertain and the answer says so ("uncertain between D1 and D2") instead of
guessing. The status certainty is the certainty of the deciding fact.

:func:`point_in_time` answers in steps, top to bottom: the expressions in the
asked language (:func:`_expressions_in`), the status on the date decided by
adoption, repeal and commencement (:func:`_status_on`), retroactive
application (:func:`_retroactive_notes`), the applicable wording
(:func:`_wording_on`), the wordings whose window holds the date
(:func:`_pending_wordings`), and why no wording is given
(:func:`_missing_reason`). The values (:class:`WorkTimeline`,
:class:`PointInTime`, ...) live in :mod:`lexversion.model.timeline`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from lexversion.model import DateFact, iso
from lexversion.model.timeline import ExpressionInfo, OtherText, PointInTime, WorkTimeline

__all__ = ["NOT_APPLIED", "other_texts", "point_in_time", "relation"]

#: the status of an act in force whose text does not apply yet: it entered into
#: force ("күшіне енді") and is put into effect later ("қолданысқа енгізіледі")
NOT_APPLIED = "in_force_not_applied"


def relation(on: date, fact: DateFact | None) -> str:
    """``before``, ``after`` (on or after), ``within`` an estimated window, or ``unknown``."""
    if fact is None or fact.earliest is None:
        return "unknown"
    if on < fact.earliest:
        return "before"
    latest = fact.latest or fact.earliest
    if on >= latest:
        return "after"
    return "within"


def _window_note(what: str, fact: DateFact) -> str:
    assert fact.earliest is not None and fact.latest is not None
    return f"{what} uncertain between {fact.earliest.isoformat()} and {fact.latest.isoformat()} ({fact.certainty}: {fact.basis})"


def _fact_note(what: str, fact: DateFact) -> str:
    if fact.earliest is None:
        return f"{what}: unknown ({fact.basis})"
    if fact.earliest == fact.latest:
        return f"{what}: {fact.earliest.isoformat()} ({fact.certainty}: {fact.basis})"
    return f"{what}: between {iso(fact.earliest)} and {iso(fact.latest)} ({fact.certainty}: {fact.basis})"


@dataclass(frozen=True, slots=True)
class _Status:
    """The status step's answer: status, its certainty, the estimated window
    holding the date (if any), and the notes saying why."""

    status: str
    certainty: str
    window: tuple[date, date] | None
    notes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Wording:
    """The wording step's answer: the applicable expression (``None`` when no
    wording is given), the last one known by the date, why none is given, notes."""

    expression: ExpressionInfo | None
    last: ExpressionInfo | None
    reason: str | None
    notes: tuple[str, ...]


def _expressions_in(tl: WorkTimeline, lang: str | None) -> tuple[str | None, list[ExpressionInfo]]:
    """The language answered in (``lang``, else that of the work's corpus text,
    Kazakh first) and the work's expressions in it, by when they apply."""
    langs = sorted(
        {e.lang for e in tl.expressions}, key=lambda x: (x not in tl.languages, x != "kk", x)
    )
    use_lang = lang or (langs[0] if langs else None)
    exprs = sorted(
        (e for e in tl.expressions if e.lang == use_lang),
        key=lambda e: (e.applies_from.earliest or date.min, e.uri),
    )
    return use_lang, exprs


def _before_adoption(tl: WorkTimeline, on: date) -> bool:
    """True when ``on`` is before the act's (known) adoption: it did not exist yet."""
    return bool(tl.adoption and tl.adoption.earliest and on < tl.adoption.earliest)


def _status_on(tl: WorkTimeline, on: date) -> _Status:
    """The status on ``on``: decided by adoption, then the repeal, then the
    commencement (:func:`_commencement_status`); a date inside a window is
    ``unknown`` (estimated) with the window."""
    if _before_adoption(tl, on):
        assert tl.adoption is not None
        note = _fact_note("adopted", tl.adoption)
        return _Status("not_yet_in_force", tl.adoption.certainty, None, (note,))
    rel_rep = relation(on, tl.repeal) if tl.repeal else "before"
    if rel_rep == "after":
        assert tl.repeal is not None
        note = _fact_note(f"repealed by {tl.repealed_by}", tl.repeal)
        return _Status("repealed", tl.repeal.certainty, None, (note,))
    if rel_rep == "within":
        assert tl.repeal is not None and tl.repeal.earliest and tl.repeal.latest
        note = _window_note(
            f"repeal by {tl.repealed_by}: in force before, repealed after; takes effect",
            tl.repeal,
        )
        return _Status("unknown", "estimated", (tl.repeal.earliest, tl.repeal.latest), (note,))
    return _commencement_status(tl, on)


def _known_only_by_citation(tl: WorkTimeline) -> bool:
    """True for a work the corpus has no text of and no repeal for: only the
    acts citing it (or its effects) say anything about its force."""
    return tl.stub and not tl.expressions and tl.repeal is None


def _evidence_status(tl: WorkTimeline, on: date) -> _Status:
    """The status on ``on`` of a work known only by citation, past its entry
    into force: ``in_force`` on a day a corpus act cites it as law (or its
    effect takes effect), with that basis; ``unknown`` on any other day, the
    days the corpus supports listed (issue 13, item 3)."""
    days = [f for f in tl.in_force_evidence if f.earliest is not None and f.earliest == f.latest]
    for f in days:
        if f.earliest == on:
            return _Status("in_force", f.certainty, None, (_fact_note("in force", f),))
    listed = "; ".join(f.basis for f in days) or "none"
    note = (
        "known only from citations, with no text or repeal in the corpus: whether it was in "
        f"force on {on.isoformat()} is unknown; the corpus supports it in force on: {listed}"
    )
    return _Status(
        "unknown", "unknown", None, (note, _fact_note("entry into force", tl.commencement))
    )


def _commencement_status(tl: WorkTimeline, on: date) -> _Status:
    """The status on ``on`` of an adopted act not (yet) repealed: by its entry
    into force (by the evidence of its citations for a work known only by
    citation, :func:`_evidence_status`)."""
    com = tl.commencement
    rel_com = relation(on, com)
    if _known_only_by_citation(tl) and rel_com != "before":
        st = _evidence_status(tl, on)
        if st.status == "in_force" or rel_com != "within":
            return st
    if tl.in_force is not None and relation(on, tl.in_force) != "unknown":
        return _two_dates_status(tl, on, tl.in_force)
    if rel_com in ("before", "within"):
        return _awaiting_force(com, rel_com)
    if rel_com == "unknown":
        return _Status("unknown", "unknown", None, (_fact_note("entry into force", com),))
    return _Status("in_force", com.certainty, None, (_fact_note("in force since", com), _later(tl)))


def _awaiting_force(force: DateFact, rel: str) -> _Status:
    """The status on a day ``rel`` (``"before"`` or ``"within"``) entry into force
    ``force``: not yet in force, or ``unknown`` (estimated) with its window."""
    if rel == "before":
        return _Status(
            "not_yet_in_force", force.certainty, None, (_fact_note("entry into force", force),)
        )
    assert force.earliest and force.latest
    note = _window_note("entry into force: not yet in force before, in force after;", force)
    return _Status("unknown", "estimated", (force.earliest, force.latest), (note,))


def _later(tl: WorkTimeline) -> str:
    """The note on what follows an act in force: its repeal, or that none is recorded."""
    if tl.repeal is not None:
        return _fact_note(f"repealed later by {tl.repealed_by}", tl.repeal)
    return "no repeal is recorded in the corpus; changes made by acts outside it are unknown"


def _two_dates_status(tl: WorkTimeline, on: date, force: DateFact) -> _Status:
    """The status on ``on`` of an act whose text states entry into force
    (``force``) apart from application (``tl.commencement``): not yet in force
    before the first; :data:`NOT_APPLIED` (in force, its text not yet applying)
    from the first to the second; in force from the second. A date inside
    either window is ``unknown`` (estimated) with that window.

    Rule: an act that "enters into force" ("күшіне енеді", "вступает в силу")
    on one day and "is put into effect" ("қолданысқа енгізіледі", "вводится в
    действие") on a later one is law from the first, but its provisions apply
    from the second (Law "On legal acts" No 480-V of 6 April 2016, art. 36;
    DOMAIN.md 5; seed 000 point 3); so its text is the one that *will* apply,
    shown as awaiting application, as the adopted text awaits entry into force."""
    com = tl.commencement
    rel_force, rel_com = relation(on, force), relation(on, com)
    if rel_force in ("before", "within"):
        return _awaiting_force(force, rel_force)
    since = _fact_note("in force since", force)
    applies = _fact_note("put into effect (its text applies from)", com)
    if rel_com == "before":
        return _Status(NOT_APPLIED, force.certainty, None, (since, applies))
    if rel_com == "unknown":
        return _Status("unknown", "unknown", None, (since, applies))
    if rel_com == "within":
        assert com.earliest and com.latest
        note = _window_note(
            "put into effect: in force but not yet applied before, applied after;", com
        )
        return _Status("unknown", "estimated", (com.earliest, com.latest), (since, note))
    notes = (since, _fact_note("put into effect since", com), _later(tl))
    return _Status("in_force", com.certainty, None, notes)


def _retroactive_notes(tl: WorkTimeline, on: date, status: str) -> tuple[str, ...]:
    """The note that the act applies retroactively, when ``on`` is on or after
    the date it reaches back to, the act existed, and it is not repealed."""
    if (
        tl.retroactive is not None
        and tl.retroactive.earliest is not None
        and on >= tl.retroactive.earliest
        and status in {"not_yet_in_force", NOT_APPLIED, "in_force", "unknown"}
        and not _before_adoption(tl, on)
    ):
        return (_fact_note("applies retroactively to relations arising from", tl.retroactive),)
    return ()


def _awaits(tl: WorkTimeline, on: date, first: ExpressionInfo) -> bool:
    """True when ``first``, the work's first known wording, may be shown on ``on``
    although it does not apply for certain yet: ``on`` lies inside the window
    it applies from (the answer then labels it as pending), or it is the
    adopted text waiting for the act's own entry into force (it applies from
    the commencement and existed on ``on``). A later wording (a new edition of
    a stub) never stands in for an earlier one that is not in the corpus: a
    date never shows text that did not exist on it (issue 13, item 1)."""
    rel = relation(on, first.applies_from)
    if rel == "within":
        return True
    existed = first.date is not None and first.date <= on
    return rel == "before" and existed and first.applies_from == tl.commencement


def _wording_on(tl: WorkTimeline, on: date, exprs: list[ExpressionInfo], status: str) -> _Wording:
    """The expression that applies on ``on``: the latest applying from a date
    on or before it (the first one while not yet / unknown in force); none
    before adoption or after the repeal (then the last wording is noted)."""
    applicable = [e for e in exprs if relation(on, e.applies_from) in {"after"}]
    last: ExpressionInfo | None = None
    if applicable:
        last = applicable[-1]
    elif (
        exprs
        and status in {"not_yet_in_force", NOT_APPLIED, "unknown"}
        and _awaits(tl, on, exprs[0])
    ):
        last = exprs[0]
    if status == "not_yet_in_force" and _before_adoption(tl, on):
        assert tl.adoption is not None and tl.adoption.earliest is not None
        reason = f"the act did not exist yet on {on.isoformat()} (adopted {tl.adoption.earliest.isoformat()})"
        return _Wording(None, last, reason, ())
    if status == "repealed":
        assert tl.repeal is not None
        when = (
            f"on {iso(tl.repeal.earliest)}"
            if tl.repeal.earliest == tl.repeal.latest
            else f"between {iso(tl.repeal.earliest)} and {iso(tl.repeal.latest)} ({tl.repeal.certainty})"
        )
        reason = f"repealed {when} by {tl.repealed_by}: no wording is in force"
        notes = (f"the last wording in force is {last.uri}",) if last else ()
        return _Wording(None, last, reason, notes)
    return _Wording(last, last, None, ())


def _pending_wordings(
    on: date, exprs: list[ExpressionInfo], st: _Status, expression: ExpressionInfo | None
) -> tuple[str, tuple[date, date] | None, tuple[str, ...]]:
    """The wordings whose estimated window holds ``on`` (unless repealed):
    noted, their window the answer's if it has none, and a stated or computed
    certainty lowered to estimated when a wording is given. Returns
    (certainty, window, notes)."""
    pending = [e for e in exprs if relation(on, e.applies_from) == "within"]
    certainty, window = st.certainty, st.window
    if not pending or st.status in {"repealed"}:
        return certainty, window, ()
    notes: list[str] = []
    for p in pending:
        assert p.applies_from.earliest and p.applies_from.latest
        notes.append(
            _window_note(
                f"wording: {p.uri} ({', '.join(p.effects) or p.kind}) applies", p.applies_from
            )
        )
        window = window or (p.applies_from.earliest, p.applies_from.latest)
    if expression is not None and certainty in {"stated", "computed"}:
        certainty = "estimated"
    return certainty, window, tuple(notes)


def _missing_reason(tl: WorkTimeline, exprs: list[ExpressionInfo], use_lang: str | None) -> str:
    """Why no wording is given when the act exists and is not repealed: no text
    in the corpus (in the language), or none from before the date."""
    if not exprs:
        return (
            "the text of this act is not in the corpus (known only from citations)"
            if tl.stub
            else f"no text in language {use_lang!r} in the corpus"
        )
    return f"the wording before {exprs[0].uri} is not in the corpus" + (
        " (the original text of this act is not in the corpus)" if tl.stub else ""
    )


def point_in_time(tl: WorkTimeline, on: date, lang: str | None = None) -> PointInTime:
    """Resolve ``tl`` on ``on`` in ``lang`` (``"kk"``/``"ru"``; ``None``: the
    language of the work's corpus text, Kazakh first).

    Returns a :class:`PointInTime` whose ``text`` is left ``None``; the caller
    loads the chosen expression's text. Never raises for a valid timeline.
    """
    use_lang, exprs = _expressions_in(tl, lang)
    st = _status_on(tl, on)
    wording = _wording_on(tl, on, exprs, st.status)
    expression = wording.expression
    certainty, window, pending_notes = _pending_wordings(on, exprs, st, expression)
    notes = [*st.notes, *_retroactive_notes(tl, on, st.status), *wording.notes, *pending_notes]
    reason = wording.reason
    if expression is None and reason is None:
        reason = _missing_reason(tl, exprs, use_lang)
    if expression is not None and expression.kind == "reconstructed":
        notes.append(
            "reconstructed text: derived by reversing recorded effects, not a published text"
        )
    last = wording.last
    return PointInTime(
        others=other_texts(tl, on, expression),
        work=tl.work,
        as_of=on,
        status=st.status,
        certainty=certainty,
        expression=expression.uri if expression else None,
        expression_kind=expression.kind if expression else None,
        lang=use_lang,
        reason=reason,
        effects=expression.effects if expression else (),
        notes=tuple(notes),
        window=window,
        last_expression=last.uri if (last and st.status == "repealed") else None,
        entry_into_force=tl.in_force or tl.commencement,
        application=tl.commencement if tl.in_force is not None else None,
    )


def other_texts(tl: WorkTimeline, on: date, shown: ExpressionInfo | None) -> tuple[OtherText, ...]:
    """The wording each other language of ``tl`` gives on ``on`` beside
    ``shown`` (chosen as :func:`point_in_time` chooses it), with whether its
    version is older, the same or newer (issue 13, item 2: a reader of one
    language is told when the other's text lags behind). Empty when nothing
    is shown or versions are undated."""
    if shown is None or shown.date is None:
        return ()
    status = _status_on(tl, on).status
    out: list[OtherText] = []
    for lang in sorted({e.lang for e in tl.expressions} - {shown.lang}):
        _, exprs = _expressions_in(tl, lang)
        other = _wording_on(tl, on, exprs, status).expression
        if other is None or other.date is None:
            continue
        rel = "older" if other.date < shown.date else "newer" if other.date > shown.date else "same"
        out.append(OtherText(lang, other.uri, other.date, rel))
    return tuple(out)
