"""file stats: a no-change build reads no file (issue 15)

Revision ID: 0013
Revises: 0012

``file_stats`` keeps, per source file path a build was given, the
``os.stat`` facts (size, mtime and ctime in nanoseconds, device and inode) and the
SHA-256 of the bytes it read, so that the next build hashes again only the
files whose stat changed (:func:`lexversion.app.incremental.hash_files_cached`). A store without
rows hashes every file once.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if not sa.inspect(op.get_bind()).has_table("file_stats"):
        op.create_table(
            "file_stats",
            sa.Column("path", sa.Text(), nullable=False),
            sa.Column("size", sa.BigInteger(), nullable=False),
            sa.Column("mtime_ns", sa.BigInteger(), nullable=False),
            sa.Column("ctime_ns", sa.BigInteger(), nullable=False),
            sa.Column("inode", sa.String(length=48), nullable=False),
            sa.Column("sha256", sa.String(length=64), nullable=False),
            sa.PrimaryKeyConstraint("path"),
        )


def downgrade() -> None:
    op.drop_table("file_stats")
