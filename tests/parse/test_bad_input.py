"""Bad and unusual input: a clear one-line InputError (exit code 2) or a parse, never a crash."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import pytest

from lexversion.akn.build import document_to_akn
from lexversion.errors import InputError
from lexversion.model import Document, Node
from lexversion.parse import parse
from tests.conftest import CORPUS, corpus_file, seed_of

_PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00"


def _random_bytes(seed: int, n: int = 4096) -> bytes:
    rnd = random.Random(seed)
    data = bytearray(rnd.randrange(256) for _ in range(n))
    data[n // 2 : n // 2 + 4] = b"\x00\x00\x00\x00"
    return bytes(data)


BAD = [
    pytest.param(b"", "empty.txt", id="empty"),
    pytest.param(b"   \n\t\r\n  \n", "blank.txt", id="whitespace-only"),
    pytest.param("   \n\n  ", "blank-str.txt", id="whitespace-only-str"),
    pytest.param(b"\xef\xbb\xbf\n\n", "bom-only.txt", id="bom-only"),
    pytest.param(_random_bytes(1), "random-1.bin", id="random-bytes-1"),
    pytest.param(_random_bytes(2), "random-2.bin", id="random-bytes-2"),
    pytest.param(_PNG + _random_bytes(3, 512), "picture.png", id="png"),
    pytest.param(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\x00\x00endobj", "act.pdf", id="pdf"),
    pytest.param(
        "Сегодня была хорошая погода. Мы гуляли в парке и видели много птиц.\n"
        "Вечером пили чай с вареньем и говорили о планах на лето.\n",
        "prose-ru.txt",
        id="russian-prose",
    ),
    pytest.param(
        "Бүгін ауа райы жақсы болды. Біз саябақта серуендеп, көп құстарды көрдік.\n"
        "Кешке шай ішіп, жазғы жоспарлар туралы сөйлестік.\n".encode(),
        "prose-kk.txt",
        id="kazakh-prose",
    ),
    pytest.param(
        b"Decision of the Almaty city council of 15 September 2017 No 152.\n"
        b"1. The rules are approved.\n",
        "english.txt",
        id="english",
    ),
]


@pytest.mark.parametrize(("data", "source"), BAD)
def test_bad_input_is_a_one_line_input_error(data: bytes | str, source: str) -> None:
    with pytest.raises(InputError) as info:
        parse(data, source)
    err = info.value
    assert err.exit_code == 2
    message = str(err)
    assert "\n" not in message
    assert message.startswith(f"{source}: ")
    assert len(message) > len(source) + 2, "the message names the problem"
    assert err.source == source


def test_default_source_name() -> None:
    with pytest.raises(InputError) as info:
        parse(b"")
    assert str(info.value).startswith("<input>: ")


# --- the same document in another encoding ------------------------------------------------

_HEADER = ("lang", "title", "act_type", "issuer", "region", "date", "number", "registration")


def _same_document(a: Document, b: Document) -> None:
    assert a.text == b.text
    assert a.meta == b.meta
    assert a.warnings == b.warnings
    assert document_to_akn(a) == document_to_akn(b)


def _cp1251_documents() -> list[Path]:
    out = []
    for path in CORPUS:
        try:
            path.read_text(encoding="utf-8").encode("cp1251")
        except UnicodeEncodeError:
            continue  # Windows-1251 has no Kazakh letters
        out.append(path)
    return out


_CP1251 = _cp1251_documents()


def test_a_corpus_document_fits_windows_1251() -> None:
    assert _CP1251, "expected at least one purely Russian corpus document"


@pytest.mark.parametrize("path", _CP1251, ids=seed_of)
def test_windows_1251_document(path: Path, parsed: Callable[[Path], Document]) -> None:
    data = path.read_text(encoding="utf-8").encode("cp1251")
    _same_document(parse(data, str(path)), parse(path.read_bytes(), str(path)))
    assert parse(data, "x").meta == parsed(path).meta


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("path", CORPUS, ids=seed_of)
def test_utf16_with_bom_document(
    path: Path, codec: str, parsed: Callable[[Path], Document]
) -> None:
    text = path.read_text(encoding="utf-8")
    data = text.encode(codec) if codec == "utf-16" else ("\ufeff" + text).encode(codec)
    assert data[:2] in (b"\xff\xfe", b"\xfe\xff")
    _same_document(parse(data, str(path)), parse(path.read_bytes(), str(path)))
    assert parse(data, "x").meta == parsed(path).meta


@pytest.mark.parametrize("path", CORPUS, ids=seed_of)
def test_crlf_line_ends(path: Path, parsed: Callable[[Path], Document]) -> None:
    data = path.read_bytes().replace(b"\n", b"\r\n")
    assert parse(data, "crlf.txt").meta == parsed(path).meta


# --- a truncated act ----------------------------------------------------------------------


def _provisions(node: Node) -> int:
    return sum(1 + _provisions(child) for child in node.children)


def _all_provisions(doc: Document) -> int:
    return _provisions(doc.body) + sum(_provisions(a.body) for a in doc.attachments)


def _truncated(path: Path) -> str:
    """The first 40% of the lines of ``path``."""
    lines = path.read_text(encoding="utf-8").split("\n")
    return "\n".join(lines[: len(lines) * 4 // 10])


def _ends_mid_sentence(text: str) -> bool:
    last = text.rstrip()
    return not last.endswith((".", ";", ":", "!", "?", ")", '"', "»"))


@pytest.mark.parametrize("path", CORPUS, ids=seed_of)
def test_truncated_act_parses(path: Path, parsed: Callable[[Path], Document]) -> None:
    full = parsed(path)
    part = parse(_truncated(path), "truncated.txt")
    assert part.warnings or _all_provisions(part) < _all_provisions(full)
    for name in _HEADER:  # the header is intact, so its metadata is the full document's
        assert getattr(part.meta, name) == getattr(full.meta, name), name


@pytest.mark.parametrize(
    "path",
    [
        pytest.param(
            p,
            id=seed_of(p),
        )
        for p in CORPUS
        if _ends_mid_sentence(_truncated(p))
    ],
)
def test_truncated_mid_sentence_warns(path: Path) -> None:
    """parse()'s contract: "A truncated act parses with warnings"."""
    part = parse(_truncated(path), "truncated.txt")
    assert any("truncated" in w for w in part.warnings), part.warnings


def test_header_cut_mid_sentence_warns() -> None:
    lines = corpus_file("000").read_text(encoding="utf-8").split("\n")
    cut = "\n".join(lines[:7])  # title, status, requisites up to "... мәслихатының 2024 жылғы"
    assert cut.rstrip().endswith("2024 жылғы")
    part = parse(cut, "cut.txt")
    assert part.meta.number == "26-129"
    assert part.meta.repealed_by is None
    assert any("truncated" in w for w in part.warnings), part.warnings
