"""The ``meta`` block of the AKN projection (AKN 3.0 ``meta``; AKN-NC v1.0 5.2, 4.8.4).

:class:`MetaBuilder` writes ``identification`` (FRBR work, expression,
manifestation of the act or of one annex), ``lifecycle`` (an ``eventRef`` per
event of :mod:`lexversion.akn.build.time`: adoption, registration, entry into
force, application, each change dated when it applies), ``analysis`` (active
and passive ``textualMod`` elements: the amending provision, the provision
amended, the period), ``temporalData`` (the periods in force and in effect),
``references``, the table it fills along the way (``TLCOrganization``,
``TLCPerson``, ``TLCRole``, ``TLCEvent``, ``TLCConcept``,
``passiveRef``/``activeRef``), and ``proprietary`` (the certainty of a day
that is not sure).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING

from lxml import etree

from lexversion.akn import eids
from lexversion.akn.build.time import (
    APPLICATION,
    IN_FORCE,
    SHOW,
    TimeEvent,
    certain,
    change_events,
    event_of,
    own_events,
)
from lexversion.akn.build.xml import sub
from lexversion.akn.frbr import (
    AKN_LANG,
    UNKNOWN_WORK,
    component,
    expression_of,
    expression_uri,
    safe_work_uri,
)
from lexversion.akn.namespaces import LEXVERSION, NS, XHTML
from lexversion.model import ActRef, BlockKind, DateFact, Effect, EffectType, Node
from lexversion.timeline.events import consolidation_date

if TYPE_CHECKING:
    from lexversion.model import Document

#: order of the ``references`` children (AKN 3.0 ``refItems``)
_REFERENCE_ORDER = (
    "original",
    "passiveRef",
    "activeRef",
    "TLCOrganization",
    "TLCPerson",
    "TLCRole",
    "TLCEvent",
    "TLCConcept",
)
#: effect type -> ``textualMod/@type``
_MOD_TYPE = {
    "repeal": "repeal",
    "substitution": "substitution",
    "new_edition": "substitution",
    "insertion": "insertion",
    "provision_amended": "substitution",
    "exclusion": "repeal",
    "amendment": "substitution",
}
_FALLBACK_DATE = date(1900, 1, 1)
#: an effect's scope -> the eId it names in the act's expression ("" the whole)
_EID_OF_SCOPE = {"whole": "", "annex": "att_1"}
#: order of events of one day in the lifecycle
_RANK = {"adoption": 0, "registration": 1, "publication": 2, "entryIntoForce": 3, "application": 4}


class MetaBuilder:
    """The ``meta`` of one document; holds the references table filled along the way."""

    def __init__(
        self,
        doc: Document,
        expression_date: date | None,
        applies: Mapping[str, DateFact] | None = None,
        in_force: DateFact | None = None,
    ) -> None:
        self.doc = doc
        self.in_force = in_force
        self.lang = doc.meta.lang
        self.own = doc.act
        self.expression_date = expression_date or consolidation_date(doc) or doc.meta.date
        self.applies: Mapping[str, DateFact] = applies or {}
        self.refs: dict[str, tuple[str, str, str]] = {}  # eId -> (kind, href, showAs)
        self.event_ids: dict[TimeEvent, str] = {}  # lifecycle event -> its eventRef eId
        self.period_of: dict[TimeEvent, str] = {}  # event -> temporalGroup from it
        when = (self.expression_date or doc.meta.date or _FALLBACK_DATE).isoformat()
        work = safe_work_uri(self.own)
        self.expr = (
            expression_uri(self.own, self.lang, self.expression_date)
            if work
            else expression_of(UNKNOWN_WORK + "/0000-01-01/nn", self.lang, when)
        )

    # -- the references table -----------------------------------------------------
    def act_ref(self, act: ActRef, kind: str) -> str:
        """eId of a passiveRef/activeRef to ``act`` (created once)."""
        href = safe_work_uri(act) or UNKNOWN_WORK
        for eid, (k, h, _) in self.refs.items():
            if k == kind and h == href:
                return eid
        eid = eids.part(kind, sum(1 for k, _, _ in self.refs.values() if k == kind) + 1)
        self.refs[eid] = (kind, href, _show(act))
        return eid

    def tlc(self, kind: str, eid: str, href: str, show: str) -> str:
        """eId of a reference ``kind`` (kept from its first registration)."""
        self.refs.setdefault(eid, (kind, href, show))
        return eid

    def references(self, meta: etree._Element) -> None:
        """``references``: every entry of the table, grouped by kind."""
        refs = sub(meta, "references", {"source": "#lexversion"})
        for kind in _REFERENCE_ORDER:
            for eid, (k, href, show) in self.refs.items():
                if k == kind:
                    sub(refs, kind, {"eId": eid, "href": href, "showAs": show or eid})

    # -- identification -------------------------------------------------------------
    def identification(
        self, meta: etree._Element, name: str = "main", alias: str | None = None
    ) -> None:
        """``identification``: FRBR work, expression and manifestation of component
        ``name`` (AKN-NC 5.2), ``alias`` its title."""
        m = self.doc.meta
        work = safe_work_uri(self.own) or UNKNOWN_WORK + "/0000-01-01/nn"
        when = (self.expression_date or m.date or _FALLBACK_DATE).isoformat()
        expr = (
            expression_uri(self.own, self.lang, self.expression_date)
            if safe_work_uri(self.own)
            else expression_of(work, self.lang, when)
        )
        ident = sub(meta, "identification", {"source": "#lexversion"})
        w = sub(ident, "FRBRWork")
        sub(w, "FRBRthis", {"value": component(work, name)})
        sub(w, "FRBRuri", {"value": work})
        if alias or m.title:
            sub(w, "FRBRalias", {"value": alias or m.title, "name": "title"})
        sub(w, "FRBRdate", {"date": (m.date or _FALLBACK_DATE).isoformat(), "name": "Generation"})
        sub(w, "FRBRauthor", {"href": "#issuer"})
        sub(w, "FRBRcountry", {"value": (m.region or "KZ").lower()})
        sub(w, "FRBRsubtype", {"value": m.act_type or "act"})
        sub(w, "FRBRnumber", {"value": m.number or "nn"})
        e = sub(ident, "FRBRExpression")
        sub(e, "FRBRthis", {"value": component(expr, name)})
        sub(e, "FRBRuri", {"value": expr})
        sub(e, "FRBRdate", {"date": when, "name": "Generation"})
        sub(e, "FRBRauthor", {"href": "#lexversion"})
        sub(e, "FRBRlanguage", {"language": AKN_LANG[self.lang]})
        mf = sub(ident, "FRBRManifestation")
        sub(mf, "FRBRthis", {"value": component(expr, name) + ".xml"})
        sub(mf, "FRBRuri", {"value": f"{expr}.xml"})
        sub(mf, "FRBRdate", {"date": when, "name": "Generation"})
        sub(mf, "FRBRauthor", {"href": "#lexversion"})

    # -- meta -----------------------------------------------------------------------
    def meta(self, act: etree._Element) -> etree._Element:
        """``meta`` of the act: identification, lifecycle, analysis, temporalData
        (references and proprietary come last, from :meth:`references` and
        :meth:`proprietary`, once the body has filled the table)."""
        m = self.doc.meta
        meta = sub(act, "meta")
        self.identification(meta)
        self.organizations()
        passive = [e for e in m.effects if e.affected is None and e.affecting is not None]
        active = [e for e in m.effects if e.affecting is None and e.affected is not None]
        own = own_events(self.doc, self.applies, self.in_force)
        changes = change_events(passive, self.applies)
        self.lifecycle(meta, own + changes)
        groups = self.periods(own, changes)
        if passive or active:
            an = sub(meta, "analysis", {"source": "#lexversion"})
            if active:
                self.active_modifications(an, active, own)
            if passive:
                self.passive_modifications(an, passive, changes)
        if groups:
            td = sub(meta, "temporalData", {"source": "#lexversion"})
            for eid, start, end, concept in groups:
                tg = sub(td, "temporalGroup", {"eId": eid})
                attrs = {"start": f"#{start}"} | ({"end": f"#{end}"} if end else {})
                sub(tg, "timeInterval", attrs | {"refersTo": f"#{concept}"})
        return meta

    def organizations(self) -> None:
        """``TLCOrganization``: lexversion (the editor) and the issuer."""
        issuer = self.doc.meta.issuer
        self.tlc("TLCOrganization", "lexversion", "/ontology/organization/lexversion", "lexversion")
        self.tlc(
            "TLCOrganization",
            "issuer",
            f"/ontology/organization/kz/{slug(issuer or 'unknown')}",
            issuer or "unknown",
        )

    def lifecycle(self, meta: etree._Element, events: list[TimeEvent]) -> None:
        """``lifecycle``: an ``eventRef`` per event in date order (AKN-NC 4.8.4
        ``e_n``), ``source`` the original text or the ``passiveRef`` of the act
        that caused it; each event's eId kept in :attr:`event_ids`.

        No ``lifecycle`` at all when no event has a known date (a text whose
        requisites were cut off): the XSD requires at least one ``eventRef`` in
        a ``lifecycle`` but lets ``meta`` go without one, and a date the text
        does not state is not invented (issue 16)."""
        if not events:
            return
        m = self.doc.meta
        lc = sub(meta, "lifecycle", {"source": "#lexversion"})
        ordered = sorted(events, key=lambda x: (x.day, _RANK.get(x.name, 9)))
        for k, ev in enumerate(ordered, start=1):
            if ev.by is None:
                href = (
                    expression_uri(self.own, self.lang, m.date)
                    if safe_work_uri(self.own)
                    else UNKNOWN_WORK
                )
                src = self.tlc("original", "original", href, m.title)
            else:
                src = self.act_ref(ev.by, "passiveRef")
            show = SHOW.get(ev.name, ev.name)
            name = self.tlc("TLCEvent", ev.name, f"/ontology/event/{ev.name}", show)
            eid = eids.part("eventRef", k)
            self.event_ids[ev] = eid
            attrs = {
                "eId": eid,
                "date": ev.day.isoformat(),
                "source": f"#{src}",
                "type": ev.kind,
                "refersTo": f"#{name}",
            }
            sub(lc, "eventRef", attrs)

    def periods(
        self, own: list[TimeEvent], changes: list[TimeEvent]
    ) -> list[tuple[str, str, str | None, str]]:
        """The ``temporalGroup``\\ s as (eId, start eventRef, end eventRef or
        ``None``, TLCConcept): the act in force (from entry into force), the
        act applying (from application, or entry into force when one rule dates
        both), then each amending act's changes applying; every period ends
        with the repeal, when one is known. Their eIds kept in :attr:`period_of`."""
        ids = self.event_ids
        repeal = next((ids[e] for e in changes if e.kind == "repeal" and e in ids), None)
        force = next((e for e in own if e.name == "entryIntoForce" and e in ids), None)
        applies = next((e for e in own if e.name == "application" and e in ids), force)
        starts: list[tuple[TimeEvent, str]] = []
        if force is not None and applies is not None:
            starts += [(force, IN_FORCE), (applies, APPLICATION)]
        starts += [(e, APPLICATION) for e in changes if e.kind == "amendment" and e in ids]
        out: list[tuple[str, str, str | None, str]] = []
        for k, (ev, concept) in enumerate(starts, start=1):
            self.tlc("TLCConcept", concept, f"/ontology/concept/akn/{concept}", SHOW[concept])
            eid = eids.part("temporalGroup", k)
            out.append((eid, ids[ev], repeal, concept))
            if concept == APPLICATION:
                self.period_of.setdefault(ev, eid)
        return out

    def active_modifications(
        self, an: etree._Element, active: list[Effect], own: list[TimeEvent]
    ) -> None:
        """``activeModifications``: what this act does to other acts, each
        ``source`` the provision that says so (its eId in this expression) and
        ``destination`` the provision changed in the affected act's expression
        of the day this act applies (:meth:`destination`)."""
        am = sub(an, "activeModifications")
        applies = next((e for e in own if e.name == "application"), None) or next(
            (e for e in own if e.name == "entryIntoForce"), None
        )
        for k, e in enumerate(active, start=1):
            assert e.affected is not None
            self.act_ref(e.affected, "activeRef")
            where = provision_of(self.doc.body, e.text)
            source = f"{self.expr}#{where}" if where else self.expr
            self.textual_mod(
                am,
                e,
                eids.part("activeModification", k),
                source,
                self.destination(e, applies),
                self.period_of.get(applies) if applies else None,
            )

    def destination(self, e: Effect, applies: TimeEvent | None) -> str:
        """The provision effect ``e`` of this act changes: a repealed act's work
        URI; else the affected act's expression (in this text's language) of
        the day this act applies, with the eId (``att_1`` for its annex), or
        the work's component when that day is unknown."""
        assert e.affected is not None
        work = safe_work_uri(e.affected) or UNKNOWN_WORK
        if e.type == EffectType.REPEAL and e.scope == "whole":
            return work
        if applies is None:
            return component(work, "annex_1") if e.scope == "annex" else work
        expr = expression_of(work, self.lang, applies.day.isoformat())
        eid = _EID_OF_SCOPE.get(e.scope, e.scope)
        return f"{expr}#{eid}" if eid else expr

    def passive_modifications(
        self, an: etree._Element, passive: list[Effect], changes: list[TimeEvent]
    ) -> None:
        """``passiveModifications``: what other acts did to this one, each
        ``source`` the ``passiveRef`` of the amending act (the notes name the
        act, not its provision), ``destination`` the provision changed in this
        expression (a repeal: the work), ``period`` from when it applies."""
        pm = sub(an, "passiveModifications")
        for k, e in enumerate(passive, start=1):
            assert e.affecting is not None
            source = "#" + self.act_ref(e.affecting, "passiveRef")
            eid = _EID_OF_SCOPE.get(e.scope, e.scope)
            if e.type == EffectType.REPEAL and not eid:
                dest = safe_work_uri(self.own) or UNKNOWN_WORK
            else:
                dest = f"{self.expr}#{eid}" if eid else self.expr
            ev = event_of(changes, e)
            period = self.period_of.get(ev) if ev else None
            self.textual_mod(pm, e, eids.part("passiveModification", k), source, dest, period)

    def textual_mod(
        self,
        parent: etree._Element,
        e: Effect,
        eid: str,
        source: str,
        dest: str,
        period: str | None,
    ) -> None:
        """One ``textualMod``: source, destination, the old and new words;
        ``period`` the ``temporalGroup`` it applies in."""
        attrs = {"eId": eid, "type": _MOD_TYPE.get(e.type, "substitution")}
        if period:
            attrs["period"] = f"#{period}"
        tm = sub(parent, "textualMod", attrs)
        sub(tm, "source", {"href": source})
        sub(tm, "destination", {"href": dest})
        # <old>/<new> hold foreign markup only (anyOtherType): an XHTML span each
        for k, (word, _) in enumerate(e.pairs, start=1):
            sub(sub(tm, "old", {"eId": eids.child(eid, "old", k)}), "span", None, word, ns=XHTML)
        for k, (_, word) in enumerate(e.pairs, start=1):
            sub(sub(tm, "new", {"eId": eids.child(eid, "new", k)}), "span", None, word, ns=XHTML)

    def proprietary(self, meta: etree._Element) -> None:
        """``proprietary``: the certainty, window and basis of each ``eventRef``
        whose day is not one stated or computed day (an estimated entry into
        force: the ``eventRef`` carries its earliest day). Written after
        ``references`` (AKN 3.0 ``meta`` order); nothing when every day is sure."""
        unsure = [(ev, eid) for ev, eid in self.event_ids.items() if not certain(ev.fact)]
        if not unsure:
            return
        prop = etree.SubElement(
            meta, f"{{{NS}}}proprietary", {"source": "#lexversion"}, nsmap={"lv": LEXVERSION}
        )
        for ev, eid in sorted(unsure, key=lambda x: x[1]):
            f = ev.fact
            attrs = {"refersTo": f"#{eid}", "certainty": str(f.certainty)}
            if f.earliest:
                attrs["earliest"] = f.earliest.isoformat()
            if f.latest:
                attrs["latest"] = f.latest.isoformat()
            sub(prop, "date", attrs | {"basis": f.basis}, ns=LEXVERSION)


def provision_of(root: Node, text: str) -> str | None:
    """The eId of the deepest provision under ``root`` whose own words (editorial
    notes left out) hold ``text``, the wording an effect was read from; ``None``
    when none does."""
    want = " ".join(text.split())
    if not want:
        return None
    found: str | None = None
    node = root
    while True:
        inner = next((c for c in node.children if want in _words(c)), None)
        if inner is None:
            return found
        found, node = inner.eid, inner


def _words(node: Node) -> str:
    """The words of ``node`` and its children, whitespace made single spaces."""
    parts: list[str] = []
    for b in node.blocks:
        if b.kind != BlockKind.NOTE:
            parts += [b.text, *b.items]
    parts += [_words(c) for c in node.children]
    return " ".join(" ".join(parts).split())


def _show(act: ActRef) -> str:
    bits = [
        act.issuer or "",
        act.date.isoformat() if act.date else "",
        f"№ {act.number}" if act.number else "",
    ]
    return " ".join(b for b in bits if b) or "act"


def slug(text: str) -> str:
    """``text`` lower-cased with every run of non-word characters made ``-``
    (``x`` when nothing is left): the last segment of an ontology URI."""
    return re.sub(r"[^\w]+", "-", text.lower()).strip("-") or "x"
