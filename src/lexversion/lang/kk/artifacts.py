"""Kazakh words for repairing export artifacts (DOMAIN.md 4.1-4.2): data only.

Regular-expression fragments are matched, whole-word and case-insensitively,
against tokens whose Latin look-alikes were folded to Cyrillic
(:func:`lexversion.lang.fold_text`). The word lists come from the link texts
found displaced in the reference corpus (DOMAIN.md 4.1: every seed has some)
and from the act types of DOMAIN.md 2-3; ``words.tsv`` and ``bigrams.tsv``
beside this file are counted from the corpus by ``scripts/build-vocabulary``.
"""

from __future__ import annotations

#: words that carry a hyperlink to another act, in any case form: act types,
#: the annex, rules, plans, the President's Address ("қаулысына", "Заңымен",
#: "қосымшасына", "қағидаларына", "Жолдауымен", "бұйрығына")
LINK_ACTS = (
    r"(?:заң|қаулы|шешім|бұйры[қғ]|кодекс|конституция|қосымша|қағида|жоспар|жолдау"
    r"|жарлы[қғ])\w*"
)
#: pinpoint words of a link ("тармақшасына", "бабын", "тармағының")
LINK_PINPOINTS = r"(?:ба[бп]|тармақ|тармағ|тарау|бөлім)\w*"
#: Kazakh puts a provision's number before its word: "1) тармақшасына", "6-бабын"
NUMBER_BEFORE_PINPOINT = True
#: a quoted title of a law ends with this word: "Халықтың көші-қоны туралы"
TITLE_LAST_WORD = r"туралы"
#: a quoted title opens with one of these words (none in Kazakh)
TITLE_FIRST_WORD = r"(?!)"
#: the word after a year in a date, before the day: "2001 жылғы 23 қаңтардағы"
YEAR_MARKER = r"жыл(?:ғы|ы|дың)"
#: short words that stand alone in Kazakh prose (anything else of one or two
#: letters inside a letter-spaced line is a piece of a longer word)
SHORT_WORDS = frozenset(
    {
        "мен",
        "пен",
        "бен",
        "да",
        "де",
        "та",
        "те",
        "ал",
        "ол",
        "бұл",
        "не",
        "әр",
        "ең",
        "өз",
        "үй",
        "іс",
        "ер",
        "ақ",
        "ас",
        "ат",
        "ой",
        "ортақ",
        "жыл",
        "ж",
        "жж",
        "т",
        "б",
        "ҚР",
        "N",
        "№",
    }
)
#: Debian's hunspell dictionary of Kazakh (package hunspell-kk, scripts/system-deps)
HUNSPELL = "kk_KZ"
