"""The manifestations of a work (``.xml``, ``.html``, ``.txt``, ``.pdf``) and the
date picker's redirect.

A download is what ``lexversion show`` prints in that format (the AKN XML, the
HTML page, the plain text) of the text the address names, or today's when it
names no date; a PDF is the print view (:func:`lexversion.app.print.print_view`)
of the text in force on the date the address ends in, made by WeasyPrint one
at a time (a request waits at most :data:`~lexversion.web.context.PDF_WAIT`
seconds for the maker). Downloads carry their own Content-Security-Policy
(:data:`~lexversion.web.http.DOWNLOAD_CSP`) and a safe file name.
"""

from __future__ import annotations

import re
from datetime import date

from fastapi.concurrency import run_in_threadpool
from fastapi.responses import RedirectResponse, Response

from lexversion.akn.frbr import LANG_OF, parse_work_uri
from lexversion.app.print import print_view
from lexversion.app.query import show
from lexversion.app.resolve import find_work
from lexversion.errors import NotFound, UsageError
from lexversion.i18n import current
from lexversion.i18n import gettext as _
from lexversion.render.pdf import html_to_pdf, render_print_html
from lexversion.store.repository import Store
from lexversion.web.context import PDF_WAIT, WebContext
from lexversion.web.http import DOWNLOAD_CSP, Busy, dated, parse_date
from lexversion.web.refs import FORMATS, work_href

#: manifestation extension -> ``show`` format
SHOW_FORMATS = {"xml": "akn", "html": "html", "txt": "text"}


def picked(path: str, on: date | None, lang: str | None) -> RedirectResponse:
    """The date picker's answer for work page ``path``: a redirect (303) to the
    AKN address of the work on ``on`` in ``lang`` (else the path's language).
    Raises :class:`UsageError` for a path that is no work URI."""
    try:
        uri, suffix = parse_work_uri(path)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    m = re.match(r"^/(kaz|rus)", suffix or "")
    lang = lang or (LANG_OF[m.group(1)] if m else None)
    return RedirectResponse(work_href(uri, on, lang), status_code=303)


def _text(store: Store, address: str, ext: str, lang: str | None) -> bytes:
    """The bytes of manifestation ``ext`` (not PDF) of ``address``: blocking."""
    fmt = SHOW_FORMATS[ext]
    out = show(store, address, None if dated(address) else date.today(), lang, fmt)
    assert isinstance(out, str | bytes)
    return out.encode("utf-8") if isinstance(out, str) else out


def pdf(ctx: WebContext, address: str, lang: str | None) -> bytes:
    """The PDF of the text ``address`` (ending in ``:DATE``) names, cached; blocking.

    Raises :class:`UsageError` when the address names no date,
    :class:`~lexversion.web.http.Busy` when another PDF is being made for longer
    than :data:`~lexversion.web.context.PDF_WAIT` seconds,
    :class:`~lexversion.errors.NotFound` for an unknown work.
    """
    rec, suffix = ctx.read(lambda s: find_work(s, address))
    m = re.match(r"^(?:/(kaz|rus))?:(\d{4}-\d{2}-\d{2})$", suffix or "")
    if m is None:
        raise UsageError(_("a PDF is made of the text in force on a date: end the URI in :DATE"))
    on = parse_date(m.group(2), _("the PDF's date"))
    assert on is not None
    lang = lang or (LANG_OF[m.group(1)] if m.group(1) else None)

    def make() -> bytes:
        if not ctx.pdf_lock.acquire(timeout=PDF_WAIT):
            raise Busy(_("the PDF maker is busy with another PDF; try again in a moment"))
        try:
            html = ctx.read(lambda s: render_print_html(print_view(s, rec.frbr_uri, on, lang)))
            return html_to_pdf(html)
        finally:
            ctx.pdf_lock.release()

    return ctx.pdfs.get((rec.frbr_uri, on, lang, current()), make)


async def download(ctx: WebContext, address: str, ext: str, lang: str | None) -> Response:
    """The response downloading manifestation ``ext`` of ``address`` in ``lang``.
    Raises :class:`NotFound` for an extension not in :data:`~lexversion.web.refs.FORMATS`
    (and what :func:`pdf` or ``show`` raise)."""
    if ext not in FORMATS:
        raise NotFound(
            _("no manifestation .{ext}: use one of {choices}").format(
                ext=ext, choices=", ".join("." + f for f in FORMATS)
            )
        )
    name = re.sub(r"[^A-Za-z0-9@._-]+", "_", address.removeprefix("/akn/")) + "." + ext
    if ext == "pdf":
        data = await run_in_threadpool(pdf, ctx, address, lang)
    else:
        key = ("download", address, ext, lang, date.today())
        data = await ctx.cached(key, lambda s: _text(s, address, ext, lang))
    return Response(
        data,
        media_type=FORMATS[ext][1],
        headers={
            "content-disposition": f'attachment; filename="{name}"',
            "content-security-policy": DOWNLOAD_CSP,
        },
    )
