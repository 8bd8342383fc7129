"""The command line: exit statuses, the report, hints and errors naming the file."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd

from tests.conftest import ROOT, ingest

CAL = """BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//CLI test//EN\r
BEGIN:VEVENT\r
UID:cli-1@test\r
DTSTAMP:20240101T000000Z\r
DTSTART;VALUE=DATE-TIME:20240612T130000\r
DTEND:20240612T140000\r
SUMMARY:Floating time talk\r
DESCRIPTION:Speaker: Katherine Johnson (NASA)\r
END:VEVENT\r
END:VCALENDAR\r
"""


def test_usage_errors_exit_2(tmp_path: Path, capsys) -> None:
    code, _ = ingest(tmp_path / "missing", out=tmp_path / "out")
    assert code == 2
    assert "no such file" in capsys.readouterr().err
    from pipeline.cli import main

    assert main(["ingest"]) == 2  # no input, no --out


def test_bad_hints_file_is_a_usage_error_naming_it(tmp_path: Path, capsys) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "sources.toml").write_text(
        '[[source]]\nmatch = "*"\ntimezone = "Mars/Base"\n'
    )
    code, _ = ingest(tmp_path / "in", out=tmp_path / "out")
    assert code == 2
    err = capsys.readouterr().err
    assert "sources.toml" in err and "Mars/Base" in err


def test_hints_fill_what_the_document_leaves_open(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "feed.data").write_text(CAL)
    (src / "sources.toml").write_text(
        '[[source]]\nmatch = "*.data"\ntimezone = "Europe/Berlin"\nseries = "Hinted Series"\n'
        'location = "Room 5"\n'
    )
    code, report = ingest(src, out=tmp_path / "out")
    assert code == 0 and report["files"]["extracted"] == 1
    row = pd.read_parquet(tmp_path / "out" / "talks.parquet").iloc[0]
    assert row["source_format"] == "ics" and row["source_path"] == "feed.data"
    assert row["series"] == "Hinted Series" and row["location"] == "Room 5"
    assert row["timezone"] == "Europe/Berlin"
    assert row["start"] == pd.Timestamp("2024-06-12T11:00Z")  # 13:00 CEST


def test_report_and_partial_failure_exit_3(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.ics").write_text(CAL.replace("20240612T130000\r", "20240612T130000Z\r"))
    (src / "bad.ics").write_text("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:z\r\n")
    (src / "notes.bin").write_bytes(bytes(range(256)) * 8)
    code, report = ingest(src, out=tmp_path / "out")
    assert code == 3
    assert report["files"] == {
        "seen": 3,
        "extracted": 1,
        "unchanged": 0,
        "removed": 0,
        "failed": 1,
        "skipped": 1,
    }
    assert report["errors"][0]["path"] == "bad.ics" and report["errors"][0]["stage"] == "extract"
    assert report["skipped"][0]["path"] == "notes.bin"
    assert set(report["talks"]) >= {"total", "added", "updated", "removed"}
    assert {"discover", "validate", "write", "total"} <= set(report["timings_s"])
    assert pd.read_parquet(tmp_path / "out" / "talks.parquet")["title"].tolist() == [
        "Floating time talk"
    ]


def test_module_entry_point_is_quiet_in_a_pipe(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.ics").write_text(CAL)
    res = subprocess.run(
        [sys.executable, "-m", "pipeline", "ingest", str(src), "--out", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert res.returncode == 0, res.stderr
    assert "extract:" not in res.stderr and "\r" not in res.stderr  # no progress bar in a pipe
    assert '"files"' in res.stdout


def test_fatal_error_exits_1_and_publishes_nothing(tmp_path: Path, capsys) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.ics").write_text(CAL)
    out = tmp_path / "out"
    out.write_text("a file where the output folder should be")
    code, _ = ingest(src, out=out)
    assert code == 1
    assert "fatal" in capsys.readouterr().err
    assert out.read_text().startswith("a file")
