"""Find references to acts in text: issuer, act type, date and number.

An *anchor* is a date followed by a number ("2017 жылғы 15 желтоқсандағы №
26-129", "от 29.03.2024 года № 97"). Around it we look for the issuing body
(built from the bilingual table :mod:`lexversion.lang.regions` and the
vocabularies) and the act-type word (``ACT_TYPES``). Word order follows the
language: Russian names the act type and issuer before the date ("решение
маслихата города Алматы от ..."), Kazakh names the issuer before the date and
the act type after the number ("Алматы облыстық мәслихатының 2017 жылғы ...
№ 26-129 шешімі"); the Government is often named after the number.

Export artifacts (DOMAIN.md 4.1) may move one word inside the anchor ("№
решение 152"); such anchors are accepted and the moved word reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from lexversion.lang import fold_number, fold_text, vocab
from lexversion.lang.regions import REGIONS, Region
from lexversion.model import ActRef
from lexversion.parse.dates import find_dates

#: a number: digits, then "/"- or "-"-separated groups of digits or Roman numerals
NUMBER = r"\d+(?:[/\-](?:\d+|[IVXLІХ]+)(?![\wІ]))*"
_AFTER_DATE = re.compile(
    rf"(?:\s*(?:года|г\.|жылғы))?\s*(?:№|N)\s*(?:(?P<moved>[^\W\d]+)\s+)?(?P<number>{NUMBER})",
    0,
)
_LOOSE_NUMBER = re.compile(rf"(?:№|N)\s*(?P<number>{NUMBER})")

#: the act types each kind of body issues; the first is its usual one
BODY_ACT_TYPES: dict[str, tuple[str, ...]] = {
    "maslikhat": ("decision",),
    "akimat": ("resolution", "decision"),
    "government": ("resolution", "decree"),
    "ministry": ("order",),
}


@dataclass(frozen=True)
class Issuer:
    """An issuing body recognised in text: span, canonical name, region, body kind."""

    start: int
    end: int
    name: str
    region: str | None
    body: str


@dataclass(frozen=True)
class Anchor:
    """An act reference: span ``[start, end)`` in the searched text and the act."""

    start: int
    end: int
    act: ActRef
    moved: str = ""


def _alt(*names: str) -> str:
    return "|".join(re.escape(fold_text(n)) for n in names if n)


@cache
def _issuer_pattern(lang: str) -> tuple[re.Pattern[str], tuple[tuple[Region | None, str], ...]]:
    """One compiled alternation of every issuer pattern of ``lang``; group
    ``i<k>`` matched means entry ``k`` of the returned (region, body) table."""
    v = vocab(lang)
    alts: list[str] = []
    table: list[tuple[Region | None, str]] = []

    def add(pattern: str, region: Region | None, body: str) -> None:
        alts.append(f"(?P<i{len(table)}>{pattern})")
        table.append((region, body))

    for r in REGIONS:
        kk_names = _alt(r.kk_stem, *r.former_kk)
        ru_adj = _alt(r.ru_adj, *r.former_ru_adj)
        if lang == "kk":
            if r.kind == "city":
                add(rf"\b(?:{kk_names})\s+қала(?:сы|сының|лық)\s+м[әа]слихат\w*", r, "maslikhat")
                add(rf"\b(?:{kk_names})\s+қала(?:сы|сының)\s+әкімдіг\w*", r, "akimat")
            else:
                add(rf"\b(?:{kk_names})\s+облыст(?:ық|ың)\s+м[әа]слихат\w*", r, "maslikhat")
                add(rf"\b(?:{kk_names})\s+облыс(?:ы|ының)\s+әкімдіг\w*", r, "akimat")
        else:
            city = _alt(r.ru, *r.former_ru_adj, *r.ru_genitive)
            if r.kind == "city":
                add(
                    rf"\bмаслихат\w*\s+(?:[\w-]+\s+){{0,3}}?города\s+(?:{city})\b"
                    rf"|\b(?:{ru_adj})\w*\s+городск\w+\s+маслихат\w*",
                    r,
                    "maslikhat",
                )
                add(rf"\bакимат\w*\s+города\s+(?:{city})\b", r, "akimat")
            else:
                add(
                    rf"\b(?:{ru_adj})\w*\s+областн\w+\s+маслихат\w*"
                    rf"|\bмаслихат\w*\s+(?:{ru_adj})\w*\s+област\w*",
                    r,
                    "maslikhat",
                )
                add(rf"\bакимат\w*\s+(?:{ru_adj})\w*\s+област\w*", r, "akimat")
    add(rf"\b{v.GOVERNMENT}\w*", None, "government")
    add(r"\b\S*министр\w*" if lang == "kk" else r"\b(?:министр|министерств)\w*", None, "ministry")
    return re.compile("|".join(alts), re.IGNORECASE), tuple(table)


def _issuer_name(region: Region | None, body: str, lang: str) -> str:
    if body == "government":
        return (
            "Қазақстан Республикасының Үкіметі"
            if lang == "kk"
            else "Правительство Республики Казахстан"
        )
    if body == "ministry":
        return "министрлік" if lang == "kk" else "министерство"
    assert region is not None
    if body == "maslikhat":
        return region.council_kk if lang == "kk" else region.council_ru
    if lang == "kk":
        suffix = "қаласының" if region.kind == "city" else "облысының"
        return f"{region.kk_stem} {suffix} әкімдігі"
    return f"акимат {region.ru}" if region.kind == "city" else f"акимат {region.ru_adj}ой области"


#: every issuer pattern contains one of these words; matching starts near them only
_ISSUER_KEYS = re.compile(r"м[аә]слихат|әкімдіг|акимат|үкімет|правительств|министр", re.IGNORECASE)


def find_issuers(text: str, lang: str) -> list[Issuer]:
    """Issuing bodies named in ``text``, in order, leftmost-longest, not overlapping."""
    pattern, table = _issuer_pattern(lang)
    folded = fold_text(text)
    out: list[Issuer] = []
    end = 0
    for key in _ISSUER_KEYS.finditer(folded):
        if key.start() < end:
            continue
        for m in pattern.finditer(
            folded, max(end, key.start() - 80), min(len(folded), key.end() + 80)
        ):
            if m.start() <= key.start() < m.end():
                assert m.lastgroup is not None
                region, body = table[int(m.lastgroup[1:])]
                name = _issuer_name(region, body, lang)
                out.append(Issuer(m.start(), m.end(), name, region.code if region else None, body))
                end = m.end()
                break
    return out


@cache
def _act_type_pattern(lang: str) -> re.Pattern[str]:
    stems = "|".join(sorted(vocab(lang).ACT_TYPES, key=len, reverse=True))
    return re.compile(rf"\b(?P<stem>{stems})\w*", re.IGNORECASE)


def act_type_of(word: str, lang: str) -> str | None:
    """AKN subtype for an act-type word in any case form ("шешімімен" -> "decision")."""
    w = fold_text(word.lower())
    for stem, subtype in sorted(vocab(lang).ACT_TYPES.items(), key=lambda kv: -len(kv[0])):
        if w.startswith(stem):
            return str(subtype)
    return None


def _nearest_act_type(folded: str, lo: int, hi: int, lang: str, *, last: bool) -> str | None:
    hits = list(_act_type_pattern(lang).finditer(folded, lo, hi))
    if not hits:
        return None
    m = hits[-1] if last else hits[0]
    return act_type_of(m.group(0), lang)


_BOUNDARY = re.compile(r"[;:]|\.\s|\d\)\s")


def find_anchors(text: str, lang: str, *, loose_number: bool = False) -> list[Anchor]:
    """Act references in ``text`` (a paragraph of clean text), in order.

    For each date followed by a number: the issuer is the nearest one named
    before the date in the same clause, else the first named right after the
    number (Government acts in Kazakh); the act type is the nearest act-type
    word before the issuer (Russian) or after the number (Kazakh), within the
    clause. With ``loose_number``, a date whose number the export moved away
    takes the single "№ ..." found elsewhere in ``text`` (editorial notes).
    """
    dates = find_dates(text, lang)
    if not dates:
        return []
    issuers = find_issuers(text, lang)
    folded = fold_text(text)
    out: list[Anchor] = []
    loose = _LOOSE_NUMBER.findall(text) if loose_number else []
    for i, dm in enumerate(dates):
        m = _AFTER_DATE.match(text, dm.end)
        moved = dm.displaced
        if m:
            number, end = m.group("number"), m.end()
            moved = moved or (m.group("moved") or "")
        elif loose_number and len(set(loose)) == 1:
            number, end = loose[0], dm.end
        else:
            continue
        # clause limits: previous boundary before the date, next after the number
        lo = max((b.end() for b in _BOUNDARY.finditer(text, 0, dm.start)), default=0)
        if out:
            lo = max(lo, out[-1].end)
        nxt = _BOUNDARY.search(text, end)
        hi = nxt.start() if nxt else len(text)
        if i + 1 < len(dates):
            hi = min(hi, dates[i + 1].start)
        before = [s for s in issuers if lo <= s.start and s.end <= dm.start]
        # an issuer named after the number ("№ 296 Қазақстан Республикасы Үкіметінің
        # ... қаулысына") must come before the next act-type word, else that word
        # belongs to this act ("N 204-I ... Заңымен, ... Үкіметінің ...")
        type_after = _act_type_pattern(lang).search(folded, end, hi)
        limit = min(hi, end + 80, type_after.start() if type_after else hi)
        after = [s for s in issuers if end <= s.start < limit]
        issuer = before[-1] if before else (after[0] if after else None)
        if lang == "ru":
            act_type = _nearest_act_type(
                folded, lo, issuer.start if issuer and before else dm.start, lang, last=True
            )
            if act_type is None:
                act_type = _nearest_act_type(folded, end, hi, lang, last=False)
        else:
            act_type = _nearest_act_type(folded, end, hi, lang, last=False)
            if act_type is None:
                act_type = _nearest_act_type(folded, lo, dm.start, lang, last=True)
        if moved and act_type is None:
            act_type = act_type_of(moved, lang)
        if issuer is not None and act_type not in BODY_ACT_TYPES[issuer.body]:
            act_type = BODY_ACT_TYPES[issuer.body][0]
        body = issuer.body if issuer else ("parliament" if act_type == "law" else None)
        ref = ActRef(
            act_type=act_type,
            issuer=issuer.name if issuer else None,
            region=issuer.region if issuer else None,
            body=body,
            date=dm.date,
            number=number,
        )
        start = min(dm.start, before[-1].start) if before else dm.start
        out.append(Anchor(start, end, ref, moved))
    return out


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
