"""Formats are recognised from content, whatever the file is called."""

from __future__ import annotations

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
