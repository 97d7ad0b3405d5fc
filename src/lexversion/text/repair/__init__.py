"""Repair the export artifacts of a paragraph: displaced link text and letter spacing.

The exports are PDF text (DOMAIN.md 4). Two artifacts garble the words
themselves, and both are repaired here by moving and re-spacing characters
that are already in the source, never by dropping or inventing one
(ARCHITECTURE.md invariant 1):

* **Displaced link text** (DOMAIN.md 4.1). Hyperlinked words were taken out of
  their printed line and appended to its end, leaving a double space, a space
  before punctuation (" ," " ;" " )"), an empty pair of quotes (``" "``) or a
  line opening with a single space, a comma or a closing quote where they
  belong; when the line had no trailing space they stick to its last
  character ("бекітілсін.қосымшасына", "(решением", "РеспубликасыныңЖолдауымен").
  :func:`repair` moves each appended fragment back into its gap. A fragment
  must look like link text: an act or annex word ("қаулысына", "решением"),
  a pinpoint with its number ("статьей 26", "1) тармақшасына", "6-бабын"),
  a number after "№"/"N", or a quoted title of a law (titles end with
  "туралы" in Kazakh and open with "О"/"Об" in Russian). Where two readings
  fit the evidence equally, the line is left as printed and a ``doubt`` is
  recorded instead: a wrong move is worse than none.
* **Letter spacing** (DOMAIN.md 4.2). Justified lines came out with a space
  between letters and two between words ("қ а б ы л д а д ы :"); runs of
  single characters are closed up. Mixed lines ("халық  санының өсу ін
  қатамасыз  етед і .") split words only here and there: in a line whose
  words are set apart by double spaces, pieces are joined where the joined
  word is known and the pieces are not (:class:`Vocabulary`: words counted
  from the corpus, then Debian's hunspell word lists of Kazakh and Russian).

Look-alike letters (DOMAIN.md 3) are never changed in the text; every word
lookup folds them (:func:`lexversion.lang.fold_text`).

Every change is a :class:`Repair` (kind, source line, raw span, where the text
went); the repaired :class:`~lexversion.text.lines.Paragraph` keeps an offset map
from every character back to the source, moved fragments being pieces of
their own.

The package, by concern: :mod:`.evidence` (which lines show an artifact),
:mod:`.vocabulary` (word counts and hunspell lookups), :mod:`.tokens` (a line's
words and how they render back with offset maps), :mod:`.spacing` (letter
spacing, split words), :mod:`.links` (displaced link text), :mod:`.rows` (table
rows with only column spacing) and :mod:`.driver` (the named passes, in order,
and the entry points re-exported here).
"""

from __future__ import annotations

from lexversion.model import RepairKind
from lexversion.text.repair.driver import repair, repair_layout, repair_line, repair_lines
from lexversion.text.repair.links import MAX_GAPS
from lexversion.text.repair.vocabulary import (
    Vocabulary,
    build_vocabulary,
    count_clean,
    forget_words,
    key,
    vocabulary,
    vocabulary_tsv,
)

#: the kinds of :class:`~lexversion.model.Repair` the repairs record, in the order counts list them
KINDS = tuple(RepairKind)

__all__ = [
    "KINDS",
    "MAX_GAPS",
    "Vocabulary",
    "build_vocabulary",
    "count_clean",
    "forget_words",
    "key",
    "repair",
    "repair_layout",
    "repair_line",
    "repair_lines",
    "vocabulary",
    "vocabulary_tsv",
]
