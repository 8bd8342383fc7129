"""One ingest run: discover → sniff → extract → normalise → validate → write, incrementally.

The output folder holds one published run at a time::

    OUT/current -> .runs/<run id>/      (swapped by one atomic rename)
    OUT/talks.parquet   -> current/talks.parquet
    OUT/talks           -> current/talks        (a large dataset: a folder of Parquet files)
    OUT/rejects.parquet -> current/rejects.parquet
    OUT/report.json     -> current/report.json
    OUT/changes -> current/changes      (one change list per run, for downstream jobs)

A run writes everything into a fresh ``.runs/<run id>/`` (dataset, rejects,
report, state, and ``changes/`` holding every run's change list: earlier ones
hard-linked forward, this one new) and publishes it by renaming a new ``current``
link over the old one, so dataset, report, state and change lists change together;
a run killed at any moment leaves the previous run published, whole. What follows
the switch (pruning old runs) can fail without un-publishing anything.
``state.json`` in the run folder records, per file, the hash and extractor version
its rows came from: a file whose bytes and extractor are unchanged is not
extracted again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import stat
import sys
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pyarrow as pa

from pipeline.discover import Refused, SourceFile, Unreadable, discover
from pipeline.errors import UsageError
from pipeline.extract import FileTask, Outcome, os_message, run_isolated, version_of
from pipeline.linking import publish_links, strip_links
from pipeline.lock import Busy, locked
from pipeline.partition import FOLDER_NAME, PARTITION_ROWS, choose_layout, read_talks, write_talks
from pipeline.validate import validate
from pipeline.write import (
    fsync_dir,
    read_rows,
    sort_rows,
    to_table,
    write_json,
    write_parquet,
)

STATE_VERSION = 2
KEEP_RUNS = 3
PUBLISHED = ("talks.parquet", "rejects.parquet", "report.json", "changes", "events.parquet",
             "people.parquet")
# Columns that say where a row came from, not what the talk is: a change in them alone
# (a file's bytes changed elsewhere, a re-extraction) is not an update of the talk.
PROVENANCE = ("source_path", "source_sha256", "extracted_at", "reasons")
__all__ = ["Busy", "Options", "RunResult", "Interrupted", "ingest", "ingest_locked"]


@dataclass
class Options:
    jobs: int = min(os.cpu_count() or 1, 4)
    timeout: float = 60.0
    max_bytes: int = 50 * 1024 * 1024
    memory_bytes: int = 2 * 1024**3
    wait: bool = False
    progress: bool | None = None  # None: only on a terminal
    follow_links: bool = False  # follow symlinks whose target is outside the input root
    rehash: bool = False  # hash every file, even one whose size and mtime are unchanged
    partition: str = "auto"  # dataset layout: auto | file | year | series (pipeline.partition)
    partition_rows: int = PARTITION_ROWS  # ``auto`` partitions by year past this many rows
    scheduler: str | None = None  # a Dask scheduler address or "local" (pipeline.cluster)


@dataclass
class RunResult:
    report: dict[str, Any]
    out: Path
    cleanup_error: str | None = None  # after publication: what could not be tidied

    @property
    def exit_code(self) -> int:
        return 3 if self.report["files"]["failed"] else 0


class Interrupted(Exception):  # noqa: N818 - it is the event, not an error of the input
    """The run was interrupted (Ctrl-C, SIGTERM); ``published`` says whether its dataset
    was already published when it happened."""

    def __init__(self, published: bool, run_id: str) -> None:
        super().__init__("interrupted")
        self.published = published
        self.run_id = run_id


@dataclass
class _FileState:
    sha256: str
    extractor: str | None
    format: str | None
    status: str  # ok | failed | skipped
    reason: str | None = None
    stale: bool = False
    talk_ids: list[str] = field(default_factory=list)
    doc_id: str | None = None  # the document's identity (see ``Document.doc_id``)
    size: int | None = None  # the file's size and mtime when it was hashed: unchanged,
    mtime_ns: int | None = None  # the hash is trusted without reading the file again


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
    rows = [strip_links(r) for r in read_talks(current)]
    return state, rows, [strip_links(r) for r in read_rows(current / "rejects.parquet")]


def _content_hash(row: dict[str, Any]) -> str:
    body = {k: v for k, v in row.items() if k not in PROVENANCE}
    return hashlib.sha256(json.dumps(body, sort_keys=True, default=str).encode()).hexdigest()


def _file_sha256(path: Path) -> str:
    """The hash of a file's bytes, read in chunks: the parent never holds a document."""
    with open(path, "rb", buffering=0) as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()


def ingest(inputs: list[Path], out: Path, options: Options | None = None) -> RunResult:
    """Run the pipeline over ``inputs`` and publish the dataset in ``out``."""
    options = options or Options()
    for root in inputs:
        if not os.path.lexists(root):
            raise UsageError(f"{root}: no such file or folder")
    with locked(out, options.wait):
        return ingest_locked(inputs, out, options)


def ingest_locked(inputs: list[Path], out: Path, options: Options) -> RunResult:
    """``ingest`` for a caller that already holds ``out``'s lock."""
    run = _Run(out, options)
    try:
        return run.execute(inputs)
    except KeyboardInterrupt as exc:
        raise Interrupted(run.published, run.run_id) from exc


class _Run:
    """The mutable bookkeeping of one run: what each file gave, and why."""

    def __init__(self, out: Path, options: Options) -> None:
        self.out = out
        self.options = options
        self.published = False
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
        self.empty: list[dict[str, str]] = []
        self.stale: list[str] = []
        self.state: dict[str, _FileState] = {}
        self.rows: list[dict[str, Any]] = []
        self.durations: dict[str, float] = {}
        self.dropped: list[dict[str, str]] = []
        self.doc_ids_used: set[str] = set()

    def execute(self, inputs: list[Path]) -> RunResult:
        t = time.perf_counter()
        found = list(
            discover(inputs, exclude=[self.out], follow_outside=self.options.follow_links)
        )
        self.timings["discover"] += time.perf_counter() - t

        t = time.perf_counter()
        sources = [f for f in found if isinstance(f, SourceFile)]
        seen_paths = {f.rel for f in sources}
        gone = {  # sha -> doc_id of files of the last run whose path is gone (renamed, moved)
            s.sha256: s.doc_id for p, s in sorted(self.prev_state.items())
            if p not in seen_paths and s.doc_id and s.sha256
        }
        for item in found:
            if isinstance(item, Refused):
                self._skip(item.rel, item.reason)
            elif isinstance(item, Unreadable):
                self._unreadable(item)
        todo = [task for src in sources if (task := self._prepare(src, gone)) is not None]
        self.timings["hash"] += time.perf_counter() - t

        t = time.perf_counter()
        progress = _progress(len(todo), self.options.progress)
        jobs = self.options.jobs if len(todo) > 1 else min(self.options.jobs, 1)
        engine = run_isolated
        if self.options.scheduler and todo:  # nothing to extract: no cluster needed
            from pipeline.cluster import on_cluster

            engine = on_cluster(self.options.scheduler)
        outcomes = engine(
            todo,
            jobs=jobs,
            timeout=self.options.timeout,
            memory_bytes=self.options.memory_bytes,
            on_done=lambda _o: progress.update(1),
        )
        try:
            for outcome in outcomes:
                self._absorb(outcome)
        finally:  # an interrupt between two outcomes still stops every worker at once
            outcomes.close()
            progress.close()
        self.timings["extract_normalise"] += time.perf_counter() - t

        t = time.perf_counter()
        _separate_shared_ids(self.rows, self.state)
        good, rejects = validate(self.rows)
        self.timings["validate"] += time.perf_counter() - t

        removed_files = sorted(set(self.prev_state) - set(self.state))
        self.files["removed"] = len(removed_files)
        changes = _changes(self.prev_rows, good)
        by_path = sorted
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
            "errors": by_path(self.errors, key=lambda e: e["path"]),
            "skipped": by_path(self.skipped, key=lambda e: e["path"]),
            "empty": by_path(self.empty, key=lambda e: e["path"]),
            "stale": sorted(self.stale),
            "removed_files": removed_files,
            "dropped_records": by_path(self.dropped, key=lambda e: e["path"]),
            "slowest_files": [
                {"path": p, "seconds": round(sec, 3)}
                for p, sec in sorted(self.durations.items(), key=lambda kv: -kv[1])[:5]
            ],
            "timings_s": {},
        }
        cleanup = _publish(self, good, rejects, changes, report)
        if cleanup:
            print(f"talks: warning: run {self.run_id} is published; {cleanup}", file=sys.stderr)
        return RunResult(report, self.out, cleanup)

    def _doc_id(self, rel: str, sha: str, gone: dict[str, str | None]) -> str:
        """The document identity of the file at ``rel`` (see ``Document.doc_id``)."""
        before = self.prev_state.get(rel)
        doc_id = before.doc_id if before and before.doc_id else gone.pop(sha, None) or sha
        if doc_id in self.doc_ids_used:  # a second copy of the same bytes: its own identity
            doc_id = hashlib.sha256(f"{sha}\x00{rel}".encode()).hexdigest()
        self.doc_ids_used.add(doc_id)
        return doc_id

    def _prepare(self, src: SourceFile, gone: dict[str, str | None]) -> FileTask | None:
        """Check and hash one file; reuse its previous rows when nothing changed.

        Returns the task to extract, or None when the file is settled here. The bytes
        are hashed in chunks and read again by the worker that extracts them.
        """
        self.files["seen"] += 1
        try:
            info = os.stat(src.path)
            if not stat.S_ISREG(info.st_mode):
                raise OSError(f"not a regular file: {src.rel}")
            size = info.st_size
            if size > self.options.max_bytes:
                raise OSError(f"file is {size} bytes, over the {self.options.max_bytes} byte limit")
            before = self.prev_state.get(src.rel)
            if before and not self.options.rehash and before.size == size \
                    and before.mtime_ns == info.st_mtime_ns and before.sha256:
                sha = before.sha256  # not read at all: same size and mtime as when hashed
            else:
                sha = _file_sha256(src.path)
        except OSError as exc:
            self._fail(src.rel, "read", os_message(exc), sha="", fmt=None)
            return None
        doc_id = self._doc_id(src.rel, sha, gone)
        if (
            before
            and before.sha256 == sha
            and before.status == "ok"
            and not before.stale
            and before.format
            and src.hints.format in (None, before.format)
            and _version(before.format) == before.extractor
        ):
            self.files["unchanged"] += 1
            self.rows.extend(self.prev_by_file.get(src.rel, []))
            self.state[src.rel] = replace(before, size=size, mtime_ns=info.st_mtime_ns)
            return None
        self.state[src.rel] = _FileState(sha, None, None, "pending", doc_id=doc_id, size=size,
                                         mtime_ns=info.st_mtime_ns)
        return FileTask(
            path=os.fspath(src.path),
            rel=src.rel,
            hints=src.hints,
            max_bytes=self.options.max_bytes,
            extracted_at=self.started,
            doc_id=doc_id,
        )

    def _absorb(self, outcome: Outcome) -> None:
        path = outcome.path
        entry = self.state[path]
        self.durations[path] = outcome.seconds
        if outcome.skipped is not None:
            self._skip(path, outcome.skipped, sha=outcome.sha256 or entry.sha256)
            return
        if outcome.error is not None:
            sha = outcome.sha256 or entry.sha256
            self._fail(path, outcome.stage or "extract", outcome.error, sha, outcome.format)
            return
        self.files["extracted"] += 1
        notes = outcome.notes or []
        self.dropped.extend({"path": path, "note": n} for n in notes)
        entry.sha256 = outcome.sha256 or entry.sha256
        entry.extractor, entry.format = outcome.version, outcome.format
        entry.status = "ok"
        entry.talk_ids = [r["talk_id"] for r in outcome.rows or []]
        if not outcome.rows:
            why = f"{len(notes)} records found, none a talk" if notes else "no talks found"
            self.empty.append({"path": path, "format": outcome.format or "", "reason": why})
        self.rows.extend(outcome.rows or [])

    def _skip(self, path: str, reason: str, sha: str = "") -> None:
        reason = _short(reason)
        self.files["skipped"] += 1
        self.skipped.append({"path": path, "reason": reason})
        if sha:
            self.state[path] = _FileState(sha, None, None, "skipped", reason)
        else:
            self.state.pop(path, None)

    def _unreadable(self, item: Unreadable) -> None:
        """A folder that could not be listed: an error, and the talks of the files the last
        run found under it are kept (stale), not removed."""
        self.files["failed"] += 1
        self.errors.append({"path": item.rel or ".", "stage": "discover", "error": item.reason})
        prefix = f"{item.rel}/" if item.rel else ""
        for path, before in self.prev_state.items():
            if path.startswith(prefix) and path not in self.state and before.status == "ok":
                self._keep_stale(path, before, item.reason)

    def _keep_stale(self, path: str, before: _FileState, message: str) -> None:
        self.rows.extend(self.prev_by_file.get(path, []))
        self.stale.append(path)
        self.state[path] = _FileState(
            before.sha256, before.extractor, before.format, "ok", f"stale: {message}", True,
            before.talk_ids, before.doc_id,
        )

    def _fail(self, path: str, stage: str, message: str, sha: str, fmt: str | None) -> None:
        """Record a failed file; keep its talks from the last good extraction, marked stale."""
        message = _short(message)
        self.files["failed"] += 1
        self.errors.append({"path": path, "stage": stage, "error": message})
        before = self.prev_state.get(path)
        kept = self.prev_by_file.get(path, [])
        doc_id = self.state[path].doc_id if path in self.state else None
        if before is not None and before.status == "ok" and kept:
            self._keep_stale(path, before, message)
        else:
            self.state[path] = _FileState(sha, None, fmt, "failed", message, doc_id=doc_id)


def _short(message: str, limit: int = 500) -> str:
    """One error in at most ``limit`` characters: a library may quote a whole 20,000
    character line of the input back, which helps nobody in a report or a terminal."""
    message = " ".join(message.split())
    return message if len(message) <= limit else message[: limit - 1] + "…"


def _version(fmt: str) -> str | None:
    try:
        return version_of(fmt)
    except (ImportError, KeyError):
        return None


def _separate_shared_ids(rows: list[dict[str, Any]], state: dict[str, _FileState]) -> None:
    """Two files whose talks got the same id (copies of one feed): the first file by path
    keeps the id, the others' ids are re-derived with their own document identity."""
    owner: dict[str, str] = {}
    for row in sorted(rows, key=lambda r: r["source_path"]):
        first = owner.setdefault(row["talk_id"], row["source_path"])
        if first != row["source_path"]:
            doc = state.get(row["source_path"])
            salt = doc.doc_id if doc and doc.doc_id else row["source_path"]
            row["talk_id"] = hashlib.sha256(f"{row['talk_id']}\x00{salt}".encode()).hexdigest()[:20]


def _changes(before: list[dict], after: list[dict]) -> dict[str, list[str]]:
    """Talk ids added, updated (their content changed, not only their provenance), removed."""
    old = {r["talk_id"]: _content_hash(r) for r in before}
    new = {r["talk_id"]: _content_hash(r) for r in after}
    return {
        "added": sorted(set(new) - set(old)),
        "updated": sorted(t for t in set(new) & set(old) if new[t] != old[t]),
        "removed": sorted(set(old) - set(new)),
    }


CHANGE_SCHEMA = pa.schema(
    [("talk_id", pa.string()), ("change", pa.string()), ("run_id", pa.string())]
)


def _publish(
    run: _Run,
    good: list[dict],
    rejects: list[dict],
    changes: dict[str, list[str]],
    report: dict[str, Any],
) -> str | None:
    """Write the whole run folder, then publish it with one rename of ``current``.

    Everything a reader or the next run needs (dataset, rejects, report, state, the
    change lists) is inside the run folder before the switch, so a kill or a full disk
    before it leaves the previous run published and whole, and one after it leaves this
    run published and whole. Returns what could not be tidied after the switch (old
    runs not pruned), which is worth a warning but does not un-publish anything.
    """
    out, run_id, t = run.out, run.run_id, time.perf_counter()
    run_dir = out / ".runs" / run_id
    run_dir.mkdir(parents=True, exist_ok=False)
    publish_links(good, run_dir)  # event_id, person_id; events.parquet, people.parquet
    run.timings["link"] += time.perf_counter() - t
    t = time.perf_counter()
    layout = choose_layout(run.options.partition, len(good), run.options.partition_rows)
    report["dataset"] = {"layout": layout, "files": write_talks(good, run_dir, layout)}
    write_parquet(
        to_table(sort_rows(rejects), {"reasons": pa.list_(pa.string())}),
        run_dir / "rejects.parquet",
    )
    change_rows = [
        {"talk_id": tid, "change": kind, "run_id": run_id}
        for kind, ids in changes.items()
        for tid in ids
    ]
    change_table = pa.Table.from_pylist(change_rows, schema=CHANGE_SCHEMA)
    write_parquet(change_table, run_dir / "changes.parquet")
    _carry_changes(out, run_dir)
    write_parquet(change_table, run_dir / "changes" / f"{run_id}.parquet")
    write_json(
        {
            "version": STATE_VERSION,
            "run_id": run_id,
            "files": {p: vars(s) for p, s in sorted(run.state.items())},
        },
        run_dir / "state.json",
    )
    run.timings["write"] += time.perf_counter() - t
    run.timings["total"] = time.perf_counter() - run.t0
    report["timings_s"] = {k: round(v, 3) for k, v in run.timings.items()}
    write_json(report, run_dir / "report.json")
    fsync_dir(run_dir / "changes")
    fsync_dir(run_dir)

    current = out / "current"
    if os.path.lexists(current) and not current.is_symlink():
        raise UsageError(f"{current} exists and is not a link: not an output folder of ingest")
    _stable_links(out, (FOLDER_NAME,) if layout != "file" else ())
    link_tmp = out / f".current.{run_id}.tmp"
    if os.path.lexists(link_tmp):
        link_tmp.unlink()
    os.symlink(Path(".runs") / run_id, link_tmp)
    os.replace(link_tmp, current)  # the publication step
    run.published = True
    try:
        fsync_dir(out)
        _finish(out, run_id)
    except OSError as exc:
        return f"tidying up after it failed: {os_message(exc)}"
    return None


def _carry_changes(out: Path, run_dir: Path) -> None:
    """Every earlier run's change list into ``run_dir/changes/`` (hard links: no copy, and
    atomic), from the published run and from a pre-link ``OUT/changes`` folder."""
    target = run_dir / "changes"
    target.mkdir(exist_ok=True)
    sources = [out / "current" / "changes"]
    changes = out / "changes"
    if changes.is_dir() and not changes.is_symlink():
        sources.append(changes)  # the layout before change lists lived in the run folder
    sources.extend(sorted(out.glob(".changes.legacy-*")))
    for folder in sources:
        if not folder.is_dir():
            continue
        for old in sorted(folder.glob("*.parquet")):
            dest = target / old.name
            if dest.exists():
                continue
            try:
                os.link(old, dest)
            except OSError:  # another file system, or links not allowed: copy, atomically
                tmp = target / f".{old.name}.tmp"
                shutil.copyfile(old, tmp)
                os.replace(tmp, dest)


def _stable_links(out: Path, extra: tuple[str, ...] = ()) -> None:
    """``OUT/talks.parquet`` → ``current/talks.parquet`` and the like: made once, before the
    first switch, so publication itself is the one rename of ``current``.

    ``OUT/talks`` → ``current/talks`` is made by the first partitioned run (``extra``); from
    then on both links stay, and the one whose target the published run lacks dangles."""
    for name in PUBLISHED + extra:
        link = out / name
        if link.is_symlink() and os.readlink(link) == f"current/{name}":
            continue
        if name == "changes" and link.is_dir() and not link.is_symlink():
            # the old layout: its lists are now in the run folder; move it aside first
            link.rename(out / f".changes.legacy-{uuid.uuid4().hex[:8]}")
        tmp = out / f".{name}.link.tmp"
        if os.path.lexists(tmp):
            tmp.unlink()
        os.symlink(f"current/{name}", tmp)
        os.replace(tmp, link)


def _finish(out: Path, run_id: str) -> None:
    """After publication: leftovers of killed runs removed, old runs pruned.

    Kept: the published run and the ``KEEP_RUNS - 1`` newest whole runs before it; a
    run folder newer than the published one was never published (its run was killed),
    nor was one without its report (killed while writing it).
    """
    for leftover in out.glob(".current.*.tmp"):
        leftover.unlink(missing_ok=True)
    for legacy in out.glob(".changes.legacy-*"):
        shutil.rmtree(legacy, ignore_errors=True)
    runs = sorted((p for p in (out / ".runs").iterdir() if p.is_dir()), key=lambda p: p.name)
    for partial in [p for p in runs if p.name != run_id and not (p / "report.json").exists()]:
        shutil.rmtree(partial, ignore_errors=True)  # a run killed while writing its folder
        runs.remove(partial)
    older = [p for p in runs if p.name < run_id]
    keep = {p.name for p in older[-(KEEP_RUNS - 1):]} | {run_id}
    for old in runs:
        if old.name not in keep:
            shutil.rmtree(old, ignore_errors=True)


def _progress(total: int, enabled: bool | None):
    from tqdm import tqdm

    return tqdm(
        total=total,
        unit="file",
        desc="extract",
        disable=None if enabled is None else not enabled,
        leave=False,
    )
