"""provision_search: a full-text index of the stored expressions, one row per provision

Revision ID: 0004
Revises: 0003

``search_expressions`` lists the expressions indexed so far (so a sync indexes
only the new ones); ``provision_search`` holds one row per provision (the
provisions of :mod:`lexversion.akn.provisions`): SQLite an FTS5 virtual table,
PostgreSQL a table with a GIN index over ``to_tsvector('simple', text)``, any
other database a plain table (searched with LIKE). Filled by
:func:`lexversion.store.search.sync_search_index`; derived data only, rebuilt
from ``expressions`` at any time.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "search_expressions",
        sa.Column("uri", sa.String(length=250), nullable=False),
        sa.Column("work_uri", sa.String(length=200), nullable=False),
        sa.Column("provisions", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("uri"),
    )
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE provision_search USING fts5("
            "text, expression UNINDEXED, work UNINDEXED, lang UNINDEXED, "
            "eid UNINDEXED, label UNINDEXED, tokenize = 'unicode61 remove_diacritics 2')"
        )
        return
    op.create_table(
        "provision_search",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("expression", sa.String(length=250), nullable=False),
        sa.Column("work", sa.String(length=200), nullable=False),
        sa.Column("lang", sa.String(length=2), nullable=False),
        sa.Column("eid", sa.String(length=200), nullable=False),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_provision_search_expression", "provision_search", ["expression"])
    if dialect == "postgresql":
        op.execute(
            "CREATE INDEX ix_provision_search_tsv ON provision_search "
            "USING gin (to_tsvector('simple', text))"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE provision_search")
    else:
        op.drop_table("provision_search")
    op.drop_table("search_expressions")
