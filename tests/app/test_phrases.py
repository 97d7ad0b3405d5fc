"""The sentences lexversion writes about dates and answers reach the reader in
their language (issue 14): every basis, note and reason the corpus gives is
one of :data:`lexversion.phrases.PHRASES`, said in Kazakh and Russian with
the dates as the reader writes them; English and JSON keep them as written."""

from __future__ import annotations

import re
from datetime import date

import pytest

from lexversion.app.query import history, show, store_for
from lexversion.i18n import using
from lexversion.phrases import PHRASES, explain, recognised
from lexversion.timeline.pit import point_in_time

#: days the answers are asked on: before, inside and after the corpus' events
DAYS = [date(y, m, 1) for y in range(1997, 2027) for m in (1, 7)]
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


def _sentences(db: str) -> set[str]:
    """Every basis, note and reason the store built from the corpus gives."""
    store = store_for(db)
    found: set[str] = set()
    for w in store.works():
        found |= {it.date.basis for it in store.history(w.frbr_uri)}
        tl = store.timeline(w.frbr_uri, cited_by=False)
        for lang in (None, "kk", "ru"):
            for on in DAYS:
                pit = point_in_time(tl, on, lang)
                found |= set(pit.notes) | ({pit.reason} if pit.reason else set())
                found |= set(pit.effects)
    return found


@pytest.fixture(scope="module")
def sentences(db: str) -> set[str]:
    return _sentences(db)


def test_every_sentence_is_a_message(sentences: set[str]) -> None:
    assert len(sentences) > 50
    assert sorted(s for s in sentences if not recognised(s)) == []


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_every_sentence_is_said_in_the_readers_language(sentences: set[str], lang: str) -> None:
    with using(lang):
        for s in sentences:
            said = explain(s)
            assert said != s, s
            assert not _ISO.search(said.replace("..", " ")) or "/akn/" in said or "'" in said, said


def test_english_is_as_written(sentences: set[str]) -> None:
    with using("en"):
        assert all(explain(s) == s for s in sentences)


@pytest.mark.parametrize(
    ("lang", "text", "said"),
    [
        (
            "kk",
            "cited as in force by /akn/kz-19/act/decision/2017-12-15/26-129 on 2017-12-15",
            "/akn/kz-19/act/decision/2017-12-15/26-129 актісі 15.12.2017 күні қолданыстағы "
            "акт ретінде сілтеме жасаған",
        ),
        (
            "ru",
            "entry into force: 2019-06-12 (computed: 'со дня первого официального "
            "опубликования' (publication + 0 days); published 2019-06-12 (stated))",
            "вступил в силу: 12.06.2019 (вычислена: 'со дня первого официального "
            "опубликования' (опубликование + 0 дн.); опубликован 12.06.2019 (указано))",
        ),
        ("kk", "something else", "something else"),
        (
            "ru",
            "reversed: substitution by /akn/kz-19/act/decision/2021-12-14/12-61",
            "отменено обратно: слова заменены — актом /akn/kz-19/act/decision/2021-12-14/12-61",
        ),
        (
            "ru",
            "wording: /akn/kz-61/act/decision/2024-09-30/12-160-viii/rus@2024-09-30 (official) "
            "applies",
            "редакция: /akn/kz-61/act/decision/2024-09-30/12-160-viii/rus@2024-09-30 "
            "(официальный) применяется",
        ),
        (
            "kk",
            "wording: /akn/kz-19/act/decision/2017-12-15/26-129/kaz@2021-12-25 "
            "(substitution, exclusion) applies",
            "редакция: /akn/kz-19/act/decision/2017-12-15/26-129/kaz@2021-12-25 "
            "(сөздер ауыстырылды, алып тасталды) қолданылады",
        ),
    ],
)
def test_explain(lang: str, text: str, said: str) -> None:
    with using(lang):
        assert explain(text) == said


def test_every_message_reads_back() -> None:
    """Each message, filled with sample values, is recognised as itself."""
    sample = {
        "day": "2019-06-01",
        "earliest": "2019-06-01",
        "latest": "2019-07-01",
        "days": "11",
        "certainty": "computed",
        "effect": "repeal",
        "effects": "substitution, exclusion",
        "basis": "requisites",
        "what": "adopted",
        "listed": "requisites; cited in the corpus",
    }
    for message in PHRASES:
        names = re.findall(r"\{([a-z_]+)\}", message)
        text = message.format(**{n: sample.get(n, "X") for n in names})
        assert recognised(text), message


def test_show_and_history_speak_the_readers_language(db: str) -> None:
    work = "/akn/kz-19/act/decision/2017-12-15/26-129"
    with using("ru"):
        out = history(db, work, "text")
        assert "основание: реквизиты" in out
        assert "cited as in force" not in out
        shown = show(db, work + ":2019-06-01", None, None, "text")
        assert isinstance(shown, str)
        # in force on registration, put into effect ten days after publication
        assert "примечание: действует с: 09.01.2018 (вычислена: " in shown
        assert "примечание: введен в действие с: между 20.01.2018 и 13.10.2018 (оценка: " in shown
        assert "вступил в силу: 09.01.2018 (вычислена)" in shown
        assert "введен в действие: 20.01.2018 – 13.10.2018 (оценка)" in shown
        data = history(db, work, "json")  # JSON keeps the English sentences
        assert isinstance(data, dict)
        assert any(it["basis"] == "requisites" for it in data["items"])
