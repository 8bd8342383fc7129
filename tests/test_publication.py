"""Publication: a kill after any filesystem call of the publish step leaves one whole run
published (dataset, report, state and change lists together), the next run completes, and
the exit status says what was published when the disk fills up."""

from __future__ import annotations

import errno
import json
import os
import shutil
from pathlib import Path

import pandas as pd
import pytest

import pipeline.run
from tests.conftest import ingest
from tests.test_identity import _feed

CALLS = ("replace", "rename", "symlink", "link", "fsync", "mkdir", "unlink", "chmod", "rmdir")


class Killed(BaseException):
    """Stands for SIGKILL: nothing after it runs (it is no ``Exception``)."""


def _inject(monkeypatch, after: int, error: BaseException | None = None) -> list[str]:
    """Make the ``after``-th filesystem call inside the publish step raise ``error``
    (``Killed`` by default) once it has been made. Returns the calls seen."""
    seen: list[str] = []
    active = [False]

    def wrap(name: str, real):
        def call(*args, **kwargs):
            result = real(*args, **kwargs)
            if active[0]:
                seen.append(name)
                if len(seen) == after:
                    raise error if error is not None else Killed(name)
            return result

        return call

    for name in CALLS:
        monkeypatch.setattr(os, name, wrap(name, getattr(os, name)))
    real_publish = pipeline.run._publish

    def publish(*args, **kwargs):
        active[0] = True
        try:
            return real_publish(*args, **kwargs)
        finally:
            active[0] = False

    monkeypatch.setattr(pipeline.run, "_publish", publish)
    return seen


def _check_whole(out: Path) -> str:
    """The published run is whole: returns its id."""
    run_id = os.readlink(out / "current").split("/")[-1]
    report = json.loads((out / "report.json").read_text())
    assert report["run_id"] == run_id
    talks = pd.read_parquet(out / "talks.parquet")
    assert len(talks) == report["talks"]["total"]
    state = json.loads((out / "current" / "state.json").read_text())
    assert state["run_id"] == run_id
    changes = pd.read_parquet(out / "changes" / f"{run_id}.parquet")
    assert set(changes["run_id"]) <= {run_id}
    assert len(changes) == sum(report["talks"][k] for k in ("added", "updated", "removed"))
    return run_id


def _first_run(tmp_path: Path) -> tuple[Path, Path, str]:
    src, out = tmp_path / "in", tmp_path / "template"
    src.mkdir()
    (src / "feed.ics").write_text(_feed(["One.", "Two."]))
    assert ingest(src, out=out, extra=("--jobs", "0"))[0] == 0
    first = _check_whole(out)
    (src / "feed.ics").write_text(_feed(["One.", "Two, edited.", "Three."]))
    return src, out, first


def test_a_kill_after_any_publish_call_leaves_one_whole_run(
    tmp_path: Path, monkeypatch
) -> None:
    src, template, first = _first_run(tmp_path)
    n, outcomes = 0, set()
    while True:
        n += 1
        assert n < 200, "the publish step never finished"
        out = tmp_path / f"out{n}"
        shutil.copytree(template, out, symlinks=True)
        with monkeypatch.context() as m:
            seen = _inject(m, n)
            try:
                ingest(src, out=out, extra=("--jobs", "0"))
                killed = False
            except Killed:
                killed = True
        published = _check_whole(out)
        assert published in (first, published)
        outcomes.add("new" if published != first else "old")
        # whatever happened, the next run completes and publishes the edit
        code, report = ingest(src, out=out, extra=("--jobs", "0"))
        assert code == 0
        last = _check_whole(out)
        assert last != first
        history = pd.concat(pd.read_parquet(p) for p in (out / "changes").glob("*.parquet"))
        assert first in set(history["run_id"]) or history.empty
        assert "updated" in set(history["change"]) and "added" in set(history["change"])
        if not killed:
            assert len(seen) == n - 1
            break
    assert outcomes == {"old", "new"} and n > 10


@pytest.mark.parametrize("when", ["before", "after"])
def test_a_full_disk_says_what_was_published(
    tmp_path: Path, monkeypatch, capsys, when: str
) -> None:
    src, template, first = _first_run(tmp_path)
    out = tmp_path / "out"
    shutil.copytree(template, out, symlinks=True)
    full = OSError(errno.ENOSPC, "No space left on device")
    with monkeypatch.context() as m:
        if when == "before":
            _inject(m, 3, full)  # while writing the run folder
        else:
            m.setattr(pipeline.run, "_finish", lambda *_a: (_ for _ in ()).throw(full))
        code, _report = ingest(src, out=out, extra=("--jobs", "0"))
    err = capsys.readouterr().err
    published = _check_whole(out)
    if when == "before":
        assert code == 1 and "nothing was published" in err and published == first
    else:
        assert code == 0 and published != first
        assert f"run {published} is published" in err and "nothing was published" not in err


def test_a_run_folder_left_half_written_is_pruned(tmp_path: Path, monkeypatch) -> None:
    src, template, first = _first_run(tmp_path)
    out = tmp_path / "out"
    shutil.copytree(template, out, symlinks=True)
    with monkeypatch.context() as m:
        _inject(m, 2)  # killed while writing the run folder
        with pytest.raises(Killed):
            ingest(src, out=out, extra=("--jobs", "0"))
    assert len(list((out / ".runs").iterdir())) == 2
    assert ingest(src, out=out, extra=("--jobs", "0"))[0] == 0
    runs = sorted(p.name for p in (out / ".runs").iterdir())
    assert len(runs) == 2 and runs[0] == first
    assert all((out / ".runs" / r / "report.json").exists() for r in runs)
