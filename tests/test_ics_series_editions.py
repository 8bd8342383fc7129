"""A calendar event titled by its series' name and an edition number (``PyData Lisbon
#13``, ``Theory Lunch No. 4: Spring meetup``) names an evening of the series, not a talk:
with nobody named it is dropped with the reason; a title after the edition stays a title.

The feed (tests/fixtures/ics/meetup-editions.ics) was written for this test in the shape
of a meetup group's export, whose talks sit only in an agenda in the description.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from extractors.ics import extract
from extractors.ics_dialects import _is_series_name
from pipeline.normalise.stage import normalise_document
from pipeline.records import Document

FIXTURES = Path(__file__).parent / "fixtures" / "ics"


def test_editions_of_the_series_are_no_talks() -> None:
    doc = Document(path="m.ics", data=(FIXTURES / "meetup-editions.ics").read_bytes(),
                   sha256="0", format="ics")
    rows, notes = normalise_document(doc, extract(doc), dt.datetime(2024, 1, 1, tzinfo=dt.UTC))
    assert rows == [], [r["title"] for r in rows]
    assert len(notes) == 2


def test_edition_marks() -> None:
    assert _is_series_name("PyData Lisbon #13", "PyData Lisbon")
    assert _is_series_name("Theory Lunch No. 4", "Theory Lunch")
    assert _is_series_name("Theory Lunch no. 4: Spring seminar", "Theory Lunch")
    assert not _is_series_name("Theory Lunch #5: Expander graphs", "Theory Lunch")
    assert not _is_series_name("PyData Porto #13", "PyData Lisbon")
