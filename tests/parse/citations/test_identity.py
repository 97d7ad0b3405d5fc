"""Act identity across spellings (lexversion.parse.citations.identity).

Issue 13, item 7; DOMAIN.md 3: a law's number ends in its convocation as a
Roman numeral, which texts also type with look-alikes (seed 003 prints law
No 204-I as "N 204-1" and "N 204-I"); a maslikhat decision's "26-129" is a
session number and stays as it is.
"""

from __future__ import annotations

from datetime import date

import pytest

from lexversion.model import ActRef
from lexversion.parse.citations.identity import canonical_number, same_act, work_uri

LAW_1997 = date(1997, 12, 13)


def law(number: str, region: str | None = None, act_type: str = "law") -> ActRef:
    return ActRef(act_type, None, region, None, LAW_1997, number)


@pytest.mark.parametrize(
    ("act", "canonical"),
    [
        (law("204-1"), "204-I"),
        (law("204-I"), "204-I"),
        (law("204-І"), "204-I"),  # Cyrillic І
        (law("204-l"), "204-I"),
        (law("313-11"), "313-II"),
        (law("313-ІІ"), "313-II"),
        (law("480-V"), "480-V"),
        (law("2255"), "2255"),
        (law("12-1", act_type="code"), "12-I"),
        (law("26-1", region="KZ-19", act_type="decision"), "26-1"),
        (law("26-129", region="KZ-19", act_type="decision"), "26-129"),
        (law("204-1", act_type="resolution"), "204-1"),
        (law("204-1111"), "204-1111"),
    ],
)
def test_canonical_number(act: ActRef, canonical: str) -> None:
    assert canonical_number(act) == canonical


def test_a_law_typed_with_digit_one_is_the_law_with_a_roman_numeral() -> None:
    assert same_act(law("204-1"), law("204-I"))
    assert work_uri(law("204-1")) == work_uri(law("204-I")) == "/akn/kz/act/law/1997-12-13/204-i"
    decision = law("26-1", region="KZ-19", act_type="decision")
    assert not same_act(decision, law("26-I", region="KZ-19", act_type="decision"))


@pytest.mark.parametrize(
    ("number", "canonical"),
    [
        ("356/45-V1", "356/45-VI"),
        ("11/102-Vll", "11/102-VII"),
        ("285/35-ІІІ", "285/35-III"),
        ("149/19-VІІІ", "149/19-VIII"),
        ("4-45-X1", "4-45-XI"),
        ("26-1", "26-1"),  # a session number, no convocation
        ("507-290", "507-290"),
    ],
)
def test_a_local_convocation_typed_with_look_alikes_is_read_in_roman(
    number: str, canonical: str
) -> None:
    decision = ActRef("decision", None, "KZ-71", "maslikhat", LAW_1997, number)
    assert canonical_number(decision) == canonical


def test_an_unnumbered_law_of_the_table_is_one_work_in_both_languages() -> None:
    kk = ActRef(
        "law", None, None, "parliament", date(2011, 7, 22), None, "Халықтың көші-қоны туралы"
    )
    ru = ActRef("law", None, None, "parliament", date(2011, 7, 22), None, "О миграции населения")
    assert same_act(kk, ru)
    assert work_uri(kk) == work_uri(ru) == "/akn/kz/act/law/2011-07-22/477-iv"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("А-5/285", "A-5/285"),  # Cyrillic and Latin capital A
        ("149/19-Ⅷ", "149/19-VIII"),  # Unicode's Roman numeral sign
        ("285/35-ІІІ", "285/35-III"),
        ("К-12", "K-12"),
    ],
)
def test_look_alike_letters_in_a_number_name_one_act(a: str, b: str) -> None:
    one = ActRef("resolution", None, "KZ-71", "akimat", LAW_1997, a)
    two = ActRef("resolution", None, "KZ-71", "akimat", LAW_1997, b)
    assert same_act(one, two) and work_uri(one) == work_uri(two)
