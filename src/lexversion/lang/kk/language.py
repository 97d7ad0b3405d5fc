"""Kazakh for spaCy: a blank :class:`spacy.language.Language` bound to the data of
:mod:`lexversion.lang.kk` (spaCy ships no Kazakh).

Shaped like spaCy's own language packages (``spacy/lang/tt/__init__.py``): a
``Defaults`` class holding tokenizer rules, lexical attribute getters and stop
words, and a ``Language`` subclass registered under ``"kk"`` so that
``spacy.blank("kk")`` builds it once this module is imported. No model, no
download: lexversion uses the tokenizer and the rule matchers only.

Lexical attributes (computed once per word type and cached in the vocabulary):

* ``NORM``: the word's normal form for rule matching (:func:`norm_getter`):
  Latin ``i`` folded to Kazakh ``і`` (DOMAIN.md 3), lower case, and inflected
  words of the vocabulary reduced to their stem ("шешімімен" -> "шешім",
  "желтоқсандағы" -> "желтоқсан", "6-бабының" -> "бап");
* ``LIKE_NUM``: digits or a Kazakh number word; ``IS_STOP``: ``STOP_WORDS``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from spacy.attrs import LIKE_NUM, NORM, ORTH  # type: ignore[import-not-found]
from spacy.lang.lex_attrs import LEX_ATTRS
from spacy.lang.tokenizer_exceptions import BASE_EXCEPTIONS
from spacy.language import BaseDefaults, Language
from spacy.util import registry, update_exc

from lexversion.lang import fold_text
from lexversion.lang import kk as data


def norm_getter(
    norms: Iterable[tuple[str, str]], months: Mapping[str, int], month_ending: str
) -> Callable[[str], str]:
    """A ``NORM`` getter from a language's data: ``norms`` (regex, normal form) pairs
    tried in order on the folded lower-case word, then month stems followed by one of
    the language's case endings (the longest stem wins); other words: folded lower case.
    """
    table = [(re.compile(p), n) for p, n in norms]
    stems = sorted(months, key=len, reverse=True)
    ending = re.compile(month_ending)

    def get(text: str) -> str:
        w = fold_text(text).lower()
        for stem in stems:
            if w.startswith(stem) and ending.fullmatch(w, len(stem)):
                return stem
        for pattern, norm in table:
            if pattern.fullmatch(w):
                return norm
        return w

    return get


def _like_num(text: str) -> bool:
    t = text.replace(",", "").replace(".", "")
    return t.isdigit() or fold_text(text).lower() in data.NUMBER_WORDS_ALL


def _exceptions() -> dict[str, list[dict[Any, str]]]:
    own = {abbr: [{ORTH: abbr, NORM: norm}] for abbr, norm in data.ABBREVIATIONS.items()}
    return update_exc(BASE_EXCEPTIONS, own)


class KazakhDefaults(BaseDefaults):
    """Tokenizer rules and lexical attributes from :mod:`lexversion.lang.kk`.

    spaCy declares these as plain class attributes of ``BaseDefaults`` (not
    ``ClassVar``), which its language packages override the same way.
    """

    tokenizer_exceptions = _exceptions()
    infixes = data.TOKENIZER_INFIXES
    lex_attr_getters = {  # noqa: RUF012
        **LEX_ATTRS,
        NORM: norm_getter(data.NORMS, data.MONTHS, data.MONTH_ENDING),
        LIKE_NUM: _like_num,
    }
    stop_words = set(data.STOP_WORDS)  # noqa: RUF012


@registry.languages("kk")
class Kazakh(Language):  # type: ignore[no-untyped-call]
    """spaCy's ``Language`` for Kazakh (ISO 639-1 ``kk``)."""

    lang = "kk"
    Defaults = KazakhDefaults


__all__ = ["Kazakh", "KazakhDefaults", "norm_getter"]
