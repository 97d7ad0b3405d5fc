"""The HTTP edge of the web app: parameters, error answers, security headers.

Every query parameter arrives as a bounded string (FastAPI checks the length)
and is read here into a date, a choice or a number, or refused with a
:class:`~lexversion.errors.UsageError` saying which parameter and why (an
empty value, as an HTML form sends for "any", means "not given"). Errors are
answered as a page (``web_error.html``) or, under ``/api``, as JSON
``{"error": {"status", "message"}}``. :class:`Guard` refuses over-long URLs,
answers HEAD as GET and adds the security headers to every response.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from datetime import date
from typing import Annotated, Any

from fastapi import Query
from fastapi.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from lexversion import __version__
from lexversion.errors import LexversionError, NotFound, StoreError, UsageError
from lexversion.i18n import N_, parse_day
from lexversion.i18n import gettext as _
from lexversion.render.html import environment
from lexversion.web.browse import Filters
from lexversion.web.i18n import switch
from lexversion.web.refs import STATUS_WORDS

#: longest request target (path and query) accepted, in bytes
MAX_URL = 2048
#: longest value of a text parameter (a work URI or citation, an issuer)
MAX_PARAM = 300
HTML_CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)
DOWNLOAD_CSP = "default-src 'none'; style-src 'unsafe-inline'; sandbox"
#: the dates a request may name: local acts of Kazakhstan's councils and akimats
#: are of the 1990s on, so this leaves a wide margin both ways; beyond it date
#: arithmetic (a window padded by days) would leave Python's date range
FIRST_DAY = date(1900, 1, 1)
LAST_DAY = date(2100, 12, 31)
#: a date in an AKN address's point-in-time suffix (``:DATE``, ``@DATE``)
_ADDRESS_DATE = re.compile(r"[:@](\d{4}-\d{2}-\d{2})")
_TITLES = {
    400: N_("Bad request"),
    404: N_("Not found"),
    405: N_("Method not allowed"),
    414: N_("URL too long"),
}

Text = Annotated[str | None, Query(max_length=MAX_PARAM)]
Short = Annotated[str | None, Query(max_length=20)]


# -- parameters ------------------------------------------------------------------------


def _in_range(day: date, what: str) -> date:
    """``day`` when from :data:`FIRST_DAY` to :data:`LAST_DAY`, else :class:`UsageError`."""
    if not FIRST_DAY <= day <= LAST_DAY:
        raise UsageError(
            _("{what}: out of range; give a date from {first} to {last}").format(
                what=what, first=FIRST_DAY, last=LAST_DAY
            )
        )
    return day


def parse_date(value: str | None, name: str) -> date | None:
    """``value`` as a date, ``YYYY-MM-DD`` or ``DD.MM.YYYY``
    (:func:`lexversion.i18n.parse_day`), from :data:`FIRST_DAY` to
    :data:`LAST_DAY` (``None`` when empty); raises :class:`UsageError`."""
    if not value:
        return None
    try:
        day = parse_day(value)
    except ValueError:
        raise UsageError(
            _("{name}={value}: not a date (YYYY-MM-DD or DD.MM.YYYY)").format(
                name=name, value=repr(value)
            )
        ) from None
    return _in_range(day, f"{name}={value!r}")


def check_address(address: str) -> str:
    """``address`` (an AKN address) when every date of its point-in-time suffix
    (``:DATE``, ``@DATE``) is a date from :data:`FIRST_DAY` to :data:`LAST_DAY`;
    raises :class:`UsageError` naming the first that is not."""
    for m in _ADDRESS_DATE.finditer(address):
        parse_date(m.group(1), _("the date in {address}").format(address=address[:200]))
    return address


def parse_choice(value: str | None, name: str, allowed: tuple[str, ...]) -> str | None:
    """``value`` when it is one of ``allowed`` (``None`` when empty)."""
    if not value:
        return None
    if value not in allowed:
        raise UsageError(
            _("{name}={value}: use one of {choices}").format(
                name=name, value=repr(value), choices=", ".join(allowed)
            )
        )
    return value


def parse_int(value: str | None, name: str, lo: int, hi: int) -> int | None:
    """``value`` as an integer from ``lo`` to ``hi`` (``None`` when empty)."""
    if not value:
        return None
    if not value.isdigit() or not lo <= int(value) <= hi:
        raise UsageError(
            _("{name}={value}: a whole number from {lo} to {hi}").format(
                name=name, value=repr(value), lo=lo, hi=hi
            )
        )
    return int(value)


def parse_text(value: str | None) -> str | None:
    """The ``text`` parameter, the language of the text asked for explicitly:
    ``kk`` or ``ru`` (``None`` when empty)."""
    return parse_choice(value, "text", ("kk", "ru"))


# -- responses -------------------------------------------------------------------------


def render(template: str, **context: Any) -> str:
    """``template`` rendered through the jinja2 environment of the request's
    interface language, with the language switch (``ui``) of the request."""
    return environment().get_template(template).render(version=__version__, ui=switch(), **context)


def _error_body(path: str, status: int, message: str) -> tuple[bytes, str]:
    """The body and media type of an error: JSON under ``/api``, else a page."""
    if path.startswith("/api"):
        body = {"error": {"status": status, "message": message}}
        return json.dumps(body, ensure_ascii=False).encode(), "application/json"
    title = _TITLES.get(status, N_("Error") if status < 500 else N_("Server error"))
    html = render("web_error.html", status=status, title=title, message=message)
    return html.encode(), "text/html; charset=utf-8"


def error_response(
    path: str, status: int, message: str, headers: Mapping[str, str] | None = None
) -> Response:
    """The error response for ``path`` (see :func:`_error_body`), with ``headers``
    (e.g. the ``Allow`` of a 405)."""
    body, media = _error_body(path, status, message)
    return Response(body, status_code=status, media_type=media, headers=headers)


class Busy(LexversionError):
    """The server cannot take this request now (HTTP 503); trying later will do."""

    exit_code = 4


def status_of(exc: LexversionError) -> int:
    """The HTTP status of a library error: 404 not found, 503 store or busy, else 400."""
    if isinstance(exc, NotFound):
        return 404
    if isinstance(exc, StoreError | Busy):
        return 503
    return 400


class Guard:
    """ASGI middleware: refuses over-long URLs (414), answers HEAD as GET
    without a body, and adds the security headers (CSP without scripts, no
    sniffing, no referrer, no framing)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Answer one ASGI event: an over-long URL with 414 itself, anything else
        through the app with the headers added (and no body for HEAD)."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        size = len(scope.get("raw_path") or b"") + len(scope.get("query_string") or b"")
        if size > MAX_URL:
            body, media = _error_body(
                scope["path"][:100], 414, f"the URL is {size} bytes long; at most {MAX_URL}"
            )
            await send(
                {
                    "type": "http.response.start",
                    "status": 414,
                    "headers": [
                        (b"content-type", media.encode()),
                        (b"content-length", str(len(body)).encode()),
                        (b"content-security-policy", HTML_CSP.encode()),
                    ],
                }
            )
            await send({"type": "http.response.body", "body": body})
            return

        head = scope["method"] == "HEAD"
        if head:  # answered as GET without the body (RFC 9110, 9.3.2)
            scope = {**scope, "method": "GET"}

        async def send_with_headers(message: Message) -> None:
            if head and message["type"] == "http.response.body":
                message = {**message, "body": b""}
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {k.lower() for k, _ in headers}
                if b"content-security-policy" not in names:
                    headers.append((b"content-security-policy", HTML_CSP.encode()))
                headers += [
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"no-referrer"),
                    (b"x-frame-options", b"DENY"),
                ]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def json_response(body: bytes) -> Response:
    """A JSON response of already serialised ``body``."""
    return Response(body, media_type="application/json")


def dated(address: str) -> bool:
    """Whether an address names a date or an expression (``:D``, ``@D``, ``@``)."""
    return ":" in address.removeprefix("/akn/") or "@" in address


def filters_from(
    on: str | None,
    region: str | None,
    issuer: str | None,
    status: str | None,
    act_type: str | None,
    year: str | None,
    text: str | None,
    page: str | None,
) -> Filters:
    """The browser's filters from query parameters (``text``: ``yes`` a text in
    the corpus, ``kk``/``ru`` a text in that language, ``stub`` none); raises
    :class:`UsageError`."""
    if region and not re.fullmatch(r"KZ(-\d{2})?", region):
        raise UsageError(
            _("region={value}: an ISO 3166-2:KZ code such as KZ-19, or KZ").format(
                value=repr(region)
            )
        )
    if act_type and not re.fullmatch(r"[a-z_]{1,20}", act_type):
        raise UsageError(
            _("type={value}: an act type such as decision").format(value=repr(act_type))
        )
    return Filters(
        on=parse_date(on, "on") or date.today(),
        region=region or None,
        issuer=issuer.strip() or None if issuer else None,
        status=parse_choice(status, "status", tuple(STATUS_WORDS)),
        act_type=act_type or None,
        year=parse_int(year, "year", 1900, 2100),
        lang=text if text in ("kk", "ru") else None,
        text=parse_choice(text, "text", ("yes", "kk", "ru", "stub"))
        if text not in ("kk", "ru")
        else None,
        page=parse_int(page, "page", 1, 10000) or 1,
    )
