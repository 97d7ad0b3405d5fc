"""``lexversion --help`` in the reader's language (issue 14): the language
from ``--ui-lang`` (read before Typer builds the help) or
``LEXVERSION_UI_LANG``; every help text is a catalog message."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from lexversion.cli.help import help_language
from lexversion.cli.words import RICH, say
from lexversion.i18n import using

#: a phrase of ``lexversion --help`` and of ``lexversion show --help`` in each language
ROOT = {
    "en": "Versioned, queryable law",
    "kk": "мәслихаттарының шешімдерінен",
    "ru": "из решений маслихатов",
}
SHOW = {
    "en": "The text of a work in force on a date",
    "kk": "Актінің күнге қолданыстағы мәтіні",
    "ru": "Текст акта, действующий на дату",
}
OPTIONS = {"en": "Options", "kk": "Параметрлер", "ru": "Параметры"}


def _help(*args: str, env_lang: str | None = None) -> str:
    env = {k: v for k, v in os.environ.items() if k != "LEXVERSION_UI_LANG"}
    env["COLUMNS"] = "200"
    if env_lang is not None:
        env["LEXVERSION_UI_LANG"] = env_lang
    code = "from lexversion.cli import main; main()"
    done = subprocess.run(
        [sys.executable, "-c", code, *args], env=env, capture_output=True, text=True, check=True
    )
    return done.stdout


@pytest.mark.parametrize("lang", ["en", "kk", "ru"])
def test_help_in_the_environments_language(lang: str) -> None:
    root = _help("--help", env_lang=lang)
    assert ROOT[lang] in root
    show = _help("show", "--help", env_lang=lang)
    assert SHOW[lang] in show
    assert OPTIONS[lang] in show
    for other in {"en", "kk", "ru"} - {lang}:
        assert SHOW[other] not in show


def test_ui_lang_option_chooses_the_help_language() -> None:
    out = _help("show", "--ui-lang", "ru", "--help", env_lang="kk")
    assert SHOW["ru"] in out


@pytest.mark.parametrize(
    ("argv", "environ", "want"),
    [
        ([], {}, "en"),
        (["--help"], {"LEXVERSION_UI_LANG": "kk"}, "kk"),
        (["show", "--ui-lang=ru", "--help"], {"LEXVERSION_UI_LANG": "kk"}, "ru"),
        (["show", "--ui-lang", "xx", "--help"], {"LEXVERSION_UI_LANG": "kk"}, "kk"),
        (["show", "--ui-lang"], {"LEXVERSION_UI_LANG": "de"}, "en"),
        (["show", "--", "--ui-lang", "ru"], {}, "en"),
    ],
)
def test_help_language(argv: list[str], environ: dict[str, str], want: str) -> None:
    assert help_language(argv, environ) == want


#: Typer's and click's own English words, none of which a Kazakh or Russian
#: help or error may show
ENGLISH = (
    "Usage",
    "Options",
    "OPTIONS",
    "Arguments",
    "Commands",
    "default",
    "required",
    "Show this message",
    "env var",
    "Missing",
    "No such",
    "Invalid value",
    "Try ",
    "Error",
)


def _run(*args: str, env_lang: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "LEXVERSION_UI_LANG"}
    env["COLUMNS"] = "200"
    if env_lang is not None:
        env["LEXVERSION_UI_LANG"] = env_lang
    code = "from lexversion.cli import main; main()"
    return subprocess.run(
        [sys.executable, "-c", code, *args], env=env, capture_output=True, text=True
    )


@pytest.mark.parametrize(
    ("args", "env_lang", "want"),
    [
        (["--ui-lang", "kk", "show", "--help"], None, ["Қолданылуы:", "[міндетті]", "Аргументтер"]),
        (["works", "--help"], "ru", ["Использование:", "[по умолчанию: table]", "Параметры"]),
        (["--help"], "kk", ["Командалар", "Осы анықтаманы көрсетіп, шығу.", "[орта айнымалысы:"]),
        (["export", "--help"], "ru", ["КОМАНДА [АРГУМЕНТЫ]...", "Показать эту справку и выйти."]),
    ],
)
def test_help_has_no_english_typer_words(
    args: list[str], env_lang: str | None, want: list[str]
) -> None:
    done = _run(*args, env_lang=env_lang)
    assert done.returncode == 0, done.stderr
    for words in want:
        assert words in done.stdout, words
    for english in ENGLISH:
        assert english not in done.stdout, english


@pytest.mark.parametrize(
    ("args", "env_lang", "want"),
    [
        (["--ui-lang", "kk", "show"], None, ["'work' аргументі берілмеген.", "Анықтама:", "Қате"]),
        (["works", "--limt"], "ru", ["Нет такого параметра: --limt", "Ошибка"]),
        (["works", "-f", "xml"], "ru", ["Недопустимое значение '--format' / '-f': 'xml' не"]),
        (["wrks"], "kk", ["'wrks' деген команда жоқ. Мүмкін, 'works'?"]),
        (["show", "--as-of"], "ru", ["Параметру '--as-of' нужно значение."]),
        (["works", "extra"], "kk", ["Күтілмеген артық аргумент(тер) (extra)"]),
    ],
)
def test_usage_errors_in_the_readers_language(
    args: list[str], env_lang: str | None, want: list[str]
) -> None:
    done = _run(*args, env_lang=env_lang)
    assert done.returncode == 2
    for words in want:
        assert words in done.stderr, (words, done.stderr)
    for english in ENGLISH:
        assert english not in done.stderr, (english, done.stderr)


def test_english_is_unchanged() -> None:
    """Without a language, Typer's words are its own."""
    error = _run("show").stderr
    assert re.search(r"^Usage: \S+ show \[OPTIONS\] \{work\}$", error, re.M)
    assert re.search(r"^Try '\S+ show --help' for help\.$", error, re.M)
    assert "Missing argument 'work'." in error and "Error" in error
    shown = _run("works", "--help").stdout
    assert re.search(r"Usage: \S+ works \[OPTIONS\]", shown)
    assert "[default: table]" in shown and "Show this message and exit." in shown


def test_the_words_are_typers() -> None:
    """Every Typer constant :mod:`lexversion.cli.words` translates still holds
    the English msgid (a Typer upgrade that changes one fails here)."""
    code = (
        "import json, typer.rich_utils as r; from lexversion.cli.words import RICH; "
        "print(json.dumps({k: getattr(r, k) for k in RICH}))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(done.stdout) == RICH


@pytest.mark.parametrize(
    ("lang", "message", "want"),
    [
        ("ru", "Missing argument 'work'.", "Не указан аргумент 'work'."),
        ("kk", "No such option: --x", "Мұндай параметр жоқ: --x"),
        (
            "ru",
            "Invalid value for '--n': Value 'a' is not a valid int.",
            "Недопустимое значение '--n': 'a' не является допустимым значением типа int.",
        ),
        ("ru", "Something else.", "Something else."),
        ("en", "Missing argument 'work'.", "Missing argument 'work'."),
    ],
)
def test_say(lang: str, message: str, want: str) -> None:
    with using(lang):
        assert say(message) == want


def test_a_command_that_prints_no_help_does_not_load_typers_printer(tmp_path: Path) -> None:
    """Typer's words are set only when help or an error is printed: importing
    :mod:`typer.rich_utils` costs ~50 ms a run."""
    code = (
        "import sys; from lexversion.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('typer.rich_utils' in sys.modules)"
    )
    argv = ["--ui-lang", "kk", "works", "--db", f"sqlite:///{tmp_path / 'none.db'}"]
    done = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True)
    assert done.stdout.strip().splitlines()[-1] == "False", done.stderr
    assert "қойма жоқ" in done.stderr
