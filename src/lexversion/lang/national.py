"""The Republic's codes and main laws, by a language-independent key: data only.

Local acts cite the codes by name alone ("Әлеуметтік кодексіне сәйкес", "в
соответствии с Экологическим кодексом") and the main laws by their title with or
without a date ("Қазақстан Республикасындағы жергілікті мемлекеттік басқару және
өзін-өзі басқару туралы" Қазақстан Республикасы Заңы; Закон Республики Казахстан
от 23 января 2001 года "О местном государственном управлении и самоуправлении в
Республике Казахстан"). This table makes every such citation, in either language,
one work (issue 13, item 7).

``key`` names the act whatever the language; ``date`` and ``number`` are as
published, each checked against the public source in ``source`` (nothing here is
guessed: an act whose number could not be checked has ``number`` ``None`` and its
FRBR number is ``nn-<key>``). ``applies`` is the day the act was put into effect,
where the source states it (else ``None``: from its adoption). ``kk_titles`` and
``ru_titles`` are the titles as cited (a law renamed keeps its earlier title);
``kk_names`` and ``ru_names`` the names a code is cited by, as regular-expression
fragments over its case forms (matched case-insensitively, Latin ``i`` typed for
``і`` folded first). Acts of one name (the migration laws of 1997 and 2011, the
tax codes) are told apart by the citing act's date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class NationalAct:
    """A code or law of the Republic, known by name (see the module's docstring)."""

    key: str
    act_type: str  # "law" | "code"
    date: dt.date
    number: str | None
    source: str
    applies: dt.date | None = None
    kk_titles: tuple[str, ...] = ()
    ru_titles: tuple[str, ...] = ()
    kk_names: tuple[str, ...] = ()
    ru_names: tuple[str, ...] = ()


#: Kazakh: "Қазақстан Республикасының" may stand inside a code's name
_KK_RK = r"(?:Қазақстан\s+Республикасының\s+)?"
#: Russian: "Республики Казахстан" may stand inside a code's name
_RU_RK = r"(?:\s+Республики\s+Казахстан)?"
#: the word every name of a code holds, in lower case, in both languages: a
#: paragraph without it names no code (the screen of
#: :func:`lexversion.parse.citations.national.find_named`; each name below is
#: checked to hold it by ``tests/parse/citations/test_strategies.py``)
CODE_WORD = "кодекс"
_KODEKS_KK = r"кодекс(?:і|інің|іне|ін|інде|імен|і)?\b"
_KODEKS_RU = r"[Кк]одекс(?:а|у|ом|е|ы)?\b"

ACTS: tuple[NationalAct, ...] = (
    NationalAct(
        "social-code",
        "code",
        date(2023, 4, 20),
        "224-VII",
        "adilet.zan.kz (Z050000063_: repealed by the Code of 20.04.2023 No 224-VII); "
        "ecolex.org (in force from 1 July 2023)",
        applies=date(2023, 7, 1),
        kk_names=(rf"{_KK_RK}Әлеуметтік\s+{_KODEKS_KK}",),
        ru_names=(rf"Социальн(?:ый|ого|ому|ым|ом)\s+{_KODEKS_RU}{_RU_RK}",),
    ),
    NationalAct(
        "ecological-code",
        "code",
        date(2021, 1, 2),
        "400-VI",
        "cis-legislation.com rgn=130707; ecolex.org (in force from 1 July 2021)",
        applies=date(2021, 7, 1),
        kk_names=(rf"{_KK_RK}Экология(?:лық)?\s+{_KODEKS_KK}",),
        ru_names=(rf"Экологическ(?:ий|ого|ому|им|ом)\s+{_KODEKS_RU}{_RU_RK}",),
    ),
    NationalAct(
        "budget-code",
        "code",
        date(2008, 12, 4),
        "95-IV",
        "adilet.zan.kz K080000095_; cis-legislation.com rgn=25608",
        kk_names=(rf"{_KK_RK}Бюджет\s+{_KODEKS_KK}",),
        ru_names=(rf"Бюджетн(?:ый|ого|ому|ым|ом)\s+{_KODEKS_RU}{_RU_RK}",),
    ),
    NationalAct(
        "tax-code-2017",
        "code",
        date(2017, 12, 25),
        "120-VI",
        "cis-legislation.com rgn=102885; Law No 121-VI (in effect from 1 January 2018)",
        applies=date(2018, 1, 1),
        kk_names=(rf"{_KK_RK}Салық\s+{_KODEKS_KK}",),
        ru_names=(rf"Налогов(?:ый|ого|ому|ым|ом)\s+{_KODEKS_RU}{_RU_RK}",),
    ),
    NationalAct(
        "tax-code-2025",
        "code",
        date(2025, 7, 18),
        "214-VIII",
        "pavlodar.com/zakon dok=07007; base.spinform.ru rgn=168046",
        kk_names=(rf"{_KK_RK}Салық\s+{_KODEKS_KK}",),
        ru_names=(rf"Налогов(?:ый|ого|ому|ым|ом)\s+{_KODEKS_RU}{_RU_RK}",),
    ),
    NationalAct(
        "administrative-offences-code-2001",
        "code",
        date(2001, 1, 30),
        "155-II",
        "cis-legislation.com rgn=1156 (repealed from 1 January 2015 by Code No 235-V)",
        kk_names=(
            rf"{_KK_RK}Әкімшілік\s+құқық\s+бұзушылық(?:тар)?\s+туралы\s+{_KK_RK}{_KODEKS_KK}",
        ),
        ru_names=(rf"{_KODEKS_RU}{_RU_RK}\s+об\s+административных\s+правонарушениях",),
    ),
    NationalAct(
        "administrative-offences-code",
        "code",
        date(2014, 7, 5),
        "235-V",
        "cis-legislation.com rgn=1156; adilet.zan.kz K010000155_ (effective from 01.01.2015)",
        applies=date(2015, 1, 1),
        kk_names=(
            rf"{_KK_RK}Әкімшілік\s+құқық\s+бұзушылық(?:тар)?\s+туралы\s+{_KK_RK}{_KODEKS_KK}",
        ),
        ru_names=(rf"{_KODEKS_RU}{_RU_RK}\s+об\s+административных\s+правонарушениях",),
    ),
    NationalAct(
        "local-government-law",
        "law",
        date(2001, 1, 23),
        "148-II",
        "cis-legislation.com rgn=1170; zakon.uchet.kz Z010000148_",
        kk_titles=(
            "Қазақстан Республикасындағы жергілікті мемлекеттік басқару және өзін-өзі "
            "басқару туралы",
            "Қазақстан Республикасындағы жергілікті мемлекеттік басқару туралы",
        ),
        ru_titles=(
            "О местном государственном управлении и самоуправлении в Республике Казахстан",
            "О местном государственном управлении в Республике Казахстан",
        ),
    ),
    NationalAct(
        "migration-law-1997",
        "law",
        date(1997, 12, 13),
        "204-I",
        "pavlodar.com/zakon dok=03618 (Law of 13.12.1997 N 204-1)",
        kk_titles=("Халықтың көші-қоны туралы",),
        ru_titles=("О миграции населения",),
    ),
    NationalAct(
        "migration-law",
        "law",
        date(2011, 7, 22),
        "477-IV",
        "cis-legislation.com rgn=46151; pavlodar.com/zakon dok=05150",
        kk_titles=("Халықтың көші-қоны туралы",),
        ru_titles=("О миграции населения",),
    ),
    NationalAct(
        "housing-law",
        "law",
        date(1997, 4, 16),
        "94-I",
        "pavlodar.com/zakon dok=00114 (Law of 16.04.1997 N 94-I)",
        kk_titles=("Тұрғын үй қатынастары туралы",),
        ru_titles=("О жилищных отношениях",),
    ),
    NationalAct(
        "almaty-status-law",
        "law",
        date(1998, 7, 1),
        "258-I",
        "cis-legislation.com rgn=1194",
        kk_titles=("Алматы қаласының ерекше мәртебесі туралы",),
        ru_titles=("Об особом статусе города Алматы",),
    ),
    NationalAct(
        "legal-acts-law",
        "law",
        date(2016, 4, 6),
        "480-V",
        "cis-legislation.com rgn=84380",
        kk_titles=("Құқықтық актілер туралы",),
        ru_titles=("О правовых актах",),
    ),
)

#: the words of a law that may stand next to its quoted title (regular-expression
#: fragments): "... туралы" Қазақстан Республикасы Заңы, Закона Республики Казахстан "..."
LAW_WORDS: dict[str, str] = {"kk": r"[Зз]аң", "ru": r"[Зз]акон"}

__all__ = ["ACTS", "LAW_WORDS", "NationalAct"]
