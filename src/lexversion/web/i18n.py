"""The interface language of a request and the switch that changes it.

The language is chosen, first to last, by the ``ui`` query parameter
(``?ui=kk``; the switch on every page links to it), the ``lexversion_ui``
cookie a chosen ``ui`` leaves so the reader's next pages keep it, the
``Accept-Language`` header (:func:`lexversion.i18n.negotiate`), else English.
``ui`` and not ``lang``: ``lang`` already names the language of the *text*
(kk or ru) on every page and in the JSON API, and a Russian-reading
researcher may want a Kazakh text, so the two choices stay apart.

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

#: the query parameter and the cookie that choose the interface language
PARAM = "ui"
COOKIE = "lexversion_ui"
#: each language by its own name (never translated: a reader finds their own)
AUTONYMS = {"en": "English", "kk": "Қазақша", "ru": "Русский"}

#: the path and query string of the request being answered (``None`` outside one)
target: ContextVar[tuple[str, str] | None] = ContextVar("lexversion_web_target", default=None)


@dataclass(frozen=True)
class UiChoice:
    """A language of the switch: its code, its own name, the page in it, and
    whether it is the one shown."""

    lang: str
    label: str
    href: str
    current: bool


@lru_cache(maxsize=4096)
def href_in(lang: str, path: str, query: str) -> str:
    """The URL of ``path`` with query ``query`` and ``ui`` set to ``lang`` (the
    other parameters kept in their order)."""
    params = [(k, v) for k, v in parse_qsl(query, keep_blank_values=True) if k != PARAM]
    return quote(path, safe="/:@-._~") + "?" + urlencode([*params, (PARAM, lang)])


def switch() -> tuple[UiChoice, ...]:
    """The language switch of the page being answered (empty outside a request)."""
    where = target.get()
    if where is None:
        return ()
    path, query = where
    now = current()
    return tuple(UiChoice(x, AUTONYMS[x], href_in(x, path, query), x == now) for x in LANGS)
