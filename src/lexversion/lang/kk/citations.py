"""Kazakh words of act references (DOMAIN.md 3 and 5): data only, no logic.

Read by :mod:`lexversion.parse.citations` through :func:`lexversion.lang.citing`.
Words are normal forms (``NORM``, see ``lexversion.lang.kk.NORMS``) unless said
otherwise; the region names themselves are in :mod:`lexversion.lang.regions`.
"""

from __future__ import annotations

#: the word of "year" that a Kazakh date holds after its year ("2017 жылғы 15 ...",
#: "2017 ЖЫЛҒЫ 15 ...", abbreviated "2017 ж. 15 ..."), as a regular-expression fragment
#: (matched ignoring case) of the pre-check of paragraphs worth tokenizing
YEAR_WORD = r"ж(?:[ыi]л|\.)"
#: the normal form of that word in a date pattern
YEAR_NORM = "жыл"
#: what may stand between a dotted date and its "№" (regular-expression fragments)
AFTER_DATE: tuple[str, ...] = ("жылғы",)

#: bodies by the normal form of their word
BODIES: dict[str, str] = {"мәслихат": "maslikhat", "әкімдік": "akimat"}

#: issuer phrases of a region: (kind, body) -> the words that may follow the name
#: ("Алматы облыстық мәслихаты", "Астана қаласы әкімдігі", "Алматы облысы")
COUNCIL_WORDS: dict[tuple[str, str], frozenset[str]] = {
    ("oblast", "maslikhat"): frozenset({"облыстық", "облыс"}),
    ("oblast", "akimat"): frozenset({"облыс"}),
    ("oblast", "region"): frozenset({"облыс", "облыстық", "қаласы"}),
    ("city", "maslikhat"): frozenset({"қаласы", "қалалық"}),
    ("city", "akimat"): frozenset({"қаласы"}),
    ("city", "region"): frozenset({"облыс", "облыстық", "қаласы"}),
}

#: the council and executive of a district or town around its title-case name ("Аягөз
#: аудандық мәслихаты"): (body, words before the name, words after it), each word its
#: normal forms
LOCAL: tuple[tuple[str, tuple[tuple[str, ...], ...], tuple[tuple[str, ...], ...]], ...] = (
    ("maslikhat", (), (("аудандық", "ауданы", "қаласы", "қалалық"), ("мәслихат",))),
    ("akimat", (), (("ауданы", "қаласы"), ("әкімдік",))),
)

#: the ministries: the normal form of their word
MINISTRY_NORM = "министр"
#: the Government as printed in issuer phrases
GOVERNMENT_PHRASES: tuple[str, ...] = (
    "Қазақстан Республикасы Үкіметінің",
    "Қазақстан Республикасының Үкіметі",
)
#: the Republic as printed before a law's date
REPUBLIC_PHRASES: tuple[str, ...] = ("Қазақстан Республикасының",)
#: the first letters of the words of the Republic's name (folded, lower case): a law's
#: date is joined to its act word across them
REPUBLIC_PREFIXES: tuple[str, ...] = ("қазақстан", "республика")

#: issuers in the nominative: the Government, a ministry
GOVERNMENT = "Қазақстан Республикасының Үкіметі"
MINISTRY = "министрлік"
#: a region's executive: "<kk_stem> <city or oblast word> әкімдігі"
AKIMAT_OF: dict[str, str] = {
    "city": "{stem} қаласының әкімдігі",
    "oblast": "{stem} облысының әкімдігі",
}
#: a district's or town's body put in the nominative: (regular expression, replacement)
NOMINATIVE: tuple[tuple[str, str], ...] = (
    (r"(м[әаң]слихат)\w*$", r"\1ы"),
    (r"([әң]кімді)[кг]\w*$", r"\1гі"),
    (r"([әң]кім)(?:інің|іне|ін)$", r"\1і"),
)

#: the title of an amending act between the act it amends and the act itself
#: (regular expression over the words after the amended act's number up to the
#: amending act's reference): "... № 507-290 қаулысына өзгерістер енгізу туралы"
#: Астана қаласы мәслихатының ... № 106/15-VII шешімі; the amended act's word in
#: the dative, "өзгерістер (мен толықтырулар) / толықтырулар енгізу туралы", the
#: title's closing quote (issue 13: seed 002 names decision No 106/15-VII so)
AMENDING_TITLE = (
    r"^\s*(?:\w+(?:ға|ге|қа|ке|на|не|а|е)\s+)?"
    r"(?:өзгеріс\w*(?:\s+(?:мен|және)\s+толықтыру\w*)?|толықтыру\w*)\s+енгізу\s+туралы"
    r"\s*[\"»”]?\s*$"
)
