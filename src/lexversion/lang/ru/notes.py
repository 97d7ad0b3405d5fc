"""Russian wording of editorial notes: data only, no logic (DOMAIN.md 2.4, 5).

The official database prints "Сноска. <what changed> решением ... от <date> №
<number> (<its commencement>)."; its mirrors print "Пункт 1 изложен в
редакции решения ... от 06.04.21 г. № 3/3 (см. стар. ред.)" at the provision,
"(в редакции решения ... от ... № ...)" after the requisites, or a list of
amending acts. Entries are regular-expression fragments matched
case-insensitively against the recognition key (despaced, lower case). Notes
speak in past participles ("внесены", "изложен", "дополнен", "исключен"); an
act's own points in the infinitive ("внести", "изложить", "дополнить").
"""

from __future__ import annotations

#: a paragraph that starts with one of these is an editorial note
MARKERS: tuple[str, ...] = (
    r"сноска\s*[.\-–—]",
    r"утратил[оа]?\s+силу\b",
    r"примечание\s+рцпи",
)
#: words one of which every line holding a note has: plain words, found in the
#: lower-case text (a cheap screen)
SCREEN_WORDS: tuple[str, ...] = (
    "сноска",
    "утратил",
    "примечание",
    "редакци",
    "внесен",
    "дополнен",
    "исключен",
    "изменени",
)
#: repeal wording of a note ("Утратило силу решением ...")
REPEAL = r"утратил[оаи]?\s+силу\b"
#: amendment wording of a note, participles only
AMENDED: tuple[str, ...] = (
    r"внесен[оы]?\s+(?:изменени|дополнени)",
    r"(?:изменени|дополнени)\w*(?:\s+и\s+дополнени\w*)?\s+внесен[оы]?\s+(?:решени|постановлени|совместн)",
    r"изменени\w*(?:\s+и\s+дополнени\w*)?,?\s+внесенн",
    r"(?:изложен\w*\s+)?в\s+редакции\s+(?:решени|постановлени|совместн)",
    r"дополнен[аоы]?\s+(?:\w+\s+){0,2}(?:пункт|подпункт|глав|приложени|част|абзац)",
    r"исключен[аоы]?\s+(?:решени|постановлени|совместн)",
)
#: a note about the database's own handling of the text: no effect
NO_EFFECT = r"примечание\s+рцпи|сохранена\s+пунктуация"
#: parts of an act a note names without a number -> scope of the effect
PARTS: dict[str, str] = {
    r"преамбул\w*": "preamble",
    r"заголов\w*": "whole",
    r"приложени\w*": "annex",
}
#: a provision a note names: "Пункт 2", "подпункт 3-1"
PROVISION = r"(?P<what>подпункт|пункт|глава)\s+(?P<num>\d+(?:-\d+)?)"
#: a mirror's paragraph that is an editorial note though no marker opens it: a part
#: of the act, then what happened to it in a participle, then the amending act
MIRROR_OPENERS: tuple[str, ...] = (
    r"^\(?\s*(?:заголовок|преамбула|пункт|подпункт|глава|приложение|абзац|часть|текст)\b"
    r"[^.()]{0,80}?(?:изложен\w*\s+в\s+редакции|в\s+редакции|с\s+изменени\w*,?\s+внесенн\w*|"
    r"дополнен\w*|исключен\w*)\s+(?:решени|постановлени|совместн)",
)
#: a parenthesis after the requisites that names the acts that amended this one
FRONT_PARENTHESES: tuple[str, ...] = (
    r"\(\s*(?:[а-яё ,]{0,40}\s)?в\s+редакции\s+(?:решени|постановлени|совместн)",
    r"\(\s*с\s+изменени\w*(?:\s+и\s+дополнени\w*)?,?\s+внесенн\w+\s+(?:решени|постановлени|совместн)",
)
#: the heading of a mirror's list of amending acts, one act a line
LIST_HEADINGS: tuple[str, ...] = (
    r"внесенные\s+изменения\s*:",
    r"изменения\s+(?:и\s+дополнения\s+)?внесены\s*:",
)
LIST_ENDS: tuple[str, ...] = (r"прежние\s+редакции", r"официальн\w+\s+опубликован")
#: a date and number that are a registration, not an act: "Зарегистрировано ... № 6617"
REGISTERED = r"зарегистрирован\w*[^.;()]*$"
#: act-type words before the amending act's date ("... решением маслихата ... от")
BY_ACT: dict[str, str] = {
    r"решени\w*": "decision",
    r"постановлени\w*": "resolution",
    r"приказ\w*": "order",
}
