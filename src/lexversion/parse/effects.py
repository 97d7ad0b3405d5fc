"""Legal events stated in the text: commencement rules and effects.

* The act's own entry-into-force rule (its closing point, DOMAIN.md 5):
  ``COMMENCEMENT`` phrases of the vocabulary, "он"/"десяти" read through
  ``NUMBER_WORDS``.
* Effects recorded in editorial notes: repeal ("Күші жойылды - ... шешімімен
  (...қолданысқа енгізіледі)", "Утратило силу решением ... (вводится в
  действие ...)") and substitution throughout ("Бүкіл мәтін бойынша "X" деген
  сөздер "Y" деген сөздермен ауыстырылды"), with the affecting act and its
  commencement rule.
* Effects the act itself has on others, stated in its points: repeal
  ("күші жойылды деп танылсын", "признать утратившим силу") and a new edition
  ("жаңа редакцияда", "изложить в новой редакции").
* Publication dates the text states, of the act itself or of acts it names.

A note is read into a :class:`NoteReading`: the effects it records and, apart
from them, the commencement rules it states (:class:`StatedRule`); no effect
stands for a bare rule.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from types import ModuleType

from lexversion.akn import eids
from lexversion.lang import fold_number, fold_text, vocab
from lexversion.model import (
    ActRef,
    Attachment,
    Block,
    BlockKind,
    CitedFact,
    CommencementRule,
    Effect,
    EffectType,
    Node,
    ProvisionRef,
)
from lexversion.parse import amending as A
from lexversion.parse import layout as L
from lexversion.parse.citations.anchors import Anchor, find_anchors
from lexversion.parse.citations.identity import same_act
from lexversion.parse.commencement import commencement_rule
from lexversion.parse.enacting import issuer_as_printed

_QUOTED = re.compile(r'"\s*([^"]+?)\s*"')


def retroactive_from(text: str, lang: str) -> date | None:
    """The date an act's rules reach back to ("распространяется на отношения,
    возникшие с ...", "... бастап туындаған қатынастарға таралады"), or ``None``."""
    from lexversion.parse.dates import parse_date

    k = L.key(text)
    for pattern in vocab(lang).RETROACTIVE:
        m = re.search(pattern, k, re.IGNORECASE)
        if m:
            return parse_date(m.group("date"), lang)
    return None


def own_commencement(body: Node, lang: str) -> tuple[CommencementRule | None, date | None]:
    """The act's own rule (the last point of the body that states one) and
    the date it applies retroactively from, if it says so."""
    rule: CommencementRule | None = None
    back: date | None = None
    for para in reversed(body.children):
        text = " ".join(_texts(para))
        rule = rule or commencement_rule(text, lang)
        back = back or retroactive_from(text, lang)
    return rule, back


def own_in_force(body: Node, lang: str) -> tuple[CommencementRule | None, CommencementRule | None]:
    """The act's own rules of entry into force and of application when its
    closing point states them apart ("... тіркелген күннен бастап күшіне енеді
    және ... он күн өткен соң қолданысқа енгізіледі", "вступает в силу со дня
    ... и вводится в действие по истечении ..."): each read from its own clause
    (``IN_FORCE`` of the vocabulary). ``(None, None)`` when no point states
    both (then the one rule of :func:`own_commencement` dates both).

    Source of the rule: Law "On legal acts" No 480-V of 6 April 2016, art. 36
    (entry into force and putting into effect are two moments)."""
    v = vocab(lang)
    for para in reversed(body.children):
        k = L.key(" ".join(_texts(para)))
        m = re.search(v.IN_FORCE, k, re.IGNORECASE | re.DOTALL)
        if m is None:
            continue
        force = commencement_rule(m.group("rule"), lang)
        if force is not None:
            return force, commencement_rule(k[m.start("rest") :], lang)
    return None, None


def _texts(node: Node) -> list[str]:
    """The act's own words under ``node``: its blocks and items, editorial notes
    left out (a note's "1-тармақ жаңа редакцияда - ... шешімімен" is the
    database speaking, not the act: no new edition, no commencement of its own)."""
    out: list[str] = []
    for b in node.blocks:
        if b.kind == BlockKind.NOTE:
            continue
        out.append(b.text)
        out.extend(b.items)
    for c in node.children:
        out.extend(_texts(c))
    return out


@dataclass(frozen=True, slots=True)
class StatedRule:
    """An entry-into-force rule a note states for the act it names (DOMAIN.md 5)."""

    act: ActRef
    rule: CommencementRule


@dataclass(frozen=True, slots=True)
class NoteReading:
    """What one editorial note says: the ``effects`` it records, and the
    commencement ``rules`` it states apart from an effect (a note that only
    announces an extract, whose rule belongs to the act the note names)."""

    effects: tuple[Effect, ...] = ()
    rules: tuple[StatedRule, ...] = ()


def read_note(
    text: str, extract: Sequence[str], lang: str, where: str, own: ActRef | None
) -> NoteReading:
    """:func:`_read_note`, each affecting act's issuer named as the note prints it,
    by its whole name and in the nominative (:func:`~.enacting.issuer_as_printed`:
    "решением Абайского районного маслихата" -> "Абайский районный маслихат")."""
    reading = _read_note(text, extract, lang, where, own)
    if not reading.effects:
        return reading
    effects = tuple(
        replace(e, affecting=issuer_as_printed(e.affecting, text, lang)) if e.affecting else e
        for e in reading.effects
    )
    return replace(reading, effects=effects)


def _read_note(
    text: str, extract: Sequence[str], lang: str, where: str, own: ActRef | None
) -> NoteReading:
    """Effects and commencement rules an editorial note records on the act it is printed in.

    ``text`` is the note, ``extract`` the lines of an extract printed with it,
    ``where`` the eId of the part the note sits in (``"whole"`` in the preface
    and the decision, ``"att_1"`` in an annex), ``own`` the act itself (never
    taken for the affecting act). A provision-level note's effect has
    ``scope`` ``where`` and a :class:`~lexversion.model.ProvisionRef`
    ``pinpoint`` that :func:`locate` turns into the provision's eId. A note
    that only announces an extract yields no effect but the extract's rule, as
    a :class:`StatedRule`. Never raises.
    """
    v = vocab(lang)
    anchors = [
        a for a in find_anchors(text, lang, loose_number=True) if not (own and same_act(a.act, own))
    ]
    affecting = anchors[0].act if anchors else None
    full = text + " " + " ".join(extract)
    rule = commencement_rule(full, lang)
    k = L.key(text)
    if affecting is None or affecting.date is None:
        # the citation scan missed it or its date ("2025.25.04.", "13.04.20 г."): read the pair
        named = A.amending_acts(text, lang, own)
        if named:
            affecting, rule = named[0].act, rule or named[0].rule
    sub = re.search(v.SUBSTITUTION, fold_text(text), re.IGNORECASE | re.DOTALL)
    if sub:
        old = [w for w in _QUOTED.findall(sub.group("old"))] or [sub.group("old").strip(' "')]
        new = [w for w in _QUOTED.findall(sub.group("new") + '"')] or [sub.group("new").strip(' "')]
        pairs = tuple(zip(old, new, strict=False))
        effect = Effect(EffectType.SUBSTITUTION, affecting, None, where, pairs, rule, "note", text)
    elif prov := _provision_effect(k, v):
        kind, what, num = prov
        pinpoint = None if what == "annex" else ProvisionRef(where, what, num)
        effect = Effect(kind, affecting, None, where, (), rule, "note", text, pinpoint)
        named = A.amending_acts(text, lang, own) if text.count("№") > 1 else []
        if len(named) > 1:  # "... 12.03.2019 № 5 және 10.10.2019 № 8 шешімдерімен"
            return NoteReading(
                effects=tuple(replace(effect, affecting=a.act, rule=a.rule or rule) for a in named)
            )
    elif pin := A.provision_repeal(text, lang, where):  # "Пункт 2 утратил силу решением ..."
        effect = Effect(EffectType.EXCLUSION, affecting, None, where, (), rule, "note", text, pin)
    elif re.search(v.REPEAL_PREFIX, k, re.IGNORECASE) or (lang == "ru" and "утратил" in k):
        effect = Effect(EffectType.REPEAL, affecting, None, "whole", (), rule, "note", text)
    elif A.matches(lang, "AMENDED", text) and (
        amended := A.amendment_effects(text, lang, where, own)
    ):
        return NoteReading(effects=amended)
    elif extract and affecting is not None and rule is not None:
        return NoteReading(rules=(StatedRule(affecting, rule),))
    else:
        return NoteReading()
    return NoteReading(effects=(effect,))


def locate(effect: Effect, body: Node, attachments: Sequence[Attachment]) -> Effect:
    """``effect`` with its pinpoint turned into the provision's eId (``scope``),
    looked up in the part of the document the note sits in (the annex named by
    ``pinpoint.where``, else the decision's body); unchanged without a pinpoint."""
    p = effect.pinpoint
    if p is None:
        return effect
    root = next((a.body for a in attachments if a.eid == p.where), body)
    return replace(effect, scope=provision_eid(root, p.kind, p.num), pinpoint=None)


def merge_repeal(
    effects: Sequence[Effect], rules: Sequence[StatedRule], repealed_by: ActRef | None
) -> list[Effect]:
    """One repeal effect per repealing act, first, then the other ``effects``.

    The requisites name the repealing act reliably (``repealed_by``); a repeal
    note adds its commencement rule, and an extract's :class:`StatedRule` may
    too (the first rule of a repeal note, else of a stated rule, whose act has
    the repealing act's date).
    """
    repeals = [e for e in effects if e.type == EffectType.REPEAL and e.affected is None]
    others = [e for e in effects if e not in repeals]
    if repealed_by is None and not repeals:
        return others
    by = repealed_by or repeals[0].affecting
    candidates = [(e.affecting, e.rule) for e in repeals] + [(r.act, r.rule) for r in rules]
    rule = next(
        (
            r
            for act, r in candidates
            if r is not None and (act is None or by is None or act.date == by.date)
        ),
        None,
    )
    text = " ".join(e.text for e in repeals)
    source = "note" if repeals else "requisites"
    return [Effect(EffectType.REPEAL, by, None, "whole", (), rule, source, text), *others]


def _provision_effect(k: str, v: ModuleType) -> tuple[EffectType, str, str] | None:
    """(effect type, provision kind, number) of a provision-level note, else ``None``.

    Types: ``provision_amended`` (new wording of a provision or of the annex),
    ``insertion`` (a provision added), ``exclusion`` (a provision removed).
    """
    for name, kind in (
        ("PROVISION_AMENDED", EffectType.PROVISION_AMENDED),
        ("PROVISION_INSERTED", EffectType.INSERTION),
        ("PROVISION_EXCLUDED", EffectType.EXCLUSION),
    ):
        m = re.search(getattr(v, name), k, re.IGNORECASE)
        if m is None:
            continue
        if m.groupdict().get("annex"):
            return kind, "annex", ""
        return kind, v.PROVISION_KINDS.get(m.group("what").lower(), "paragraph"), m.group("num")
    return None


def provision_eid(root: Node, kind: str, num: str) -> str:
    """eId of the ``kind`` provision numbered ``num`` under ``root``; when the
    tree has none (an excluded provision), the eId the naming convention gives."""
    want = num.replace(".", "-")

    def walk(node: Node) -> str | None:
        for c in node.children:
            if c.kind == kind and c.num and "-".join(re.findall(r"\d+", c.num)) == want:
                return c.eid
            hit = walk(c)
            if hit:
                return hit
        return None

    found = walk(root)
    if found:
        return found
    return eids.provision(root.eid, kind, want)


def _items(para: Node) -> list[tuple[str, list[str]]]:
    """(intro text, item texts) per repeal target candidate: subpoints, else the paragraph."""
    own = [b for b in para.blocks if b.kind != BlockKind.NOTE]
    intro = " ".join(b.text for b in own)
    if para.children:
        return [(intro, [" ".join(_texts(c))]) for c in para.children]
    return [(intro, [intro + " " + " ".join(i for b in own for i in b.items)])]


def body_effects(body: Node, lang: str, own: ActRef | None) -> list[Effect]:
    """Repeals and new editions the act's own points make of other acts.

    Kazakh puts the repealed act's requisites right before its verb (SOV word
    order), so each item's *last* reference is the target; Russian puts them
    after "признать утратившим силу", so the *first* reference is.

    The acts are found in each text without the spaces after it (a paragraph
    without items is its text and the space of the join with its no items): the
    same text as the paragraph's own, so one citation scan (remembered by text)
    serves both; no act reference ends in a space, so the acts found are the same
    (tests/parse/citations/test_strategies.py).
    """
    v = vocab(lang)
    out: list[Effect] = []
    for para in body.children:
        whole = " ".join(_texts(para))
        k = L.key(whole)
        is_repeal = any(re.search(p, k, re.IGNORECASE) for p in v.REPEAL_WORDS)
        is_edition = any(re.search(p, k, re.IGNORECASE) for p in v.NEW_EDITION_WORDS)
        if not (is_repeal or is_edition):
            continue
        for _intro, texts in _items(para):
            for text in texts:
                anchors: list[Anchor] = [  # read without the spaces after it ("intro ")
                    a
                    for a in find_anchors(text.rstrip(), lang)
                    if not (own and same_act(a.act, own))
                ]
                if not anchors:
                    continue
                if is_repeal:
                    target = anchors[-1] if lang == "kk" else anchors[0]
                    out.append(
                        Effect(EffectType.REPEAL, None, target.act, "whole", (), None, "body", text)
                    )
                else:
                    scope = "annex" if re.search(r"приложени|қосымша", k) else "whole"
                    out.append(
                        Effect(
                            EffectType.NEW_EDITION,
                            None,
                            anchors[0].act,
                            scope,
                            (),
                            None,
                            "body",
                            text,
                        )
                    )
    return out


def body_substitutions(body: Node, lang: str, own: ActRef | None) -> list[Effect]:
    """Substitutions the act's own points make throughout another act, with
    their words in the act's language ("по всему тексту слова "оралман"
    заменить словом "кандас"", "бүкіл мәтін бойынша ... ауыстырылсын"): one
    effect per point, on the first act the point names other than the act
    itself (the amended act is named before its changes in both languages),
    scoped to the annex when the point speaks of one. Issue 13, item 2: an
    amending act's text gives the change's words in its language."""
    pat = re.compile(vocab(lang).SUBSTITUTE_WORDS, re.IGNORECASE | re.DOTALL)
    out: list[Effect] = []
    for para in body.children:
        whole = " ".join(" ".join(_texts(para)).split())
        sub = pat.search(fold_text(whole))  # the same length: spans are the text's
        if sub is None:
            continue
        anchors = [a for a in find_anchors(whole, lang) if not (own and same_act(a.act, own))]
        if not anchors:
            continue
        said_old, said_new = (
            whole[sub.start("old") : sub.end("old")],
            whole[sub.start("new") : sub.end("new")],
        )
        old = _QUOTED.findall(said_old) or [said_old.strip(' "')]
        new = _QUOTED.findall(said_new + '"') or [said_new.strip(' "')]
        pairs = tuple(zip(old, new, strict=False))
        scope = "annex" if re.search(r"приложени|қосымша", whole[: sub.start()]) else "whole"
        out.append(
            Effect(EffectType.SUBSTITUTION, None, anchors[0].act, scope, pairs, None, "body", whole)
        )
    return out


def notes_in(node: Node) -> list[tuple[str, Block]]:
    """(scope eId, note block) for every editorial note under ``node``."""
    out = [(node.eid or "whole", b) for b in node.blocks if b.kind == BlockKind.NOTE]
    for c in node.children:
        out.extend(notes_in(c))
    return out


def publications_plain(texts: Sequence[str], lang: str) -> list[tuple[ActRef, date, str]]:
    """Publication dates the text states for acts it names (the plain definition).

    Russian reports "… № 152 "…" (… опубликовано 19 октября 2017 года в газетах
    …)": the date follows the word. Kazakh reports "… шешiмi (… 2003 жылғы 30
    желтоқсанда "Астана ақшамы" газетiнде жарияланды)": the date precedes it.
    Each hit belongs to the nearest act named before it (:func:`_published`);
    every paragraph of ``texts`` is read. Returns (act, date, the sentence it
    was read from). Letter spacing is tolerated. Raises nothing.
    """
    pat = re.compile(vocab(lang).PUBLISHED, re.IGNORECASE)
    out: list[tuple[ActRef, date, str]] = []
    for raw in texts:
        text = L.despace(raw)
        out.extend(_published(text, find_anchors(text, lang), lang, pat))
    return out


def publications_screened(texts: Sequence[str], lang: str) -> list[tuple[ActRef, date, str]]:
    """:func:`publications_plain`, reading only paragraphs that name an act and hold
    the publication word (the fast path :func:`publications` takes).

    Why it is sound: a hit needs an act named (an anchor) and the word
    (``PUBLISHED``) in a stretch of the despaced paragraph after it. With no
    anchor nothing is read. ``PUBLISHED`` has no anchor or look-around, and
    :func:`~lexversion.lang.fold_text` folds character by character, so a match
    in a stretch is a match in the whole despaced paragraph; a paragraph without
    one is skipped. The citation scan is asked first because it is shared with
    every other reader of the paragraph (cached), while the case-blind word
    search is this reader's own; the paragraph as printed is searched before its
    despaced form, which is made only for letter-spaced paragraphs. Raises nothing.
    """
    pat = re.compile(vocab(lang).PUBLISHED, re.IGNORECASE)
    out: list[tuple[ActRef, date, str]] = []
    for raw in texts:
        text = L.despace(raw)
        anchors = find_anchors(text, lang)
        if not anchors or (
            not pat.search(fold_text(raw))
            and (text == raw or not pat.search(fold_text(text).lower()))  # L.key(raw)
        ):
            continue
        out.extend(_published(text, anchors, lang, pat))
    return out


#: how every document's publication dates are read: the fast path of
#: :func:`publications_plain` (tests/parse/test_strategies.py checks they agree)
publications = publications_screened


def _published(
    text: str, anchors: Sequence[Anchor], lang: str, pat: re.Pattern[str]
) -> list[tuple[ActRef, date, str]]:
    """The publication dates of one despaced paragraph ``text`` whose acts named are
    ``anchors``: for each act, the date next to the word ``pat`` matches in the
    stretch up to the next act (at most 400 characters) (:func:`publications_plain`)."""
    from lexversion.parse.dates import find_dates

    out: list[tuple[ActRef, date, str]] = []
    for k, a in enumerate(anchors):
        stop = anchors[k + 1].start if k + 1 < len(anchors) else min(len(text), a.end + 400)
        seg = text[a.end : stop]
        m = pat.search(fold_text(seg))
        if m is None:
            continue
        dates = find_dates(seg, lang)
        if lang == "ru":
            pick = [d for d in dates if d.start >= m.end() and d.start - m.end() < 60][:1]
        else:
            pick = [d for d in dates if d.end <= m.start() and m.start() - d.end < 80][-1:]
        if pick:
            out.append((a.act, pick[0].date, seg[: m.end() + 40].strip()))
    return out


def publication_facts(
    texts: Sequence[str], lang: str, act: ActRef
) -> tuple[date | None, tuple[CitedFact, ...]]:
    r"""The publication date the corpus states for ``act`` itself (the last one
    found; ``None`` if none), and the publication dates it states for other acts
    as :class:`~lexversion.model.CitedFact`\ s, read from ``texts`` by
    :func:`publications`. An act counts as ``act`` when it is the same act, or
    has its number (folded) and region. Never raises.
    """
    own: date | None = None
    facts: list[CitedFact] = []
    for ref, when, basis in publications(texts, lang):
        if same_act(ref, act) or (
            ref.number
            and act.number
            and fold_number(ref.number) == fold_number(act.number)
            and ref.region == act.region
        ):
            own = when
        else:
            facts.append(CitedFact(ref, "publication", when, basis))
    return own, tuple(facts)
