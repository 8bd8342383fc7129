"""iCalendar: real-world feed dialects, end to end (extract, then the normalise stage).

Every feed in ``data/raw/calendars/`` used here was written for these tests in the shape the
named producer exports (Outlook/Exchange, Apple Calendar, talks.cam, Meetup, Eventbrite,
Indico category exports, researchseminars.org, Google Calendar, Thunderbird, Localist, a
hand-rolled exporter); names, institutions and links are invented. Each test asserts every
field of every row.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from typing import Any

import pytest

from extractors import ics
from extractors.ics import extract, extract_calendar, names_series
from pipeline.normalise.stage import normalise_document
from pipeline.records import Document

ROOT = Path(__file__).resolve().parents[1]
CALENDARS = ROOT / "data" / "raw" / "calendars"
RUN_AT = dt.datetime(2030, 1, 1, tzinfo=dt.UTC)
FIELDS = (
    "series", "kind", "title", "abstract", "speakers", "speaker_bio", "date", "start", "end",
    "timezone", "location", "url", "slides", "video", "warnings",
)


def doc_of(data: bytes, name: str = "feed.ics") -> Document:
    return Document(path=name, data=data, sha256=hashlib.sha256(data).hexdigest(), format="ics")


def rows_of(data: bytes, name: str = "feed.ics") -> tuple[list[dict[str, Any]], list[str]]:
    doc = doc_of(data, name)
    return normalise_document(doc, extract(doc), RUN_AT)


def feed_rows(name: str) -> list[dict[str, Any]]:
    rows, _ = rows_of((CALENDARS / name).read_bytes(), name)
    return [{k: _plain(row[k]) for k in FIELDS} for row in rows]


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def sp(name: str, affiliation: str | None = None, role: str | None = None) -> dict[str, Any]:
    return {"name": name, "affiliation": affiliation, "role": role}


def row(**fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {k: None for k in FIELDS}
    base["kind"] = "talk"
    base["warnings"] = []
    base.update(fields)
    return base


# --------------------------------------------------------------------------- Outlook


def test_outlook_exchange_export() -> None:
    """Windows zone names with Outlook's VTIMEZONEs, X-ALT-DESC richer than DESCRIPTION (bio
    and a slides link only in the HTML), ATTENDEEs and ORGANIZER never speakers, a Teams
    invitation appended to the description, ``Calendar`` is no series."""
    assert feed_rows("outlook_exchange_seminars.ics") == [
        row(
            series="Robotics Seminar",  # the summary's label; X-WR-CALNAME is "Calendar"
            title="Learning contact-rich manipulation from few demonstrations",
            speakers=[sp("Miguel Alvarez", "Carnegie Mellon University")],
            abstract="Robots that push, slide and insert objects must reason about contact. "
            "We present a method that learns contact-rich manipulation skills from a handful "
            "of demonstrations. Our policies transfer from simulation to hardware without "
            "fine-tuning & recover from slips.",
            speaker_bio="Miguel Alvarez is an Associate Professor in the Robotics Institute. "
            "He received his PhD from ETH Zürich.",
            date="2024-03-12", start="2024-03-12T20:00", end="2024-03-12T21:00",
            timezone="America/New_York", location="Gates Hall 122",
            slides="https://robotics.example.edu/slides/alvarez-2024.pdf",
        ),
        row(
            title="Physics-informed surrogates for flood forecasting",
            speakers=[sp("Katrin Vogel", "TU Delft")],
            abstract="Physics-informed neural surrogates can replace hours of hydraulic "
            "simulation with milliseconds of inference. I will show how we couple them with "
            "ensemble weather forecasts.",
            date="2024-04-09", start="2024-04-09T13:00", end="2024-04-09T14:00",
            timezone="Europe/Berlin", location="Online",  # "Microsoft Teams Meeting"
        ),
    ]


# --------------------------------------------------------------------------- Apple


def test_apple_calendar_export() -> None:
    """Apple's multi-line LOCATION, URL;VALUE=URI, the speaker only in the summary while
    the description gives the title, a multi-day DATE event, ``Home`` is no series."""
    assert feed_rows("apple_calendar_home.ics") == [
        row(
            series="Astro seminar",
            title="Tidal disruption events in the era of wide-field surveys",
            speakers=[sp("Ingrid Solberg")],
            abstract="Stars torn apart by supermassive black holes light up otherwise "
            "quiescent galaxies. I will review what the first thousand such flares have "
            "taught us.",
            date="2024-04-03", start="2024-04-03T15:00", end="2024-04-03T16:00",
            timezone="Europe/London",
            location="Hoyle Building, Madingley Road, Cambridge CB3 0HA, United Kingdom",
            url="https://www.ast.example.ac.uk/seminars/2024-04-03",
        ),
        row(
            kind="lecture",
            title="Rough paths and regularity structures",
            speakers=[sp("Lucía Ferrer")],
            date="2024-04-08", location="Isaac Newton Institute",
            warnings=["all-day event", "multi-day event until 2024-04-10: date is its first day"],
        ),
    ]


# --------------------------------------------------------------------------- talks.cam


def test_talks_cam_speaker_line_opens_the_description() -> None:
    """SUMMARY is the title; the description's first line is the speaker; a footer names
    the series; a TBC talk is no row; a description without a speaker line keeps its
    first sentence in the abstract."""
    common = {"series": "Quantum Matter Seminar", "timezone": "UTC"}
    assert feed_rows("talks_cam_quantum_matter.ics") == [
        row(
            **common,
            title="Fractional Chern insulators in moiré materials",
            speakers=[sp("Hannah Oyelaran", "University of Bristol")],
            abstract="Twisted bilayer MoTe2 shows the fractional quantum anomalous Hall effect "
            "at zero magnetic field. I will discuss which band-geometric quantities favour "
            "fractional Chern insulators over competing charge-density waves.",
            date="2024-01-25", start="2024-01-25T14:00", end="2024-01-25T15:00",
            location="TCM Seminar Room, Cavendish Laboratory",
            url="http://talks.cam.ac.uk/talk/index/208811",
        ),
        row(
            **common,
            title="Spin liquids on the kagome lattice: a numerical perspective",
            speakers=[sp("Tomás Herrera", "Universidad de Chile")],
            abstract="Density-matrix renormalisation group studies disagree on the nature of "
            "the kagome antiferromagnet. We revisit the question with neural quantum states.",
            date="2024-02-01", start="2024-02-01T14:00", end="2024-02-01T15:00",
            location="TCM Seminar Room, Cavendish Laboratory",
            url="http://talks.cam.ac.uk/talk/index/208812",
        ),
        row(
            **common,
            title="Thermalisation, scars and the eigenstate hypothesis",
            abstract="Quantum many-body scars are special eigenstates that escape "
            "thermalisation. This informal discussion session reviews recent experiments.",
            date="2024-02-15", start="2024-02-15T14:00", end="2024-02-15T15:00",
            location="Pippard Lecture Theatre",
            url="http://talks.cam.ac.uk/talk/index/208814",
        ),
    ]


def test_talks_cam_tbc_talk_is_reported_not_kept() -> None:
    data = (CALENDARS / "talks_cam_quantum_matter.ics").read_bytes()
    _, notes = rows_of(data)
    assert len(notes) == 1 and "TALK208813" in notes[0]


# --------------------------------------------------------------------------- Meetup, Eventbrite


def test_meetup_marketing_text_and_agenda_are_not_the_abstract() -> None:
    """The group name, the date line and the invitation before ``Speaker:`` are furniture;
    the ``Agenda:`` block and the trailing event link are not prose; ORGANIZER is no
    speaker; ``Events - PyData Riverside`` names the group."""
    assert feed_rows("meetup_pydata_group.ics") == [
        row(
            series="PyData Riverside",
            title="Building reliable LLM pipelines with open-source tools",
            speakers=[sp("Ana Lima", "Northwind Health", "Senior Data Scientist")],
            abstract="Large language models are easy to demo and hard to ship. Ana walks "
            "through evaluation harnesses, caching and guardrails that took her team from "
            "prototype to production.",
            date="2024-02-21", start="2024-02-22T00:30", end="2024-02-22T02:30",
            timezone="America/Chicago",
            location="Riverside Innovation Hub (200 S Wacker Dr, Chicago, IL)",
            url="https://www.meetup.com/pydata-riverside/events/298765432/",
        ),
    ]


def _without_affiliations(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {**r, "speakers": [{**s, "affiliation": None} for s in r["speakers"] or []]}
        for r in rows
    ]


EVENTBRITE = row(
    kind="lecture",  # from the "Public Lecture" label, which is neither title nor series
    title="The Hidden Life of Glaciers",
    speakers=[sp("Elin Nordqvist", "Stockholm University", "Glaciologist")],
    abstract="Glaciers flow, crack and sing. Drawing on a decade of fieldwork on Svalbard, "
    "Elin explains what meltwater beneath the ice tells us about sea-level rise.",
    date="2024-04-18", start="2024-04-18T18:00", end="2024-04-18T19:30", timezone="UTC",
    location="Royal Geographical Society, 1 Kensington Gore, London SW7 2AR",
    url="https://www.eventbrite.co.uk/e/the-hidden-life-of-glaciers-tickets-845512093317",
)


def test_eventbrite_single_event() -> None:
    """``Eventbrite`` is no series; the "For details, click here: URL" line is a link."""
    rows = feed_rows("eventbrite_public_lecture.ics")
    expected = {**EVENTBRITE, "speakers": [sp("Elin Nordqvist", None, None)]}
    got = _without_affiliations(rows)
    got[0]["speakers"][0]["role"] = None  # role/affiliation split: see the xfail below
    assert got == [expected]


def test_eventbrite_speaker_role_and_affiliation() -> None:
    assert feed_rows("eventbrite_public_lecture.ics") == [EVENTBRITE]


# --------------------------------------------------------------------------- Indico


def test_indico_category_export_with_timetable() -> None:
    """Separate seminars, then a workshop exported with its timetable: the workshop and
    its session are containers, not talks; contributions take the workshop as series;
    chairs and conveners are not speakers; the coffee break is no talk; ``Indico`` is no
    series."""
    seminar_room = "4/2-011 - TH common room (Theory Building)"
    workshop = "Workshop on Lattice Field Theory and Machine Learning"
    hall = "Main Auditorium (Building 500)"
    base = "https://indico.example.org/event/"
    assert feed_rows("indico_category_theory.ics") == [
        row(
            title="Resurgence and the large-order behaviour of perturbation theory",
            speakers=[sp("Marta Kowalczyk", "Jagiellonian University")],
            abstract="Divergent series in quantum field theory encode non-perturbative "
            "physics. I will review resurgent trans-series and their lattice tests.",
            date="2024-03-06", start="2024-03-06T13:00", end="2024-03-06T14:30",
            timezone="UTC", location=seminar_room, url=base + "1390221/",
        ),
        row(
            title="Celestial holography from twistor space",
            speakers=[sp("Kwame Mensah", "Perimeter Institute"), sp("Sofia Rinaldi", "SISSA")],
            abstract="We construct celestial chiral algebras from twistor actions.",
            date="2024-03-13", start="2024-03-13T13:00", end="2024-03-13T14:30",
            timezone="UTC", location=seminar_room, url=base + "1390222/",
        ),
        row(
            series=workshop,
            title="Flow-based sampling for gauge theories",
            speakers=[sp("Luca Bianchi", "INFN Milano-Bicocca")],
            abstract="Gauge-equivariant flows sample SU(3) configurations without critical "
            "slowing down.",
            date="2024-03-20", start="2024-03-20T08:00", end="2024-03-20T09:00",
            timezone="UTC", location=hall, url=base + "1390300/contributions/17/",
        ),
        row(
            series=workshop,
            title="Diffusion models as lattice samplers",
            speakers=[sp("Aiko Tanaka", "RIKEN"), sp("Pedro Alves", "Universidade de Lisboa")],
            abstract="Score-based diffusion reproduces the phi^4 phase diagram.",
            date="2024-03-20", start="2024-03-20T09:30", end="2024-03-20T10:30",
            timezone="UTC", location=hall, url=base + "1390300/contributions/18/",
        ),
        row(
            series=workshop, kind="panel",
            title="Panel: Will machine learning change lattice QCD?",
            speakers=[sp("Luca Bianchi", "INFN Milano-Bicocca"), sp("Aiko Tanaka", "RIKEN")],
            date="2024-03-21", start="2024-03-21T15:00", end="2024-03-21T16:00",
            timezone="UTC", location=hall, url=base + "1390300/contributions/25/",
        ),
    ]


def test_indico_containers_and_breaks_are_reported() -> None:
    _, notes = rows_of((CALENDARS / "indico_category_theory.ics").read_bytes())
    assert len(notes) == 3
    assert any("indico-event-1390300" in n and "holds 5 other events" in n for n in notes)
    assert any("indico-session-1390300-4" in n for n in notes)
    assert any("Coffee break" in n for n in notes)


# --------------------------------------------------------------------------- researchseminars


def test_researchseminars_location_url_and_venue_lines() -> None:
    """LOCATION is the talk's page; ``Lecture held in ...`` and a lone ``Online`` line give
    the place; a TBA title is null but the speaker keeps the row."""
    page = "https://researchseminars.org/talk/"
    assert feed_rows("researchseminars_mixed_venues.ics") == [
        row(
            series="Toronto Algebraic Geometry Seminar",
            title="Tropical compactifications of moduli of curves",
            speakers=[sp("Noor Haddad", "University of Toronto")],
            abstract="We describe the tropicalization of the moduli space of pointed curves "
            "& its boundary strata.",
            date="2023-11-07", start="2023-11-07T15:30", end="2023-11-07T16:30",
            timezone="UTC", location="Bahen Centre BA6183", url=page + "TorontoAGSem/41/",
        ),
        row(
            series="Online Worldwide Analysis Seminar",
            title="Sharp constants in Fourier restriction",
            speakers=[sp("Ruth Abernathy", "Oxford"), sp("Diego Paz", "ICMAT")],
            abstract="We prove sharp extension inequalities for the paraboloid in low "
            "dimensions.",
            date="2023-11-09", start="2023-11-09T17:00", end="2023-11-09T18:00",
            timezone="UTC", location="Online", url=page + "OWNSeminar/88/",
        ),
        row(
            series="Kyoto Number Theory Seminar",
            speakers=[sp("Kenji Mori", "Kyoto University")],
            date="2023-11-14", start="2023-11-14T06:00", end="2023-11-14T07:00",
            timezone="UTC", location="Room 127, Science Building No. 3",
            url=page + "KyotoNT/12/",
        ),
    ]


# --------------------------------------------------------------------------- Google


def test_google_export_with_attachments_attendees_and_meet() -> None:
    """ATTACH: the PDF and the .pptx are slides, the recording is the video, the Gemini
    notes are neither; ATTENDEEs are no speakers; the Meet block is cut and makes the
    talk online; a TENTATIVE event is kept with a warning; a summary that only names the
    series is the series; the owner's name (X-WR-CALNAME) is not."""
    drive = "https://drive.google.com/file/d/"
    common = {"series": "ML Reading Group", "timezone": "Europe/Berlin"}
    assert feed_rows("google_export_attachments.ics") == [
        row(
            **common,
            title="Sparse attention without the quadratic bottleneck",
            speakers=[sp("Maria Sokolova", "Max Planck Institute for Intelligent Systems")],
            abstract="We revisit block-sparse attention and show when it matches dense "
            "attention.",
            date="2024-05-14", start="2024-05-14T12:00", end="2024-05-14T13:00",
            location="Online",
            slides=drive + "1AbCdEfGhIjKlMnOpQrStUvWxYz012345/view?usp=drive_web",
            video=drive + "1ZyXwVuTsRqPoNmLkJiHgFeDcBa98765/view?usp=drive_web",
        ),
        row(
            **common,
            title="Calibrated uncertainty for scientific regression",
            speakers=[sp("Felix Kessler", "University of Tübingen")],
            date="2024-05-21", start="2024-05-21T12:00", end="2024-05-21T13:00",
            location="MPI Leipzig, Room E1 05",
            slides=drive + "1PptXkEsSlEr/view?usp=drive_web",
            warnings=["event is TENTATIVE: it may not take place"],
        ),
    ]


# --------------------------------------------------------------------------- weekly + overrides


def test_weekly_seminar_with_per_week_overrides() -> None:
    """``SUMMARY:Seminar`` every week; each override brings its own speaker and title (in
    an HTML description with labels in any order, in the summary only, or with ``<br>``
    and entities); the EXDATE week is gone; the un-overridden week names nobody and is no
    row; the tentative week warns."""
    common = {
        "series": "Nonlinear PDE Seminar", "timezone": "Europe/Rome",
        "location": "Aula Tonelli, Dipartimento di Matematica",
    }
    assert feed_rows("weekly_seminar_overrides.ics") == [
        row(
            **common,
            title="Low-regularity well-posedness for dispersive equations",
            speakers=[sp("Chiara Romano", "SISSA")],
            abstract="We prove global well-posedness for the cubic NLS on the torus below L2.",
            date="2024-10-15", start="2024-10-15T12:30", end="2024-10-15T13:30",
        ),
        row(
            **common,
            title="Free boundaries in the thin obstacle problem",
            speakers=[sp("Mateo Greco")],
            date="2024-10-22", start="2024-10-22T12:30", end="2024-10-22T13:30",
        ),
        row(
            **common,
            title="Homogenisation of Hamilton–Jacobi equations",
            speakers=[sp("Élodie Marchand", "Université Paris-Saclay")],
            abstract="We discuss stochastic homogenisation in non-convex settings & its rates.",
            date="2024-11-05", start="2024-11-05T14:00", end="2024-11-05T15:00",
            warnings=["event is TENTATIVE: it may not take place"],
        ),
    ]


def test_weekly_seminar_empty_week_is_reported() -> None:
    _, notes = rows_of((CALENDARS / "weekly_seminar_overrides.ics").read_bytes())
    assert len(notes) == 1
    assert "2024-11-12T13:30:00+00:00" in notes[0]
    assert "summary only names the series" in notes[0]


# --------------------------------------------------------------------------- Localist


def test_localist_labels_in_any_order_and_richer_html() -> None:
    """``Abstract:`` before ``Title:`` before ``Speaker:``; Host and refreshments are not
    the abstract; ``Events`` is no series, the summary ``Mathematics Colloquium`` is."""
    assert feed_rows("localist_university_events.ics") == [
        row(
            series="Mathematics Colloquium",
            title="Universality in random matrix theory",
            speakers=[sp("Rosa Delgado", "University of Arizona", "Associate Professor")],
            abstract="Random matrices appear in number theory, physics & statistics. We "
            "survey universality for eigenvalue spacings.",
            date="2024-09-04", start="2024-09-04T22:00", end="2024-09-04T23:00",
            timezone="America/Denver", location="Engineering Center, ECCR 245",
            url="https://events.example.edu/event/mathematics-colloquium-universality",
        ),
    ]


# --------------------------------------------------------------------------- bytes


FRENCH = row(
    series="Séminaire de Géométrie Algébrique",
    title="Géométrie des espaces de modules et déformations équivariantes",
    speakers=[sp("Frédéric Lefèvre")],
    abstract="nous étudions les déformations équivariantes des courbes stables à l'aide de la "
    "théorie de Hodge « non abélienne ».",
    date="2024-03-14", start="2024-03-14T09:30", end="2024-03-14T10:30",
    timezone="Europe/Paris", location="Salle 1Q8, Institut Henri Poincaré",
)


def test_bom_lf_lowercase_and_folds_inside_utf8_characters() -> None:
    data = (CALENDARS / "bom_lf_lowercase_utf8_folds.ics").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" not in data
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8-sig")  # folded in the middle of characters
    assert feed_rows("bom_lf_lowercase_utf8_folds.ics") == [FRENCH]


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
@pytest.mark.parametrize("newline", [b"\n", b"\r\n"])
def test_line_ends_and_bom_do_not_change_rows(bom: bytes, newline: bytes) -> None:
    data = (CALENDARS / "bom_lf_lowercase_utf8_folds.ics").read_bytes()
    variant = bom + data.removeprefix(b"\xef\xbb\xbf").replace(b"\n", newline)
    rows, _ = rows_of(variant)
    assert [{k: _plain(r[k]) for k in FIELDS} for r in rows] == [FRENCH]


def test_unfold_bytes_only_removes_fold_breaks() -> None:
    assert ics.unfold_bytes(b"A:x\xc3\r\n \xa9y\nB:z\n\tw\n") == b"A:x\xc3\xa9y\nB:zw\n"


# --------------------------------------------------------------------------- calendar names


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Calendar", False), ("Events", False), ("My calendar", False), ("Home", False),
        ("Work calendar", False), ("Jonas Becker", False), ("jonas.becker@example.org", False),
        ("researchseminars.org", False), ("Indico", False), ("Eventbrite", False),
        ("Seminars", False), ("University Events", False),
        ("Quantum Matter Seminar", True), ("Nonlinear PDE Seminar", True),
        ("Séminaire de Géométrie Algébrique", True), ("Physics ∩ ML", True),
        ("Events - PyData Riverside", True), ("Oberseminar Analysis", True),
    ],
)
def test_calendar_name_is_a_series_only_when_it_names_one(name: str, expected: bool) -> None:
    assert names_series(name) is expected


# --------------------------------------------------------------------------- smaller rules


def cal(body: str, header: str = "") -> str:
    text = f"BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//tests//EN\n{header}{body}END:VCALENDAR\n"
    return text.replace("\n", "\r\n")


def test_opening_paragraph_that_is_not_a_person_stays_in_the_abstract() -> None:
    talks = extract_calendar(cal("""BEGIN:VEVENT
UID:a@x
DTSTART:20240101T100000Z
SUMMARY:Learning to rank
DESCRIPTION:Quantum computing\\, a new paradigm\\n\\nWe survey the field.
END:VEVENT
"""))
    assert talks[0].speaker_text == []
    assert talks[0].abstract == "Quantum computing, a new paradigm\n\nWe survey the field."


def test_binary_attachment_is_named_by_its_file_name() -> None:
    talks = extract_calendar(cal("""BEGIN:VEVENT
UID:b@x
DTSTART:20240101T100000Z
SUMMARY:Jane Roe: Knots
ATTACH;ENCODING=BASE64;VALUE=BINARY;FMTTYPE=application/pdf;X-FILENAME=knots.pdf:JVBERi0=
END:VEVENT
"""))
    assert talks[0].slides == "knots.pdf"
    assert talks[0].video is None


def test_zoom_invitation_block_is_cut_and_marks_online() -> None:
    talks = extract_calendar(cal("""BEGIN:VEVENT
UID:c@x
DTSTART:20240101T100000Z
SUMMARY:Jane Roe: Knots
DESCRIPTION:We tie knots.\\n\\nJoin Zoom Meeting\\nhttps://example.zoom.us/j/123\\n\\nOne tap
  mobile\\n+16465588656\\,\\,123# US (New York)
END:VEVENT
"""))
    assert talks[0].abstract == "We tie knots."
    assert talks[0].location == "Online"


def test_timed_event_over_several_days_warns() -> None:
    talks = extract_calendar(cal("""BEGIN:VEVENT
UID:d@x
DTSTART:20240101T100000Z
DTEND:20240103T120000Z
SUMMARY:Jane Roe: Knots
END:VEVENT
"""))
    assert talks[0].date == dt.date(2024, 1, 1)
    assert "multi-day event until 2024-01-03: date is its first day" in talks[0].warnings


def test_speaker_placeholder_does_not_hide_the_summary_speaker() -> None:
    talks = extract_calendar(cal("""BEGIN:VEVENT
UID:e@x
DTSTART:20240101T100000Z
SUMMARY:Jane Roe - Knots and braids
DESCRIPTION:Speaker: TBA
END:VEVENT
"""))
    assert talks[0].speaker_text == ["Jane Roe"]
    assert talks[0].title == "Knots and braids"


def test_abstract_before_the_speaker_label_is_kept_when_it_is_no_invitation() -> None:
    talks = extract_calendar(cal("""BEGIN:VEVENT
UID:f@x
DTSTART:20240101T100000Z
SUMMARY:Knots and braids
DESCRIPTION:We classify knots by their braid index.\\n\\nSpeaker: Jane Roe (Oxford)\\n\\nJ
 ane Roe is a topologist.
END:VEVENT
"""))
    assert talks[0].speaker_text == ["Jane Roe (Oxford)"]
    assert talks[0].abstract == (
        "We classify knots by their braid index.\n\nJane Roe is a topologist."
    )


def test_all_day_container_that_names_no_gathering_gives_no_series() -> None:
    talks = extract_calendar(cal("""BEGIN:VEVENT
UID:g@x
DTSTART;VALUE=DATE:20240101
DTEND;VALUE=DATE:20240106
SUMMARY:Reading week
END:VEVENT
BEGIN:VEVENT
UID:h@x
DTSTART:20240102T100000Z
SUMMARY:Jane Roe: Knots
END:VEVENT
BEGIN:VEVENT
UID:i@x
DTSTART;VALUE=DATE:20240201
DTEND;VALUE=DATE:20240203
SUMMARY:Winter School in Topology
END:VEVENT
BEGIN:VEVENT
UID:j@x
DTSTART:20240201T100000Z
DTEND:20240201T110000Z
SUMMARY:John Doe: Braids
END:VEVENT
"""))
    by_uid = {t.key.split("@")[0]: t for t in talks}
    assert by_uid["h"].series is None
    assert by_uid["j"].series == "Winter School in Topology"
    assert by_uid["g"].title is None and by_uid["i"].title is None
