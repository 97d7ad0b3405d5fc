"""The read side of the CLI (and of the Python API): show and history.

``show`` resolves a work from a URI or a citation, answers the point-in-time
question (:mod:`lexversion.timeline.pit`) and renders the chosen expression;
``history`` lists events and effects. Both return what the CLI prints.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from lexversion.akn.frbr import LANG_OF
from lexversion.app.resolve import find_work
from lexversion.errors import NotFound, UsageError
from lexversion.i18n import N_, day, term
from lexversion.i18n import gettext as _
from lexversion.model import PointInTime, WarningRecord, WorkTimeline, each_change_once
from lexversion.phrases import explain
from lexversion.render.html import render_html
from lexversion.render.print_model import shown
from lexversion.render.print_view import history_what
from lexversion.render.text import akn_to_text
from lexversion.render.warnings import applies_on, warning_json, warning_text
from lexversion.store import Store, open_store
from lexversion.store.repository import resolve_url
from lexversion.timeline.pit import other_texts, point_in_time


@dataclass(frozen=True)
class Address:
    """What a URI's point-in-time suffix asks for (AKN naming convention, Indigo):
    ``mode`` ``at`` (``:DATE``, the latest expression on or before DATE), ``exact``
    (``@DATE``, that very expression), ``first`` (``@``, the first expression)."""

    mode: str
    on: date | None
    lang: str | None


_SUFFIX = re.compile(r"^(?:/(?P<lang>kaz|rus))?(?:(?P<op>[:@])(?P<date>\d{4}-\d{2}-\d{2})?)?$")


def resolve_address(suffix: str | None, as_of: date | None) -> Address:
    """The question a suffix and ``--as-of`` ask. ``--as-of`` wins over a suffix.

    Raises :class:`UsageError` for a malformed suffix or when nothing gives a date.
    """
    m = _SUFFIX.match(suffix or "")
    if m is None:
        raise UsageError(
            _("'{suffix}': not a point-in-time suffix (:YYYY-MM-DD, @YYYY-MM-DD or @)").format(
                suffix=suffix
            )
        )
    lang = LANG_OF.get(m.group("lang") or "")
    if as_of is not None:
        return Address("at", as_of, lang)
    op, when = m.group("op"), m.group("date")
    try:
        on = date.fromisoformat(when) if when else None
    except ValueError:
        raise UsageError(
            _("'{suffix}': {when} is not a date").format(suffix=suffix, when=when)
        ) from None
    if op == ":" and on:
        return Address("at", on, lang)
    if op == "@":
        return Address("exact" if on else "first", on, lang)
    raise UsageError(_("give --as-of DATE (or a URI ending in :YYYY-MM-DD, @YYYY-MM-DD or @)"))


def store_for(db: str | Store | None) -> Store:
    """The store ``db`` names: a :class:`Store` as is, a URL opened once per
    process (an engine and its migration check are not free). Read-only: a
    missing store raises :class:`~lexversion.errors.StoreError` (exit 4)
    naming the URL and the ``build`` command, and is never created."""
    if isinstance(db, Store):
        return db
    key = resolve_url(db)
    if key not in _STORES:
        _STORES[key] = open_store(key, create=False)
    return _STORES[key]


_STORES: dict[str, Store] = {}


def answer(
    db: str | Store | None,
    work: str,
    as_of: date | None,
    lang: str | None,
    *,
    timeline: WorkTimeline | None = None,
) -> tuple[PointInTime, bytes | None]:
    """The point-in-time answer and the chosen expression's AKN (or ``None``).

    ``timeline`` is the work's :meth:`Store.timeline` when the caller has read
    it already (a page needs it too), so that it is not read twice.
    Raises :class:`NotFound` when ``@DATE`` names no stored expression.
    """
    store = store_for(db)
    rec, suffix = find_work(store, work)
    addr = resolve_address(suffix, as_of)
    lang = lang or addr.lang
    tl = timeline if timeline is not None else store.timeline(rec.frbr_uri, cited_by=False)
    if addr.mode == "at":
        assert addr.on is not None
        pit = point_in_time(tl, addr.on, lang)
    else:
        pool = sorted(
            (x for x in tl.expressions if lang is None or x.lang == lang),
            key=lambda x: (x.date or date.min, x.uri),
        )
        chosen = pool[0] if addr.mode == "first" and pool else None
        if addr.mode == "exact":
            chosen = next((x for x in pool if x.date == addr.on), None)
        if chosen is None:
            raise NotFound(
                _("{work}: no such expression of {uri}").format(work=work, uri=rec.frbr_uri)
            )
        on = chosen.date or chosen.applies_from.earliest or date.today()
        pit = point_in_time(tl, on, chosen.lang)
        pit = replace(
            pit,
            expression=chosen.uri,
            expression_kind=chosen.kind,
            lang=chosen.lang,
            effects=chosen.effects,
            reason=None,
            others=other_texts(tl, on, chosen),
            notes=(
                *pit.notes,
                f"addressed expression {chosen.uri} (applies from: {chosen.applies_from.basis})",
            ),
        )
    akn = store.expression_akn(pit.expression) if pit.expression else None
    return pit, akn


def text_warnings(db: str | Store | None, pit: PointInTime) -> list[WarningRecord]:
    """The build's warnings that concern the answer ``pit``: those about the
    work's texts as a whole, and those about the expression shown that hold on
    its date (a change it lacks only from the day the change takes force)."""
    store = store_for(db)
    return [
        w
        for w in store.warnings(pit.work)
        if (w.expression is None or w.expression == pit.expression) and applies_on(w, pit.as_of)
    ]


def language_lines(pit: PointInTime) -> list[str]:
    """A line for each other language whose text on the date is an older or a
    newer version than the one shown (issue 13, item 2), in the reader's language."""
    lines = []
    for o in pit.others:
        if o.relation == "same":
            continue
        message = (
            _("the {language} text is older: {expression} (the version of {day})")
            if o.relation == "older"
            else _("the {language} text is newer: {expression} (the version of {day})")
        )
        lines.append(
            message.format(language=term(o.lang), expression=o.expression, day=day(o.date))
        )
    return lines


def show(
    db: str | Store | None, work: str, as_of: date | None, lang: str | None, fmt: str
) -> str | bytes | dict[str, Any]:
    """What ``lexversion show`` prints in format ``fmt`` (text, html, akn, json):
    the answer with the build's warnings about the text shown
    (:func:`text_warnings`) and how the other language's text compares
    (:func:`language_lines`)."""
    pit, akn = answer(db, work, as_of, lang)
    text = akn_to_text(akn, full=False) if akn else None
    warnings = text_warnings(db, pit)
    if fmt == "json":
        sources = store_for(db).sources_of(pit.expression) if pit.expression else []
        return {
            **pit.to_json(),
            "text": text,
            "sources": sources,
            "warnings": [warning_json(w) for w in warnings],
        }
    if fmt == "akn":
        if akn is None:
            raise UsageError(_("no text to show as AKN: {why}").format(why=explain(pit.reason)))
        return akn
    if fmt == "html":
        ctx = {
            **pit.to_json(),
            "title": pit.work,
            "lang": pit.lang or "",
            "language_lines": language_lines(pit),
            "text_warnings": [warning_text(w) for w in warnings],
        }
        if akn is None:
            return _notext_html(ctx)
        return render_html(akn, ctx)
    status = _("{status} (certainty: {certainty})").format(
        status=term(pit.status), certainty=term(pit.certainty)
    )
    kind = f" ({term(pit.expression_kind)})" if pit.expression_kind else ""
    lines = [
        _field(N_("work:"), pit.work),
        _field(N_("as of:"), day(pit.as_of)),
        _field(N_("status:"), status),
        _field(N_("expression:"), (pit.expression or "-") + kind),
    ]
    lines += _commencement_lines(pit)
    lines += [_field(N_("effect:"), explain(e)) for e in pit.effects]
    lines += [_field(N_("note:"), explain(n)) for n in pit.notes]
    lines += [_field(N_("language:"), n) for n in language_lines(pit)]
    lines += [_field(N_("warning:"), warning_text(w)) for w in warnings]
    if text is None:
        reason = explain(pit.reason)
        lines.append(_field(N_("text:"), _("none — {reason}").format(reason=reason)))
        return "\n".join(lines) + "\n"
    return "\n".join(lines) + "\n" + "-" * 72 + "\n" + text


def _commencement_lines(pit: PointInTime) -> list[str]:
    """``show``'s lines of entry into force and application (put into effect)
    when the text states them apart, each date with its certainty; none when
    one rule dates both (the notes say when the act applies)."""
    if pit.application is None or pit.entry_into_force is None:
        return []
    out = []
    for code, fact in (
        ("entry_into_force", pit.entry_into_force),
        ("application", pit.application),
    ):
        s = shown(fact, "unknown")
        out.append(f"{term(code) + ':':<11} {s.text} ({term(s.certainty)})")
    return out


def _field(label: str, value: str) -> str:
    """A line of ``show``'s header: the label (a message) in the reader's
    language, padded to a column, and the value."""
    return f"{_(label):<11} {value}"


def _notext_html(ctx: dict[str, Any]) -> str:
    from lexversion.render.html import environment

    return environment().get_template("expression.html").render(blocks=[], **ctx)


def history(db: str | Store | None, work: str, fmt: str) -> str | dict[str, Any]:
    """What ``lexversion history`` prints for ``work`` (URI or citation) in the
    store ``db``: text lines (``fmt`` ``text``), or for ``json`` the object
    ``{"work", "items"}``, each item a
    :meth:`~lexversion.model.HistoryEntry.to_json`. Raises
    :class:`~lexversion.errors.NotFound` for an unknown work."""
    store = store_for(db)
    rec, _suffix = find_work(store, work)
    items = each_change_once(store.history(rec.frbr_uri))
    if fmt == "json":
        return {"work": rec.frbr_uri, "items": [it.to_json() for it in items]}
    lines = [f"{rec.frbr_uri}  {rec.title or ''}".rstrip()]
    for it in items:
        d = it.date
        when = day(d.date) or (f"{day(d.earliest)}..{day(d.latest)}" if d.earliest else "")
        who = " " + _("by {act}").format(act=it.by) if it.by and it.by != rec.frbr_uri else ""
        on = " " + _("on {act}").format(act=it.on) if it.on != rec.frbr_uri else ""
        what = history_what(it.type)
        lines.append(f"{when or _('unknown'):<22} {what:<20} [{term(d.certainty)}]{who}{on}")
        lines.append(f"{'':<22} " + _("basis: {basis}").format(basis=explain(d.basis)))
    return "\n".join(lines) + "\n"
