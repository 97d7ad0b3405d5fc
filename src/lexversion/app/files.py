"""Writing output files so that a reader never sees half of one.

A file goes to ``<name>.part`` beside its target and is renamed over it only
when complete: the target is either the old file or the whole new one.
"""

from __future__ import annotations

from pathlib import Path

from lexversion.errors import UsageError
from lexversion.i18n import gettext as _


def write_atomic(out: Path, data: bytes) -> None:
    """Write ``data`` to ``out`` through ``out.part`` and a rename.

    Raises :class:`UsageError` (one line, exit code 2) when ``out`` is a
    directory or cannot be written; no ``.part`` file is left behind.
    """
    if out.is_dir():
        raise UsageError(_("{path}: is a directory, not a file to write").format(path=out))
    tmp = out.with_name(out.name + ".part")
    try:
        tmp.write_bytes(data)
        tmp.replace(out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise UsageError(
            _("{path}: cannot write: {why}").format(path=out, why=exc.strerror)
        ) from None
