"""Commands writing what the store holds in another form: ``export git``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from lexversion.cli.common import DbOption, UiLangOption, app, guard, in_ui
from lexversion.errors import UsageError
from lexversion.i18n import N_, gettext

export_app = typer.Typer(
    help=N_("Write what the store holds in another form (a git repository of each act's history)."),
    no_args_is_help=True,
)
app.add_typer(export_app, name="export")


@export_app.command(
    "git", help=N_("A git repository with one commit per expression, dated when its text applies.")
)
def export_git_cmd(
    args: Annotated[
        list[str],
        typer.Argument(
            help=N_(
                "WORK DIR (a work's FRBR URI or citation, then a new folder), or DIR with --all."
            ),
            show_default=False,
        ),
    ],
    every: Annotated[
        bool, typer.Option("--all", help=N_("Every work of the store, in one history."))
    ] = False,
    db: DbOption = None,
    ui_lang: UiLangOption = None,
) -> None:
    """A git repository with one commit per expression, dated when its text applies."""
    from lexversion.app.git_export import export_history

    def run() -> None:
        if len(args) != (1 if every else 2):
            raise UsageError(gettext("export git: give WORK DIR, or --all DIR"))
        result = export_history(db, [] if every else args[:1], Path(args[-1]))
        typer.echo(result.summary())

    with in_ui(ui_lang):
        guard(run)
