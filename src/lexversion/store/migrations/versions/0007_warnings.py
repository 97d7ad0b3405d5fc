"""warnings: what a build found doubtful about a work's texts (issue 13, items 2 and 9)

Revision ID: 0007
Revises: 0006

``warnings`` holds, per work, a copy of a text stored once (``duplicate_text``:
the copy's SHA-256 is a source of the expression), two different texts of one
expression (``conflicting_text``), a recorded effect the text disagrees with
(``effect_text_mismatch``) and a text lacking a change (``not_consolidated``),
each with the expression it concerns and the words of its message as JSON.
Derived like events and effects: replaced when their fingerprint changes.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    have = sa.inspect(op.get_bind())
    if have.has_table("warnings"):
        return
    op.create_table(
        "warnings",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("work_uri", sa.String(length=200), nullable=False),
        sa.Column("code", sa.String(length=30), nullable=False),
        sa.Column("expression", sa.String(length=250), nullable=True),
        sa.Column("source", sa.String(length=64), nullable=True),
        sa.Column("params", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_warnings_work_uri", "warnings", ["work_uri"])


def downgrade() -> None:
    op.drop_index("ix_warnings_work_uri", table_name="warnings")
    op.drop_table("warnings")
