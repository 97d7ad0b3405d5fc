"""Editorial notes (lexversion.parse.effects.read_note, lexversion.parse.notes):
a note yields its effects and, apart from them, the commencement rules it
states; no effect stands for a bare rule (DOMAIN.md 2.4, 5)."""

from __future__ import annotations

from lexversion.model import EffectType, ProvisionRef
from lexversion.parse import parse
from lexversion.parse.effects import read_note

RULE_RU = "(вводится в действие по истечении десяти календарных дней после дня его первого официального опубликования)"


def test_a_provision_note_carries_a_pinpoint_not_a_piped_scope() -> None:
    note = (
        "Сноска. Пункт 5 - в редакции решения маслихата города Алматы от 12.05.2022 № 150 "
        + RULE_RU
        + "."
    )
    reading = read_note(note, (), "ru", "att_1", None)
    assert reading.rules == ()
    (e,) = reading.effects
    assert e.type is EffectType.PROVISION_AMENDED
    assert e.scope == "att_1" and e.pinpoint == ProvisionRef("att_1", "paragraph", "5")


def test_a_note_announcing_an_extract_states_a_rule_and_no_effect() -> None:
    note = "Сноска. Решение маслихата города Алматы от 12.05.2022 № 150 " + RULE_RU + ". Выписка:"
    reading = read_note(note, ("Выписка из решения",), "ru", "whole", None)
    assert reading.effects == ()
    (stated,) = reading.rules
    assert stated.act.number == "150" and stated.rule.days == 10


def test_a_parsed_document_holds_no_commencement_effect_and_no_pinpoint() -> None:
    from pathlib import Path

    for path in sorted(Path(__file__).parents[2].joinpath("corpus").glob("*.txt")):
        doc = parse(path.read_bytes(), path.name)
        assert all(e.type in set(EffectType) for e in doc.meta.effects)
        assert all(e.pinpoint is None for e in doc.meta.effects)
