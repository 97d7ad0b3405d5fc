"""ASGI middleware choosing each request's interface language (:mod:`lexversion.web.i18n`).

For every HTTP request it picks the language (``?ui=``, ``?lang=``, the
cookie, ``Accept-Language``, English), runs the app in it
(:func:`lexversion.i18n.using`: templates, view models and error pages all
read it), remembers the ``lang`` asked for (the text it prefers) and the
target for the switch, leaves the cookie when a parameter chose a language,
and says that answers vary by ``Accept-Language`` and ``Cookie``. An unknown
``ui`` or ``lang`` is a 400 page saying which languages there are.
"""

from __future__ import annotations

from urllib.parse import parse_qsl

from starlette.requests import cookie_parser
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from lexversion.i18n import LANGS, choose, gettext, negotiate, using
from lexversion.web.http import error_response
from lexversion.web.i18n import ALIAS, COOKIE, PARAM, asked, target

#: a year, in seconds: how long the cookie keeps a chosen language
COOKIE_AGE = 365 * 24 * 3600


def _param(query: str, name: str) -> str:
    """The parameter ``name`` of a query string (``""`` when absent), at most 20 characters."""
    if name + "=" not in query:
        return ""
    return next((v for k, v in parse_qsl(query, keep_blank_values=True) if k == name), "")[:20]


def _chosen(query: str) -> tuple[str | None, str | None]:
    """(the interface language the query chooses, its ``lang``): ``ui`` first,
    then ``lang``; raises :class:`ValueError` naming the parameter for a value
    that is no language."""
    values = {name: _param(query, name) for name in (ALIAS, PARAM)}
    langs: dict[str, str | None] = {}
    for name, value in values.items():
        try:
            langs[name] = choose(value)
        except ValueError:
            raise ValueError(
                gettext("{name}={value}: use one of {choices}").format(
                    name=name, value=repr(value), choices=", ".join(LANGS)
                )
            ) from None
    return langs[ALIAS] or langs[PARAM], langs[PARAM]


def _cookie(header: str) -> str | None:
    """The language cookie's value in a ``Cookie`` header (Starlette's parser)."""
    return cookie_parser(header).get(COOKIE)


def _quiet(value: str | None) -> str | None:
    """``value`` as a language, ``None`` for anything else (a stale cookie)."""
    try:
        return choose(value)
    except ValueError:
        return None


class UiLanguage:
    """Run each HTTP request in the reader's interface language."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Answer one ASGI event in the language the request chooses."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        query = scope.get("query_string", b"").decode("latin-1")
        kept = None
        header = None
        for name, value in scope.get("headers", ()):
            if name == b"cookie":
                kept = _quiet(_cookie(value.decode("latin-1")))
            elif name == b"accept-language":
                header = value.decode("latin-1")
        fallback = kept or negotiate(header)
        token = target.set((scope["path"], query))
        try:
            chosen, lang = _chosen(query)
        except ValueError as exc:
            with using(fallback):
                await error_response(scope["path"], 400, str(exc))(scope, receive, send)
            target.reset(token)
            return
        asked_token = asked.set(lang)

        async def send_with_language(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                if not any(k.lower() == b"vary" for k, _v in headers):
                    headers.append((b"vary", b"Accept-Language, Cookie"))
                if chosen and chosen != kept:
                    cookie = f"{COOKIE}={chosen}; Path=/; Max-Age={COOKIE_AGE}; SameSite=Lax"
                    headers.append((b"set-cookie", cookie.encode()))
                message = {**message, "headers": headers}
            await send(message)

        try:
            with using(chosen or fallback):
                await self.app(scope, receive, send_with_language)
        finally:
            asked.reset(asked_token)
            target.reset(token)
