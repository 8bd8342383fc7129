"""Shared parsers: panels as event nouns only, panel-format labels, trailing roles,
bare name lists, topics shaped like ``Name (Affiliation)``, compound organisation names,
panel/bio field labels, room words of other languages, and logistics notes opening an
abstract. Every input was written for this test.
"""

from __future__ import annotations

import pytest

from extractors.announcement import parse_talk
from pipeline.normalise.agenda import classify_kind
from pipeline.normalise.people import (
    is_organisation_line,
    looks_like_person_name,
    parse_speakers,
    speaker_line,
)
from pipeline.normalise.text import (
    clean_title,
    field_label,
    is_location_line,
    is_logistics_note,
    split_event_label,
)
from pipeline.records import Speaker

# --- panels -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "title",
    [
        "Identification in panel models with interactive fixed effects",
        "Panel data methods for causal inference",
        "Dynamic panel regression under cross-sectional dependence",
        "Attrition in a long-running household panel survey",
        "Evidence from a rotating household panel",
        "Debates about inflation targeting in small open economies",
    ],
)
def test_panel_as_an_adjective_is_a_talk(title: str) -> None:
    assert classify_kind(title) == "talk"


@pytest.mark.parametrize(
    "title",
    [
        "Panel discussion",
        "Panel: the future of peer review",
        "Panel on reproducibility in machine learning",
        "Industry panel",
        "Closing panel.",
        "Discussion panel with early-career researchers",
        "Roundtable",
        "Round table on research software",
        "Fireside chat with the dean",
        "Debate: should we abolish p-values?",
        "Panelists: A. Okoro and B. Lund",
    ],
)
def test_panel_as_an_event_noun_is_a_panel(title: str) -> None:
    assert classify_kind(title) == "panel"


@pytest.mark.parametrize(
    ("title", "label", "rest"),
    [
        ("Panel discussion: Open data in the life sciences", "Panel discussion",
         "Open data in the life sciences"),
        ("Round table: Teaching with notebooks", "Round table", "Teaching with notebooks"),
        ("Roundtable: Careers outside academia", "Roundtable", "Careers outside academia"),
        ("Fireside chat: Forty years of compilers", "Fireside chat",
         "Forty years of compilers"),
        ("Debate: Is dark matter a particle?", "Debate", "Is dark matter a particle?"),
        ("**Panel session:** Funding open science", "Panel session", "Funding open science"),
    ],
)
def test_panel_format_labels_split_and_give_the_kind(title: str, label: str, rest: str) -> None:
    got_label, got_rest = split_event_label(title)
    assert (got_label, got_rest) == (label, rest)
    assert classify_kind(got_rest, got_label) == "panel"
    # the format label gives the kind; the title is what follows it
    assert clean_title(title) == rest


def test_panel_label_needs_a_colon_and_a_rest() -> None:
    assert split_event_label("Debate over monetary policy") == (None, "Debate over monetary policy")
    assert split_event_label("Round table") == (None, "Round table")


# --- people -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["Marc-Andre Tremblay", "Jean-Luc Picard", "Anne-Sophie Mutter", "Hee-Jin Park"]
)
def test_hyphenated_given_names_are_names(name: str) -> None:
    assert looks_like_person_name(name)


@pytest.mark.parametrize(
    ("line", "speaker"),
    [
        ("Karin Sjoberg (Uppsala University), conference chair",
         Speaker("Karin Sjoberg", "Uppsala University", "conference chair")),
        ("Tomas Rehak (Charles University) - session chair",
         Speaker("Tomas Rehak", "Charles University", "session chair")),
        ("Ines Duarte (University of Porto); Program Committee Chair",
         Speaker("Ines Duarte", "University of Porto", "Program Committee Chair")),
    ],
)
def test_role_after_a_bracketed_affiliation(line: str, speaker: Speaker) -> None:
    assert parse_speakers(line) == [speaker]


def test_two_bracketed_people_are_still_two() -> None:
    assert parse_speakers("Ana Souza (USP), Pieter de Vries (TU Delft)") == [
        Speaker("Ana Souza", "USP"), Speaker("Pieter de Vries", "TU Delft"),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Emma Lindgren, Olusegun Adeyemi, Tuan Nguyen",
        "Priya Raman, Lukas Becker, Mei Chen, Diego Alvarez",
    ],
)
def test_three_or_more_bare_names_are_a_list(line: str) -> None:
    got = speaker_line(line)
    assert got is not None
    assert [sp.name for sp in got] == [p.strip() for p in line.split(",")]
    assert all(sp.affiliation is None and sp.role is None for sp in got)


def test_name_and_organisation_stay_one_speaker() -> None:
    got = speaker_line("Emma Lindgren, Lakeside University")
    assert got == [Speaker("Emma Lindgren", "Lakeside University")]


@pytest.mark.parametrize(
    "line",
    [
        "Spectral Methods (Princeton)",
        "Statistical Mechanics (Oxford)",
        "Homogenisation Theory (Part 2)",
        "Optimal Transport (Lecture III)",
        "Grace Field (Part 2)",
        "Regularization Theory",
        "Computational Geometry",
    ],
)
def test_topics_and_parts_are_not_speaker_lines(line: str) -> None:
    assert speaker_line(line) is None


@pytest.mark.parametrize(
    "line",
    [
        "Helmholtz-Zentrum Dresden-Rossendorf",
        "Helmholtz-Zentrum Berlin",
        "Forschungszentrum Julich",
        "Max-Planck-Institut fur Mathematik",
        "Universite Laval",
        "Université de Sherbrooke",
    ],
)
def test_compound_and_noun_first_organisations(line: str) -> None:
    assert is_organisation_line(line)
    assert not looks_like_person_name(line)


@pytest.mark.parametrize(
    "line", ["Jean-Pierre Serre", "Spin-Orbit Coupling", "Marc-Andre Tremblay"]
)
def test_hyphenated_non_organisations(line: str) -> None:
    assert not is_organisation_line(line)


# --- labels, places, notes ----------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "field"),
    [
        ("Panelists: A. Okoro, B. Lund", "speaker"),
        ("Panellists: A. Okoro, B. Lund", "speaker"),
        ("**Participants:** A. Okoro, B. Lund", "speaker"),
        ("Discussants: A. Okoro", "speaker"),
        ("Discussant: B. Lund", "speaker"),
        ("About the presenter: She works on sea ice.", "bio"),
        ("About the speaker: He works on sea ice.", "bio"),
        ("Speaker biography: They work on sea ice.", "bio"),
        ("About the lecturers: They work on sea ice.", "bio"),
    ],
)
def test_panel_and_bio_labels(line: str, field: str) -> None:
    got = field_label(line)
    assert got is not None and got[0] == field


@pytest.mark.parametrize(
    "line",
    ["Amphi Turing", "Amphi B", "Computer Lab 2.05", "Lab B-12", "Aula Magna", "Hörsaal 3",
     "Salle 104", "Sala Azul"],
)
def test_room_words_of_several_languages(line: str) -> None:
    assert is_location_line(line)


@pytest.mark.parametrize(
    "line", ["Machine Learning Lab", "Lab 3 results", "Amphibian decline in the tropics"]
)
def test_not_rooms(line: str) -> None:
    assert not is_location_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "Note the earlier time and different room this week.",
        "Please note the change of room.",
        "Note: this talk will be recorded.",
        "NB: the seminar starts at 4pm today.",
        "Notice the unusual start time.",
        "Please note that the talk will be streamed.",
        "Reminder: registration closes on Friday.",
    ],
)
def test_logistics_notes(line: str) -> None:
    assert is_logistics_note(line)


@pytest.mark.parametrize(
    "line",
    [
        "Note that every compact group acts on a tree.",
        "Note that the time is finite in our model.",
        "Notes on the cohomology of groups",
        "Noteworthy results on room-temperature superconductors",
        "We note that the room for improvement is large.",
    ],
)
def test_abstract_sentences_are_not_notes(line: str) -> None:
    assert not is_logistics_note(line)


def test_announcement_drops_a_note_opening_the_abstract() -> None:
    lines = [
        "Speaker: Hanna Berg (Lakeside University)",
        "Title: Sea ice and the polar vortex",
        "Date: 12 March 2024, 14:00",
        "Place: Room 210",
        "",
        "Note the earlier time and different room this week. We study how thinning sea ice",
        "changes the polar vortex. Note that the vortex is not a closed system.",
    ]
    talk = parse_talk(lines)
    assert talk is not None and talk.abstract is not None
    assert talk.abstract.startswith("We study how thinning sea ice")
    assert "Note that the vortex" in talk.abstract
    assert "earlier time" not in talk.abstract


def test_calendar_description_drops_a_lone_note_paragraph() -> None:
    from extractors.ics import extract as extract_ics
    from pipeline.records import Document

    desc = (
        "Please note the change of room.\\n\\n"
        "We show that sparse graphs admit short certificates. Note that the room "
        "for improvement is large."
    )
    feed = (
        "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//round7//EN\nBEGIN:VEVENT\n"
        "UID:r7-1@example.org\nDTSTART:20250304T150000Z\nDTEND:20250304T160000Z\n"
        "SUMMARY:Short certificates for sparse graphs\n"
        f"DESCRIPTION:{desc}\nEND:VEVENT\nEND:VCALENDAR\n"
    ).replace("\n", "\r\n")
    doc = Document(path="r7.ics", data=feed.encode(), sha256="0", format="ics")
    (talk,) = extract_ics(doc)
    assert talk.abstract is not None
    assert talk.abstract.startswith("We show that sparse graphs")
    assert "change of room" not in talk.abstract
    assert "room for improvement" in talk.abstract
