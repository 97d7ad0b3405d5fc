"""Kazakh vocabulary of maslikhat decisions: data only, no logic.

Every entry is a regular-expression fragment matched case-insensitively against
text whose Latin look-alikes have been folded to Cyrillic (see
:func:`lexversion.lang.fold`). Sources: the anatomy and event wording tables of
DOMAIN.md sections 2, 3 and 5; the Law of the Republic of Kazakhstan "On legal
acts" of 6 April 2016 No 480-V for the commencement formulas.
"""

from __future__ import annotations

CODE = "kk"
AKN_LANG = "kaz"  # ISO 639-2/B, as the AKN naming convention requires

#: month stems; any case ending may follow ("желтоқсандағы", "қаңтарда", "наурызындағы")
MONTHS: dict[str, int] = {
    "қаңтар": 1,
    "ақпан": 2,
    "наурыз": 3,
    "сәуір": 4,
    "мамыр": 5,
    "маусым": 6,
    "шілде": 7,
    "тамыз": 8,
    "қыркүйек": 9,
    "қазан": 10,
    "қараша": 11,
    "желтоқсан": 12,
}

#: what may follow a month stem: possessive (-ы/-ын), locative (-да/-де/-та/-те/-нда/-нде)
#: with the adjectival -ғы/-гі, or ablative (-дан/-ден/-тан/-тен/-нан/-нен)
MONTH_ENDING = r"(?:ы|і|ын|ін)?(?:(?:да|де|та|те|нда|нде)(?:ғы|гі)?|дан|ден|тан|тен|нан|нен)?"

#: "2017 жылғы 15 желтоқсандағы", "2018 жылы 9 қаңтарда", "2002 жылдың 27 наурызындағы",
#: "2017 жылғы "15" желтоқсандағы"; groups: year, day, month (stem + ending)
DATE_PATTERNS: tuple[str, ...] = (
    r'(?P<year>\d{4})\s*жыл(?:ғы|ы|дың)\s+"?(?P<day>\d{1,2})"?\s+(?:(?P<displaced>[а-яәғқңөұүһі]+)\s+)?(?P<month>[а-яәғқңөұүһі]+)',
)

#: act types: stem -> AKN subtype (the document's own name in the FRBR URI)
ACT_TYPES: dict[str, str] = {
    "шешім": "decision",
    "қаулы": "resolution",
    "бұйры": "order",  # бұйрық, бұйрығы (final қ voices to ғ before a vowel)
    "заң": "law",
    "жарлы": "decree",  # жарлық, жарлығымен
    "бағдарлама": "programme",
}

#: status labels printed under the title (DOMAIN.md 2.2) -> lexversion status
STATUS_LABELS: dict[str, str | None] = {
    "күшін жойған": "repealed",
    "қолданыстағы": "in_force",
    "жаңа": None,  # "new": published recently, status not yet confirmed
}

#: enacting formulas closing the preamble (DOMAIN.md 2.5)
ENACTING_FORMULAS: tuple[str, ...] = (
    r"шешім\s+қабылдады\s*:",
    r"қабылдады\s*:",
    r"былай\s+деп\s+шешті\s*:",
    r"шешті\s*:",
)

#: editorial note markers (DOMAIN.md 2.4)
NOTE_MARKERS: tuple[str, ...] = (r"ескерту\b", r"күші\s+жойылды\b")

#: words of the requisites paragraph
REGISTRATION = r"(?P<authority>[^.]*?(?:әділет|юстиция)[^.]*?)\s+(?P<date>.+?)\s+(?:№|N)\s*(?P<number>[\w/\-]+)\s+(?:болып\s+)?тіркелді"
REPEAL_PREFIX = r"күші\s+жойылды\s*[-–—]?\s*"
REPEALING_ACT_SUFFIX = r"шешімімен|қаулысымен|бұйрығымен|заңымен"

#: roles in signature blocks (DOMAIN.md 2.7)
SIGNATURE_ROLES: tuple[str, ...] = (
    r"төрағасы",
    r"хатшысы",
    r"әкімі",
    r"міндетін\s+атқарушы",
    r"директоры",
    r"бастығы",
)
APPROVAL_LIST = r"келісілген\s*:?"

#: annex approval block openers and closers (DOMAIN.md 2.8)
ANNEX_OPENERS: tuple[str, ...] = (r"мәслихатының(\s+\d{4})?$", r"маслихатының(\s+\d{4})?$")
ANNEX_CLOSERS: tuple[str, ...] = (
    r"қосымша$",
    r"бекітілген$",
    r"шешіміне$",
    r"бекітілген\s+қосымша$",
)

#: structure headings
CHAPTER = r"(?P<num>\d+)\s*-\s*тарау\.?"
SECTION_WORDS: tuple[str, ...] = ()
EXTRACT_MARKERS: tuple[str, ...] = (r"үзінді\s*:",)

#: commencement phrases (DOMAIN.md section 5) -> rule kind; "N" days parsed from NUMBER_WORDS
COMMENCEMENT: tuple[tuple[str, str], ...] = (
    (
        r"алғашқы\s+ресми\s+жарияланған\s+күнінен\s+кейін\s+күнтізбелік\s+(?P<days>\w+)\s+(?:№\s*\S+\s+)?күн\s+өткен\s+соң",
        "days_after_publication",
    ),
    (r"алғашқы\s+ресми\s+жарияланған\s+күнінен\s+кейін", "day_after_publication"),
    (r"алғашқы\s+ресми\s+жарияланған\s+күнінен\s+бастап", "from_publication"),
    (r"қабылданған\s+күн(?:інен|нен)\s+бастап", "from_adoption"),
    (r"(?P<date>\d{4}\s*жылғы\s+\S+\s+\S+)\s+бастап\s+қолданысқа\s+енгізіледі", "from_date"),
    (r"мемлекеттік\s+тіркелген\s+күн(?:інен|нен)\s+бастап", "from_registration"),
)
#: retroactive application: "... 2024 жылғы 1 қаңтардан бастап туындаған (құқықтық) қатынастарға таралады"
RETROACTIVE: tuple[str, ...] = (
    r"(?P<date>\d{4}\s*жылғы\s+\S+\s+\S+)\s+бастап\s+туындаған\s+(?:құқықтық\s+)?қатынастарға\s+(?:таралады|қолданылады)",
)

NUMBER_WORDS: dict[str, int] = {
    "бір": 1,
    "екі": 2,
    "үш": 3,
    "төрт": 4,
    "бес": 5,
    "алты": 6,
    "жеті": 7,
    "сегіз": 8,
    "тоғыз": 9,
    "он": 10,
    "жиырма": 20,
    "отыз": 30,
}

#: publication as the text reports it: "... "Астана ақшамы" газетінде жарияланды"
PUBLISHED = r"газет\w*\s+жарияланды|жарияланды"

#: amendment wording in editorial notes (DOMAIN.md section 5)
SUBSTITUTION = r"бүкіл\s+мәтін\s+бойынша\s+(?P<old>.+?)\s+деген\s+сөздер\s+(?:тиісінше\s+)?(?P<new>.+?)\s+деген\s+сөздермен\s+ауыстырылды"
#: provision-level amendments recorded in notes: "5-тармақ жаңа редакцияда", "шешім
#: 3-1-тармақпен толықтырылды", "4-тармақ алып тасталды"; ``what`` -> provision kind
PROVISION_AMENDED = r"(?:(?P<num>\d+(?:-\d+)?)-(?P<what>тармақша|тармақ|тарау)\w*|(?P<annex>қосымша))\s+жаңа\s+редакцияда"
PROVISION_INSERTED = r"(?P<num>\d+(?:-\d+)?)-(?P<what>тармақша|тармақ|тарау)\w*\s+толықтырылды"
PROVISION_EXCLUDED = r"(?P<num>\d+(?:-\d+)?)-(?P<what>тармақша|тармақ|тарау)\w*\s+алып\s+тасталды"
PROVISION_KINDS: dict[str, str] = {"тармақ": "paragraph", "тармақша": "point", "тарау": "chapter"}

REPEAL_WORDS: tuple[str, ...] = (r"күші\s+жойылды\s+деп\s+танылсын",)
NEW_EDITION_WORDS: tuple[str, ...] = (r"жаңа\s+редакцияда",)

#: issuing-body stems: the council and the executive (used by lexversion.lang.regions)
COUNCIL = r"мәслихат|маслихат"
EXECUTIVE = r"әкімдіг|әкімдік"
GOVERNMENT = r"қазақстан\s+республикасы(?:ның)?\s+үкіметі"
