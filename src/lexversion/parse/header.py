"""The requisites paragraph -> the act's identity, registration and repeal.

The wider database writes requisites in more shapes than the corpus (issue 3):
"N" or "№", zero-padded days, registration by district justice offices ("№
1-16-101") or under newer numbers ("1368-01"), no registration at all, joint
acts of two issuers (two dates and numbers, or one date and two numbers "N 449
и N 27/5"), session and convocation numerals between issuer and date ("XVII
сессиясының", "VI созыва"), district councils (the oblast read from the
requisites when they name it), former region names (Оңтүстік Қазақстан is
Түркістан).

DOMAIN.md 2.3: "Алматы облыстық мәслихатының 2017 жылғы 15 желтоқсандағы №
26-129 шешімі. Алматы облысы Әділет департаментінде 2018 жылы 9 қаңтарда №
4490 болып тіркелді. Күші жойылды - ... шешімімен"; "Решение ... от 19 февраля
2021 года № 22. Зарегистрировано Департаментом юстиции ... № 1691. Утратило
силу решением ...". Each act reference in the paragraph is classified by the
words around it (registration, repeal, or the act itself).

Two steps of :func:`lexversion.parse.parse`: :func:`read_front` reads the
title, status line and requisites of the cut parts; :func:`own_act` names the
act, or rejects a text that is not one.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from lexversion.errors import InputError
from lexversion.lang import fold_number, fold_text, vocab
from lexversion.lang.regions import BY_CODE
from lexversion.model import ActRef, Block, Effect, EffectType, Preface, Registration
from lexversion.parse import layout as L
from lexversion.parse.card import Card, read_card
from lexversion.parse.citations import BODY_ACT_TYPES, issuers_in, regions_in
from lexversion.parse.citations.anchors import Anchor, find_anchors
from lexversion.parse.enacting import (
    Enacted,
    akimat_of,
    from_annex,
    from_formula,
    from_signature,
    issuer_at,
    issuer_ending,
    nominative,
    signed_level,
)
from lexversion.parse.formula import states_formula
from lexversion.parse.opening import has
from lexversion.parse.places import district_region, place_issuer
from lexversion.parse.structure import Parts
from lexversion.text.lines import Paragraph, join_lines

_CYRILLIC = re.compile(r"[а-яәіңғүұқөһё]", re.IGNORECASE)
#: a second number of the same date: "N 449 и N 27/5", "№ 449 және № 27/5"
_SECOND_NUMBER = re.compile(
    r"\s*(?:и|және|,)\s*(?:№|N)\s*(?P<number>\d+(?:[/\-](?:\d+|[IVXLІХ]+)(?![\wІ]))*)"
)


@dataclass(frozen=True)
class Header:
    """What the requisites say: the act, its registration, the repealing act."""

    act: ActRef | None
    act_span: tuple[int, int] | None
    registration: Registration | None
    repealed_by: ActRef | None
    warnings: tuple[str, ...]
    joint: tuple[ActRef, ...] = ()


def _registration(text: str, a: Anchor, prev_end: int, lang: str) -> Registration | None:
    after = fold_text(text[a.end : a.end + 40]).lower()
    before = fold_text(text[prev_end : a.start]).lower()
    if lang == "kk":
        if "тіркелді" not in after:
            return None
        clause = text[prev_end : a.start]
        authority = re.split(r"[.;]\s+", clause)[-1].strip(" .,")
    else:
        m = re.search(r"зарегистрирован\w*", before)
        if not m:
            return None
        authority = text[prev_end + m.end() : a.start].strip(" .,")
    return Registration(authority or None, a.act.date, a.act.number)


def read_header(text: str, lang: str) -> Header:
    """Classify the act references of the requisites paragraph ``text``.

    The first reference that is neither a registration nor a repeal is the act
    itself; further such references in the same sentence are the other
    issuers' sides of a joint act. Returns a :class:`Header`; missing parts are
    ``None`` with a warning.
    """
    warnings: list[str] = []
    act: Anchor | None = None
    joint: list[ActRef] = []
    registration: Registration | None = None
    repealed_by: ActRef | None = None
    repeal_re = re.compile(vocab(lang).REPEAL_PREFIX, re.IGNORECASE)
    prev_end = 0
    for a in find_anchors(text, lang):
        reg = _registration(text, a, prev_end, lang)
        before = fold_text(text[prev_end : a.start])
        if reg is not None and registration is None:
            registration = reg
        elif repeal_re.search(before):
            repealed_by = a.act
        elif act is None:
            act = a
        elif not re.search(r"\.\s", text[act.end : a.start]) and reg is None:
            joint.append(a.act)
        prev_end = a.end
    if act is None:
        warnings.append("requisites: no adoption date and number found")
        return Header(None, None, registration, repealed_by, tuple(warnings))
    own = act.act
    second = _SECOND_NUMBER.match(text, act.end)
    if second:
        own, other = _one_date_two_numbers(text, act, second.group("number"), lang)
        joint.insert(0, other)
    own = _whole_name(own, text, act.start, lang)
    if own.region is None and own.body in BODY_ACT_TYPES:
        codes = {r for r in regions_in(text, lang) if r}
        if len(codes) == 1:
            own = replace(own, region=codes.pop())
        else:
            own = _district_region(own, codes, lang, warnings)
    own = _former_name(own, text[: act.end], lang)
    return Header(
        own,
        (act.start, act.end),
        registration,
        repealed_by,
        tuple(warnings),
        tuple(joint),
    )


def _district_region(act: ActRef, stated: set[str], lang: str, warnings: list[str]) -> ActRef:
    """``act`` with the region of the district or city its issuer names
    (:func:`~lexversion.parse.places.district_region`), the basis said in
    ``warnings``, when the text states no region or states it among others
    (``stated``, which must then hold it); ``act`` itself otherwise."""
    if act.region is not None or not act.issuer:
        return act
    found = district_region(act.issuer, lang, act.date)
    if found is None or (stated and found[0] not in stated):
        return act
    warnings.append(found[1])
    return replace(act, region=found[0])


def _former_name(act: ActRef, printed: str, lang: str) -> ActRef:
    """``act`` with its issuer named as ``printed`` when the requisites use the
    region's former name ("Оңтүстік Қазақстан облыстық мәслихаты" stays so, though
    the region is Түркістан now; the code is the same)."""
    region = BY_CODE.get(act.region or "")
    if region is None or act.issuer is None:
        return act
    now, formers = (
        (region.kk_stem, region.former_kk)
        if lang == "kk"
        else (region.ru_adj, region.former_ru_adj)
    )
    low = printed.lower()
    for former in formers:
        if former.lower() in low and now in act.issuer:
            return replace(act, issuer=act.issuer.replace(now, former))
    return act


def _whole_name(act: ActRef, text: str, start: int, lang: str) -> ActRef:
    """``act`` with a district's or town's body named by all the words of its name
    ("Үлкен Нарын аудандық мәслихаты", "Ғабит Мүсірепов атындағы аудан әкімдігі"),
    where the reference found names it by its last word only or not at all (a
    region's body keeps its canonical name)."""
    if act.region is not None:
        return act
    if act.issuer is None:
        named = issuer_ending(re.sub(r"\s+(?:от|жылғы)\s*$", "", text[:start]), lang)
        if named is None:
            return act
        issuer, body = named
        return replace(act, issuer=issuer, body=body)
    if lang != "kk" or act.body is None:
        return act
    whole = issuer_at(text, start, lang)
    if whole and len(whole) > len(act.issuer) and whole.endswith(act.issuer.split()[-1]):
        return replace(act, issuer=whole)
    return act


def _one_date_two_numbers(text: str, act: Anchor, number: str, lang: str) -> tuple[ActRef, ActRef]:
    """A joint act printed with one date and two numbers: the issuers named before
    the date take the numbers in order ("акимата ... и решение ... маслихата от
    13 декабря 2013 года N 449 и N 27/5": 449 the akimat's, 27/5 the council's)."""
    named = [i for i in issuers_in(text[: act.end], lang)]
    first, second = act.act, replace(act.act, number=number)
    if len(named) >= 2:
        (n1, r1, b1), (n2, r2, b2) = named[-2], named[-1]
        first = replace(first, issuer=n1, region=r1, body=b1, act_type=BODY_ACT_TYPES[b1][0])
        second = replace(second, issuer=n2, region=r2, body=b2, act_type=BODY_ACT_TYPES[b2][0])
    return first, second


@dataclass(frozen=True)
class Front:
    """The front of a decision as read: ``title`` and ``requisites`` paragraphs
    (with their offset maps), the database's ``status_label`` as printed and
    the ``status`` it means (``repealed`` whenever the requisites name a
    repealing act), and what the requisites say (``header``)."""

    title: Paragraph
    status_label: str | None
    status: str | None
    requisites: Paragraph
    header: Header
    #: the signs of a legal act the text holds (:func:`signs_of_act`)
    signs: tuple[str, ...] = ()

    def preface(self, notes: tuple[Block, ...]) -> Preface:
        """The document's :class:`~lexversion.model.Preface`: this front, as
        printed, with the preface's editorial ``notes``."""
        return Preface(
            self.title.text,
            self.status_label,
            self.requisites.text,
            self.header.act_span,
            notes,
        )


def read_front(parts: Parts, lang: str) -> Front:
    """Read the title, status line and requisites of ``parts`` (DOMAIN.md 2.1-2.3).

    A status label glued to the requisites ("Күшін жойғанҚостанай облыстық
    ...") is split off them. Never raises; what cannot be read is ``None``
    with a warning in ``header.warnings``.
    """
    title = join_lines(parts.title)
    requisites = join_lines(parts.requisites)
    status_label = parts.status.text if parts.status else None
    if status_label is None and (glued := L.glued_status(requisites.text, lang)):
        rest = requisites.text[glued:]
        status_label = requisites.text[:glued]
        requisites = Paragraph(
            rest.strip(), requisites.lines, requisites.offsets.suffix(requisites.text, rest)
        )
    stated = read_header(requisites.text, lang)
    signs = signs_of_act(parts, stated, lang)
    header = complete(stated, parts, lang)
    status_hit = L.status_of(status_label, lang) if status_label else None
    status = status_hit[1] if status_hit else None
    if status is None and has(lang, "TITLE_STATUS", title.text):
        status = "repealed"  # a mirror's "(күші жойылды)" after the title
    if header.repealed_by is not None:
        status = "repealed"
    return Front(title, status_label, status, requisites, header, signs)


def signs_of_act(parts: Parts, stated: Header, lang: str) -> tuple[str, ...]:
    """The signs of a legal act in ``parts`` (issue 12, item 7): ``requisites`` (an
    act's date and number or a registration stated), ``formula`` (an enacting
    formula), ``points`` (numbered points of Kazakh or Russian text), ``annex`` (an
    annex approval block), ``title`` (a title in the shape of an act's: "... туралы",
    "Об ..."). Text with none of them is not a legal act."""
    out = []
    if stated.act is not None or stated.registration is not None:
        out.append("requisites")
    if any(states_formula(p.text, lang) for p in parts.preamble):
        out.append("formula")
    if any(
        (L.NUMBERED.match(x.para.text) or L.SUBPOINT.match(x.para.text))
        and _CYRILLIC.search(x.para.text)
        for x in parts.body
    ):
        out.append("points")
    if parts.annexes:
        out.append("annex")
    title = " ".join(ln.text for ln in parts.title)
    if title and (has(lang, "TITLE_END", title) or has(lang, "TITLE_START", title)):
        out.append("title")
    return tuple(out)


def complete(header: Header, parts: Parts, lang: str) -> Header:
    """``header`` with the act named from what else the act states when its
    requisites do not (issue 12): the issuer and act type from the enacting formula
    (else a signature of the same body), the date and number from the first annex's
    approval line, each source said in a warning; a Russian issuer printed in the
    genitive put in the nominative. Conflicting evidence leaves a field ``None``
    with a warning saying why. Never raises."""
    act = header.act
    if act is not None:
        if lang == "ru" and act.issuer:
            act = replace(act, issuer=nominative(act.issuer, lang))
        said = from_formula(parts.preamble, lang)
        if said and not said.joint and said.body and act.body and said.body != act.body:
            doubt = "the enacting formula names another body than the requisites (kept theirs)"
            return replace(header, act=act, warnings=(*header.warnings, doubt))
        return replace(header, act=act)
    warnings = [w for w in header.warnings if not w.startswith("requisites: no adoption")]
    warnings.append(
        "requisites: no adoption date and number found"
        if parts.requisites
        else "requisites: none printed (a fragment of the act)"
    )
    enacted = from_formula(parts.preamble, lang) or Enacted(None, None, None)
    issuer, body, act_type = enacted.issuer, enacted.body, enacted.act_type
    if enacted.act_type is None:
        warnings.append("preamble: no enacting formula: the issuer and act type are not stated")
    if issuer is None and not enacted.joint:
        signed = from_signature(parts.conclusions, lang)
        if signed is not None and signed[1] == "akim" and body == "akimat":
            signed = (akimat_of(signed[0], lang), "akimat")  # the akim signs for the akimat
        if signed is not None and signed[1] == (body or "maslikhat"):
            issuer, body = signed
            warnings.append("issuer: read from the signature")
    annex, why = from_annex(parts.annexes[0].approval, lang) if parts.annexes else (None, "")
    if annex is not None and act_type and annex.act_type and annex.act_type != act_type:
        annex, why = None, "the annex approval line names an act of another type"
    if annex is not None:
        warnings.append("date and number: read from the annex approval line")
        if issuer is None and annex.issuer and (body is None or annex.body == body):
            issuer, body = nominative(annex.issuer, lang), annex.body
        act_type = act_type or annex.act_type
    elif why:
        warnings.append(f"date and number: unknown ({why})")
    when = annex.date if annex else None
    if issuer is None:
        issuer, body = _placed(enacted, parts, body, act_type, lang, when, warnings)
    own = ActRef(
        act_type, issuer, None, body, *((annex.date, annex.number) if annex else (None, None))
    )
    own, registration = _with_card(own, header.registration, read_card(parts.card, lang), warnings)
    if own.act_type is None and own.body is not None:
        own = replace(own, act_type=vocab(lang).BODY_TYPES.get(own.body))
    if own.issuer is None and own.body is not None:
        warnings.append("issuer: the act names its body without its place")
    codes = {r for r in regions_in(own.issuer, lang) if r} if own.issuer else set()
    own = replace(own, region=codes.pop() if len(codes) == 1 else None)
    own = _district_region(own, codes, lang, warnings)
    return replace(header, act=own, registration=registration, warnings=tuple(warnings))


def _placed_joint(
    enacted: Enacted, texts: Sequence[str], lang: str, when: dt.date | None, warnings: list[str]
) -> str | None:
    """The issuers of a joint formula whose phrases name no place ("облыстық мәслихат
    шешім етті және облыс әкімияты қаулы етеді"): the first placed from the text
    (:func:`~lexversion.parse.places.place_issuer`), each further one of a level
    already placed kept as printed (the place is named once for both: "Атырау
    облыстық мәслихаты және облыс әкімияты"); ``None`` when one cannot be placed."""
    if not enacted.parts or not all(b and lv for _i, b, lv, _p in enacted.parts):
        return None
    names: list[str] = []
    placed_levels: set[str] = set()
    for issuer, b, lv, printed in enacted.parts:
        if issuer:
            names.append(issuer)
            continue
        if lv in placed_levels:
            names.append(printed)
            continue
        placed = place_issuer(texts, b or "", lv or "", lang, when)
        if placed is None:
            return None
        names.append(placed[0])
        placed_levels.add(lv or "")
        warnings.append(placed[1])
    return f" {'және' if lang == 'kk' else 'и'} ".join(names)


def _placed(
    enacted: Enacted,
    parts: Parts,
    body: str | None,
    act_type: str | None,
    lang: str,
    when: dt.date | None,
    warnings: list[str],
) -> tuple[str | None, str | None]:
    """(issuer, body) of an act whose formula, signature or annex line name its body
    and level but not its place, from the rest of its text
    (:func:`~lexversion.parse.places.place_issuer`), the basis said in ``warnings``:
    each unnamed issuer of a joint formula, else the formula's one, else the body
    and level a signature names ("Облыс әкімі" signs for the oblast akimat; a
    resolution is an akimat's). ``(None, body)`` when they do not say."""
    texts = _texts(parts)
    if enacted.joint:
        return _placed_joint(enacted, texts, lang, when, warnings), body
    level, acting = enacted.level, body
    if level is None and (signed := signed_level(parts.conclusions, lang)) is not None:
        kind, level = signed
        if acting is None and act_type == "resolution":
            acting = "akimat"  # an akimat resolves
        elif acting is None and act_type and vocab(lang).BODY_TYPES.get(kind) == act_type:
            acting = kind  # a decision its maslikhat's officer (or its akim) signs
        if not (kind == acting or (kind == "akim" and acting == "akimat")):
            return None, body
    if acting is None or not level:
        return None, body
    placed = place_issuer(texts, acting, level, lang, when)
    if placed is None:
        return None, body
    warnings.append(placed[1])
    return placed[0], acting


def _texts(parts: Parts) -> list[str]:
    """The texts of ``parts`` that may name the act's issuer or place: notes,
    preamble, points, signatures and annex approval lines (not annex content)."""
    return [
        *(p.para.text for p in parts.notes),
        *(p.text for p in parts.preamble),
        *(p.para.text for p in parts.body),
        *(p.text for p in parts.conclusions),
        *(" ".join(ln.text for ln in a.approval) for a in parts.annexes),
    ]


def _with_card(
    own: ActRef, registration: Registration | None, card: Card, warnings: list[str]
) -> tuple[ActRef, Registration | None]:
    """``own`` (the act as the formula, signature and annex line name it) and
    ``registration`` completed from a mirror's card of labelled fields
    (:mod:`lexversion.parse.card`), each field it gives said in ``warnings``; a card
    whose date or number differs from the annex approval line's leaves both ``None``."""
    if card.date or card.number:
        differs = (card.date and own.date and card.date != own.date) or (
            card.number and own.number and fold_number(card.number) != fold_number(own.number)
        )
        if differs:
            own = replace(own, date=None, number=None)
            warnings.append(
                "date and number: unknown (the mirror's card and the annex approval line differ)"
            )
        else:
            own = replace(own, date=card.date or own.date, number=card.number or own.number)
            warnings.append("date and number: read from the mirror's card (its labelled fields)")
    if card.issuer and own.issuer is None and own.body in (None, card.body):
        own = replace(own, issuer=card.issuer, body=card.body)
        warnings.append("issuer: read from the mirror's card (its labelled fields)")
    if card.act_type and own.act_type is None:
        own = replace(own, act_type=card.act_type)
    if registration is None and card.registration_number:
        registration = Registration(None, card.registration_date, card.registration_number)
        warnings.append("registration: read from the mirror's card (its labelled fields)")
    return own, registration


def repeal_of(front: Front, effects: Sequence[Effect]) -> tuple[str | None, ActRef | None]:
    """(status, repealing act) of the document: what the front says, else the one
    act that an editorial note says repealed the whole act ("Ескерту. Күші жойылды -
    ... шешімімен", "Сноска. Утратило силу решением ..."), as a page that prints the
    notes but not the requisites states it (issue 12). Two different repealing acts
    in the notes say nothing (``None``). When requisites are printed they decide
    (a repeal clause they hold is read, or warned about, there). Never raises."""
    if front.header.repealed_by is not None or front.requisites.text:
        return front.status, front.header.repealed_by
    named = {
        (e.affecting.date, e.affecting.number): e.affecting
        for e in effects
        if e.type == EffectType.REPEAL
        and e.source == "note"
        and e.scope == "whole"
        and e.affected is None
        and e.affecting is not None
        and e.affecting.number is not None
    }
    if len(named) == 1:
        return "repealed", next(iter(named.values()))
    return front.status, None


def own_act(front: Front, parts: Parts, source: str) -> ActRef:
    """The act the document is: the requisites' act with the printed title
    (all ``None`` but the title when the requisites name none).

    Raises :class:`~lexversion.errors.InputError` for text that is not a legal
    act: no act date and number, no enacting formula or preamble, no points.
    """
    act = front.header.act
    if not front.signs:
        raise InputError(
            source,
            "not a legal act: no requisites, no enacting formula, no numbered points,"
            " no annex approval line",
        )
    if act is None:
        act = ActRef(None, None, None, None, None, None)
    return replace(act, title=front.title.text)
