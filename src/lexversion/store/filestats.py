"""What builds saw of their source files (issue 15, ``file_stats``): per path,
the ``os.stat`` facts and the SHA-256 of the bytes read, so that a build
reads again only the files whose stat changed
(:func:`lexversion.app.incremental.hash_files_cached` decides what is kept and
what is trusted).

A cache, not content: its writes do not count as the build's (they change
nothing a reader sees, :meth:`lexversion.store.writer.GraphWriter.mark_written`)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from lexversion.store.rows import FileStatRow

BATCH = 500
#: a file's stat as kept: (size, mtime_ns, ctime_ns, "device:inode" in decimal)
Stat = tuple[int, int, int, str]


class FileStats:
    """The ``file_stats`` rows, read and written inside a build's session."""

    def __init__(self, session: Session) -> None:
        self.s = session

    def known(self) -> dict[str, tuple[Stat, str]]:
        """Every kept row: (stat, SHA-256) by path."""
        cols = (
            FileStatRow.path,
            FileStatRow.size,
            FileStatRow.mtime_ns,
            FileStatRow.ctime_ns,
            FileStatRow.inode,
            FileStatRow.sha256,
        )
        rows = self.s.connection().execute(select(*cols)).all()  # Core: no ORM rows
        return {
            path: ((size, mtime, ctime, inode), sha)
            for path, size, mtime, ctime, inode, sha in rows
        }

    def put(self, rows: Mapping[str, tuple[Stat, str]]) -> None:
        """Keep the (stat, SHA-256) of each path of ``rows``, replacing what it had."""
        self.drop(rows)
        batch = [
            {"path": p, "size": a, "mtime_ns": b, "ctime_ns": c, "inode": d, "sha256": sha}
            for p, ((a, b, c, d), sha) in sorted(rows.items())
        ]
        for k in range(0, len(batch), BATCH):
            self.s.execute(insert(FileStatRow), batch[k : k + BATCH])

    def drop(self, paths: Iterable[str]) -> None:
        """Delete the rows of ``paths``."""
        gone = sorted(paths)
        for k in range(0, len(gone), BATCH):
            self.s.execute(delete(FileStatRow).where(FileStatRow.path.in_(gone[k : k + BATCH])))


__all__ = ["FileStats", "Stat"]
