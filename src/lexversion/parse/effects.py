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
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from lexversion.lang import fold_text, vocab
from lexversion.model import ActRef, Block, CommencementRule, Effect, Node
from lexversion.parse import layout as L
from lexversion.parse.acts import Anchor, find_anchors, same_act

_QUOTED = re.compile(r'"\s*([^"]+?)\s*"')


def commencement_rule(text: str, lang: str) -> CommencementRule | None:
    """The first commencement rule stated in ``text`` (letter spacing tolerated)."""
    k = L.key(text)
    v = vocab(lang)
    for pattern, kind in v.COMMENCEMENT:
        m = re.search(pattern, k, re.IGNORECASE)
        if m is None:
            continue
        days = None
        if "days" in m.groupdict() and m.group("days"):
            word = m.group("days")
            days = int(word) if word.isdigit() else v.NUMBER_WORDS.get(word)
            if days is None:
                continue
        return CommencementRule(kind, days, m.group(0))
    return None


def own_commencement(body: Node, lang: str) -> CommencementRule | None:
    """The act's own rule: the last point of the body that states one."""
    for para in reversed(body.children):
        text = " ".join(_texts(para))
        rule = commencement_rule(text, lang)
        if rule is not None:
            return rule
    return None


def _texts(node: Node) -> list[str]:
    out: list[str] = []
    for b in node.blocks:
        out.append(b.text)
        out.extend(b.items)
    for c in node.children:
        out.extend(_texts(c))
    return out


def note_effects(
    text: str, extract: Sequence[str], lang: str, scope: str, own: ActRef | None
) -> list[Effect]:
    """Effects an editorial note records on the act it is printed in.

    ``scope`` is the eId of the part the note sits in (``"whole"`` in the
    preface). A note that only announces an extract yields no effect, but its
    extract's commencement rule is returned as a ``commencement`` pseudo-effect
    so the caller can attach it to the act the note names.
    """
    v = vocab(lang)
    anchors = [
        a for a in find_anchors(text, lang, loose_number=True) if not (own and same_act(a.act, own))
    ]
    affecting = anchors[0].act if anchors else None
    full = text + " " + " ".join(extract)
    rule = commencement_rule(full, lang)
    k = L.key(text)
    out: list[Effect] = []
    sub = re.search(v.SUBSTITUTION, fold_text(text), re.IGNORECASE | re.DOTALL)
    if sub:
        old = [w for w in _QUOTED.findall(sub.group("old"))] or [sub.group("old").strip(' "')]
        new = [w for w in _QUOTED.findall(sub.group("new") + '"')] or [sub.group("new").strip(' "')]
        pairs = tuple(zip(old, new, strict=False))
        out.append(Effect("substitution", affecting, None, scope, pairs, rule, "note", text))
    elif re.search(v.REPEAL_PREFIX, k, re.IGNORECASE) or (lang == "ru" and "утратил" in k):
        out.append(Effect("repeal", affecting, None, "whole", (), rule, "note", text))
    elif extract and affecting is not None and rule is not None:
        out.append(Effect("commencement", affecting, None, "whole", (), rule, "note", text))
    return out


def _items(para: Node) -> list[tuple[str, list[str]]]:
    """(intro text, item texts) per repeal target candidate: subpoints, else the paragraph."""
    intro = " ".join(b.text for b in para.blocks)
    if para.children:
        return [(intro, [" ".join(_texts(c))]) for c in para.children]
    return [
        (
            intro,
            [
                " ".join(b.text for b in para.blocks)
                + " "
                + " ".join(i for b in para.blocks for i in b.items)
            ],
        )
    ]


def body_effects(body: Node, lang: str, own: ActRef | None) -> list[Effect]:
    """Repeals and new editions the act's own points make of other acts.

    Kazakh puts the repealed act's requisites right before its verb (SOV word
    order), so each item's *last* reference is the target; Russian puts them
    after "признать утратившим силу", so the *first* reference is.
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
                anchors: list[Anchor] = [
                    a for a in find_anchors(text, lang) if not (own and same_act(a.act, own))
                ]
                if not anchors:
                    continue
                if is_repeal:
                    target = anchors[-1] if lang == "kk" else anchors[0]
                    out.append(Effect("repeal", None, target.act, "whole", (), None, "body", text))
                else:
                    scope = "annex" if re.search(r"приложени|қосымша", k) else "whole"
                    out.append(
                        Effect("new_edition", None, anchors[0].act, scope, (), None, "body", text)
                    )
    return out


def notes_in(node: Node) -> list[tuple[str, Block]]:
    """(scope eId, note block) for every editorial note under ``node``."""
    out = [(node.eid or "whole", b) for b in node.blocks if b.kind == "note"]
    for c in node.children:
        out.extend(notes_in(c))
    return out


def publications(texts: Sequence[str], lang: str) -> list[tuple[ActRef, date, str]]:
    """Publication dates the text states for acts it names.

    Russian reports "… № 152 "…" (… опубликовано 19 октября 2017 года в газетах
    …)": the date follows the word. Kazakh reports "… шешiмi (… 2003 жылғы 30
    желтоқсанда "Астана ақшамы" газетiнде жарияланды)": the date precedes it.
    Each hit belongs to the nearest act named before it. Returns (act, date,
    the sentence it was read from). Letter spacing is tolerated.
    """
    from lexversion.parse.dates import find_dates

    out: list[tuple[ActRef, date, str]] = []
    pat = re.compile(vocab(lang).PUBLISHED, re.IGNORECASE)
    for raw in texts:
        text = L.despace(raw)
        anchors = find_anchors(text, lang)
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
