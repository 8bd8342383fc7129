"""One-line items that open with a weekday, a date and the hour (``Tuesday 4 April 2017,
16:00``), then ``Name (Org), "Title", Place``: the weekday is not taken for a month, the
hour belongs to the date, the quotes bound the title and what follows them is the place.

The listing (tests/fixtures/text/dated-one-liners-with-rooms.txt) was written here.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from extractors.plaintext import extract
from pipeline.normalise import places
from pipeline.normalise.stage import normalise_document
from pipeline.records import Document
from pipeline.structure import templates

FIXTURE = Path(__file__).parent / "fixtures" / "text" / "dated-one-liners-with-rooms.txt"


def test_weekday_date_and_hour_lead_the_item() -> None:
    lead = templates.prepare('Tuesday 4 April 2017, 16:00  A Name (Org), "T"').lead
    assert lead == ("Tuesday 4 April 2017, 16:00", 'A Name (Org), "T"')
    assert templates.prepare("Mon, Jan 5: A Name").lead == ("Mon, Jan 5", "A Name")
    assert templates.prepare("4 April 2017: A Name").lead == ("4 April 2017", "A Name")


def test_every_item_gives_its_talk_and_place() -> None:
    doc = Document(path="talks.txt", data=FIXTURE.read_bytes(), sha256="0", format="text")
    rows, _ = normalise_document(doc, extract(doc), dt.datetime(2024, 1, 1, tzinfo=dt.UTC))
    got = [(r["date"], r["title"], r["speakers"][0]["name"], r["speakers"][0]["affiliation"],
            r["location"]) for r in rows]
    assert got == [
        (dt.date(2017, 4, 4), "Gravitational waves from neutron star mergers", "Maria Santos",
         "Caltech", "Lecture Theatre A"),
        (dt.date(2017, 4, 6), "Spin liquids in frustrated magnets", "Peter Novak", "Oxford",
         "Room 501"),
        (dt.date(2017, 4, 7), "Topological phases of matter", "Ines Duarte", "Lisbon",
         "Room 501")]


def test_a_tail_is_a_place_only_when_it_names_one() -> None:
    assert places.looks_like_place("Lecture Theatre A")
    assert places.looks_like_place("Zoom")
    assert not places.looks_like_place("2017")
    assert not places.looks_like_place("a survey of recent results")


def test_date_colon_items_keep_speaker_and_place_apart() -> None:
    """``6 April 2017: Name (Org), "Title", Room 501``: the room after the quotes is no
    part of the affiliation, and each item keeps its own place."""
    data = ('Upcoming talks\n\n'
            '4 April 2017: Maria Santos (Caltech), "Gravitational waves", Lecture Theatre A\n'
            '6 April 2017: Peter Novak (Oxford), "Spin liquids in magnets", Room 501\n')
    doc = Document(path="talks.txt", data=data.encode(), sha256="0", format="text")
    rows, _ = normalise_document(doc, extract(doc), dt.datetime(2024, 1, 1, tzinfo=dt.UTC))
    assert [(r["speakers"], r["title"], r["location"]) for r in rows] == [
        ([{"name": "Maria Santos", "affiliation": "Caltech", "role": None}],
         "Gravitational waves", "Lecture Theatre A"),
        ([{"name": "Peter Novak", "affiliation": "Oxford", "role": None}],
         "Spin liquids in magnets", "Room 501")]


def test_quoted_title_and_place_is_one_reading() -> None:
    assert places.quoted_title_and_place('A (Org), "Spin liquids", Room 501') == (
        "Spin liquids", "Room 501")
    assert places.quoted_title_and_place('"Rosebud", and other last words') is None
    assert places.quoted_title_and_place("No quotes here, Room 5") is None
