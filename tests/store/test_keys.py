"""The kept plan keys (:class:`lexversion.store.keys.PlanKeys`): what selective
planning reads of a key without reading its rows (issue 15: a hub key has a row
for nearly every text of the store)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from lexversion.store import open_store
from lexversion.store.keys import PlanKeys

HUB = "d:2001-01-23|148"


def test_a_keys_roles_and_texts_are_read_without_its_rows(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'store.db'}")
    with Session(store.engine) as s, s.begin():
        keys = PlanKeys(s)
        rows = {f"text{n:03d}": [(HUB, "c", "")] for n in range(1200)}  # more than a BATCH
        rows["text000"] = [(HUB, "c", ""), ("d:2017-12-15|26-129", "o", "")]
        rows["/akn/kz/act/law/2001-01-23/148"] = [(HUB, "w", "")]
        keys.put(rows, fresh=True)
        assert keys.named_as([HUB, "d:2017-12-15|26-129", "d:none"]) == {
            HUB: {("c", "")},  # the work's own row (role w) is not a text's
            "d:2017-12-15|26-129": {("o", "")},
        }
        texts = set(rows) - {"/akn/kz/act/law/2001-01-23/148"}
        assert keys.named_by_one_of(HUB, texts)
        assert keys.named_by_one_of(HUB, {"text1199"})
        assert not keys.named_by_one_of(HUB, {"text1199"}, but={"text1199"})
        assert not keys.named_by_one_of(HUB, {"/akn/kz/act/law/2001-01-23/148"})
        assert keys.work_owners(HUB) == ["/akn/kz/act/law/2001-01-23/148"]
