"""The partitioned layout: ``OUT/talks/`` as a folder of Parquet files (per year or series),
read as one dataset by pandas, Polars, DuckDB and the scorer, published atomically, read back
by the next incremental run, and chosen automatically past the size threshold."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import pipeline.partition
import talks
from pipeline.partition import choose_layout, partition_key
from tests.conftest import SCORER, ingest, needs_shared


def _event(uid: str, start: str, title: str, speaker: str) -> str:
    return (
        "BEGIN:VEVENT\r\n"
        f"UID:{uid}@partition.test\r\nDTSTAMP:20240101T000000Z\r\n"
        f"DTSTART:{start}\r\n"
        f"SUMMARY:{title} - {speaker}\r\n"
        "END:VEVENT\r\n"
    )


def _feed(name: str, events: list[tuple[str, str, str]]) -> str:
    body = "".join(_event(f"{name}-{i}", s, t, p) for i, (s, t, p) in enumerate(events))
    return ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Partition//EN\r\n"
            f"X-WR-CALNAME:{name}\r\n{body}END:VCALENDAR\r\n")


ALGEBRA = [
    ("20191105T150000Z", "Tropical curves in families", "Mira Okonkwo"),
    ("20210310T150000Z", "Quivers and their moduli", "Tomas Eriksen"),
    ("20210317T150000Z", "Braids in low dimension", "Ines Carvalho"),
]
OPTICS = [
    ("20210901T130000Z", "Squeezed light in fibres", "Ravi Menon"),
    ("20230215T130000Z", "Frequency combs on a chip", "Hana Sato"),
]


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    (src / "algebra.ics").write_text(_feed("Algebra Seminar", ALGEBRA))
    (src / "optics.ics").write_text(_feed("Optics & Photonics Colloquium", OPTICS))
    return src


def _run(src: Path, out: Path, layout: str = "auto") -> tuple[int, dict]:
    """``talks ingest src --out out --partition layout``, in-process (small inputs)."""
    return ingest(src, out=out, extra=("--jobs", "0", "--partition", layout))


def _frame(df: pd.DataFrame) -> pd.DataFrame:
    df = df.drop(columns=[c for c in ("extracted_at", "local_start", "local_end") if c in df])
    return df.sort_values("talk_id").reset_index(drop=True)


def _plain(records: list[dict]) -> list[dict]:
    """Rows from any reader, compared on what every reader gives alike."""
    keep = ("talk_id", "title", "series", "source_path")
    return sorted(({k: r[k] for k in keep} for r in records), key=lambda r: r["talk_id"])


def test_year_folder_reads_as_one_dataset_in_pandas_polars_and_duckdb(
    tmp_path: Path, archive: Path
) -> None:
    assert _run(archive, tmp_path / "one")[0] == 0
    code, report = _run(archive, tmp_path / "parts", "year")
    assert code == 0
    folder = tmp_path / "parts" / "talks"
    assert sorted(os.listdir(folder)) == [
        "year-2019-000.parquet", "year-2021-000.parquet", "year-2023-000.parquet"]
    assert report["dataset"] == {"layout": "year", "files": 3}
    single = pd.read_parquet(tmp_path / "one" / "talks.parquet")
    whole = pd.read_parquet(folder)  # pandas: the folder is one dataset, no added column
    assert list(whole.columns) == list(single.columns)
    pd.testing.assert_frame_equal(_frame(whole), _frame(single))
    pd.testing.assert_frame_equal(_frame(talks.read(tmp_path / "parts")),
                                  _frame(talks.read(tmp_path / "one")))

    import duckdb
    import polars as pl

    expected = _plain(single.to_dict("records"))
    assert _plain(pl.read_parquet(folder / "*.parquet").to_dicts()) == expected
    assert _plain(talks.read(tmp_path / "parts", engine="polars").to_dicts()) == expected
    rel = duckdb.sql(f"select * from read_parquet('{folder}/*.parquet')")
    assert _plain([dict(zip(rel.columns, row, strict=True)) for row in rel.fetchall()]) \
        == expected
    rel = talks.read(tmp_path / "parts", engine="duckdb")
    assert _plain([dict(zip(rel.columns, row, strict=True)) for row in rel.fetchall()]) \
        == expected
    years = {f: set(pd.read_parquet(folder / f)["date"].map(lambda d: d.year))
             for f in os.listdir(folder)}
    assert years == {"year-2019-000.parquet": {2019}, "year-2021-000.parquet": {2021},
                     "year-2023-000.parquet": {2023}}


def test_series_layout_names_each_series_apart(tmp_path: Path, archive: Path) -> None:
    code, report = _run(archive, tmp_path / "out", "series")
    assert code == 0
    names = sorted(os.listdir(tmp_path / "out" / "talks"))
    assert len(names) == 2 and all(n.endswith("-000.parquet") for n in names)
    assert names[0].startswith("series-algebra-seminar-")
    assert names[1].startswith("series-optics-photonics-colloquium-")
    for name in names:
        assert len(set(pd.read_parquet(tmp_path / "out" / "talks" / name)["series"])) == 1


def test_partition_keys_for_rows_without_a_date_or_series() -> None:
    assert partition_key({"date": None}, "year") == "year-unknown"
    assert partition_key({"date": dt.date(987, 1, 2)}, "year") == "year-0987"
    assert partition_key({"series": None}, "series") == "series-none"
    # two series that slug alike stay apart; a name of symbols still gets a stem
    assert partition_key({"series": "Algebra: I"}, "series") != \
        partition_key({"series": "algebra i"}, "series")
    assert partition_key({"series": "∞ ∩ ∅"}, "series").startswith("series-x-")
    assert choose_layout("auto", 10, threshold=10) == "file"
    assert choose_layout("auto", 11, threshold=10) == "year"
    assert choose_layout("series", 0) == "series"


def test_auto_partitions_past_the_threshold(tmp_path: Path, archive: Path) -> None:
    small = talks.ingest(archive, tmp_path / "small", jobs=0, progress=False, partition_rows=5)
    assert small["dataset"]["layout"] == "file"
    assert (tmp_path / "small" / "talks.parquet").is_file()
    big = talks.ingest(archive, tmp_path / "big", jobs=0, progress=False, partition_rows=4)
    assert big["dataset"]["layout"] == "year"
    assert not (tmp_path / "big" / "talks.parquet").exists()
    assert len(talks.read(tmp_path / "big")) == 5


def test_large_partitions_are_split_and_empty_datasets_still_read(
    tmp_path: Path, archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline.partition, "FILE_ROWS", 1)
    assert _run(archive, tmp_path / "out", "year")[0] == 0
    names = sorted(os.listdir(tmp_path / "out" / "talks"))
    assert names[:3] == ["year-2019-000.parquet", "year-2021-000.parquet",
                         "year-2021-001.parquet"]
    assert len(names) == 5
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.txt").write_text("Nothing here is a talk.\n")
    code, report = _run(empty, tmp_path / "none", "year")
    assert code == 0 and report["talks"]["total"] == 0
    assert os.listdir(tmp_path / "none" / "talks") == ["year-unknown-000.parquet"]
    assert len(talks.read(tmp_path / "none")) == 0


def test_incremental_runs_read_a_partitioned_dataset_and_switch_layouts(
    tmp_path: Path, archive: Path
) -> None:
    out = tmp_path / "out"
    assert _run(archive, out, "year")[0] == 0
    before = _frame(talks.read(out))
    code, again = _run(archive, out, "year")
    assert code == 0 and again["files"] == {**again["files"], "unchanged": 2, "extracted": 0}
    assert again["talks"] == {"total": 5, "rejected": 0, "added": 0, "updated": 0,
                              "removed": 0}
    pd.testing.assert_frame_equal(_frame(talks.read(out)), before)

    (archive / "optics.ics").write_text(_feed("Optics & Photonics Colloquium", OPTICS[:1]))
    code, edited = _run(archive, out, "year")
    assert code == 0 and edited["files"]["unchanged"] == 1
    assert edited["talks"]["removed"] == 1 and edited["talks"]["total"] == 4
    assert sorted(os.listdir(out / "talks")) == ["year-2019-000.parquet",
                                                 "year-2021-000.parquet"]

    # back to one file: the folder link dangles, readers and the next run find the file
    code, flat = _run(archive, out, "file")
    assert code == 0 and flat["files"]["unchanged"] == 2
    assert flat["talks"]["added"] == flat["talks"]["removed"] == 0
    assert (out / "talks.parquet").is_file() and not (out / "talks").exists()
    assert len(talks.read(out)) == 4
    code, parts = _run(archive, out, "year")
    assert code == 0 and parts["talks"]["added"] == parts["talks"]["removed"] == 0
    assert (out / "talks").is_dir() and not (out / "talks.parquet").exists()


class Killed(BaseException):
    """Stands for SIGKILL in the middle of writing the folder."""


def test_a_run_killed_while_writing_the_folder_leaves_the_previous_dataset(
    tmp_path: Path, archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    assert _run(archive, out, "year")[0] == 0
    before = _frame(talks.read(out))
    published = os.readlink(out / "current")
    (archive / "algebra.ics").write_text(_feed("Algebra Seminar", ALGEBRA[1:]))
    real = pipeline.partition.write_parquet
    calls = []

    def dies_on_second(table, path):
        calls.append(path)
        if len(calls) == 2:
            raise Killed(path)
        real(table, path)

    monkeypatch.setattr(pipeline.partition, "write_parquet", dies_on_second)
    with pytest.raises(Killed):
        _run(archive, out, "year")
    monkeypatch.undo()
    assert os.readlink(out / "current") == published
    pd.testing.assert_frame_equal(_frame(talks.read(out)), before)
    code, report = _run(archive, out, "year")
    assert code == 0 and report["talks"]["total"] == 4
    assert sorted(os.listdir(out / "talks")) == ["year-2021-000.parquet",
                                                 "year-2023-000.parquet"]


@needs_shared
def test_the_scorer_reads_a_partitioned_output(tmp_path: Path, archive: Path) -> None:
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "algebra.ics.json").write_text(json.dumps({"document": "algebra.ics", "talks": [
        {"title": t, "speakers": [{"name": p}], "start": f"{s[:4]}-{s[4:6]}-{s[6:8]}T15:00:00Z"}
        for s, t, p in ALGEBRA]}))
    scores = {}
    for layout in ("file", "year"):
        out = tmp_path / layout
        assert _run(archive, out, layout)[0] == 0
        res = subprocess.run([sys.executable, str(SCORER), str(out), str(gold)],
                             capture_output=True, text=True, check=True)
        scores[layout] = float(res.stdout.strip().splitlines()[-1].split()[1])
    assert scores["year"] == scores["file"] == 1.0
