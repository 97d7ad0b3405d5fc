"""Typer's own words in the reader's language: ``Usage:``, the panel titles,
``[default: …]``, ``[required]``, the ``--help`` line and the usage errors
(issue 14).

Typer (0.29) carries its own copy of click, ``typer._click``, with click's
gettext calls taken out: its words are English literals, so no gettext
translation installed for the stdlib's global domain reaches them, and the
:mod:`typer.rich_utils` constants that still go through the stdlib's
``gettext`` are looked up once, when Typer first imports the module. What
Typer does look up at run time is what this module gives in the reader's
language, through Typer's public extension points; the msgids are Typer's
own English words, listed here as data (:func:`N_`), so they sit in
lexversion's catalogs with every other message (``make messages``;
tests/test_i18n.py keeps them translated, tests/test_cli_help.py checks they
are still Typer's):

- :data:`RICH`: the module constants of :mod:`typer.rich_utils` (panel titles,
  ``[default: {}]``, ``[required]``, the ``Try '… --help' for help.`` line,
  the error panel's title), which its help and error printers read when they
  print; :func:`speak` sets them in the current language when help or an
  error is about to be printed;
- :class:`Command` and :class:`Group`, the command classes Typer builds
  (Typer's public ``cls``; :func:`adopt` sets it on an app): the usage line's
  prefix and placeholders (``[OPTIONS]``; :meth:`format_usage` writes
  them) and the ``--help`` option's help (:meth:`get_help_option`);
- :data:`ERRORS`: the usage errors click composes (``Missing argument 'work'.``,
  ``No such option: --x``, ``Invalid value for '--format': …``) as templates;
  :func:`say` matches the English message against them and writes it again
  in the reader's language with the same values (:class:`Group` does it for
  every usage error of a run, before Typer prints it).

The language is :func:`lexversion.i18n.current`; :meth:`Group.main` runs the
whole command in the language found before parsing
(:func:`lexversion.cli.help.help_language`). English is the msgids
themselves: where nothing chooses a language, Typer prints what it always did.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from typing import Any

import typer
from typer._click.exceptions import ClickException, NoArgsIsHelpError, UsageError
from typer.core import TyperCommand, TyperGroup
from typer.models import DefaultPlaceholder

from lexversion.cli.help import help_language
from lexversion.i18n import N_, gettext, resay, template_pattern, using

#: :mod:`typer.rich_utils`'s constants -> Typer's English words (their msgids)
RICH: dict[str, str] = {
    "ARGUMENTS_PANEL_TITLE": N_("Arguments"),
    "OPTIONS_PANEL_TITLE": N_("Options"),
    "COMMANDS_PANEL_TITLE": N_("Commands"),
    "ERRORS_PANEL_TITLE": N_("Error"),
    "ABORTED_TEXT": N_("Aborted."),
    "RICH_HELP": N_("Try [blue]'{command_path} {help_option}'[/] for help."),
    "DEFAULT_STRING": N_("[default: {}]"),
    "ENVVAR_STRING": N_("[env var: {}]"),
    "REQUIRED_LONG_STRING": N_("[required]"),
    "DEPRECATED_STRING": N_("(deprecated) "),
}
#: the prefix of the usage line (``typer._click.formatting.HelpFormatter.write_usage``)
USAGE = N_("Usage:")
#: the usage line's placeholders for the options and the subcommand
#: (``options_metavar``, ``subcommand_metavar``)
METAVARS = (N_("[OPTIONS]"), N_("COMMAND [ARGS]..."))
#: the ``--help`` option's help (``typer._click.decorators.help_option``)
HELP = N_("Show this message and exit.")

#: the usage errors of ``typer._click`` (core, parser, exceptions) and Typer
#: (core, coercion), as they compose them; ``{reason}`` is itself looked up
#: here again. The most specific first: the first that matches the whole
#: message is used.
ERRORS: tuple[str, ...] = (
    N_("No such command {name}. Did you mean {names}?"),
    N_("No such command {name}."),
    N_("No such option: {name} (Possible options: {names})"),
    N_("No such option: {name}"),
    N_("Missing command."),
    N_("Missing argument {name}."),
    N_("Missing option {name}."),
    N_("Missing parameter {name}."),
    N_("Invalid value for {name}: {reason}"),
    N_("Invalid value: {reason}"),
    N_("Value error, {value} is not one of {choices}."),
    N_("Value {value} is not a valid {kind}."),
    N_("Option {name} requires an argument."),
    N_("Option {name} requires {count} arguments."),
    N_("Option {name} does not take a value."),
    N_("Got unexpected extra argument(s) ({values})"),
    N_("Got unexpected extra argument ({values})"),
)


@cache
def _pattern(template: str) -> re.Pattern[str]:
    """``template`` as a regular expression (:func:`lexversion.i18n.template_pattern`)."""
    return template_pattern(template)


def say(message: str) -> str:
    """``message``, one of Typer's usage errors (:data:`ERRORS`), in the current
    language with its values kept; any other message is returned as it is."""
    return resay(message, ((t, _pattern(t)) for t in ERRORS), _error_value)


def _error_value(name: str, value: str) -> str:
    """A value of a usage error as :func:`say` shows it: the ``reason`` said again."""
    return say(value) if name == "reason" else value


def speak() -> None:
    """Set :mod:`typer.rich_utils`'s words (:data:`RICH`) in the current
    language, just before Typer prints help or an error with them (importing
    the module costs ~50 ms, so a command that prints neither never does)."""
    from typer import rich_utils  # Typer imports it only to print help or errors

    for name, msgid in RICH.items():
        setattr(rich_utils, name, gettext(msgid))


@contextmanager
def _said() -> Iterator[None]:
    """Typer's words ready (:func:`speak`) for an error of the block that Typer
    will print, a usage error raised again in the reader's words (same
    context and exit code); the no-arguments help passes through."""
    try:
        yield
    except (ClickException, typer.Abort) as exc:
        speak()
        if not isinstance(exc, UsageError) or isinstance(exc, NoArgsIsHelpError):
            raise
        said = say(exc.format_message())
        if said == exc.format_message():
            raise
        raise UsageError(said, exc.ctx) from exc


class _Words:
    """The usage line's prefix and the ``--help`` option's help in the
    reader's language (mixed into Typer's command classes)."""

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        """Write the usage line, prefixed with :data:`USAGE`, its placeholders
        (:data:`METAVARS`) translated."""
        pieces = [
            gettext(p) if p in METAVARS else p
            for p in self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        ]
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=f"{gettext(USAGE)} ")

    def format_help(self, ctx: Any, formatter: Any) -> None:
        """Typer's help, its words (:func:`speak`) in the reader's language."""
        speak()
        super().format_help(ctx, formatter)  # type: ignore[misc]

    def get_help_option(self, ctx: Any) -> Any:
        """The ``--help`` option, its help (:data:`HELP`) translated."""
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = gettext(HELP)
        return option


class Command(_Words, TyperCommand):
    """A lexversion command: Typer's, with its own words translated."""


class Group(_Words, TyperGroup):
    """The ``lexversion`` group: Typer's, run in the reader's language with
    its words and usage errors translated (:func:`speak`, :func:`say`)."""

    def main(self, args: Sequence[str] | None = None, *rest: Any, **extra: Any) -> Any:
        """Run the command as Typer does, in the language the command line or
        ``$LEXVERSION_UI_LANG`` names (:func:`~lexversion.cli.help.help_language`)."""
        argv = list(sys.argv[1:] if args is None else args)
        with using(help_language(argv, os.environ)):
            return super().main(args, *rest, **extra)

    def make_context(self, *args: Any, **kwargs: Any) -> Any:
        """Parse the command line; a usage error in the reader's words."""
        with _said():
            return super().make_context(*args, **kwargs)

    def invoke(self, ctx: Any) -> Any:
        """Run the subcommand; a usage error in the reader's words."""
        with _said():
            return super().invoke(ctx)


def adopt(app: typer.Typer) -> None:
    """Make ``app``'s commands and groups, its sub-apps' included, the classes
    of this module (Typer's ``cls``) where Typer's own were to be used
    (``Typer.command`` puts :class:`~typer.core.TyperCommand` when none is given)."""
    if app.info.cls in (None, TyperGroup) or isinstance(app.info.cls, DefaultPlaceholder):
        app.info.cls = Group
    for info in app.registered_commands:
        if info.cls in (None, TyperCommand) or isinstance(info.cls, DefaultPlaceholder):
            info.cls = Command
    for group in app.registered_groups:
        if group.typer_instance is not None:
            adopt(group.typer_instance)
