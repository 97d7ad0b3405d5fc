"""``lexversion --help`` in the reader's language (issue 14).

Typer builds the help from the commands' ``help`` texts, which are English
msgids marked with :func:`~lexversion.i18n.N_`. :func:`localize` translates
them on the click command Typer makes, in the language :func:`help_language`
finds before anything is parsed: ``--ui-lang`` anywhere on the command line
(``--ui-lang kk`` or ``--ui-lang=kk``), else ``$LEXVERSION_UI_LANG``, else
English. Typer's own words (``Usage:``, the panel titles, ``[default: …]``,
the ``--help`` line, the usage errors) are :mod:`lexversion.cli.words`'.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from lexversion.i18n import DEFAULT, ENV_VAR, choose, gettext

#: the option naming the language (the commands' ``--ui-lang``)
OPTION = "--ui-lang"


def _known(value: str | None) -> str | None:
    """``value`` as an interface language, ``None`` when it is none (the
    command's own parsing reports a bad ``--ui-lang`` later)."""
    try:
        return choose(value)
    except ValueError:
        return None


def help_language(argv: Sequence[str], environ: Mapping[str, str]) -> str:
    """The language of the help: the last ``--ui-lang`` value in ``argv`` (the
    arguments after the program name) that is a language, else ``environ``'s
    :data:`~lexversion.i18n.ENV_VAR`, else English."""
    found: str | None = None
    for k, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == OPTION and k + 1 < len(argv):
            found = _known(argv[k + 1]) or found
        elif arg.startswith(OPTION + "="):
            found = _known(arg.partition("=")[2]) or found
    return found or _known(environ.get(ENV_VAR)) or DEFAULT


def localize(command: Any) -> None:
    """Translate the help texts of ``command`` (the click command
    :func:`typer.main.get_command` makes) and its subcommands in place, into
    the current interface language (:func:`lexversion.i18n.using`)."""
    if command.help:
        command.help = gettext(command.help)
    if command.short_help:
        command.short_help = gettext(command.short_help)
    for param in command.params:
        text = getattr(param, "help", None)
        if text:
            param.help = gettext(text)
    for sub in getattr(command, "commands", {}).values():
        localize(sub)
