"""Published files take the mode the user's umask gives a new file (0644 under the usual
022), not the 0600 of a temporary file: a colleague on the same server reads them.

Every published file is checked, change lists and the run folder included, under a
umask other than the default so that a hard-coded 0644 would fail too."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

import talks

FEED = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Quay Lab//EN
BEGIN:VEVENT
UID:quay-1@quay.example
DTSTAMP:20240101T000000Z
DTSTART:20240612T150000Z
DTEND:20240612T160000Z
SUMMARY:Noor Haddad: Sediment transport in estuaries
END:VEVENT
END:VCALENDAR
"""


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize(("mask", "file_mode", "dir_mode"),
                         [(0o022, 0o644, 0o755), (0o027, 0o640, 0o750)],
                         ids=["umask-022", "umask-027"])
def test_published_files_take_the_umask_mode(tmp_path: Path, mask: int, file_mode: int,
                                             dir_mode: int) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / "quay.ics").write_text(FEED)
    old = os.umask(mask)
    try:
        report = talks.ingest(src, out, jobs=0, progress=False)
        page = talks.report(out)
    finally:
        os.umask(old)
    run = (out / "current").resolve()
    files = [run / "talks.parquet", run / "rejects.parquet", run / "report.json",
             run / "state.json", run / "changes" / f"{report['run_id']}.parquet", page]
    for path in files:
        assert _mode(path) == file_mode, (path.name, oct(_mode(path)))
    for folder in (run, run / "changes"):
        assert _mode(folder) == dir_mode, (folder.name, oct(_mode(folder)))
