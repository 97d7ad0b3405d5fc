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

#: a stem's last letter voiced before a vowel and voiceless at the end of the word
#: (орталығы <- орталық, есебі <- есеп); the search stemmer writes the stem so
FINAL_VOICING: dict[str, str] = {"ғ": "қ", "г": "к", "б": "п"}

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
    "сңуір": 4,  # "сәуір" as mirrors print it, "ә" garbled to "ң" (issue 12, prg.kz)
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
    r"шештім\s*:",
    r"шешім\s+ет(?:ті|еді)\s*:",
    r"шешемін\s*:",
    r"қаулы\s+ет(?:ті|еді|емін)\s*:",
)

#: the enacting formulas by the kind of act they enact (issue 12): a maslikhat's or an
#: akim's decision, an akimat's resolution. A formula ends in a colon or, in a joint
#: act, runs on to the other issuer ("облыстық мәслихат шешім етті және облыс әкімияты
#: қаулы етеді:"); matched on folded lower-case text
ENACTING_KINDS: tuple[tuple[str, str], ...] = (
    (r"шешім\s+қабылдады|(?:былай\s+деп\s+)?шешті|шештім|шешім\s+ет(?:ті|еді)|шешемін", "decision"),
    (r"қаулы\s+(?:ет(?:ті|еді|емін)|қабылдады)", "resolution"),
)
#: what follows a formula: a colon, or the conjunction before a joint act's other issuer
ENACTING_END = r"\s*:|\s+(?:және|мен)\s"

#: editorial note markers (DOMAIN.md 2.4)
NOTE_MARKERS: tuple[str, ...] = (r"ескерту\b", r"күші\s+жойылды\b")

#: words of the requisites paragraph
REGISTRATION = r"(?P<authority>[^.]*?(?:әділет|юстиция)[^.]*?)\s+(?P<date>.+?)\s+(?:№|N)\s*(?P<number>[\w/\-]+)\s+(?:болып\s+)?тіркелді"
REPEAL_PREFIX = r"к[үу]ш[іи]\s+жойылды(?!\s+деп\b)\s*[-–—]?\s*"
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
    # notes also write "оның алғаш ресми ...", "ресми жарияланған күннен бастап"
    (
        r"(?:алғаш\s+)?ресми\s+жарияланған\s+күн(?:інен|нен)\s+кейін\s+күнтізбелік\s+(?P<days>\w+)\s+күн\s+өткен\s+соң",
        "days_after_publication",
    ),
    (r"(?:алғаш\s+)?ресми\s+жарияланған\s+күн(?:інен|нен)\s+бастап", "from_publication"),
    (r"қабылданған\s+күн(?:інен|нен)\s+бастап", "from_adoption"),
    (r"(?P<date>\d{4}\s*жылғы\s+\S+\s+\S+)\s+бастап\s+қолданысқа\s+енгізіледі", "from_date"),
    (r"мемлекеттік\s+тіркелген\s+күн(?:інен|нен)\s+бастап", "from_registration"),
)
#: entry into force and application stated apart (Law No 480-V, art. 36: an act
#: "күшіне енеді" and is "қолданысқа енгізіледі"): ``rule`` is the clause whose
#: rule dates entry into force (before the verb: SOV), ``rest`` application's
IN_FORCE = r"^(?P<rule>.*?)күшіне\s+енеді(?P<rest>.*?)қолданысқа\s+енгізіледі"
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
#: an amending act's own point replacing words throughout another act ("бүкіл
#: мәтін бойынша "оралман" деген сөз "қандас" деген сөзбен ауыстырылсын"; issue 13, item 2)
SUBSTITUTE_WORDS = r"бүкіл\s+мәтін\s+бойынша\s+(?P<old>.+?)\s+деген\s+сөз(?:дер)?\s+(?:тиісінше\s+)?(?P<new>.+?)\s+деген\s+сөз(?:дер)?мен\s+ауыстырылсын"

#: issuing-body stems: the council and the executive (used by lexversion.lang.regions)
COUNCIL = r"мәслихат|маслихат"
EXECUTIVE = r"әкімдіг|әкімдік"
GOVERNMENT = r"қазақстан\s+республикасы(?:ның)?\s+үкіметі"

# --- rule matching with spaCy (lexversion.lang.kk.language, lexversion.parse.citations) ---

#: letters of the Kazakh and Russian alphabets and Latin, for tokenizer rules
LETTERS = "A-Za-zА-ЯЁа-яёӘәҒғҚқҢңӨөҰұҮүҺһІі"

#: tokenizer infixes (spaCy regular expressions): ellipses, the numero sign, a full stop,
#: comma, semicolon or colon glued between two words ("бекітілсін.қосымшасына",
#: "сәйкес,бұйрығына", DOMAIN.md 4.1). Hyphens and slashes inside a token are kept, so an
#: act number ("26-129", "149/19-VIII"), a pinpoint ("6-бабының", "2-6-тармағына") and a
#: hyphenated name ("Нұр-Сұлтан") are one token each.
TOKENIZER_INFIXES: tuple[str, ...] = (
    r"\.\.+",
    r"…",
    r"№",
    rf"(?<=[{LETTERS}])[.,;:](?=[{LETTERS}])",
    rf'(?<=[{LETTERS}0-9])"(?=[{LETTERS}])',
)

#: abbreviations kept whole by the tokenizer -> their normal form
ABBREVIATIONS: dict[str, str] = {
    "ж.": "жыл",
    "ж.ж.": "жылдар",
    "т.б.": "тағы басқа",
    "т.с.с.": "тағы сол сияқты",
    "ҚР": "Қазақстан Республикасы",
}

#: number words (spaCy ``like_num``): cardinal numbers up to a thousand
NUMBER_WORDS_ALL: tuple[str, ...] = (
    *NUMBER_WORDS,
    "нөл",
    "қырық",
    "елу",
    "алпыс",
    "жетпіс",
    "сексен",
    "тоқсан",
    "жүз",
    "мың",
)

#: frequent function words (spaCy ``is_stop``)
STOP_WORDS: frozenset[str] = frozenset(
    [
        "және",
        "мен",
        "бен",
        "пен",
        "да",
        "де",
        "та",
        "те",
        "мен",
        "бойынша",
        "туралы",
        "үшін",
        "осы",
        "сол",
        "бұл",
        "не",
        "немесе",
        "оның",
        "ал",
        "әрі",
        "бірақ",
        "сияқты",
        "жөнінде",
        "арқылы",
    ]
)

#: normal forms (spaCy ``NORM``) for rule matching: (regular expression matched against
#: the whole folded lower-case word, normal form). The first that matches wins; other
#: words keep their folded lower case. Month words take the stem of ``MONTHS``.
NORMS: tuple[tuple[str, str], ...] = (
    (r"\d{1,2}\.\d{1,2}\.\d{4}", "#date"),
    (r"\d{4}", "#year"),
    (r"\d{1,2}", "#day"),
    (r"\d+(?:[/\-.]\d+)*(?:[/\-][ivxlіх]+)?(?:[/\-]\d+)*", "#num"),
    (r"n", "№"),
    (r"шешім\w*", "шешім"),
    (r"қаулы\w*", "қаулы"),
    (r"бұйры[қғ]\w*", "бұйрық"),
    (
        r"заң(?:ы|ын|ына|ының|ымен|ында|ға|нан|дар|дары|дарын|дарына|дарының|дарымен|дарда)?",
        "заң",
    ),
    (r"кодек[сc]\w*", "кодекс"),
    (r"конституция\w*", "конституция"),
    (r"жарлы[қғ]\w*", "жарлық"),
    (r"м[әаң]слихат\w*", "мәслихат"),
    (r"[әң]кімді[кг]\w*", "әкімдік"),
    (r"үкімет\w*", "үкімет"),
    (r"\w*министр\w*", "министр"),
    (r"облыст(?:ық|ың)", "облыстық"),
    (r"облыс(?:ы|ының|тың|та|қа)?", "облыс"),
    (r"қалалық", "қалалық"),
    (r"қала(?:сы|сының|ның)", "қаласы"),
    (r"аудандық", "аудандық"),
    (r"аудан(?:ы|ының|ның)", "ауданы"),
    (r"республика(?:сы|сының|ның)", "республика"),
    (r"жыл(?:ғы|ы|дың)", "жыл"),
    (r"\d+(?:-\d+)*-?ба[пб](?:ы|ының|ына|ын|ымен|ында)?", "бап"),
    (r"ба[пб](?:ы|ының|ына|ын|ымен|ында)", "бап"),
    (r"\d+(?:-\d+)*-?тармақша\w*", "тармақша"),
    (r"тармақша\w*", "тармақша"),
    (r"\d+(?:-\d+)*-?тарма[қғ](?:ы|ының|ына|ын|ымен|ында)?", "тармақ"),
    (r"тарма[қғ](?:ы|ының|ына|ын|ымен|ында)", "тармақ"),
    (r"тіркел\w*", "тіркел"),
    (r"реестр\w*", "реестр"),
    (r"тізілім\w*", "тізілім"),
    (r"нөмір\w*", "нөмір"),
    (r"сессия\w*", "сессия"),
    (r"шақырыл\w*", "шақырылым"),
)

#: pinpoint words -> AKN element of the cited provision
PINPOINTS: dict[str, str] = {"бап": "article", "тармақ": "paragraph", "тармақша": "point"}

#: act-type normal forms -> AKN subtype (``ACT_TYPES`` read through ``NORMS``)
ACT_NORMS: dict[str, str] = {
    "шешім": "decision",
    "қаулы": "resolution",
    "бұйрық": "order",
    "заң": "law",
    "кодекс": "code",
    "конституция": "constitution",
    "жарлық": "decree",
}

#: words that mark a reference to the state register (reg. number of a cited act)
REGISTER_NORMS: tuple[str, ...] = ("реестр", "тізілім")
#: words after a date and number that make it a registration, not a citation
REGISTERED_AFTER: tuple[str, ...] = ("тіркел",)
#: the Republic as issuer of laws and codes: "Қазақстан Республикасының ... Заңы"
REPUBLIC: tuple[str, ...] = ("қазақстан", "республика")
#: attributive endings of a date that names an act ("... 23 қаңтардағы Заңы")
ATTRIBUTIVE_ENDINGS: tuple[str, ...] = ("ғы", "гі")

# --- the parts of an act found by what they say (issue 12: any layout) ---------------

#: the words of an issuer phrase, matched whole on folded lower-case words: the body
#: (-> its kind) and the words of its level and place ("Шиелі аудандық мәслихаты",
#: "Бірсуат ауылының әкімі", "Ғабит Мүсірепов атындағы аудан әкімдігі")
ISSUER_BODIES: tuple[tuple[str, str], ...] = (
    (r"м[әаң]слихат\w*", "maslikhat"),
    (r"[әң]кімді[кг]\w*|[әң]кімият\w*", "akimat"),
    (r"[әң]кім(?:і|інің|іне|ін)?", "akim"),
)
#: the akimat an akim heads, named from the akim's title (akimat resolutions are signed
#: by the akim): "Арал ауданының әкімі" -> "Арал ауданының әкімдігі"
AKIMAT_OF_AKIM: tuple[tuple[str, str], ...] = ((r"([әң]кім)і$", r"\1дігі"),)
#: lower-case words inside a place's name ("Шал ақын ауданы", "Биржан сал ауданы",
#: "Ғабит Мүсірепов атындағы аудан")
NAME_PARTICLES = r"ақын|сал|батыр|би|жырау|атындағы"
ISSUER_LEVELS: tuple[tuple[str, str], ...] = (
    (r"облыс\w*", "oblast"),
    (r"қала\w*", "city"),
    (r"аудан\w*", "district"),
    (r"ауыл\w*|округ\w*|кент\w*|село\w*|поселке\w*", "rural"),
    (r"атындағы", ""),
)
#: the act type of each body's acts: a maslikhat and an akim decide, an akimat resolves
BODY_TYPES: dict[str, str] = {"maslikhat": "decision", "akimat": "resolution", "akim": "decision"}
#: role words of a signature that are not the issuer ("... мәслихатының хатшысы")
ROLE_WORDS = r"төраға\w*|хатшы\w*|сессия\w*|міндетін|атқарушы|орынбасары|кезекті|кезектен"

#: a title: "... бекіту туралы", "... енгізу туралы" (the words closing it)
TITLE_END = r"туралы\W*(?:\(\s*күші\s+жойылды\s*\)\W*)?$"
#: a mirror's status printed after the title ("... туралы (күші жойылды)", prg.kz)
TITLE_STATUS = r"\(\s*күші\s+жойылды\s*\)\W*$"
#: the act word in the nominative after an act's own date and number ("№ 26-129 шешімі",
#: "№ 407 қаулысы"): the requisites name the act itself; "шешіміне" (the act amended),
#: "шешімімен" (the act amending or repealing) name another
OWN_ACT_WORD = (
    r"^\W{0,3}(?:шешімі|қаулысы|бұйрығы|бірлескен\s+қаулысы|шешім|қаулы)(?![а-яәғқңөұүһі])"
)
#: a registration sentence of the requisites ("... Әділет департаментінде ... тіркелді")
REGISTERED = r"тіркелді"
#: editorial lines of the database and its mirrors, printed before the act: "РҚАО
#: ескертпесі", a mirror's list of amending acts and former versions, publication
EDITORIAL_OPENERS: tuple[str, ...] = (
    r"^рқао\S*\s+ескертпесі",
    r"^енгізілген\s+өзгерістер",
    r"^бұрынғы\s+редакциялар",
    r"^жариялануы\s*:",
)
#: an annex's approval block, read from a line of table cells ("... № 194 шешіміне
#: қосымша", "... № 12/03 қаулысымен бекітілген", "Қосымша")
ANNEX_LINE = r"(?:қосымша(?:сы)?|бекітілген(?:\s+қосымша)?)\W*$"
#: words of a point that amends an annex, never of an approval line
ANNEX_NOT = r"редакцияда|жазылсын|толықтырылсын|алып\s+тасталсын|өзгерістер\s+енгізілсін"
ANNEX_ALONE = r"^\W*(?:\d+[-\s]*)?қосымша(?:\s*№?\s*\d+)?\W*$"
#: a mirror's card of labelled fields (zanorda.kz: "Қабылданған күні: 17.02.2016",
#: "| Акт түрі | шешім |", "Қабылдау органы"): the whole label (folded, lower case, no
#: colon) -> the field it states; as ``lang/ru``
CARD_LABELS: tuple[tuple[str, str], ...] = (
    (r"(?:актінің\s+)?қабылда(?:нған|у)\s+күні", "date"),
    (r"(?:актінің\s+)?(?:қабылдау\s+)?нөмір(?:і)?|№", "number"),
    (r"қабылда(?:у|ған)\s+орган(?:ы)?|актіні\s+қабылдаған\s+орган", "issuer"),
    (r"акт(?:інің)?\s+түрі|құжат(?:тың)?\s+түрі", "act_type"),
    (
        r"(?:мемлекеттік\s+)?тірке(?:лген|у|лу)\s+күні"
        r"|әділет\s+министрлігінде\s+тіркелген\s+күні",
        "registration_date",
    ),
    (
        r"(?:мемлекеттік\s+)?тіркеу\s+нөмірі|тіркелген\s+нөмірі"
        r"|әділет\s+министрлігінде\s+тіркелген\s+нөмірі",
        "registration_number",
    ),
)
#: an issuer named from the one place of its level that an act names, when its own
#: phrase names only its body and level ("аудан әкімдігі ҚАУЛЫ ЕТЕДІ" and "Железин
#: ауданының ..." -> "Железин ауданының әкімдігі"): (body, level) -> the name, ``{name}``
#: the place's words as printed (Kazakh place names do not decline)
PLACE_ISSUERS: dict[tuple[str, str], str] = {
    ("maslikhat", "district"): "{name} аудандық мәслихаты",
    ("akimat", "district"): "{name} ауданының әкімдігі",
    ("akim", "district"): "{name} ауданының әкімі",
    ("maslikhat", "city"): "{name} қалалық мәслихаты",
    ("akimat", "city"): "{name} қаласының әкімдігі",
    ("akim", "city"): "{name} қаласының әкімі",
    ("maslikhat", "oblast"): "{name} облыстық мәслихаты",
    ("akimat", "oblast"): "{name} облысының әкімдігі",
}
#: a place's name read from the words before its level word: a word of it, its stem
PLACE_NAME = r"(?P<stem>[^\W\d_][\w\-]*)"
