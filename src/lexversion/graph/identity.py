"""Act identity, decided once for the graph: the registry of works.

ARCHITECTURE.md ("The model"); DOMAIN.md 3. Works are identified by
(region, date, number) with look-alike letters folded: the key
:func:`act_identity`, which is the parser's own
:func:`lexversion.parse.citations.identity.act_key` (the graph has no second rule). A
reference is resolved to a work by :func:`lexversion.graph.matching.match_act`:
exact on that key, then unique, then fuzzy on the issuer's names. An act known
only because a corpus text cites, amends or repeals it is a *stub* work,
upgraded when its text turns up.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from typing import cast

from lexversion.akn.frbr import work_uri
from lexversion.graph.matching import Match, match_act
from lexversion.model import ActRef
from lexversion.model.records import WorkRecord
from lexversion.parse.citations.anchors import find_anchors
from lexversion.parse.citations.identity import act_key as act_identity
from lexversion.parse.citations.identity import canonical_act
from lexversion.parse.citations.national import title_key
from lexversion.text.language import detect_language

Identity = tuple[str | None, date | None, str | None]
#: how many of the texts naming a work :meth:`WorkRegistry.named_by` keeps
NAMED_BY = 4


#: how many days apart the two halves of a joint act may be adopted (:meth:`WorkRegistry.join`):
#: the akimat resolves, the maslikhat decides at its next session (seed 002: 22 February
#: and 6 March 2019)
JOINT_DAYS = 92


def _joint(akimat: WorkRecord, other: WorkRecord, same_title: bool) -> bool:
    """True when ``akimat``'s act and ``other`` are the halves of one joint act."""
    return (
        same_title
        and other.body == "maslikhat"
        and other.region is not None
        and other.region == akimat.region
        and akimat.date is not None
        and other.date is not None
        and abs((other.date - akimat.date).days) <= JOINT_DAYS
    )


def work_act(w: WorkRecord) -> ActRef:
    """The act ``w`` is, as a reference (no title)."""
    return ActRef(w.act_type, w.issuer, w.region, w.body, w.date, w.number)


class WorkRegistry:
    """Works by :func:`act_identity`, indexed by (date, folded number); stubs
    are upgraded when their text turns up. Lookups go through
    :func:`lexversion.graph.matching.match_act`."""

    def __init__(self) -> None:
        self._by_id: dict[Identity, WorkRecord] = {}
        self._by_dn: dict[tuple[date | None, str | None], list[Identity]] = {}
        self._texts: dict[str, Identity] = {}
        self._named_by: dict[Identity, set[tuple[str, str]]] = {}
        #: the titles each work is cited by (:func:`title_key`), for :meth:`join`
        self._titles: dict[Identity, set[str]] = {}
        #: a joint act's other act, by (date, number): (its region, the work's key)
        self._alias: dict[tuple[date | None, str | None], tuple[str | None, Identity]] = {}

    def works(self) -> Iterable[WorkRecord]:
        """Every work registered, in registration order."""
        return self._by_id.values()

    def match(self, act: ActRef, words: str = "") -> Match | None:
        """The work ``act`` names (``words``: the reference as written), with
        method and score; ``None`` when ``act`` has no date or number (a law's
        number from the table of codes and main laws or its ``nn`` title slug:
        :func:`canonical_act`) or no work matches."""
        act = canonical_act(act)
        if act.date is None or act.number is None:
            return None
        region, when, number = act_identity(act)
        alias = self._alias.get((when, number))
        if alias is not None and region in (None, alias[0]):
            return Match(self._by_id[alias[1]], "exact", 100.0)
        keys = self._by_dn.get((when, number), [])
        return match_act(act, words, [self._by_id[k] for k in keys])

    def find(self, act: ActRef, words: str = "") -> WorkRecord | None:
        """The work ``act`` names, or ``None``."""
        m = self.match(act, words)
        return cast(WorkRecord, m.work) if m else None

    def uri(self, act: ActRef) -> str | None:
        """The FRBR work URI of the work ``act`` names, or ``None``."""
        w = self.find(act)
        return w.frbr_uri if w else None

    def ensure(
        self, act: ActRef, *, stub: bool, lang: str | None = None, words: str = ""
    ) -> WorkRecord | None:
        """The work ``act`` names, created (as a stub when ``stub``) if unknown;
        a known stub becomes a work when ``stub`` is false, and learns ``lang``.
        ``None`` when ``act`` has no date or number (:meth:`match`)."""
        act = canonical_act(act)  # "204-1" is law No 204-I: one work, named in Roman
        if act.date is None or act.number is None:
            return None
        if act.title:
            self._titles.setdefault(act_identity(act), set()).add(title_key(act.title))
        existing = self.find(act, words)
        if existing is not None:
            if not stub and existing.stub:
                existing = replace(existing, stub=False, title=act.title or existing.title)
            if lang and lang not in existing.languages:
                existing = replace(existing, languages=tuple(sorted({*existing.languages, lang})))
            self._by_id[act_identity(work_act(existing))] = existing
            return existing
        uri = work_uri(act if act.act_type else replace(act, act_type="act"))
        rec = WorkRecord(
            uri,
            act.act_type,
            act.issuer,
            act.region,
            act.body,
            act.date,
            act.number,
            act.title if not stub else None,
            stub,
            (lang,) if lang else (),
        )
        key = act_identity(act)
        self._by_id[key] = rec
        self._by_dn.setdefault(key[1:], []).append(key)
        return rec

    def bind(self, sha256: str, work: WorkRecord, source: str) -> None:
        """Record that corpus text ``sha256`` (file ``source``) is the text of
        ``work``: :meth:`text_work` answers for it without matching again."""
        key = act_identity(work_act(work))
        self._texts[sha256] = key
        self.named(work, source, sha256)

    def text_work(self, sha256: str) -> WorkRecord | None:
        """The work whose text is corpus text ``sha256`` (see :meth:`bind`), as
        registered now (a stub upgraded since is returned upgraded)."""
        key = self._texts.get(sha256)
        return self._by_id.get(key) if key is not None else None

    def named(self, work: WorkRecord, source: str, sha256: str) -> None:
        """Record that corpus text ``sha256`` (file ``source``) names ``work`` (the
        first :data:`NAMED_BY` texts are kept: enough to blame, small for a
        national corpus; once they are skipped, the next ones are recorded)."""
        texts = self._named_by.setdefault(act_identity(work_act(work)), set())
        if len(texts) < NAMED_BY:
            texts.add((source, sha256))

    def named_by(self, work: WorkRecord) -> set[tuple[str, str]]:
        """The corpus texts (file, SHA-256) that are or name ``work``: the texts a
        failure while planning the work is blamed on
        (:func:`lexversion.graph.failures.blame`)."""
        return self._named_by.get(act_identity(work_act(work)), set())

    def join(self) -> None:
        """Make each joint act one work (issue 13, item 3). A maslikhat's decision
        and its akimat's resolution of one region, cited by the same title and
        adopted within :data:`JOINT_DAYS` of each other, are the two halves of a
        joint act ("совместное постановление акимата и решение маслихата", Law "On
        legal acts" No 480-V, art. 1): the decision (or the half whose text is in
        the corpus) is the work, the resolution its alias (:attr:`WorkRecord.aliases`;
        :meth:`match` resolves it to the work), so that an amendment or a repeal of
        either reaches the whole act."""
        works = list(self._by_id.items())
        for key, w in works:
            if w.body != "akimat" or key not in self._by_id:
                continue
            partner = next(
                (k for k, o in works if k in self._by_id and _joint(w, o, self._shared(key, k))),
                None,
            )
            if partner is not None:
                self._merge(key, partner)

    def _shared(self, a: Identity, b: Identity) -> bool:
        return bool(self._titles.get(a, set()) & self._titles.get(b, set()))

    def _merge(self, alias_key: Identity, key: Identity) -> None:
        """Fold work ``alias_key`` into work ``key`` (:meth:`join`)."""
        alias, work = self._by_id[alias_key], self._by_id[key]
        if not alias.stub and work.stub:  # the half whose text is in the corpus is the work
            alias_key, key, alias, work = key, alias_key, work, alias
        del self._by_id[alias_key]
        self._by_dn[alias_key[1:]].remove(alias_key)
        self._alias[alias_key[1:]] = (alias_key[0], key)
        issuers = ", ".join(dict.fromkeys(i for i in (work.issuer, alias.issuer) if i))
        self._by_id[key] = replace(
            work,
            issuer=issuers or None,
            aliases=tuple(sorted({*work.aliases, alias.frbr_uri, *alias.aliases})),
            languages=tuple(sorted({*work.languages, *alias.languages})),
        )
        self._named_by.setdefault(key, set()).update(self._named_by.pop(alias_key, set()))
        for sha, k in self._texts.items():
            if k == alias_key:
                self._texts[sha] = key

    def sidecar_work(self, ref: str) -> WorkRecord | None:
        """The work a sidecar fact names (FRBR URI or citation), if known."""
        if ref.startswith("/akn/"):
            return next((w for w in self.works() if w.frbr_uri == ref.rstrip("/")), None)
        anchors = find_anchors(ref, detect_language(ref))
        return self.find(anchors[0].act) if anchors else None


__all__ = ["JOINT_DAYS", "Identity", "WorkRegistry", "act_identity", "work_act"]
