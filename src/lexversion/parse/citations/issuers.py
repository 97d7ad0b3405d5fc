"""Issuers read back from the matched words: which region and body an issuer phrase
names (DOMAIN.md 3), and the issuer's name in the nominative.

The issuer rules of the matchers (:class:`~lexversion.parse.citations.keys.RegionRule`)
match any region's name by one normal form; here the words of a match are checked
against :mod:`lexversion.lang.regions` and the issuer phrases of
``lang/<code>/citations`` to say which issuers they name, as spaCy gave them when
each (kind, body) had its own greedy key.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from functools import cache, lru_cache

from lexversion.lang import citing
from lexversion.lang.regions import REGIONS, Region
from lexversion.parse.citations.keys import REGION_ISSUERS, Issuer, RegionRule
from lexversion.parse.citations.pipelines import (
    REGION_WORD,
    own_norm,
    phrase_words,
    pipeline,
    region_words,
)
from lexversion.parse.citations.words import Words

#: the texts and the normal forms of the tokens of a match, what an issuer is read from
Phrase = tuple[tuple[str, ...], tuple[str, ...]]


def phrase(words: Words, s: int, e: int) -> Phrase:
    """The :data:`Phrase` of tokens ``s:e``."""
    return tuple(words.texts(s, e)), tuple(words.norms(s, e))


def _kazakh_name(texts: Sequence[str], norms: Sequence[str], lang: str) -> list[Issuer]:
    """:data:`RegionRule.NAME`: a region's name (lower-case words of ``kk_stem`` or a
    former name) then the council words of ``COUNCIL_WORDS`` and optionally a body."""
    names, table = region_words(lang), citing(lang)
    lowers = [w.lower() for w in texts]
    body = table.BODIES.get(norms[-1])
    cut = len(lowers) - (2 if body else 1)
    seq, council = tuple(lowers[:cut]), norms[cut]
    body = body or "region"
    return [
        Issuer(kind, body)
        for kind in ("oblast", "city")
        if seq in names.names[kind] and council in table.COUNCIL_WORDS[kind, body]
    ]


def _russian_adjective(texts: Sequence[str], norms: Sequence[str], lang: str) -> list[Issuer]:
    """:data:`RegionRule.ADJECTIVE`: a region adjective (``ru_adj``, its stem) before
    "городской маслихат" (city), "областной маслихат", "область"/"областной" (oblast)
    or after "маслихат"/"акимат" before "область" (oblast)."""
    names, table = region_words(lang), citing(lang)
    if norms[0] == REGION_WORD:  # "Алматинского областного маслихата", "... области"
        stem, word = own_norm(lang, texts[0]), norms[1]
        if len(texts) == 3:
            kind = table.ADJECTIVE_KINDS.get(word)
            return [Issuer(kind, "maslikhat")] if kind and stem in names.adjectives[kind] else []
        ok = word in table.OBLAST_WORDS and stem in names.adjectives["oblast"]
        return [Issuer("oblast", "region")] if ok else []
    ok = own_norm(lang, texts[1]) in names.adjectives["oblast"]  # "маслихата ... области"
    return [Issuer("oblast", table.BODIES[norms[0]])] if ok else []


def issuer_keys(words: Words, rule: RegionRule, s: int, e: int, lang: str) -> tuple[Issuer, ...]:
    """The issuers of a region that the tokens ``s:e``, matched by ``rule``, name
    (:func:`phrase_issuers` of their :data:`Phrase`)."""
    return phrase_issuers(lang, rule, *phrase(words, s, e))


def phrase_issuers_plain(
    lang: str, rule: RegionRule, texts: tuple[str, ...], norms: tuple[str, ...]
) -> tuple[Issuer, ...]:
    """The issuers of a region that a match of ``rule`` (its tokens' ``texts`` and
    normal forms ``norms``) names by the rules of the Kazakh and Russian issuer
    phrases; body ``region`` for a region's name alone. Ordered as
    :data:`~lexversion.parse.citations.keys.REGION_ISSUERS`.

    Kazakh: see :func:`_kazakh_name`. Russian: see :func:`_russian_adjective`; a
    city name after "маслихат ... (up to three words) город", "акимат город",
    "город"; "маслихат" and an oblast's name that starts with "область".
    """
    if rule is RegionRule.NAME:  # Kazakh
        return tuple(_kazakh_name(texts, norms, lang))
    if rule is RegionRule.ADJECTIVE:
        return tuple(_russian_adjective(texts, norms, lang))
    lowers = [w.lower() for w in texts]
    names = region_words(lang)
    if rule is RegionRule.NAMED:
        return (Issuer("oblast", "maslikhat"),) if tuple(lowers[1:]) in names.named else ()
    body = citing(lang).BODIES.get(norms[0], "region")  # RegionRule.CITY
    return (Issuer("city", body),) if lowers[-1] in names.cities else ()


@lru_cache(maxsize=2048)
def phrase_issuers_remembered(
    lang: str, rule: RegionRule, texts: tuple[str, ...], norms: tuple[str, ...]
) -> tuple[Issuer, ...]:
    """:func:`phrase_issuers_plain`, remembered by phrase (the fast path
    :func:`phrase_issuers` takes).

    Why it is sound: the issuers are a function of the arguments alone (the words
    and normal forms, a word's own normal form :func:`own_norm` and the constant
    tables of regions and issuer phrases); the result is a tuple, which no caller
    can change. A document names its issuer in paragraph after paragraph, so a
    parse reads the same phrase many times. :func:`forget` empties it.
    tests/parse/citations/test_strategies.py checks they agree. Raises nothing.
    """
    return phrase_issuers_plain(lang, rule, texts, norms)


#: how every issuer phrase is read: the fast path of :func:`phrase_issuers_plain`
phrase_issuers = phrase_issuers_remembered


def local(words: Words, rule: int, s: int, e: int, lang: str) -> tuple[str, tuple[int, int] | None]:
    """(body, token span) of the district's or town's body around a title-case name
    that the phrase ``s:e`` of ``LOCAL[rule]`` (the words after the name, else those
    before it) opens or closes; span ``None`` when the name or the other words are
    not there."""
    body, before, after = citing(lang).LOCAL[rule]
    name = s - 1 if after else e
    first = name - len(before)
    if first < 0 or name >= len(words) or not words.text(name).istitle():
        return body, None
    if after and any(words.norm(first + i) not in w for i, w in enumerate(before)):
        return body, None
    return body, (first, e if after else name + 1)


def longest(spans: Collection[tuple[int, int]]) -> list[tuple[int, int]]:
    """spaCy's ``greedy="LONGEST"`` filter: the longest spans first (the leftmost of
    equals), each kept when it shares no token with one kept before."""
    if len(spans) == 1:
        return list(spans)
    taken: set[int] = set()
    out = []
    for s, e in sorted(set(spans), key=lambda x: (x[1] - x[0], -x[0]), reverse=True):
        if taken.isdisjoint(range(s, e)):
            out.append((s, e))
            taken.update(range(s, e))
    return out


def region_issuers(
    words: Words, hits: Iterable[tuple[RegionRule, int, int]], lang: str
) -> list[tuple[int, int, Issuer]]:
    """(start, end, issuer) of the region issuers and names among the region matches
    ``hits``, as spaCy gave them when each issuer had its own greedy key: the longest
    non-overlapping ones of each issuer, in order of position, then of the issuer's
    first match."""
    spans: dict[Issuer, list[tuple[int, int]]] = {}
    for rule, s, e in hits:
        for k in issuer_keys(words, rule, s, e, lang):
            spans.setdefault(k, []).append((s, e))
    first = {k: (min((e, s) for s, e in v), REGION_ISSUERS.index(k)) for k, v in spans.items()}
    out = [(s, e, k) for k, v in spans.items() for s, e in longest(v)]
    out.sort(key=lambda h: (h[0], -h[1], first[h[2]]))
    return out


@cache
def _region_names(lang: str, kind: str) -> dict[tuple[str, ...], Region]:
    """Words naming each region in an issuer phrase -> the region: Kazakh stems and
    former names, Russian adjective stems (a word's own normal form, :func:`own_norm`),
    city names and genitives."""
    nlp = pipeline(lang)
    out: dict[tuple[str, ...], Region] = {}
    for r in REGIONS:
        if r.kind != kind:
            continue
        if lang == "kk":
            for n in (r.kk_stem, *r.former_kk):
                out[tuple(phrase_words(nlp, n))] = r
        else:
            for a in (r.ru_adj, *r.former_ru_adj):
                out[(a.lower(),)] = r
            if r.kind == "city":
                for n in (r.ru, *r.former_ru_adj, *r.ru_genitive):
                    out.setdefault(tuple(phrase_words(nlp, n)), r)
            elif r.ru.lower().startswith("область"):
                out[tuple(phrase_words(nlp, r.ru))[1:]] = r
    return out


def region_of(words: Words, s: int, e: int, lang: str, kind: str) -> Region | None:
    """The region of ``kind`` (oblast, city) the issuer in tokens ``s:e`` names
    (:func:`phrase_region` of their :data:`Phrase`)."""
    return phrase_region(lang, kind, *phrase(words, s, e))


def phrase_region_plain(
    lang: str, kind: str, texts: tuple[str, ...], norms: tuple[str, ...]
) -> Region | None:
    """The region of ``kind`` (oblast, city) an issuer phrase (its tokens' ``texts``
    and normal forms ``norms``) names: the first name found, two words or one, as
    written (lower case) or by its normal form (a region word's own,
    :func:`own_norm`)."""
    names = _region_names(lang, kind)
    lowers = [w.lower() for w in texts]
    owns = [own_norm(lang, w) if n == REGION_WORD else n for w, n in zip(texts, norms, strict=True)]
    for i in range(len(lowers)):
        for n in (2, 1):
            for seq in (tuple(lowers[i : i + n]), tuple(owns[i : i + n])):
                if len(seq) == n and seq in names:
                    return names[seq]
    return None


@lru_cache(maxsize=2048)
def phrase_region_remembered(
    lang: str, kind: str, texts: tuple[str, ...], norms: tuple[str, ...]
) -> Region | None:
    """:func:`phrase_region_plain`, remembered by phrase (the fast path
    :func:`phrase_region` takes).

    Why it is sound: as :func:`phrase_issuers_remembered`, the region is a function
    of the arguments alone (regions are frozen values), and an issuer named again
    is the same phrase. :func:`forget` empties it.
    tests/parse/citations/test_strategies.py checks they agree. Raises nothing.
    """
    return phrase_region_plain(lang, kind, texts, norms)


#: how every issuer's region is read: the fast path of :func:`phrase_region_plain`
phrase_region = phrase_region_remembered


def forget() -> None:
    """Forget every phrase :func:`phrase_issuers` and :func:`phrase_region` have read
    (:func:`lexversion.parse.citations.scan.forget`)."""
    phrase_issuers_remembered.cache_clear()
    phrase_region_remembered.cache_clear()


def canonical_issuer(region: Region | None, body: str, lang: str) -> str:
    """The name of the Government, a ministry or the council (``council_kk``,
    ``council_ru``) or executive of ``region``, in the nominative."""
    table = citing(lang)
    if body == "government":
        return str(table.GOVERNMENT)
    if body == "ministry":
        return str(table.MINISTRY)
    assert region is not None
    if body == "maslikhat":
        return region.council_kk if lang == "kk" else region.council_ru
    template = table.AKIMAT_OF["city" if region.kind == "city" else "oblast"]
    return str(template.format(stem=region.kk_stem, name=region.ru, adj=region.ru_adj))


def issuer_name(region: Region | None, body: str, lang: str, printed: str) -> str:
    """The name of an issuer ``printed`` in the text: :func:`canonical_issuer` of the
    Government, a ministry or a region's body; a district's or town's body as printed,
    a Kazakh one put in the nominative (``NOMINATIVE`` of ``lang/kk/citations``)."""
    if body in {"government", "ministry"} or region is not None:
        return canonical_issuer(region, body, lang)
    for pattern, nominative in citing(lang).NOMINATIVE:
        printed = re.sub(pattern, nominative, printed)
    return printed
