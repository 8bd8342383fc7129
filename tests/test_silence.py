"""Nothing silent: every file that gives no rows is in the report (skipped, errors or empty,
with the reason), and a link loop is reported where it is cut."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from tests.conftest import ingest
from tests.test_isolation import GOOD

QUIET = {
    "blank.txt": b"  \n\t \n",
    "fake.pdf": b"%PDF-1.4\nthis is no PDF at all\n",
    "deep.html": b"<html><body>" + b"<div>" * 20_000 + b"deep" + b"</div>" * 20_000
    + b"</body></html>",
    "long-line.txt": b"word " * (2 * 1024 * 1024 // 5),
    "bomb.html": (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + b"".join(
            b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
            for i in range(1, 10)
        )
        + b"]><html><body><p>&lol9;</p></body></html>"
    ),
    "xxe.html": b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    b"<html><body><p>&x;</p></body></html>",
    "nothing.ics": b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//EN\r\nEND:VCALENDAR\r\n",
}


def test_every_file_without_rows_is_in_the_report(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / "good.ics").write_text(GOOD)
    for name, data in QUIET.items():
        (src / name).write_bytes(data)
    (src / "loop").mkdir()
    os.symlink("..", src / "loop" / "again")
    code, report = ingest(src, out=out, extra=("--timeout", "30"))
    assert code in (0, 3)
    with_rows = set(pd.read_parquet(out / "talks.parquet")["source_path"])
    reported: dict[str, str] = {}
    for key in ("skipped", "errors", "empty"):
        for entry in report[key]:
            assert entry["path"] not in reported, entry
            reported[entry["path"]] = entry.get("reason") or entry.get("error")
            assert reported[entry["path"]], entry
    assert with_rows == {"good.ics"}
    assert set(QUIET) | {"loop/again"} <= set(reported), sorted(reported)
    assert "link loop" in reported["loop/again"]
    assert report["files"]["seen"] == len(QUIET) + 1


def test_a_speaker_label_with_nothing_after_it_is_a_warning() -> None:
    from extractors.plaintext import extract
    from pipeline.records import Document

    text = b"Seminar announcement\n\nSpeaker:\nTitle: Random walks on groups\nDate: 3 May 2024\n"
    (talk,) = extract(Document(path="x.txt", data=text, sha256="0", format="text"))
    assert talk.title == "Random walks on groups" and not talk.speakers
    assert "a Speaker label names nobody" in talk.warnings
