"""A parse's warnings in the reader's language, provisions named by their labels (issue 14).

``parse`` writes its warnings as English sentences (the stored text and the
JSON keep them so: a stable text tools may read). Where they reach a reader
(``build``'s output) :func:`parse_warning_text` says them in the interface
language, as :mod:`lexversion.phrases` does for the sentences about dates:
each sentence ``parse`` writes is a gettext message with parameters in
:data:`SENTENCES`; the message a warning was written from is found by its
pattern, translated, and filled in with its parameters, the provisions
(``where``, ``eid``, ``scope``) named by their labels
(:func:`lexversion.render.labels.provision_label`), never by eId, the days
as the reader writes them, and the levels and bodies of local government
(``level``, ``kind``: :data:`LEVELS`, :data:`KINDS`) in the acts' words. Quoted act text stays as it is. A warning no
message matches is shown as it is.
"""

from __future__ import annotations

import re
from functools import cache

from lexversion.i18n import N_, gettext, iso_day, resay, template_pattern
from lexversion.render.labels import provision_label

#: the warnings ``parse`` writes (lexversion.parse.warnings, .header,
#: .plausibility, lexversion.model.checks), in English
SENTENCES = (
    N_(
        'effect and text disagree: a substitution of "{old}" by "{new}" is recorded as made '
        'throughout {scope}, yet the text still has "{old}" {count} time(s), in {where} '
        "(the text is not corrected)"
    ),
    N_("{eid}: annex '{title}' has no content: the file may be truncated"),
    N_("body: no numbered points found"),
    N_("preamble: no enacting formula (ШЕШІМ ҚАБЫЛДАДЫ / РЕШИЛ)"),
    N_("text ends mid-sentence: the file may be truncated"),
    N_("requisites: a repeal clause names no readable act: the file may be truncated"),
    N_("requisites end mid-reference: the file may be truncated"),
    N_("the text dates act No {number} {date} where the requisites say {day} (kept as published)"),
    N_("requisites: no adoption date and number found"),
    N_("requisites: none printed (a fragment of the act)"),
    N_("preamble: no enacting formula: the issuer and act type are not stated"),
    N_("issuer: read from the signature"),
    N_("date and number: read from the annex approval line"),
    N_("date and number: unknown (the annex approval line names an act of another type)"),
    N_("date and number: unknown (the mirror's card and the annex approval line differ)"),
    N_("issuer: the act names its body without its place"),
    N_("date and number: read from the mirror's card (its labelled fields)"),
    N_("issuer: read from the mirror's card (its labelled fields)"),
    N_("registration: read from the mirror's card (its labelled fields)"),
    N_('requisites: "{quoted}" is no date: read as unknown'),
    N_('editorial note: "{quoted}" is no date: not read as one'),
    # the place of an issuer the act names without it (lexversion.parse.places)
    N_("region: {code}, inferred from the district the issuer names ({name})"),
    N_("region: {code}, inferred from the city the issuer names ({name})"),
    N_("issuer: the one {kind} the text names"),
    N_("issuer: its place is the one {level} the text names"),
    N_("issuer: its oblast is the one of the districts and cities the text names"),
    # a page in Latin-script Kazakh (lexversion.parse.warnings.transliterated)
    N_(
        "Latin-script Kazakh ({alphabet} alphabet) read through a transliteration to "
        "Cyrillic: the parts and metadata are that reading; the text as printed is the "
        "source text"
    ),
)

#: the levels of local government (lexversion.parse.enacting.level_word)
LEVELS = {
    "oblast": N_("oblast"),
    "district": N_("district"),
    "city": N_("city"),
    "rural": N_("rural district"),
}
#: a body at its level, as the acts name it ("аудандық мәслихат", "районный маслихат")
KINDS = {
    "oblast maslikhat": N_("oblast maslikhat"),
    "district maslikhat": N_("district maslikhat"),
    "city maslikhat": N_("city maslikhat"),
    "oblast akimat": N_("oblast akimat"),
    "district akimat": N_("district akimat"),
    "city akimat": N_("city akimat"),
    "oblast akim": N_("oblast akim"),
    "district akim": N_("district akim"),
    "city akim": N_("city akim"),
    "rural akim": N_("rural district akim"),
}

#: the scopes of a substitution "throughout" that are no provision
SCOPES = {"whole": N_("the act with its annexes"), "annex": N_("the annexes")}
_PATTERNS = {
    "count": r"\d+",
    "day": r"\d{4}-\d{2}-\d{2}",
    "date": r"\d{4}-\d{2}-\d{2}",
    "title": r".*?",
    "kind": r"[a-z]+ [a-z]+",
    "level": r"[a-z]+",
}


@cache
def _compiled() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Every message with its pattern, in :data:`SENTENCES` order."""
    return tuple((message, template_pattern(message, _PATTERNS)) for message in SENTENCES)


def _value(name: str, value: str) -> str:
    """A parameter as the reader is shown it: provisions by their labels, days
    as the reader writes them, anything else as it is."""
    if name == "where":
        return "; ".join(provision_label(e) for e in value.split(", ") if e)
    if name == "eid":
        return provision_label(value)
    if name == "scope":
        return gettext(SCOPES[value]) if value in SCOPES else provision_label(value)
    if name in {"day", "date"}:
        return iso_day(value)
    if name in {"kind", "level"}:
        word = (KINDS if name == "kind" else LEVELS).get(value)
        return gettext(word) if word else value
    return value


def parse_warning_text(text: str) -> str:
    """``text``, a warning ``parse`` wrote, in the interface language with its
    provisions named by their labels (in English too); a warning no message
    of :data:`SENTENCES` matches is returned as it is."""
    return resay(text, _compiled(), _value)


def recognised(text: str) -> bool:
    """Whether ``text`` is written from one of :data:`SENTENCES`."""
    return any(p.fullmatch(text) for _m, p in _compiled())


__all__ = ["KINDS", "LEVELS", "SCOPES", "SENTENCES", "parse_warning_text", "recognised"]
