"""Pages that are not talks, or hold talks beside parts that are not: a call for papers
(important dates, programme committee, chairs), a conference page whose committee and
sponsors are names with affiliations and whose important dates are dated items, and a
committee's minutes with action items. Their sections are no talks, whoever they name;
a call is no talk; a conference named by a row naming nobody is no talk; the keynotes of
the conference page stay.

Every fixture was written for this test (tests/fixtures/text/page_sections/,
tests/fixtures/listing/page_sections/).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from extractors import plaintext
from extractors.listing import extract_html, extract_markdown
from pipeline.normalise import siblings
from pipeline.normalise.stage import normalise_document
from pipeline.records import Document

ROOT = Path(__file__).parent / "fixtures"
AT = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)


def _run(path: Path, fmt: str) -> tuple[list[dict], list[str]]:
    doc = Document(path=path.name, data=path.read_bytes(), sha256="0", format=fmt)
    reader = {"text": plaintext.extract, "html": extract_html, "markdown": extract_markdown}
    return normalise_document(doc, reader[fmt](doc), AT)


def test_a_call_for_papers_in_text_gives_no_talk() -> None:
    rows, notes = _run(ROOT / "text" / "page_sections" / "call-for-papers.txt", "text")
    assert rows == [], [(r["title"], r["speakers"]) for r in rows]
    assert any("call for papers" in n for n in notes)
    assert any("a section of the page" in n and "'Program Committee'" in n for n in notes)


def test_a_call_for_papers_in_markdown_gives_no_talk() -> None:
    rows, _ = _run(ROOT / "listing" / "page_sections" / "workshop-cfp.md", "markdown")
    assert rows == [], [(r["title"], r["speakers"]) for r in rows]


def test_minutes_give_no_talk() -> None:
    rows, notes = _run(ROOT / "text" / "page_sections" / "committee-minutes.txt", "text")
    assert rows == [], [(r["title"], r["speakers"]) for r in rows]
    assert any("a section of the page" in n for n in notes)


def test_numbered_minutes_with_an_attendance_line_give_no_talk() -> None:
    """One meeting's minutes read as one announcement: the ``Present:`` line is who
    attends, never the title, so the meeting heading titles it and names no talk."""
    rows, notes = _run(ROOT / "text" / "page_sections" / "council-minutes-numbered.txt", "text")
    assert rows == [], [(r["title"], r["speakers"]) for r in rows]
    assert any("meeting naming nobody" in n for n in notes)


def test_conference_page_keeps_keynotes_and_drops_its_dates_and_committee() -> None:
    rows, notes = _run(ROOT / "listing" / "page_sections" / "symposium-with-committee.html",
                       "html")
    assert [(r["title"], r["speakers"][0]["name"], r["date"]) for r in rows] == [
        ("Language models as linguistic theories?", "Ingrid Solberg", dt.date(2024, 10, 3)),
        ("Low-resource speech recognition for Sámi languages", "Mikko Aalto",
         dt.date(2024, 10, 4))]
    dropped = " ".join(notes)
    for item in ("Paper submission", "Notification", "Symposium", "Karin Lund",
                 "Acme Speech AB"):
        assert item in dropped, notes
    for section in ("Important dates", "Organising committee", "Sponsors"):
        assert f"under the page section {section!r}" in dropped


def _row(title: str, speakers: tuple[str, ...] = ()) -> dict:
    return {"title": title, "speakers": [{"name": n} for n in speakers], "kind": "talk",
            "abstract": None, "warnings": [], "date": None, "url": None, "slides": None,
            "video": None, "start": None, "source_format": "html", "location": None,
            "speaker_bio": None}


def test_section_headings_are_whole_titles_only() -> None:
    rows = [_row("Organising Committee", ("Ana Li", "Bo Chen")), _row("Sponsors"),
            _row("Important dates"), _row("Action items: - AB to book the room"),
            _row("Committees that decide: a study of grant panels", ("Ana Li",)),
            _row("Contact tracing with Bluetooth", ("Bo Chen",)),
            _row("Call for Papers: ICML workshop"), _row("Tenth Symposium on Optics")]
    notes: list[str] = []
    kept = siblings.judge(rows, notes)
    assert [r["title"] for r in kept] == ["Committees that decide: a study of grant panels",
                                          "Contact tracing with Bluetooth"]
    assert len(notes) == 6
