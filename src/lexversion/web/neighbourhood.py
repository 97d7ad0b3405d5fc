"""The neighbourhood of a work: the acts that amend, repeal or cite it and the
acts it amends, repeals or cites, as a list and as an inline SVG diagram.

Relations come from the store: effects by or on the work
(:meth:`lexversion.store.Store.history`; an effect of type ``repeal`` is a
repeal, any other type an amendment), the citations its texts make
(:meth:`~lexversion.store.Store.citations_of`) and the works citing it
(``WorkTimeline.cited_by``). The diagram puts the acts acting on the work on
the left, the work in the middle and the acts it acts on at the right, an
arrow from the acting act to the act acted on; stubs (known only from
citations) are drawn dashed. At most :data:`MAX_SIDE` acts a side are drawn;
the list names them all.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from lexversion.i18n import gettext as _
from lexversion.i18n import term
from lexversion.model import HistoryEntry
from lexversion.web.refs import WorkRef, short

#: relation -> side of the diagram (``in``: acts on the work, ``out``: acted on)
RELATIONS: dict[str, str] = {
    "amended by": "in",
    "repealed by": "in",
    "cited by": "in",
    "amends": "out",
    "repeals": "out",
    "cites": "out",
}
MAX_SIDE = 12
WIDTH = 960
BOX_W = 260
BOX_H = 60
GAP = 12
LABEL_CHARS = 34


@dataclass(frozen=True)
class Neighbour:
    """A related work and how it is related (``relations``, in :data:`RELATIONS` order)."""

    ref: WorkRef
    relations: tuple[str, ...]
    side: str


@dataclass(frozen=True)
class Box:
    """A node of the diagram: top-left corner, size, three lines of text (date
    and number, issuer, relation), tooltip, link, stub or missing."""

    x: float
    y: float
    w: float
    h: float
    line1: str
    line2: str
    line3: str
    title: str
    href: str
    stub: bool
    missing: bool


@dataclass(frozen=True)
class Arrow:
    """An edge from (x1, y1) to (x2, y2)."""

    x1: float
    y1: float
    x2: float
    y2: float


@dataclass(frozen=True)
class NeighbourhoodView:
    """The list of neighbours, the diagram's boxes and arrows, its size, and how
    many neighbours were left out of the diagram."""

    neighbours: tuple[Neighbour, ...]
    center: Box
    boxes: tuple[Box, ...]
    arrows: tuple[Arrow, ...]
    width: int
    height: int
    left_out: int


def relations(
    work: str,
    items: Sequence[HistoryEntry],
    cites: Sequence[str],
    cited_by: Sequence[str],
) -> dict[str, list[str]]:
    """URI -> relations of each work related to ``work``, from its history
    ``items``, the URIs its texts cite and the URIs citing it."""
    found: dict[str, list[str]] = {}

    def add(uri: str | None, rel: str) -> None:
        if uri and uri != work and rel not in found.setdefault(uri, []):
            found[uri].append(rel)

    for it in items:
        if not it.is_effect:
            continue
        repeal = it.type == "effect:repeal"
        if it.on == work:
            add(it.by, "repealed by" if repeal else "amended by")
        elif it.by == work:
            add(it.on, "repeals" if repeal else "amends")
    for uri in cites:
        add(uri, "cites")
    for uri in cited_by:
        add(uri, "cited by")
    order = list(RELATIONS)
    return {u: sorted(r, key=order.index) for u, r in found.items()}


def neighbourhood_view(
    center: WorkRef, related: dict[str, list[str]], refs: dict[str, WorkRef]
) -> NeighbourhoodView:
    """The view of ``center`` and its ``related`` works (see :func:`relations`);
    ``refs`` holds a :class:`WorkRef` for every related URI."""
    neighbours = tuple(
        Neighbour(refs[u], tuple(rels), RELATIONS[rels[0]])
        for u, rels in sorted(related.items(), key=lambda kv: (RELATIONS[kv[1][0]], kv[0]))
    )
    left = [n for n in neighbours if n.side == "in"][:MAX_SIDE]
    right = [n for n in neighbours if n.side == "out"][:MAX_SIDE]
    rows = max(len(left), len(right), 1)
    height = rows * (BOX_H + GAP) + GAP
    cx, cy = (WIDTH - BOX_W) / 2, (height - BOX_H) / 2

    def box(n: Neighbour | None, x: float, y: float) -> Box:
        ref = n.ref if n else center
        line3 = ", ".join(term(r) for r in n.relations) if n else _("this act")
        if ref.stub:
            line3 += " · " + _("stub")
        if ref.missing:
            line3 += " · " + _("not in the store")
        title = f"{ref.label}: {ref.title}" if ref.title else ref.label
        return Box(
            x,
            y,
            BOX_W,
            BOX_H,
            short(ref.brief or ref.label, LABEL_CHARS),
            short(ref.issuer, LABEL_CHARS),
            line3,
            title,
            ref.href,
            ref.stub,
            ref.missing,
        )

    mid = box(None, cx, cy)
    boxes: list[Box] = []
    arrows: list[Arrow] = []
    for side, group in (("in", left), ("out", right)):
        top = (height - len(group) * (BOX_H + GAP) + GAP) / 2
        for k, n in enumerate(group):
            x = GAP if side == "in" else WIDTH - BOX_W - GAP
            b = box(n, x, top + k * (BOX_H + GAP))
            boxes.append(b)
            y = b.y + BOX_H / 2
            if side == "in":
                arrows.append(Arrow(b.x + BOX_W, y, cx, cy + BOX_H / 2))
            else:
                arrows.append(Arrow(cx + BOX_W, cy + BOX_H / 2, b.x, y))
    return NeighbourhoodView(
        neighbours,
        mid,
        tuple(boxes),
        tuple(arrows),
        WIDTH,
        int(height),
        len(neighbours) - len(left) - len(right),
    )
