"""Commands over one export file, no store: ``parse``, ``split``, ``normalize``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from lexversion.akn.json import document_json
from lexversion.akn.validate import warm as warm_schema
from lexversion.app.akn import checked_akn
from lexversion.cli.common import (
    ParseFormat,
    TextJson,
    UiLangOption,
    app,
    dump,
    emit,
    guard,
    in_ui,
    read_input,
)
from lexversion.i18n import N_, gettext, ngettext
from lexversion.render.text import document_text
from lexversion.text.decode import max_input_bytes


@app.command(
    "parse",
    help=N_(
        "Parse one decision to Akoma Ntoso 3.0 (checked against the official XSD), JSON or text."
    ),
)
def parse_cmd(
    file: Annotated[
        str, typer.Argument(help=N_("A decision export (any encoding), or - for standard input."))
    ],
    fmt: Annotated[
        ParseFormat,
        typer.Option("--format", "-f", help=N_("Output: Akoma Ntoso XML, JSON or text.")),
    ] = ParseFormat.akn,
    out: Annotated[
        Path | None,
        typer.Option("-o", "--output", help=N_("Write here instead of standard output.")),
    ] = None,
    max_size: Annotated[
        str | None,
        typer.Option(
            "--max-size",
            help=N_(
                "Refuse a larger input: bytes or 10M, 0 for no limit "
                "(default: $LEXVERSION_MAX_INPUT_BYTES, else 10M)."
            ),
        ),
    ] = None,
    ui_lang: UiLangOption = None,
) -> None:
    """Parse one decision to Akoma Ntoso 3.0 (checked against the official XSD), JSON or text."""
    from lexversion.parse import parse
    from lexversion.render.parse_warnings import parse_warning_text

    def run() -> None:
        limit = max_input_bytes(max_size)
        if fmt is ParseFormat.akn:
            warm_schema()  # compiles while the parse runs
        data, source = read_input(file, limit)
        doc = parse(data, source, max_bytes=limit)
        for w in doc.warnings:
            said = f"{source}: {parse_warning_text(w)}"
            typer.echo("lexversion: " + gettext("warning: {what}").format(what=said), err=True)
        if fmt is ParseFormat.akn:
            emit(checked_akn(doc), out)
        elif fmt is ParseFormat.json:
            emit(dump(document_json(doc)), out)
        else:
            emit(document_text(doc), out)

    with in_ui(ui_lang):
        guard(run)


@app.command(help=N_("Cut a file of concatenated exports into one file per act (verbatim, UTF-8)."))
def split(
    file: Annotated[
        str, typer.Argument(help=N_("A file holding several concatenated exports, or - for stdin."))
    ],
    directory: Annotated[Path, typer.Argument(help=N_("Write one file per act here."))],
    ui_lang: UiLangOption = None,
) -> None:
    """Cut a file of concatenated exports into one file per act (verbatim, UTF-8)."""
    from lexversion.app.split import split_file

    def run() -> None:
        data, source = read_input(file)
        paths = split_file(data, source, directory)
        said = ngettext(
            "{n} act written to {directory}", "{n} acts written to {directory}", len(paths)
        ).format(n=len(paths), directory=directory)
        typer.echo(f"{source}: {said}")

    with in_ui(ui_lang):
        guard(run)


@app.command(
    help=N_("The text with its export artifacts repaired: displaced link text, letter spacing.")
)
def normalize(
    file: Annotated[
        str, typer.Argument(help=N_("A decision export (any encoding), or - for standard input."))
    ],
    explain: Annotated[
        bool,
        typer.Option(
            "--explain", help=N_("Then list every repair, and every doubt left as printed.")
        ),
    ] = False,
    fmt: Annotated[
        TextJson, typer.Option("--format", "-f", help=N_("Output: text or JSON."))
    ] = TextJson.text,
    out: Annotated[
        Path | None,
        typer.Option("-o", "--output", help=N_("Write here instead of standard output.")),
    ] = None,
    ui_lang: UiLangOption = None,
) -> None:
    """The text with its export artifacts repaired: displaced link text, letter spacing."""
    from lexversion.app.normalize import normalize_document

    def run() -> None:
        data, source = read_input(file)
        result = normalize_document(data, source)
        if fmt is TextJson.json:
            emit(dump(result.to_json()), out)
        elif explain:
            emit(result.text + "\n" + result.explain() + "\n", out)
        else:
            emit(result.text, out)

    with in_ui(ui_lang):
        guard(run)
