"""Which language's text a page shows, and what the reader is told about it.

An explicit choice (the ``text`` parameter, or the address's ``/kaz``,
``/rus``) is strict: a text not held is not shown, and the answer says why
(:func:`lexversion.app.query.answer`).
A preference (``?lang=kk``, or the interface language:
:func:`lexversion.web.i18n.preferred_text`) is soft: the text in that language
where the act has one, else the act's own (:func:`lexversion.timeline.pit`'s
default, the corpus text's language, Kazakh first), with a notice saying the
text asked for is not in the corpus (:data:`NO_TEXT`).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from lexversion.i18n import N_
from lexversion.i18n import gettext as _

#: the notice when the preferred language's text is not held, by that language
NO_TEXT = {
    "kk": N_("This act has no Kazakh text in the corpus; its Russian text is shown."),
    "ru": N_("This act has no Russian text in the corpus; its Kazakh text is shown."),
}


@dataclass(frozen=True)
class TextChoice:
    """The language to ask the store for (``None``: the act's own) and the
    notice for the reader (``None``: nothing to say)."""

    lang: str | None
    notice: str | None = None


def choose_text(explicit: str | None, preferred: str | None, held: Collection[str]) -> TextChoice:
    """The text to show: ``explicit`` when given (strict), else ``preferred``
    when the act holds a text in it (``held``: the languages of its texts),
    else the act's own, with a notice when it holds texts but none in
    ``preferred``."""
    if explicit or not preferred:
        return TextChoice(explicit)
    if preferred in held:
        return TextChoice(preferred)
    if held and preferred in NO_TEXT:
        return TextChoice(None, _(NO_TEXT[preferred]))
    return TextChoice(None)
