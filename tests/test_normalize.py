"""Normaliser invariants (ARCHITECTURE.md invariant 1: move and re-space, never drop or invent).

Property tests over generated text and over slices of the real corpus, plus the
decoding table: every encoding an export arrives in gives the text of the UTF-8 file.
"""

from __future__ import annotations

from collections import Counter
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lexversion.errors import InputError
from lexversion.text.decode import SPACES, decode
from lexversion.text.lines import (
    _ENDS_TIGHT,
    _OPENS_TIGHT,
    Paragraph,
    _joins_tight,
    join_lines,
    split_lines,
)
from tests.conftest import CORPUS, seed_of

# Russian and Kazakh letters, the Latin look-alike "i", digits and the punctuation of the exports
_LETTERS = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһіАБВГДЕЖЗИКЛМНОПРСТУФХЧШЭЯӘҒҚҢӨҰҮІ"
_TOKENS = _LETTERS + 'i0123456789.,;:-–"()/№'
_SPACES = "  \t\u00a0"

_line = st.text(alphabet=_TOKENS + _SPACES, max_size=40)
#: export-like text: lines with indents, trailing spaces, blank lines, hyphens at line ends
_export_text = st.lists(_line, max_size=12).map("\n".join)
#: any text at all: the invariants hold for every string
_any_text = st.one_of(_export_text, st.text(max_size=200))


def _nonspace(text: str) -> Counter[str]:
    return Counter(ch for ch in text if not ch.isspace())


def _check_paragraph(text: str, para: Paragraph) -> None:
    """Every clean offset maps monotonically into ``text``, onto the same visible character."""
    previous = -1
    for offset in range(len(para.text) + 1):
        raw = para.offsets.to_raw(offset)
        assert raw >= previous, f"to_raw not monotonic at {offset}: {raw} < {previous}"
        previous = raw
        if offset == len(para.text):
            assert 0 <= raw <= len(text)
            break
        assert 0 <= raw < len(text), f"to_raw({offset}) = {raw} out of bounds"
        ch = para.text[offset]
        if not ch.isspace():
            assert text[raw] == ch, f"clean {offset} {ch!r} maps to source {raw} {text[raw]!r}"


@cache
def _corpus_text(path: Path) -> str:
    return decode(path.read_bytes(), path.name)


@st.composite
def _corpus_slice(draw: st.DrawFn) -> tuple[str, int, int]:
    text = _corpus_text(draw(st.sampled_from(CORPUS)))
    n = len(split_lines(text))
    start = draw(st.integers(0, n - 1))
    stop = draw(st.integers(start, min(n, start + 40)))
    return text, start, stop


@given(_any_text)
def test_join_lines_keeps_nonspace_characters(text: str) -> None:
    para = join_lines(split_lines(text))
    assert _nonspace(para.text) == _nonspace(text)


@given(_any_text)
def test_split_lines_keeps_every_line(text: str) -> None:
    lines = split_lines(text)
    assert len(lines) == text.count("\n") + 1
    for line in lines:
        assert text[line.start : line.start + len(line.text)] == line.text


@given(_any_text)
def test_offset_map_is_monotonic_in_bounds_and_faithful(text: str) -> None:
    _check_paragraph(text, join_lines(split_lines(text)))


@settings(max_examples=60)
@given(_corpus_slice())
def test_offset_map_on_corpus_slices(case: tuple[str, int, int]) -> None:
    text, start, stop = case
    para = join_lines(split_lines(text)[start:stop])
    assert _nonspace(para.text) == sum(
        (_nonspace(line.text) for line in split_lines(text)[start:stop]), Counter()
    )
    _check_paragraph(text, para)


@given(st.text(alphabet=_TOKENS + _SPACES + "\n", min_size=1, max_size=80))
def test_hyphen_at_line_end_joins_without_space(tail: str) -> None:
    para = join_lines(split_lines("6-\nбабының " + tail))
    assert para.text.startswith("6-бабының")


_cyrillic_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\ufeff"),
    max_size=120,
).map(lambda s: "Шешім " + s)


@given(_cyrillic_text)
def test_decode_utf8_round_trip_and_line_ends(text: str) -> None:
    """Decoding gives the text back with ``\n`` line ends and spaces for the space
    separators (:data:`lexversion.text.decode.SPACES`), one character for one."""
    unified = text.replace("\r\n", "\n").replace("\r", "\n").translate(SPACES)
    assert decode(text.encode("utf-8")) == unified
    assert decode(unified.replace("\n", "\r\n").encode("utf-8")) == unified
    assert decode(unified.replace("\n", "\r").encode("utf-8")) == unified


# --- decoding a real export in each encoding it may arrive in -------------------------------

_ENCODINGS: dict[str, tuple[str, bytes]] = {
    # name: (codec, BOM to prepend)
    "utf-8-bom": ("utf-8", b"\xef\xbb\xbf"),
    "utf-16-le-bom": ("utf-16-le", b"\xff\xfe"),
    "utf-16-be-bom": ("utf-16-be", b"\xfe\xff"),
    "windows-1251": ("cp1251", b""),
    "kz-1048": ("kz1048", b""),  # the Kazakh Windows code page (1251 plus Kazakh letters)
}


def _encodable(text: str, codec: str) -> bool:
    try:
        text.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


#: (seed, encoding) cases the decoder gets wrong today
_KNOWN_DECODE_BUGS: dict[tuple[str, str], str] = {}


def _decode_cases() -> list[object]:
    cases: list[object] = []
    for path in CORPUS:
        text = path.read_text(encoding="utf-8")
        for name, (codec, _bom) in _ENCODINGS.items():
            # Windows-1251 has no Kazakh letters: only a purely Russian export can use it
            if not _encodable(text, codec):
                continue
            bug = _KNOWN_DECODE_BUGS.get((seed_of(path), name))
            marks = [pytest.mark.xfail(strict=True, reason=bug)] if bug else []
            cases.append(pytest.param(path, name, id=f"{seed_of(path)}-{name}", marks=marks))
    return cases


_DECODE_CASES = _decode_cases()


def test_some_corpus_document_is_windows_1251_encodable() -> None:
    assert any("windows-1251" in p.id for p in _DECODE_CASES)  # type: ignore[attr-defined]


@pytest.mark.parametrize(("path", "encoding"), _DECODE_CASES)
def test_decode_gives_the_utf8_text(path: Path, encoding: str) -> None:
    codec, bom = _ENCODINGS[encoding]
    text = path.read_text(encoding="utf-8")
    expected = decode(path.read_bytes(), path.name)
    assert expected == text.replace("\r\n", "\n")
    assert decode(bom + text.encode(codec), path.name) == expected


@pytest.mark.parametrize("path", CORPUS, ids=seed_of)
def test_decode_bom_less_utf16_never_returns_other_text(path: Path) -> None:
    """Without a BOM, UTF-16 is a guess: the right text or an InputError, never garbage."""
    text = path.read_text(encoding="utf-8")
    try:
        got = decode(text.encode("utf-16-le"), path.name)
    except InputError as e:
        assert e.exit_code == 2
    else:
        assert got == text


@settings(max_examples=1000, deadline=None)
@given(
    st.text(alphabet=' -"(«».,;:!?)%аб1', min_size=1, max_size=6),
    st.text(alphabet=' -"(«».,;:!?)%аб1', min_size=1, max_size=6),
)
def test_join_lines_shortcut_only_skips_spaced_joins(prev: str, nxt: str) -> None:
    # join_lines asks _joins_tight only when a line opens or the one before ends
    # with a character it may join on; otherwise the lines join with a space
    if nxt[0] not in _OPENS_TIGHT and prev[-1] not in _ENDS_TIGHT:
        assert not _joins_tight(prev, nxt)
