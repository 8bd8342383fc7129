"""The repetition reader on listing shapes the layout rules do not know, pages written here.

Each page lists the same three talks in another shape: heading cards with a
``Name, Organisation`` line and no dates (a conference's accepted talks), one
``Name (Org): Title`` paragraph per talk, a table of dated rows with no header, and slot lines
opened by a clock time under a date heading. Before, each gave no rows: a ``Name, Org``
speaker line did not count as a person when readings were compared, a block holding
both the person and the title counted as a person only, a row of cells had no opener
of its own, and a slot's leading time was no template's.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from extractors import listing
from pipeline.normalise.stage import normalise
from pipeline.records import Document, Hints
from pipeline.structure import templates

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "listing" / "repetition_shapes"
TALKS = [
    ("Typed Holes in Practice", "Marisol Ibarra"),
    ("Gradual Effects for Everyone", "Teodor Lindgren"),
    ("Linear Types at Scale", "Priya Raman"),
]


def _rows(name: str) -> list[dict]:
    doc = Document(path=name, data=(FIXTURES / name).read_bytes(), sha256="0" * 64,
                   format="html", hints=Hints())
    return normalise(doc, listing.extract_html(doc), dt.datetime(2024, 1, 1, tzinfo=dt.UTC))


@pytest.mark.parametrize("name", ["heading_cards.html", "name_org_colon_title.html",
                                  "headerless_table.html", "time_led_slots.html"])
def test_each_shape_gives_its_three_talks(name: str) -> None:
    rows = _rows(name)
    assert [(r["title"], r["speakers"][0]["name"]) for r in rows] == TALKS


def test_affiliations_where_the_shape_states_them() -> None:
    for name in ("heading_cards.html", "name_org_colon_title.html"):
        assert [r["speakers"][0]["affiliation"] for r in _rows(name)] == [
            "Universidad de Chile", "KTH", "IIT Delhi"]


def test_slot_lines_take_the_day_from_the_heading() -> None:
    assert {r["date"] for r in _rows("time_led_slots.html")} == {dt.date(2024, 5, 10)}


def test_a_leading_clock_time_is_a_templates_leading_slot() -> None:
    lines = ["10:00 Marisol Ibarra — Typed Holes in Practice",
             "11:00 Teodor Lindgren — Gradual Effects for Everyone",
             "12:00 - 12:45 Priya Raman — Linear Types at Scale"]
    choice = templates.choose(lines)
    reading = choice.read(lines[2])
    assert reading is not None
    assert (reading.date, reading.people, reading.title) == (
        "12:00 - 12:45", "Priya Raman", "Linear Types at Scale")


HEADING_TEMPLATE_PAGE = """<html><body><main>
<h2>Meetup notes</h2>
<h3>'Parsing with derivatives' / given by Mira</h3>
<p>Derivatives of regular expressions, extended to context-free grammars, with a
small implementation we build live.</p>
<h3>'A tour of the borrow checker' / given by Tobi</h3>
<p>What the borrow checker proves about a program, how to read its complaints, and
three refactorings that make most of them go away in real code bases.</p>
<h3>'Property tests that shrink well' / given by Ines</h3>
<p>(postponed)</p>
</main></body></html>"""


def test_record_headings_share_one_template_that_settles_first_names() -> None:
    """Each talk opens with a heading ``'Title' / given by Name``; a lone first name is weak
    evidence of a person, but every heading has the same shape, so the template the
    headings share reads all of them: title in quotes, the person after ``by``."""
    import datetime as dt

    from extractors import listing
    from pipeline.normalise.stage import normalise
    from pipeline.records import Document

    doc = Document(path="notes.html", data=HEADING_TEMPLATE_PAGE.encode(), sha256="0" * 64,
                   format="html")
    rows = normalise(doc, listing.extract_html(doc), dt.datetime(2024, 1, 1, tzinfo=dt.UTC))
    assert [(r["title"], [s["name"] for s in r["speakers"]]) for r in rows] == [
        ("Parsing with derivatives", ["Mira"]),
        ("A tour of the borrow checker", ["Tobi"]),
        ("Property tests that shrink well", ["Ines"]),
    ]
    assert rows[1]["abstract"].startswith("What the borrow checker proves")
