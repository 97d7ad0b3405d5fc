"""Plausibility checks of issue 16: dates that cannot be facts are unknown and warned
about; a file holding several exports is refused naming how many."""

from __future__ import annotations

from datetime import date

import pytest

from lexversion.errors import InputError
from lexversion.parse import parse
from lexversion.parse.dates import impossible_dates
from lexversion.parse.plausibility import LOCAL_ACTS_FLOOR, refuse_several_acts, split_exports
from tests.conftest import CORPUS, corpus_file

TEXT_001 = corpus_file("001").read_text(encoding="utf-8")
ADOPTED = "от 19 \nфевраля 2021 года"
REGISTERED = "Алматы 1 марта 2021 года"


def _001(old: str, new: str) -> str:
    assert old in TEXT_001
    return TEXT_001.replace(old, new)


def test_an_impossible_registration_date_does_not_take_the_repealing_acts() -> None:
    """Issue 16: "31 февраля 3024" made the registration take decision No 97's date
    and number, marked stated, and lost the repeal."""
    doc = parse(_001(REGISTERED, "Алматы 31 февраля 3024 года"), "x.txt")
    m = doc.meta
    assert m.registration is not None
    assert (m.registration.date, m.registration.number) == (None, "1691")
    assert m.repealed_by is not None
    assert (m.repealed_by.date, m.repealed_by.number) == (date(2024, 3, 29), "97")
    assert (m.date, m.number) == (date(2021, 2, 19), "22")
    assert any('"31 февраля 3024 года" is no date' in w for w in doc.warnings)


@pytest.mark.parametrize("shown", ["от 31 \nфевраля 2021 года", "от 30.02.2021 года"])
def test_an_impossible_adoption_date_keeps_the_number_and_is_unknown(shown: str) -> None:
    doc = parse(_001(ADOPTED, shown), "x.txt")
    assert (doc.meta.date, doc.meta.number) == (None, "22")
    assert any("is no date: read as unknown" in w for w in doc.warnings)
    assert not any("no adoption date and number" in w for w in doc.warnings)


def test_a_year_after_the_build_is_unknown() -> None:
    doc = parse(_001(ADOPTED, "от 19 \nфевраля 3024 года"), "x.txt")
    assert (doc.meta.date, doc.meta.number) == (None, "22")
    assert any("3024-02-19, later than next year" in w for w in doc.warnings)
    doc = parse(_001(REGISTERED, "Алматы 1 марта 3024 года"), "x.txt")
    assert doc.meta.registration is not None and doc.meta.registration.date is None


def test_a_local_act_before_maslikhats_existed_is_unknown() -> None:
    doc = parse(_001(ADOPTED, "от 19 \nфевраля 1985 года"), "x.txt")
    assert doc.meta.date is None
    assert any(LOCAL_ACTS_FLOOR.isoformat() in w for w in doc.warnings)


def test_the_corpus_dates_are_plausible() -> None:
    for path in CORPUS:
        doc = parse(path.read_bytes(), path.name)
        assert doc.meta.date is not None
        assert not any("read as unknown" in w for w in doc.warnings)


def test_an_impossible_date_in_an_editorial_note_is_warned_about() -> None:
    doc = parse(_001("от 29.03.2024 года № 97", "от 31.02.2024 года № 97"), "x.txt")
    assert 'editorial note: "31.02.2024" is no date: not read as one' in doc.warnings


def test_impossible_dates_spans() -> None:
    text = "от 31 февраля 3024 года и 30.02.2021 и 31.13.2020 и 28 февраля 2021 года"
    found = impossible_dates(text, "ru")
    assert [text[s:e].strip() for s, e, _, _ in found][:3] == [
        "31 февраля 3024 года",
        "30.02.2021",
        "31.13.2020",
    ]
    assert [text[a:b] for _, _, a, b in found] == ["31", "30", "13"]


# -- several acts in one file ---------------------------------------------------------


@pytest.mark.parametrize("copies", [1, 9])
def test_concatenated_exports_are_refused_naming_how_many(copies: int) -> None:
    text = "".join(p.read_text(encoding="utf-8") for p in CORPUS) * copies
    with pytest.raises(InputError) as info:
        parse(text, "all.txt")
    assert str(info.value).startswith(f"all.txt: holds {5 * copies} acts")
    assert "lexversion split all.txt DIR" in str(info.value)
    assert "\n" not in str(info.value)


def test_concatenated_exports_split_into_their_acts_verbatim() -> None:
    texts = [p.read_text(encoding="utf-8") for p in CORPUS]
    joined = "".join(texts * 2)
    pieces = split_exports(joined)
    assert "".join(pieces) == joined
    assert len(pieces) == 10
    numbers = [parse(piece, "x.txt").meta.number for piece in pieces]
    assert numbers == [parse(t, "x.txt").meta.number for t in texts] * 2


def test_one_export_is_one_act() -> None:
    for path in CORPUS:
        text = path.read_text(encoding="utf-8")
        refuse_several_acts(text, path.name)
        assert split_exports(text) == [text]
