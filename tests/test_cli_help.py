"""``lexversion --help`` in the reader's language (issue 14): the language
from ``--ui-lang`` (read before Typer builds the help) or
``LEXVERSION_UI_LANG``; every help text is a catalog message."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from lexversion.cli.help import help_language

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
