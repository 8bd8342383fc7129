"""Fault isolation: a file whose extraction hangs, exhausts memory, crashes its worker or hits
a bug fails alone, with a clear error; the other files' talks land."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import extractors
from tests.conftest import ingest

GOOD = """BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//Isolation//EN\r
BEGIN:VEVENT\r
UID:iso-1@test\r
DTSTAMP:20240101T000000Z\r
DTSTART:20240501T140000Z\r
DTEND:20240501T150000Z\r
SUMMARY:Still here\r
END:VEVENT\r
END:VCALENDAR\r
"""


@pytest.mark.parametrize(
    ("behaviour", "message"),
    [
        ("hang", "timed out after 2 s"),
        ("hog", "out of memory"),
        ("crash", "worker died"),
        ("bug", "internal error IndexError"),
    ],
)
def test_one_bad_file_fails_alone(
    tmp_path: Path, monkeypatch, behaviour: str, message: str
) -> None:
    monkeypatch.setitem(extractors.REGISTRY, "text", ("tests.support.misbehaving", behaviour))
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.ics").write_text(GOOD)
    (src / "bad.txt").write_text("An announcement that this extractor cannot cope with.\n")
    code, report = ingest(
        src, out=tmp_path / "out", extra=("--timeout", "2", "--memory-mb", "600", "--jobs", "2")
    )
    assert code == 3
    assert [(e["path"], e["stage"]) for e in report["errors"]] == [("bad.txt", "extract")]
    assert message in report["errors"][0]["error"]
    assert pd.read_parquet(tmp_path / "out" / "talks.parquet")["title"].tolist() == ["Still here"]


def test_a_structured_reading_keeps_its_place_against_a_structured_tie() -> None:
    """Two structured readers (a table by its header, an outline by its headings) that
    explain a document equally: the first keeps it, so a later rival must explain more."""
    from pipeline.records import RawTalk
    from pipeline.structure.isolation import best_reading

    table = [RawTalk(title="Sheaves and Sensors", speaker_text=["Ada Quist"],
                     when_text="2024-02-02")]
    outline = [RawTalk(title="Sheaves and Sensors", speaker_text=["Ada Quist"],
                       when_text="2024-02-09")]
    got = best_reading([], [("table reader", lambda: table), ("org outline reader",
                                                               lambda: outline)],
                       [], structured=frozenset({"table reader", "org outline reader"}))
    assert got is table
