r"""Values of the lexversion model: frozen dataclasses, no behaviour beyond JSON.

The model follows ARCHITECTURE.md ("The model"): a *work* is an act whatever its
versions, an *expression* its text in one language as it applies from one date,
a :class:`DateFact` a date with its certainty (:mod:`.dates`), an :class:`Event`
something that happened to a work, an :class:`Effect` what one act does to
another, a :class:`Citation` a reference found in text (:mod:`.acts`), a
:class:`Document` a parsed act (:mod:`.document`), the version graph's records
(:mod:`.records`) and a work's timeline with its point-in-time answer
(:mod:`.timeline`). Closed vocabularies are
``StrEnum``\ s whose members equal the strings JSON, AKN and the store write:
:class:`Certainty`, :class:`EffectType`, :class:`EventType`, :class:`BlockKind`,
:class:`NodeKind`, :class:`RepairKind`. This layer imports nothing
else of lexversion; every other layer may import it.
"""

from __future__ import annotations

from lexversion.model.acts import (
    ActRef,
    Citation,
    CitedFact,
    CommencementRule,
    Effect,
    EffectType,
    Event,
    EventType,
    Note,
    ProvisionRef,
    Registration,
)
from lexversion.model.checks import Mismatch
from lexversion.model.dates import CERTAINTY_ORDER, Certainty, DateFact, iso
from lexversion.model.document import (
    Attachment,
    Block,
    BlockKind,
    Cell,
    Document,
    Marks,
    Metadata,
    NameMark,
    Node,
    NodeKind,
    Preface,
    RefMark,
    Repair,
    RepairKind,
)
from lexversion.model.records import (
    CitationRecord,
    DocSummary,
    EffectDetail,
    EffectRecord,
    EventRecord,
    ExpressionPlan,
    ExpressionRecord,
    Graph,
    HistoryEntry,
    StoredCitation,
    StoredEffect,
    WarningRecord,
    WorkRecord,
    each_change_once,
)
from lexversion.model.timeline import ExpressionInfo, OtherText, PointInTime, WorkTimeline

__all__ = [
    "CERTAINTY_ORDER",
    "ActRef",
    "Attachment",
    "Block",
    "BlockKind",
    "Cell",
    "Certainty",
    "Citation",
    "CitationRecord",
    "CitedFact",
    "CommencementRule",
    "DateFact",
    "DocSummary",
    "Document",
    "Effect",
    "EffectDetail",
    "EffectRecord",
    "EffectType",
    "Event",
    "EventRecord",
    "EventType",
    "ExpressionInfo",
    "ExpressionPlan",
    "ExpressionRecord",
    "Graph",
    "HistoryEntry",
    "Marks",
    "Metadata",
    "Mismatch",
    "NameMark",
    "Node",
    "NodeKind",
    "Note",
    "OtherText",
    "PointInTime",
    "Preface",
    "ProvisionRef",
    "RefMark",
    "Registration",
    "Repair",
    "RepairKind",
    "StoredCitation",
    "StoredEffect",
    "WarningRecord",
    "WorkRecord",
    "WorkTimeline",
    "each_change_once",
    "iso",
]
