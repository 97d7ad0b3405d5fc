"""The spaCy matchers of the citation scan: what a date, a number, an act word, a
pinpoint, a register reference and an issuer look like (DOMAIN.md 3 and 5).

spaCy's Matcher tries every pattern at every token, so its cost is tokens x
patterns; a PhraseMatcher looks each token up once, whatever the number of its
phrases. So fixed sequences of normal forms (act words, pinpoints, issuer phrases)
are phrases (:func:`sequences`; a ")" is its own normal form); the Matcher keeps
what needs optional, wildcard or regex tokens (dates, numbers, register
references, "маслихат ... город <city>"), alternatives sharing a shape as one
pattern whose later tokens test ``{"NORM": {"IN": [...]}}`` (run only when the
tokens before have matched), its first tokens one attribute for equality (spaCy
checks those in Cython, IN, LENGTH and REGEX predicates in Python). Where a greedy
filter applied, the scan keeps the longest matches
(:func:`lexversion.parse.citations.issuers.longest`).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from itertools import product
from typing import Any, NamedTuple

from lexversion.lang import citing, vocab
from lexversion.parse.citations.keys import (
    NUMBERS,
    Key,
    LocalRule,
    MatchKey,
    RegionRule,
    TokenClass,
    labels,
)
from lexversion.parse.citations.pipelines import REGION_WORD, pipeline, region_words

Pattern = list[dict[str, Any]]


class Matchers(NamedTuple):
    """The matchers of one language: the ``Matcher`` (patterns), the ``PhraseMatcher``
    on ``NORM`` and the key of each label hash they return."""

    patterns: Any
    phrases: Any
    keys: dict[int, MatchKey]


def sequences(nlp: Any, *slots: Sequence[str | None]) -> list[Any]:
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


#: an optional word the export moved into a reference (DOMAIN.md 4.1)
_MOVED: dict[str, Any] = {"IS_ALPHA": True, "OP": "?"}
#: the numero sign (normal form of "№" and "N")
_SIGN: dict[str, Any] = {"NORM": "№"}


def _date_patterns(lang: str) -> list[Pattern]:
    """``DATE``: a dotted date (and "year"), kk "2017 жылғы "15" желтоқсандағы", ru
    "15 сентября 2017 года" (a quote before or after the day)."""
    v, words = vocab(lang), citing(lang)
    months = {"NORM": {"IN": sorted(v.MONTHS)}}
    quote: dict[str, Any] = {"ORTH": '"', "OP": "?"}
    year: dict[str, Any] = {"NORM": TokenClass.YEAR.value}
    day: dict[str, Any] = {"NORM": TokenClass.DAY.value}
    year_words = [citing("ru").YEAR_NORM, citing("kk").YEAR_NORM]
    dates: list[Pattern] = [
        [{"NORM": TokenClass.DATE.value}, {"NORM": {"IN": year_words}, "OP": "?"}]
    ]
    if lang == "kk":
        dates.append([year, {"NORM": words.YEAR_NORM}, quote, day, quote, _MOVED, months])
    else:
        for q in ([], [{"ORTH": '"'}]):
            dates.append(
                [*q, day, quote, _MOVED, months, year, {"NORM": words.YEAR_NORM, "OP": "?"}]
            )
    return dates


def _number_patterns(lang: str) -> list[Pattern]:
    """``NUM``: "№ 26-129", "№ № 5", "№ решение 152" (a moved word), "N 5", "№ А-5/285"."""
    return [
        [
            _SIGN,
            {**_SIGN, "OP": "?"},
            _MOVED,
            {"TEXT": {"REGEX": r"^(?:\d|[A-ZА-ЯӘІҢҒҮҰҚӨҺ]{1,4}-\d)"}},
        ]
    ]


def _register_patterns(lang: str) -> list[Pattern]:
    """``REG``: a register word, up to six words, "№" and a number ("в Реестре
    государственной регистрации нормативных правовых актов под № 33163")."""
    numbers = [t.value for t in NUMBERS]
    return [
        [
            {"NORM": word},
            {
                "NORM": {"NOT_IN": [*numbers, TokenClass.DATE.value]},
                "IS_PUNCT": False,
                "OP": "{0,6}",
            },
            {**_SIGN, "OP": "?"},
            {"NORM": {"IN": numbers}},
        ]
        for word in vocab(lang).REGISTER_NORMS
    ]


def _pinpoint_phrases(nlp: Any, lang: str) -> list[Any]:
    """``PIN``: kk "6-бабының", "1) тармақшасына"; ru "статьей 26", "подпунктом 1)"."""
    stems = sorted(vocab(lang).PINPOINTS)
    numbers = [t.value for t in NUMBERS]
    if lang == "kk":
        return [*sequences(nlp, numbers, [None, ")"], stems), *sequences(nlp, stems)]
    return sequences(nlp, stems, numbers, [None, ")"])


def _add_region_rules(m: Any, pm: Any, nlp: Any, lang: str) -> None:
    """The issuer phrases of a region (:class:`RegionRule`), whichever region: its
    name's first word is :data:`REGION_WORD`, the other words of the longest name
    optional."""
    words = citing(lang)
    seqs = region_words(lang).sequences(lang)
    rest = sorted({nlp.vocab[w].norm_ for seq in seqs for w in seq[1:]})
    name: list[list[str | None]] = [[REGION_WORD]]
    name += [[None, *rest]] * (max(map(len, seqs)) - 1)
    if lang == "kk":
        # "Алматы облыстық мәслихаты", "Астана қаласы әкімдігі", "Алматы облысы"
        councils = sorted(set().union(*words.COUNCIL_WORDS.values()))
        pm.add(
            RegionRule.NAME.label,
            sequences(nlp, *name, councils, [None, *words.BODIES]),
        )
        return
    council, executive, city, oblast = words.COUNCIL, words.EXECUTIVE, words.CITY, words.OBLAST
    # "Алматинского областного маслихата", "Алматинской области", "маслихата
    # Алматинской области"
    pm.add(
        RegionRule.ADJECTIVE.label,
        [
            *sequences(nlp, [REGION_WORD], [*words.ADJECTIVE_KINDS, oblast], [None, council]),
            *sequences(nlp, [council, executive], [REGION_WORD], [oblast]),
        ],
    )
    # "маслихата города Алматы", "акимата города Шымкента", "города Астаны"
    m.add(
        RegionRule.CITY.label,
        [[{"NORM": council}, {"OP": "{0,3}"}, {"NORM": city}, {"NORM": REGION_WORD}]],
    )
    pm.add(RegionRule.CITY.label, sequences(nlp, [None, executive], [city], [REGION_WORD]))
    # "маслихата области Жетісу"
    pm.add(RegionRule.NAMED.label, sequences(nlp, [council], [oblast], *name))


def _add_named_bodies(pm: Any, nlp: Any, lang: str) -> None:
    """A district's or town's body (the words after its title-case name, else those
    before), the ministries, the Government and the Republic."""
    words = citing(lang)
    for i, (_, before, after) in enumerate(words.LOCAL):
        pm.add(LocalRule(i).label, sequences(nlp, *(after or before)))
    pm.add(Key.MINISTRY.label, sequences(nlp, [words.MINISTRY_NORM]))
    pm.add(Key.GOVERNMENT.label, [nlp.make_doc(g) for g in words.GOVERNMENT_PHRASES])
    pm.add(Key.REPUBLIC.label, [nlp.make_doc(p) for p in words.REPUBLIC_PHRASES])


@cache
def matchers(lang: str) -> Matchers:
    """The :class:`Matchers` of ``lang``, built once.

    Keys (:mod:`lexversion.parse.citations.keys`): :class:`Key` ``DATE``, ``NUMBER``,
    ``ACT``, ``PINPOINT``, ``REGISTER``, ``MINISTRY``, ``GOVERNMENT``, ``REPUBLIC``;
    a :class:`RegionRule` for the issuers and names of a region (a superset: the
    issuers module keeps what the words say); a :class:`LocalRule` for the words
    around the name of a district or town (``LOCAL`` of ``lang/<code>/citations``).
    The labels are added in the order they always were, so spaCy's matches come in
    the same order.
    """
    from spacy.matcher import Matcher, PhraseMatcher

    nlp = pipeline(lang)
    m = Matcher(nlp.vocab)
    pm = PhraseMatcher(nlp.vocab, attr="NORM")
    m.add(Key.DATE.label, _date_patterns(lang), greedy="LONGEST")
    m.add(Key.NUMBER.label, _number_patterns(lang), greedy="LONGEST")
    m.add(Key.REGISTER.label, _register_patterns(lang), greedy="LONGEST")
    pm.add(Key.ACT.label, sequences(nlp, sorted(vocab(lang).ACT_NORMS)))
    pm.add(Key.PINPOINT.label, _pinpoint_phrases(nlp, lang))
    _add_region_rules(m, pm, nlp, lang)
    _add_named_bodies(pm, nlp, lang)
    store = nlp.vocab.strings
    keys = {store.add(label): key for label, key in labels(len(citing(lang).LOCAL)).items()}
    return Matchers(m, pm, keys)
