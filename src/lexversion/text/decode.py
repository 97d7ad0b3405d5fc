"""Raw export bytes -> text: size limit, encoding detection and line ends (DOMAIN.md 4.3).

UTF-8 first (with or without a byte-order mark), else the encoding
``charset-normalizer`` detects, e.g. Windows-1251 or UTF-16, checked against
the letters Kazakh and Russian use; line ends become ``\n``. Nothing else is
changed: the decoded text is what every offset of lexversion counts in.

Two guards of issue 16:

* an input over the size limit (:func:`max_input_bytes`: 10 MiB unless
  ``LEXVERSION_MAX_INPUT_BYTES`` or a caller says otherwise) is refused with a
  one-line :class:`InputError` before anything is decoded;
* a few stray bytes that are not UTF-8 in an otherwise UTF-8 file (one 0xFF)
  do not reject the file: each run of them becomes U+FFFD through the codec's
  error handler, and :func:`decode_input` records it as an ``invalid_byte``
  :class:`~lexversion.model.Repair` holding the original bytes' hex, so the
  input stays recoverable. A lone surrogate in text input is handled alike.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes

from lexversion.errors import InputError, UsageError
from lexversion.i18n import gettext as _
from lexversion.model import Repair, RepairKind
from lexversion.text.language import detect_script

_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
_SURROGATE = re.compile("[\ud800-\udfff]")

#: the input size limit when neither the caller nor the environment sets one
DEFAULT_MAX_INPUT_BYTES = 10 * 1024 * 1024
#: the environment variable that sets the limit (bytes, or with K, M, G: "20M")
MAX_INPUT_ENV = "LEXVERSION_MAX_INPUT_BYTES"
_SIZE = re.compile(r"\s*(\d+)\s*(?:([KMG])(?:I?B)?|B)?\s*", re.IGNORECASE)
_UNITS = {"": 1, "K": 1024, "M": 1024**2, "G": 1024**3}

#: at most this many runs of invalid bytes are repaired in a UTF-8 file ...
_MAX_STRAY = 16
#: ... and only when the file holds this many valid non-ASCII characters per run
_STRAY_EVIDENCE = 10


def parse_size(value: str, what: str = "size") -> int:
    """Bytes of a size written ``"10485760"``, ``"10M"``, ``"10MB"``, ``"512K"``
    or ``"1G"`` (K, M, G binary multiples; case ignored); ``0`` means no limit.
    Raises :class:`UsageError` naming ``what`` for anything else."""
    m = _SIZE.fullmatch(value)
    if m is None:
        raise UsageError(
            _("{what} {value}: not a size (use bytes, or a number with K, M or G)").format(
                what=what, value=repr(value)
            )
        )
    return int(m.group(1)) * _UNITS[(m.group(2) or "").upper()]


def max_input_bytes(option: str | int | None = None) -> int:
    """The input size limit in bytes: ``option`` when given (an ``int``, or a size
    :func:`parse_size` reads), else ``LEXVERSION_MAX_INPUT_BYTES``, else
    :data:`DEFAULT_MAX_INPUT_BYTES`. ``0`` turns the limit off. Raises
    :class:`UsageError` for a value that is not a size."""
    if isinstance(option, int):
        return option
    if option is not None:
        return parse_size(option, "--max-size")
    env = os.environ.get(MAX_INPUT_ENV)
    if env:
        return parse_size(env, MAX_INPUT_ENV)
    return DEFAULT_MAX_INPUT_BYTES


def check_size(size: int, source: str, limit: int | None = None) -> None:
    """Raise :class:`InputError` (one line, exit code 2) when ``size`` bytes are
    over ``limit`` (default :func:`max_input_bytes`; ``0``: no limit)."""
    limit = max_input_bytes() if limit is None else limit
    if limit and size > limit:
        raise InputError(
            source,
            _(
                "larger than the input size limit of {limit} bytes "
                "(raise it with --max-size or {env})"
            ).format(limit=limit, env=MAX_INPUT_ENV),
        )


@dataclass(frozen=True)
class Decoded:
    """A decoded export: ``text`` with ``\\n`` line ends, and the ``invalid_byte``
    :class:`Repair` s made on the way (empty for a clean file)."""

    text: str
    repairs: tuple[Repair, ...] = ()


#: the space separators of Unicode (category Zs) other than the space, made spaces:
#: a web page's no-break spaces ("Решение\u00a0маслихата", "№\u00a0352") and thin
#: spaces are spaces to a reader, and the wording of an act is matched with plain
#: ones. Re-spacing, as ``\r\n`` made ``\n`` is: one character for one, so every
#: offset stays that of the file (ARCHITECTURE.md, invariant 1 counts no space)
SPACES = dict.fromkeys([0x00A0, 0x1680, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000], " ")
#: :data:`SPACES` as one character class: ``re`` finds them in a long text faster than
#: ``str.translate`` looks up every character of it (3.7 ms against 0.2 ms a corpus)
_SPACE_SEPARATORS = re.compile("[" + "".join(map(chr, SPACES)) + "]")


def decode(data: bytes | str, source: str = "<input>", max_bytes: int | None = None) -> str:
    """Decode an export to text with ``\\n`` line ends: :func:`decode_input`'s text."""
    return decode_input(data, source, max_bytes).text


def decode_input(
    data: bytes | str, source: str = "<input>", max_bytes: int | None = None
) -> Decoded:
    """Decode an export to text with ``\\n`` line ends, and the repairs it needed.

    ``data``: the file's bytes (or text, passed through). Checks the size
    (``max_bytes``, default :func:`max_input_bytes`), then tries strict UTF-8
    (a BOM is dropped), then UTF-8 with a few stray invalid bytes made U+FFFD
    (each recorded), then the encoding ``charset-normalizer`` detects. Unicode
    space separators become spaces (:data:`SPACES`).
    Raises :class:`InputError` (exit code 2) for a file over the size limit, an
    empty file, a binary file (NUL bytes without a UTF-16 BOM, or no plausible
    encoding) and for text with neither a Cyrillic letter nor Latin-script
    Kazakh (:func:`~lexversion.text.language.detect_script`): not a Kazakh or
    Russian legal text.
    """
    stray: list[tuple[int, str]] = []  # (offset in the decoded text, original)
    if isinstance(data, str):
        check_size(len(data), source, max_bytes)  # characters: at most the bytes
        text = data.replace("\r\n", "\n").replace("\r", "\n")
        if _SURROGATE.search(text):
            stray = [(m.start(), f"U+{ord(m.group()):04X}") for m in _SURROGATE.finditer(text)]
            text = _SURROGATE.sub("\ufffd", text)
    else:
        check_size(len(data), source, max_bytes)
        if not data.strip():
            raise InputError(source, _("empty file"))
        if b"\x00" in data and not data.startswith(_BOMS[1:]):
            guess = from_bytes(data).best()
            if guess is None or guess.encoding not in {"utf_16", "utf_16_le", "utf_16_be"}:
                raise InputError(source, _("binary file, not a text export"))
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            mostly = _mostly_utf8(data)
            if mostly is not None:
                text, stray = mostly
            else:
                best = from_bytes(data).best()
                if best is None:
                    raise InputError(source, _("cannot detect the text encoding")) from None
                text = str(best)
                if best.encoding in {"cp1251", "kz1048"}:
                    text = _cyrillic_codepage(data, text)
        if not stray:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
    bom = len(text) - len(text.lstrip("\ufeff"))
    text = _SPACE_SEPARATORS.sub(" ", text[bom:])
    if not text.strip():
        raise InputError(source, _("empty file"))
    if not any("\u0400" <= ch <= "\u04ff" for ch in text) and detect_script(text) != "latn":
        raise InputError(
            source,
            _("no Cyrillic or Latin-script Kazakh text: not a Kazakh or Russian legal act"),
        )
    return Decoded(text, _stray_repairs(text, [(at - bom, orig) for at, orig in stray]))


_ESCAPED = re.compile("[\udc80-\udcff]+")


def _mostly_utf8(data: bytes) -> tuple[str, list[tuple[int, str]]] | None:
    """``data`` as UTF-8 with each run of invalid bytes made one U+FFFD, and where
    each went ``(offset in the text, hex of the bytes)``, line ends made ``\\n``;
    ``None`` when the file is not UTF-8 with a few stray bytes (more than
    :data:`_MAX_STRAY` runs, or too few valid non-ASCII characters to tell
    UTF-8 from a single-byte code page).

    The codec's ``surrogateescape`` error handler keeps each invalid byte as a
    lone surrogate (U+DC80 + byte), which says exactly what was there."""
    body = data[3:] if data.startswith(_BOMS[0]) else data
    body = body.replace(b"\r\n", b"\n").replace(b"\r", b"\n")  # ASCII: safe in UTF-8
    escaped = body.decode("utf-8", "surrogateescape")
    runs = list(_ESCAPED.finditer(escaped))
    if not runs or len(runs) > _MAX_STRAY:
        return None
    non_ascii = sum(1 for ch in escaped if ch > "\x7f") - sum(len(m.group()) for m in runs)
    if non_ascii < _STRAY_EVIDENCE * len(runs):
        return None
    out: list[tuple[int, str]] = []
    shift = 0
    for m in runs:
        out.append((m.start() - shift, bytes(ord(c) - 0xDC00 for c in m.group()).hex()))
        shift += len(m.group()) - 1
    return _ESCAPED.sub("\ufffd", escaped), out


def _stray_repairs(text: str, stray: list[tuple[int, str]]) -> tuple[Repair, ...]:
    """An ``invalid_byte`` :class:`Repair` per U+FFFD put at ``stray`` offsets of ``text``."""
    out = []
    for at, orig in stray:
        line = text.count("\n", 0, at) + 1
        what = orig if orig.startswith("U+") else "byte(s) 0x" + orig.upper()
        out.append(
            Repair(
                RepairKind.INVALID_BYTE,
                line,
                at,
                at + 1,
                "\ufffd",
                at,
                f"{what}, not UTF-8, replaced by U+FFFD",
                orig,
            )
        )
    return tuple(out)


# Letters of Serbian, Macedonian, Ukrainian and Belarusian in Windows-1251 sit where
# KZ-1048 (the Kazakh Windows code page) has Kazakh letters: "аќшамы" is "ақшамы".
_NOT_KK_RU = set("ЂЃѓЉЊЌЋЏђљњќћџЎўЈҐЄЇІіґєїјЅѕ")
_KK = set("ӘәҒғҚқҢңӨөҰұҮүҺһІі")


def _cyrillic_codepage(data: bytes, detected: str) -> str:
    """Choose between Windows-1251 and KZ-1048 for a single-byte Cyrillic file.

    ``charset-normalizer`` cannot tell the two apart (they share the Russian
    alphabet); the one whose text has fewer letters foreign to Kazakh and
    Russian, then more Kazakh letters, wins.
    """
    candidates = [detected]
    for codec in ("cp1251", "kz1048"):
        try:
            candidates.append(data.decode(codec))
        except UnicodeDecodeError:
            continue

    def score(t: str) -> tuple[int, int]:
        return (-sum(ch in _NOT_KK_RU for ch in t), sum(ch in _KK for ch in t))

    return max(candidates, key=score)
