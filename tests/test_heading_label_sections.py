"""Records whose fields sit under label headings, below a heading that only numbers the slot.

A meetup page states each talk as ``# 2nd Talk`` / ``## Title`` / ``### Speaker`` / text /
``### Abstract`` / paragraphs / ``### Speaker Bio`` / paragraphs. The slot heading is the
record's label, not its title, and a label heading without a colon opens its field for the
blocks under it: one block for a person, every paragraph up to the next heading for prose.
The documents are written here, in two shapes (markdown, HTML) the corpus does not hold.
"""

from __future__ import annotations

import datetime as dt

from extractors import listing
from pipeline.normalise import siblings
from pipeline.normalise.stage import normalise
from pipeline.records import Document

MARKDOWN = """\
---
layout: post
title:
---

# First Talk

## Sheaves for Sensor Networks

### Presenter

Ada Quist, Northgate Robotics

### Summary

Sensors disagree. This talk shows how sheaf cohomology measures by how much, and what a
network operator can do about it when the readings drift apart over a long winter.

A short demonstration on a small network closes the talk.

### Biography

Ada Quist leads the sensing group at Northgate Robotics, where she builds tools for
reconciling unreliable measurements.

# Second Talk

## Counting Bridges in Old Towns

### Presenter

Bram Oduya

### Summary

An old puzzle about walking every bridge once is the seed of graph theory; we count the
bridges of twelve old towns and ask which walks exist, with maps drawn from archives.
"""

HTML = """<html><body><main>
<h2>Talk 1</h2>
<h3>Learning to Forget in Streaming Models</h3>
<h4>Speaker</h4>
<p>Chen Liwei (Harbour Institute of Technology)</p>
<h4>Abstract</h4>
<p>Models trained on streams must decide what to keep. We study forgetting as a budgeted
choice and show when it helps accuracy on drifting data from long-running deployments.</p>
<h2>Talk 2</h2>
<h3>Why Proof Assistants Need Libraries</h3>
<h4>Speaker</h4>
<p>Maren Holt (Lakeside University)</p>
<h4>Abstract</h4>
<p>A proof assistant is only as useful as the mathematics already formalised in it; this
talk surveys how large libraries are organised, reviewed and kept working across versions.</p>
</main></body></html>"""


def _rows(data: str, fmt: str) -> list[dict]:
    doc = Document(path=f"page.{'md' if fmt == 'markdown' else 'html'}",
                   data=data.encode(), sha256="0" * 64, format=fmt)
    extract = listing.extract_markdown if fmt == "markdown" else listing.extract_html
    return normalise(doc, extract(doc), dt.datetime(2024, 1, 1, tzinfo=dt.UTC))


def test_ordinal_slot_headings_are_agenda_labels() -> None:
    assert siblings.agenda_slot("2nd Talk")
    assert siblings.agenda_slot("Talk 3")
    assert siblings.agenda_slot("First talk")
    assert not siblings.agenda_slot("The 2nd Law of Thermodynamics")


def test_markdown_label_headings_fill_their_fields() -> None:
    rows = _rows(MARKDOWN, "markdown")
    assert [r["title"] for r in rows] == ["Sheaves for Sensor Networks",
                                          "Counting Bridges in Old Towns"]
    first, second = rows
    assert [(s["name"], s["affiliation"]) for s in first["speakers"]] == [
        ("Ada Quist", "Northgate Robotics")]
    assert first["abstract"].startswith("Sensors disagree.")
    assert first["abstract"].endswith("closes the talk.")
    assert "\n\n" in first["abstract"]  # both paragraphs, kept apart
    assert first["speaker_bio"].startswith("Ada Quist leads the sensing group")
    assert [s["name"] for s in second["speakers"]] == ["Bram Oduya"]
    assert second["speaker_bio"] is None
    assert all(r["series"] is None for r in rows)  # ``First Talk`` names no series


def test_html_label_headings_under_numbered_slots() -> None:
    rows = _rows(HTML, "html")
    assert [r["title"] for r in rows] == ["Learning to Forget in Streaming Models",
                                          "Why Proof Assistants Need Libraries"]
    assert [(r["speakers"][0]["name"], r["speakers"][0]["affiliation"]) for r in rows] == [
        ("Chen Liwei", "Harbour Institute of Technology"), ("Maren Holt", "Lakeside University")]
    assert rows[1]["abstract"].startswith("A proof assistant is only as useful")


AFTER_TALKS = MARKDOWN + """
# Upcoming talks

We are looking for speakers for the spring; write to the organisers with a title and a
short summary, and do not worry if you have not presented before.

# New venue

From next month we meet at:

**The Copper Kettle**<br/>
12 Mill Lane

Doors open at seven.
"""


def test_page_sections_after_the_talks_are_not_talks() -> None:
    """A call for speakers under a listing heading and a venue notice naming a pub in bold
    are sections of the page: the label headings of the talk records keep the partition at
    the talks, and neither section becomes a row."""
    rows = _rows(AFTER_TALKS, "markdown")
    assert [r["title"] for r in rows] == ["Sheaves for Sensor Networks",
                                          "Counting Bridges in Old Towns"]


def test_an_article_never_opens_a_persons_name() -> None:
    from pipeline.normalise.people import looks_like_person_name

    assert not looks_like_person_name("The Copper Kettle", "speaker")
    assert not looks_like_person_name("Die Qual der Wahl")
    assert looks_like_person_name("An Wang")  # a given name, not an article
    assert looks_like_person_name("Maria La Rosa")
