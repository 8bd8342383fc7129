"""The shared parsers: no-meeting entries, cancellations, topic phrases that
look like names, dotted organisation abbreviations, dashes inside affiliations, the
shared announcement vocabularies, and speaker lines from author lists and exports in
several naming conventions. Every input here is written for this file."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.normalise.agenda import (
    cancellation,
    is_cancellation,
    is_no_event,
    is_non_talk,
    is_series_name,
)
from pipeline.normalise.dates import looks_like_when, parse_when
from pipeline.normalise.people import (
    is_given_name,
    is_organisation,
    looks_like_person_name,
    parse_speakers,
)
from pipeline.normalise.text import is_closing_line, is_signoff, mentions_place

HAS_LEXICON = is_given_name("Maria") is not None
needs_lexicon = pytest.mark.skipif(not HAS_LEXICON, reason="gender-guesser not installed")


def people(line: str) -> list[tuple[str, str | None, str | None]]:
    return [(s.name, s.affiliation, s.role) for s in parse_speakers(line)]


# --- 1. calendar entries on which nobody speaks ---------------------------------------


@pytest.mark.parametrize(
    "item",
    [
        "No seminar (fall break)",
        "No seminar",
        "NO SEMINAR – Thanksgiving",
        "No colloquium this week",
        "No meeting this week",
        "No talk today",
        "Fall break",
        "Spring Break",
        "Mid-term break",
        "Winter recess",
        "Reading week: no meeting",
        "Holiday",
        "University holiday",
        "Thanksgiving",
        "Thanksgiving Day (no seminar)",
        "Labor Day",
        "Martin Luther King Jr. Day",
        "Seminar cancelled",
        "Talk postponed to next term",
        "The seminar has been cancelled",
        "CANCELLED",
        "Cancelled.",
        "*Cancelled*",
    ],
)
def test_no_event_items_are_not_talks(item: str) -> None:
    assert is_no_event(item)
    assert is_non_talk(item)


@pytest.mark.parametrize(
    "title",
    [
        "Breaking symmetries",
        "Holiday effects in retail demand",
        "Holiday-aware forecasting",
        "Recessions and inflation expectations",
        "Cancellation of errors in lattice sums",
        "Spring constants of soft materials",
        "No free lunch theorems for optimisation",
        "Thanksgiving travel and disease spread",
        "Vacation scheduling as a matching problem",
        "Fall of the Berlin wall: a network view",
    ],
)
def test_titles_with_such_words_are_talks(title: str) -> None:
    assert not is_no_event(title)
    assert not is_non_talk(title)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("This week's colloquium has been cancelled due to illness.", "cancelled"),
        ("Subject: CANCELLED: Algebra seminar", "cancelled"),
        ("POSTPONED - Number theory seminar", "postponed"),
        ("The talk will be rescheduled for the spring.", "postponed"),
        ("Cancelled\nJane Roe, Topology seminar", "cancelled"),
        ("There is no seminar this Friday.", "cancelled"),
    ],
)
def test_cancellation_statements(text: str, word: str) -> None:
    assert cancellation(text) == word
    assert is_cancellation(text)


@pytest.mark.parametrize(
    "text",
    [
        "We study how cancelled flights propagate through airline networks.",
        "A cancellation law for monoids",
        "Seminar on harmonic analysis",
        "",
    ],
)
def test_not_cancellations(text: str) -> None:
    assert cancellation(text) is None


# --- 2. dates ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["2024-05-06T15:00:00-04:00", "2031-11-20T09:30:00Z", "20310102T093000Z"],
)
def test_iso_instants_are_when_lines(text: str) -> None:
    assert looks_like_when(text)


def test_iso_instant_offset_becomes_zone() -> None:
    w = parse_when("2024-05-06T15:00:00-04:00")
    assert w is not None and w.date == dt.date(2024, 5, 6) and w.start == dt.time(15)
    assert w.timezone == "Etc/GMT+4"


def test_arrow_between_times_is_a_range() -> None:
    w = parse_when("Tue 14.03.2028 10:15 → 11:45")
    assert w is not None and (w.start, w.end) == (dt.time(10, 15), dt.time(11, 45))
    assert w.date == dt.date(2028, 3, 14)


def test_cjk_date() -> None:
    w = parse_when("2027年9月3日 16:00")
    assert w is not None and w.date == dt.date(2027, 9, 3) and w.start == dt.time(16)
    assert looks_like_when("2027年9月3日 16:00")


# --- 3. dotted abbreviations and linking words ------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Mara Lind, U.C. Irvine", [("Mara Lind", "U.C. Irvine", None)]),
        ("Mara Lind, U. of T.", [("Mara Lind", "U. of T.", None)]),
        ("Mara Lind, U. of Chicago", [("Mara Lind", "U. of Chicago", None)]),
        ("Mara Lind, Univ. of Oregon", [("Mara Lind", "Univ. of Oregon", None)]),
        ("Mara Lind, Portland State Univ.", [("Mara Lind", "Portland State Univ.", None)]),
        ("Mara Lind, M.I.T.", [("Mara Lind", "M.I.T.", None)]),
        ("Mara Lind, Inst. for Advanced Study", [("Mara Lind", "Inst. for Advanced Study", None)]),
        ("Mara Lind, Acme Widgets Inc.", [("Mara Lind", "Acme Widgets Inc.", None)]),
        ("Mara Lind, MIT.", [("Mara Lind", "MIT", None)]),
        (
            "Orla Brennan of Eastvale University",
            [("Orla Brennan", "Eastvale University", None)],
        ),
        (
            "Orla Brennan from the Institute of Cartography",
            [("Orla Brennan", "the Institute of Cartography", None)],
        ),
    ],
)
def test_dotted_organisation_parts(line: str, expected: list) -> None:
    assert people(line) == expected


@pytest.mark.parametrize("text", ["U.C. Irvine", "Univ. of Oregon", "U. of T.", "M.I.T."])
def test_dotted_organisations_are_not_names(text: str) -> None:
    assert not looks_like_person_name(text)
    assert is_organisation(text)


@pytest.mark.parametrize("text", ["J. R. Smith", "A.B. Jones", "M. A. Okafor"])
def test_personal_initials_still_names(text: str) -> None:
    assert looks_like_person_name(text)
    assert not is_organisation(text)


# --- 4. topic phrases shaped like names -------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Spin Glasses",
        "Neural Codes",
        "Deep Learning",
        "Graph Networks",
        "Quantum Gravity",
        "Random Matrices",
        "Optimal Transport",
        "String Theory",
        "Sparse Coding",
        "Hidden Symmetries",
        "Topological Phases",
        "SPIN GLASSES",
    ],
)
def test_topic_phrases_are_not_names(text: str) -> None:
    assert not looks_like_person_name(text)


@pytest.mark.parametrize(
    "text",
    [
        "Grace Hopper",
        "Oona Callaghan",
        "Kourosh Bakhtiari",
        "Ljiljana Đorđević",
        "Soo-Jin Park",
        "Jia-Wei Hu",
        "Marieke van der Linden",
        "Mark Newman",
        "Rose Yu",
        "Max Kessler",
        "John Field",
    ],
)
def test_names_stay_names(text: str) -> None:
    assert looks_like_person_name(text)


@needs_lexicon
@pytest.mark.parametrize("text", ["Emergent Gravity", "Scalable Networks", "Glassy Codes"])
def test_unlisted_adjective_before_topic_noun_is_not_a_name(text: str) -> None:
    assert not looks_like_person_name(text)


@needs_lexicon
@pytest.mark.parametrize("text", ["Michael Fields", "Sarah Light", "Helen Strong"])
def test_known_given_name_before_topic_word_is_a_name(text: str) -> None:
    assert looks_like_person_name(text)


@needs_lexicon
def test_given_name_lexicon() -> None:
    assert is_given_name("Grace") and is_given_name("Soo-Jin") is not None
    assert is_given_name("Gravity") is False


# --- 6. dashes inside affiliations; shared affiliations --------------------------------


@pytest.mark.parametrize(
    ("line", "affiliation"),
    [
        ("Ines Falk, IBM Research – Zurich", "IBM Research – Zurich"),
        ("Ines Falk (IBM Research – Zurich)", "IBM Research – Zurich"),
        ("Ines Falk, Microsoft Research - Redmond, USA", "Microsoft Research - Redmond, USA"),
        ("Ines Falk – Google Research – Brain Team", "Google Research – Brain Team"),
    ],
)
def test_dash_inside_affiliation_is_kept(line: str, affiliation: str) -> None:
    assert people(line) == [("Ines Falk", affiliation, None)]


def test_dash_before_a_person_still_separates() -> None:
    assert people("Ines Falk, ETH Zurich – Tomas Berg, EPFL") == [
        ("Ines Falk", "ETH Zurich", None),
        ("Tomas Berg", "EPFL", None),
    ]


def test_joined_names_share_no_affiliation() -> None:
    """``A & B, Org``: the organisation is attached to the last name only. Whether it is
    shared is not written on the line (``A & B, Org`` also reads as A unaffiliated), so
    nothing is invented for the first speaker."""
    assert people("Ines Falk & Tomas Berg, EPFL") == [
        ("Ines Falk", None, None),
        ("Tomas Berg", "EPFL", None),
    ]


# --- 5. shared announcement vocabularies -------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "All are welcome!",
        "Everyone is warmly invited.",
        "Zoom link: https://example.org/j/123",
        "Meeting ID: 123 456 789",
        "Please forward to interested colleagues.",
        "Pizza will be served at 11:45.",
        "Refreshments will follow the talk.",
        "Best regards,",
        "Cheers",
        "Hope to see you there!",
    ],
)
def test_closing_lines(line: str) -> None:
    assert is_closing_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "We show that all graphs of this kind are welcome targets for the method.",
        "Pizza delivery routes form a vehicle routing problem.",
        "Thanks to new detectors, the signal is now visible.",
        "",
    ],
)
def test_not_closing_lines(line: str) -> None:
    assert not is_closing_line(line)


def test_signoff() -> None:
    assert is_signoff("Kind regards,") and is_signoff("Many thanks!")
    assert not is_signoff("Thanks to the support of the foundation, we built it.")


@pytest.mark.parametrize("text", ["Room 4-231", "Online (Zoom)", "Hörsaal 3", "Wean Hall 5409"])
def test_place_words(text: str) -> None:
    assert mentions_place(text)


def test_no_place_word() -> None:
    assert not mentions_place("Spectral methods for sparse graphs")


@pytest.mark.parametrize(
    "text",
    ["Applied Analysis Seminar", "PHYSICS COLLOQUIUM", "ML Reading Group", "Friday Lunch Talks"],
)
def test_series_names(text: str) -> None:
    assert is_series_name(text)


@pytest.mark.parametrize(
    "text", ["the seminar is cancelled", "Why Seminars Fail Us Today", "Ines Falk"]
)
def test_not_series_names(text: str) -> None:
    assert not is_series_name(text)


@pytest.mark.parametrize(
    "text",
    ["Collège de Paris", "European Commission", "TU Delft", "Hokkai Daigaku", "Acme GmbH"],
)
def test_organisations(text: str) -> None:
    assert is_organisation(text)
    assert not looks_like_person_name(text)


# --- red team: author lists, exports, naming conventions --------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # surname-first names, in capitals or not
        ("Zhao Lei, Nanjing University", [("Zhao Lei", "Nanjing University", None)]),
        ("LIU Yifan (Wuhan University)", [("Liu Yifan", "Wuhan University", None)]),
        ("Pham Thi Lan, Hue University", [("Pham Thi Lan", "Hue University", None)]),
        ("Choi Seo-yeon, KAIST", [("Choi Seo-yeon", "KAIST", None)]),
        # particles and double surnames
        (
            "Carmen Ruiz Ortega, Universidad de Sevilla",
            [("Carmen Ruiz Ortega", "Universidad de Sevilla", None)],
        ),
        (
            "Anke van der Meer, Universiteit Utrecht",
            [("Anke van der Meer", "Universiteit Utrecht", None)],
        ),
        ("Otto von der Heide, LMU", [("Otto von der Heide", "LMU", None)]),
        # author-list marks
        ("T. Okafor¹, R. Lindqvist²", [("T. Okafor", None, None), ("R. Lindqvist", None, None)]),
        ("T. Okafor1,2, R. Lindqvist2", [("T. Okafor", None, None), ("R. Lindqvist", None, None)]),
        ("Tove Lind*, Rune Okafor†", [("Tove Lind", None, None), ("Rune Okafor", None, None)]),
        # Indico-style exports: Surname, Given (Org), entries separated by semicolons
        (
            "HALVORSEN, Ingrid (NTNU); OKAFOR, Tunde (CERN)",
            [("Ingrid Halvorsen", "NTNU", None), ("Tunde Okafor", "CERN", None)],
        ),
        (
            "Prof. KOWALSKI, Marta (Jagiellonian University)",
            [("Marta Kowalski", "Jagiellonian University", None)],
        ),
        # an initial never opens a role
        ("P. Reader, Oxford", [("P. Reader", "Oxford", None)]),
    ],
)
def test_redteam_speaker_lines(line: str, expected: list) -> None:
    assert people(line) == expected


@needs_lexicon
def test_export_surname_given_with_organisation() -> None:
    assert people("Gallagher, Siobhan (Trinity College Dublin)") == [
        ("Siobhan Gallagher", "Trinity College Dublin", None)
    ]
