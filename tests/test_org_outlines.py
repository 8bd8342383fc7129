"""Org-mode outlines: read by their headings like markdown, one talk per repeated heading,
the day from the ancestor heading; a notes file labelling one speaker is one talk; a talk
list in org keeps its slots; a Go present deck is no org outline.

The documents are written for this test."""

from __future__ import annotations

import hashlib

from extractors.listing import extract_markdown
from extractors.orgmode import is_org, org_one_talk, org_to_markdown
from extractors.plaintext import extract as extract_text
from pipeline.records import Document

WORKSHOP = """\
#+TITLE: Harbour Compilers Workshop 2031
#+STARTUP: overview

* Monday, March 3, 2031

** Morning
*** [[file:sessions/regalloc.org][Register Allocation by Puzzle Solving]]
Ingrid Halvorsen - compiler engineer at Nordlys Data
Suits people new to backends

*** [[file:sessions/ssa.org][Static Single Assignment without Tears]]
Tomasz Wrona - lecturer, Kraków University of Technology
Suits people who like intermediate forms

* Tuesday, March 4, 2031

** Afternoon
*** [[file:sessions/gc.org][Garbage Collection for the Impatient]]
Amara Okafor - runtime lead, Lagos Systems
Suits runtime hackers
"""

NOTES = """\
#+TITLE: Garbage Collection for the Impatient
#+DATE: <2031-03-04 Tue 14:00>
#+PROPERTY: header-args :results output

* About this session
- *Speaker*: Amara Okafor (Lagos Systems)
- *Room*: Hall B

* Background Reading
- [[https://example.org/gc][A survey]]

* Open Questions
** Generational Hypothesis
- still holds for servers?
"""

TALK_LIST = """\
#+TITLE: Talks

** 2030

- *04.11.2030* - [[https://example.org/a.pdf][Lattices for Beginners]] - Uppsala University, Sweden.
- *12.09.2030* - [[https://example.org/b.pdf][Sieving in Practice]] - ENS Lyon, France.
- *02.05.2030* - Rounding Errors Everywhere - TU Delft, Netherlands.

** 2029

- *19.11.2029* - [[https://example.org/c.pdf][Lattices for Beginners]] - Aarhus, Denmark.
"""

PRESENT_DECK = """\
Profiling in Go
15:30 4 Mar 2031

Ingrid Halvorsen
ingrid@example.org

* Why [[https://example.org][profile]]

- allocations

* Escape analysis

- stack or heap
"""


def _doc(text: str, fmt: str = "markdown") -> Document:
    data = text.encode()
    return Document(path="x.org", data=data, sha256=hashlib.sha256(data).hexdigest(),
                    format=fmt)


def test_org_markup_becomes_markdown() -> None:
    md = org_to_markdown(WORKSHOP)
    assert "# Harbour Compilers Workshop 2031" in md
    # a ``file:`` target is a relative path
    assert "#### [Static Single Assignment without Tears](sessions/ssa.org)" in md
    assert "## Monday, March 3, 2031" in md
    assert "#+STARTUP" not in md


def test_repeated_headings_are_the_talks_and_ancestors_give_the_day() -> None:
    for talks in (extract_markdown(_doc(WORKSHOP)), extract_text(_doc(WORKSHOP, "text"))):
        titles = [t.title for t in talks]
        assert titles == ["Register Allocation by Puzzle Solving",
                          "Static Single Assignment without Tears",
                          "Garbage Collection for the Impatient"]
        assert "March 4, 2031" in (talks[2].when_text or "")
        assert (talks[1].speaker_text or [""])[0].startswith("Tomasz Wrona")


def test_notes_labelling_one_speaker_are_one_talk_titled_by_the_document() -> None:
    talk = org_one_talk(NOTES)
    assert talk is not None and talk.title == "Garbage Collection for the Impatient"
    assert talk.speaker_text == ["Amara Okafor (Lagos Systems)"]
    assert talk.when_text == "2031-03-04 Tue 14:00"
    talks = extract_markdown(_doc(NOTES))
    assert [t.title for t in talks] == ["Garbage Collection for the Impatient"]
    assert org_one_talk(WORKSHOP) is None  # nobody labelled: a programme, not one talk


def test_an_org_talk_list_keeps_its_slots() -> None:
    talks = extract_markdown(_doc(TALK_LIST))
    assert [t.title for t in talks] == ["Lattices for Beginners", "Sieving in Practice",
                                        "Rounding Errors Everywhere", "Lattices for Beginners"]


def test_a_present_deck_is_no_org_outline() -> None:
    assert is_org(WORKSHOP) and is_org(NOTES)
    assert not is_org(PRESENT_DECK)
    assert not is_org("* one\n* two\n* three\n")  # a markdown bullet list


ABSTRACT_PAGE = """\
#+TITLE: Tides in Small Harbours
#+author: Oona Lindqvist

* Abstract
Small harbours resonate with the tide in ways large ones do not.
We measure three of them.

* Requirements
None beyond curiosity.

* Speaker bio
Oona Lindqvist studies coastal physics at the Baltic Institute.
"""


def test_an_abstract_page_is_its_authors_talk() -> None:
    for talks in (extract_markdown(_doc(ABSTRACT_PAGE)),
                  extract_text(_doc(ABSTRACT_PAGE, "text"))):
        assert len(talks) == 1
        talk = talks[0]
        assert talk.title == "Tides in Small Harbours"
        assert talk.speaker_text == ["Oona Lindqvist"]
        assert "three of them" in (talk.abstract or "")
        assert "Baltic Institute" in (talk.speaker_bio or "")


AGENDA = """\

* Planning

** Expo Day

| From  |    To | Slot                 |
|-------+-------+----------------------|
| 08:00 | 08:30 | Doors open           |
| 08:30 | 09:00 | Position Exhibitors  |
| 09:00 | 09:30 | Coffee               |
"""

TWO_LINE_LINKS = """\
[[./decks/harbour-tides-oslo-2031.pdf][Tides in Small Harbours - Oslo Coastal Meetup March 2031]]
2031-03-12

[[./decks/wave-gauges-bergen-2031.pdf][Cheap Wave Gauges - Bergen Makers Night September 2031]]
2031-09-02
"""


def test_nested_stars_and_table_rules_mark_an_outline() -> None:
    assert is_org(AGENDA)
    assert "|-------|-------|" in org_to_markdown(AGENDA)


def test_an_agenda_slot_for_exhibitors_names_nobody() -> None:
    from pipeline.structure.templates import name_score

    assert name_score("Position Exhibitors") == 0.0
    talks = extract_markdown(_doc(AGENDA))
    assert not any(t.speaker_text or t.speakers for t in talks)


def test_a_long_org_link_line_over_its_date_is_one_record() -> None:
    talks = extract_text(_doc(TWO_LINE_LINKS, "text"))
    assert [(t.when_text, t.slides) for t in talks] == [
        ("2031-03-12", "./decks/harbour-tides-oslo-2031.pdf"),
        ("2031-09-02", "./decks/wave-gauges-bergen-2031.pdf")]
    assert (talks[1].title or "").startswith("Cheap Wave Gauges")


DRAWERS = """\
#+TITLE: Lakeside Functional Programming Day
#+DATE: 2031-06-14

* Talks
** Typed Holes in Practice
   SCHEDULED: <2031-06-14 Sat 10:00-10:45>
   :PROPERTIES:
   :SPEAKER: Mirela Kovač
   :AFFILIATION: University of Zagreb
   :ROOM: Aula 2
   :END:
   Typed holes let the compiler tell you what fits.

** Effects Without Monads
   SCHEDULED: <2031-06-14 Sat 11:00-11:45>
   :PROPERTIES:
   :SPEAKER: Henrik Aas
   :AFFILIATION: NTNU
   :ROOM: Aula 2
   :END:
   Algebraic effects in a small language.

** Lunch
   SCHEDULED: <2031-06-14 Sat 12:00-13:00>
"""


def test_planning_stamps_and_property_drawers_fill_the_record() -> None:
    for talks in (extract_markdown(_doc(DRAWERS)), extract_text(_doc(DRAWERS, "text"))):
        assert [t.title for t in talks] == ["Typed Holes in Practice", "Effects Without Monads"]
        first = talks[0]
        assert first.when_text == "2031-06-14 Sat 10:00-10:45"
        assert first.location == "Aula 2"
        assert (first.speaker_text or [""])[0].startswith("Mirela Kovač")
        assert first.abstract == "Typed holes let the compiler tell you what fits."


TABLE_UNDER_DATED_HEADING = """\
#+TITLE: Optimisation Day 2031

* Programme, 14 June 2031
| Time        | Speaker        | Title                           |
|-------------+----------------+---------------------------------|
| 09:00-09:45 | Ana Lima       | Sparse recovery in practice     |
| 09:45-10:15 | Coffee         |                                 |
| 10:15-11:00 | Karl Berg      | Random matrices and graphs      |
| 11:00-11:45 | Mirela Kovač   | Typed holes for analysts        |
"""


def test_the_heading_over_a_table_of_talks_is_no_talk() -> None:
    talks = extract_markdown(_doc(TABLE_UNDER_DATED_HEADING))
    assert [t.title for t in talks] == ["Sparse recovery in practice",
                                        "Random matrices and graphs", "Typed holes for analysts"]
    assert [t.speaker_text for t in talks][0] == ["Ana Lima"]
