"""Date/time phrases, years, timezone cues."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import pytest

from pipeline.normalise.dates import find_timezone_cue, find_year, looks_like_when, parse_when

T = dt.time
D = dt.date


@pytest.mark.parametrize(
    ("text", "date", "start", "end"),
    [
        ("Friday, March 24, 2023, 3:00–4:00 pm", D(2023, 3, 24), T(15), T(16)),
        ("Friday, April 28, 2023", D(2023, 4, 28), None, None),
        ("Tuesday, 7 November 2023 — 10:30am–noon", D(2023, 11, 7), T(10, 30), T(12)),
        ("Wed Jan 10th, 2024 from 2 to 3:30pm", D(2024, 1, 10), T(14), T(15, 30)),
        ("2021-09-24 14:00", D(2021, 9, 24), T(14), None),
        ("24.09.2021, 09:30-11:00", D(2021, 9, 24), T(9, 30), T(11)),
        ("3/4/2022, 4 p.m.", D(2022, 3, 4), T(16), None),
        ("Thursday 12 May 2022 16:00 - 17:30", D(2022, 5, 12), T(16), T(17, 30)),
        ("Mon., Sept. 9, 2019 @ 11:00 AM", D(2019, 9, 9), T(11), None),
        ("June 3-4, 2021", D(2021, 6, 3), None, None),
        ("**Monday, October 2, 2023, 12:00pm–1:00pm**", D(2023, 10, 2), T(12), T(13)),
        ("the 3rd of March, 2021", D(2021, 3, 3), None, None),
    ],
)
def test_full_phrases(text: str, date: D, start: T | None, end: T | None) -> None:
    w = parse_when(text)
    assert w is not None
    assert (w.date, w.start, w.end) == (date, start, end)
    assert not any("disagrees" in x for x in w.warnings)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2:00-3:00pm", T(14), T(15)),
        ("3:00 – 4:00 pm", T(15), T(16)),
        ("10:30am–11:15am", T(10, 30), T(11, 15)),
        ("9:15–10:00am", T(9, 15), T(10)),
        ("8:45-9:30 a.m.", T(8, 45), T(9, 30)),
        ("1:00–1:45pm", T(13), T(13, 45)),
        ("11:15am–12:00pm", T(11, 15), T(12)),
        ("11-12pm", T(11), T(12)),
        ("10-1pm", T(10), T(13)),
        ("12:00pm–1:00pm", T(12), T(13)),
        ("11am-noon", T(11), T(12)),
        ("noon - 1:30", T(12), T(13, 30)),
        ("14:00–15:30", T(14), T(15, 30)),
        ("09:00-10:00", T(9), T(10)),
        ("3pm to 4", T(15), T(16)),
        ("11am-1", T(11), T(13)),
        ("between 4 and 5 pm", T(16), T(17)),
        ("16h30-18h00", T(16, 30), T(18)),
        ("12am-1am", T(0), T(1)),
    ],
)
def test_time_ranges(text: str, start: T, end: T) -> None:
    w = parse_when(text)
    assert w is not None
    assert (w.date, w.start, w.end) == (None, start, end)
    assert "assumed pm" not in w.warnings


@pytest.mark.parametrize(
    ("text", "start"),
    [("4pm", T(16)), ("4 p.m.", T(16)), ("noon", T(12)), ("10:05 AM", T(10, 5)), ("at 9", T(9))],
)
def test_single_times(text: str, start: T) -> None:
    w = parse_when(text)
    assert w is not None and w.start == start and w.end is None


def test_unmarked_afternoon_is_pm_with_warning() -> None:
    w = parse_when("on Friday, Oct 7 at 3:30", year=2022)
    assert w is not None
    assert w.date == D(2022, 10, 7) and w.start == T(15, 30)
    assert "assumed pm" in w.warnings
    w = parse_when("2:00-3:00", year=2022)
    assert w is not None and (w.start, w.end) == (T(14), T(15)) and "assumed pm" in w.warnings


def test_unmarked_morning_stays_am() -> None:
    w = parse_when("10:00-11:30")
    assert w is not None and (w.start, w.end) == (T(10), T(11, 30))
    w = parse_when("11:00-1:00")
    assert w is not None and (w.start, w.end) == (T(11), T(13))


def test_end_before_start_warns() -> None:
    w = parse_when("May 2, 2022, 5pm-4pm")
    assert w is not None and "end before start" in w.warnings


def test_zone_in_phrase() -> None:
    w = parse_when("24 September 2021, 14:00 CET")
    assert w is not None and w.timezone in ("Europe/Paris", "Europe/Berlin")
    assert w.date == D(2021, 9, 24) and w.start == T(14)
    w = parse_when("Oct 3, 2022, 11am ET")
    assert w is not None and w.timezone == "America/New_York" and w.start == T(11)
    w = parse_when("5 May 2020, 16:00 UTC+2")
    assert w is not None and w.timezone == "Etc/GMT-2"
    w = parse_when("2020-11-02 10:00 Europe/Lisbon")
    assert w is not None and w.timezone == "Europe/Lisbon"
    w = parse_when("3pm Pacific Time, Jan 5 2021")
    assert w is not None and w.timezone == "America/Los_Angeles" and w.date == D(2021, 1, 5)


def test_dst_adjacent_dates_are_plain_local() -> None:
    # the night clocks change in the US (2023-03-12) and EU (2023-03-26)
    w = parse_when("Sunday, March 12, 2023, 2:30am-3:30am")
    assert w is not None and (w.date, w.start, w.end) == (D(2023, 3, 12), T(2, 30), T(3, 30))
    w = parse_when("26 March 2023 09:00 CEST")
    assert w is not None and w.date == D(2023, 3, 26) and w.timezone == "Europe/Paris"
    w = parse_when("Sun Nov 5, 2023 1:30 am")
    assert w is not None and (w.date, w.start) == (D(2023, 11, 5), T(1, 30))


def test_year_from_heading() -> None:
    w = parse_when("Sept 24, 4pm", year=2021)
    assert w is not None and w.date == D(2021, 9, 24) and w.start == T(16)
    # a year in the phrase wins over the heading
    w = parse_when("Sept 24, 2020", year=2021)
    assert w is not None and w.date == D(2020, 9, 24)


def test_no_year_without_context_is_unknown() -> None:
    for text in ("Sept 24", "Thu 3/4", "October 7 at 3pm", "12 janvier"):
        w = parse_when(text)
        if w is None:
            continue
        assert w.date is None
        if text != "12 janvier":
            assert any("year" in x for x in w.warnings)
    w = parse_when("October 7 at 3pm")
    assert w is not None and w.start == T(15)


def test_year_from_reference() -> None:
    # an announcement in December for a January talk: next year
    w = parse_when("Tuesday, January 9, 10am", reference=D(2023, 12, 20))
    assert w is not None and w.date == D(2024, 1, 9)
    assert "year inferred from document date" in w.warnings
    # a reminder sent a few days after: same year
    w = parse_when("Oct 7", reference=D(2022, 10, 10))
    assert w is not None and w.date == D(2022, 10, 7)
    # the named weekday picks the year
    w = parse_when("Friday, Oct 7", reference=D(2021, 12, 1))
    assert w is not None and w.date == D(2022, 10, 7)
    assert not any("disagrees" in x for x in w.warnings)


def test_numeric_dates_are_us_order() -> None:
    w = parse_when("Thu 3/4", year=2021)
    assert w is not None and w.date == D(2021, 3, 4)
    assert not any("disagrees" in x for x in w.warnings)
    w = parse_when("3/4/21 2pm")
    assert w is not None and w.date == D(2021, 3, 4) and w.start == T(14)


def test_weekday_mismatch_warns_and_keeps_date() -> None:
    w = parse_when("Friday, March 25, 2023")
    assert w is not None and w.date == D(2023, 3, 25)
    assert "weekday Friday disagrees with 2023-03-25" in w.warnings
    w = parse_when("Tue 3/4", year=2021)
    assert w is not None and any("Tuesday disagrees" in x for x in w.warnings)


def test_invalid_date_and_nothing() -> None:
    w = parse_when("February 30, 2023")
    assert w is not None and w.date is None and w.warnings
    assert parse_when("") is None
    assert parse_when("Generative models with symmetries") is None
    assert parse_when("We trained 3 models on 24 GPUs") is None


def test_never_uses_wall_clock() -> None:
    for text in ("today at 3pm", "tomorrow", "next Friday"):
        w = parse_when(text)
        assert w is None or w.date is None


def test_repeated_calls_agree() -> None:
    """The cached parser gives the same answer every time (speed: bench/bench_parsers.py)."""
    phrases = [
        "Friday, March 24, 2023, 3:00–4:00 pm",
        "9:15–10:00am",
        "24 September 2021, 14:00 CET",
    ]
    first = [parse_when(p, year=2022) for p in phrases]
    for _ in range(20):
        assert [parse_when(p, year=2022) for p in phrases] == first


@pytest.mark.parametrize(
    "line",
    [
        "**Friday, March 24, 2023, 3:00–4:00 pm**",
        "### 9:15–10:00am",
        "Monday, August 8, 2022",
        "March 24",
        "2021-09-24 14:00 UTC",
        "Thu 3/4 at 4pm",
        "Time: 4pm ET",
        "Date: 12 May 2022",
        "noon - 1pm",
        "Wednesday 16:00-17:30 CET",
        # in other languages: the month, the weekday and the phrase's small words
        "jeudi 12 octobre 2023, 14h00",
        "Donnerstag, 5. März 2024, 16:00",
        "Quinta-feira, 27 de março de 2025",
        "martes 4 de junio, 16:00",
        "giovedì 7 marzo 2024 ore 15:00",
    ],
)
def test_looks_like_when(line: str) -> None:
    assert looks_like_when(line)


@pytest.mark.parametrize(
    "line",
    [
        "Spring 2023 Seminars",
        "Breakfast is served",
        "Dan Roberts",
        "Lecture 3",
        "Europe/Lisbon",
        "Friday 3pm, Room 4-331, with pizza",
        "We met at 3pm to discuss flows and symmetries",
        "",
        "2020 seminars",
        "Generative models with symmetries for physics",
        "Marzo de la ciencia 2024",
        "Le 5 mai, une histoire des grèves",
    ],
)
def test_not_looks_like_when(line: str) -> None:
    assert not looks_like_when(line)


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("All times listed are ET.", "America/New_York"),
        ("Note: times are Eastern.", "America/New_York"),
        ("Talks start at 4pm EST", "America/New_York"),
        ("4pm EDT", "America/New_York"),
        ("Schedule (Eastern Time)", "America/New_York"),
        ("All times are in Central European Time", "Europe/Paris"),
        ("Seminars run 16:00 CEST", "Europe/Paris"),
        ("Meetings at 10am PT", "America/Los_Angeles"),
        ("Times in Pacific Standard Time", "America/Los_Angeles"),
        ("Europe/Lisbon\nOnline", "Europe/Lisbon"),
        ("Asia/Kolkata", "Asia/Kolkata"),
        ("Starts 17:00 GMT", "Europe/London"),
        ("Tokyo time 9:00", "Asia/Tokyo"),
        ("All talks 14:00 UTC", "UTC"),
        ("10:00 JST", "Asia/Tokyo"),
        ("3pm CT", "America/Chicago"),
    ],
)
def test_find_timezone_cue(text: str, zone: str) -> None:
    assert find_timezone_cue(text) == zone
    assert zone in zoneinfo.available_timezones()


@pytest.mark.parametrize(
    "text",
    [
        "Patients with PTSD were studied",
        "The ET cell line",
        "BST algorithms are balanced",
        "IST 9am",
        "Get the MST of the graph",
        "Planet/Earth",
        "Meet at the café",
        "",
        "Thesis about PT symmetry",
        "Central limit theorem",
        "Eastern Europe collaborations",
        # an acronym a zone abbreviation spells, far from any clock time
        "09:30-12:30 Training: Introduction to R. Speaker: Compass CDT",
        "Hosted by the CEST research group",
    ],
)
def test_find_timezone_cue_negatives(text: str) -> None:
    assert find_timezone_cue(text) is None


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("Fall 2021 Seminars", 2021),
        ("## Monday, August 8, 2022", 2022),
        ("2020 seminars", 2020),
        ("Past talks (1998)", 1998),
        ("Spring 2019 - Spring 2020", 2019),
        ("Room 4-331", None),
        ("$2000 prize", None),
        ("Seminars", None),
        ("14:00-15:00", None),
        ("Call 2021.5", None),
    ],
)
def test_find_year(text: str, year: int | None) -> None:
    assert find_year(text) == year


@pytest.mark.parametrize(("text", "ref", "expected"), [
    ("03-Feb-97", None, dt.date(1997, 2, 3)),
    ("3 Feb '97, 4:00 pm", None, dt.date(1997, 2, 3)),
    ("28-Jan-97 3:30pm", dt.date(1997, 1, 20), dt.date(1997, 1, 28)),
    ("11/04/98", dt.date(1998, 10, 1), dt.date(1998, 11, 4)),
    ("5-Mar-68", dt.date(1968, 2, 1), dt.date(1968, 3, 5)),  # pivoted by the document
    ("5-Mar-68", None, dt.date(2068, 3, 5)),  # without one, at 1970
])
def test_two_digit_years_are_read_around_the_documents_own_date(
        text: str, ref: dt.date | None, expected: dt.date) -> None:
    when = parse_when(text, reference=ref)
    assert when is not None and when.date == expected


def test_a_range_whose_am_pm_cannot_be_right_is_reported_not_repaired_silently() -> None:
    when = parse_when("3 May 2024, 5:00-4:00pm")
    assert when is not None and "time range 5:00-4:00pm read as 11 hours: am/pm unclear" \
        in when.warnings
    assert parse_when("3 May 2024, 11:00-1:00pm").warnings == []


def test_academic_years_give_each_month_its_year() -> None:
    from pipeline.normalise.dates import academic_date, find_academic_year

    assert find_academic_year("Colloquium 2022-23, Autumn Term") == (2022, 2023)
    assert find_academic_year("Seminars 2019/2020") == (2019, 2020)
    assert find_academic_year("pages 2019-2024") is None
    assert academic_date(dt.date(2022, 3, 13), (2022, 2023)) == dt.date(2023, 3, 13)
    assert academic_date(dt.date(2022, 10, 13), (2022, 2023)) == dt.date(2022, 10, 13)


@pytest.mark.parametrize(("text", "expected"), [
    ("Quinta-feira, 27 de março de 2025, 11:00 – 12:00", dt.date(2025, 3, 27)),
    ("jeudi 12 octobre 2023 à 14h00", dt.date(2023, 10, 12)),
    ("Dienstag, 5. März 2024, 16:15", dt.date(2024, 3, 5)),
    ("martes 5 de marzo de 2024", dt.date(2024, 3, 5)),
])
def test_dates_in_other_languages(text: str, expected: dt.date) -> None:
    when = parse_when(text)
    assert when is not None and when.date == expected


def test_an_article_between_weekday_and_day() -> None:
    """``Donnerstag, den 12. Mai 2022``, ``jeudi le 9 mars 2023``: the article the date
    parsers do not expect is read past."""
    assert parse_when("Donnerstag, den 12. Mai 2022, 17:15 Uhr").date == dt.date(2022, 5, 12)
    assert parse_when("jeudi le 9 mars 2023").date == dt.date(2023, 3, 9)
