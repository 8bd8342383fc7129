"""Extraction on a Dask cluster: a ``distributed.LocalCluster`` of two worker processes with
a small memory limit gives the same dataset as the process pool, and a file that spins or
crashes its process on a Dask worker fails alone, leaving the workers alive."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

from tests.conftest import ingest

distributed = pytest.importorskip("distributed")

ROOT = Path(__file__).resolve().parents[1]
SPARE = ("google_", "meetup_", "localist_", "talks_cam", "weekly_", "apple_", "bom_", "event")

GOOD_FEED = """BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//Cluster//EN\r
BEGIN:VEVENT\r
UID:cluster-1@test\r
DTSTAMP:20240101T000000Z\r
DTSTART:20240501T140000Z\r
DTEND:20240501T150000Z\r
SUMMARY:Sheaves on graphs - Ada Quill (Ghent University)\r
END:VEVENT\r
END:VCALENDAR\r
"""


@pytest.fixture(scope="module")
def cluster() -> Iterator[distributed.LocalCluster]:
    """Two worker processes, one thread each, 1 GiB each; no dashboard, loopback only."""
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, memory_limit="1GiB",
        dashboard_address=None, host="127.0.0.1",
    ) as local:
        yield local


def _dataset(out: Path) -> pd.DataFrame:
    frame = pd.read_parquet(out / "talks.parquet").drop(columns="extracted_at")
    return frame.sort_values("talk_id").reset_index(drop=True)


def test_cluster_run_equals_process_pool_run(tmp_path: Path, cluster) -> None:
    src = tmp_path / "raw"  # the sample's every format, a third of its calendars
    shutil.copytree(ROOT / "data" / "raw", src,
                    ignore=lambda _d, names: [n for n in names if n.startswith(SPARE)])
    code, pool = ingest(src, out=tmp_path / "pool", extra=("--jobs", "2"))
    assert code == 0, pool["errors"]
    code, dask = ingest(src, out=tmp_path / "dask",
                        extra=("--scheduler", cluster.scheduler_address))
    assert code == 0, dask["errors"]
    assert dask["files"] == pool["files"] and dask["talks"] == pool["talks"]
    assert pool["talks"]["total"] > 20 and pool["files"]["extracted"] >= 14
    pd.testing.assert_frame_equal(_dataset(tmp_path / "dask"), _dataset(tmp_path / "pool"))
    # the state the parent kept is the same too: an unchanged re-run on the cluster reads
    # nothing and extracts nothing
    code, again = ingest(src, out=tmp_path / "dask",
                         extra=("--scheduler", cluster.scheduler_address))
    assert code == 0 and again["files"]["extracted"] == 0
    assert again["files"]["unchanged"] == pool["files"]["extracted"]


def test_a_spinning_or_crashing_file_fails_alone_on_the_cluster(tmp_path: Path, cluster) -> None:
    with distributed.Client(cluster.scheduler_address) as client:
        from tests.support import cluster_faults

        client.run(cluster_faults.install)
        src = tmp_path / "in"
        src.mkdir()
        (src / "good.ics").write_text(GOOD_FEED)
        (src / "spin.txt").write_text("SPIN: an announcement no parser finishes.\n")
        (src / "crash.txt").write_text("CRASH: an announcement that kills its reader.\n")
        code, report = ingest(src, out=tmp_path / "out", extra=(
            "--scheduler", cluster.scheduler_address, "--timeout", "1", "--memory-mb", "600"))
        errors = {e["path"]: e["error"] for e in report["errors"]}
        assert code == 3
        assert set(errors) == {"spin.txt", "crash.txt"}
        assert "timed out after 1 s" in errors["spin.txt"]
        assert "worker died (exit code 70)" in errors["crash.txt"]
        titles = pd.read_parquet(tmp_path / "out" / "talks.parquet")["title"].tolist()
        assert titles == ["Sheaves on graphs"]
        assert len(client.nthreads()) == 2  # both Dask workers are still there
        client.run(_uninstall)


def _uninstall() -> None:
    import extractors
    from tests.support import cluster_faults

    extractors.REGISTRY["text"] = cluster_faults.REAL


def test_a_cluster_that_cannot_be_reached_is_fatal_and_publishes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pipeline.cluster

    monkeypatch.setattr(pipeline.cluster, "CONNECT_TIMEOUT_S", 1.0)
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.ics").write_text(GOOD_FEED)
    code, report = ingest(src, out=tmp_path / "out",
                          extra=("--scheduler", "tcp://127.0.0.1:9", "--timeout", "1"))
    assert code == 1 and report == {}
    assert not (tmp_path / "out" / "current").exists()
