"""selective planning: the keys each text and work touch (issue 15)

Revision ID: 0011
Revises: 0010

``plan_keys`` keeps, for each corpus text planned (by SHA-256) and each work
(by FRBR URI, role ``w``), the keys :mod:`lexversion.graph.touch` gives it, so
that a build plans again only the texts connected to what changed. A store
without them (made before this revision) is planned whole once.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if not sa.inspect(op.get_bind()).has_table("plan_keys"):
        op.create_table(
            "plan_keys",
            sa.Column("owner", sa.String(length=200), nullable=False),
            sa.Column("key", sa.String(length=400), nullable=False),
            sa.Column("role", sa.String(length=1), nullable=False),
            sa.Column("variant", sa.String(length=16), nullable=False),
            sa.PrimaryKeyConstraint("owner", "key", "role", "variant"),
        )
        op.create_index("ix_plan_keys_key", "plan_keys", ["key"])


def downgrade() -> None:
    op.drop_index("ix_plan_keys_key", table_name="plan_keys")
    op.drop_table("plan_keys")
