"""Scheduled re-ingestion: unchanged files cost nothing, ids are stable, publication is atomic."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

from tests.conftest import ROOT, ingest


def _calendar(uid: str, title: str, abstract: str, day: int) -> str:
    when = (dt.date(2024, 3, 1) + dt.timedelta(days=day)).strftime("%Y%m%d")
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nX-WR-CALNAME:Test Seminar\r\n"
        "BEGIN:VEVENT\r\n"
        f"UID:{uid}\r\nDTSTAMP:20240101T000000Z\r\n"
        f"DTSTART:{when}T150000Z\r\nDTEND:{when}T160000Z\r\n"
        f"SUMMARY:{title}\r\nDESCRIPTION:Speaker: Grace Hopper (Navy)\\n\\n{abstract}\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    )


def _archive(root: Path, n: int = 3) -> None:
    root.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (root / f"feed{i}.txt").write_text(
            _calendar(
                f"talk-{i}@test", f"Compilers part {i}", f"We study compilers, part {i}.", i + 1
            )
        )


def _ids(out: Path) -> list[str]:
    return sorted(pd.read_parquet(out / "talks.parquet")["talk_id"])


def test_unchanged_rerun_extracts_nothing(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    _archive(src)
    code, first = ingest(src, out=out)
    assert code == 0 and first["files"]["extracted"] == 3 and first["talks"]["added"] == 3
    ids = _ids(out)
    code, second = ingest(src, out=out)
    assert code == 0
    assert second["files"]["extracted"] == 0 and second["files"]["unchanged"] == 3
    assert second["talks"] == {"total": 3, "rejected": 0, "added": 0, "updated": 0, "removed": 0}
    assert _ids(out) == ids


def test_edited_abstract_is_an_update_with_the_same_id(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    _archive(src)
    ingest(src, out=out)
    before = pd.read_parquet(out / "talks.parquet").set_index("talk_id")
    (src / "feed1.txt").write_text(
        _calendar("talk-1@test", "Compilers part 1", "We study compilers, corrected.", 2)
    )
    code, report = ingest(src, out=out)
    assert code == 0
    assert report["files"]["extracted"] == 1 and report["files"]["unchanged"] == 2
    assert (report["talks"]["added"], report["talks"]["updated"], report["talks"]["removed"]) == (
        0,
        1,
        0,
    )
    after = pd.read_parquet(out / "talks.parquet").set_index("talk_id")
    assert sorted(after.index) == sorted(before.index)
    changed = [t for t in after.index if after.loc[t, "abstract"] != before.loc[t, "abstract"]]
    assert len(changed) == 1 and "corrected" in after.loc[changed[0], "abstract"]
    changes = pd.concat(pd.read_parquet(p) for p in sorted((out / "changes").glob("*.parquet")))
    assert list(changes[changes.change == "updated"].talk_id) == changed


def test_deleted_file_talks_are_removed(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    _archive(src)
    ingest(src, out=out)
    (src / "feed2.txt").unlink()
    code, report = ingest(src, out=out)
    assert code == 0
    assert report["files"]["removed"] == 1 and report["talks"]["removed"] == 1
    assert report["removed_files"] == ["feed2.txt"]
    assert len(_ids(out)) == 2


def test_failed_file_keeps_its_last_good_talks_as_stale(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    _archive(src)
    ingest(src, out=out)
    ids = _ids(out)
    (src / "feed0.txt").write_text("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:2024XX\r\n")
    code, report = ingest(src, out=out)
    assert code == 3
    assert [e["path"] for e in report["errors"]] == ["feed0.txt"]
    assert report["stale"] == ["feed0.txt"]
    assert _ids(out) == ids


def test_concurrent_run_is_refused(tmp_path: Path, capsys) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    _archive(src, 1)
    out.mkdir()
    holder = subprocess.Popen(  # another process holding the output folder's lock
        [
            sys.executable,
            "-c",
            "import fcntl, sys, time\n"
            "fh = open(sys.argv[1], 'a+'); fcntl.lockf(fh, fcntl.LOCK_EX)\n"
            "print('locked', flush=True); time.sleep(60)",
            str(out / ".lock"),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        code, _ = ingest(src, out=out)
    finally:
        holder.kill()
        holder.wait()
    assert code == 2
    assert "another ingest run" in capsys.readouterr().err
    assert not (out / "talks.parquet").exists()
    code, _ = ingest(src, out=out)  # the lock died with its holder
    assert code == 0


def test_sigkill_mid_run_leaves_previous_dataset(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    _archive(src, 150)
    code, first = ingest(src, out=out)
    assert code == 0
    old_bytes = (out / "talks.parquet").read_bytes()
    for f in src.iterdir():  # every file changes, so a finished run would change the dataset
        f.write_text(f.read_text().replace("We study", "We studied"))
    killed_mid_run = 0
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    for delay in (0.5, 1.5, 2.5, 4.0):
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "pipeline",
                "ingest",
                str(src),
                "--out",
                str(out),
                "-q",
                "--jobs",
                "2",
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        time.sleep(delay)
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        report = json.loads((out / "report.json").read_text())
        table = pq.read_table(out / "talks.parquet")  # always readable
        if report["run_id"] == first["run_id"]:
            killed_mid_run += 1
            assert (out / "talks.parquet").read_bytes() == old_bytes
        else:
            assert table.num_rows == 150
            break
    assert killed_mid_run >= 1
    code, final = ingest(src, out=out)
    assert code == 0
    assert pq.read_table(out / "talks.parquet").num_rows == 150
    assert all("We studied" in a for a in pd.read_parquet(out / "talks.parquet")["abstract"])


def test_new_extractor_or_normalise_version_re_extracts(tmp_path: Path, monkeypatch) -> None:
    from pipeline.normalise import stage

    src, out = tmp_path / "in", tmp_path / "out"
    _archive(src, 2)
    ingest(src, out=out)
    monkeypatch.setattr(stage, "VERSION", stage.VERSION + "-next")
    code, report = ingest(src, out=out)
    assert code == 0 and report["files"]["extracted"] == 2
    assert report["talks"]["added"] == report["talks"]["removed"] == 0


def test_wait_flag_waits_for_the_other_run(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    _archive(src, 1)
    out.mkdir()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import fcntl, sys, time\n"
            "fh = open(sys.argv[1], 'a+'); fcntl.lockf(fh, fcntl.LOCK_EX)\n"
            "print('locked', flush=True); time.sleep(1.5)",
            str(out / ".lock"),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        code, report = ingest(src, out=out, extra=("--wait",))
    finally:
        holder.wait()
    assert code == 0 and report["talks"]["total"] == 1


def test_a_file_with_unchanged_size_and_mtime_is_not_read_again(tmp_path: Path) -> None:
    """Its hash is trusted (a nightly run costs a stat per file); ``--rehash`` reads all."""
    src, out = tmp_path / "in", tmp_path / "out"
    _archive(src)
    ingest(src, out=out)
    feed = src / "feed1.txt"
    stamp = feed.stat()
    # same length, same mtime, other bytes: only a full rehash can see it
    feed.write_text(_calendar("talk-1@test", "Compilers part 9", "We study compilers, part 1.", 2))
    os.utime(feed, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    assert feed.stat().st_size == stamp.st_size
    code, trusted = ingest(src, out=out)
    assert code == 0 and trusted["files"]["unchanged"] == 3
    code, rehashed = ingest(src, out=out, extra=("--rehash",))
    assert code == 0 and rehashed["files"]["extracted"] == 1
    assert rehashed["talks"]["updated"] == 1
    os.utime(feed)  # touched: read and hashed again, but the bytes are the same
    code, touched = ingest(src, out=out)
    assert touched["files"]["unchanged"] == 3 and touched["talks"]["updated"] == 0
