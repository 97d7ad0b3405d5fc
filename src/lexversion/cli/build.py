"""Commands that write the store from a corpus: ``build`` and ``add``."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer

from lexversion.cli.common import DbOption, UiLangOption, app, guard, in_ui
from lexversion.i18n import N_, gettext

if TYPE_CHECKING:
    from lexversion.app.ingest import BuildReport
    from lexversion.timeline.commencement import PublicationPolicy

T = TypeVar("T")

#: what the store's rows are, in the reader's words (the summary's changes)
ROWS = {
    "works": N_("works"),
    "expressions": N_("expressions"),
    "effects": N_("effects"),
    "events": N_("events"),
    "citations": N_("citations"),
    "sources": N_("sources"),
    "warnings": N_("warnings"),
    "derivations": N_("derivations"),
}


def _rows(name: str) -> str:
    """The reader's word for the store's rows ``name`` (unlisted: as it is)."""
    return gettext(ROWS[name]) if name in ROWS else name


def _policy(publication_lag: int | None) -> PublicationPolicy:
    """The publication policy ``--publication-lag`` names (none: the observed lags)."""
    from lexversion.timeline.commencement import OBSERVED_LAGS, PublicationPolicy

    if publication_lag is None:
        return OBSERVED_LAGS
    return PublicationPolicy(f"lag-{publication_lag}-days", publication_lag, "--publication-lag")


def _report_build(report: BuildReport) -> int:
    """Print a build's skipped files, warnings and summary line; its exit code.
    The parse's warnings are said in the reader's language, provisions by their
    labels (:func:`~lexversion.render.parse_warnings.parse_warning_text`)."""
    for _name, msg in report.failed:
        typer.echo("lexversion: " + gettext("skipped {what}").format(what=msg), err=True)
    from lexversion.render.parse_warnings import parse_warning_text

    for name, msg in report.warnings:
        said = f"{name}: {parse_warning_text(msg)}"
        typer.echo("lexversion: " + gettext("warning: {what}").format(what=said), err=True)
    w = report.write
    changed = (
        gettext("no change")
        if w is None or not w.changed
        else ", ".join(f"{_rows(k)} +{v}" for k, v in sorted(w.inserted.items()))
        + ("".join(f", {_rows(k)} -{v}" for k, v in sorted(w.deleted.items())))
        + ("".join(f", {_rows(k)} ~{v}" for k, v in sorted(w.updated.items())))
    )
    typer.echo(
        gettext(
            "built {ok}/{total} files: {works} works, {stubs} stubs, {expressions} "
            "expressions, {effects} effects, {citations} citations ({changed})"
        ).format(
            ok=len(report.files) - len(report.failed),
            total=len(report.files),
            works=report.works,
            stubs=report.stubs,
            expressions=report.expressions,
            effects=report.effects,
            citations=report.citations,
            changed=changed,
        )
    )
    return 1 if report.failed else 0


def _with_progress(total: int, run: Callable[[Callable[[str], None] | None], T]) -> T:
    """``run(tick)`` with a progress bar of ``total`` steps on a terminal."""
    if not sys.stderr.isatty():
        return run(None)
    from rich.progress import Progress

    with Progress(transient=True) as progress:
        task = progress.add_task("building", total=total)
        return run(lambda _: progress.advance(task))


@app.command(
    help=N_(
        "Ingest a corpus directory into the store (works, expressions, events, effects, "
        "citations). Incremental: files whose bytes the store holds are not parsed again, "
        "and only what changed is written; the result is that of a fresh build of the "
        "directory (with --keep: of the directory and the texts the store holds)."
    )
)
def build(
    directory: Annotated[Path, typer.Argument(help=N_("Corpus directory."))] = Path("corpus"),
    db: DbOption = None,
    publication_lag: Annotated[
        int | None,
        typer.Option(
            min=0,
            help=N_(
                "Assume an unstated first publication within DAYS days after registration "
                "(default: the observed-lags policy, 266 days, the longest lag the corpus states)."
            ),
        ),
    ] = None,
    prune: Annotated[
        bool,
        typer.Option(
            "--prune/--keep",
            help=N_(
                "--prune (default): the directory is the whole corpus; the texts of files "
                "no longer in it go from the store with all they alone contributed. --keep: "
                "the texts the store holds stay, planned with the directory's."
            ),
        ),
    ] = True,
    ui_lang: UiLangOption = None,
) -> None:
    """Ingest a corpus directory into the store, incrementally."""
    from lexversion.app.ingest import build as run_build
    from lexversion.app.ingest import corpus_paths
    from lexversion.store import open_store

    def run() -> int:
        files = corpus_paths(directory)
        store = open_store(db)
        report = _with_progress(
            2 * len(files),
            lambda tick: run_build(
                directory, store, tick, policy=_policy(publication_lag), prune=prune, paths=files
            ),
        )
        return _report_build(report)

    with in_ui(ui_lang):
        code = guard(run)
    if code:
        raise typer.Exit(code)


@app.command(
    help=N_(
        "Add a few acts to a built store without naming the whole corpus directory. "
        "The store's texts and the new files are planned together, with the sidecar "
        "facts and publication policy of the last build; only the new files are parsed."
    )
)
def add(
    files: Annotated[list[Path], typer.Argument(help=N_("Corpus files (acts) to add."))],
    db: DbOption = None,
    ui_lang: UiLangOption = None,
) -> None:
    """Add a few acts to a built store."""
    from lexversion.app.ingest import add as run_add
    from lexversion.store import open_store

    def run() -> int:
        store = open_store(db, create=False)
        report = _with_progress(2 * len(files), lambda tick: run_add(files, store, tick))
        return _report_build(report)

    with in_ui(ui_lang):
        code = guard(run)
    if code:
        raise typer.Exit(code)
