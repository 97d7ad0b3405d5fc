"""A build's warnings about a work's texts, in the reader's language (issue 13, items 2 and 9).

The store keeps each :class:`~lexversion.model.WarningRecord` as a code and
the words of its message; this module says it through the catalogs (the same
message in ``build``'s output, ``show``, the JSON and the web pages), so a
Kazakh or Russian reader reads it in the words the acts use.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from lexversion.i18n import DEFAULT, N_, day, term, using
from lexversion.i18n import gettext as _
from lexversion.model import WarningRecord
from lexversion.render.labels import provision_label

#: the message of each warning code (placeholders: the record's params)
MESSAGES = {
    "duplicate_text": N_(
        "{other} is a copy of {kept} (similarity {similarity} %): the text is stored once, "
        "both files kept as its sources"
    ),
    "conflicting_text": N_(
        "{other} and {kept} are two different texts of the same version (similarity "
        "{similarity} %): the text of {kept} is stored, that of {other} is not"
    ),
    "effect_text_mismatch": N_(
        'the recorded effect and the text disagree: "{old}" is recorded as replaced by '
        '"{new}" throughout ({by}), yet the text still has "{old}" in {where}'
    ),
    "not_consolidated": N_(
        "the {language} text is not consolidated: the {change} by {by}, in force from "
        "{since}, is not applied to it ({why})"
    ),
}


def _why(values: dict[str, str]) -> str:
    """Why a text lacks a change: the languages whose texts have it, or none."""
    done = [x for x in values.get("applied_in", "").split(",") if x]
    if done:
        langs = ", ".join(term(x) for x in done)
        return _("the corpus has it in the {languages} text only").format(languages=langs)
    return _("no text of the corpus applies it")


def warning_text(w: WarningRecord) -> str:
    """The message of ``w`` in the reader's language (an unknown code: the
    code and its params as they are)."""
    values = w.values
    message = MESSAGES.get(w.code)
    if message is None:
        return f"{w.code}: {values}"
    words = dict(values)
    if "where" in values:
        words["where"] = "; ".join(provision_label(e) for e in values["where"].split(", ") if e)
    if w.code == "not_consolidated":
        words |= {
            "language": term(values.get("lang", "")),
            "change": term(values.get("type", "")),
            "since": day(date.fromisoformat(values["since"])) if values.get("since") else "?",
            "why": _why(values),
        }
    try:
        return _(message).format(**words)
    except (KeyError, IndexError, ValueError):
        return f"{w.code}: {values}"


def applies_on(w: WarningRecord, on: date) -> bool:
    """Whether ``w`` concerns the text on ``on``: a missing change only from
    the day it takes force, every other warning always."""
    since = w.values.get("since")
    return w.code != "not_consolidated" or not since or date.fromisoformat(since) <= on


def warning_json(w: WarningRecord) -> dict[str, Any]:
    """``{code, expression, message, params}``: the warning as ``show`` and the
    API print it, the message in English whatever the reader's language (the
    JSON is data: the same answer in every language, like its notes; the
    code and params are what a reader's interface translates)."""
    with using(DEFAULT):
        message = warning_text(w)
    return {"code": w.code, "expression": w.expression, "message": message, "params": w.values}


__all__ = ["MESSAGES", "applies_on", "warning_json", "warning_text"]
