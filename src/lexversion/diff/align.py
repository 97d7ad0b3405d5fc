"""Provision-aligned diff of two AKN expressions: :func:`compare`.

Provisions are those of :mod:`lexversion.akn.provisions`. Their likeness is
the Indel similarity of their word lists (``rapidfuzz.distance.Indel``, 0-1:
twice the longest common subsequence of words over the total length). The
thresholds were set on the corpus: unrelated provisions of the migration rules
score 0.05-0.20 (median 0.07), two wordings of one provision 0.3 and more.
Alignment, in this order:

1. **By eId.** Provisions with the same eId are the same provision when their
   texts are alike (>= :data:`KEEP`). An eId that differs only by the annex
   prefix (``att_1__chp_1__para_1`` and ``chp_1__para_1``: the rules printed as
   the annex of decision 2021/22 and as the body of the 2017/152 rules in their
   new edition) is tried next, the same way. A same-eId pair below
   :data:`FLOOR` is not the same provision.
2. **By content.** The provisions left, and the same-eId pairs scoring between
   :data:`FLOOR` and :data:`KEEP`, are paired best-first by score; a new pair
   needs :data:`MATCH`, a same-eId pair gets :data:`EID_BONUS` (it is kept
   unless a side finds a clearly better partner). This finds renumbered and
   moved provisions.
3. **Merged and split.** A provision still alone whose text reads almost
   verbatim (``fuzz.partial_ratio`` >= :data:`CONTAINED`, at least
   :data:`MIN_CONTAINED_CHARS` characters) inside a longer provision of the
   other side was merged into it (old side) or split from it (new side).

Within a pair the word-level changes are the edit opcodes of the two word
lists (``rapidfuzz.distance.Levenshtein.opcodes``, about 20-60 times faster
than ``difflib`` on these texts: ``bench/bench_diff.py``). A pair whose eIds
differ (the annex prefix aside) has *moved*: ``renumbered`` when its enclosing
provisions are paired with each other (or both are the top level),
``relocated`` otherwise. Same place and same number and wording is
*unchanged*, same place and another number or wording *changed*.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, cast

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel, Levenshtein

from lexversion.akn.provisions import Provision, read
from lexversion.diff.parts import comparable

KEEP = 0.35
FLOOR = 0.2
MATCH = 0.5
EID_BONUS = 0.1
CONTAINED = 90.0
MIN_CONTAINED_CHARS = 40
WORDS_SHARED = 0.8

STATUSES = ("added", "removed", "changed", "moved", "unchanged")
MOVES = ("renumbered", "relocated", "merged", "split")

_ATT = re.compile(r"^att_\d+__")

EditOp = tuple[str, int, int, int, int]
WordDiff = Callable[[Sequence[str], Sequence[str]], Iterable[EditOp]]
"""A word-level differ: two token lists -> opcodes ``(tag, i1, i2, j1, j2)`` with
``tag`` in ``equal``/``replace``/``insert``/``delete`` (the shape of
``difflib.SequenceMatcher.get_opcodes`` and rapidfuzz's ``Opcodes.as_list``)."""


def levenshtein_opcodes(a: Sequence[str], b: Sequence[str]) -> list[EditOp]:
    """The default :data:`WordDiff`: ``rapidfuzz.distance.Levenshtein.opcodes``."""
    return cast(list[EditOp], Levenshtein.opcodes(a, b).as_list())


@dataclass(frozen=True)
class ProvisionDiff:
    """One aligned provision.

    ``eid_old``/``eid_new`` are ``None`` on the side where it does not exist;
    ``status`` is one of :data:`STATUSES`; ``move`` (one of :data:`MOVES`) says
    what kind of move a ``moved`` provision made, else ``None``. ``ops`` is the
    word-level diff as ``(op, text)`` runs with ``op`` in ``equal``/``insert``/
    ``delete``: the ``equal`` and ``insert`` runs concatenated are exactly
    ``text_new``; the ``equal`` and ``delete`` runs are ``text_old`` but for
    whitespace (``equal`` runs carry the new text's spacing).
    """

    eid_old: str | None
    eid_new: str | None
    status: str
    label_old: str
    label_new: str
    text_old: str
    text_new: str
    ops: tuple[tuple[str, str], ...]
    move: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The ``provision`` object of ``schemas/diff.schema.json``."""
        return {
            "status": self.status,
            "move": self.move,
            "eid_old": self.eid_old,
            "eid_new": self.eid_new,
            "label_old": self.label_old,
            "label_new": self.label_new,
            "text_old": self.text_old,
            "text_new": self.text_new,
            "ops": [{"op": op, "text": text} for op, text in self.ops],
        }


@dataclass(frozen=True)
class Summary:
    """How many provisions have each status."""

    added: int
    removed: int
    changed: int
    moved: int
    unchanged: int

    def to_json(self) -> dict[str, int]:
        """The ``summary`` object of ``schemas/diff.schema.json``."""
        return {s: getattr(self, s) for s in STATUSES}


@dataclass(frozen=True)
class DiffResult:
    """A whole diff: ``provisions`` in reading order (the new text's order, a
    removed provision after the one that preceded it in the old text, a merged
    one after the provision it was merged into), its ``summary`` and both
    titles."""

    provisions: tuple[ProvisionDiff, ...]
    summary: Summary
    title_old: str = ""
    title_new: str = ""

    def to_json(self) -> dict[str, Any]:
        """``summary`` and ``provisions`` of ``schemas/diff.schema.json``."""
        return {
            "summary": self.summary.to_json(),
            "provisions": [p.to_json() for p in self.provisions],
        }


def compare(
    old_xml: bytes, new_xml: bytes, *, word_diff: WordDiff = levenshtein_opcodes
) -> DiffResult:
    """What changed from the AKN expression ``old_xml`` to ``new_xml``.

    Both are AKN 3.0 UTF-8 XML bytes (two expressions of one work, or two works
    in the same language); the provisions compared are those of
    :mod:`lexversion.akn.provisions` (editorial notes and database labels
    left out), narrowed by :func:`~lexversion.diff.parts.comparable` so that
    Rules meet Rules when one side is an annex's text. ``word_diff`` replaces the word-level differ (the benchmark
    passes a difflib one). Raises :class:`~lexversion.errors.InputError` when
    either side is not an AKN document.
    """
    old, new = comparable(read(old_xml), read(new_xml))
    pairs = align(old.provisions, new.provisions)
    diffs = _order(old.provisions, new.provisions, pairs, word_diff)
    counts = {s: 0 for s in STATUSES}
    for d in diffs:
        counts[d.status] += 1
    return DiffResult(tuple(diffs), Summary(**counts), old.title, new.title)


# -- alignment ------------------------------------------------------------------


@dataclass(frozen=True)
class Pair:
    """Indices of an aligned old and new provision (``None``: no partner) and,
    for merged/split provisions, the kind."""

    old: int | None
    new: int | None
    move: str | None = None


def align(old: Sequence[Provision], new: Sequence[Provision]) -> list[Pair]:
    """The pairs of old and new provisions (see the module doc for the rules),
    one per provision without a partner too; in no particular order."""

    def score(i: int, j: int) -> float:
        """Likeness (0-1) of old provision ``i`` and new provision ``j``."""
        if old[i].text == new[j].text:
            return 1.0
        s: float = Indel.normalized_similarity(old[i].words, new[j].words)
        return s

    pairs: dict[int, int] = {}  # old index -> new index
    weak: dict[tuple[int, int], float] = {}
    held_old: set[int] = set()
    held_new: set[int] = set()
    for key in (lambda e: e, lambda e: _ATT.sub("", e)):
        by_eid: dict[str, int] = {}
        for j, p in enumerate(new):
            if j not in held_new:
                by_eid.setdefault(key(p.eid), j)
        for i, p in enumerate(old):
            j = by_eid.get(key(p.eid), -1)
            if i in held_old or j < 0 or j in held_new:
                continue
            s = score(i, j)
            if s >= KEEP:
                pairs[i] = j
            elif s >= FLOOR:
                weak[(i, j)] = s
            held_old.add(i)
            held_new.add(j)

    used_new = set(pairs.values())
    free_old = [i for i in range(len(old)) if i not in pairs]
    free_new = [j for j in range(len(new)) if j not in used_new]
    candidates = [(s + EID_BONUS, i, j) for (i, j), s in weak.items()]
    if free_old and free_new:
        choices = [new[j].words for j in free_new]
        for i in free_old:
            for _, s, b in process.extract(
                old[i].words,
                choices,
                scorer=Indel.normalized_similarity,
                score_cutoff=MATCH,
                limit=None,
            ):
                if (i, free_new[b]) not in weak:
                    candidates.append((float(s), i, free_new[b]))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    for _, i, j in candidates:
        if i not in pairs and j not in used_new:
            pairs[i] = j
            used_new.add(j)

    lone_old = [i for i in range(len(old)) if i not in pairs]
    lone_new = [j for j in range(len(new)) if j not in used_new]
    return [Pair(i, j) for i, j in pairs.items()] + _contained(old, new, lone_old, lone_new)


def _contained(
    old: Sequence[Provision], new: Sequence[Provision], lone_old: list[int], lone_new: list[int]
) -> list[Pair]:
    """Pairs for unpaired provisions: merged into / split from a longer one, or alone.

    ``fuzz.partial_ratio`` is tried only where :data:`WORDS_SHARED` of the
    provision's distinct words occur in the longer one (a cheap necessary
    condition for reading almost verbatim inside it).
    """
    out: list[Pair] = []
    for lone, side, other, kind in ((lone_old, old, new, "merged"), (lone_new, new, old, "split")):
        for i in lone:
            text, mine = side[i].text, side[i].vocabulary
            best, best_j = 0.0, -1
            if len(text) >= MIN_CONTAINED_CHARS:
                for j, p in enumerate(other):
                    if len(p.text) <= len(text) or len(mine & p.vocabulary) < WORDS_SHARED * len(
                        mine
                    ):
                        continue
                    s = float(fuzz.partial_ratio(text, p.text, score_cutoff=CONTAINED))
                    if s > best:
                        best, best_j = s, j
            if best_j < 0:
                out.append(Pair(i, None) if kind == "merged" else Pair(None, i))
            elif kind == "merged":
                out.append(Pair(i, best_j, "merged"))
            else:
                out.append(Pair(best_j, i, "split"))
    return out


# -- word level -------------------------------------------------------------------


def word_ops(
    text_old: str, text_new: str, word_diff: WordDiff = levenshtein_opcodes
) -> tuple[tuple[str, str], ...]:
    """The word-level diff of two texts as ``(op, text)`` runs (see
    :class:`ProvisionDiff` for what they reassemble to).

    Adjacent non-equal opcodes form one change: its deleted words, then its
    inserted words. The space before a change stays outside it when both
    sides have it (or the change only inserts).
    """
    return _word_ops(Provision("", "", "", text_old), Provision("", "", "", text_new), word_diff)


def _word_ops(old: Provision, new: Provision, word_diff: WordDiff) -> tuple[tuple[str, str], ...]:
    if old.text == new.text:
        return (("equal", new.text),) if new.text else ()
    a, b = old.tokens, new.tokens
    runs: list[tuple[str, str]] = []
    gone: list[str] = []
    came: list[str] = []

    def add(op: str, text: str) -> None:
        """Append ``text`` as ``op``, joined to the last run when it has the same op."""
        if text:
            if runs and runs[-1][0] == op:
                runs[-1] = (op, runs[-1][1] + text)
            else:
                runs.append((op, text))

    def flush() -> None:
        """Emit the pending deletion and insertion (their shared leading space as equal)."""
        old_run, new_run = "".join(gone), "".join(came)
        space = new_run[: len(new_run) - len(new_run.lstrip())]
        if new_run and (not old_run or old_run.startswith(space)):
            add("equal", space)
            old_run, new_run = old_run[len(space) :], new_run[len(space) :]
        add("delete", old_run)
        add("insert", new_run)
        gone.clear()
        came.clear()

    for tag, i1, i2, j1, j2 in word_diff(old.words, new.words):
        if tag == "equal":
            flush()
            add("equal", "".join(b[j1:j2]))
        else:
            gone.extend(a[i1:i2])
            came.extend(b[j1:j2])
    flush()
    return tuple(runs)


# -- statuses and order ---------------------------------------------------------------


def _parent(eid: str, eids: set[str]) -> str:
    """The eId of the nearest enclosing provision (``""`` at the top)."""
    while "__" in eid:
        eid = eid.rpartition("__")[0]
        if eid in eids:
            return eid
    return ""


def _diff(
    old: Provision | None, new: Provision | None, move: str | None, wd: WordDiff
) -> ProvisionDiff:
    ops: tuple[tuple[str, str], ...]
    if new is None:
        assert old is not None
        ops = (("delete", old.text),) if old.text else ()
        return ProvisionDiff(old.eid, None, "removed", old.label, "", old.text, "", ops)
    if old is None:
        ops = (("insert", new.text),) if new.text else ()
        return ProvisionDiff(None, new.eid, "added", "", new.label, "", new.text, ops)
    ops = _word_ops(old, new, wd)
    if move:
        status = "moved"
    elif old.text == new.text and old.label == new.label:
        status = "unchanged"
    else:
        status = "changed"
    return ProvisionDiff(
        old.eid, new.eid, status, old.label, new.label, old.text, new.text, ops, move
    )


def _order(
    old: Sequence[Provision], new: Sequence[Provision], pairs: list[Pair], wd: WordDiff
) -> list[ProvisionDiff]:
    """Reading order: the new text's order; a removed provision after the entry
    of its nearest paired predecessor in the old text; a merged one after the
    provision it was merged into."""
    at_new: dict[int, Pair] = {}  # paired, split and added: one per new provision
    after: dict[int, list[Pair]] = {}  # new index (-1: before all) -> merged and removed
    for p in pairs:
        if p.new is not None and p.move != "merged":
            at_new[p.new] = p
        elif p.new is not None:
            after.setdefault(p.new, []).append(p)
    regular = {
        p.old: p.new for p in pairs if p.old is not None and p.new is not None and not p.move
    }
    removed = {p.old for p in pairs if p.new is None}
    last = -1
    for i in range(len(old)):
        if i in regular:
            last = regular[i]
        elif i in removed:
            after.setdefault(last, []).append(Pair(i, None))
    eids_old, eids_new = {p.eid for p in old}, {p.eid for p in new}
    partner = {old[i].eid: new[j].eid for i, j in regular.items() if j is not None}

    def move(p: Pair) -> str | None:
        """The kind of move of pair ``p`` (``renumbered``, ``relocated``, its own), or ``None``."""
        if p.move or p.old is None or p.new is None:
            return p.move
        a, b = old[p.old].eid, new[p.new].eid
        if _ATT.sub("", a) == _ATT.sub("", b):
            return None
        pa, pb = _parent(a, eids_old), _parent(b, eids_new)
        same = partner.get(pa) == pb if pa else not pb
        return "renumbered" if same or _ATT.sub("", pa) == _ATT.sub("", pb) else "relocated"

    seq = list(after.get(-1, []))
    for j in range(len(new)):
        seq.append(at_new[j])
        seq += after.get(j, [])
    return [
        _diff(
            old[p.old] if p.old is not None else None,
            new[p.new] if p.new is not None else None,
            move(p),
            wd,
        )
        for p in seq
    ]
