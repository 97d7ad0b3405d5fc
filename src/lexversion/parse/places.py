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
   name made by ``PLACE_ISSUERS`` of ``lang/kk`` and ``lang/ru``; two say nothing;
3. else an oblast's body acts on its own districts and cities only: the one
   oblast that every district and city of oblast significance the text names
   belongs to (:mod:`lexversion.lang.districts`) is the issuer's.

The same table names the region of an issuer that names only its district or
city ("Жылыой аудандық мәслихаты", "Абайский районный маслихат"):
:func:`district_region`. A name two regions share names none; a unit that passed
to a new region (Абай, Жетісу, Ұлытау in 2022) is of the region it was in on the
act's date, and of none when the date is unknown.

Each answer comes with the basis to say in a warning.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import cache

from lexversion.lang import regex, vocab
from lexversion.lang.districts import CITIES, DISTRICTS, FORMER, MOVED
from lexversion.lang.regions import BY_CODE
from lexversion.parse.enacting import issuers_named, level_word, places_named

#: Kazakh letters folded to their Russian look-alikes in a place's key, so that a
#: name matches as either language prints it ("Ақсуат", "Аксуат")
_KEY_FOLD = str.maketrans("әіңғүұқөһё", "аингуукохе")
#: Kazakh and Russian words that belong to a place's name though written in lower
#: case ("Шал ақын", "Төле би", "Ғабит Мүсірепов атындағы")
_PARTICLES = r"ақын|акын|сал|батыр|би|жырау|ордасы|атындағы|имени"
#: "named after": a particle before the level word that is not part of the name
_NAMED_AFTER = ("атындағы", "имени")
_QUOTES = "\"'«»“”(),;:"


def _key(name: str) -> str:
    """A place's name as the table is looked up by: case-folded, Kazakh letters
    folded, a hyphen as a space, a Russian adjective by its stem ("Абайского" ->
    "абайск")."""
    words = name.replace("-", " ").split()
    if not words:
        return ""
    m = regex(vocab("ru").PLACE_NAME).fullmatch(words[-1])
    if m is not None:
        words[-1] = m["stem"]
    return " ".join(words).casefold().translate(_KEY_FOLD)


@cache
def _index() -> dict[tuple[str, str], frozenset[str]]:
    """``(level, key) -> region codes`` of every district and city name of the table."""
    idx: dict[tuple[str, str], set[str]] = defaultdict(set)
    for level, table in (("district", DISTRICTS), ("city", CITIES)):
        for code, names in table.items():
            for kk, ru in names:
                for name in (kk, ru):
                    if name:
                        idx[level, _key(name)].add(code)
    for unit, code, kk_name, ru_name in FORMER:
        for former in (kk_name, ru_name):
            if former:
                idx[unit, _key(former)].add(code)
    return {k: frozenset(v) for k, v in idx.items()}


def place_region(name: str, level: str, when: dt.date | None) -> frozenset[str] | None:
    """The regions a ``level`` ("district" or "city") place called ``name`` may be
    of on the day ``when`` (``None``: unknown): one code, or several when the name
    is shared or the unit passed to another region and ``when`` does not say which;
    ``None`` when the table does not know the name. Raises nothing."""
    codes = _index().get((level, _key(name)))
    if codes is None:
        return None
    out: set[str] = set()
    for code in codes:
        moved = [(old, day) for (old, new), day in MOVED.items() if new == code]
        if not moved:
            out.add(code)
            continue
        old, day = moved[0]
        if when is None:
            out |= {code, old}
        else:
            out.add(old if when < day else code)
    return frozenset(out)


def _names_around(words: Sequence[str], at: int, lang: str) -> Iterable[str]:
    """The names a place's level word at ``at`` may follow or (Russian) precede,
    longest first: the title-case words and name particles before it ("Шал ақын
    ауданы", "Ғабит Мүсірепов атындағы аудан"), then the title-case words after
    it ("района Марқакөл", "города Талдыкорган")."""
    particle = regex(_PARTICLES)
    j = at
    while j > 0 and at - j < 3:
        w = words[j - 1].strip(_QUOTES)
        if not w or level_word(w, lang) or not (w[0].isupper() or particle.fullmatch(w.lower())):
            break
        j -= 1
    for k in range(j, at):
        name = [w.strip(_QUOTES) for w in words[k:at]]
        if name[-1].lower() in _NAMED_AFTER:
            name.pop()
        if name and not particle.fullmatch(name[0].lower()):
            yield " ".join(name)
    if lang == "ru":
        after = [w.strip(_QUOTES) for w in words[at + 1 : at + 3]]
        for n in (2, 1):
            if len(after) >= n and all(w and w[0].isupper() for w in after[:n]):
                yield " ".join(after[:n])


def district_region(issuer: str, lang: str, when: dt.date | None) -> tuple[str, str] | None:
    """``(region code, basis)`` of an ``issuer`` that names its district or city but
    not its region ("Жылыой аудандық мәслихаты", "Коргалжынский районный маслихат",
    "акимат района Марқакөл"), from :mod:`lexversion.lang.districts` on the act's
    date ``when``; ``None`` when the issuer names no such place the table knows, a
    name two regions share, or a unit that moved and ``when`` does not say where
    it was. Raises nothing."""
    words = issuer.split()
    for at, word in enumerate(words):
        level = level_word(word, lang)
        if level not in ("district", "city"):
            continue
        for name in _names_around(words, at, lang):
            codes = place_region(name, level, when)
            if codes is None:
                continue
            if len(codes) != 1:
                return None
            code = next(iter(codes))
            return code, f"region: {code}, inferred from the {level} the issuer names ({name})"
        return None
    return None


def _oblast_of_places(texts: Sequence[str], lang: str, when: dt.date | None) -> str | None:
    """The one oblast every district and city of oblast significance that ``texts``
    name (and the table knows) belongs to; ``None`` when they name none, or places
    no one oblast holds."""
    common: set[str] | None = None
    for text in texts:
        for level in ("district", "city"):
            for _k, name in places_named(text, level, lang):
                codes = place_region(name, level, when)
                if codes is None:
                    continue
                common = set(codes) if common is None else common & codes
                if not common:
                    return None
    if common is None or len(common) != 1:
        return None
    code = common.pop()
    region = BY_CODE.get(code)
    return code if region is not None and region.kind == "oblast" else None


def _oblast_issuer(code: str, body: str, lang: str) -> str | None:
    """The name of the ``body`` ("maslikhat", "akimat") of the oblast ``code``."""
    region = BY_CODE[code]
    template: str | None = vocab(lang).PLACE_ISSUERS.get((body, "oblast"))
    if template is None:
        return None
    if lang == "kk":
        return template.format(name=region.kk_stem)
    if region.ru.startswith("область "):  # "маслихат области Абай"
        word = template.split()[0]
        return f"{word} области {region.ru.split(' ', 1)[1]}"
    return template.format(fgen=region.ru_adj + "ой", name=region.ru_adj)


def place_issuer(
    texts: Sequence[str], body: str, level: str, lang: str, when: dt.date | None = None
) -> tuple[str, str] | None:
    """``(issuer, basis)`` for an act whose enacting phrase names only its ``body``
    and ``level``, read from the act's ``texts`` (notes, preamble, points,
    signatures, annex approval lines) by the rules of the module docstring, on the
    act's date ``when`` (``None``: unknown); ``None`` when they name no such issuer
    or place, or two. Raises nothing."""
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
    if not places and level == "oblast":
        code = _oblast_of_places(texts, lang, when)
        issuer = _oblast_issuer(code, body, lang) if code else None
        if issuer is None:
            return None
        return issuer, "issuer: its oblast is the one of the districts and cities the text names"
    if len(places) != 1:
        return None
    name = next(iter(places.values()))
    issuer = template.format(name=name, nom=name + "ий", gen=name + "ого", fgen=name + "ой")
    return issuer, f"issuer: its place is the one {level} the text names"
