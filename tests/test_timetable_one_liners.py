"""A one-day timetable: time lines as record openers, each slot one ``Title. Authors`` line.

The page states its day, venue and zone once, in its front matter; every slot is a time
range line and one paragraph holding an italic title, a full stop and the authors (whose
initials carry full stops of their own). The document's template is chosen over those
one-line items even though a time line stands beside each; the front matter's keys,
matched by name, fill what no slot states. Written here, not taken from the corpus.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from extractors import listing
from pipeline.normalise.stage import normalise
from pipeline.records import Document
from pipeline.structure import data, templates

PROGRAMME = """\
---
Heading: Second Workshop on Teaching Numerical Methods
WorkshopDay: 2025-03-18
Time-Zone: Europe/Lisbon
Venue: Room 2.14, Rua do Instituto 5, Lisbon
---

**Second Workshop on Teaching Numerical Methods**

09:00-09:20

_Floating Point for First-Year Students._ Inês M. Rocha and Tomás Pires

09:20-09:40

_Stability Before Accuracy: A Course Redesign._ K. J. Osei, Marta Lind and P. Q. Sandoval

09:40-10:00

**Coffee**

10:00-10:20

_Autograding Linear Algebra Assignments._ Ruth Adeyemi
"""


def _rows() -> list[dict]:
    doc = Document(path="programme.md", data=PROGRAMME.encode(), sha256="0" * 64,
                   format="markdown")
    return normalise(doc, listing.extract_markdown(doc), dt.datetime(2024, 1, 1, tzinfo=dt.UTC))


def test_each_slot_is_read_by_the_documents_template() -> None:
    rows = _rows()
    assert [r["title"] for r in rows] == [
        "Floating Point for First-Year Students",
        "Stability Before Accuracy: A Course Redesign",
        "Autograding Linear Algebra Assignments",
    ]
    assert [[s["name"] for s in r["speakers"]] for r in rows] == [
        ["Inês M. Rocha", "Tomás Pires"],
        ["K. J. Osei", "Marta Lind", "P. Q. Sandoval"],
        ["Ruth Adeyemi"],
    ]


def test_front_matter_states_the_day_venue_and_zone_of_every_slot() -> None:
    rows = _rows()
    lisbon = ZoneInfo("Europe/Lisbon")
    assert {r["date"] for r in rows} == {dt.date(2025, 3, 18)}
    assert {r["timezone"] for r in rows} == {"Europe/Lisbon"}
    assert {r["location"] for r in rows} == {"Room 2.14, Rua do Instituto 5, Lisbon"}
    assert rows[0]["start"] == dt.datetime(2025, 3, 18, 9, 0, tzinfo=lisbon).astimezone(dt.UTC)
    assert rows[2]["end"] == dt.datetime(2025, 3, 18, 10, 20, tzinfo=lisbon).astimezone(dt.UTC)


def test_an_initials_full_stop_ends_no_title() -> None:
    reading = templates.choose(["Stability Before Accuracy. K. J. Osei and P. Q. Sandoval",
                                "Autograding. Ruth Adeyemi"]).read(
        "Stability Before Accuracy. K. J. Osei and P. Q. Sandoval")
    assert reading is not None
    assert (reading.title, reading.people) == ("Stability Before Accuracy",
                                               "K. J. Osei and P. Q. Sandoval")


def test_a_zone_value_is_an_iana_name_or_a_zone_abbreviation() -> None:
    assert data.zone_of("Europe/Lisbon") == "Europe/Lisbon"
    assert data.zone_of("Monday") is None
    assert data.zone_of(None) is None


DECK = """\
theme: Plain, 2

# Streams All the Way Down

---

# Why streams?

---

- lazy
- composable

---

# Thank you
"""


def test_a_deck_naming_nobody_is_still_one_talk() -> None:
    doc = Document(path="talk.md", data=DECK.encode(), sha256="0" * 64, format="markdown")
    talks = listing.extract_markdown(doc)
    assert [t.title for t in talks] == ["Streams All the Way Down"]
