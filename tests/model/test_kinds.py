"""The model's closed vocabularies (lexversion.model): StrEnums whose members
equal the strings JSON, AKN and the store have always written, so typing the
model changes no output byte."""

from __future__ import annotations

import json
from datetime import date
from enum import StrEnum

import pytest

from lexversion.model import (
    CERTAINTY_ORDER,
    BlockKind,
    Certainty,
    DateFact,
    EffectType,
    EventType,
    NodeKind,
    Repair,
    RepairKind,
)

VALUES: dict[type[StrEnum], list[str]] = {
    Certainty: ["stated", "computed", "estimated", "unknown"],
    EffectType: [
        "repeal",
        "new_edition",
        "substitution",
        "insertion",
        "provision_amended",
        "exclusion",
        "amendment",
    ],
    EventType: [
        "adoption",
        "registration",
        "publication",
        "entry_into_force",
        "application",
        "retroactive_application",
        "amendment",
        "repeal",
        "in_force_evidence",
    ],
    BlockKind: ["p", "list", "note", "table", "layout"],
    NodeKind: ["body", "chapter", "section", "subsection", "paragraph", "point"],
    RepairKind: [
        "displaced_link",
        "letter_spacing",
        "split_word",
        "doubt",
        "invalid_byte",
        "xml_char",
    ],
}


@pytest.mark.parametrize("enum", list(VALUES))
def test_members_are_the_strings_written_before(enum: type[StrEnum]) -> None:
    assert [m.value for m in enum] == VALUES[enum]
    for m in enum:
        assert m == m.value and hash(m) == hash(m.value) and f"{m}" == m.value
        assert json.dumps({m: m}) == json.dumps({m.value: m.value})


def test_certainty_order_ranks_firmest_first_by_member_or_string() -> None:
    assert CERTAINTY_ORDER == {"stated": 0, "computed": 1, "estimated": 2, "unknown": 3}
    assert CERTAINTY_ORDER[Certainty.ESTIMATED] == CERTAINTY_ORDER["estimated"] == 2


def test_a_datefact_given_a_string_holds_the_member() -> None:
    fact = DateFact(date(2021, 3, 1), date(2021, 3, 31), "estimated", "window")
    assert fact.certainty is Certainty.ESTIMATED
    assert DateFact.stated(date(2021, 3, 1), "text").certainty is Certainty.STATED
    with pytest.raises(ValueError):
        DateFact(None, None, "guessed", "x")  # type: ignore[arg-type]


def test_a_repair_given_a_string_holds_the_member() -> None:
    r = Repair("doubt", 3, 10, 12, "ab", 10, "spaced letters")
    assert r.kind is RepairKind.DOUBT and not r.applied
    assert str(r) == "line 3: spaced letters (left as printed)"
