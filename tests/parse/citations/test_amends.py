"""Amendments a cited act's title states (lexversion.parse.citations.amends; issue 13):
seed 002 records the 2021 amendment of the 2019 joint act only in the title of
the decision it repeals, "... № 507-290 қаулысына өзгерістер енгізу туралы"."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from lexversion.model import ActRef, Document, EffectType
from lexversion.parse.citations.amends import title_effects

OWN = ActRef("decision", None, "KZ-71", "maslikhat", date(2024, 3, 7), "149/19-VIII")


def test_a_kazakh_title_says_the_act_after_it_amends_the_act_before_it() -> None:
    text = (
        '2) "Астана қаласының көші-қон процестерін реттеу қағидаларын бекіту туралы" Астана '
        "қаласы әкімдігінің 2019 жылғы 22 ақпандағы № 507-290 қаулысына өзгерістер енгізу "
        'туралы" Астана қаласы мәслихатының 2021 жылғы 24 қарашадағы № 106/15-VII шешімінің'
    )
    (e,) = title_effects([text], "kk", OWN)
    assert e.type == EffectType.AMENDMENT and e.source == "citation"
    assert e.affecting is not None and e.affecting.number == "106/15-VII"
    assert e.affected is not None and e.affected.number == "507-290"


def test_a_russian_title_says_the_act_before_it_amends_the_act_after_it() -> None:
    text = (
        "Признать утратившим силу решение маслихата города Астаны от 24 ноября 2021 года "
        '№ 106/15-VII "О внесении изменений и дополнений в постановление акимата города '
        'Астаны от 22 февраля 2019 года № 507-290 "Об утверждении правил""'
    )
    (e,) = title_effects([text], "ru", OWN)
    assert e.affecting is not None and e.affecting.number == "106/15-VII"
    assert e.affected is not None and e.affected.number == "507-290"


def test_two_acts_merely_listed_state_no_amendment() -> None:
    text = (
        "Астана қаласы мәслихатының 2019 жылғы 6 наурыздағы № 356/45-VI шешімі және "
        "Астана қаласы мәслихатының 2021 жылғы 24 қарашадағы № 106/15-VII шешімі"
    )
    assert title_effects([text], "kk", OWN) == []


def test_seed_002_records_the_amendment_of_the_joint_act(
    corpus_paths: list[Path], parsed: Callable[[Path], Document]
) -> None:
    (path,) = [p for p in corpus_paths if p.name.startswith("002_")]
    found = [e for e in parsed(path).meta.effects if e.type == EffectType.AMENDMENT]
    assert [
        (e.affecting and e.affecting.number, e.affected and e.affected.number) for e in found
    ] == [("106/15-VII", "507-290")]
