"""Russian words of act references (DOMAIN.md 3 and 5): data only, no logic.

Read by :mod:`lexversion.parse.citations` through :func:`lexversion.lang.citing`.
Words are normal forms (``NORM``, see ``lexversion.lang.ru.NORMS``) unless said
otherwise; the region names themselves are in :mod:`lexversion.lang.regions`.
"""

from __future__ import annotations

#: the normal form of the word "year" that may close a date ("2017 года")
YEAR_NORM = "год"
#: what may stand between a dotted date and its "№" (regular-expression fragments)
AFTER_DATE: tuple[str, ...] = ("года", r"г\.")

#: bodies by the normal form of their word
BODIES: dict[str, str] = {"маслихат": "maslikhat", "акимат": "akimat"}

#: the words of a city's or an oblast's council after a region adjective ("Алматинского
#: областного маслихата", "Алматинской области"): the kind they name
ADJECTIVE_KINDS: dict[str, str] = {"городской": "city", "областной": "oblast"}
#: the words after a region adjective naming the oblast itself ("Алматинской области")
OBLAST_WORDS: frozenset[str] = frozenset({"область", "областной"})
#: the words of the issuer phrases of a region (normal forms)
COUNCIL = "маслихат"
EXECUTIVE = "акимат"
CITY = "город"
OBLAST = "область"

#: the council and executive of a district or town around its title-case name
#: ("Аягозского районного маслихата", "акимата района Аягоз", "маслихата города
#: Кентау"): (body, words before the name, words after it), each word its normal forms
LOCAL: tuple[tuple[str, tuple[tuple[str, ...], ...], tuple[tuple[str, ...], ...]], ...] = (
    ("maslikhat", (), (("районный",), ("маслихат",))),
    ("maslikhat", (("маслихат",),), (("район",),)),
    ("maslikhat", (("маслихат",), ("город",)), ()),
    ("akimat", (("акимат",),), (("район",),)),
    ("akimat", (("акимат",), ("город",)), ()),
)

#: the ministries: the normal form of their word
MINISTRY_NORM = "министр"
#: the Government as printed in issuer phrases
GOVERNMENT_PHRASES: tuple[str, ...] = (
    "Правительства Республики Казахстан",
    "Правительство Республики Казахстан",
)
#: the Republic as printed after a law's act word
REPUBLIC_PHRASES: tuple[str, ...] = ("Республики Казахстан",)
#: the first letters of the words between a law's act word and its date that still join
#: them (folded, lower case): as in Kazakh ("Республики Казахстан" itself is a
#: ``REPUBLIC_PHRASES`` phrase, removed before)
REPUBLIC_PREFIXES: tuple[str, ...] = ("қазақстан", "республика")

#: issuers in the nominative: the Government, a ministry
GOVERNMENT = "Правительство Республики Казахстан"
MINISTRY = "министерство"
#: a region's executive: by kind, from the region's ``ru`` name or ``ru_adj`` stem
AKIMAT_OF: dict[str, str] = {"city": "акимат {name}", "oblast": "акимат {adj}ой области"}
#: a district's or town's body keeps its printed case in Russian
NOMINATIVE: tuple[tuple[str, str], ...] = ()

#: the title of an amending act between the act itself and the act it amends
#: (regular expression over the words after the amending act's number up to the
#: amended act's reference): решение ... № 106/15-VII "О внесении изменений в
#: постановление акимата ... № 507-290"
AMENDING_TITLE = (
    r"^\s*[\"«„“]?\s*О\s+внесении\s+(?:изменени\w*|дополнени\w*)"
    r"(?:\s+и\s+(?:дополнени\w*|изменени\w*))?\s+в\s*$"
)
