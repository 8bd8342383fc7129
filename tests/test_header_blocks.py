"""Header blocks that are not RFC 822: a run of ``Label: value`` lines at the top of a text is
metadata, its unknown labels dropped, and header and body values compete by validity."""

from __future__ import annotations

import datetime as dt

from extractors.announcement import completed_when, header_block
from extractors.plaintext import extract as extract_text
from pipeline.normalise.stage import normalise
from pipeline.records import Document, Hints

AT = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def _rows(text: str, tz: str = "America/New_York") -> list[dict]:
    doc = Document(path="doc.txt", data=text.encode(), sha256="0", format="text",
                   hints=Hints(timezone=tz))
    return normalise(doc, extract_text(doc), AT)


HEADER = (
    "Subject: Graph reduction on many cores\n"
    "Event: Programming Languages Seminar\n"
    "When: Monday 3 February 2025, 2:00 PM\n"
    "Where: Gates 104\n"
    "Posted-By: webmaster\n"
    "Audience: open to the public\n"
    "\n"
    "Ana Lima, University of Porto\n"
    "\n"
    "2:00-3:15, Gates 104\n"
    "\n"
    "We show how to reduce graphs in parallel on many cores.\n"
)


def test_a_header_block_is_metadata_and_its_unknown_labels_are_dropped() -> None:
    (row,) = _rows(HEADER)
    assert row["title"] == "Graph reduction on many cores"  # Subject, as no Title says else
    assert row["series"] == "Programming Languages Seminar"  # Event
    assert [(s["name"], s["affiliation"]) for s in row["speakers"]] == [
        ("Ana Lima", "University of Porto")]
    assert row["location"] == "Gates 104"
    assert row["abstract"] == "We show how to reduce graphs in parallel on many cores."
    for kept in (row["title"], row["abstract"]):
        assert "webmaster" not in kept and "public" not in kept


def test_the_body_gives_the_end_the_header_lacks() -> None:
    (row,) = _rows(HEADER)
    assert row["start"] == dt.datetime(2025, 2, 3, 19, 0, tzinfo=dt.UTC)
    assert row["end"] == dt.datetime(2025, 2, 3, 20, 15, tzinfo=dt.UTC)


def test_a_body_time_that_disagrees_with_the_header_does_not_replace_it() -> None:
    assert completed_when("Monday 3 February 2025, 2:00 PM", "2:00-3:15") == \
        "Monday 3 February 2025, 14:00-15:15"
    assert completed_when("Monday 3 February 2025, 2:00 PM", "4:00-5:00 pm") is None
    assert completed_when("Monday 3 February 2025, 2:00 PM", "Tuesday 4 February, 2:00-3:00 pm") \
        is None  # another day
    assert completed_when("Monday 3 February 2025, 2:00-3:00 PM", "2:00-3:15") is None


def test_a_titled_first_line_over_labels_is_no_metadata() -> None:
    lines = ["Deep Learning: A Primer", "Speaker: Ana Lima", "Date: 3 Feb 2025, 4pm",
             "Sponsor: the department", "", "Body text."]
    header = header_block(lines)
    assert header.lines == range(0, 4)
    assert header.dropped == {3}  # the sponsor line; the first line may be the title
    (row,) = _rows("\n".join(lines) + "\n")
    assert row["title"] == "Deep Learning: A Primer"


def test_one_label_line_makes_no_header_block() -> None:
    assert header_block(["Note: the room changed", "", "Speaker: Ana Lima"]).dropped == set()


def test_a_posting_line_in_the_header_dates_its_two_digit_years() -> None:
    (row,) = _rows(
        "Posted: 28-Jan-97 by the department office\n"
        "Date: 03-Feb-97\n"
        "Time: 4:00 PM\n"
        "Speaker: Karl Berg (KTH)\n"
        "Title: Learned reconstruction\n"
        "Contact: the seminar office\n\n"
        "We reconstruct images from few measurements.\n")
    assert row["date"] == dt.date(1997, 2, 3)
    assert row["start"] == dt.datetime(1997, 2, 3, 21, 0, tzinfo=dt.UTC)
    assert row["title"] == "Learned reconstruction"
    assert row["abstract"] == "We reconstruct images from few measurements."
