"""The reader's language for lexversion's own words: Kazakh, Russian or English.

The legal text is never translated; what is translated is the interface around
it: headings, status and certainty words, event and effect names, provision
labels, dates. The words are gettext messages (msgids in English) in the
catalogs ``src/lexversion/locale/<kk|ru>/LC_MESSAGES/lexversion.po``, written
with Babel (``make messages`` extracts and updates them). The catalogs are
compiled to gettext's binary form when first used (:func:`translations`, with
Babel's ``read_po``/``write_mo``), so a fresh clone needs no build step and no
compiled ``.mo`` can be stale. English is the msgids themselves: where nothing
chooses a language, every word is exactly as before.

The language is a context variable (:func:`using`): the web app sets it per
request, the CLI per command; :func:`gettext` and the jinja2 environment of
:func:`lexversion.render.html.environment` read it. Code never branches on a
language: the differences are data in the catalogs, dates included (the
message ``{day:%Y-%m-%d}`` is translated ``{day:%d.%m.%Y}``).

Dates are accepted as ISO 8601 (``2019-06-01``) and as these readers write
them (``01.06.2019``) everywhere (:func:`parse_day`).
"""

from __future__ import annotations

import gettext as _gettext
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date
from functools import cache, lru_cache
from importlib import resources
from io import BytesIO

from babel.core import negotiate_locale
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

#: the interface languages, the default first (its words are the msgids)
LANGS = ("en", "kk", "ru")
DEFAULT = "en"
#: the gettext domain: ``locale/<lang>/LC_MESSAGES/lexversion.po``
DOMAIN = "lexversion"
#: the environment variable choosing the CLI's and the PDF's language
ENV_VAR = "LEXVERSION_UI_LANG"

_current: ContextVar[str] = ContextVar("lexversion_ui_lang", default=DEFAULT)
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_DOTTED = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_Q = re.compile(r"^\s*q\s*=\s*(\S*)\s*$")


def N_(message: str) -> str:
    """Mark ``message`` for the catalogs without translating it (a table's
    English words, translated where they are shown)."""
    return message


def po_path(lang: str) -> resources.abc.Traversable:
    """The catalog of ``lang`` inside the package (it may not exist for ``en``)."""
    return resources.files("lexversion") / "locale" / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def translations(lang: str) -> _gettext.NullTranslations:
    """The compiled catalog of ``lang`` (``en``: the msgids themselves), made once
    per process from the ``.po`` file with Babel; fuzzy entries are left out.
    Raises :class:`ValueError` for a language not in :data:`LANGS`."""
    if lang not in LANGS:
        raise ValueError(f"interface language {lang!r}: use one of {', '.join(LANGS)}")
    if lang == DEFAULT:
        return _gettext.NullTranslations()
    with po_path(lang).open("rb") as f:
        catalog = read_po(f, locale=lang, domain=DOMAIN)
    buf = BytesIO()
    write_mo(buf, catalog, use_fuzzy=False)
    buf.seek(0)
    return _gettext.GNUTranslations(buf)


def choose(value: str | None) -> str | None:
    """``value`` as an interface language (``None`` when empty); raises
    :class:`ValueError` naming the choices for anything else."""
    if not value:
        return None
    lang = value.strip().lower()
    if lang not in LANGS:
        raise ValueError(
            gettext("interface language {value}: use one of {choices}").format(
                value=repr(value), choices=", ".join(LANGS)
            )
        )
    return lang


def current() -> str:
    """The interface language of the running request or command."""
    return _current.get()


@contextmanager
def using(lang: str | None) -> Iterator[str]:
    """Run the block in interface language ``lang`` (``None``: keep the current
    one); yields the language in force. Raises :class:`ValueError` for an
    unknown language."""
    chosen = choose(lang) or current()
    token = _current.set(chosen)
    try:
        yield chosen
    finally:
        _current.reset(token)


def gettext(message: str) -> str:
    """``message`` in the current interface language."""
    return translations(current()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of ``singular``/``plural`` for ``n`` in the current language
    (Kazakh and Russian plural rules come with the catalogs' headers)."""
    return translations(current()).ngettext(singular, plural, n)


_ = gettext


#: how a day is written: a message, so each language writes it its own way
DAY_FORMAT = N_("{day:%Y-%m-%d}")


def day(d: date | None) -> str:
    """``d`` as the reader writes a day: ``2019-06-01`` in English, ``01.06.2019``
    in Kazakh and Russian (:data:`DAY_FORMAT` in the catalogs); ``""`` for ``None``."""
    return "" if d is None else _written(current(), d)


@lru_cache(maxsize=8192)
def _written(lang: str, d: date) -> str:
    """``d`` written in ``lang`` (pages print the same few days over and over)."""
    return translations(lang).gettext(DAY_FORMAT).format(day=d)


@lru_cache(maxsize=8192)
def _iso_written(lang: str, text: str) -> str:
    m = _ISO.match(text)
    return _written(lang, date(int(m[1]), int(m[2]), int(m[3]))) if m else text


def iso_day(text: str) -> str:
    """``text`` with an ISO day shown as the reader writes it (:func:`day`);
    any other text is returned as it is."""
    return _iso_written(current(), text)


def parse_day(text: str) -> date:
    """The day ``text`` names, written ``YYYY-MM-DD`` (ISO 8601) or ``DD.MM.YYYY``
    (as Kazakh and Russian acts and readers write it; the day and month may
    have one digit). Raises :class:`ValueError` for anything else, or a day that
    does not exist."""
    value = text.strip()
    if m := _ISO.match(value):
        y, mo, d = m[1], m[2], m[3]
    elif m := _DOTTED.match(value):
        d, mo, y = m[1], m[2], m[3]
    else:
        raise ValueError(
            gettext("{text}: not a date (YYYY-MM-DD or DD.MM.YYYY)").format(text=repr(text))
        )
    try:
        return date(int(y), int(mo), int(d))
    except ValueError:
        raise ValueError(gettext("{text}: no such day").format(text=repr(text))) from None


def _preferences(header: str) -> list[str]:
    """The language tags of an ``Accept-Language`` header, most wanted first
    (RFC 9110, 12.5.4: ``q`` weights; ``q=0`` means not acceptable)."""
    ranked: list[tuple[float, int, str]] = []
    for k, part in enumerate(header.split(",")):
        tag, _sep, params = part.partition(";")
        tag = tag.strip()
        q = 1.0
        m = _Q.match(params) if params else None
        if m:
            try:
                q = float(m[1])
            except ValueError:
                q = 0.0  # a weight that is no number: not a language asked for
        if not 0 <= q <= 1:
            q = 0.0
        if tag and tag != "*" and q > 0:
            ranked.append((-q, k, tag))
    return [tag for _q, _k, tag in sorted(ranked)]


@lru_cache(maxsize=256)
def negotiate(header: str | None) -> str:
    """The interface language for an ``Accept-Language`` header: the first of
    the reader's languages lexversion speaks (``ru-RU`` is Russian, ``kk-KZ``
    Kazakh; Babel's :func:`~babel.core.negotiate_locale`), else :data:`DEFAULT`."""
    if not header:
        return DEFAULT
    found = negotiate_locale(_preferences(header[:500]), list(LANGS), sep="-")
    lang = (found or DEFAULT).lower()  # Babel hands back the header's spelling ("RU")
    return lang if lang in LANGS else DEFAULT


#: codes lexversion stores and prints (statuses, certainties, kinds of text,
#: events, effects, relations) -> their English words, translated by :func:`term`.
#: The Kazakh and Russian catalogs use the words the acts themselves use
#: (DOMAIN.md 5: күшіне енді, қолданысқа енгізілді, күші жойылды, жаңа редакцияда;
#: вступил в силу, введен в действие, утратил силу, в новой редакции): entry into
#: force is "күшіне енді" / "вступил в силу", application (put into effect)
#: "қолданысқа енгізілді" / "введен в действие".
TERMS: dict[str, str] = {
    # status on a date (lexversion.model.PointInTime.status)
    "in_force": N_("in force"),
    "not_yet_in_force": N_("not yet in force"),
    "in_force_not_applied": N_("in force, not yet put into effect"),
    "repealed": N_("repealed"),
    "unknown": N_("unknown"),
    # certainty of a date (lexversion.model.Certainty)
    "stated": N_("stated"),
    "computed": N_("computed"),
    "estimated": N_("estimated"),
    # kinds of expression
    "official": N_("official"),
    "consolidated": N_("consolidated"),
    "reconstructed": N_("reconstructed"),
    "none": N_("none"),
    # events (lexversion.model.EventType)
    "adoption": N_("adoption"),
    "registration": N_("registration"),
    "publication": N_("publication"),
    "entry_into_force": N_("entry into force"),
    "application": N_("put into effect"),
    "retroactive_application": N_("retroactive application"),
    "amendment": N_("amendment"),
    "repeal": N_("repeal"),
    # effects (lexversion.model.EffectType)
    "new_edition": N_("new edition"),
    "substitution": N_("substitution"),
    "insertion": N_("insertion"),
    "provision_amended": N_("provision amended"),
    "exclusion": N_("exclusion"),
    # relations between acts (lexversion.web.neighbourhood)
    "amended by": N_("amended by"),
    "repealed by": N_("repealed by"),
    "cited by": N_("cited by"),
    "amends": N_("amends"),
    "repeals": N_("repeals"),
    "cites": N_("cites"),
    # provisions compared (lexversion.diff)
    "added": N_("added"),
    "removed": N_("removed"),
    "changed": N_("changed"),
    "moved": N_("moved"),
    "unchanged": N_("unchanged"),
    "renumbered": N_("renumbered"),
    "relocated": N_("relocated"),
    "merged": N_("merged"),
    "split": N_("split"),
    # effects in a printed text
    "applied": N_("applied"),
    "reversed": N_("reversed"),
    # how a citation was resolved to a work (lexversion.graph.matching)
    "exact": N_("exact"),
    "unique": N_("unique"),
    "fuzzy": N_("fuzzy"),
    # the two sides of a comparison
    "old": N_("old"),
    "new": N_("new"),
    # act types (AKN subtypes, lexversion.lang.kk.SUBTYPES)
    "decision": N_("decision"),
    "resolution": N_("resolution"),
    "law": N_("law"),
    "code": N_("code"),
    "decree": N_("decree"),
    "order": N_("order"),
    "constitution": N_("constitution"),
    "act": N_("act"),
    # languages of the texts
    "kk": N_("Kazakh"),
    "ru": N_("Russian"),
}


def term(code: str) -> str:
    """The reader's word for a stored code (:data:`TERMS`); an unlisted code is
    shown as it is, underscores as spaces."""
    english = TERMS.get(code)
    return gettext(english) if english is not None else code.replace("_", " ")


#: a placeholder of a catalog message, ``str.format`` style: "{name}"
_FIELD = re.compile(r"\{([a-z_]+)\}")


def template_pattern(template: str, fields: Mapping[str, str] | None = None) -> re.Pattern[str]:
    """A regular expression matching the sentences the message ``template`` writes
    (a msgid with ``{field}`` placeholders, filled by ``str.format``): each field a
    named group of the pattern ``fields[name]`` (default: as short as the rest
    allows); a field named twice must have the same value both times. How a
    sentence written in English is read back, to be said again in the reader's
    language with the same values (:mod:`lexversion.phrases`,
    :mod:`lexversion.render.parse_warnings`, :mod:`lexversion.cli.words`).
    Raises ``re.error`` for a pattern in ``fields`` that is not one."""
    out, pos, seen = [], 0, set()
    for m in _FIELD.finditer(template):
        out.append(re.escape(template[pos : m.start()]))
        name = m[1]
        pattern = (fields or {}).get(name, ".+?")
        out.append(f"(?P={name})" if name in seen else f"(?P<{name}>{pattern})")
        seen.add(name)
        pos = m.end()
    out.append(re.escape(template[pos:]))
    return re.compile("".join(out), re.DOTALL)


def resay(
    text: str,
    templates: Iterable[tuple[str, re.Pattern[str]]],
    value: Callable[[str, str], str],
) -> str:
    """``text``, an English sentence written from one of ``templates`` ((message,
    its :func:`template_pattern`), the first that matches the whole text wins),
    said again in the current language: the message's translation filled with
    the values read back, each shown as ``value(field, value)`` gives it;
    ``text`` as it is when no template matches."""
    for message, pattern in templates:
        m = pattern.fullmatch(text)
        if m is not None:
            return gettext(message).format(**{k: value(k, v) for k, v in m.groupdict().items()})
    return text
