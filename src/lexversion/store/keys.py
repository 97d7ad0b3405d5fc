"""The keys selective planning follows, kept per text and per work (issue 15,
``plan_keys``; :mod:`lexversion.graph.touch` makes them,
:mod:`lexversion.app.selective` follows them)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from lexversion.store.rows import PlanKeyRow

BATCH = 500
#: a kept row: (owner, key, role, variant)
Row = tuple[str, str, str, str]


class PlanKeys:
    """The ``plan_keys`` rows, read and written inside a build's session."""

    def __init__(self, session: Session) -> None:
        self.s = session

    def put(self, rows: Mapping[str, Sequence[tuple[str, str, str]]], fresh: bool = False) -> None:
        """Keep the key rows (key, role, variant) of each owner of ``rows`` (a
        text's SHA-256 or a work's URI), replacing those it had (``fresh``:
        it had none, the table was cleared)."""
        if not fresh:
            self.drop(rows)
        batch = [
            {"owner": owner, "key": k, "role": role, "variant": v}
            for owner, keys in rows.items()
            for k, role, v in keys
        ]
        for k in range(0, len(batch), BATCH):
            self.s.execute(insert(PlanKeyRow), batch[k : k + BATCH])

    def clear(self) -> None:
        """Delete every key row (a build planning the whole corpus writes them all again)."""
        self.s.execute(delete(PlanKeyRow))

    def drop(self, owners: Iterable[str]) -> None:
        """Delete the key rows of ``owners``."""
        gone = sorted(owners)
        for k in range(0, len(gone), BATCH):
            self.s.execute(delete(PlanKeyRow).where(PlanKeyRow.owner.in_(gone[k : k + BATCH])))

    def texts(self) -> set[str]:
        """The texts (SHA-256) whose keys are kept: the texts the stored graph was planned from."""
        q = select(PlanKeyRow.owner).where(PlanKeyRow.role != "w").distinct()
        return set(self.s.scalars(q))

    def has_role(self, role: str) -> bool:
        """Whether any kept key row has ``role``."""
        return (
            self.s.scalar(select(PlanKeyRow.owner).where(PlanKeyRow.role == role).limit(1))
            is not None
        )

    def named_as(self, keys: Sequence[str]) -> dict[str, set[tuple[str, str]]]:
        """For each of ``keys`` the distinct (role, variant) of the rows of the
        texts naming it (role not ``w``): what
        :func:`lexversion.graph.touch.cuttable` reads, without reading the rows (a
        hub key has one for nearly every text of the store)."""
        out: dict[str, set[tuple[str, str]]] = {}
        for k in range(0, len(keys), BATCH):
            q = (
                select(PlanKeyRow.key, PlanKeyRow.role, PlanKeyRow.variant)
                .where(PlanKeyRow.key.in_(keys[k : k + BATCH]), PlanKeyRow.role != "w")
                .distinct()
            )
            for key, role, variant in self.s.execute(q):
                out.setdefault(key, set()).add((role, variant))
        return out

    def named_by_one_of(
        self, key: str, texts: AbstractSet[str], but: AbstractSet[str] = frozenset()
    ) -> bool:
        """Whether one of ``texts`` (SHA-256) not in ``but`` has a row naming
        ``key`` (role not ``w``). Reads the key's texts ``BATCH`` at a time and stops at the first
        found (a hub key's are most of the store's texts)."""
        q = (
            select(PlanKeyRow.owner)
            .where(PlanKeyRow.key == key, PlanKeyRow.role != "w")
            .execution_options(yield_per=BATCH)  # no DISTINCT: it would read every row first
        )
        result = self.s.execute(q)
        try:
            return any(o in texts and o not in but for o in result.scalars())
        finally:
            result.close()

    def work_owners(self, key: str) -> list[str]:
        """The works (URI) whose key is ``key``."""
        q = select(PlanKeyRow.owner).where(PlanKeyRow.key == key, PlanKeyRow.role == "w")
        return list(self.s.scalars(q))

    def with_keys(self, keys: Sequence[str]) -> list[Row]:
        """Every kept row (owner, key, role, variant) of ``keys``."""
        return self._rows(PlanKeyRow.key, keys)

    def rows_of(self, owners: Sequence[str]) -> list[Row]:
        """Every kept row (owner, key, role, variant) of ``owners``."""
        return self._rows(PlanKeyRow.owner, owners)

    def _rows(self, column: Any, values: Sequence[str]) -> list[Row]:
        """Every kept row whose ``column`` is one of ``values``, ``BATCH`` at a time."""
        out: list[Row] = []
        cols = (PlanKeyRow.owner, PlanKeyRow.key, PlanKeyRow.role, PlanKeyRow.variant)
        for k in range(0, len(values), BATCH):
            q = select(*cols).where(column.in_(values[k : k + BATCH]))
            out += [tuple(r) for r in self.s.execute(q)]  # type: ignore[misc]
        return out


__all__ = ["PlanKeys", "Row"]
