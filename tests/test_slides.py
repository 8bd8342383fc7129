"""Slide decks: PDF title slides (font sizes) and text already extracted from slides."""

from __future__ import annotations

import datetime as dt

import pytest
from fpdf import FPDF

from extractors.slides import extract_pdf, extract_slides_text, repair_split_words
from pipeline.errors import ExtractionError
from pipeline.normalise.stage import normalise
from pipeline.records import Document, Hints
from tests.conftest import SEEDS, ingest, needs_shared, score

UTC = dt.UTC


def _deck(first: list[tuple[str, int]], later: list[list[tuple[str, int]]]) -> bytes:
    """A landscape PDF deck: each page a list of (text, font size) lines."""
    pdf = FPDF(orientation="L", format="A4")
    for page in [first, *later]:
        pdf.add_page()
        pdf.set_y(20)
        for text, size in page:
            pdf.set_font("Helvetica", size=size)
            pdf.cell(0, size * 0.6, text, new_x="LMARGIN", new_y="NEXT", align="C")
            pdf.ln(4)
    return bytes(pdf.output())


def rows(data: bytes, fmt: str, tz: str | None = "America/New_York") -> list[dict]:
    doc = Document(path="deck", data=data, sha256="0", format=fmt, hints=Hints(timezone=tz))
    fn = extract_pdf if fmt == "pdf" else extract_slides_text
    return normalise(doc, fn(doc), dt.datetime(2024, 1, 1, tzinfo=UTC))


def test_pdf_title_slide():
    data = _deck(
        [
            ("Quantum Error Correction at Scale", 30),
            ("Maria Gonzalez", 20),
            ("Lakeside University", 16),
            ("Physics Colloquium - April 12, 2023", 16),
        ],
        [[("Collaborators", 24), ("John Smith", 14), ("Wei Zhang", 14)]],
    )
    (r,) = rows(data, "pdf")
    assert r["source_format"] == "pdf"
    assert r["title"] == "Quantum Error Correction at Scale"
    assert r["speakers"] == [
        {"name": "Maria Gonzalez", "affiliation": "Lakeside University", "role": None}
    ]
    assert r["date"] == dt.date(2023, 4, 12)
    assert r["start"] is None
    assert r["abstract"] is None


def test_pdf_logo_line_larger_than_title_does_not_win():
    data = _deck(
        [
            ("QLAB", 44),  # logo: larger than the title, repeated on every page
            ("Northbridge Institute of Technology", 34),  # institution, also larger
            ("Learning Dynamics of Wide Networks", 28),
            ("Kenji Watanabe", 18),
            ("Theory Seminar - March 3, 2022, 2:00 pm", 14),
        ],
        [[("QLAB", 44), ("Setup", 24), ("Kenji Watanabe and Ada Brook", 14)],
         [("QLAB", 44), ("Results", 24)]],
    )
    (r,) = rows(data, "pdf", tz="Asia/Tokyo")
    assert r["title"] == "Learning Dynamics of Wide Networks"
    assert [s["name"] for s in r["speakers"]] == ["Kenji Watanabe"]
    assert r["date"] == dt.date(2022, 3, 3)
    assert r["start"] == dt.datetime(2022, 3, 3, 5, 0, tzinfo=UTC)  # 14:00 JST


def test_encrypted_pdf_is_an_extraction_error():
    pdf = FPDF()
    pdf.set_encryption(owner_password="owner", user_password="secret")
    pdf.add_page()
    pdf.set_font("Helvetica", size=20)
    pdf.cell(0, 10, "Hidden Title")
    doc = Document(path="x.pdf", data=bytes(pdf.output()), sha256="0", format="pdf")
    with pytest.raises(ExtractionError, match="encrypted"):
        extract_pdf(doc)


def test_truncated_pdf_is_an_extraction_error():
    data = _deck([("A Title Here", 30)], [])
    doc = Document(path="x.pdf", data=data[: len(data) // 3], sha256="0", format="pdf")
    with pytest.raises(ExtractionError):
        extract_pdf(doc)


SLIDES_TEXT = """\

Scaling Laws for Sparse
Mixture Models

Hugo Brenner

Data Science Seminar, October 18, 2021

1

Outline

- Background on SMM networks
- Results from the SM M benchmark

2

Acknowledgements

Priya Raman
Tom Alder

3
"""


def test_slides_text_title_block_speaker_and_event_line():
    (r,) = rows(SLIDES_TEXT.encode(), "slides_text")
    assert r["title"] == "Scaling Laws for Sparse Mixture Models"
    assert r["speakers"] == [{"name": "Hugo Brenner", "affiliation": None, "role": None}]
    assert r["date"] == dt.date(2021, 10, 18)
    assert r["start"] is None


def test_split_word_repair_needs_the_joined_form_in_the_document():
    doc = "Welcome to QUBIT labs. QUBIT is great. QUBIT again."
    assert repair_split_words("The QU BIT Lab", doc) == "The QUBIT Lab"
    assert repair_split_words("Deep Learning Now", doc) == "Deep Learning Now"


@needs_shared
def test_seed_slides_text_scores(tmp_path):
    code, _ = ingest(SEEDS, out=tmp_path / "out")
    assert code == 0
    assert score(tmp_path / "out", "002_6b88348e50da2c26.txt") >= 0.95


def test_sniff_short_deck_text_but_not_announcements():
    from pathlib import Path

    from pipeline.sniff import sniff

    assert sniff(SLIDES_TEXT.encode()) == "slides_text"
    fixtures = Path(__file__).parent / "fixtures" / "text"
    for name in ("header_fields.txt", "prose.txt", "seminars.mbox", "listing_separated.txt"):
        assert sniff((fixtures / name).read_bytes()) == "text", name


def test_pdf_title_and_subtitle_in_two_sizes_speaker_affiliation_date():
    data = _deck(
        [
            ("Learning to Simulate Turbulence", 28),
            ("Neural surrogates for wall-bounded flows", 18),
            ("Dr. Amara Okafor", 16),
            ("Department of Mechanical Engineering, Ridgeway University", 14),
            ("Fluids Seminar, 7 March 2022", 14),
        ],
        [[("Motivation", 24), ("Direct simulation is expensive", 14)]],
    )
    (r,) = rows(data, "pdf", tz="Europe/Rome")
    assert r["title"] == "Learning to Simulate Turbulence"  # the subtitle is not appended
    assert r["speakers"] == [{
        "name": "Amara Okafor",
        "affiliation": "Department of Mechanical Engineering, Ridgeway University",
        "role": None,
    }]
    assert r["date"] == dt.date(2022, 3, 7)
    assert r["start"] is None
    assert r["abstract"] is None


def test_pdf_subtitle_that_continues_the_title_is_appended():
    data = _deck(
        [
            ("From Molecules to Materials:", 28),
            ("graph networks for chemistry", 20),
            ("Lukas Brandt", 16),
            ("Hillcrest Institute of Technology", 14),
        ],
        [[("Outline", 24)]],
    )
    (r,) = rows(data, "pdf", tz="Europe/Rome")
    assert r["title"] == "From Molecules to Materials: graph networks for chemistry"
    assert r["speakers"] == [
        {"name": "Lukas Brandt", "affiliation": "Hillcrest Institute of Technology", "role": None}
    ]
    assert r["date"] is None


TWO_LINE_TITLE = """\
Optimal Transport Meets
Bayesian Inference
Sofia Marchetti, Politecnico di Torino
Workshop on Computational Statistics, 12 September 2019

1

Why transport?

2

Thanks

3
"""


def test_slides_text_two_line_title_then_speaker_with_affiliation():
    (r,) = rows(TWO_LINE_TITLE.encode(), "slides_text", tz="Europe/Rome")
    assert r["title"] == "Optimal Transport Meets Bayesian Inference"
    assert r["speakers"] == [
        {"name": "Sofia Marchetti", "affiliation": "Politecnico di Torino", "role": None}
    ]
    assert r["date"] == dt.date(2019, 9, 12)
    assert r["start"] is None


FOOTER_DECK = """\
M. Duarte | Kinetic Models | Lisbon 2023
Kinetic Models of
Collective Motion in Crowds
Marta Duarte
Centre for Mathematical Analysis, University of Lisbon
October 12, 2023

1

M. Duarte | Kinetic Models | Lisbon 2023
Why crowds?
Joint work with Rui Costa and Ines Lopes

2

M. Duarte | Kinetic Models | Lisbon 2023
Thank you

3
"""


def test_slides_text_footer_on_every_slide_is_not_the_title():
    (r,) = rows(FOOTER_DECK.encode(), "slides_text", tz="Europe/Lisbon")
    assert r["title"] == "Kinetic Models of Collective Motion in Crowds"
    assert r["speakers"] == [{
        "name": "Marta Duarte",
        "affiliation": "Centre for Mathematical Analysis, University of Lisbon",
        "role": None,
    }]
    assert r["date"] == dt.date(2023, 10, 12)
    assert r["start"] is None
    assert r["series"] is None and r["location"] is None


NUMERIC_DATE_DECK = """\
Stochastic Gradient Noise and Generalisation

Yusuf Demir
Northgate Institute of Technology

12/10/2023

Introduction
"""


def test_slides_text_numeric_date_line_alone():
    (r,) = rows(NUMERIC_DATE_DECK.encode(), "slides_text", tz="Europe/London")
    assert r["title"] == "Stochastic Gradient Noise and Generalisation"
    assert r["speakers"] == [
        {"name": "Yusuf Demir", "affiliation": "Northgate Institute of Technology", "role": None}
    ]
    assert r["date"] is not None and r["date"].year == 2023
    assert {r["date"].month, r["date"].day} == {10, 12}


MARKED_DECK = """\
Geometry Seminar — 9 February 2021

Curvature Flows on
Singular Spaces

Ana Lima¹, Rui Sousa²
¹University of Coimbra ²Instituto Superior Técnico

1

Acknowledgements: Pedro Alves, Joana Reis

2
"""


def test_slides_text_superscript_speakers_and_event_line_above_the_title():
    (r,) = rows(MARKED_DECK.encode(), "slides_text", tz="Europe/Lisbon")
    assert r["title"] == "Curvature Flows on Singular Spaces"
    assert r["speakers"] == [
        {"name": "Ana Lima", "affiliation": "University of Coimbra", "role": None},
        {"name": "Rui Sousa", "affiliation": "Instituto Superior Técnico", "role": None},
    ]
    assert r["date"] == dt.date(2021, 2, 9)
    assert r["series"] == "Geometry Seminar"
