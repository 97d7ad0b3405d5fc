"""Several texts of one act through build and show (issue 13, items 2 and 9).

Small corpora built into temporary stores: seed 000 with a copy of it whose one
Latin look-alike letter is corrected (the brief's case: the reconstructed 2017
text must survive, with a warning about the copy), and seed 000 with a Russian
text of the same act (``tests/data/26-129_rus.txt``, written for these tests).
"""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lexversion import build
from lexversion.app.query import show
from lexversion.cli import app
from tests.conftest import REPO_ROOT, corpus_file
from tests.graph.test_texts import KAZ_2017, KAZ_2021, RUS_2017, WORK, corrected

SEED = corpus_file("000")


def corpus(tmp: Path, **texts: str) -> Path:
    """A corpus folder in ``tmp``: seed 000 and ``texts`` (file name -> text)."""
    where = tmp / "corpus"
    where.mkdir()
    shutil.copy(SEED, where / SEED.name)
    for name, text in texts.items():
        (where / name).write_text(text, "utf-8")
    return where


@pytest.fixture(scope="module")
def copies(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A store of seed 000 and its corrected copy."""
    tmp = tmp_path_factory.mktemp("copies")
    url = f"sqlite:///{tmp / 'store.db'}"
    report = build(corpus(tmp, **{"000-copy.txt": corrected(SEED.read_text("utf-8"))}), url)
    assert not report.failed
    return url


@pytest.fixture(scope="module")
def bilingual(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A store of seed 000 and a Russian text of the same act."""
    tmp = tmp_path_factory.mktemp("bilingual")
    url = f"sqlite:///{tmp / 'store.db'}"
    rus = (REPO_ROOT / "tests" / "data" / "26-129_rus.txt").read_text("utf-8")
    assert not build(corpus(tmp, **{"rus.txt": rus}), url).failed
    return url


def test_with_a_copy_2019_is_still_the_reconstructed_text(copies: str) -> None:
    out = show(copies, WORK, date(2019, 6, 1), None, "json")
    assert isinstance(out, dict)
    assert out["expression"] == KAZ_2017 and out["expression_kind"] == "reconstructed"
    assert "қандастар" not in out["text"] and "оралмандарды" in out["text"]
    (dup,) = out["warnings"]
    assert dup["code"] == "duplicate_text" and dup["expression"] == KAZ_2017
    assert "copy" in dup["message"] and SEED.name in dup["message"]
    assert out["sources"] == ["000-copy.txt", SEED.name]


def test_the_cli_says_so(copies: str) -> None:
    res = CliRunner().invoke(
        app, ["show", WORK, "--as-of", "2019-06-01", "--db", copies], catch_exceptions=False
    )
    assert res.exit_code == 0
    assert "(reconstructed)" in res.stdout and "қандастар" not in res.stdout
    assert any(ln.startswith("warning:") and "copy" in ln for ln in res.stdout.splitlines())


def test_build_reports_the_copy(tmp_path: Path) -> None:
    folder = corpus(tmp_path, **{"000-copy.txt": corrected(SEED.read_text("utf-8"))})
    url = f"sqlite:///{tmp_path / 'store.db'}"
    res = CliRunner().invoke(app, ["build", str(folder), "--db", url], catch_exceptions=False)
    assert res.exit_code == 0
    lines = [ln for ln in res.stderr.splitlines() if "is a copy of" in ln]
    assert len(lines) == 2  # the consolidated text and the reconstruction
    assert all(SEED.name in ln and "000-copy.txt" in ln for ln in lines)
    assert any("effect and text disagree" in ln for ln in res.stderr.splitlines())


def test_2023_warns_that_the_text_disagrees_with_its_record(copies: str) -> None:
    out = show(copies, WORK, date(2023, 6, 1), None, "json")
    assert isinstance(out, dict) and out["expression"] == KAZ_2021
    (m,) = [w for w in out["warnings"] if w["code"] == "effect_text_mismatch"]
    assert m["params"]["old"] == "оралмандарды"
    assert "annex 1, chapter 2, point 7" in m["message"]


@pytest.mark.parametrize(
    ("ui", "words"),
    [("kk", "сәйкес келмейді"), ("ru", "расходятся"), ("en", "disagree")],
)
def test_the_warning_in_the_readers_language(copies: str, ui: str, words: str) -> None:
    res = CliRunner().invoke(
        app,
        ["show", WORK, "--as-of", "2023-06-01", "--db", copies, "--ui-lang", ui],
        catch_exceptions=False,
    )
    assert res.exit_code == 0 and words in res.stdout


def test_show_lang_chooses_the_text_and_says_the_other_is_older(bilingual: str) -> None:
    kk = show(bilingual, WORK, date(2023, 6, 1), "kk", "json")
    ru = show(bilingual, WORK, date(2023, 6, 1), "ru", "json")
    assert isinstance(kk, dict) and isinstance(ru, dict)
    assert kk["expression"] == KAZ_2021 and ru["expression"] == RUS_2017
    assert kk["other_languages"] == [
        {"lang": "ru", "expression": RUS_2017, "date": "2017-12-15", "relation": "older"}
    ]
    assert ru["other_languages"][0]["relation"] == "newer"
    (nc,) = [w for w in ru["warnings"] if w["code"] == "not_consolidated"]
    assert "not consolidated" in nc["message"] and "Kazakh text only" in nc["message"]
    text = show(bilingual, WORK, date(2023, 6, 1), "kk", "text")
    assert isinstance(text, str)
    assert "language:   the Russian text is older" in text


def test_before_the_change_both_texts_are_the_same_version(bilingual: str) -> None:
    ru = show(bilingual, WORK, date(2019, 6, 1), "ru", "json")
    assert isinstance(ru, dict) and ru["expression"] == RUS_2017
    assert ru["other_languages"][0] == {
        "lang": "kk",
        "expression": KAZ_2017,
        "date": "2017-12-15",
        "relation": "same",
    }
    assert not [w for w in ru["warnings"] if w["code"] == "not_consolidated"]


def test_the_json_follows_its_schema(bilingual: str) -> None:
    from jsonschema import Draft202012Validator

    schema = json.loads((REPO_ROOT / "schemas" / "show.schema.json").read_text("utf-8"))
    for lang in ("kk", "ru"):
        out = show(bilingual, WORK, date(2023, 6, 1), lang, "json")
        Draft202012Validator(schema).validate(out)


@pytest.fixture(scope="module")
def amended_in_russian(tmp_path_factory: pytest.TempPathFactory) -> str:
    """Seed 000, the Russian text of 26-129 and the Russian text of the amending
    act 12-61 (both written for the tests)."""
    tmp = tmp_path_factory.mktemp("amended-in-russian")
    url = f"sqlite:///{tmp / 'store.db'}"
    data = REPO_ROOT / "tests" / "data"
    texts = {
        p.name: p.read_text("utf-8") for p in (data / "26-129_rus.txt", data / "12-61_rus.txt")
    }
    assert not build(corpus(tmp, **texts), url).failed
    return url


def test_the_amending_acts_russian_text_consolidates_the_russian_text(
    amended_in_russian: str,
) -> None:
    ru = show(amended_in_russian, WORK, date(2023, 6, 1), "ru", "json")
    kk = show(amended_in_russian, WORK, date(2023, 6, 1), "kk", "json")
    assert isinstance(ru, dict) and isinstance(kk, dict)
    assert ru["expression_kind"] == "consolidated" and "/rus@" in ru["expression"]
    assert "Кандасы и переселенцы" in ru["text"] and "Оралманы" not in ru["text"]
    assert not [w for w in ru["warnings"] if w["code"] == "not_consolidated"]
    assert ru["other_languages"][0]["relation"] == "same"
    assert "қандастар" in kk["text"]
    before = show(amended_in_russian, WORK, date(2019, 6, 1), "ru", "json")
    assert isinstance(before, dict) and before["expression"] == RUS_2017
    assert "Оралманы и переселенцы" in before["text"]
