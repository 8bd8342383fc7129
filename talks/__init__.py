"""The talks dataset from Python: ingest an archive, read the dataset, list the people.

Why a package of its own: notebooks want three calls, not the pipeline's stages.
``talks.ingest`` runs the same job as ``talks ingest``; ``talks.read`` returns the
dataset with the dtypes analysis needs (dates as ``datetime64``, each talk's local
wall-clock start and end beside the UTC instants, speakers as lists of dicts);
``talks.people`` groups the speakers; ``talks.report`` writes the HTML page of
``talks report``. Polars and DuckDB frames are offered when those
packages are installed; they are never required.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

try:
    __version__ = version("talks-pipeline")
except PackageNotFoundError:  # a source checkout that was never installed
    __version__ = "0+unknown"

__all__ = ["__version__", "ingest", "people", "read", "report"]


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
    frame["date"] = pd.to_datetime(frame["date"])
    for col in ("start", "end"):
        frame[f"local_{col}"] = pd.Series(
            [_local(ts, zone) for ts, zone in zip(frame[col], frame["timezone"], strict=True)],
            index=frame.index, dtype="datetime64[us]")
    frame["speakers"] = [list(s) if s is not None else [] for s in frame["speakers"]]
    return frame


def _local(ts: Any, zone: str | None) -> Any:
    import pandas as pd

    if ts is None or pd.isna(ts) or not isinstance(zone, str) or not zone:
        return pd.NaT
    return ts.tz_convert(zone).tz_localize(None)


def _person_key(name: str) -> str:
    """A name folded for grouping: case, accents and spacing do not make two people."""
    plain = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return " ".join(plain.casefold().replace(".", " ").split())


def people(out: str | Path) -> Any:
    """One row per person (names folded for case, accents and spacing) with their talk
    count, first and last talk dates and the affiliations they spoke under."""
    import pandas as pd

    talks = read(out)
    rows: dict[str, dict[str, Any]] = {}
    for date, speakers in zip(talks["date"], talks["speakers"], strict=True):
        for sp in speakers:
            key = _person_key(sp["name"])
            row = rows.setdefault(key, {"name": sp["name"], "talks": 0, "affiliations": [],
                                        "first_date": pd.NaT, "last_date": pd.NaT})
            row["talks"] += 1
            if sp.get("affiliation") and sp["affiliation"] not in row["affiliations"]:
                row["affiliations"].append(sp["affiliation"])
            if pd.notna(date):
                row["first_date"] = min(_dates(row["first_date"], date))
                row["last_date"] = max(_dates(row["last_date"], date))
    frame = pd.DataFrame(list(rows.values()),
                         columns=["name", "talks", "first_date", "last_date", "affiliations"])
    return frame.sort_values(["talks", "name"], ascending=[False, True], ignore_index=True)


def _dates(*values: Any) -> Iterable[Any]:
    import pandas as pd

    return [v for v in values if pd.notna(v)]
