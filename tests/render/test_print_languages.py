"""The PDF and its print HTML in the reader's language (issue 14): the cover,
contents, effects and history in Kazakh or Russian, the text untouched, the
dates as the reader writes them; English stays as the goldens pin it."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import pypdf
import pytest
from typer.testing import CliRunner

from lexversion.app.print import print_view
from lexversion.cli import app
from lexversion.i18n import ENV_VAR, using
from lexversion.render.pdf import render_print_html

ALMATY_OBLAST = "/akn/kz-19/act/decision/2017-12-15/26-129"
#: English words of the print view that must not be left in another language
ENGLISH = (
    "Text in force on",
    "Certainty notes",
    "Contents",
    "Effects applied to reach this text",
    "History: events and effects",
    "until (the next wording or the repeal applies from)",
    "Changes since",
    ">in force<",
    ">stated<",
    "(estimated)",
    "(computed)",
)
WORDS = {
    "kk": ("Күшінде болған мәтін, күні", "Мазмұны", "Күшіне енді", "күшінде", "01.06.2023"),
    "ru": ("Текст, действующий на", "Содержание", "Вступил в силу", "действует", "01.06.2023"),
}


def _html(db: str, lang: str) -> str:
    with using(lang):
        pv = print_view(db, ALMATY_OBLAST, date(2023, 6, 1), "kk", date(2019, 6, 1))
        return render_print_html(pv)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_print_html_in_the_readers_language(db: str, lang: str) -> None:
    html = _html(db, lang)
    assert f'<section id="cover" class="cover" lang="{lang}">' in html
    assert f'<nav id="toc" class="toc" lang="{lang}">' in html
    assert '<article id="text" class="text" lang="kk">' in html  # the text keeps its language
    for english in ENGLISH:
        assert english not in html, english
    for words in WORDS[lang]:
        assert words in html, words
    assert "<del>оралмандарды</del>" in html or "оралмандарды" in html


def test_print_html_in_english_is_unchanged(db: str) -> None:
    html = _html(db, "en")
    assert '<section id="cover" class="cover" lang="en">' in html
    assert 'Text in force on <span class="as-of">2023-06-01</span>' in html


def test_pdf_language_from_option_and_environment(db: str, tmp_path: Path) -> None:
    runner = CliRunner()
    texts = {}
    for name, args, env in (
        ("option", ["--ui-lang", "ru"], {}),
        ("env", [], {ENV_VAR: "kk"}),
        ("default", [], {}),
    ):
        out = tmp_path / f"{name}.pdf"
        result = runner.invoke(
            app,
            ["pdf", ALMATY_OBLAST, "--as-of", "01.06.2023", "-o", str(out), "--db", db, *args],
            env=env,
        )
        assert result.exit_code == 0, result.output
        reader = pypdf.PdfReader(io.BytesIO(out.read_bytes()))
        texts[name] = re.sub(r"\s+", " ", reader.pages[0].extract_text())
    assert "Текст, действующий на 01.06.2023" in texts["option"]
    assert "Күшінде болған мәтін, күні 01.06.2023" in texts["env"]
    assert "Text in force on 2023-06-01" in texts["default"]
