"""The table of the Republic's codes and main laws (lexversion.lang.national): data
a citation can rely on."""

from __future__ import annotations

import re

from lexversion.lang.national import ACTS


def test_keys_are_unique_and_language_independent() -> None:
    keys = [a.key for a in ACTS]
    assert len(keys) == len(set(keys))
    assert all(re.fullmatch(r"[a-z0-9-]+", k) for k in keys)


def test_every_act_has_a_source_names_in_both_languages_and_a_roman_convocation() -> None:
    for a in ACTS:
        assert a.source
        assert bool(a.kk_titles) == bool(a.ru_titles) and bool(a.kk_names) == bool(a.ru_names)
        assert a.kk_titles or a.kk_names
        assert a.number is None or re.fullmatch(r"\d+-[IVX]+", a.number)
        assert a.applies is None or a.applies >= a.date


def test_name_patterns_compile() -> None:
    for a in ACTS:
        for p in (*a.kk_names, *a.ru_names):
            re.compile(p)
