"""Line-level predicates of the exported layout (DOMAIN.md 2 and 4).

Pure functions over :class:`lexversion.text.lines.Line` and strings; the
language-dependent words come from :mod:`lexversion.lang`. Matching uses
:func:`despace`, which collapses letter spacing ("қ а б ы л д а д ы :") for
*recognising* words only: the text itself keeps what the source has.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from lexversion.lang import fold_text, vocab
from lexversion.text.lines import Line

_SPACED_RUN = re.compile(r"(?<!\S)(\S(?: \S){2,})(?!\S)")
_MULTI_SPACE = re.compile(r" {2,}")
#: a cheap necessary condition for a _SPACED_RUN: its last two letters, each after
#: a plain space (the literal opening space lets ``re`` skip ahead to the spaces)
_MAYBE_SPACED = re.compile(r" \S \S(?!\S)")
RULE = re.compile(r"^[-_=]{10,}$")
NUMBERED = re.compile(r"^(?P<num>\d+(?:-\d+)?(?:\.\d+)*\.)(?:\s+|$)")
SUBPOINT = re.compile(r"^(?P<num>(?:\d+(?:-\d+)?|[А-ЯA-ZӘІҢҒҮҰҚӨҺ])\))\s*")
_TABULAR = re.compile(r"\S {3,}\S")
_NAME = re.compile(
    r"\b[А-ЯӘІҢҒҮҰҚӨҺA-Z]\.\s?(?:[А-ЯӘІҢҒҮҰҚӨҺA-Z]\.\s?)?[А-ЯӘІҢҒҮҰҚӨҺ][а-яәіңғүұқөһё]+\s*$"
)


def despace_plain(text: str) -> str:
    """Collapse letter spacing and runs of spaces, for recognising words (the plain
    definition, DOMAIN.md 4.2).

    Every run of three or more one-character words one space apart
    (:data:`_SPACED_RUN`) is closed up, then runs of spaces become one:
    ``"к ү ш i  ж о й ы л ғ а н"`` -> ``"күшi жойылған"``. Not lossless in
    spacing, never used for output. Raises nothing.
    """
    text = _SPACED_RUN.sub(lambda m: m.group(1).replace(" ", ""), text)
    return _MULTI_SPACE.sub(" ", text)


def despace_screened(text: str) -> str:
    """:func:`despace_plain`, each substitution run only when it can change something.

    Why it is sound: every :data:`_SPACED_RUN` match ends in two one-character
    words, each after one plain space, with no visible character after them
    (``" y z"``), which is :data:`_MAYBE_SPACED`; a text without that has no run to
    close up (and the opening literal space lets ``re`` skip ahead to the spaces
    instead of trying the run's look-behind at every character). Likewise
    :data:`_MULTI_SPACE` matches only where ``"  "`` occurs. Raises nothing.
    """
    if _MAYBE_SPACED.search(text):
        text = _SPACED_RUN.sub(lambda m: m.group(1).replace(" ", ""), text)
    return _MULTI_SPACE.sub(" ", text) if "  " in text else text


#: how every word is recognised: the fast path of :func:`despace_plain`
#: (tests/parse/test_strategies.py checks they agree)
despace = despace_screened


def key(text: str) -> str:
    """Recognition key: despaced, look-alikes folded, lower-cased."""
    return fold_text(despace(text)).lower()


@cache
def _compiled(lang: str, name: str) -> re.Pattern[str]:
    v = vocab(lang)
    items = getattr(v, name)
    if isinstance(items, str):
        items = (items,)
    return re.compile("|".join(f"(?:{p})" for p in items), re.IGNORECASE)


def matches(lang: str, name: str, text: str) -> re.Match[str] | None:
    """Search ``text``'s recognition key for vocabulary entry ``name`` of ``lang``."""
    return _compiled(lang, name).search(key(text))


def status_of(text: str, lang: str) -> tuple[str, str | None] | None:
    """``(label, status)`` when ``text`` is a status line ("Күшін жойған" -> repealed)."""
    k = key(text).strip(" .")
    for label, status in vocab(lang).STATUS_LABELS.items():
        if k == label:
            return text.strip(), status
    return None


def is_rule(line: Line) -> bool:
    """A ruling line of dashes or underscores (table borders, extract ends)."""
    return bool(RULE.match(line.text))


def is_tabular(line: Line) -> bool:
    """A fixed-width line: columns separated by three or more spaces, or
    text pushed right into a column (indent of eight or more)."""
    return bool(_TABULAR.search(line.text)) or line.indent >= 8


_LABEL_ROW = re.compile(r"^\S.{0,11}? {3,}\S")


def is_label_row(text: str) -> bool:
    """A row of a two-column layout: a short label, three or more spaces, a value
    ("Атауы      2003-2005 жылдар ..."), as in programme passports."""
    return bool(_LABEL_ROW.match(text))


@cache
def _chapter(lang: str) -> re.Pattern[str]:
    return re.compile(vocab(lang).CHAPTER, re.IGNORECASE)


def chapter_num(text: str, lang: str) -> str | None:
    """The chapter number when ``text`` opens a chapter ("1-тарау.", "Глава 1.")."""
    m = _chapter(lang).match(fold_text(text))
    return m.group("num") if m else None


def chapter_split(text: str, lang: str) -> tuple[str, str]:
    """Split a chapter line into (num, heading): "1-тарау. Жалпы ережелер"."""
    m = _chapter(lang).match(fold_text(text))
    assert m is not None
    return text[: m.end()].strip(), text[m.end() :].strip()


def is_signature_like(text: str, lang: str) -> bool:
    """A signature line: a role word or an initial-and-surname ending."""
    return bool(matches(lang, "SIGNATURE_ROLES", text) or _NAME.search(despace(text)))


def is_annex_opener(text: str, lang: str) -> bool:
    """A line that can open an annex approval block (DOMAIN.md 2.8)."""
    return bool(matches(lang, "ANNEX_OPENERS", text.strip()))


def is_annex_closer(text: str, lang: str) -> bool:
    """A line that can close an annex approval block ("... бекітілген қосымша")."""
    return bool(matches(lang, "ANNEX_CLOSERS", text.strip()))


@cache
def _role_end(lang: str) -> re.Pattern[str]:
    roles = "|".join(f"(?:{p})" for p in vocab(lang).SIGNATURE_ROLES)
    return re.compile(rf"(?:{roles})\w*\s*$", re.IGNORECASE)


def signature_groups(texts: Sequence[str], lang: str) -> list[tuple[str, list[int]]]:
    """Group signature-block paragraphs into signatories (DOMAIN.md 2.7).

    Returns ``(kind, indices)`` in order: ``approval`` for the approval-list
    marker ("Келісілген:", "Согласовано:") alone, ``signature`` for the lines of
    one signatory: they run on until a line that ends with a name
    ("... төрағасы Р. Ибраимова") or a role word ("... департаментінің
    директоры") and not with a comma ("Председатель ... сессии,").
    """
    out: list[tuple[str, list[int]]] = []
    cur: list[int] = []
    approval = re.compile(rf"^\s*(?:{vocab(lang).APPROVAL_LIST})\s*$", re.IGNORECASE)
    for i, text in enumerate(texts):
        k = key(text)
        if approval.match(k):
            if cur:
                out.append(("signature", cur))
                cur = []
            out.append(("approval", [i]))
            continue
        cur.append(i)
        flat = despace(text).rstrip()
        if flat.endswith(","):
            continue
        if _NAME.search(flat) or _role_end(lang).search(k.rstrip(" .")):
            out.append(("signature", cur))
            cur = []
    if cur:
        out.append(("signature", cur))
    return out


def glued_status(text: str, lang: str) -> int | None:
    """Length of a status label that opens ``text`` glued to the next word
    ("Күшін жойғанҚостанай облыстық ...", "Утративший силуРешение ..."), else ``None``.

    The label must be followed by a capital letter with no space, as the export
    prints a label run into the requisites.
    """
    folded = fold_text(text).lower()
    for label in sorted(vocab(lang).STATUS_LABELS, key=len, reverse=True):
        n = len(label)
        if folded.startswith(label) and len(text) > n and text[n].isupper():
            return n
    return None
