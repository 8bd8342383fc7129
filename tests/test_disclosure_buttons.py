"""An accordion page: each talk's head is a ``<button>`` (date, name, organisation) that
opens its panel (title, place, abstract). The buttons are disclosure headings, not
controls. The page is written for this test."""

from __future__ import annotations

from extractors.listing import extract_html
from pipeline.records import Document, Hints

ITEMS = [
    ("Mar 4, 2025", "Leonor Vasconcelos", "Universidade do Minho",
     "Stochastic switching in bacterial persistence"),
    ("Apr 1, 2025", "Hamid Rezaei", "ETH Zürich", "Tissue mechanics of wound closure"),
    ("May 6, 2025", "Grace Achieng", "University of Nairobi",
     "Vector ecology under changing rainfall"),
]


def _page() -> bytes:
    panels = "".join(
        f'<div class="fold"><button class="fold-toggle">{d} - {n}, {o}</button>'
        f'<div class="fold-panel"><p><b>Place:</b> Room 2.14</p><p><b>{t}</b></p>'
        f"<p>We discuss models and data for {t.lower()} in some detail.</p></div></div>"
        for d, n, o, t in ITEMS)
    return (f"<html><body><h1>Past talks</h1><button>Subscribe</button>{panels}"
            "</body></html>").encode()


def test_accordion_buttons_open_their_talks() -> None:
    doc = Document(path="past.html", data=_page(), sha256="0", format="html", hints=Hints())
    talks = extract_html(doc)
    assert [t.title for t in talks] == [t for *_, t in ITEMS]
    assert [t.when_text for t in talks] == [d for d, *_ in ITEMS]
    assert all(ITEMS[i][1] in " ".join(t.speaker_text) for i, t in enumerate(talks))
