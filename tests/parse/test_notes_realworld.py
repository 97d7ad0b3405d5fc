"""Every editorial note of the real openings (the development set of
``shared/realworld``, copied to ``data/realworld_dev_notes.jsonl``) read against
its hand-read truth: the amending acts (date and number) the notes name, the
repealing act, and nothing else (no false positive from body text, titles of
amending acts, registrations or acts a body cites).

The notes are found in each record's whole text by
:func:`lexversion.parse.notes.find_notes` and read by
:func:`lexversion.parse.notes.read_found`, the path the parser takes for notes
no part of the layout holds; today most of these records are rejected by the
layout before notes are read, so the reading is tested on the text itself.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from lexversion.model import EffectType
from lexversion.parse.notes import find_notes, read_found

DATA = Path(__file__).with_name("data") / "realworld_dev_notes.jsonl"
RECORDS = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines()]
#: Cyrillic letters typed for Latin ones in act numbers ("А-5/285"), folded for comparison
_LOOKALIKE = str.maketrans("АВЕКМНОРСТХІ", "ABEKMHOPCTXI")


def _num(number: str | None) -> str:
    return (number or "").upper().translate(_LOOKALIKE).replace(" ", "")


def _read(record: dict) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    """(amendments, repeals) the notes of ``record`` record, as (ISO date, number)."""
    amendments: set[tuple[str, str]] = set()
    repeals: set[tuple[str, str]] = set()
    for note in find_notes(record["text"], record["lang"]):
        for e in read_found(note, record["lang"], None).effects:
            assert e.source == "note" and e.affecting is not None
            when = e.affecting.date.isoformat() if isinstance(e.affecting.date, date) else ""
            key = (when, _num(e.affecting.number))
            (repeals if e.type is EffectType.REPEAL else amendments).add(key)
    return amendments, repeals


@pytest.mark.parametrize("record", RECORDS, ids=[r["id"] for r in RECORDS])
def test_the_notes_name_exactly_the_amending_acts_of_the_truth(record: dict) -> None:
    amendments, _ = _read(record)
    truth = {(a["date"], _num(a["number"])) for a in record["amendments"]}
    assert amendments == truth


@pytest.mark.parametrize("record", RECORDS, ids=[r["id"] for r in RECORDS])
def test_a_repeal_note_names_the_repealing_act_of_the_truth(record: dict) -> None:
    _, repeals = _read(record)
    rep = record["repealed_by"]
    truth = {(rep["date"], _num(rep["number"]))} if rep else set()
    assert repeals <= truth
    if rep and record["shape"] in {"full", "notes_then_body"}:  # these print the note
        assert repeals == truth


def test_the_development_set_has_amendment_notes_to_find() -> None:
    """The table above cannot pass on an empty reading: the set holds notes of each kind."""
    assert sum(len(r["amendments"]) for r in RECORDS) >= 9
    assert sum(1 for r in RECORDS if r["repealed_by"]) >= 15
