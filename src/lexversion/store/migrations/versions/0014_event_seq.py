"""event order in the row: adding one act writes only its evidence on a cited hub

Revision ID: 0014
Revises: 0013

A stub every act cites (the law on local government) holds one
``in_force_evidence`` event per citing act; its events were read in row-id
order, so a build adding one citing act deleted and inserted the whole group
(issue 15: 1,650 rows at 2,000 acts, about 80,000 at 100,000). ``events.seq``
keeps each row's place among its work's events
(:mod:`lexversion.store.eventseq`) and readers order by it; a build then
inserts the new evidence row alone (:func:`lexversion.store.derived.write_groups`).
Rows already stored get their ``seq`` here, from their work's rows in row-id
order (the order every earlier build wrote them in), by the same function a
build uses, so the stored group digests (which leave ``seq`` out) stay valid.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

from lexversion.store.eventseq import seqs

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    columns = {c["name"] for c in sa.inspect(bind).get_columns("events")}
    if "seq" not in columns:
        with op.batch_alter_table("events", schema=None) as batch_op:
            batch_op.add_column(sa.Column("seq", sa.String(length=90), nullable=True))
    _fill(bind)
    indexes = {i["name"] for i in sa.inspect(bind).get_indexes("events")}
    if "ix_events_work_seq" not in indexes:
        op.create_index("ix_events_work_seq", "events", ["work_uri", "seq"])


def _fill(bind: sa.Connection) -> None:
    """Give every stored event its ``seq``, work by work in row-id order."""
    events = sa.table(
        "events", sa.column("id"), sa.column("work_uri"), sa.column("type"),
        sa.column("earliest", sa.Date()), sa.column("basis"), sa.column("source"),
        sa.column("seq"),
    )  # fmt: skip
    q = sa.select(events).where(events.c.seq.is_(None)).order_by(events.c.work_uri, events.c.id)
    run: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []

    def flush() -> None:
        updates.extend({"i": r["id"], "s": s} for r, s in zip(run, seqs(run), strict=True))
        run.clear()

    for row in bind.execute(q).mappings():
        if run and row["work_uri"] != run[0]["work_uri"]:
            flush()
        run.append(dict(row))
    flush()
    stmt = sa.update(events).where(events.c.id == sa.bindparam("i")).values(seq=sa.bindparam("s"))
    for k in range(0, len(updates), 1000):
        bind.execute(stmt, updates[k : k + 1000])


def downgrade() -> None:
    op.drop_index("ix_events_work_seq", table_name="events")
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_column("seq")
