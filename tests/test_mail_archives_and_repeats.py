"""A list's mail archive (an mbox of several messages) holds replies, notices and
reminders beside its announcements: each message is read on its own and gives a row only
when it names a speaker (never its Subject alone), and a reminder that announces the same
talk again (same title, same people, nothing that differs) is one row with the
announcement, completed from it. A talk given twice (two dates, two venues) stays two rows.

The archive (tests/fixtures/text/digests/analysis-seminar-list.mbox) was written here.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from extractors.plaintext import extract
from pipeline.normalise import siblings
from pipeline.normalise.stage import normalise_document
from pipeline.records import Document

FIXTURE = Path(__file__).parent / "fixtures" / "text" / "digests" / "analysis-seminar-list.mbox"


def test_archive_gives_its_two_talks_once_each() -> None:
    doc = Document(path="list.mbox", data=FIXTURE.read_bytes(), sha256="0", format="text")
    rows, notes = normalise_document(doc, extract(doc), dt.datetime(2024, 1, 1, tzinfo=dt.UTC))
    assert [(r["title"], r["speakers"][0]["name"], r["date"]) for r in rows] == [
        ("Restriction estimates for the paraboloid", "Rosa Mendez", dt.date(2024, 2, 8)),
        ("Kakeya sets in finite fields", "Tom Becker", dt.date(2024, 2, 22))]
    assert rows[0]["location"] == "Hill 425"
    assert sum("announces no talk" in n for n in notes) == 3  # reply, no-seminar, room notice
    assert any("announced 2 times" in n for n in notes)


def _row(title: str, name: str, **fields: object) -> dict:
    base = {"title": title, "speakers": [{"name": name}], "date": None, "start": None,
            "end": None, "timezone": None, "location": None, "abstract": None,
            "speaker_bio": None, "url": None, "slides": None, "video": None, "series": None}
    return base | fields


def test_a_talk_given_twice_stays_two_rows() -> None:
    rows = [_row("Lenses in practice", "Ana Li", date=dt.date(2023, 5, 1)),
            _row("Lenses in practice", "Ana Li", date=dt.date(2023, 9, 9))]
    assert len(siblings._merge_repeats(rows, [])) == 2
    rows = [_row("Lenses in practice", "Ana Li", location="EuroFP 2016"),
            _row("Lenses in practice", "Ana Li", location="LambdaConf 2017")]
    assert len(siblings._merge_repeats(rows, [])) == 2
    rows = [_row("Lenses in practice", "Ana Li"),
            _row("Lenses in practice", "Ana Li", date=dt.date(2023, 5, 1), start="x")]
    (one,) = siblings._merge_repeats(rows, [])
    assert one["date"] == dt.date(2023, 5, 1) and one["start"] == "x"


PROSE = FIXTURE.with_name("theory-seminar-prose.mbox")


def test_speakers_named_only_in_prose_of_archived_messages() -> None:
    """``This week … we have X (Org).`` (a host clause, no verb of speaking) and ``On March
    21 X (Org) will speak on "T"`` (a date opening the subject) name their speakers; the
    reply names nobody and is dropped; the sender's name closing a mail is no abstract."""
    doc = Document(path="theory.mbox", data=PROSE.read_bytes(), sha256="0", format="text")
    rows, notes = normalise_document(doc, extract(doc), dt.datetime(2024, 1, 1, tzinfo=dt.UTC))
    got = [(r["title"], r["speakers"][0]["name"], r["speakers"][0]["affiliation"], r["date"])
           for r in rows]
    assert got == [
        ("Sparse recovery with few queries", "Karen Liu", "University of Toronto",
         dt.date(2019, 3, 7)),
        ("Lower bounds for dynamic graph problems", "Omar Haddad", "ETH Zurich",
         dt.date(2019, 3, 21))]
    assert rows[0]["abstract"].startswith("We study the problem")
    assert rows[1]["abstract"] is None
    assert sum("announces no talk" in n for n in notes) == 1  # the reply
