"""One ingest run: discover → sniff → extract → normalise → validate → write, incrementally.

The output folder holds one published run at a time::

    OUT/current -> .runs/<run id>/      (swapped by one atomic rename)
    OUT/talks.parquet   -> current/talks.parquet
    OUT/rejects.parquet -> current/rejects.parquet
    OUT/report.json     -> current/report.json
    OUT/changes/<run id>.parquet        (one change list per run, for downstream jobs)

A run writes everything into a fresh ``.runs/<run id>/`` and publishes it by
renaming a new ``current`` link over the old one, so dataset, report and state
change together; a run killed at any moment leaves the previous run published.
``state.json`` in the run folder records, per file, the hash and extractor version
its rows came from: a file whose bytes and extractor are unchanged is not
extracted again.
"""

from __future__ import annotations

import datetime as dt
import errno
import fcntl
import hashlib
import json
import os
import shutil
import stat
import time
import uuid
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa

from extractors import extractor_version
from pipeline.discover import SourceFile, discover
from pipeline.errors import SniffError, UsageError
from pipeline.extract import Outcome, run_isolated
from pipeline.normalise import stage as normalise_stage
from pipeline.records import Document
from pipeline.sniff import sniff
from pipeline.validate import validate
from pipeline.write import read_rows, sort_rows, to_table, write_json, write_parquet

STATE_VERSION = 1
KEEP_RUNS = 3
PUBLISHED = ("talks.parquet", "rejects.parquet", "report.json")


class Busy(UsageError):
    """Another run holds the output folder's lock."""


@dataclass
class Options:
    jobs: int = min(os.cpu_count() or 1, 4)
    timeout: float = 60.0
    max_bytes: int = 50 * 1024 * 1024
    memory_bytes: int = 2 * 1024**3
    wait: bool = False
    progress: bool | None = None  # None: only on a terminal


@dataclass
class RunResult:
    report: dict[str, Any]
    out: Path

    @property
    def exit_code(self) -> int:
        return 3 if self.report["files"]["failed"] else 0


@dataclass
class _FileState:
    sha256: str
    extractor: str | None
    format: str | None
    status: str  # ok | failed | skipped
    reason: str | None = None
    stale: bool = False
    talk_ids: list[str] = field(default_factory=list)


@contextmanager
def _locked(out: Path, wait: bool):
    """Hold ``OUT/.lock`` for the run.

    A POSIX record lock (``lockf``), not ``flock``: it belongs to this process
    alone, so forked extraction workers never hold it, and it is released the
    moment the run's process dies, even by SIGKILL.
    """
    out.mkdir(parents=True, exist_ok=True)
    with open(out / ".lock", "a+") as fh:
        flags = fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB)
        try:
            fcntl.lockf(fh, flags)
        except OSError as exc:
            if wait or exc.errno not in (errno.EACCES, errno.EAGAIN):
                raise
            raise Busy(
                f"{out}: another ingest run is using this output folder (use --wait to wait for it)"
            ) from exc
        try:
            yield
        finally:
            fcntl.lockf(fh, fcntl.LOCK_UN)


def _previous(out: Path) -> tuple[dict[str, _FileState], list[dict], list[dict]]:
    """State, valid rows and rejected rows of the published run (empty on a first run)."""
    current = out / "current"
    state_path = current / "state.json"
    if not state_path.is_file():
        return {}, [], []
    data = json.loads(state_path.read_text(encoding="utf-8"))
    if data.get("version") != STATE_VERSION:
        return {}, [], []
    state = {path: _FileState(**entry) for path, entry in data["files"].items()}
    return state, read_rows(current / "talks.parquet"), read_rows(current / "rejects.parquet")


def _content_hash(row: dict[str, Any]) -> str:
    body = {k: v for k, v in row.items() if k not in ("extracted_at", "reasons")}
    return hashlib.sha256(json.dumps(body, sort_keys=True, default=str).encode()).hexdigest()


def ingest(inputs: list[Path], out: Path, options: Options | None = None) -> RunResult:
    """Run the pipeline over ``inputs`` and publish the dataset in ``out``."""
    options = options or Options()
    for root in inputs:
        if not root.exists():
            raise UsageError(f"{root}: no such file or folder")
    with _locked(out, options.wait):
        return _ingest_locked(inputs, out, options)


def _ingest_locked(inputs: list[Path], out: Path, options: Options) -> RunResult:
    run = _Run(out, options)
    return run.execute(inputs)


class _Run:
    """The mutable bookkeeping of one run: what each file gave, and why."""

    def __init__(self, out: Path, options: Options) -> None:
        self.out = out
        self.options = options
        self.t0 = time.perf_counter()
        now = dt.datetime.now(dt.UTC)
        self.started = now.replace(microsecond=0)
        self.run_id = now.strftime("%Y%m%dT%H%M%S.%fZ") + f"-{uuid.uuid4().hex[:6]}"
        self.timings: Counter[str] = Counter()
        self.prev_state, self.prev_rows, prev_rejects = _previous(out)
        self.prev_by_file: dict[str, list[dict]] = {}
        for row in self.prev_rows + prev_rejects:
            clean = {k: v for k, v in row.items() if k != "reasons"}
            self.prev_by_file.setdefault(row["source_path"], []).append(clean)
        self.files = Counter(seen=0, extracted=0, unchanged=0, removed=0, failed=0, skipped=0)
        self.errors: list[dict[str, str]] = []
        self.skipped: list[dict[str, str]] = []
        self.stale: list[str] = []
        self.state: dict[str, _FileState] = {}
        self.rows: list[dict[str, Any]] = []
        self.durations: dict[str, float] = {}
        self.dropped: list[dict[str, str]] = []

    def execute(self, inputs: list[Path]) -> RunResult:
        t = time.perf_counter()
        sources = list(discover(inputs, exclude=[self.out]))
        self.timings["discover"] += time.perf_counter() - t

        t = time.perf_counter()
        todo = [doc for src in sources if (doc := self._prepare(src)) is not None]
        self.timings["read_sniff"] += time.perf_counter() - t

        t = time.perf_counter()
        by_path = {doc.path: doc for doc in todo}
        progress = _progress(len(todo), self.options.progress)
        jobs = self.options.jobs if len(todo) > 1 else min(self.options.jobs, 1)
        for outcome in run_isolated(
            todo,
            self.started,
            jobs=jobs,
            timeout=self.options.timeout,
            memory_bytes=self.options.memory_bytes,
            on_done=lambda _o: progress.update(1),
        ):
            self._absorb(outcome, by_path[outcome.path])
        progress.close()
        self.timings["extract_normalise"] += time.perf_counter() - t

        t = time.perf_counter()
        good, rejects = validate(self.rows)
        self.timings["validate"] += time.perf_counter() - t

        removed_files = sorted(set(self.prev_state) - set(self.state))
        self.files["removed"] = len(removed_files)
        changes = _changes(self.prev_rows, good)
        report = {
            "run_id": self.run_id,
            "started_at": self.started.isoformat(),
            "inputs": [str(p) for p in inputs],
            "files": dict(self.files),
            "talks": {
                "total": len(good),
                "rejected": len(rejects),
                **{k: len(v) for k, v in changes.items()},
            },
            "errors": self.errors,
            "skipped": self.skipped,
            "stale": self.stale,
            "removed_files": removed_files,
            "dropped_records": self.dropped,
            "slowest_files": [
                {"path": p, "seconds": round(sec, 3)}
                for p, sec in sorted(self.durations.items(), key=lambda kv: -kv[1])[:5]
            ],
            "timings_s": {},
        }
        _publish(
            self.out, self.run_id, good, rejects, self.state, changes, report, self.timings, self.t0
        )
        return RunResult(report, self.out)

    def _prepare(self, src: SourceFile) -> Document | None:
        """Read and sniff one file; reuse its previous rows when nothing changed.

        Returns the ``Document`` to extract, or None when the file is settled here.
        """
        self.files["seen"] += 1
        try:
            info = src.path.stat()
            if not stat.S_ISREG(info.st_mode):
                raise OSError(f"not a regular file: {src.rel}")
            size = info.st_size
            if size > self.options.max_bytes:
                raise OSError(f"file is {size} bytes, over the {self.options.max_bytes} byte limit")
            data = src.path.read_bytes()
        except OSError as exc:
            self._fail(src.rel, "read", _os_message(exc), sha="", fmt=None)
            return None
        sha = hashlib.sha256(data).hexdigest()
        try:
            fmt = sniff(data, src.hints.format)
        except SniffError as exc:
            self.files["skipped"] += 1
            self.skipped.append({"path": src.rel, "reason": str(exc)})
            self.state[src.rel] = _FileState(sha, None, None, "skipped", str(exc))
            return None
        try:
            version = f"{extractor_version(fmt)}+normalise@{normalise_stage.VERSION}"
        except ImportError as exc:  # an installation problem: this format cannot be read
            self._fail(src.rel, "extract", f"no extractor for {fmt}: {exc}", sha=sha, fmt=fmt)
            return None
        before = self.prev_state.get(src.rel)
        if (
            before
            and before.sha256 == sha
            and before.extractor == version
            and not before.stale
            and before.status == "ok"
        ):
            self.files["unchanged"] += 1
            self.rows.extend(self.prev_by_file.get(src.rel, []))
            self.state[src.rel] = before
            return None
        self.state[src.rel] = _FileState(sha, version, fmt, "pending")
        return Document(path=src.rel, data=data, sha256=sha, format=fmt, hints=src.hints)

    def _absorb(self, outcome: Outcome, doc: Document) -> None:
        self.durations[doc.path] = outcome.seconds
        if outcome.error is not None:
            self._fail(doc.path, outcome.stage or "extract", outcome.error, doc.sha256, doc.format)
            return
        self.files["extracted"] += 1
        self.dropped.extend({"path": doc.path, "note": n} for n in outcome.notes or [])
        entry = self.state[doc.path]
        entry.status = "ok"
        entry.talk_ids = [r["talk_id"] for r in outcome.rows or []]
        self.rows.extend(outcome.rows or [])

    def _fail(self, path: str, stage: str, message: str, sha: str, fmt: str | None) -> None:
        """Record a failed file; keep its talks from the last good extraction, marked stale."""
        self.files["failed"] += 1
        self.errors.append({"path": path, "stage": stage, "error": message})
        before = self.prev_state.get(path)
        kept = self.prev_by_file.get(path, [])
        if before is not None and before.status == "ok" and kept:
            self.rows.extend(kept)
            self.stale.append(path)
            self.state[path] = _FileState(
                before.sha256,
                before.extractor,
                before.format,
                "ok",
                f"stale: {message}",
                True,
                before.talk_ids,
            )
        else:
            self.state[path] = _FileState(sha, None, fmt, "failed", message)


def _os_message(exc: OSError) -> str:
    return f"{exc.strerror}: {exc.filename}" if exc.strerror and exc.filename else str(exc)


def _changes(before: list[dict], after: list[dict]) -> dict[str, list[str]]:
    old = {r["talk_id"]: _content_hash(r) for r in before}
    new = {r["talk_id"]: _content_hash(r) for r in after}
    return {
        "added": sorted(set(new) - set(old)),
        "updated": sorted(t for t in set(new) & set(old) if new[t] != old[t]),
        "removed": sorted(set(old) - set(new)),
    }


def _publish(
    out: Path,
    run_id: str,
    good: list[dict],
    rejects: list[dict],
    state: dict[str, _FileState],
    changes: dict[str, list[str]],
    report: dict[str, Any],
    timings: Counter,
    t0: float,
) -> None:
    """Write the run folder, then swap ``current`` to it in one rename."""
    t = time.perf_counter()
    runs = out / ".runs"
    run_dir = runs / run_id
    run_dir.mkdir(parents=True, exist_ok=False)
    write_parquet(to_table(sort_rows(good)), run_dir / "talks.parquet")
    write_parquet(
        to_table(sort_rows(rejects), {"reasons": pa.list_(pa.string())}),
        run_dir / "rejects.parquet",
    )
    change_rows = [
        {"talk_id": tid, "change": kind, "run_id": run_id}
        for kind, ids in changes.items()
        for tid in ids
    ]
    change_table = pa.Table.from_pylist(
        change_rows,
        schema=pa.schema(
            [("talk_id", pa.string()), ("change", pa.string()), ("run_id", pa.string())]
        ),
    )
    write_parquet(change_table, run_dir / "changes.parquet")
    write_json(
        {
            "version": STATE_VERSION,
            "run_id": run_id,
            "files": {p: vars(s) for p, s in sorted(state.items())},
        },
        run_dir / "state.json",
    )
    timings["write"] += time.perf_counter() - t
    timings["total"] = time.perf_counter() - t0
    report["timings_s"] = {k: round(v, 3) for k, v in timings.items()}
    write_json(report, run_dir / "report.json")
    _fsync_dir(run_dir)

    link_tmp = out / f".current.{run_id}.tmp"
    if link_tmp.is_symlink():
        link_tmp.unlink()
    os.symlink(Path(".runs") / run_id, link_tmp)
    current = out / "current"
    if current.exists() and not current.is_symlink():
        raise UsageError(f"{current} exists and is not a link: not an output folder of ingest")
    os.replace(link_tmp, current)  # the publication step
    _fsync_dir(out)
    _finish(out, run_id)


def _finish(out: Path, run_id: str) -> None:
    """After publication: the stable top-level links, the change-list copy, old runs pruned."""
    for name in PUBLISHED:
        link = out / name
        if link.is_symlink() and os.readlink(link) == f"current/{name}":
            continue
        tmp = out / f".{name}.link.tmp"
        if tmp.is_symlink() or tmp.exists():
            tmp.unlink()
        os.symlink(f"current/{name}", tmp)
        os.replace(tmp, link)
    for leftover in out.glob(".current.*.tmp"):  # from runs killed before publishing
        leftover.unlink(missing_ok=True)
    changes_dir = out / "changes"
    changes_dir.mkdir(exist_ok=True)
    target = changes_dir / f"{run_id}.parquet"
    if not target.exists():
        shutil.copyfile(out / ".runs" / run_id / "changes.parquet", target)
    runs = sorted((out / ".runs").iterdir(), key=lambda p: p.name)
    keep = {p.name for p in runs[-KEEP_RUNS:]} | {run_id}
    for old in runs:
        if old.name not in keep:
            shutil.rmtree(old, ignore_errors=True)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _progress(total: int, enabled: bool | None):
    from tqdm import tqdm

    return tqdm(
        total=total,
        unit="file",
        desc="extract",
        disable=None if enabled is None else not enabled,
        leave=False,
    )
