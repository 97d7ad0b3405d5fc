"""provision_search indexes analysed terms: stems for words, folded words for prefixes

Revision ID: 0005
Revises: 0004

The index of ``0004`` held the provision text as the backend's own tokenizer
cut it (FTS5 ``unicode61``, PostgreSQL ``simple``), so word forms did not meet
and "й" was folded on one side only. Now each row also holds the terms of
:func:`lexversion.text.analysis.analyze`: ``stems`` (one per word, in the
text's language) and ``words`` (folded words, for prefix queries); only those
are indexed. SQLite: an FTS5 table over ``stems`` and ``words``; PostgreSQL: a
stored ``tsv`` column (``stems`` weight A, ``words`` weight B) with a GIN index;
any other database: a plain table (LIKE). ``search_expressions.analysis`` names
the analysis an expression was indexed with; the table is emptied here, so the
next :func:`lexversion.store.search.sync_search_index` rebuilds the index
(derived data only).
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

#: the PostgreSQL document of a row: stems (A) and folded words (B)
PG_TSV = (
    "setweight(to_tsvector('simple', stems), 'A') || setweight(to_tsvector('simple', words), 'B')"
)


def _create(dialect: str) -> None:
    if dialect == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE provision_search USING fts5("
            "stems, words, text UNINDEXED, expression UNINDEXED, work UNINDEXED, "
            "lang UNINDEXED, eid UNINDEXED, label UNINDEXED, "
            "tokenize = 'unicode61 remove_diacritics 0')"
        )
        return
    columns: list[sa.Column[Any]] = [
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("expression", sa.String(length=250), nullable=False),
        sa.Column("work", sa.String(length=200), nullable=False),
        sa.Column("lang", sa.String(length=2), nullable=False),
        sa.Column("eid", sa.String(length=200), nullable=False),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("stems", sa.Text(), nullable=False),
        sa.Column("words", sa.Text(), nullable=False),
    ]
    if dialect == "postgresql":
        columns.append(sa.Column("tsv", postgresql.TSVECTOR(), sa.Computed(PG_TSV, persisted=True)))
    op.create_table("provision_search", *columns, sa.PrimaryKeyConstraint("id"))
    op.create_index("ix_provision_search_expression", "provision_search", ["expression"])
    if dialect == "postgresql":
        op.execute("CREATE INDEX ix_provision_search_tsv ON provision_search USING gin (tsv)")


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute("DROP TABLE provision_search")
    else:
        op.drop_table("provision_search")
    op.execute("DELETE FROM search_expressions")
    with op.batch_alter_table("search_expressions") as batch:
        batch.add_column(sa.Column("analysis", sa.String(length=32), nullable=True))
    _create(dialect)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute("DROP TABLE provision_search")
    else:
        op.drop_table("provision_search")
    op.execute("DELETE FROM search_expressions")
    with op.batch_alter_table("search_expressions") as batch:
        batch.drop_column("analysis")
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
