"""Raw export bytes -> text: encoding detection and line ends (DOMAIN.md 4.3).

UTF-8 first (with or without a byte-order mark), else the encoding
``charset-normalizer`` detects, e.g. Windows-1251 or UTF-16, checked against
the letters Kazakh and Russian use; line ends become ``\n``. Nothing else is
changed: the decoded text is what every offset of lexversion counts in.
"""

from __future__ import annotations

from charset_normalizer import from_bytes

from lexversion.errors import InputError
from lexversion.text.language import detect_script

_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


def decode(data: bytes | str, source: str = "<input>") -> str:
    """Decode an export to text with ``\\n`` line ends.

    ``data``: the file's bytes (or text, passed through). Tries strict UTF-8
    (a BOM is dropped), then the encoding ``charset-normalizer`` detects.
    Raises :class:`InputError` (exit code 2) for an empty file, a binary file
    (NUL bytes without a UTF-16 BOM, or no plausible encoding) and for text
    with neither a Cyrillic letter nor Latin-script Kazakh
    (:func:`~lexversion.text.language.detect_script`): not a Kazakh or Russian
    legal text.
    """
    if isinstance(data, str):
        text = data
    else:
        if not data.strip():
            raise InputError(source, "empty file")
        if b"\x00" in data and not data.startswith(_BOMS[1:]):
            guess = from_bytes(data).best()
            if guess is None or guess.encoding not in {"utf_16", "utf_16_le", "utf_16_be"}:
                raise InputError(source, "binary file, not a text export")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            best = from_bytes(data).best()
            if best is None:
                raise InputError(source, "cannot detect the text encoding") from None
            text = str(best)
            if best.encoding in {"cp1251", "kz1048"}:
                text = _cyrillic_codepage(data, text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    if not text.strip():
        raise InputError(source, "empty file")
    if not any("\u0400" <= ch <= "\u04ff" for ch in text) and detect_script(text) != "latn":
        raise InputError(
            source, "no Cyrillic or Latin-script Kazakh text: not a Kazakh or Russian legal act"
        )
    return text


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
