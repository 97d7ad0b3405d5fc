"""``schemas/document.schema.json`` documents what ``lexversion.akn.json.document_json`` returns."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from lexversion.akn.build import document_to_akn
from lexversion.akn.json import document_json
from lexversion.model import Document
from lexversion.parse import parse
from lexversion.render.text import document_text
from tests.conftest import REPO_ROOT, corpus_file

SCHEMA_PATH = REPO_ROOT / "schemas" / "document.schema.json"


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def _messages(validator: Draft202012Validator, obj: Any) -> list[str]:
    return [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(obj)
    ]


def _described(node: Any, path: str = "#") -> Iterator[str]:
    """Paths of every property schema that lacks a description (if/then constraints aside)."""
    if isinstance(node, dict):
        for name, sub in node.get("properties", {}).items():
            if isinstance(sub, dict) and "description" not in sub and "$ref" not in sub:
                yield f"{path}/properties/{name}"
        for key, sub in node.items():
            if key not in ("if", "then", "else"):
                yield from _described(sub, f"{path}/{key}")
    elif isinstance(node, list):
        for i, sub in enumerate(node):
            yield from _described(sub, f"{path}/{i}")


def test_schema_describes_every_field() -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert list(_described(schema)) == []
    assert "description" in schema
    for name in schema["properties"]:
        assert "description" in schema["properties"][name], name


def test_schema_requires_the_documented_fields() -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert set(schema["required"]) >= {
        "lang", "title", "act_type", "issuer", "date", "number", "registration",
        "status", "repealed_by", "frbr", "notes", "events", "warnings",
    }  # fmt: skip
    event = schema["$defs"]["event"]
    assert set(event["required"]) >= {"type", "date", "certainty", "basis"}
    assert event["properties"]["certainty"]["enum"] == [
        "stated",
        "computed",
        "estimated",
        "unknown",
    ]


def test_corpus_json_validates(doc: Document, validator: Draft202012Validator) -> None:
    obj = json.loads(json.dumps(document_json(doc), ensure_ascii=False))  # JSON-ready as returned
    assert _messages(validator, obj) == []


@pytest.mark.parametrize("seed", ["000", "001"])
def test_header_only_document_json_validates(seed: str, validator: Draft202012Validator) -> None:
    lines = corpus_file(seed).read_text(encoding="utf-8").split("\n")
    header = "\n".join(lines[: 8 if seed == "000" else 10])  # title, status, requisites
    obj = document_json(parse(header, "header.txt"))
    assert obj["structure"]["points"] == 0
    assert _messages(validator, obj) == []


def _mutations(obj: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    def mutated(change: Any) -> dict[str, Any]:
        new = copy.deepcopy(obj)
        change(new)
        return new

    yield "certainty guessed", mutated(lambda o: o["events"][0].update(certainty="guessed"))
    yield "event without basis", mutated(lambda o: o["events"][0].pop("basis"))
    yield (
        "estimate shown as a date",
        mutated(lambda o: o["events"][0].update(certainty="estimated", earliest=None, latest=None)),
    )
    yield "lang en", mutated(lambda o: o.update(lang="en"))
    yield "no title", mutated(lambda o: o.pop("title"))
    yield "date not ISO", mutated(lambda o: o.update(date="15.12.2017"))
    yield "impossible date", mutated(lambda o: o.update(date="2017-02-31"))
    yield "region not ISO 3166-2", mutated(lambda o: o.update(region="Almaty"))
    yield "undocumented field", mutated(lambda o: o.update(guess=True))
    yield "status unknown word", mutated(lambda o: o.update(status="cancelled"))
    yield "warnings not strings", mutated(lambda o: o.update(warnings=[1]))


def test_mutated_objects_fail(
    parsed: Callable[[Path], Document], validator: Draft202012Validator
) -> None:
    obj = document_json(parsed(corpus_file("000")))
    assert _messages(validator, obj) == []
    for name, bad in _mutations(obj):
        assert _messages(validator, bad), f"schema accepts a mutated object: {name}"


@pytest.mark.parametrize(
    ("method", "function"),
    [("to_akn", document_to_akn), ("to_json", document_json), ("to_text", document_text)],
)
def test_deprecated_document_methods_warn_and_agree(
    method: str, function: Any, parsed: Callable[[Path], Document]
) -> None:
    """``Document.to_akn/to_json/to_text`` keep working for one release, with a warning."""
    doc = parsed(corpus_file("002"))
    with pytest.warns(DeprecationWarning, match=f"Document.{method}"):
        old = getattr(doc, method)()
    assert old == function(doc)
