"""Several texts of one act and the warnings about them on the web (issue 13, items 2 and 9).

The work page (the point-in-time page) shows the build's warnings about the
text shown, through the catalogs, and says when the other language's text is
an older version; ``?lang=`` chooses the text's language, and the API answers
what ``show --format json`` prints, warnings and other languages included.
"""

from __future__ import annotations

import html
import shutil
import warnings

import pytest
from fastapi import FastAPI

from lexversion.web import create_app
from tests.conftest import REPO_ROOT, corpus_file
from tests.web.conftest import ALMATY_OBLAST as W
from tests.web.conftest import build_store

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="Using `httpx` with")
    from starlette.testclient import TestClient


@pytest.fixture(scope="module")
def bilingual(tmp_path_factory: pytest.TempPathFactory) -> FastAPI:
    """The app over seed 000 and a Russian text of the same act (written for the tests)."""
    tmp = tmp_path_factory.mktemp("web-bilingual")
    folder = tmp / "corpus"
    folder.mkdir()
    shutil.copy(corpus_file("000"), folder)
    shutil.copy(REPO_ROOT / "tests" / "data" / "26-129_rus.txt", folder)
    return create_app(build_store(folder, tmp), index="now")


def page(app: FastAPI, path: str) -> str:
    return html.unescape(TestClient(app, follow_redirects=False).get(path).text)


@pytest.mark.parametrize(
    ("ui", "words"),
    [("en", "disagree"), ("kk", "сәйкес келмейді"), ("ru", "расходятся")],
)
def test_the_page_warns_that_point_7_disagrees_with_the_record(
    app: FastAPI, ui: str, words: str
) -> None:
    text = page(app, f"{W}:2023-06-01?ui={ui}")
    assert 'class="warning"' in text and words in text and "оралмандарды" in text


def test_the_reconstructed_text_has_no_such_warning(app: FastAPI) -> None:
    assert 'class="warning"' not in page(app, f"{W}:2019-06-01")


def test_lang_chooses_the_text_and_the_page_says_which_is_older(bilingual: FastAPI) -> None:
    kk = page(bilingual, f"{W}:2023-06-01?text=kk")  # the text asked for, the words English
    ru = page(bilingual, f"{W}:2023-06-01?text=ru")
    assert "kaz@2021-12-25" in kk and "the Russian text is older" in kk
    assert "rus@2017-12-15" in ru and "the Kazakh text is newer" in ru
    assert "not consolidated" in ru
    assert "текст на языке «казахский» новее" in page(bilingual, f"{W}:2023-06-01?lang=ru")


def test_the_api_answers_with_warnings_and_languages(bilingual: FastAPI) -> None:
    client = TestClient(bilingual, follow_redirects=False)
    ru = client.get(f"/api/works{W}:2023-06-01?lang=ru").json()
    assert ru["expression"].endswith("rus@2017-12-15")
    assert [o["relation"] for o in ru["other_languages"]] == ["newer"]
    assert [w["code"] for w in ru["warnings"]] == ["not_consolidated"]
    assert client.get(f"/api/works{W}:2023-06-01?lang=ru&ui=kk").json() == ru
