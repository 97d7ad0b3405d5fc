"""One exception tree for lexversion (after click's ``exceptions``).

Every error carries a one-line message that names the input and the problem and
an exit code; the CLI prints ``lexversion: <message>`` to stderr and exits with
that code, never with a traceback (DEVELOPERS.md principle 6).
"""

from __future__ import annotations


class LexversionError(Exception):
    """Base of all lexversion errors. ``exit_code`` is what the CLI exits with."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class InputError(LexversionError):
    """Bad input: empty, binary, undecodable, not a legal act. Exit code 2."""

    exit_code = 2

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


class NotFound(LexversionError):
    """A work, expression or citation that the store does not hold. Exit code 3."""

    exit_code = 3


class StoreError(LexversionError):
    """The store cannot be opened or written (bad URL, locked, corrupt). Exit code 4."""

    exit_code = 4


class UsageError(LexversionError):
    """A well-formed command with a meaningless argument (bad date, format). Exit code 2."""

    exit_code = 2


class InternalError(LexversionError):
    """A defect of lexversion itself, caught before it reached an output (an AKN
    that fails the official XSD): nothing is written. Exit code 70 (``EX_SOFTWARE``
    of BSD ``sysexits.h``)."""

    exit_code = 70


class PlanError(LexversionError):
    """A corpus text (or several together) the version graph cannot be planned
    from: an unexpected error while registering, dating, matching or planning
    the expressions of the texts ``files``. A build reports it, skips those
    files and plans the rest (DEVELOPERS.md principle 6). Exit code 1 (a build
    with skipped files)."""

    exit_code = 1

    def __init__(self, files: tuple[str, ...], shas: tuple[str, ...], problem: str) -> None:
        names = ", ".join(files)
        super().__init__(f"{names}: cannot be planned: {problem}")
        self.files = files
        self.shas = shas
        self.problem = problem
