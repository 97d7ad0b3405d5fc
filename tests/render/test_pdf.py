"""``lexversion pdf``: the consolidated PDF, read back with pypdf (issue 5, "Compare and print").

The PDFs are made from the real corpus through :func:`lexversion.app.print.cli_pdf`
(what the CLI calls) and checked as a reader sees them: the text pypdf extracts
(content, order, Kazakh letters, running header, page numbers, contents page
numbers, footnotes on the page of their call), the metadata and the structure
tree. The intermediate HTML is compared with ``tests/golden/pdf/<case>.html``;
``pytest --regen-golden`` rewrites those files (review them with ``git diff``).
"""

from __future__ import annotations

import difflib
import io
import re
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any, cast

import pypdf
import pytest
from typer.testing import CliRunner

from lexversion.app.print import cli_pdf, print_view
from lexversion.app.query import answer
from lexversion.cli import app
from lexversion.diff import DiffResult, ProvisionDiff, Summary
from lexversion.errors import UsageError
from lexversion.model import DateFact
from lexversion.render import pdf as render_pdf
from lexversion.render.html import Segment, ViewBlock
from lexversion.render.pdf import (
    PrintBlock,
    PrintView,
    Run,
    mark_changes,
    render_print_html,
    shown,
    text_blocks,
    validity,
)
from lexversion.store import open_store
from tests.conftest import GOLDEN_DIR, REPO_ROOT

ALMATY_OBLAST = "/akn/kz-19/act/decision/2017-12-15/26-129"
ASTANA_2003 = "/akn/kz-71/act/decision/2003-04-08/225-42-ii"
TURKESTAN = "/akn/kz-61/act/decision/2024-09-30/12-160-viii"
KAZAKH = "әғқңөұүһі"
PDF_GOLDEN = GOLDEN_DIR / "pdf"

#: case name -> (work, as of, lang, changes since)
CASES: dict[str, tuple[str, str, str | None, str | None]] = {
    "almaty-oblast-2023-06-01-kk": (ALMATY_OBLAST, "2023-06-01", "kk", None),
    "almaty-oblast-2023-06-01-since-2019-06-01": (ALMATY_OBLAST, "2023-06-01", "kk", "2019-06-01"),
    "astana-2003-2004-06-01": (ASTANA_2003, "2004-06-01", None, None),
    "turkestan-2025-01-01-ru": (TURKESTAN, "2025-01-01", None, None),
}


@dataclass(frozen=True)
class Printed:
    """One printed case: its view model, HTML, PDF reader and the text of each page."""

    view: PrintView
    html: str
    reader: pypdf.PdfReader
    pages: tuple[str, ...]

    @property
    def text(self) -> str:
        return "\n".join(self.pages)


def catalog(reader: pypdf.PdfReader) -> Any:
    """The document catalog (pypdf types its objects loosely)."""
    return reader.trailer["/Root"]


def flat(s: str) -> str:
    """``s`` with runs of whitespace as one space (pypdf breaks lines where the layout does)."""
    return " ".join(s.split())


@pytest.fixture(scope="module")
def printed(db: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Printed]:
    out_dir = tmp_path_factory.mktemp("pdf")
    got = {}
    for name, (work, on, lang, since) in CASES.items():
        out = out_dir / f"{name}.pdf"
        as_of, changes_since = date.fromisoformat(on), date.fromisoformat(since) if since else None
        cli_pdf(db, work, as_of, lang, changes_since, out)
        reader = pypdf.PdfReader(io.BytesIO(out.read_bytes()))
        pv = print_view(db, work, as_of, lang, changes_since)
        got[name] = Printed(
            pv, render_print_html(pv), reader, tuple(p.extract_text() for p in reader.pages)
        )
    return got


# -- content and order -------------------------------------------------------------------


def test_almaty_oblast_reads_in_order(printed: dict[str, Printed]) -> None:
    text = flat(printed["almaty-oblast-2023-06-01-kk"].text)
    marks = [
        "Text in force on 2023-06-01",
        "Алматы облысындағы көші-қон процестерін реттеу қағидаларын бекіту туралы",
        "Certainty notes",
        "Contents",
        "ҚАБЫЛДАДЫ:",
        "1. Алматы облысындағы көші-қон процестерін реттеу қағидалары",
        "1-тарау. Жалпы ережелер",
        "2) қандастарды және қоныс аударушыларды қабылдаудың өңірлік квотасы",
        "2-тарау. Алматы облысындағы көші-қон процестерін реттеу тәртібі",
        "10. Алматы облысының жергілікті атқарушы органдары",
        "Effects applied to reach this text",
        "«оралмандарды» → «қандастарды»",
        "History: events and effects",
    ]
    at = 0
    for m in marks:  # each after the one before
        at = text.find(m, at)
        assert at >= 0, m
    # the 2023 wording is the consolidated one: the substituted words are in, the old ones out
    start = text.find("ҚАБЫЛДАДЫ:")
    body = text[start : text.find("Effects applied to reach", start)]
    assert "қандастарды және қоныс аударушыларды" in body
    assert "оралмандарды және қоныс аударушыларды" not in body


def test_russian_text(printed: dict[str, Printed]) -> None:
    p = printed["turkestan-2025-01-01-ru"]
    text = flat(p.text)
    assert "Правила регулирования миграционных процессов в Туркестанской области" in text
    assert "Глава 2. Порядок регулирования миграционных процессов" in text
    assert "2) кандас – этнический казах" in text
    assert catalog(p.reader)["/Lang"] == "ru"


def test_kazakh_letters_are_text_in_dejavu(printed: dict[str, Printed]) -> None:
    p = printed["astana-2003-2004-06-01"]
    missing = [c for c in KAZAKH if c not in p.text]
    assert not missing
    assert "тһмендеді" in p.text  # the corpus's one һ, in annex 1
    for name, pr in printed.items():
        fonts = {
            str(f.get_object()["/BaseFont"])
            for page in pr.reader.pages
            for f in cast(Any, page)["/Resources"].get("/Font", {}).values()
        }
        assert fonts and all("DejaVu" in f for f in fonts), (name, fonts)


def test_layout_tables_stay_preformatted(printed: dict[str, Printed]) -> None:
    p = printed["astana-2003-2004-06-01"]
    assert p.html.count('<pre class="layout') == 3  # the passport and the two annex tables
    assert "Көші-қон сальдосы +53362" in flat(p.text)


def test_status_label_of_the_export_is_left_out(printed: dict[str, Printed]) -> None:
    pv = printed["almaty-oblast-2023-06-01-kk"].view
    runs = {"".join(r.text for r in b.runs) for b in pv.blocks}
    assert "Күшін жойған" not in runs
    assert any("«Күшін жойған»" in n for n in pv.cover.notes)


# -- cover, dates and their certainty ---------------------------------------------------


def test_cover_dates_carry_certainty(printed: dict[str, Printed]) -> None:
    cover = flat(printed["almaty-oblast-2023-06-01-kk"].pages[0])
    assert "Status on the as-of date in force (estimated)" in cover
    assert "Date and number 2017-12-15 (stated), № 26-129" in cover
    assert "This text applies from 2021-12-25 – 2022-09-17 (estimated)" in cover
    assert "applies from) 2024-04-17 – 2025-01-08 (estimated)" in cover
    astana = flat(printed["astana-2003-2004-06-01"].pages[0])
    assert "applies from) 2006-09-21 (computed)" in astana
    turkestan = flat(printed["turkestan-2025-01-01-ru"].pages[0])
    assert "open: no later wording or repeal is recorded in the corpus (unknown)" in turkestan


def test_no_estimate_is_printed_as_a_day(printed: dict[str, Printed]) -> None:
    for p in printed.values():
        dates = [p.view.cover.adopted, p.view.cover.applies_from, p.view.cover.applies_to]
        dates += [h.when for h in p.view.history] + [e.in_force for e in p.view.effects]
        for d in dates:
            if d.certainty == "estimated":
                assert " – " in d.text, d
            assert d.certainty in {"stated", "computed", "estimated", "unknown"}


@pytest.mark.parametrize(
    ("fact", "text", "certainty"),
    [
        (DateFact.stated(date(2017, 12, 15), "requisites"), "2017-12-15", "stated"),
        (DateFact.computed(date(2006, 9, 21), "rule"), "2006-09-21", "computed"),
        (
            DateFact(date(2018, 1, 20), date(2018, 2, 19), "estimated", "rule"),
            "2018-01-20 – 2018-02-19",
            "estimated",
        ),
        (DateFact.unknown("nothing"), "unknown", "unknown"),
        (None, "none recorded in the corpus", "unknown"),
    ],
)
def test_shown(fact: DateFact | None, text: str, certainty: str) -> None:
    got = shown(fact)
    assert (got.text, got.certainty) == (text, certainty)


def test_validity_runs_to_the_next_wording_then_to_the_repeal(db: str) -> None:
    tl = open_store(db).timeline(ALMATY_OBLAST)
    old = f"{ALMATY_OBLAST}/kaz@2017-12-15"
    new = f"{ALMATY_OBLAST}/kaz@2021-12-25"
    start, end = validity(tl, old)
    assert end is not None
    assert (start.earliest, start.latest) == (date(2018, 1, 20), date(2018, 10, 13))
    assert (end.earliest, end.latest) == (date(2021, 12, 25), date(2022, 9, 17))
    _, end = validity(tl, new)
    assert end == tl.repeal


# -- contents, header, page numbers, footnotes ------------------------------------------

_TOC_LINE = re.compile(r"^(?P<text>.*?)(?: \.)+ (?P<page>\d+)$")


@pytest.mark.parametrize("name", list(CASES))
def test_contents_page_numbers_point_at_the_headings(
    printed: dict[str, Printed], name: str
) -> None:
    p = printed[name]
    # the contents follow the cover (which may take two pages: seed 000's,
    # with both its dates and the changes marked, does)
    toc = next(page for page in p.pages[1:3] if page.startswith("Contents"))
    entries = [m for line in toc.splitlines() if (m := _TOC_LINE.match(line.strip()))]
    assert len(entries) >= 5
    numbers = [int(m["page"]) for m in entries]
    assert numbers == sorted(numbers)
    for m in entries:
        page = flat(p.pages[int(m["page"]) - 1])
        assert flat(m["text"]) in page, (m["text"], m["page"])


@pytest.mark.parametrize("name", list(CASES))
def test_running_header_and_page_numbers(printed: dict[str, Printed], name: str) -> None:
    p = printed[name]
    n = len(p.pages)
    citation, as_of = p.view.cover.citation, p.view.cover.as_of
    for i, text in enumerate(p.pages, start=1):
        assert f"{i} / {n}" in text
        if i > 1:
            assert citation in text and f"as of {as_of}" in text, i
    assert f"as of {as_of}" not in p.pages[0]  # no running header on the cover


def test_editorial_notes_are_footnotes_on_the_page_of_their_call(
    printed: dict[str, Printed],
) -> None:
    p = printed["almaty-oblast-2023-06-01-kk"]
    pages = [flat(t) for t in p.pages]
    # the note of the 2024 repeal is not a footnote of the 2023 text: it is
    # printed under "Later events" (issue 13, item 10)
    for call, note in [("1-тарау. Жалпы ережелер", "Ескерту. Бүкіл мәтін бойынша")]:
        (on,) = [i for i, t in enumerate(pages) if call in t and i > 1]
        assert note in pages[on], (call, on + 1)
    assert p.html.count('<span class="fn">') == 1


def test_notes_attach_to_the_block_before_or_the_first_block() -> None:
    def b(kind: str, text: str, label: str = "", eid: str = "") -> ViewBlock:
        return ViewBlock(kind, 0, (Segment(text),), label, eid)

    blocks, toc = text_blocks(
        [
            b("note", "opening note"),
            b("title", "Title"),
            b("heading", "General", "1.", "chp_1"),
            b("note", "line 1"),
            b("note", "line 2"),
            b("p", "Text"),
            ViewBlock("annex", 0, (), eid="att_1"),
            b("title", "Annex title"),
        ]
    )
    assert [x.notes for x in blocks] == [(("opening note",),), (("line 1", "line 2"),), (), (), ()]
    assert [(x.tag, x.css) for x in blocks[:2]] == [("h1", "title"), ("h3", "heading d0")]
    assert blocks[4].tag == "h2"
    assert [(e.anchor, e.text) for e in toc] == [("chp_1", "1. General"), ("att_1", "Annex title")]


# -- changes since an earlier date ------------------------------------------------------

SINCE = "almaty-oblast-2023-06-01-since-2019-06-01"


def test_changes_since_2019_mark_the_substituted_words_and_nothing_else(
    printed: dict[str, Printed],
) -> None:
    p = printed[SINCE]
    marked = [(r.mark, r.text) for b in p.view.blocks for r in b.runs if r.mark]
    assert marked == [
        ("del", "оралмандарды"),
        ("ins", "қандастарды"),
        ("del", "оралмандар"),
        ("ins", "қандастар"),
        ("del", "оралмандар"),
        ("ins", "қандастар"),
        ("del", "оралмандар"),
        ("ins", "қандастар"),
        ("del", "Оралмандар"),
        ("ins", "Қандастар"),
        ("del", "оралмандар"),
        ("ins", "қандастар"),
    ]
    text = flat(p.text)
    assert re.search(r"2\) оралмандарды ?қандастарды және қоныс аударушыларды", text)
    assert re.search(r"6\. Оралмандар ?Қандастар мен қоныс аударушыларды", text)
    assert p.view.changes is not None
    assert p.view.changes.expression.endswith("/kaz@2017-12-15")
    assert p.view.changes.summary.startswith("4 changed, 0 added, 0 removed, 0 moved")
    # without --changes-since the same text carries no marks
    plain = printed["almaty-oblast-2023-06-01-kk"].view.blocks
    assert not [r for b in plain for r in b.runs if r.mark]


def test_list_of_changes_points_at_the_pages(printed: dict[str, Printed]) -> None:
    p = printed[SINCE]
    assert p.view.changes is not None
    rows = p.view.changes.rows
    assert [(r.status, r.label) for r in rows] == [
        ("changed", "2)"),
        ("changed", ""),
        ("changed", ""),
        ("changed", "6."),
    ]
    (page,) = [t for t in p.pages if "Against the text in force on 2019-06-01" in t]
    numbers = [int(n) for n in re.findall(r"p\. (\d+)", page)]
    assert len(numbers) == len(rows)
    for row, n in zip(rows, numbers, strict=True):
        assert flat(row.excerpt.removesuffix(" …"))[:40] in flat(p.pages[n - 1])


def test_same_wording_on_both_dates_marks_nothing(db: str) -> None:
    pv = print_view(db, ALMATY_OBLAST, date(2023, 6, 1), "kk", date(2022, 10, 1))
    assert pv.changes is not None and "same wording" in pv.changes.summary
    assert not pv.changes.rows
    assert not [r for b in pv.blocks for r in b.runs if r.mark]


@pytest.mark.parametrize(
    ("since", "reason"),
    [("2023-06-01", "is not before --as-of"), ("2017-06-01", "no text in force then")],
)
def test_bad_changes_since_is_a_usage_error(db: str, since: str, reason: str) -> None:
    with pytest.raises(UsageError, match=reason):
        print_view(db, ALMATY_OBLAST, date(2023, 6, 1), "kk", date.fromisoformat(since))


def test_mark_changes_places_removed_provisions_and_old_numbers() -> None:
    def pb(text: str, label: str = "", anchor: str = "") -> PrintBlock:
        return PrintBlock("p", "p d0", label, (Run(text),), anchor)

    blocks = [pb("Requisites."), pb("One.", "1.", "para_1"), pb("Three now.", "2.", "para_3")]
    diff = DiffResult(
        (
            ProvisionDiff("para_1", "para_1", "unchanged", "1.", "1.", "One.", "One.", ()),
            ProvisionDiff("para_2", None, "removed", "2.", "", "Two.", "", (("delete", "Two."),)),
            ProvisionDiff(
                "para_3",
                "para_3",
                "moved",
                "3.",
                "2.",
                "Three.",
                "Three now.",
                (("equal", "Three"), ("insert", " now"), ("equal", ".")),
                "renumbered",
            ),
        ),
        Summary(0, 1, 0, 1, 1),
    )
    out, rows = mark_changes(blocks, diff)
    assert [("".join(r.text for r in b.runs), b.label_was, b.css) for b in out] == [
        ("Requisites.", "", "p d0"),
        ("One.", "", "p d0"),
        ("Two.", "2.", "p d0 chg-removed"),
        ("Three now.", "3.", "p d0 chg-moved"),
    ]
    assert out[3].runs == (Run("Three"), Run(" now", "ins"), Run("."))
    assert [(r.anchor, r.status, r.label) for r in rows] == [
        ("removed-1", "removed", "2."),
        ("para_3", "moved (renumbered)", "2."),
    ]


def test_mark_changes_in_a_fixed_width_block_and_unmatched_provisions() -> None:
    table = PrintBlock("pre", "layout d0", "", (Run("a   1\n"), Run("\n"), Run("b   2\n")))
    diff = DiffResult(
        (
            ProvisionDiff(
                "block_1",
                "block_1",
                "changed",
                "",
                "",
                "a   1\nb   3",
                "a   1\nb   2",
                (("equal", "a   1\nb   "), ("delete", "3"), ("insert", "2")),
            ),
            ProvisionDiff("para_9", "para_9", "changed", "9.", "9.", "Old.", "New.", ()),
        ),
        Summary(0, 0, 2, 0, 0),
    )
    out, rows = mark_changes([table], diff)
    assert out[0].runs == (
        Run("a   1"),
        Run("\n"),
        Run("\n"),
        Run("b   "),
        Run("3", "del"),
        Run("2", "ins"),
    )
    assert out[0].css == "layout d0 chg-changed"
    assert [(r.anchor, r.label) for r in rows] == [("change-1", ""), ("", "9.")]


# -- metadata and tags -------------------------------------------------------------------


def _struct_types(node: Any, out: set[str], depth: int = 0) -> set[str]:
    node = node.get_object() if hasattr(node, "get_object") else node
    if depth > 40:
        return out
    if isinstance(node, list):
        for k in node:
            _struct_types(k, out, depth + 1)
    elif isinstance(node, dict):
        if "/S" in node:
            out.add(str(node["/S"]))
        if "/K" in node:
            _struct_types(node["/K"], out, depth + 1)
    return out


def test_metadata_language_and_tags(printed: dict[str, Printed]) -> None:
    p = printed["almaty-oblast-2023-06-01-kk"]
    meta = p.reader.metadata
    assert meta is not None
    assert meta.title == "Алматы облысындағы көші-қон процестерін реттеу қағидаларын бекіту туралы"
    assert meta.author == "Алматы облыстық мәслихаты"
    assert meta.subject is not None and "the text in force on 2023-06-01" in meta.subject
    assert f"{ALMATY_OBLAST}/kaz@2021-12-25" in str(meta.get("/Keywords"))
    root = catalog(p.reader)
    assert root["/Lang"] == "kk"
    assert root["/MarkInfo"]["/Marked"]
    assert b"pdfuaid" in root["/Metadata"].get_object().get_data()
    types = _struct_types(root["/StructTreeRoot"], set())
    assert {"/H1", "/P", "/Table", "/TH", "/TD"} <= types, types


# -- the command -------------------------------------------------------------------------


def test_cli_writes_the_file_atomically(db: str, tmp_path: Path) -> None:
    out = tmp_path / "act.pdf"
    res = CliRunner().invoke(
        app,
        ["pdf", TURKESTAN, "--as-of", "2025-01-01", "-o", str(out), "--db", db],
    )
    assert res.exit_code == 0, res.output
    assert out.read_bytes().startswith(b"%PDF-1.7")
    assert [f.name for f in tmp_path.iterdir()] == ["act.pdf"]


@pytest.mark.parametrize(
    ("on", "reason"),
    [("2025-06-01", "repealed"), ("2017-06-01", "did not exist yet")],
)
def test_no_text_in_force_is_a_usage_error(db: str, tmp_path: Path, on: str, reason: str) -> None:
    out = tmp_path / "act.pdf"
    with pytest.raises(UsageError, match=reason) as info:
        cli_pdf(db, ALMATY_OBLAST, date.fromisoformat(on), None, None, out)
    assert "\n" not in info.value.message
    assert not list(tmp_path.iterdir())
    res = CliRunner().invoke(app, ["pdf", ALMATY_OBLAST, "--as-of", on, "-o", str(out), "--db", db])
    assert res.exit_code == 2
    assert res.output.startswith(f"lexversion: no text in force on {on}: ")


# -- golden HTML -------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(CASES))
def test_golden_html(printed: dict[str, Printed], name: str, regen_golden: bool) -> None:
    golden = PDF_GOLDEN / f"{name}.html"
    actual = printed[name].html
    if regen_golden:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
        return
    if not golden.exists():
        pytest.fail(f"no golden file {golden.relative_to(REPO_ROOT)}: run pytest --regen-golden")
    expected = golden.read_text(encoding="utf-8")
    if expected != actual:
        diff = difflib.unified_diff(
            expected.splitlines(), actual.splitlines(), "golden", "rendered", lineterm="", n=1
        )
        pytest.fail(
            f"{golden.relative_to(REPO_ROOT)} differs (review, then pytest --regen-golden):\n"
            + "\n".join(list(diff)[:60])
        )


def test_the_render_print_view_is_a_function_of_the_records(db: str) -> None:
    """:func:`lexversion.render.pdf.print_view` reads no store: given the records
    the use case reads, it builds the same view; without a text it refuses."""
    store = open_store(db)
    rec = store.work(ALMATY_OBLAST)
    tl, items = store.timeline(rec.frbr_uri), store.history(rec.frbr_uri)
    pit, akn = answer(db, ALMATY_OBLAST, date(2023, 6, 1), "kk")
    assert akn is not None
    pure = render_pdf.print_view(rec, tl, items, pit, akn)
    assert pure == print_view(db, ALMATY_OBLAST, date(2023, 6, 1), "kk")
    with pytest.raises(ValueError, match="no text in force on 2023-06-01"):
        render_pdf.print_view(rec, tl, items, replace(pit, expression=None), akn)


def test_later_events_leave_the_text_for_a_titled_section(printed: dict[str, Printed]) -> None:
    # issue 13, item 10: the 2023 text printed the 2024 repeal (requisites and note) in its body
    p = printed["almaty-oblast-2023-06-01-kk"]
    body = " ".join(
        "".join(r.text for r in b.runs) + " ".join(" ".join(n) for n in b.notes)
        for b in p.view.blocks
    )
    assert "18-84" not in body and "Күші жойылды" not in body
    assert len(p.view.later) == 2 and all("№ 18-84 шешімімен" in x for x in p.view.later)
    assert p.view.later[1].startswith("Ескерту. Күші жойылды")
    assert any(e.anchor == "later" for e in p.view.toc)
    text = flat(p.text)
    assert "Later events: what the exported text says about after the as-of date" in text
    # the 2006 extract printed at the top of the 2003 programme is a later event in 2004
    astana = printed["astana-2003-2004-06-01"].view.later
    assert len(astana) == 2 and all("285/35-ІІІ" in x for x in astana)
    # a text naming no later event has no such section
    assert not printed["turkestan-2025-01-01-ru"].view.later
    assert "Later events" not in printed["turkestan-2025-01-01-ru"].html
