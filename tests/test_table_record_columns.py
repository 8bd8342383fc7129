"""A pipe table whose free-text column holds title and people together is cut by one
template that the whole column settles.

The agenda is written here in a shape the corpus does not hold: a ``From | To | What``
table whose ``What`` cells are ``Title (A and B)``, one keynote written ``Title, Name
(Org)``, one guest written ``Title (Name, Org, Country)``, session headings with a chair,
repeated ``Q&A`` slots and a break."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from extractors.listing import extract_html
from extractors.plaintext import extract
from pipeline.normalise.stage import normalise, normalise_document
from pipeline.records import Document
from pipeline.structure.data import RECORD, pipe_tables, table_talks

AT = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)

AGENDA = """\
* Day one

| From  | To    | What                                                                    |
|-------+-------+-------------------------------------------------------------------------|
| 09:00 | 09:45 | /Keynote/: Soil as an archive of climate, Oona Fisk (Lakeside Institute) |
| 09:45 | 10:30 | /Block A/: Carbon in Peat (Chair: Ravi Mehta)                           |
| 09:45 | 10:05 | Drained peat and its methane budget (Lina Sopp and Teo Marr)            |
| 10:05 | 10:25 | Sensors for wet soils at scale (Ada Quist)                              |
| 10:25 | 10:30 | Q&A                                                                     |
| 10:30 | 11:00 | /Tea Break/                                                             |
| 11:00 | 11:20 | Cores, pollen and fire (Hugo Brand, Polar Research Institute, Norway) |
| 11:20 | 11:40 | Mapping permafrost thaw from orbit (Mira Lund and Kai Voss)             |
| 11:40 | 11:45 | Q&A                                                                     |
"""


def test_the_free_text_column_is_the_record_column() -> None:
    assert list(pipe_tables(AGENDA)[0][0]) == ["time", "end", RECORD]


def test_cells_are_read_by_the_template_the_column_settles() -> None:
    talks = table_talks(AGENDA)
    assert [(t.title, t.speaker_text) for t in talks] == [
        ("Soil as an archive of climate", ["Oona Fisk (Lakeside Institute)"]),
        ("Drained peat and its methane budget", ["Lina Sopp", "Teo Marr"]),
        ("Sensors for wet soils at scale", ["Ada Quist"]),
        ("Cores, pollen and fire", ["Hugo Brand (Polar Research Institute, Norway)"]),
        ("Mapping permafrost thaw from orbit", ["Mira Lund", "Kai Voss"]),
    ]  # the session heading names only its chair, ``Q&A`` repeats, the break is none


def test_the_agenda_gives_its_talks_with_times() -> None:
    doc = Document(path="agenda.org", data=AGENDA.encode(), sha256="0" * 64, format="text")
    rows = normalise(doc, extract(doc), AT)
    assert len(rows) == 5 and rows[1]["speakers"][1]["name"] == "Teo Marr"


def test_talk_column_with_the_speaker_on_its_first_line() -> None:
    """A ``Talk`` column whose cells are ``<strong>Name</strong> (Org)<br>Title`` (page
    written here: tests/fixtures/listing/tables/talk-column-name-over-title.html): the
    person's line is the speaker, the line under it the title; ``TBA`` is no title and a
    break names nobody."""
    path = (Path(__file__).parent / "fixtures" / "listing" / "tables"
            / "talk-column-name-over-title.html")
    doc = Document(path=path.name, data=path.read_bytes(), sha256="0", format="html")
    rows, _ = normalise_document(doc, extract_html(doc), dt.datetime(2024, 1, 1, tzinfo=dt.UTC))
    got = sorted((r["date"], r["speakers"][0]["name"], r["speakers"][0]["affiliation"],
                  r["title"]) for r in rows)
    assert got == [
        (dt.date(2014, 9, 9), "Anna Berg", "Uppsala", "Mapping class groups"),
        (dt.date(2015, 1, 20), "Sarah Lindqvist", "KTH", "Contact structures on 3-manifolds"),
        (dt.date(2015, 2, 3), "Wei Zhang", "Columbia", "Heegaard Floer homology and knots"),
        (dt.date(2015, 2, 17), "Omar Said", "Cairo University", None)]
