"""Layout is a hint (guide principle 9, issue 12 item 1): the real openings of
``realworld/openings-dev.jsonl`` read the same when a copy reshapes them as
researchers' copies do.

Every record is parsed as it is and reshaped: every line spaced by a blank line
(a web page's paragraphs copied one a line), spaces made no-break spaces (a web
page's ``&nbsp;``), Windows line ends, trailing spaces, no blank lines, no
indentation, blank lines above, the Kazakh year word abbreviated ("2022 ж. 27
қазандағы", as mirrors print it). Each reshaped copy must give the same act type,
issuer, date, number, registration, status, repealing act and amending acts of its
notes as the record itself, or be refused with the same error. Before this test, a
double-spaced copy of three records was refused as "holds 2 acts" or lost its
signature's issuer or its mirror card's amending acts, no-break spaces changed
three issuers, and nine records lost their requisites to an abbreviated year.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from lexversion.akn.json import document_json
from lexversion.errors import InputError
from lexversion.parse import parse

RECORDS = Path(__file__).with_name("realworld") / "openings-dev.jsonl"


def _records() -> list[dict[str, Any]]:
    with RECORDS.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f]


#: the reshapings, by name: a copy's text from the record's
RESHAPE: dict[str, Callable[[str], str]] = {
    "double_spaced": lambda t: "\n\n".join(t.split("\n")),
    "no_break_spaces": lambda t: t.replace(" ", "\u00a0"),
    "crlf": lambda t: t.replace("\n", "\r\n"),
    "trailing_spaces": lambda t: "\n".join(line + "  " for line in t.split("\n")),
    "no_blank_lines": lambda t: "\n".join(line for line in t.split("\n") if line.strip()),
    "no_indent": lambda t: "\n".join(line.lstrip() for line in t.split("\n")),
    "blank_lines_above": lambda t: "\n \n\n" + t,
    "kazakh_year_abbreviated": lambda t: re.sub(r"(\d{4}) жылғы", r"\1 ж.", t),
}


def _read(text: str) -> dict[str, Any] | str:
    """The fields a researcher cites of ``text`` parsed, or the refusal's message."""
    try:
        meta = document_json(parse(text.encode("utf-8")))
    except InputError as e:
        return str(e)
    reg = meta.get("registration") or {}
    rep = meta.get("repealed_by") or {}
    amending = sorted(
        (e["affecting"].get("date") or "", e["affecting"].get("number") or "")
        for e in meta.get("effects", [])
        if e.get("source") == "note" and e.get("affecting")
    )
    return {
        "lang": meta.get("lang"),
        "act_type": meta.get("act_type"),
        "issuer": meta.get("issuer"),
        "date": meta.get("date"),
        "number": meta.get("number"),
        "registration": (reg.get("date"), reg.get("number")),
        "status": meta.get("status"),
        "repealed_by": (rep.get("date"), rep.get("number")),
        "amending": amending,
    }


@pytest.mark.parametrize("record", _records(), ids=lambda r: str(r["id"]))
@pytest.mark.parametrize("shape", sorted(RESHAPE))
def test_a_reshaped_copy_reads_as_the_record(record: dict[str, Any], shape: str) -> None:
    text = record["text"]
    assert _read(RESHAPE[shape](text)) == _read(text)
