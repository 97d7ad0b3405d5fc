"""The words of a text as search indexes and queries them: one analysis for every backend.

A text is cut into words (letters and digits, :data:`WORD`), each folded
(:func:`lexversion.lang.fold_word`: case, ``ё``, stress marks, look-alike
Latin and Cyrillic letters) and stemmed in the text's language
(:func:`lexversion.text.stem.stem`: Snowball for Russian, the suffix table of
``lang/kk`` for Kazakh). :func:`analyze` gives the two strings the index stores
(stems, for words; folded words, for prefixes) and :func:`query_stem` the
stem a query word is looked up by, so the SQLite FTS5 and the PostgreSQL
index (:mod:`lexversion.store.search`) see the same terms, made the same way
at index and at query time. :data:`ANALYSIS_VERSION` changes whenever the
analysis may give other terms, so an index made by another one is rebuilt.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import metadata

from lexversion.lang import fold_word
from lexversion.text.stem import KK_HUNSPELL, kk_table, stem

#: a word: a run of letters and digits (the underscore is no letter, as in FTS5's
#: unicode61) and the combining marks among them (a stress accent: "бо́льшая")
WORD = re.compile(r"(?:[^\W_]|[\u0300-\u036f])+")
#: bump when the code of the analysis changes what it gives
_CODE_VERSION = "1"


@dataclass(frozen=True)
class Analysis:
    """The index terms of a text: ``stems`` and folded ``words``, each separated
    by single spaces, one per word of the text, in order."""

    stems: str
    words: str


@lru_cache(maxsize=131072)
def _fold(word: str) -> str:
    return fold_word(word)


def words(text: str) -> list[str]:
    """The folded words of ``text``, in order."""
    return [_fold(w) for w in WORD.findall(text)]


def analyze(text: str, lang: str) -> Analysis:
    """The index terms of ``text`` written in ``lang`` ("kk" or "ru"; any other
    language is folded, not stemmed). Raises nothing."""
    folded = words(text)
    return Analysis(" ".join(stem(w, lang) for w in folded), " ".join(folded))


def query_stem(word: str, lang: str) -> str:
    """The stem a folded query word ``word`` is looked up by in texts of ``lang``."""
    return stem(word, lang)


@cache
def analysis_version() -> str:
    """A short fingerprint of the analysis: its code version, the Kazakh suffix
    table and Debian's hunspell-kk list (the lexicon), and the PyStemmer version; an index made with another
    fingerprint is rebuilt (:func:`lexversion.store.search.sync_search_index`)."""
    h = hashlib.sha256(_CODE_VERSION.encode())
    h.update(kk_table().encode())
    if KK_HUNSPELL.is_file():
        h.update(KK_HUNSPELL.read_bytes())
    h.update(metadata.version("PyStemmer").encode())
    return h.hexdigest()[:16]
