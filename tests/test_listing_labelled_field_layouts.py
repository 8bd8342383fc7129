"""The listing extractor: layouts the evaluation corpus exposed, on pages written here.

Each page (``fixtures/listing/round4``) restates one family with other wording: a Hugo page
with TOML front matter and a bullet list of labelled fields under each talk heading; a blog
archive whose posts carry ``Title:``/``Speaker:`` fields under an announcing heading; event
cards with ``<br>``-split speaker blocks, date parts in separate spans and side remarks; a
journal-club table with a ``Reading`` column and a standing-schedule sentence; a workshop
page whose own ``<header>`` states the venue. Every field of every row is asserted.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from extractors import listing
from pipeline.normalise.stage import normalise
from pipeline.records import Document, Hints
from pipeline.structure.schedule import standing_schedule

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "listing" / "round4"
FIELDS = (
    "title", "speakers", "date", "start", "end", "timezone", "location", "url", "slides",
    "video", "abstract", "speaker_bio", "series", "kind",
)
STANDING = "time from the page's standing schedule"


def _rows(name: str, data: bytes | None = None, zone: str | None = None) -> list[dict]:
    fmt = "markdown" if name.endswith(".md") else "html"
    doc = Document(
        path=name,
        data=data if data is not None else (FIXTURES / name).read_bytes(),
        sha256="0" * 64,
        format=fmt,
        hints=Hints(timezone=zone),
    )
    extract = listing.extract_markdown if fmt == "markdown" else listing.extract_html
    return normalise(doc, extract(doc), dt.datetime(2024, 1, 1, tzinfo=dt.UTC))


def _check(name: str, expected: list[dict], zone: str | None = None) -> None:
    rows = _rows(name, zone=zone)
    got = [{f: row[f] for f in FIELDS} | {"standing": STANDING in row["warnings"]}
           for row in rows]
    assert [g["title"] for g in got] == [e.get("title") for e in expected]
    for g, e in zip(got, expected, strict=True):
        assert g == {f: None for f in FIELDS} | {"standing": False} | e


def _sp(name: str, affiliation: str | None = None, role: str | None = None) -> dict:
    return {"name": name, "affiliation": affiliation, "role": role}


def _at(zone: str, *args: int) -> dt.datetime:
    from zoneinfo import ZoneInfo

    return dt.datetime(*args, tzinfo=ZoneInfo(zone)).astimezone(dt.UTC)


def test_toml_front_matter_and_field_bullets() -> None:
    """``+++`` front matter gives series and year; a bullet list of labelled fields under a
    heading is one talk; ``1)`` numbering leaves the title; ``begin at ... and end at ...``
    is one standing span and its place stops before the next clause; an organisers list
    of bare names is not a talk."""
    zone = "Europe/London"
    _check("toml_fields.md", [
        {
            "title": "Sunflowers and their petals",
            "speakers": [_sp("Ilse Marchetti", "University of Bristol", "Lecturer")],
            "date": dt.date(2023, 10, 6),
            "start": _at(zone, 2023, 10, 6, 14, 30),
            "end": _at(zone, 2023, 10, 6, 15, 45),
            "timezone": zone,
            "location": "Hilbert Building 12",
            "slides": "https://example.org/marchetti.pdf",
            "abstract": "We improve the bound on sunflower-free families using a new spread lemma.",
            "series": "Combinatorics Seminar",
            "kind": "talk",
            "standing": True,
        },
        {
            "title": None,
            "speakers": [_sp("Kwame Asante", "Imperial College London")],
            "date": dt.date(2023, 10, 20),
            "start": _at(zone, 2023, 10, 20, 14, 30),
            "end": _at(zone, 2023, 10, 20, 15, 45),
            "timezone": zone,
            "location": "Blackett Lab 630",
            "series": "Combinatorics Seminar",
            "kind": "talk",
            "standing": True,
        },
    ], zone=zone)


def test_blog_archive_labelled_fields_win_over_post_heading() -> None:
    """Posts announcing talks: the body's ``Title:`` replaces the post heading (whose link
    stays the talk's page); byline, tags and ``Read more`` are furniture; each talk's year
    comes from its own post date (a December post announces a January talk); a post
    without a speaker is not a talk."""
    zone = "Europe/Copenhagen"
    _check("blog_archive.html", [
        {
            "title": "Cooperative docking of underwater vehicles",
            "speakers": [_sp("Freja Sørensen", "Aalborg University")],
            "date": dt.date(2021, 3, 16),
            "start": _at(zone, 2021, 3, 16, 10),
            "end": _at(zone, 2021, 3, 16, 11),
            "timezone": zone,
            "location": "Harbour Building, Room 3",
            "url": "/news/2021/03/talk-sorensen",
            "abstract": "Docking an autonomous vehicle in currents is still an open problem. "
                        "We show a controller that shares state between two vehicles.",
            "kind": "talk",
        },
        {
            "title": "Long-range acoustic navigation",
            "speakers": [_sp("Haruto Ito", "JAMSTEC", "Senior Researcher")],
            "date": dt.date(2021, 1, 11),
            "start": _at(zone, 2021, 1, 11, 15),
            "end": _at(zone, 2021, 1, 11, 16),
            "timezone": zone,
            "location": "Online",
            "url": "/news/2020/12/talk-ito",
            "kind": "talk",
        },
    ], zone=zone)


def test_cards_with_br_speaker_block_and_span_dates() -> None:
    """A ``<br>``-split speaker block is one speaker (name, role, organisation) unless each
    part is a person; ``<span>12</span><span>Mar</span>`` reads ``12 Mar``; a remark and a
    ``<summary>`` label are not the abstract; the page's h1 (a brown bag) is the series,
    not the school in ``<title>``; a ``Talks are in ...`` sentence gives the venue."""
    zone = "Europe/London"
    _check("cards_parts.html", [
        {
            "title": "Porous frameworks for water harvesting",
            "speakers": [_sp(
                "Lucía Navarro", "Instituto de Ciencia de Materiales de Madrid", "Research Fellow"
            )],
            "date": dt.date(2025, 3, 12),
            "start": _at(zone, 2025, 3, 12, 12),
            "end": _at(zone, 2025, 3, 12, 13),
            "timezone": zone,
            "location": "Lecture Theatre 2, Joseph Black Building",
            "abstract": "Metal–organic frameworks can pull water from desert air. "
                        "I compare three families of frameworks.",
            "series": "Materials Chemistry Brown Bag",
            "kind": "talk",
        },
        {
            "title": "Two views of battery degradation",
            "speakers": [_sp("Tomasz Nowak"), _sp("Aisha Rahman")],
            "date": dt.date(2025, 3, 26),
            "start": _at(zone, 2025, 3, 26, 12),
            "end": _at(zone, 2025, 3, 26, 13),
            "timezone": zone,
            "location": "Lecture Theatre 2, Joseph Black Building",
            "series": "Materials Chemistry Brown Bag",
            "kind": "talk",
        },
    ], zone=zone)


def test_journal_club_table_with_standing_schedule() -> None:
    """A ``Reading`` column is the title; ``We meet Thursdays from ... in Room ...`` gives
    every row its time and room; a ``Presenters: please ...`` sentence is not a talk; a
    ``Round table:`` speaker cell makes a panel of the people after it; an emphasised
    ``Keynote`` line above the title is a label, not part of it."""
    zone = "America/Chicago"
    _check("journal_club.html", [
        {
            "title": "A quantitative model of the cell cycle oscillator",
            "speakers": [_sp("Mateo Rossi", role="PhD student")],
            "date": dt.date(2024, 1, 11),
            "start": _at(zone, 2024, 1, 11, 12, 30),
            "end": _at(zone, 2024, 1, 11, 13, 30),
            "timezone": zone,
            "location": "Room B-204",
            "series": "Systems Biology Journal Club",
            "kind": "talk",
            "standing": True,
        },
        {
            "title": "What makes a good toy model?",
            "speakers": [_sp("Mateo Rossi"), _sp("Noor Haddad")],
            "date": dt.date(2024, 1, 18),
            "start": _at(zone, 2024, 1, 18, 12, 30),
            "end": _at(zone, 2024, 1, 18, 13, 30),
            "timezone": zone,
            "location": "Room B-204",
            "series": "Systems Biology Journal Club",
            "kind": "panel",
            "standing": True,
        },
        {
            "title": "Noise in gene expression, twenty years on",
            "speakers": [_sp("Noor Haddad", role="Postdoc")],
            "date": dt.date(2024, 1, 25),
            "start": _at(zone, 2024, 1, 25, 12, 30),
            "end": _at(zone, 2024, 1, 25, 13, 30),
            "timezone": zone,
            "location": "Room B-204",
            "series": "Systems Biology Journal Club",
            "kind": "talk",
            "standing": True,
        },
    ], zone=zone)


def test_workshop_page_header_states_the_venue() -> None:
    """The page's own ``<header>`` (it holds the h1) is content: its ``| Venue: ... |`` part
    is every talk's location; ``Roundtable:`` makes a panel; ``<i>Tutorial</i><br>Title``
    is a tutorial titled by the second line."""
    zone = "Europe/Stockholm"
    _check("workshop_header.html", [
        {
            "title": "First-order methods at scale",
            "speakers": [_sp("Sofia Lindgren", "KTH")],
            "date": dt.date(2025, 10, 2),
            "start": _at(zone, 2025, 10, 2, 9),
            "end": _at(zone, 2025, 10, 2, 9, 45),
            "timezone": zone,
            "location": "Aula Magna, Stockholm University",
            "series": "Nordic Optimisation Workshop 2025",
            "kind": "talk",
        },
        {
            "title": "Is convexity still the right lens?",
            "speakers": [_sp("Sofia Lindgren"), _sp("Pekka Virtanen")],
            "date": dt.date(2025, 10, 2),
            "start": _at(zone, 2025, 10, 2, 10),
            "end": _at(zone, 2025, 10, 2, 11, 30),
            "timezone": zone,
            "location": "Aula Magna, Stockholm University",
            "series": "Nordic Optimisation Workshop 2025",
            "kind": "panel",
        },
        {
            "title": "Writing a fast interior-point solver",
            "speakers": [_sp("Pekka Virtanen", "Aalto University")],
            "date": dt.date(2025, 10, 2),
            "start": _at(zone, 2025, 10, 2, 13),
            "end": _at(zone, 2025, 10, 2, 14, 30),
            "timezone": zone,
            "location": "Aula Magna, Stockholm University",
            "series": "Nordic Optimisation Workshop 2025",
            "kind": "tutorial",
        },
    ], zone=zone)


# ---------------------------------------------------------------- smaller mechanisms


def _raw(html: str) -> list:
    doc = Document(path="x.html", data=html.encode(), sha256="0" * 64, format="html")
    return listing.extract_html(doc)


def test_subscripts_stay_in_their_word_while_spans_are_spaced() -> None:
    talks = _raw(
        "<main><ul><li><p><b>Jane Doe</b></p><p>Splitting H<sub>2</sub>O with light</p>"
        "<p><span>May</span><span>4</span><span>2022</span></p></li>"
        "<li><p><b>John Roe</b></p><p>Catalysis</p><p>May 11 2022</p></li></ul></main>"
    )
    assert [t.title for t in talks] == ["Splitting H2O with light", "Catalysis"]
    assert talks[0].when_text == "May 4 2022"


def test_repeated_label_list_is_talks_not_fields() -> None:
    """A list whose items all open with the same label lists talks, not one talk's
    fields: the field-list rule needs two different labels."""
    talks = _raw(
        "<main><h2>Programme</h2><ul>"
        "<li>Speaker: Jane Doe (MIT)<br>Title: Learning to rank<br>Date: May 4 2022</li>"
        "<li>Speaker: John Roe (ETH)<br>Title: Ranking to learn<br>Date: May 11 2022</li>"
        "</ul></main>"
    )
    assert [(t.title, t.speaker_text) for t in talks] == [
        ("Learning to rank", ["Jane Doe (MIT)"]), ("Ranking to learn", ["John Roe (ETH)"])
    ]


@pytest.mark.parametrize(("sentence", "place"), [
    ("Talks are in Room 5, Old Library, and are streamed on YouTube.", "Room 5, Old Library"),
    ("All seminars will be in the Moore Auditorium.", "Moore Auditorium"),
    # the page's default venue, not its qualifier (``unless ...`` is dropped)
    ("Lectures are at Bayes Centre G.03 unless announced otherwise.", "Bayes Centre G.03"),
])
def test_venue_sentences(sentence: str, place: str) -> None:
    assert listing._venue([sentence]) == place


def test_schedule_with_start_and_finish_clauses() -> None:
    span, place = standing_schedule(
        ["Meetings start at 9:30 am in Seminar Room 2 and finish at 11:00 am."]
    )
    assert (span, place) == ("9:30 am – 11:00 am", "Seminar Room 2")


def test_plain_field_bullets_with_separate_date_and_time() -> None:
    """Unemphasised ``- Speaker:`` bullets with ``Date:`` and ``Time:`` apart; the front
    matter title ``... Lunch Talks`` names the series."""
    zone = "America/New_York"
    common = {"timezone": zone, "series": "Robotics Lunch Talks", "kind": "talk"}
    _check("lunch_fields.md", [
        common | {
            "title": "Soft grippers that learn",
            "speakers": [_sp("Dana Whitaker", "Carnegie Mellon University")],
            "date": dt.date(2022, 3, 3),
            "start": _at(zone, 2022, 3, 3, 12),
            "end": _at(zone, 2022, 3, 3, 13),
            "location": "NSH 3305",
            "abstract": "Soft grippers adapt to objects. We learn their control.",
        },
        common | {
            "title": "Legged locomotion on ice",
            "speakers": [_sp("Tariq Mansour", "ETH Zurich", "PhD candidate")],
            "date": dt.date(2022, 3, 10),
            "start": _at(zone, 2022, 3, 10, 12),
            "end": _at(zone, 2022, 3, 10, 13),
            "location": "Online (Zoom)",
        },
    ], zone=zone)


def test_unclassed_name_block_and_venue_before_schedule() -> None:
    """``<b>Name</b><br>University`` in an unhinted element: the organisation line is the
    speaker's affiliation, not the abstract. ``Seminars are held in Room 1.04, Mathematics
    Building, on Fridays at 2 pm``: the venue ends where the schedule begins, the time is
    every talk's."""
    zone = "Europe/Lisbon"
    common = {"timezone": zone, "location": "Room 1.04, Mathematics Building", "kind": "talk",
              "standing": True}
    _check("seminar_divs.html", [
        common | {
            "title": "Bayesian trees",
            "speakers": [_sp("Ines Carvalho", "University of Lisbon")],
            "date": dt.date(2022, 11, 4),
            "start": _at(zone, 2022, 11, 4, 14),
        },
        common | {
            "title": "Depth functions",
            "speakers": [_sp("Piotr Zieliński", "Warsaw University of Technology")],
            "date": dt.date(2022, 11, 11),
            "start": _at(zone, 2022, 11, 11, 14),
        },
    ], zone=zone)


def test_bold_name_then_italic_title_in_one_paragraph_keeps_the_title() -> None:
    """Only an organisation line joins the name: an italic title after ``<br>`` stays the
    title."""
    talks = _raw(
        "<main><div class='x'><p><b>Jane Doe</b><br><i>Learning to rank</i></p>"
        "<p>May 4 2022</p></div><div class='x'><p><b>John Roe</b><br>"
        "<i>Ranking to learn</i></p><p>May 11 2022</p></div></main>"
    )
    assert [(t.title, t.speaker_text) for t in talks] == [
        ("Learning to rank", ["Jane Doe"]), ("Ranking to learn", ["John Roe"])
    ]
