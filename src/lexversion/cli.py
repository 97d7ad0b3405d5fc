"""The ``lexversion`` command line (Typer): thin handlers over the library.

Every handler parses its arguments, calls library functions and prints; any
:class:`~lexversion.errors.LexversionError` becomes ``lexversion: <message>``
on stderr and its exit code (2 bad input or usage, 3 not found, 4 store),
never a traceback (DEVELOPERS.md principle 6).
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from lexversion.akn.json import document_json
from lexversion.akn.validate import warm as warm_schema
from lexversion.app.akn import checked_akn
from lexversion.app.files import write_atomic
from lexversion.errors import InputError, LexversionError, UsageError
from lexversion.i18n import DEFAULT, ENV_VAR, day, parse_day, term, using
from lexversion.i18n import gettext as _
from lexversion.render.text import document_text
from lexversion.text.decode import MAX_INPUT_ENV, check_size, max_input_bytes

if TYPE_CHECKING:
    from lexversion.app.ingest import BuildReport
    from lexversion.timeline.commencement import PublicationPolicy

app = typer.Typer(
    name="lexversion",
    help="Versioned, queryable law from the decisions of Kazakhstan's maslikhats.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

T = TypeVar("T")


def _print_version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        typer.echo(f"lexversion {version('lexversion')}")
        raise typer.Exit()


@app.callback()
def _root(
    show_version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_print_version,
            is_eager=True,
            help="Print lexversion's version and exit.",
        ),
    ] = False,
) -> None:
    """Versioned, queryable law from the decisions of Kazakhstan's maslikhats."""


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


class UiLang(StrEnum):
    en = "en"
    kk = "kk"
    ru = "ru"


UiLangOption = Annotated[
    UiLang | None,
    typer.Option(
        "--ui-lang",
        envvar=ENV_VAR,
        help="Language of the words around the text (status, dates, headings): en, kk or ru "
        f"(default: ${ENV_VAR}, else en). JSON keys and AKN do not change.",
    ),
]


def _ui(lang: UiLang | None) -> AbstractContextManager[str]:
    """Run the command's block in interface language ``lang`` (English when
    neither ``--ui-lang`` nor :data:`~lexversion.i18n.ENV_VAR` gives one)."""
    return using(lang.value if lang else DEFAULT)


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


def _read_input(file: str, limit: int | None = None) -> tuple[bytes, str]:
    """The bytes of ``file`` (``-``: standard input) and the name to report it by;
    raises :class:`InputError` for a missing or unreadable file and for one over
    the input size limit (``limit``, default :func:`max_input_bytes`), which is
    checked before the file is read."""
    limit = max_input_bytes() if limit is None else limit
    if file == "-":
        data = sys.stdin.buffer.read(limit + 1) if limit else sys.stdin.buffer.read()
        check_size(len(data), "<stdin>", limit)
        return data, "<stdin>"
    path = Path(file)
    if not path.is_file():
        raise InputError(file, "no such file")
    try:
        check_size(path.stat().st_size, file, limit)
        return path.read_bytes(), file
    except OSError as exc:
        raise InputError(file, f"cannot read: {exc.strerror}") from None


def _dump(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2) + "\n"


def _as_of(value: str) -> date:
    if value == "today":
        return date.today()
    try:
        return parse_day(value)
    except ValueError:
        raise UsageError(
            f"--as-of {value!r}: not a date (use YYYY-MM-DD, DD.MM.YYYY or 'today')"
        ) from None


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
    max_size: Annotated[
        str | None,
        typer.Option(
            "--max-size",
            help=f"Refuse a larger input: bytes or 10M, 0 for no limit "
            f"(default: ${MAX_INPUT_ENV}, else 10M).",
        ),
    ] = None,
) -> None:
    """Parse one decision to Akoma Ntoso 3.0 (checked against the official XSD), JSON or text."""
    from lexversion.parse import parse

    def run() -> None:
        limit = max_input_bytes(max_size)
        if fmt is ParseFormat.akn:
            warm_schema()  # compiles while the parse runs
        data, source = _read_input(file, limit)
        doc = parse(data, source, max_bytes=limit)
        for w in doc.warnings:
            typer.echo(f"lexversion: warning: {source}: {w}", err=True)
        if fmt is ParseFormat.akn:
            _emit(checked_akn(doc), out)
        elif fmt is ParseFormat.json:
            _emit(_dump(document_json(doc)), out)
        else:
            _emit(document_text(doc), out)

    _guard(run)


def _policy(publication_lag: int | None) -> PublicationPolicy:
    from lexversion.timeline.commencement import OBSERVED_LAGS, PublicationPolicy

    if publication_lag is None:
        return OBSERVED_LAGS
    return PublicationPolicy(f"lag-{publication_lag}-days", publication_lag, "--publication-lag")


def _report_build(report: BuildReport) -> int:
    """Print a build's skipped files, warnings and summary line; its exit code."""
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


def _with_progress(total: int, run: Callable[[Callable[[str], None] | None], T]) -> T:
    """``run(tick)`` with a progress bar of ``total`` steps on a terminal."""
    if not sys.stderr.isatty():
        return run(None)
    from rich.progress import Progress

    with Progress(transient=True) as progress:
        task = progress.add_task("building", total=total)
        return run(lambda _: progress.advance(task))


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
    prune: Annotated[
        bool,
        typer.Option(
            "--prune/--keep",
            help="--prune (default): the directory is the whole corpus; the texts of files "
            "no longer in it go from the store with all they alone contributed. --keep: "
            "the texts the store holds stay, planned with the directory's.",
        ),
    ] = True,
) -> None:
    """Ingest a corpus directory into the store (works, expressions, events, effects, citations).

    Incremental: files whose bytes the store holds are not parsed again, and
    only what changed is written. The result is that of a fresh build of the
    directory (with --keep: of the directory and the texts the store holds).
    """
    from lexversion.app.ingest import build as run_build
    from lexversion.app.ingest import corpus_files
    from lexversion.store import open_store

    def run() -> int:
        files = corpus_files(directory)
        store = open_store(db)
        report = _with_progress(
            2 * len(files),
            lambda tick: run_build(
                directory, store, tick, policy=_policy(publication_lag), prune=prune
            ),
        )
        return _report_build(report)

    code = _guard(run)
    if code:
        raise typer.Exit(code)


@app.command()
def add(
    files: Annotated[list[Path], typer.Argument(help="Corpus files (acts) to add.")],
    db: DbOption = None,
) -> None:
    """Add a few acts to a built store without naming the whole corpus directory.

    The store's texts and the new files are planned together, with the sidecar
    facts and publication policy of the last build; only the new files are parsed.
    """
    from lexversion.app.ingest import add as run_add
    from lexversion.store import open_store

    def run() -> int:
        store = open_store(db, create=False)
        report = _with_progress(2 * len(files), lambda tick: run_add(files, store, tick))
        return _report_build(report)

    code = _guard(run)
    if code:
        raise typer.Exit(code)


@app.command()
def works(
    fmt: Annotated[
        ListFormat, typer.Option("--format", "-f", help="Output: a table or JSON.")
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
            _emit(_dump(rows), None)
            return
        _print_works_table(rows, today)

    with _ui(ui_lang):
        _guard(run)


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


@app.command()
def show(
    work: Annotated[
        str,
        typer.Argument(
            help="FRBR work URI (optionally with :DATE or @DATE) or a citation in Kazakh or Russian."
        ),
    ],
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Date YYYY-MM-DD or DD.MM.YYYY (or 'today').")
    ] = None,
    lang: Annotated[
        Lang | None,
        typer.Option("--lang", help="The text's language: kk or ru (default: the first held)."),
    ] = None,
    fmt: Annotated[
        ShowFormat,
        typer.Option("--format", "-f", help="Output: text, HTML, Akoma Ntoso XML or JSON."),
    ] = ShowFormat.text,
    db: DbOption = None,
    ui_lang: UiLangOption = None,
) -> None:
    """The text of a work in force on a date, with its status and certainty."""
    from lexversion.app.query import show as run_show

    def run() -> None:
        when = _as_of(as_of) if as_of else None
        result = run_show(db, work, when, lang.value if lang else None, fmt.value)
        _emit(result if isinstance(result, (str, bytes)) else _dump(result), None)

    with _ui(ui_lang):
        _guard(run)


@app.command()
def history(
    work: Annotated[str, typer.Argument(help="FRBR work URI or a citation.")],
    fmt: Annotated[
        TextJson, typer.Option("--format", "-f", help="Output: text or JSON.")
    ] = TextJson.text,
    db: DbOption = None,
    ui_lang: UiLangOption = None,
) -> None:
    """Events and effects of a work in date order, each with its certainty and basis."""
    from lexversion.app.query import history as run_history

    def run() -> None:
        result = run_history(db, work, fmt.value)
        _emit(result if isinstance(result, str) else _dump(result), None)

    with _ui(ui_lang):
        _guard(run)


class GraphFormat(StrEnum):
    json = "json"
    dot = "dot"
    svg = "svg"


@app.command()
def search(
    query: Annotated[
        str, typer.Argument(help="Words, all of which must occur (any form); word* for a prefix.")
    ],
    on: Annotated[
        str | None,
        typer.Option(
            "--on", help="Only the wording in force on YYYY-MM-DD (statuses: that day, else today)."
        ),
    ] = None,
    lang: Annotated[
        Lang | None, typer.Option("--lang", help="Only texts in this language.")
    ] = None,
    fmt: Annotated[TextJson, typer.Option("--format", "-f", help="Output: text or JSON.")] = (
        TextJson.text
    ),
    db: DbOption = None,
) -> None:
    """Search the provisions of the stored texts, with each act's status on the date."""
    from lexversion.app.search import search_report

    def run() -> None:
        try:
            when = _as_of(on) if on else None
        except UsageError:
            raise UsageError(f"--on {on!r}: not a date (use YYYY-MM-DD or 'today')") from None
        result, warning = search_report(
            db,
            query,
            on=when,
            lang=lang.value if lang else None,
            fmt=fmt.value,
        )
        if warning:
            typer.echo(f"lexversion: warning: {warning}", err=True)
        _emit(result if isinstance(result, str) else _dump(result), None)

    _guard(run)


@app.command()
def graph(
    fmt: Annotated[
        GraphFormat,
        typer.Option(
            "--format", "-f", help="Output: JSON, Graphviz DOT or SVG (drawn by Graphviz's dot)."
        ),
    ] = GraphFormat.json,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Date for the works' status (default today).")
    ] = None,
    db: DbOption = None,
) -> None:
    """The whole version graph: works and the effects between them."""
    from lexversion.app.export import graph_dot, graph_json, graph_svg
    from lexversion.app.query import store_for

    def run() -> None:
        store = store_for(db)
        on = _as_of(as_of) if as_of else date.today()
        if fmt is GraphFormat.svg:
            _emit(graph_svg(store, on), None)
        else:
            dot = fmt is GraphFormat.dot
            _emit(graph_dot(store, on) if dot else _dump(graph_json(store, on)), None)

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
        str | None,
        typer.Option("--from", help="Earlier date YYYY-MM-DD or DD.MM.YYYY (one work)."),
    ] = None,
    to: Annotated[
        str | None,
        typer.Option("--to", help="Later date YYYY-MM-DD or DD.MM.YYYY (one work)."),
    ] = None,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Date for comparing two works (default today).")
    ] = None,
    lang: Annotated[
        Lang | None,
        typer.Option("--lang", help="The text's language: kk or ru (default: the first held)."),
    ] = None,
    fmt: Annotated[
        DiffFormat, typer.Option("--format", "-f", help="Output: text, HTML or JSON.")
    ] = DiffFormat.text,
    view: Annotated[DiffView, typer.Option("--view", help="HTML layout.")] = DiffView.inline,
    out: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write here instead of standard output.")
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
            _as_of(from_) if from_ else None,
            _as_of(to) if to else None,
            _as_of(as_of) if as_of else None,
            lang.value if lang else None,
            fmt.value,
            view.value,
        )
        _emit(result if isinstance(result, str) else _dump(result), out)

    with _ui(ui_lang):
        _guard(run)


@app.command()
def pdf(
    work: Annotated[str, typer.Argument(help="FRBR work URI or a citation.")],
    as_of: Annotated[
        str, typer.Option("--as-of", help="Date YYYY-MM-DD or DD.MM.YYYY (or 'today').")
    ],
    out: Annotated[Path, typer.Option("-o", "--output", help="The PDF file to write.")],
    lang: Annotated[
        Lang | None,
        typer.Option("--lang", help="The text's language: kk or ru (default: the first held)."),
    ] = None,
    changes_since: Annotated[
        str | None, typer.Option("--changes-since", help="Mark the changes made since this date.")
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
            _as_of(as_of),
            lang.value if lang else None,
            _as_of(changes_since) if changes_since else None,
            out,
        )

    with _ui(ui_lang):
        _guard(run)


def _serving(host: str, port: int, workers: int) -> None:
    plural = "s" if workers > 1 else ""
    typer.echo(
        f"lexversion: serving on http://{host}:{port}/ with {workers} worker{plural} "
        "(Ctrl-C stops)",
        err=True,
    )


@app.command()
def split(
    file: Annotated[
        str, typer.Argument(help="A file holding several concatenated exports, or - for stdin.")
    ],
    directory: Annotated[Path, typer.Argument(help="Write one file per act here.")],
) -> None:
    """Cut a file of concatenated exports into one file per act (verbatim, UTF-8)."""
    from lexversion.app.split import split_file

    def run() -> None:
        data, source = _read_input(file)
        paths = split_file(data, source, directory)
        typer.echo(f"{source}: {len(paths)} act(s) written to {directory}")

    _guard(run)


@app.command()
def serve(
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on (loopback by default).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="TCP port.")] = 8000,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            min=1,
            max=64,
            help="Worker processes sharing only the store (default: one per CPU).",
        ),
    ] = None,
    db: DbOption = None,
) -> None:
    """Serve the research web app (read-only): browse, search, a work on any date, compare, PDF."""

    def run() -> None:
        import uvicorn

        from lexversion.web import app as web

        n = workers or web.default_workers()
        options: dict[str, Any] = {
            "host": host,
            "port": port,
            "log_level": "info",
            "server_header": False,
        }
        if n == 1:
            application = web.create_app(db)
            _serving(host, port, n)
            uvicorn.run(application, **options)
            return
        os.environ[web.ENV_DB] = web.prepare_workers(db)
        os.environ.setdefault(web.ENV_INDEX, "off")
        _serving(host, port, n)
        uvicorn.run(
            "lexversion.web.app:app_from_env",
            factory=True,
            workers=n,
            timeout_worker_healthcheck=60,  # a worker loads the parser stack first
            **options,
        )

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


export_app = typer.Typer(
    help="Write what the store holds in another form (a git repository of each act's history).",
    no_args_is_help=True,
)
app.add_typer(export_app, name="export")


@export_app.command("git")
def export_git_cmd(
    args: Annotated[
        list[str],
        typer.Argument(
            help="WORK DIR (a work's FRBR URI or citation, then a new folder), or DIR with --all.",
            show_default=False,
        ),
    ],
    every: Annotated[
        bool, typer.Option("--all", help="Every work of the store, in one history.")
    ] = False,
    db: DbOption = None,
) -> None:
    """A git repository with one commit per expression, dated when its text applies."""
    from lexversion.app.git_export import export_history

    def run() -> None:
        if len(args) != (1 if every else 2):
            raise UsageError("export git: give WORK DIR, or --all DIR")
        result = export_history(db, [] if every else args[:1], Path(args[-1]))
        typer.echo(result.summary())

    _guard(run)


def main() -> None:
    """Console-script entry point."""
    app()
