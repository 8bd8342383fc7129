"""Slide decks: title slides whose title runs over two lines (one size with wide
leading, or a large line continued by a smaller one), bylines of several people with their
affiliations after a dash, a label line that names the kind (``Tutorial``, ``Keynote``,
``Lecture 3``), a series line with a year, an event line that also names the institution,
and text decks with other page-number styles and footers. Every deck is written here (PDF
with fpdf2), read end to end (extractor, then the shared normalise stage), every field
asserted."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from fpdf import FPDF

from extractors.slides import extract_pdf, extract_slides_text
from pipeline.normalise.stage import normalise
from pipeline.records import Document, Hints
from pipeline.sniff import sniff

UTC = dt.UTC
CREATED = dt.datetime(2024, 8, 1, tzinfo=UTC)
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "slides"
# a Unicode font for the deck whose bylines use en dashes (core fonts are Latin-1 only); the
# deck is committed, so the test does not need the font; running this file
# (``python tests/test_slides_title_slides_and_bylines.py``) regenerates it where the font exists
UNICODE_FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
EN_DASH_DECK = FIXTURES / "keynote_en_dash_bylines.pdf"

# (text, font size in pt, gap after the line in mm)
Line = tuple[str, int, float]


def _deck(slides: list[list[Line]], footer: str | None = None, font: Path | None = None
          ) -> bytes:
    """A 16:9 deck, lines centred top to bottom, a footer and slide number on each page;
    fpdf2's core fonts (Latin-1 text only) unless a TrueType ``font`` is given."""
    pdf = FPDF(orientation="L", unit="mm", format=(135, 240))
    pdf.set_auto_page_break(False)
    pdf.set_creation_date(CREATED)
    if font is not None:
        pdf.add_font("deck", "", str(font))
    for number, slide in enumerate(slides, start=1):
        pdf.add_page()
        pdf.set_y(18)
        for text, size, gap in slide:
            if font is not None:
                pdf.set_font("deck", "", size)
            else:
                pdf.set_font("Helvetica", "B" if size >= 24 else "", size)
            pdf.cell(0, size * 0.5, text, align="C", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(gap)
        if footer:
            pdf.set_font("deck" if font is not None else "Helvetica", "", 8)
            pdf.set_xy(10, 125)
            pdf.cell(180, 5, footer)
            pdf.cell(40, 5, f"{number} / {len(slides)}", align="R")
    return bytes(pdf.output())


CONTENT = [
    [("Outline", 24, 4), ("Background and notation", 14, 2), ("Main results", 14, 2)],
    [("Results", 24, 4), ("A bound that is tight up to constants", 14, 2)],
    [("Thank you", 26, 4), ("Questions welcome", 14, 2)],
]


def _rows(data: bytes, fmt: str, tz: str | None = None, series: str | None = None
          ) -> list[dict]:
    doc = Document(path="deck", data=data, sha256="0", format=fmt,
                   hints=Hints(timezone=tz, series=series))
    fn = extract_pdf if fmt == "pdf" else extract_slides_text
    return normalise(doc, fn(doc), dt.datetime(2024, 9, 1, tzinfo=UTC))


def _speakers(row: dict) -> list[tuple[str, str | None]]:
    return [(s["name"], s["affiliation"]) for s in row["speakers"]]


KEYNOTE: list[list[Line]] = [[
    ("Keynote", 14, 6),
    ("Scalable Inference", 32, 3),
    ("for Gaussian Processes on Graphs", 22, 8),
    ("Amara Nwosu \u2013 Lakeside University", 16, 2),
    ("Jonas Lindqvist \u2013 Northbridge Institute of Technology", 16, 6),
    ("Nordic Machine Learning Symposium 2023", 13, 2),
    ("Oslo, 12 June 2023", 13, 2),
], *CONTENT]


def test_keynote_two_speakers_en_dash_and_title_continued_in_smaller_type() -> None:
    (r,) = _rows(EN_DASH_DECK.read_bytes(), "pdf")
    assert r["title"] == "Scalable Inference for Gaussian Processes on Graphs"
    assert _speakers(r) == [("Amara Nwosu", "Lakeside University"),
                            ("Jonas Lindqvist", "Northbridge Institute of Technology")]
    assert r["kind"] == "talk"  # a keynote is a talk
    assert r["series"] == "Nordic Machine Learning Symposium 2023"
    assert r["date"] == dt.date(2023, 6, 12)
    assert r["start"] is None and r["end"] is None
    assert r["location"] is None
    assert r["abstract"] is None and r["speaker_bio"] is None


def test_lecture_label_two_line_title_of_one_size_and_series_with_subject() -> None:
    data = _deck([[
        ("Lecture 3", 15, 6),
        ("Random Matrices Meet", 30, 9),  # wide leading: two lines about two heights apart
        ("Free Probability", 30, 8),
        ("Dr. Lena Vogt - ETH Zurich", 18, 6),
        ("Spring School on Random Structures 2022", 13, 2),
        ("14 March 2022, 10:00", 13, 2),
    ], *CONTENT], footer="L. Vogt - Lecture 3")
    (r,) = _rows(data, "pdf", tz="Europe/Zurich")
    assert r["title"] == "Random Matrices Meet Free Probability"
    assert _speakers(r) == [("Lena Vogt", "ETH Zurich")]
    assert r["kind"] == "lecture"
    assert r["series"] == "Spring School on Random Structures 2022"
    assert r["date"] == dt.date(2022, 3, 14)
    assert r["start"] == dt.datetime(2022, 3, 14, 9, 0, tzinfo=UTC)  # 10:00 CET
    assert r["timezone"] == "Europe/Zurich"


def test_tutorial_label_below_speakers_and_event_line_with_series_and_date() -> None:
    data = _deck([[
        ("Causal Discovery in Practice", 30, 8),
        ("Hands-on Tutorial", 16, 6),
        ("Priya Raman - Ridgeway College", 16, 2),
        ("Tomas Ekberg - Harbour Research Labs", 16, 6),
        ("Summer School on Causal Inference | 8 July 2024", 12, 2),
    ], *CONTENT])
    (r,) = _rows(data, "pdf")
    assert r["title"] == "Causal Discovery in Practice"
    assert _speakers(r) == [("Priya Raman", "Ridgeway College"),
                            ("Tomas Ekberg", "Harbour Research Labs")]
    assert r["kind"] == "tutorial"
    assert r["series"] == "Summer School on Causal Inference"
    assert r["date"] == dt.date(2024, 7, 8)


def test_event_line_naming_series_and_institution_splits_them() -> None:
    data = _deck([[
        ("Curvature Flows", 30, 3),
        ("and Their Singularities", 24, 8),
        ("Hannah Osei", 20, 4),
        ("Department of Mathematics, Lakeside University", 14, 6),
        ("Geometry Colloquium, Northbridge University - 2 May 2021", 12, 2),
    ], *CONTENT], footer="H. Osei - Curvature flows")
    (r,) = _rows(data, "pdf")
    assert r["title"] == "Curvature Flows and Their Singularities"
    assert _speakers(r) == [("Hannah Osei", "Department of Mathematics, Lakeside University")]
    assert r["series"] == "Geometry Colloquium"  # the institution is not part of the series
    assert r["location"] == "Northbridge University"
    assert r["kind"] == "talk"
    assert r["date"] == dt.date(2021, 5, 2)


def test_speaker_in_title_size_is_not_joined_to_the_title() -> None:
    data = _deck([[
        ("Learning Dynamics of Wide Networks", 28, 6),
        ("Kenji Watanabe", 28, 6),
        ("Theory Seminar - 3 March 2022", 14, 2),
    ], *CONTENT])
    (r,) = _rows(data, "pdf")
    assert r["title"] == "Learning Dynamics of Wide Networks"
    assert _speakers(r) == [("Kenji Watanabe", None)]
    assert r["series"] == "Theory Seminar"
    assert r["date"] == dt.date(2022, 3, 3)


def test_smaller_subtitle_is_not_joined_to_the_title() -> None:
    data = _deck([[
        ("Sheaves in Data Analysis", 30, 4),
        ("A Gentle Introduction", 20, 8),
        ("Mateo Ruiz", 18, 4),
        ("Lakeside University", 14, 4),
        ("9 October 2020", 12, 2),
    ], *CONTENT])
    (r,) = _rows(data, "pdf")
    assert r["title"] == "Sheaves in Data Analysis"
    assert _speakers(r) == [("Mateo Ruiz", "Lakeside University")]
    assert r["date"] == dt.date(2020, 10, 9)


# --- text extracted from slides ----------------------------------------------------------


def _text_deck(title_slide: list[str], footer: str, number: str, sep: str = "\n\n") -> str:
    """A deck as text: slides separated by ``sep``, each ending with the footer and a
    page-number line in the ``number`` style (``{n}`` and ``{m}`` filled in)."""
    bodies = [title_slide, ["Motivation", "", "- one short point", "- another point"],
              ["Method", "", "- a third point", "- a fourth point"],
              ["Experiments", "", "- data", "- baselines"], ["Thank you"]]
    m = len(bodies)
    return sep.join("\n".join([*b, "", footer, number.format(n=k, m=m)])
                    for k, b in enumerate(bodies, start=1))


@pytest.mark.parametrize("number", ["Slide {n}", "- {n} -", "Page {n} of {m}", "{n}/{m}"])
def test_text_deck_page_number_styles_and_footer_with_series_and_date(number: str) -> None:
    text = _text_deck(
        ["Sparse Coding of", "Natural Sounds", "", "Ines Carvalho", "Lakeside University"],
        "I. Carvalho | Auditory Modelling Seminar | 17 Feb 2021", number)
    assert sniff(text.encode()) == "slides_text"
    (r,) = _rows(text.encode(), "slides_text")
    assert r["title"] == "Sparse Coding of Natural Sounds"
    assert _speakers(r) == [("Ines Carvalho", "Lakeside University")]
    assert r["series"] == "Auditory Modelling Seminar"
    assert r["date"] == dt.date(2021, 2, 17)
    assert r["kind"] == "talk"


def test_text_deck_with_form_feeds_label_and_dash_bylines() -> None:
    text = _text_deck(
        ["Tutorial", "", "Differentiable Physics Simulators", "",
         "Noor Haddad \u2014 Lakeside University", "Felix Brandt \u2014 Northbridge Institute",
         "", "Winter School on Scientific Computing 2025", "Trieste, 3 February 2025"],
        "Differentiable simulators tutorial", "{n}", sep="\n\f")
    assert text.count("\f") == 4
    assert sniff(text.encode()) == "slides_text"
    (r,) = _rows(text.encode(), "slides_text")
    assert r["title"] == "Differentiable Physics Simulators"
    assert _speakers(r) == [("Noor Haddad", "Lakeside University"),
                            ("Felix Brandt", "Northbridge Institute")]
    assert r["kind"] == "tutorial"
    assert r["series"] == "Winter School on Scientific Computing 2025"
    assert r["date"] == dt.date(2025, 2, 3)


def test_series_hint_wins_over_the_footer() -> None:
    text = _text_deck(["Knot Invariants from Physics", "", "Ada Brook"],
                      "A. Brook - Topology Seminar - 4 Dec 2019", "{n} / {m}")
    (r,) = _rows(text.encode(), "slides_text", series="Hinted Series")
    assert r["series"] == "Hinted Series"
    assert r["date"] == dt.date(2019, 12, 4)
    assert _speakers(r) == [("Ada Brook", None)]


def test_footer_institution_is_not_taken_for_the_venue() -> None:
    text = _text_deck(["Entropy Production in Active Matter", "", "Sara Lind"],
                      "S. Lind (Lakeside University) | Soft Matter Seminar | 5 Oct 2022",
                      "{n} / {m}")
    (r,) = _rows(text.encode(), "slides_text")
    assert r["title"] == "Entropy Production in Active Matter"
    assert r["series"] == "Soft Matter Seminar"
    assert r["location"] is None
    assert r["date"] == dt.date(2022, 10, 5)


if __name__ == "__main__":
    EN_DASH_DECK.write_bytes(_deck(KEYNOTE, "Nwosu & Lindqvist \u2013 GP on graphs", UNICODE_FONT))
