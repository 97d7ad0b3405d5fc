"""Ingest: corpus directory -> parsed documents -> version graph -> store.

Composes the steps of ARCHITECTURE.md. A file that cannot be read as a legal
act (empty, binary, undecodable, not an act) is reported and skipped; the
rest of the batch goes on. The graph is written in one transaction, so a
failure leaves the store as it was, and a second run over the same corpus
writes nothing.
"""

from __future__ import annotations

import gc
import json
import multiprocessing
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path
from typing import TypeVar

from lexversion.app import incremental as inc
from lexversion.app.incremental import SummarySpool
from lexversion.app.selective import plan_keys, plan_part
from lexversion.errors import InputError, PlanError, StoreError, UsageError
from lexversion.graph import plan_graph, render_plan, summarize
from lexversion.graph.failures import unidentified
from lexversion.i18n import gettext
from lexversion.model import DocSummary, ExpressionPlan, ExpressionRecord, Graph, WarningRecord
from lexversion.parse import parse
from lexversion.parse.provenance import derivation
from lexversion.render.warnings import warning_text
from lexversion.store.graphrows import derived_fingerprint
from lexversion.store.repository import Store, WriteReport
from lexversion.store.writer import GraphWriter
from lexversion.text.decode import decode
from lexversion.timeline.commencement import OBSERVED_LAGS, PublicationPolicy

SKIP_SUFFIXES = {".json", ".md", ".yaml", ".yml"}
SIDECAR = "metadata.json"


@dataclass(frozen=True)
class SidecarFact:
    """A fact from ``corpus/metadata.json``: the work as written, kind, date, source."""

    work: str
    kind: str
    date: date
    source: str


def read_sidecar(directory: Path) -> list[SidecarFact]:
    """Facts of ``directory/metadata.json`` (none when the file is absent).

    The file is validated against ``schemas/corpus-metadata.schema.json``;
    raises :class:`UsageError` naming the file and the first problem.
    """
    path = directory / SIDECAR
    if not path.is_file():
        return []
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import best_match

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, OSError) as exc:
        raise UsageError(
            gettext("{path}: not readable JSON: {why}").format(path=path, why=exc)
        ) from None
    schema = json.loads(
        (resources.files("lexversion") / "schemas" / "corpus-metadata.schema.json").read_text(
            "utf-8"
        )
    )
    error = best_match(Draft202012Validator(schema).iter_errors(data))
    if error is not None:
        where = "/".join(str(p) for p in error.absolute_path) or "(top)"
        raise UsageError(f"{path}: {where}: {error.message}")
    return [
        SidecarFact(f["work"], f["kind"], date.fromisoformat(f["date"]), f["source"])
        for f in data["facts"]
    ]


@dataclass
class BuildReport:
    """What a build did: files read, files rejected (name, message), the
    graph's size and the rows written."""

    files: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    works: int = 0
    stubs: int = 0
    expressions: int = 0
    effects: int = 0
    citations: int = 0
    indexed: int = 0
    write: WriteReport | None = None


def corpus_files(directory: Path) -> list[Path]:
    """The corpus files of ``directory``, sorted; sidecars and hidden files
    skipped (:func:`corpus_paths` as Path objects)."""
    return [Path(p) for p in corpus_paths(directory)]


def corpus_paths(directory: Path) -> list[str]:
    """The paths of the corpus files of ``directory`` (``str(directory / name)``),
    sorted by name; sidecars and hidden files skipped.

    Raises :class:`UsageError` (exit 2) when ``directory`` is missing, not a
    directory, or holds no file to build (building nothing is never what was
    meant: the store is left as it is). Names, not Path objects
    (issue 15: making and comparing 100,000 of them took seconds of a
    no-change build): sorted by name, the order of the Paths of one directory;
    ``os.path.splitext`` gives the suffix ``Path.suffix`` gives for every name
    not starting with a dot; scandir's entries know their type without a stat.
    """
    if not directory.exists():
        raise UsageError(gettext("{directory}: no such directory").format(directory=directory))
    if not directory.is_dir():
        raise UsageError(gettext("{directory}: not a directory").format(directory=directory))
    with os.scandir(directory) as entries:
        names = sorted(
            e.name
            for e in entries
            if e.is_file()
            and not e.name.startswith(".")
            and os.path.splitext(e.name)[1] not in SKIP_SUFFIXES
        )
    if not names:
        raise UsageError(
            gettext("{directory}: no files to build (the folder is empty)").format(
                directory=directory
            )
        )
    where = os.path.join(str(directory), "")  # with its separator
    return [where + name for name in names]


#: below this many files the build stays in one process (a pool costs more than it saves)
PARALLEL_MIN = 64
#: files handed to the pool at a time: bounds the results waiting in memory
WINDOW = 256
#: expressions to index from which their provisions are read on a process pool
PARALLEL_INDEX = 1000

T = TypeVar("T")
R = TypeVar("R")


def _problem(exc: BaseException) -> str:
    """An unexpected exception as one line: its class and its message's first line."""
    first = (str(exc).splitlines() or [""])[0]
    return f"{exc.__class__.__name__}: {first}" if first else exc.__class__.__name__


#: what a worker's parse of one text gives: (name, summary, raw bytes, error,
#: warnings, the document packed for rendering: :func:`~lexversion.app.incremental.pack`)
Parsed = tuple[str, DocSummary | None, bytes | None, str | None, tuple[str, ...], bytes | None]


def _summarize(job: tuple[str, bytes | None]) -> Parsed:
    """Worker: parse one text (path, and its bytes when the store gave them, else
    read from the path) into (name, summary, raw bytes, error, warnings, packed
    document: rendering this text's expressions later in the build reads it
    instead of parsing again).

    The file's boundary (issue 16): whatever goes wrong in reading, parsing or
    summarising it becomes the error of this file, never the build's; so does a
    text whose act cannot be a work (:func:`lexversion.graph.failures.unidentified`).
    """
    path, given = job
    try:
        data = Path(path).read_bytes() if given is None else given
        doc = parse(data, path)
        summary = summarize(doc)
    except InputError as exc:
        return path, None, None, exc.message, (), None
    except OSError as exc:
        return path, None, None, f"{path}: cannot read: {exc.strerror}", (), None
    except Exception as exc:  # a file's boundary: one bad file never ends the build
        return path, None, None, f"{path}: cannot be parsed: {_problem(exc)}", (), None
    problem = unidentified(summary)
    if problem is not None:
        return path, None, None, f"{path}: {problem}", (), None
    return path, summary, data, None, doc.warnings, inc.pack(doc)


def _render(job: inc.RenderJob) -> tuple[list[ExpressionRecord], str | None]:
    """Worker: render one text's planned expressions (:data:`~lexversion.app.incremental.RenderJob`)
    from the document this build parsed from it, else from a parse of its
    stored bytes or, when ``None``, of its file; returns the records, or none
    and the one-line error when that fails (the file's boundary, as in :func:`_summarize`)."""
    path, given, plans, packed = job
    try:
        if packed is not None:
            doc = inc.unpack(packed)
        else:
            doc = parse(Path(path).read_bytes() if given is None else given, path)
        return [p.record(render_plan(doc, p)) for p in plans], None
    except InputError as exc:
        return [], exc.message
    except OSError as exc:
        return [], f"{path}: cannot read: {exc.strerror}"
    except Exception as exc:  # a file's boundary: one bad file never ends the build
        return [], f"{path}: cannot be rendered: {_problem(exc)}"


def plan_corpus(
    summaries: SummarySpool,
    pubs: Sequence[tuple[str, date, str]],
    report: BuildReport,
    forget: Callable[[str], None],
    policy: PublicationPolicy = OBSERVED_LAGS,
    read_text: Callable[[str], str | None] | None = None,
) -> tuple[Graph, list[ExpressionPlan], str]:
    """Plan the graph of ``summaries`` (:func:`lexversion.graph.plan_graph`) and
    fingerprint its derived rows, skipping the texts planning fails on: each
    :class:`~lexversion.errors.PlanError` names its texts, which go to
    ``report.failed`` (one line each, naming every text involved), are left out
    of ``summaries`` and ``forget`` (their stored sources), and the rest is
    planned again; ``read_text`` gives the texts planning compares (copies of
    one text). Returns (graph, expression plans, derived fingerprint);
    raises a :class:`PlanError` that names no text (the build fails, exit 1)."""
    while True:
        try:
            graph, plans = plan_graph(summaries, pubs, policy, read_text)
            return graph, plans, derived_fingerprint(graph)
        except PlanError as exc:
            if not exc.shas:
                raise  # names no text: nothing to skip, planning again would fail again
            for name, sha in zip(exc.files, exc.shas, strict=True):
                summaries.skip(sha)
                forget(sha)
                report.failed.append((name, exc.message))


def _text_reader(
    source_bytes: Callable[[str], bytes], path_of: dict[str, str]
) -> Callable[[str], str | None]:
    """The text of a stored corpus file by SHA-256, decoded as parsing decodes
    it (``None`` when the store lacks it, ``source_bytes`` giving no bytes): what planning compares to tell a
    copy of a text from a different text, read only for those."""

    def read_text(sha: str) -> str | None:
        data = source_bytes(sha)
        return decode(data, path_of.get(sha, sha), 0) if data else None

    return read_text


def _planned(
    summaries: SummarySpool,
    pubs: Sequence[tuple[str, date, str]],
    report: BuildReport,
    w: GraphWriter,
    policy: PublicationPolicy,
    path_of: dict[str, str],
) -> tuple[Graph, list[ExpressionPlan], str]:
    """:func:`plan_corpus` inside build's writer ``w`` (texts compared are read
    from its sources), the graph's warnings about texts added to ``report``."""
    read_text = _text_reader(w.source_data, path_of)
    planned = plan_corpus(summaries, pubs, report, w.forget_source, policy, read_text)
    report.warnings.extend(text_warnings(planned[0].warnings, path_of))
    return planned


def text_warnings(
    warnings: Iterable[WarningRecord], path_of: dict[str, str]
) -> list[tuple[str, str]]:
    """A graph's warnings about the works' texts as (file, message) lines of
    ``build``'s output (issue 13, items 2 and 9): copies stored once, two
    different texts of one version, texts lacking a change. An effect the
    text disagrees with is the text's own parse warning, said already."""
    return [
        (path_of.get(w.source or "", w.work), f"{w.expression or w.work}: {warning_text(w)}")
        for w in warnings
        if w.code != "effect_text_mismatch"
    ]


def start_worker() -> None:
    """Prepare a process to parse many files (the initializer of a build worker): load the spaCy pipelines and matchers of both
    languages, then move everything alive into the garbage collector's permanent
    generation (``gc.freeze``). The ~350,000 objects of the loaded pipelines live as
    long as the worker, and a full collection walked them all (150-200 ms each, a
    few times a minute of parsing); frozen, they are never walked again. Process
    policy: :func:`build` runs it in its worker processes only, never in the
    caller's."""
    from lexversion.parse.citations import warm

    warm()
    gc.collect()
    gc.freeze()


def _mapped(
    fn: Callable[[T], R],
    items: Sequence[T],
    workers: int,
    ready: Callable[[T], T] | None = None,
) -> Iterator[R]:
    """``fn`` over ``items`` in order, on ``workers`` processes when it pays;
    ``ready`` completes each item just before it is handed over (a window of
    :data:`WINDOW` at a time: what it reads is never held for all items)."""
    prepare: Callable[[T], T] = ready or _same
    if workers <= 1 or len(items) < PARALLEL_MIN:
        yield from (fn(prepare(x)) for x in items)
        return
    with _pool(workers, start_worker) as pool:
        for k in range(0, len(items), WINDOW):
            yield from pool.map(fn, [prepare(x) for x in items[k : k + WINDOW]], chunksize=8)


def _pool(workers: int, initializer: Callable[[], None] | None = None) -> ProcessPoolExecutor:
    """A pool of ``workers`` processes, spawned, not forked: a worker started from
    the planner would inherit its memory (the graph of a national corpus) and
    count it again."""
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=initializer,
    )


def _same(x: T) -> T:
    """``x`` itself (:func:`_mapped` with nothing to complete)."""
    return x


def build(
    directory: Path,
    store: Store,
    tick: Callable[[str], None] | None = None,
    workers: int | None = None,
    policy: PublicationPolicy = OBSERVED_LAGS,
    prune: bool = True,
    paths: Sequence[str] | None = None,
) -> BuildReport:
    """Ingest ``directory`` into ``store``; returns a :class:`BuildReport`.
    ``paths``: its :func:`corpus_paths` when the caller listed them already
    (a national directory is listed once).

    The corpus is the directory's files (``prune``, the default: the texts of
    files no longer there are removed from the store with what they alone
    contributed), or those and the texts the store holds already (``prune``
    false, ``build --keep``). Incremental (issue 15, :mod:`lexversion.app.incremental`): a
    file whose bytes the store holds is not parsed again, an unchanged corpus
    writes nothing, and the result is that of a fresh build of the corpus.
    Streams (issue 4, national scale): files are parsed on ``workers``
    processes (default: every core) into small summaries kept in the store;
    the graph is planned from the summaries; then those of a text's expressions
    the store does not hold as planned, or holds as other tools derived them
    (:mod:`lexversion.parse.provenance`), are rendered from the document this
    build parsed (kept packed on disk: :class:`~lexversion.app.incremental.DocumentSpool`),
    or from a parse of the text when an earlier build parsed it.
    A file that cannot be parsed, planned or rendered is reported in
    ``failed`` with one line naming it and skipped; the rest is built (issue 16).
    ``policy``: how publication dates nothing states are assumed
    (:class:`PublicationPolicy`). Everything is one transaction. Raises
    :class:`UsageError` for a missing directory or a bad sidecar and
    :class:`~lexversion.errors.StoreError` if the store cannot be written
    (nothing is written then).
    """
    sidecar = read_sidecar(directory) if directory.is_dir() else []
    files = list(paths) if paths is not None else corpus_paths(directory)
    pubs = [(f.work, f.date, f.source) for f in sidecar if f.kind == "publication"]
    return run_build(BuildInput(files, pubs, policy, prune), store, tick, workers)


def add(
    files: Sequence[Path],
    store: Store,
    tick: Callable[[str], None] | None = None,
    workers: int | None = None,
) -> BuildReport:
    """Ingest ``files`` into ``store`` beside the texts it holds (``lexversion
    add``), planning with the sidecar facts and publication policy of the last
    build; returns a :class:`BuildReport`. Raises :class:`UsageError` naming a
    file that does not exist or is not a file (exit 2),
    :class:`~lexversion.errors.StoreError` (exit 4) for a store no build of
    this version made or that cannot be written."""
    for f in files:
        if not f.exists():
            raise UsageError(gettext("{path}: no such file").format(path=f))
        if not f.is_file():
            raise UsageError(gettext("{path}: not a file").format(path=f))
    return run_build(BuildInput([str(f) for f in files], None, None, False), store, tick, workers)


@dataclass(frozen=True)
class BuildInput:
    """What a build is asked: the ``paths`` of the files given, the sidecar's
    publication facts ``pubs`` and the ``policy`` (``None``: the last build's),
    and whether the corpus is those files alone (``prune``)."""

    paths: list[str]
    pubs: list[tuple[str, date, str]] | None
    policy: PublicationPolicy | None
    prune: bool


def run_build(
    asked: BuildInput,
    store: Store,
    tick: Callable[[str], None] | None = None,
    workers: int | None = None,
) -> BuildReport:
    """The build of :func:`build` and :func:`add` (see there)."""
    report = BuildReport(files=list(asked.paths))
    derived_by = derivation()
    with store.writer() as w:
        given, bad = _hash(w, asked)
        report.failed += [(b.path, b.error) for b in bad]
        w.set_derivation(derived_by.fingerprint, derived_by.to_json())
        if asked.pubs is None and w.get_input("policy") is None:
            where = store.engine.url.render_as_string(hide_password=True)
            raise StoreError(
                gettext(
                    "store {where}: no build of this version made it (add plans as the "
                    "last build did); run lexversion build first"
                ).format(where=where)
            )
        stored_pubs, stored_policy = w.get_input("sidecar"), w.get_input("policy")
        pubs = asked.pubs if asked.pubs is not None else inc.pubs_of(stored_pubs or [])
        policy = asked.policy or (inc.policy_of(stored_policy) if stored_policy else OBSERVED_LAGS)
        stored = w.source_names()
        corpus = inc.corpus_of(given, stored, keep=not asked.prune)
        fp = inc.fingerprint(corpus, bad, pubs, policy, derived_by.fingerprint)
        if w.get_input("corpus") == fp:
            _unchanged(w, corpus, report)
            return report
        docs = inc.DocumentSpool()
        try:
            _update(w, corpus, given, stored, asked.prune, report, tick, workers, docs)
            known = len(report.failed)  # unreadable files, failed parses: kept, not tried again
            renamed = {t.sha256 for t in given if stored.get(t.sha256, t.name) != t.name}
            _plan_and_write(w, corpus, pubs, policy, report, tick, workers, renamed, docs)
        finally:
            docs.close()
        w.set_input("sidecar", inc.pubs_json(pubs))
        w.set_input("policy", inc.policy_json(policy))
        # a text planning or rendering failed on is tried again by the next build
        w.set_input("corpus", None if len(report.failed) > known else fp)
    report.write = WriteReport(w.inserted, w.updated, w.deleted, w.kept)
    _sync_search(store, report, workers)
    return report


def _hash(w: GraphWriter, asked: BuildInput) -> tuple[list[inc.Text], list[inc.Unreadable]]:
    """The texts of the files ``asked`` names and those that cannot be read,
    reading only the files whose stat changed since the store saw them
    (:func:`~lexversion.app.incremental.hash_files_cached`; every file with
    ``LEXVERSION_REHASH=1``); keeps what it saw for the next build (a
    ``prune`` build forgets the paths it was not given)."""
    now = time.time_ns()
    rehash = os.environ.get(inc.REHASH_ENV) == "1"
    known = {} if rehash else w.stats.known(None if asked.prune else asked.paths)
    given, bad, seen = inc.hash_files_cached(asked.paths, known, now)
    if asked.prune:
        w.stats.drop(set(known) - set(asked.paths))
    w.stats.put(seen)
    return given, bad


def _unchanged(w: GraphWriter, corpus: list[inc.Text], report: BuildReport) -> None:
    """Fill ``report`` for a build that found its corpus unchanged: the graph's
    size as stored, the files whose parse failed and the warnings the parses
    of the files named gave, and the graph's warnings about texts as stored."""
    report.failed += inc.parse_failures(w, corpus)
    where = {t.sha256: t.path for t in corpus if t.path is not None}
    for key, n in w.tallies().items():
        setattr(report, key, n)
    report.warnings = [(where[sha], x) for sha, x in w.parse_warnings(sorted(where))]
    names = {t.sha256: t.path or t.name for t in corpus}
    report.warnings += text_warnings(w.stored_warnings(), names)
    report.write = WriteReport({}, {}, {}, [])


def _update(
    w: GraphWriter,
    corpus: list[inc.Text],
    given: list[inc.Text],
    stored: dict[str, str],
    prune: bool,
    report: BuildReport,
    tick: Callable[[str], None] | None,
    workers: int | None,
    docs: inc.DocumentSpool,
) -> None:
    """Bring the store's texts to ``corpus``: file names as given, texts not in
    it removed (``prune``), texts without a summary of this derivation parsed
    (only those: spaCy and the dictionaries load only then) and kept, or their
    parse's error kept (not parsed again either), and the documents parsed put
    in ``docs`` for rendering; every parse error of the corpus goes to
    ``report.failed``."""
    for t in given:
        if t.sha256 in stored and stored[t.sha256] != t.name:
            w.rename_source(t.sha256, t.name)
    if prune:
        w.drop_sources(set(stored) - {t.sha256 for t in corpus})
        w.drop_summaries_not_in({t.sha256 for t in corpus})
    have = w.summarized()
    todo = sorted((t for t in corpus if t.sha256 not in have), key=lambda t: t.path or t.name)
    jobs = [(t.path or t.name, None if t.path else w.source_data(t.sha256)) for t in todo]
    n = workers or os.cpu_count() or 1
    for t, (name, summary, data, error, warnings, packed) in zip(
        todo, _mapped(_summarize, jobs, n), strict=True
    ):
        if summary is None or data is None:
            w.drop_sources([t.sha256])  # a fresh build would not hold it
            w.put_summary(t.sha256, b"", (), inc.portable(error or f"{name}: unreadable", t))
        else:
            inc.keep_parsed(w, t, summary, data, warnings)
            if packed is not None:
                docs.put(t.sha256, name, packed)
        if tick:
            tick(name)
    report.failed += inc.parse_failures(w, corpus)


def _plan_and_write(
    w: GraphWriter,
    corpus: list[inc.Text],
    pubs: list[tuple[str, date, str]],
    policy: PublicationPolicy,
    report: BuildReport,
    tick: Callable[[str], None] | None,
    workers: int | None,
    renamed: set[str],
    docs: inc.DocumentSpool,
) -> None:
    """Plan the graph of ``corpus`` from the stored summaries and write it:
    works, derived rows by group, expressions not held as planned (rendered),
    and the removal of expressions and works no longer derived. Only the texts
    connected to what changed are planned (:func:`plan_part`; ``renamed``: texts
    whose file name changed) when the store
    keeps the keys of a build planned with the same sidecar, policy and
    derivation; else the whole corpus."""
    w.flush()
    basis = inc.plan_basis(pubs, policy, w.derivation or "")
    path_of = {t.sha256: t.path or t.name for t in corpus}
    if w.get_input("planned") == basis and plan_part(
        w,
        corpus,
        lambda spool: _planned(spool, pubs, report, w, policy, path_of)[:2],
        lambda plans: _render_all(w, plans, corpus, report, tick, workers, docs),
        renamed,
    ):
        _report_stored(w, corpus, report)
        return
    summaries = SummarySpool()
    given = {t.sha256 for t in corpus if t.path is not None}

    def keep(summary: DocSummary, warnings: list[str]) -> None:
        summaries.add(summary)
        if summary.sha256 in given:  # the warnings of the files named, not of the whole store
            report.warnings.extend((summary.source, x) for x in warnings)

    inc.summaries_of(w, corpus, keep)
    graph, plans, fingerprint = _planned(summaries, pubs, report, w, policy, path_of)
    w.put_works(graph.works.values())
    w.put_derived(graph, fingerprint)
    unrendered = _render_all(w, plans, corpus, report, tick, workers, docs)
    w.drop_expressions_not_in({p.uri for p in plans} - unrendered)
    w.drop_works_not_in(set(graph.works))
    w.keys.clear()
    w.keys.put(plan_keys(summaries, graph), fresh=True)
    w.set_input("planned", basis)
    report.citations = len(graph.citations)
    summaries.close()
    report.works = sum(1 for x in graph.works.values() if not x.stub)
    report.stubs = sum(1 for x in graph.works.values() if x.stub)
    report.expressions = len(plans)
    report.effects = len(graph.effects)


def _render_all(
    w: GraphWriter,
    plans: list[ExpressionPlan],
    corpus: list[inc.Text],
    report: BuildReport,
    tick: Callable[[str], None] | None,
    workers: int | None,
    docs: inc.DocumentSpool,
) -> set[str]:
    """Render the ``plans`` the store does not hold as planned and write them
    (from the documents ``docs`` keeps, else parsing their texts again);
    returns the URIs of those that failed (their texts go to ``report.failed``)."""
    jobs = inc.render_jobs(w, plans, corpus, docs)
    unrendered: set[str] = set()
    n = workers or os.cpu_count() or 1
    results = _mapped(_render, jobs, n, ready=lambda job: inc.with_document(job, docs))
    for (name, _, ps, _), (records, error) in zip(jobs, results, strict=True):
        if error is not None:
            report.failed.append((name, error))
            unrendered.update(p.uri for p in ps)
        for rec in records:
            w.add_expression(rec)
        if tick:
            tick(name)
    return unrendered


def _report_stored(w: GraphWriter, corpus: list[inc.Text], report: BuildReport) -> None:
    """Fill ``report``'s graph size and warnings from the store as written."""
    for key, n in w.tallies().items():
        setattr(report, key, n)
    where = {t.sha256: t.path for t in corpus if t.path is not None}
    report.warnings = [(where[sha], x) for sha, x in w.parse_warnings(sorted(where))]
    names = {t.sha256: t.path or t.name for t in corpus}
    report.warnings += text_warnings(w.stored_warnings(), names)


def _sync_search(store: Store, report: BuildReport, workers: int | None = None) -> None:
    """Bring the provision search index (lexversion serve) to the committed store:
    the provisions of at least :data:`PARALLEL_INDEX` expressions not yet indexed
    are read on ``workers`` processes (default: every core) while this one writes."""
    from sqlalchemy.exc import SQLAlchemyError

    from lexversion.store.search import index_counts, sync_search_index

    try:
        counts = index_counts(store)
        n = workers or os.cpu_count() or 1
        if n <= 1 or counts.stored - counts.indexed < PARALLEL_INDEX:
            report.indexed = sync_search_index(store)
            return
        with _pool(n) as pool:  # no spaCy: reading provisions needs lxml and the stemmers only
            report.indexed = sync_search_index(
                store, mapper=lambda fn, items: pool.map(fn, items, chunksize=16)
            )
    except SQLAlchemyError as exc:
        raise StoreError(
            f"search index: {exc.__class__.__name__}: {str(exc).splitlines()[0]}"
        ) from exc
