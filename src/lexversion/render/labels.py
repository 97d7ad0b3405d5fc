"""Provision labels in the reader's language: an eId -> "1-тарау 3-тармақ 2) тармақша".

Readers cite provisions as the acts number them, never by eId. The parts of an
eId (:func:`lexversion.akn.eids.split`, AKN-NC 4.8) are named by the words of
:data:`PART_WORDS`, gettext messages whose Kazakh and Russian translations put
the number where the language puts it: ``chp_1__para_3__point_2`` is "chapter 1,
point 3, subpoint 2)" in English, "1-тарау 3-тармақ 2) тармақша" in Kazakh and
"глава 1, пункт 3, подпункт 2)" in Russian (DOMAIN.md 2: тарау/глава,
тармақ/пункт, тармақша/подпункт; the "1)" of a subpoint as printed).
"""

from __future__ import annotations

from functools import lru_cache

from lexversion.akn.eids import split
from lexversion.i18n import N_, current, translations

#: eId prefix -> the words of that part, ``{num}`` its number as printed
PART_WORDS: dict[str, str] = {
    "att": N_("annex {num}"),
    "sec": N_("section {num}"),
    "subsec": N_("subsection {num}"),
    "chp": N_("chapter {num}"),
    "para": N_("point {num}"),
    "point": N_("subpoint {num})"),
    "item": N_("item {num}"),
    "table": N_("table {num}"),
    "list": N_("list {num}"),
    "hcontainer": N_("part {num}"),
}
#: how the words of two parts are joined (Kazakh: a space; English, Russian: a comma)
JOIN = N_("{outer}, {inner}")
#: parts without a number
UNNUMBERED_WORDS: dict[str, str] = {
    "preface": N_("title and requisites"),
    "preamble": N_("preamble"),
    "conclusions": N_("signatures"),
    "intro": N_("introduction"),
}


def provision_label(eid: str) -> str:
    """The reader's label of the provision ``eid`` (see :func:`label_in`), in
    the current interface language."""
    return label_in(current(), eid)


@lru_cache(maxsize=16384)
def label_in(lang: str, eid: str) -> str:
    """The label of the provision ``eid`` in ``lang`` ("" for ``""``): the words of
    each part joined as the language joins them (the message ``{outer}, {inner}``);
    a table's container is left out, and an eId this does not know (or that is
    not one, :func:`lexversion.akn.eids.split` refusing it) is returned as it is."""
    try:
        parts = split(eid) if eid else ()
    except ValueError:
        return eid
    t = translations(lang)
    words: list[str] = []
    for p in parts:
        if p.prefix in UNNUMBERED_WORDS:
            words.append(t.gettext(UNNUMBERED_WORDS[p.prefix]))
        elif p.prefix in PART_WORDS and p.key:
            num = p.key.replace("-", ".")  # clean_num wrote "5.1." as 5-1
            words.append(t.gettext(PART_WORDS[p.prefix]).format(num=num))
        elif p.prefix != "container":
            return eid
    label = ""
    for w in words:
        label = t.gettext(JOIN).format(outer=label, inner=w) if label else w
    return label
