"""An AKN that fails the official XSD is an internal error, never an output (issue 16)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from lexversion.app.akn import checked_akn
from lexversion.errors import InternalError
from lexversion.model import Document


def test_a_valid_document_is_returned(doc: Document) -> None:
    assert checked_akn(doc).startswith(b"<?xml")


def test_an_invalid_projection_is_an_internal_error(doc: Document) -> None:
    first = doc.body.children[0]
    broken = replace(doc, body=replace(doc.body, children=(replace(first, eid="not an eId"),)))
    with pytest.raises(InternalError) as info:
        checked_akn(broken)
    assert info.value.exit_code == 70
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith(f"{doc.source}: internal error: ")
    assert "XSD" in message
