"""Act identity in parse: when two references name the same act, and the FRBR work
URI a cited act is named by (DOMAIN.md 3).

Look-alike letters are folded (``fold_number``: "285/35-ІІІ" with Cyrillic ``І`` is
"285/35-III"); the region separates two acts only when both references name it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from anyascii import anyascii

from lexversion.akn.frbr import work_uri as frbr_work_uri
from lexversion.lang import fold_number
from lexversion.model import ActRef


def same_act(a: ActRef, b: ActRef) -> bool:
    """True when ``a`` and ``b`` name the same act: same date and number
    (look-alike letters folded) and, when both know it, the same region."""
    if a.date is None or b.date is None or a.number is None or b.number is None:
        return False
    if a.date != b.date or fold_number(a.number) != fold_number(b.number):
        return False
    return not (a.region and b.region and a.region != b.region)


def act_key(a: ActRef) -> tuple[str | None, date | None, str | None]:
    """Identity key of an act: (region, date, folded number)."""
    return (a.region, a.date, fold_number(a.number) if a.number else None)


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


def slug(title: str, limit: int = 60) -> str:
    """ASCII slug of a title for an FRBR number: transliterated by ``anyascii``,
    lower case, words joined by "-", cut at a word boundary within ``limit``."""
    words = re.findall(r"[a-z0-9]+", anyascii(title).lower())
    out = ""
    for w in words:
        nxt = f"{out}-{w}" if out else w
        if len(nxt) > limit:
            break
        out = nxt
    return out


def work_uri(act: ActRef) -> str | None:
    """FRBR work URI of a cited act (:func:`lexversion.akn.frbr.work_uri`), or ``None``
    without a date.

    A law cited without a number (DOMAIN.md 3) gets the AKN naming convention's
    ``nn`` ("not numbered", AKN-NC v1.0 section 4) followed by a slug of its quoted
    title as its number, so two number-less laws of one date stay apart:
    ``/akn/kz/act/law/2001-01-23/nn-o-mestnom-gosudarstvennom-upravlenii``; without a
    title the number is ``nn`` alone. The slug is lower-case ASCII letters, digits
    and "-", which :func:`lexversion.akn.frbr.number_component` keeps as they are.
    Such URIs name what the text says, not a verified identifier of the law.
    """
    if act.date is None:
        return None
    if not act.number:
        tail = slug(act.title or "")
        act = replace(act, number=f"nn-{tail}" if tail else "nn")
    try:
        return frbr_work_uri(act)
    except ValueError:
        return None
