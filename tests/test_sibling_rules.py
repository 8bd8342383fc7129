"""Rows judged by their document's other rows (``pipeline.normalise.siblings``).

Each test is a small document of a shape not in the corpus: a card listing whose cards
open with their slot type, a listing whose menu headings were read as records, an
agenda with typed lunches and meetings."""

from __future__ import annotations

import datetime as dt

from extractors.listing import extract_html
from pipeline.normalise.siblings import typed_non_talk
from pipeline.normalise.stage import normalise_document
from pipeline.records import Document, RawTalk

AT = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)


def _doc(text: str, fmt: str) -> Document:
    return Document(path=f"x.{fmt}", data=text.encode(), sha256="0" * 64, format=fmt)


def test_a_slot_type_repeated_over_different_speakers_is_no_title() -> None:
    cards = "".join(
        f'<li><div class="kind">{kind}</div><p class="who">{name} (Uppsala University)</p>'
        f'<p class="when">{day} May 2024</p></li>'
        for kind, name, day in (("Journal Club", "Ana Lima", 3), ("Colloquium", "Karl Berg", 10),
                                ("Journal Club", "Ines Wolf", 17),
                                ("Journal Club", "Tom Baker", 24)))
    doc = _doc(f"<html><body><h1>Physics seminars</h1><ul>{cards}</ul></body></html>", "html")
    rows, _ = normalise_document(doc, extract_html(doc), AT)
    journal = [r for r in rows if r["speakers"] and r["speakers"][0]["name"] != "Karl Berg"]
    assert len(journal) == 3
    assert all(r["title"] is None for r in journal)
    assert all(any("slot's label" in w for w in r["warnings"]) for r in journal)


def test_a_slot_label_gives_way_to_the_heading_that_opens_the_abstract() -> None:
    raws = [RawTalk(title="Keynote", speaker_text=["Ana Lima (KTH)"], when_text="3 May 2024",
                    abstract="Reasoning with small models\n\nWe show how small models reason."),
            RawTalk(title="Invited talk", speaker_text=["Karl Berg (ETH)"],
                    when_text="3 May 2024", abstract="Sparse proofs"),
            RawTalk(title="Robust inference", speaker_text=["Ines Wolf"], when_text="4 May 2024")]
    rows, _ = normalise_document(_doc("x", "text"), raws, AT)
    assert [r["title"] for r in rows] == [
        "Reasoning with small models", "Sparse proofs", "Robust inference"]
    assert rows[0]["abstract"] == "We show how small models reason."
    assert rows[1]["abstract"] is None


def test_a_lecture_course_repeating_its_title_keeps_it() -> None:
    """One lecturer giving the same title on several dates is a course, not a label."""
    raws = [RawTalk(title="Introduction to sheaves", speaker_text=["Ana Lima"],
                    when_text=f"{d} May 2024") for d in (3, 10, 17)]
    rows, _ = normalise_document(_doc("x", "text"), raws, AT)
    assert [r["title"] for r in rows] == ["Introduction to sheaves"] * 3


def test_records_with_nothing_but_a_title_are_headings() -> None:
    raws = [RawTalk(title="Contact"), RawTalk(title="Target audience"),
            RawTalk(title="Waves in shallow water", speaker_text=["Ana Lima"],
                    when_text="3 May 2024"),
            RawTalk(title="Learned reconstruction", abstract="We reconstruct images.")]
    rows, notes = normalise_document(_doc("x", "text"), raws, AT)
    assert [r["title"] for r in rows] == ["Waves in shallow water", "Learned reconstruction"]
    # ``Contact`` is a page section by its heading alone, which is said first
    assert sum("nothing but a title" in n or "a section of the page" in n for n in notes) == 2


def test_a_lone_title_is_a_talk_when_it_is_the_whole_document() -> None:
    rows, _ = normalise_document(_doc("x", "text"), [RawTalk(title="Waves in shallow water")],
                                 AT)
    assert [r["title"] for r in rows] == ["Waves in shallow water"]


def test_typed_meals_and_meetings_are_not_talks() -> None:
    for title in ("Themed Networking Lunch: Careers in Data Science",
                  "Departmental Advisory Board Annual Meeting", "Evening Drinks Reception",
                  "Faculty meeting (room 2)"):
        assert typed_non_talk(title), title
    for title in ("Why lunch breaks matter for memory", "Meeting the demands of exascale",
                  "A theory of coffee: thermodynamics in a cup"):
        assert not typed_non_talk(title), title
    raws = [RawTalk(title="Themed Networking Lunch: Climate and AI", when_text="3 May 2024"),
            RawTalk(title="Weather models", speaker_text=["Ana Lima"], when_text="3 May 2024")]
    rows, notes = normalise_document(_doc("x", "text"), raws, AT)
    assert [r["title"] for r in rows] == ["Weather models"]
    assert any("meal, break or meeting" in n for n in notes)


def test_a_dated_gap_in_a_list_is_no_talk() -> None:
    """``Tuesday, March 3: (no meeting -- spring recess)``: the date was not split off the
    item, but what follows it says nobody speaks; a dated title about holidays stays."""
    from pipeline.normalise import siblings

    rows = [{"title": "Tuesday, March 3, 2009: (no meeting -- spring recess)", "speakers": [],
             "warnings": []},
            {"title": "Tuesday, March 10: Holiday effects in retail demand", "speakers": [],
             "warnings": []}]
    notes: list[str] = []
    kept = siblings._drop_by_title(rows, notes)
    assert [r["title"] for r in kept] == ["Tuesday, March 10: Holiday effects in retail demand"]
    assert notes and "no talk" in notes[0]
