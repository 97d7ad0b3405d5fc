"""Commands that write the store from a corpus: ``build``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from lexversion.cli.common import DbOption, app, guard
from lexversion.i18n import N_


@app.command(
    help=N_(
        "Ingest a corpus directory into the store (works, expressions, events, effects, citations)."
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
) -> None:
    """Ingest a corpus directory into the store (works, expressions, events, effects, citations)."""
    from lexversion.app.ingest import build as run_build
    from lexversion.app.ingest import corpus_files
    from lexversion.store import open_store
    from lexversion.timeline.commencement import OBSERVED_LAGS, PublicationPolicy

    policy = (
        OBSERVED_LAGS
        if publication_lag is None
        else PublicationPolicy(f"lag-{publication_lag}-days", publication_lag, "--publication-lag")
    )

    def run() -> int:
        files = corpus_files(directory)
        store = open_store(db)
        if sys.stderr.isatty():
            from rich.progress import Progress

            with Progress(transient=True) as progress:
                task = progress.add_task("building", total=2 * len(files))
                report = run_build(
                    directory, store, lambda _: progress.advance(task), policy=policy
                )
        else:
            report = run_build(directory, store, policy=policy)
        for _name, msg in report.failed:
            typer.echo(f"lexversion: skipped {msg}", err=True)
        for name, msg in report.warnings:
            typer.echo(f"lexversion: warning: {name}: {msg}", err=True)
        w = report.write
        changed = (
            "no change"
            if w is None or not w.changed
            else ", ".join(f"{k} +{v}" for k, v in sorted(w.inserted.items()))
            + ("".join(f", {k} -{v}" for k, v in sorted(w.deleted.items())))
            + ("".join(f", {k} ~{v}" for k, v in sorted(w.updated.items())))
        )
        typer.echo(
            f"built {len(report.files) - len(report.failed)}/{len(report.files)} files: {report.works} works, "
            f"{report.stubs} stubs, {report.expressions} expressions, {report.effects} effects, "
            f"{report.citations} citations ({changed})"
        )
        return 1 if report.failed else 0

    code = guard(run)
    if code:
        raise typer.Exit(code)
