"""A deck or announcement saved as text: a line holding a series name and a date is the
event line (series and day), never the title; a heading over bullet lines is a list, not
a title. The text is written for this test."""

from __future__ import annotations

from extractors.announcement import event_when, parse_talk

DECK_AS_TEXT = """\
Sparse recovery in practice

Ana Lima
Massachusetts Institute of Technology

Analysis Seminar, 12 March 2031

Outline
- Compressed sensing
- Algorithms
- Experiments

Thank you!
"""


def test_an_event_line_gives_series_and_day() -> None:
    assert event_when("Analysis Seminar, 12 March 2031") == ("Analysis Seminar",
                                                             "12 March 2031")
    assert event_when("12 March 2031 – Geometry Colloquium") == ("Geometry Colloquium",
                                                                 "12 March 2031")
    assert event_when("Sparse recovery, 12 March 2031") is None  # a title is no series
    assert event_when("Next meeting - November 17th") is None  # names no series


def test_a_deck_saved_as_text_keeps_its_cover_title() -> None:
    talk = parse_talk(DECK_AS_TEXT.splitlines())
    assert talk is not None and talk.title == "Sparse recovery in practice"
    assert talk.when_text == "12 March 2031"
    assert talk.series == "Analysis Seminar"
    assert [s.name for s in talk.speakers] == ["Ana Lima"]
