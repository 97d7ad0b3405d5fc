"""ORM rows of the store (SQLAlchemy 2.0 declarative mapping).

One table per model concept of ARCHITECTURE.md: ``sources`` (raw files, byte
for byte), ``works``, ``expressions`` (a new version is a new row),
``events``, ``effects``, ``citations``, ``warnings``; and what builds keep for the next one
(``build_state``, ``derivations``, ``summaries``, ``derived_groups``,
``build_inputs``, ``file_stats``). DateFacts are stored as (earliest, latest, certainty, basis).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    """Declarative base of lexversion's tables."""


class SourceRow(Base):
    """A corpus file as given: its bytes, hash and name."""

    __tablename__ = "sources"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(500))
    lang: Mapped[str] = mapped_column(String(2))
    data: Mapped[bytes] = mapped_column(LargeBinary)


class WorkRow(Base):
    """A work (possibly a stub known only by citation)."""

    __tablename__ = "works"
    frbr_uri: Mapped[str] = mapped_column(String(200), primary_key=True)
    act_type: Mapped[str | None] = mapped_column(String(40))
    issuer: Mapped[str | None] = mapped_column(String(300))
    region: Mapped[str | None] = mapped_column(String(10))
    body: Mapped[str | None] = mapped_column(String(20))
    date: Mapped[dt.date | None] = mapped_column(Date)
    number: Mapped[str | None] = mapped_column(String(60))
    title: Mapped[str | None] = mapped_column(Text)
    stub: Mapped[bool] = mapped_column(Boolean)
    languages: Mapped[str] = mapped_column(String(20), default="")
    #: a joint act's other acts, FRBR work URIs comma-separated (WorkRecord.aliases)
    aliases: Mapped[str] = mapped_column(Text, default="", server_default="")


class ExpressionRow(Base):
    """An expression: a new version is a new row; its text is rewritten only
    when a build derives it otherwise (another source text, other tools)."""

    __tablename__ = "expressions"
    uri: Mapped[str] = mapped_column(String(250), primary_key=True)
    work_uri: Mapped[str] = mapped_column(ForeignKey("works.frbr_uri"), index=True)
    lang: Mapped[str] = mapped_column(String(2))
    date: Mapped[dt.date | None] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(20))
    af_earliest: Mapped[dt.date | None] = mapped_column(Date)
    af_latest: Mapped[dt.date | None] = mapped_column(Date)
    af_certainty: Mapped[str] = mapped_column(String(12))
    af_basis: Mapped[str] = mapped_column(Text)
    effects: Mapped[Any] = mapped_column(JSON)
    akn: Mapped[bytes] = mapped_column(LargeBinary)
    source_sha: Mapped[str | None] = mapped_column(String(64))
    #: the :class:`DerivationRow` fingerprint that built ``akn`` (``None``: before 0006)
    derivation: Mapped[str | None] = mapped_column(String(64))
    #: the digest of the graph's dates ``akn`` states (``ExpressionPlan.timing``;
    #: ``None``: before 0010, rendered again)
    timing: Mapped[str | None] = mapped_column(String(64))


#: the rows of ``ix_events_anchor`` (migration 0015): events whose ``seq`` is
#: not a keyed row's (:func:`lexversion.store.eventseq.anchored`, or a
#: position); a query must state it in these words for the index to serve it
ANCHOR_WHERE = "length(seq) <= 9"


class EventRow(Base):
    """An event on a work with its DateFact."""

    __tablename__ = "events"
    __table_args__ = (
        Index("ix_events_work_seq", "work_uri", "seq"),
        Index("ix_events_work_by", "work_uri", "by_uri"),
        Index(
            "ix_events_anchor",
            "work_uri",
            "seq",
            sqlite_where=text(ANCHOR_WHERE),
            postgresql_where=text(ANCHOR_WHERE),
        ),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    work_uri: Mapped[str] = mapped_column(String(200), index=True)
    type: Mapped[str] = mapped_column(String(30))
    earliest: Mapped[dt.date | None] = mapped_column(Date)
    latest: Mapped[dt.date | None] = mapped_column(Date)
    certainty: Mapped[str] = mapped_column(String(12))
    basis: Mapped[str] = mapped_column(Text)
    by_uri: Mapped[str | None] = mapped_column(String(200))
    source: Mapped[str] = mapped_column(String(64))
    note: Mapped[str] = mapped_column(Text, default="")
    #: the row's place among its work's events (:mod:`lexversion.store.eventseq`)
    seq: Mapped[str | None] = mapped_column(String(90), nullable=True)


class EffectRow(Base):
    """An effect of one work on another, in force from a DateFact."""

    __tablename__ = "effects"
    __table_args__ = (UniqueConstraint("type", "affecting", "affected", "scope"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    type: Mapped[str] = mapped_column(String(30))
    affecting: Mapped[str] = mapped_column(String(200), index=True)
    affected: Mapped[str] = mapped_column(String(200), index=True)
    scope: Mapped[str] = mapped_column(String(100))
    pairs: Mapped[Any] = mapped_column(JSON)
    if_earliest: Mapped[dt.date | None] = mapped_column(Date)
    if_latest: Mapped[dt.date | None] = mapped_column(Date)
    if_certainty: Mapped[str] = mapped_column(String(12))
    if_basis: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(Text)
    applied_in: Mapped[Any] = mapped_column(JSON)
    reversed_in: Mapped[Any] = mapped_column(JSON)


class CitationRow(Base):
    """A citation found in a corpus text, resolved to a work."""

    __tablename__ = "citations"
    __table_args__ = (UniqueConstraint("source_sha", "eid", "start"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    source_sha: Mapped[str] = mapped_column(String(64), index=True)
    citing: Mapped[str] = mapped_column(String(200), index=True)
    eid: Mapped[str] = mapped_column(String(200))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    raw_start: Mapped[int] = mapped_column(Integer)
    raw_end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    cited: Mapped[str] = mapped_column(String(200), index=True)
    method: Mapped[str] = mapped_column(String(10), default="exact")
    score: Mapped[float] = mapped_column(Float, default=100.0)


class WarningRow(Base):
    """A build's warning about a work's texts (:class:`lexversion.model.WarningRecord`)."""

    __tablename__ = "warnings"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    work_uri: Mapped[str] = mapped_column(String(200), index=True)
    code: Mapped[str] = mapped_column(String(30))
    expression: Mapped[str | None] = mapped_column(String(250))
    source: Mapped[str | None] = mapped_column(String(64))
    params: Mapped[Any] = mapped_column(JSON)


class BuildStateRow(Base):
    """Fingerprints of what the last build wrote (``derived``: events, effects
    and citations), so a build over an unchanged corpus writes nothing."""

    __tablename__ = "build_state"
    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(String(128))


class DerivationRow(Base):
    """What derived stored texts: a fingerprint and its JSON description
    (version, code, vocabularies, hunspell dictionaries;
    :class:`lexversion.parse.provenance.Derivation`)."""

    __tablename__ = "derivations"
    fingerprint: Mapped[str] = mapped_column(String(64), primary_key=True)
    description: Mapped[str] = mapped_column(Text)


class SummaryRow(Base):
    """What planning needs of a source (issue 15: incremental builds): the
    pickled :class:`~lexversion.model.records.DocSummary` its parse gave under
    ``derivation`` (a :class:`DerivationRow` fingerprint) and the parse's warnings."""

    __tablename__ = "summaries"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    derivation: Mapped[str] = mapped_column(String(64))
    data: Mapped[bytes] = mapped_column(LargeBinary)
    warnings: Mapped[Any] = mapped_column(JSON)
    #: the one-line error of a parse that failed (``data`` empty), file name first
    error: Mapped[str | None] = mapped_column(Text)


class DerivedGroupRow(Base):
    """A digest of one group of derived rows: table ``tbl`` (events, effects,
    citations) and group ``grp`` (the work, affected work, citing work)."""

    __tablename__ = "derived_groups"
    tbl: Mapped[str] = mapped_column(String(20), primary_key=True)
    grp: Mapped[str] = mapped_column(String(200), primary_key=True)
    digest: Mapped[str] = mapped_column(String(64))


class PlanKeyRow(Base):
    """A key selective planning follows (issue 15, :mod:`lexversion.graph.touch`):
    ``owner`` (a corpus text's SHA-256, or a work's FRBR URI for its own key,
    role ``w``), the ``key``, its ``role`` and the ``variant`` of the act named."""

    __tablename__ = "plan_keys"
    owner: Mapped[str] = mapped_column(String(200), primary_key=True)
    key: Mapped[str] = mapped_column(String(400), primary_key=True, index=True)
    role: Mapped[str] = mapped_column(String(1), primary_key=True)
    variant: Mapped[str] = mapped_column(String(16), primary_key=True)


class BuildInputRow(Base):
    """What the last build planned with besides the texts, as JSON by key
    (``sidecar``, ``policy``, ``corpus``, ``report``)."""

    __tablename__ = "build_inputs"
    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class FileStatRow(Base):
    """What a build saw of a source file (issue 15, :mod:`lexversion.store.filestats`):
    its ``path`` as given, the ``size``, ``mtime_ns``, ``ctime_ns`` and device and ``inode``
    of its ``os.stat`` and the ``sha256`` of the bytes read then. A cache: a
    build trusts ``sha256`` only while the file's stat is the same."""

    __tablename__ = "file_stats"
    path: Mapped[str] = mapped_column(Text, primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    mtime_ns: Mapped[int] = mapped_column(BigInteger)
    ctime_ns: Mapped[int] = mapped_column(BigInteger)
    #: "device:inode" in decimal (an inode number may not fit a signed 64-bit
    #: integer): the file itself, whichever path (relative to which directory) named it
    inode: Mapped[str] = mapped_column(String(48))
    sha256: Mapped[str] = mapped_column(String(64))
