"""Places named anywhere in a talk's text (``pipeline.normalise.places``), read from sentences,
lines and a listing's opening paragraph, on documents written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from extractors.plaintext import extract as extract_text
from pipeline.normalise.places import find_place
from pipeline.normalise.stage import normalise
from pipeline.records import Document, Hints

AT = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def _rows(text: str, tz: str = "America/Toronto") -> list[dict]:
    doc = Document(path="doc.txt", data=text.encode(), sha256="0", format="text",
                   hints=Hints(timezone=tz))
    return normalise(doc, extract_text(doc), AT)


@pytest.mark.parametrize(("text", "place"), [
    ("It takes place at 11:00 in Analysen.", "Analysen"),
    ("The talk will take place in Main Hall 140, and coffee is served in the lounge.",
     "Main Hall 140"),
    ("We meet on Thursday from 3:30 to 4:45 pm in Room 101, Jeffery Hall.",
     "Room 101, Jeffery Hall"),
    ("It will be taught interactively in the CATAM room.", "CATAM room"),
    ("See you in Reed 114!", "Reed 114"),
    ("The seminar is in the Great Hall.", "Great Hall"),
    ("I have booked Ostrom at 11 and will bring cake.", "Ostrom"),
    ("The colloquium will be held online via Zoom.", "Online"),
    ("This week's talk is given on Zoom.", "Zoom"),
])
def test_a_place_is_read_from_a_sentence(text: str, place: str) -> None:
    assert find_place(text, strict=True) == place


@pytest.mark.parametrize("text", [
    "In this talk we work in Python 3 and in Hilbert spaces.",  # no room, no venue words
    "She is a professor at Stanford University and speaks at 4 PM.",  # an affiliation, a time
    "Results in Section 3 and Lemma 2 are new.",
    "Coffee and cookies will be served in the Atrium beforehand.",  # logistics
    "Jane Doe was a postdoc in the Department of Physics.",
    "The talk was given in March at ICML 2020.",
])
def test_words_that_name_no_venue_are_no_place(text: str) -> None:
    assert find_place(text, strict=True) is None


def test_a_gazetteer_name_is_a_place_wherever_it_stands() -> None:
    assert find_place("Coffee first, then the talk, Analysen as usual", known={"analysen"}) \
        is None  # a clause about coffee stays logistics
    assert find_place("The talk is in Analysen as usual", known={"ANALYSEN"}) == "Analysen"
    assert find_place("Talk: Analysen as usual", known={"analysen"}) == "Analysen"


def test_a_room_found_mid_sentence_of_a_labelled_announcement() -> None:
    (row,) = _rows(
        "Talk announcement\n\nTitle: Stability of proof systems\n"
        "Speaker: Hope White (Queen's University)\nDate: November 14, 2024, 3:30 pm\n\n"
        "The talk will take place in Main Hall 140, and coffee is served beforehand in the "
        "lounge.\n")
    assert row["location"] == "Main Hall 140"
    assert row["title"] == "Stability of proof systems"
    assert row["abstract"] is None or "Main Hall" in row["abstract"]


def test_an_announcement_in_prose_gives_its_room_and_time_in_another_sentence() -> None:
    (row,) = _rows(
        "Dear colleagues,\n\nThe Logic Seminar meets on Thursday, 14 November 2024, from 3:30 "
        "to 4:45 pm in Room 101, Jeffery Hall. Hope White of Queen's University will speak "
        "on \"Stability of proof systems\".\n\nAll are welcome.\n")
    assert [s["name"] for s in row["speakers"]] == ["Hope White"]
    assert row["title"] == "Stability of proof systems"
    assert row["location"] == "Room 101, Jeffery Hall"


def test_an_online_talk_in_prose_is_online() -> None:
    (row,) = _rows(
        "Colloquium\n\nSpeaker: Jon Park (KAIST)\nTitle: Sparse recovery\n"
        "Time: Friday, March 8, 2024, 11:00-12:00\n\n"
        "The colloquium will be held online via Zoom. Zoom link: https://example.org/j/123\n")
    assert row["location"] == "Online"


def test_a_listing_opening_paragraph_gives_every_talk_its_place() -> None:
    rows = _rows(
        "This Friday we have two talks. I have booked Ostrom at 11 as usual.\n\nBest, Kim\n\n"
        "---\n\nAna Lima\n\nTitle: Typed holes\nAbstract: Holes in programs.\n\n"
        "---\n\nKarl Berg\n\nTitle: Fast checks\nAbstract: Checks in parallel.\n")
    assert [r["title"] for r in rows] == ["Typed holes", "Fast checks"]
    assert [r["location"] for r in rows] == ["Ostrom", "Ostrom"]
