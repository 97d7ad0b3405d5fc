"""The evidence of an export artifact in a printed line (DOMAIN.md 4.1-4.2).

Most lines show none; the repairs (:mod:`.driver`) and the clean-line counts of a
vocabulary (:mod:`.vocabulary`) look at every line first for the evidence a
repair looks for, and only a line showing some goes through the passes.

Two ways of telling it, with one answer (tests/text/test_repair_strategies.py):
:class:`Evidence` checks one kind of evidence at a time, as DOMAIN.md lists
them; :class:`RegexEvidence` finds any of them in one regex search, the way
:func:`marked` (and so every document) asks.
"""

from __future__ import annotations

import itertools
import re

from lexversion.text.lines import Line

#: a link glued after punctuation inside a line ("сәйкес,бұйрығына"); the
#: punctuation is matched first, so the search skips to it
GLUED_INSIDE = re.compile(r"[.,;:](?<=[^\W\d]{2}.)[^\W\d]{2}")
#: a line opening with these (not opening a paragraph) leaves a gap before it
OPENS_GAP = ',;:.)"'

#: anything a repair could act on in a line's text: two spaces, a space before
#: punctuation, empty quotes, or two one-character words side by side (found at
#: the space after the first); one search, skipping to a space or a quote
_MARKED = re.compile(r'[\s"](?:(?<= )[ ,;:.)]|(?<=") "|(?<=\S\s)(?<!\S\S\s)\s*\S(?!\S))')
#: a detached hyphen (" -қон")
_DETACHED = re.compile(r"\s-\w")
#: a link glued to the last word (searched in that word alone): after closing
#: punctuation (inside the word, or opening it) or a bracket, or at a change of
#: case; each alternative is told by its one character, which the search skips to
_GLUED = re.compile(
    r"[.,;:)А-ЯӘҒҚҢӨҰҮҺІ]"
    r"(?:(?<=[^\W\d]{2}[.,;:])[^\W\d]{2}|(?<=[.,;:])(?<!..)[^\W\d]{2}"
    r"|(?<=\))\w|(?<=[^\W\d][А-ЯӘҒҚҢӨҰҮҺІ])[а-яәғқңөұүһі])"
)
#: the same glued link, each form spelt out (:class:`Evidence`)
_GLUED_PLAIN = re.compile(
    r"[^\W\d]{2}[.,;:][^\W\d]{2}|^[.,;:][^\W\d]{2}|\)\w|[^\W\d][А-ЯӘҒҚҢӨҰҮҺІ][а-яәғқңөұүһі]"
)
#: the marks of displaced link text and of letter spacing inside a line (DOMAIN.md 4.1)
_MARKS = ("  ", " ,", " ;", " :", " .", " )", '" "')


class Evidence:
    """The plain definition: a line's text is marked when it shows, one kind at a
    time (DOMAIN.md 4.1-4.2), two spaces, a space before punctuation or empty
    quotes (a gap left by link text), a detached hyphen (" -қон", a split word),
    two one-character words side by side (letter spacing), or a link glued to
    its last word ("бекітілсін.қосымшасына", "РеспубликасыныңЖолдауымен")."""

    def marked(self, text: str) -> bool:
        """Whether a non-blank, stripped ``text`` is marked; raises nothing."""
        if any(m in text for m in _MARKS):
            return True
        if " -" in text and _DETACHED.search(text):
            return True
        words = text.split()
        if any(len(a) == 1 == len(b) for a, b in itertools.pairwise(words)):
            return True
        return bool(_GLUED_PLAIN.search(words[-1]))


class RegexEvidence(Evidence):
    """The evidence found in at most three regex searches, most lines in one.

    Sound because each alternative of :data:`_MARKED` is one of the plain marks
    (a space followed by a space or by punctuation, a quote followed by `` "``, a
    one-character word after a one-character word), told by the one character it
    opens with, which the search skips to; :data:`_GLUED` spells the glued forms
    of :data:`_GLUED_PLAIN` from the punctuation or capital they hinge on. The
    hypothesis property in tests/text/test_repair_strategies.py checks they agree.
    """

    def marked(self, text: str) -> bool:
        """Whether a non-blank, stripped ``text`` is marked (as :meth:`Evidence.marked`)."""
        return bool(
            _MARKED.search(text)
            or (" -" in text and _DETACHED.search(text))
            or _GLUED.search(text.rsplit(None, 1)[-1])
        )


#: how every document is screened
EVIDENCE: Evidence = RegexEvidence()
marked = EVIDENCE.marked


def suspect(line: Line, first: bool, judged: dict[str, bool] | None = None) -> bool:
    """Whether a non-blank ``line`` shows any evidence a repair looks for:
    :func:`marked` text or (not opening a paragraph: ``first`` false) a line
    opening with one space or with punctuation (DOMAIN.md 4.1). ``judged`` keeps
    :func:`marked` by text (a document's lines are judged once, for its
    vocabulary and for its repairs: :attr:`.Vocabulary.verdicts`)."""
    t = line.text
    if not first and (line.indent == 1 or t[0] in OPENS_GAP):
        return True
    return marked_once(t, judged)


def marked_once(text: str, judged: dict[str, bool] | None) -> bool:
    """:func:`marked` of ``text``, kept in ``judged`` by text when given (a line
    is judged once a document: :attr:`.Vocabulary.verdicts`)."""
    if judged is None:
        return marked(text)
    got = judged.get(text)
    if got is None:
        got = judged[text] = marked(text)
    return got


def clean(line: Line, judged: dict[str, bool]) -> bool:
    """Whether a non-blank ``line`` is clean for counting words (DOMAIN.md 4.2): not
    :func:`suspect` as a line inside a paragraph, and no link glued after
    punctuation inside it. ``judged``: as for :func:`suspect`."""
    t = line.text
    if line.indent == 1 or t[0] in OPENS_GAP:
        return False
    got = judged.get(t)
    if got is None:
        got = judged[t] = marked(t)
    return not got and not GLUED_INSIDE.search(t)
