"""Red-team inputs for the shared parsers, in wordings other sites and eras use.

Each case is written here, in a layout no seed uses: Indico timetables, department
calendars, conference agendas and decades of announcement emails. They assert what
the parsers must return, so a vocabulary or shape rule that drifts shows up here.
"""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.normalise.agenda import classify_kind, is_non_talk
from pipeline.normalise.dates import find_timezone_cue, find_year, looks_like_when, parse_when
from pipeline.normalise.people import looks_like_person_name, parse_speakers
from pipeline.normalise.text import clean_text, clean_title, is_placeholder, strip_label

T = dt.time

# --- people: names ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Distinguished Lecture",
        "Special Seminar",
        "Keynote Address",
        "Panel Discussion",
        "Invited Talk",
        "Opening Remarks",
        "Welcome Address",
        "Closing Keynote",
        "Guest Lecture",
        "Plenary Talk",
        "Lightning Talks",
        "Thesis Defense",
        "Award Ceremony",
        "Happy Hour",
        "Town Hall",
        "Journal Club",
        "Reading Group",
        "Office Hours",
        "Best Paper",
        "Networking Lunch",
        "Johns Hopkins",
        "Carnegie Mellon",
        "MIT EECS",
        "Harvard SEAS",
        "UPCOMING SEMINARS",
        "PAST TALKS",
    ],
)
def test_event_and_org_phrases_are_not_names(text: str) -> None:
    assert not looks_like_person_name(text)


@pytest.mark.parametrize(
    "text",
    [
        "JANE DOE",
        "Jane DOE",
        "Jean-Pierre DUPONT",
        "DUPONT Jean",
        "J. R. R. Tolkien",
        "Maria de la Cruz",
        "Yann LeCun",
        "Fei-Fei Li",
        "Ana María López-García",
        "Mary O'Connor",
        "Martin Luther King Jr.",
        "Prof. Dr. Hans Müller",
        "Ludwig van Beethoven",
    ],
)
def test_real_names(text: str) -> None:
    assert looks_like_person_name(text)


# --- people: speaker lines ---------------------------------------------------------


def _triples(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(s.name, s.role, s.affiliation) for s in parse_speakers(text)]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Prof. Dr. Hans Müller (ETH Zürich)", [("Hans Müller", None, "ETH Zürich")]),
        (
            "Jane Doe, PhD, Senior Scientist at Google DeepMind",
            [("Jane Doe", "Senior Scientist", "Google DeepMind")],
        ),
        (
            "Jane Doe (she/her), Associate Professor of Computer Science, University of Toronto",
            [("Jane Doe", "Associate Professor of Computer Science", "University of Toronto")],
        ),
        (
            "Speaker: John Smith, Department of Physics, Princeton University",
            [("John Smith", None, "Department of Physics, Princeton University")],
        ),
        ("J. R. R. Tolkien (Oxford)", [("J. R. R. Tolkien", None, "Oxford")]),
        ("Maria de la Cruz (UNAM)", [("Maria de la Cruz", None, "UNAM")]),
        (
            "Ludwig van Beethoven and Nadia Boulanger (Paris Conservatoire)",
            [
                ("Ludwig van Beethoven", None, "Paris Conservatoire"),
                ("Nadia Boulanger", None, "Paris Conservatoire"),
            ],
        ),
        ("Yann LeCun (NYU & Meta)", [("Yann LeCun", None, "NYU & Meta")]),
        ("Ng, Andrew", [("Andrew Ng", None, None)]),
        ("DOE, Jane (CERN)", [("Jane Doe", None, "CERN")]),
        ("DOE, Jane, CERN", [("Jane Doe", None, "CERN")]),
        ("Smith, Harvard", [("Smith", None, "Harvard")]),
        ("Jane Doe — MIT", [("Jane Doe", None, "MIT")]),
        ("Jane Doe - Harvard University", [("Jane Doe", None, "Harvard University")]),
        ("Jane Doe | Stanford University", [("Jane Doe", None, "Stanford University")]),
        ("Host: Bob Smith", []),
        ("Hosted by Bob Smith", []),
        ("Moderator: Bob Smith (MIT)", []),
        ("Jane Doe (MIT); Host: Bob Smith", [("Jane Doe", None, "MIT")]),
        ("Jane Doe, MIT. Hosted by Bob Smith", [("Jane Doe", None, "MIT")]),
        ("Jane Doe, Chair of Physics, Yale", [("Jane Doe", "Chair of Physics", "Yale")]),
        (
            "Jane Doe, Stanford University, John Smith, MIT",
            [("Jane Doe", None, "Stanford University"), ("John Smith", None, "MIT")],
        ),
        (
            "Jane Doe, Professor, Harvard University, John Smith, Postdoc, MIT",
            [
                ("Jane Doe", "Professor", "Harvard University"),
                ("John Smith", "Postdoc", "MIT"),
            ],
        ),
        (
            "Jane Doe, Assistant Professor of Physics and Astronomy, Rice University",
            [("Jane Doe", "Assistant Professor of Physics and Astronomy", "Rice University")],
        ),
        ("Jane Doe, Postdoc, MIT", [("Jane Doe", "Postdoc", "MIT")]),
        ("Jane Doe, Graduate Student, Caltech", [("Jane Doe", "Graduate Student", "Caltech")]),
        (
            "Jane Doe, Senior Lecturer, University of Leeds",
            [("Jane Doe", "Senior Lecturer", "University of Leeds")],
        ),
        (
            "Jane Doe, Principal Investigator, Broad Institute",
            [("Jane Doe", "Principal Investigator", "Broad Institute")],
        ),
        ("Jane Doe, Chief Scientist, NVIDIA", [("Jane Doe", "Chief Scientist", "NVIDIA")]),
        (
            "Jane Doe, Member of Technical Staff, OpenAI",
            [("Jane Doe", "Member of Technical Staff", "OpenAI")],
        ),
        (
            "Jane Doe, Research Fellow, Simons Institute",
            [("Jane Doe", "Research Fellow", "Simons Institute")],
        ),
        ("Jane Doe, Ph.D. candidate, Stanford", [("Jane Doe", "Ph.D. candidate", "Stanford")]),
        ("JANE DOE (MIT)", [("Jane Doe", None, "MIT")]),
        ("Jane DOE, CNRS", [("Jane Doe", None, "CNRS")]),
        (
            "Prof. Jean-Pierre DUPONT (Sorbonne Université)",
            [("Jean-Pierre Dupont", None, "Sorbonne Université")],
        ),
        (
            "Jane Doe, Johns Hopkins University",
            [("Jane Doe", None, "Johns Hopkins University")],
        ),
        ("Jane Doe, Johns Hopkins", [("Jane Doe", None, "Johns Hopkins")]),
        (
            "Dr Jane Doe FRS, University of Cambridge",
            [("Jane Doe", None, "University of Cambridge")],
        ),
        (
            "Jane Doe<br>Associate Professor<br>University of Michigan",
            [("Jane Doe", "Associate Professor", "University of Michigan")],
        ),
        (
            "Jane Doe (University of Oxford) and John Smith (University of Cambridge)",
            [
                ("Jane Doe", None, "University of Oxford"),
                ("John Smith", None, "University of Cambridge"),
            ],
        ),
        ("Jane Doe from MIT", [("Jane Doe", None, "MIT")]),
        ("Jane Doe of Harvard University", [("Jane Doe", None, "Harvard University")]),
        ("Jane Doe [MIT]", [("Jane Doe", None, "MIT")]),
        (
            "Jane Doe, University of Toronto; John Smith, McGill University",
            [
                ("Jane Doe", None, "University of Toronto"),
                ("John Smith", None, "McGill University"),
            ],
        ),
        ("Sir Tim Berners-Lee (W3C)", [("Tim Berners-Lee", None, "W3C")]),
        (
            "Jane Doe, Professor and Chair, Department of Mathematics, Duke University",
            [("Jane Doe", "Professor and Chair", "Department of Mathematics, Duke University")],
        ),
        (
            "Presented by Jane Doe, Staff Research Scientist, Google Research",
            [("Jane Doe", "Staff Research Scientist", "Google Research")],
        ),
    ],
)
def test_speaker_lines(line: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    assert _triples(line) == expected


# --- agenda ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "item",
    [
        "Holiday lunch",
        "Welcome reception",
        "Poster session & reception",
        "Lunch break (on your own)",
        "Coffee & pastries",
        "Free time",
        "Group photo",
        "Adjourn",
        "Wine reception",
        "Drinks reception",
        "Breakout sessions",
        "Bus to hotel",
        "Walk to the reception",
        "Farewell dinner",
        "Registration and breakfast",
        "Coffee, tea and cookies",
        "Morning coffee",
        "Lunch & networking",
        "Refreshments served at 3:30",
        "Conference dinner (by invitation)",
    ],
)
def test_logistics_items(item: str) -> None:
    assert is_non_talk(item)


@pytest.mark.parametrize(
    "item",
    [
        "Lunch talk: Jane Doe",
        "Reception theory of modernist fiction",
        "Breaking symmetry in neural networks",
        "Coffee roasting physics",
        "Poster session presented by Jane Doe",
        "Lunch and learn: Jane Doe on causal inference",
        "Walking in random media",
        "Free energy principles",
        "Breakfast cereal dynamics and granular flow",
    ],
)
def test_talk_items(item: str) -> None:
    assert not is_non_talk(item)


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Opening remarks", "remarks"),
        ("Welcome and introduction", "remarks"),
        ("Fireside chat with the founders", "panel"),
        ("Roundtable: the future of AI for science", "panel"),
        ("Hands-on session: JAX for physicists", "tutorial"),
        ("Distinguished Lecture: Symmetry and learning", "lecture"),
        ("Learning the universe", "talk"),
    ],
)
def test_kinds(title: str, kind: str) -> None:
    assert classify_kind(title) == kind


# --- dates -------------------------------------------------------------------------------

NY = "America/New_York"


@pytest.mark.parametrize(
    ("text", "date", "start", "end", "zone"),
    [
        ("Tue, Oct 3, 4:00 PM – 5:00 PM EDT", dt.date(2023, 10, 3), T(16), T(17), NY),
        (
            "Tuesday 3rd October 2023 at 16:00 (BST)",
            dt.date(2023, 10, 3),
            T(16),
            None,
            "Europe/London",
        ),
        ("3 Oct 2023 16:00-17:00 CEST", dt.date(2023, 10, 3), T(16), T(17), "Europe/Paris"),
        ("2023-10-03T16:00:00+02:00", dt.date(2023, 10, 3), T(16), None, "Etc/GMT-2"),
        ("2023-10-03T14:00:00Z", dt.date(2023, 10, 3), T(14), None, "UTC"),
        ("20231003T160000Z", dt.date(2023, 10, 3), T(16), None, "UTC"),
        ("2023-10-03T16:00+05:30", dt.date(2023, 10, 3), T(16), None, "Asia/Kolkata"),
        ("2023-10-03 16:00 - 17:30", dt.date(2023, 10, 3), T(16), T(17, 30), None),
        ("Oct. 3, 2023 | 4–5 p.m.", dt.date(2023, 10, 3), T(16), T(17), None),
        ("October 3 @ 4:00 pm - 5:00 pm", dt.date(2023, 10, 3), T(16), T(17), None),
        ("4pm-5pm ET, Thursday September 14", dt.date(2023, 9, 14), T(16), T(17), NY),
        ("12:30 – 1:30 PM", None, T(12, 30), T(13, 30), None),
        ("9h30–10h30", None, T(9, 30), T(10, 30), None),
        ("16.00–17.00", None, T(16), T(17), None),
        ("Wed 11/8 at noon", dt.date(2023, 11, 8), T(12), None, None),
        (
            "Thursday, 14 September 2023, 11:00 am (Pacific Time)",
            dt.date(2023, 9, 14),
            T(11),
            None,
            "America/Los_Angeles",
        ),
        ("13/10/2023, 14:00", dt.date(2023, 10, 13), T(14), None, None),
        ("10/13/2023 3pm", dt.date(2023, 10, 13), T(15), None, None),
        ("3 Oct 2023 16:00 (GMT+1)", dt.date(2023, 10, 3), T(16), None, "Etc/GMT-1"),
        ("3 Oct 2023 11am UTC−5", dt.date(2023, 10, 3), T(11), None, "Etc/GMT+5"),
        (
            "3 Oct 2023 16:00 Central European Time",
            dt.date(2023, 10, 3),
            T(16),
            None,
            "Europe/Paris",
        ),
        ("3 Oct 2023 16:00 Eastern Daylight Time", dt.date(2023, 10, 3), T(16), None, NY),
        ("3 Oct 2023 16:00 Paris time", dt.date(2023, 10, 3), T(16), None, "Europe/Paris"),
        ("Oct 3 2023, 1pm Pacific", dt.date(2023, 10, 3), T(13), None, "America/Los_Angeles"),
        ("Oct 3 2023, 1pm ET/10am PT", dt.date(2023, 10, 3), T(13), None, NY),
        ("Oct 3, 2023, 12pm ET / 9am PT / 6pm CEST", dt.date(2023, 10, 3), T(12), None, NY),
        (
            "Tuesday, 3 October 2023, 10:00 AEST",
            dt.date(2023, 10, 3),
            T(10),
            None,
            "Australia/Sydney",
        ),
        (
            "3 Oct 2023, 10:00 Australian Eastern Standard Time",
            dt.date(2023, 10, 3),
            T(10),
            None,
            "Australia/Sydney",
        ),
        (
            "3 Oct 2023, 19:30 India Standard Time",
            dt.date(2023, 10, 3),
            T(19, 30),
            None,
            "Asia/Kolkata",
        ),
        ("03.10.2023, 16:15 Uhr", dt.date(2023, 10, 3), T(16, 15), None, None),
        (
            "Monday, January 8th, 2024 from 3:30 to 4:30pm",
            dt.date(2024, 1, 8),
            T(15, 30),
            T(16, 30),
            None,
        ),
        ("Thursday, October 5, 2023 - 12:00pm to 1:00pm", dt.date(2023, 10, 5), T(12), T(13), None),
        ("Fri 6 Oct, 11:00–12:00 UTC+01:00", dt.date(2023, 10, 6), T(11), T(12), "Etc/GMT-1"),
        ("Friday, 6th of October, 2pm", dt.date(2023, 10, 6), T(14), None, None),
        ("noon – 1:15 pm", None, T(12), T(13, 15), None),
        ("Tues., Oct. 3 – 4:15pm", dt.date(2023, 10, 3), T(16, 15), None, None),
        ("14 Sept. 2023, 15h", dt.date(2023, 9, 14), T(15), None, None),
        (
            "Mon Mar 4 2024 12:00 PM - 1:00 PM CST",
            dt.date(2024, 3, 4),
            T(12),
            T(13),
            "America/Chicago",
        ),
        ("Wednesday, 8 November 2023 at 12 noon", dt.date(2023, 11, 8), T(12), None, None),
        ("Sept 14th 2023 4.30pm", dt.date(2023, 9, 14), T(16, 30), None, None),
        ("Friday 1 December, 3pm (UK time)", dt.date(2023, 12, 1), T(15), None, "Europe/London"),
        ("Duration: 2h, Oct 3 2023", dt.date(2023, 10, 3), None, None, None),
        ("11am – noon", None, T(11), T(12), None),
    ],
)
def test_when_phrases(
    text: str, date: dt.date | None, start: T, end: T | None, zone: str | None
) -> None:
    w = parse_when(text, year=2023)
    assert w is not None
    assert (w.date, w.start, w.end, w.timezone) == (date, start, end, zone)


@pytest.mark.parametrize(
    ("text", "day_first", "date"),
    [
        ("05/10/2023", None, dt.date(2023, 5, 10)),
        ("05/10/2023", True, dt.date(2023, 10, 5)),
        ("05/10/2023", False, dt.date(2023, 5, 10)),
        ("25/10/2023", False, dt.date(2023, 10, 25)),  # a day above 12 settles it
        ("05/10/2023 14:00 CET", None, dt.date(2023, 10, 5)),  # a European zone: day first
        ("05/10/2023 2pm EST", None, dt.date(2023, 5, 10)),
    ],
)
def test_numeric_date_order(text: str, day_first: bool | None, date: dt.date) -> None:
    w = parse_when(text, day_first=day_first)
    assert w is not None and w.date == date


@pytest.mark.parametrize(
    "text",
    [
        "Tue, Oct 3, 4:00 PM – 5:00 PM EDT",
        "Oct 3, 2023, 12pm ET / 9am PT / 6pm CEST",
        "2023-10-03T16:00:00+02:00",
        "13/10/2023",
        "03.10.2023, 16:15 Uhr",
        "Oct 3 2023, 1pm Pacific",
        "3 Oct 2023 16:00 Paris time",
    ],
)
def test_when_lines(text: str) -> None:
    assert looks_like_when(text)


@pytest.mark.parametrize(
    "text",
    ["Paris time machines and 2023 futures", "Room 4-331, Building 2", "Jane Doe (MIT)"],
)
def test_not_when_lines(text: str) -> None:
    assert not looks_like_when(text)


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("All times are Central European Time (CET).", "Europe/Paris"),
        ("Seminars take place on Tuesdays at 4pm (GMT+1).", "Etc/GMT-1"),
        ("Times shown in Eastern Daylight Time", NY),
        ("Talks start at 14:00 Paris time", "Europe/Paris"),
        ("Tuesdays, 3pm ET/12pm PT", NY),
        ("Meetings at 10:00 Australian Eastern Standard Time", "Australia/Sydney"),
    ],
)
def test_timezone_cues(text: str, zone: str) -> None:
    assert find_timezone_cue(text) == zone


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("<dl><dt>Date</dt><dd>24 September 2021, 14:00</dd></dl>", 2021),
        ("Winter 2019", 2019),
        ("AY 2020-21", 2020),
        ("Spring '22", 2022),
        ("Fall ’98 colloquia", 1998),
        ("Academic year 2019/2020", 2019),
        ("Seminars\n" + "Upcoming talks\n" * 300 + "## January 2024", 2024),
        ("Call #2021 for proposals", None),
        ("Accuracy 2020%", None),
    ],
)
def test_find_year_realworld(text: str, year: int | None) -> None:
    assert find_year(text) == year


# --- text ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Line one<br>Line two", "Line one\nLine two"),
        ("Hello<br><br>World", "Hello\n\nWorld"),
        ("Trailing break<br/>", "Trailing break"),
        ("<div>A<br>B</div><div>C</div>", "A\nB\n\nC"),
        (
            "<p>Para&nbsp;two with <b>bold <i>nested</i></b> text.</p>",
            "Para two with bold nested text.",
        ),
        ("<ul><li>First</li><li>Second</li></ul>", "First\n\nSecond"),
        ("Some _emph_ and __strong__ and `code` here", "Some emph and strong and code here"),
        ("See ![diagram](http://x.org/a.png) here", "See diagram here"),
        (
            "Code at https://example.org/a_b_c/d?x=1_2 today",
            "Code at https://example.org/a_b_c/d?x=1_2 today",
        ),
        ('Visit <a href="https://x.org">our site</a>.', "Visit our site."),
        ("Tom &amp; Jerry&nbsp;&mdash; again", "Tom & Jerry — again"),
        ("<p>We study <em>x</em> &lt; <em>y</em>.</p>", "We study x < y."),
        ("C++ and C# and F#", "C++ and C# and F#"),
    ],
)
def test_clean_text_realworld(raw: str, expected: str) -> None:
    assert clean_text(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Learning<br>the universe", "Learning the universe"),
        ("**Title:** _Deep_ fields", "Deep fields"),
        ("“Symmetry in ML”", "Symmetry in ML"),
        ("Topic: TBA", None),
        ("Title to be announced", None),
    ],
)
def test_clean_title_realworld(raw: str, expected: str | None) -> None:
    assert clean_title(raw) == expected


def test_placeholder_and_label() -> None:
    assert is_placeholder("T.B.D.")
    assert not is_placeholder("TBA-based signalling")
    assert strip_label("Abstract: We study...", "abstract") == "We study..."


# --- speed: nothing catastrophic on pathological or large input ---------------------------

PATHOLOGICAL = [
    "a, " * 50000,
    "1" * 100000,
    "(" * 10000,
    ")" * 10000 + "(" * 10000,
    "Jane Doe (" * 5000,
    "1:" * 50000,
    "10/" * 30000,
    "<b>" * 20000,
    "*_" * 30000,
    "break " * 20000,
    "Dr. " * 20000,
    "A. " * 30000,
    "2023-" * 20000,
    "and " * 30000,
    "x" * 1_000_000,
    ("Jane Doe, MIT; " * 70000)[:1_000_000],
]


@pytest.mark.parametrize("text", PATHOLOGICAL, ids=range(len(PATHOLOGICAL)))
def test_parsers_survive_pathological_input(text: str) -> None:
    """Huge repetitive input returns (catastrophic backtracking would hang the test); the
    timings are measured in bench/bench_parsers.py."""
    funcs = (
        parse_when, looks_like_when, find_timezone_cue, find_year, looks_like_person_name,
        parse_speakers, is_non_talk, classify_kind, clean_title, is_placeholder,
    )  # fmt: skip
    for fn in funcs:
        fn(text)


@pytest.mark.parametrize("text", PATHOLOGICAL[:8], ids=range(8))
def test_clean_text_survives_pathological_input(text: str) -> None:
    assert clean_text(text) is None or isinstance(clean_text(text), str)
