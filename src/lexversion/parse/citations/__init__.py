"""References to acts in Kazakh and Russian text, found by spaCy rule matching.

DOMAIN.md 3 and 5: an act is cited by its issuer, act type, date and number
("Алматы облыстық мәслихатының 2017 жылғы 15 желтоқсандағы № 26-129 шешімі",
"решение маслихата города Алматы от 15 сентября 2017 года № 152"), often with
its quoted title, its registration number ("зарегистрирован в Реестре ... №
33163", "... реестрінде 266 нөмірмен тіркелген") and a pinpoint ("6-бабының
2-тармағына", "статьей 26"); a law is often cited by date and title only
("Қазақстан Республикасының 2001 жылғы 23 қаңтардағы "..." Заңы").

How, module by module:

* :mod:`.pipelines`: each paragraph is tokenized by a blank spaCy pipeline whose
  ``NORM`` reduces the vocabulary's inflected words to their stem and gives the
  words naming a region one normal form, :data:`REGION_WORD`;
* :mod:`.matchers`: a :class:`spacy.matcher.Matcher` (patterns) and a
  :class:`spacy.matcher.PhraseMatcher` on ``NORM`` find dates, numbers, act-type
  words, issuers, pinpoints, register references and the names of the Government
  and the Republic, keyed by the typed keys of :mod:`.keys`;
* :mod:`.scan`: the per-paragraph scan (cached by text, shared by every caller),
  its prefilter (only paragraphs holding a year are tokenized, only those with a
  month word or dotted date matched) and :func:`warm`; :mod:`.words` reads the
  words of a match on demand; :mod:`.issuers` reads the region and body back from
  an issuer's words;
* :mod:`.assemble`: the pieces assembled around each date in the word order of the
  language (:func:`find`), clause ends by :mod:`.clauses`, titles, pinpoints and
  register numbers by :mod:`.titles`;
* :mod:`.anchors`: the references with a date and a number (:class:`Anchor`);
  :mod:`.identity`: when two references name the same act, and their FRBR URIs;
* :mod:`.national`: the Republic's codes and main laws of the table in
  :mod:`lexversion.lang.national`, cited by date and title or by name alone;
  :mod:`.cited`: every citation of a text (both kinds), for the parser and the
  AKN marks alike; :mod:`.amends`: the amendments a cited act's title states.

The Kazakh and Russian words of all this are data in ``lang/kk``, ``lang/ru``
(``citations.py`` there) and :mod:`lexversion.lang.regions`.
"""

from __future__ import annotations

from lexversion.parse.citations.anchors import Anchor, find_anchors
from lexversion.parse.citations.assemble import (
    BODY_ACT_TYPES,
    NATIONAL,
    Found,
    act_type_of,
    find,
)
from lexversion.parse.citations.identity import act_key, is_own, same_act, slug, work_uri
from lexversion.parse.citations.pipelines import REGION_WORD, pipeline
from lexversion.parse.citations.scan import NUMBER, issuers_in, regions_in, warm
from lexversion.parse.citations.titles import quote_pairs

__all__ = [
    "BODY_ACT_TYPES",
    "NATIONAL",
    "NUMBER",
    "REGION_WORD",
    "Anchor",
    "Found",
    "act_key",
    "act_type_of",
    "find",
    "find_anchors",
    "is_own",
    "issuers_in",
    "pipeline",
    "quote_pairs",
    "regions_in",
    "same_act",
    "slug",
    "warm",
    "work_uri",
]
