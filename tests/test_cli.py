"""The ``lexversion`` command line (Typer app ``lexversion.cli.app``).

Thin edges (ARCHITECTURE.md invariant 5) with the error contract of errors.py:
one line ``lexversion: <message>`` on stderr, exit 2 for bad input or usage,
3 for not found, 4 for store errors, never a traceback.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from lxml import etree
from typer.testing import CliRunner, Result

from lexversion.akn.validate import errors as akn_errors
from lexversion.cli import app

CORPUS_DIR = Path(__file__).resolve().parent.parent / "corpus"
CORPUS_FILES = sorted(CORPUS_DIR.glob("*.txt"))
RU_004 = next(p for p in CORPUS_FILES if p.name.startswith("004_"))
KK_000 = next(p for p in CORPUS_FILES if p.name.startswith("000_"))
AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"

W_000 = "/akn/kz-19/act/decision/2017-12-15/26-129"
W_001 = "/akn/kz-75/act/decision/2021-02-19/22"
W_004 = "/akn/kz-61/act/decision/2024-09-30/12-160-viii"
STUB_152 = "/akn/kz-75/act/decision/2017-09-15/152"
CERTAINTIES = {"stated", "computed", "estimated", "unknown"}


def run(*args: str, input: bytes | None = None, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(app, list(args), input=input, env=env, catch_exceptions=False)


def assert_one_error_line(result: Result, code: int, *needles: str) -> str:
    """Exit ``code``, nothing on stdout, one ``lexversion: `` line on stderr naming ``needles``."""
    assert result.exit_code == code, (result.exit_code, result.stdout, result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 1, lines
    (line,) = lines
    assert line.startswith("lexversion: ")
    assert "Traceback" not in result.output
    for needle in needles:
        assert needle in line
    return line


@pytest.fixture
def db(cli_store: str) -> str:
    """The corpus store the CLI built (``cli_store``, read-only for the tests)."""
    return cli_store


# -- parse --------------------------------------------------------------------------


@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.name[:3])
def test_parse_akn(path: Path) -> None:
    result = run("parse", str(path), "--format", "akn")
    assert result.exit_code == 0, result.stderr
    assert result.stdout_bytes.startswith(b"<?xml")
    root = etree.fromstring(result.stdout_bytes)
    assert root.tag == f"{{{AKN_NS}}}akomaNtoso"
    assert akn_errors(root) == []


def test_parse_default_format_is_akn() -> None:
    assert (
        run("parse", str(RU_004)).stdout_bytes
        == run("parse", str(RU_004), "-f", "akn").stdout_bytes
    )


@pytest.mark.parametrize(
    ("path", "lang", "work"), [(KK_000, "kk", W_000), (RU_004, "ru", W_004)], ids=["000", "004"]
)
def test_parse_json(path: Path, lang: str, work: str) -> None:
    result = run("parse", str(path), "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["lang"] == lang
    assert data["title"]
    assert data["frbr"]["work"] == work
    assert data["frbr"]["expression"].startswith(work + "/")


def test_parse_text_contains_the_title() -> None:
    result = run("parse", str(RU_004), "--format", "text")
    assert result.exit_code == 0, result.stderr
    title = json.loads(run("parse", str(RU_004), "-f", "json").stdout)["title"]
    assert title.startswith("Об утверждении Правил регулирования миграционных процессов")
    assert title in result.stdout
    assert "<?xml" not in result.stdout


@pytest.mark.parametrize("fmt", ["akn", "json", "text"])
def test_parse_output_file(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"out.{fmt}"
    result = run("parse", str(RU_004), "--format", fmt, "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert out.read_bytes() == run("parse", str(RU_004), "--format", fmt).stdout_bytes
    assert not list(tmp_path.glob("*.part")), "the temporary file was left behind"


@pytest.mark.parametrize("fmt", ["akn", "text"])
def test_parse_stdin(fmt: str) -> None:
    from_file = run("parse", str(KK_000), "--format", fmt)
    from_stdin = run("parse", "-", "--format", fmt, input=KK_000.read_bytes())
    assert from_stdin.exit_code == 0, from_stdin.stderr
    assert from_stdin.stdout == from_file.stdout


def test_parse_stdin_json_names_stdin() -> None:
    result = run("parse", "-", "--format", "json", input=RU_004.read_bytes())
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["source"] == "<stdin>"
    assert data["frbr"]["work"] == W_004


def _bad_inputs(tmp: Path) -> dict[str, Path]:
    files = {
        "empty": tmp / "empty.txt",
        "binary": tmp / "binary.txt",
        "not-an-act": tmp / "letter.txt",
        "missing": tmp / "missing.txt",
        "directory": tmp / "adir",
    }
    files["empty"].write_bytes(b"")
    files["binary"].write_bytes(bytes(range(256)) * 8)
    files["not-an-act"].write_text(
        "Дорогой друг!\n\nПишу тебе из Алматы. Погода хорошая, дела идут.\n\nДо встречи.\n",
        encoding="utf-8",
    )
    files["directory"].mkdir()
    return files


@pytest.mark.parametrize("kind", ["empty", "binary", "not-an-act", "missing", "directory"])
def test_parse_bad_input(tmp_path: Path, kind: str) -> None:
    path = _bad_inputs(tmp_path)[kind]
    result = run("parse", str(path))
    assert_one_error_line(result, 2, str(path))
    assert result.stdout == ""


@pytest.mark.parametrize("data", [b"", b"\x00\x01\x02\xff" * 100], ids=["empty", "binary"])
def test_parse_bad_stdin(data: bytes) -> None:
    assert_one_error_line(run("parse", "-", input=data), 2, "<stdin>")


def test_parse_over_the_size_limit_is_one_line_error(tmp_path: Path) -> None:
    result = run("parse", str(RU_004), "--max-size", "1K")
    assert_one_error_line(result, 2, str(RU_004), "input size limit of 1024 bytes", "--max-size")
    result = run("parse", "-", input=RU_004.read_bytes(), env={"LEXVERSION_MAX_INPUT_BYTES": "2K"})
    assert_one_error_line(result, 2, "<stdin>", "2048 bytes")
    assert run("parse", str(RU_004), "--max-size", "0").exit_code == 0
    assert_one_error_line(run("parse", str(RU_004), "--max-size", "big"), 2, "--max-size")


def test_parse_without_requisites_gives_valid_akn() -> None:
    """`sed 1,4d 004 | lexversion parse -` (issue 16): the requisites cut off,
    never an empty ``lifecycle`` (the act is now named from its annex line,
    issue 12, so its lifecycle has events); the output validates."""
    data = b"\n".join(RU_004.read_bytes().split(b"\n")[4:])
    result = run("parse", "-", input=data)
    assert result.exit_code == 0, result.stderr
    assert akn_errors(result.stdout_bytes) == []
    assert b"<lifecycle/>" not in result.stdout_bytes


@pytest.mark.parametrize("stray", [b"\x0b", b"\x1f", b"\xff"])
def test_parse_control_character_or_stray_byte_gives_valid_akn_and_a_warning(stray: bytes) -> None:
    raw = RU_004.read_bytes()
    at = raw.index("Правил".encode())
    result = run("parse", "-", input=raw[:at] + stray + raw[at:])
    assert result.exit_code == 0, result.stderr
    assert akn_errors(result.stdout_bytes) == []
    assert "lexversion: warning: <stdin>: " in result.stderr


def test_split_writes_one_file_per_act(tmp_path: Path) -> None:
    joined = tmp_path / "all.txt"
    joined.write_bytes(b"".join(p.read_bytes() for p in CORPUS_FILES))
    assert_one_error_line(run("parse", str(joined)), 2, "holds 5 acts", "lexversion split")
    result = run("split", str(joined), str(tmp_path / "out"))
    assert result.exit_code == 0, result.stderr
    assert "5 acts written to" in result.stdout
    pieces = sorted((tmp_path / "out").glob("all_*.txt"))
    assert len(pieces) == 5
    assert b"".join(p.read_bytes() for p in pieces) == joined.read_bytes()
    assert run("parse", str(pieces[4])).stdout_bytes == run("parse", str(RU_004)).stdout_bytes


def test_parse_bad_format_is_a_usage_error() -> None:
    result = run("parse", str(RU_004), "--format", "pdf")
    assert result.exit_code == 2
    assert "Traceback" not in result.output


# -- build --------------------------------------------------------------------------


def test_build_skips_bad_files_and_keeps_the_good_ones(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS_DIR, corpus)
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "zz_binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    url = f"sqlite:///{tmp_path}/t.db"
    result = run("build", str(corpus), "--db", url)
    assert result.exit_code == 1, (result.stdout, result.stderr)
    assert "built 5/7 files" in result.stdout
    assert "Traceback" not in result.output
    skipped = [ln for ln in result.stderr.splitlines() if "skipped" in ln]
    assert len(skipped) == 2, result.stderr
    assert all(ln.startswith("lexversion: ") for ln in result.stderr.splitlines())
    assert any("empty.txt" in ln for ln in skipped)
    assert any("zz_binary.txt" in ln for ln in skipped)
    assert not any(p.name in "\n".join(skipped) for p in CORPUS_FILES)

    works = run("works", "--format", "json", "--db", url)
    assert works.exit_code == 0, works.stderr
    rows = json.loads(works.stdout)
    assert len(rows) == 26
    assert sum(r["text_in_corpus"] for r in rows) == 5
    assert {r["frbr_uri"] for r in rows if r["text_in_corpus"]} >= {W_000, W_001, W_004}
    shown = run("show", W_004, "--as-of", "2026-01-01", "--db", url)
    assert shown.exit_code == 0, shown.stderr


def test_build_twice_reports_no_change(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/t.db"
    first = run("build", str(CORPUS_DIR), "--db", url)
    second = run("build", str(CORPUS_DIR), "--db", url)
    assert first.exit_code == second.exit_code == 0
    assert "built 5/5 files" in first.stdout
    assert "(no change)" not in first.stdout
    assert "works +26" in first.stdout
    assert "built 5/5 files" in second.stdout
    assert "(no change)" in second.stdout


def test_the_console_script_leaves_the_store_closed(tmp_path: Path) -> None:
    """lexversion.cli.main freezes what is alive at its end instead of letting the
    interpreter's exit collect it: the build's store is closed before that, so
    no ``-wal``/``-shm`` stays beside it, after a build or a read."""
    db = tmp_path / "t.db"
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(RU_004, corpus)
    code = "from lexversion.cli import main; main()"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    # a read command's store is held by a cache (app.query.store_for) to the end
    for args in (["build", str(corpus)], ["works"]):
        done = subprocess.run(
            [sys.executable, "-c", code, *args, "--db", f"sqlite:///{db}"],
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "t.db"]


def test_build_missing_directory(tmp_path: Path) -> None:
    missing = tmp_path / "nope"
    result = run("build", str(missing), "--db", f"sqlite:///{tmp_path}/t.db")
    assert_one_error_line(result, 2, str(missing))


def test_bad_store_url_exit_4(tmp_path: Path) -> None:
    result = run("works", "--db", "nosuchdialect://x/y")
    assert_one_error_line(result, 4, "nosuchdialect")


def test_env_var_is_used_without_db(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/env.db"
    env = {"LEXVERSION_DB": url}
    result = run("build", str(CORPUS_DIR), env=env)
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "env.db").is_file()
    rows = json.loads(run("works", "--format", "json", env=env).stdout)
    assert len(rows) == 26
    shown = run("show", W_001, "--as-of", "2022-01-01", "--format", "json", env=env)
    assert json.loads(shown.stdout)["status"] == "in_force"
    # --db wins over the environment
    other = f"sqlite:///{tmp_path}/other.db"
    assert_one_error_line(run("works", "-f", "json", "--db", other, env=env), 4, other)


# -- works, show, history ------------------------------------------------------------


def test_works_table(db: str) -> None:
    result = run("works", "--db", db)
    assert result.exit_code == 0, result.stderr
    for uri in (W_000, W_001, W_004, STUB_152):
        assert uri in result.stdout
    assert "stub" in result.stdout


def test_works_json_statuses_carry_certainty(db: str) -> None:
    rows = json.loads(run("works", "--format", "json", "--db", db).stdout)
    assert [r["frbr_uri"] for r in rows] == sorted(r["frbr_uri"] for r in rows)
    for r in rows:
        assert r["status"] in {"not_yet_in_force", "in_force", "repealed", "unknown"}
        assert r["certainty"] in CERTAINTIES


def test_show_text(db: str) -> None:
    result = run("show", W_004, "--as-of", "2026-01-01", "--db", db)
    assert result.exit_code == 0, result.stderr
    assert f"work:       {W_004}" in result.stdout
    assert "status:     in force (certainty: estimated)" in result.stdout
    assert "Правила регулирования миграционных процессов в Туркестанской области" in result.stdout


def test_show_with_date_suffix_equals_as_of(db: str) -> None:
    a = run("show", f"{W_001}:2022-01-01", "-f", "json", "--db", db)
    b = run("show", W_001, "--as-of", "2022-01-01", "-f", "json", "--db", db)
    assert a.exit_code == 0, a.stderr
    assert json.loads(a.stdout) == json.loads(b.stdout)


def test_show_by_citation(db: str) -> None:
    citation = "решение маслихата города Алматы от 15 сентября 2017 года № 152"
    result = run("show", citation, "--as-of", "2022-01-01", "-f", "json", "--db", db)
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["work"] == STUB_152
    assert data["expression_kind"] == "consolidated"
    assert data["text"]


def test_show_json_before_adoption(db: str) -> None:
    result = run("show", W_004, "--as-of", "2020-01-01", "-f", "json", "--db", db)
    data = json.loads(result.stdout)
    assert data["status"] == "not_yet_in_force"
    assert data["expression"] is None and data["text"] is None
    assert "did not exist" in data["reason"]


def test_show_inside_an_estimated_window_says_so(db: str) -> None:
    # 000 enters into force ten days after a publication the corpus does not date
    result = run("show", W_000, "--as-of", "2018-02-01", "-f", "json", "--db", db)
    data = json.loads(result.stdout)
    assert data["status"] == "unknown"
    assert data["certainty"] == "estimated"
    assert data["window"] == ["2018-01-20", "2018-10-13"]
    assert any("uncertain between" in n for n in data["notes"])
    assert any("assumed (policy observed-lags: within 266 days" in n for n in data["notes"])


def test_build_takes_the_publication_lag_as_a_named_policy(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'month.db'}"
    built = run("build", str(CORPUS_DIR), "--db", db, "--publication-lag", "30")
    assert built.exit_code == 0, built.stderr
    result = run("show", W_000, "--as-of", "2018-02-01", "-f", "json", "--db", db)
    data = json.loads(result.stdout)
    assert data["window"] == ["2018-01-20", "2018-02-19"]
    assert any("assumed (policy lag-30-days: within 30 days" in n for n in data["notes"])


@pytest.mark.parametrize(
    "bad", ["2019-13-01", "yesterday", "32.01.2019", "01.02.19", "2019/02/01", ""]
)
def test_show_bad_date(db: str, bad: str) -> None:
    result = run("show", W_000, "--as-of", bad, "--db", db)
    assert_one_error_line(result, 2, "--as-of")


def test_show_takes_the_date_as_readers_write_it(db: str) -> None:
    """Issue 14: ``--as-of 01.06.2019`` is 1 June 2019, as ``--as-of 2019-06-01``."""
    iso = run("show", W_000, "--as-of", "2019-06-01", "--format", "json", "--db", db)
    dotted = run("show", W_000, "--as-of", "01.06.2019", "--format", "json", "--db", db)
    assert dotted.exit_code == 0, dotted.stderr
    assert json.loads(dotted.stdout) == json.loads(iso.stdout)


def test_show_without_a_date_is_a_usage_error(db: str) -> None:
    assert_one_error_line(run("show", W_000, "--db", db), 2, "--as-of")


@pytest.mark.parametrize(
    "work",
    [
        "/akn/kz-19/act/decision/2017-12-15/26-999",
        "решение маслихата города Алматы от 1 января 2001 года № 999",
    ],
)
def test_show_unknown_work(db: str, work: str) -> None:
    result = run("show", work, "--as-of", "2020-01-01", "--db", db)
    assert_one_error_line(result, 3)


def test_history_unknown_work(db: str) -> None:
    result = run("history", "/akn/kz-19/act/decision/2017-12-15/26-999", "--db", db)
    assert_one_error_line(result, 3, "26-999")


def test_show_html(db: str) -> None:
    result = run("show", W_001, "--as-of", "2022-01-01", "--format", "html", "--db", db)
    assert result.exit_code == 0, result.stderr
    html = result.stdout
    assert "<html" in html and "</html>" in html
    # the corpus text quotes titles; in HTML text they must be escaped
    assert "&#34;Об утверждении правил регулирования" in html
    assert '"Об утверждении правил регулирования' not in html
    assert "in_force" in html and "estimated" in html


def test_show_html_escapes_markup_from_the_source(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    raw = RU_004.read_bytes()
    needle = "Утвердить прилагаемые".encode()
    assert needle in raw
    evil = "Утвердить <script>alert(1)</script> & <b>прилагаемые</b>".encode()
    (corpus / RU_004.name).write_bytes(raw.replace(needle, evil, 1))
    url = f"sqlite:///{tmp_path}/t.db"
    assert run("build", str(corpus), "--db", url).exit_code == 0
    html = run("show", W_004, "--as-of", "2026-01-01", "-f", "html", "--db", url).stdout
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;прилагаемые&lt;/b&gt;" in html
    assert "<script>" not in html and "<b>" not in html


@pytest.mark.parametrize(
    ("work", "on"),
    [(W_000, "2019-06-01"), (W_000, "2022-06-01"), (STUB_152, "2022-01-01"), (W_004, "2026-01-01")],
)
def test_show_akn_is_valid(db: str, work: str, on: str) -> None:
    result = run("show", work, "--as-of", on, "--format", "akn", "--db", db)
    assert result.exit_code == 0, result.stderr
    assert result.stdout_bytes.startswith(b"<?xml")
    assert akn_errors(result.stdout_bytes) == []
    root = etree.fromstring(result.stdout_bytes)
    this = root.find(f".//{{{AKN_NS}}}FRBRWork/{{{AKN_NS}}}FRBRthis")
    assert this is not None and this.get("value", "").startswith(work)


def test_show_akn_without_text_is_an_error(db: str) -> None:
    result = run("show", STUB_152, "--as-of", "2019-01-01", "--format", "akn", "--db", db)
    assert_one_error_line(result, 2, "not in the corpus")


def _check_history(items: list[dict[str, object]]) -> None:
    assert items
    keys = [(i["earliest"] is None, i["earliest"] or "") for i in items]
    assert keys == sorted(keys), "history items are not in date order"
    for i in items:
        assert i["certainty"] in CERTAINTIES
        assert isinstance(i["basis"], str) and i["basis"]
        if i["certainty"] in {"stated", "computed"}:
            assert i["date"] == i["earliest"] == i["latest"] is not None
        elif i["certainty"] == "estimated":
            assert i["date"] is None, "an estimate shown as a date"
            assert str(i["earliest"]) < str(i["latest"])
        else:
            assert i["date"] is None and i["earliest"] is None


@pytest.mark.parametrize("work", [W_000, W_001, W_004, STUB_152])
def test_history_json(db: str, work: str) -> None:
    result = run("history", work, "--format", "json", "--db", db)
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["work"] == work
    _check_history(data["items"])
    assert data["items"][0]["type"] == "adoption"


def test_history_json_of_000_records_the_substitution_and_the_repeal(db: str) -> None:
    items = json.loads(run("history", W_000, "-f", "json", "--db", db).stdout)["items"]
    types = [i["type"] for i in items]
    assert "effect:substitution" in types
    assert "effect:repeal" in types and "repeal" not in types
    subst = next(i for i in items if i["type"] == "effect:substitution")
    assert subst["by"] == "/akn/kz-19/act/decision/2021-12-14/12-61"
    assert date.fromisoformat(subst["earliest"]) > date(2021, 12, 14)


def test_history_text(db: str) -> None:
    result = run("history", W_000, "--db", db)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith(W_000)
    assert any("adoption" in ln and "[stated]" in ln for ln in lines)
    assert sum("basis:" in ln for ln in lines) == len(lines[1:]) // 2


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig", "cp1251"])
def test_parse_any_encoding_on_stdin(encoding: str) -> None:
    text = RU_004.read_bytes().decode("utf-8")
    expected = run("parse", str(RU_004), "-f", "text").stdout
    result = run("parse", "-", "-f", "text", input=text.encode(encoding))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == expected


# -- known bugs (kept failing on purpose; see the reasons) ---------------------------


def test_parse_output_into_a_missing_directory(tmp_path: Path) -> None:
    out = tmp_path / "no" / "such" / "out.xml"
    result = CliRunner().invoke(app, ["parse", str(RU_004), "-o", str(out)])
    assert_one_error_line(result, 2, str(out))


def test_parse_output_onto_a_directory(tmp_path: Path) -> None:
    out = tmp_path / "adir"
    out.mkdir()
    result = CliRunner().invoke(app, ["parse", str(RU_004), "-o", str(out)])
    assert not (tmp_path / "adir.part").exists(), "stray temporary file left behind"
    assert_one_error_line(result, 2, str(out))


def test_show_at_date_is_that_exact_expression(db: str) -> None:
    expression = f"{W_000}/kaz@2021-12-25"  # the consolidated text stored by build
    result = run("show", expression, "-f", "json", "--db", db)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["expression"] == expression


def test_parse_dates_a_consolidated_text_by_its_last_change(db: str) -> None:
    """Issue 13, item 6 (AKN-NC 5.2, Indigo's point-in-time dates): ``parse`` of
    seed 000, whose notes record the 2021 substitution, names the expression by
    the day that change applies (2021-12-25, the earliest of its window), the
    URI the store gives the consolidated text, never the adoption date the
    store gives the reconstructed 2017 wording."""
    parsed = run("parse", str(KK_000), "-f", "json")
    assert parsed.exit_code == 0, parsed.stderr
    expression = json.loads(parsed.stdout)["frbr"]["expression"]
    assert expression == f"{W_000}/kaz@2021-12-25"
    akn = etree.fromstring(run("parse", str(KK_000)).stdout.encode())
    uris = [e.get("value") for e in akn.iter(f"{{{AKN_NS}}}FRBRuri")]
    assert expression in uris and f"{W_000}/kaz@2017-12-15" not in uris
    consolidated = json.loads(
        run("show", W_000, "--as-of", "2023-06-01", "-f", "json", "--db", db).stdout
    )
    original = json.loads(
        run("show", W_000, "--as-of", "2019-06-01", "-f", "json", "--db", db).stdout
    )
    assert consolidated["expression"] == expression
    assert original["expression"] == f"{W_000}/kaz@2017-12-15" != expression


def test_version() -> None:
    from importlib.metadata import version

    r = run("--version")
    assert r.exit_code == 0 and r.output == f"lexversion {version('lexversion')}\n"


def _commands(group: object, path: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], object]]:
    out: list[tuple[tuple[str, ...], object]] = []
    for name, sub in group.commands.items():  # type: ignore[attr-defined]
        if hasattr(sub, "commands"):
            out += _commands(sub, (*path, name))
        else:
            out.append(((*path, name), sub))
    return out


def test_every_argument_and_option_has_help() -> None:
    import typer.main

    missing = [
        f"{' '.join(path)} {p.name}"
        for path, cmd in _commands(typer.main.get_command(app))
        for p in cmd.params  # type: ignore[attr-defined]
        if not getattr(p, "help", None)
    ]
    assert len(_commands(typer.main.get_command(app))) >= 11
    assert missing == []


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz's dot is not installed")
def test_graph_svg(db: str) -> None:
    r = run("graph", "--format", "svg", "--db", db)
    assert r.exit_code == 0, r.output
    svg = etree.fromstring(r.stdout_bytes)
    assert svg.tag == "{http://www.w3.org/2000/svg}svg"
    texts = svg.xpath("//s:text/text()", namespaces={"s": "http://www.w3.org/2000/svg"})
    assert W_000 in texts


def test_history_lists_each_change_once(db: str) -> None:
    out = run("history", W_000, "--db", db).stdout
    # each row: the date (22 columns), what happened (in words), [certainty], by/on
    rows = [line[23:].split(" [")[0].strip() for line in out.splitlines()[1:] if line[:1] != " "]
    assert rows == [
        "adoption",
        "registration",
        "entry into force",
        "put into effect",
        "effect: substitution",
        "effect: repeal",
    ]
    items = json.loads(run("history", W_000, "--db", db, "-f", "json").stdout)["items"]
    assert [i["type"] for i in items].count("repeal") == 0
    assert [i["type"] for i in items].count("effect:repeal") == 1


@pytest.mark.parametrize(
    "command",
    [["works"], ["show", W_000, "--as-of", "2020-01-01"], ["history", W_000], ["graph"]],
    ids=lambda c: c[0],
)
def test_read_only_commands_never_create_a_store(tmp_path: Path, command: list[str]) -> None:
    url = f"sqlite:///{tmp_path / 'none.db'}"
    result = run(*command, "--db", url)
    assert_one_error_line(result, 4, f"no store at {url}", "lexversion build")
    assert not (tmp_path / "none.db").exists()


def test_build_of_an_empty_folder_says_so(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    url = f"sqlite:///{tmp_path / 's.db'}"
    assert_one_error_line(run("build", str(tmp_path / "empty"), "--db", url), 2, "no files")
    assert not (tmp_path / "s.db").exists()


def test_not_found_offers_close_works(db: str) -> None:
    line = assert_one_error_line(run("show", W_000[:-1], "--as-of", "2020-01-01", "--db", db), 3)
    assert line.endswith(f"close: {W_000}")
    assert "build" not in line
    cited = "решение маслихата города Алматы от 15 сентября 2018 года № 152"
    line = assert_one_error_line(run("history", cited, "--db", db), 3, "2018-09-15")
    assert line.endswith(f"close: {STUB_152}")
    far = "/akn/kz-19/act/decision/2099-01-01/1"
    assert_one_error_line(run("history", far, "--db", db), 3, "26 works", "lexversion works")


def test_not_found_in_an_empty_store_suggests_build(tmp_path: Path) -> None:
    from lexversion.store import open_store

    url = f"sqlite:///{tmp_path / 'e.db'}"
    open_store(url)  # created empty, as by an interrupted first build
    assert_one_error_line(run("history", W_000, "--db", url), 3, "the store is empty", "build")


@pytest.mark.parametrize("columns", [50, 80, 120, 200])
def test_works_fits_the_terminal_and_never_breaks_a_date_or_number(db: str, columns: int) -> None:
    out = run("works", "--db", db, env={"COLUMNS": str(columns)}).stdout
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= columns
    for r in json.loads(run("works", "-f", "json", "--db", db).stdout):
        if r["date"]:
            assert r["date"] in out  # on one line, never cut
        if r["number"] and len(r["number"]) < columns // 3:
            assert r["number"] in out


def test_search_finds_word_forms_with_statuses(db: str) -> None:
    """``search``: every form of a word, each act's status on the date asked."""
    result = run("search", "қандастарға", "--on", "2023-06-01", "--db", db)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].endswith("of the wording in force on 2023-06-01")
    assert any("[Қандастар" in line or "[қандас" in line.casefold() for line in lines)
    assert any("the act on 2023-06-01: in force [" in line for line in lines)
    assert not any("#att_" in line or "__" in line for line in lines)  # labels, never eIds
    out = run("search", "мигранты", "--format", "json", "--lang", "ru", "--db", db)
    assert out.exit_code == 0, out.stderr
    body = json.loads(out.stdout)
    assert body["query"] == "мигранты" and body["on"] is None
    assert body["status_on"] == date.today().isoformat()
    assert body["hits"] and all(h["lang"] == "ru" for h in body["hits"])
    assert {h["status"] for h in body["hits"]} <= {
        "in_force",
        "repealed",
        "not_yet_in_force",
        "unknown",
    }
    assert all(h["applies_from"]["certainty"] in CERTAINTIES for h in body["hits"])


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("search", "x", "--on", "June"), "--on 'June'"),
        (("search", "* ( )"), "no words"),
    ],
)
def test_search_refuses_bad_input(db: str, args: tuple[str, ...], needle: str) -> None:
    assert_one_error_line(run(*args, "--db", db), 2, needle)


def test_search_warns_when_the_index_lags(db: str, tmp_path: Path) -> None:
    """A store whose index lags its texts (e.g. migrated, not rebuilt yet) still
    answers, with a one-line warning naming ``build``."""
    import sqlite3

    from sqlalchemy import create_engine, text

    copy = tmp_path / "lag.db"
    src, dst = sqlite3.connect(db.removeprefix("sqlite:///")), sqlite3.connect(copy)
    src.backup(dst)  # the store is in WAL mode: a file copy may miss pages
    src.close()
    dst.close()
    url = f"sqlite:///{copy}"
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM provision_search"))
        conn.execute(text("DELETE FROM search_expressions"))
    engine.dispose()
    result = run("search", "қандас", "--db", url)
    assert result.exit_code == 0
    assert result.stdout.startswith("0 provisions")
    (line,) = result.stderr.splitlines()
    assert line.startswith("lexversion: warning: the search index holds 0 of 7 texts")
    assert "lexversion build" in line


# -- the reader's language (issue 14) --------------------------------------------------


@pytest.mark.parametrize(
    ("args", "env", "want"),
    [
        (["--ui-lang", "kk"], None, ["акт:", "күні:       01.06.2019", "мәртебесі:  күшінде"]),
        ([], {"LEXVERSION_UI_LANG": "ru"}, ["статус:", "действует (достоверность: оценка)"]),
        (["--ui-lang", "en"], {"LEXVERSION_UI_LANG": "ru"}, ["as of:      2019-06-01"]),
        ([], None, ["status:     in force (certainty: estimated)"]),
    ],
)
def test_show_in_the_readers_language(
    db: str, args: list[str], env: dict[str, str] | None, want: list[str]
) -> None:
    result = run("show", W_000, "--as-of", "01.06.2019", "--db", db, *args, env=env)
    assert result.exit_code == 0, result.stderr
    for words in want:
        assert words in result.stdout, words


def test_history_and_works_in_russian(db: str) -> None:
    history = run("history", W_000, "--ui-lang", "ru", "--db", db).stdout
    assert "утратил силу" in history and "[указана]" in history
    assert "основание:" in history and "basis:" not in history
    assert re.search(r"^\d\d\.\d\d\.\d{4} ", history, re.M)
    works = run("works", "--ui-lang", "kk", "--db", db).stdout
    assert "күші жойылды" in works or "күшінде" in works
    assert "in_force" not in works and "repealed" not in works


def test_json_does_not_change_with_the_language(db: str) -> None:
    en = run("show", W_000, "--as-of", "2019-06-01", "-f", "json", "--db", db).stdout
    kk = run("show", W_000, "--as-of", "2019-06-01", "-f", "json", "--ui-lang", "kk", "--db", db)
    assert json.loads(kk.stdout) == json.loads(en)


def test_unknown_ui_lang_is_a_usage_error(db: str) -> None:
    result = run("show", W_000, "--as-of", "2019-06-01", "--ui-lang", "de", "--db", db)
    assert result.exit_code == 2
    assert "--ui-lang" in result.output


def test_diff_in_the_readers_language(db: str) -> None:
    args = ["diff", W_000, "--from", "01.06.2019", "--to", "2023-06-01", "--db", db]
    ru = run(*args, "--ui-lang", "ru")
    assert ru.exit_code == 0, ru.stderr
    assert "(на 01.06.2019: восстановленный, действует, достоверность: оценка)" in ru.stdout
    assert "изменено" in ru.stdout.splitlines()[2]
    en = run(*args)
    assert "(as of 2019-06-01: reconstructed, in force, certainty estimated)" in en.stdout
    html = run(*args, "-f", "html", "--ui-lang", "kk").stdout
    assert "<strong>бұрынғы</strong>" in html and "<strong>old</strong>" not in html


@pytest.mark.parametrize(
    ("before", "env", "want"),
    [
        (["--ui-lang", "kk"], None, "мәртебесі:  күшінде"),
        (["--ui-lang", "kk"], {"LEXVERSION_UI_LANG": "ru"}, "мәртебесі:  күшінде"),
        ([], {"LEXVERSION_UI_LANG": "ru"}, "статус:"),
    ],
)
def test_root_ui_lang_chooses_the_language(
    db: str, before: list[str], env: dict[str, str] | None, want: str
) -> None:
    """``lexversion --ui-lang kk show …``: the root's option beats the environment."""
    result = run(*before, "show", W_000, "--as-of", "01.06.2019", "--db", db, env=env)
    assert result.exit_code == 0, result.output
    assert want in result.stdout


def test_usage_error_in_the_readers_language() -> None:
    """Typer's own error words (usage line, message, hint, panel) in Russian."""
    result = run("works", "--limt", env={"LEXVERSION_UI_LANG": "ru", "COLUMNS": "200"})
    assert result.exit_code == 2
    assert "Нет такого параметра: --limt" in result.stderr
    assert "Использование: lexversion works [ПАРАМЕТРЫ]" in result.stderr
    for english in ("Usage", "No such option", "Try ", "Error"):
        assert english not in result.stderr, english


@pytest.mark.parametrize(
    ("lang", "args", "code", "words"),
    [
        ("ru", ["works"], 4, "нет хранилища по адресу sqlite:///"),
        ("kk", ["works"], 4, "мекенжайында қойма жоқ: алдымен оны құрастырыңыз"),
        (
            "ru",
            ["show", "/akn/kz-19/act/decision/2017-12-15/26-128", "--as-of", "2020-01-01"],
            3,
            f"нет акта /akn/kz-19/act/decision/2017-12-15/26-128 в хранилище; похожие: {W_000}",
        ),
        (
            "ru",
            ["show", "/akn/kz-19/act/decision/2099-01-01/1", "--as-of", "2020-01-01"],
            3,
            "актов; их перечисляет lexversion works)",
        ),
        ("kk", ["show", W_000], 2, "--as-of КҮН беріңіз"),
        ("ru", ["show", W_000, "--as-of", "2020-13-01"], 2, "--as-of '2020-13-01': не дата"),
        ("kk", ["search", "салық", "--on", "x"], 2, "--on 'x': күн емес"),
    ],
)
def test_errors_in_the_readers_language(
    db: str, tmp_path: Path, lang: str, args: list[str], code: int, words: str
) -> None:
    """lexversion's own errors on the tour (no store, not found, a bad date) are
    said in the reader's language, the values kept."""
    url = db if args != ["works"] else f"sqlite:///{tmp_path / 'none.db'}"
    result = run("--ui-lang", lang, *args, "--db", url)
    assert result.exit_code == code, result.output
    (line,) = result.stderr.splitlines()
    assert words in line


def test_build_of_an_empty_directory_in_kazakh(tmp_path: Path) -> None:
    (tmp_path / "corpus").mkdir()
    url = f"sqlite:///{tmp_path / 'x.db'}"
    result = run("build", str(tmp_path / "corpus"), "--db", url, env={"LEXVERSION_UI_LANG": "kk"})
    assert result.exit_code == 2
    assert "құрастыруға файл жоқ (каталог бос)" in result.stderr


@pytest.mark.parametrize(
    ("lang", "want"),
    [
        (
            "ru",
            [
                "в редакции, действовавшей на 01.06.2023",
                "применяется с",
                ": действует [",
                "приложение 1, глава 1",
            ],
        ),
        (
            "kk",
            [
                "01.06.2023 күні күшінде болған редакцияның",
                "бастап қолданылады",
                ": күшінде [",
                "1-қосымша 1-тарау",
            ],
        ),
    ],
)
def test_search_in_the_readers_language(db: str, lang: str, want: list[str]) -> None:
    """``search``'s lines in the reader's words: count, dates, kind, status, and
    the provision's label instead of its eId."""
    result = run("search", "қандастарға", "--on", "01.06.2023", "--ui-lang", lang, "--db", db)
    assert result.exit_code == 0, result.stderr
    for words in want:
        assert words in result.stdout, words
    for english in ("provision", "applies from", "the act on", "in_force", "#att_"):
        assert english not in result.stdout, english
