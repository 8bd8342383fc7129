"""The listing extractor: talks as front-matter data, two-line speaker cells,
abstract rows under table rows, item venues over page venues, machine years.

Pages are written here (``fixtures/listing/final``), each in a layout of its own.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from extractors import listing
from pipeline.normalise.stage import normalise
from pipeline.records import Document, Hints, RawTalk

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "listing" / "final"


def _doc(name: str, data: bytes | None = None) -> Document:
    return Document(
        path=name,
        data=data if data is not None else (FIXTURES / name).read_bytes(),
        sha256="0" * 64,
        format="markdown" if name.endswith(".md") else "html",
        hints=Hints(),
    )


def _raw(name: str, data: bytes | None = None) -> list[RawTalk]:
    doc = _doc(name, data)
    return (listing.extract_markdown if doc.format == "markdown" else listing.extract_html)(doc)


def _rows(name: str) -> list[dict]:
    doc = _doc(name)
    return normalise(doc, _raw(name), dt.datetime(2024, 1, 1, tzinfo=dt.UTC))


def test_yaml_front_matter_talks_are_data() -> None:
    talks = _raw("data_talks.md")
    # the third item names no talk; the body's repeat of the first talk is not a second talk
    assert [t.title for t in talks] == ["Anyons on a lattice", "Heat transport in spin chains"]
    first, second = talks
    assert first.speaker_text == ["Priya Raman, University of Leeds"]
    # ``16:00`` stays a clock time (YAML 1.1 would read it as the number 960)
    assert first.when_text == "2025-02-12, 16:00 – 17:00"
    assert first.location == "Physics 2.14"  # the item's room wins over the page's
    assert first.abstract == "We construct lattice models whose excitations are non-abelian anyons."
    assert first.slides == "/files/raman.pdf"
    assert first.series == "Quantum Matter Seminar"
    assert second.speaker_text == ["Tomas Lindqvist, KTH", "Mei Chen, ETH Zurich"]
    assert second.when_text == "2025-02-19, 4:00 pm"
    assert second.location == "Physics 1.01"  # the page's default, without its qualifier
    assert second.video == "https://youtube.com/watch?v=abc"
    assert second.url == "https://example.org/talks/heat"


def test_yaml_front_matter_talks_normalise() -> None:
    rows = _rows("data_talks.md")
    assert [r["date"] for r in rows] == [dt.date(2025, 2, 12), dt.date(2025, 2, 19)]
    assert rows[1]["speakers"][1]["name"] == "Mei Chen"
    assert rows[1]["speakers"][1]["affiliation"] == "ETH Zurich"


def test_toml_front_matter_events() -> None:
    talks = _raw("data_talks_toml.md")
    assert [(t.title, t.speaker_text, t.when_text, t.location) for t in talks] == [
        ("Forcing without tears", ["Ana Souza, Unicamp"], "2025-03-05, 15:30", "Room B"),
        ("Ultrafilters revisited", ["Karl Weber"], "2025-03-12", None),
    ]


def test_front_matter_people_list_is_not_talks() -> None:
    page = (
        b"---\ntitle: Organisers\nspeakers:\n  - name: Jane Doe\n    affiliation: MIT\n"
        b"  - name: John Roe\n---\n\nWe are the team.\n"
    )
    assert _raw("people.md", page) == []


def test_two_line_speaker_cells_and_abstract_rows() -> None:
    talks = _raw("table_two_rows.html")
    assert [(t.title, t.speaker_text, t.abstract) for t in talks] == [
        ("Sunflowers and their petals", ["Lena Fischer, TU Munich"],
         "We bound the size of families without a sunflower."),
        ("Random Latin squares", ["Rahul Menon, IISc Bangalore"],
         "Latin squares chosen uniformly at random have many transversals."),
    ]
    # the spanning date row above is still a day heading, not an abstract
    assert talks[0].when_text == "6 Oct 2025"


def test_two_names_in_one_cell_stay_two_speakers() -> None:
    page = (
        b"<main><table><tr><th>Date</th><th>Speaker</th><th>Title</th></tr>"
        b"<tr><td>May 4 2022</td><td>Jane Doe<br>John Roe</td><td>Joint work</td></tr>"
        b"<tr><td colspan='3'>Coffee break</td></tr>"
        b"<tr><td>May 11 2022</td><td>Ann Lee</td><td>Solo work</td></tr></table></main>"
    )
    talks = _raw("two.html", page)
    assert [t.speaker_text for t in talks] == [["Jane Doe", "John Roe"], ["Ann Lee"]]
    assert [t.abstract for t in talks] == [None, None]  # a short spanning row is no abstract


def test_card_venue_wins_and_machine_year_needs_no_inference() -> None:
    talks = _raw("cards_time.html")
    assert [t.location for t in talks] == ["Lecture Room 12, Old Library", "Hall 5"]
    rows = _rows("cards_time.html")
    assert [r["date"] for r in rows] == [dt.date(2025, 3, 4), dt.date(2025, 3, 11)]
    assert all("year inferred from heading" not in r["warnings"] for r in rows)


def test_venue_qualifier_dropped() -> None:
    assert listing._venue(["Talks are held in Room 3 (unless noted) every week."]) == "Room 3"
    assert listing._venue(["Seminars are in MS 6627 unless otherwise noted."]) == "MS 6627"
