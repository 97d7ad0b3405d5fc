"""A paragraph tokenized for the citation scan, and its words read on demand.

Two ways to read the words a match covers, with one interface: :class:`DocWords`,
the plain definition, reads spaCy's ``Token`` objects; :class:`Words`, the fast
path the scan uses, slices the paragraph by the offsets of one ``Doc.to_array``
and looks a normal form's hash up in a dict, making a string only for the few
tokens its matches cover. They agree on every text (tests/parse/citations).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from lexversion.parse.citations.pipelines import Strings, date_ids, pipeline


@dataclass(frozen=True)
class Tokens:
    """A paragraph tokenized: the spaCy ``Doc``, the character offsets where its
    tokens start (``offsets``, ascending: for :mod:`bisect`) and end, the hashes of
    their normal forms (``norms``), and whether a token has the normal form of a
    month or of a dotted date (``dated``: every ``DATE`` pattern of
    :mod:`lexversion.parse.citations.matchers` needs one)."""

    doc: Any
    offsets: list[int]
    ends: list[int]
    norms: list[int]
    dated: bool


@cache
def _columns() -> tuple[int, int, int]:
    """The spaCy attributes :func:`tokens` reads: ``IDX``, ``LENGTH``, ``NORM``."""
    from spacy.attrs import IDX, LENGTH, NORM  # type: ignore[import-not-found]

    return IDX, LENGTH, NORM


@lru_cache(maxsize=512)
def tokens(text: str, lang: str) -> Tokens:
    """``text`` tokenized by :func:`~lexversion.parse.citations.pipelines.pipeline`
    (cached by text, as the scan)."""
    doc = pipeline(lang).make_doc(text)
    cols = doc.to_array(_columns())  # without making a Token of each
    offsets: list[int] = cols[:, 0].tolist()
    ends: list[int] = (cols[:, 0] + cols[:, 1]).tolist()
    norms: list[int] = cols[:, 2].tolist()
    return Tokens(doc, offsets, ends, norms, not date_ids(lang).isdisjoint(norms))


class DocWords:
    """The plain definition of a paragraph's words: the ``text`` and ``norm_`` of
    spaCy's tokens of ``tokens.doc``. (spaCy's ``LOWER`` and ``IS_ALPHA`` are
    ``str.lower`` and ``str.isalpha`` of the text.)"""

    __slots__ = ("_doc",)

    def __init__(self, text: str, tokens: Tokens, strings: Strings) -> None:
        self._doc = tokens.doc

    def __len__(self) -> int:
        return len(self._doc)

    def text(self, i: int) -> str:
        """The text of token ``i``."""
        return str(self._doc[i].text)

    def norm(self, i: int) -> str:
        """The normal form of token ``i``."""
        return str(self._doc[i].norm_)

    def texts(self, s: int, e: int) -> list[str]:
        """The texts of tokens ``s:e``."""
        return [self.text(i) for i in range(s, e)]

    def norms(self, s: int, e: int) -> list[str]:
        """The normal forms of tokens ``s:e``."""
        return [self.norm(i) for i in range(s, e)]


class Words(DocWords):
    """:class:`DocWords` read on demand (the fast path): a token's text is the slice
    of the paragraph between its offsets (spaCy's ``Token.text`` is that slice: a
    token's ``idx`` and length index the ``Doc``'s text, which is the paragraph), its
    normal form the string of its ``NORM`` hash in ``strings`` (``Token.norm_`` is
    that string); nothing is made for the tokens no match covers."""

    __slots__ = ("_ends", "_norms", "_offsets", "_strings", "_text")

    def __init__(self, text: str, tokens: Tokens, strings: Strings) -> None:
        self._text = text
        self._offsets = tokens.offsets
        self._ends = tokens.ends
        self._norms = tokens.norms
        self._strings = strings

    def __len__(self) -> int:
        return len(self._offsets)

    def text(self, i: int) -> str:
        """The text of token ``i``."""
        return self._text[self._offsets[i] : self._ends[i]]

    def norm(self, i: int) -> str:
        """The normal form of token ``i``."""
        return self._strings[self._norms[i]]

    def texts(self, s: int, e: int) -> list[str]:
        """The texts of tokens ``s:e``."""
        text = self._text
        return [text[a:b] for a, b in zip(self._offsets[s:e], self._ends[s:e], strict=True)]

    def norms(self, s: int, e: int) -> list[str]:
        """The normal forms of tokens ``s:e``."""
        return list(map(self._strings.__getitem__, self._norms[s:e]))
