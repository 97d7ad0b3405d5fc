"""Citations of other acts in both languages by spaCy rule matching (issue 3, item 5).

Table-driven: act type, issuer, date, number, quoted title, register number and
pinpoint of references written the ways the database writes them; laws cited
without a number; then every corpus document: the citations the graph needs,
their FRBR URIs as AKN ``ref`` elements, and their spans in the raw file.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import NamedTuple

import pytest
import spacy
from lxml import etree

from lexversion.akn.build import document_to_akn
from lexversion.akn.validate import NS
from lexversion.lang.kk.language import Kazakh
from lexversion.model import Document
from lexversion.parse.citations import find, pipeline, quote_pairs, slug, work_uri
from tests.conftest import corpus_file


class Case(NamedTuple):
    id: str
    lang: str
    text: str
    act_type: str | None
    region: str | None
    body: str | None
    date: date
    number: str | None
    title: str | None = None
    pinpoint: str | None = None
    registration: str | None = None
    href: str | None = None


CASES = [
    Case(
        "kk-decision-title-before",
        "kk",
        '"Астана қаласының көші-қон процестерін реттеу қағидаларын бекіту туралы" Астана қаласы '
        "мәслихатының 2019 жылғы 6 наурыздағы № 356/45-VI шешімінің",
        "decision",
        "KZ-71",
        "maslikhat",
        date(2019, 3, 6),
        "356/45-VI",
        title="Астана қаласының көші-қон процестерін реттеу қағидаларын бекіту туралы",
        href="/akn/kz-71/act/decision/2019-03-06/356-45-vi",
    ),
    Case(
        "kk-law-numberless-with-pinpoint",
        "kk",
        '"Қазақстан Республикасындағы жергілікті мемлекеттік басқару және өзін-өзі басқару '
        'туралы" 2001 жылғы 23 қаңтардағы Қазақстан Республикасы Заңының 6-бабының 2-тармағына '
        "сәйкес",
        "law",
        None,
        "parliament",
        date(2001, 1, 23),
        None,
        title="Қазақстан Республикасындағы жергілікті мемлекеттік басқару және өзін-өзі басқару туралы",
        pinpoint="6-бабының 2-тармағына",
        href="/akn/kz/act/law/2001-01-23/148-ii",
    ),
    Case(
        "kk-law-republic-first",
        "kk",
        'Қазақстан Республикасының 2016 жылғы 6 сәуірдегі "Құқықтық актілер туралы" Заңының '
        "27-бабына сәйкес",
        "law",
        None,
        "parliament",
        date(2016, 4, 6),
        None,
        title="Құқықтық актілер туралы",
        pinpoint="27-бабына",
    ),
    Case(
        "kk-law-with-number",
        "kk",
        'Қазақстан Республикасының "Халықтың көші-қоны туралы" 1997 жылғы 13 желтоқсандағы '
        "N 204-I Заңымен",
        "law",
        None,
        "parliament",
        date(1997, 12, 13),
        "204-I",
        title="Халықтың көші-қоны туралы",
        href="/akn/kz/act/law/1997-12-13/204-i",
    ),
    Case(
        "kk-register-number",
        "kk",
        'Астана қаласы мәслихатының 2004 жылғы 8 сәуiрдегi N 225/42-II "Көшi-қон саясаты '
        'туралы" шешiмi (Нормативтiк-құқықтық актiлердi мемлекеттiк тiркеу реестрiнде 266 '
        "нөмiрмен тiркелген)",
        "decision",
        "KZ-71",
        "maslikhat",
        date(2004, 4, 8),
        "225/42-II",
        title="Көшi-қон саясаты туралы",
        registration="266",
    ),
    Case(
        "kk-government-after-number",
        "kk",
        '"Ішкі көшіп-қонушыларды тіркеу қағидаларын бекіту туралы" 2011 жылғы 1 желтоқсандағы '
        "№ 1427 Қазақстан Республикасы Үкіметінің қаулысына сәйкес",
        "resolution",
        None,
        "government",
        date(2011, 12, 1),
        "1427",
        title="Ішкі көшіп-қонушыларды тіркеу қағидаларын бекіту туралы",
    ),
    Case(
        "ru-decision-register-number",
        "ru",
        'Внести в решение маслихата города Алматы от 15 сентября 2017 года № 152 "Об '
        'утверждении правил" (зарегистрировано в Реестре государственной регистрации '
        "нормативных правовых актов за № 1410, опубликовано 19 октября 2017 года в газетах)",
        "decision",
        "KZ-75",
        "maslikhat",
        date(2017, 9, 15),
        "152",
        title="Об утверждении правил",
        registration="1410",
        href="/akn/kz-75/act/decision/2017-09-15/152",
    ),
    Case(
        "ru-law-numberless-pinpoint-before",
        "ru",
        'В соответствии со статьей 26 Закона Республики Казахстан от 6 апреля 2016 года "О '
        'правовых актах"',
        "law",
        None,
        "parliament",
        date(2016, 4, 6),
        None,
        title="О правовых актах",
        pinpoint="статьей 26",
        href="/akn/kz/act/law/2016-04-06/480-v",
    ),
    Case(
        "ru-subpoint-point-article",
        "ru",
        "согласно подпункту 1) пункта 1 статьи 15 Закона Республики Казахстан от 22 июля 2011 "
        'года № 477-IV "О миграции населения"',
        "law",
        None,
        "parliament",
        date(2011, 7, 22),
        "477-IV",
        title="О миграции населения",
        pinpoint="подпункту 1) пункта 1 статьи 15",
    ),
    Case(
        "ru-ministry-order-registered",
        "ru",
        "приказом Министра труда и социальной защиты населения Республики Казахстан от 26 июля "
        "2023 года № 312 (зарегистрирован в Реестре государственной регистрации нормативных "
        "правовых актов № 33163)",
        "order",
        None,
        "ministry",
        date(2023, 7, 26),
        "312",
        registration="33163",
    ),
    Case(
        "ru-government-quoted-day",
        "ru",
        'постановлением Правительства Республики Казахстан от "1" декабря 2011 года №1427 "Об '
        'утверждении Правил регистрации внутренних мигрантов"',
        "resolution",
        None,
        "government",
        date(2011, 12, 1),
        "1427",
        title="Об утверждении Правил регистрации внутренних мигрантов",
    ),
    Case(
        "ru-akimat-district",
        "ru",
        "постановлением акимата Аягозского района от 3 марта 2015 года № 99",
        "resolution",
        None,
        "akimat",
        date(2015, 3, 3),
        "99",
    ),
]


@pytest.mark.parametrize("case", [pytest.param(c, id=c.id) for c in CASES])
def test_citation(case: Case) -> None:
    found = [f for f in find(case.text, case.lang) if f.kind == "citation"]
    assert len(found) == 1, found
    (f,) = found
    a = f.act
    assert (a.act_type, a.region, a.body, a.date, a.number) == (
        case.act_type,
        case.region,
        case.body,
        case.date,
        case.number,
    )
    assert f.title == case.title
    assert f.pinpoint == case.pinpoint
    assert f.registration == case.registration
    if case.href:
        assert work_uri(a) == case.href
    span = case.text[f.start : f.end]
    assert span.strip() == span and span
    if case.number:
        assert span.endswith(case.number)


def test_a_list_of_laws_by_date_and_title() -> None:
    text = (
        'законами Республики Казахстан от 16 апреля 1997 года "О жилищных отношениях", от 1 '
        'июля 1998 года "Об особом статусе города Алматы", от 22 июля 2011 года "О миграции '
        'населения"'
    )
    got = [(f.act.act_type, f.act.date, f.act.number, f.title) for f in find(text, "ru")]
    assert got == [
        ("law", date(1997, 4, 16), None, "О жилищных отношениях"),
        ("law", date(1998, 7, 1), None, "Об особом статусе города Алматы"),
        ("law", date(2011, 7, 22), None, "О миграции населения"),
    ]


def test_kazakh_list_of_laws_named_after_the_dates() -> None:
    text = (
        '"Халықтың көші-қоны туралы" 2011 жылғы 22 шілдедегі, "Тұрғын үй қатынастары туралы" '
        "1997 жылғы 16 сәуірдегі заңдарына сәйкес"
    )
    got = [(f.act.act_type, f.act.date, f.title) for f in find(text, "kk")]
    assert got == [
        ("law", date(2011, 7, 22), "Халықтың көші-қоны туралы"),
        ("law", date(1997, 4, 16), "Тұрғын үй қатынастары туралы"),
    ]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("kk", "2003 жылғы 30 желтоқсанда газетінде жарияланды"),  # a date, no act
        ("kk", "2003-2005 жылдар кезеңіне арналған № 2 қосымша"),
        ("ru", "опубликовано 19 октября 2017 года в газетах"),
        ("ru", "решение вступает в силу с 1 января 2024 года"),
        ("kk", "Қазақстан Республикасы Президентінің 2012 жылғы 14 желтоқсандағы Жолдауы"),
    ],
)
def test_dates_that_are_not_citations(lang: str, text: str) -> None:
    assert [f for f in find(text, lang) if f.kind == "citation"] == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("kk", "Алматы облысы Әділет департаментінде 2018 жылы 9 қаңтарда № 4490 болып тіркелді"),
        ("ru", "Зарегистрировано Департаментом юстиции города Алматы 1 марта 2021 года № 1691"),
    ],
)
def test_registrations_are_told_apart(lang: str, text: str) -> None:
    (f,) = find(text, lang)
    assert f.kind == "registration"


def test_quote_pairs_nest() -> None:
    text = '"Қазақстан Республикасының "Халықтың көші-қоны туралы" Заңына өзгерістер" Заңы'
    pairs = quote_pairs(text)
    assert (0, text.rindex('"')) in pairs
    assert (text.index('"Х'), text.index('" З')) in pairs


def test_slug_is_ascii_and_bounded() -> None:
    s = slug("Қазақстан Республикасындағы жергілікті мемлекеттік басқару және өзін-өзі басқару")
    assert s.isascii() and len(s) <= 60 and s.startswith("qazaqstan-respublikasyndaghy")


def test_pipelines_are_blank_spacy_languages() -> None:
    kk, ru = pipeline("kk"), pipeline("ru")
    assert isinstance(kk, Kazakh) and kk.lang == "kk"
    assert ru.lang == "ru"
    assert kk.pipe_names == [] and ru.pipe_names == [], "tokenizer and matchers only, no model"
    assert isinstance(spacy.blank("kk"), Kazakh), "registered with spacy.registry.languages"
    doc = kk.make_doc("Заңының 6-бабының 2-6-тармағына №26-129 шешiмi")
    assert [t.text for t in doc] == [
        "Заңының",
        "6-бабының",
        "2-6-тармағына",
        "№",
        "26-129",
        "шешiмi",
    ]
    assert [t.norm_ for t in doc] == ["заң", "бап", "тармақ", "№", "#num", "шешім"]


# -- the corpus ---------------------------------------------------------------------------

#: (seed, eId prefix, FRBR work URI) the graph and a reader need, at least
EXPECTED = [
    ("000", "preface", "/akn/kz-19/act/decision/2024-04-16/18-84"),
    ("000", "preamble", "/akn/kz/act/resolution/2017-05-25/296"),
    ("000", "preamble", "/akn/kz/act/law/2001-01-23/"),
    ("000", "att_1__chp_1", "/akn/kz-19/act/decision/2021-12-14/12-61"),
    ("001", "para_1", "/akn/kz-75/act/decision/2017-09-15/152"),
    ("001", "preamble", "/akn/kz/act/law/2016-04-06/"),
    ("001", "att_1", "/akn/kz/act/resolution/2017-05-25/296"),
    ("002", "para_2__point_1", "/akn/kz-71/act/decision/2019-03-06/356-45-vi"),
    ("002", "para_2__point_2", "/akn/kz-71/act/resolution/2019-02-22/507-290"),
    ("002", "para_2__point_2", "/akn/kz-71/act/decision/2021-11-24/106-15-vii"),
    ("002", "att_1", "/akn/kz/act/resolution/2011-12-01/1427"),
    ("003", "preface", "/akn/kz-71/act/decision/2006-09-21/285-35-iii"),
    ("003", "att_1__sec_1__table_1", "/akn/kz/act/law/2002-03-27/313-ii"),
    ("003", "att_1__sec_2", "/akn/kz/act/law/1997-12-13/204-i"),
    ("004", "para_2", "/akn/kz-61/act/decision/2021-10-12/11-102-vii"),
    ("004", "att_1", "/akn/kz/act/order/2023-07-26/312"),
    ("004", "att_1", "/akn/kz/act/resolution/2011-12-01/1427"),
]


@pytest.mark.parametrize(("seed", "eid", "href"), EXPECTED)
def test_corpus_citation(
    seed: str, eid: str, href: str, parsed: Callable[[Path], Document]
) -> None:
    doc = parsed(corpus_file(seed))
    assert any(c.eid.startswith(eid) and (c.href or "").startswith(href) for c in doc.citations), [
        (c.eid, c.href) for c in doc.citations
    ]


def test_corpus_citations_point_into_the_raw_file(doc: Document) -> None:
    """The raw span covers every character of the citing words (repairs may have moved
    a piece, DOMAIN.md 4.1, or closed up letter spacing, 4.2)."""
    for c in doc.citations:
        raw = doc.text[c.raw_start : c.raw_end]
        assert Counter(c.text.replace(" ", "")) <= Counter(raw.replace(" ", "").replace("\n", ""))
        assert c.href is not None
        assert not (c.act.date == doc.meta.date and c.act.number == doc.meta.number)


def test_every_citation_is_a_ref_in_the_akn(doc: Document) -> None:
    root = etree.fromstring(document_to_akn(doc))
    for meta in root.iter(f"{{{NS}}}meta"):
        meta.getparent().remove(meta)  # type: ignore[union-attr]
    refs = [r.get("href") for r in root.iter(f"{{{NS}}}ref")]
    assert sorted(refs) == sorted(c.href for c in doc.citations)


# -- caches -------------------------------------------------------------------------------


def test_both_flags_share_one_scan_and_forgetting_empties_it() -> None:
    """``find`` with and without ``loose_number`` (the parse and the AKN builder) and
    ``issuers_in`` tokenize and match a paragraph once; ``find.cache_clear()``
    (``lexversion.parse.forget_texts``) forgets the scans too."""
    from lexversion.parse import forget_texts
    from lexversion.parse.citations import scan, words

    text = "Внести в решение маслихата города Алматы от 15 сентября 2017 года № 152 изменение"
    forget_texts()
    assert scan.scan.cache_info().currsize == 0
    strict = find(text, "ru")
    loose = find(text, "ru", loose_number=True)
    assert scan.issuers_in(text, "ru") == [("маслихат города Алматы", "KZ-75", "maslikhat")]
    info = scan.scan.cache_info()
    assert (info.misses, info.currsize) == (1, 1)
    assert strict == loose and strict[0].act.number == "152"
    find.cache_clear()
    assert scan.scan.cache_info().currsize == 0
    assert words.tokens.cache_info().currsize == 0
    assert find(text, "ru") == strict


def test_a_paragraph_without_a_date_word_is_not_matched() -> None:
    """Every date pattern holds a month word or a dotted date: a paragraph the
    pre-check lets through (a number, a word, a year) is tokenized, not matched."""
    from lexversion.parse.citations import scan, words

    text = "2004 ж. - 184 отбасы - 920 адам - 12552,48 мың теңге"
    find.cache_clear()
    assert find(text, "kk") == ()
    assert words.tokens.cache_info().currsize == 1
    assert scan.scan.cache_info().currsize == 0


@pytest.mark.parametrize(
    "text",
    [
        "",
        "без границ",
        "1) подпункт; пункт 2: текст. Далее 3) и 4).",
        "а.  б;;c 12)\tд:е. ",
        "Заңы. 2) тармақ: 2017 жылғы 15 желтоқсандағы № 26-129 шешімі;",
    ],
)
def test_clause_ends_are_those_boundary_search_finds(text: str) -> None:
    """The end of a clause read by bisect from one ``finditer`` pass over the
    boundaries is where ``_BOUNDARY.search`` from that offset matches, at every
    offset."""
    from lexversion.parse.citations.clauses import BOUNDARY, BisectClauses

    clauses = BisectClauses(text)
    for pos in range(len(text) + 1):
        nxt = BOUNDARY.search(text, pos)
        expected = nxt.start() if nxt else len(text)
        assert clauses.end(pos) == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Алматы облыстық мәслихатының 2017 жылғы 15 желтоқсандағы № 26-129 шешімі", "kk"),
        ("решения маслихата города Алматы от 15 сентября 2017 года № 152 (Реестр)", "ru"),
    ],
)
def test_words_read_on_demand_are_the_tokens(text: str, lang: str) -> None:
    """A scan's words, read when a match covers them, are the text and ``NORM`` of
    spaCy's tokens."""
    from lexversion.parse.citations import pipelines
    from lexversion.parse.citations import words as w

    find.cache_clear()
    toks = w.tokens(text, lang)
    words = w.Words(text, toks, pipelines.strings(lang))
    doc = toks.doc
    assert len(words) == len(doc)
    assert words.texts(0, len(doc)) == [t.text for t in doc]
    assert words.norms(0, len(doc)) == [t.norm_ for t in doc]
    assert [words.text(i) for i in range(len(doc))] == [t.text for t in doc]
    assert [words.norm(i) for i in range(len(doc))] == [t.norm_ for t in doc]


# -- region names ---------------------------------------------------------------------------


def _issuer_texts() -> list[tuple[str, str, str, str]]:
    """(lang, text, region code, body) of a council's or akimat's act for every region,
    under every name lang/regions.py gives it."""
    from lexversion.lang.regions import REGIONS

    phrases: list[tuple[str, str, str, str]] = []  # (lang, issuer before the date, code, body)
    for r in REGIONS:
        city = r.kind == "city"
        for name in (r.kk_stem, *r.former_kk):
            council, executive = ("қаласы", "қаласы") if city else ("облыстық", "облысы")
            phrases.append(("kk", f"{name} {council} мәслихатының", r.code, "maslikhat"))
            phrases.append(("kk", f"{name} {executive} әкімдігінің", r.code, "akimat"))
        for adj in (r.ru_adj, *r.former_ru_adj):
            council = "городского" if city else "областного"
            phrases.append(("ru", f"решение {adj}ого {council} маслихата", r.code, "maslikhat"))
        if city:
            names = [f"города {name}" for name in (r.ru, *r.ru_genitive)]
        elif r.ru.lower().startswith("область"):
            names = [r.ru]
        else:
            names = [f"{r.ru_adj}ой области"]
        for name in names:
            phrases.append(("ru", f"решение маслихата {name}", r.code, "maslikhat"))
            if not r.ru.lower().startswith("область"):
                phrases.append(("ru", f"постановление акимата {name}", r.code, "akimat"))
    tails = {
        "kk": "2017 жылғы 15 желтоқсандағы № 26-129 шешімі",
        "ru": "от 15 сентября 2017 года № 152",
    }
    return [(lang, f"{issuer} {tails[lang]}", code, body) for lang, issuer, code, body in phrases]


@pytest.mark.parametrize(("lang", "text", "region", "body"), _issuer_texts())
def test_every_region_is_read_back_from_its_issuer(
    lang: str, text: str, region: str, body: str
) -> None:
    (f,) = find(text, lang)
    assert (f.act.region, f.act.body, f.start) == (region, body, 0), "from the issuer or act word"


def test_region_words_share_one_normal_form() -> None:
    """The words opening a region's name (Kazakh names, Russian adjectives, city
    names) have the normal form REGION_WORD, so the issuer patterns stay a handful
    whatever the number of regions; their own normal form (the adjective's stem,
    else the folded word) is what the region is read back from."""
    from lexversion.lang.regions import REGIONS
    from lexversion.parse.citations import REGION_WORD
    from lexversion.parse.citations.pipelines import own_norm

    kk, ru = pipeline("kk"), pipeline("ru")
    for r in REGIONS:
        for name in (r.kk_stem, *r.former_kk):
            first = kk.make_doc(name)[0]
            assert first.norm_ == REGION_WORD, name
            assert own_norm("kk", first.text) == first.lower_
        for adj in (r.ru_adj, *r.former_ru_adj):
            word = ru.make_doc(f"{adj}ого")[0]
            assert word.norm_ == REGION_WORD and own_norm("ru", word.text) == adj.lower()
        if r.kind == "city":
            for name in (r.ru, *r.ru_genitive):
                assert [t.norm_ for t in ru.make_doc(name)] == [REGION_WORD], name
    # the Republic keeps its name: "Қазақстан Республикасының" is no region
    assert [t.norm_ for t in kk.make_doc("Батыс Қазақстан облысы")] == [
        REGION_WORD,
        "қазақстан",
        "облыс",
    ]


def test_matchers_stay_small() -> None:
    """spaCy's Matcher tries every pattern at every token: a scan costs tokens x
    patterns, so its patterns must not grow with the vocabulary or the regions
    (fixed sequences of normal forms belong to the PhraseMatcher)."""
    from lexversion.parse.citations.matchers import matchers

    for lang in ("kk", "ru"):
        matcher, phrases, _ = matchers(lang)
        patterns = sum(len(matcher.get(key)[1]) for key in matcher._patterns)
        assert patterns <= 8, (lang, patterns)
        assert all(key in phrases for key in ("ACT", "PIN", "GOV", "REPUBLIC"))


@pytest.mark.parametrize(
    ("lang", "text", "issuer", "body"),
    [
        ("kk", "Аягөз аудандық мәслихатының", "Аягөз аудандық мәслихаты", "maslikhat"),
        ("kk", "Кентау қаласы әкімдігінің", "Кентау қаласы әкімдігі", "akimat"),
        (
            "ru",
            "решение Аягозского районного маслихата",
            "Аягозского районного маслихата",
            "maslikhat",
        ),
        ("ru", "решение маслихата Аягозского района", "маслихата Аягозского района", "maslikhat"),
        ("ru", "решение маслихата города Кентау", "маслихата города Кентау", "maslikhat"),
        ("ru", "постановление акимата города Кентау", "акимата города Кентау", "akimat"),
        ("ru", "решение маслихата района", None, None),  # no name: no issuer
        ("kk", "аудандық мәслихатының", None, None),
    ],
)
def test_district_and_town_bodies_around_their_name(
    lang: str, text: str, issuer: str | None, body: str | None
) -> None:
    """A district's or town's council or akimat is read around its title-case name,
    before or after it, in both languages (no region: it is none of lang/regions.py)."""
    tail = (
        "2017 жылғы 15 желтоқсандағы № 26-129 шешімі"
        if lang == "kk"
        else "от 15 сентября 2017 года № 152"
    )
    (f,) = find(f"{text} {tail}", lang)
    assert (f.act.issuer, f.act.body, f.act.region) == (issuer, body, None)
    assert (f.start == 0) == (issuer is not None)
