"""citations: how each was resolved (exact, unique, fuzzy) and the match score

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("citations") as batch:
        batch.add_column(
            sa.Column("method", sa.String(length=10), nullable=False, server_default="exact")
        )
        batch.add_column(sa.Column("score", sa.Float(), nullable=False, server_default="100"))


def downgrade() -> None:
    with op.batch_alter_table("citations") as batch:
        batch.drop_column("score")
        batch.drop_column("method")
