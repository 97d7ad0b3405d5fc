"""incremental builds: what planning needs of each source, kept (issue 15)

Revision ID: 0009
Revises: 0008

``summaries`` keeps, per source (by SHA-256) and per derivation fingerprint,
the pickled :class:`~lexversion.model.records.DocSummary` a parse gave and the
parse's warnings (JSON), or the one-line error that made the parse fail
(``error``; no summary then), so that a build does not parse again a file
whose bytes the store holds or has seen fail. ``derived_groups`` keeps a digest of each group of
derived rows (events by work, effects by affected work, citations by citing
work), so that a build replaces only the groups that changed. ``build_inputs``
keeps what the last build planned with besides the texts (the corpus sidecar's
publication facts, the publication policy, the corpus fingerprint and the
report), so that ``lexversion add`` plans as that build did.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    have = sa.inspect(op.get_bind())
    if not have.has_table("summaries"):
        op.create_table(
            "summaries",
            sa.Column("sha256", sa.String(length=64), nullable=False),
            sa.Column("derivation", sa.String(length=64), nullable=False),
            sa.Column("data", sa.LargeBinary(), nullable=False),
            sa.Column("warnings", sa.JSON(), nullable=False),
            sa.Column("error", sa.Text(), nullable=True),
            sa.PrimaryKeyConstraint("sha256"),
        )
    if not have.has_table("derived_groups"):
        op.create_table(
            "derived_groups",
            sa.Column("tbl", sa.String(length=20), nullable=False),
            sa.Column("grp", sa.String(length=200), nullable=False),
            sa.Column("digest", sa.String(length=64), nullable=False),
            sa.PrimaryKeyConstraint("tbl", "grp"),
        )
    if not have.has_table("build_inputs"):
        op.create_table(
            "build_inputs",
            sa.Column("key", sa.String(length=40), nullable=False),
            sa.Column("value", sa.Text(), nullable=False),
            sa.PrimaryKeyConstraint("key"),
        )


def downgrade() -> None:
    op.drop_table("build_inputs")
    op.drop_table("derived_groups")
    op.drop_table("summaries")
