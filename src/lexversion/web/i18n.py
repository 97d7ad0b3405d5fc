"""The languages of a request: the interface's, the text's, and the switch.

The interface language is chosen, first to last, by the ``ui`` query
parameter (kept so that older links keep working: it changes the interface
only), the ``lang`` parameter (``?lang=kk``; the switch on every page links
to it), the ``lexversion_ui`` cookie a chosen language leaves so the reader's
next pages keep it, the ``Accept-Language`` header
(:func:`lexversion.i18n.negotiate`), else English (issue 14).

``lang=kk`` or ``lang=ru`` also asks for the text in that language where the
act has one (:func:`preferred_text`): a Kazakh reader gets the Kazakh
interface and the Kazakh text, and is told when only the Russian text exists
(:mod:`lexversion.web.textlang`). Reading the other language's text with the
interface unchanged is the explicit ``text`` parameter (``?text=ru``, strict:
no such text, no text shown, and the page says why) or the address's
language (``.../rus``).

:class:`~lexversion.web.uilang.UiLanguage` (the middleware) records the
request's language (:func:`lexversion.i18n.using`) and target (:data:`target`);
:func:`switch` builds the links of the language switch from them.
"""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import parse_qsl, quote, urlencode

from lexversion.i18n import LANGS, current

#: the query parameter choosing the interface (and preferring the text) language
PARAM = "lang"
#: the older parameter choosing the interface language only (links keep working)
ALIAS = "ui"
#: the cookie keeping a chosen interface language
COOKIE = "lexversion_ui"
#: the languages a text is written in (``lang`` prefers them; ``en`` has no text)
TEXT_LANGS = ("kk", "ru")
#: each language by its own name (never translated: a reader finds their own)
AUTONYMS = {"en": "English", "kk": "Қазақша", "ru": "Русский"}

#: the path and query string of the request being answered (``None`` outside one)
target: ContextVar[tuple[str, str] | None] = ContextVar("lexversion_web_target", default=None)
#: the ``lang`` parameter of the request being answered (``None``: not given)
asked: ContextVar[str | None] = ContextVar("lexversion_web_asked", default=None)


@dataclass(frozen=True)
class UiChoice:
    """A language of the switch: its code, its own name, the page in it, and
    whether it is the one shown."""

    lang: str
    label: str
    href: str
    current: bool


def asked_text() -> str | None:
    """The text language the request's ``lang`` parameter prefers (``kk`` or
    ``ru``; ``None`` for ``en`` or none): what the JSON API prefers."""
    lang = asked.get()
    return lang if lang in TEXT_LANGS else None


def preferred_text() -> str | None:
    """The text language a page prefers where the act has it: the ``lang``
    parameter's, else the interface language's (cookie, ``Accept-Language``),
    when Kazakh or Russian; ``None`` for English."""
    lang = asked.get() or current()
    return lang if lang in TEXT_LANGS else None


@lru_cache(maxsize=4096)
def href_in(lang: str, path: str, query: str) -> str:
    """The URL of ``path`` with query ``query`` and ``lang`` set to ``lang``
    (``ui`` dropped; the other parameters, ``text`` included, kept in their order)."""
    params = [
        (k, v) for k, v in parse_qsl(query, keep_blank_values=True) if k not in (PARAM, ALIAS)
    ]
    return quote(path, safe="/:@-._~") + "?" + urlencode([*params, (PARAM, lang)])


def switch() -> tuple[UiChoice, ...]:
    """The language switch of the page being answered (empty outside a request)."""
    where = target.get()
    if where is None:
        return ()
    path, query = where
    now = current()
    return tuple(UiChoice(x, AUTONYMS[x], href_in(x, path, query), x == now) for x in LANGS)
