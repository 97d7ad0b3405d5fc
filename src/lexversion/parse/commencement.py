"""The entry-into-force rule a text states (DOMAIN.md 5): ``COMMENCEMENT`` phrases
of the vocabulary (:mod:`lexversion.lang.kk`, :mod:`lexversion.lang.ru`), "он" /
"десяти" read through ``NUMBER_WORDS``. Read by the act's own closing point, by
editorial notes (:mod:`lexversion.parse.effects`) and for each act a note
names (:mod:`lexversion.parse.amending`).
"""

from __future__ import annotations

import re

from lexversion.lang import vocab
from lexversion.model import CommencementRule
from lexversion.parse import layout as L


def commencement_rule(text: str, lang: str) -> CommencementRule | None:
    """The first commencement rule stated in ``text`` (letter spacing tolerated).

    Returns ``None`` when no rule of the vocabulary's ``COMMENCEMENT`` list is
    there (or a ``from_date`` rule's date cannot be read).
    """
    from lexversion.parse.dates import parse_date

    k = L.key(text)
    v = vocab(lang)
    for pattern, kind in v.COMMENCEMENT:
        m = re.search(pattern, k, re.IGNORECASE)
        if m is None:
            continue
        groups = m.groupdict()
        days = None
        if groups.get("days"):
            word = groups["days"]
            days = int(word) if word.isdigit() else v.NUMBER_WORDS.get(word)
            if days is None:
                continue
        when = None
        if kind == "from_date":
            when = parse_date(groups.get("date") or "", lang)
            if when is None:
                continue
        return CommencementRule(kind, days, m.group(0), when)
    return None
