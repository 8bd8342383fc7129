"""An email announcing a double session gives each slot its hour only; the day is in the
Subject (``… double session, Friday 9 June 2023``) and belongs to every slot. The coffee
between the talks is no talk, and the room stated once above the slots is theirs.

The mail (tests/fixtures/text/double-session-subject-day.eml) was written here.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from extractors.plaintext import extract
from pipeline.normalise.stage import normalise_document
from pipeline.records import Document

FIXTURE = Path(__file__).parent / "fixtures" / "text" / "double-session-subject-day.eml"


def test_both_slots_take_the_subjects_day() -> None:
    doc = Document(path="mail.eml", data=FIXTURE.read_bytes(), sha256="0", format="text")
    rows, _ = normalise_document(doc, extract(doc), dt.datetime(2024, 1, 1, tzinfo=dt.UTC))
    assert [(r["speakers"][0]["name"], r["date"]) for r in rows] == [
        ("Lukas Brandt", dt.date(2023, 6, 9)), ("Chiara Bellini", dt.date(2023, 6, 9))]
    assert all("Subject" in " ".join(r["warnings"]) for r in rows)
    assert {r["location"] for r in rows} == {"Room 0.11, Mathematikon"}
