"""Ingest: corpus directory -> parsed documents -> version graph -> store.

Composes the steps of ARCHITECTURE.md. A file that cannot be read as a legal
act (empty, binary, undecodable, not an act) is reported and skipped; the
rest of the batch goes on. The graph is written in one transaction, so a
failure leaves the store as it was, and a second run over the same corpus
writes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from lexversion.errors import InputError, UsageError
from lexversion.graph import Graph, build_graph
from lexversion.parse import Document, parse
from lexversion.store.repository import SourceFile, Store, WriteReport

SKIP_SUFFIXES = {".json", ".md", ".yaml", ".yml"}


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
    write: WriteReport | None = None


def corpus_files(directory: Path) -> list[Path]:
    """The corpus files of ``directory``, sorted; sidecars and hidden files skipped.

    Raises :class:`UsageError` when ``directory`` is not a directory.
    """
    if not directory.is_dir():
        raise UsageError(f"{directory}: not a directory")
    return sorted(
        p
        for p in directory.iterdir()
        if p.is_file() and not p.name.startswith(".") and p.suffix not in SKIP_SUFFIXES
    )


def parse_files(
    paths: Sequence[Path], report: BuildReport, tick: Callable[[str], None] | None = None
) -> list[tuple[Document, bytes]]:
    """Parse ``paths``; record failures and warnings in ``report``."""
    out: list[tuple[Document, bytes]] = []
    for path in paths:
        name = str(path)
        report.files.append(name)
        try:
            data = path.read_bytes()
            doc = parse(data, name)
        except InputError as exc:
            report.failed.append((name, exc.message))
        except OSError as exc:
            report.failed.append((name, f"{name}: cannot read: {exc.strerror}"))
        else:
            out.append((doc, data))
            report.warnings.extend((name, w) for w in doc.warnings)
        if tick:
            tick(name)
    return out


def build(directory: Path, store: Store, tick: Callable[[str], None] | None = None) -> BuildReport:
    """Ingest ``directory`` into ``store``; returns a :class:`BuildReport`.

    Raises :class:`UsageError` for a missing directory and
    :class:`~lexversion.errors.StoreError` if the store cannot be written
    (nothing is written then).
    """
    report = BuildReport()
    parsed = parse_files(corpus_files(directory), report, tick)
    graph: Graph = build_graph([d for d, _ in parsed])
    sources = [SourceFile(d.sha256, Path(d.source).name, d.meta.lang, data) for d, data in parsed]
    report.write = store.write(graph, sources)
    report.works = sum(1 for w in graph.works.values() if not w.stub)
    report.stubs = sum(1 for w in graph.works.values() if w.stub)
    report.expressions = len(graph.expressions)
    report.effects = len(graph.effects)
    report.citations = len(graph.citations)
    return report
