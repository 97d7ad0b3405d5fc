"""Addresses and short references of works, shared by the web app's views.

URLs follow the AKN naming convention (AKN-NC v1.0 section 5.2; Indigo's
point-in-time addressing): the work page of ``/akn/kz-19/act/decision/2017-12-15/26-129``
is at that very path; ``/kaz`` or ``/rus`` after it picks a language,
``:YYYY-MM-DD`` the date in force, ``@YYYY-MM-DD`` an exact expression and
``@`` the first one; a manifestation extension (``.xml``, ``.html``,
``.txt``, ``.pdf``) downloads it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from lexversion.akn.frbr import AKN_LANG
from lexversion.i18n import day
from lexversion.i18n import gettext as _
from lexversion.model import WorkRecord
from lexversion.store.repository import Store

#: manifestation extension -> (what it is, media type)
FORMATS: dict[str, tuple[str, str]] = {
    "xml": ("Akoma Ntoso XML", "application/akn+xml"),
    "html": ("HTML", "text/html; charset=utf-8"),
    "txt": ("plain text", "text/plain; charset=utf-8"),
    "pdf": ("PDF", "application/pdf"),
}
_MANIFESTATION = re.compile(r"^(?P<address>[^.]*)\.(?P<ext>[a-z]+)$")
STATUS_WORDS = {
    "in_force": "in force",
    "not_yet_in_force": "not yet in force",
    "in_force_not_applied": "in force, not yet put into effect",
    "repealed": "repealed",
    "unknown": "unknown",
}


def work_href(uri: str, on: date | None = None, lang: str | None = None) -> str:
    """The page of work ``uri`` as in force on ``on`` (default: today) in ``lang``."""
    out = uri + (f"/{AKN_LANG[lang]}" if lang in AKN_LANG else "")
    return out + (f":{on.isoformat()}" if on else "")


def split_manifestation(path: str) -> tuple[str, str | None]:
    """(address, extension or ``None``) of a request path: ``/akn/...:2019-06-01.pdf``
    -> (``/akn/...:2019-06-01``, ``pdf``). Work URIs and their suffixes hold no
    dot, so a dot can only open an extension; the caller checks it is one of
    :data:`FORMATS`."""
    m = _MANIFESTATION.match(path)
    if m is None:
        return path, None
    return m.group("address"), m.group("ext")


@dataclass(frozen=True)
class WorkRef:
    """Another work as a page mentions it: URI, ``label`` (issuer, date, number),
    ``title``, whether it is a ``stub`` (known only from citations) or
    ``missing`` from the store, its page, and ``brief`` (date and number) and
    ``issuer`` for tight spaces."""

    uri: str
    label: str
    title: str
    stub: bool
    missing: bool
    href: str
    brief: str = ""
    issuer: str = ""


#: act types the Republic itself issues (its laws and codes), which a citation
#: names without an issuing body ("Қазақстан Республикасының ... Заңы")
REPUBLIC_TYPES = frozenset({"law", "code", "constitution"})


def issuer_of(rec: WorkRecord) -> str:
    """The issuer a reader is shown: the stored one, else for a law or code of the
    Republic "Republic of Kazakhstan" in the reader's language, else ``""``."""
    if rec.issuer:
        return rec.issuer
    return _("Republic of Kazakhstan") if rec.act_type in REPUBLIC_TYPES else ""


def label_of(rec: WorkRecord) -> str:
    """``issuer, date № number`` of a work (what is known of it; the date as
    the reader writes it, :func:`lexversion.i18n.day`): how a stub, known only
    from the citations naming it, is titled."""
    parts = [issuer_of(rec), day(rec.date)]
    if rec.number:
        parts.append(f"№ {rec.number}")
    return " ".join(p for p in parts if p) or rec.frbr_uri


def brief_of(rec: WorkRecord) -> str:
    """``date № number`` of a work (its URI when neither is known)."""
    parts = [day(rec.date), f"№ {rec.number}" if rec.number else ""]
    return " ".join(p for p in parts if p) or rec.frbr_uri


def ref_of(rec: WorkRecord) -> WorkRef:
    """The :class:`WorkRef` of a stored work."""
    return WorkRef(
        rec.frbr_uri,
        label_of(rec),
        rec.title or "",
        rec.stub,
        False,
        rec.frbr_uri,
        brief_of(rec),
        rec.issuer or "",
    )


def work_ref(store: Store, uri: str) -> WorkRef:
    """The :class:`WorkRef` of ``uri``; a URI the store lacks is ``missing``."""
    return work_refs(store, (uri,))[uri]


def work_refs(store: Store, uris: Iterable[str]) -> dict[str, WorkRef]:
    """The :class:`WorkRef` of each of ``uris``, by URI, read in one query
    (:meth:`Store.works_by_uri`); a URI the store lacks is ``missing``, as in
    :func:`work_ref`."""
    found = store.works_by_uri(uris)
    return {
        u: ref_of(found[u]) if u in found else WorkRef(u, u, "", False, True, u, u, "")
        for u in sorted(set(uris))
    }


def short(text: str, n: int) -> str:
    """``text`` cut to at most ``n`` characters at a word boundary, with ``…``."""
    if len(text) <= n:
        return text
    cut = text[: n - 1].rsplit(" ", 1)[0]
    return (cut or text[: n - 1]) + "…"
