"""The read side of the CLI (and of the Python API): show and history.

``show`` resolves a work from a URI or a citation, answers the point-in-time
question (:mod:`lexversion.timeline.pit`) and renders the chosen expression;
``history`` lists events and effects. Both return what the CLI prints.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from lexversion.errors import UsageError
from lexversion.render.html import render_html
from lexversion.render.text import akn_to_text
from lexversion.resolve import find_work
from lexversion.store import open_store
from lexversion.timeline.pit import PointInTime, point_in_time


def resolve_date(suffix: str | None, as_of: date | None) -> tuple[date, str | None]:
    """The query date from ``--as-of`` or the URI's ``:DATE`` / ``@DATE`` suffix.

    ``@`` alone (the first expression) is answered as of the work's adoption by
    the caller. Raises :class:`UsageError` when neither gives a date.
    """
    if as_of is not None:
        return as_of, None
    if suffix:
        tail = suffix.split("@")[-1] if "@" in suffix else suffix.lstrip(":")
        if tail.startswith("/"):
            tail = tail.rsplit("@", 1)[-1]
        if not tail:
            return date.min, "@"
        try:
            return date.fromisoformat(tail), None
        except ValueError:
            raise UsageError(
                f"'{suffix}': not a point-in-time suffix (:YYYY-MM-DD or @YYYY-MM-DD)"
            ) from None
    raise UsageError("give --as-of DATE (or a URI ending in :YYYY-MM-DD)")


def answer(
    db: str | None, work: str, as_of: date | None, lang: str | None
) -> tuple[PointInTime, bytes | None]:
    """The point-in-time answer and the chosen expression's AKN (or ``None``)."""
    store = open_store(db)
    rec, suffix = find_work(store, work)
    on, mode = resolve_date(suffix, as_of)
    tl = store.timeline(rec.frbr_uri)
    if mode == "@":
        first = tl.commencement.latest or tl.commencement.earliest or rec.date or date.today()
        on = first
    pit = point_in_time(tl, on, lang)
    akn = store.expression_akn(pit.expression) if pit.expression else None
    return pit, akn


def show(
    db: str | None, work: str, as_of: date | None, lang: str | None, fmt: str
) -> str | bytes | dict[str, Any]:
    """What ``lexversion show`` prints in format ``fmt`` (text, html, akn, json)."""
    pit, akn = answer(db, work, as_of, lang)
    text = akn_to_text(akn, full=False) if akn else None
    if fmt == "json":
        return {**pit.to_json(), "text": text}
    if fmt == "akn":
        if akn is None:
            raise UsageError(f"no text to show as AKN: {pit.reason}")
        return akn
    if fmt == "html":
        ctx = {**pit.to_json(), "title": pit.work, "lang": pit.lang or ""}
        if akn is None:
            return _notext_html(ctx)
        return render_html(akn, ctx)
    lines = [
        f"work:       {pit.work}",
        f"as of:      {pit.as_of.isoformat()}",
        f"status:     {pit.status} (certainty: {pit.certainty})",
        f"expression: {pit.expression or '-'}"
        + (f" ({pit.expression_kind})" if pit.expression_kind else ""),
    ]
    lines += [f"effect:     {e}" for e in pit.effects]
    lines += [f"note:       {n}" for n in pit.notes]
    if text is None:
        lines.append(f"text:       none — {pit.reason}")
        return "\n".join(lines) + "\n"
    return "\n".join(lines) + "\n" + "-" * 72 + "\n" + text


def _notext_html(ctx: dict[str, Any]) -> str:
    from lexversion.render.html import environment

    return environment().get_template("expression.html").render(blocks=[], **ctx)


def history(db: str | None, work: str, fmt: str) -> str | dict[str, Any]:
    """What ``lexversion history`` prints: text lines or a JSON object."""
    store = open_store(db)
    rec, _ = find_work(store, work)
    items = store.history(rec.frbr_uri)
    if fmt == "json":
        return {"work": rec.frbr_uri, "items": items}
    lines = [f"{rec.frbr_uri}  {rec.title or ''}".rstrip()]
    for it in items:
        when = it["date"] or (f"{it['earliest']}..{it['latest']}" if it["earliest"] else "unknown")
        who = f" by {it['by']}" if it["by"] and it["by"] != rec.frbr_uri else ""
        on = f" on {it['on']}" if it["on"] != rec.frbr_uri else ""
        lines.append(f"{when:<22} {it['type']:<20} [{it['certainty']}]{who}{on}")
        lines.append(f"{'':<22} basis: {it['basis']}")
    return "\n".join(lines) + "\n"
