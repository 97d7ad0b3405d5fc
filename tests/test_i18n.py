"""The interface languages (lexversion.i18n, issue 14): catalogs complete and
current, dates read and written both ways, Accept-Language negotiation."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from hypothesis import given
from hypothesis import strategies as st

from lexversion.i18n import (
    DEFAULT,
    LANGS,
    TERMS,
    day,
    gettext,
    negotiate,
    ngettext,
    parse_day,
    po_path,
    term,
    translations,
    using,
)
from tests.conftest import REPO_ROOT

#: the languages with a catalog (English is the msgids themselves)
TRANSLATED = [x for x in LANGS if x != DEFAULT]
KEYWORDS = {"_": None, "N_": None, "gettext": None, "ngettext": (1, 2)}
_PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|\{[a-z_]+(?::[^}]*)?\}")


def _extracted() -> dict[str | tuple[str, str], list[str]]:
    """Every message of the sources, as ``make messages`` extracts it (babel.cfg)."""
    found: dict[str | tuple[str, str], list[str]] = {}
    for sub, method, options in (
        ("src/lexversion", "python", {}),
        ("templates", "jinja2", {"extensions": "jinja2.ext.i18n"}),
    ):
        pattern = "**.py" if method == "python" else "**.html"
        for name, _line, message, _comments, _context in extract_from_dir(
            str(REPO_ROOT / sub),
            method_map=[(pattern, method)],
            options_map={pattern: options},
            keywords=KEYWORDS,
        ):
            key = message if isinstance(message, str) else (message[0], message[1])
            found.setdefault(key, []).append(f"{sub}/{name}")
    return found


def _catalog(lang: str) -> Catalog:
    with Path(str(po_path(lang))).open("rb") as f:
        return read_po(f, locale=lang)


@pytest.fixture(scope="module")
def extracted() -> dict[str | tuple[str, str], list[str]]:
    return _extracted()


def test_the_sources_have_messages(extracted: dict[str | tuple[str, str], list[str]]) -> None:
    assert len(extracted) > 200
    assert "in force" in extracted and "{day:%Y-%m-%d}" in extracted


@pytest.mark.parametrize("lang", TRANSLATED)
def test_catalog_is_complete(lang: str, extracted: dict[str | tuple[str, str], list[str]]) -> None:
    """0 untranslated, fuzzy or missing msgids in the Kazakh and Russian catalogs."""
    catalog = _catalog(lang)
    untranslated = []
    for key, where in extracted.items():
        msgid = key if isinstance(key, str) else key[0]
        m = catalog.get(msgid)
        strings = [] if m is None else [m.string] if isinstance(m.string, str) else m.string
        if m is None or m.fuzzy or not strings or not all(strings):
            untranslated.append((msgid, where[0]))
    assert untranslated == [], (
        f"{len(untranslated)} untranslated in {lang} (translate them in {po_path(lang)}; "
        f"make messages adds new msgids): {untranslated[:5]}"
    )


@pytest.mark.parametrize("lang", TRANSLATED)
def test_catalog_holds_no_stale_message(
    lang: str, extracted: dict[str | tuple[str, str], list[str]]
) -> None:
    wanted = {k if isinstance(k, str) else k[0] for k in extracted}
    stale = [
        m.id
        for m in _catalog(lang)
        if m.id and (m.id if isinstance(m.id, str) else m.id[0]) not in wanted
    ]
    assert stale == []


@pytest.mark.parametrize("lang", TRANSLATED)
def test_translations_keep_the_placeholders(lang: str) -> None:
    for m in _catalog(lang):
        if not m.id:
            continue
        ids = [m.id] if isinstance(m.id, str) else list(m.id)
        strings = [m.string] if isinstance(m.string, str) else list(m.string)
        want = sorted(_PLACEHOLDER.findall(ids[0]), key=str)
        for s in strings:
            got = sorted(_PLACEHOLDER.findall(s), key=str)
            if "{day:" in ids[0]:  # the date pattern is what is translated
                assert got and got[0].startswith("{day:"), (m.id, s)
            else:
                assert got == want, (m.id, s)


@pytest.mark.parametrize("lang", LANGS)
def test_every_term_has_words(lang: str) -> None:
    with using(lang):
        for code, english in TERMS.items():
            words = term(code)
            assert words
            if lang == DEFAULT:
                assert words == english
            elif code not in {"act", "code", "constitution"}:  # the same word in Russian
                assert words != english, (lang, code)


# -- the words the acts use (DOMAIN.md 5) ------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "code", "words"),
    [
        ("kk", "entry_into_force", "күшіне енді"),
        ("kk", "application", "қолданысқа енгізілді"),
        ("kk", "in_force_not_applied", "күшіне енді, әлі қолданысқа енгізілмеген"),
        ("kk", "repealed", "күші жойылды"),
        ("kk", "new_edition", "жаңа редакцияда"),
        ("ru", "entry_into_force", "вступил в силу"),
        ("ru", "application", "введен в действие"),
        ("en", "application", "put into effect"),
        ("ru", "repealed", "утратил силу"),
        ("ru", "new_edition", "в новой редакции"),
        ("en", "in_force", "in force"),
        ("kk", "in_force", "күшінде"),
        ("ru", "in_force", "действует"),
        ("ru", "estimated", "оценка"),
        ("kk", "stated", "көрсетілген"),
    ],
)
def test_terms_are_the_acts_words(lang: str, code: str, words: str) -> None:
    with using(lang):
        assert term(code) == words


def test_in_force_column_uses_the_acts_words() -> None:
    with using("kk"):
        assert gettext("In force") == "Күшіне енді"
    with using("ru"):
        assert gettext("In force") == "Вступил в силу"


@pytest.mark.parametrize(
    ("lang", "n", "words"),
    [
        ("en", 1, "1 work"),
        ("en", 5, "5 works"),
        ("ru", 1, "1 акт"),
        ("ru", 3, "3 акта"),
        ("ru", 5, "5 актов"),
        ("ru", 21, "21 акт"),
        ("kk", 5, "5 акт"),
    ],
)
def test_plural_forms(lang: str, n: int, words: str) -> None:
    with using(lang):
        assert ngettext("%(num)d work", "%(num)d works", n) % {"num": n} == words


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="use one of en, kk, ru"):
        translations("de")
    with pytest.raises(ValueError, match="use one of en, kk, ru"), using("fr"):
        pass


def test_using_restores_the_language() -> None:
    before = gettext("Search")
    with using("ru"):
        assert gettext("Search") == "Поиск"
        with using("kk"):
            assert gettext("Search") == "Іздеу"
        assert gettext("Search") == "Поиск"
    assert gettext("Search") == before


# -- dates ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("2019-06-01", date(2019, 6, 1)),
        ("01.06.2019", date(2019, 6, 1)),
        ("1.6.2019", date(2019, 6, 1)),
        (" 16.04.2024 ", date(2024, 4, 16)),
        ("29.02.2024", date(2024, 2, 29)),
    ],
)
def test_parse_day_both_forms(text: str, want: date) -> None:
    assert parse_day(text) == want


@pytest.mark.parametrize(
    "bad",
    ["", "2019-6-1", "01.06.19", "32.01.2019", "29.02.2023", "2019/06/01", "today", "01-06-2019"],
)
def test_parse_day_refuses(bad: str) -> None:
    with pytest.raises(ValueError):
        parse_day(bad)


@pytest.mark.parametrize(
    ("lang", "shown"), [("en", "2019-06-01"), ("kk", "01.06.2019"), ("ru", "01.06.2019")]
)
def test_day_is_written_as_the_reader_writes_it(lang: str, shown: str) -> None:
    with using(lang):
        assert day(date(2019, 6, 1)) == shown


@given(st.dates(min_value=date(1000, 1, 1)), st.sampled_from(LANGS))
def test_day_reads_back(d: date, lang: str) -> None:
    """What is shown in any language is read back as the same day."""
    with using(lang):
        assert parse_day(day(d)) == d
        assert parse_day(d.isoformat()) == d


# -- Accept-Language -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "lang"),
    [
        (None, "en"),
        ("", "en"),
        ("kk", "kk"),
        ("kk-KZ,kk;q=0.9", "kk"),
        ("ru-RU,ru;q=0.9,en-US;q=0.8,en;q=0.7", "ru"),
        ("de-DE,de;q=0.9,ru;q=0.5", "ru"),
        ("en;q=0.5,kk;q=0.9", "kk"),
        ("RU", "ru"),
        ("fr, de", "en"),
        ("*", "en"),
        ("ru;q=0, kk;q=0.1", "kk"),
        ("ru;q=abc", "en"),
        ("en-GB", "en"),
    ],
)
def test_negotiate(header: str | None, lang: str) -> None:
    assert negotiate(header) == lang
