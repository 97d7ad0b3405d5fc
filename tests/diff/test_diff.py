"""``lexversion diff`` and :func:`lexversion.diff.compare` (issue 5, the diff half).

The real corpus is built once into a temporary store; the acts the issue names
are compared (the Almaty oblast rules on 2019-06-01 and 2023-06-01; the
Almaty oblast rules against the Astana 2024 rules in Kazakh; the Almaty city
rules against the Turkestan 2024 rules in Russian). Small hand-made AKN
documents pin the alignment rules one by one.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import FrozenInstanceError, fields
from datetime import date
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from lxml import etree
from typer.testing import CliRunner

from lexversion import build
from lexversion.akn.namespaces import NS
from lexversion.app.compare import cli_diff
from lexversion.cli import app
from lexversion.diff import DiffResult, ProvisionDiff, compare
from lexversion.diff.align import word_ops
from lexversion.diff.output import Side, diff_text
from lexversion.errors import InputError, NotFound, UsageError
from lexversion.i18n import using
from lexversion.render.redline import diff_html

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "schemas" / "diff.schema.json").read_text(encoding="utf-8"))
ALMATY_OBLAST = "/akn/kz-19/act/decision/2017-12-15/26-129"
ASTANA_2024 = "/akn/kz-71/act/decision/2024-03-07/149-19-viii"
ALMATY_22 = "/akn/kz-75/act/decision/2021-02-19/22"
ALMATY_152 = "/akn/kz-75/act/decision/2017-09-15/152"
TURKESTAN = "/akn/kz-61/act/decision/2024-09-30/12-160-viii"
SUBSTITUTED = {
    ("оралмандарды", "қандастарды"),
    ("оралмандар", "қандастар"),
    ("Оралмандар", "Қандастар"),
}
D = date.fromisoformat


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('store') / 'corpus.db'}"
    report = build(ROOT / "corpus", url)
    assert not report.failed
    return url


def diff_json(db: str, work: str, work_b: str | None = None, **kw: Any) -> dict[str, Any]:
    args = {"from_": None, "to": None, "as_of": None, "lang": None} | kw
    out = cli_diff(
        db, work, work_b, args["from_"], args["to"], args["as_of"], args["lang"], "json", "inline"
    )
    assert isinstance(out, dict)
    printed: dict[str, Any] = json.loads(json.dumps(out, ensure_ascii=False))
    return printed


@pytest.fixture(scope="module")
def oblast_2019_2023(db: str) -> dict[str, Any]:
    return diff_json(db, ALMATY_OBLAST, from_=D("2019-06-01"), to=D("2023-06-01"))


@pytest.fixture(scope="module")
def kk_works(db: str) -> dict[str, Any]:
    return diff_json(db, ALMATY_OBLAST + ":2023-06-01", ASTANA_2024 + ":2025-01-01")


@pytest.fixture(scope="module")
def ru_works(db: str) -> dict[str, Any]:
    return diff_json(db, ALMATY_152, TURKESTAN, as_of=D("2025-01-01"))


@pytest.fixture(scope="module")
def ru_works_22(db: str) -> dict[str, Any]:
    return diff_json(db, ALMATY_22 + ":2022-01-01", TURKESTAN + ":2025-01-01")


def text(el: etree._Element) -> str:
    return "".join(str(t) for t in el.itertext())


def by_old(diff: dict[str, Any], eid: str) -> dict[str, Any]:
    (p,) = [p for p in diff["provisions"] if p["eid_old"] == eid]
    found: dict[str, Any] = p
    return found


def changed_words(diff: dict[str, Any]) -> list[tuple[str, str]]:
    """(deleted, inserted) of every change run; a lone delete or insert pairs with ``""``."""
    out = []
    for p in diff["provisions"]:
        ops = [
            (o["op"], o["text"]) for o in p["ops"] if o["op"] != "equal" or not o["text"].isspace()
        ]
        pending: str | None = None
        for op, text in ops:
            if op == "delete":
                pending = text
            elif op == "insert":
                out.append((pending or "", text))
                pending = None
            else:
                if pending is not None:
                    out.append((pending, ""))
                pending = None
        if pending is not None:
            out.append((pending, ""))
    return out


# -- the Almaty oblast rules, 2019 -> 2023 ---------------------------------------------------------


def test_2019_to_2023_shows_exactly_the_substituted_words(oblast_2019_2023: dict[str, Any]) -> None:
    d = oblast_2019_2023
    assert d["mode"] == "dates"
    assert d["old"]["expression_kind"] == "reconstructed"
    assert d["new"]["expression_kind"] == "consolidated"
    assert d["summary"] == {"added": 0, "removed": 0, "changed": 4, "moved": 0, "unchanged": 23}
    words = changed_words(d)
    assert Counter(words) == Counter(
        {
            ("оралмандарды", "қандастарды"): 1,
            ("оралмандар", "қандастар"): 4,
            ("Оралмандар", "Қандастар"): 1,
        }
    )
    assert set(words) == SUBSTITUTED
    # point 7 kept "оралмандарды" in the published text (DOMAIN.md 5): not a change
    assert by_old(d, "att_1__chp_2__para_7")["status"] == "unchanged"


def test_2019_to_2023_ignores_notes_status_and_requisites(oblast_2019_2023: dict[str, Any]) -> None:
    texts = " ".join(p["text_old"] + p["text_new"] for p in oblast_2019_2023["provisions"])
    assert "Ескерту" not in texts  # editorial notes
    assert "Күшін жойған" not in texts  # the database's status label
    assert "тіркелді" not in texts  # requisites
    assert by_old(oblast_2019_2023, "att_1__chp_1")["status"] == "unchanged"


def test_2019_to_2023_text_is_a_unified_diff(db: str) -> None:
    out = cli_diff(
        db, ALMATY_OBLAST, None, D("2019-06-01"), D("2023-06-01"), None, None, "text", "inline"
    )
    assert isinstance(out, str)
    lines = out.splitlines()
    assert lines[0].startswith("--- /akn/kz-19/act/decision/2017-12-15/26-129/kaz@2017-12-15 ")
    assert lines[1].startswith("+++ /akn/kz-19/act/decision/2017-12-15/26-129/kaz@2021-12-25 ")
    assert lines[2] == "# 0 added, 0 removed, 4 changed, 0 moved, 23 unchanged"
    hunks = [ln for ln in lines if ln.startswith("@@ ")]
    # readers see provision labels, never eIds (issue 14, item 3)
    assert hunks[0] == (
        "@@ -annex 1, chapter 1, point 3, subpoint 2) "
        "+annex 1, chapter 1, point 3, subpoint 2) @@ changed"
    )
    assert len(hunks) == 4
    assert "__" not in "".join(hunks)
    minus = [ln for ln in lines[3:] if ln.startswith("-")]
    plus = [ln for ln in lines[3:] if ln.startswith("+")]
    assert len(minus) == len(plus) == 4
    assert set(re.findall(r"\[-(.*?)-\]", out)) == {a for a, _ in SUBSTITUTED}
    assert set(re.findall(r"\{\+(.*?)\+\}", out)) == {b for _, b in SUBSTITUTED}
    assert minus[0].startswith("-2) [-оралмандарды-] және қоныс аударушыларды")


@pytest.mark.parametrize(
    ("lang", "header"),
    [
        (
            "kk",
            "@@ -1-қосымша 1-тарау 3-тармақ 2) тармақша +1-қосымша 1-тарау 3-тармақ 2) тармақша @@",
        ),
        (
            "ru",
            "@@ -приложение 1, глава 1, пункт 3, подпункт 2) +приложение 1, глава 1, пункт 3, подпункт 2) @@",
        ),
    ],
)
def test_text_diff_names_provisions_in_the_readers_language(
    db: str, lang: str, header: str
) -> None:
    with using(lang):
        out = cli_diff(
            db, ALMATY_OBLAST, None, D("2019-06-01"), D("2023-06-01"), None, None, "text", "inline"
        )
    assert isinstance(out, str)
    hunks = [ln for ln in out.splitlines() if ln.startswith("@@ ")]
    assert hunks[0].startswith(header)
    assert "att_1" not in out


@pytest.mark.parametrize("view", ["inline", "side-by-side"])
def test_2019_to_2023_html_redline(db: str, view: str) -> None:
    out = cli_diff(
        db, ALMATY_OBLAST, None, D("2019-06-01"), D("2023-06-01"), None, None, "html", view
    )
    assert isinstance(out, str)
    page = etree.HTML(out)
    dels = Counter(text(el) for el in page.iter("del"))
    inss = Counter(text(el) for el in page.iter("ins"))
    assert dels == Counter({"оралмандар": 4, "оралмандарды": 1, "Оралмандар": 1})
    assert inss == Counter({"қандастар": 4, "қандастарды": 1, "Қандастар": 1})
    (row,) = [e for e in page.iter() if e.get("id") == "att_1__chp_2__para_6"]
    assert "changed" in str(row.get("class")).split()
    counts = [text(li) for li in page.iter("li") if li.get("class") in {"added", "changed"}]
    assert counts == ["0 added", "4 changed"]
    if view == "side-by-side":
        assert len(page.findall(".//table")) == 1
        assert len(page.findall(".//tbody/tr")) == 27


def test_same_date_twice_is_all_unchanged(db: str) -> None:
    d = diff_json(db, ALMATY_OBLAST, from_=D("2023-06-01"), to=D("2023-07-01"))
    assert d["summary"]["unchanged"] == len(d["provisions"]) > 20
    assert changed_words(d) == []


# -- two works -------------------------------------------------------------------------------------


def test_kazakh_works_almaty_oblast_against_astana(kk_works: dict[str, Any]) -> None:
    d = kk_works
    assert d["mode"] == "works"
    assert (d["old"]["lang"], d["new"]["lang"]) == ("kk", "kk")
    assert d["old"]["as_of"] == "2023-06-01" and d["new"]["as_of"] == "2025-01-01"
    s = d["summary"]
    assert all(s[k] > 0 for k in ("added", "removed", "changed", "moved", "unchanged"))
    assert sum(s.values()) == len(d["provisions"])
    # "қоныс аударушы" (definition 1) is definition 5 of the Astana rules, word for word
    p = by_old(d, "att_1__chp_1__para_3__point_1")
    assert (p["status"], p["move"], p["eid_new"]) == (
        "moved",
        "renumbered",
        "att_1__chp_1__para_2__point_5",
    )
    assert (p["label_old"], p["label_new"]) == ("1)", "5)")
    assert by_old(d, "att_1__chp_1")["status"] == "unchanged"  # "Жалпы ережелер"
    assert by_old(d, "preface")["status"] == "changed"


def test_russian_works_almaty_city_against_turkestan(ru_works: dict[str, Any]) -> None:
    d = ru_works
    assert (d["old"]["lang"], d["new"]["lang"]) == ("ru", "ru")
    # 152's new edition holds the Almaty rules as its annex (issue 13, item 5), as
    # the Turkestan decision holds its rules: annex meets annex
    assert by_old(d, "att_1__chp_1")["status"] == "unchanged"
    assert by_old(d, "att_1__chp_1")["eid_new"] == "att_1__chp_1"
    # point 8 reads word for word as Turkestan point 11
    p = by_old(d, "att_1__chp_2__para_8")
    assert (p["status"], p["move"], p["eid_new"]) == (
        "moved",
        "renumbered",
        "att_1__chp_2__para_11",
    )
    assert [o["op"] for o in p["ops"]] == ["equal"]
    # the quota of kandas: definition 3 in Almaty, 4 in Turkestan
    assert by_old(d, "att_1__chp_1__para_3__point_3")["eid_new"] == "att_1__chp_1__para_2__point_4"
    assert by_old(d, "att_1__chp_2__para_11")["status"] == "removed"
    added = {p["eid_new"] for p in d["provisions"] if p["status"] == "added"}
    assert {"att_1__chp_1__para_2__point_1", "att_1__chp_2__para_5"} <= added
    # Rules meet Rules: no provision of an annex is paired with a decision's own words
    paired = [
        (p["eid_old"], p["eid_new"]) for p in d["provisions"] if p["eid_old"] and p["eid_new"]
    ]
    assert paired and all(a.startswith("att_1__") == b.startswith("att_1__") for a, b in paired)
    assert by_old(d, "att_1__preface")["eid_new"] == "att_1__preface"
    assert d["new"]["title"] == (
        "Об утверждении Правил регулирования миграционных процессов в Туркестанской области"
    )


def test_russian_works_decision_22_annex_against_turkestan(ru_works_22: dict[str, Any]) -> None:
    d = ru_works_22
    assert d["old"]["work"] == ALMATY_22 and d["old"]["as_of"] == "2022-01-01"
    p = by_old(d, "att_1__chp_2__para_8")
    assert (p["status"], p["eid_new"]) == ("moved", "att_1__chp_2__para_11")
    assert by_old(d, "para_4")["eid_new"] == "para_3"  # "вводится в действие по истечении..."


@pytest.fixture(scope="module")
def all_real(
    oblast_2019_2023: dict[str, Any],
    kk_works: dict[str, Any],
    ru_works: dict[str, Any],
    ru_works_22: dict[str, Any],
) -> list[dict[str, Any]]:
    return [oblast_2019_2023, kk_works, ru_works, ru_works_22]


def test_ops_rebuild_both_wordings(all_real: list[dict[str, Any]]) -> None:
    for d in all_real:
        for p in d["provisions"]:
            new = "".join(o["text"] for o in p["ops"] if o["op"] != "delete")
            old = "".join(o["text"] for o in p["ops"] if o["op"] != "insert")
            assert new == p["text_new"], p["eid_new"]
            assert "".join(old.split()) == "".join(p["text_old"].split()), p["eid_old"]
            if p["status"] == "unchanged":
                assert p["text_old"] == p["text_new"] and p["label_old"] == p["label_new"]


def test_every_provision_appears_once_per_side(all_real: list[dict[str, Any]]) -> None:
    for d in all_real:
        olds = [p["eid_old"] for p in d["provisions"] if p["eid_old"] and p["move"] != "split"]
        news = [p["eid_new"] for p in d["provisions"] if p["eid_new"] and p["move"] != "merged"]
        assert len(olds) == len(set(olds)) and len(news) == len(set(news))


# -- JSON schema -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    Draft202012Validator.check_schema(SCHEMA)
    return Draft202012Validator(SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)


def messages(validator: Draft202012Validator, obj: Any) -> list[str]:
    return [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(obj)
    ]


def undescribed(node: Any, path: str = "#") -> Iterator[str]:
    if isinstance(node, dict):
        for name, sub in node.get("properties", {}).items():
            if isinstance(sub, dict) and "description" not in sub:
                yield f"{path}/properties/{name}"
        for key, sub in node.items():
            if key not in ("if", "then", "else", "allOf"):
                yield from undescribed(sub, f"{path}/{key}")
    elif isinstance(node, list):
        for i, sub in enumerate(node):
            yield from undescribed(sub, f"{path}/{i}")


def test_schema_is_2020_12_and_describes_every_field() -> None:
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert list(undescribed(SCHEMA)) == []
    assert all("description" in d for d in SCHEMA["$defs"].values())


def test_outputs_validate(validator: Draft202012Validator, all_real: list[dict[str, Any]]) -> None:
    for d in all_real:
        assert messages(validator, json.loads(json.dumps(d, ensure_ascii=False))) == []


def _mutations(d: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    def mutated(path: list[Any], value: Any) -> dict[str, Any]:
        new: dict[str, Any] = json.loads(json.dumps(d))
        node: Any = new
        for key in path[:-1]:
            node = node[key]
        if value is KeyError:
            del node[path[-1]]
        else:
            node[path[-1]] = value
        return new

    first = d["provisions"][0]
    yield "unknown status", mutated(["provisions", 0, "status"], "renamed")
    yield "replace op", mutated(["provisions", 0, "ops", 0, "op"], "replace")
    yield "empty run", mutated(["provisions", 0, "ops", 0, "text"], "")
    yield "move without moving", mutated(["provisions", 0, "move"], "renumbered")
    yield "added with an old eId", mutated(["provisions", 0], {**first, "status": "added"})
    yield "summary without moved", mutated(["summary", "moved"], KeyError)
    yield "negative count", mutated(["summary", "added"], -1)
    yield "mode unknown", mutated(["mode"], "versions")
    yield "as_of not a date", mutated(["old", "as_of"], "01.06.2019")
    yield "lang en", mutated(["new", "lang"], "en")
    yield "undocumented field", mutated(["guess"], True)


def test_mutated_outputs_fail(
    validator: Draft202012Validator, oblast_2019_2023: dict[str, Any]
) -> None:
    assert oblast_2019_2023["provisions"][0]["status"] == "unchanged"
    for name, bad in _mutations(oblast_2019_2023):
        assert messages(validator, bad), f"schema accepts: {name}"


# -- usage -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("work", "work_b", "from_", "to", "as_of", "lang", "needle"),
    [
        (ALMATY_OBLAST, None, None, None, None, None, "give --from DATE and --to DATE"),
        (ALMATY_OBLAST, None, "2019-06-01", None, None, None, "give --from DATE and --to DATE"),
        (ALMATY_OBLAST, None, None, "2023-06-01", None, None, "give --from DATE and --to DATE"),
        (
            ALMATY_OBLAST,
            None,
            "2019-06-01",
            "2023-06-01",
            "2020-01-01",
            None,
            "--as-of compares two works",
        ),
        (
            ALMATY_OBLAST + ":2019-06-01",
            None,
            "2019-06-01",
            "2023-06-01",
            None,
            None,
            "not in the URI",
        ),
        (
            ALMATY_OBLAST,
            ASTANA_2024,
            "2019-06-01",
            None,
            None,
            None,
            "--from/--to compare one work",
        ),
        (
            ALMATY_OBLAST,
            ASTANA_2024,
            None,
            "2025-01-01",
            None,
            None,
            "--from/--to compare one work",
        ),
        (
            ALMATY_OBLAST + ":2023-06-01",
            TURKESTAN + ":2025-01-01",
            None,
            None,
            None,
            None,
            "different languages (kk, ru)",
        ),
        (
            ALMATY_OBLAST + ":2023-06-01",
            ASTANA_2024,
            None,
            None,
            "2025-01-01",
            None,
            "in the URI or with --as-of, not both",
        ),
        (ALMATY_152, None, "2018-01-01", "2022-01-01", None, None, "not in the corpus"),
        (ALMATY_OBLAST, None, "2017-06-01", "2023-06-01", None, None, "did not exist yet"),
        (ALMATY_22, TURKESTAN, None, None, "2025-01-01", None, "repealed"),
    ],
)
def test_meaningless_or_textless_requests_are_usage_errors(
    db: str,
    work: str,
    work_b: str | None,
    from_: str | None,
    to: str | None,
    as_of: str | None,
    lang: str | None,
    needle: str,
) -> None:
    d1, d2, d3 = (D(x) if x else None for x in (from_, to, as_of))
    with pytest.raises(UsageError) as err:
        cli_diff(db, work, work_b, d1, d2, d3, lang, "json", "inline")
    assert needle in err.value.message


@pytest.mark.parametrize(("fmt", "view"), [("pdf", "inline"), ("html", "columns")])
def test_unknown_format_or_view(db: str, fmt: str, view: str) -> None:
    with pytest.raises(UsageError):
        cli_diff(db, ALMATY_OBLAST, None, D("2019-06-01"), D("2023-06-01"), None, None, fmt, view)


def test_unknown_work_is_not_found(db: str) -> None:
    with pytest.raises(NotFound):
        cli_diff(
            db,
            "/akn/kz-19/act/decision/2017-12-15/1-1",
            None,
            D("2019-06-01"),
            D("2023-06-01"),
            None,
            None,
            "json",
            "inline",
        )


def test_cli_prints_json_and_one_line_errors(db: str) -> None:
    runner = CliRunner()
    ok = runner.invoke(
        app,
        [
            "diff",
            ALMATY_OBLAST,
            "--from",
            "2019-06-01",
            "--to",
            "2023-06-01",
            "-f",
            "json",
            "--db",
            db,
        ],
    )
    assert ok.exit_code == 0, ok.stderr
    assert json.loads(ok.stdout)["summary"]["changed"] == 4
    bad = runner.invoke(app, ["diff", ALMATY_OBLAST, "--db", db])
    assert bad.exit_code == 2
    assert bad.stderr.startswith("lexversion: one work: give --from DATE and --to DATE")
    assert "Traceback" not in bad.output


# -- alignment rules on small documents ------------------------------------------------------------

Prov = tuple[str, str, str, tuple[Any, ...]]  # eId, num, text (heading for chapters), children


def el(parent: etree._Element, tag: str, text: str | None = None, **attrib: str) -> etree._Element:
    child = etree.SubElement(parent, f"{{{NS}}}{tag}", attrib)
    child.text = text
    return child


def akn(*body: Prov, title: str = "Қағидалар", notes: tuple[str, ...] = ()) -> bytes:
    """A minimal AKN act: a title, chapters/paragraphs/points as given, optional notes."""
    root = etree.Element(f"{{{NS}}}akomaNtoso", nsmap={None: NS})  # type: ignore[dict-item]
    act = el(root, "act", name="decision")
    el(act, "meta")
    el(el(el(act, "preface"), "p", None, **{"class": "title"}), "docTitle", title)
    container = el(act, "body")

    def node(parent: etree._Element, eid: str, num: str, text: str, kids: tuple[Any, ...]) -> None:
        level = eid.split("__")[-1].split("_")[0]
        tag = {"chp": "chapter", "para": "paragraph", "point": "point"}[level]
        prov = el(parent, tag, eId=eid)
        el(prov, "num", num)
        if tag == "chapter":
            el(prov, "heading", text)
            if notes:
                intro = el(prov, "intro")
                for n in notes:
                    el(intro, "p", n, **{"class": "editorialNote"})
        else:
            el(el(prov, "intro" if kids else "content"), "p", text)
        for kid in kids:
            node(prov, *kid)

    for b in body:
        node(container, *b)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


LONG_A = (
    "Көші-қон процестерін мониторингтеу олардың әлеуметтік-экономикалық және мәдени "
    "дамуының жай-күйіне әсері ескеріле отырып жүзеге асырылады."
)
LONG_B = (
    "Халықты тіркеу есебі мониторингті қамтамасыз ету және көші-қон жағдайының дамуын "
    "болжау мақсатында жүзеге асырылады."
)
LONG_C = (
    "Жергілікті атқарушы органдар заңнамамен өздеріне жүктелетін өзге де "
    "өкілеттіктерді жүзеге асырады."
)
LONG_D = (
    "Шетелдік жұмыс күшін тартуға квотаны ұлғайтуға немесе қысқартуға қатысты ұсыныстар енгізіледі."
)


def chapter(n: int, *paras: tuple[str, str]) -> Prov:
    """Chapter ``n`` holding paragraphs (num, text), numbered from their num."""
    return (
        f"chp_{n}",
        f"{n}-тарау.",
        f"Тарау {n}",
        tuple((f"chp_{n}__para_{num.rstrip('.')}", num, text, ()) for num, text in paras),
    )


def statuses(r: DiffResult) -> list[tuple[str | None, str | None, str, str | None]]:
    return [(p.eid_old, p.eid_new, p.status, p.move) for p in r.provisions]


def test_identical_documents_are_unchanged() -> None:
    doc = akn(chapter(1, ("1.", LONG_A), ("2.", LONG_B)))
    r = compare(doc, doc)
    assert r.summary.unchanged == len(r.provisions) == 4  # preface, chapter, 2 paragraphs
    assert all(p.ops == (("equal", p.text_new),) for p in r.provisions)


def test_editorial_notes_are_not_changes() -> None:
    old = akn(chapter(1, ("1.", LONG_A)))
    new = akn(chapter(1, ("1.", LONG_A)), notes=("Ескерту. 1-тармақ жаңа редакцияда.",))
    assert compare(old, new).summary.unchanged == 3


def test_inserted_paragraph_renumbers_the_ones_after_it() -> None:
    old = akn(chapter(1, ("1.", LONG_A), ("2.", LONG_B), ("3.", LONG_C)))
    new = akn(chapter(1, ("1.", LONG_A), ("2.", LONG_D), ("3.", LONG_B), ("4.", LONG_C)))
    r = compare(old, new)
    assert statuses(r)[2:] == [
        ("chp_1__para_1", "chp_1__para_1", "unchanged", None),
        (None, "chp_1__para_2", "added", None),
        ("chp_1__para_2", "chp_1__para_3", "moved", "renumbered"),
        ("chp_1__para_3", "chp_1__para_4", "moved", "renumbered"),
    ]
    moved = r.provisions[4]
    assert (moved.label_old, moved.label_new) == ("2.", "3.")
    assert moved.ops == (("equal", LONG_B),)
    assert (r.summary.added, r.summary.moved, r.summary.removed) == (1, 2, 0)


def test_paragraph_moved_to_another_chapter_is_relocated() -> None:
    old = akn(chapter(1, ("1.", LONG_A), ("2.", LONG_B)), chapter(2, ("3.", LONG_C)))
    new = akn(chapter(1, ("1.", LONG_A)), chapter(2, ("2.", LONG_C), ("3.", LONG_B)))
    r = compare(old, new)
    got = {p.eid_old: (p.eid_new, p.status, p.move) for p in r.provisions}
    assert got["chp_1__para_2"] == ("chp_2__para_3", "moved", "relocated")
    assert got["chp_2__para_3"] == ("chp_2__para_2", "moved", "renumbered")


def test_reworded_provision_in_place_is_changed_with_its_words() -> None:
    old = akn(chapter(1, ("1.", LONG_A)))
    new = akn(chapter(1, ("1.", LONG_A.replace("мәдени", "рухани").replace(" әсері", ""))))
    (p,) = [p for p in compare(old, new).provisions if p.eid_new == "chp_1__para_1"]
    assert p.status == "changed"
    assert [(op, t) for op, t in p.ops if op != "equal"] == [
        ("delete", "мәдени"),
        ("insert", "рухани"),
        ("delete", " әсері"),
    ]


def test_unrelated_text_under_the_same_eid_is_removed_and_added() -> None:
    old = akn(chapter(1, ("1.", LONG_A)))
    new = akn(chapter(1, ("1.", "Осы шешім қол қойылған күннен бастап күшіне енеді.")))
    got = [(p.eid_old, p.eid_new, p.status) for p in compare(old, new).provisions[2:]]
    assert got == [("chp_1__para_1", None, "removed"), (None, "chp_1__para_1", "added")]


def test_merged_paragraphs() -> None:
    old = akn(chapter(1, ("1.", LONG_A), ("2.", LONG_B), ("3.", LONG_C)))
    new = akn(chapter(1, ("1.", LONG_A + " " + LONG_B), ("2.", LONG_C)))
    r = compare(old, new)
    got = {(p.eid_old, p.eid_new): (p.status, p.move) for p in r.provisions}
    assert got[("chp_1__para_1", "chp_1__para_1")] == ("changed", None)
    assert got[("chp_1__para_2", "chp_1__para_1")] == ("moved", "merged")
    assert got[("chp_1__para_3", "chp_1__para_2")] == ("moved", "renumbered")
    # the merged one comes right after the provision it went into
    order = [(p.eid_old, p.eid_new) for p in r.provisions]
    assert (
        order.index(("chp_1__para_2", "chp_1__para_1"))
        == order.index(("chp_1__para_1", "chp_1__para_1")) + 1
    )


def test_split_paragraph() -> None:
    old = akn(chapter(1, ("1.", LONG_A + " " + LONG_B)))
    new = akn(chapter(1, ("1.", LONG_A), ("2.", LONG_B)))
    got = {(p.eid_old, p.eid_new): (p.status, p.move) for p in compare(old, new).provisions}
    assert got[("chp_1__para_1", "chp_1__para_1")] == ("changed", None)
    assert got[("chp_1__para_1", "chp_1__para_2")] == ("moved", "split")


def test_removed_provision_keeps_its_place_in_reading_order() -> None:
    old = akn(chapter(1, ("1.", LONG_A), ("2.", LONG_B), ("3.", LONG_C)))
    new = akn(chapter(1, ("1.", LONG_A), ("3.", LONG_C)))
    assert [(p.eid_old, p.status) for p in compare(old, new).provisions[2:]] == [
        ("chp_1__para_1", "unchanged"),
        ("chp_1__para_2", "removed"),
        ("chp_1__para_3", "unchanged"),
    ]


def test_points_under_a_renumbered_paragraph_are_renumbered_not_relocated() -> None:
    pts = (
        ("chp_1__para_2__point_1", "1)", LONG_C, ()),
        ("chp_1__para_2__point_2", "2)", LONG_D, ()),
    )
    new_pts = tuple((e.replace("para_2", "para_3"), n, t, c) for e, n, t, c in pts)
    old = akn(
        (
            "chp_1",
            "1-тарау.",
            "Тарау",
            (("chp_1__para_1", "1.", LONG_A, ()), ("chp_1__para_2", "2.", LONG_B, pts)),
        )
    )
    new = akn(
        (
            "chp_1",
            "1-тарау.",
            "Тарау",
            (
                ("chp_1__para_1", "1.", LONG_A, ()),
                ("chp_1__para_2", "2.", "Жаңа тармақ мәтіні осында.", ()),
                ("chp_1__para_3", "3.", LONG_B, new_pts),
            ),
        )
    )
    got = {p.eid_old: (p.eid_new, p.move) for p in compare(old, new).provisions if p.eid_old}
    assert got["chp_1__para_2"] == ("chp_1__para_3", "renumbered")
    assert got["chp_1__para_2__point_1"] == ("chp_1__para_3__point_1", "renumbered")


def test_not_akn_is_an_input_error() -> None:
    with pytest.raises(InputError):
        compare(b"<html/>", akn())
    with pytest.raises(InputError):
        compare(b"not xml", akn())


# -- the contract with the PDF renderer ------------------------------------------------------------


def test_result_shape_is_the_promised_one() -> None:
    names = [f.name for f in fields(ProvisionDiff)]
    assert names[:8] == [
        "eid_old",
        "eid_new",
        "status",
        "label_old",
        "label_new",
        "text_old",
        "text_new",
        "ops",
    ]
    r = compare(akn(chapter(1, ("1.", LONG_A))), akn(chapter(1, ("1.", LONG_B))))
    assert {"added", "removed", "changed", "moved", "unchanged"} == set(r.summary.to_json())
    with pytest.raises(FrozenInstanceError):
        r.provisions[0].status = "changed"  # type: ignore[misc]


# -- word level ------------------------------------------------------------------------------------

WORDS = st.lists(
    st.sampled_from(["көші-қон", "кандас", "және", "(алып", "тастауға);", "1)", "\n2)"]),
    max_size=30,
)


@given(WORDS, WORDS)
def test_word_ops_rebuild_both_texts(a: list[str], b: list[str]) -> None:
    old, new = " ".join(a).strip(), " ".join(b).strip()
    ops = word_ops(old, new)
    assert "".join(t for op, t in ops if op != "delete") == new
    assert "".join("".join(t for op, t in ops if op != "insert").split()) == "".join(old.split())
    assert all(t for _, t in ops)
    assert all(x[0] != y[0] for x, y in pairwise(ops))  # runs are merged
    if old == new:
        assert all(op == "equal" for op, _ in ops)


def test_word_ops_keep_the_space_outside_the_marks() -> None:
    assert word_ops("a b c", "a x c") == (
        ("equal", "a "),
        ("delete", "b"),
        ("insert", "x"),
        ("equal", " c"),
    )
    assert word_ops("a c", "a b c") == (("equal", "a "), ("insert", "b"), ("equal", " c"))


# -- HTML escaping ---------------------------------------------------------------------------------


SIDE = Side(
    "/akn/kz-19/act/decision/2017-12-15/26-129",
    "<i>T</i>",
    D("2020-01-01"),
    "/akn/kz-19/act/decision/2017-12-15/26-129/kaz@2017-12-15",
    "official",
    "kk",
    "in_force",
    "stated",
)


def test_moves_are_shown_as_moves() -> None:
    old = akn(chapter(1, ("1.", LONG_A), ("2.", LONG_B)))
    new = akn(chapter(1, ("1.", LONG_D), ("2.", LONG_A), ("3.", LONG_B)))
    r = compare(old, new)
    out = diff_text(r, SIDE, SIDE)
    assert "@@ -chp_1__para_1 +chp_1__para_2 @@ moved (renumbered)" in out
    assert "-1. " + LONG_A in out and "+2. " + LONG_A in out
    page = etree.HTML(diff_html(r, SIDE, SIDE, "inline"))
    (div,) = [e for e in page.iter("div") if e.get("id") == "chp_1__para_2"]
    assert "moved" in str(div.get("class")).split()
    assert text(div).startswith("moved") and "renumbered: was 1. (chp_1__para_1)" in text(div)
    assert [text(e) for e in div.iter("del")] == ["1."]
    assert [text(e) for e in div.iter("ins")] == ["2."]


def test_legal_text_is_escaped_in_html() -> None:
    evil = '<script>alert("x")</script> & <b>bold</b>'
    r = compare(
        akn(chapter(1, ("1.", LONG_A))),
        akn(chapter(1, ("1.", LONG_A + " " + evil))),
    )
    side = SIDE
    for view in ("inline", "side-by-side"):
        page = diff_html(r, side, side, view)
        assert "<script>" not in page and "<b>bold" not in page and "<i>T" not in page
        assert "&lt;script&gt;" in page
        (ins,) = etree.HTML(page).iter("ins")
        assert text(ins) == evil
    assert evil in diff_text(r, side, side)
