"""The standing schedule (one time, one place stated for every talk) is read by one shared
function for pages, markdown and plain text, and a plain-text listing inherits the zone its
opening lines state (``All times are CET``).

Written here in shapes of its own: sentences of the kinds seminar pages use, and a small
plain-text listing of a glaciology seminar.
"""

from __future__ import annotations

import datetime as dt

import pytest

from extractors.plaintext import extract
from pipeline.normalise.stage import normalise
from pipeline.records import Document, Hints
from pipeline.structure.schedule import standing_schedule


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Talks are held on Thursdays at 4pm in Room 101, Earth Sciences Building.",
     ("4pm", "Room 101, Earth Sciences Building")),
    ("The seminar takes place every Friday from 14:00 to 15:00 in Aula 1.14.",
     ("14:00 to 15:00", "Aula 1.14")),
    ("We meet on Mondays at 12:00 in the Common Room (refreshments at 11:45).",
     ("12:00", "Common Room")),
    ("Talks start at 18:00 and finish at 19:30 at the Old Library.",
     ("18:00 – 19:30", "Old Library")),
    ("Lectures are at 5pm in Bayes Centre G.03 unless announced otherwise.",
     ("5pm", "Bayes Centre G.03")),
    ("Talks take place on Thursdays from 16:15 to 17:15 in lecture hall H3.",
     ("16:15 to 17:15", "lecture hall H3")),
    ("Fridays, 16:00-17:00 - Aula Magna", ("16:00-17:00", "Aula Magna")),
])
def test_a_schedule_sentence_gives_its_time_and_place(sentence: str, expected: tuple) -> None:
    assert standing_schedule([sentence]) == expected


@pytest.mark.parametrize("sentence", [
    "Refreshments at 3:45 pm in the lounge.",  # logistics, not the talks
    "The talk on March 5 is at 4pm in Room 3.",  # one talk's own date
    "Thursday 3 Oct, 2:30-3:30pm, Carver Hall 101",
])
def test_a_one_off_or_logistics_sentence_is_no_schedule(sentence: str) -> None:
    assert standing_schedule([sentence]) == (None, None)


def test_a_wrapped_sentence_is_read_across_its_lines() -> None:
    lines = ["Seminars are held on Tuesdays,", "3:00-4:00 pm, in Room 5, Hale Hall."]
    assert standing_schedule(lines) == (None, None)
    assert standing_schedule(lines, wrapped=True) == ("3:00-4:00 pm", "Room 5, Hale Hall")


LISTING = """GLACIER DYNAMICS SEMINAR -- SPRING 2024
Talks are held on Thursdays at 4pm in Room 101, Earth Sciences Building. All times are CET.

7 March    Ingrid Solberg (University of Oslo): Calving fronts in Svalbard
14 March   Pavel Hruby (Charles University): Basal water pressure from seismic noise
21 March   Lea Fournier (Universite Grenoble Alpes): Firn aquifers in Greenland
"""


def test_a_text_listing_inherits_the_schedule_and_the_zone_it_states_once() -> None:
    doc = Document(path="seminar.txt", data=LISTING.encode(), sha256="0" * 64, format="text",
                   hints=Hints())
    rows = normalise(doc, extract(doc), dt.datetime(2024, 1, 1, tzinfo=dt.UTC))
    assert [r["date"] for r in rows] == [dt.date(2024, 3, d) for d in (7, 14, 21)]
    assert {r["location"] for r in rows} == {"Room 101, Earth Sciences Building"}
    assert [r["start"] for r in rows] == [
        dt.datetime(2024, 3, d, 15, 0, tzinfo=dt.UTC) for d in (7, 14, 21)]
    assert all(r["timezone"] for r in rows)
