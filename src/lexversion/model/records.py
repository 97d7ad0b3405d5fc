"""Values of the version graph: works, events, effects, expressions, citations.

ARCHITECTURE.md ("The model"). :mod:`lexversion.graph` builds these from the
parsed corpus (a :class:`DocSummary` per text), :mod:`lexversion.store` writes
them as rows. Frozen dataclasses; the only behaviour is naming an effect
(:attr:`EffectRecord.key`), turning a plan into its record
(:meth:`ExpressionPlan.record`) and the JSON of what the store reads back
(:class:`HistoryEntry`, :class:`StoredEffect`, :class:`StoredCitation`, each
``to_json()`` the object ``lexversion history`` / ``graph`` print).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol, TypeVar

from lexversion.model.acts import ActRef, Citation, CitedFact, CommencementRule, Effect
from lexversion.model.checks import Mismatch
from lexversion.model.dates import DateFact, iso

T_co = TypeVar("T_co", covariant=True)


@dataclass(frozen=True, slots=True)
class WorkRecord:
    """A work: identity, whether it is a stub, languages of its texts in the corpus.

    ``aliases``: the FRBR work URIs of the other acts the work also is, a joint
    act's other issuer's act (an akimat resolution adopted with a maslikhat
    decision: issue 13, item 3); each resolves to this work."""

    frbr_uri: str
    act_type: str | None
    issuer: str | None
    region: str | None
    body: str | None
    date: date | None
    number: str | None
    title: str | None
    stub: bool
    languages: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class EventRecord:
    """An event on ``work`` with its DateFact; ``by`` the causing work's URI."""

    work: str
    type: str
    date: DateFact
    by: str | None
    source: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class EffectRecord:
    """An effect between two works (FRBR work URIs), in force from ``in_force``."""

    type: str
    affecting: str
    affected: str
    scope: str
    pairs: tuple[tuple[str, str], ...]
    in_force: DateFact
    source: str
    text: str
    applied_in: tuple[str, ...] = ()
    reversed_in: tuple[str, ...] = ()

    @property
    def key(self) -> tuple[str, str, str, str]:
        """Identity of the effect: (type, affecting, affected, scope)."""
        return (self.type, self.affecting, self.affected, self.scope)


@dataclass(frozen=True, slots=True)
class WarningRecord:
    """Something a build found doubtful about a work's texts (issue 13, items 2
    and 9), kept with the work so every reader says it: ``code`` (one of
    :data:`WARNING_CODES`), the expression it concerns (``None``: the work),
    the corpus text it was found in (SHA-256) and its ``params`` (name, value),
    the words of the message, which each reader renders in its language."""

    work: str
    code: str
    expression: str | None
    source: str | None
    params: tuple[tuple[str, str], ...]

    @property
    def values(self) -> dict[str, str]:
        """``params`` as a dict."""
        return dict(self.params)

    def to_json(self) -> dict[str, Any]:
        """``{code, work, expression, source, params}``."""
        return {
            "code": self.code,
            "work": self.work,
            "expression": self.expression,
            "source": self.source,
            "params": dict(self.params),
        }


#: what a :class:`WarningRecord` says: a copy of a text stored once, two
#: different texts of one expression, a recorded effect the text disagrees
#: with, a text that lacks changes another text or act records
WARNING_CODES = ("duplicate_text", "conflicting_text", "effect_text_mismatch", "not_consolidated")


@dataclass(frozen=True, slots=True)
class ExpressionRecord:
    """One expression: its URI, kind, the DateFact it applies from, its AKN."""

    uri: str
    work: str
    lang: str
    date: date | None
    kind: str
    applies_from: DateFact
    effects: tuple[str, ...]
    akn: bytes
    source: str | None
    #: the digest of the graph's dates the AKN states (:attr:`ExpressionPlan.timing`)
    timing: str | None = None


@dataclass(frozen=True, slots=True)
class CitationRecord:
    """A citation found in a corpus text, resolved to a work URI by ``method``
    (``exact``, ``unique``, ``fuzzy``) with its ``score`` (0-100)."""

    source: str
    citing: str
    eid: str
    start: int
    end: int
    raw_start: int
    raw_end: int
    text: str
    cited: str
    method: str = "exact"
    score: float = 100.0


@dataclass(frozen=True, slots=True)
class EffectDetail:
    """What a :class:`HistoryEntry` of an effect adds: the effect's ``scope``,
    its (old, new) wording ``pairs`` and the expressions it is applied or
    reversed in."""

    scope: str
    pairs: tuple[tuple[str, str], ...]
    applied_in: tuple[str, ...]
    reversed_in: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        """``{"scope", "pairs", "applied_in", "reversed_in"}``, pairs as lists."""
        return {
            "scope": self.scope,
            "pairs": [list(p) for p in self.pairs],
            "applied_in": list(self.applied_in),
            "reversed_in": list(self.reversed_in),
        }


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """An item of a work's history as the store reads it back: an event on the
    work (``type`` the event type, ``detail`` its note) or an effect by or on it
    (``type`` ``effect:<type>``, ``detail`` an :class:`EffectDetail`), dated by
    ``date``; ``by`` the causing (affecting) work, ``on`` the work acted on."""

    date: DateFact
    type: str
    by: str | None
    on: str
    detail: str | EffectDetail

    @property
    def is_effect(self) -> bool:
        """True for an effect, false for an event."""
        return self.type.startswith("effect:")

    def to_json(self) -> dict[str, Any]:
        """``{date, earliest, latest, certainty, basis, type, by, on, detail}``
        (the DateFact's JSON flattened in; ``detail`` a string or an object)."""
        detail = self.detail if isinstance(self.detail, str) else self.detail.to_json()
        return {
            **self.date.to_json(),
            "type": self.type,
            "by": self.by,
            "on": self.on,
            "detail": detail,
        }


#: the events an effect on a work also records (graph planning writes both: the
#: event for the work's lifecycle, the effect with its scope and applications)
_EVENT_OF_EFFECT = {"repeal": "repeal"}


def each_change_once(items: Sequence[HistoryEntry]) -> list[HistoryEntry]:
    """``items`` (a work's history, in order) with every change listed once.

    An amendment or a repeal is stored twice: as an event on the affected work
    (``amendment``, ``repeal``) and as the effect that makes it
    (``effect:substitution``, ``effect:repeal``...), with the same causing
    work, affected work and date. The effect says more (its kind, scope and
    the texts applying it), so it is kept and its event twin dropped; events
    without a twin, and effects, stay as they are, in their order."""
    twins = {
        (it.by, it.on, it.date, _EVENT_OF_EFFECT.get(it.type[7:], "amendment"))
        for it in items
        if it.is_effect
    }
    return [
        it
        for it in items
        if it.is_effect
        or it.type not in ("amendment", "repeal")
        or (it.by, it.on, it.date, it.type) not in twins
    ]


@dataclass(frozen=True, slots=True)
class StoredEffect:
    """An effect as the store reads it back for the whole graph: identity, the
    DateFact it takes force on (``date``) and the expressions applying it."""

    type: str
    affecting: str
    affected: str
    scope: str
    date: DateFact
    applied_in: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        """``{type, affecting, affected, scope, date (DateFact JSON), applied_in}``."""
        return {
            "type": self.type,
            "affecting": self.affecting,
            "affected": self.affected,
            "scope": self.scope,
            "date": self.date.to_json(),
            "applied_in": list(self.applied_in),
        }


@dataclass(frozen=True, slots=True)
class StoredCitation:
    """A citation made by a work's text as the store reads it back: where
    (``eid``, ``raw_start``..``raw_end`` in the decoded source), the words, the
    work cited and how it was resolved (``method``, ``score``)."""

    eid: str
    text: str
    cited: str
    raw_start: int
    raw_end: int
    method: str
    score: float

    def to_json(self) -> dict[str, Any]:
        """``{eid, text, cited, raw_span: [start, end], method, score}``."""
        return {
            "eid": self.eid,
            "text": self.text,
            "cited": self.cited,
            "raw_span": [self.raw_start, self.raw_end],
            "method": self.method,
            "score": self.score,
        }


class Stream(Protocol[T_co]):
    """A sequence iterated more than once and counted: a list, or a stream made
    anew on each iteration (:class:`lexversion.graph.stream.Regenerable`)."""

    def __iter__(self) -> Iterator[T_co]:
        """The items, from the start."""
        ...

    def __len__(self) -> int:
        """How many items there are."""
        ...


@dataclass(frozen=True, slots=True)
class Graph:
    """The whole version graph built from a corpus. ``events`` and
    ``citations`` are lists or lazy :class:`Stream` s (see
    :func:`lexversion.graph.plan_graph`); the containers are filled once, by
    the graph builder."""

    works: dict[str, WorkRecord] = field(default_factory=dict)
    events: list[EventRecord] | Stream[EventRecord] = field(default_factory=list)
    effects: list[EffectRecord] = field(default_factory=list)
    expressions: list[ExpressionRecord] = field(default_factory=list)
    citations: list[CitationRecord] | Stream[CitationRecord] = field(default_factory=list)
    warnings: list[WarningRecord] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class DocSummary:
    """What the graph needs of a parsed corpus text: small and picklable, so a
    national corpus is planned without holding its documents (issue 4)."""

    sha256: str
    source: str
    lang: str
    act: ActRef
    commencement: CommencementRule | None
    registration: date | None
    publication: date | None
    retroactive_from: date | None
    effects: tuple[Effect, ...]
    facts: tuple[CitedFact, ...]
    citations: tuple[Citation, ...]
    has_annex: bool
    #: recorded substitutions the text disagrees with (issue 13, item 9)
    mismatches: tuple[Mismatch, ...] = ()
    #: the rule of entry into force when the text states it apart from the rule
    #: of application (``commencement``); ``None``: one rule dates both
    in_force: CommencementRule | None = None


@dataclass(frozen=True, slots=True)
class ExpressionPlan:
    """An expression to render from corpus text ``sha256``: ``kind`` official,
    consolidated or reconstructed (``reverse``: indices of the text's effects
    to undo; ``apply``: substitutions another text words, to make), or a
    stub's new edition (``edition_of``: the stub)."""

    uri: str
    work: str
    lang: str
    date: date | None
    kind: str
    applies_from: DateFact
    effects: tuple[str, ...]
    sha256: str
    reverse: tuple[int, ...] = ()
    edition_of: WorkRecord | None = None
    #: substitutions to make after ``reverse``: (scope, (old, new) pairs) in the
    #: text's language, as an amending act's text in that language words them
    apply: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = ()
    #: the version graph's dates for the AKN's lifecycle, by work URI as the
    #: text names each act: when the act itself and every act changing it
    #: apply (the corpus sidecar's publication dates and the policy decide them)
    dates: tuple[tuple[str, DateFact], ...] = ()
    #: the graph's entry into force of the act when its text states it apart
    in_force: DateFact | None = None

    @property
    def timing(self) -> str:
        """SHA-256 (hex) of what the rendered AKN takes from the version graph
        besides the text: :attr:`dates`, :attr:`in_force` and, for a new
        edition, :attr:`applies_from`. A stored expression whose timing differs
        is rendered again (its text is the same, its lifecycle dates are not)."""
        facts = [(k, _fact_key(f)) for k, f in self.dates]
        facts.append(("in_force", _fact_key(self.in_force)))
        if self.edition_of is not None:
            facts.append(("applies_from", _fact_key(self.applies_from)))
        return hashlib.sha256(json.dumps(facts, ensure_ascii=False).encode()).hexdigest()

    def record(self, akn: bytes) -> ExpressionRecord:
        """The store record of this plan with its rendered AKN."""
        return ExpressionRecord(
            self.uri,
            self.work,
            self.lang,
            self.date,
            self.kind,
            self.applies_from,
            self.effects,
            akn,
            self.sha256,
            self.timing,
        )


def _fact_key(f: DateFact | None) -> list[str | None] | None:
    """A DateFact as a JSON list (``None`` for none)."""
    if f is None:
        return None
    return [iso(f.earliest), iso(f.latest), str(f.certainty), f.basis]


__all__ = [
    "WARNING_CODES",
    "CitationRecord",
    "DocSummary",
    "EffectDetail",
    "EffectRecord",
    "EventRecord",
    "ExpressionPlan",
    "ExpressionRecord",
    "Graph",
    "HistoryEntry",
    "StoredCitation",
    "StoredEffect",
    "Stream",
    "WarningRecord",
    "WorkRecord",
]
