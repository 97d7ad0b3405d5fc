"""Parse fuzz (issue 16, item 3): mutated corpus files through parse and the AKN
projection, each AKN validated against the official XSD; prints the counts.

A mutation deletes one to five printed lines, inserts a character (C0 controls
XML cannot carry, U+FFFE/U+FFFF, a lone surrogate, Cyrillic letters,
punctuation), duplicates a line, truncates the file or puts a stray 0xFF byte
into its UTF-8 bytes; one to four per run, from a seeded ``random.Random``, so a
run is repeatable. Every run ends in one of: ``refused`` (a one-line
:class:`~lexversion.errors.InputError`), ``valid`` (the AKN validates),
``invalid`` (it does not) or ``crash`` (any other exception); the script exits
1 unless every parsed run is valid and none crashed.

The property test ``tests/akn/test_fuzz.py`` checks the same with hypothesis.
A script, not a test: ``python bench/fuzz_parse.py [runs] [seed]``.
"""

from __future__ import annotations

import random
import sys
import time
from collections import Counter
from pathlib import Path

from lexversion.akn.build import document_to_akn
from lexversion.akn.validate import errors
from lexversion.errors import InputError
from lexversion.parse import parse

CORPUS = sorted((Path(__file__).resolve().parent.parent / "corpus").glob("*.txt"))
CHARS = [
    "\x00", "\x01", "\x08", "\x0b", "\x0c", "\x1b", "\x1f", "\ufffe", "\uffff",
    "\ud800", "\t", "\r", "\x7f", "\x85", "\u2028", "а", "қ", "1", ".", "№", " ",
]  # fmt: skip


def mutate(text: str, rnd: random.Random) -> str | bytes:
    """``text`` with one to four random mutations; bytes when a stray byte went in."""
    lines = text.split("\n")
    stray = False
    for _ in range(rnd.randint(1, 4)):
        op = rnd.choice(["delete", "insert", "insert", "truncate", "duplicate", "byte"])
        i = rnd.randrange(len(lines))
        if op == "delete" and len(lines) > 1:
            del lines[i : i + rnd.randint(1, 5)]
            lines = lines or [""]
        elif op == "insert":
            j = rnd.randint(0, len(lines[i]))
            lines[i] = lines[i][:j] + rnd.choice(CHARS) + lines[i][j:]
        elif op == "truncate":
            flat = "\n".join(lines)
            lines = flat[: rnd.randint(0, len(flat))].split("\n")
        elif op == "duplicate":
            lines.insert(rnd.randrange(len(lines) + 1), lines[i])
        elif op == "byte":
            stray = True
    out = "\n".join(lines)
    if not stray:
        return out
    data = bytearray(out.encode("utf-8", "surrogatepass"))
    at = rnd.randrange(len(data) + 1)
    data[at:at] = b"\xff"
    return bytes(data)


def main(runs: int, seed: int) -> int:
    texts = [p.read_text(encoding="utf-8") for p in CORPUS]
    rnd = random.Random(seed)
    counts: Counter[str] = Counter()
    first: dict[str, str] = {}
    start = time.perf_counter()
    for _ in range(runs):
        data = mutate(rnd.choice(texts), rnd)
        try:
            doc = parse(data, "fuzz.txt")
            problems = errors(document_to_akn(doc))
        except InputError:
            counts["refused"] += 1
            continue
        except Exception as exc:  # counting crashes is the point
            counts["crash"] += 1
            first.setdefault("crash", f"{type(exc).__name__}: {exc}")
            continue
        if problems:
            counts["invalid"] += 1
            first.setdefault("invalid", problems[0])
        else:
            counts["valid"] += 1
    parsed = counts["valid"] + counts["invalid"] + counts["crash"]
    share = 100 * counts["valid"] / parsed if parsed else 100.0
    print(
        f"{runs} runs (seed {seed}) in {time.perf_counter() - start:.0f} s: "
        f"{counts['refused']} refused, {parsed} parsed, {counts['valid']} XSD-valid "
        f"({share:.2f}%), {counts['invalid']} invalid, {counts['crash']} crashed"
    )
    for kind, message in first.items():
        print(f"first {kind}: {message}")
    return 0 if counts["valid"] == parsed else 1


if __name__ == "__main__":
    sys.exit(
        main(
            int(sys.argv[1]) if len(sys.argv) > 1 else 1000,
            int(sys.argv[2]) if len(sys.argv) > 2 else 16,
        )
    )
