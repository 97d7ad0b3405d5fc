"""What each corpus document says about itself (DOMAIN.md 1-5), checked against the parse."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest

from lexversion.akn.json import document_json
from lexversion.lang import fold_number
from lexversion.model import Document
from lexversion.parse import parse
from lexversion.text.language import detect_language
from tests.conftest import CORPUS, corpus_file, seed_of


@dataclass(frozen=True)
class Expected:
    """The facts DOMAIN.md section 1 states for one seed (None: not printed / not applicable)."""

    lang: str
    title: str
    issuer: str
    region: str
    date: date
    number: str
    registration: tuple[str, date, str] | None  # (word of the authority, date, number)
    status: str | None
    status_label: str | None
    repealed_by: tuple[date, str] | None
    commencement_days: int | None
    publication: date | None = None
    body_effects: frozenset[tuple[str, date, str]] = field(default_factory=frozenset)


EXPECTED: dict[str, Expected] = {
    "000": Expected(
        lang="kk",
        title="Алматы облысындағы көші-қон процестерін реттеу қағидаларын бекіту туралы",
        issuer="Алматы облыстық мәслихаты",
        region="KZ-19",
        date=date(2017, 12, 15),
        number="26-129",
        registration=("Әділет", date(2018, 1, 9), "4490"),
        status="repealed",
        status_label="Күшін жойған",
        repealed_by=(date(2024, 4, 16), "18-84"),
        commencement_days=10,
    ),
    "001": Expected(
        lang="ru",
        title="О внесении изменения в решение маслихата города Алматы от 15 сентября 2017 года "
        '№ 152 "Об утверждении правил регулирования миграционных процессов в городе Алматы"',
        issuer="маслихат города Алматы",
        region="KZ-75",
        date=date(2021, 2, 19),
        number="22",
        registration=("юстиции", date(2021, 3, 1), "1691"),
        status="repealed",
        status_label="Утративший силу",
        repealed_by=(date(2024, 3, 29), "97"),
        commencement_days=10,
        body_effects=frozenset({("new_edition", date(2017, 9, 15), "152")}),
    ),
    "002": Expected(
        lang="kk",
        title="Астана қаласындағы көші-қон процестерін реттеу қағидаларын бекіту туралы",
        issuer="Астана қаласы мәслихаты",
        region="KZ-71",
        date=date(2024, 3, 7),
        number="149/19-VIII",
        registration=None,
        status=None,
        status_label=None,
        repealed_by=None,
        commencement_days=10,
        body_effects=frozenset(
            {
                ("repeal", date(2019, 3, 6), "356/45-VI"),
                ("repeal", date(2021, 11, 24), "106/15-VII"),
                # the title of No 106/15-VII says it amends the joint act's resolution
                ("amendment", date(2019, 2, 22), "507-290"),
            }
        ),
    ),
    "003": Expected(
        lang="kk",
        title="2003-2005 жылдар кезеңіне арналған көші-қон саясатының аймақтық бағдарламасы туралы",
        issuer="Астана қаласы мәслихаты",
        region="KZ-71",
        date=date(2003, 4, 8),
        number="225/42-II",
        registration=("Әділет", date(2003, 5, 16), "266"),
        status="repealed",
        status_label="Күшін жойған",
        repealed_by=(date(2006, 9, 21), "285/35-III"),
        commencement_days=None,
        publication=date(2003, 12, 30),
    ),
    "004": Expected(
        lang="ru",
        title="Об утверждении Правил регулирования миграционных процессов в Туркестанской области",
        issuer="Туркестанский областной маслихат",
        region="KZ-61",
        date=date(2024, 9, 30),
        number="12/160-VIII",
        registration=None,
        status=None,
        status_label=None,
        repealed_by=None,
        commencement_days=10,
        body_effects=frozenset({("repeal", date(2021, 10, 12), "11/102-VII")}),
    ),
}


@pytest.fixture
def expected(corpus_path: Path) -> Expected:
    return EXPECTED[seed_of(corpus_path)]


def test_every_corpus_document_has_expectations() -> None:
    assert sorted(EXPECTED) == [seed_of(p) for p in CORPUS]


def test_language(doc: Document, expected: Expected) -> None:
    assert doc.meta.lang == expected.lang
    assert detect_language(doc.text) == expected.lang


def test_title(doc: Document, expected: Expected) -> None:
    assert doc.meta.title == expected.title


def test_act_and_issuer(doc: Document, expected: Expected) -> None:
    m = doc.meta
    assert (m.act_type, m.body) == ("decision", "maslikhat")
    assert m.issuer == expected.issuer
    assert m.region == expected.region


def test_adoption_date_and_number(doc: Document, expected: Expected) -> None:
    assert doc.meta.date == expected.date
    assert doc.meta.number == expected.number


def test_registration(doc: Document, expected: Expected) -> None:
    reg = doc.meta.registration
    if expected.registration is None:
        assert reg is None
        return
    word, when, number = expected.registration
    assert reg is not None
    assert reg.authority is not None and word.lower() in reg.authority.lower()
    assert (reg.date, reg.number) == (when, number)


def test_status(doc: Document, expected: Expected) -> None:
    assert doc.meta.status == expected.status
    assert doc.meta.status_label == expected.status_label


def test_repealed_by(doc: Document, expected: Expected) -> None:
    by = doc.meta.repealed_by
    if expected.repealed_by is None:
        assert by is None
        assert not [e for e in doc.meta.effects if e.type == "repeal" and e.affected is None]
        return
    when, number = expected.repealed_by
    assert by is not None
    assert by.date == when
    assert fold_number(by.number or "") == fold_number(number)  # seed 003 types "ІІІ" in Cyrillic
    assert (by.act_type, by.body, by.region) == ("decision", "maslikhat", expected.region)
    (repeal,) = [e for e in doc.meta.effects if e.type == "repeal" and e.affected is None]
    assert repeal.affecting == by


def test_commencement(doc: Document, expected: Expected) -> None:
    rule = doc.meta.commencement
    if expected.commencement_days is None:
        assert rule is None
    else:
        assert rule is not None
        assert (rule.kind, rule.days) == ("days_after_publication", expected.commencement_days)


def test_entry_into_force_apart_from_application(doc: Document, corpus_path: Path) -> None:
    """Seed 000 states two moments (issue 13, item 4): it enters into force from
    registration ("тіркелген күннен бастап күшіне енеді") and is put into effect
    ten days after publication ("он күн өткен соң қолданысқа енгізіледі"); the
    others state one rule, which dates both."""
    rule = doc.meta.in_force
    if seed_of(corpus_path) == "000":
        assert rule is not None and rule.kind == "from_registration"
        assert doc.meta.commencement is not None
        assert doc.meta.commencement.kind == "days_after_publication"
        assert document_json(doc)["in_force"]["kind"] == "from_registration"
    else:
        assert rule is None


def test_the_json_events_date_entry_into_force_and_application(
    doc: Document, corpus_path: Path
) -> None:
    """The JSON's events keep the two moments apart when the text states two:
    seed 000 in force on registration (computed), put into effect ten days
    after a publication the text does not state (estimated); the others have
    one entry into force, which dates both."""
    events = {e["type"]: e for e in document_json(doc)["events"]}
    if seed_of(corpus_path) == "000":
        force, applies = events["entry_into_force"], events["application"]
        assert (force["date"], force["certainty"]) == ("2018-01-09", "computed")
        assert (applies["earliest"], applies["certainty"]) == ("2018-01-20", "estimated")
    else:
        assert "application" not in events and "entry_into_force" in events


@pytest.mark.parametrize(
    ("lang", "text", "force", "applies"),
    [
        (
            "ru",
            "5. Настоящее решение вступает в силу со дня государственной регистрации и "
            "вводится в действие по истечении десяти календарных дней после дня его "
            "первого официального опубликования.",
            "from_registration",
            "days_after_publication",
        ),
        (
            "kk",
            "3. Осы шешім алғашқы ресми жарияланған күнінен бастап күшіне енеді және "
            "2020 жылғы 1 қаңтардан бастап қолданысқа енгізіледі.",
            "from_publication",
            "from_date",
        ),
    ],
)
def test_two_rules_read_apart(lang: str, text: str, force: str, applies: str) -> None:
    """The rule before the words of entry into force dates it; application has its own."""
    from lexversion.model import Node, NodeKind
    from lexversion.model.document import Block, BlockKind
    from lexversion.parse.effects import own_in_force

    para = Node(NodeKind.PARAGRAPH, "para_1", "1", None, (Block(BlockKind.P, text),))
    body = Node(NodeKind.BODY, "body", children=(para,))
    in_force, application = own_in_force(body, lang)
    assert in_force is not None and in_force.kind == force
    assert application is not None and application.kind == applies


def test_publication(doc: Document, expected: Expected) -> None:
    assert doc.meta.publication == expected.publication


def test_effects_on_other_acts(doc: Document, expected: Expected) -> None:
    """The body's effects on other acts (DOMAIN.md 1: new edition, repeals) and the
    amendments the titles of the acts it cites state."""
    found = {
        (e.type, e.affected.date, e.affected.number)
        for e in doc.meta.effects
        if e.affected is not None and e.affected.date and e.affected.number
    }
    assert found == expected.body_effects


def test_no_structural_warnings_on_complete_documents(doc: Document) -> None:
    structural = [
        w for w in doc.warnings if "truncated" in w or "no numbered points" in w or "formula" in w
    ]
    assert structural == []


def test_substitution_in_000(parsed: Callable[[Path], Document]) -> None:
    """Seed 000: "оралман" replaced by "қандас" throughout by decision 14.12.2021 No 12-61."""
    doc = parsed(corpus_file("000"))
    (sub,) = [e for e in doc.meta.effects if e.type == "substitution"]
    assert sub.pairs == (
        ("оралмандарды", "қандастарды"),
        ("оралмандар", "қандастар"),
        ("Оралмандар", "Қандастар"),
    )
    assert sub.affected is None, "the substitution acts on this document"
    assert sub.affecting is not None
    assert (sub.affecting.date, sub.affecting.number) == (date(2021, 12, 14), "12-61")
    assert sub.source == "note"
    assert sub.rule is not None and sub.rule.days == 10


def test_date_slip_warning_in_003(parsed: Callable[[Path], Document]) -> None:
    """Seed 003's 2006 extract dates the 2003 decision "2004 жылғы 8 сәуiрдегi" (DOMAIN.md 4.6)."""
    doc = parsed(corpus_file("003"))
    assert "2004 жылғы 8 сәуiрдегi" in doc.text, "the slip is kept as published"
    slips = [w for w in doc.warnings if "225/42-II" in w and "2004-04-08" in w]
    assert len(slips) == 1, doc.warnings
    assert "2003-04-08" in slips[0]
    assert doc.meta.date == date(2003, 4, 8), "the requisites win; the slip is not applied"


def test_no_slip_warning_elsewhere(doc: Document, corpus_path: Path) -> None:
    if seed_of(corpus_path) != "003":
        assert not [w for w in doc.warnings if "kept as published" in w]


# --- a header-only document ----------------------------------------------------------------

#: lines 1-8 of seed 000, copied verbatim (trailing spaces included): title, status, requisites
PARTIAL_000 = "\n".join(
    [
        "",
        "Алматы облысындағы көші-қон процестерін реттеу қағидаларын бекіту туралы",
        "",
        "Күшін жойған",
        "Алматы облыстық мәслихатының 2017 жылғы 15 желтоқсандағы № 26-129 ",
        "шешімі. Алматы облысы Әділет департаментінде 2018 жылы 9 қаңтарда № 4490 ",
        "болып тіркелді. Күші жойылды - Алматы облыстық мәслихатының 2024 жылғы ",
        "16 сәуірдегі № 18-84 шешімімен",
    ]
)

#: lines 1-10 of seed 001, copied verbatim
PARTIAL_001 = "\n".join(
    [
        "",
        "О внесении изменения в решение маслихата города Алматы от 15 сентября 2017 ",
        'года № 152 "Об утверждении правил регулирования миграционных процессов в ',
        'городе Алматы"',
        "",
        "Утративший силу",
        "Решение внеочередной III сессии маслихата города Алматы VII созыва от 19 ",
        "февраля 2021 года № 22. Зарегистрировано Департаментом юстиции города ",
        "Алматы 1 марта 2021 года № 1691. Утратило силу решением маслихата города ",
        "Алматы от 29 марта 2024 года № 97",
    ]
)

_HEADER_FIELDS = (
    "lang",
    "title",
    "act_type",
    "issuer",
    "region",
    "body",
    "date",
    "number",
    "registration",
    "status",
    "status_label",
    "repealed_by",
)


LANGS = ("kaz", "rus")


@pytest.mark.parametrize(
    ("index", "header"),
    [pytest.param(0, PARTIAL_000, id="000"), pytest.param(1, PARTIAL_001, id="001")],
)
def test_header_only_document_gives_the_same_metadata(
    index: int, header: str, parsed: Callable[[Path], Document]
) -> None:
    path = CORPUS[index]
    assert path.read_text(encoding="utf-8").startswith(header), "copied verbatim from the file"
    full = parsed(path)
    part = parse(header, "partial.txt")
    for name in _HEADER_FIELDS:
        assert getattr(part.meta, name) == getattr(full.meta, name), name
    assert part.partial
    assert part.meta.commencement is None, "the commencement point is not in the header"
    assert not part.body.children and not part.attachments
    frbr_part, frbr_full = document_json(part)["frbr"], document_json(full)["frbr"]
    assert frbr_part["work"] == frbr_full["work"]
    # an expression is dated by the last change it contains (issue 13, item 6):
    # seed 000's 2021 substitution is recorded in its annex, which the header lacks
    assert frbr_part["expression"] == f"{frbr_full['work']}/{LANGS[index]}@{part.meta.date}"
