"""What builds saw of their source files (issue 15, ``file_stats``): per path,
the ``os.stat`` facts and the SHA-256 of the bytes read, so that a build
reads again only the files whose stat changed
(:func:`lexversion.app.incremental.hash_files_cached` decides what is kept and
what is trusted).

A cache, not content: its writes do not count as the build's (they change
nothing a reader sees, :meth:`lexversion.store.writer.GraphWriter.mark_written`)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from lexversion.store.rows import FileStatRow

BATCH = 500
#: :meth:`FileStats.known` of fewer paths looks them up, of more reads every row
FEW = 2_000
#: a file's stat as kept: (size, mtime_ns, ctime_ns, "device:inode" in decimal)
Stat = tuple[int, int, int, str]


class FileStats:
    """The ``file_stats`` rows, read and written inside a build's session."""

    def __init__(self, session: Session) -> None:
        self.s = session

    def known(self, paths: Sequence[str] | None = None) -> dict[str, tuple[Stat, str]]:
        """The kept rows, (stat, SHA-256) by path: every one, or (``paths``)
        those of ``paths``, looked up by path when they are fewer than
        :data:`FEW` (``lexversion add`` of a few files: issue 15, reading every
        row of a store of 100,000 files cost more than the files added)."""
        cols = (
            FileStatRow.path,
            FileStatRow.size,
            FileStatRow.mtime_ns,
            FileStatRow.ctime_ns,
            FileStatRow.inode,
            FileStatRow.sha256,
        )
        conn = self.s.connection()  # Core: no ORM rows
        if paths is None or len(paths) >= FEW:
            rows = conn.execute(select(*cols)).all()
        else:
            asked = sorted(set(paths))
            rows = []
            for k in range(0, len(asked), BATCH):
                q = select(*cols).where(FileStatRow.path.in_(asked[k : k + BATCH]))
                rows += conn.execute(q).all()
        wanted = None if paths is None else set(paths)
        return {
            path: ((size, mtime, ctime, inode), sha)
            for path, size, mtime, ctime, inode, sha in rows
            if wanted is None or path in wanted
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


__all__ = ["FEW", "FileStats", "Stat"]
