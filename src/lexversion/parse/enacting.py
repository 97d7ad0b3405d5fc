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
from dataclasses import dataclass
from functools import cache

from lexversion.lang import citing, regex, vocab
from lexversion.model import ActRef
from lexversion.parse import layout as L
from lexversion.parse.citations import find
from lexversion.parse.opening import formula_at, formulas_in, low
from lexversion.text.lines import Line, Paragraph

_WORD = re.compile(r"\S+")
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


@cache
def _table(lang: str, name: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(rf"(?:{p})$"), kind) for p, kind in getattr(vocab(lang), name))


def _kind_of(word: str, lang: str, name: str) -> str | None:
    w = low(word.strip(_STRIP))
    return next((k for p, k in _table(lang, name) if p.match(w)), None)


def _is_role(word: str, lang: str) -> bool:
    return bool(re.fullmatch(vocab(lang).ROLE_WORDS, low(word.strip(_STRIP))))


#: the levels of local government, lowest first: a phrase that has named a level stops
#: at a higher one ("Қарағанды облысы | Абай ауданының мәслихаты")
_RANK = {"rural": 0, "district": 1, "city": 2, "oblast": 3}


def _phrase_words(words: Sequence[str], body_at: int, lang: str) -> tuple[int, int]:
    """The span ``[s, e)`` of the issuer phrase around the body word at ``body_at``:
    back, then on, over level words and title-case name words; a word ending in
    punctuation, a role word, any other word, or the name of a higher level than
    one already named (the oblast of a district's council) stops it."""
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
    e, low_rank = body_at + 1, -1
    while e < len(words) and words[e - 1][-1] not in ",;:|" and _in_phrase(words[e], lang):
        w = words[e]
        if re.fullmatch(r"\w\.(?:\w\.)?", w) or _is_role(w, lang):
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
        or re.fullmatch(vocab(lang).NAME_PARTICLES, low(w))
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


def _issuer_before(text: str, lang: str) -> tuple[str | None, str | None]:
    """(issuer or ``None``, body kind) of the phrase that ends ``text``."""
    words = _WORD.findall(text)
    body_at = next(
        (i for i in range(len(words) - 1, max(len(words) - 8, -1), -1) if _body(words[i], lang)),
        None,
    )
    if body_at is None:
        return None, None
    s, e = _phrase_words(words, body_at, lang)
    if not all(_in_phrase(w, lang) for w in words[e:]):
        return None, None  # the body word does not end the text (only its region may follow)
    phrase = words[s:e]
    kind = _body(words[body_at], lang)
    return (" ".join(phrase).strip(_STRIP) if _named(phrase, lang) else None), kind


def _body(word: str, lang: str) -> str | None:
    return _kind_of(word, lang, "ISSUER_BODIES")


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
    last paragraph that holds one; ``None`` without a formula."""
    v = vocab(lang)
    for p in reversed(preamble):
        text = p.text
        if formula_at(text, lang) is None:
            continue
        found: list[tuple[str | None, str | None, str]] = []
        pos = 0
        for m in formulas_in(text, lang):
            act_type = next(t for pat, t in v.ENACTING_KINDS if regex(pat).fullmatch(m.group(0)))
            issuer, body = _issuer_before(text[pos : m.start()], lang)
            found.append((issuer, body, act_type))
            pos = m.end()
        if len(found) == 1:
            issuer, body, act_type = found[0]
            return Enacted(issuer, body, act_type)
        names = [i for i, _b, _t in found]
        joined = f" {'және' if lang == 'kk' else 'и'} ".join(n for n in names if n)
        return Enacted(joined if all(names) else None, found[0][1], found[0][2], joint=True)
    return None


def from_signature(conclusions: Sequence[Paragraph], lang: str) -> tuple[str, str] | None:
    """(issuer, body kind) named by the first signature that names a place with its
    body ("Заречный ауылдық округінің әкімі С. Даданбеков", "Председатель Абайского
    районного маслихата | Д. Сакенов |"), in the nominative; ``None`` without one."""
    for p in conclusions:
        words = _WORD.findall(" ".join(c for c in p.text.split("|")))
        for i, w in enumerate(words):
            kind = _body(w, lang)
            if kind is None:
                continue
            s, e = _phrase_words(words, i, lang)
            if _named(words[s:e], lang):
                return nominative(" ".join(words[s:e]), lang), kind
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
