"""Fixed-width tables: the fast paths of :mod:`lexversion.parse.tables` give the
defining results.

A word spanning pieces of a line's offset map takes its pieces by walking the
map (:func:`tables._across`), a run cut at a column start by expanding its
pieces (:func:`tables._cut`), and a cell is built from all its runs at once
(:func:`tables._cell`); each is checked here against the per-character (or
per-word) definition it replaces, on random input. A small numbered table
checks that every cell character maps back to itself in the source.
"""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from lexversion.parse import tables
from lexversion.text.lines import OffsetMap, split_lines


def _raws_by_definition(cs: tuple[int, ...], rs: tuple[int, ...], a: int, b: int) -> list[int]:
    """Source offset of each character ``a:b``: the last piece starting at or before
    it, or the first raw offset before the first piece."""
    out = []
    for k in range(a, b):
        i = max((j for j, c in enumerate(cs) if c <= k), default=-1)
        out.append(rs[i] + (k - cs[i]) if i >= 0 else (rs[0] if rs else 0))
    return out


@st.composite
def _maps(draw: st.DrawFn) -> tuple[tuple[int, ...], tuple[int, ...], int, int]:
    """A map (clean starts rising, not always strictly; raw starts anywhere) and a
    word ``a:b`` that does not lie inside one piece."""
    steps = draw(st.lists(st.integers(0, 3), min_size=1, max_size=12))
    cs = tuple(sum(steps[: k + 1]) for k in range(len(steps)))
    rs = tuple(draw(st.lists(st.integers(0, 60), min_size=len(cs), max_size=len(cs))))
    a = draw(st.integers(0, cs[-1] + 1))
    b = draw(st.integers(a + 2, cs[-1] + 4))
    return cs, rs, a, b


@settings(max_examples=400, deadline=None)
@given(_maps())
def test_across_is_the_per_character_walk(
    m: tuple[tuple[int, ...], tuple[int, ...], int, int],
) -> None:
    cs, rs, a, b = m
    i = max((j for j, c in enumerate(cs) if c <= a), default=-1)
    raws = _raws_by_definition(cs, rs, a, b)
    clean, raw, apart = tables._across(cs, rs, i, a, b)
    assert (clean, raw) == tables._pieces(raws)
    assert apart == all(y - x >= 2 for x, y in itertools.pairwise(raws))


_WORDS = st.text(alphabet="аб-1.", min_size=1, max_size=6)


@st.composite
def _runs(draw: st.DrawFn) -> list[tables._Run]:
    """Runs with random pieces, as a cell receives them."""
    out = []
    for text in draw(st.lists(_WORDS, max_size=6)):
        raws = [draw(st.integers(0, 40)) for _ in text]
        clean, raw = tables._pieces(raws)
        out.append(tables._Run(text, 0, len(text), clean, raw))
    return out


@settings(max_examples=300, deadline=None)
@given(_runs())
def test_cell_is_the_runs_added_one_by_one(runs: list[tables._Run]) -> None:
    text = prev = ""
    clean: list[int] = []
    raw: list[int] = []
    for r in runs:
        if text and not (prev.endswith("-") and len(prev) > 1):  # "көші-" + "қон"
            text += " "
        prev = r.text
        clean.extend(len(text) + c for c in r.clean)
        raw.extend(r.raw)
        text += r.text
    cell = tables._cell(runs)
    assert (cell.text, cell.offsets.clean_starts, cell.offsets.raw_starts) == (
        text,
        tuple(clean),
        tuple(raw),
    )


@settings(max_examples=300, deadline=None)
@given(_runs().filter(lambda rs: bool(rs) and len(rs[0].text) > 1), st.integers(1, 5))
def test_cut_keeps_each_characters_offset(runs: list[tables._Run], n: int) -> None:
    r = runs[0]
    n = min(n, len(r.text) - 1)
    head, tail = tables._cut(r, n)
    offsets = [OffsetMap(r.clean, r.raw).to_raw(k) for k in range(len(r.text))]
    assert head.text + tail.text == r.text
    assert (head.clean, head.raw) == tables._pieces(offsets[:n])
    assert (tail.clean, tail.raw) == tables._pieces(offsets[n:])


_NUMBERED = """\
-------------------------------------------------------
Рет  Шаралар              Мерзімі        Жауаптылар
-------------------------------------------------------
1. Жалпы шаралар
1. Ақпарат жүйесін        2003 жылғы     Қала әкімі
құру жолы                 үшінші         көші-
талдау                    тоқсан         қон
2. Зерттеулер             2004 жылғы     Басқарма
жүргізу                   бірінші        әкімдігі
"""


def test_numbered_table_cells_map_to_the_source() -> None:
    lines = split_lines(_NUMBERED)
    t = tables.table(lines, "table")
    assert t is not None
    texts = [[c.text for c in row] for row in t.rows]
    assert texts[0] == ["Рет", "Шаралар", "Мерзімі", "Жауаптылар"]
    assert texts[1] == ["1. Жалпы шаралар"]
    assert texts[2] == [
        "1.",
        "Ақпарат жүйесін құру жолы талдау",
        "2003 жылғы үшінші тоқсан",
        "Қала әкімі көші-қон",
    ]
    assert texts[3] == ["2.", "Зерттеулер жүргізу", "2004 жылғы бірінші", "Басқарма әкімдігі"]
    for row in t.rows:
        for c in row:
            for k, ch in enumerate(c.text):
                if ch != " ":
                    assert _NUMBERED[c.offsets.to_raw(k)] == ch


_PASSPORT_WITH_RULE = """\
Бағдарламаның атауы     Көші-қон бағдарламасы
Әзірлеу үшін негіз      Қала әкімінің шешімі
--------------------------------------------
Қаржыландыру көздері    Жергілікті бюджет
"""


def test_a_rule_inside_a_passport_is_kept_once() -> None:
    """A ruling line printed between the rows of a passport is a rule, not a cell:
    every non-blank character of the block is in exactly one cell or rule line
    (the module's invariant; a re-cut export once put the rule in both)."""
    t = tables.table(split_lines(_PASSPORT_WITH_RULE), "passport")
    assert t is not None
    assert t.rules == ("-" * 44,)
    kept = "".join(c.text for row in t.rows for c in row) + "".join(t.rules)
    assert sorted(kept.replace(" ", "")) == sorted(
        _PASSPORT_WITH_RULE.replace(" ", "").replace("\n", "")
    )
