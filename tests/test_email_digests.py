"""Email digests: a mail that bundles several messages (a mailing list's digest) is read
message by message, each with its own headers, and only the messages that announce a talk
give rows; the others (a room change, a reply about the coffee machine, a group meeting
moved) are dropped with a reason in the run report.

The fixture (tests/fixtures/text/digests/) was written for this test in the shape of a
Mailman plain-text digest; the MIME digest is built here.
"""

from __future__ import annotations

import datetime as dt
from email.message import EmailMessage
from pathlib import Path

from extractors.plaintext import extract
from pipeline import emails
from pipeline.normalise.stage import normalise_document
from pipeline.records import Document, Hints

FIXTURES = Path(__file__).parent / "fixtures" / "text" / "digests"
AT = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)


def _rows(data: bytes) -> tuple[list[dict], list[str]]:
    doc = Document(path="digest.txt", data=data, sha256="0", format="text",
                   hints=Hints(timezone="Europe/London"))
    return normalise_document(doc, extract(doc), AT)


def test_plain_text_digest_gives_only_the_announced_talk() -> None:
    rows, notes = _rows((FIXTURES / "physics-list-digest.txt").read_bytes())
    assert [r["title"] for r in rows] == ["Hidden order in kagome metals"]
    row = rows[0]
    assert [s["name"] for s in row["speakers"]] == ["Laura Kessler"]
    assert row["speakers"][0]["affiliation"] == "University of Bristol"
    # the message's own body dates the talk, not the digest's or the message's Date header
    assert row["date"] == dt.date(2024, 3, 7)
    dropped = [n for n in notes if "announces no talk" in n]
    assert len(dropped) == 3, notes
    assert any("Group meeting moved" in n for n in dropped)
    assert any("Coffee machine" in n for n in dropped)


def test_digest_messages_split_at_rules_and_message_numbers() -> None:
    msg = emails.split_messages((FIXTURES / "physics-list-digest.txt").read_bytes())[0]
    inner = emails.digest_messages(msg)
    assert [str(m["Subject"]) for m in inner] == [
        "Room change for Thursday", "Condensed Matter Seminar: Hidden order in kagome metals",
        "Re: Coffee machine on the 3rd floor", "Group meeting moved"]
    assert str(inner[1]["From"]).startswith("Owen Pryce")


def _message(subject: str, body: str, date: str) -> EmailMessage:
    m = EmailMessage()
    m["From"] = "someone@example.org"
    m["Subject"] = subject
    m["Date"] = date
    m.set_content(body)
    return m


def test_mime_digest_parts_are_read_one_by_one() -> None:
    outer = EmailMessage()
    outer["From"] = "list-request@example.org"
    outer["To"] = "list@example.org"
    outer["Subject"] = "Stats-list digest, Vol 3, Issue 12"
    outer["Date"] = "Mon, 13 May 2024 08:00:00 +0000"
    outer.set_content("Today's topics: 1. Lab cleaning rota 2. Seminar announcement")
    talk = _message(
        "Statistics seminar, 16 May",
        "Speaker: Prof. Amara Nwosu (University of Leeds)\n"
        "Title: Conformal prediction under covariate shift\n"
        "Time: Thursday 16 May 2024, 15:00\nPlace: Room 1.01\n",
        "Mon, 13 May 2024 07:10:00 +0000")
    rota = _message("Lab cleaning rota", "Hi all, the rota for May is attached.\nThanks, Ben",
                    "Mon, 13 May 2024 07:30:00 +0000")
    for part in (rota, talk):
        outer.add_attachment(part)
    inner = emails.digest_messages(outer)
    assert len(inner) == 2
    rows, notes = _rows(outer.as_bytes())
    assert [r["title"] for r in rows] == ["Conformal prediction under covariate shift"]
    assert rows[0]["date"] == dt.date(2024, 5, 16)
    assert any("Lab cleaning rota" in n for n in notes)


def test_one_mail_is_no_digest() -> None:
    """A single announcement, even one that forwards another, is read as before."""
    body = ("FYI, see below.\n\n---------- Forwarded message ---------\n"
            "From: Seminar Office <office@example.org>\nDate: Mon, 6 May 2024 09:00:00 +0000\n"
            "Subject: Seminar: Sparse recovery\n\nSpeaker: Dr. Lena Vogt\n"
            "Date: Friday 10 May 2024, 11:00\n")
    msg = _message("Fwd: Seminar: Sparse recovery", body, "Mon, 6 May 2024 10:00:00 +0000")
    assert emails.digest_messages(msg) == []
    rows, _ = _rows(msg.as_bytes())
    assert len(rows) == 1 and rows[0]["speakers"][0]["name"] == "Lena Vogt"
