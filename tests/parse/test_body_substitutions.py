"""An amending act's own points replacing words throughout another act
(lexversion.parse.effects.body_substitutions; issue 13, item 2).

The words of a substitution belong to the language of the text that states
them: a Russian amending act gives the Russian text's words. The fixture
``tests/data/12-61_rus.txt`` is a Russian text of Almaty oblast's decision
12-61 written for these tests (the corpus has only the Kazakh note recording it).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from lexversion.lang import fold_text, vocab
from lexversion.model import Document, EffectType
from lexversion.parse import parse
from tests.conftest import REPO_ROOT

FIXTURE = REPO_ROOT / "tests" / "data" / "12-61_rus.txt"


def test_the_russian_amending_act_states_its_words() -> None:
    doc = parse(FIXTURE.read_bytes(), FIXTURE.name)
    (e,) = doc.meta.effects
    assert e.type == EffectType.SUBSTITUTION and e.source == "body"
    assert e.affected is not None and (e.affected.number, str(e.affected.date)) == (
        "26-129",
        "2017-12-15",
    )
    assert e.pairs == (("Оралманы", "Кандасы"),)  # as printed, case kept
    assert e.scope == "annex"  # "в приложении к указанному решению"


def test_the_kazakh_wording_is_read_too() -> None:
    point = (
        'шешімге қосымшада бүкіл мәтін бойынша "оралмандар", "Оралмандар" деген сөздер '
        'тиісінше "қандастар", "Қандастар" деген сөздермен ауыстырылсын.'
    )
    m = re.search(vocab("kk").SUBSTITUTE_WORDS, fold_text(point), re.IGNORECASE | re.DOTALL)
    assert m is not None
    assert '"оралмандар", "Оралмандар"' in m.group("old")
    assert m.group("new").startswith('"қандастар"')


def test_a_note_is_not_a_point(corpus_path: Path, parsed: Callable[[Path], Document]) -> None:
    """The corpus texts' substitutions are notes of their own text (past tense),
    never an amending act's points: none is read from a body."""
    doc = parsed(corpus_path)
    assert not [
        e for e in doc.meta.effects if e.type == EffectType.SUBSTITUTION and e.source == "body"
    ]
