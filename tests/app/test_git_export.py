"""``lexversion export git``: one commit per expression, dated when it applies (issue 14, item 4)."""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest
from dulwich.repo import Repo
from typer.testing import CliRunner

from lexversion.app.git_export import export_git, export_history
from lexversion.cli import app
from lexversion.errors import UsageError
from lexversion.store import open_store

RULES = "/akn/kz-19/act/decision/2017-12-15/26-129"
CITED = "Алматы облыстық мәслихатының 2017 жылғы 15 желтоқсандағы № 26-129 шешімі"


def _log(path: Path) -> list[tuple[str, str, dict[bytes, bytes]]]:
    """(author day, message, {path: blob}) of every commit, oldest first."""
    repo = Repo(str(path))
    try:
        out = []
        for entry in repo.get_walker(reverse=True):
            c = entry.commit
            day = datetime.fromtimestamp(c.author_time, UTC).date().isoformat()
            files = {}
            for item in repo.object_store.iter_tree_contents(c.tree):
                files[item.path] = repo.object_store[item.sha].data
            out.append((day, c.message.decode(), files))
        return out
    finally:
        repo.close()


def test_one_work_is_its_history_in_the_order_it_applies(db: str, tmp_path: Path) -> None:
    result = export_history(db, [CITED], tmp_path / "git")
    log = _log(tmp_path / "git")
    assert (result.works, result.commits) == (1, 3)
    days = [day for day, _, _ in log]
    assert days == sorted(days) == ["2018-01-20", "2021-12-25", "2024-04-17"]
    reconstructed, consolidated, repeal = log
    assert "reconstructed text" in reconstructed[1] and "estimated" in reconstructed[1]
    assert "substitution by /akn/kz-19/act/decision/2021-12-14/12-61" in consolidated[1]
    assert "repealed by /akn/kz-19/act/decision/2024-04-16/18-84" in repeal[1]
    txt = b"kz-19/act/decision/2017-12-15/26-129/kaz.txt"
    assert b"kaz.xml" in b" ".join(consolidated[2])
    point_6 = "6. {} мен қоныс аударушыларды қоныстандыру"
    assert point_6.format("Оралмандар") in reconstructed[2][txt].decode()
    assert point_6.format("Қандастар") in consolidated[2][txt].decode()
    assert point_6.format("Оралмандар") not in consolidated[2][txt].decode()
    assert repeal[2] == {}  # a repealed act's text leaves the tree


def test_the_working_tree_is_the_last_commit_and_git_reads_the_history(
    db: str, tmp_path: Path
) -> None:
    dest = tmp_path / "all"
    result = export_git(open_store(db), [], dest)
    assert result.head is not None and result.commits >= 9
    shown = (dest / "kz-61/act/decision/2024-09-30/12-160-viii/rus.txt").read_text("utf-8")
    assert shown.startswith("Об утверждении Правил")
    git = subprocess.run(
        ["git", "-C", str(dest), "log", "-p", "--format=%ad %s", "--date=short", "--", "kz-19"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "-  6. Оралмандар мен" in git and "+  6. Қандастар мен" in git
    assert "2021-12-25 " + RULES in git


def test_the_same_store_gives_the_same_commits(db: str, tmp_path: Path) -> None:
    a = export_git(open_store(db), [], tmp_path / "a")
    b = export_git(open_store(db), [], tmp_path / "b")
    assert a.head == b.head


def test_an_existing_folder_is_never_rewritten(db: str, tmp_path: Path) -> None:
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "keep.txt").write_text("mine")
    with pytest.raises(UsageError, match="not an empty folder"):
        export_git(open_store(db), [], tmp_path / "x")
    assert (tmp_path / "x" / "keep.txt").read_text() == "mine"


def test_cli(db: str, tmp_path: Path) -> None:
    runner = CliRunner()
    ok = runner.invoke(app, ["export", "git", RULES, str(tmp_path / "one"), "--db", db])
    assert ok.exit_code == 0, ok.output
    assert ok.output.startswith("wrote 3 commits of 1 works to ")
    bad = runner.invoke(app, ["export", "git", str(tmp_path / "two"), "--db", db])
    assert bad.exit_code == 2
    assert "give WORK DIR, or --all DIR" in bad.output
