"""The incremental state as a SQLite store: published with the run, migrated from state.json,
and carried rows neither re-read nor re-validated."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pandas as pd

import pipeline.run
from pipeline import state as state_store
from tests.conftest import ingest


def _feed(uid: str, title: str, day: int, speaker: str = "Grace Hopper") -> str:
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nX-WR-CALNAME:Store Seminar\r\n"
        "BEGIN:VEVENT\r\n"
        f"UID:{uid}\r\nDTSTAMP:20240101T000000Z\r\n"
        f"DTSTART:202405{day:02d}T150000Z\r\nDTEND:202405{day:02d}T160000Z\r\n"
        f"SUMMARY:{title}\r\nDESCRIPTION:Speaker: {speaker} (Navy)\\n\\nOn {title}.\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    )


def _archive(root: Path, n: int) -> None:
    root.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (root / f"f{i:02d}.ics").write_text(_feed(f"u{i}@store", f"Lattices {i}", i + 1))


def _store(out: Path) -> sqlite3.Connection:
    return sqlite3.connect(out / "current" / state_store.STORE)


def test_a_run_publishes_its_store_beside_a_manifest(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    _archive(src, 3)
    assert ingest(src, out=out)[0] == 0
    manifest = json.loads((out / "current" / "state.json").read_text())
    run_id = (out / "current").resolve().name
    assert manifest == {"version": 3, "run_id": run_id, "store": "state.sqlite"}
    with _store(out) as db:
        files = db.execute("SELECT path, status, format FROM files ORDER BY path").fetchall()
        talks = db.execute("SELECT talk_id, path FROM talks ORDER BY path").fetchall()
    assert files == [(f"f{i:02d}.ics", "ok", "ics") for i in range(3)]
    dataset = pd.read_parquet(out / "talks.parquet")
    assert sorted(t for t, _ in talks) == sorted(dataset["talk_id"])
    assert not list(out.glob(".state-*"))  # no scratch store left beside the runs


def test_an_edit_validates_only_the_rows_of_the_edited_file(tmp_path: Path, monkeypatch) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    _archive(src, 4)
    assert ingest(src, out=out)[0] == 0
    before = pd.read_parquet(out / "talks.parquet").set_index("talk_id")
    validated: list[str] = []
    real = pipeline.run.validate_rows

    def counting(rows):
        validated.extend(r["source_path"] for r in rows)
        return real(rows)

    monkeypatch.setattr(pipeline.run, "validate_rows", counting)
    (src / "f02.ics").write_text(_feed("u2@store", "Lattices 2, revised", 3))
    code, report = ingest(src, out=out)
    assert code == 0 and validated == ["f02.ics"]
    assert report["talks"]["updated"] == 1 and report["talks"]["added"] == 0
    after = pd.read_parquet(out / "talks.parquet").set_index("talk_id")
    assert sorted(after.index) == sorted(before.index)
    carried = [t for t in after.index if after.loc[t, "source_path"] != "f02.ics"]
    # carried rows are the previous rows, to the extraction time
    assert all(after.loc[t, "extracted_at"] == before.loc[t, "extracted_at"] for t in carried)


def test_a_state_json_of_an_earlier_version_is_read_once(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    _archive(src, 3)
    assert ingest(src, out=out)[0] == 0
    current = out / "current"
    ids = sorted(pd.read_parquet(out / "talks.parquet")["talk_id"])
    with _store(out) as db:  # rewrite the published run as the JSON layout of version 2
        rows = db.execute("SELECT path, sha256, extractor, format, status, reason, stale, "
                          "doc_id, size, mtime_ns FROM files").fetchall()
    files = {
        p: {"sha256": sha, "extractor": ex, "format": fmt, "status": st, "reason": why,
            "stale": bool(stale), "talk_ids": [], "doc_id": doc, "size": size,
            "mtime_ns": mtime}
        for p, sha, ex, fmt, st, why, stale, doc, size, mtime in rows
    }
    (current / "state.json").write_text(json.dumps({"version": 2, "run_id": "old",
                                                    "files": files}))
    (current / "state.sqlite").unlink()
    code, report = ingest(src, out=out)
    assert code == 0
    assert report["files"]["unchanged"] == 3 and report["files"]["extracted"] == 0
    assert report["talks"] == {"total": 3, "rejected": 0, "added": 0, "updated": 0,
                               "removed": 0}
    assert sorted(pd.read_parquet(out / "talks.parquet")["talk_id"]) == ids
    assert (out / "current" / "state.sqlite").is_file()
    assert not list(out.glob(".state-*"))


def test_a_file_whose_size_and_mtime_are_unchanged_is_not_opened(
    tmp_path: Path, monkeypatch
) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    _archive(src, 3)
    assert ingest(src, out=out)[0] == 0
    hashed: list[Path] = []
    real = pipeline.run._file_sha256
    monkeypatch.setattr(pipeline.run, "_file_sha256", lambda p: hashed.append(p) or real(p))
    assert ingest(src, out=out)[1]["files"]["unchanged"] == 3
    assert hashed == []
    assert ingest(src, out=out, extra=("--rehash",))[1]["files"]["unchanged"] == 3
    assert len(hashed) == 3


def test_copies_of_a_feed_keep_one_id_each_across_runs(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    body = _feed("same@store", "Shared talk", 5)
    for name in ("a.ics", "b.ics", "c.ics"):
        (src / name).write_text(body)
    code, first = ingest(src, out=out)
    assert code == 0 and first["talks"]["total"] == 3
    ids = pd.read_parquet(out / "talks.parquet").set_index("source_path")["talk_id"]
    assert ids.is_unique
    (src / "c.ics").write_text(_feed("same@store", "Shared talk, retitled", 5))
    code, second = ingest(src, out=out)
    assert code == 0 and second["talks"]["added"] == 0 and second["talks"]["removed"] == 0
    again = pd.read_parquet(out / "talks.parquet").set_index("source_path")["talk_id"]
    assert again.to_dict() == ids.to_dict()
    assert second["talks"]["updated"] == 1


def test_a_removed_file_takes_its_talks_out(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    _archive(src, 3)
    assert ingest(src, out=out)[0] == 0
    gone = pd.read_parquet(out / "talks.parquet").query("source_path == 'f01.ics'")
    (src / "f01.ics").unlink()
    code, report = ingest(src, out=out)
    assert code == 0 and report["files"]["removed"] == 1 and report["talks"]["removed"] == 1
    changes = pd.read_parquet(out / "changes" / f"{report['run_id']}.parquet")
    assert changes.to_dict("records") == [
        {"talk_id": gone["talk_id"].iloc[0], "change": "removed", "run_id": report["run_id"]}
    ]
    with _store(out) as db:
        assert db.execute("SELECT count(*) FROM files").fetchone() == (2,)
        assert db.execute("SELECT count(*) FROM talks").fetchone() == (2,)


def test_a_file_of_no_known_format_is_not_sniffed_again(tmp_path: Path, monkeypatch) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    _archive(src, 2)
    (src / "export.csv").write_text("a,b,c\n1,2,3\n4,5,6\n7,8,9\n")
    code, first = ingest(src, out=out)
    assert code == 0 and first["files"]["skipped"] == 1
    sent: list[str] = []
    real = pipeline.run.run_isolated

    def spying(tasks, **kwargs):
        sent.extend(t.rel for t in tasks)
        return real(tasks, **kwargs)

    monkeypatch.setattr(pipeline.run, "run_isolated", spying)
    code, second = ingest(src, out=out)
    assert code == 0 and sent == []
    assert second["skipped"] == first["skipped"] and second["files"]["skipped"] == 1
    (src / "export.csv").write_text("Seminar\n\nSpeaker: Ada Lovelace\nTitle: Engines\n")
    code, third = ingest(src, out=out)
    assert sent == ["export.csv"] and third["files"]["skipped"] == 0
