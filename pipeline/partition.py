"""The dataset's layout on disk: one ``talks.parquet``, or a ``talks/`` folder of Parquet files.

Why a folder at all: a single file of millions of rows is slow to open for a reader that
wants one year, and one writer must hold a whole row group of it at a time. Past
``PARTITION_ROWS`` rows (or when asked with ``--partition year|series``) the dataset is
written as ``talks/`` holding only Parquet files, one or more per partition key::

    talks/year-2019-000.parquet
    talks/year-2020-000.parquet
    talks/year-unknown-000.parquet          (talks with no date)

    talks/series-physics-ml-3f2a9c1d-000.parquet
    talks/series-none-000.parquet           (talks with no series)

The key is in the file name, not in a ``key=value`` folder: hive-style folders would make
pandas and pyarrow add a partition column (and ``series=…`` would clash with the real
``series`` column), while flat files with the contract's schema read as one dataset in
pandas (``read_parquet(folder)``), Polars and DuckDB (``talks/*.parquet``) and Spark alike.
Every file has exactly the contract's Arrow schema, rows in the dataset's deterministic
order, and at most ``FILE_ROWS`` rows. The folder is written inside the run folder and
published with it by the one rename of ``current``, so it is as atomic as the single file.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.errors import UsageError
from pipeline.write import fsync_dir, read_rows, sort_table, to_table, write_parquet

FILE_NAME = "talks.parquet"
FOLDER_NAME = "talks"
LAYOUTS = ("auto", "file", "year", "series")
# ``auto`` partitions by year past this many rows. Rows are chosen over bytes because the
# count is known before writing; rows like the sample's take about 120 MB of Arrow memory at
# this count (more with long abstracts), where one file stops being the convenient unit.
PARTITION_ROWS = 250_000
FILE_ROWS = 100_000  # rows per file inside a partition (bounds every file's size)

_SLUG = re.compile(r"[^a-z0-9]+")


def choose_layout(requested: str, rows: int, threshold: int = PARTITION_ROWS) -> str:
    """``file``, ``year`` or ``series``: what ``requested`` means for ``rows`` rows."""
    if requested not in LAYOUTS:
        raise UsageError(f"--partition must be one of {', '.join(LAYOUTS)}, not {requested!r}")
    if requested != "auto":
        return requested
    return "year" if rows > threshold else "file"


def partition_key(row: dict[str, Any], layout: str) -> str:
    """The file-name stem of the partition ``row`` belongs to under ``layout``."""
    if layout == "year":
        date = row.get("date")
        return f"year-{date.year:04d}" if date is not None else "year-unknown"
    if layout == "series":
        series = row.get("series")
        if not series:
            return "series-none"
        # the slug keeps names readable, the hash keeps two series that slug alike apart
        slug = _SLUG.sub("-", series.casefold()).strip("-")[:40].strip("-") or "x"
        digest = hashlib.sha256(series.encode("utf-8")).hexdigest()[:8]
        return f"series-{slug}-{digest}"
    raise ValueError(f"not a partitioned layout: {layout!r}")


def _chunks(table: pa.Table, layout: str) -> Iterator[tuple[str, pa.Table]]:
    """(file name, rows) per output file, rows in the dataset's order within each."""
    table = sort_table(table)
    groups: dict[str, list[int]] = {}
    keyed = zip(table.column("date").to_pylist(), table.column("series").to_pylist(),
                strict=True)
    for i, (date, series) in enumerate(keyed):
        groups.setdefault(partition_key({"date": date, "series": series}, layout), []).append(i)
    if not groups:  # an empty dataset is still one readable file with the schema
        groups[partition_key({}, layout)] = []
    for key in sorted(groups):
        part = groups[key]
        for n, start in enumerate(range(0, max(len(part), 1), FILE_ROWS)):
            rows = pa.array(part[start:start + FILE_ROWS], pa.int64())
            yield f"{key}-{n:03d}.parquet", table.take(rows)


def write_talks(rows: pa.Table | list[dict[str, Any]], run_dir: Path, layout: str) -> int:
    """Write the dataset (Arrow data, or rows) into ``run_dir`` as ``layout``; returns the
    number of files."""
    table = rows if isinstance(rows, pa.Table) else to_table(rows)
    if layout == "file":
        write_parquet(sort_table(table), run_dir / FILE_NAME)
        return 1
    folder = run_dir / FOLDER_NAME
    folder.mkdir()
    count = 0
    for name, chunk in _chunks(table, layout):
        write_parquet(chunk, folder / name)
        count += 1
    fsync_dir(folder)
    return count


def dataset_path(run_dir: Path) -> Path | None:
    """The dataset of a run folder: its ``talks.parquet`` or ``talks/`` (None if neither)."""
    single = run_dir / FILE_NAME
    if single.is_file():
        return single
    folder = run_dir / FOLDER_NAME
    return folder if folder.is_dir() else None


def read_table(folder: Path) -> pa.Table | None:
    """A ``talks/`` folder as one Arrow table, in the dataset's order (None when empty)."""
    parts = [pq.read_table(part) for part in sorted(folder.glob("*.parquet"))]
    return sort_table(pa.concat_tables(parts)) if parts else None


def read_talks(run_dir: Path) -> list[dict[str, Any]]:
    """The rows of a run folder's dataset, whichever layout it was written in."""
    path = dataset_path(run_dir)
    if path is None:
        return []
    if path.is_file():
        return read_rows(path)
    rows: list[dict[str, Any]] = []
    for part in sorted(path.glob("*.parquet")):
        rows.extend(pq.read_table(part).to_pylist())
    return rows
