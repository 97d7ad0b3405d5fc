"""works.aliases: the other acts a work also is (issue 13: a joint act)

Revision ID: 0008
Revises: 0007

A joint act of an akimat and a maslikhat is one work, named by the maslikhat's
decision; ``aliases`` holds the FRBR work URIs of its other half (the akimat's
resolution), comma-separated, so that a look-up of either URI finds the work.
Works stored before this revision have none; the next build writes them.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    have = sa.inspect(op.get_bind())
    if "aliases" not in {c["name"] for c in have.get_columns("works")}:
        op.add_column("works", sa.Column("aliases", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    op.drop_column("works", "aliases")
