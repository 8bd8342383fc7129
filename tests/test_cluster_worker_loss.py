"""A Dask worker that dies with its batch (its machine lost, not a parser crash in the
supervised child): the scheduler retries the batch elsewhere, a batch that keeps killing
workers is split into single files, and only the file that does it fails, with the
reason; every other file's talks are published.

Why its own cluster: the scheduler's ``allowed-failures`` is read when it starts, and this
test wants it low (each death costs a worker restart) and ``worker-saturation`` at 1.0 so
that a dying worker holds only the batch it runs (others queued on it would count the death
against themselves).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from tests.conftest import ingest

distributed = pytest.importorskip("distributed")
dask = pytest.importorskip("dask")

FEED = """BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//Loss//EN\r
BEGIN:VEVENT\r
UID:loss-{n}@test\r
DTSTAMP:20240101T000000Z\r
DTSTART:202405{n:02d}T140000Z\r
DTEND:202405{n:02d}T150000Z\r
SUMMARY:Topic number {n} - Ada Quill (Ghent University)\r
END:VEVENT\r
END:VCALENDAR\r
"""
GOOD = 11  # with two workers this makes batches of two files, so one is split


def test_a_file_that_takes_its_dask_worker_down_fails_alone(tmp_path: Path) -> None:
    from tests.support import cluster_faults

    src = tmp_path / "in"
    src.mkdir()
    for n in range(1, GOOD + 1):
        (src / f"feed-{n:02d}.ics").write_text(FEED.format(n=n))
    lost = f"feed-{cluster_faults.MACHINE_LOST}.ics"
    (src / lost).write_text(FEED.format(n=28))
    settings = {"distributed.scheduler.allowed-failures": 1,
                "distributed.scheduler.worker-saturation": 1.0}
    with dask.config.set(settings), distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, memory_limit="1GiB",
        dashboard_address=None, host="127.0.0.1",
    ) as cluster, distributed.Client(cluster.scheduler_address) as client:
        client.register_plugin(cluster_faults.LoseWorkerOnMarker())
        code, report = ingest(src, out=tmp_path / "out",
                              extra=("--scheduler", cluster.scheduler_address))
        errors = {e["path"]: e["error"] for e in report["errors"]}
        assert code == 3, report
        assert errors == {lost: errors.get(lost, "")}, errors
        assert "the Dask worker running it died" in errors[lost]
        frame = pd.read_parquet(tmp_path / "out" / "talks.parquet")
        assert sorted(frame["title"]) == sorted(
            f"Topic number {n}" for n in range(1, GOOD + 1))
        assert frame["source_path"].str.contains(cluster_faults.MACHINE_LOST).sum() == 0
        client.wait_for_workers(2, timeout=300)  # the nanny brings the workers back
