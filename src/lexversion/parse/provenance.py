"""What a text's derivation depends on besides the text (issue 16: reproducible builds).

The AKN of a corpus text is a function of its bytes and of the tools that read
them: lexversion's code, its vocabularies (``lang/kk``, ``lang/ru``: words,
bigrams, act types, phrases) and the optional hunspell dictionaries the repair
of split words asks (Debian ``hunspell-kk``, ``hunspell-ru``, read with spylls;
:mod:`lexversion.text.repair.vocabulary`). :func:`derivation` names them all
with content hashes; its :attr:`Derivation.fingerprint` is stored with every
expression, so a build re-derives the texts an upgrade, an edited vocabulary or
a newly installed dictionary would change, and the store can say which
dictionaries built each text.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import cache
from importlib import metadata, resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from lexversion.text.repair.vocabulary import hunspell_dir, hunspell_files

#: the subpackages whose code decides a text's AKN (app, cli, store, web do not)
DERIVING = ("akn", "graph", "lang", "model", "parse", "text", "timeline")
LANGS = ("kk", "ru")


@dataclass(frozen=True, slots=True)
class Derivation:
    """What derived a text: lexversion's ``version``, a hash of the ``code`` of
    the deriving subpackages (:data:`DERIVING`), a hash per ``vocabularies``
    file of ``lang/`` and a hash per hunspell dictionary (``None``: not installed)."""

    version: str
    code: str
    vocabularies: tuple[tuple[str, str], ...]
    dictionaries: tuple[tuple[str, str | None], ...]

    def to_json(self) -> dict[str, Any]:
        """A JSON object of the fields (what the store keeps in ``derivations``)."""
        return {
            "version": self.version,
            "code": self.code,
            "vocabularies": dict(self.vocabularies),
            "dictionaries": dict(self.dictionaries),
        }

    @property
    def fingerprint(self) -> str:
        """SHA-256 of :meth:`to_json` (sorted keys): equal fingerprints, equal texts."""
        blob = json.dumps(self.to_json(), sort_keys=True).encode()
        return hashlib.sha256(blob).hexdigest()

    def missing(self) -> tuple[str, ...]:
        """The dictionaries not installed (their texts were repaired without them)."""
        return tuple(name for name, digest in self.dictionaries if digest is None)


def _files(root: Traversable, prefix: str) -> list[tuple[str, Traversable]]:
    out: list[tuple[str, Traversable]] = []
    for item in root.iterdir():
        name = f"{prefix}/{item.name}"
        if item.is_dir():
            if item.name != "__pycache__":
                out += _files(item, name)
        elif item.name.endswith((".py", ".tsv", ".json", ".txt")):
            out.append((name, item))
    return out


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def derivation() -> Derivation:
    """The :class:`Derivation` of this process (computed once per dictionary
    directory, :func:`lexversion.text.repair.vocabulary.hunspell_dir`: a few
    hundred small files and the installed dictionaries, read and hashed)."""
    return _derivation(hunspell_dir())


@cache
def _derivation(_directory: Path) -> Derivation:
    try:
        version = metadata.version("lexversion")
    except metadata.PackageNotFoundError:  # pragma: no cover - run from a source tree
        version = "unknown"
    package = resources.files("lexversion")
    code = hashlib.sha256()
    vocabularies: list[tuple[str, str]] = []
    for sub in DERIVING:
        for name, item in sorted(_files(package / sub, sub)):
            data = item.read_bytes()
            code.update(name.encode() + b"\0" + data + b"\0")
            if sub == "lang" and not name.endswith(".py"):
                vocabularies.append((name, _digest(data)))
    dictionaries: list[tuple[str, str | None]] = []
    for lang in LANGS:
        files = hunspell_files(lang)
        name = files[-1].stem if files else f"hunspell-{lang}"
        joined = b"".join(f.read_bytes() for f in files)
        dictionaries.append((name, _digest(joined) if files else None))
    return Derivation(version, code.hexdigest(), tuple(vocabularies), tuple(dictionaries))


__all__ = ["DERIVING", "Derivation", "derivation"]
