"""What every ``lexversion`` command shares: the Typer app, the common options
(``--db``, ``--ui-lang``), the output formats, and the handlers' helpers.

Every handler parses its arguments, calls library functions and prints; any
:class:`~lexversion.errors.LexversionError` becomes ``lexversion: <message>``
on stderr and its exit code (2 bad input or usage, 3 not found, 4 store),
never a traceback (DEVELOPERS.md principle 6): :func:`guard`.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from lexversion.app.files import write_atomic
from lexversion.errors import InputError, LexversionError, UsageError
from lexversion.i18n import ENV_VAR, N_, gettext, parse_day, using
from lexversion.text.decode import check_size, max_input_bytes

app = typer.Typer(
    name="lexversion",
    help=N_("Versioned, queryable law from the decisions of Kazakhstan's maslikhats."),
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


class UiLang(StrEnum):
    en = "en"
    kk = "kk"
    ru = "ru"


#: ``--ui-lang`` of a command; the root's (``lexversion --ui-lang kk show``)
#: and ``$LEXVERSION_UI_LANG`` are read before parsing
#: (:meth:`lexversion.cli.words.Group.main`), so a command's own comes first,
#: then the root's, then the environment's, then English
UiLangOption = Annotated[
    UiLang | None,
    typer.Option(
        "--ui-lang",
        help=N_(
            "Language of the words around the text (status, dates, headings): en, kk or ru "
            "(default: $LEXVERSION_UI_LANG, else en). JSON keys and AKN do not change."
        ),
    ),
]


@app.callback(help=N_("Versioned, queryable law from the decisions of Kazakhstan's maslikhats."))
def _root(
    show_version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_print_version,
            is_eager=True,
            help=N_("Print lexversion's version and exit."),
        ),
    ] = False,
    ui_lang: Annotated[
        UiLang | None,
        typer.Option(
            "--ui-lang",
            envvar=ENV_VAR,
            help=N_(
                "Language of the words around the text (status, dates, headings): en, kk or ru "
                "(default: $LEXVERSION_UI_LANG, else en). JSON keys and AKN do not change."
            ),
        ),
    ] = None,
) -> None:
    """Versioned, queryable law from the decisions of Kazakhstan's maslikhats."""


DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help=N_(
            "SQLAlchemy URL of the store (default: $LEXVERSION_DB or sqlite:///lexversion.db)."
        ),
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


def in_ui(lang: UiLang | None) -> AbstractContextManager[str]:
    """Run the command's block in interface language ``lang``, the command's
    own ``--ui-lang``; without one, in the language the run was started in
    (the root's ``--ui-lang``, else :data:`~lexversion.i18n.ENV_VAR`, else
    English: :meth:`lexversion.cli.words.Group.main`)."""
    return using(lang.value if lang else None)


def guard(fn: Callable[[], T]) -> T:
    """``fn()``; a :class:`~lexversion.errors.LexversionError` it raises is
    printed as one line on stderr and becomes its exit code (:class:`typer.Exit`)."""
    try:
        return fn()
    except LexversionError as exc:
        typer.echo(f"lexversion: {exc.message}", err=True)
        raise typer.Exit(exc.exit_code) from None


def emit(text: str | bytes, out: Path | None) -> None:
    """Print ``text`` (bytes as they are), or write it atomically to ``out``."""
    if out is None:
        if isinstance(text, bytes):
            sys.stdout.buffer.write(text)
            sys.stdout.buffer.flush()
        else:
            typer.echo(text, nl=not text.endswith("\n"))
        return
    write_atomic(out, text.encode("utf-8") if isinstance(text, str) else text)


def read_input(file: str, limit: int | None = None) -> tuple[bytes, str]:
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


def dump(obj: Any) -> str:
    """``obj`` as indented JSON (letters as they are), ending in a newline."""
    return json.dumps(obj, ensure_ascii=False, indent=2) + "\n"


def as_of_day(value: str) -> date:
    """The day ``value`` names (``today``, ISO or ``DD.MM.YYYY``); raises
    :class:`~lexversion.errors.UsageError` for anything else."""
    if value == "today":
        return date.today()
    try:
        return parse_day(value)
    except ValueError:
        raise UsageError(
            gettext("--as-of {value}: not a date (use YYYY-MM-DD, DD.MM.YYYY or 'today')").format(
                value=repr(value)
            )
        ) from None
