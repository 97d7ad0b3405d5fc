"""``comparable``: Rules meet Rules when one side is an annex's text."""

from __future__ import annotations

from lexversion.akn.provisions import Expression, Provision
from lexversion.diff.parts import comparable


def expr(title: str, *eids_texts: tuple[str, str]) -> Expression:
    return Expression(title, tuple(Provision(e, "", "p", t) for e, t in eids_texts))


RULES = expr("Правила выдачи справок в городе А", ("preface", "Правила выдачи справок в городе А"))
DECISION = expr(
    "Об утверждении Правил выдачи справок в районе Б",
    ("preface", "Об утверждении Правил выдачи справок в районе Б"),
    ("para_1", "1. Утвердить прилагаемые Правила."),
    (
        "att_1__preface",
        "Утверждены решением от 1 марта 2020 года № 5\nПравила выдачи справок в районе Б",
    ),
    ("att_1__para_1", "1. Справки выдаются."),
)


def test_the_decision_side_is_narrowed_to_its_rules() -> None:
    old, new = comparable(RULES, DECISION)
    assert old is RULES
    assert [p.eid for p in new.provisions] == ["att_1__preface", "att_1__para_1"]
    assert new.title == "Правила выдачи справок в районе Б"
    new2, old2 = comparable(DECISION, RULES)
    assert old2 is RULES and new2.title == new.title


def test_whole_when_the_decision_is_the_closer_match_or_both_have_annexes() -> None:
    other = expr("Об утверждении Правил выдачи справок в районе В", ("preface", "x"))
    assert comparable(other, DECISION) == (other, DECISION)
    assert comparable(DECISION, DECISION) == (DECISION, DECISION)
    assert comparable(RULES, RULES) == (RULES, RULES)
