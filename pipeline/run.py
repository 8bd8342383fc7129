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
The run's state (``pipeline/state.py``: ``state.sqlite``, with ``state.json`` as its
manifest) records, per file, the hash and extractor version its rows came from: a
file whose bytes and extractor are unchanged is not extracted again, and its rows are
carried over from the previous dataset as Arrow data, without being validated again
(they were when they were written). Only the rows extracted in this run are validated.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import stat
import sys
import time
import uuid
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from pipeline import gazetteer
from pipeline import state as state_store
from pipeline.discover import Refused, SourceFile, Unreadable, discover
from pipeline.errors import UsageError
from pipeline.extract import (
    FileTask,
    Outcome,
    os_message,
    run_isolated,
    sniff_version,
    version_of,
)
from pipeline.linking import LINK_COLUMNS, Published, publish_links
from pipeline.lock import Busy, locked
from pipeline.partition import (
    FILE_NAME,
    FOLDER_NAME,
    PARTITION_ROWS,
    choose_layout,
    dataset_path,
    read_table,
    write_talks,
)
from pipeline.state import FileState as _FileState
from pipeline.validate import duplicate_ids, validate_rows
from pipeline.write import (
    fsync_dir,
    sort_table,
    to_table,
    write_json,
    write_parquet,
)

KEEP_RUNS = 3
PUBLISHED = ("talks.parquet", "rejects.parquet", "report.json", "changes", "events.parquet",
             "people.parquet")
REJECT_EXTRA = {"reasons": pa.list_(pa.string())}
BATCH_ROWS = 5000  # rows of this run turned into Arrow data at a time
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


def _previous_table(path: Path, extra: dict[str, pa.DataType] | None = None) -> pa.Table:
    """A Parquet file (or a ``talks/`` folder) of the published run as Arrow data (empty,
    with the schema, if absent)."""
    schema = to_table([], extra).schema
    table = read_table(path) if path.is_dir() else pq.read_table(path) if path.exists() \
        else None
    if table is None:
        return schema.empty_table()
    return table.replace_schema_metadata(None).select(schema.names).cast(schema)


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
        self.scratch = out / f".state-{self.run_id}.migrated.tmp"
        self.prev_state = state_store.Previous.open(out / "current", self.scratch)
        self.prev_rejects = _previous_table(out / "current" / "rejects.parquet", REJECT_EXTRA)
        self.prev_reject_paths = set(self.prev_rejects.column("source_path").to_pylist())
        self.store = state_store.Store(out / f".state-{self.run_id}.sqlite.tmp")
        self.carried: set[str] = set()  # files whose previous rows are kept as they were
        self.tables: list[pa.Table] = []  # rows extracted in this run that passed validation
        self.pending: list[dict[str, Any]] = []  # more of them, not yet in ``tables``
        self.rejects: list[dict[str, Any]] = []  # rows extracted in this run that did not
        self.files = Counter(seen=0, extracted=0, unchanged=0, removed=0, failed=0, skipped=0)
        self.errors: list[dict[str, str]] = []
        self.skipped: list[dict[str, str]] = []
        self.empty: list[dict[str, str]] = []
        self.stale: list[str] = []
        self.state: dict[str, _FileState] = {}
        self.durations: dict[str, float] = {}
        self.dropped: list[dict[str, str]] = []
        self.doc_ids_used: set[str] = set()
        self.published_links: Published | None = None  # for an incremental relink
        self.gazetteer = gazetteer.Gazetteer()  # the run's places, made by ``_first_pass``
        self.prev_gazetteer = gazetteer.Cache({})
        self.gazetteer_cache = gazetteer.Cache({})

    def execute(self, inputs: list[Path]) -> RunResult:
        try:
            return self._execute(inputs)
        finally:
            self.prev_state.close()
            self.store.close()
            self.scratch.unlink(missing_ok=True)
            self.store.path.unlink(missing_ok=True)

    def _execute(self, inputs: list[Path]) -> RunResult:
        t = time.perf_counter()
        found = list(
            discover(inputs, exclude=[self.out], follow_outside=self.options.follow_links)
        )
        self.timings["discover"] += time.perf_counter() - t

        t = time.perf_counter()
        sources = [f for f in found if isinstance(f, SourceFile)]
        seen_paths = {f.rel for f in sources}
        prev_paths: list[str] = []
        gone: dict[str, str | None] = {}  # sha -> doc_id of last run's files whose path is gone
        for p, s in self.prev_state.items():
            prev_paths.append(p)
            if p not in seen_paths and s.doc_id and s.sha256:
                gone.setdefault(s.sha256, s.doc_id)
        for item in found:
            if isinstance(item, Refused):
                self._skip(item.rel, item.reason)
            elif isinstance(item, Unreadable):
                self._unreadable(item)
        self._first_pass(sources)
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
        good, rejects = self._assemble()
        changes = self.store.compare(self.prev_state)
        self.timings["assemble"] += time.perf_counter() - t

        removed_files = sorted(set(prev_paths) - set(self.state))
        self.files["removed"] = len(removed_files)
        by_path = sorted
        report = {
            "run_id": self.run_id,
            "started_at": self.started.isoformat(),
            "inputs": [str(p) for p in inputs],
            "files": dict(self.files),
            "talks": {
                "total": good.num_rows,
                "rejected": rejects.num_rows,
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

    def _assemble(self) -> tuple[pa.Table, pa.Table]:
        """The dataset and the rejects: rows carried over from the previous run (Arrow data,
        not validated again) and this run's valid rows; ids two files share separated, rows
        sharing an id rejected, both in the deterministic order."""
        self._flush()
        schema = to_table([]).schema
        carried_paths = pa.array(sorted(self.carried), pa.string())
        current = self.out / "current"
        prev = _previous_table(dataset_path(current) or current / FILE_NAME) if self.carried \
            else schema.empty_table()
        mask = pc.is_in(prev.column("source_path"), value_set=carried_paths)
        kept = prev if pc.all(mask).as_py() is not False else prev.filter(mask)  # no copy
        del mask  # when every earlier file is carried over (a re-run with nothing changed)
        n_kept = kept.num_rows
        table = pa.concat_tables([kept, *self.tables]) if self.tables else kept
        del kept
        self.tables = []
        was = table.column("talk_id").to_pylist()
        paths = table.column("source_path").to_pylist()
        ids = _separate_shared_ids(was, paths, self.state)
        dup = duplicate_ids(ids)
        table = table.set_column(0, "talk_id", pa.array(ids, pa.string()))
        if dup:  # every row holding an id another row holds too is rejected
            shared = pa.array([t in dup for t in ids])
            self.rejects.extend(
                dict(r, reasons=["talk_id: field_uniqueness"])
                for r in table.filter(shared).to_pylist()
            )
            table = table.filter(pc.invert(shared))
        self.store.talks(
            (tid, path, old, i < n_kept)
            for i, (tid, path, old) in enumerate(zip(ids, paths, was, strict=True))
            if tid not in dup
        )
        if n_kept:  # rows carried as published keep their links unless a change reaches them
            clean = pa.array(sorted(
                tid for tid, old in zip(ids[:n_kept], was[:n_kept], strict=True)
                if tid == old and tid not in dup
            ), pa.string())
            gone = pc.invert(pc.is_in(prev.column("talk_id"), value_set=clean))
            self.published_links = Published(
                current, clean, prev.select(list(LINK_COLUMNS)).filter(gone)
            )
        del was, paths, ids, prev
        good = sort_table(table.cast(schema))
        del table
        old_rejects = self.prev_rejects.filter(
            pc.is_in(self.prev_rejects.column("source_path"), value_set=carried_paths)
        )
        new_rejects = to_table(self.rejects, REJECT_EXTRA)
        self.rejects = []
        return good, sort_table(pa.concat_tables([old_rejects, new_rejects]))

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
            and before.status == "skipped"
            and before.extractor == sniff_version()
            and src.hints.format is None
        ):  # of no known format last time, and neither the bytes nor the sniffing changed
            self.state[src.rel] = replace(before, size=size, mtime_ns=info.st_mtime_ns)
            self._skip(src.rel, before.reason or "no known format", sha=sha)
            return None
        if (
            before
            and before.sha256 == sha
            and before.status == "ok"
            and not before.stale
            and before.format
            and src.hints.format in (None, before.format)
            and _version(before.format) == gazetteer.base_key(before.extractor)
            and gazetteer.rows_current(self.gazetteer, self.prev_gazetteer, src.path,
                                       before.extractor, self.options.max_bytes)
        ):
            self.files["unchanged"] += 1
            self.carried.add(src.rel)
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
            gazetteer=self.gazetteer,
        )

    def _first_pass(self, sources: list[SourceFile]) -> None:
        """The run's gazetteer of places (``pipeline.gazetteer``), before any extraction:
        contributions of unchanged files come from the previous run's cache."""
        t = time.perf_counter()
        self.prev_gazetteer = gazetteer.Cache.load(self.out / "current")
        seen = []
        for src in sources:
            before = self.prev_state.get(src.rel)
            try:
                info = os.stat(src.path)
            except OSError:
                continue  # ``_prepare`` reports it
            same = (before is not None and not self.options.rehash and before.sha256
                    and before.size == info.st_size and before.mtime_ns == info.st_mtime_ns)
            seen.append(gazetteer.Seen(src.rel, os.fspath(src.path),
                                       before.sha256 if same and before else None))
        self.gazetteer, self.gazetteer_cache = gazetteer.collect(
            seen, self.prev_gazetteer, self.options.max_bytes)
        self.timings["gazetteer"] += time.perf_counter() - t

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
        rows = outcome.rows or []
        entry.talk_ids = [r["talk_id"] for r in rows]
        if not rows:
            why = f"{len(notes)} records found, none a talk" if notes else "no talks found"
            self.empty.append({"path": path, "format": outcome.format or "", "reason": why})
            return
        t = time.perf_counter()
        good, bad = validate_rows(rows)
        self.rejects.extend(bad)
        if good:
            self.store.fresh(good)
            self.pending.extend(good)
            if len(self.pending) >= BATCH_ROWS:
                self._flush()
        self.timings["validate"] += time.perf_counter() - t

    def _flush(self) -> None:
        """The rows waiting as Python objects, as one Arrow table: a table per document
        would cost the allocator far more than its bytes (tens of thousands of small
        buffers), and rows as dicts cost about ten times their Arrow size."""
        if self.pending:
            self.tables.append(to_table(self.pending))
            self.pending = []

    def _skip(self, path: str, reason: str, sha: str = "") -> None:
        reason = _short(reason)
        self.files["skipped"] += 1
        self.skipped.append({"path": path, "reason": reason})
        if sha:  # its size and mtime kept: the next run need not read it to skip it again
            was = self.state.get(path)
            self.state[path] = _FileState(
                sha, sniff_version(), None, "skipped", reason, doc_id=was and was.doc_id,
                size=was and was.size, mtime_ns=was and was.mtime_ns,
            )
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
        self.carried.add(path)
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
        kept = self.prev_state.has_talks(path) or path in self.prev_reject_paths
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


def _separate_shared_ids(
    ids: list[str], paths: list[str], state: dict[str, _FileState]
) -> list[str]:
    """Two files whose talks got the same id (copies of one feed): the first file by path
    keeps the id, the others' ids are re-derived with their own document identity.
    Returns the ids, row by row."""
    owner: dict[str, str] = {}
    out = list(ids)
    for i in sorted(range(len(ids)), key=paths.__getitem__):
        tid, path = ids[i], paths[i]
        first = owner.setdefault(tid, path)
        if first != path:
            doc = state.get(path)
            salt = doc.doc_id if doc and doc.doc_id else path
            out[i] = hashlib.sha256(f"{tid}\x00{salt}".encode()).hexdigest()[:20]
    return out


CHANGE_SCHEMA = pa.schema(
    [("talk_id", pa.string()), ("change", pa.string()), ("run_id", pa.string())]
)


def _publish(
    run: _Run,
    good: pa.Table,
    rejects: pa.Table,
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
    # linking (event_id, person_id; events.parquet, people.parquet): only what this run's
    # changes can reach is linked again (pipeline/linking.py)
    good = publish_links(good, run_dir, run.published_links)
    run.published_links = None
    run.timings["link"] += time.perf_counter() - t
    t = time.perf_counter()
    layout = choose_layout(run.options.partition, good.num_rows, run.options.partition_rows)
    report["dataset"] = {"layout": layout, "files": write_talks(good, run_dir, layout)}
    write_parquet(rejects, run_dir / "rejects.parquet")
    change_rows = [
        {"talk_id": tid, "change": kind, "run_id": run_id}
        for kind, ids in changes.items()
        for tid in ids
    ]
    change_table = pa.Table.from_pylist(change_rows, schema=CHANGE_SCHEMA)
    write_parquet(change_table, run_dir / "changes.parquet")
    _carry_changes(out, run_dir)
    write_parquet(change_table, run_dir / "changes" / f"{run_id}.parquet")
    run.store.files(run.state)
    run.store.finish(run_dir / state_store.STORE)
    write_json(
        {"version": state_store.VERSION, "run_id": run_id, "store": state_store.STORE},
        run_dir / state_store.MANIFEST,
    )
    run.timings["write"] += time.perf_counter() - t
    run.timings["total"] = time.perf_counter() - run.t0
    report["timings_s"] = {k: round(v, 3) for k, v in run.timings.items()}
    write_json(report, run_dir / "report.json")
    write_json(run.gazetteer_cache.to_json(run.gazetteer.digest()), run_dir / gazetteer.FILE_NAME)
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
    for leftover in [*out.glob(".current.*.tmp"), *out.glob(".state-*.tmp")]:
        if run_id not in leftover.name:
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
