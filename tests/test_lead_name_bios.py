"""A programme page that introduces each speaker by a bio paragraph opened by the name
in bold (``<b>Name</b>, born …``) under the talk's heading and abstract: the bold name is
the speaker and the paragraph her bio. The page is written for this test."""

from __future__ import annotations

from bs4 import BeautifulSoup

from extractors.listing import extract_html
from pipeline.records import Document, Hints
from pipeline.structure.blocks import html_blocks
from pipeline.structure.records import class_field

TALKS = [
    ("Glaciers as archives of climate", "Sigrun Hallsdóttir",
     "studied geophysics in Reykjavík and Bergen and now leads the ice-core group at the "
     "Icelandic Meteorological Office."),
    ("Soil carbon under changing rainfall", "Kwame Asante",
     "is a soil scientist at the University of Ghana who works on long-term field "
     "experiments across the savannah belt."),
    ("Counting whales from orbit", "Aiko Matsuda",
     "holds degrees in remote sensing from Tohoku University and builds detection models "
     "for marine mammal surveys."),
]


def _page() -> bytes:
    body = "".join(
        f"<h3>{title}</h3><p>In this talk we look at {title.lower()} and what the data "
        f"say about the next decades of change.</p><p><b>{name}</b>, {bio}</p>"
        for title, name, bio in TALKS)
    return f"<html><body><h1>Programme</h1>{body}</body></html>".encode()


def test_a_bold_name_opening_a_bio_is_the_speaker() -> None:
    doc = Document(path="programme.html", data=_page(), sha256="0", format="html",
                   hints=Hints())
    talks = extract_html(doc)
    assert [t.title for t in talks] == [t for t, _, _ in TALKS]
    assert [t.speaker_text for t in talks] == [[n] for _, n, _ in TALKS]


def test_the_blocks_split_the_lead_name_from_the_bio() -> None:
    soup = BeautifulSoup(_page(), "lxml")
    blocks = html_blocks(soup)
    leads = [b for b in blocks if b.signature.endswith(".lead-speaker")]
    bios = [b for b in blocks if b.signature.endswith(".bio")]
    assert [b.text for b in leads] == [n for _, n, _ in TALKS]
    assert [b.text for b in bios] == [bio for _, _, bio in TALKS]
    assert [class_field(b) for b in leads + bios[:1]] == ["speaker"] * 3 + ["bio"]
