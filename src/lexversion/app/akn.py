"""Akoma Ntoso that is valid or refused (issue 16, principle 1).

:func:`checked_akn` projects a :class:`~lexversion.model.Document` to AKN 3.0 and
validates it against the official XSD (:mod:`lexversion.akn.validate`): an
output that fails is a defect of lexversion, reported as an
:class:`~lexversion.errors.InternalError` and never written. The check costs about
a millisecond per document once the schema is compiled.
"""

from __future__ import annotations

from datetime import date

from lexversion.akn.build import document_to_akn
from lexversion.akn.validate import errors
from lexversion.errors import InternalError
from lexversion.model import Document


def checked_akn(doc: Document, expression_date: str | date | None = None) -> bytes:
    """``doc`` as AKN 3.0 XML bytes (:func:`~lexversion.akn.build.document_to_akn`),
    checked against the official XSD. Raises :class:`InternalError` (exit code
    70) naming the document and the first schema error when it does not validate."""
    xml = document_to_akn(doc, expression_date)
    problems = errors(xml)
    if problems:
        raise InternalError(
            f"{doc.source}: internal error: the Akoma Ntoso output fails the official XSD "
            f"({problems[0]}; {len(problems)} error(s)); nothing written, please report it"
        )
    return xml
