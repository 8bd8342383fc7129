"""A page of one person's talks names the person once, in its title, and no record names
anyone: the person is each record's speaker (document context stated once).

Pages written for these tests: a ``Presentations | Name`` page of list items (title,
venue and date on lines of their own), and
two that must stay empty: the same records under a page title that is not a talks page
(``Posts | Name``), and a talks page whose title names no person.
"""

from __future__ import annotations

import datetime as dt

from extractors import listing
from pipeline.normalise.stage import normalise
from pipeline.records import Document, Hints

BODY = """<body><main><h2>2022</h2><ul>
<li><em>Counting Lattice Points in Polytopes</em><br>Combinatorics Day, Lund<br>12 May 2022</li>
<li><em>Ehrhart Theory for Beginners</em><br>Graduate Colloquium, Aarhus<br>3 March 2022</li>
</ul><h2>2021</h2><ul>
<li><em>On the mixed volumes of convex bodies</em><br>Discrete Geometry Workshop, Oslo<br>2021</li>
</ul></main></body>"""


def _rows(title: str) -> list[dict]:
    html = f"<html><head><title>{title}</title></head>{BODY}</html>"
    doc = Document(path="talks.html", data=html.encode("utf-8"), sha256="0" * 64,
                   format="html", hints=Hints())
    return normalise(doc, listing.extract_html(doc), dt.datetime(2024, 1, 1, tzinfo=dt.UTC))


def test_the_page_owner_speaks_in_every_record() -> None:
    rows = _rows("Presentations | Freya Lindqvist")
    assert sorted(r["title"] for r in rows) == [
        "Counting Lattice Points in Polytopes", "Ehrhart Theory for Beginners",
        "On the mixed volumes of convex bodies"]
    assert {s["name"] for r in rows for s in r["speakers"]} == {"Freya Lindqvist"}
    assert all("speaker is the person the page is about" in r["warnings"] for r in rows)


def test_not_a_talks_page_gives_nothing() -> None:
    assert _rows("Posts | Freya Lindqvist") == []


def test_a_talks_page_naming_no_person_gives_nothing() -> None:
    assert _rows("Talks | Discrete Geometry Group") == []
