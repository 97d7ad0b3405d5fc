"""eIds after the AKN naming convention (AKN-NC v1.0, section 4.8): one home for every rule.

An eId is a path of *parts* joined by ``__`` (AKN-NC 4.8.1), outermost first:
``att_1__chp_2__para_3__point_а``. A part is the element's prefix (the table
:data:`PREFIX`, as Indigo's and bluebell's ``IdGenerator`` name them) and, after
``_``, its number cleaned by :func:`clean_num` (AKN-NC 4.8.2: "5.1." -> ``5-1``)
or, for an unnumbered element, its ordinal among its siblings of that element
(AKN-NC 4.8.3). Two siblings that would share a part get ``-2``, ``-3`` ... after
the second and later (:func:`unique`). A few parts carry no number: the top-level
containers ``preface``, ``preamble``, ``conclusions`` and the ``intro`` of a list.

References inside ``meta`` (AKN-NC 4.8.4) use the same ``prefix_n`` form without a
parent: ``e_1`` (an ``eventRef``), ``tg_1`` (a ``temporalGroup``), ``amod_1``/``pmod_1`` (a ``textualMod``),
``pref_1``/``aref_1`` (a ``passiveRef``/``activeRef``), ``role_1``/``person_1``
(a ``TLCRole``/``TLCPerson``, and the ``role``/``person`` of a signature under
its container: ``conclusions__role_1``).

Every function here is pure and never raises on text it is given, unless said.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Separator between a parent's eId and a child's part (AKN-NC 4.8.1).
SEP = "__"

#: Element name -> eId prefix (AKN-NC 4.8.2 and its table of abbreviations).
PREFIX: dict[str, str] = {
    # hierarchy
    "chapter": "chp",
    "section": "sec",
    "subsection": "subsec",
    "paragraph": "para",
    "point": "point",
    "hcontainer": "hcontainer",
    # blocks
    "blockList": "list",
    "item": "item",
    "listIntroduction": "intro",
    "table": "table",
    "note": "note",
    "blockContainer": "container",
    "container": "container",
    "embeddedStructure": "embeddedStructure",
    # annexes and top-level parts
    "attachment": "att",
    "preface": "preface",
    "preamble": "preamble",
    "conclusions": "conclusions",
    # inline and meta
    "role": "role",
    "person": "person",
    "eventRef": "e",
    "temporalGroup": "tg",
    "activeModification": "amod",
    "passiveModification": "pmod",
    "passiveRef": "pref",
    "activeRef": "aref",
    "old": "old",
    "new": "new",
}

#: Parts that stand alone, without ``_<number>``: the top-level containers, a
#: list's intro, and the one ``blockContainer`` around a table (``<table>__container``).
UNNUMBERED = frozenset({"preface", "preamble", "conclusions", "intro", "container"})

#: Prefixes of the hierarchy the version graph and effects address by number.
HIERARCHY = ("chapter", "section", "subsection", "paragraph", "point")

_NON_WORD = re.compile(r"[^\w]+")
_DIGITS = re.compile(r"\d+")
_PART = re.compile(r"^(?P<prefix>[A-Za-z]+)(?:_(?P<key>[^_].*))?$")


@dataclass(frozen=True, slots=True)
class Part:
    """One ``__``-separated part of an eId: ``prefix`` and ``key`` (``""`` for
    the unnumbered parts of :data:`UNNUMBERED`)."""

    prefix: str
    key: str = ""

    def __str__(self) -> str:
        return f"{self.prefix}_{self.key}" if self.key else self.prefix


def clean_num(num: str) -> str:
    """The eId key of a printed number (AKN-NC 4.8.2): its digit runs joined by
    ``-`` ("1-тарау." -> ``1``, "5.1." -> ``5-1``, "3-1." -> ``3-1``, "1)" -> ``1``),
    else its letters lower-cased with punctuation dropped ("А)" -> ``а``,
    "б." -> ``б``); ``nn`` (not numbered) when nothing is left."""
    digits = _DIGITS.findall(num)
    if digits:
        return "-".join(digits)
    key = _NON_WORD.sub("-", num.strip().rstrip(".)")).strip("-").lower()
    return key or "nn"


def part(element: str, key: str | int = "") -> str:
    """The part of ``element`` (a key of :data:`PREFIX`) numbered ``key``:
    ``part("paragraph", "3")`` -> ``para_3``. Raises ``KeyError`` for an
    element without a prefix."""
    prefix = PREFIX[element]
    return f"{prefix}_{key}" if key != "" else prefix


def join(parent: str, child: str) -> str:
    """``child`` under ``parent`` (AKN-NC 4.8.1): ``parent__child``; ``child``
    alone when ``parent`` is empty (the body's children are top-level)."""
    return f"{parent}{SEP}{child}" if parent else child


def child(parent: str, element: str, key: str | int = "") -> str:
    """:func:`join` of ``parent`` and :func:`part`: ``child("att_1", "table", 2)``
    -> ``att_1__table_2``."""
    return join(parent, part(element, key))


def unique(base: str, seen: dict[str, int]) -> str:
    """``base`` the first time, ``base-2``, ``base-3`` ... after (two siblings
    printed with one number, AKN-NC 4.8.3); counts in ``seen``, which it updates."""
    seen[base] = seen.get(base, 0) + 1
    return base if seen[base] == 1 else f"{base}-{seen[base]}"


def split(eid: str) -> tuple[Part, ...]:
    """The parts of ``eid``, outermost first. Raises ``ValueError`` for a part
    that is neither ``prefix_key`` nor one of :data:`UNNUMBERED`."""
    out = []
    for piece in eid.split(SEP):
        m = _PART.match(piece)
        if m is None or (m.group("key") is None and piece not in UNNUMBERED):
            raise ValueError(f"not an AKN eId part: {piece!r} in {eid!r}")
        out.append(Part(m.group("prefix"), m.group("key") or ""))
    return tuple(out)


def compose(parts: tuple[Part, ...]) -> str:
    """The eId of ``parts``, outermost first (the inverse of :func:`split`)."""
    return SEP.join(str(p) for p in parts)


def before(eid: str, element: str) -> str:
    """``eid`` up to its first part of ``element``: ``before("x__para_2", "paragraph")``
    -> ``x``; ``eid`` itself when it has none."""
    return eid.split(f"{SEP}{PREFIX[element]}_")[0]


def rebase(eid: str, old: str, new: str) -> str:
    """``eid`` moved from under ``old`` to under ``new`` (``""``: to the top);
    an eId not starting with ``old`` is returned unchanged."""
    if not eid.startswith(old):
        return eid
    rest = eid[len(old) :].lstrip("_")
    return join(new, rest) if new and rest else (new or rest)


def provision(parent: str, element: str, num: str) -> str:
    """The eId the convention gives the ``element`` numbered ``num`` under
    ``parent`` (``""`` or ``body``: the top), dots of ``num`` made ``-``."""
    top = "" if parent in {"", "body"} else parent
    prefix = PREFIX[element] if element in HIERARCHY else PREFIX["paragraph"]
    return join(top, f"{prefix}_{num.replace('.', '-')}")
