"""Several texts of one act: copies told apart from conflicts (issue 13, item 2).

A work has one expression per language and version (AKN naming convention:
``/kaz@2021-12-24``), yet a corpus may hold more than one text of it: a
re-export of the same page, a copy with a look-alike letter corrected, the
Kazakh and the Russian text, an original beside a consolidated text. Each text
is planned on its own (:func:`lexversion.graph.expressions.expressions_of`);
where two plans name the same expression, :func:`settle` decides:

* a published text (``official``, ``consolidated``, a new edition) wins over
  a ``reconstructed`` one (derived by reversing changes);
* two published texts that are copies of one another (:func:`similarity` at
  least :data:`NEAR`: after case, Latin look-alike letters and spacing are
  folded, they differ in a handful of characters) are one expression, stored
  once from the better copy (fewer look-alike letters, then the SHA-256),
  every file kept as its source, and a ``duplicate_text`` warning says so;
* two published texts that differ more are two different texts of one
  version: the better one is stored, the other is not (expressions are
  insert-only and never silently replace one another) and a
  ``conflicting_text`` warning names both.

Similarity is rapidfuzz's normalised Indel similarity (``fuzz.ratio``). A
substitution made throughout a text changes more than :data:`NEAR` allows
(seed 000's оралман -> қандас: about 1 % of the characters), so a text before
and after an amendment is never taken for a copy.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from lexversion.lang import LOOK_ALIKE_LATIN
from lexversion.model.records import ExpressionPlan, WarningRecord

#: the least similarity (0-100) of two copies of one text: at most 2 in 1,000
#: characters inserted or deleted (a corrected letter, a re-export's stray marks)
NEAR = 99.8

_CYRILLIC = "а-яёәіңғүұқөһА-ЯЁӘІҢҒҮҰҚӨҺ"
#: a Latin look-alike letter inside a Cyrillic word ("жергiлiктi")
_LOOK_ALIKE = re.compile(
    rf"(?<=[{_CYRILLIC}])[aceikmopxyACEHIKMOPTXY]|[aceikmopxyACEHIKMOPTXY](?=[{_CYRILLIC}])"
)
#: plans of a published text (``reconstructed`` ones are derived)
PUBLISHED = ("official", "consolidated")


def folded(text: str) -> str:
    """``text`` as copies of it compare: case-folded, Latin look-alike letters
    as Cyrillic, every run of spacing one space."""
    return " ".join(text.casefold().translate(LOOK_ALIKE_LATIN).split())


def look_alikes(text: str) -> int:
    """How many Latin look-alike letters the Cyrillic words of ``text`` hold
    (fewer: the better copy)."""
    return len(_LOOK_ALIKE.findall(text))


def similarity(a: str, b: str) -> float:
    """How alike texts ``a`` and ``b`` are, 0-100 (100: equal once :func:`folded`)."""
    x, y = folded(a), folded(b)
    return 100.0 if x == y else round(fuzz.ratio(x, y), 2)


#: the text of a corpus text by SHA-256 (``None``: not available)
TextOf = Callable[[str], str | None]


@dataclass(frozen=True, slots=True)
class Settled:
    """What :func:`settle` decided: the plans to render (one per URI), the
    warnings, and the texts every plan of which is a copy stored from another
    text (their citations are those of the text kept)."""

    plans: list[ExpressionPlan]
    warnings: list[WarningRecord]
    copies: set[str]


def _rank(p: ExpressionPlan, texts: dict[str, str | None]) -> tuple[int, int, str]:
    """Which of several plans of one expression is stored: published texts
    first, then the copy with fewer look-alike letters, then by SHA-256."""
    t = texts.get(p.sha256)
    published = p.kind in PUBLISHED or p.edition_of is not None
    return (0 if published else 1, look_alikes(t) if t else 0, p.sha256)


def _decide(
    same: Sequence[ExpressionPlan], texts: dict[str, str | None], names: dict[str, str]
) -> tuple[ExpressionPlan, list[WarningRecord], set[str]]:
    """The plan kept among ``same`` (plans of one expression), the warnings,
    and the texts found to be copies of the kept one."""
    ranked = sorted(same, key=lambda p: _rank(p, texts))
    kept = ranked[0]
    warnings: list[WarningRecord] = []
    copies: set[str] = set()
    seen = {kept.sha256}
    derived = _rank(kept, texts)[0] == 1
    for p in ranked[1:]:
        if p.sha256 in seen or _rank(p, texts)[0] != _rank(kept, texts)[0]:
            continue  # the same text again, or a derived text beside a published one
        seen.add(p.sha256)
        a, b = texts.get(kept.sha256), texts.get(p.sha256)
        score = similarity(a, b) if a is not None and b is not None else 0.0
        if derived and score < NEAR:
            continue  # reconstructed from two versions: the first ranked is kept
        code = "duplicate_text" if score >= NEAR else "conflicting_text"
        if code == "duplicate_text":
            copies.add(p.sha256)
        params = (
            ("kept", names.get(kept.sha256, kept.sha256)),
            ("other", names.get(p.sha256, p.sha256)),
            ("similarity", f"{score:.2f}"),
        )
        warnings.append(WarningRecord(kept.work, code, kept.uri, p.sha256, params))
    return kept, warnings, copies


def settle(
    plans: Iterable[ExpressionPlan], names: dict[str, str], text_of: TextOf | None = None
) -> Settled:
    """One plan per expression URI from ``plans`` (several texts may plan the
    same expression), in the order first met, with the ``duplicate_text`` and
    ``conflicting_text`` warnings. ``names``: the file name of each text behind
    plans that share a URI (by SHA-256); ``text_of``: their texts, read only
    for those (without it, or a text it lacks, texts are compared as
    different). Deterministic whatever the order of ``plans``."""
    by_uri: dict[str, list[ExpressionPlan]] = {}
    for p in plans:
        by_uri.setdefault(p.uri, []).append(p)
    texts = {sha: text_of(sha) if text_of else None for sha in names}
    kept: list[ExpressionPlan] = []
    warnings: list[WarningRecord] = []
    copied: set[str] = set()
    texts_of: dict[str, set[str]] = {}
    for uri, same in by_uri.items():
        for p in same:
            texts_of.setdefault(p.sha256, set()).add(uri)
        if len(same) == 1:
            kept.append(same[0])
            continue
        plan, found, copies = _decide(same, texts, names)
        kept.append(plan)
        warnings += found
        copied |= copies
    keep_of = {p.uri: p.sha256 for p in kept}
    copies_only = {sha for sha in copied if all(keep_of[u] != sha for u in texts_of.get(sha, ()))}
    return Settled(kept, warnings, copies_only)


def shared(plans: Iterable[ExpressionPlan]) -> set[str]:
    """The SHA-256 of every text one of whose plans shares its URI with
    another text's plan (the summaries :func:`settle` needs)."""
    by_uri: dict[str, set[str]] = {}
    for p in plans:
        by_uri.setdefault(p.uri, set()).add(p.sha256)
    return {sha for shas in by_uri.values() if len(shas) > 1 for sha in shas}


__all__ = ["NEAR", "Settled", "TextOf", "folded", "look_alikes", "settle", "shared", "similarity"]
