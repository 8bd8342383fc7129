"""Ruled pipe tables (org-mode, markdown, text dumps) are read as tables, never as lines.

The documents are written here in shapes the corpus does not hold: a table whose
headers name no field outright (``Held on``, ``Who / [note]``, ``Room booked``) and a
logistics table of times and activities beside it."""

from __future__ import annotations

import datetime as dt

from extractors.plaintext import extract
from pipeline.normalise.stage import normalise
from pipeline.records import Document
from pipeline.structure.data import pipe_tables, without_pipe_tables

AT = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)

SCHEDULE = """\
* Reading group, spring

| Held on    | Who / [note]      | Room booked |
|------------+-------------------+-------------|
| 2024-02-02 | Ana Lima          | Room 4      |
| 2024-02-09 | Karl Berg         | -------     |
| 2024-02-16 | [Winter holiday]  | -------     |
| 2024-02-23 | Ines Wolf         | Room 4      |

* Retreat day

| Start |   End | Activity      |
|-------+-------+---------------|
| 08:00 | 09:00 | Setup         |
| 09:00 | 12:00 | Hiking        |
| 12:00 | 13:00 | Picnic        |
"""


def test_columns_are_placed_by_a_header_word_or_by_their_values() -> None:
    tables = pipe_tables(SCHEDULE)
    assert tables[0][0] == {"date": "2024-02-02", "speaker": "Ana Lima", "location": "Room 4"}
    assert tables[0][1]["location"] == ""  # a cell of dashes is empty
    assert list(tables[1][0]) == ["time", "end"]  # ``Activity`` names no field


def test_ruled_tables_are_blanked_for_the_line_readers() -> None:
    blanked = without_pipe_tables(SCHEDULE)
    assert "|" not in blanked
    assert len(blanked.splitlines()) == len(SCHEDULE.splitlines())
    assert without_pipe_tables("a | b |\n") == "a | b |\n"  # no table, untouched


def test_a_schedule_of_tables_gives_the_people_and_no_logistics() -> None:
    doc = Document(path="s.org", data=SCHEDULE.encode(), sha256="0" * 64, format="text")
    rows = normalise(doc, extract(doc), AT)
    assert [(r["speakers"][0]["name"], r["date"]) for r in rows] == [
        ("Ana Lima", dt.date(2024, 2, 2)), ("Karl Berg", dt.date(2024, 2, 9)),
        ("Ines Wolf", dt.date(2024, 2, 23))]
    assert rows[0]["location"] == "Room 4" and rows[1]["location"] is None
