"""PDF decks in the layouts real decks use, generated here with fpdf2, read end to end
(``extract_pdf`` then the shared normalise stage), every field asserted."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from fpdf import FPDF
from PIL import Image

from extractors.slides import extract_pdf
from pipeline.errors import ExtractionError
from pipeline.normalise.stage import normalise
from pipeline.records import Document, Hints

UTC = dt.UTC
CREATED = dt.datetime(2023, 9, 1, 10, 0, tzinfo=UTC)

# one line of a page: (text, size, bold) or (text, size, bold, "sup") for a superscript run
Line = tuple


def _pdf(pages: list[list[Line]], orientation: str = "L", meta: dict | None = None) -> bytes:
    """A deck: each page a list of lines set top to bottom, centred. A line may be a list
    of runs ``(text, size, superscript?)`` to set superscripts inside it."""
    pdf = FPDF(orientation=orientation, format="A4")
    pdf.set_creation_date(CREATED)
    for key, value in (meta or {}).items():
        getattr(pdf, f"set_{key}")(value)
    for page in pages:
        pdf.add_page()
        y = 25.0
        for item in page:
            if item == "FOOTER":
                continue
            runs, size = _runs(item)
            width = 0.0
            for text, sz, _sup, bold in runs:
                pdf.set_font("Helvetica", "B" if bold else "", sz)
                width += pdf.get_string_width(text)
            x = (pdf.w - width) / 2
            for text, sz, sup, bold in runs:
                pdf.set_font("Helvetica", "B" if bold else "", sz)
                pdf.text(x, y + size * 0.35 - (size * 0.18 if sup else 0), text)
                x += pdf.get_string_width(text)
            y += size * 0.35 + 6
        for item in page:
            if item == "FOOTER":
                pdf.set_font("Helvetica", "", 8)
                pdf.text(10, pdf.h - 8, "C. Weiss (Example U.)")
                pdf.text(pdf.w / 2 - 20, pdf.h - 8, "OT and diffusion")
                pdf.text(pdf.w - 25, pdf.h - 8, f"{pdf.page} / {len(pages)}")
    return bytes(pdf.output())


def _runs(item: Line) -> tuple[list[tuple[str, float, bool, bool]], float]:
    if isinstance(item, list):
        runs = [(t, s, sup, False) for t, s, sup in item]
        return runs, max(s for _t, s, _u, _b in runs)
    text, size, bold = item
    return [(text, size, False, bold)], size


def _image_page_pdf(meta: dict | None = None) -> bytes:
    img = Image.new("RGB", (200, 120), (30, 60, 90))
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    pdf = FPDF(orientation="L")
    pdf.set_creation_date(CREATED)
    for key, value in (meta or {}).items():
        getattr(pdf, f"set_{key}")(value)
    for _ in range(2):
        pdf.add_page()
        pdf.image(io.BytesIO(buf.getvalue()), x=20, y=20, w=250)
    return bytes(pdf.output())


def rows(data: bytes, series: str | None = None, tz: str | None = "Europe/Berlin") -> list[dict]:
    doc = Document(path="deck.pdf", data=data, sha256="0", format="pdf",
                   hints=Hints(series=series, timezone=tz))
    return normalise(doc, extract_pdf(doc), dt.datetime(2024, 1, 1, tzinfo=UTC))


CONTENT = [
    [("Part 1: Setting", 24, True), ("Joint work with Tom Fischer and Ana Souza.", 14, False),
     ("Some equations here.", 14, False), "FOOTER"],
    [("Part 2: Results", 24, True), ("Thanks to Ravi Patel and Lena Ortiz", 14, False),
     "FOOTER"],
]


def test_two_line_title_under_caps_header_with_event_line():
    data = _pdf([[
        ("UNIVERSITY OF NORTHVALE", 12, True),
        ("Optimal Transport Meets", 30, True),
        ("Diffusion Models", 30, True),
        ("Clara Weiss", 18, False),
        ("Department of Mathematics, University of Northvale", 14, False),
        ("Applied Analysis Seminar, 12 October 2023", 14, False),
    ], *CONTENT])
    (r,) = rows(data)
    assert r["title"] == "Optimal Transport Meets Diffusion Models"
    assert r["speakers"] == [{"name": "Clara Weiss", "role": None,
                              "affiliation": "Department of Mathematics, University of Northvale"}]
    assert r["date"] == dt.date(2023, 10, 12)
    assert r["start"] is None and r["end"] is None
    assert r["series"] == "Applied Analysis Seminar"  # no hint: the event line names it
    assert r["location"] is None and r["abstract"] is None
    assert r["kind"] == "talk"
    (hinted,) = rows(data, series="Analysis Talks")
    assert hinted["series"] == "Analysis Talks"


def test_beamer_title_page_with_footline_institute_and_date_line():
    title_page = [
        ("Sparse Recovery in", 26, True),
        ("Infinite-Dimensional", 26, True),
        ("Hilbert Spaces", 26, True),
        ("Jonas Lindqvist", 16, False),
        ("Institute of Applied Mathematics, Eastmoor University", 12, False),
        ("October 12, 2023", 12, False),
        "FOOTER",
    ]
    frames = [[("Motivation", 20, True), ("Work with Mei Tanaka", 12, False), "FOOTER"]
              for _ in range(4)]
    (r,) = rows(_pdf([title_page, *frames]))
    assert r["title"] == "Sparse Recovery in Infinite-Dimensional Hilbert Spaces"
    aff = "Institute of Applied Mathematics, Eastmoor University"
    assert r["speakers"] == [{"name": "Jonas Lindqvist", "role": None, "affiliation": aff}]
    assert r["date"] == dt.date(2023, 10, 12)
    assert r["start"] is None
    assert r["series"] is None and r["location"] is None


def test_powerpoint_export_portrait_by_line_venue_and_time():
    data = _pdf([[
        ("Reliable Forecasts from Noisy Sensors", 28, True),
        ("by Priya Natarajan", 16, False),
        ("Harbor City Institute of Technology", 14, False),
        ("Tuesday, 5 March 2024, 4:00 pm", 14, False),
        ("Room 210, Kellner Hall", 14, False),
    ], [("Overview", 24, True)], [("Overview", 24, True)]],
        orientation="P", meta={"title": "Microsoft PowerPoint - forecasts_v3.pptx",
                               "author": "lab-admin"})
    (r,) = rows(data, tz="America/Chicago")
    assert r["title"] == "Reliable Forecasts from Noisy Sensors"
    assert r["speakers"] == [{"name": "Priya Natarajan", "role": None,
                              "affiliation": "Harbor City Institute of Technology"}]
    assert r["date"] == dt.date(2024, 3, 5)
    assert r["start"] == dt.datetime(2024, 3, 5, 22, 0, tzinfo=UTC)
    assert r["location"] == "Room 210, Kellner Hall"
    assert r["series"] is None


def test_logo_page_first_then_title_page():
    logo = [("NORTHVALE AI LAB", 40, True)]
    title = [("Graph Neural Networks for Protein Design", 28, True),
             ("Samuel Okoro", 18, False), ("Northvale University", 14, False)]
    (r,) = rows(_pdf([logo, title, [("Background", 24, True)]]))
    assert r["title"] == "Graph Neural Networks for Protein Design"
    assert r["speakers"] == [{"name": "Samuel Okoro", "affiliation": "Northvale University",
                              "role": None}]
    assert r["date"] is None and r["series"] is None


def test_superscript_speakers_map_to_their_affiliations():
    data = _pdf([[
        ("Learning Closures for Turbulent Flows", 28, True),
        [("Ines Moreau", 16, False), ("1", 9, True), (", Daniel Kovacs", 16, False),
         ("2", 9, True)],
        [("1", 8, True), ("Westbrook University   ", 12, False), ("2", 8, True),
         ("Lakemont Institute of Technology", 12, False)],
        ("Fluids Workshop, 3 May 2022", 12, False),
    ], [("Setup", 24, True)]])
    (r,) = rows(data)
    assert r["title"] == "Learning Closures for Turbulent Flows"
    assert r["speakers"] == [
        {"name": "Ines Moreau", "affiliation": "Westbrook University", "role": None},
        {"name": "Daniel Kovacs", "affiliation": "Lakemont Institute of Technology",
         "role": None},
    ]
    assert r["date"] == dt.date(2022, 5, 3)
    assert r["series"] == "Fluids Workshop"


def test_names_on_later_pages_are_never_speakers():
    data = _pdf([[("Why Deep Ensembles Work", 30, True), ("Weekly Reading Group", 14, False)],
                 *CONTENT])
    (r,) = rows(data)
    assert r["title"] == "Why Deep Ensembles Work"
    assert r["speakers"] is None or r["speakers"] == []
    assert r["date"] is None
    assert r["series"] == "Weekly Reading Group"  # a series line, named by its noun


def test_image_only_pdf_is_an_extraction_error():
    with pytest.raises(ExtractionError, match="no extractable text"):
        extract_pdf(Document(path="scan.pdf", data=_image_page_pdf(), sha256="0", format="pdf"))


def test_image_only_pdf_falls_back_to_metadata_but_never_its_date():
    data = _image_page_pdf({"title": "Spectral Methods for Kinetic Equations",
                            "author": "Hanna Berg"})
    (r,) = rows(data)
    assert r["title"] == "Spectral Methods for Kinetic Equations"
    assert r["speakers"] == [{"name": "Hanna Berg", "affiliation": None, "role": None}]
    assert r["date"] is None  # the creation date is no talk date
    assert r["warnings"]


def test_file_name_metadata_title_is_not_a_title():
    data = _image_page_pdf({"title": "slides_final.pptx", "author": "Hanna Berg"})
    with pytest.raises(ExtractionError):
        extract_pdf(Document(path="scan.pdf", data=data, sha256="0", format="pdf"))


def test_date_without_year_takes_the_year_from_the_creation_date():
    data = _pdf([[("Random Matrices and Free Probability", 28, True),
                  ("Omar Haddad", 16, False), ("Probability Seminar - 14 November", 14, False)],
                 [("Outline", 24, True)]])
    (r,) = rows(data)
    assert r["title"] == "Random Matrices and Free Probability"
    assert r["date"] == dt.date(2023, 11, 14)
    assert r["series"] == "Probability Seminar"


def _infolines_deck(n_frames: int) -> bytes:
    """A Beamer ``infolines`` deck: the date is set only in the footline of every frame."""
    pdf = FPDF(orientation="L", format=(96, 128))
    pdf.set_creation_date(CREATED)
    for k in range(n_frames + 1):
        pdf.add_page()
        pdf.set_font("Helvetica", "", 5)
        for x, text in ((4, "T. Moreno (Ridge U.)"), (45, "Mixing Times"),
                        (82, "3 Apr 2019"), (115, f"{k + 1} / {n_frames + 1}")):
            pdf.text(x, 93, text)
        if k == 0:
            pdf.set_font("Helvetica", "B", 14)
            pdf.text(20, 30, "Mixing Times of Random Walks")
            pdf.text(20, 37, "on Dynamic Graphs")
            pdf.set_font("Helvetica", "", 9)
            pdf.text(20, 50, "Teresa Moreno")
            pdf.text(20, 56, "Ridge University")
        else:
            pdf.set_font("Helvetica", "B", 11)
            pdf.text(6, 10, "Setting")
    return bytes(pdf.output())


def test_beamer_infolines_date_only_in_the_footline():
    (r,) = rows(_infolines_deck(3), tz="America/Denver")
    assert r["title"] == "Mixing Times of Random Walks on Dynamic Graphs"
    assert r["speakers"] == [{"name": "Teresa Moreno", "affiliation": "Ridge University",
                              "role": None}]
    assert r["date"] == dt.date(2019, 4, 3)
    assert r["start"] is None and r["series"] is None and r["location"] is None


def test_red_team_deck_fixture():
    data = (Path(__file__).parent / "fixtures" / "slides" / "caps_header_two_line_title.pdf")
    (r,) = rows(data.read_bytes())
    assert r["title"] == "Optimal Transport Meets Diffusion Models"
    assert r["speakers"] == [{"name": "Clara Weiss", "role": None,
                              "affiliation": "Department of Mathematics, University of Example"}]
    assert r["date"] == dt.date(2023, 10, 12)
    assert r["series"] == "Applied Analysis Seminar"
    (hinted,) = rows(data.read_bytes(), series="Analysis Talks")
    assert hinted["series"] == "Analysis Talks"


def test_two_speakers_joined_by_and_above_their_affiliation():
    data = _pdf([[("Inverse Problems with Learned Priors", 28, True),
                  ("Leila Haddad and Marco Bianchi", 16, False),
                  ("Southfield University", 13, False),
                  ("Imaging Colloquium, 21 June 2022", 13, False)],
                 [("Outline", 24, True), ("Joint work with Ada Brook", 14, False)]])
    (r,) = rows(data)
    assert r["title"] == "Inverse Problems with Learned Priors"
    assert [s["name"] for s in r["speakers"]] == ["Leila Haddad", "Marco Bianchi"]
    assert [s["affiliation"] for s in r["speakers"]] == ["Southfield University"] * 2
    assert r["date"] == dt.date(2022, 6, 21)
    assert r["series"] == "Imaging Colloquium"


def test_subtitle_shaped_like_two_names_is_not_a_speaker_list():
    data = _pdf([[("Neural Codes in the Retina", 28, True),
                  ("Spin Glasses and Neural Codes", 18, False),
                  ("Elena Rossi", 16, False), ("Vision Seminar, 4 April 2022", 13, False)],
                 [("Outline", 24, True)]])
    (r,) = rows(data)
    assert r["title"] == "Neural Codes in the Retina"
    assert r["speakers"] == [{"name": "Elena Rossi", "affiliation": None, "role": None}]
    assert r["date"] == dt.date(2022, 4, 4)
