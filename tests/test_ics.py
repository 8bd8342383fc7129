"""Tests of the iCalendar extractor on calendars written for these tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors import ics_dialects as ics
from extractors.ics import extract, extract_calendar
from pipeline.errors import ExtractionError
from pipeline.records import Document

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CALENDARS = ROOT / "data" / "raw" / "calendars"
UTC = dt.UTC
NY = ZoneInfo("America/New_York")

NY_VTIMEZONE = """BEGIN:VTIMEZONE
TZID:America/New_York
BEGIN:DAYLIGHT
TZOFFSETFROM:-0500
TZOFFSETTO:-0400
TZNAME:EDT
DTSTART:19700308T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:-0400
TZOFFSETTO:-0500
TZNAME:EST
DTSTART:19701101T020000
RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU
END:STANDARD
END:VTIMEZONE
"""


def cal(body: str, header: str = "") -> str:
    """A VCALENDAR around ``body`` (CRLF line ends, as feeds send them)."""
    text = f"BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//tests//EN\n{header}{body}END:VCALENDAR\n"
    return text.replace("\n", "\r\n")


def utc(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=UTC)


# --------------------------------------------------------------------------- recurrence


WEEKLY_DST = NY_VTIMEZONE + """BEGIN:VEVENT
UID:weekly-1@example.edu
DTSTAMP:20231001T000000Z
DTSTART;TZID=America/New_York:20231019T160000
DTEND;TZID=America/New_York:20231019T170000
RRULE:FREQ=WEEKLY;COUNT=5
EXDATE;TZID=America/New_York:20231026T160000
SUMMARY:Applied Math Colloquium
LOCATION:Room 2-190
END:VEVENT
BEGIN:VEVENT
UID:weekly-1@example.edu
DTSTAMP:20231001T000000Z
RECURRENCE-ID;TZID=America/New_York:20231109T160000
DTSTART;TZID=America/New_York:20231109T173000
DTEND;TZID=America/New_York:20231109T183000
SUMMARY:Applied Math Colloquium: Rescheduled talk on sparse solvers
LOCATION:Room 2-190
END:VEVENT
"""


def test_weekly_rrule_across_dst_with_exdate_and_override() -> None:
    talks = extract_calendar(cal(WEEKLY_DST))
    # Oct 19, (Oct 26 excluded), Nov 2, Nov 9 (moved), Nov 16; DST ends Nov 5
    assert [t.start.astimezone(UTC) for t in talks] == [
        utc(2023, 10, 19, 20),
        utc(2023, 11, 2, 20),
        utc(2023, 11, 9, 22, 30),
        utc(2023, 11, 16, 21),
    ]
    assert [t.end.astimezone(UTC) for t in talks] == [
        utc(2023, 10, 19, 21),
        utc(2023, 11, 2, 21),
        utc(2023, 11, 9, 23, 30),
        utc(2023, 11, 16, 22),
    ]
    # local wall time stays 16:00 across the DST change (except the moved occurrence)
    assert [t.start.astimezone(NY).time() for t in talks] == [
        dt.time(16), dt.time(16), dt.time(17, 30), dt.time(16)
    ]
    assert [t.date for t in talks] == [
        dt.date(2023, 10, 19), dt.date(2023, 11, 2), dt.date(2023, 11, 9), dt.date(2023, 11, 16)
    ]
    assert all(t.timezone == "America/New_York" for t in talks)
    assert all(t.start.tzinfo is not None and t.end.tzinfo is not None for t in talks)
    # the override replaces the original occurrence, its key keeps the original start
    assert talks[2].title == "Rescheduled talk on sparse solvers"
    assert talks[2].key == "weekly-1@example.edu@2023-11-09T21:00:00+00:00"
    assert [t.key for t in talks[:2]] == [
        "weekly-1@example.edu@2023-10-19T20:00:00+00:00",
        "weekly-1@example.edu@2023-11-02T20:00:00+00:00",
    ]
    # a summary that only names the series is no title; the label before a title is the series
    assert [t.title for t in talks] == [None, None, "Rescheduled talk on sparse solvers", None]
    assert all(t.series == "Applied Math Colloquium" for t in talks)
    assert all(t.location == "Room 2-190" for t in talks)


def test_keys_are_stable_across_runs() -> None:
    first = [t.key for t in extract_calendar(cal(WEEKLY_DST))]
    second = [t.key for t in extract_calendar(cal(WEEKLY_DST))]
    assert first == second and len(set(first)) == len(first)


def _unbounded(year: int) -> str:
    return cal(f"""BEGIN:VEVENT
UID:open-ended@example.org
DTSTAMP:{year}0101T000000Z
DTSTART:{year}0105T150000Z
DTEND:{year}0105T160000Z
RRULE:FREQ=WEEKLY
SUMMARY:Reading group
END:VEVENT
""")


@pytest.mark.parametrize("year", [1999, 2023, 2090])
def test_unbounded_rrule_expands_to_horizon_counted_from_feed(year: int) -> None:
    talks = extract_calendar(_unbounded(year))
    # latest stated date is DTEND; one year (365 days) past it holds 52 more weeks
    assert len(talks) == 53
    first = dt.datetime(year, 1, 5, 15, tzinfo=UTC)
    assert talks[0].start == first
    assert talks[-1].start == first + dt.timedelta(weeks=52)
    assert all(t.timezone == "UTC" for t in talks)


def test_horizon_is_configurable() -> None:
    talks = extract_calendar(_unbounded(2023), horizon_days=30)
    assert [t.date for t in talks] == [
        dt.date(2023, 1, 5), dt.date(2023, 1, 12), dt.date(2023, 1, 19),
        dt.date(2023, 1, 26), dt.date(2023, 2, 2),
    ]


def test_until_extends_the_horizon() -> None:
    text = cal("""BEGIN:VEVENT
UID:until@example.org
DTSTART:20200106T100000Z
DTEND:20200106T110000Z
RRULE:FREQ=MONTHLY;UNTIL=20220106T100000Z
SUMMARY:Monthly lecture
END:VEVENT
""")
    talks = extract_calendar(text, horizon_days=1)
    assert len(talks) == 25
    assert talks[-1].start == utc(2022, 1, 6, 10)


def test_dense_rule_is_capped() -> None:
    text = cal("""BEGIN:VEVENT
UID:dense@example.org
DTSTART:20230101T000000Z
DURATION:PT1M
RRULE:FREQ=MINUTELY
SUMMARY:Ticker
END:VEVENT
""")
    talks = extract_calendar(text, max_occurrences=200)
    assert len(talks) == 200
    assert talks[-1].start == utc(2023, 1, 1, 3, 19)
    assert "recurrence cut at its first 200 occurrences" in talks[0].warnings


def test_rdate_adds_and_cancelled_occurrence_is_dropped() -> None:
    text = cal("""BEGIN:VEVENT
UID:rdate@example.org
DTSTART:20240201T170000Z
DTEND:20240201T180000Z
RDATE:20240215T170000Z,20240229T170000Z
SUMMARY:Journal club
END:VEVENT
BEGIN:VEVENT
UID:rdate@example.org
RECURRENCE-ID:20240215T170000Z
DTSTART:20240215T170000Z
DTEND:20240215T180000Z
STATUS:CANCELLED
SUMMARY:Journal club
END:VEVENT
BEGIN:VEVENT
UID:cancelled@example.org
DTSTART:20240210T170000Z
DTEND:20240210T180000Z
STATUS:CANCELLED
SUMMARY:Cancelled lecture
END:VEVENT
""")
    found = extract_calendar(text)
    # cancelled occurrences come back without title or speaker, saying why, so the run
    # reports them among its dropped records instead of losing them silently
    gone = [t for t in found if "event is CANCELLED: it did not take place" in t.warnings]
    assert len(gone) == 2 and all(t.title is None and not t.speaker_text for t in gone)
    talks = [t for t in found if t not in gone]
    assert [t.start for t in talks] == [utc(2024, 2, 1, 17), utc(2024, 2, 29, 17)]
    # the summary only names the series: no title (these slots name nobody, so the
    # normalise stage drops them); the name is the series
    assert [t.title for t in talks] == [None, None]
    assert [t.series for t in talks] == ["Journal club", "Journal club"]


def test_distinct_events_sharing_a_uid_are_all_kept() -> None:
    text = cal("""BEGIN:VEVENT
UID:same@example.org
DTSTART:20240301T100000Z
SUMMARY:First talk
END:VEVENT
BEGIN:VEVENT
UID:same@example.org
DTSTART:20240308T100000Z
SUMMARY:Second talk
END:VEVENT
""")
    talks = extract_calendar(text)
    assert [t.title for t in talks] == ["First talk", "Second talk"]
    assert talks[0].key != talks[1].key
    assert "UID shared by several events" in talks[1].warnings


# --------------------------------------------------------------------------- time zones


def test_tzid_without_vtimezone_iana_and_windows_names() -> None:
    text = cal("""BEGIN:VEVENT
UID:berlin@example.org
DTSTART;TZID=Europe/Berlin:20240704T140000
DTEND;TZID=Europe/Berlin:20240704T150000
SUMMARY:Summer school lecture
END:VEVENT
BEGIN:VEVENT
UID:outlook@example.org
DTSTART;TZID=Eastern Standard Time:20240110T110000
DTEND;TZID=Eastern Standard Time:20240110T120000
SUMMARY:Outlook invite
END:VEVENT
""")
    outlook, berlin = extract_calendar(text)
    assert berlin.timezone == "Europe/Berlin"
    assert berlin.start == utc(2024, 7, 4, 12) and berlin.end == utc(2024, 7, 4, 13)
    assert berlin.start.utcoffset() == dt.timedelta(hours=2)
    assert berlin.date == dt.date(2024, 7, 4)
    assert outlook.timezone == "America/New_York"
    assert outlook.start == utc(2024, 1, 10, 16) and outlook.end == utc(2024, 1, 10, 17)


def test_custom_vtimezone_keeps_instants_and_warns_without_iana_name() -> None:
    text = cal("""BEGIN:VTIMEZONE
TZID:Campus Time
BEGIN:STANDARD
DTSTART:19700101T000000
TZOFFSETFROM:+0530
TZOFFSETTO:+0530
END:STANDARD
END:VTIMEZONE
BEGIN:VEVENT
UID:campus@example.org
DTSTART;TZID=Campus Time:20240105T150000
DTEND;TZID=Campus Time:20240105T160000
SUMMARY:Departmental talk
END:VEVENT
""")
    (talk,) = extract_calendar(text)
    assert talk.start == utc(2024, 1, 5, 9, 30)
    assert talk.timezone is None
    assert talk.date == dt.date(2024, 1, 5)
    assert "time zone 'Campus Time' has no IANA name" in talk.warnings


def test_duration_instead_of_dtend() -> None:
    text = cal("""BEGIN:VEVENT
UID:dur@example.org
DTSTART;TZID=Asia/Tokyo:20240520T153000
DURATION:PT1H15M
SUMMARY:Seminar on category theory
END:VEVENT
""")
    (talk,) = extract_calendar(text)
    assert talk.start == utc(2024, 5, 20, 6, 30)
    assert talk.end == utc(2024, 5, 20, 7, 45)
    assert talk.timezone == "Asia/Tokyo"
    assert talk.title == "Seminar on category theory"


def test_all_day_event() -> None:
    text = cal("""BEGIN:VEVENT
UID:allday@example.org
DTSTART;VALUE=DATE:20240916
DTEND;VALUE=DATE:20240917
SUMMARY:Workshop day: Symmetry in learning
END:VEVENT
""")
    (talk,) = extract_calendar(text)
    assert talk.date == dt.date(2024, 9, 16)
    assert talk.start is None and talk.end is None
    assert talk.timezone is None
    assert talk.warnings == ["all-day event"]
    assert talk.key == "allday@example.org@2024-09-16"


def test_floating_times_with_x_wr_timezone() -> None:
    text = cal("""BEGIN:VEVENT
UID:float@example.org
DTSTART:20240315T163000
DTEND:20240315T173000
RRULE:FREQ=WEEKLY;COUNT=2
SUMMARY:Lisbon math seminar
END:VEVENT
""", header="X-WR-TIMEZONE:Europe/Lisbon\nX-WR-CALNAME:Lisbon Math Seminar\n")
    talks = extract_calendar(text)
    # Portugal moves to summer time on 31 March 2024: both before it, one hour after
    assert [t.start for t in talks] == [utc(2024, 3, 15, 16, 30), utc(2024, 3, 22, 16, 30)]
    assert all(t.timezone == "Europe/Lisbon" for t in talks)
    assert all(t.start.tzinfo is not None for t in talks)
    assert talks[0].key == "float@example.org@2024-03-15T16:30:00+00:00"
    assert talks[0].series == "Lisbon Math Seminar"


def test_floating_time_without_zone_stays_naive_with_warning() -> None:
    text = cal("""BEGIN:VEVENT
UID:nozone@example.org
DTSTART:20240315T163000
SUMMARY:Somewhere talk
END:VEVENT
""")
    (talk,) = extract_calendar(text)
    assert talk.start == dt.datetime(2024, 3, 15, 16, 30) and talk.start.tzinfo is None
    assert talk.timezone is None
    assert "floating time and no X-WR-TIMEZONE" in talk.warnings


def test_utc_times_with_calendar_zone_report_that_zone() -> None:
    text = cal("""BEGIN:VEVENT
UID:gcal@example.org
DTSTART:20240402T010000Z
DTEND:20240402T020000Z
SUMMARY:Evening lecture
END:VEVENT
""", header="X-WR-TIMEZONE:America/Los_Angeles\n")
    (talk,) = extract_calendar(text)
    assert talk.start == utc(2024, 4, 2, 1)
    assert talk.timezone == "America/Los_Angeles"
    assert talk.date == dt.date(2024, 4, 1)  # 6 pm Pacific, the day before in UTC


# --------------------------------------------------------------------------- dialects


def test_researchseminars_style_feed() -> None:
    talks = extract_calendar((CALENDARS / "researchseminars_geometry_data.ics").read_text())
    assert [t.title for t in talks] == [
        "Persistent homology of sparse point clouds",
        "Curvature of learned manifolds",
        "Optimal transport on graphs",
    ]
    first = talks[0]
    assert first.url == "https://researchseminars.org/talk/GeomData/17/"
    assert first.location is None
    assert first.series == "Geometry and Data Online"  # not the site name from X-WR-CALNAME
    assert first.speaker_text == ["Marisol Quintero-Hale (Universidad de Valparaíso)"]
    assert first.abstract == (
        "We study filtrations of Vietoris–Rips complexes built on sparse samples, and show "
        "that the barcode is stable under a weaker metric.\n\nIn the second part we discuss "
        "computational shortcuts & open problems."
    )
    assert first.start == utc(2024, 9, 11, 14) and first.end == utc(2024, 9, 11, 15)
    assert first.timezone == "UTC"
    assert first.key == "GeomData/17@2024-09-11T14:00:00+00:00"
    assert talks[1].speaker_text == ["Tobias Engström (KTH Royal Institute of Technology)"]
    assert talks[2].url == "https://researchseminars.org/talk/GeomData/19/"
    assert all(t.warnings == [] for t in talks)


def test_indico_style_feed_with_two_speakers() -> None:
    found = extract_calendar((CALENDARS / "indico_quantum_workshop.ics").read_text())
    # the third contribution is cancelled: a record saying so, without title or speaker
    talks = [t for t in found if "event is CANCELLED: it did not take place" not in t.warnings]
    assert len(found) == 3 and len(talks) == 2 and found[2].title is None
    first, second = talks
    assert first.title == "Tensor networks for lattice gauge theories"
    assert first.speaker_text == [
        "Ingrid Solberg (University of Bergen), "
        "Rafael Mendoza Ruiz (Instituto de Física Teórica, Madrid)"
    ]
    assert first.abstract == (
        "We review tensor-network methods for Hamiltonian lattice gauge theories and present "
        "new results in 2+1 dimensions."
    )
    assert first.url == "https://indico.example.org/event/812/contributions/4411/"
    assert first.location == "Auditorium B (Institute for Advanced Physics)"
    assert first.start == utc(2025, 3, 12, 9) and first.end == utc(2025, 3, 12, 9, 45)
    assert first.series is None
    assert second.speaker_text == ["Hyun-woo Park (KAIST)"]
    assert second.abstract == "Benchmarks of VQE on 100+ qubit devices."


def test_indico_url_taken_from_description_without_url_property() -> None:
    text = cal("""BEGIN:VEVENT
UID:indico-event-77@indico.example.net
DTSTART:20250101T090000Z
SUMMARY:Kick-off talk
DESCRIPTION:Speaker: Ana Lima (UFRJ)\\nA short overview.\\n\\nhttps://indico.e
 xample.net/event/77/
END:VEVENT
""")
    (talk,) = extract_calendar(text)
    assert talk.url == "https://indico.example.net/event/77/"
    assert talk.abstract == "A short overview."
    assert talk.speaker_text == ["Ana Lima (UFRJ)"]


def test_google_style_weekly_seminar_sample() -> None:
    talks = extract_calendar((CALENDARS / "google_weekly_seminar.ics").read_text())
    assert [t.date for t in talks] == [
        dt.date(2023, 10, 19), dt.date(2023, 11, 2), dt.date(2023, 11, 9), dt.date(2023, 11, 16)
    ]
    assert [t.start.astimezone(UTC).hour for t in talks] == [16, 16, 17, 17]
    talk = talks[2]
    assert talk.title == "Emergent geometry from entanglement"
    assert talk.speaker_text == ["Priya Raghunathan (Perimeter Institute)"]
    assert talk.abstract == (
        "How much of spacetime can be read off entanglement?\n\nWe survey recent progress."
    )
    assert talk.slides == "https://example.org/slides/raghunathan.pdf"
    assert talk.location == "Online"
    assert talk.url is None
    assert talk.series == "Theory Lunch Seminar"
    # the plain weekly occurrences only carry the series' name: no title, no speaker
    assert talks[0].title is None and talks[0].speaker_text == []
    assert "summary only names the series: no title" in talks[0].warnings


def test_generic_labels_in_html_description() -> None:
    text = cal("""BEGIN:VEVENT
UID:generic@example.org
DTSTART;TZID=Europe/Paris:20240612T140000
DTEND;TZID=Europe/Paris:20240612T150000
SUMMARY:Séminaire: Random matrices and deep nets
DESCRIPTION:<p><strong>Presenter:</strong> Lucie Marchand (ENS Lyon)</p><sc
 ript>alert('x')</script><style>p {color: red}</style><p><strong>Abstract<
 /strong></p><p>We compute spectra &amp\\; more.</p><p>Second paragraph.</p>
 <p><strong>Bio:</strong> Lucie is a CNRS researcher.</p><p>Video: <a href=
 "https://www.youtube.com/watch?v=abc123">recording</a></p>
LOCATION:https://meet.google.com/abc-defg-hij
END:VEVENT
""")
    (talk,) = extract_calendar(text)
    assert talk.title == "Séminaire: Random matrices and deep nets"
    assert talk.speaker_text == ["Lucie Marchand (ENS Lyon)"]
    assert talk.abstract == "We compute spectra & more.\n\nSecond paragraph."
    assert talk.speaker_bio == "Lucie is a CNRS researcher."
    assert talk.video == "https://www.youtube.com/watch?v=abc123"
    assert talk.location == "Online"
    assert talk.timezone == "Europe/Paris"
    assert "alert" not in (talk.abstract or "") and "color" not in (talk.abstract or "")


def test_plain_location_url_is_the_talk_page_and_youtube_is_video() -> None:
    text = cal("""BEGIN:VEVENT
UID:page@example.org
DTSTART:20240101T100000Z
SUMMARY:Talk A
LOCATION:https://seminars.example.edu/talks/42
END:VEVENT
BEGIN:VEVENT
UID:stream@example.org
DTSTART:20240102T100000Z
SUMMARY:Talk B
LOCATION:https://youtu.be/xyz
END:VEVENT
""")
    page, stream = extract_calendar(text)
    assert page.url == "https://seminars.example.edu/talks/42" and page.location is None
    assert stream.location == "Online" and stream.video == "https://youtu.be/xyz"
    assert stream.url is None


def _fake_person(text: str) -> bool:
    """Two or three capitalised words: enough to exercise the summary splitting."""
    words = text.split()
    return 2 <= len(words) <= 3 and all(w[:1].isupper() and w.isalpha() for w in words)


@pytest.mark.parametrize(
    ("summary", "title", "speaker"),
    [
        ("Maria Lopez: Knots and neural nets", "Knots and neural nets", "Maria Lopez"),
        ("Seminar: Maria Lopez - Knots and neural nets", "Knots and neural nets", "Maria Lopez"),
        ("Knots and neural nets (Maria Lopez)", "Knots and neural nets", "Maria Lopez"),
        ("Maria Lopez (Rice University) – Knots", "Knots", "Maria Lopez (Rice University)"),
        ("Knots: a survey for beginners", "Knots: a survey for beginners", None),
        ("Colloquium: Knots and neural nets", "Knots and neural nets", None),
    ],
)
def test_summary_split_only_at_person_names(
    monkeypatch: pytest.MonkeyPatch, summary: str, title: str, speaker: str | None
) -> None:
    monkeypatch.setattr(ics, "looks_like_person_name", _fake_person)
    text = cal(f"BEGIN:VEVENT\nUID:s@example.org\nDTSTART:20240101T100000Z\nSUMMARY:{summary}\n"
               "END:VEVENT\n")
    (talk,) = extract_calendar(text)
    assert talk.title == title
    assert talk.speaker_text == ([speaker] if speaker else [])


def test_summary_split_with_shared_name_recogniser() -> None:
    """Integration with pipeline.normalise.people.looks_like_person_name (no fake)."""
    text = cal("BEGIN:VEVENT\nUID:s@example.org\nDTSTART:20240101T100000Z\n"
               "SUMMARY:Seminar: Maria Lopez - Knots and neural nets\nEND:VEVENT\n"
               "BEGIN:VEVENT\nUID:t@example.org\nDTSTART:20240102T100000Z\n"
               "SUMMARY:Quantum error correction - a primer\nEND:VEVENT\n")
    named, unnamed = extract_calendar(text)
    assert (named.title, named.speaker_text) == ("Knots and neural nets", ["Maria Lopez"])
    assert (unnamed.title, unnamed.speaker_text) == ("Quantum error correction - a primer", [])


def test_description_speaker_wins_over_summary_split(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ics, "looks_like_person_name", _fake_person)
    text = cal("""BEGIN:VEVENT
UID:both@example.org
DTSTART:20240101T100000Z
SUMMARY:Maria Lopez: Knots
DESCRIPTION:Speakers:\\nMaria Lopez (Rice)\\nJon Park (KAIST)\\n\\nAbstract: Joint work.
END:VEVENT
""")
    (talk,) = extract_calendar(text)
    assert talk.title == "Knots"
    assert talk.speaker_text == ["Maria Lopez (Rice)", "Jon Park (KAIST)"]
    assert talk.abstract == "Joint work."


def test_vtodo_and_vjournal_are_ignored() -> None:
    text = cal("""BEGIN:VTODO
UID:todo@example.org
DTSTART:20240101T100000Z
SUMMARY:Write slides
END:VTODO
BEGIN:VJOURNAL
UID:journal@example.org
DTSTART:20240101T100000Z
SUMMARY:Notes
END:VJOURNAL
BEGIN:VEVENT
UID:event@example.org
DTSTART:20240101T100000Z
SUMMARY:The talk
END:VEVENT
""")
    assert [t.title for t in extract_calendar(text)] == ["The talk"]


# --------------------------------------------------------------------------- malformed


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("BEGIN:VEVENT\nUID:1\nDTSTART:20230101T100000Z\nEND:VEVENT\n", "outside a VCALENDAR"),
        ("BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:1\nDTSTART:20230101T100000Z\n"
         "END:VEVENT\n", "missing END:VCALENDAR"),
        ("BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:1\nDTSTART:20230101T100000Z\n"
         "END:VCALENDAR\n", "END:VEVENT was expected"),
        ("BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:1\nDTSTART:20230101T100000Z\n"
         "END:VTODO\nEND:VCALENDAR\n", "END:VEVENT was expected"),
        (cal("BEGIN:VEVENT\nUID:1\nDTSTART:20231345T100000Z\nEND:VEVENT\n"), "malformed time"),
        (cal("BEGIN:VEVENT\nUID:1\nDTSTART:20230101T100000Z\nRRULE:FREQ=SOMETIMES\n"
             "END:VEVENT\n"), "malformed time"),
        ("hello, this is not a calendar", "no BEGIN:VCALENDAR"),
        ("", "no BEGIN:VCALENDAR"),
        ("BEGIN:VCALENDAR\nVERSION:2.0\nEND:VCALENDAR\ngarbage after the end\n", "not a readable"),
        (cal("BEGIN:VEVENT\nUID:1\nDTSTART:20230101T100000Z\nDTSTART:20230102T100000Z\n"
             "END:VEVENT\n"), "DTSTART more than once"),
    ],
)
def test_malformed_calendars_raise_extraction_error(text: str, reason: str) -> None:
    with pytest.raises(ExtractionError, match=reason):
        extract_calendar(text)


@settings(max_examples=120, deadline=None)
@given(st.data())
def test_damaged_calendars_only_raise_extraction_error(data: st.DataObject) -> None:
    """Whatever line is dropped, duplicated or garbled, the only error is ExtractionError."""
    lines = cal(WEEKLY_DST).split("\r\n")
    index = data.draw(st.integers(0, len(lines) - 1))
    action = data.draw(st.sampled_from(["drop", "dup", "garble"]))
    if action == "drop":
        del lines[index]
    elif action == "dup":
        lines.insert(index, lines[index])
    else:
        noise = data.draw(st.text(alphabet="0123456789:;=TZ,\\<>&-", min_size=1, max_size=4))
        pos = data.draw(st.integers(0, len(lines[index])))
        lines[index] = lines[index][:pos] + noise + lines[index][pos + len(noise):]
    try:
        talks = extract_calendar("\r\n".join(lines))
    except ExtractionError:
        return
    assert all(t.start is None or t.date is not None for t in talks)


def test_inconsistent_times_are_dropped_with_a_warning() -> None:
    text = cal("""BEGIN:VEVENT
UID:backwards@example.org
DTSTART:20240101T100000Z
DTEND:20231231T100000Z
SUMMARY:Backwards
END:VEVENT
BEGIN:VEVENT
UID:negative@example.org
DTSTART:20240102T100000Z
DURATION:-PT1H
SUMMARY:Negative
END:VEVENT
BEGIN:VEVENT
UID:nostart@example.org
SUMMARY:No start
END:VEVENT
""")
    nostart, backwards, negative = extract_calendar(text)  # undated first
    assert backwards.start == utc(2024, 1, 1, 10)
    assert "DTEND before DTSTART: end dropped" in backwards.warnings
    assert negative.start == utc(2024, 1, 2, 10)
    assert "negative DURATION: end dropped" in negative.warnings
    assert nostart.title == "No start" and nostart.date is None
    assert nostart.warnings == ["event has no DTSTART"]


def test_extract_reads_a_document() -> None:
    data = cal(WEEKLY_DST).encode()
    doc = Document(path="feeds/weekly.ics", data=data, sha256="0" * 64, format="ics")
    assert len(extract(doc)) == 4
    bad = Document(path="feeds/bad.ics", data=b"BEGIN:VCALENDAR\n", sha256="0" * 64, format="ics")
    with pytest.raises(ExtractionError, match="feeds/bad.ics"):
        extract(bad)


# --------------------------------------------------------------------------- seed


SEED = SHARED / "seeds" / "003_a38619b06b7c38ac.txt"


@pytest.mark.skipif(not SEED.exists(), reason="shared seeds not available")
def test_seed_researchseminars_feed() -> None:
    doc = Document(path=SEED.name, data=SEED.read_bytes(), sha256="0" * 64, format="ics")
    talks = extract(doc)
    assert [t.title for t in talks] == [
        "Natural Graph Networks",
        "Building symmetries into generative flow models",
        "Why do neural networks generalise in the overparameterised regime?",
        "Deep learning and quantum gravity",
    ]
    assert [t.url for t in talks] == [
        f"https://researchseminars.org/talk/PhysicsMeetsML/{n}/" for n in range(1, 5)
    ]
    assert [t.start for t in talks] == [
        utc(2020, 5, 6, 16), utc(2020, 5, 20, 16), utc(2020, 6, 3, 16), utc(2020, 6, 17, 16)
    ]
    assert [t.end for t in talks] == [
        utc(2020, 5, 6, 17, 30), utc(2020, 5, 20, 17, 30),
        utc(2020, 6, 3, 17, 30), utc(2020, 6, 17, 17, 30),
    ]
    assert {t.series for t in talks} == {"Physics ∩ ML"}
    assert {t.timezone for t in talks} == {"UTC"}
    assert all(t.location is None for t in talks)
    assert talks[0].speaker_text == ["Taco Cohen (Qualcomm AI Research)"]
    assert talks[0].abstract is not None and talks[0].abstract.startswith("Message passing")


def test_a_time_without_seconds_is_repaired_and_a_broken_end_loses_only_the_end() -> None:
    feed = cal(
        "BEGIN:VEVENT\nUID:a\nDTSTART;TZID=America/New_York:20240304T085500\n"
        "DTEND;TZID=America/New_York:20240304T0955\nSUMMARY:Jane Doe: Spectral gaps\n"
        "END:VEVENT\n"
        "BEGIN:VEVENT\nUID:b\nDTSTART;TZID=America/New_York:20240305T100000\n"
        "DTEND;TZID=America/New_York:2024030\nSUMMARY:John Roe: Heat kernels\nEND:VEVENT\n")
    first, second = extract_calendar(feed)
    assert first.end is not None and (first.end.hour, first.end.minute) == (9, 55)
    assert any("DTEND" in w for w in first.warnings)  # the repair is reported
    assert second.title == "Heat kernels" and second.start is not None and second.end is None
    assert any("DTEND" in w for w in second.warnings)
