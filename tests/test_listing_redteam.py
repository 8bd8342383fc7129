"""The listing extractor, red-teamed: pages in layouts real sites use, written for the test.

Each page is read through ``pipeline.normalise.stage.normalise`` and every field of
every row is asserted, so a junk row (navigation, a footer, an "upcoming events"
widget of other series, a no-seminar date) or a missing field fails the test.
``standing`` says whether the talk's time came from the page's standing schedule
(``Talks are held on Wednesdays at 4:15 pm in ...``), flagged by a warning.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from extractors import listing
from pipeline.normalise.stage import normalise
from pipeline.records import Document

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "listing" / "redteam"
FIELDS = (
    "title", "speakers", "date", "start", "end", "timezone", "location", "url", "slides",
    "video", "abstract", "speaker_bio", "series", "kind",
)
STANDING = "time from the page's standing schedule"


def _doc(name: str, data: bytes | None = None) -> Document:
    fmt = "markdown" if name.endswith(".md") else "html"
    if data is None:
        data = (FIXTURES / name).read_bytes()
    return Document(path=name, data=data, sha256="0" * 64, format=fmt)


def _rows(doc: Document) -> list[dict]:
    extract = listing.extract_markdown if doc.format == "markdown" else listing.extract_html
    return normalise(doc, extract(doc), dt.datetime(2024, 1, 1, tzinfo=dt.UTC))


def _check(name: str, expected: list[dict], data: bytes | None = None) -> None:
    rows = _rows(_doc(name, data))
    got = [{f: row[f] for f in FIELDS} | {"standing": STANDING in row["warnings"]}
           for row in rows]
    assert [g["title"] for g in got] == [e.get("title") for e in expected]
    for g, e in zip(got, expected, strict=True):
        assert g == {f: None for f in FIELDS} | {"standing": False} | e


def _sp(name: str, affiliation: str | None = None, role: str | None = None) -> dict:
    return {"name": name, "affiliation": affiliation, "role": role}


def _utc(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=dt.UTC)


def test_standing_cards() -> None:
    """Cards whose heading links the talk"s page, a standing schedule with a tea time, a
    ``Joint seminar:`` label, a date line ending in its own room, a ``::`` site suffix."""
    _check("standing_cards.html", [
        {
            "title": "Flat bands in twisted trilayers",
            "speakers": [_sp("Ngozi Okafor", "Columbia University")],
            "date": dt.date(2024, 3, 5),
            "start": _utc(2024, 3, 5, 20, 30),
            "timezone": "America/New_York",
            "location": "Bloomberg Hall 201",
            "url": "/seminars/cms/okafor",
            "abstract": "Moiré heterostructures host correlated insulators.",
            "series": "Condensed Matter Seminar",
            "kind": "talk",
            "standing": True,
        },
        {
            "title": "Spin liquids on the kagome lattice",
            "speakers": [_sp("Erik Lindqvist", "KTH Royal Institute of Technology")],
            "date": dt.date(2024, 3, 12),
            "start": _utc(2024, 3, 12, 19, 30),
            "timezone": "America/New_York",
            "location": "Bloomberg Hall 201",
            "url": "/seminars/cms/lindqvist",
            "series": "Condensed Matter Seminar",
            "kind": "talk",
            "standing": True,
        },
        {
            "title": "Superconductivity in nickelates",
            "speakers": [_sp("Mei Tanaka", "University of Tokyo")],
            "date": dt.date(2024, 3, 18),
            "start": _utc(2024, 3, 18, 15, 0),
            "timezone": "America/New_York",
            "location": "Room 5-134",
            "series": "Condensed Matter Seminar",
            "kind": "talk",
        },
    ])


def test_standing_table() -> None:
    """A markdown table with a no-seminar row and a footer giving every talk"s time and room."""
    _check("standing_table.md", [
        {
            "title": "Knot concordance and four-manifolds",
            "speakers": [_sp("Tomás Herrera", "Universidad de Chile")],
            "date": dt.date(2022, 4, 1),
            "start": _utc(2022, 4, 1, 19, 0),
            "timezone": "America/Chicago",
            "location": "Ryerson 251",
            "series": "Topology Seminar",
            "kind": "talk",
            "standing": True,
        },
        {
            "title": "Heegaard Floer homology for beginners",
            "speakers": [_sp("Hannah Berg", "University of Oslo")],
            "date": dt.date(2022, 4, 15),
            "start": _utc(2022, 4, 15, 19, 0),
            "timezone": "America/Chicago",
            "location": "Ryerson 251",
            "series": "Topology Seminar",
            "kind": "talk",
            "standing": True,
        },
    ])


def test_standing_24h() -> None:
    """A 24-hour standing schedule with a zone; one talk states its own time and room."""
    _check("standing_24h.html", [
        {
            "title": "Random walks on groups",
            "speakers": [_sp("Anna Keller", "ETH Zürich")],
            "date": dt.date(2023, 1, 12),
            "start": _utc(2023, 1, 12, 15, 15),
            "end": _utc(2023, 1, 12, 16, 15),
            "timezone": "Europe/Paris",
            "location": "lecture hall H3",
            "series": "Mathematics Colloquium",
            "kind": "talk",
            "standing": True,
        },
        {
            "title": "Optimal transport and curvature",
            "speakers": [_sp("Luca Bianchi", "SISSA")],
            "date": dt.date(2023, 1, 26),
            "start": _utc(2023, 1, 26, 13, 0),
            "end": _utc(2023, 1, 26, 14, 0),
            "timezone": "Europe/Paris",
            "location": "Seminar room 2.04",
            "series": "Mathematics Colloquium",
            "kind": "talk",
        },
    ])


def test_indico() -> None:
    """An Indico timetable: arrow time ranges, classed spans as fields, day-header divs."""
    _check("indico.html", [
        {
            "title": "Welcome and introduction",
            "speakers": [_sp("Sofia Marino", "CERN")],
            "date": dt.date(2023, 6, 22),
            "start": _utc(2023, 6, 22, 7, 0),
            "end": _utc(2023, 6, 22, 7, 15),
            "timezone": "Europe/Zurich",
            "location": "500/1-001 - Main Auditorium",
            "url": "/event/42/contributions/101/",
            "kind": "remarks",
        },
        {
            "title": "Graph networks for jet tagging",
            "speakers": [_sp("Jonas Weber", "DESY")],
            "date": dt.date(2023, 6, 22),
            "start": _utc(2023, 6, 22, 7, 15),
            "end": _utc(2023, 6, 22, 8, 0),
            "timezone": "Europe/Zurich",
            "location": "500/1-001 - Main Auditorium",
            "url": "/event/42/contributions/102/",
            "slides": "/event/42/contributions/102/attachments/1/slides.pdf",
            "kind": "talk",
        },
        {
            "title": "Anomaly detection with normalising flows",
            "speakers": [_sp("Aisha Bello", "University of Manchester")],
            "date": dt.date(2023, 6, 23),
            "start": _utc(2023, 6, 23, 12, 0),
            "end": _utc(2023, 6, 23, 12, 45),
            "timezone": "Europe/Zurich",
            "location": "222/R-001",
            "url": "/event/42/contributions/110/",
            "kind": "talk",
        },
    ])


def test_tribe_events() -> None:
    """WordPress The Events Calendar list; an upcoming-events sidebar widget is furniture."""
    _check("tribe_events.html", [
        {
            "title": "Conformal prediction under shift",
            "speakers": [_sp("Rina Kowalczyk", "Carnegie Mellon")],
            "date": dt.date(2023, 3, 9),
            "start": _utc(2023, 3, 9, 22, 0),
            "end": _utc(2023, 3, 9, 23, 0),
            "timezone": "America/Chicago",
            "location": "Snedecor Hall 2102",
            "url": "https://stats.example.edu/event/conformal-prediction/",
            "abstract": (
                "Conformal methods give finite-sample coverage without distributional assumptions."
            ),
            "series": "Statistics Seminar",
            "kind": "talk",
        },
        {
            "title": "Bayesian additive regression trees revisited",
            "speakers": [_sp("Daniel Osei", "Duke University")],
            "date": dt.date(2023, 3, 23),
            "start": _utc(2023, 3, 23, 21, 0),
            "end": _utc(2023, 3, 23, 22, 0),
            "timezone": "America/Chicago",
            "location": "Snedecor Hall 2102",
            "url": "https://stats.example.edu/event/bayesian-trees/",
            "series": "Statistics Seminar",
            "kind": "talk",
        },
    ])


def test_researchseminars() -> None:
    """researchseminars.org-style talk tables (upcoming and past) with an organisers line."""
    _check("researchseminars.html", [
        {
            "title": "Mean curvature flow with surgery",
            "speakers": [_sp("Kenta Ito")],
            "date": dt.date(2023, 10, 11),
            "start": _utc(2023, 10, 11, 15, 0),
            "timezone": "America/Chicago",
            "url": "/talk/geom/51/",
            "series": "Online Geometry Seminar",
            "kind": "talk",
        },
        {
            "title": "Rigidity of Einstein metrics",
            "speakers": [_sp("Rosa Delgado")],
            "date": dt.date(2023, 10, 18),
            "start": _utc(2023, 10, 18, 15, 0),
            "timezone": "America/Chicago",
            "url": "/talk/geom/52/",
            "series": "Online Geometry Seminar",
            "kind": "talk",
        },
        {
            "title": "Minimal hypersurfaces in spheres",
            "speakers": [_sp("Pavel Novak")],
            "date": dt.date(2023, 10, 4),
            "start": _utc(2023, 10, 4, 15, 0),
            "timezone": "America/Chicago",
            "url": "/talk/geom/50/",
            "series": "Online Geometry Seminar",
            "kind": "talk",
        },
        {
            "title": "Collapsing Calabi-Yau manifolds",
            "speakers": [_sp("Grace Mbeki")],
            "date": dt.date(2023, 9, 27),
            "start": _utc(2023, 9, 27, 15, 0),
            "timezone": "America/Chicago",
            "url": "/talk/geom/49/",
            "series": "Online Geometry Seminar",
            "kind": "talk",
        },
    ])


def test_gsites() -> None:
    """Google Sites paragraphs ``<b>date</b> – <b>name</b> (org): <i>title</i>``."""
    _check("gsites.html", [
        {
            "title": "Rational points on curves of genus two",
            "speakers": [_sp("Farah Qureshi", "MIT")],
            "date": dt.date(2022, 9, 12),
            "start": _utc(2022, 9, 12, 17, 0),
            "timezone": "America/New_York",
            "location": "Math Tower 5-127",
            "series": "Number Theory Seminar",
            "kind": "talk",
            "standing": True,
        },
        {
            "title": "Modular forms mod p",
            "speakers": [_sp("Jakob Lund", "Copenhagen")],
            "date": dt.date(2022, 9, 19),
            "start": _utc(2022, 9, 19, 17, 0),
            "timezone": "America/New_York",
            "location": "Math Tower 5-127",
            "series": "Number Theory Seminar",
            "kind": "talk",
            "standing": True,
        },
        {
            "title": "Heights and special cycles",
            "speakers": [_sp("Wei Zhang", "Stony Brook")],
            "date": dt.date(2022, 10, 3),
            "start": _utc(2022, 10, 3, 17, 0),
            "timezone": "America/New_York",
            "location": "Math Tower 5-127",
            "series": "Number Theory Seminar",
            "kind": "talk",
            "standing": True,
        },
    ])


def test_parallel() -> None:
    """A workshop programme with parallel sessions: rooms as columns."""
    _check("parallel.html", [
        {
            "title": "Regularisation by denoising",
            "speakers": [_sp("Clara Vogt", "TU Berlin")],
            "date": dt.date(2024, 6, 4),
            "start": _utc(2024, 6, 4, 7, 30),
            "end": _utc(2024, 6, 4, 8, 15),
            "timezone": "Europe/Berlin",
            "location": "Room A (Hörsaal 1)",
            "series": "Workshop on Inverse Problems 2024",
            "kind": "talk",
        },
        {
            "title": "Seismic tomography with neural fields",
            "speakers": [_sp("Samuel Adeyemi", "Imperial College London")],
            "date": dt.date(2024, 6, 4),
            "start": _utc(2024, 6, 4, 7, 30),
            "end": _utc(2024, 6, 4, 8, 15),
            "timezone": "Europe/Berlin",
            "location": "Room B (Seminarraum 2)",
            "series": "Workshop on Inverse Problems 2024",
            "kind": "talk",
        },
        {
            "title": "Bayesian inversion in high dimensions",
            "speakers": [_sp("Ingrid Solberg", "NTNU")],
            "date": dt.date(2024, 6, 4),
            "start": _utc(2024, 6, 4, 8, 15),
            "end": _utc(2024, 6, 4, 9, 0),
            "timezone": "Europe/Berlin",
            "location": "Room A (Hörsaal 1)",
            "series": "Workshop on Inverse Problems 2024",
            "kind": "talk",
        },
        {
            "title": "Photoacoustic imaging",
            "speakers": [_sp("Pierre Garnier", "INRIA")],
            "date": dt.date(2024, 6, 4),
            "start": _utc(2024, 6, 4, 8, 15),
            "end": _utc(2024, 6, 4, 9, 0),
            "timezone": "Europe/Berlin",
            "location": "Room B (Seminarraum 2)",
            "series": "Workshop on Inverse Problems 2024",
            "kind": "talk",
        },
    ])


def test_pre_block() -> None:
    """A fixed-width ``<pre>`` schedule with a no-meeting note line."""
    _check("pre_block.html", [
        {
            "title": "Forcing axioms and the continuum",
            "speakers": [_sp("Miriam Cohen", "Berkeley")],
            "date": dt.date(2018, 2, 6),
            "start": _utc(2018, 2, 7, 0, 0),
            "timezone": "America/Los_Angeles",
            "location": "Evans 939",
            "series": "Logic Seminar",
            "kind": "talk",
            "standing": True,
        },
        {
            "title": "Definable groups in o-minimal structures",
            "speakers": [_sp("Tadeusz Nowak", "Warsaw")],
            "date": dt.date(2018, 2, 13),
            "start": _utc(2018, 2, 14, 0, 0),
            "timezone": "America/Los_Angeles",
            "location": "Evans 939",
            "series": "Logic Seminar",
            "kind": "talk",
            "standing": True,
        },
        {
            "title": "Reverse mathematics of Ramsey theorems",
            "speakers": [_sp("Yuki Sato", "Kyoto")],
            "date": dt.date(2018, 2, 27),
            "start": _utc(2018, 2, 28, 0, 0),
            "timezone": "America/Los_Angeles",
            "location": "Evans 939",
            "series": "Logic Seminar",
            "kind": "talk",
            "standing": True,
        },
    ])


def test_readme() -> None:
    """A GitHub README list of past talks with slides and video links per talk."""
    _check("readme.md", [
        {
            "title": "Identifiability of latent causal models",
            "speakers": [_sp("Laura Fischer", "Max Planck Institute for Intelligent Systems")],
            "date": dt.date(2021, 11, 2),
            "slides": "https://example.github.io/rg/slides/fischer.pdf",
            "video": "https://www.youtube.com/watch?v=f1sch3r",
            "kind": "talk",
            "series": "Reading group on causal inference",
        },
        {
            "title": "Invariant risk minimisation, revisited",
            "speakers": [_sp("Omar Farouk", "EPFL")],
            "date": dt.date(2021, 10, 19),
            "slides": "slides/farouk.pdf",
            "kind": "talk",
            "series": "Reading group on causal inference",
        },
        {
            "title": "Causal discovery from time series",
            "speakers": [_sp("Sun-Hee Park", "KAIST")],
            "date": dt.date(2021, 10, 5),
            "video": "https://vimeo.com/777",
            "kind": "talk",
            "series": "Reading group on causal inference",
        },
    ])


def test_reverse_years() -> None:
    """Reverse-chronological archive under year headings; dates without years."""
    _check("reverse_years.md", [
        {
            "title": "Lower bounds for monotone circuits",
            "speakers": [_sp("Noor Haddad", "Princeton")],
            "date": dt.date(2019, 12, 3),
            "series": "Theory Seminar",
            "kind": "talk",
        },
        {
            "title": "Fine-grained complexity of shortest paths",
            "speakers": [_sp("Arjun Mehta", "Stanford")],
            "date": dt.date(2019, 9, 17),
            "series": "Theory Seminar",
            "kind": "talk",
        },
        {
            "title": "Derandomising space-bounded computation",
            "speakers": [_sp("Elena Popescu", "Bucharest")],
            "date": dt.date(2018, 11, 27),
            "series": "Theory Seminar",
            "kind": "talk",
        },
        {
            "title": "Sum-of-squares lower bounds",
            "speakers": [_sp("Samir Khalil", "Cornell")],
            "date": dt.date(2018, 1, 30),
            "series": "Theory Seminar",
            "kind": "talk",
        },
    ])


def test_one_off_announcement_is_not_a_standing_schedule() -> None:
    """A dated sentence (``The next talk is on ...``) and a logistics time set nothing."""
    page = (
        "<html><body><main><h1>Optics Seminar</h1>"
        "<p>The next talk is on May 2, 2024 at 2:00 pm in Room 12.</p>"
        "<p>Lunch is served at 12:30 pm in the atrium.</p>"
        "<ul><li>May 9, 2024: Iris Novak (Rice University) — Metasurface lenses</li></ul>"
        "</main></body></html>"
    ).encode()
    _check("one_off.html", [
        {
            "title": "Metasurface lenses",
            "speakers": [_sp("Iris Novak", "Rice University")],
            "date": dt.date(2024, 5, 9),
            "series": "Optics Seminar",
            "kind": "talk",
        },
    ], data=page)


def test_series_from_html_title_with_site_suffix() -> None:
    """``<title>Series :: Site</title>`` without an ``<h1>``: the part naming an event."""
    for sep in ("|", "::", "–", "-"):
        page = (
            f"<html><head><title>Plasma Physics Colloquium {sep} Department of Physics</title>"
            "</head><body><ul><li>March 3, 2022: Ada Brown (UCLA) — Tokamak edge turbulence"
            "</li></ul></body></html>"
        ).encode()
        (row,) = _rows(_doc("t.html", page))
        assert row["series"] == "Plasma Physics Colloquium", sep
