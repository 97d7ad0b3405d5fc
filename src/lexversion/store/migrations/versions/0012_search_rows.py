"""search rows by range, summaries' state by index: what a build reads without the whole store

Revision ID: 0012
Revises: 0011

SQLite's ``provision_search`` is an FTS5 table: it finds rows by term or by
rowid, and a ``DELETE ... WHERE expression IN (...)`` reads every row of it
(issue 15: an incremental build's cost grew with the store, 0.4 s at 2,000
acts, seconds at 100,000). An expression's provisions are written in one
statement with consecutive rowids (:func:`lexversion.store.searchrows.insert_provisions`),
so ``search_expressions.rows_from`` and ``rows_to`` (the first and last
rowid) let them be deleted by rowid. Rows indexed before this revision get
their range here when their rowids are consecutive (else none: they are
deleted by a scan, once); PostgreSQL and other databases leave them empty
(their table has an index on ``expression``).

``ix_summaries_state`` (derivation, sha256, error) answers what a build asks
of every kept summary (which texts have one of this derivation, which
failed) from the index, without reading the pickled summaries beside them.

The derived graph's fingerprint (``build_state`` ``derived``) becomes a sum
over the group digests (``sum:``, :func:`lexversion.store.derived.digests_fingerprint`)
that a selective build updates from the groups it writes; a kept one of the
older definition (a hash of the sorted digests) is recomputed here, once,
from ``derived_groups``.
"""

from __future__ import annotations

import hashlib

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    indexes = {i["name"] for i in sa.inspect(bind).get_indexes("summaries")}
    if "ix_summaries_state" not in indexes:
        op.create_index("ix_summaries_state", "summaries", ["derivation", "sha256", "error"])
    columns = {c["name"] for c in sa.inspect(bind).get_columns("search_expressions")}
    if "rows_from" not in columns:
        with op.batch_alter_table("search_expressions", schema=None) as batch_op:
            batch_op.add_column(sa.Column("rows_from", sa.BigInteger(), nullable=True))
            batch_op.add_column(sa.Column("rows_to", sa.BigInteger(), nullable=True))
    if bind.dialect.name == "sqlite":
        op.execute(
            "UPDATE search_expressions SET rows_from = r.lo, rows_to = r.hi FROM ("
            " SELECT expression, min(rowid) AS lo, max(rowid) AS hi, count(*) AS n"
            " FROM provision_search GROUP BY expression) AS r"
            " WHERE r.expression = search_expressions.uri"
            " AND r.hi - r.lo + 1 = r.n AND r.n = search_expressions.provisions"
        )
    _sum_fingerprint(bind)


def _sum_fingerprint(bind: sa.Connection) -> None:
    """Recompute a kept derived fingerprint of the older definition as the sum
    of this revision (the definition as of 0012: ``sum:`` and, modulo 2**256,
    the sum of the SHA-256 of each group's line: table, group and digest
    joined by U+001F, ending in a newline; in hex)."""
    kept = bind.execute(sa.text("SELECT value FROM build_state WHERE key = 'derived'")).scalar()
    if kept is None or kept.startswith("sum:"):
        return
    total = 0
    for tbl, grp, digest in bind.execute(sa.text("SELECT tbl, grp, digest FROM derived_groups")):
        line = f"{tbl}\x1f{grp}\x1f{digest}\n".encode()
        total += int.from_bytes(hashlib.sha256(line).digest(), "big")
    value = f"sum:{total % (1 << 256):064x}"
    bind.execute(sa.text("UPDATE build_state SET value = :v WHERE key = 'derived'"), {"v": value})


def downgrade() -> None:
    op.drop_index("ix_summaries_state", table_name="summaries")
    with op.batch_alter_table("search_expressions", schema=None) as batch_op:
        batch_op.drop_column("rows_to")
        batch_op.drop_column("rows_from")
