"""Russian words for repairing export artifacts (DOMAIN.md 4.1-4.2): data only.

Regular-expression fragments are matched, whole-word and case-insensitively,
against tokens whose Latin look-alikes were folded to Cyrillic. The word lists
come from the link texts found displaced in the reference corpus (DOMAIN.md
4.1) and from the act types of DOMAIN.md 2-3; ``words.tsv`` and
``bigrams.tsv`` beside this file are counted from the corpus by
``scripts/build-vocabulary``.
"""

from __future__ import annotations

#: words that carry a hyperlink to another act, in any case form ("решением",
#: "Закона", "постановлением", "приказом", "кодексом", "Правила", "правилах")
LINK_ACTS = (
    r"(?:закон|кодекс|конституц|постановлени|решени|приказ|указ|правил|приложени|послани"
    r"|распоряжени)\w*"
)
#: pinpoint words of a link ("статьей", "пунктом", "подпунктом")
LINK_PINPOINTS = r"(?:стать|пункт|подпункт|глав|част|раздел)\w*"
#: Russian puts a provision's number after its word: "статьей 26", "пунктом 2-6"
NUMBER_BEFORE_PINPOINT = False
#: a quoted title ends with any word in Russian
TITLE_LAST_WORD = r"(?!)"
#: a quoted title of a law opens with one of these: "О миграции населения", "Об особом статусе"
TITLE_FIRST_WORD = r"(?:о|об|обо)"
#: Russian dates put the day before the month: no day is glued after a year
YEAR_MARKER = r"(?!)"
#: short words that stand alone in Russian prose
SHORT_WORDS = frozenset(
    {
        "и",
        "в",
        "с",
        "к",
        "о",
        "у",
        "а",
        "я",
        "во",
        "со",
        "ко",
        "об",
        "от",
        "до",
        "по",
        "на",
        "за",
        "из",
        "не",
        "ни",
        "но",
        "же",
        "ли",
        "бы",
        "их",
        "им",
        "он",
        "г",
        "гг",
        "ст",
        "п",
        "пп",
        "РК",
        "N",
        "№",
    }
)
#: Debian's hunspell dictionary of Russian (package hunspell-ru, scripts/system-deps)
HUNSPELL = "ru_RU"
