"""Lazy streams: events and citations of a national corpus are never held.

ARCHITECTURE.md ("The model"); issue 4 (a national corpus planned without
holding its documents).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Generic, TypeVar

T = TypeVar("T")


class Regenerable(Generic[T]):
    """A sequence produced anew on every iteration (by ``make``), never held:
    events and citations of a national corpus are streamed to the store twice
    (fingerprint, insert) without living in memory. ``len`` iterates."""

    def __init__(self, make: Callable[[], Iterator[T]]) -> None:
        self._make = make

    def __iter__(self) -> Iterator[T]:
        """A fresh iterator over the items (``make`` called again)."""
        return self._make()

    def __len__(self) -> int:
        """The number of items, by iterating them once."""
        return sum(1 for _ in self._make())


__all__ = ["Regenerable"]
