"""The ``lexversion`` command line (Typer): thin handlers over the library.

Every handler parses its arguments, calls library functions and prints; any
:class:`~lexversion.errors.LexversionError` becomes ``lexversion: <message>``
on stderr and its exit code (2 bad input or usage, 3 not found, 4 store),
never a traceback (DEVELOPERS.md principle 6).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from lexversion.akn.build import document_to_akn
from lexversion.akn.json import document_json
from lexversion.app.files import write_atomic
from lexversion.errors import InputError, LexversionError, UsageError
from lexversion.render.text import document_text

app = typer.Typer(
    name="lexversion",
    help="Versioned, queryable law from the decisions of Kazakhstan's maslikhats.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

T = TypeVar("T")
DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="SQLAlchemy URL of the store (default: $LEXVERSION_DB or sqlite:///lexversion.db).",
    ),
]


class ParseFormat(StrEnum):
    akn = "akn"
    json = "json"
    text = "text"


class ShowFormat(StrEnum):
    text = "text"
    html = "html"
    akn = "akn"
    json = "json"


class ListFormat(StrEnum):
    table = "table"
    json = "json"


class TextJson(StrEnum):
    text = "text"
    json = "json"


class Lang(StrEnum):
    kk = "kk"
    ru = "ru"


def _guard(fn: Callable[[], T]) -> T:
    try:
        return fn()
    except LexversionError as exc:
        typer.echo(f"lexversion: {exc.message}", err=True)
        raise typer.Exit(exc.exit_code) from None


def _emit(text: str | bytes, out: Path | None) -> None:
    if out is None:
        if isinstance(text, bytes):
            sys.stdout.buffer.write(text)
            sys.stdout.buffer.flush()
        else:
            typer.echo(text, nl=not text.endswith("\n"))
        return
    write_atomic(out, text.encode("utf-8") if isinstance(text, str) else text)


def _read_input(file: str) -> tuple[bytes, str]:
    """The bytes of ``file`` (``-``: standard input) and the name to report it by;
    raises :class:`InputError` for a missing or unreadable file."""
    if file == "-":
        return sys.stdin.buffer.read(), "<stdin>"
    path = Path(file)
    if not path.is_file():
        raise InputError(file, "no such file")
    try:
        return path.read_bytes(), file
    except OSError as exc:
        raise InputError(file, f"cannot read: {exc.strerror}") from None


def _dump(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2) + "\n"


def _as_of(value: str) -> date:
    if value == "today":
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"--as-of {value!r}: not a date (use YYYY-MM-DD or 'today')") from None


@app.command("parse")
def parse_cmd(
    file: Annotated[
        str, typer.Argument(help="A decision export (any encoding), or - for standard input.")
    ],
    fmt: Annotated[
        ParseFormat, typer.Option("--format", "-f", help="Output: Akoma Ntoso XML, JSON or text.")
    ] = ParseFormat.akn,
    out: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write here instead of standard output.")
    ] = None,
) -> None:
    """Parse one decision to Akoma Ntoso 3.0, JSON or text."""
    from lexversion.parse import parse

    def run() -> None:
        data, source = _read_input(file)
        doc = parse(data, source)
        for w in doc.warnings:
            typer.echo(f"lexversion: warning: {source}: {w}", err=True)
        if fmt is ParseFormat.akn:
            _emit(document_to_akn(doc), out)
        elif fmt is ParseFormat.json:
            _emit(_dump(document_json(doc)), out)
        else:
            _emit(document_text(doc), out)

    _guard(run)


@app.command()
def build(
    directory: Annotated[Path, typer.Argument(help="Corpus directory.")] = Path("corpus"),
    db: DbOption = None,
    publication_lag: Annotated[
        int | None,
        typer.Option(
            min=0,
            help="Assume an unstated first publication within DAYS days after registration "
            "(default: the observed-lags policy, 266 days, the longest lag the corpus states).",
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
        store = open_store(db)
        files = corpus_files(directory)
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
        )
        typer.echo(
            f"built {len(report.files) - len(report.failed)}/{len(report.files)} files: {report.works} works, "
            f"{report.stubs} stubs, {report.expressions} expressions, {report.effects} effects, "
            f"{report.citations} citations ({changed})"
        )
        return 1 if report.failed else 0

    code = _guard(run)
    if code:
        raise typer.Exit(code)


@app.command()
def works(
    fmt: Annotated[ListFormat, typer.Option("--format", "-f")] = ListFormat.table,
    db: DbOption = None,
) -> None:
    """List every work, stubs included, with its status today."""
    from lexversion.app.export import work_rows
    from lexversion.store import open_store

    def run() -> None:
        store = open_store(db)
        today = date.today()
        rows = [
            {**row.to_json(), "text_in_corpus": not row.work.stub}
            for row in work_rows(store, today)
        ]
        if fmt is ListFormat.json:
            _emit(_dump(rows), None)
            return
        from rich.console import Console
        from rich.table import Table

        table = Table("work", "issuer", "date", "No", "lang", f"status {today}", "text")
        for r in rows:
            table.add_row(
                r["frbr_uri"],
                r["issuer"] or "",
                r["date"] or "",
                r["number"] or "",
                ",".join(r["languages"]),
                f"{r['status']} ({r['certainty']})",
                "yes" if r["text_in_corpus"] else "stub",
            )
        Console(width=200).print(table)

    _guard(run)


@app.command()
def show(
    work: Annotated[
        str,
        typer.Argument(
            help="FRBR work URI (optionally with :DATE or @DATE) or a citation in Kazakh or Russian."
        ),
    ],
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Date YYYY-MM-DD (or 'today').")
    ] = None,
    lang: Annotated[Lang | None, typer.Option("--lang")] = None,
    fmt: Annotated[ShowFormat, typer.Option("--format", "-f")] = ShowFormat.text,
    db: DbOption = None,
) -> None:
    """The text of a work in force on a date, with its status and certainty."""
    from lexversion.app.query import show as run_show

    def run() -> None:
        when = _as_of(as_of) if as_of else None
        result = run_show(db, work, when, lang.value if lang else None, fmt.value)
        _emit(result if isinstance(result, (str, bytes)) else _dump(result), None)

    _guard(run)


@app.command()
def history(
    work: Annotated[str, typer.Argument(help="FRBR work URI or a citation.")],
    fmt: Annotated[TextJson, typer.Option("--format", "-f")] = TextJson.text,
    db: DbOption = None,
) -> None:
    """Events and effects of a work in date order, each with its certainty and basis."""
    from lexversion.app.query import history as run_history

    def run() -> None:
        result = run_history(db, work, fmt.value)
        _emit(result if isinstance(result, str) else _dump(result), None)

    _guard(run)


class GraphFormat(StrEnum):
    json = "json"
    dot = "dot"


@app.command()
def graph(
    fmt: Annotated[GraphFormat, typer.Option("--format", "-f")] = GraphFormat.json,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Date for the works' status (default today).")
    ] = None,
    db: DbOption = None,
) -> None:
    """The whole version graph: works and the effects between them."""
    from lexversion.app.export import graph_dot, graph_json
    from lexversion.store import open_store

    def run() -> None:
        store = open_store(db)
        on = _as_of(as_of) if as_of else date.today()
        _emit(
            graph_dot(store, on) if fmt is GraphFormat.dot else _dump(graph_json(store, on)), None
        )

    _guard(run)


class DiffFormat(StrEnum):
    html = "html"
    text = "text"
    json = "json"


class DiffView(StrEnum):
    inline = "inline"
    side = "side-by-side"


@app.command()
def diff(
    work: Annotated[str, typer.Argument(help="FRBR work URI or a citation.")],
    work_b: Annotated[
        str | None, typer.Argument(help="A second work to compare with (same language).")
    ] = None,
    from_: Annotated[
        str | None, typer.Option("--from", help="Earlier date YYYY-MM-DD (one work).")
    ] = None,
    to: Annotated[
        str | None, typer.Option("--to", help="Later date YYYY-MM-DD (one work).")
    ] = None,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Date for comparing two works (default today).")
    ] = None,
    lang: Annotated[Lang | None, typer.Option("--lang")] = None,
    fmt: Annotated[DiffFormat, typer.Option("--format", "-f")] = DiffFormat.text,
    view: Annotated[DiffView, typer.Option("--view", help="HTML layout.")] = DiffView.inline,
    out: Annotated[Path | None, typer.Option("-o", "--output")] = None,
    db: DbOption = None,
) -> None:
    """What changed between the texts in force on two dates, or between two works."""
    from lexversion.app.compare import cli_diff

    def run() -> None:
        result = cli_diff(
            db,
            work,
            work_b,
            _as_of(from_) if from_ else None,
            _as_of(to) if to else None,
            _as_of(as_of) if as_of else None,
            lang.value if lang else None,
            fmt.value,
            view.value,
        )
        _emit(result if isinstance(result, str) else _dump(result), out)

    _guard(run)


@app.command()
def pdf(
    work: Annotated[str, typer.Argument(help="FRBR work URI or a citation.")],
    as_of: Annotated[str, typer.Option("--as-of", help="Date YYYY-MM-DD (or 'today').")],
    out: Annotated[Path, typer.Option("-o", "--output", help="The PDF file to write.")],
    lang: Annotated[Lang | None, typer.Option("--lang")] = None,
    changes_since: Annotated[
        str | None, typer.Option("--changes-since", help="Mark the changes made since this date.")
    ] = None,
    db: DbOption = None,
) -> None:
    """A consolidated PDF of the text in force on a date, ready to cite."""
    from lexversion.app.print import cli_pdf

    def run() -> None:
        cli_pdf(
            db,
            work,
            _as_of(as_of),
            lang.value if lang else None,
            _as_of(changes_since) if changes_since else None,
            out,
        )

    _guard(run)


@app.command()
def serve(
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on (loopback by default).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="TCP port.")] = 8000,
    db: DbOption = None,
) -> None:
    """Serve the research web app (read-only): browse, search, a work on any date, compare, PDF."""

    def run() -> None:
        import uvicorn

        from lexversion.web import create_app

        application = create_app(db)
        typer.echo(f"lexversion: serving on http://{host}:{port}/ (Ctrl-C stops)", err=True)
        uvicorn.run(application, host=host, port=port, log_level="info")

    _guard(run)


@app.command()
def normalize(
    file: Annotated[
        str, typer.Argument(help="A decision export (any encoding), or - for standard input.")
    ],
    explain: Annotated[
        bool,
        typer.Option("--explain", help="Then list every repair, and every doubt left as printed."),
    ] = False,
    fmt: Annotated[
        TextJson, typer.Option("--format", "-f", help="Output: text or JSON.")
    ] = TextJson.text,
    out: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write here instead of standard output.")
    ] = None,
) -> None:
    """The text with its export artifacts repaired: displaced link text, letter spacing."""
    from lexversion.app.normalize import normalize_document

    def run() -> None:
        data, source = _read_input(file)
        result = normalize_document(data, source)
        if fmt is TextJson.json:
            _emit(_dump(result.to_json()), out)
        elif explain:
            _emit(result.text + "\n" + result.explain() + "\n", out)
        else:
            _emit(result.text, out)

    _guard(run)


def main() -> None:
    """Console-script entry point."""
    app()
