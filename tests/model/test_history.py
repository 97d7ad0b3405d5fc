"""``each_change_once``: an effect and the event it also records are one change."""

from __future__ import annotations

from datetime import date

from lexversion.model import Certainty, DateFact, EffectDetail, HistoryEntry, each_change_once

D = DateFact(date(2024, 4, 17), date(2024, 5, 17), Certainty.ESTIMATED, "assumed")
OTHER = DateFact(date(2025, 1, 1), date(2025, 1, 1), Certainty.STATED, "requisites")
DETAIL = EffectDetail("whole", (), (), ())


def entry(kind: str, by: str | None = "/b", when: DateFact = D) -> HistoryEntry:
    return HistoryEntry(when, kind, by, "/a", DETAIL if kind.startswith("effect:") else "")


def test_the_effect_stays_and_its_event_twin_goes() -> None:
    items = [entry("adoption", None), entry("effect:repeal"), entry("repeal")]
    assert [i.type for i in each_change_once(items)] == ["adoption", "effect:repeal"]
    items = [entry("amendment"), entry("effect:substitution")]
    assert [i.type for i in each_change_once(items)] == ["effect:substitution"]


def test_an_event_without_its_twin_stays() -> None:
    assert each_change_once([entry("repeal")]) == [entry("repeal")]
    # another causing act, another date: not the same change
    assert len(each_change_once([entry("repeal", "/c"), entry("effect:repeal")])) == 2
    assert len(each_change_once([entry("repeal", when=OTHER), entry("effect:repeal")])) == 2
    # a repeal effect is not an amendment's twin
    assert len(each_change_once([entry("amendment"), entry("effect:repeal")])) == 2
