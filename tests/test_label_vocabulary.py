"""One label vocabulary (``vocab.FIELD_LABELS`` and ``CONTEXT_LABELS``) for every reader: a
label the vocabulary knows is read the same way in a calendar description, in an HTML
listing and in a plain-text header line, and a context label (an online meeting's
``Meeting ID:``, an ``Agenda:`` block) never becomes a talk's text.

Written here in a shape of its own: a Spanish-labelled series (``Ponente:``, ``Resumen:``,
``Lugar:``) announced once as a feed and once as a page.
"""

from __future__ import annotations

import datetime as dt

import pytest

from extractors import listing
from extractors.ics import extract_calendar
from pipeline.normalise import text
from pipeline.normalise.stage import normalise
from pipeline.records import Document, Hints

TALKS = [
    ("Lucía Ferrer", "Universidad de Granada", "Redes tróficas en lagunas costeras",
     "Aula 3", "2024-04-11"),
    ("Tomás Aguirre", "Universidad de Chile", "Sedimentos y memoria climática",
     "Aula 5", "2024-04-18"),
]


def _feed() -> str:
    events = ""
    for i, (name, org, title, room, day) in enumerate(TALKS):
        desc = (rf"Ponente: {name} ({org})\nResumen: Estudiamos {title.lower()}.\n"
                rf"Lugar: {room}\n\nAgenda:\n16:00 Bienvenida\n16:10 Charla\n\n"
                rf"Meeting ID: 812 3456 7890\nPasscode: 4242")
        events += (f"BEGIN:VEVENT\r\nUID:v{i}@x\r\nDTSTART:{day.replace('-', '')}T140000Z\r\n"
                   f"SUMMARY:{title}\r\nDESCRIPTION:{desc}\r\nEND:VEVENT\r\n")
    return f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//EN\r\n{events}END:VCALENDAR\r\n"


def _page() -> str:
    cards = "".join(
        f"<article><h2>{title}</h2><p>Ponente: {name} ({org})<br>"
        f"Fecha: {dt.date.fromisoformat(day):%d/%m/%Y}<br>Lugar: {room}</p></article>"
        for name, org, title, room, day in TALKS
    )
    return f"<html><body><main><h1>Seminario de Ecología</h1>{cards}</main></body></html>"


def test_a_feed_reads_the_shared_labels_and_drops_the_context_labels() -> None:
    talks = sorted(extract_calendar(_feed()), key=lambda t: t.key or "")
    for talk, (name, org, title, room, _day) in zip(talks, TALKS, strict=True):
        assert talk.title == title
        assert talk.speaker_text == [f"{name} ({org})"]
        assert talk.abstract == f"Estudiamos {title.lower()}."
        assert talk.location == room


def test_a_page_reads_the_same_labels() -> None:
    doc = Document(path="seminario.html", data=_page().encode("utf-8"), sha256="0" * 64,
                   format="html", hints=Hints())
    rows = sorted(normalise(doc, listing.extract_html(doc), dt.datetime(2024, 1, 1, tzinfo=dt.UTC)),
                  key=lambda r: r["date"])
    assert [(r["title"], str(r["date"]), r["location"]) for r in rows] == [
        (title, day, room) for _name, _org, title, room, day in TALKS
    ]
    assert [[(s["name"], s["affiliation"]) for s in r["speakers"]] for r in rows] == [
        [(name, org)] for name, org, *_ in TALKS
    ]


@pytest.mark.parametrize(("line", "field"), [
    ("Ponente: Lucía Ferrer", "speaker"),
    ("**Lugar:** Aula 3", "location"),
    ("Talk abstract: We study glaciers.", "abstract"),
    ("Speaker bio: She studies glaciers.", "bio"),
    ("Session chair: Greta Lindholm", "host"),
    ("Date and time: 4 May, 3pm", "when"),
])
def test_a_header_line_is_read_by_the_same_vocabulary(line: str, field: str) -> None:
    got = text.field_label(line)
    assert got is not None and got[0] == field


def test_a_value_over_several_lines_is_one_labelled_value_when_asked() -> None:
    assert text.field_label("Abstract: first line\nsecond line") is None
    assert text.field_label("Abstract: first line\nsecond line", multiline=True) == (
        "abstract", "first line\nsecond line")


@pytest.mark.parametrize("line", [
    "Present: R. Okafor (chair), L. Chen, M. Duval",
    "Apologies: J. Novak",
    "Attendees: Ana Ruiz, Tomás Aguirre",
])
def test_an_attendance_line_names_nobody_speaking(line: str) -> None:
    from pipeline.normalise.people import parse_speakers

    assert parse_speakers(line) == []
