"""Kazakh wording of editorial notes: data only, no logic (DOMAIN.md 2.4, 5).

The official database prints a note as "Ескерту. <what changed> - <the
amending act> (<its commencement>) шешімімен." after the part it changed; its
mirrors print the same facts in other shapes: prg.kz lists the amending acts
under "Енгізілген өзгерістер:". Entries are regular-expression fragments
matched case-insensitively against the recognition key (despaced, Latin ``i``
folded to ``і``, lower case). Notes speak in the past tense ("енгізілді",
"толықтырылды"); an act's own points in the imperative ("енгізілсін",
"толықтырылсын"), which is how a note is told from body text.
"""

from __future__ import annotations

#: a paragraph that starts with one of these is an editorial note; the database
#: also misspells the repeal ("Куші жойылды")
MARKERS: tuple[str, ...] = (
    r"ескерту\s*[.\-–—]",
    r"к[үу]ш[іи]\s+жойылды\s*[-–—.]",
    r"рқао\s*-?\s*(?:ның\s+)?ескертпесі",
)
#: words one of which every line holding a note has: plain words, found in the
#: lower-case text with Latin ``i`` folded (a cheap screen before the wording of
#: this module is matched on the line's recognition key)
SCREEN_WORDS: tuple[str, ...] = ("ескерту", "жойылды", "ескертпе", "енгізілген", "өзгеріс")
#: repeal wording of a note ("Күші жойылды - ... шешімімен")
REPEAL = r"к[үу]ш[іи]\s+жойылды\b(?!\s+деп\b)"
#: amendment wording of a note, past tense only: "өзгерістер енгізілді", "өзгеріс
#: енгізілді", "өзгерістер мен толықтырулар енгізілді", "жаңа редакцияда",
#: "толықтырылды", "алып тасталды"
AMENDED: tuple[str, ...] = (
    r"өзгеріс\w*\s+(?:мен\s+толықтыру\w*\s+)?енгізілді",
    r"енгізілген\s+өзгеріс",
    r"толықтыру\w*\s+енгізілді",
    r"жаңа\s+редакцияда(?!\s+жазылсын)",
    r"толықтырылды",
    r"алып\s+тасталды",
)
#: a note that only states what the database did to the text ("РҚАО-ның
#: ескертпесі. Құжаттың мәтінінде түпнұсқаның пунктуациясы ... сақталған"): no effect
NO_EFFECT = r"ескертпесі|түпнұсқаның\s+(?:пунктуациясы|орфографиясы)"
#: parts of an act a note names without a number -> scope of the effect
PARTS: dict[str, str] = {
    r"кіріспе\w*": "preamble",
    r"тақыры[бп]\w*": "whole",
    r"қосымша\w*": "annex",
}
#: a provision a note names: "3-тармақ", "3-1-тармақпен", "2-тармақшасы"
PROVISION = r"(?P<num>\d+(?:-\d+)?)-(?P<what>тармақша|тармақ|тарау)"
#: a mirror's paragraph that is a note though no marker opens it (none known in Kazakh)
MIRROR_OPENERS: tuple[str, ...] = ()
#: a parenthesis after the requisites naming the acts that amended this one (none known)
FRONT_PARENTHESES: tuple[str, ...] = ()
#: the heading of a mirror's list of amending acts (prg.kz), one act a line
LIST_HEADINGS: tuple[str, ...] = (r"енгізілген\s+өзгерістер\s*:", r"өзгерістер\s+енгізілген\s*:")
#: what ends such a list
LIST_ENDS: tuple[str, ...] = (r"бұрынғы\s+редакциялар", r"ресми\s+жариялан")
#: a date and number that are a registration, not an act: "... № 4356 болып тіркелді"
REGISTERED = r"^\s*(?:болып\s+)?тіркел"
#: act-type words after the amending act's number ("... № 46/10 (...) қаулысымен")
BY_ACT: dict[str, str] = {
    r"шешім\w*мен": "decision",
    r"қаулы\w*мен": "resolution",
    r"бұйрығымен": "order",
}
