"""The version graph beyond the corpus: sidecar facts, provision-level effects,
commencement from a stated date, retroactive application, fuzzy resolution,
and the graph export (issue 4)."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from lxml import etree

from lexversion import build
from lexversion.app.export import graph_dot, graph_json
from lexversion.app.query import answer, history
from lexversion.errors import UsageError
from lexversion.graph.matching import match_act
from lexversion.model import ActRef, WorkRecord
from lexversion.parse import parse
from lexversion.store import open_store

ROOT = Path(__file__).resolve().parents[1]
SEED_000 = ROOT / "corpus" / "000_2b6e168a817b5ca2.txt"
SEED_001 = ROOT / "corpus" / "001_0bdf235b94211e1c.txt"
OBLAST = "/akn/kz-19/act/decision/2017-12-15/26-129"
RULE_RU = "(вводится в действие по истечении десяти календарных дней после дня его первого официального опубликования)"
RULE_KK = (
    "(алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі)"
)


def _corpus(tmp_path: Path, files: dict[str, str], sidecar: object | None = None) -> Path:
    d = tmp_path / "corpus"
    d.mkdir()
    for name, text in files.items():
        (d / name).write_text(text, encoding="utf-8")
    if sidecar is not None:
        (d / "metadata.json").write_text(json.dumps(sidecar, ensure_ascii=False), encoding="utf-8")
    return d


def test_a_sidecar_publication_date_makes_application_computed(tmp_path: Path) -> None:
    facts = {
        "facts": [
            {
                "work": OBLAST,
                "kind": "publication",
                "date": "2018-01-25",
                "source": "«Жетісу» газеті, 25.01.2018",
            }
        ]
    }
    corpus = _corpus(tmp_path, {SEED_000.name: SEED_000.read_text(encoding="utf-8")}, facts)
    db = f"sqlite:///{tmp_path / 's.db'}"
    build(corpus, db)
    items = history(db, OBLAST, "json")["items"]
    # seed 000 enters into force on registration and is put into effect ten
    # days after first publication: two events (issue 13, item 4)
    eif = next(i for i in items if i["type"] == "entry_into_force")
    assert (eif["date"], eif["certainty"]) == ("2018-01-09", "computed")
    applies = next(i for i in items if i["type"] == "application")
    assert (applies["date"], applies["certainty"]) == ("2018-02-05", "computed")  # 25 Jan + 11
    pub = next(i for i in items if i["type"] == "publication")
    assert "metadata.json" in pub["basis"] and "Жетісу" in pub["basis"]


def test_a_sidecar_can_name_the_work_by_citation(tmp_path: Path) -> None:
    cite = "Алматы облыстық мәслихатының 2017 жылғы 15 желтоқсандағы № 26-129 шешімі"
    facts = {
        "facts": [{"work": cite, "kind": "publication", "date": "2018-01-25", "source": "газет"}]
    }
    corpus = _corpus(tmp_path, {SEED_000.name: SEED_000.read_text(encoding="utf-8")}, facts)
    db = f"sqlite:///{tmp_path / 's.db'}"
    build(corpus, db)
    pit, _ = answer(db, OBLAST, date(2018, 2, 4), None)
    # in force since registration (2018-01-09), put into effect on 2018-02-05
    assert (pit.status, pit.certainty) == ("in_force_not_applied", "computed")
    assert pit.application is not None and pit.application.date == date(2018, 2, 5)


def test_a_sidecar_publication_of_the_repealing_act_dates_the_repeal(tmp_path: Path) -> None:
    # issue 13: 18-84 repeals "from the day after first publication"; with its
    # publication date supplied, 26-129 is in force through 2024-05-25
    facts = {
        "facts": [
            {
                "work": "/akn/kz-19/act/decision/2024-04-16/18-84",
                "kind": "publication",
                "date": "2024-05-25",
                "source": "a publication date supplied for the test",
            }
        ]
    }
    corpus = _corpus(tmp_path, {SEED_000.name: SEED_000.read_text(encoding="utf-8")}, facts)
    db = f"sqlite:///{tmp_path / 's.db'}"
    build(corpus, db)
    before, _ = answer(db, OBLAST, date(2024, 5, 25), None)
    assert before.status == "in_force" and before.expression is not None
    after, _ = answer(db, OBLAST, date(2024, 5, 26), None)
    assert (after.status, after.certainty) == ("repealed", "computed")
    assert any("metadata.json" in n or "2024-05-25" in n for n in after.notes)


def test_without_a_sidecar_the_repeal_window_is_assumed_and_says_so(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path, {SEED_000.name: SEED_000.read_text(encoding="utf-8")})
    db = f"sqlite:///{tmp_path / 's.db'}"
    build(corpus, db)
    pit, _ = answer(db, OBLAST, date(2024, 5, 20), None)
    assert (pit.status, pit.certainty) == ("unknown", "estimated")
    assert any("assumed (policy observed-lags" in n for n in pit.notes)


def test_the_sidecar_wins_over_a_publication_date_a_text_states(tmp_path: Path) -> None:
    work = "/akn/kz-75/act/decision/2017-09-15/152"  # seed 001 says published 2017-10-19
    facts = {
        "facts": [
            {"work": work, "kind": "publication", "date": "2017-10-20", "source": "test value"}
        ]
    }
    corpus = _corpus(tmp_path, {SEED_001.name: SEED_001.read_text(encoding="utf-8")}, facts)
    db = f"sqlite:///{tmp_path / 's.db'}"
    build(corpus, db)
    pubs = [i for i in history(db, work, "json")["items"] if i["type"] == "publication"]
    assert [(p["date"], "metadata.json" in p["basis"]) for p in pubs] == [("2017-10-20", True)]


@pytest.mark.parametrize(
    "bad",
    [
        {"facts": [{"work": OBLAST, "kind": "publication", "date": "25.01.2018", "source": "x y"}]},
        {"facts": [{"work": OBLAST, "kind": "guess", "date": "2018-01-25", "source": "x y"}]},
        {"facts": [{"work": OBLAST, "kind": "publication", "date": "2018-01-25"}]},
        {"fact": []},
    ],
)
def test_an_invalid_sidecar_is_a_one_line_usage_error(tmp_path: Path, bad: object) -> None:
    corpus = _corpus(tmp_path, {SEED_000.name: SEED_000.read_text(encoding="utf-8")}, bad)
    with pytest.raises(UsageError) as err:
        build(corpus, f"sqlite:///{tmp_path / 's.db'}")
    assert "metadata.json" in str(err.value) and "\n" not in str(err.value)


def _with_notes_ru() -> str:
    text = SEED_001.read_text(encoding="utf-8")
    text = text.replace(
        "      5. Для регулирования",
        "      Сноска. Пункт 5 - в редакции решения маслихата города Алматы от 12.05.2022 № 150 "
        + RULE_RU
        + ".\n      5. Для регулирования",
    )
    return text.replace(
        "      11. Акимат города",
        "      Сноска. Правила дополнены пунктом 10-1 в соответствии с решением маслихата города "
        "Алматы от 12.05.2022 № 150 "
        + RULE_RU
        + ".\n      10-1. Новый пункт.\n      11. Акимат города",
    )


def test_provision_notes_become_located_effects() -> None:
    doc = parse(_with_notes_ru())
    found = {(e.type, e.scope) for e in doc.meta.effects}
    assert ("provision_amended", "att_1__chp_2__para_5") in found
    assert ("insertion", "att_1__chp_2__para_10-1") in found
    amended = next(e for e in doc.meta.effects if e.type == "provision_amended")
    assert amended.affecting is not None and amended.affecting.number == "150"
    assert amended.rule is not None and amended.rule.days == 10
    # the notes record the same located effects (their JSON once showed "att_1|paragraph|5")
    in_notes = {(e.type, e.to_json()["scope"]) for n in doc.meta.notes for e in n.effects}
    assert {("provision_amended", "att_1__chp_2__para_5")} <= in_notes
    assert ("insertion", "att_1__chp_2__para_10-1") in in_notes
    assert all(e.pinpoint is None for n in doc.meta.notes for e in n.effects)


def test_a_new_wording_cannot_be_reversed_so_the_earlier_text_is_null(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path, {"001.txt": _with_notes_ru()})
    db = f"sqlite:///{tmp_path / 's.db'}"
    build(corpus, db)
    work = "/akn/kz-75/act/decision/2021-02-19/22"
    before, akn = answer(db, work, date(2021, 6, 1), None)
    assert akn is None and before.reason and "not in the corpus" in before.reason
    after, akn = answer(db, work, date(2023, 6, 1), None)
    assert after.expression_kind == "consolidated" and akn is not None


def test_an_insertion_alone_is_reversed(tmp_path: Path) -> None:
    text = SEED_000.read_text(encoding="utf-8").replace(
        "      10. Алматы облысының",
        "      Ескерту. Қағидалар 9-1-тармақпен толықтырылды - Алматы облыстық мәслихатының 2023 жылғы "
        "20 мамырдағы № 20-100 шешімімен "
        + RULE_KK
        + ".\n      9-1. Жаңа тармақ мәтіні.\n      10. Алматы облысының",
    )
    corpus = _corpus(tmp_path, {"000.txt": text})
    db = f"sqlite:///{tmp_path / 's.db'}"
    build(corpus, db)
    middle, akn = answer(db, OBLAST, date(2023, 1, 1), None)
    assert middle.expression_kind == "reconstructed" and akn is not None
    assert "9-1. Жаңа".encode() not in akn and "қандастарды".encode() in akn
    later, akn = answer(db, OBLAST, date(2024, 3, 1), None)
    assert later.expression_kind == "consolidated" and akn is not None and b"9-1." in akn


def test_commencement_from_a_stated_date_and_retroactive_application(tmp_path: Path) -> None:
    text = re.sub(
        r"      4\. Настоящее решение вводится.*?опубликования\.",
        "      4. Настоящее решение вводится в действие с 1 апреля 2021 года и распространяется на "
        "отношения, возникшие с 1 января 2021 года.",
        SEED_001.read_text(encoding="utf-8"),
        flags=re.DOTALL,
    )
    assert "1 апреля 2021" in text
    corpus = _corpus(tmp_path, {"001.txt": text})
    db = f"sqlite:///{tmp_path / 's.db'}"
    build(corpus, db)
    work = "/akn/kz-75/act/decision/2021-02-19/22"
    items = history(db, work, "json")["items"]
    eif = next(i for i in items if i["type"] == "entry_into_force")
    assert (eif["date"], eif["certainty"]) == ("2021-04-01", "stated")
    assert any(i["type"] == "retroactive_application" and i["date"] == "2021-01-01" for i in items)
    pit, _ = answer(db, work, date(2021, 3, 15), None)
    assert pit.status == "not_yet_in_force"
    assert any("retroactively" in n for n in pit.notes)


def _work(region: str, issuer: str) -> WorkRecord:
    return WorkRecord(
        f"/akn/kz-{region[3:]}/act/decision/2017-09-15/152",
        "decision",
        issuer,
        region,
        "maslikhat",
        date(2017, 9, 15),
        "152",
        None,
        True,
    )


@pytest.mark.parametrize(
    ("words", "region", "method"),
    [
        ("решение маслихата г. Алматы от 15 сентября 2017 года № 152", "KZ-75", "fuzzy"),
        ("решение Алматинского обл. маслихата от 15 сентября 2017 года № 152", "KZ-19", "fuzzy"),
        ("Алматы облыстық мәслихатының 2017 жылғы 15 қыркүйектегі № 152 шешімі", "KZ-19", "fuzzy"),
    ],
)
def test_fuzzy_resolution_picks_the_issuer_and_reports_the_score(
    words: str, region: str, method: str
) -> None:
    works = [_work("KZ-75", "маслихат города Алматы"), _work("KZ-19", "Алматы облыстық мәслихаты")]
    act = ActRef("decision", None, None, None, date(2017, 9, 15), "152")
    m = match_act(act, words, works)
    assert m is not None and m.work.region == region and m.method == method
    assert 70 <= m.score <= 100


def test_fuzzy_resolution_refuses_an_ambiguous_reference() -> None:
    works = [_work("KZ-75", "маслихат города Алматы"), _work("KZ-19", "Алматы облыстық мәслихаты")]
    act = ActRef("decision", None, None, None, date(2017, 9, 15), "152")
    assert match_act(act, "решение от 15 сентября 2017 года № 152", works) is None


def test_exact_resolution_folds_look_alike_letters() -> None:
    works = [
        WorkRecord(
            "/akn/kz-71/act/decision/2006-09-21/285-35-iii",
            "decision",
            "x",
            "KZ-71",
            "maslikhat",
            date(2006, 9, 21),
            "285/35-III",
            None,
            True,
        )
    ]
    act = ActRef(
        "decision", "x", "KZ-71", "maslikhat", date(2006, 9, 21), "285/35-ІІІ"
    )  # Cyrillic І
    m = match_act(act, "", works)
    assert m is not None and m.method == "exact"


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = f"sqlite:///{tmp_path_factory.mktemp('g') / 'g.db'}"
    build(ROOT / "corpus", db)
    return db


def test_graph_json_validates_and_holds_the_chains(corpus_db: str) -> None:
    data = graph_json(open_store(corpus_db), date(2025, 1, 1))
    schema = json.loads((ROOT / "schemas" / "graph.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator(schema).validate(data)
    # law No 204-I is one work (it was two, 204-1 and 204-i: issue 13, item 7)
    assert len(data["works"]) == 26 and sum(not w["stub"] for w in data["works"]) == 5
    kinds = {
        (e["type"], e["affecting"].rsplit("/", 2)[-1], e["affected"].rsplit("/", 2)[-1])
        for e in data["effects"]
    }
    assert ("repeal", "18-84", "26-129") in kinds
    assert ("new_edition", "22", "152") in kinds
    assert ("repeal", "149-19-viii", "356-45-vi") in kinds
    bad = json.loads(json.dumps(data))
    bad["effects"][0]["date"]["certainty"] = "guessed"
    assert list(Draft202012Validator(schema).iter_errors(bad))


def test_graph_dot_has_a_node_per_work_and_an_edge_per_effect(corpus_db: str) -> None:
    store = open_store(corpus_db)
    dot = graph_dot(store, date(2025, 1, 1))
    assert dot.startswith("digraph")
    assert dot.count("->") == len(store.effects())
    assert dot.count("style=dashed") == 21


def _lifecycle(akn: bytes) -> dict[str, str]:
    """``refersTo`` (without ``#``) -> ``date`` of each ``eventRef`` of an AKN."""
    root = etree.fromstring(akn)
    refs = root.iterfind(".//{*}lifecycle/{*}eventRef")
    return {r.get("refersTo", "").lstrip("#"): r.get("date", "") for r in refs}


def test_the_stores_akn_dates_its_lifecycle_by_the_sidecar(tmp_path: Path) -> None:
    # issue 13, item 4: the sidecar's publication dates always win, in the
    # store's AKN too: 26-129 published 2018-01-25 applies from 2018-02-05
    # (it entered into force on registration, 2018-01-09); 18-84, published
    # 2024-05-25, repeals it "from the day after first publication"
    facts = {
        "facts": [
            {"work": OBLAST, "kind": "publication", "date": "2018-01-25", "source": "газет"},
            {
                "work": "/akn/kz-19/act/decision/2024-04-16/18-84",
                "kind": "publication",
                "date": "2024-05-25",
                "source": "газет",
            },
        ]
    }
    corpus = _corpus(tmp_path, {SEED_000.name: SEED_000.read_text(encoding="utf-8")}, facts)
    db = f"sqlite:///{tmp_path / 's.db'}"
    build(corpus, db)
    store = open_store(db)
    (consolidated,) = [x for x in store.timeline(OBLAST).expressions if x.kind == "consolidated"]
    dates = _lifecycle(store.expression_akn(consolidated.uri))
    assert dates["entryIntoForce"] == "2018-01-09"
    assert dates["application"] == "2018-02-05"
    assert dates["repeal"] == "2024-05-26"
    assert dates["amendment"] == "2021-12-25"  # 12-61's publication: assumed, the window's start


def test_a_new_sidecar_date_renders_the_stored_akn_again(tmp_path: Path) -> None:
    # an incremental build whose texts are unchanged but whose sidecar dates
    # the repealing act anew writes the AKN a fresh build writes (issue 15's
    # promise, kept for the graph's dates in the lifecycle: expressions.timing)
    corpus = _corpus(tmp_path, {SEED_000.name: SEED_000.read_text(encoding="utf-8")})
    db = f"sqlite:///{tmp_path / 's.db'}"
    build(corpus, db)
    repeal = "/akn/kz-19/act/decision/2024-04-16/18-84"
    fact = {"work": repeal, "kind": "publication", "date": "2024-05-25", "source": "газет"}
    (corpus / "metadata.json").write_text(json.dumps({"facts": [fact]}), encoding="utf-8")
    build(corpus, db)
    store = open_store(db)
    (consolidated,) = [x for x in store.timeline(OBLAST).expressions if x.kind == "consolidated"]
    assert _lifecycle(store.expression_akn(consolidated.uri))["repeal"] == "2024-05-26"
