"""``lexversion split``: a file holding several concatenated exports -> one file per act.

:func:`lexversion.parse.parse` refuses such a file (issue 16) naming how many
acts it holds; this cuts it where each export opens
(:func:`lexversion.parse.plausibility.split_exports`), verbatim, so every act can
be parsed and built on its own.
"""

from __future__ import annotations

from pathlib import Path

from lexversion.app.files import write_atomic
from lexversion.errors import UsageError
from lexversion.i18n import gettext as _
from lexversion.parse.plausibility import split_exports
from lexversion.text.decode import decode


def split_file(data: bytes, source: str, out_dir: Path) -> list[Path]:
    """Write each export of ``data`` (the file ``source``) to ``out_dir`` as
    ``<stem>_<k>.txt`` (UTF-8, ``k`` from 1, zero-padded), creating the
    directory; returns the paths written, in order. Raises
    :class:`~lexversion.errors.InputError` for input :func:`decode` refuses and
    :class:`UsageError` when ``out_dir`` cannot be made or written."""
    text = decode(data, source)
    pieces = split_exports(text)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(
            _("{path}: cannot make the directory: {why}").format(path=out_dir, why=exc.strerror)
        ) from None
    stem = Path(source).stem if source != "<stdin>" else "stdin"
    width = max(2, len(str(len(pieces))))
    out = []
    for k, piece in enumerate(pieces, start=1):
        path = out_dir / f"{stem}_{k:0{width}d}.txt"
        write_atomic(path, piece.encode("utf-8"))
        out.append(path)
    return out
