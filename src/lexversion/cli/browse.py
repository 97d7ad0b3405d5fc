"""Commands over every work of the store: ``works``, ``search``, ``graph``."""

from __future__ import annotations

import os
import sys
from datetime import date
from enum import StrEnum
from typing import Annotated, Any

import typer

from lexversion.cli.common import (
    DbOption,
    Lang,
    ListFormat,
    TextJson,
    UiLangOption,
    app,
    as_of_day,
    dump,
    emit,
    guard,
    in_ui,
)
from lexversion.errors import UsageError
from lexversion.i18n import N_, day, parse_day, term
from lexversion.i18n import gettext as _


@app.command(help=N_("List every work, stubs included, with its status today."))
def works(
    fmt: Annotated[
        ListFormat, typer.Option("--format", "-f", help=N_("Output: a table or JSON."))
    ] = ListFormat.table,
    db: DbOption = None,
    ui_lang: UiLangOption = None,
) -> None:
    """List every work, stubs included, with its status today."""
    from lexversion.app.export import work_rows
    from lexversion.app.query import store_for

    def run() -> None:
        store = store_for(db)
        today = date.today()
        rows = [
            {**row.to_json(), "text_in_corpus": not row.work.stub}
            for row in work_rows(store, today)
        ]
        if fmt is ListFormat.json:
            emit(dump(rows), None)
            return
        _print_works_table(rows, today)

    with in_ui(ui_lang):
        guard(run)


#: below this many columns ``works`` prints each work on two lines instead of a table
WORKS_TABLE_MIN = 110


def _print_works_table(rows: list[dict[str, Any]], today: date) -> None:
    """``works`` as wide as the terminal (``COLUMNS`` when set; a pipe gets
    full-width rows): a table when :data:`WORKS_TABLE_MIN` columns or more fit
    (URIs fold, issuers wrap at spaces, dates and numbers never break), else
    each work on two lines, its URI, then its issuer, date, number and status
    wrapped at spaces (a date or number cut mid-token misreads)."""
    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    tty = sys.stdout.isatty() or "COLUMNS" in os.environ
    console = Console(width=None if tty else 240, highlight=False)
    cells = [
        (
            r["frbr_uri"],
            r["issuer"] or "",
            day(parse_day(r["date"])) if r["date"] else "",
            r["number"] or "",
            ",".join(r["languages"]),
            f"{term(r['status'])} ({term(r['certainty'])})",
            _("yes") if r["text_in_corpus"] else _("stub"),
        )
        for r in rows
    ]
    caption = _("status on {day}").format(day=day(today))
    if console.width < WORKS_TABLE_MIN:
        for uri, issuer, when, number, langs, status, text in cells:
            console.print(Text(f"{uri}  {langs or '-'}  {text}", overflow="fold"))
            facts = [x for x in (issuer, when, f"№{number}" if number else "", status) if x]
            console.print(Text("  " + " · ".join(facts)))
        console.print(caption)
        return
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, padding=(0, 1, 0, 0), caption=caption)
    table.add_column(_("work"), overflow="fold")
    table.add_column(_("issuer"))
    for name in (_("date"), _("No"), _("lang"), _("status"), _("text")):
        table.add_column(name, no_wrap=True)
    for row in cells:
        table.add_row(*row)
    console.print(table)


class GraphFormat(StrEnum):
    json = "json"
    dot = "dot"
    svg = "svg"


@app.command(
    help=N_("Search the provisions of the stored texts, with each act's status on the date.")
)
def search(
    query: Annotated[
        str,
        typer.Argument(help=N_("Words, all of which must occur (any form); word* for a prefix.")),
    ],
    on: Annotated[
        str | None,
        typer.Option(
            "--on",
            help=N_("Only the wording in force on YYYY-MM-DD (statuses: that day, else today)."),
        ),
    ] = None,
    lang: Annotated[
        Lang | None, typer.Option("--lang", help=N_("Only texts in this language."))
    ] = None,
    fmt: Annotated[TextJson, typer.Option("--format", "-f", help=N_("Output: text or JSON."))] = (
        TextJson.text
    ),
    db: DbOption = None,
    ui_lang: UiLangOption = None,
) -> None:
    """Search the provisions of the stored texts, with each act's status on the date."""
    from lexversion.app.search import search_report

    def run() -> None:
        try:
            when = as_of_day(on) if on else None
        except UsageError:
            raise UsageError(
                _("--on {value}: not a date (use YYYY-MM-DD, DD.MM.YYYY or 'today')").format(
                    value=repr(on)
                )
            ) from None
        result, warning = search_report(
            db,
            query,
            on=when,
            lang=lang.value if lang else None,
            fmt=fmt.value,
        )
        if warning:
            typer.echo("lexversion: " + _("warning: {what}").format(what=warning), err=True)
        emit(result if isinstance(result, str) else dump(result), None)

    with in_ui(ui_lang):
        guard(run)


@app.command(help=N_("The whole version graph: works and the effects between them."))
def graph(
    fmt: Annotated[
        GraphFormat,
        typer.Option(
            "--format",
            "-f",
            help=N_("Output: JSON, Graphviz DOT or SVG (drawn by Graphviz's dot)."),
        ),
    ] = GraphFormat.json,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help=N_("Date for the works' status (default today)."))
    ] = None,
    db: DbOption = None,
    ui_lang: UiLangOption = None,
) -> None:
    """The whole version graph: works and the effects between them."""
    from lexversion.app.export import graph_dot, graph_json, graph_svg
    from lexversion.app.query import store_for

    def run() -> None:
        store = store_for(db)
        on = as_of_day(as_of) if as_of else date.today()
        if fmt is GraphFormat.svg:
            emit(graph_svg(store, on), None)
        else:
            dot = fmt is GraphFormat.dot
            emit(graph_dot(store, on) if dot else dump(graph_json(store, on)), None)

    with in_ui(ui_lang):
        guard(run)
