"""Plain text and email: programmes with parallel sessions, digests of several
series, banners, indented continuation lines, biographies and organisers' notes.

Every fixture (tests/fixtures/text/round4/) was written for this test in a layout seen in
real announcements; each document test checks every field of every row after the
normalise stage.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from extractors.announcement import parse_talk, place_value, series_line, split_when_place
from extractors.plaintext import extract, series_heading, speaker_and_title
from pipeline.records import Document
from pipeline.structure.schedule import standing_schedule
from tests.support.rows import check, sp, talk, text_rows

FIXTURES = Path(__file__).parent / "fixtures" / "text" / "round4"
UTC = dt.UTC
def rows(name: str, tz: str) -> list[dict]:
    return text_rows(FIXTURES / name, tz)


def at(y: int, mo: int, d: int, h: int, mi: int = 0) -> dt.datetime:
    return dt.datetime(y, mo, d, h, mi, tzinfo=UTC)


# --- programmes -------------------------------------------------------------------------


def test_programme_tracks_rooms_roles_and_panelists() -> None:
    """Track headings give their room to the talks under them (a dash-separated place, a
    parenthesised one) and are no talks; ``Name (Aff), role`` is a speaker with a role; a
    ``Participants:`` line names the panel's speakers; the edition year stays in a
    workshop's name."""
    series = "Workshop on Stochastic Control 2022"
    tz = "Europe/Oslo"
    common = {"series": series, "timezone": tz, "date": dt.date(2022, 6, 13)}
    check(rows("workshop_tracks.txt", tz), [
        talk(**common, kind="remarks", title="Opening remarks",
             speakers=[sp("Ingrid Holm", "University of Bergen", "workshop organiser")],
             start=at(2022, 6, 13, 6, 45), end=at(2022, 6, 13, 7)),
        talk(**common, title="Mean-field games with common noise",
             speakers=[sp("Pierre-Louis Garnier", "Universite de Rennes")],
             start=at(2022, 6, 13, 7), end=at(2022, 6, 13, 7, 50)),
        talk(**common, title="Particle filters in high dimension",
             speakers=[sp("Hannah Okafor", "University of Lagos")], location="Auditorium Egget",
             start=at(2022, 6, 13, 8, 15), end=at(2022, 6, 13, 8, 45)),
        talk(**common, title="Nonlinear smoothing via rough paths",
             speakers=[sp("Rui Tanaka", "Kyoto University")], location="Auditorium Egget",
             start=at(2022, 6, 13, 8, 45), end=at(2022, 6, 13, 9, 15)),
        talk(**common, title="Free boundaries for American options",
             speakers=[sp("Beatriz Lopes", "Universidade de Lisboa")],
             location="Seminar Room 4.12",
             start=at(2022, 6, 13, 8, 15), end=at(2022, 6, 13, 8, 45)),
        talk(**common, title="Stopping games with asymmetric information",
             speakers=[sp("Omar Haddad", "American University of Beirut")],
             location="Seminar Room 4.12",
             start=at(2022, 6, 13, 8, 45), end=at(2022, 6, 13, 9, 15)),
        # the ``Round table:`` label gives the kind; it is not part of the title
        talk(**common, kind="panel", title="Teaching stochastic control",
             speakers=[sp("Hannah Okafor"), sp("Rui Tanaka"), sp("Omar Haddad")],
             start=at(2022, 6, 13, 9, 45), end=at(2022, 6, 13, 10, 45)),
    ])


def test_session_scope_ends_at_a_less_indented_item() -> None:
    text = (
        "Mon 3 June 2024\n\n"
        "  Session B - Logic (Room 12)\n"
        "  10:00-10:30  Ada Byron (Oxford University): Proof nets\n"
        "  10:30-11:00  Alan Church (Princeton University): Lambda terms\n"
        "11:00-11:30  Grace Turing (Cambridge University): Closing thoughts on types\n"
    )
    doc = Document(path="p.txt", data=text.encode(), sha256="0", format="text")
    got = {t.title: t.location for t in extract(doc)}
    assert got == {"Proof nets": "Room 12", "Lambda terms": "Room 12",
                   "Closing thoughts on types": None}


# --- digests ------------------------------------------------------------------------------


def test_digest_headings_name_the_following_talk() -> None:
    """A digest's series headings (mixed case, a bare ``Colloquium``) introduce the talk
    below them; the ``This week in the department`` heading names no series."""
    tz = "Europe/London"
    warn = ["year inferred from document date"]
    check(rows("dept_digest.eml", tz), [
        talk(series="Geometry and Topology Seminar", title="Rigidity of hyperbolic 3-manifolds",
             speakers=[sp("Daniel Whitfield", "University of Warwick")],
             date=dt.date(2019, 11, 11), start=at(2019, 11, 11, 16, 15),
             end=at(2019, 11, 11, 17, 15), timezone=tz, location="Huxley 140", warnings=warn),
        talk(series="Colloquium", title="Random walks on groups",
             abstract="We survey mixing times of random walks on finite groups and their "
                      "connection to representation theory.",
             speakers=[sp("Priya Raghunathan", "Indian Statistical Institute")],
             date=dt.date(2019, 11, 13), start=at(2019, 11, 13, 15),
             end=at(2019, 11, 13, 16), timezone=tz, location="Clore Lecture Theatre",
             warnings=warn),
        talk(series="Analysis Seminar", title="Sharp constants in Hardy inequalities",
             speakers=[sp("Tomasz Nowak", "University of Warsaw")],
             date=dt.date(2019, 11, 15), start=at(2019, 11, 15, 14),
             end=at(2019, 11, 15, 15), timezone=tz, location="Huxley 139", warnings=warn),
    ])


def test_block_digest_headings_move_to_the_next_block() -> None:
    """Blocks whose recurring starter is a labeled line: the upper-case heading above each
    belongs to the block below (block reading, not date-led items)."""
    text = (
        "Talks this week\n\n"
        "ALGEBRA SEMINAR\n"
        "Speaker: Lin Wei (Fudan University)\n"
        "Title: Cluster categories\n\n"
        "OPTIMISATION SEMINAR\n"
        "Speaker: Sofia Greco (Politecnico di Milano)\n"
        "Title: Bilevel programs\n"
    )
    doc = Document(path="d.txt", data=text.encode(), sha256="0", format="text")
    got = [(t.series, t.title) for t in extract(doc)]
    assert got == [("ALGEBRA SEMINAR", "Cluster categories"),
                   ("OPTIMISATION SEMINAR", "Bilevel programs")]


# --- banners, bios, notes ---------------------------------------------------------------


def test_banner_kind_bio_heading_and_affiliation_under_name() -> None:
    """``HANDS-ON TUTORIAL`` in the banner gives the kind; ``About the presenter`` starts the
    biography (not abstract); a capitalised line under the lone name is its affiliation
    when the title stands above; a ``Please note:`` paragraph is no abstract; a place with a
    dotted room number (``Computer Lab 2.05``) is not a time."""
    tz = "Europe/Berlin"
    check(rows("physics_tutorial_banner.txt", tz), [
        talk(kind="tutorial", title="Differentiable Simulation for Experimental Physicists",
             abstract="This session introduces automatic differentiation through detector "
                      "simulations and shows how to fit simulation parameters to measured data.",
             speakers=[sp("Lena Vogt", "Helmholtz-Zentrum Dresden-Rossendorf")],
             speaker_bio="Lena Vogt is a staff scientist at HZDR. She previously worked at "
                         "CERN on the simulation software of the ATLAS experiment.",
             date=dt.date(2024, 3, 7), start=at(2024, 3, 7, 9), end=at(2024, 3, 7, 11),
             timezone=tz, location="Computer Lab 2.05"),
    ])


@pytest.mark.parametrize("label", ["Bio:", "Biography", "Speaker bio", "About the speaker",
                                   "About the presenter:", "Speaker biography"])
def test_bio_headings(label: str) -> None:
    lines = ["Title: Sparse recovery", "Speaker: Maria Okoye (ETH Zurich)", "",
             "Abstract:", "We recover sparse signals from few measurements.", "",
             label, "Maria Okoye is a postdoc at ETH Zurich."]
    t = parse_talk(lines)
    assert t is not None
    assert t.abstract == "We recover sparse signals from few measurements."
    assert t.speaker_bio == "Maria Okoye is a postdoc at ETH Zurich."


def test_labeled_notice_with_continuation_lines() -> None:
    """``SPEAKER:`` with two indented affiliation lines under it (joined), a wrapped
    ``TOPIC:`` and ``WHERE:``; a logistics line after the summary is not abstract."""
    tz = "Europe/Oslo"
    check(rows("notice_1989.txt", tz), [
        talk(series="DEPARTMENT OF INFORMATICS COLLOQUIUM",
             title="Termination proofs for term rewriting systems with "
                   "associative-commutative operators",
             abstract="We present a recursive path ordering that is compatible with "
                      "associativity and commutativity, and apply it to Knuth-Bendix "
                      "completion.",
             speakers=[sp("Ingrid Holm", "Department of Informatics, University of Bergen")],
             date=dt.date(1989, 2, 17), start=at(1989, 2, 17, 13, 15),
             end=at(1989, 2, 17, 14, 15), timezone=tz,
             location="Auditorium 3, Hoyteknologisenteret"),
    ])


def test_speaker_continuation_needs_deeper_indent() -> None:
    lines = ["  SPEAKER:  Ana Lima", "  Universidade de Sao Paulo lecture notes follow",
             "  TITLE:    Knots"]
    t = parse_talk(lines)
    assert t is not None and t.speakers[0].affiliation is None


def test_term_card_schedule_line_room_note_and_compound_name() -> None:
    """A ``Tuesdays at noon, Room B-201 (unless otherwise stated)`` header line is the
    standing schedule; ``** New room: … **`` replaces the place; a hyphenated given name
    with an ASCII-folded affiliation is a speaker though the title is a placeholder."""
    tz = "America/Chicago"
    warn = ["time from the listing's standing schedule", "year inferred from heading"]
    common = {"series": "Probability Seminar", "timezone": tz, "warnings": warn}
    check(rows("stats_term_card.txt", tz), [
        talk(**common, speakers=[sp("Jean-Baptiste Morel", "Universite de Lyon")],
             date=dt.date(2023, 1, 10), start=at(2023, 1, 10, 18), location="Room B-201"),
        talk(**common, title="Scaling limits of random planar maps",
             speakers=[sp("Akosua Boateng", "University of Ghana")],
             date=dt.date(2023, 1, 17), start=at(2023, 1, 17, 18), location="Lecture Hall C"),
        talk(**common, title="Coupling from the past, revisited",
             speakers=[sp("Henrik Dahl", "Stockholm University")],
             date=dt.date(2023, 1, 31), start=at(2023, 1, 31, 18), location="Room B-201"),
    ])


def test_mbox_escaped_from_note_and_series_line() -> None:
    """An mboxrd ``>From the organizers:`` line is unescaped and is a note, not abstract; a
    ``Theory Lunch`` line opening the body is the series; ``Gates 463`` under the time is
    the place."""
    tz = "America/Los_Angeles"
    check(rows("theory_lunch.mbox", tz), [
        talk(series="Theory Lunch", title="Succinct data structures for planar graphs",
             abstract="We show how to store a planar graph in 2n + o(n) bits while "
                      "supporting adjacency queries in constant time.",
             speakers=[sp("Amaru Quispe", "Pontificia Universidad Catolica del Peru")],
             date=dt.date(2002, 3, 7), start=at(2002, 3, 7, 20), timezone=tz,
             location="Gates 463"),
    ])


# --- rules ----------------------------------------------------------------------------


def test_series_lines() -> None:
    assert series_line("COLLOQUIUM") == "COLLOQUIUM"
    assert series_line("Number Theory Seminar") == "Number Theory Seminar"
    assert series_line("Reminder: today's Econometrics Seminar") == "Econometrics Seminar"
    assert series_line("DEPARTMENT OF CHEMISTRY - DISTINGUISHED LECTURE") is not None
    assert series_line("Spectral methods for nonlocal diffusion") is None
    assert series_line("The seminar is cancelled this week.") is None


def test_series_heading_keeps_edition_years_only() -> None:
    edition = "NORDIC CONFERENCE ON BIOLOGY 2023"
    assert series_heading(edition) == edition
    assert series_heading("Summer School 2024") == "Summer School 2024"
    assert series_heading("Operator Algebras Seminar 2022") == "Operator Algebras Seminar"
    assert series_heading("APPLIED ANALYSIS SEMINAR -- FALL 2019") == "APPLIED ANALYSIS SEMINAR"
    assert series_heading("Seminars this week") is None
    assert series_heading("Weekly digest") is None


def test_standing_schedule_header_lines() -> None:
    assert standing_schedule(["Thursdays 2:30-3:30pm, Carver Hall 101 (unless noted)"]) == (
        "2:30-3:30pm", "Carver Hall 101")
    assert standing_schedule(["Every other Tuesday at noon in MS 6221"]) == ("noon", "MS 6221")
    assert standing_schedule(["Fridays, 16:00-17:00 - Aula Magna"]) == ("16:00-17:00",
                                                                         "Aula Magna")
    # a talk's own line with a calendar date is no standing schedule
    assert standing_schedule(["Thursday 3 Oct, 2:30-3:30pm, Carver Hall 101"]) == (None, None)


def test_place_notes_and_when_tails() -> None:
    assert place_value("** Room change: Carver Hall 234 **") == "Carver Hall 234"
    assert place_value("Note: moved to Seminar Room 1.02") == "Seminar Room 1.02"
    assert place_value("Room 5") == "Room 5"
    assert split_when_place("Wed 6 Mar, 10:30-11:30, Room 2015") == (
        "Wed 6 Mar, 10:30-11:30", "Room 2015")
    assert split_when_place("Fri 8 Mar, 16:00-17:00, Amphi Darboux") == (
        "Fri 8 Mar, 16:00-17:00", "Amphi Darboux")
    assert split_when_place("Tue 5 Mar, 14:00-15:00, CET")[1] is None
    assert split_when_place("Friday, 17 February 1989, 14.15 - 15.15")[1] is None


def test_speaker_items_with_roles_and_compound_names() -> None:
    sps, title = speaker_and_title("Lea Moreau (Universite de Nantes), session chair") or ([], "")
    assert [(s.name, s.affiliation, s.role) for s in sps] == [
        ("Lea Moreau", "Universite de Nantes", "session chair")]
    assert title is None
    sps, title = speaker_and_title("Jean-Luc Besson (Universite de Lille)") or ([], "")
    assert [(s.name, s.affiliation) for s in sps] == [("Jean-Luc Besson", "Universite de Lille")]
    # a title with a hyphenated first word and no affiliation stays a title
    assert speaker_and_title("Single-Cell Atlases") is None
