"""A row naming nobody among rows that name their speakers is a talk only when it states
what those rows state: in a lab calendar whose seminars all carry a room, ``Dentist``,
``Lunch w/ Daniel`` and ``Call with Maria Lopez re: grant`` (nobody named as a speaker, no
room, no abstract, no link) are appointments, dropped with the reason.

The feed (tests/fixtures/ics/lab-feed-with-appointments.ics) was written for this test in
the shape of a personal Google Calendar export that subscribes a seminar series.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from extractors.ics import extract
from pipeline.normalise import siblings
from pipeline.normalise.stage import normalise_document
from pipeline.records import Document

FIXTURES = Path(__file__).parent / "fixtures" / "ics"
AT = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)


def test_appointments_in_a_seminar_feed_are_dropped() -> None:
    data = (FIXTURES / "lab-feed-with-appointments.ics").read_bytes()
    doc = Document(path="lab.ics", data=data, sha256="0", format="ics")
    rows, notes = normalise_document(doc, extract(doc), AT)
    titles = [r["title"] for r in rows]
    for gone in ("Dentist", "Lunch w/ Daniel", "Call with Maria Lopez re: grant"):
        assert gone not in titles
        assert any(gone in n and "states no location" in n for n in notes), notes
    assert "Video diffusion models" in titles
    # the recurring one-to-one, reading group and lab cleanup: one report entry each
    assert sum("one decision" in n for n in notes) == 3


def _row(title: str, speakers: list[str], **fields: object) -> dict:
    base = {"title": title, "speakers": [{"name": n} for n in speakers], "location": None,
            "abstract": None, "url": None, "slides": None, "video": None, "speaker_bio": None}
    return base | fields


def test_an_unnamed_row_stating_what_its_siblings_state_stays() -> None:
    rows = [_row(f"Talk {i}", [f"Person {i}"], location="Room 1") for i in range(3)]
    rows.append(_row("Speaker to be confirmed: a talk on sparse grids", [], location="Room 1"))
    rows.append(_row("Holiday party", []))
    notes: list[str] = []
    kept = siblings._drop_bare_unnamed(rows, notes)
    assert [r["title"] for r in kept][-1] == "Speaker to be confirmed: a talk on sparse grids"
    assert len(kept) == 4 and len(notes) == 1


def test_too_few_named_rows_decide_nothing() -> None:
    rows = [_row("A", ["X Y"], location="R"), _row("B", ["Z W"], location="R"),
            _row("C", []), _row("D", [])]
    assert len(siblings._drop_bare_unnamed(rows, [])) == 4
