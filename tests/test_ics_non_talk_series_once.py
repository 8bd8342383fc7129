"""A calendar's non-talk series is one decision: a weekly group meeting, office hours or a
lunch expanded by its RRULE to dozens of occurrences is dropped once, with one reason and
its count in the run report, not once per occurrence; a talk series is still expanded.

The feed (tests/fixtures/ics/theory-group-with-meeting-series.ics) was written for this
test: three talks beside three RRULE series that are no talks and a holiday.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from extractors.ics import extract
from pipeline.normalise.stage import normalise_document
from pipeline.records import Document

FIXTURES = Path(__file__).parent / "fixtures" / "ics"
AT = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)


def _run(data: bytes) -> tuple[list[dict], list[str]]:
    doc = Document(path="feed.ics", data=data, sha256="0", format="ics")
    return normalise_document(doc, extract(doc), AT)


def test_meeting_series_dropped_as_one_record_each() -> None:
    rows, notes = _run((FIXTURES / "theory-group-with-meeting-series.ics").read_bytes())
    assert [r["speakers"][0]["name"] for r in rows] == [
        "Sofia Marin", "Tomás Rivera", "Leila Haddad"]
    series_notes = [n for n in notes if "one decision" in n]
    assert len(series_notes) == 3, notes
    by_uid = {n.split("key='")[1].split("@")[0]: n for n in series_notes}
    assert "50 occurrences" in by_uid["gm-1"] and "meeting" in by_uid["gm-1"]
    assert "40 occurrences" in by_uid["oh-1"] and "recurring event" in by_uid["oh-1"]
    assert "30 occurrences" in by_uid["jc-1"]
    assert len(notes) == 4  # and the Easter closure


def test_every_occurrence_is_still_read_and_judged() -> None:
    doc = Document(path="feed.ics", sha256="0", format="ics",
                   data=(FIXTURES / "theory-group-with-meeting-series.ics").read_bytes())
    raws = extract(doc)
    assert len(raws) == 50 + 40 + 30 + 3 + 1


def _weekly(summary: str, count: int, overrides: str = "") -> bytes:
    return ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//EN\r\nBEGIN:VEVENT\r\nUID:s@x\r\n"
            "DTSTART:20240902T150000Z\r\nDTEND:20240902T160000Z\r\n"
            f"RRULE:FREQ=WEEKLY;COUNT={count}\r\nSUMMARY:{summary}\r\nLOCATION:Room 5\r\n"
            f"END:VEVENT\r\n{overrides}END:VCALENDAR\r\n").encode()


def _override(day: int, summary: str) -> str:
    return (f"BEGIN:VEVENT\r\nUID:s@x\r\nRECURRENCE-ID:202409{day:02d}T150000Z\r\n"
            f"DTSTART:202409{day:02d}T150000Z\r\nDTEND:202409{day:02d}T160000Z\r\n"
            f"SUMMARY:{summary}\r\nLOCATION:Room 5\r\nEND:VEVENT\r\n")


def test_a_talk_series_is_still_expanded() -> None:
    """A weekly seminar whose occurrences carry their own talks gives each talk; the plain
    occurrences that only name the series are one dropped decision."""
    talks = (_override(9, "Nora Quist: Random matrices and free probability")
             + _override(16, "Ivo Petrov: Spectral gaps of random graphs")
             + _override(23, "Lena Hart: Universality for Wigner matrices"))
    rows, notes = _run(_weekly("Probability seminar", 6, talks))
    assert [(r["date"], r["speakers"][0]["name"]) for r in rows] == [
        (dt.date(2024, 9, 9), "Nora Quist"), (dt.date(2024, 9, 16), "Ivo Petrov"),
        (dt.date(2024, 9, 23), "Lena Hart")]
    assert len(notes) == 1 and "3 occurrences of one recurring" in notes[0]
    rows, notes = _run(_weekly("Writing retreat", 6))
    assert rows == [] and len(notes) == 1 and "6 occurrences of one recurring" in notes[0]


def test_a_lecture_course_repeating_title_and_lecturer_is_one_entry() -> None:
    """The same title and the same person every week: one standing event (a course's
    lecture), one entry; with a meeting title (office hours), none."""
    rows, notes = _run(_weekly("Dr. Nora Quist: Lectures on random matrices", 4))
    assert len(rows) == 1 and rows[0]["date"] == dt.date(2024, 9, 2)
    assert len(notes) == 1 and "3 occurrences of one recurring" in notes[0]
    rows, notes = _run(_weekly("Office hours: Dr. Paul Stein", 14))
    assert rows == [] and len(notes) == 1 and "14 occurrences of one recurring" in notes[0]


def test_teaching_feed_gives_its_colloquia_and_one_entry_per_course() -> None:
    rows, notes = _run((FIXTURES / "department-teaching-and-colloquia.ics").read_bytes())
    assert [r["title"] for r in rows] == [
        "MATH 201 Linear Algebra", "Tutorial group 3", "Expander graphs and codes",
        "Moduli of curves", "Harmonic analysis on fractals"]
    assert len(notes) == 4  # each series one decision: lectures, office hours, tutorials, seminar
