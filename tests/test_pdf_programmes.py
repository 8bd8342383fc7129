"""PDF programmes and booklets are listings: generated here with fpdf2 in the shapes real
programmes take (a ruled slot table, a multi-day schedule with bold time lines, a booklet
of abstracts one talk a page, a programme with one broken page), read end to end
(``extract_pdf`` then the normalise stage), and a deck that stays one talk."""

from __future__ import annotations

import datetime as dt

import pdfplumber.page
import pytest
from fpdf import FPDF

from extractors import pdf_layout
from extractors.slides import extract_pdf
from pipeline.normalise.stage import normalise_document
from pipeline.records import Document, Hints

UTC = dt.UTC
CREATED = dt.datetime(2025, 1, 10, 9, 0, tzinfo=UTC)


def _read(data: bytes, tz: str | None = None) -> list[dict]:
    doc = Document(path="document.pdf", data=data, sha256="0", format="pdf",
                   hints=Hints(timezone=tz))
    return normalise_document(doc, extract_pdf(doc), CREATED)[0]


def _people(row: dict) -> list[tuple[str, str | None]]:
    return [(s["name"], s["affiliation"]) for s in row["speakers"] or []]


def _new(orientation: str = "P") -> FPDF:
    pdf = FPDF(orientation=orientation, format="A4")
    pdf.set_creation_date(CREATED)
    pdf.set_auto_page_break(False)
    return pdf


def _line(pdf: FPDF, text: str, size: float, style: str = "", gap: float = 2.0) -> None:
    pdf.set_font("Helvetica", style, size)
    pdf.cell(0, size * 0.45, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(gap)


def _table(pdf: FPDF, rows: list[tuple[str, ...]], ruled: bool = True) -> None:
    pdf.set_font("Helvetica", "", 10)
    with pdf.table(col_widths=(28, 62, 100), text_align="LEFT", line_height=5,
                   borders_layout="ALL" if ruled else "NONE",
                   first_row_as_headings=ruled) as table:
        for values in rows:
            row = table.row()
            for value in values:
                row.cell(value)


# --- (a) a one-day workshop programme as a ruled table --------------------------------

SLOTS_A = [
    ("Time", "Speaker", "Title"),
    ("09:00 - 09:15", "Marta Sousa (Universidade do Minho)", "Opening remarks"),
    ("09:15 - 10:00", "Ana Lima\nUniversity of Porto", "Sparse recovery without tears"),
    ("10:00 - 10:30", "", "Coffee break"),
    ("10:30 - 11:15", "Karl Berg (KTH Royal Institute of Technology)",
     "Learned proximal operators for imaging"),
    ("11:15 - 12:00", "Nadia Haddad (Inria)", "Convex relaxations of phase retrieval"),
    ("12:00 - 13:30", "", "Lunch break"),
    ("13:30 - 14:15", "Omar Said (EPFL)", "Sampling theorems for tomography"),
]


def _workshop_table() -> bytes:
    pdf = _new()
    pdf.add_page()
    _line(pdf, "Workshop on Sparse Optimisation", 18, "B", 4)
    _line(pdf, "Friday 7 March 2025, Aula Magna", 12, "", 6)
    _table(pdf, SLOTS_A)
    return bytes(pdf.output())


def test_a_ruled_slot_table_gives_one_talk_a_row_and_drops_breaks() -> None:
    rows = _read(_workshop_table(), tz="Europe/Lisbon")
    assert [r["title"] for r in rows] == [
        "Opening remarks", "Sparse recovery without tears",
        "Learned proximal operators for imaging", "Convex relaxations of phase retrieval",
        "Sampling theorems for tomography"]
    assert [_people(r) for r in rows] == [
        [("Marta Sousa", "Universidade do Minho")], [("Ana Lima", "University of Porto")],
        [("Karl Berg", "KTH Royal Institute of Technology")], [("Nadia Haddad", "Inria")],
        [("Omar Said", "EPFL")]]
    # Lisbon is on UTC in March: local times are the instants
    assert [(r["start"], r["end"]) for r in rows][1] == (
        dt.datetime(2025, 3, 7, 9, 15, tzinfo=UTC), dt.datetime(2025, 3, 7, 10, 0, tzinfo=UTC))
    assert rows[-1]["start"] == dt.datetime(2025, 3, 7, 13, 30, tzinfo=UTC)
    assert {r["timezone"] for r in rows} == {"Europe/Lisbon"}
    assert not any("break" in (r["title"] or "").lower() for r in rows)


def test_a_table_header_names_the_parts_of_each_row_block() -> None:
    import io

    import pdfplumber

    with pdfplumber.open(io.BytesIO(_workshop_table())) as pdf:
        layout = [pdf_layout.page_layout(p, k) for k, p in enumerate(pdf.pages)]
    blocks, _text = pdf_layout.blocks(layout)
    rows = [b for b in blocks if b.signature.startswith("pdf>tr")]
    assert len(rows) == len(SLOTS_A) - 1  # the header row names the parts, it is no row
    assert rows[1].parts == (("time", "09:15 - 10:00"),
                             ("speaker", "Ana Lima (University of Porto)"),
                             ("title", "Sparse recovery without tears"))
    assert blocks[0].heading == 1  # the workshop's name, set large


# --- (b) a two-day schedule: day headings, bold time lines, ``Name (Org)`` then title ---

DAYS_B = [
    ("Monday 2 June 2025", [
        ("09:00 - 09:50", "Ines Wolf (TU Wien)", "Branching random walks in random environment"),
        ("10:00 - 10:50", "Pedro Alves (IST Lisboa)", "Percolation on hyperbolic lattices"),
        ("10:50 - 11:20", None, "Coffee break"),
        ("11:20 - 12:10", "Julia Novak (Charles University)", "Mixing times of card shuffles"),
    ]),
    ("Tuesday 3 June 2025", [
        ("09:30 - 10:20", "Tomas Lindqvist (Uppsala University)",
         "Random planar maps and their scaling limits"),
        ("10:20 - 10:40", None, "Break"),
        ("10:40 - 11:30", "Sofia Marino (Sapienza University of Rome)",
         "Large deviations for sparse random graphs"),
    ]),
]


def _two_day_schedule() -> bytes:
    pdf = _new()
    for k, (day, slots) in enumerate(DAYS_B):
        pdf.add_page()
        if k == 0:
            _line(pdf, "Summer Meeting on Random Structures", 20, "B", 3)
            _line(pdf, "Times are Central European Summer Time (CEST)", 10, "", 6)
        _line(pdf, day, 14, "B", 5)
        for time, who, title in slots:
            _line(pdf, time, 11, "B", 1)
            if who:
                _line(pdf, who, 11, "", 1)
            _line(pdf, title, 11, "I", 6)
    return bytes(pdf.output())


def test_a_two_day_schedule_reads_day_headings_and_bold_time_lines() -> None:
    rows = _read(_two_day_schedule())
    assert [r["title"] for r in rows] == [
        title for _day, slots in DAYS_B for _t, who, title in slots if who]
    assert _people(rows[0]) == [("Ines Wolf", "TU Wien")]
    assert _people(rows[4]) == [("Sofia Marino", "Sapienza University of Rome")]
    # the zone is stated once, at the top: CEST is UTC+2
    assert rows[0]["start"] == dt.datetime(2025, 6, 2, 7, 0, tzinfo=UTC)
    assert rows[0]["end"] == dt.datetime(2025, 6, 2, 7, 50, tzinfo=UTC)
    assert rows[3]["date"] == dt.date(2025, 6, 3)
    assert rows[3]["start"] == dt.datetime(2025, 6, 3, 7, 30, tzinfo=UTC)
    assert {r["timezone"] for r in rows} == {"Europe/Paris"}


# --- (c) a booklet of abstracts, one talk a page ---------------------------------------

BOOKLET = [
    ("Stability estimates for the Calderon problem", "Ana Lima", "University of Porto",
     "Monday 12 May 2025, 09:30 - 10:15",
     "We prove logarithmic stability estimates for the inverse conductivity problem with "
     "partial data and show that they are optimal for a class of conductivities that are "
     "piecewise analytic. The argument combines unique continuation with quantitative "
     "Runge approximation and gives explicit constants."),
    ("Learned iterative reconstruction in photoacoustics", "Karl Berg", "KTH",
     "Monday 12 May 2025, 10:30 - 11:15",
     "Unrolled iterative schemes with learned components reach the quality of variational "
     "methods at a fraction of their cost. We discuss training with limited data, "
     "robustness to changes of the measurement geometry, and what can be proved about "
     "convergence when the learned parts are kept non-expansive."),
    ("Sampling theorems for limited angle tomography", "Omar Said", "EPFL",
     "Tuesday 13 May 2025, 09:00 - 09:45",
     "How many projections are needed to recover a compactly supported function from its "
     "Radon transform on a limited range of angles? We give sharp sampling conditions "
     "using semiclassical analysis and illustrate them with numerical experiments on "
     "phantoms and on measured data."),
]


def _booklet() -> bytes:
    pdf = _new()
    pdf.add_page()
    _line(pdf, "Workshop on Inverse Problems", 24, "B", 6)
    _line(pdf, "Book of Abstracts", 16, "", 4)
    _line(pdf, "Porto, 12-13 May 2025", 12, "", 4)
    for title, name, org, when, abstract in BOOKLET:
        pdf.add_page()
        pdf.set_font("Helvetica", "", 8)
        pdf.text(20, 12, "Inverse Problems 2025 - Book of Abstracts")
        pdf.set_y(25)
        _line(pdf, title, 16, "B", 4)
        _line(pdf, name, 11, "", 1)
        _line(pdf, org, 11, "", 3)
        _line(pdf, when, 10, "", 5)
        pdf.set_font("Helvetica", "", 10)
        pdf.multi_cell(0, 5, abstract)
        pdf.set_font("Helvetica", "", 8)
        pdf.text(pdf.w / 2, pdf.h - 10, str(pdf.page))
    return bytes(pdf.output())


def test_a_booklet_of_abstracts_gives_one_talk_a_page_with_its_abstract() -> None:
    rows = _read(_booklet(), tz="Europe/Lisbon")
    assert [r["title"] for r in rows] == [b[0] for b in BOOKLET]
    assert [_people(r) for r in rows] == [[(b[1], b[2])] for b in BOOKLET]
    # May in Lisbon is UTC+1
    assert rows[0]["start"] == dt.datetime(2025, 5, 12, 8, 30, tzinfo=UTC)
    assert rows[2]["end"] == dt.datetime(2025, 5, 13, 8, 45, tzinfo=UTC)
    for row, (_t, _n, _o, _w, abstract) in zip(rows, BOOKLET, strict=True):
        assert " ".join((row["abstract"] or "").split()) == abstract


# --- (d) a real deck stays one talk -----------------------------------------------------


def _deck() -> bytes:
    pdf = _new("L")
    slides = [
        [("Convex relaxations of phase retrieval", 28, "B"), ("Nadia Haddad", 16, ""),
         ("Inria", 14, ""), ("Imaging Seminar - 14 March 2025, 14:00", 12, "")],
        [("Outline", 24, "B"), ("1. The problem", 16, ""), ("2. Lifting", 16, ""),
         ("3. Guarantees", 16, ""), ("4. Experiments", 16, "")],
        [("Joint work", 24, "B"), ("Karl Berg (KTH)", 16, ""), ("Omar Said (EPFL)", 16, "")],
        [("Timeline of the method", 24, "B"), ("09:00 2019 first preprint", 16, ""),
         ("10:00 2021 journal version", 16, ""), ("11:00 2023 software release", 16, "")],
        [("Thank you", 28, "B"), ("Questions?", 16, "")],
    ]
    for slide in slides:
        pdf.add_page()
        pdf.set_y(30)
        for text, size, style in slide:
            _line(pdf, text, size, style, 6)
        pdf.set_font("Helvetica", "", 8)
        pdf.text(10, pdf.h - 8, "N. Haddad (Inria) - Phase retrieval")
    return bytes(pdf.output())


def test_a_deck_with_names_and_times_on_its_slides_is_still_one_talk() -> None:
    (row,) = _read(_deck(), tz="Europe/Paris")
    assert row["title"] == "Convex relaxations of phase retrieval"
    assert _people(row) == [("Nadia Haddad", "Inria")]
    assert row["start"] == dt.datetime(2025, 3, 14, 13, 0, tzinfo=UTC)


# --- (e) a programme with one broken page ----------------------------------------------

PAGES_E = [
    [("Time", "Speaker", "Title"),
     ("09:00 - 09:40", "Lena Ortiz (University of Seville)", "Quantum walks on graphs"),
     ("09:40 - 10:20", "Ravi Patel (IIT Bombay)", "Spectral gaps of expanders")],
    [("Time", "Speaker", "Title"),
     ("11:00 - 11:40", "Clara Weiss (Heidelberg University)", "Cutoff for random walks"),
     ("11:40 - 12:20", "Tom Fischer (LMU Munich)", "Rigidity of sphere packings")],
    [("Time", "Speaker", "Title"),
     ("14:00 - 14:40", "Ana Souza (IMPA)", "Entropy of group actions"),
     ("14:40 - 15:20", "Jonas Berg (Lund University)", "Heat kernels on fractals")],
]


def _three_pages(ruled: tuple[bool, bool, bool] = (True, True, True)) -> bytes:
    pdf = _new()
    for k, rows in enumerate(PAGES_E):
        pdf.add_page()
        if k == 0:
            _line(pdf, "Workshop on Discrete Analysis", 18, "B", 3)
        _line(pdf, f"Session {k + 1} - Thursday 9 October 2025", 13, "B", 5)
        _table(pdf, rows, ruled=ruled[k])
    return bytes(pdf.output())


def _titles(rows: list[dict]) -> list[str]:
    return [r["title"] for r in rows]


def test_a_page_whose_table_finder_fails_costs_only_that_page(
        monkeypatch: pytest.MonkeyPatch) -> None:
    real = pdfplumber.page.Page.find_tables

    def broken(self: pdfplumber.page.Page, *args: object, **kwargs: object) -> list:
        if self.page_number == 2:
            raise ValueError("bad ruling on this page")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(pdfplumber.page.Page, "find_tables", broken)
    doc = Document(path="document.pdf", data=_three_pages(), sha256="0", format="pdf",
                   hints=Hints(timezone="Europe/Berlin"))
    talks = extract_pdf(doc)
    rows = normalise_document(doc, talks, CREATED)[0]
    titles = _titles(rows)
    for expected in ("Quantum walks on graphs", "Spectral gaps of expanders",
                     "Entropy of group actions", "Heat kernels on fractals"):
        assert expected in titles
    assert any("page 2" in w and "bad ruling" in w for w in talks[0].warnings)
    first = rows[titles.index("Quantum walks on graphs")]
    assert first["start"] == dt.datetime(2025, 10, 9, 7, 0, tzinfo=UTC)  # CEST
    assert _people(first) == [("Lena Ortiz", "University of Seville")]


def test_an_unruled_table_on_one_page_is_read_from_its_columns() -> None:
    import io

    import pdfplumber

    with pdfplumber.open(io.BytesIO(_three_pages(ruled=(True, False, True)))) as pdf:
        layout = [pdf_layout.page_layout(p, k) for k, p in enumerate(pdf.pages)]
    assert not layout[1].tables
    blocks, _text = pdf_layout.blocks(layout)
    rows = [b for b in blocks if b.signature.startswith("pdf>tr")]
    assert len(rows) == 6  # ruled and unruled rows share one signature: one record shape
    # a long speaker cell running close to the title is cut at the title column's stop
    assert rows[2].parts == (("time", "11:00 - 11:40"),
                             ("speaker", "Clara Weiss (Heidelberg University)"),
                             ("title", "Cutoff for random walks"))
    rows = _read(_three_pages(ruled=(True, False, True)), tz="Europe/Berlin")
    assert _titles(rows) == [r[2] for page in PAGES_E for r in page[1:]]
    assert _people(rows[2]) == [("Clara Weiss", "Heidelberg University")]
    assert rows[2]["start"] == dt.datetime(2025, 10, 9, 9, 0, tzinfo=UTC)


def test_an_unruled_header_repeated_on_every_page_still_names_the_columns() -> None:
    import io

    import pdfplumber

    data = _three_pages(ruled=(False, False, False))
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        layout = [pdf_layout.page_layout(p, k) for k, p in enumerate(pdf.pages)]
    blocks, _text = pdf_layout.blocks(layout)  # the header is on every page: furniture too
    assert {tuple(c for c, _v in b.parts) for b in blocks if b.parts} == {
        ("time", "speaker", "title")}
    rows = _read(data, tz="Europe/Berlin")
    assert _titles(rows) == [r[2] for page in PAGES_E for r in page[1:]]
    assert [_people(r)[0][0] for r in rows] == [r[1].split(" (")[0]
                                                for page in PAGES_E for r in page[1:]]


def test_a_listing_reader_that_raises_leaves_the_deck_reading(
        monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(_pages: object) -> list:
        raise RuntimeError("listing reader bug")

    monkeypatch.setattr(pdf_layout, "listing_talks", fail)
    (row,) = _read(_deck(), tz="Europe/Paris")
    assert row["title"] == "Convex relaxations of phase retrieval"


def test_credible_needs_several_distinct_speakers() -> None:
    from pipeline.records import RawTalk

    same = [RawTalk(title=f"Slide {k}", speaker_text=["Nadia Haddad"]) for k in range(4)]
    assert not pdf_layout.credible(same, n_pages=4, slot_lines=0)
    several = [RawTalk(title=f"Talk {k}", speaker_text=[name], when_text="10:00 - 11:00")
               for k, name in enumerate(["Ana Lima", "Karl Berg", "Omar Said"])]
    assert pdf_layout.credible(several, n_pages=1, slot_lines=0)  # three titled talks
    assert pdf_layout.credible(several[:2], n_pages=1, slot_lines=6)  # slot lines
    assert not pdf_layout.credible(several[:2], n_pages=2, slot_lines=2)  # too little
    assert not pdf_layout.credible(several, n_pages=12, slot_lines=0)  # a deck's slide
    assert not pdf_layout.credible(several[:1], n_pages=1, slot_lines=6)


def _slides(slides: list[list[tuple[str, float, str]]]) -> bytes:
    pdf = _new("L")
    for slide in slides:
        pdf.add_page()
        pdf.set_y(30)
        for text, size, style in slide:
            _line(pdf, text, size, style, 6)
    return bytes(pdf.output())


def test_a_deck_slide_listing_earlier_talks_does_not_make_it_a_programme() -> None:
    deck = _slides([
        [("Sparse solvers at scale", 28, "B"), ("Ana Lima (University of Porto)", 16, ""),
         ("Numerics Seminar, 3 May 2024, 14:00", 12, "")],
        [("Earlier talks in this series", 24, "B"), ("12 April 2024 Karl Berg (KTH)", 16, ""),
         ("19 April 2024 Omar Said (EPFL)", 16, "")]])
    (row,) = _read(deck, tz="Europe/Lisbon")
    assert (row["title"], _people(row)) == ("Sparse solvers at scale",
                                            [("Ana Lima", "University of Porto")])


def test_a_programme_without_a_year_takes_it_from_the_creation_date() -> None:
    pdf = _new()
    pdf.add_page()
    _line(pdf, "Colloquium programme", 18, "B", 3)
    _line(pdf, "Tuesday 14 October", 13, "B", 4)  # no year: the PDF was made in January 2025
    for time, who, title in [("14:00 - 14:45", "Lena Ortiz (University of Seville)",
                              "Quantum walks on graphs"),
                             ("15:00 - 15:45", "Ravi Patel (IIT Bombay)",
                              "Spectral gaps of expanders"),
                             ("16:00 - 16:45", "Ana Souza (IMPA)", "Entropy of group actions")]:
        _line(pdf, time, 11, "B", 1)
        _line(pdf, who, 11, "", 1)
        _line(pdf, title, 11, "", 5)
    rows = _read(bytes(pdf.output()), tz="Europe/Madrid")
    assert [(r["title"], r["date"]) for r in rows] == [
        ("Quantum walks on graphs", dt.date(2025, 10, 14)),
        ("Spectral gaps of expanders", dt.date(2025, 10, 14)),
        ("Entropy of group actions", dt.date(2025, 10, 14))]
    assert rows[1]["start"] == dt.datetime(2025, 10, 14, 13, 0, tzinfo=UTC)


# --- a booklet page set in two columns of prose ----------------------------------------


def _two_column_booklet() -> bytes:
    pdf = _new()
    pdf.add_page()
    _line(pdf, "Abstracts - Workshop on Inverse Problems, 12 May 2025", 16, "B", 6)
    top = pdf.get_y()
    for k, (title, name, org, when, abstract) in enumerate(BOOKLET):
        x = 10 + (k % 2) * 100
        if k == 2:  # the third abstract on the next page, left column alone
            pdf.add_page()
            top = 20
        pdf.set_xy(x, top)
        pdf.set_font("Helvetica", "B", 12)
        pdf.multi_cell(90, 6, title)
        pdf.set_x(x)
        pdf.set_font("Helvetica", "", 10)
        pdf.multi_cell(90, 5, f"{name} ({org})")
        pdf.set_x(x)
        pdf.multi_cell(90, 5, when)
        pdf.ln(2)
        pdf.set_x(x)
        pdf.multi_cell(90, 5, abstract)
    return bytes(pdf.output())


def test_a_page_in_two_columns_of_prose_is_read_column_by_column() -> None:
    rows = _read(_two_column_booklet(), tz="Europe/Lisbon")
    assert [r["title"] for r in rows] == [b[0] for b in BOOKLET]
    assert [_people(r) for r in rows] == [[(b[1], b[2])] for b in BOOKLET]
    assert rows[1]["start"] == dt.datetime(2025, 5, 12, 9, 30, tzinfo=UTC)
    for row, (_t, _n, _o, _w, abstract) in zip(rows, BOOKLET, strict=True):
        assert " ".join((row["abstract"] or "").split()) == abstract


def test_a_table_row_holding_only_a_date_heads_the_rows_below_it() -> None:
    pdf = _new()
    pdf.add_page()
    _line(pdf, "Autumn School on Learning Theory", 18, "B", 5)
    pdf.set_font("Helvetica", "", 10)
    with pdf.table(col_widths=(28, 62, 100), text_align="LEFT", line_height=5) as table:
        for values in [("Time", "Speaker", "Title"), ("Monday 6 October 2025",),
                       ("09:00 - 10:00", "Ana Lima (University of Porto)", "Generalisation bounds"),
                       ("10:00 - 11:00", "Karl Berg (KTH)", "Implicit bias of gradient descent"),
                       ("Tuesday 7 October 2025",),
                       ("09:00 - 10:00", "Omar Said (EPFL)", "Online learning with experts")]:
            row = table.row()
            for value in values:
                row.cell(value, colspan=3 if len(values) == 1 else 1)
    rows = _read(bytes(pdf.output()), tz="Europe/Zurich")
    assert [(r["title"], r["date"]) for r in rows] == [
        ("Generalisation bounds", dt.date(2025, 10, 6)),
        ("Implicit bias of gradient descent", dt.date(2025, 10, 6)),
        ("Online learning with experts", dt.date(2025, 10, 7))]
    assert rows[2]["start"] == dt.datetime(2025, 10, 7, 7, 0, tzinfo=UTC)
