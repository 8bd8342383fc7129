"""A plain-text workshop programme states once, in its opening, what holds for every slot:
the venue under a line giving the days of the whole event (``Lisbon, 12-13 September
2022``, no talk's date), and ``All times are WEST (Lisbon)``. Breaks, registration and
the opening remarks are no talks.

The programme (tests/fixtures/text/topology-workshop-programme.txt) was written here.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from extractors.plaintext import extract
from pipeline.normalise import dates
from pipeline.normalise.stage import normalise_document
from pipeline.records import Document

FIXTURE = Path(__file__).parent / "fixtures" / "text" / "topology-workshop-programme.txt"


def _rows() -> list[dict]:
    doc = Document(path="programme.txt", data=FIXTURE.read_bytes(), sha256="0", format="text")
    rows, _ = normalise_document(doc, extract(doc), dt.datetime(2024, 1, 1, tzinfo=dt.UTC))
    return rows


def test_the_five_talks_and_no_break() -> None:
    names = sorted(r["speakers"][0]["name"] for r in _rows())
    assert names == ["Ana Ferreira", "Li Wei", "Marek Nowak", "Pablo Ortega", "Sofia Rossi"]


def test_stated_zone_and_venue_reach_every_slot() -> None:
    rows = {r["speakers"][0]["name"]: r for r in _rows()}
    assert {r["timezone"] for r in rows.values()} == {"Europe/Lisbon"}
    assert rows["Ana Ferreira"]["start"] == dt.datetime(2022, 9, 12, 8, 40, tzinfo=dt.UTC)
    assert rows["Sofia Rossi"]["end"] == dt.datetime(2022, 9, 13, 9, 20, tzinfo=dt.UTC)
    assert all(r["location"] and "2.8" in r["location"] for r in rows.values())


def test_times_statement_anywhere_but_only_as_a_statement() -> None:
    assert dates.find_times_statement("Talks\n\n...\nAll times are CET.") == "Europe/Paris"
    assert dates.find_times_statement("(times listed in Pacific)") == "America/Los_Angeles"
    assert dates.find_times_statement("The CDT hosts many times a year.") is None
