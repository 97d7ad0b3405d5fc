"""The CLI's human output in the reader's language, provisions by their labels (issue 14, items 1 and 3).

``build``'s parse warnings name provisions by their labels, never by eId, and
say the warning in Kazakh or Russian; the errors a reader meets on the tour
(``diff``, ``show``, ``history``, ``pdf``, ``export``, ``search``) go through the
catalogs. JSON and the stored warning text stay in English.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from lexversion.akn.frbr import parse_work_uri
from lexversion.cli import app
from lexversion.errors import NotFound, UsageError
from lexversion.i18n import choose, parse_day, using
from lexversion.model.checks import Mismatch
from lexversion.render.parse_warnings import SENTENCES, parse_warning_text, recognised
from lexversion.store import open_store
from lexversion.text.decode import parse_size

CORPUS_DIR = Path(__file__).resolve().parent.parent / "corpus"
W_000 = "/akn/kz-19/act/decision/2017-12-15/26-129"
W_001 = "/akn/kz-75/act/decision/2021-02-19/22"
W_004 = "/akn/kz-61/act/decision/2024-09-30/12-160-viii"


def run(*args: str) -> Result:
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def error_line(result: Result, code: int) -> str:
    """The one ``lexversion:`` error line of a run that exits with ``code``."""
    assert result.exit_code == code, (result.exit_code, result.stdout, result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 1, lines
    (line,) = lines
    assert line.startswith("lexversion: ")
    return line


@pytest.fixture
def db(cli_store: str) -> str:
    """The corpus store the CLI built (``cli_store``, read-only for the tests)."""
    return cli_store


MISMATCH = Mismatch(0, "att_1", "оралмандарды", "қандастарды", ("att_1__chp_2__para_7",), 1)


@pytest.mark.parametrize(
    ("lang", "want"),
    [
        ("kk", ["1-қосымша 2-тарау 7-тармақ", "мәтін түзетілмейді", "1-қосымша бойынша"]),
        ("ru", ["приложение 1, глава 2, пункт 7", "текст не исправляется", "(приложение 1)"]),
        ("en", ["in annex 1, chapter 2, point 7 (the text", "throughout annex 1,"]),
    ],
)
def test_a_mismatch_names_provisions_by_label(lang: str, want: list[str]) -> None:
    with using(lang):
        said = parse_warning_text(MISMATCH.message)
    assert "att_1" not in said and "__" not in said
    for words in want:
        assert words in said, said
    assert '"оралмандарды"' in said and '"қандастарды"' in said  # quoted act text as it is


def test_every_sentence_is_recognised_and_others_pass_through() -> None:
    assert recognised(MISMATCH.message)
    assert recognised("body: no numbered points found")
    assert parse_warning_text("something else: att_1") == "something else: att_1"
    for message in SENTENCES:
        with using("ru"):
            assert parse_warning_text(message) != message or "{" in message


def test_build_warnings_in_kazakh(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/t.db"
    result = run("--ui-lang", "kk", "build", str(CORPUS_DIR), "--db", url)
    assert result.exit_code == 0, result.stderr
    warnings = [ln for ln in result.stderr.splitlines() if ln.startswith("lexversion: ескерту: ")]
    assert warnings
    assert not any("att_" in ln or "chp_" in ln or "para_" in ln for ln in warnings), warnings
    assert any("1-қосымша 2-тарау 7-тармақ" in ln for ln in warnings), warnings
    assert not any("effect and text disagree" in ln for ln in warnings), warnings
    summary = result.stdout.splitlines()[-1]
    assert summary.startswith("құрастырылған файлдар: 5/5; актілер: 5,"), summary
    assert "редакциялар +7" in summary and "expressions" not in summary, summary


def test_parse_warnings_in_russian() -> None:
    kk_000 = next(CORPUS_DIR.glob("000_*.txt"))
    result = run("--ui-lang", "ru", "parse", str(kk_000), "-f", "json")
    assert result.exit_code == 0, result.stderr
    said = [
        ln for ln in result.stderr.splitlines() if ln.startswith("lexversion: предупреждение: ")
    ]
    assert any("приложение 1, глава 2, пункт 7 (текст не исправляется)" in ln for ln in said), said
    assert "att_1" not in result.stderr


# -- the tour's errors ------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "code", "want"),
    [
        (["diff", W_000, "--from", "2019-06-01"], 2, "укажите --from ДАТА и --to ДАТА"),
        (["diff", W_000, "--as-of", "2019-06-01"], 2, "--as-of сравнивает два акта"),
        (["diff", W_000, W_001, "--from", "2019-06-01"], 2, "--from/--to сравнивают один акт"),
        (
            ["diff", W_000 + ":2019-06-01", "--from", "2019-06-01", "--to", "2023-06-01"],
            2,
            "укажите даты через --from и --to, а не в URI",
        ),
        (
            ["diff", W_000 + ":2019-06-01", W_001, "--as-of", "2023-06-01"],
            2,
            "укажите дату в URI или через --as-of",
        ),
        (["diff", W_000, W_004], 2, "акты на разных языках (kk, ru)"),
        (["show", W_000 + ":2019-13-01"], 2, "2019-13-01 не дата"),
        (["show", W_000 + "#x"], 2, "не суффикс момента времени"),
        (["search", "* ( )"], 2, "в запросе нет слов для поиска"),
        (["search", "а б в г д е ж з и к л м н о п р с т у ф х ц ч"], 2, "не более"),
    ],
)
def test_tour_errors_in_russian(db: str, args: list[str], code: int, want: str) -> None:
    line = error_line(run(*args, "--db", db, "--ui-lang", "ru"), code)
    assert want in line, line


def test_tour_errors_in_kazakh(db: str, tmp_path: Path) -> None:
    line = error_line(run("diff", W_000, W_004, "--db", db, "--ui-lang", "kk"), 2)
    assert "актілер әртүрлі тілде" in line, line
    line = error_line(run("--ui-lang", "kk", "export", "git", W_000, "--db", db), 2)
    assert "WORK DIR немесе --all DIR беріңіз" in line, line
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "x").write_text("x")
    line = error_line(
        run("--ui-lang", "kk", "export", "git", W_000, str(tmp_path / "full"), "--db", db), 2
    )
    assert "бос қалта емес" in line, line
    out = run(
        "pdf",
        W_000,
        "--as-of",
        "2010-01-01",
        "-o",
        str(tmp_path / "a.pdf"),
        "--db",
        db,
        "--ui-lang",
        "kk",
    )
    line = error_line(out, 2)
    assert "01.01.2010 күні қолданыстағы мәтін жоқ" in line, line


def test_library_errors_follow_the_language() -> None:
    with using("ru"), pytest.raises(ValueError, match="не FRBR URI акта"):
        parse_work_uri("/not/a/uri")
    with using("kk"), pytest.raises(ValueError, match="күн емес"):
        parse_day("June")
    with using("kk"), pytest.raises(ValueError, match="мұндай күн жоқ"):
        parse_day("31.02.2020")


def test_store_and_size_errors_follow_the_language(db: str) -> None:
    store = open_store(db)
    with using("kk"), pytest.raises(NotFound, match="қоймада /akn/kz-1/act/x акті жоқ"):
        store.work("/akn/kz-1/act/x")
    with using("ru"), pytest.raises(NotFound, match="в хранилище нет редакции"):
        store.expression_akn("/akn/kz-1/act/x/rus@2020-01-01")
    with using("ru"), pytest.raises(UsageError, match="не размер"):
        parse_size("ten", "--max-size")


def test_input_errors_follow_the_language(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    line = error_line(run("--ui-lang", "ru", "parse", str(empty)), 2)
    assert "пустой файл" in line, line
    latin = tmp_path / "latin.txt"
    latin.write_text("This is an English text, not an act.\n")
    line = error_line(run("--ui-lang", "kk", "parse", str(latin)), 2)
    assert "құқықтық акт емес" in line, line
    with using("ru"), pytest.raises(ValueError, match="язык интерфейса 'de'"):
        choose("de")


@pytest.mark.parametrize(
    ("warning", "want"),
    [
        (
            "region: KZ-35, inferred from the district the issuer names (Бухар-Жырауский)",
            "регион: KZ-35, определён по району, который называет орган (Бухар-Жырауский)",
        ),
        (
            "issuer: the one district maslikhat the text names",
            "орган: единственный районный маслихат, названный в тексте",
        ),
        (
            "att_2: annex '' has no content: the file may be truncated",
            "приложение 2: приложение ''",
        ),
        (
            "the text dates act No 5 2004-04-08 where the requisites say 2003-04-08 "
            "(kept as published)",
            "08.04.2004",
        ),
    ],
)
def test_place_and_structure_warnings_in_russian(warning: str, want: str) -> None:
    with using("ru"):
        assert want in parse_warning_text(warning)


#: every command that prints words for a reader (its output, warnings or errors)
READER_COMMANDS = [
    ["build"], ["add"], ["parse"], ["split"], ["normalize"], ["works"], ["show"],
    ["history"], ["diff"], ["pdf"], ["search"], ["graph"], ["serve"], ["export", "git"],
]  # fmt: skip


@pytest.mark.parametrize("command", READER_COMMANDS, ids=" ".join)
def test_every_command_takes_ui_lang(command: list[str]) -> None:
    """``--ui-lang`` is an option of every such command, as of ``show``: a reader
    who writes it after the command is not told that there is no such option."""
    result = run(*command, "--help")
    assert result.exit_code == 0 and "--ui-lang" in result.stdout, result.stdout


def test_build_speaks_kazakh_with_its_own_ui_lang(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'kk.db'}"
    result = run("build", str(CORPUS_DIR), "--db", db, "--ui-lang", "kk")
    assert result.exit_code == 0, result.stderr
    assert "құрастырылған файлдар: 5/5" in result.stdout + result.stderr


def test_split_says_what_it_wrote_in_russian(tmp_path: Path) -> None:
    one = next(CORPUS_DIR.glob("000_*.txt")).read_text(encoding="utf-8")
    two = next(CORPUS_DIR.glob("003_*.txt")).read_text(encoding="utf-8")
    both = tmp_path / "both.txt"
    both.write_text(one + "\n\n" + two, encoding="utf-8")
    result = run("split", str(both), str(tmp_path / "out"), "--ui-lang", "ru")
    assert result.exit_code == 0, result.stderr
    assert "2 акта записано в" in result.stdout, result.stdout
