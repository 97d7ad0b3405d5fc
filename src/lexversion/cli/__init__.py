"""The ``lexversion`` command line (Typer): thin handlers over the library,
one module per use case.

- :mod:`~lexversion.cli.common`: the app, the shared options and helpers;
- :mod:`~lexversion.cli.text`: ``parse``, ``split``, ``normalize`` (one file, no store);
- :mod:`~lexversion.cli.build`: ``build`` (the corpus into the store);
- :mod:`~lexversion.cli.browse`: ``works``, ``search``, ``graph`` (every work);
- :mod:`~lexversion.cli.read`: ``show``, ``history``, ``diff``, ``pdf`` (one work);
- :mod:`~lexversion.cli.serve`: ``serve`` (the web app);
- :mod:`~lexversion.cli.export`: ``export git``;
- :mod:`~lexversion.cli.help`: the help in the reader's language;
- :mod:`~lexversion.cli.words`: Typer's own words (usage, panels, errors) in it.

Importing a module registers its commands on :data:`app`; ``lexversion.cli:main``
is the console script.
"""

from __future__ import annotations

import gc
import os
import sys

import typer.main

from lexversion.cli import browse, build, export, read, serve, text
from lexversion.cli.common import app
from lexversion.cli.help import help_language, localize
from lexversion.cli.words import adopt
from lexversion.i18n import using
from lexversion.store import close_engines

__all__ = ["app", "browse", "build", "export", "main", "read", "serve", "text"]

#: the commands in the order ``lexversion --help`` lists them (the pipeline's
#: order; a command not listed comes last)
ORDER = (
    "parse",
    "build",
    "add",
    "works",
    "show",
    "history",
    "search",
    "graph",
    "diff",
    "pdf",
    "split",
    "serve",
    "normalize",
)


def _rank(name: str | None) -> int:
    return ORDER.index(name) if name in ORDER else len(ORDER)


app.registered_commands.sort(
    key=lambda c: _rank(c.name or (c.callback.__name__ if c.callback else None))
)
adopt(app)


def main() -> None:
    """Console-script entry point: the commands with their help in the reader's
    language (:mod:`lexversion.cli.help`), run as Typer runs them (in that
    language, Typer's words included: :class:`lexversion.cli.words.Group`).

    Process policy (the console script's process only, never a library
    caller's): once the command has run, every store engine still alive is
    closed (:func:`lexversion.store.close_engines`: SQLite folds the ``-wal``
    file back, as the exit's collection of an engine did), one full collection
    finalizes what is garbage, and what is still alive goes to the collector's
    permanent generation (``gc.freeze``), as
    :func:`lexversion.app.ingest.start_worker` does for a build's workers. That
    is what lives as long as the process (modules, the spaCy pipelines and
    hunspell dictionaries a parse loaded: ~400,000 objects after a build),
    which the interpreter's exit would walk in several more full collections
    (~0.7 s CPU after a build) only to free memory the system takes back
    anyway; reference counting still releases it.
    """
    command = typer.main.get_command(app)
    with using(help_language(sys.argv[1:], os.environ)):
        localize(command)
    try:
        command()
    finally:
        close_engines()
        gc.collect()
        gc.freeze()
