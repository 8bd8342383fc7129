"""The incremental state of a run: per file and per talk, in one SQLite file.

Why SQLite rather than the ``state.json`` of earlier versions: a JSON document must be
parsed whole and held in memory, and every run rewrote all of it; at hundreds of
thousands of files that is the parent's largest object. Here a run looks a file up by
path when it meets it, and the talks' content hashes (which say whether a re-extracted
talk was *updated*) are compared in SQL, never loaded.

Each published run folder holds::

    state.sqlite   files(path → hash, size, mtime, format, extractor, status, identity)
                   talks(talk_id → path, content hash)
    state.json     a small manifest: {"version": 3, "run_id": …, "store": "state.sqlite"}

The store of a run is written beside the run under a temporary name while it goes and
renamed into the run folder just before publication, so it is published with the
dataset by the one rename of ``current``, and a run killed half-way leaves the
published store untouched. A run folder of the JSON era (``state.json`` version 2) is
read once, converted into a temporary store, and the next published run has a real one.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from schemas.talk import COLUMN_NAMES

VERSION = 3
JSON_VERSION = 2  # the last state.json layout: still read, once, for migration
STORE = "state.sqlite"
MANIFEST = "state.json"
# Columns that say where a row came from, not what the talk is: a change in them alone
# (a file's bytes changed elsewhere, a re-extraction) is not an update of the talk. The
# id is left out too: hashes are compared for one id, and a carried row whose id had to
# be re-derived keeps the hash of its content. ``event_id`` is derived by linking across
# documents (``pipeline/linking.py``), not said by the talk's source.
PROVENANCE = ("talk_id", "source_path", "source_sha256", "extracted_at", "reasons", "event_id")
_CONTENT = tuple(c for c in COLUMN_NAMES if c not in PROVENANCE)

_SCHEMA = """
CREATE TABLE files (
    path TEXT PRIMARY KEY, sha256 TEXT NOT NULL, extractor TEXT, format TEXT,
    status TEXT NOT NULL, reason TEXT, stale INTEGER NOT NULL, doc_id TEXT,
    size INTEGER, mtime_ns INTEGER
);
CREATE TABLE talks (talk_id TEXT PRIMARY KEY, path TEXT NOT NULL, content TEXT);
CREATE INDEX talks_path ON talks (path);
CREATE TABLE fresh (path TEXT NOT NULL, talk_id TEXT NOT NULL, content TEXT NOT NULL);
CREATE TABLE carried (talk_id TEXT NOT NULL, path TEXT NOT NULL, was TEXT NOT NULL);
"""


@dataclass
class FileState:
    sha256: str
    extractor: str | None
    format: str | None
    status: str  # ok | failed | skipped | pending
    reason: str | None = None
    stale: bool = False
    talk_ids: list[str] = field(default_factory=list)  # of this run only: not stored
    doc_id: str | None = None  # the document's identity (see ``Document.doc_id``)
    size: int | None = None  # the file's size and mtime when it was hashed: unchanged,
    mtime_ns: int | None = None  # the hash is trusted without reading the file again


_FILE_COLUMNS = "path, sha256, extractor, format, status, reason, stale, doc_id, size, mtime_ns"


def _file_state(row: tuple) -> FileState:
    _path, sha, extractor, fmt, status, reason, stale, doc_id, size, mtime_ns = row
    return FileState(sha, extractor, fmt, status, reason, bool(stale), [], doc_id, size, mtime_ns)


def content_hash(row: dict[str, Any]) -> str:
    """The hash of what a talk says (its provenance and id aside), the same for a row
    fresh from a worker and for one read back from Parquet (speaker keys in one order,
    missing keys as null)."""
    body = []
    for name in _CONTENT:
        value = row.get(name)
        if name == "speakers" and value is not None:
            value = [[s.get("name"), s.get("affiliation"), s.get("role")] for s in value]
        body.append(value)
    return hashlib.sha256(json.dumps(body, default=str).encode()).hexdigest()


def _connect(path: Path, readonly: bool = False) -> sqlite3.Connection:
    if readonly:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    else:
        conn = sqlite3.connect(path)
        conn.execute("PRAGMA journal_mode=OFF")  # a store is written once, then renamed
        conn.execute("PRAGMA synchronous=OFF")  # fsynced by the publisher before the switch
    return conn


class Previous:
    """The state the published run left: looked up by path, never loaded whole."""

    def __init__(self, conn: sqlite3.Connection | None, path: Path | None = None) -> None:
        self._conn = conn
        self.path = path  # the store's file, for ``Store.compare`` (None: no previous run)

    @classmethod
    def empty(cls) -> Previous:
        return cls(None)

    @classmethod
    def open(cls, run_dir: Path, scratch: Path) -> Previous:
        """The state of ``run_dir`` (the published run): its store, or its ``state.json``
        converted into ``scratch`` (a temporary file the caller removes), or none."""
        manifest = run_dir / MANIFEST
        if not manifest.is_file():
            return cls.empty()
        data = json.loads(manifest.read_text(encoding="utf-8"))
        version = data.get("version")
        if version == VERSION and (run_dir / STORE).is_file():
            return cls(_connect(run_dir / STORE, readonly=True), run_dir / STORE)
        if version == JSON_VERSION:
            return cls(_migrate(data, run_dir, scratch), scratch)
        return cls.empty()

    def get(self, path: str) -> FileState | None:
        if self._conn is None:
            return None
        row = self._conn.execute(
            f"SELECT {_FILE_COLUMNS} FROM files WHERE path = ?", (path,)
        ).fetchone()
        return _file_state(row) if row else None

    def has_talks(self, path: str) -> bool:
        """Whether the previous dataset holds talks of ``path``."""
        if self._conn is None:
            return False
        row = self._conn.execute("SELECT 1 FROM talks WHERE path = ? LIMIT 1", (path,))
        return row.fetchone() is not None

    def items(self) -> Iterator[tuple[str, FileState]]:
        """Every file of the previous run, by path."""
        if self._conn is None:
            return
        for row in self._conn.execute(f"SELECT {_FILE_COLUMNS} FROM files ORDER BY path"):
            yield row[0], _file_state(row)

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None


def _migrate(data: dict[str, Any], run_dir: Path, scratch: Path) -> sqlite3.Connection:
    """A ``state.json`` (version 2) and its run's dataset as a store in ``scratch``."""
    from pipeline.write import read_rows

    scratch.unlink(missing_ok=True)
    conn = _connect(scratch)
    conn.executescript(_SCHEMA)
    keys = ("sha256", "extractor", "format", "status", "reason", "stale", "doc_id", "size",
            "mtime_ns")
    conn.executemany(
        f"INSERT INTO files ({_FILE_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?)",
        [(p, *(e.get(k) for k in keys)) for p, e in data.get("files", {}).items()],
    )
    conn.executemany(
        "INSERT OR REPLACE INTO talks (talk_id, path, content) VALUES (?,?,?)",
        ((r["talk_id"], r["source_path"], content_hash(r))
         for r in read_rows(run_dir / "talks.parquet")),
    )
    conn.commit()
    return conn


class Store:
    """The state this run writes, in a temporary file until ``finish`` moves it into the
    run folder."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.unlink(missing_ok=True)
        self._conn = _connect(path)
        self._conn.executescript(_SCHEMA)

    def fresh(self, rows: Iterable[dict[str, Any]]) -> None:
        """The content hashes of rows extracted in this run (keyed by path and the id the
        worker gave them)."""
        self._conn.executemany(
            "INSERT INTO fresh (path, talk_id, content) VALUES (?,?,?)",
            ((r["source_path"], r["talk_id"], content_hash(r)) for r in rows),
        )

    def talks(self, final: Iterable[tuple[str, str, str, bool]]) -> None:
        """The dataset's talks: (id, path, id before this run's re-derivation, carried over).

        A fresh talk's hash comes from ``fresh``; a carried one's from the previous store
        (``compare`` attaches it), under the id it had there.
        """
        fresh, carried = [], []
        for tid, path, was, is_carried in final:
            (carried if is_carried else fresh).append((tid, path, was))
        self._conn.execute("CREATE INDEX fresh_key ON fresh (path, talk_id)")
        self._conn.executemany(
            "INSERT INTO talks (talk_id, path, content) SELECT ?, ?, content FROM fresh "
            "WHERE path = ? AND talk_id = ?",
            ((tid, path, path, was) for tid, path, was in fresh),
        )
        self._conn.executemany(
            "INSERT INTO carried (talk_id, path, was) VALUES (?,?,?)", carried
        )

    def compare(self, previous: Previous) -> dict[str, list[str]]:
        """Talk ids added, updated (their content changed), removed since ``previous``;
        carried talks take their hashes from it on the way."""
        conn = self._conn
        if previous.path is not None:
            conn.execute("ATTACH DATABASE ? AS prev", (f"{previous.path.resolve().as_uri()}"
                                                      "?mode=ro",))
            prev = "prev.talks"
        else:
            conn.execute("CREATE TEMP TABLE no_talks (talk_id TEXT PRIMARY KEY, content TEXT)")
            prev = "no_talks"
        conn.execute(
            "INSERT INTO talks (talk_id, path, content) SELECT c.talk_id, c.path, "
            f"(SELECT p.content FROM {prev} p WHERE p.talk_id = c.was) FROM carried c"
        )
        changes = {
            "added": [r[0] for r in conn.execute(
                f"SELECT talk_id FROM talks WHERE talk_id NOT IN (SELECT talk_id FROM {prev}) "
                "ORDER BY talk_id")],
            "updated": [r[0] for r in conn.execute(
                f"SELECT t.talk_id FROM talks t JOIN {prev} p ON p.talk_id = t.talk_id "
                "WHERE t.content IS NOT p.content ORDER BY t.talk_id")],
            "removed": [r[0] for r in conn.execute(
                f"SELECT talk_id FROM {prev} WHERE talk_id NOT IN (SELECT talk_id FROM talks) "
                "ORDER BY talk_id")],
        }
        conn.commit()
        if previous.path is not None:
            conn.execute("DETACH DATABASE prev")
        return changes

    def files(self, state: dict[str, FileState]) -> None:
        self._conn.executemany(
            f"INSERT INTO files ({_FILE_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?)",
            ((p, s.sha256, s.extractor, s.format, s.status, s.reason, int(s.stale), s.doc_id,
              s.size, s.mtime_ns) for p, s in sorted(state.items())),
        )

    def finish(self, dest: Path) -> None:
        """Drop the scratch tables, flush, and move the store to ``dest``."""
        self._conn.executescript("DROP TABLE fresh; DROP TABLE carried;")
        self._conn.commit()
        self._conn.close()
        with open(self.path, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(self.path, dest)

    def close(self) -> None:
        self._conn.close()
