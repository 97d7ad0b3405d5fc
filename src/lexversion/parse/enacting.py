"""Who enacts the act and how, when the requisites do not say: the enacting formula,
the signatures and the annex approval line (issue 12, DOMAIN.md 2.5, 2.7, 2.8).

A page that prints only the body still names the issuer in its enacting formula
("..., Абайский районный маслихат РЕШИЛ:", "Бірсуат ауылының әкімі ШЕШІМ
ҚАБЫЛДАДЫ:", a joint act's "акимат города Шымкент ПОСТАНОВЛЯЕТ и маслихат города
Шымкент РЕШИЛ:"), whose verb says the kind of act (a decision, a resolution); the
signature block names the issuer again ("Заречный ауылдық округінің әкімі С.
Даданбеков"); an annex's approval line states the act's own date and number
("Шиелі аудандық мәслихатының 2022 жылғы 27 қазандағы № 30/29 шешіміне қосымша").

An issuer phrase is read back from its body word (мәслихат, әкімдік, әкім,
маслихат, акимат, аким) over the words of its level and place and the title-case
words of its name, up to a punctuation mark or any other word. A phrase with no
place name ("аудандық мәслихат", "Аудан әкімі") names no one: it gives no issuer,
only the kind of body. The words are data in ``lang/kk`` and ``lang/ru``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

from lexversion.lang import citing, regex, vocab
from lexversion.model import ActRef
from lexversion.parse import layout as L
from lexversion.parse.citations import find
from lexversion.parse.formula import formulas_in, low
from lexversion.text.lines import Line, Paragraph

_WORD = re.compile(r"\S+")
_INITIALS = re.compile(r"\w\.(?:\w\.)?")
_STRIP = "\"'«»“”()|,;:"


@dataclass(frozen=True)
class Enacted:
    """What the formula (or signature) says: the issuer named (``None`` when the
    phrase names no place), the kind of body, the act type; ``joint`` when two
    issuers enact together."""

    issuer: str | None
    body: str | None
    act_type: str | None
    joint: bool = False
    #: the level the phrase names (oblast, city, district, rural), named place or not
    level: str | None = None
    #: a joint act's issuers, each ``(issuer or None, body kind, level, the phrase as
    #: printed in the nominative)`` in order ("облыс әкімияты": no place named)
    parts: tuple[tuple[str | None, str | None, str | None, str], ...] = ()


@cache
def _table(lang: str, name: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(rf"(?:{p})$"), kind) for p, kind in getattr(vocab(lang), name))


def _kind_of(word: str, lang: str, name: str) -> str | None:
    w = low(word.strip(_STRIP))
    return next((k for p, k in _table(lang, name) if p.match(w)), None)


@cache
def _words_re(lang: str, name: str) -> re.Pattern[str]:
    return re.compile(getattr(vocab(lang), name))


def _is_role(word: str, lang: str) -> bool:
    return bool(_words_re(lang, "ROLE_WORDS").fullmatch(low(word.strip(_STRIP))))


#: the levels of local government, lowest first: a phrase that has named a level stops
#: at a higher one ("Қарағанды облысы | Абай ауданының мәслихаты")
_RANK = {"rural": 0, "district": 1, "city": 2, "oblast": 3}


def _phrase_words(words: Sequence[str], body_at: int, lang: str) -> tuple[int, int]:
    """The span ``[s, e)`` of the issuer phrase around the body word at ``body_at``:
    back, then on, over level words and title-case name words; a word ending in
    punctuation, a role word, any other word, or the name of a higher level than
    one already named, before or after the body word, stops it (the oblast of a
    district's council: "Абайского районного маслихата | Карагандинской области")."""
    s, low_rank = body_at, -1
    while s > 0:
        w = words[s - 1]
        if w[-1] in ',;:)"»”.' or _is_role(w, lang) or not _in_phrase(w, lang):
            break
        if _republic(w) or (s > 1 and _republic(words[s - 2])):
            break
        rank = _RANK.get(_kind_of(w, lang, "ISSUER_LEVELS") or "", -1)
        if rank >= 0 and 0 <= low_rank < rank:
            break
        if rank >= 0 and low_rank < 0:
            low_rank = rank
        s -= 1
    e = body_at + 1  # on, below the lowest level named before the body word
    while e < len(words) and words[e - 1][-1] not in ",;:|" and _in_phrase(words[e], lang):
        w = words[e]
        if _INITIALS.fullmatch(w) or _is_role(w, lang):
            break
        rank = _RANK.get(_kind_of(w, lang, "ISSUER_LEVELS") or "", -1)
        if rank >= 0 and 0 <= low_rank < rank:
            while e - 1 > body_at and _kind_of(words[e - 1], lang, "ISSUER_LEVELS") is None:
                e -= 1  # the higher level's name ("... района | Костанайской области")
            break
        if rank >= 0 and low_rank < 0:
            low_rank = rank
        e += 1
    return s, e


def _republic(word: str) -> bool:
    """The Republic's name, never a local issuer's place ("Республики Казахстан")."""
    return low(word.strip(_STRIP)).startswith(("республик", "ҚР".lower()))


def _in_phrase(word: str, lang: str) -> bool:
    w = word.strip(_STRIP)
    if not w or _kind_of(w, lang, "ISSUER_BODIES"):
        return False
    if low(w).startswith(tuple(vocab(lang).ACT_TYPES)) or low(w) == "совместное":
        return False  # the act's own name ("Решение акима ...")
    return bool(
        _kind_of(w, lang, "ISSUER_LEVELS") is not None
        or _name_word(w)
        or _words_re(lang, "NAME_PARTICLES").fullmatch(low(w))
    )


def _name_word(word: str) -> bool:
    """A word of a place's name: a capital, then lower-case letters ("Марқакөл",
    "Бухар-Жырауский"); not a Roman numeral or an abbreviation ("ІІІ", "ҚР")."""
    return word[0].isupper() and any(c.islower() for c in word)


def _named(words: Sequence[str], lang: str) -> bool:
    """Whether an issuer phrase names a place: a title-case word that is not a level word."""
    return any(
        w.strip(_STRIP)
        and _name_word(w.strip(_STRIP))
        and _kind_of(w, lang, "ISSUER_LEVELS") is None
        and _kind_of(w, lang, "ISSUER_BODIES") is None
        for w in words
    )


def nominative(phrase: str, lang: str) -> str:
    """An issuer phrase in the nominative: Kazakh by ``NOMINATIVE`` of
    ``lang/kk/citations`` ("Қостанай аудандық мәслихатының" -> "... мәслихаты"),
    Russian word by word up to the body word by ``NOMINATIVE_WORDS`` ("Абайского
    районного маслихата" -> "Абайский районный маслихат")."""
    phrase = phrase.strip(_STRIP + " ")
    if lang == "kk":
        for pattern, repl in citing(lang).NOMINATIVE:
            phrase = regex(pattern).sub(repl, phrase)
        return phrase
    words = phrase.split()
    for i, w in enumerate(words):
        for pattern, repl in vocab(lang).NOMINATIVE_WORDS:
            w = regex(pattern).sub(repl, w)
        words[i] = w
        if _kind_of(w, lang, "ISSUER_BODIES"):
            break
    return " ".join(words)


def _phrase_before(text: str, lang: str) -> tuple[list[str], str] | None:
    """(words, body kind) of the issuer phrase that ends ``text``, named or not."""
    words = _WORD.findall(text)
    body_at = next(
        (i for i in range(len(words) - 1, max(len(words) - 8, -1), -1) if _body(words[i], lang)),
        None,
    )
    if body_at is None:
        return None
    s, e = _phrase_words(words, body_at, lang)
    if not all(_in_phrase(w, lang) for w in words[e:]):
        return None  # the body word does not end the text (only its region may follow)
    kind = _body(words[body_at], lang)
    return (words[s:e], kind) if kind else None


def _issuer_before(text: str, lang: str) -> tuple[str | None, str | None]:
    """(issuer or ``None``, body kind) of the phrase that ends ``text``."""
    found = _phrase_before(text, lang)
    if found is None:
        return None, None
    phrase, kind = found
    return (" ".join(phrase).strip(_STRIP) if _named(phrase, lang) else None), kind


def level_of(words: Sequence[str], lang: str) -> str | None:
    """The lowest level of local government the words of an issuer phrase name
    ("аудандық" district, "облыстық" oblast, "сельского округа" rural), or ``None``."""
    levels = [k for w in words if (k := _kind_of(w, lang, "ISSUER_LEVELS"))]
    return min(levels, key=lambda k: _RANK[k]) if levels else None


def level_word(word: str, lang: str) -> str | None:
    """The level of local government ``word`` names ("ауданының" district, "районного"
    district, "облыс" oblast, "қаласы" city, "округінің" rural), ``None`` for
    another word (``ISSUER_LEVELS`` of ``lang``)."""
    return _kind_of(word, lang, "ISSUER_LEVELS") or None


def _body(word: str, lang: str) -> str | None:
    return _kind_of(word, lang, "ISSUER_BODIES")


def body_of(word: str, lang: str) -> str | None:
    """The kind of issuing body ``word`` names ("maslikhat", "akimat", "akim": the
    ``ISSUER_BODIES`` of ``lang``), any case ending; ``None`` for another word."""
    return _body(word, lang) if _BODY_STEM.search(word) else None


def issuer_at(text: str, start: int, lang: str) -> str | None:
    """The issuer phrase whose body word is the first after ``start`` in ``text``
    (an act reference starting there), read back over all its name words (see
    :func:`issuer_ending`); ``None`` without a body word within five words."""
    for n, m in enumerate(_WORD.finditer(text, start)):
        if n > 5:
            return None
        if _body(m.group(0), lang):
            named = issuer_ending(text[: m.end()], lang)
            return named[0] if named else None
    return None


def issuer_ending(text: str, lang: str) -> tuple[str, str] | None:
    """The issuer phrase that ends ``text`` ("... Шығыс Қазақстан облысы Үлкен Нарын
    аудандық мәслихатының" -> "Үлкен Нарын аудандық мәслихаты"), in the nominative,
    with its body's kind, when it names a place; else ``None``."""
    issuer, body = _issuer_before(text, lang)
    return (nominative(issuer, lang), body) if issuer and body else None


def from_formula(preamble: Sequence[Paragraph], lang: str) -> Enacted | None:
    """The issuer(s) and act type stated by the enacting formula of the preamble's
    last paragraph that holds one (one with no colon only if it ends the preamble,
    :mod:`lexversion.parse.formula`); ``None`` without a formula."""
    for p in reversed(preamble):
        text = p.text
        formulas = formulas_in(text, lang)
        if not formulas or (not formulas[-1].closed and p is not preamble[-1]):
            continue  # a formula with no colon closes the preamble or is none
        found: list[tuple[str | None, str | None, str, str | None, list[str]]] = []
        pos = 0
        for f in formulas:
            phrase = _phrase_before(text[pos : f.start], lang)
            words, body = phrase if phrase else ([], None)
            issuer = " ".join(words).strip(_STRIP) if words and _named(words, lang) else None
            found.append((issuer, body, f.act_type, level_of(words, lang), words))
            pos = f.end
        if len(found) == 1:
            issuer, body, act_type, level, _words = found[0]
            return Enacted(issuer, body, act_type, level=level)
        names = [i for i, *_rest in found]
        joined = f" {'және' if lang == 'kk' else 'и'} ".join(n for n in names if n)
        parts = tuple(
            (i, b, lv, "" if i else nominative(" ".join(w), lang)) for i, b, _t, lv, w in found
        )
        return Enacted(
            joined if all(names) else None, found[0][1], found[0][2], joint=True, parts=parts
        )
    return None


def from_signature(conclusions: Sequence[Paragraph], lang: str) -> tuple[str, str] | None:
    """(issuer, body kind) named by the first signature that names a place with its
    body ("Заречный ауылдық округінің әкімі С. Даданбеков", "Председатель Абайского
    районного маслихата | Д. Сакенов |"), in the nominative; ``None`` without one.

    A signature line printed as two paragraphs ("Заречный ауылдық" and
    "округінің әкімі С. Даданбеков" between blank lines, as a web copy spacing
    every line has it) is read across them when the second names no place of
    its own and the first is no sentence (it ends in no ``.``, ``;`` or ``:``)."""
    prev = ""
    for p in conclusions:
        text = " ".join(c for c in p.text.split("|"))
        found = _signed(_WORD.findall(text), lang)
        if found is None and prev and prev[-1] not in ".;:":
            found = _signed(_WORD.findall(f"{prev} {text}"), lang)
        if found is not None:
            return found
        prev = text.strip()
    return None


def _signed(words: Sequence[str], lang: str) -> tuple[str, str] | None:
    """(issuer, body kind) of the first body among ``words`` named with its place."""
    for i, w in enumerate(words):
        kind = _body(w, lang)
        if kind is None:
            continue
        s, e = _phrase_words(words, i, lang)
        if _named(words[s:e], lang):
            return nominative(" ".join(words[s:e]), lang), kind
    return None


def signed_level(conclusions: Sequence[Paragraph], lang: str) -> tuple[str, str] | None:
    """(body kind, level) of the first signature that names a body with its level,
    its place named or not ("Облыс әкімі | Н. Садуақасов" -> ("akim", "oblast"));
    ``None`` without one. Raises nothing."""
    for p in conclusions:
        words = _WORD.findall(" ".join(c for c in p.text.split("|")))
        for i, w in enumerate(words):
            if not _BODY_STEM.search(w) or (kind := _body(w, lang)) is None:
                continue
            s, e = _phrase_words(words, i, lang)
            level = level_of(words[s:e], lang)
            if level:
                return kind, level
    return None


def akimat_of(akim: str, lang: str) -> str:
    """The akimat an akim heads, named from the akim's title ("Арал ауданының әкімі"
    -> "Арал ауданының әкімдігі", "Аким района Марқакөл" -> "акимат района
    Марқакөл"; ``AKIMAT_OF_AKIM`` of ``lang``)."""
    for pattern, repl in vocab(lang).AKIMAT_OF_AKIM:
        akim = re.sub(pattern, repl, akim)
    return akim


def from_annex(approval: Sequence[Line], lang: str) -> tuple[ActRef | None, str]:
    """The act an annex's approval block states (its own date and number), or
    ``None`` with why: no dated and numbered reference, or two that differ (but
    for an amending act's header followed by that of the older act whose annex it
    sets out anew: the first, the later, is the act's own)."""
    text = " ".join(" ".join(c.strip() for c in ln.text.split("|") if c.strip()) for ln in approval)
    acts = {
        (f.act.date, f.act.number): f.act
        for f in find(text, lang, loose_number=True)
        if f.kind == "citation" and f.act.number is not None and f.act.date is not None
    }
    if len(acts) == 2:
        first, second = acts.values()
        if first.date and second.date and first.date > second.date:
            # an amending act's annex header, then the amended act's one it replaces
            return first, ""
    if len(acts) > 1:
        return None, "the annex approval line names two acts"
    if not acts:
        return None, "the annex approval line states no date and number"
    return next(iter(acts.values())), ""


def annex_type(approval: Sequence[Line], lang: str) -> str | None:
    """The act type an approval line names by its act word ("қаулысына", "решению")."""
    text = " ".join(ln.text for ln in approval)
    for f in find(text, lang):
        if f.act.act_type in ("decision", "resolution"):
            return f.act.act_type
    return None


def is_signature(p: Paragraph, lang: str) -> bool:
    """Whether a paragraph reads as a signature line."""
    return L.is_signature_like(" ".join(p.text.split("|")), lang)


#: the date printed between an issuer and an act's number, at the end of a text:
#: "21.06.2018", "2018.21.06.", "2021 жылғы 5 наурыздағы", "от 12 марта 2021 года"
_DATE_TAIL = re.compile(
    r"\s*(?:от\s+)?(?:\d{1,4}\.\d{1,2}\.\d{2,4}\.?|\d{4}\s*жыл\w*\s+\d{1,2}\s+\S+"
    r"|\d{1,2}\s+\S+\s+\d{4}\s*(?:года|г\.)?)\s*(?:года|г\.|ж\.)?\s*$",
    re.IGNORECASE,
)


#: a session named between a Kazakh issuer and the date: "мәслихатының 20 сессиясының",
#: "... кезекті XXX сессиясының", "кезектен тыс 5-сессиясының"
_SESSION_TAIL = re.compile(
    r"(?:\s+(?:кезекті|кезектен\s+тыс|\d+(?:-\w+)?|[IVXLCІХ]+(?:-\w+)?))*\s+сессия(?:сының|сы)\s*$",
    re.IGNORECASE,
)


def issuer_as_printed(act: ActRef, text: str, lang: str) -> ActRef:
    """``act``, an act ``text`` names by its date and number, with its issuer named
    as ``text`` prints it right before them ("Қарағанды облысы Үлкен Нарын аудандық
    мәслихатының 21.06.2018 № 5", "решением Абайского районного маслихата
    Карагандинской области от 12.03.2021 № 5/40"), by all the words of its name,
    its level kept, in the nominative ("Үлкен Нарын аудандық мәслихаты", "Абайский
    районный маслихат"). A region's body keeps its canonical name; ``act`` itself
    when the text names no issuer of the same body there. Raises nothing."""
    types = vocab(lang).BODY_TYPES
    if act.number is None or act.region is not None or act.body not in (None, *types):
        return act
    at = re.search(rf"(?:№|N)\s*{re.escape(act.number)}(?![\w/-])", text)
    if at is None:
        return act
    before = _SESSION_TAIL.sub("", _DATE_TAIL.sub("", text[: at.start()]))
    named = issuer_ending(before, lang)
    if named is None or (act.body is not None and named[1] != act.body):
        return act
    issuer, body = named
    return replace(act, issuer=issuer, body=body, act_type=act.act_type or types[body])


#: the stems of the body words, a cheap test before a word is read
_BODY_STEM = re.compile(r"слихат|[әң]кім|аким", re.IGNORECASE)


def issuers_named(text: str, lang: str) -> list[tuple[str, str, str | None]]:
    """Every issuer phrase of ``text`` that names a place, in order, as
    ``(name in the nominative, body kind, level)`` ("... Бухар-Жырауского районного
    маслихата ..." -> ("Бухар-Жырауский районный маслихат", "maslikhat",
    "district")). Raises nothing."""
    words = _WORD.findall(text)
    out: list[tuple[str, str, str | None]] = []
    for i, w in enumerate(words):
        if not _BODY_STEM.search(w) or (kind := _body(w, lang)) is None:
            continue
        s, e = _phrase_words(words, i, lang)
        phrase = words[s:e]
        if _named(phrase, lang):
            out.append((nominative(" ".join(phrase), lang), kind, level_of(phrase, lang)))
    return out


def places_named(text: str, level: str, lang: str) -> list[tuple[str, str]]:
    """Every place of ``level`` that ``text`` names by the words before its level
    word ("Железин ауданының", "Бухар-Жырауского района"), in order, as ``(key,
    name)``: the name's words as printed (Kazakh) or the stem of its adjective
    (Russian, ``PLACE_NAME``), ``key`` the same lower-cased. A word that opens a
    sentence is a name only when it is the one word before the level word."""
    words = _WORD.findall(text)
    name_re = _words_re(lang, "PLACE_NAME")
    out: list[tuple[str, str]] = []
    for i, w in enumerate(words):
        if i == 0 or _kind_of(w.rstrip("."), lang, "ISSUER_LEVELS") != level:
            continue
        j = i
        while j > max(0, i - 2) and _place_word(words[j - 1], lang):
            j -= 1
        if j < i - 1 and (j == 0 or words[j - 1][-1] in ".:;"):
            j += 1  # a sentence's first word before a place's name ("Осы Шиелі ауданының")
        if lang != "kk":
            j = max(j, i - 1)
        if j == i:
            continue
        name = [x.strip(_STRIP) for x in words[j:i]]
        m = name_re.fullmatch(name[-1])
        if m is None:
            continue
        name[-1] = m["stem"] if lang != "kk" else name[-1]
        out.append((" ".join(name).lower(), " ".join(name)))
    return out


def _place_word(word: str, lang: str) -> bool:
    """A word of a place's name: title case, ending no clause, no level, body,
    role or Republic word."""
    w = word.strip(_STRIP)
    return bool(
        w
        and word[-1] not in ',;:)."»”'
        and _name_word(w)
        and _kind_of(w, lang, "ISSUER_LEVELS") is None
        and _body(w, lang) is None
        and not _is_role(w, lang)
        and not _republic(w)
    )
