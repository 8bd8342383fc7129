"""Inputs a library rejects are clear per-file errors or warnings, never an internal error
(issue 15: zip strict on a ``<pre>``, YAML dates, JSON-LD integers over 4,300 digits, dates
near year 9999, TZIDs that are folders or 300 characters long, malformed MediaBox, a PDF
behind a BOM)."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from pipeline.extract import process_document
from pipeline.records import Document
from pipeline.sniff import sniff


def _vevent(start: str, extra: str = "") -> bytes:
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//EN\r\n" + extra + "BEGIN:VEVENT\r\n"
        f"UID:a@x\r\nDTSTAMP:20240101T000000Z\r\n{start}\r\nSUMMARY:Late talk\r\n"
        "END:VEVENT\r\nBEGIN:VEVENT\r\nUID:b@x\r\nDTSTAMP:20240101T000000Z\r\n"
        "DTSTART:20240501T140000Z\r\nSUMMARY:Normal talk\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    ).encode()


def _pdf(mediabox: bytes | None = None, bom: bool = False) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=28)
    pdf.cell(text="A talk about robustness")
    data = bytes(pdf.output())
    if mediabox is not None:
        data = re.sub(rb"/MediaBox \[[^\]]*\]", b"/MediaBox " + mediabox, data)
    return (b"\xef\xbb\xbf" if bom else b"") + data


def _outcome(data: bytes):
    fmt = sniff(data)
    doc = Document(path="case", data=data, sha256="0", format=fmt)
    return fmt, process_document(doc, dt.datetime(2024, 1, 1, tzinfo=dt.UTC))


CASES = {
    "pre without columns": (
        b"<html><body><h1>Seminar</h1><pre> no columns here\n Ada talks\n</pre></body></html>",
        "ok",
    ),
    "front-matter date out of range": (
        b"---\ntitle: Talks\ndate: 2024-13-45\n---\n\n# Seminar\n\nSpeaker: Ada Lovelace\n",
        "ok",
    ),
    "JSON-LD integer over 4300 digits": (
        b'<html><head><script type="application/ld+json">{"@type": "Event", "name": "T", '
        b'"startDate": "2024-05-01", "n": ' + b"9" * 5000 + b"}</script></head><body>"
        b"<h1>Talks</h1></body></html>",
        "ok",
    ),
    "UTC date near 9999": (_vevent("DTSTART:99991231T230000Z"), "ok"),
    "zoned date near 9999": (_vevent("DTSTART;TZID=America/New_York:99991231T230000"), "ok"),
    "all-day 9999-12-31": (_vevent("DTSTART;VALUE=DATE:99991231"), "ok"),
    "recurring from 9999": (_vevent("DTSTART:99991230T100000Z\r\nRRULE:FREQ=DAILY"), "ok"),
    "TZID that is a folder": (_vevent("DTSTART;TZID=America:20240501T100000"), "TZID"),
    "TZID 300 characters long": (_vevent("DTSTART;TZID=" + "B" * 300 + ":20240501T100000"),
                                 "TZID"),
    "MediaBox with a name": (_pdf(b"[0 0 /abc 5]"), "PDF"),
    "MediaBox too short": (_pdf(b"[0 0]"), "PDF"),
    "MediaBox empty": (_pdf(b"[]"), "PDF"),
    "PDF behind a BOM": (_pdf(bom=True), "ok"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_library_rejections_are_clear(case: str) -> None:
    data, expect = CASES[case]
    fmt, out = _outcome(data)
    assert out.error is None or "internal error" not in out.error, out.error
    if expect == "ok":
        assert out.error is None, out.error
    else:
        assert out.error is not None and expect in out.error, out.error
    if case == "PDF behind a BOM":
        assert fmt == "pdf" and [r["title"] for r in out.rows] == ["A talk about robustness"]
    if "9999" in case:
        rows = {r["title"]: r for r in out.rows}
        assert rows["Normal talk"]["start"] is not None  # the rest of the feed is kept
        late = rows["Late talk"]
        assert late["date"] is None and any("9999" in w for w in late["warnings"])


def test_an_email_date_with_a_huge_year_is_no_date() -> None:
    data = (b"From: a@x.org\nDate: Mon, 6 May 99999999999999999999 10:00:00 +0000\n"
            b"Subject: Talk\n\nHi\n")
    fmt, out = _outcome(data)
    assert out.error is None or "internal error" not in out.error, out.error
