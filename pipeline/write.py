"""Stage 6, write: rows to Parquet with exactly the contract's Arrow types, atomically.

Files are written beside their destination under a temporary name, flushed to
disk and renamed into place, so a reader never sees a partial file.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from schemas.talk import COLUMN_NAMES, arrow_schema

_FAR_FUTURE = dt.datetime.max.replace(tzinfo=dt.UTC)


def sort_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Deterministic order: by file, then start, date, id (undated talks last in a file)."""
    return sorted(
        rows,
        key=lambda r: (
            r["source_path"],
            r.get("start") or _FAR_FUTURE,
            r.get("date") or dt.date.max,
            r["talk_id"],
        ),
    )


def sort_table(table: pa.Table) -> pa.Table:
    """``table`` in the order of ``sort_rows``: by file, start, date, id, nulls last."""
    if table.num_rows < 2:
        return table
    names = ("source_path", "start", "date", "talk_id")
    if _PER_KEY_NULLS:
        keys = [(name, "ascending", "at_end") for name in names]
        return table.take(pc.sort_indices(table, sort_keys=keys))
    keys = [(name, "ascending") for name in names]
    return table.take(pc.sort_indices(table, sort_keys=keys, null_placement="at_end"))


# pyarrow 25 moved null placement into each sort key (the option for all keys is deprecated)
_PER_KEY_NULLS = int(pa.__version__.split(".")[0]) >= 25


def to_table(rows: list[dict[str, Any]], extra: dict[str, pa.DataType] | None = None) -> pa.Table:
    """An Arrow table of ``rows`` with the contract schema (plus ``extra`` columns)."""
    schema = arrow_schema()
    for name, typ in (extra or {}).items():
        schema = schema.append(pa.field(name, typ))
    names = list(COLUMN_NAMES) + list(extra or {})
    columns = {name: [row.get(name) for row in rows] for name in names}
    return pa.Table.from_pydict(columns, schema=schema)


def _umask() -> int:
    """The process's umask (read without changing it where /proc tells it)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _atomic(path: Path, write: Callable[[str], None]) -> None:
    """Write through a temporary file that is fsynced and renamed over ``path``.

    ``mkstemp`` makes the file 0600; a published dataset is for its readers, so it
    gets the mode an ordinary new file would get under the process's umask.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        write(tmp)
        os.chmod(tmp, 0o666 & ~_umask())
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


ROW_GROUP = 50_000  # rows per row group: a reader (or a writer) holds one group at a time


def write_parquet(table: pa.Table, path: Path, row_group: int = ROW_GROUP) -> None:
    """Write ``table`` to ``path`` atomically, ``row_group`` rows at a time."""

    def write(tmp: str) -> None:
        with pq.ParquetWriter(tmp, table.schema, compression="zstd") as writer:
            for batch in table.to_batches(max_chunksize=row_group):
                writer.write_batch(batch, row_group_size=row_group)
            if table.num_rows == 0:
                writer.write_table(table)

    _atomic(path, write)


def write_json(data: Any, path: Path) -> None:
    """Write ``data`` as indented JSON to ``path`` atomically."""

    def dump(tmp: str) -> None:
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(data, fh, indent=2, ensure_ascii=False, default=str)
            fh.write("\n")

    _atomic(path, dump)


def write_text(text: str, path: Path) -> None:
    """Write ``text`` (UTF-8) to ``path`` atomically, with the umask's mode: a page
    published for readers (the report) is readable by them as the dataset is."""

    def dump(tmp: str) -> None:
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write(text)

    _atomic(path, dump)


def fsync_dir(path: Path) -> None:
    """Flush a folder's entries (the renames into it) to disk."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def read_rows(path: Path) -> list[dict[str, Any]]:
    """Rows of a Parquet file written by ``write_parquet`` (Python objects, UTC-aware)."""
    if not path.exists():
        return []
    return pq.read_table(path).to_pylist()
