"""Commands that read one work from the store: ``show``, ``history``, ``diff``, ``pdf``."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from lexversion.cli.common import (
    DbOption,
    Lang,
    ShowFormat,
    TextJson,
    UiLangOption,
    app,
    as_of_day,
    dump,
    emit,
    guard,
    in_ui,
)
from lexversion.i18n import N_


@app.command(help=N_("The text of a work in force on a date, with its status and certainty."))
def show(
    work: Annotated[
        str,
        typer.Argument(
            help=N_(
                "FRBR work URI (optionally with :DATE or @DATE) or a citation in Kazakh or Russian."
            )
        ),
    ],
    as_of: Annotated[
        str | None, typer.Option("--as-of", help=N_("Date YYYY-MM-DD or DD.MM.YYYY (or 'today')."))
    ] = None,
    lang: Annotated[
        Lang | None,
        typer.Option("--lang", help=N_("The text's language: kk or ru (default: the first held).")),
    ] = None,
    fmt: Annotated[
        ShowFormat,
        typer.Option("--format", "-f", help=N_("Output: text, HTML, Akoma Ntoso XML or JSON.")),
    ] = ShowFormat.text,
    db: DbOption = None,
    ui_lang: UiLangOption = None,
) -> None:
    """The text of a work in force on a date, with its status and certainty."""
    from lexversion.app.query import show as run_show

    def run() -> None:
        when = as_of_day(as_of) if as_of else None
        result = run_show(db, work, when, lang.value if lang else None, fmt.value)
        emit(result if isinstance(result, (str, bytes)) else dump(result), None)

    with in_ui(ui_lang):
        guard(run)


@app.command(
    help=N_("Events and effects of a work in date order, each with its certainty and basis.")
)
def history(
    work: Annotated[str, typer.Argument(help=N_("FRBR work URI or a citation."))],
    fmt: Annotated[
        TextJson, typer.Option("--format", "-f", help=N_("Output: text or JSON."))
    ] = TextJson.text,
    db: DbOption = None,
    ui_lang: UiLangOption = None,
) -> None:
    """Events and effects of a work in date order, each with its certainty and basis."""
    from lexversion.app.query import history as run_history

    def run() -> None:
        result = run_history(db, work, fmt.value)
        emit(result if isinstance(result, str) else dump(result), None)

    with in_ui(ui_lang):
        guard(run)


class DiffFormat(StrEnum):
    html = "html"
    text = "text"
    json = "json"


class DiffView(StrEnum):
    inline = "inline"
    side = "side-by-side"


@app.command(help=N_("What changed between the texts in force on two dates, or between two works."))
def diff(
    work: Annotated[str, typer.Argument(help=N_("FRBR work URI or a citation."))],
    work_b: Annotated[
        str | None, typer.Argument(help=N_("A second work to compare with (same language)."))
    ] = None,
    from_: Annotated[
        str | None,
        typer.Option("--from", help=N_("Earlier date YYYY-MM-DD or DD.MM.YYYY (one work).")),
    ] = None,
    to: Annotated[
        str | None,
        typer.Option("--to", help=N_("Later date YYYY-MM-DD or DD.MM.YYYY (one work).")),
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", help=N_("Date for comparing two works (default today).")),
    ] = None,
    lang: Annotated[
        Lang | None,
        typer.Option("--lang", help=N_("The text's language: kk or ru (default: the first held).")),
    ] = None,
    fmt: Annotated[
        DiffFormat, typer.Option("--format", "-f", help=N_("Output: text, HTML or JSON."))
    ] = DiffFormat.text,
    view: Annotated[DiffView, typer.Option("--view", help=N_("HTML layout."))] = DiffView.inline,
    out: Annotated[
        Path | None,
        typer.Option("-o", "--output", help=N_("Write here instead of standard output.")),
    ] = None,
    db: DbOption = None,
    ui_lang: UiLangOption = None,
) -> None:
    """What changed between the texts in force on two dates, or between two works."""
    from lexversion.app.compare import cli_diff

    def run() -> None:
        result = cli_diff(
            db,
            work,
            work_b,
            as_of_day(from_) if from_ else None,
            as_of_day(to) if to else None,
            as_of_day(as_of) if as_of else None,
            lang.value if lang else None,
            fmt.value,
            view.value,
        )
        emit(result if isinstance(result, str) else dump(result), out)

    with in_ui(ui_lang):
        guard(run)


@app.command(help=N_("A consolidated PDF of the text in force on a date, ready to cite."))
def pdf(
    work: Annotated[str, typer.Argument(help=N_("FRBR work URI or a citation."))],
    as_of: Annotated[
        str, typer.Option("--as-of", help=N_("Date YYYY-MM-DD or DD.MM.YYYY (or 'today')."))
    ],
    out: Annotated[Path, typer.Option("-o", "--output", help=N_("The PDF file to write."))],
    lang: Annotated[
        Lang | None,
        typer.Option("--lang", help=N_("The text's language: kk or ru (default: the first held).")),
    ] = None,
    changes_since: Annotated[
        str | None,
        typer.Option("--changes-since", help=N_("Mark the changes made since this date.")),
    ] = None,
    db: DbOption = None,
    ui_lang: UiLangOption = None,
) -> None:
    """A consolidated PDF of the text in force on a date, ready to cite."""
    from lexversion.app.print import cli_pdf

    def run() -> None:
        cli_pdf(
            db,
            work,
            as_of_day(as_of),
            lang.value if lang else None,
            as_of_day(changes_since) if changes_since else None,
            out,
        )

    with in_ui(ui_lang):
        guard(run)
