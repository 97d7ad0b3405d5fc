"""Provision labels in the reader's language (lexversion.render.labels, issue 14)."""

from __future__ import annotations

import pytest

from lexversion.i18n import using
from lexversion.render.labels import provision_label

LABELS = [
    # (eId, English, Kazakh, Russian)
    (
        "chp_1__para_3__point_2",
        "chapter 1, point 3, subpoint 2)",
        "1-тарау 3-тармақ 2) тармақша",
        "глава 1, пункт 3, подпункт 2)",
    ),
    (
        "att_1__chp_2__para_10",
        "annex 1, chapter 2, point 10",
        "1-қосымша 2-тарау 10-тармақ",
        "приложение 1, глава 2, пункт 10",
    ),
    ("para_4", "point 4", "4-тармақ", "пункт 4"),
    ("att_1__sec_5-1", "annex 1, section 5.1", "1-қосымша 5.1-бөлім", "приложение 1, раздел 5.1"),
    ("preamble", "preamble", "кіріспе", "преамбула"),
    ("preface", "title and requisites", "атауы мен деректемелері", "название и реквизиты"),
    (
        "att_1__table_1__container",
        "annex 1, table 1",
        "1-қосымша 1-кесте",
        "приложение 1, таблица 1",
    ),
    ("para_2__point_а", "point 2, subpoint а)", "2-тармақ а) тармақша", "пункт 2, подпункт а)"),
]


@pytest.mark.parametrize(("eid", "en", "kk", "ru"), LABELS, ids=[x[0] for x in LABELS])
def test_provision_label(eid: str, en: str, kk: str, ru: str) -> None:
    for lang, want in (("en", en), ("kk", kk), ("ru", ru)):
        with using(lang):
            assert provision_label(eid) == want


@pytest.mark.parametrize("eid", ["", "not an eid", "att_1__zzz_3", "conclusions__role_1"])
def test_unknown_eids_are_kept(eid: str) -> None:
    with using("kk"):
        assert provision_label(eid) == eid
