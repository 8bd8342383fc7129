"""Labelled cards whose lines end with ``</br>`` and whose labels only the shared vocabulary
knows, on a page written for these tests.

``</br>`` is a line break to a browser; lxml drops it, which ran every field of a card into
one line. ``Invited Speaker :`` and ``Chair :`` are labels of the shared vocabulary
(``vocab.FIELD_LABELS``), not of the listing's own list; a link after the speaker's name
(``Flyer``) is material, not part of the name; the chair is no speaker.
"""

from __future__ import annotations

import datetime as dt

from extractors import listing
from pipeline.normalise.stage import normalise
from pipeline.records import Document, Hints

PAGE = """<html><body><main><h1>Glaciology Colloquia</h1>
<article><h2>Colloquium 2</h2>
<p><strong>Invited Speaker : Henrik Aalstad (Norwegian Polar Institute) </strong>
<a href="flyers/aalstad.pdf">Flyer</a></br>
<strong> Topic : Basal Sliding Beneath Surging Glaciers </strong></br>
<strong> Date </strong>: 14 March 2024 </br>
<strong> Chair </strong>: Greta Lindholm </br></p></article>
<article><h2>Colloquium 1</h2>
<p><strong>Invited Speaker : Noor Rahimi (University of Utrecht) </strong>
<a href="flyers/rahimi.pdf">Flyer</a></br>
<strong> Topic : Firn Densification in a Warming Climate </strong></br>
<strong> Date </strong>: 8 February 2024 </br>
<strong> Chair </strong>: Greta Lindholm </br></p></article>
</main></body></html>"""


def _rows() -> list[dict]:
    doc = Document(path="colloquia.html", data=PAGE.encode("utf-8"), sha256="0" * 64,
                   format="html", hints=Hints())
    return normalise(doc, listing.extract_html(doc), dt.datetime(2024, 1, 1, tzinfo=dt.UTC))


def test_end_br_lines_and_shared_labels() -> None:
    rows = sorted(_rows(), key=lambda r: r["date"])
    assert [(r["title"], r["date"]) for r in rows] == [
        ("Firn Densification in a Warming Climate", dt.date(2024, 2, 8)),
        ("Basal Sliding Beneath Surging Glaciers", dt.date(2024, 3, 14)),
    ]
    assert [[(s["name"], s["affiliation"]) for s in r["speakers"]] for r in rows] == [
        [("Noor Rahimi", "University of Utrecht")],
        [("Henrik Aalstad", "Norwegian Polar Institute")],
    ]
