"""Formats are recognised from content, whatever the file is called."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.errors import SniffError
from pipeline.sniff import sniff
from tests.conftest import SEEDS

ICS = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n"


@pytest.mark.parametrize(
    ("data", "fmt"),
    [
        (ICS, "ics"),
        (b"\xef\xbb\xbf" + ICS, "ics"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "pdf"),
        (b"<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),
        (b"<div class='talk'><h2>Talk</h2><p>a</p><p>b</p><ul><li>c</li></ul></div>", "html"),
        (b"---\ntitle: Seminars\n---\n\nSome text.\n", "markdown"),
        (
            b"# Seminars\n\n## Fall 2024\n\n* **A. Person**, MIT\n* [Slides](http://x/s.pdf)\n"
            b"* **B. Person**, CERN\n* [Video](http://x/v)\n\n### Spring\n",
            "markdown",
        ),
        (
            b"From: seminars@example.org\nTo: all@example.org\nSubject: Talk\n"
            b"Date: Mon, 3 Oct 2022 09:00:00 -0400\n\nDear all,\n",
            "text",
        ),
        (b"Colloquium\n\nSpeaker: Ada Lovelace\nTitle: Engines\nDate: 3 October 2022\n", "text"),
        ("Caf\u00e9 seminar\n\nSpeaker: Jos\u00e9 Pe\u00f1a\n".encode("utf-16"), "text"),
    ],
)
def test_sniff_by_content(data: bytes, fmt: str) -> None:
    assert sniff(data) == fmt


def test_slides_text_is_told_from_prose() -> None:
    slides = "\n\n\n".join(
        f"Slide {i} heading\n\nA point about things\nAnother short point\n\nSpeaker — Talk\n\n{i}"
        for i in range(1, 12)
    )
    assert sniff(slides.encode()) == "slides_text"


@pytest.mark.parametrize(
    ("data", "reason"),
    [(b"", "empty"), (b"   \n\n", "empty"), (bytes(range(256)) * 20, "binary")],
)
def test_unreadable_content_is_skipped_with_reason(data: bytes, reason: str) -> None:
    with pytest.raises(SniffError, match=reason):
        sniff(data)


def test_hinted_format_wins() -> None:
    assert sniff(b"plain words", "markdown") == "markdown"


@pytest.mark.skipif(not SEEDS.exists(), reason="../shared is not here")
def test_seed_formats() -> None:
    found = {p.name[:3]: sniff(p.read_bytes()) for p in SEEDS.glob("0*.txt")}
    assert found == {
        "000": "markdown",
        "001": "markdown",
        "002": "slides_text",
        "003": "ics",
        "004": "text",
    }


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("Séminaire: José Peña".encode("latin-1"), "Séminaire: José Peña"),
        (
            "The \u201cquoted\u201d talk \u2013 notes".encode("cp1252"),
            "The \u201cquoted\u201d talk \u2013 notes",
        ),
        ("Zoë Ångström".encode("utf-16"), "Zoë Ångström"),
        ("\ufeffUTF-8 with BOM".encode(), "UTF-8 with BOM"),
        ("Семинар по математике и физике".encode("cp1251"), "Семинар по математике и физике"),
        (b"NUL\x00 inside", "NUL inside"),
    ],
)
def test_decoding(data: bytes, expected: str) -> None:
    from pipeline.decode import decode_text

    assert decode_text(data) == expected


# --- slide text: page numbers, footers, form feeds (round 3) ------------------------------

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "corpus" / "docs"
# corpus documents whose content is not plain text although the name ends in .txt
CORPUS_NOT_TEXT = {
    "news_seminars_wordpress.txt": "html",
    "researchseminars_feed.txt": "ics",
    "speaker_series_table.txt": "html",
    "stochastic_processes_slides.txt": "slides_text",
}


def _text_documents() -> list[tuple[Path, str]]:
    """Every plain-text fixture, corpus text document and sample input, with its format."""
    found = [(p, "text") for p in sorted((ROOT / "tests" / "fixtures" / "text").rglob("*"))]
    found += [(p, "text") for p in sorted((ROOT / "data" / "raw" / "text").glob("*"))]
    for pattern in ("*.txt", "*.eml", "*.mbox"):
        found += [(p, CORPUS_NOT_TEXT.get(p.name, "text")) for p in sorted(CORPUS.glob(pattern))]
    return [(p, fmt) for p, fmt in found if p.is_file()]


def test_text_documents_sweep_keeps_their_formats() -> None:
    docs = _text_documents()
    assert len(docs) >= 30
    wrong = {p.name: sniff(p.read_bytes()) for p, fmt in docs if sniff(p.read_bytes()) != fmt}
    assert wrong == {}


def _deck_text(number: str, footer: str | None, sep: str = "\n\n", pages: int = 6) -> str:
    slides = []
    for k in range(1, pages + 1):
        body = [f"Heading {k}", "", "- a short point", "- another short point"]
        tail = [footer] if footer else []
        slides.append("\n".join([*body, "", *tail, number.format(n=k, m=pages)]))
    return sep.join(slides)


@pytest.mark.parametrize(
    "number", ["{n}", "{n} / {m}", "{n}/{m}", "Slide {n}", "- {n} -", "Page {n} of {m}",
               "\u2013 {n} \u2013"])
def test_page_number_styles_make_slides_text(number: str) -> None:
    assert sniff(_deck_text(number, "R. Lindgren \u00b7 Topology Seminar \u00b7 2 May 2019")
                 .encode()) == "slides_text"
    assert sniff(_deck_text(number, None).encode()) == "slides_text"


def test_form_feed_pages_with_a_footer_and_no_numbers_are_slides_text() -> None:
    text = _deck_text("", "K. Mbeki - Workshop on Sparse Models", sep="\f")
    assert text.count("\f") == 5
    assert sniff(text.encode()) == "slides_text"


def test_listing_with_repeated_lines_and_short_blocks_is_text() -> None:
    # short lines in blank-separated blocks and a line repeated per entry, but no page
    # numbers and no pages: a listing, not a deck
    entries = []
    for k, (name, title) in enumerate([("Ada Brook", "Knots"), ("Wei Zhang", "Graphs"),
                                       ("Lena Vogt", "Flows"), ("Omar Said", "Codes"),
                                       ("Ines Lopes", "Waves"), ("Tom Hale", "Sheaves")]):
        entries.append(f"{title} and their applications\n{name}\n{3 + k} March 2021\n\n"
                       f"Location: Main Building, Room 101\nAdditional information")
    assert sniff("\n\n".join(entries).encode()) == "text"


def test_paper_dump_with_page_numbers_and_running_head_is_text() -> None:
    # text extracted from a paper: form feeds, a running head and page numbers, but long
    # prose lines
    prose = ("We study the long-time behaviour of random walks in random environments and "
             "show that the speed is positive whenever the trap depth has a finite mean.")
    pages = [f"Random walks on trees\n\n{prose}\n{prose}\n{prose}\n\nPage {k} of 4"
             for k in range(1, 5)]
    assert sniff("\f".join(pages).encode()) == "text"


def test_page_number_reads_the_number() -> None:
    from pipeline.sniff import page_number

    assert [page_number(s) for s in ("7", "7 / 20", "Slide 7", "- 7 -", "Page 7 of 20")] \
        == [7] * 5
    assert [page_number(s) for s in ("21 / 20", "2022", "1.", "Room 7", "7 pm")] == [None] * 5
