"""Go ``present`` decks: the header is read by its format (title, subtitle, date, tags,
one block per presenter), whatever the language; other slide text keeps the line reading.

The decks are written for this test."""

from __future__ import annotations

import datetime as dt

from extractors.present import present_talk
from extractors.slides import extract_slides_text
from pipeline.normalise.dates import parse_when
from pipeline.records import Document, Hints

TWO_PRESENTERS = """\
Profiling allocation-heavy services
What the heap tells you and what it hides
15:30 4 Mar 2023
Tags: performance, pprof
Summary: a tour of allocation profiles.

Ingrid Halvorsen
Staff Engineer, Nordlys Data
ingrid@example.org
https://nordlys.example.org
@ihalvorsen

Tomasz Wrona
Kraków Go Meetup
tw@example.org

* Why allocations matter

.image heap.png

* Escape analysis

.code escape.go
"""

MARKDOWN_DIALECT = """\
# Конкурентность без боли
Практический взгляд
12 сентября 2019

Ольга Смирнова
Яндекс
olga@example.org

## Зачем это нужно

- каналы
"""


def _deck(text: str) -> Document:
    data = text.encode()
    return Document(path="talk.slide", data=data, sha256="0", format="slides_text",
                    hints=Hints())


def test_the_header_gives_title_date_and_each_presenter() -> None:
    talk = present_talk(TWO_PRESENTERS)
    assert talk is not None
    assert talk.title == "Profiling allocation-heavy services"  # the subtitle is not the title
    assert talk.when_text == "15:30 4 Mar 2023"
    people = [(s.name, s.role, s.affiliation) for s in talk.speakers]
    assert people == [("Ingrid Halvorsen", "Staff Engineer", "Nordlys Data"),
                      ("Tomasz Wrona", None, "Kraków Go Meetup")]


def test_the_markdown_dialect_and_a_date_in_another_script() -> None:
    [talk] = extract_slides_text(_deck(MARKDOWN_DIALECT))
    assert talk.title == "Конкурентность без боли"
    assert [(s.name, s.affiliation) for s in talk.speakers] == [("Ольга Смирнова", "Яндекс")]
    when = parse_when(talk.when_text or "")
    assert when is not None and when.date == dt.date(2019, 9, 12)


def test_slide_text_without_a_present_header_keeps_the_line_reading() -> None:
    text = ("Learning to Rank at Scale\n\nPriya Raman\nUniversity of Leeds\n\n"
            "* Outline\n\n* Results\n")
    assert present_talk(text) is None  # no contact line, metadata or directive
    [talk] = extract_slides_text(_deck(text))
    assert talk.title == "Learning to Rank at Scale"
