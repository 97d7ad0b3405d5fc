"""Finding a work from what a researcher types (lexversion.app.resolve): a joint
act's other half, by URI or citation, is the joint work (issue 13, item 3); a law
of the table is one work whichever language's citation is typed."""

from __future__ import annotations

from lexversion.app.resolve import find_work
from lexversion.store import open_store

JOINT = "/akn/kz-71/act/decision/2019-03-06/356-45-vi"
ALIAS = "/akn/kz-71/act/resolution/2019-02-22/507-290"


def test_the_alias_uri_finds_the_joint_work(db: str) -> None:
    store = open_store(db)
    work, _ = find_work(store, ALIAS)
    assert work.frbr_uri == JOINT and work.aliases == (ALIAS,)


def test_the_alias_citation_finds_the_joint_work(db: str) -> None:
    store = open_store(db)
    q = "Астана қаласы әкімдігінің 2019 жылғы 22 ақпандағы № 507-290 қаулысы"
    work, _ = find_work(store, q)
    assert work.frbr_uri == JOINT
