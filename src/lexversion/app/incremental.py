"""Incremental builds (issue 15): parse only the files whose bytes the store
does not hold, plan from the summaries it keeps, write only what changed.

A build's *corpus* is a set of texts: the files of a directory (``build``,
``--prune`` by default: exactly those), the files of a directory and the
texts the store already holds (``build --keep``), or the texts the store holds and a few new files
(``lexversion add``). Its result is the store a fresh build of that corpus
makes, byte for byte (``tests/app/test_incremental.py`` compares them):

1. every file is hashed (read again only when its stat changed,
   :func:`hash_files_cached`); the *corpus fingerprint* (texts by SHA-256
   and file name, the sidecar's publication facts, the publication policy, the
   derivation of :mod:`lexversion.parse.provenance`) equal to the last build's
   means nothing changed: nothing is parsed, planned or written;
2. a text whose summary (:class:`~lexversion.model.records.DocSummary`) the
   store holds for this derivation is not parsed; the others are (only then
   are spaCy and the dictionaries loaded), and their bytes and summaries kept;
3. the graph is planned from the summaries and written group by group
   (:mod:`lexversion.store.derived`); an expression is rendered only when the
   store does not hold it as planned, and expressions, works and sources the
   corpus no longer gives are removed.

Everything is one transaction (:meth:`lexversion.store.repository.Store.writer`).
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import tempfile
import zlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from lexversion.model import DocSummary, Document, ExpressionPlan
from lexversion.store.filestats import Stat
from lexversion.store.writer import GraphWriter
from lexversion.timeline.commencement import PublicationPolicy

#: a sidecar publication fact: (work as written, date, source)
Pub = tuple[str, date, str]


@dataclass(frozen=True, slots=True)
class Text:
    """A corpus text: its ``sha256``, the file ``name`` it is kept under, and
    where its bytes are: the ``path`` of a file given to this build, or
    ``None`` when only the store holds them."""

    sha256: str
    name: str
    path: str | None


@dataclass(frozen=True, slots=True)
class Unreadable:
    """A file given to the build that could not be read: its path and the one-line error."""

    path: str
    error: str


def hash_files(paths: Sequence[str]) -> tuple[list[Text], list[Unreadable]]:
    """The texts of the files ``paths`` (first path of each content in the
    given order) and the files that cannot be read."""
    texts: dict[str, Text] = {}
    bad: list[Unreadable] = []
    for p in paths:  # open and basename, not Path: 100,000 of them (issue 15)
        try:
            with open(p, "rb") as f:
                sha = hashlib.sha256(f.read()).hexdigest()
        except OSError as exc:
            bad.append(Unreadable(p, f"{p}: cannot read: {exc.strerror}"))
            continue
        texts.setdefault(sha, Text(sha, os.path.basename(p), p))
    return list(texts.values()), bad


#: how far apart in time two writes of a file may be and still leave it the
#: same mtime: the coarsest timestamp granularity of a filesystem a corpus may
#: lie on (FAT: 2 s; ext4, XFS, btrfs: a clock tick) and the lag of the
#: kernel's coarse clock behind :func:`time.time_ns`
GRANULARITY_NS = 2_000_000_000
#: the environment variable that makes a build read and hash every file (``1``)
REHASH_ENV = "LEXVERSION_REHASH"


def stat_of(st: os.stat_result) -> Stat:
    """The facts of ``st`` a kept hash is trusted by: size, mtime and ctime
    (ns), and "device:inode" (which file: a relative path kept by a build run
    elsewhere names another)."""
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, f"{st.st_dev}:{st.st_ino}")


def hash_files_cached(
    paths: Sequence[str], known: Mapping[str, tuple[Stat, str]], now_ns: int
) -> tuple[list[Text], list[Unreadable], dict[str, tuple[Stat, str]]]:
    """:func:`hash_files` reading only the files whose stat changed: the texts
    and unreadable files it gives, and the (stat, SHA-256) of the files read
    that a later build may trust (the rows to keep, by path).

    ``known``: (stat, SHA-256) by path, kept by earlier builds; ``now_ns``:
    :func:`time.time_ns` taken before the first file is looked at.

    A path whose :func:`stat_of` equals its known stat takes the known SHA-256
    without being read. Sound as git's index is (Documentation/technical/racy-git.txt):
    writing a file sets its mtime and ctime, so bytes changed since the stat
    was kept show another stat, unless the change came within the same
    timestamp as the write the stat saw. So a stat is kept only when its mtime
    is older than ``now_ns`` by more than :data:`GRANULARITY_NS` (a later
    write cannot give the file that mtime again), taken by ``fstat`` of the
    open file before its bytes are read (bytes changed after the stat show a
    newer one next time); a file modified too recently to tell ("racily
    clean") is read again by the next build. The ctime also catches bytes
    changed with the size and mtime put back (``touch -d``, ``os.utime``): the
    kernel sets it on every change and nothing sets it back. What no stat
    shows (the clock set back, a filesystem that keeps no ctime, a network
    filesystem whose clock is behind this machine's by more than the
    granularity) a build with ``LEXVERSION_REHASH=1`` or a fresh build sees.
    """
    texts: dict[str, Text] = {}
    bad: list[Unreadable] = []
    keep: dict[str, tuple[Stat, str]] = {}
    for p in paths:
        was = known.get(p)
        if was is not None:
            try:
                same = stat_of(os.stat(p)) == was[0]
            except OSError:
                same = False
            if same:
                texts.setdefault(was[1], Text(was[1], os.path.basename(p), p))
                continue
        try:
            stat, sha = read_hash(p)
        except OSError as exc:
            bad.append(Unreadable(p, f"{p}: cannot read: {exc.strerror}"))
            continue
        if stat[1] < now_ns - GRANULARITY_NS:
            keep[p] = (stat, sha)
        texts.setdefault(sha, Text(sha, os.path.basename(p), p))
    return list(texts.values()), bad, keep


def read_hash(path: str) -> tuple[Stat, str]:
    """The stat of the file ``path`` (taken before its bytes are read) and the
    SHA-256 of its bytes; raises :class:`OSError` when it cannot be read."""
    with open(path, "rb") as f:
        stat = stat_of(os.fstat(f.fileno()))
        return stat, hashlib.sha256(f.read()).hexdigest()


def corpus_of(given: Sequence[Text], stored: dict[str, str], keep: bool) -> list[Text]:
    """The corpus of a build: the ``given`` texts, and (``keep``) the texts of
    ``stored`` (file name by SHA-256) not among them; sorted by SHA-256."""
    texts = {t.sha256: t for t in given}
    if keep:
        for sha, name in stored.items():
            texts.setdefault(sha, Text(sha, name, None))
    return sorted(texts.values(), key=lambda t: t.sha256)


def policy_json(policy: PublicationPolicy) -> dict[str, Any]:
    """A publication policy as JSON."""
    return {"name": policy.name, "days": policy.days, "why": policy.why}


def policy_of(value: dict[str, Any]) -> PublicationPolicy:
    """The publication policy of :func:`policy_json`."""
    return PublicationPolicy(value["name"], int(value["days"]), value["why"])


def pubs_json(pubs: Sequence[Pub]) -> list[list[str]]:
    """Sidecar publication facts as JSON."""
    return [[work, when.isoformat(), source] for work, when, source in pubs]


def pubs_of(value: list[list[str]]) -> list[Pub]:
    """The publication facts of :func:`pubs_json`."""
    return [(work, date.fromisoformat(when), source) for work, when, source in value]


def fingerprint(
    corpus: Sequence[Text],
    bad: Sequence[Unreadable],
    pubs: Sequence[Pub],
    policy: PublicationPolicy,
    derivation: str,
) -> str:
    """SHA-256 of everything a build's result depends on: the texts (SHA-256
    and file name), the unreadable files, the publication facts, the policy
    and the derivation."""
    blob = {
        "texts": [[t.sha256, t.name] for t in corpus],
        "unreadable": sorted(b.path for b in bad),
        "pubs": pubs_json(pubs),
        "policy": policy_json(policy),
        "derivation": derivation,
    }
    return hashlib.sha256(json.dumps(blob, sort_keys=True).encode()).hexdigest()


def plan_basis(pubs: Sequence[Pub], policy: PublicationPolicy, derivation: str) -> str:
    """SHA-256 of what planning depends on besides the texts: the publication
    facts, the policy and the derivation (the graph's kept keys serve a build
    planning with the same, :func:`lexversion.app.ingest._selective`)."""
    blob = {"pubs": pubs_json(pubs), "policy": policy_json(policy), "derivation": derivation}
    return hashlib.sha256(json.dumps(blob, sort_keys=True).encode()).hexdigest()


def keep_parsed(
    w: GraphWriter, t: Text, summary: DocSummary, data: bytes, warnings: Sequence[str]
) -> None:
    """Store a text this build parsed: its bytes (once) and its summary, named
    by no file (a text's bytes may come under another name or path later: the
    summary is named when it is read back, :func:`summaries_of`)."""
    w.add_source(t.sha256, t.name, summary.lang, data)
    blob = pickle.dumps(replace(summary, source=""), protocol=pickle.HIGHEST_PROTOCOL)
    w.put_summary(t.sha256, blob, warnings)


def summaries_of(
    w: GraphWriter, corpus: Sequence[Text], add: Callable[[DocSummary, list[str]], None]
) -> None:
    """Hand ``add`` the stored summary of each text of ``corpus`` that has one
    (SHA-256 order), named by the text's path or file name, with its warnings."""
    where = {t.sha256: t.path or t.name for t in corpus}
    for sha, blob, warnings in w.summaries(sorted(where)):
        summary: DocSummary = pickle.loads(blob)
        add(replace(summary, source=where[sha]), warnings)


def portable(message: str, t: Text) -> str:
    """``message`` about text ``t`` with the path it starts with (if any) cut
    to the file name, as the store keeps it."""
    if t.path is not None and message.startswith(t.path):
        return t.name + message[len(t.path) :]
    return message


def parse_failures(w: GraphWriter, corpus: Sequence[Text]) -> list[tuple[str, str]]:
    """(path, one-line error) of the texts of ``corpus`` whose parse failed
    (kept in the store), in path order, each error naming the path again."""
    errors = w.parse_errors([t.sha256 for t in corpus])
    out = []
    for t in corpus:
        if t.sha256 in errors:
            where, msg = t.path or t.name, errors[t.sha256]
            if msg.startswith(t.name):
                msg = where + msg[len(t.name) :]
            out.append((where, msg))
    return sorted(out)


#: a text to render: (path or name, its stored bytes when no file is given, the
#: plans to render, its document as this build parsed it (:func:`pack`) or ``None``)
RenderJob = tuple[str, bytes | None, tuple[ExpressionPlan, ...], bytes | None]


def render_jobs(
    w: GraphWriter,
    plans: Sequence[ExpressionPlan],
    corpus: Sequence[Text],
    docs: DocumentSpool | None = None,
) -> list[RenderJob]:
    """The texts to render again, in file order, with the plans the store does
    not hold as planned: each with its stored bytes when no file is given (the
    worker reads a file's itself) and ``docs`` does not keep the document this
    build parsed from it. The document itself is not read here
    (:func:`with_document` reads it when the job is handed to a worker: the
    documents of a national corpus are half a gigabyte)."""
    done = w.stored(plans)
    by_sha: dict[str, list[ExpressionPlan]] = {}
    for plan in plans:
        if plan.uri not in done:
            by_sha.setdefault(plan.sha256, []).append(plan)
    texts = {t.sha256: t for t in corpus}
    jobs: list[RenderJob] = []
    for sha, ps in by_sha.items():
        t = texts[sha]
        name = t.path or t.name
        kept = docs is not None and (sha, name) in docs
        data = None if t.path is not None or kept else w.source_data(sha)
        jobs.append((name, data, tuple(ps), None))
    return sorted(jobs, key=lambda j: j[0])


def with_document(job: RenderJob, docs: DocumentSpool) -> RenderJob:
    """``job`` with the document ``docs`` keeps of its text (``None`` when it keeps none)."""
    name, data, plans, _ = job
    return (name, data, plans, docs.get(plans[0].sha256, name) if plans else None)


def pack(doc: Document) -> bytes:
    """``doc`` as bytes a :class:`DocumentSpool` keeps: pickled, then zlib level 1
    (a synthetic act's 15 kB pickle is 3.3 kB, made in 0.2 ms)."""
    return zlib.compress(pickle.dumps(doc, protocol=pickle.HIGHEST_PROTOCOL), 1)


def unpack(blob: bytes) -> Document:
    """The :class:`Document` :func:`pack` made ``blob`` of (0.4 ms for a
    synthetic act, against 5-9 ms to parse it). Only for bytes this build's own
    workers packed: unpickling runs code the bytes name."""
    doc: Document = pickle.loads(zlib.decompress(blob))
    return doc


class _Blobs:
    """Byte strings appended to an anonymous temporary file (gone when closed or
    when the process ends, even killed), read back by (offset, size); the file
    is made at the first :meth:`append`. What both spools keep their pickles in."""

    def __init__(self) -> None:
        self._file: Any = None

    def append(self, blob: bytes) -> tuple[int, int]:
        """Write ``blob`` at the end; returns where it is: (offset, size)."""
        if self._file is None:
            self._file = tempfile.TemporaryFile()  # noqa: SIM115 - lives until close()
        self._file.seek(0, os.SEEK_END)
        at = (self._file.tell(), len(blob))
        self._file.write(blob)
        return at

    def read(self, at: tuple[int, int]) -> bytes:
        """The bytes :meth:`append` put at ``at``."""
        self._file.seek(at[0])
        blob: bytes = self._file.read(at[1])
        return blob

    def close(self) -> None:
        """Remove the file."""
        if self._file is not None:
            self._file.close()
            self._file = None


class DocumentSpool:
    """The documents a build parsed, packed (:func:`pack`) into a temporary file,
    by SHA-256 and source name: rendering a text this build parsed to plan it
    reads its document back instead of parsing it again (a fresh build parsed
    every text twice, once to plan and once to render). Keyed by name too,
    since a document records the name it was parsed under (:class:`_Blobs`)."""

    def __init__(self) -> None:
        self._blobs = _Blobs()
        self._index: dict[tuple[str, str], tuple[int, int]] = {}

    def put(self, sha256: str, name: str, blob: bytes) -> None:
        """Keep ``blob`` (:func:`pack`) as the document of text ``sha256`` parsed as ``name``."""
        self._index[(sha256, name)] = self._blobs.append(blob)

    def get(self, sha256: str, name: str) -> bytes | None:
        """The packed document of text ``sha256`` parsed as ``name``; ``None`` when
        this build did not parse it."""
        at = self._index.get((sha256, name))
        return None if at is None else self._blobs.read(at)

    def __len__(self) -> int:
        return len(self._index)

    def __contains__(self, key: object) -> bool:
        """Whether the spool keeps the document of ``key``, a (SHA-256, name) pair."""
        return key in self._index

    def close(self) -> None:
        """Remove the temporary file."""
        self._blobs.close()
        self._index.clear()


class SummarySpool:
    """Document summaries kept on disk (pickled to a temporary file) and read
    back in SHA-256 order as often as the planner iterates, so planning a
    national corpus holds the graph, not the documents (issue 4: flat memory)."""

    def __init__(self) -> None:
        self._blobs = _Blobs()
        self._index: list[tuple[str, tuple[int, int]]] = []
        self._skipped: set[str] = set()

    def add(self, summary: DocSummary) -> None:
        """Append ``summary``."""
        blob = pickle.dumps(summary, protocol=pickle.HIGHEST_PROTOCOL)
        self._index.append((summary.sha256, self._blobs.append(blob)))

    def __len__(self) -> int:
        return len(self._index)

    def skip(self, sha256: str) -> None:
        """Leave summary ``sha256`` out of every later iteration."""
        self._skipped.add(sha256)

    def __iter__(self) -> Iterator[DocSummary]:
        for sha, at in sorted(self._index):
            if sha in self._skipped:
                continue
            summary: DocSummary = pickle.loads(self._blobs.read(at))
            yield summary

    def close(self) -> None:
        """Remove the temporary file."""
        self._blobs.close()


__all__ = [
    "DocumentSpool",
    "RenderJob",
    "SummarySpool",
    "Text",
    "Unreadable",
    "corpus_of",
    "fingerprint",
    "hash_files",
    "hash_files_cached",
    "keep_parsed",
    "pack",
    "parse_failures",
    "plan_basis",
    "policy_json",
    "policy_of",
    "portable",
    "pubs_json",
    "pubs_of",
    "read_hash",
    "render_jobs",
    "stat_of",
    "summaries_of",
    "unpack",
    "with_document",
]
