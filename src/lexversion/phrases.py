"""The reader's words for the sentences lexversion writes about dates: the
basis of each date, the notes of a point-in-time answer and why no text is
shown ("published 2019-06-01 (stated)", "cited as in force by ... on ...",
"entry into force: 2019-06-12 (computed: ...)", "reversed: substitution by ...").

They are stored and printed in JSON as lexversion writes them, in English (a
stable text that tools may read). Where they reach a reader (``show``,
``history``, the web pages, the PDF) :func:`explain` says them in the
interface language: each sentence lexversion writes is a gettext message with
parameters in :data:`PHRASES`; :func:`explain` finds the message a sentence
was written from, translates it, and fills in its parameters, saying the
dates as the reader writes them, the certainty and effect words as
:func:`lexversion.i18n.term` does, and explaining the nested sentences (a
basis inside a note) in turn. Quoted act text, URIs and file names stay as
they are. A sentence no message matches is shown as it is.

Parameters by name: ``day``, ``earliest``, ``latest`` an ISO day; ``days`` a
number; ``certainty`` and ``effect`` a code (:func:`~lexversion.i18n.term`),
``effects`` several (``", "`` between them: a wording's effects, or its kind);
``basis``, ``what`` and ``listed`` sentences of their own (``listed``: several,
``"; "`` between them); any other name is shown as it is.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from lexversion.i18n import DEFAULT, N_, current, iso_day, resay, template_pattern, term

#: every sentence lexversion writes about a date or an answer, in English
PHRASES = (
    # the first publication (lexversion.timeline.commencement)
    N_("published {day} (stated)"),
    N_(
        "publication date not in the corpus: assumed (policy {policy}: within {days} days "
        "after registration) {earliest}..{latest}"
    ),
    N_(
        "publication date not in the corpus: assumed (policy {policy}: within {days} days "
        "after adoption) {earliest}..{latest}"
    ),
    # entry into force (lexversion.timeline.commencement)
    N_("no entry-into-force rule and no adoption date in the corpus"),
    N_(
        "no entry-into-force rule in the corpus: between adoption ({day}) and ten calendar "
        "days after first publication ({basis})"
    ),
    N_(
        "no entry-into-force rule in the corpus: between registration ({day}) and ten "
        "calendar days after first publication ({basis})"
    ),
    N_("rule '{rule}' but no adoption date"),
    N_("'{rule}': from adoption {day}"),
    N_("rule '{rule}' without a readable date"),
    N_("rule '{rule}' but no registration date"),
    N_(
        "'{rule}': registration date not in the corpus: assumed (policy {policy}: within "
        "{days} days after adoption)"
    ),
    N_("'{rule}': from registration {day}"),
    N_("unrecognised rule '{rule}'"),
    N_("'{rule}': no publication, registration or adoption date"),
    N_("'{rule}' (publication + {days} days); {basis}"),
    # what the corpus states (lexversion.timeline.events, lexversion.graph.plan)
    N_("requisites: registered by {authority} No {number}"),
    N_("requisites: {text}"),
    N_("stated in the corpus"),
    N_("the act applies to relations arising from this date"),
    N_("no date"),
    N_("requisites of the corpus text"),
    N_("cited in the corpus"),
    N_("requisites"),
    N_("stated in {source}: {text}"),
    N_("stated in {source}"),
    N_("cited as in force by {uri} on {day}"),
    N_("its {effect} of {uri} takes effect on {day} ({certainty}: {basis})"),
    N_("no entry-into-force event"),
    N_("addressed expression {uri} (applies from: {basis})"),
    # the notes of an answer (lexversion.timeline.pit)
    N_("{what} uncertain between {earliest} and {latest} ({certainty}: {basis})"),
    N_("{what}: unknown ({basis})"),
    N_("{what}: {day} ({certainty}: {basis})"),
    N_("{what}: between {earliest} and {latest} ({certainty}: {basis})"),
    N_("adopted"),
    N_("repealed by {uri}"),
    N_("repeal by {uri}: in force before, repealed after; takes effect"),
    N_("in force"),
    N_("entry into force"),
    N_("entry into force: not yet in force before, in force after;"),
    N_("in force since"),
    N_("put into effect (its text applies from)"),
    N_("put into effect: in force but not yet applied before, applied after;"),
    N_("put into effect since"),
    N_("repealed later by {uri}"),
    N_("applies retroactively to relations arising from"),
    N_("wording: {uri} ({effects}) applies"),
    N_(
        "known only from citations, with no text or repeal in the corpus: whether it was in "
        "force on {day} is unknown; the corpus supports it in force on: {listed}"
    ),
    N_("no repeal is recorded in the corpus; changes made by acts outside it are unknown"),
    N_("reconstructed text: derived by reversing recorded effects, not a published text"),
    N_("the last wording in force is {uri}"),
    # why no text is shown (lexversion.timeline.pit)
    N_("the act did not exist yet on {day} (adopted {earliest})"),
    N_("repealed on {day} by {uri}: no wording is in force"),
    N_("repealed between {earliest} and {latest} ({certainty}) by {uri}: no wording is in force"),
    N_("the text of this act is not in the corpus (known only from citations)"),
    N_("no text in language '{lang}' in the corpus"),
    N_(
        "the wording before {uri} is not in the corpus (the original text of this act is "
        "not in the corpus)"
    ),
    N_("the wording before {uri} is not in the corpus"),
    # the effects a wording carries (lexversion.graph.expressions)
    N_("reversed: {effect} by {uri}"),
    N_("{effect} by {uri}"),
)

_DAYS = {"day", "earliest", "latest"}
_TERMS = {"certainty", "effect"}
_SENTENCES = {"basis", "what"}
_PATTERNS = {
    "day": r"\d{4}-\d{2}-\d{2}",
    "earliest": r"\d{4}-\d{2}-\d{2}",
    "latest": r"\d{4}-\d{2}-\d{2}",
    "days": r"\d+",
    "certainty": r"stated|computed|estimated|unknown",
    "effect": r"[a-z_]+",
    "effects": r"[a-z_]+(?:, [a-z_]+)*",
}


@cache
def _compiled() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Every message with its pattern, in :data:`PHRASES` order (the first match wins)."""
    return tuple((message, template_pattern(message, _PATTERNS)) for message in PHRASES)


def _value(name: str, value: str) -> str:
    """A parameter as the reader is shown it (see the module doc)."""
    if name in _DAYS:
        return iso_day(value)
    if name in _TERMS:
        return term(value)
    if name in _SENTENCES:
        return _explained(current(), value)
    if name == "listed":
        return "; ".join(_explained(current(), x) for x in value.split("; "))
    if name == "effects":
        return ", ".join(term(x) for x in value.split(", "))
    return value


@lru_cache(maxsize=8192)
def _explained(lang: str, text: str) -> str:
    return resay(text, _compiled(), _value)


def explain(text: str | None) -> str:
    """``text``, a sentence lexversion wrote about a date or an answer, in the
    interface language (as it is in English, or when no message matches;
    ``""`` for ``None``)."""
    if not text:
        return ""
    lang = current()
    return text if lang == DEFAULT else _explained(lang, text)


def recognised(text: str) -> bool:
    """Whether ``text`` is written from one of :data:`PHRASES` (a test's check
    that every sentence lexversion writes reaches the reader translated)."""
    return any(p.fullmatch(text) for _m, p in _compiled())
