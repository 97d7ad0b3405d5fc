"""Ingest: corpus directory -> parsed documents -> version graph -> store.

Composes the steps of ARCHITECTURE.md. A file that cannot be read as a legal
act (empty, binary, undecodable, not an act) is reported and skipped; the
rest of the batch goes on. The graph is written in one transaction, so a
failure leaves the store as it was, and a second run over the same corpus
writes nothing.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path

from lexversion.errors import InputError, UsageError
from lexversion.graph import Graph, build_graph
from lexversion.parse import Document, parse
from lexversion.store.repository import SourceFile, Store, WriteReport

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
        raise UsageError(f"{path}: not readable JSON: {exc}") from None
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
    sidecar = read_sidecar(directory) if directory.is_dir() else []
    parsed = parse_files(corpus_files(directory), report, tick)
    graph: Graph = build_graph(
        [d for d, _ in parsed],
        [(f.work, f.date, f.source) for f in sidecar if f.kind == "publication"],
    )
    sources = [SourceFile(d.sha256, Path(d.source).name, d.meta.lang, data) for d, data in parsed]
    report.write = store.write(graph, sources)
    report.works = sum(1 for w in graph.works.values() if not w.stub)
    report.stubs = sum(1 for w in graph.works.values() if w.stub)
    report.expressions = len(graph.expressions)
    report.effects = len(graph.effects)
    report.citations = len(graph.citations)
    return report
