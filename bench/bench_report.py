"""Benchmark: ``talks report`` on a large synthetic dataset.

Run with ``.venv/bin/python bench/bench_report.py --rows 100000``. Builds a published-
looking output folder (talks.parquet, report.json, a change list) of ``--rows`` rows
spread over years, series, formats and affiliations, then times reading it and writing
the page, and prints the page's size and the process's peak resident memory. Not a
test: numbers vary by machine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pyarrow.parquet as pq  # noqa: E402

from pipeline.report_page import write_report  # noqa: E402
from pipeline.write import to_table  # noqa: E402
from schemas.talk import SOURCE_FORMATS  # noqa: E402


def build(out: Path, rows: int) -> None:
    """A dataset of ``rows`` rows, fixed by the row number (no randomness, no clock)."""
    base = dt.date(2005, 1, 3)
    stamp = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    data = []
    for i in range(rows):
        date = base + dt.timedelta(days=(i * 37) % 7300)
        data.append({
            "talk_id": f"t{i:08d}", "source_path": f"site{i % 900}/page.html",
            "source_format": SOURCE_FORMATS[i % len(SOURCE_FORMATS)],
            "source_sha256": "0" * 64, "series": f"Series {i % 40}" if i % 7 else None,
            "kind": "talk", "title": f"Talk number {i}",
            "abstract": "An abstract." if i % 3 == 0 else None,
            "speakers": [{"name": f"Person {i % 5000}",
                          "affiliation": f"University {i % 300}" if i % 4 else None,
                          "role": None}],
            "date": date if i % 11 else None,
            "start": (dt.datetime.combine(date, dt.time(15), dt.UTC) if i % 2 else None),
            "warnings": ["year inferred from heading"] if i % 9 == 0 else [],
            "extracted_at": stamp,
        })
    out.mkdir(parents=True, exist_ok=True)
    pq.write_table(to_table(data), out / "talks.parquet")
    run_id = "bench-run"
    (out / "changes").mkdir(exist_ok=True)
    import pyarrow as pa

    pq.write_table(pa.table({"talk_id": [r["talk_id"] for r in data[: rows // 10]],
                             "change": ["added"] * (rows // 10),
                             "run_id": [run_id] * (rows // 10)}),
                   out / "changes" / f"{run_id}.parquet")
    report = {"run_id": run_id, "started_at": stamp.isoformat(),
              "files": {"seen": 900, "failed": 0}, "talks": {"total": rows},
              "slowest_files": [{"path": f"site{i}/page.html", "seconds": 5.0 - i}
                                for i in range(5)]}
    (out / "report.json").write_text(json.dumps(report), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        t = time.perf_counter()
        build(out, args.rows)
        built = time.perf_counter() - t
        t = time.perf_counter()
        page = write_report(out)
        took = time.perf_counter() - t
        size = page.stat().st_size
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"rows {args.rows}: dataset built in {built:.1f} s; report page in {took:.2f} s "
          f"({size / 1024:.0f} KiB); peak RSS {peak:.0f} MiB (building included)")


if __name__ == "__main__":
    main()
