"""The supervisor cannot hang: every task resolves whatever happens to its worker, a broken
worker is replaced, and an interrupt ends a run at once with one line and nothing published."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from pipeline.supervise import Supervisor
from tests.conftest import ROOT, ingest

_KEPT: list[bytearray] = []


def _work(task: tuple[str, int]) -> str:
    """A task that behaves as its name says."""
    what, n = task
    if what == "kill":  # killed from outside mid-task (the kernel's OOM killer, an operator)
        os.kill(os.getpid(), signal.SIGKILL)
    if what == "hog":  # hits the memory cap
        chunks = []
        while True:
            chunks.append(bytearray(32 * 1024 * 1024))
    if what == "sleep":
        time.sleep(60)
    if what == "keep":  # keeps 200 MB after its task: the heap a worker should not reuse
        _KEPT.append(bytearray(200 * 1024 * 1024))
        return f"pid {os.getpid()}"
    if what == "pid":
        return f"pid {os.getpid()}"
    if what == "import":  # needs a fresh mapping: fails in a worker whose heap is broken
        import json

        return json.dumps({"n": n})
    return f"ok {n}"


def _failed(task: tuple[str, int], message: str) -> str:
    return f"failed {task[1]}: {message}"


def _run(tasks: list[tuple[str, int]], **kw) -> dict[int, str]:
    sup: Supervisor = Supervisor(
        _work,
        _failed,
        jobs=kw.pop("jobs", 2),
        timeout=kw.pop("timeout", 5),
        memory_bytes=kw.pop("memory_bytes", 300 * 1024 * 1024),
        retire=lambda r: isinstance(r, str) and "out of memory" in r,
        **kw,
    )
    return dict(sup.run(tasks))


def test_a_killed_worker_fails_its_task_alone_and_is_replaced() -> None:
    tasks = [("ok", 0), ("kill", 1)] + [("import", n) for n in range(2, 12)] + [("kill", 12)]
    tasks += [("ok", n) for n in range(13, 20)]
    results = _run(tasks)
    assert sorted(results) == list(range(20))
    assert "worker died (signal 9 (SIGKILL))" in results[1]
    assert "worker died" in results[12]
    assert all(results[n] == f'{{"n": {n}}}' for n in range(2, 12))
    assert all(results[n] == f"ok {n}" for n in [0, *range(13, 20)])


def test_a_worker_out_of_memory_then_more_files_in_one_worker() -> None:
    """The hang of issue 15: memory cap hit mid-run, then more work in the same pool."""

    def hog_aware(task: tuple[str, int]) -> str:
        try:
            return _work(task)
        except MemoryError:
            return f"out of memory {task[1]}"

    sup: Supervisor = Supervisor(
        hog_aware,
        _failed,
        jobs=1,
        timeout=20,
        memory_bytes=200 * 1024 * 1024,
        retire=lambda r: r.startswith("out of memory"),
    )
    tasks = [("hog", 0), ("import", 1), ("hog", 2), ("kill", 3), ("import", 4), ("ok", 5)]
    results = dict(sup.run(tasks))
    assert results[0] == "out of memory 0" and results[2] == "out of memory 2"
    assert "worker died" in results[3]
    assert results[1] == '{"n": 1}' and results[4] == '{"n": 4}' and results[5] == "ok 5"


def test_a_task_that_blocks_times_out_within_the_margin() -> None:
    results = _run([("sleep", 0), ("ok", 1)], timeout=1, margin=1)
    assert results == {0: "failed 0: timed out after 1 s", 1: "ok 1"}


def test_a_worker_killed_while_idle_is_replaced() -> None:
    sup: Supervisor = Supervisor(_work, _failed, jobs=1, timeout=5, memory_bytes=0)
    gen = sup.run([("ok", 0), ("ok", 1), ("ok", 2)])
    first = next(gen)
    for worker in sup._workers:  # kill the idle worker between two tasks
        os.kill(worker.proc.pid, signal.SIGKILL)
        worker.proc.join(5)
    rest = dict(gen)
    assert first == (0, "ok 0") and rest == {1: "ok 1", 2: "ok 2"}


def test_leaving_early_kills_every_worker() -> None:
    sup: Supervisor = Supervisor(_work, _failed, jobs=2, timeout=30, memory_bytes=0)
    gen = sup.run([("ok", 0), ("sleep", 1), ("sleep", 2), ("sleep", 3)])
    next(gen)
    procs = [w.proc for w in sup._workers]
    gen.close()
    assert procs and not any(p.is_alive() for p in procs)


# ``talks`` with an extractor that never returns. SIGINT gets Python's usual handler
# because a process started in the background by a non-interactive shell (as test
# runners often are) inherits SIGINT ignored; a terminal's Ctrl-C is what is tested.
_DRIVER = textwrap.dedent(
    """
    import signal
    import sys
    signal.signal(signal.SIGINT, signal.default_int_handler)
    import extractors
    extractors.REGISTRY["text"] = ("tests.support.misbehaving", "hang")
    from pipeline.cli import entry
    sys.exit(entry(sys.argv[1:]))
    """
)


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_interrupt_exits_130_within_2_s_with_one_line(tmp_path: Path, sig: int) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    for n in range(40):  # many files: nothing may be queued that the exit has to drain
        (src / f"talk{n:02}.txt").write_text(f"Announcement {n}: a talk that never ends.\n")
    proc = subprocess.Popen(
        [sys.executable, "-c", _DRIVER, "ingest", str(src), "--out", str(out), "-q",
         "--jobs", "2", "--timeout", "60", "--no-progress"],
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and len(_children(proc.pid)) < 2:
            time.sleep(0.1)  # wait until both workers are busy
        assert len(_children(proc.pid)) >= 2, "workers never started"
        t0 = time.monotonic()
        os.killpg(proc.pid, sig)  # as a terminal's Ctrl-C does: the whole process group
        _out, err = proc.communicate(timeout=30)
        elapsed = time.monotonic() - t0
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130, err
    assert elapsed < 2.0, elapsed  # the one timing assertion of the suite: it is the behaviour
    assert err.strip().count("\n") == 0 and "interrupted" in err and "nothing was published" in err
    assert not (out / "current").exists() and not (out / "talks.parquet").exists()
    code, report = ingest(src / "talk00.txt", out=out, extra=("--jobs", "0"))
    assert code == 0 and report["files"]["extracted"] == 1  # the next run completes normally


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as fh:
            return [int(p) for p in fh.read().split()]
    except OSError:
        return []


@pytest.mark.parametrize(
    "args",
    [("--jobs", "-1"), ("--timeout", "0"), ("--timeout", "-5"), ("--timeout", "nan"),
     ("--max-mb", "0"), ("--memory-mb", "-1")],
)
def test_bad_limits_are_usage_errors(tmp_path: Path, capsys, args: tuple[str, str]) -> None:
    (tmp_path / "in").mkdir()
    code, _ = ingest(tmp_path / "in", out=tmp_path / "out", extra=args)
    assert code == 2
    assert args[0] in capsys.readouterr().err


def test_a_worker_left_grown_past_half_its_cap_is_replaced() -> None:
    results = _run([("pid", 0), ("pid", 1), ("keep", 2), ("pid", 3)], jobs=1)
    assert results[0] == results[1] == results[2]  # one worker while it stays small
    assert results[3] != results[2]  # a fresh one after it kept 200 MB of a 300 MB cap


def test_workers_die_with_a_killed_parent(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    for n in range(4):
        (src / f"talk{n}.txt").write_text(f"Announcement {n}: a talk that never ends.\n")
    proc = subprocess.Popen(
        [sys.executable, "-c", _DRIVER, "ingest", str(src), "--out", str(out), "-q",
         "--jobs", "2", "--timeout", "60", "--no-progress"],
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and len(_children(proc.pid)) < 2:
            time.sleep(0.1)
        workers = _children(proc.pid)
        assert len(workers) >= 2, "workers never started"
        proc.kill()  # SIGKILL: the parent cannot clean up
        proc.wait(10)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and any(_alive(p) for p in workers):
            time.sleep(0.1)
        assert not any(_alive(p) for p in workers)
    finally:
        if proc.poll() is None:
            proc.kill()


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


ANNOUNCEMENT = """Applied Mathematics Colloquium

Speaker: Grace Hopper (Yale University)
Title: Compilers, part {n}
Date: Wednesday, May {n}, 2024, 4:00-5:00 pm EDT
Location: Room 101
"""


def test_memory_cap_hit_mid_run_then_more_files(tmp_path: Path, monkeypatch) -> None:
    """Issue 15's hang: a worker out of memory mid-run, later a worker killed, then more
    files in the same (one-worker) pool: every file resolves, the bad ones alone fail."""
    import extractors

    monkeypatch.setitem(extractors.REGISTRY, "text", ("tests.support.selective", "extract"))
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    for n in range(1, 9):
        (src / f"talk{n}.txt").write_text(ANNOUNCEMENT.format(n=n))
    (src / "talk3.txt").write_text(ANNOUNCEMENT.format(n=3) + "HOG\n")
    (src / "talk6.txt").write_text(ANNOUNCEMENT.format(n=6) + "KILL\n")
    code, report = ingest(
        src, out=out, extra=("--jobs", "1", "--timeout", "20", "--memory-mb", "600")
    )
    assert code == 3
    errors = {e["path"]: e["error"] for e in report["errors"]}
    assert set(errors) == {"talk3.txt", "talk6.txt"}
    assert "out of memory" in errors["talk3.txt"] and "worker died" in errors["talk6.txt"]
    assert report["files"]["extracted"] == 6 and report["talks"]["total"] == 6
