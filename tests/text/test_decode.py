"""Decoding guards of issue 16: the input size limit, and stray bytes that are not
UTF-8 replaced and recorded instead of rejecting the file."""

from __future__ import annotations

import pytest

from lexversion.akn.json import document_json
from lexversion.errors import InputError, UsageError
from lexversion.model import RepairKind
from lexversion.parse import parse
from lexversion.text.decode import (
    DEFAULT_MAX_INPUT_BYTES,
    MAX_INPUT_ENV,
    check_size,
    decode,
    decode_input,
    max_input_bytes,
    parse_size,
)
from tests.conftest import corpus_file

RAW_001 = corpus_file("001").read_bytes()


def _with_byte(data: bytes, at: int, stray: bytes = b"\xff") -> bytes:
    return data[:at] + stray + data[at:]


@pytest.mark.parametrize("at", [0, 1, 500, 5001, len(RAW_001)])
def test_a_stray_byte_is_replaced_and_recorded(at: int) -> None:
    """One 0xFF anywhere (inside a letter's bytes too) becomes one U+FFFD, and the
    repair says where it is in the decoded text and what the bytes were."""
    data = _with_byte(RAW_001, at)
    decoded = decode_input(data, "x.txt")
    (repair,) = decoded.repairs
    assert repair.kind == RepairKind.INVALID_BYTE
    assert decoded.text[repair.raw_start] == "\ufffd"
    assert repair.line == decoded.text.count("\n", 0, repair.raw_start) + 1
    assert "ff" in repair.original
    # the original bytes are recoverable: the text around the repair is the file's
    before = decoded.text[: repair.raw_start].encode("utf-8")
    after = decoded.text[repair.raw_end :].encode("utf-8")
    assert before + bytes.fromhex(repair.original) + after == data


def test_a_stray_byte_parses_with_a_warning() -> None:
    doc = parse(_with_byte(RAW_001, 300), "x.txt")
    assert doc.meta.number == "22"
    assert any("0xFF" in w and "U+FFFD" in w for w in doc.warnings)
    assert [r.kind for r in doc.repairs].count(RepairKind.INVALID_BYTE) == 1
    assert document_json(doc)["repairs"][-1]["original"] == "ff"


def test_a_clean_file_has_no_input_repair() -> None:
    assert decode_input(RAW_001, "x.txt").repairs == ()
    assert decode(RAW_001) == RAW_001.decode("utf-8")


def test_a_single_byte_code_page_is_still_detected() -> None:
    """Windows-1251 text has an invalid UTF-8 byte in nearly every letter: it is
    decoded as Windows-1251, not as UTF-8 with stray bytes."""
    text = corpus_file("004").read_text(encoding="utf-8")  # fits Windows-1251
    decoded = decode_input(text.encode("cp1251"), "x.txt")
    assert decoded.text == text
    assert decoded.repairs == ()


def test_many_stray_bytes_are_not_read_as_utf8() -> None:
    """More than 16 runs of invalid bytes is no longer a stray byte or two: the
    file goes to encoding detection, which finds none here (one-line refusal)."""
    data = RAW_001
    for at in range(100, 4000, 100):
        data = _with_byte(data, at)
    with pytest.raises(InputError, match="cannot detect the text encoding"):
        decode_input(data, "x.txt")


def test_a_lone_surrogate_in_text_input_is_replaced_and_recorded() -> None:
    text = RAW_001.decode("utf-8")
    decoded = decode_input(text[:50] + "\ud800" + text[50:], "x.txt")
    (repair,) = decoded.repairs
    assert repair.original == "U+D800"
    assert decoded.text == text[:50] + "\ufffd" + text[50:]


# -- the size limit -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "size"),
    [("123", 123), ("10M", 10 * 1024**2), ("10MB", 10 * 1024**2), ("512k", 512 * 1024), ("0", 0)],
)
def test_parse_size(value: str, size: int) -> None:
    assert parse_size(value) == size


@pytest.mark.parametrize("value", ["", "ten", "10X", "-1", "1.5M"])
def test_parse_size_refuses_what_is_not_a_size(value: str) -> None:
    with pytest.raises(UsageError):
        parse_size(value)


def test_the_limit_defaults_to_10_mib_and_reads_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(MAX_INPUT_ENV, raising=False)
    assert max_input_bytes() == DEFAULT_MAX_INPUT_BYTES == 10 * 1024 * 1024
    monkeypatch.setenv(MAX_INPUT_ENV, "2K")
    assert max_input_bytes() == 2048
    assert max_input_bytes("1M") == 1024**2  # an option wins over the environment


def test_an_input_over_the_limit_is_one_line_error(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(InputError) as info:
        parse(RAW_001, "big.txt", max_bytes=1000)
    assert str(info.value).startswith("big.txt: larger than the input size limit of 1000 bytes")
    assert "\n" not in str(info.value)
    monkeypatch.setenv(MAX_INPUT_ENV, "1000")
    with pytest.raises(InputError):
        parse(RAW_001, "big.txt")
    assert parse(RAW_001, "big.txt", max_bytes=0).meta.number == "22"  # 0: no limit


def test_check_size_at_the_limit_passes() -> None:
    check_size(1000, "x", 1000)
    with pytest.raises(InputError):
        check_size(1001, "x", 1000)


def test_space_separators_are_spaces_one_for_one() -> None:
    """Every Unicode space separator (category Zs) but the space is in SPACES, and a
    no-break space becomes a space without moving any offset."""
    import sys
    import unicodedata

    from lexversion.text.decode import SPACES

    zs = {c for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Zs"}
    assert set(SPACES) == zs - {ord(" ")}
    raw = "Решение\u00a0маслихата от 3\u202fдекабря 2010 года №\u00a0352"
    text = decode(raw.encode("utf-8"))
    assert text == raw.replace("\u00a0", " ").replace("\u202f", " ")
    assert len(text) == len(raw)
