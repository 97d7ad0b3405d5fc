"""Characters XML cannot carry: found in the source, shown visibly in the AKN (issue 16).

XML 1.0 (section 2.2, production ``Char``) allows tab, line feed, carriage
return, U+0020-U+D7FF, U+E000-U+FFFD and U+10000-U+10FFFF. Anything else, the
other C0 controls (U+0000-U+0008, U+000B, U+000C, U+000E-U+001F), the
non-characters U+FFFE and U+FFFF and lone surrogates, makes lxml refuse the
string. Such a character is kept in the decoded source (``Document.text``) and
written in the AKN as a visible stand-in of one character, so every offset
still lines up:

* a C0 control becomes its Unicode control picture (U+2400 + its code:
  U+000B is "␋", U+001F "␟"), the block made to show control codes;
* U+FFFE, U+FFFF and a lone surrogate become U+FFFD, the replacement character.

Each one is a :class:`~lexversion.model.Repair` of kind ``xml_char`` that
records the original character and its stand-in (:func:`xml_char_repairs`), so
losslessness holds: the AKN text is the source with the repairs applied.
The C0 controls that Python counts as blanks (U+000B, U+000C, U+001C-U+001F)
are blanks to the parser too, which re-spaces blanks as it joins lines
(DOMAIN.md 4.4): such a one is shown where the text keeps it and may go where
the parser re-spaces, as a space would.
"""

from __future__ import annotations

import bisect
import re

from lexversion.model import Repair, RepairKind

#: one character XML 1.0 cannot carry (``\t``, ``\n`` and ``\r`` can)
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")

_STAND_IN = {i: chr(0x2400 + i) for i in range(0x20) if i not in (0x09, 0x0A, 0x0D)}


def stand_in(ch: str) -> str:
    """The visible stand-in of a character XML cannot carry: its control picture
    for a C0 control, else U+FFFD. ``ch`` must match :data:`NOT_XML`."""
    return _STAND_IN.get(ord(ch), "\ufffd")


def _sub(m: re.Match[str]) -> str:
    return stand_in(m.group())


def xml_safe(text: str) -> str:
    """``text`` with each character XML cannot carry replaced by its stand-in
    (:func:`stand_in`); the same string when there is none. Same length."""
    if NOT_XML.search(text) is None:
        return text
    return NOT_XML.sub(_sub, text)


def xml_char_repairs(text: str) -> tuple[Repair, ...]:
    """One ``xml_char`` :class:`Repair` per character of the decoded source
    ``text`` that XML cannot carry, in text order: its 1-based line, its offset,
    ``text`` the stand-in the AKN shows, ``original`` the character. Empty for
    the usual text (one regular-expression scan). Raises nothing."""
    found = list(NOT_XML.finditer(text))
    if not found:
        return ()
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    out = []
    for m in found:
        ch, at = m.group(), m.start()
        line = bisect.bisect_right(line_starts, at)
        shown = stand_in(ch)
        out.append(
            Repair(
                RepairKind.XML_CHAR,
                line,
                at,
                at + 1,
                shown,
                at,
                f"U+{ord(ch):04X} cannot be written in XML: shown as U+{ord(shown):04X} in the AKN"
                + (" where the text keeps this blank" if ch.isspace() else ""),
                ch,
            )
        )
    return tuple(out)


def xml_char_warning(repairs: tuple[Repair, ...]) -> str | None:
    """One warning summing up the ``xml_char`` repairs of a document (``None``
    when there are none): how many, and the first few with their lines."""
    mine = [r for r in repairs if r.kind == RepairKind.XML_CHAR]
    if not mine:
        return None
    shown = ", ".join(f"U+{ord(r.original):04X} on line {r.line}" for r in mine[:3])
    more = f" and {len(mine) - 3} more" if len(mine) > 3 else ""
    return (
        f"{len(mine)} character(s) XML cannot carry ({shown}{more}): "
        "kept in the source, shown as visible stand-ins in the AKN"
    )
