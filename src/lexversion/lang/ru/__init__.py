"""Russian vocabulary of maslikhat decisions: data only, no logic.

Entries are regular-expression fragments matched case-insensitively. Sources:
DOMAIN.md sections 2, 3 and 5; the Law of the Republic of Kazakhstan "On legal
acts" of 6 April 2016 No 480-V for the commencement formulas.
"""

from __future__ import annotations

CODE = "ru"
AKN_LANG = "rus"

MONTHS: dict[str, int] = {
    "январ": 1,
    "феврал": 2,
    "март": 3,
    "апрел": 4,
    "ма": 5,  # "мая"; matched as a whole word with its ending below
    "июн": 6,
    "июл": 7,
    "август": 8,
    "сентябр": 9,
    "октябр": 10,
    "ноябр": 11,
    "декабр": 12,
}

#: what may follow a month stem in any case: "января", "марте", "мая", "май", "сентябрём"
MONTH_ENDING = r"(?:ь|я|е|ю|ем|ём|а|у|ом|й)?"

#: "15 сентября 2017 года", "от "30" сентября 2024 года", "6 апреля 2016"
DATE_PATTERNS: tuple[str, ...] = (
    r'"?(?P<day>\d{1,2})"?\s+(?:(?P<displaced>[а-яё]+)\s+)?(?P<month>[а-яё]+)\s+(?P<year>\d{4})(?:\s*(?:года|г\.))?',
)

ACT_TYPES: dict[str, str] = {
    "решени": "decision",
    "постановлени": "resolution",
    "приказ": "order",
    "закон": "law",
    "указ": "decree",
    "программ": "programme",
}

STATUS_LABELS: dict[str, str | None] = {
    "утративший силу": "repealed",
    "действующий": "in_force",
    "новый": None,
}

ENACTING_FORMULAS: tuple[str, ...] = (
    r"решил\s*:",
    r"постановляет\s*:",
    r"решает\s*:",
    r"решила\s*:",
    r"постановил\s*:",
    r"постановляю\s*:",
    r"решаю\s*:",
)

#: the enacting formulas by the kind of act they enact (issue 12), as in ``lang/kk``:
#: a maslikhat's or an akim's decision, an akimat's resolution ("акимат города Шымкент
#: ПОСТАНОВЛЯЕТ и маслихат города Шымкент РЕШИЛ:")
ENACTING_KINDS: tuple[tuple[str, str], ...] = (
    (r"решил[аи]?|решает|решаю", "decision"),
    (r"постановля(?:ет|ю)|постановил[аи]?", "resolution"),
)
ENACTING_END = r"\s*:|\s+и\s"

NOTE_MARKERS: tuple[str, ...] = (r"сноска\b", r"утратил[оа]?\s+силу\b")

REGISTRATION = (
    r"зарегистрирован[оа]?\s+(?P<authority>.+?)\s+(?P<date>.+?)\s+(?:№|N)\s*(?P<number>[\w/\-]+)"
)
REPEAL_PREFIX = r"утратил[оа]?\s+силу\s+"
REPEALING_ACT_SUFFIX = r""

SIGNATURE_ROLES: tuple[str, ...] = (
    r"председател",
    r"секретар",
    r"аким\b",
    r"исполняющ",
    r"директор",
    r"начальник",
)
APPROVAL_LIST = r"согласовано\s*:?"

ANNEX_OPENERS: tuple[str, ...] = (r"^приложение\b", r"^утвержден[аоы]?\b")
ANNEX_CLOSERS: tuple[str, ...] = (r"№\s*[\w/\-]+$",)

CHAPTER = r"глава\s+(?P<num>\d+)\.?"
SECTION_WORDS: tuple[str, ...] = ()
EXTRACT_MARKERS: tuple[str, ...] = (r"выписка\s*:",)

COMMENCEMENT: tuple[tuple[str, str], ...] = (
    (
        r"по\s+истечении\s+(?P<days>\w+)\s+календарных\s+дней\s+после\s+дня\s+(?:его\s+)?первого\s+официального\s+опубликования",
        "days_after_publication",
    ),
    (r"со\s+дня\s+(?:его\s+)?первого\s+официального\s+опубликования", "from_publication"),
    (r"после\s+дня\s+(?:его\s+)?первого\s+официального\s+опубликования", "day_after_publication"),
    (r"со\s+дня\s+(?:его\s+)?принятия", "from_adoption"),
    (r"вводится\s+в\s+действие\s+с\s+(?P<date>\d{1,2}\s+\S+\s+\d{4})", "from_date"),
    (r"со\s+дня\s+(?:его\s+)?государственной\s+регистрации", "from_registration"),
)
#: entry into force and application stated apart ("вступает в силу ... и вводится
#: в действие ..."): ``rule`` is the clause whose rule dates entry into force
#: (after the verb), ``rest`` application's
IN_FORCE = r"вступа\w+\s+в\s+силу(?P<rule>.*?)вводится\s+в\s+действие(?P<rest>.*)"
#: retroactive application: "распространяется на отношения, возникшие с 1 января 2024 года"
RETROACTIVE: tuple[str, ...] = (
    r"распространя\w+\s+(?:свое\s+действие\s+)?на\s+(?:право)?отношения,?\s+возникшие\s+с\s+(?P<date>\d{1,2}\s+\S+\s+\d{4})",
)

NUMBER_WORDS: dict[str, int] = {
    "одного": 1,
    "двух": 2,
    "трех": 3,
    "трёх": 3,
    "пяти": 5,
    "семи": 7,
    "десяти": 10,
    "двадцати": 20,
    "тридцати": 30,
}

#: publication: "опубликовано 19 октября 2017 года в газетах ..."
PUBLISHED = r"опубликован\w*"

SUBSTITUTION = r"по\s+всему\s+тексту\s+слова\s+(?P<old>.+?)\s+заменены\s+(?:соответственно\s+)?словами\s+(?P<new>.+?)(?:[;.]|\s*[-–—]|$)"
#: provision-level amendments recorded in notes: "Пункт 5 - в редакции решения ...",
#: "дополнено пунктом 3-1", "пункт 4 исключен решением"
PROVISION_AMENDED = r"(?:(?P<what>подпункт|пункт|глава)\s+(?P<num>\d+(?:-\d+)?)|(?P<annex>приложение))\s*[-–—]?\s*в\s+редакции"
PROVISION_INSERTED = r"дополнен\w*\s+(?P<what>подпункт|пункт|глав)\w*\s+(?P<num>\d+(?:-\d+)?)"
PROVISION_EXCLUDED = r"(?P<what>подпункт|пункт|глава)\s+(?P<num>\d+(?:-\d+)?)\s+исключ\w+"
PROVISION_KINDS: dict[str, str] = {
    "пункт": "paragraph",
    "подпункт": "point",
    "глава": "chapter",
    "глав": "chapter",
}

REPEAL_WORDS: tuple[str, ...] = (r"признать\s+утратившим(?:и)?\s+силу",)
NEW_EDITION_WORDS: tuple[str, ...] = (r"изложить\s+в\s+новой\s+редакции",)
#: an amending act's own point replacing words throughout another act ("по всему
#: тексту слова "оралман" заменить словом "кандас""; issue 13, item 2)
SUBSTITUTE_WORDS = r"по\s+всему\s+тексту\s+(?:[^.;:]*?\s)?слов[аоу]?\s+(?P<old>.+?)\s+заменить\s+(?:соответственно\s+)?слов(?:ом|ами)\s+(?P<new>.+?)(?:[;.]|$)"

COUNCIL = r"маслихат"
EXECUTIVE = r"акимат"
GOVERNMENT = r"правительств[оа]\s+республики\s+казахстан"

# --- rule matching with spaCy (lexversion.parse.citations) --------------------------

LETTERS = "A-Za-zА-ЯЁа-яёӘәҒғҚқҢңӨөҰұҮүҺһІі"

#: tokenizer infixes replacing spaCy's Russian ones: ellipses, the numero sign, a full stop,
#: comma, semicolon or colon glued between two words (DOMAIN.md 4.1). Hyphens and slashes
#: inside a token are kept: "26-129", "149/19-VIII", "Южно-Казахстанской" are one token.
TOKENIZER_INFIXES: tuple[str, ...] = (
    r"\.\.+",
    r"…",
    r"№",
    rf"(?<=[{LETTERS}])[.,;:](?=[{LETTERS}])",
    rf'(?<=[{LETTERS}0-9])"(?=[{LETTERS}])',
)

#: normal forms (spaCy ``NORM``) for rule matching, as in ``lexversion.lang.kk.NORMS``
NORMS: tuple[tuple[str, str], ...] = (
    (r"\d{1,2}\.\d{1,2}\.\d{4}", "#date"),
    (r"\d{4}", "#year"),
    (r"\d{1,2}", "#day"),
    (r"\d+(?:[/\-.]\d+)*(?:[/\-][ivxlіх]+)?(?:[/\-]\d+)*", "#num"),
    (r"n", "№"),
    (r"решени\w*", "решение"),
    (r"постановлени\w*", "постановление"),
    (r"приказ(?:а|у|ом|е|ы|ов|ами|ам)?", "приказ"),
    (r"закон(?:а|у|ом|е|ы|ов|ами|ам|ах)?", "закон"),
    (r"кодекс\w*", "кодекс"),
    (r"конституци\w*", "конституция"),
    (r"указ(?:а|у|ом|е|ы|ов|ами)?", "указ"),
    (r"маслихат\w*", "маслихат"),
    (r"акимат\w*", "акимат"),
    (r"правительств\w*", "правительство"),
    (r"министр\w*|министерств\w*", "министр"),
    (r"областн\w+", "областной"),
    (r"област(?:ь|и|ью)", "область"),
    (r"городск\w+", "городской"),
    (r"город(?:а|е|ом|у)?|г\.", "город"),
    (r"районн\w+", "районный"),
    (r"район(?:а|е|ом|у)?", "район"),
    (r"республик\w*", "республика"),
    (r"казахстан\w*", "казахстан"),
    (r"года|год|г\.?", "год"),
    (r"стать(?:я|и|ей|е|ю|ями|ях)", "статья"),
    (r"подпункт\w*", "подпункт"),
    (r"пункт(?:а|у|ом|е|ы|ов|ами|ах)?", "пункт"),
    (r"част(?:ь|и|ью|ями)", "часть"),
    (r"зарегистрирован\w*", "зарегистрирован"),
    (r"реестр\w*", "реестр"),
    (r"сесси\w*", "сессия"),
    (r"созыв\w*", "созыв"),
)

PINPOINTS: dict[str, str] = {
    "статья": "article",
    "пункт": "paragraph",
    "подпункт": "point",
    "часть": "subparagraph",
}

ACT_NORMS: dict[str, str] = {
    "решение": "decision",
    "постановление": "resolution",
    "приказ": "order",
    "закон": "law",
    "кодекс": "code",
    "конституция": "constitution",
    "указ": "decree",
}

REGISTER_NORMS: tuple[str, ...] = ("реестр",)
#: words before a date and number (same sentence) that make it a registration
REGISTERED_BEFORE: tuple[str, ...] = ("зарегистрирован",)
REPUBLIC: tuple[str, ...] = ("республика", "казахстан")
#: the preposition that introduces an act's date ("Закона ... от 6 апреля 2016 года")
DATE_PREPOSITION = "от"

# --- the parts of an act found by what they say (issue 12: any layout) ---------------

#: the words of an issuer phrase (see ``lang/kk``): "Абайский районный маслихат",
#: "акимат района Марқакөл", "аким Северного сельского округа", "маслихат города Шымкент"
ISSUER_BODIES: tuple[tuple[str, str], ...] = (
    (r"маслихат\w*", "maslikhat"),
    (r"акимат\w*", "akimat"),
    (r"аким(?:а|у|ом)?", "akim"),
)
ISSUER_LEVELS: tuple[tuple[str, str], ...] = (
    (r"област\w*", "oblast"),
    (r"город\w*", "city"),
    (r"район\w*", "district"),
    (r"сельск\w*|округ\w*|поселк\w*|посёлк\w*|сел[ао]|аул\w*", "rural"),
    (r"имени", ""),
)
#: the akimat an akim heads: "Аким района Марқакөл" -> "акимат района Марқакөл"
AKIMAT_OF_AKIM: tuple[tuple[str, str], ...] = ((r"^[Аа]ким\b", "акимат"),)
NAME_PARTICLES = r"акына|акын|сал|батыра|батыр|би|жырау|имени"
BODY_TYPES: dict[str, str] = {"maslikhat": "decision", "akimat": "resolution", "akim": "decision"}
ROLE_WORDS = r"председател\w*|секретар\w*|сесси\w*|исполняющ\w*|обязанност\w*|заместител\w*|очередн\w*|внеочередн\w*|созыва"

#: a title: "Об утверждении ...", "О внесении изменений ..."
TITLE_START = r"^\W{0,2}об?\s"
TITLE_STATUS = r"\(\s*утратил[оа]?\s+силу\s*\)\W*$"
#: the requisites sentence opens with the act's own name in the nominative
OWN_ACT_START = r"^(?:совместное\s+)?(?:решение|постановление|приказ)(?![а-яё])"
REGISTERED = r"(?:^|\.\s+)зарегистрирован"
EDITORIAL_OPENERS: tuple[str, ...] = (
    r"^примечание\s+\S+\s*\.?$",
    r"^данная\s+редакция\s+действовала",
    r"^опубликован[оа]?\s*:",
    r"^история\s+изменений",
)
#: an annex's approval block: "Приложение 1 к решению ...", "Утверждены решением ..."
ANNEX_LINE = r"^\W*(?:приложение|утвержден[аоы]?)(?![а-яё])"
ANNEX_NOT = r"изложить|дополнить|исключить|в\s+редакции|внести"
ANNEX_ALONE = r"^\W*приложение(?:\s*№?\s*\d+)?\W*$"
#: an issuer in the genitive put in the nominative, word by word up to the body word
#: ("Абайского районного маслихата" -> "Абайский районный маслихат"; "маслихата
#: Джангельдинского района" -> "маслихат Джангельдинского района")
NOMINATIVE_WORDS: tuple[tuple[str, str], ...] = (
    # the level adjectives stressed on the ending: "городского" -> "городской"
    (r"^([Гг]ород)ского$", r"\1ской"),
    (r"^([Оо]бласт)ного$", r"\1ной"),
    (r"(\w)ского$", r"\1ский"),
    (r"(\w)цкого$", r"\1цкий"),
    (r"(\w)ного$", r"\1ный"),
    (r"^(маслихат|акимат)а$", r"\1"),
    (r"^(аким)а$", r"\1"),
)
#: a mirror's card of labelled fields (zanorda.kz, online.zakon.kz), "Дата принятия:
#: 17.02.2016", "| Номер | 502 |": the whole label (folded, lower case, no colon) ->
#: the field it states. "Номер в государственном реестре" and "Номер группы
#: регистрации" are the database's own numbers, no field of the act
CARD_LABELS: tuple[tuple[str, str], ...] = (
    (r"дата\s+(?:принятия|подписания)(?:\s+(?:документа|акта))?", "date"),
    (r"номер(?:\s+принятия)?(?:\s+(?:документа|акта))?|№\s+(?:документа|акта)", "number"),
    (
        r"(?:принявший\s+)?орган(?:\s+принятия)?|орган,?\s+принявший(?:\s+(?:акт|документ))?"
        r"|кем\s+принят",
        "issuer",
    ),
    (r"(?:вид|тип|форма)\s+(?:акта|документа)", "act_type"),
    (
        r"дата\s+(?:государственной\s+)?регистрации(?:\s+в\s+(?:мю|министерстве\s+юстиции)"
        r"(?:\s+рк)?)?",
        "registration_date",
    ),
    (
        r"(?:номер\s+(?:государственной\s+)?регистрации|регистрационный\s+номер)"
        r"(?:\s+в\s+(?:мю|министерстве\s+юстиции)(?:\s+рк)?)?",
        "registration_number",
    ),
)
#: an issuer named from the one place of its level that an act names (see ``lang/kk``):
#: (body, level) -> the name; the place is a Russian adjective ("Бухар-Жырауского
#: района", "Железинском районе") whose stem ``PLACE_NAME`` reads, ``{nom}`` its
#: masculine nominative, ``{gen}`` masculine and ``{fgen}`` feminine genitive
PLACE_ISSUERS: dict[tuple[str, str], str] = {
    ("maslikhat", "district"): "{nom} районный маслихат",
    ("akimat", "district"): "акимат {gen} района",
    ("akim", "district"): "аким {gen} района",
    ("maslikhat", "oblast"): "маслихат {fgen} области",
    ("akimat", "oblast"): "акимат {fgen} области",
}
PLACE_NAME = r"(?P<stem>[^\W\d_][\w\-]*?(?:ск|цк))(?:ий|ого|ому|им|ом|ая|ой|ую|ое)"
