"""Provision-aligned diff of two AKN expressions: :func:`compare`.

Alignment, in this order (the thresholds are rapidfuzz ``fuzz.ratio`` scores,
0-100, chosen on the corpus: two wordings of one provision score 55 or more,
unrelated provisions of the migration rules 25-50):

1. **By eId.** Provisions with the same eId are the same provision when their
   texts are alike (score >= :data:`KEEP`). An eId that differs only by the
   annex prefix (``att_1__chp_1__para_1`` and ``chp_1__para_1``: the rules
   printed as an annex in one act and as the body of its new edition in
   another, seeds 001 and the consolidated 2017/152) is tried next, the same way.
2. **By content.** The provisions left over, and the same-eId pairs whose texts
   are not alike, are paired best-first by score (>= :data:`MATCH`); a
   same-eId pair is kept unless both of its sides find a better partner
   (it gets :data:`EID_BONUS`). This finds renumbered and moved provisions.
3. **Merged and split.** A provision still without a partner whose text reads,
   almost verbatim, inside a longer provision of the other side
   (``fuzz.partial_ratio`` >= :data:`CONTAINED`) was merged into it (old side)
   or split from it (new side).

Within a pair, the word-level changes are the edit opcodes of the two token
lists (``rapidfuzz.distance.Levenshtein.opcodes``; a token is a word or a run
of punctuation with the whitespace before it, compared without that
whitespace). A pair whose eIds differ is *moved* (``renumbered`` when only the
last eId component differs, ``relocated`` otherwise); same place and same
wording is *unchanged*, same place and other wording *changed*.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from lexversion.diff.provisions import Provision, read

KEEP = 50.0
MATCH = 60.0
EID_BONUS = 10.0
CONTAINED = 90.0
MIN_CONTAINED_CHARS = 40

STATUSES = ("added", "removed", "changed", "moved", "unchanged")
MOVES = ("renumbered", "relocated", "merged", "split")

_TOKEN = re.compile(r"\s*(?:\w+|[^\w\s]+)|\s+")
_ATT = re.compile(r"^att_\d+__")

Opcode = tuple[str, int, int, int, int]
WordDiff = Callable[[Sequence[str], Sequence[str]], Iterable[Opcode]]
"""A word-level differ: two token lists -> opcodes ``(tag, i1, i2, j1, j2)`` with
``tag`` in ``equal``/``replace``/``insert``/``delete`` (the shape of
``difflib.SequenceMatcher.get_opcodes`` and rapidfuzz's ``Opcodes.as_list``)."""


def levenshtein_opcodes(a: Sequence[str], b: Sequence[str]) -> list[Opcode]:
    """The default :data:`WordDiff`: ``rapidfuzz.distance.Levenshtein.opcodes``."""
    ops: list[Opcode] = Levenshtein.opcodes(a, b).as_list()
    return ops


@dataclass(frozen=True)
class ProvisionDiff:
    """One aligned provision.

    ``eid_old``/``eid_new`` are ``None`` on the side where it does not exist;
    ``status`` is one of :data:`STATUSES`; ``move`` (one of :data:`MOVES`) says
    what kind of move a ``moved`` provision made, else ``None``. ``ops`` is the
    word-level diff as ``(op, text)`` runs with ``op`` in ``equal``/``insert``/
    ``delete``: the ``equal`` and ``insert`` runs concatenated are exactly
    ``text_new``; the ``equal`` and ``delete`` runs are ``text_old`` up to
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
    :mod:`lexversion.diff.provisions` (editorial notes and database labels
    left out). ``word_diff`` replaces the word-level differ (the benchmark
    passes a difflib one). Raises :class:`~lexversion.errors.InputError` when
    either side is not an AKN document.
    """
    old, new = read(old_xml), read(new_xml)
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


def _score(a: str, b: str) -> float:
    if a == b:
        return 100.0
    s: float = fuzz.ratio(a, b)
    return s


def align(old: Sequence[Provision], new: Sequence[Provision]) -> list[Pair]:
    """The pairs of old and new provisions (see the module doc for the rules),
    unpaired ones included; in no particular order."""
    pairs: dict[int, int] = {}  # old index -> new index
    weak: dict[tuple[int, int], float] = {}
    for key in (lambda e: e, lambda e: _ATT.sub("", e)):
        by_eid: dict[str, int] = {}
        for j, p in enumerate(new):
            if j not in pairs.values() and not any(j == w[1] for w in weak):
                by_eid.setdefault(key(p.eid), j)
        taken_new = set(pairs.values()) | {w[1] for w in weak}
        for i, p in enumerate(old):
            if i in pairs or any(i == w[0] for w in weak):
                continue
            j = by_eid.get(key(p.eid), -1)
            if j < 0 or j in taken_new:
                continue
            s = _score(p.text, new[j].text)
            if s >= KEEP:
                pairs[i] = j
            else:
                weak[(i, j)] = s
            taken_new.add(j)

    free_old = [i for i in range(len(old)) if i not in pairs]
    used_new = set(pairs.values())
    free_new = [j for j in range(len(new)) if j not in used_new]
    candidates: list[tuple[float, int, int]] = [(s + EID_BONUS, i, j) for (i, j), s in weak.items()]
    if free_old and free_new:
        matrix = process.cdist(
            [old[i].text for i in free_old],
            [new[j].text for j in free_new],
            scorer=fuzz.ratio,
            score_cutoff=MATCH,
        )
        for a, i in enumerate(free_old):
            for b, j in enumerate(free_new):
                s = float(matrix[a][b])
                if s >= MATCH and (i, j) not in weak:
                    candidates.append((s, i, j))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    for _, i, j in candidates:
        if i not in pairs and j not in used_new:
            pairs[i] = j
            used_new.add(j)

    out = [Pair(i, j) for i, j in pairs.items()]
    lone_old = [i for i in range(len(old)) if i not in pairs]
    lone_new = [j for j in range(len(new)) if j not in used_new]
    out += _contained(old, new, lone_old, lone_new)
    return out


def _contained(
    old: Sequence[Provision], new: Sequence[Provision], lone_old: list[int], lone_new: list[int]
) -> list[Pair]:
    """Pairs for unpaired provisions: merged into / split from a longer one, or alone."""
    out: list[Pair] = []
    for lone, side, other, kind in ((lone_old, old, new, "merged"), (lone_new, new, old, "split")):
        for i in lone:
            text = side[i].text
            best, best_j = 0.0, -1
            if len(text) >= MIN_CONTAINED_CHARS:
                for j, p in enumerate(other):
                    if len(p.text) > len(text):
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


def tokens(text: str) -> list[str]:
    """``text`` cut into tokens that concatenate back to it: each a word or a run
    of punctuation with the whitespace before it."""
    return _TOKEN.findall(text)


def word_ops(
    text_old: str, text_new: str, word_diff: WordDiff = levenshtein_opcodes
) -> tuple[tuple[str, str], ...]:
    """The word-level diff of two texts as ``(op, text)`` runs (see
    :class:`ProvisionDiff` for what they reassemble to)."""
    if text_old == text_new:
        return (("equal", text_new),) if text_new else ()
    a, b = tokens(text_old), tokens(text_new)
    ka, kb = [t.lstrip() for t in a], [t.lstrip() for t in b]
    runs: list[tuple[str, str]] = []

    def add(op: str, text: str) -> None:
        if not text:
            return
        if runs and runs[-1][0] == op:
            runs[-1] = (op, runs[-1][1] + text)
        else:
            runs.append((op, text))

    for tag, i1, i2, j1, j2 in word_diff(ka, kb):
        if tag == "equal":
            add("equal", "".join(b[j1:j2]))
            continue
        old_run, new_run = "".join(a[i1:i2]), "".join(b[j1:j2])
        space = new_run[: len(new_run) - len(new_run.lstrip())]
        if new_run and (tag == "insert" or old_run.startswith(space)):
            # keep the space before a change outside the marks (new text unchanged)
            add("equal", space)
            old_run, new_run = (
                old_run[len(space) :] if tag != "insert" else "",
                new_run[len(space) :],
            )
        add("delete", old_run)
        add("insert", new_run)
    return tuple(runs)


# -- statuses and order ---------------------------------------------------------------


def _move(eid_old: str, eid_new: str) -> str | None:
    a, b = _ATT.sub("", eid_old), _ATT.sub("", eid_new)
    if a == b:
        return None
    return "renumbered" if a.rpartition("__")[0] == b.rpartition("__")[0] else "relocated"


def _diff(
    old: Provision | None, new: Provision | None, move: str | None, wd: WordDiff
) -> ProvisionDiff:
    if new is None:
        assert old is not None
        ops = (("delete", old.text),) if old.text else ()
        return ProvisionDiff(old.eid, None, "removed", old.label, "", old.text, "", ops)
    if old is None:
        ops = (("insert", new.text),) if new.text else ()
        return ProvisionDiff(None, new.eid, "added", "", new.label, "", new.text, ops)
    ops = word_ops(old.text, new.text, wd)
    move = move or _move(old.eid, new.eid)
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
    """Reading order: new order; removed after their old predecessor's entry;
    merged after the provision they were merged into."""
    by_new: dict[int, Pair] = {p.new: p for p in pairs if p.new is not None and p.move != "merged"}
    after_new: dict[int, list[Pair]] = {}
    for p in pairs:
        if p.move == "merged":
            assert p.new is not None
            after_new.setdefault(p.new, []).append(p)
    old_to_new = {
        p.old: p.new for p in pairs if p.old is not None and p.new is not None and not p.move
    }
    removed_after: dict[int, list[Pair]] = {}  # new index (-1: start) -> removed old provisions
    last = -1
    for i in range(len(old)):
        j = old_to_new.get(i)
        if j is not None:
            last = j
        elif not any(p.old == i for p in pairs if p.move == "merged"):
            removed_after.setdefault(last, []).append(Pair(i, None))
    seq: list[Pair] = removed_after.get(-1, [])[:]
    for j in range(len(new)):
        seq.append(by_new.get(j, Pair(None, j)))
        seq += after_new.get(j, [])
        seq += removed_after.get(j, [])
    return [
        _diff(
            old[p.old] if p.old is not None else None,
            new[p.new]
            if p.new is not None and p.move != "merged" or p.move == "merged" and p.new is not None
            else None,
            p.move,
            wd,
        )
        for p in seq
    ]
