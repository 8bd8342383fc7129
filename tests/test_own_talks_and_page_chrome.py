"""A page of its owner's talks (headed ``Presentations``, cards with a title, a note and a
date line, no speaker named) gives one talk per card; an empty element between two texts is
a separator the stylesheet draws (``3:00 PM<span class="dot"></span>Delft``); a zone stated
only in the page's footer is still the page's.

Written here in shapes of their own: a personal site's list of presentations and a
department's event view with its zone in the footer.
"""

from __future__ import annotations

import datetime as dt

from bs4 import BeautifulSoup

from extractors import listing
from extractors.listing_lines import page_lines
from pipeline.normalise.stage import normalise
from pipeline.records import Document, Hints


def _rows(html: str) -> list[dict]:
    doc = Document(path="page.html", data=html.encode("utf-8"), sha256="0" * 64,
                   format="html", hints=Hints())
    return normalise(doc, listing.extract_html(doc), dt.datetime(2024, 1, 1, tzinfo=dt.UTC))


def _card(title: str, note: str, when: str, place: str) -> str:
    return (f'<section class="entry"><h4><a href="/p/{len(title)}">{title}</a></h4>'
            f'<p class="note">{note}</p><p class="meta"><span>{when}</span>'
            f'<span class="dot"></span><span>{place}</span></p></section>')


OWN = ("<html><body><article><h2>Presentations</h2>"
       + _card("Soil carbon under drought", "Invited seminar, Wageningen.",
               "Apr 9, 2024 11:00 AM", "Wageningen, NL")
       + _card("Roots as sensors", "Poster talk at EGU 2023.", "Apr 25, 2023 2:30 PM",
               "Vienna, AT")
       + _card("Mycorrhizal networks revisited", "Department colloquium.",
               "Oct 3, 2022 4:00 PM", "Aarhus, DK")
       + "</article></body></html>")


def test_an_empty_element_between_texts_separates_them() -> None:
    soup = BeautifulSoup(_card("T", "N", "Apr 9, 2024 11:00 AM", "Wageningen, NL"), "lxml")
    assert "Apr 9, 2024 11:00 AM · Wageningen, NL" in [ln.text for ln in page_lines(soup.body)]


def test_a_page_of_its_owners_talks_gives_one_talk_per_card() -> None:
    rows = sorted(_rows(OWN), key=lambda r: r["date"])
    assert [(r["title"], r["date"], r["location"]) for r in rows] == [
        ("Mycorrhizal networks revisited", dt.date(2022, 10, 3), "Aarhus, DK"),
        ("Roots as sensors", dt.date(2023, 4, 25), "Vienna, AT"),
        ("Soil carbon under drought", dt.date(2024, 4, 9), "Wageningen, NL"),
    ]
    assert all(not r["speakers"] for r in rows)


def test_cards_naming_nobody_under_another_heading_are_no_talks() -> None:
    assert _rows(OWN.replace("Presentations", "Field trips")) == []


FOOTER_ZONE = """<html><body><header><nav><a href="/">Home</a></nav></header><main>
<h1>Chemistry Seminar</h1>
<div class="row"><p>March 6, 2024, 3:30pm</p><p>Speaker: Ama Owusu (Yale)</p>
<p>Title: Catalysis with earth-abundant metals</p></div>
<div class="row"><p>March 13, 2024, 3:30pm</p><p>Speaker: Lars Eriksen (DTU)</p>
<p>Title: Electrolytes for sodium batteries</p></div>
</main><footer><p>Department of Chemistry. All times are Central.</p></footer></body></html>"""


def test_a_zone_stated_in_the_footer_is_the_pages() -> None:
    rows = sorted(_rows(FOOTER_ZONE), key=lambda r: r["date"])
    assert [r["timezone"] for r in rows] == ["America/Chicago"] * 2
    assert rows[0]["start"] == dt.datetime(2024, 3, 6, 21, 30, tzinfo=dt.UTC)
