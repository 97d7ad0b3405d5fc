"""The ``meta`` block of the AKN projection (AKN 3.0 ``meta``; AKN-NC v1.0 5.2, 4.8.4).

:class:`MetaBuilder` writes ``identification`` (FRBR work, expression,
manifestation of the act or of one annex), ``lifecycle`` (an ``eventRef`` per
stated date: adoption, registration, each amending or repealing act's
adoption), ``analysis`` (active and passive ``textualMod``\\ s) and
``references``, the table it fills along the way (``TLCOrganization``,
``TLCPerson``, ``TLCRole``, ``TLCEvent``, ``passiveRef``/``activeRef``).
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from lxml import etree

from lexversion.akn import eids
from lexversion.akn.build.xml import sub
from lexversion.akn.frbr import (
    AKN_LANG,
    UNKNOWN_WORK,
    component,
    expression_of,
    expression_uri,
    safe_work_uri,
)
from lexversion.akn.namespaces import XHTML
from lexversion.model import ActRef, Effect
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
)
#: effect type -> ``textualMod/@type``
_MOD_TYPE = {
    "repeal": "repeal",
    "substitution": "substitution",
    "new_edition": "substitution",
    "insertion": "insertion",
}
_FALLBACK_DATE = date(1900, 1, 1)

#: a lifecycle event: (date, type, TLCEvent eId, source eId or ``original``)
Event = tuple[date, str, str, str]


class MetaBuilder:
    """The ``meta`` of one document; holds the references table filled along the way."""

    def __init__(self, doc: Document, expression_date: date | None) -> None:
        self.doc = doc
        self.lang = doc.meta.lang
        self.own = doc.act
        self.expression_date = expression_date or consolidation_date(doc) or doc.meta.date
        self.refs: dict[str, tuple[str, str, str]] = {}  # eId -> (kind, href, showAs)

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
        """``meta`` of the act: identification, lifecycle, analysis (references
        come last, from :meth:`references`, once the body has filled the table)."""
        m = self.doc.meta
        meta = sub(act, "meta")
        self.identification(meta)
        self.organizations()
        passive = [e for e in m.effects if e.affected is None and e.affecting is not None]
        active = [e for e in m.effects if e.affecting is None and e.affected is not None]
        self.lifecycle(meta, self.original_events() + self.amending_events(passive))
        if passive or active:
            an = sub(meta, "analysis", {"source": "#lexversion"})
            if active:
                self.active_modifications(an, active)
            if passive:
                self.passive_modifications(an, passive)
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

    def original_events(self) -> list[Event]:
        """Adoption and registration, the events of the original text."""
        m = self.doc.meta
        events: list[Event] = []
        if m.date:
            ev = self.tlc("TLCEvent", "adoption", "/ontology/event/adoption", "adoption")
            events.append((m.date, "generation", ev, "original"))
        if m.registration and m.registration.date:
            ev = self.tlc(
                "TLCEvent", "registration", "/ontology/event/registration", "registration"
            )
            events.append((m.registration.date, "generation", ev, "original"))
        return events

    def amending_events(self, passive: list[Effect]) -> list[Event]:
        """The adoption of each act that amended or repealed this one."""
        events: list[Event] = []
        for e in passive:
            assert e.affecting is not None
            src = self.act_ref(e.affecting, "passiveRef")
            if e.affecting.date:
                kind = "repeal" if e.type == "repeal" else "amendment"
                ev = self.tlc("TLCEvent", kind, f"/ontology/event/{kind}", kind)
                events.append((e.affecting.date, kind, ev, src))
        return events

    def lifecycle(self, meta: etree._Element, events: list[Event]) -> None:
        """``lifecycle``: an ``eventRef`` per event in date order (AKN-NC 4.8.4 ``e_n``).

        No ``lifecycle`` at all when no event has a stated date (a text whose
        requisites were cut off): the XSD requires at least one ``eventRef`` in
        a ``lifecycle`` but lets ``meta`` go without one, and a date the text
        does not state is not invented (issue 16)."""
        if not events:
            return
        m = self.doc.meta
        lc = sub(meta, "lifecycle", {"source": "#lexversion"})
        for k, (d, typ, refers, src) in enumerate(
            sorted(events, key=lambda x: (x[0], x[1])), start=1
        ):
            if src == "original":
                href = (
                    expression_uri(self.own, self.lang, m.date)
                    if safe_work_uri(self.own)
                    else UNKNOWN_WORK
                )
                self.tlc("original", "original", href, m.title)
            attrs = {
                "eId": eids.part("eventRef", k),
                "date": d.isoformat(),
                "source": f"#{src}",
                "type": typ,
                "refersTo": f"#{refers}",
            }
            sub(lc, "eventRef", attrs)

    def active_modifications(self, an: etree._Element, active: list[Effect]) -> None:
        """``activeModifications``: what this act does to other acts."""
        am = sub(an, "activeModifications")
        for k, e in enumerate(active, start=1):
            self.textual_mod(
                am,
                e,
                eids.part("activeModification", k),
                self.act_ref(self.own, "activeRef"),
                e.affected,
                "#" + self.act_ref(e.affected, "activeRef") if e.affected else "",
            )

    def passive_modifications(self, an: etree._Element, passive: list[Effect]) -> None:
        """``passiveModifications``: what other acts did to this one."""
        pm = sub(an, "passiveModifications")
        for k, e in enumerate(passive, start=1):
            assert e.affecting is not None
            source = self.act_ref(e.affecting, "passiveRef")
            self.textual_mod(pm, e, eids.part("passiveModification", k), source, None, "")

    def textual_mod(
        self,
        parent: etree._Element,
        e: Effect,
        eid: str,
        source: str,
        affected: ActRef | None,
        dest: str,
    ) -> None:
        """One ``textualMod``: source, destination, the old and new words."""
        tm = sub(parent, "textualMod", {"eId": eid, "type": _MOD_TYPE.get(e.type, "substitution")})
        sub(tm, "source", {"href": f"#{source}"})
        if affected is not None:
            target = safe_work_uri(affected) or ""
            if e.scope == "annex":
                target = component(target, "annex_1")
            sub(tm, "destination", {"href": target})
        else:
            scope = "" if e.scope == "whole" else e.scope
            own = safe_work_uri(self.own) or "#"
            sub(tm, "destination", {"href": f"#{scope}" if scope else own})
        # <old>/<new> hold foreign markup only (anyOtherType): an XHTML span each
        for k, (word, _) in enumerate(e.pairs, start=1):
            sub(sub(tm, "old", {"eId": eids.child(eid, "old", k)}), "span", None, word, ns=XHTML)
        for k, (_, word) in enumerate(e.pairs, start=1):
            sub(sub(tm, "new", {"eId": eids.child(eid, "new", k)}), "span", None, word, ns=XHTML)


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
