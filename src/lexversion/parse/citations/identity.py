"""Act identity in parse: when two references name the same act, and the FRBR work
URI a cited act is named by (DOMAIN.md 3).

Look-alike letters are folded (``fold_number``: "285/35-ІІІ" with Cyrillic ``І`` is
"285/35-III"); the region separates two acts only when both references name it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from functools import lru_cache

from anyascii import anyascii

from lexversion.akn.frbr import work_uri as frbr_work_uri
from lexversion.lang import fold_number
from lexversion.model import ActRef
from lexversion.parse.citations.national import complete

#: a law's number: the law's own number, "-", its convocation as a Roman
#: numeral; here written with look-alikes of "I" (digit 1, Cyrillic І, l)
_CONVOCATION = re.compile(r"^(?P<n>\d+)-(?P<c>[1IlІ]{1,3})$")
#: act types numbered "N-<convocation>" by Parliament (Law "On legal acts"
#: No 480-V, art. 36; seed 003 prints law No 204-I as "N 204-1" and "N 204-I")
_CONVOCATION_TYPES = frozenset({"law", "code", "constitutional_law"})
#: a word of a slug
_SLUG_WORD = re.compile(r"[a-z0-9]+")
#: a local act's number ending in its council's convocation, a Roman numeral with a
#: "V" or "X" and look-alikes of "I" (digit 1, "l") typed among its letters:
#: "356/45-V1" is No 356/45-VI, "11/102-Vll" No 11/102-VII (a numeral without V or X,
#: "26-1", is a session number and stays as it is)
_LOCAL_CONVOCATION = re.compile(r"^(?P<n>.*[-/])(?P<c>(?=[IVXL1]*[VX])[VX]*[IL1]{1,3})$")


def canonical_number(a: ActRef) -> str | None:
    """``a``'s number with look-alike letters folded (:func:`fold_number`: Cyrillic
    "І", "Х", "С", "М", "В" as Latin) and a convocation numeral typed with digit 1
    or ``l`` read as Roman ``I``: for a republic's law or code ("204-1" is law No
    204-I, "313-11" No 313-II), and for a local act when the numeral holds a V or X
    ("356/45-V1" is No 356/45-VI; :data:`_LOCAL_CONVOCATION`)."""
    if a.number is None:
        return None
    folded = fold_number(a.number)
    m = _CONVOCATION.match(folded.replace("L", "I"))
    if m and a.region is None and a.act_type in _CONVOCATION_TYPES:
        return f"{m.group('n')}-{'I' * len(m.group('c'))}"
    local = _LOCAL_CONVOCATION.match(folded)
    if local and a.region is not None:
        numeral = local.group("c").replace("1", "I").replace("L", "I")
        return local.group("n") + numeral
    return folded


def canonical_act_plain(a: ActRef) -> ActRef:
    """``a`` as a work is keyed by: a law or code of the Republic cited by date and
    title without its number given the number of the table of codes and main laws
    (:func:`lexversion.parse.citations.national.complete`), else, with a date, the
    AKN convention's ``nn`` and a slug of its title (:func:`nn_number`); a look-alike
    convocation numeral written in Roman (:func:`canonical_number`); unchanged
    otherwise."""
    a = complete(a)
    if a.number is None and a.date is not None and a.region is None and a.title:
        return replace(a, number=nn_number(a))
    number = canonical_number(a)
    if a.number is None or number is None or number == fold_number(a.number):
        return a
    return replace(a, number=number)


@lru_cache(maxsize=4096)
def canonical_act_remembered(a: ActRef) -> ActRef:
    """:func:`canonical_act_plain`, remembered by the reference (the fast path
    :func:`canonical_act` takes).

    Why it is sound: :func:`canonical_act_plain` is a function of the reference's
    value alone (its fields; the table of codes and main laws and the patterns it
    reads are constants), and :class:`~lexversion.model.ActRef` is a frozen
    dataclass whose equality and hash cover every field, so an equal reference has
    the same canonical form. A parse asks for the same references again and again
    (each citation against the act itself, :func:`is_own`; each citation's URI for
    the document and for its ``ref`` marks, :func:`work_uri`). :func:`forget`
    empties it. tests/parse/citations/test_strategies.py checks they agree.
    Raises nothing.
    """
    return canonical_act_plain(a)


#: how every reference is made canonical: the fast path of :func:`canonical_act_plain`
canonical_act = canonical_act_remembered


def same_act(a: ActRef, b: ActRef) -> bool:
    """True when ``a`` and ``b`` name the same act: same date and number
    (look-alike letters folded, :func:`canonical_number`) and, when both know
    it, the same region."""
    a, b = canonical_act(a), canonical_act(b)
    if a.date is None or b.date is None or a.number is None or b.number is None:
        return False
    if a.date != b.date or canonical_number(a) != canonical_number(b):
        return False
    return not (a.region and b.region and a.region != b.region)


def act_key(a: ActRef) -> tuple[str | None, date | None, str | None]:
    """Identity key of an act: (region, date, canonical number) of
    :func:`canonical_act`."""
    a = canonical_act(a)
    return (a.region, a.date, canonical_number(a))


def is_own(a: ActRef, own: ActRef) -> bool:
    """True when reference ``a`` names the act ``own`` itself: the same act
    (:func:`same_act`), or its number printed with another date in its region (a
    slip of the source, DOMAIN.md 4.6: seed 003's extract dates decision No
    225/42-II "2004 жылғы 8 сәуiрдегi"; reported as a warning, not a citation)."""
    if same_act(a, own):
        return True
    return bool(
        a.number
        and own.number
        and fold_number(a.number) == fold_number(own.number)
        and not (a.region and own.region and a.region != own.region)
    )


class _Transliterations(dict[int, str]):
    """``anyascii`` of each code point, computed when first asked (a ``str.translate``
    table; a code point is a character, not a text read)."""

    def __missing__(self, point: int) -> str:
        out = self[point] = anyascii(chr(point))
        return out


_ASCII = _Transliterations()


def to_ascii_plain(text: str) -> str:
    """``text`` transliterated to ASCII by ``anyascii`` (the plain definition)."""
    return anyascii(text)


def to_ascii_table(text: str) -> str:
    """:func:`to_ascii_plain` as one ``str.translate`` (the fast path :func:`slug` takes).

    Why it is sound: ``anyascii`` transliterates character by character (each
    code point's ASCII from its block's table, nothing from its neighbours), so
    the text's transliteration is the join of its characters'; the table maps
    each code point to ``anyascii`` of that one character, so the translation is
    that join, made in C instead of a Python loop over the characters.
    tests/parse/citations/test_strategies.py checks they agree. Raises nothing.
    """
    return text.translate(_ASCII)


#: how every title is transliterated: the fast path of :func:`to_ascii_plain`
to_ascii = to_ascii_table


def slug(title: str, limit: int = 60) -> str:
    """ASCII slug of a title for an FRBR number: transliterated by ``anyascii``
    (:func:`to_ascii`), lower case, words joined by "-", cut at a word boundary
    within ``limit``."""
    words = _SLUG_WORD.findall(to_ascii(title).lower())
    out = ""
    for w in words:
        nxt = f"{out}-{w}" if out else w
        if len(nxt) > limit:
            break
        out = nxt
    return out


def nn_number(act: ActRef) -> str:
    """The FRBR number of a law cited without a number and not in the table of codes
    and main laws: the AKN naming convention's ``nn`` ("not numbered", AKN-NC v1.0
    section 4) and a slug of its quoted title (:func:`slug`), ``nn`` alone without a
    title. The slug follows the citing text's language: only the table
    (:mod:`lexversion.lang.national`) makes such a law one work in both."""
    tail = slug(act.title or "")
    return f"nn-{tail}" if tail else "nn"


def work_uri_plain(act: ActRef) -> str | None:
    """FRBR work URI of a cited act (:func:`lexversion.akn.frbr.work_uri`), or ``None``
    without a date.

    A law or code of the table of the Republic's codes and main laws
    (:mod:`lexversion.lang.national`) cited without its number gets the table's number,
    in whichever language it is cited (``/akn/kz/act/law/2001-01-23/148-ii``); another
    law cited without a number (DOMAIN.md 3) gets :func:`nn_number`, so two
    number-less laws of one date stay apart; such URIs name what the text says, not
    a verified identifier of the law.
    """
    if act.date is None:
        return None
    act = canonical_act(act)
    if not act.number:
        act = replace(act, number="nn")
    try:
        return frbr_work_uri(act)
    except ValueError:
        return None


@lru_cache(maxsize=4096)
def work_uri_remembered(act: ActRef) -> str | None:
    """:func:`work_uri_plain`, remembered by the reference (the fast path
    :func:`work_uri` takes).

    Why it is sound: as :func:`canonical_act_remembered`: the URI is a function of
    the reference's value alone, which equality and hash cover. A parse asks for
    each citation's URI twice (the document's citations, its ``ref`` marks), and
    for an act cited in many paragraphs each time. :func:`forget` empties it.
    tests/parse/citations/test_strategies.py checks they agree. Raises nothing.
    """
    return work_uri_plain(act)


#: how every cited act is named: the fast path of :func:`work_uri_plain`
work_uri = work_uri_remembered


def forget() -> None:
    """Forget every reference :func:`canonical_act` and :func:`work_uri` have seen
    (:func:`lexversion.parse.forget_texts`)."""
    canonical_act_remembered.cache_clear()
    work_uri_remembered.cache_clear()
