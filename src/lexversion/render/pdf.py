"""A consolidated PDF of the text in force on a date: AKN -> print view model -> HTML -> PDF.

Issue 5, "Compare and print". The steps, each a pure function:

* :func:`print_view` (:mod:`.print_view`): AKN, the work's records and the
  point-in-time answer (and optionally the changes since an earlier date) ->
  the print view model (:mod:`.print_model`: :class:`PrintView`,
  :class:`ShownDate`, :func:`shown`, :func:`validity`);
* :func:`render_print_html`: the view model -> the HTML of
  ``templates/print.html``;
* :func:`html_to_pdf` (here): the HTML -> PDF bytes, laid out by WeasyPrint
  with the DejaVu fonts fontconfig finds (:func:`font_css`), tagged as
  PDF/UA-1.

Reading the store, computing the diff and writing the file is the use case
:mod:`lexversion.app.print` (what ``lexversion pdf`` calls).
"""

from __future__ import annotations

import atexit
import subprocess
from functools import cache
from pathlib import Path
from typing import Any

from lexversion.render.print_changes import Earlier, mark_changes
from lexversion.render.print_model import (
    KIND_NOTES,
    STATUS_WORDS,
    AppliedEffect,
    ChangeRow,
    Changes,
    Cover,
    HistoryRow,
    PrintBlock,
    PrintView,
    Run,
    ShownDate,
    TocEntry,
    shown,
    validity,
)
from lexversion.render.print_view import (
    applied_effects,
    history_rows,
    print_view,
    render_print_html,
    text_blocks,
)

__all__ = [
    "FACES",
    "KIND_NOTES",
    "PDF_VARIANT",
    "STATUS_WORDS",
    "AppliedEffect",
    "ChangeRow",
    "Changes",
    "Cover",
    "Earlier",
    "HistoryRow",
    "PrintBlock",
    "PrintView",
    "Run",
    "ShownDate",
    "TocEntry",
    "applied_effects",
    "font_css",
    "history_rows",
    "html_to_pdf",
    "mark_changes",
    "print_view",
    "render_print_html",
    "shown",
    "text_blocks",
    "validity",
]

#: WeasyPrint's accessible variant: PDF 1.7, tagged, with PDF/UA identification.
PDF_VARIANT = "pdf/ua-1"
#: (CSS family, weight, style, fontconfig pattern) of the embedded faces.
FACES = (
    ("DejaVu Serif", "normal", "normal", "DejaVu Serif:style=Book"),
    ("DejaVu Serif", "bold", "normal", "DejaVu Serif:style=Bold"),
    ("DejaVu Serif", "normal", "italic", "DejaVu Serif:style=Italic"),
    ("DejaVu Serif", "bold", "italic", "DejaVu Serif:style=Bold Italic"),
    ("DejaVu Sans Mono", "normal", "normal", "DejaVu Sans Mono:style=Book"),
)


@cache
def _font_file(pattern: str) -> str | None:
    """The file fontconfig (``fc-match``) picks for ``pattern``; ``None`` when
    fontconfig is missing or picks another family (Pango then falls back)."""
    try:
        done = subprocess.run(
            ["fc-match", "--format=%{family[0]}\t%{file}", pattern],
            capture_output=True,
            text=True,
            check=True,
            timeout=10,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    family, _, file = done.stdout.partition("\t")
    return file if file and family == pattern.split(":")[0] else None


def font_css() -> str:
    """``@font-face`` rules embedding the DejaVu faces fontconfig finds (DejaVu
    covers Kazakh Cyrillic: ә ғ қ ң ө ұ ү һ і)."""
    rules = []
    for family, weight, style, pattern in FACES:
        file = _font_file(pattern)
        if file:
            rules.append(
                f'@font-face {{ font-family: "{family}"; src: url("{Path(file).as_uri()}"); '
                f"font-weight: {weight}; font-style: {style}; }}"
            )
    return "\n".join(rules)


@cache
def _weasy() -> tuple[Any, Any]:
    """(FontConfiguration, CSS of the fonts), made once per process."""
    from weasyprint import CSS
    from weasyprint.text.fonts import FontConfiguration

    fonts = FontConfiguration()
    return fonts, CSS(string=font_css(), font_config=fonts)


# drop the FontConfiguration while its C library is still loaded
atexit.register(_weasy.cache_clear)


def html_to_pdf(html: str) -> bytes:
    """PDF bytes of ``html`` laid out by WeasyPrint: fonts of :func:`font_css`,
    variant :data:`PDF_VARIANT` (tagged; title, author and language from the
    HTML's ``<title>``, ``<meta name=author>`` and ``<html lang>``)."""
    from weasyprint import HTML

    fonts, css = _weasy()
    pdf: bytes = HTML(string=html).write_pdf(
        stylesheets=[css], font_config=fonts, pdf_variant=PDF_VARIANT
    )
    return pdf
