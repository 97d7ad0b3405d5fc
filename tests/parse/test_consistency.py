"""Recorded effects against the text (lexversion.parse.consistency; issue 13, item 9).

Seed 000's note records "оралмандарды", "оралмандар", "Оралмандар" replaced by
"қандастарды", "қандастар", "Қандастар" throughout the Rules, yet point 7 of
chapter 2 still reads "оралмандарды": the record and the text disagree, and
parse says so in its warnings (kept as published, never corrected).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from lexversion.akn.json import document_json
from lexversion.model import Document, EffectType
from lexversion.parse import parse
from tests.conftest import corpus_file, seed_of

SEED_000 = corpus_file("000")


def test_seed_000_keeps_one_old_form_against_its_substitution(
    parsed: Callable[[Path], Document],
) -> None:
    doc = parsed(SEED_000)
    (m,) = doc.mismatches
    effect = doc.meta.effects[m.effect]
    assert effect.type == EffectType.SUBSTITUTION and effect.affected is None
    assert (m.old, m.new) == ("оралмандарды", "қандастарды")
    assert m.eids == ("att_1__chp_2__para_7",) and m.count == 1
    assert m.message in doc.warnings
    assert "оралмандарды" in m.message and "att_1__chp_2__para_7" in m.message


def test_the_warning_is_in_the_json_of_parse(parsed: Callable[[Path], Document]) -> None:
    warnings = document_json(parsed(SEED_000))["warnings"]
    assert any("effect and text disagree" in w and "оралмандарды" in w for w in warnings)


def test_the_note_quoting_the_old_words_is_not_the_text(
    parsed: Callable[[Path], Document],
) -> None:
    """The note itself quotes every old form ("оралмандар", "Оралмандар"): only
    the provisions are searched, so only point 7's form is reported."""
    assert [m.old for m in parsed(SEED_000).mismatches] == ["оралмандарды"]


def test_a_text_that_agrees_with_its_record_has_no_mismatch() -> None:
    text = SEED_000.read_text("utf-8").replace("оралмандарды, әсіресе", "қандастарды, әсіресе")
    doc = parse(text, "000-agreeing.txt")
    assert doc.mismatches == ()
    assert not any("disagree" in w for w in doc.warnings)


def test_texts_recording_no_substitution_have_none(
    corpus_path: Path, parsed: Callable[[Path], Document]
) -> None:
    doc = parsed(corpus_path)
    if seed_of(corpus_path) != "000":
        assert doc.mismatches == ()
