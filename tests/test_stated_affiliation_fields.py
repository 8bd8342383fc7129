"""An affiliation the document gives in its own field (a table column, a data key) stays
that person's affiliation, whatever it looks like, and a nickname in brackets stays in
the name.

Why: such values were joined into one ``Name, Affiliation`` line and parsed again, so an
organisation named after a person (``Mason Hale`` in an Affiliation column) read as a
second speaker, and ``Given (Nick) Surname (Org)`` kept the organisation in the name. The
documents are written here: a workshop table whose Institution column holds such a name,
and a YAML schedule with a nickname.
"""

from __future__ import annotations

import datetime as dt

from extractors.listing import extract_html, extract_markdown
from pipeline.normalise.people import parse_speakers
from pipeline.normalise.stage import normalise
from pipeline.records import Document

AT = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)

TABLE = """<html><body><h1>Optimisation Workshop 2024</h1>
<table><thead><tr><th>When</th><th>Presenter</th><th>Institution</th><th>Talk</th></tr></thead>
<tbody>
<tr><td>March 4, 2024</td><td>Oren Blum</td><td>Mason Hale</td>
<td>Cutting planes revisited</td></tr>
<tr><td>March 11, 2024</td><td>Lidia Sorensen</td><td>University of Aarhus</td>
<td>Proximal methods at scale</td></tr>
<tr><td>March 18, 2024</td><td>Ravi Menon &amp; Tove Lund</td><td>KTH</td>
<td>Duality gaps in practice</td></tr>
</tbody></table></body></html>"""

YAML_PAGE = """---
layout: schedule
---
- date: 2024-05-02
  speaker: Wei (Vivian) Chen
  affiliation: Lund University
  title: Sparse recovery
- date: 2024-05-09
  speaker: Anders Holm
  affiliation: Gothenburg University
  title: Random graphs
"""


def _people(row: dict) -> list[tuple[str, str | None]]:
    return [(s["name"], s["affiliation"]) for s in row["speakers"]]


def test_a_person_shaped_organisation_in_its_column_is_the_affiliation() -> None:
    doc = Document("workshop.html", TABLE.encode(), "0" * 64, "html")
    rows = normalise(doc, extract_html(doc), AT)
    assert [_people(r) for r in rows] == [
        [("Oren Blum", "Mason Hale")],
        [("Lidia Sorensen", "University of Aarhus")],
        [("Ravi Menon", "KTH"), ("Tove Lund", "KTH")],
    ]


def test_a_nickname_in_brackets_stays_in_the_name() -> None:
    doc = Document("schedule.md", YAML_PAGE.encode(), "0" * 64, "markdown")
    rows = normalise(doc, extract_markdown(doc), AT)
    assert [_people(r) for r in rows] == [
        [("Wei (Vivian) Chen", "Lund University")],
        [("Anders Holm", "Gothenburg University")],
    ]
    assert parse_speakers("Wei (Vivian) Chen (Lund University), Ana Ruiz (Leiden)") == [
        parse_speakers("Wei (Vivian) Chen (Lund University)")[0],
        parse_speakers("Ana Ruiz (Leiden)")[0],
    ]
    assert parse_speakers("Wei (Vivian) Chen")[0].name == "Wei (Vivian) Chen"
