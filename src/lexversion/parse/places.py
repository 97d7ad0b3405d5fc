"""The place of an issuer whose own phrase names only its body and level (issue 12).

A page that prints only the body may name its issuer as "районный маслихат",
"аудандық мәслихат", "аудан әкімдігі" (DOMAIN.md 2.5): the level and the body,
not the place. The rest of the act names it: an amending decision amends its
own body's decision ("Внести в решение Бухар-Жырауского районного маслихата
..."), a note names its own body's repealing or amending act ("... Қарқаралы
аудандық мәслихатының ... шешімімен"), a district's act is about its district
("Железин ауданының ... мектептер"). A body acts at its own level only, so:

1. the one issuer phrase of the same body and level that the text names, by
   all its words, is the issuer; two different ones say nothing;
2. else the one place of that level the text names is the issuer's place, its
   name made by ``PLACE_ISSUERS`` of ``lang/kk`` and ``lang/ru``; two say nothing.

Each answer comes with the basis to say in a warning.
"""

from __future__ import annotations

from collections.abc import Sequence

from lexversion.lang import vocab
from lexversion.parse.enacting import issuers_named, places_named


def place_issuer(texts: Sequence[str], body: str, level: str, lang: str) -> tuple[str, str] | None:
    """``(issuer, basis)`` for an act whose enacting phrase names only its ``body``
    and ``level``, read from the act's ``texts`` (notes, preamble, points,
    signatures, annex approval lines) by the rules of the module docstring;
    ``None`` when they name no such issuer or place, or two. Raises nothing."""
    same = {
        name.lower(): name
        for text in texts
        for name, kind, at in issuers_named(text, lang)
        if kind == body and at == level
    }
    if len(same) == 1:
        return next(iter(same.values())), f"issuer: the one {level} {body} the text names"
    if same:
        return None
    template = vocab(lang).PLACE_ISSUERS.get((body, level))
    if template is None:
        return None
    places = {key: name for text in texts for key, name in places_named(text, level, lang)}
    if len(places) != 1:
        return None
    name = next(iter(places.values()))
    issuer = template.format(name=name, nom=name + "ий", gen=name + "ого", fgen=name + "ой")
    return issuer, f"issuer: its place is the one {level} the text names"
