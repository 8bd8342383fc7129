"""The shared parsers: red-team date/zone misses, event-label prefixes, the
shared line predicates moved out of the extractors, and names told from topics without a
given-name lexicon (position decides what shape cannot)."""

from __future__ import annotations

import datetime as dt

import pytest

from extractors import announcement, listing, plaintext, slides
from extractors.announcement import parse_talk
from pipeline.normalise import agenda, dates, people, text

# --- dates -----------------------------------------------------------------------------


def test_arrow_between_times_is_a_range():
    w = dates.parse_when("March 3 14:00 → 14:45", year=2020)
    assert (w.date, w.start, w.end) == (dt.date(2020, 3, 3), dt.time(14), dt.time(14, 45))


@pytest.mark.parametrize(
    ("sentence", "zone"),
    [
        ("Times are shown in your selected timezone: America/New_York", "America/New_York"),
        ("Event times: Asia/Ho_Chi_Minh", "Asia/Ho_Chi_Minh"),
        ("All times Pacific.", "America/Los_Angeles"),
        ("Times: Eastern", "America/New_York"),
        ("The group meets on Thursdays at 4pm Pacific in Gates 104.", "America/Los_Angeles"),
        ("Lunch talks start at 12:15 Central, doors open earlier.", "America/Chicago"),
    ],
)
def test_timezone_cues(sentence: str, zone: str):
    assert dates.find_timezone_cue(sentence) == zone


@pytest.mark.parametrize(
    "sentence",
    [
        "We meet at 4pm in the Central Library.",  # a place, not a zone
        "Sometimes pacific islands are studied.",
        "All times Pacific Northwest members are welcome",
    ],
)
def test_no_timezone_cue(sentence: str):
    assert dates.find_timezone_cue(sentence) is None


def test_markdown_underscores_still_removed():
    w = dates.parse_when("_Oct 3, 2023_ at __4pm__")
    assert (w.date, w.start) == (dt.date(2023, 10, 3), dt.time(16))


def test_repeated_iso_date_is_not_an_offset():
    w = dates.parse_when("2023-03-09 2023-03-09 March 9 @ 4:00 pm - 5:00 pm")
    assert (w.date, w.start, w.end, w.timezone) == (
        dt.date(2023, 3, 9), dt.time(16), dt.time(17), None)


def test_space_separated_iso_clock_range_is_not_an_offset():
    w = dates.parse_when("2023-10-03 10:00-11:00")
    assert (w.start, w.end, w.timezone) == (dt.time(10), dt.time(11), None)


@pytest.mark.parametrize(
    ("phrase", "zone"),
    [
        ("2023-10-03T16:00-04:00", "Etc/GMT+4"),
        ("2023-10-03 16:00:00-04:00", "Etc/GMT+4"),
        ("2023-10-03 16:00+02:00", "Etc/GMT-2"),
        ("20231003T160000Z", "UTC"),
    ],
)
def test_real_iso_offsets_are_kept(phrase: str, zone: str):
    w = dates.parse_when(phrase)
    assert (w.date, w.start, w.timezone) == (dt.date(2023, 10, 3), dt.time(16), zone)


def test_iso_range_of_two_stamps():
    w = dates.parse_when("2023-10-03T16:00:00+02:00 - 2023-10-03T17:00:00+02:00")
    assert (w.start, w.end) == (dt.time(16), dt.time(17))


def test_numeric_date_order_from_the_document_zone_warns():
    w = dates.parse_when("12/10/2023", zone="Europe/Berlin")
    assert w.date == dt.date(2023, 10, 12)
    assert "ambiguous numeric date read as day/month" in w.warnings
    w = dates.parse_when("12/10/2023")
    assert w.date == dt.date(2023, 12, 10)
    assert "ambiguous numeric date read as month/day" in w.warnings
    w = dates.parse_when("12/10/2023 14:00 CET")
    assert w.date == dt.date(2023, 10, 12)
    assert "ambiguous numeric date read as day/month" in w.warnings


@pytest.mark.parametrize(
    ("phrase", "kwargs", "date"),
    [
        ("12/10/2023", {"day_first": True}, dt.date(2023, 10, 12)),  # the page's convention
        ("13/10/2023", {}, dt.date(2023, 10, 13)),  # a part above 12 decides
        ("5/5/2023", {}, dt.date(2023, 5, 5)),  # either order gives the same date
        ("12.10.2023", {}, dt.date(2023, 10, 12)),  # dotted dates are day-first
    ],
)
def test_unambiguous_numeric_dates_do_not_warn(phrase: str, kwargs: dict, date: dt.date):
    w = dates.parse_when(phrase, **kwargs)
    assert w.date == date
    assert not any("ambiguous" in x for x in w.warnings)


def test_when_in_prose_and_loose_when_lines():
    m = dates.find_when_in_prose("Dr. X will speak on Thurs., 4th of May, 2023 at 3pm in Y.")
    assert m is not None and "4th of May, 2023 at 3pm" in m["when"]
    assert dates.looks_like_when("Friday, Oct 7 at 3:30 in 5409", loose=True)
    assert not dates.looks_like_when("Friday, Oct 7 at 3:30 in 5409")
    assert not dates.looks_like_when("Building neural networks", loose=True)


def test_zone_in():
    assert dates.zone_in(" (America/Argentina/Buenos_Aires) ") == "America/Argentina/Buenos_Aires"
    assert dates.zone_in("UTC") is None  # a line naming an IANA region zone only
    assert dates.zone_in("Europe/Atlantis") is None


# --- titles: event labels ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "title", "kind"),
    [
        ("Special colloquium: Knots in fluids", "Knots in fluids", "talk"),
        ("Joint seminar: Sheaves on graphs", "Sheaves on graphs", "talk"),
        ("Distinguished lecture: How galaxies die", "How galaxies die", "lecture"),
        ("Keynote: Learning to optimise", "Learning to optimise", "talk"),
        ("**Plenary talk:** “Random matrices”", "Random matrices", "talk"),
        ("Lightning talk: A faster sort for tuples", "A faster sort for tuples", "talk"),
        ("Contributed talk: Lenses made of ice", "Lenses made of ice", "talk"),
    ],
)
def test_event_label_prefix_is_not_the_title(raw: str, title: str, kind: str):
    assert text.clean_title(raw) == title
    label, rest = text.split_event_label(raw)
    assert label is not None
    assert agenda.classify_kind(text.clean_title(rest), label) == kind


def test_a_workshop_label_is_not_the_title():
    assert text.clean_title("Workshop: Build a spectrometer") == "Build a spectrometer"
    assert text.split_event_label("Hands-on session: Lens grinding") == (
        "Hands-on session", "Lens grinding")


@pytest.mark.parametrize(
    "raw", ["Keynote", "Distinguished Lecture", "Keynote speakers and their critics",
            "Colloquium on the shape of space", "Workshop on Lens Teaching: Agenda"],
)
def test_title_that_is_only_a_label_or_no_label_stays(raw: str):
    assert text.clean_title(raw) == raw
    assert text.split_event_label(raw) == (None, raw)


# --- shared line predicates -------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Online", True),
        ("Wean Hall 5409", True),
        ("Amphitheatre Fa2, IST — Online", True),
        ("Salle 12, bâtiment B", True),
        ("Building neural networks that generalise", False),
        ("The room was full of people who listened.", False),
    ],
)
def test_is_location_line(line: str, expected: bool):
    assert text.is_location_line(line) is expected


def test_recurring_place_line():
    assert not text.is_location_line("Zoom meeting with the graduate students today")
    assert text.is_location_line("Zoom meeting with the graduate students today",
                                 recurring=True)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("**Where:** Room 12", ("location", "Room 12")),
        ("Speaker: Ada Byron", ("speaker", "Ada Byron")),
        ("Date & time: Monday 3pm", ("when", "Monday 3pm")),
        ("Why entropy grows: a primer", None),
    ],
)
def test_field_label(line: str, expected: tuple[str, str] | None):
    assert text.field_label(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Lakeside University", True),
        ("Institute of Technology, Ruritania", True),
        ("CERN", True),
        ("Neural Network Systems", False),
        ("Entropy from category theory", False),
        ("This is a sentence about a university.", False),
    ],
)
def test_is_organisation_line(line: str, expected: bool):
    assert people.is_organisation_line(line) is expected


def test_speaker_line_forms():
    sps = people.speaker_line("Prof. Maren Holt of Lakeside University")
    assert [(s.name, s.affiliation) for s in sps] == [("Maren Holt", "Lakeside University")]
    assert people.speaker_line("Title: Spin glasses") is None
    assert people.speaker_line("Friday, Oct 7 at 3:30") is None
    assert people.speaker_line("Spin Glasses and Neural Codes") is None


def test_series_in_prose():
    assert agenda.series_in_prose(
        "Join us for this week's Applied Topology Seminar, with cake.") == \
        "Applied Topology Seminar"
    assert agenda.series_in_prose("the seminar is cancelled") is None


def test_extractors_hold_no_copies_of_shared_predicates():
    """Shared parsing lives once, in pipeline.normalise: extractors import it."""
    for mod in (announcement, plaintext, slides, listing):
        for name in ("is_location_line", "is_org_line", "zone_in", "looks_like_when",
                     "_of_form", "_org_segment", "_NO_MEETING_RE", "_EVENT_LABEL_RE",
                     "_WHEN_IN_PROSE", "_SERIES_IN_PROSE"):
            assert not hasattr(mod, name) or getattr(mod, name) in (
                getattr(dates, name, None), getattr(text, name, None)), (mod.__name__, name)
        if hasattr(mod, "speaker_line"):
            assert mod.speaker_line is people.speaker_line


# --- names without a lexicon -------------------------------------------------------------


@pytest.fixture(autouse=True)
def _no_lexicon(monkeypatch: pytest.MonkeyPatch):
    """The given-name lexicon is optional (and not a dependency): judge without it."""
    monkeypatch.setattr(people, "_given_name_detector", lambda: None)


TOPICS = ["Young Stars", "Dark Matter", "Black Holes", "Machine Learning", "Open Problems",
          "Random Walks", "Small Worlds", "Random Forests"]
PEOPLE = ["Grace Hopper", "Rose Yu", "Hope Jahren", "Summer Rae", "Young-Kee Kim",
          "Will Hamilton"]


@pytest.mark.parametrize("phrase", TOPICS)
def test_topics_are_not_names_in_any_context(phrase: str):
    assert not people.looks_like_person_name(phrase)
    assert not people.looks_like_person_name(phrase, context="speaker")
    assert people.speaker_line(f"{phrase}, Lakeside University") is None
    assert people.speaker_line(phrase, context="speaker") is None


@pytest.mark.parametrize("name", PEOPLE)
def test_names_where_a_speaker_stands(name: str):
    assert people.looks_like_person_name(name, context="speaker")
    for line, aff in ((f"{name}, Lakeside University", "Lakeside University"),
                      (f"{name} (U.C. Riverside)", "U.C. Riverside"),
                      (f"{name}, Assistant Professor", None)):
        sps = people.speaker_line(line)
        assert sps is not None and sps[0].name == name, line
        assert sps[0].affiliation == aff
    assert [s.name for s in people.speaker_line(name, context="speaker")] == [name]


def test_title_with_an_of_phrase_is_not_placed_as_a_speaker():
    assert people.speaker_line("From Calculus of Variations to Reinforcement Learning II") \
        is None


@pytest.mark.parametrize("name", PEOPLE)
def test_stacked_announcement_reads_the_name_above_its_affiliation(name: str):
    lines = [
        "Physics Colloquium",
        "",
        name,
        "Lakeside University",
        "",
        "Young Stars and Their Disks",
        "",
        "Thursday, March 9, 2023, 4:00-5:00 pm",
        "Room 210, Science Hall",
    ]
    talk = parse_talk(lines)
    assert talk is not None
    assert [s.name for s in talk.speakers] == [name]
    assert talk.speakers[0].affiliation == "Lakeside University"
    assert talk.title == "Young Stars and Their Disks"


def test_slides_byline_places_the_name():
    sps = slides._speakers_of("by Will Hamilton")
    assert sps is not None and sps[0][0].name == "Will Hamilton"
    assert slides._speakers_of("by Dark Matter") is None
