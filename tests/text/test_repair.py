"""Repairs of export artifacts (DOMAIN.md 4.1-4.2) and their invariants.

Table-driven cases from the real corpus for every form of displaced link text
and of letter spacing; doubts where the evidence is ambiguous; look-alike
letters for matching; and hypothesis properties: a repair is lossless,
idempotent, and maps every character back to its source character, the map
rising everywhere except across the fragments it records as moved.
"""

from __future__ import annotations

import gc
import itertools
import re
from collections import Counter
from functools import cache
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from lexversion.akn.build import document_to_akn
from lexversion.app.normalize import Normalized, normalize_document
from lexversion.cli import app
from lexversion.lang import fold_number, fold_text
from lexversion.model import Document, Repair
from lexversion.text.decode import decode
from lexversion.text.language import detect_language
from lexversion.text.lines import Line, OffsetMap, Paragraph, join_lines, split_lines
from lexversion.text.repair import (
    MAX_GAPS,
    Vocabulary,
    build_vocabulary,
    count_clean,
    key,
    repair,
    repair_layout,
    repair_line,
    vocabulary,
    vocabulary_tsv,
)
from lexversion.text.repair.spacing import attaches, segment, word_score
from lexversion.text.repair.tokens import Tok, render, render_columns, tokens
from lexversion.text.repair.vocabulary import artifacts, collector_paused
from tests.akn.test_lossless import text_outside_meta
from tests.conftest import CORPUS, REPO_ROOT, corpus_file, seed_of

#: a run of four or more single characters one space apart: letter spacing
SPACED_RUN = re.compile(r"(?<!\S)\S(?: \S){3,}(?!\S)")


@cache
def normalized(seed: str) -> Normalized:
    path = corpus_file(seed)
    return normalize_document(path.read_bytes(), path.name)


def one_line(text: str) -> str:
    return " ".join(text.split())


# --- the corpus, form by form -----------------------------------------------------------------

#: (seed, the repaired text as DOMAIN.md 4.1 says it reads)
DISPLACED = [
    # glued after punctuation
    ("000", "осы шешімнің қосымшасына сәйкес бекітілсін."),
    ("002", "№ 312 бұйрығына сәйкес, Астана қаласының мәслихаты ШЕШІМ ҚАБЫЛДАДЫ:"),
    ("002", "№ 356/45-VI шешімінің;"),
    ("002", "Ішкі көшіп-қонушыларды тіркеу қағидаларына сәйкес жүзеге асырылады."),
    ("004", "в соответствии с Социальным кодексом Республики Казахстан;"),
    ("004", "Основные понятия, которые используются в настоящих правилах:"),
    ("001", "Утратило силу решением маслихата города Алматы от 29.03.2024 года № 97 (вводится"),
    ("003", "Астана қаласы дамуының Стратегиялық жоспары."),
    # the same-line tail
    ("001", "В соответствии со статьей 26 Закона Республики Казахстан от 6 апреля 2016 года"),
    ("001", "1. Внести в решение маслихата города Алматы от 15 сентября 2017 года № 152"),
    ("004", "В соответствии с пунктом 2-6 статьи 6 Закона Республики Казахстан"),
    ("004", "Признать утратившим силу решение Туркестанского областного маслихата от 12 октября"),
    ("004", "(далее – Правила) разработаны в соответствии с Типовыми правилами регулирования"),
    ("004", "утвержденного приказом заместителя Премьер-Министра - Министра труда"),
    ("000", "Заңының 6-бабының 2-6-тармағына және"),
    ("000", "Үкіметінің қаулысына сәйкес, Алматы облыстық мәслихаты ШЕШІМ ҚАБЫЛДАДЫ:"),
    ("000", "Қазақстан Республикасының Конституциясына, Қазақстан Республикасының"),
    ("000", "№ 296 қаулысымен бекітілген Облыстардағы, республикалық"),
    ("001", "осуществляются в порядке, определяемом Правительством Республики Казахстан."),
    ("002", "1-тармағының 1) тармақшасына, Қазақстан Республикасы Премьер-Министрінің орынбасары"),
    ("003", "N 1371 қаулыларымен сәйкестендіріліп әзірленді."),
    ("003", 'туралы" Заңының 6-бабын басшылыққа ала отырып Астана қаласының мәслихаты'),
    # a day glued to the link text after it ("2001 жылғы 2386-бабын")
    ("003", "Конституциясының 86-бабын және Қазақстан Республикасының 2001 жылғы 23 қаңтардағы"),
    # across lines: the fragment opens the next line, after a blank one
    (
        "000",
        "16.04.2024 № 18-84 шешімімен (алғашқы ресми жарияланған күнінен кейін қолданысқа енгізіледі).",
    ),
    (
        "000",
        "14.12.2021 № 12-61 шешімімен (алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн",
    ),
    ("002", '2-6 тармақшасына, "Халықтың көші-қоны туралы" Қазақстан Республикасы Заңы 15-бабы'),
    ("002", "реттеу қағидалары (бұдан әрі – Қағида) қосымшаға сәйкес бекітілсін."),
    ("002", "№ 106/15-VII шешімінің күші жойылды деп танылсын."),
    ("002", "Қазақстан Республикасының Әлеуметтік кодексіне сәйкес жұмыспен қамтуға"),
    ("003", "5 қыркүйектегі N 1346 және Қазақстан Республикасы Үкіметінің"),
    ("003", "Қазақстан халқына Жолдауымен, Қазақстан Республикасы Үкіметінің"),
    ("003", "N 204-I Заңымен, ел Президентінің"),
    (
        "004",
        'утвержденных постановлением Правительства Республики Казахстан от 1 декабря 2011 года №1427 "Об утверждении',
    ),
    # quoted titles shuffled across several lines
    (
        "001",
        'законами Республики Казахстан от 16 апреля 1997 года "О жилищных отношениях", '
        'от 1 июля 1998 года "Об особом статусе города Алматы", от 23 января 2001 года '
        '"О местном государственном управлении и самоуправлении в Республике Казахстан", '
        'от 22 июля 2011 года "О миграции населения", а также Постановлением Правительства '
        "Республики Казахстан от 25 мая 2017 года № 296",
    ),
    (
        "000",
        'Қазақстан Республикасының "Халықтың көші-қоны туралы" 2011 жылғы 22 шілдедегі, '
        '"Қазақстан Республикасындағы жергілікті мемлекеттік басқару және өзін-өзі басқару '
        'туралы" 2001 жылғы 23 қаңтардағы, "Тұрғын үй қатынастары туралы" 1997 жылғы',
    ),
    ("003", 'маны жүзе. Республикасының "Халықтың көші-қоны туралы" Заңының'),
]

#: (seed, text as printed with its letters spaced, as it reads repaired)
SPACED = [
    ("003", "шешiм қабылдады:"),  # "қ а б ы л д а д ы :"
    ("003", "кейбiр шешiмдерiнiң күшi жойылған деп танылсын."),
    ("003", "2006 жылғы 21 қыркүйектегi"),
    ("003", "2003 жылғы 8 сәуірдегі N 225/42-II"),
    ("003", "1347 адам, шеттетілгені - 483 адам;"),
    ("003", "олардың үлесі 15,6% аса."),
    ("003", '"Ақбота" қоғамдық қорының'),
    # mixed lines: double spaces part words, single ones split some
    ("003", "халық санының өсуін қатамасыз етеді."),  # "қатамасыз" is the source's own slip
    ("003", "қорғау Министрлігінің Астана қаласы"),
    ("003", "1 желтоқсанына 507,1 мың адам болды)."),
    ("003", "Көші-қон полициясы басқармасының"),
    ("003", "2003 жылдың аяғында - 525,0 мың адам"),
]

#: repairs of each kind per corpus document (a change here is a change in behaviour: review it)
COUNTS = {
    "000": {"displaced_link": 10},
    "001": {"displaced_link": 9},
    "002": {"displaced_link": 11},
    "003": {"displaced_link": 11, "letter_spacing": 135, "split_word": 14},
    "004": {"displaced_link": 7},
}


@pytest.mark.parametrize(
    ("seed", "expected"), DISPLACED, ids=[f"{s}-{e[:24]}" for s, e in DISPLACED]
)
def test_displaced_link_text_is_moved_back(seed: str, expected: str) -> None:
    assert expected in one_line(normalized(seed).text)


@pytest.mark.parametrize(("seed", "expected"), SPACED, ids=[f"{s}-{e[:24]}" for s, e in SPACED])
def test_letter_spacing_is_closed_up(seed: str, expected: str) -> None:
    assert expected in one_line(normalized(seed).text)


@pytest.mark.parametrize("seed", sorted(COUNTS))
def test_repair_counts_per_document(seed: str) -> None:
    assert normalized(seed).counts() == COUNTS[seed]


def test_every_seed_has_displaced_link_text() -> None:
    """DOMAIN.md 4.1: every seed has some."""
    assert all(normalized(seed_of(p)).counts().get("displaced_link") for p in CORPUS)


def test_no_spaced_letters_remain_in_the_akn(corpus_path: Path, doc: Document) -> None:
    """No run of four or more single letters one space apart is left in the AKN text
    (DOMAIN.md 4.2); the source of seed 003 has hundreds."""
    runs = SPACED_RUN.findall(text_outside_meta(document_to_akn(doc)))
    assert runs == [], runs[:10]


def test_the_spaced_run_check_sees_the_source_of_seed_003() -> None:
    text = corpus_file("003").read_text(encoding="utf-8")
    assert len(SPACED_RUN.findall(text)) > 200


def test_repairs_record_where_text_came_from_and_went() -> None:
    n = normalized("000")
    text = decode(corpus_file("000").read_bytes())
    moves = [r for r in n.repairs if r.kind == "displaced_link"]
    for r in moves:
        assert text[r.raw_start : r.raw_end].split() == r.text.split()
        assert r.raw_to < r.raw_start  # moved back from the printed line's end
        assert text.count("\n", 0, r.raw_start) + 1 == r.line
    glued = next(r for r in moves if r.text == "қосымшасына")
    assert glued.place == 'moved after "шешімнің"'
    assert text[glued.raw_to : glued.raw_to + 6] == "сәйкес"


# --- doubts: the text stays as printed --------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        # one act word, two gaps that could each take it
        ("Внести в  маслихата и в  акимата решение", "ru"),
        # glued to the end of the line with no gap to take it
        ("осы шешімнің сәйкес бекітілсін.қосымшасына", "kk"),
        # an empty title with nothing that reads as one
        ('Қазақстан Республикасының " " 2011 жылғы 22 шілдедегі', "kk"),
    ],
)
def test_ambiguous_evidence_is_left_as_printed_with_a_doubt(line: str, lang: str) -> None:
    text, found = repair_line(line, lang)
    assert text == line
    assert [r.kind for r in found] == ["doubt"]
    assert "left as printed" in str(found[0])


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("бағдарламасын дайындау тәжірибесін ескере  отырып жасалды.", "kk"),  # no link text
        ("Экономика және шағын бизнесті  дамыту", "kk"),
        ("Ескерту  -  Астана  қаласы мәслихатының", "kk"),
    ],
)
def test_a_double_space_without_link_text_is_only_respaced(line: str, lang: str) -> None:
    text, found = repair_line(line, lang)
    assert text == " ".join(line.split())
    assert found == ()


@pytest.mark.parametrize(
    ("printed", "lang", "repaired"),
    [
        ("қ а б ы л д а д ы :", "kk", "қабылдады:"),
        ("к ү ш i  ж о й ы л ғ а н  д е п  т а н ы л с ы н .", "kk", "күшi жойылған деп танылсын."),
        ("2 0 0 6  ж ы л ғ ы  2 1  қ ы р к ү й е к т е г i", "kk", "2006 жылғы 21 қыркүйектегi"),
        ("      С а я с и :  ", "kk", "Саяси:"),
        (
            "В соответствии со  Закона Республики Казахстан статьей 26",
            "ru",
            "В соответствии со статьей 26 Закона Республики Казахстан",
        ),
        (
            "шешімнің  сәйкес бекітілсін.қосымшасына",
            "kk",
            "шешімнің қосымшасына сәйкес бекітілсін.",
        ),
    ],
)
def test_repair_line(printed: str, lang: str, repaired: str) -> None:
    assert repair_line(printed, lang)[0] == repaired


#: (printed, lang, repaired): an enacting formula spaced out with its colon (or stop)
#: glued to its last letter closes up whole, the colon kept, only spaces dropped
GLUED_CLOSERS = [
    ("Ш Е Ш І М  Қ А Б Ы Л Д А Д Ы:", "kk", "ШЕШІМ ҚАБЫЛДАДЫ:"),
    ("аудандық мәслихат Ш Е Ш Т І:", "kk", "аудандық мәслихат ШЕШТІ:"),
    ("Қ А У Л Ы  Е Т Е Д І:", "kk", "ҚАУЛЫ ЕТЕДІ:"),
    ("Р Е Ш И Л:", "ru", "РЕШИЛ:"),
    ("районный маслихат Р Е Ш И Л:", "ru", "районный маслихат РЕШИЛ:"),
    ("акимат П О С Т А Н О В Л Я Е Т:", "ru", "акимат ПОСТАНОВЛЯЕТ:"),
    ("у т р а т и л о  с и л у.", "ru", "утратило силу."),
]


@pytest.mark.parametrize(("printed", "lang", "repaired"), GLUED_CLOSERS)
def test_a_spaced_word_closes_up_with_its_glued_colon(
    printed: str, lang: str, repaired: str
) -> None:
    text, repairs = repair_line(printed, lang)
    assert text == repaired
    assert sorted(text.replace(" ", "")) == sorted(printed.replace(" ", ""))  # re-spaced only
    assert [r.kind for r in repairs] == ["letter_spacing"]


# --- fixed-width blocks keep their columns ----------------------------------------------------


def test_table_rows_keep_their_columns() -> None:
    text = decode(corpus_file("003").read_bytes())
    lines = split_lines(text)
    row = lines[494]  # "К е л г е н д е р          2 2 6        1 1 0 ..."
    assert row.text.startswith("К е л г е н д е р")
    (fixed,), found = repair_layout([row], "kk", "table")
    for printed, closed in [("2 2 6", "226"), ("1 1 0", "110"), ("6 2 3", "623")]:
        assert fixed.text.index(closed) == row.text.index(printed)
    assert fixed.text.split() == ["Келгендер", "226", "110", "236", "51", "623"]
    assert [r.kind for r in found] == ["letter_spacing"] * 6


def test_passport_labels_stay_and_values_are_repaired() -> None:
    text = decode(corpus_file("003").read_bytes())
    block = split_lines(text)[92:110]  # the passport: "Атауы      2003-2005 ..."
    fixed, found = repair_layout(block, "kk", "passport")
    row = fixed[6]  # printed "маны әзір. 1997 жылғы 13 желтоқсандағы N 204-1  , Қазақстан Заңы"
    assert row.text.startswith("маны әзір. 1997 жылғы")
    assert row.text.endswith("N 204-1 Заңы, Қазақстан")
    assert fixed[2].text == "Негізгі"  # "Н е г і з г і", a label closed up
    moved = [r.text for r in found if r.kind == "displaced_link"]
    assert moved == ["Заңы", "Заңы", "қаулысы", "жоспары"]


# --- look-alike letters (DOMAIN.md 3) ---------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("285/35-ІІІ", "285/35-III"),
        ("285/35-IIІ", "285/35-III"),
        ("VІІ", "VII"),
        ("149/19-VIII", "149/19-VІІІ"),
    ],
)
def test_numbers_match_in_either_script(a: str, b: str) -> None:
    assert fold_number(a) == fold_number(b)


def test_words_match_in_either_script() -> None:
    assert fold_text("шешiм") == fold_text("шешім")
    assert key("Шешiмдерiнiң") == key("шешімдерінің")


def test_every_mixed_script_word_of_the_corpus_folds_to_cyrillic() -> None:
    """The look-alikes the corpus has are Latin i/I in Kazakh words (fold_text) and
    Cyrillic І in Roman numerals (fold_number); nothing else needs folding."""
    latin = re.compile(r"[A-Za-z]")
    cyr = re.compile(r"[\u0400-\u04ff]")
    mixed = {
        w
        for p in CORPUS
        for w in re.findall(r"[^\W\d_]+", p.read_text(encoding="utf-8"))
        if latin.search(w) and cyr.search(w)
    }
    assert mixed, "the corpus has mixed-script words"
    for w in mixed:
        folded = fold_text(w) if cyr.search(w.replace("І", "")) else fold_number(w)
        assert not (latin.search(folded) and cyr.search(folded)), w


def test_repairs_keep_the_letters_the_source_typed() -> None:
    """Folding is for matching only: the repaired text keeps Latin "i" where the source has it."""
    text = normalized("003").text
    assert "шешiм" in text and "күшiне" in text
    assert "285/35-ІІІ" in text  # Cyrillic І kept in the number as printed


# --- CLI --------------------------------------------------------------------------------------


def test_normalize_command_prints_text_and_explains() -> None:
    path = corpus_file("000")
    plain = CliRunner().invoke(app, ["normalize", str(path)], catch_exceptions=False)
    assert plain.exit_code == 0
    assert "шешімнің қосымшасына сәйкес бекітілсін." in plain.stdout
    assert "displaced link" not in plain.stdout
    explained = CliRunner().invoke(
        app, ["normalize", str(path), "--explain"], catch_exceptions=False
    )
    assert 'line 21: displaced link "қосымшасына" moved after "шешімнің"' in explained.stdout
    assert "10 displaced link" in explained.stdout


def test_normalize_command_json_and_bad_input(tmp_path: Path) -> None:
    import json

    path = corpus_file("003")
    result = CliRunner().invoke(app, ["normalize", str(path), "-f", "json"], catch_exceptions=False)
    data = json.loads(result.stdout)
    assert data["counts"] == COUNTS["003"]
    assert {r["kind"] for r in data["repairs"]} == {
        "displaced_link",
        "letter_spacing",
        "split_word",
    }
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    bad = CliRunner().invoke(app, ["normalize", str(empty)])
    assert bad.exit_code == 2 and "empty file" in bad.stderr


# --- the vocabulary ---------------------------------------------------------------------------


def test_shipped_vocabulary_matches_the_corpus() -> None:
    """src/lexversion/lang/*/words.tsv and bigrams.tsv are what scripts/build-vocabulary
    counts from corpus/ (run it after the corpus changes)."""
    built = build_vocabulary(CORPUS)
    assert set(built) == {"kk", "ru"}
    for lang, counts in built.items():
        for name, text in vocabulary_tsv(*counts).items():
            shipped = REPO_ROOT / "src" / "lexversion" / "lang" / lang / name
            assert shipped.read_text(encoding="utf-8") == text, (
                f"{shipped}: run scripts/build-vocabulary"
            )


def test_vocabulary_counts_clean_lines_only() -> None:
    lines = split_lines(
        "шешімнің  сәйкес бекітілсін.қосымшасына\nосы шешімнің қосымшасына сәйкес\n"
    )
    v = Vocabulary("kk", {}, {}).with_lines(lines)
    assert v.pair("шешімнің", "қосымшасына") == 1
    assert v.pair("шешімнің", "сәйкес") == 0  # from the line with artifacts


# --- properties -------------------------------------------------------------------------------

_LETTERS = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһіАБВГДЕКЛМНОПРСТШӘҒҚҢӨҰҮІ"
_TOKENS = _LETTERS + 'i0123456789.,;:-–"()/№'
_word = st.text(alphabet=_LETTERS, min_size=1, max_size=9)
_piece = st.one_of(
    _word,
    st.sampled_from(
        [*'.,;:-"()№', "1)", "2-6", "N", "қаулысына", "решением", "статьей", "26", "туралы"]
    ),
)
_sep = st.sampled_from([" ", " ", " ", "  ", "   ", ""])
_line = st.lists(st.tuples(_sep, _piece), max_size=12).map(lambda ps: "".join(s + p for s, p in ps))
_indent = st.sampled_from(["", "", " ", "      "])
#: export-like paragraphs: words, link-like words, punctuation, double spaces, indents, spaced letters
_export = st.lists(st.tuples(_indent, _line), min_size=1, max_size=6).map(
    lambda ls: "\n".join(i + ln for i, ln in ls)
)
_spaced = st.text(alphabet=_LETTERS, min_size=2, max_size=12).map(lambda w: " ".join(w))
_any = st.one_of(
    _export,
    st.lists(st.one_of(_line, _spaced), min_size=1, max_size=4).map("  ".join),
    st.text(alphabet=_TOKENS + "  \n", max_size=120),
)


def _nonspace(text: str) -> Counter[str]:
    return Counter(ch for ch in text if not ch.isspace())


def check_map(source: str, para: Paragraph, repairs: tuple[Repair, ...]) -> None:
    """Every clean character maps in bounds onto the same source character; the map
    rises everywhere except across the fragments recorded as moved."""
    moved = [(r.raw_start, r.raw_end) for r in repairs if r.kind == "displaced_link"]
    previous = -1
    inside: dict[tuple[int, int], int] = {}
    for offset, ch in enumerate(para.text):
        raw = para.offsets.to_raw(offset)
        assert 0 <= raw < len(source), f"to_raw({offset}) = {raw} out of bounds"
        if ch.isspace():
            continue
        assert source[raw] == ch, f"clean {offset} {ch!r} maps to {raw} {source[raw]!r}"
        span = next((m for m in moved if m[0] <= raw < m[1]), None)
        if span is None:
            assert raw >= previous, f"not monotonic at {offset}"
            previous = raw
        else:
            assert raw >= inside.get(span, -1), f"moved fragment not monotonic at {offset}"
            inside[span] = raw


def _paragraph(text: str) -> Paragraph:
    return join_lines(split_lines(text))


@settings(max_examples=300, deadline=None)
@given(_any, st.sampled_from(["kk", "ru"]))
def test_repair_is_lossless_and_maps_back(text: str, lang: str) -> None:
    para = _paragraph(text)
    fixed, found = repair(para, lang)
    assert _nonspace(fixed.text) == _nonspace(text)
    if fixed.text:
        check_map(text, fixed, found)


@pytest.mark.parametrize(
    "text", [" І\n РЕШЕНи РЕШЕНи", "Осы\n решением решением", "Бұл\n шешімімен шешімімен"]
)
def test_a_fragment_identical_to_the_word_at_its_gap_is_not_moved(text: str) -> None:
    # found by the idempotence property: moving the last "решением" to the line
    # start gives the same text, and a second repair moved it back again
    lang = detect_language(text)
    once, found = repair(_paragraph(text), lang)
    assert once.text == _paragraph(text).text
    assert [r for r in found if r.applied] == []
    assert once.offsets == _paragraph(text).offsets


@settings(max_examples=300, deadline=None)
@example(" І\n РЕШЕНи РЕШЕНи", "ru")
@given(_any, st.sampled_from(["kk", "ru"]))
def test_repair_is_idempotent(text: str, lang: str) -> None:
    once, _ = repair(_paragraph(text), lang)
    twice, again = repair(once, lang)
    assert twice.text == once.text
    assert [r for r in again if r.applied] == []


@cache
def _corpus_lines(path: Path) -> tuple[str, list[Line]]:
    text = decode(path.read_bytes(), path.name)
    return text, split_lines(text)


@st.composite
def _corpus_paragraph(draw: st.DrawFn) -> tuple[str, str, list[Line]]:
    path = draw(st.sampled_from(CORPUS))
    text, lines = _corpus_lines(path)
    start = draw(st.integers(0, len(lines) - 1))
    stop = draw(st.integers(start, min(len(lines), start + 12)))
    return text, detect_language(text), lines[start:stop]


@settings(max_examples=80, deadline=None)
@given(_corpus_paragraph())
def test_repair_of_corpus_slices_is_lossless_idempotent_and_maps_back(
    case: tuple[str, str, list[Line]],
) -> None:
    text, lang, lines = case
    para = join_lines(lines)
    fixed, found = repair(para, lang)
    assert _nonspace(fixed.text) == _nonspace(para.text)
    if fixed.text:
        check_map(text, fixed, found)
    again, more = repair(fixed, lang)
    assert again.text == fixed.text and not [r for r in more if r.applied]


@cache
def _clean_lines(lang: str) -> list[str]:
    """Corpus lines of ``lang`` with no artifact and an act word that is not first or last."""
    out = []
    for path in CORPUS:
        text, lines = _corpus_lines(path)
        if detect_language(text) != lang:
            continue
        for ln in lines:
            words = ln.text.split()
            if (
                len(words) >= 4
                and "  " not in ln.text
                and ln.indent != 1
                and not re.search(r'\s[,;:.)]|"|[.,;:]\w', ln.text)
            ):
                out.append(ln.text)
    return out


_ACT = {
    "kk": r"(?:заң|қаулы|шешім|бұйры|кодекс|қосымша|қағида)\w*",
    "ru": r"(?:закон|кодекс|постановлени|решени|приказ|правил)\w*",
}


@cache
def _movable(lang: str) -> list[tuple[str, int]]:
    """(line, index) of every act word of a clean line that is neither first nor last."""
    out = []
    for line in _clean_lines(lang):
        words = line.split()
        out += [
            (line, i)
            for i in range(1, len(words) - 1)
            if words[i].isalpha() and re.fullmatch(_ACT[lang], key(words[i]))
        ]
    return out


@st.composite
def _displaced(draw: st.DrawFn) -> tuple[str, str, str]:
    """A clean corpus line with one act word taken out and appended to its end,
    leaving a double space (DOMAIN.md 4.1): (lang, printed, original)."""
    lang = draw(st.sampled_from(["kk", "ru"]))
    line, i = draw(st.sampled_from(_movable(lang)))
    words = line.split()
    printed = " ".join(words[:i]) + "  " + " ".join(words[i + 1 :]) + " " + words[i]
    return lang, printed, " ".join(words)


@settings(max_examples=120, deadline=None)
@given(_displaced())
def test_a_displaced_act_word_goes_back_where_it_was(case: tuple[str, str, str]) -> None:
    lang, printed, original = case
    text, found = repair_line(printed, lang)
    assert text == original
    assert [r.kind for r in found] == ["displaced_link"]


def test_vocabulary_loads_for_both_languages() -> None:
    assert vocabulary("kk").count("шешім") > 0
    assert vocabulary("ru").count("решение") > 0


# --- the shortcuts read as the plain definitions ------------------------------------------------
# Each is checked against a reference written the slow, obvious way.

_STRIP = ".,;:!?()«»\"'%"
_GLUED_LAST = re.compile(
    r"[^\W\d]{2}[.,;:][^\W\d]{2}|^[.,;:][^\W\d]{2}|\)\w|[^\W\d][А-ЯӘҒҚҢӨҰҮҺІ][а-яәғқңөұүһі]"
)


def _reference_marked(text: str) -> bool:
    """The evidence a repair looks for, one kind at a time (DOMAIN.md 4.1-4.2)."""
    if any(m in text for m in ("  ", " ,", " ;", " :", " .", " )", '" "')):
        return True
    if " -" in text and re.search(r"\s-\w", text):
        return True
    words = text.split()
    if any(len(a) == 1 == len(b) for a, b in itertools.pairwise(words)):
        return True
    return bool(_GLUED_LAST.search(words[-1]))


def _reference_counts(lines: list[Line]) -> tuple[Counter[str], Counter[str]]:
    """Word and pair counts of the clean lines, line by line."""
    words: Counter[str] = Counter()
    pairs: Counter[str] = Counter()
    prev: str | None = None
    for line in lines:
        t = line.text
        if not t:
            continue
        if (
            line.indent == 1
            or t[0] in ',;:.)"'
            or _reference_marked(t)
            or re.search(r"[^\W\d]{2}[.,;:][^\W\d]{2}", t)
        ):
            prev = None
            continue
        ks = [k for k in (w.strip(_STRIP) for w in fold_text(t).lower().split()) if k]
        words.update(ks)
        if prev is not None and ks:
            ks = [prev, *ks]
        pairs.update(f"{a} {b}" for a, b in itertools.pairwise(ks))
        prev = None if t.endswith("-") or not ks else ks[-1]
    return words, pairs


_odd = st.text(alphabet=_TOKENS + "  \t\u00a0!?%»«'", min_size=1, max_size=60)
#: short strings of the characters the evidence hinges on
_dense = st.text(alphabet='аәбБҚП1.,;:)("- \t', min_size=1, max_size=12)


#: lines most of them clean: words of two letters or more one space apart, some
#: ending with a hyphen or punctuation, some with an artifact, some blank
_clean_word = st.text(alphabet="абвгдеклмнопрстәғқңөұүһіi", min_size=2, max_size=6)
_clean_line = st.tuples(
    st.sampled_from(["", "", "", " ", "      "]),
    st.lists(_clean_word, min_size=1, max_size=4).map(" ".join),
    st.sampled_from(["", "", "", "-", ",", ".", "  шешім", " .", ") ."]),
).map("".join)
_clean_text = st.lists(st.one_of(_clean_line, st.just(""), st.just(". ,")), min_size=1).map(
    "\n".join
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_clean_text, _any), st.data())
def test_lazy_counts_equal_the_counts_of_every_line(text: str, data: st.DataObject) -> None:
    """Word and pair counts asked one at a time, in either order, are the counts
    of every clean line (count_clean gives them all at once)."""
    lines = split_lines(text)
    words, pairs = _reference_counts(lines)
    assert count_clean(lines) == (words, pairs)
    seen = [w for ln in lines for w in ln.text.split()] + ["", ",", "a b"]
    asked = data.draw(st.lists(st.tuples(st.sampled_from(seen), st.sampled_from(seen)), max_size=6))
    adjacent = list(itertools.pairwise(seen))
    for pairs_first in (True, False):
        v = Vocabulary("kk", {}, {}).with_lines(lines)
        for a, b in asked + adjacent if pairs_first else []:
            assert v.pair(a, b) == pairs[f"{key(a)} {key(b)}"]
        for w in seen:
            assert v.count(w) == words[key(w)]
        for a, b in asked + adjacent:
            assert v.pair(a, b) == pairs[f"{key(a)} {key(b)}"]


_cell = st.one_of(
    st.text(alphabet=_LETTERS + "0123456789.,-+()N", min_size=1, max_size=8),
    st.sampled_from(
        ["ж.", "-884", "+53", "1999-2002", "т.б.", "мен", "ін", ".", ",5", "-қон", "Көші", "көші"]
    ),
)
_row = st.lists(
    st.tuples(st.sampled_from([" ", " ", "  ", "   ", "       ", "\t"]), _cell),
    min_size=1,
    max_size=9,
).map(lambda cells: "".join(sp + c for sp, c in cells).lstrip())


@settings(max_examples=300, deadline=None)
@given(st.one_of(_export, _spaced, _row))
def test_rendered_pieces_are_already_merged(text: str) -> None:
    """The renderers merge their map pieces as OffsetMap.of_pieces would."""
    for line in split_lines(text):
        toks = tokens(line)
        for renderer in (render, render_columns):
            _, cs, rs = renderer(toks)
            pieces = list(zip(cs, rs, strict=True))
            merged = OffsetMap.of_pieces(pieces)
            assert list(zip(merged.clean_starts, merged.raw_starts, strict=True)) == pieces


def _reference_segment(group: list[Tok], words: Vocabulary) -> list[list[str]]:
    """The first best split of ``group`` into words, every split tried in order."""
    short = artifacts(words.lang).SHORT_WORDS
    n = len(group)
    forced = [False] + [attaches(group[k - 1], group[k]) for k in range(1, n)]
    free = [
        k
        for k in range(1, n)
        if not forced[k]
        and group[k - 1].text[-1].isdigit() == group[k].text[0].isdigit()
        and group[k - 1].text[-1] not in ",;:."
    ]
    free = free if len(free) <= 10 else []
    best: list[list[int]] = []
    best_score = float("-inf")
    for mask in range(1 << len(free)):
        joined = {k for b, k in enumerate(free) if mask >> b & 1}
        split: list[list[int]] = [[0]]
        for k in range(1, n):
            if forced[k] or k in joined:
                split[-1].append(k)
            else:
                split.append([k])
        texts = ["".join(group[k].text for k in w) for w in split]
        if any(
            any(not forced[k] for k in w[1:]) and not (words.count(x) or words.in_dictionary(x))
            for w, x in zip(split, texts, strict=True)
        ):
            continue
        score = sum(word_score(x, words, short) for x in texts) - 0.01 * len(joined)
        if score > best_score:
            best, best_score = split, score
    return [[group[k].text for k in w] for w in best]


@st.composite
def _split_words(draw: st.DrawFn) -> tuple[str, list[Line], list[str]]:
    """Words of a corpus document cut at random places: (lang, its lines, pieces)."""
    path = draw(st.sampled_from(CORPUS))
    text, lines = _corpus_lines(path)
    words = [w for ln in lines for w in ln.text.split()]
    pieces: list[str] = []
    for w in draw(st.lists(st.sampled_from(words), min_size=1, max_size=3)):
        cuts = sorted(draw(st.sets(st.integers(1, max(1, len(w) - 1)), max_size=3)))
        bounds = [0, *(c for c in cuts if c < len(w)), len(w)]
        pieces += [w[a:b] for a, b in itertools.pairwise(bounds)]
    return detect_language(text), lines, pieces[:10]


@settings(max_examples=60, deadline=None)
@given(_split_words())
def test_segment_finds_the_first_best_split(case: tuple[str, list[Line], list[str]]) -> None:
    """_segment tries the splits that may still win first and skips the dictionary
    for the rest; it picks the split trying every one in order picks."""
    lang, lines, pieces = case
    words = vocabulary(lang).with_lines(lines)
    group = [Tok([(p, 10 * i)], 10 * i, 1) for i, p in enumerate(pieces)]
    short = artifacts(lang).SHORT_WORDS
    found = [[t.text for t in w] for w in segment(group, words, short)]
    assert found == _reference_segment(group, words)


def test_segment_ties_go_to_the_first_split() -> None:
    """Two splits scoring alike: the one whose joins come first in mask order wins."""
    words = Vocabulary("kk", {"ә": 1, "қ": 1, "әғ": 1, "ғқ": 1}, {})
    group = [Tok([(p, 2 * i)], 2 * i, 1) for i, p in enumerate(["ә", "ғ", "қ"])]
    split = segment(group, words, artifacts("kk").SHORT_WORDS)
    assert [[t.text for t in w] for w in split] == [["ә", "ғ"], ["қ"]]


def test_pairs_run_across_clean_lines_only() -> None:
    """Pairs run on across a blank line, not after a line ending with a hyphen, nor
    across a line with no word or with an artifact; asked one at a time or all at once."""
    lines = split_lines(
        "абв гдеж-\nжзи клм\n!?\nнот про\n\nсто ура\nшешім  бар\nбір екі\nүш,\nтөрт бес\n"
    )
    _, pairs = count_clean(lines)
    v = Vocabulary("kk", {}, {}).with_lines(lines)
    expected = {
        ("гдеж-", "жзи"): 0,  # after a hyphen
        ("клм", "нот"): 0,  # across a line with no word
        ("про", "сто"): 1,  # across a blank line
        ("ура", "шешім"): 0,  # into a line with an artifact
        ("бар", "бір"): 0,  # out of it
        ("үш", "төрт"): 1,  # punctuation is no word
        ("жзи", "клм"): 1,
    }
    for (a, b), n in expected.items():
        assert pairs[f"{a} {b}"] == n, (a, b)
        assert v.pair(a, b) == n, (a, b)


def test_a_table_row_with_a_hyphenated_half_is_mended() -> None:
    """A row with fewer than three column gaps joins a hyphenated half into a
    known word (_mend_hyphens), so it never takes the shortcut of plain rows."""
    (row,), found = repair_layout(split_lines("Көші -қон  сальдосы   +53362"), "kk", "table")
    assert row.text.startswith("Көші-қон")
    assert [r.kind for r in found] == ["split_word"]


def test_a_line_with_too_many_gaps_is_left_as_printed_with_a_doubt() -> None:
    # every subset of gaps is a reading: a line past MAX_GAPS is not weighed
    line = " ".join(f"сөз{i} ," for i in range(MAX_GAPS + 4)) + " шешімімен"
    text, found = repair_line(line, "kk")
    assert [r.kind for r in found] == ["doubt"]
    assert "too many to weigh" in found[0].place
    assert "шешімімен" in text and text.endswith("шешімімен")


@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_is_as_it_was_after_a_paused_block(enabled: bool) -> None:
    """collector_paused (the hunspell dictionary's load) turns the collector off
    for its block only, and leaves it as it found it, an exception included."""
    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        with collector_paused():
            assert not gc.isenabled()
        assert gc.isenabled() is enabled
        with pytest.raises(KeyError), collector_paused():
            raise KeyError("x")
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()
