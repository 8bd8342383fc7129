"""The talks dataset from Python: ingest an archive, read the dataset, list the people.

Why a package of its own: notebooks want three calls, not the pipeline's stages.
``talks.ingest`` runs the same job as ``talks ingest``; ``talks.read`` returns the
dataset with the dtypes analysis needs (dates as ``datetime64``, each talk's local
wall-clock start and end beside the UTC instants, speakers as lists of dicts);
``talks.events`` gives one row per real talk across its sources, ``talks.people`` one row
per person; ``talks.report`` writes the HTML page of ``talks report``. Polars and DuckDB
frames are offered when those
packages are installed; they are never required.
"""

from __future__ import annotations

from collections.abc import Sequence
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

try:
    __version__ = version("talks-pipeline")
except PackageNotFoundError:  # a source checkout that was never installed
    __version__ = "0+unknown"

__all__ = ["__version__", "events", "ingest", "people", "read", "report"]


def ingest(inputs: str | Path | Sequence[str | Path], out: str | Path,
           **options: Any) -> dict[str, Any]:
    """Ingest ``inputs`` (folders or files) into ``out`` and return the run report.

    ``options`` are those of the CLI: ``jobs``, ``timeout`` (seconds), ``max_bytes``,
    ``memory_bytes``, ``wait``, ``progress``, ``partition`` (``auto``, ``file``, ``year``,
    ``series``), ``scheduler`` (a Dask address or ``"local"``). The run is incremental, as
    on the command line: unchanged files are not read again."""
    from pipeline.run import Options
    from pipeline.run import ingest as run_ingest

    roots = [Path(inputs)] if isinstance(inputs, (str, Path)) else [Path(p) for p in inputs]
    return run_ingest(roots, Path(out), Options(**options)).report


def report(out: str | Path, output: str | Path | None = None) -> Path:
    """Write the dataset in ``out`` as one self-contained HTML page (charts of talks per
    month by series, affiliations, field coverage, warnings and rejects, slowest files,
    the last run's changes) to ``output`` (default ``OUT/report.html``); return its path."""
    from pipeline.report_page import write_report

    return write_report(out, output)


def _dataset(out: str | Path) -> Path:
    out = Path(out)
    for candidate in (out / "talks.parquet", out / "talks", out):
        if candidate.exists() and (candidate.is_file() or candidate.suffix != ".json"):
            return candidate
    raise FileNotFoundError(f"{out}: no talks dataset (run talks.ingest first)")


def read(out: str | Path, *, engine: str = "pandas") -> Any:
    """The dataset in ``out`` as a pandas DataFrame (default), a Polars DataFrame
    (``engine="polars"``) or a DuckDB relation (``engine="duckdb"``).

    pandas gets ``date`` as ``datetime64``, ``start``/``end`` as UTC ``datetime64``, and
    ``local_start``/``local_end``: the wall-clock times in each row's own ``timezone``
    (naive, since rows differ in zone; null where the zone or the time is unknown)."""
    path = _dataset(out)
    if engine == "polars":
        import polars as pl

        return pl.read_parquet(path if path.is_file() else path / "**/*.parquet")
    if engine == "duckdb":
        import duckdb

        glob = str(path) if path.is_file() else str(path / "**" / "*.parquet")
        return duckdb.read_parquet(glob)
    if engine != "pandas":
        raise ValueError(f"engine must be pandas, polars or duckdb, not {engine!r}")
    import pandas as pd

    frame = pd.read_parquet(path)
    _dtypes(frame)
    return frame


def _dtypes(frame: Any) -> None:
    """``date`` as datetime64, local wall-clock starts and ends, speakers as lists."""
    import pandas as pd

    frame["date"] = pd.to_datetime(frame["date"])
    for col in ("start", "end"):
        frame[f"local_{col}"] = pd.Series(
            [_local(ts, zone) for ts, zone in zip(frame[col], frame["timezone"], strict=True)],
            index=frame.index, dtype="datetime64[us]")
    frame["speakers"] = [list(s) if s is not None else [] for s in frame["speakers"]]


def _local(ts: Any, zone: str | None) -> Any:
    import pandas as pd

    if ts is None or pd.isna(ts) or not isinstance(zone, str) or not zone:
        return pd.NaT
    return ts.tz_convert(zone).tz_localize(None)


def _table(out: str | Path, name: str) -> Path | None:
    out = Path(out)
    folder = out if out.is_dir() else out.parent
    path = folder / name
    return path if path.exists() else None


def events(out: str | Path) -> Any:
    """One row per real talk across its sources (``OUT/events.parquet``) as a pandas
    DataFrame: the best value of every field, ``talk_ids`` and ``source_paths`` of the rows
    reporting it, ``sources`` (which row each value came from) and ``conflicts`` (where
    the sources disagree, such as two start times). Dtypes as in ``read``."""
    import pandas as pd

    path = _table(out, "events.parquet")
    if path is None:
        raise FileNotFoundError(f"{out}: no events.parquet (run talks.ingest first)")
    frame = pd.read_parquet(path)
    _dtypes(frame)
    for col in ("talk_ids", "source_paths", "sources", "conflicts"):
        frame[col] = [list(v) if v is not None else [] for v in frame[col]]
    return frame


def people(out: str | Path) -> Any:
    """One row per person (``OUT/people.parquet``): ``person_id`` (as on the speakers of
    ``read``), the fullest ``name`` and every spelling in ``names``, ``talks`` (real talks,
    counted once however many sources report them), ``first_date``/``last_date``, and
    ``affiliations`` over time (each with its first and last date and talk count).

    A dataset published before the people table existed is linked here, in memory."""
    import pandas as pd

    path = _table(out, "people.parquet")
    if path is not None:
        frame = pd.read_parquet(path)
    else:
        import pyarrow as pa

        from pipeline.linking import link
        from pipeline.partition import read_talks
        from pipeline.write import read_rows
        from schemas.person import person_schema

        dataset = _dataset(out)
        _events, rows = link(read_rows(dataset) if dataset.is_file()
                             else read_talks(dataset.parent))
        frame = pa.Table.from_pylist(rows, schema=person_schema()).to_pandas()
    for col in ("first_date", "last_date"):
        frame[col] = pd.to_datetime(frame[col])
    for col in ("names", "affiliations", "series", "event_ids"):
        frame[col] = [list(v) if v is not None else [] for v in frame[col]]
    return frame.sort_values(["talks", "name"], ascending=[False, True], ignore_index=True)
