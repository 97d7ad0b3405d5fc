"""expression timing: the digest of the version graph's dates an expression's AKN states

Revision ID: 0010
Revises: 0009

An expression's AKN dates its lifecycle (entry into force, application, each
amendment and the repeal) by the version graph's dates, which the corpus
sidecar's publication dates and the other texts decide (issue 13, item 4).
``expressions.timing`` keeps the digest of those dates
(``ExpressionPlan.timing``), so that an incremental build renders again an
expression whose text is unchanged but whose dates are not. Rows from before
this revision have none and are rendered again by the next build.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    columns = {c["name"] for c in sa.inspect(op.get_bind()).get_columns("expressions")}
    if "timing" not in columns:
        with op.batch_alter_table("expressions", schema=None) as batch_op:
            batch_op.add_column(sa.Column("timing", sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("expressions", schema=None) as batch_op:
        batch_op.drop_column("timing")
