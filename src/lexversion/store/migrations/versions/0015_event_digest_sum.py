"""order-free event group digests: a hub's evidence is patched, not read whole

Revision ID: 0015
Revises: 0014

An event group's digest was SHA-256 over its rows in order, so a build
adding one citing act read every evidence row of the law every act cites to
digest its group again (issue 15: about 0.5 s at 10,000 acts, 5 s at
100,000). It is now the sum modulo 2**256 of its rows' SHA-256, ``seq``
included (:func:`lexversion.store.derived.digests_of`): a build updates it
from the rows it deletes and inserts (:func:`lexversion.store.derived.patch_group`).
The stored event digests are recomputed here, and the derived fingerprint,
a sum over every group's digest, with them. Two indexes serve the patch
(:mod:`lexversion.store.hubpatch`): ``ix_events_anchor`` (a partial index of
the rows that are not keyed evidence) and ``ix_events_work_by``. A downgrade
drops the indexes and leaves the digests as sums: a build of 0014's code finds
them different from its own and writes those groups again (the same rows).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from lexversion.store.derived import row_number, stored_fingerprint, sum_digest
from lexversion.store.rows import ANCHOR_WHERE

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    indexes = {i["name"] for i in sa.inspect(bind).get_indexes("events")}
    if "ix_events_work_by" not in indexes:
        op.create_index("ix_events_work_by", "events", ["work_uri", "by_uri"])
    if "ix_events_anchor" not in indexes:
        where = sa.text(ANCHOR_WHERE)
        op.create_index(
            "ix_events_anchor", "events", ["work_uri", "seq"],
            sqlite_where=where, postgresql_where=where,
        )  # fmt: skip
    _digests(bind)


def _digests(bind: sa.Connection) -> None:
    """Recompute the digest of every stored event group, then the derived fingerprint."""
    groups = sa.table("derived_groups", sa.column("tbl"), sa.column("grp"), sa.column("digest"))
    state = sa.table("build_state", sa.column("key"), sa.column("value"))
    cols = [
        "work_uri", "type", "earliest", "latest", "certainty", "basis",
        "by_uri", "source", "note", "seq",
    ]  # fmt: skip
    events = sa.table(
        "events", *[sa.column(c, sa.Date()) if c in ("earliest", "latest") else sa.column(c)
                    for c in cols]
    )  # fmt: skip
    tracked = set(bind.execute(sa.select(groups.c.grp).where(groups.c.tbl == "events")).scalars())
    if not tracked:
        return  # no digests (a store from before 0007, or empty): nothing to recompute
    sums: dict[str, int] = {}
    for row in bind.execute(sa.select(events)).mappings():
        sums[row["work_uri"]] = sums.get(row["work_uri"], 0) + row_number(dict(row))
    stmt = (
        sa.update(groups)
        .where(groups.c.tbl == "events", groups.c.grp == sa.bindparam("g"))
        .values(digest=sa.bindparam("d"))
    )
    updates = [{"g": k, "d": sum_digest(t)} for k, t in sorted(sums.items()) if k in tracked]
    for k in range(0, len(updates), 1000):
        bind.execute(stmt, updates[k : k + 1000])
    fingerprint = stored_fingerprint(bind)
    bind.execute(sa.delete(state).where(state.c.key == "derived"))
    bind.execute(sa.insert(state).values(key="derived", value=fingerprint))


def downgrade() -> None:
    op.drop_index("ix_events_anchor", table_name="events")
    op.drop_index("ix_events_work_by", table_name="events")
