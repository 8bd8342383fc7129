"""Benchmark: full and incremental ingest of a synthetic archive built from data/raw.

Run with ``make bench`` (or ``.venv/bin/python bench/bench_ingest.py --copies 50``).
Prints files per second for a cold run, the cost of an unchanged re-run, and the
peak resident memory of the worker processes. Not a test: numbers vary by machine.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.run import Options, ingest  # noqa: E402


def build_archive(dest: Path, copies: int) -> int:
    """``copies`` copies of every sample file, each made unique by a trailing comment line."""
    raw = ROOT / "data" / "raw"
    n = 0
    for i in range(copies):
        for src in sorted(raw.rglob("*")):
            if not src.is_file() or src.name == "sources.toml":
                continue
            target = dest / f"copy{i:04d}" / src.relative_to(raw)
            target.parent.mkdir(parents=True, exist_ok=True)
            data = src.read_bytes()
            if src.suffix not in (".pdf",):
                data += b"\n" * (i + 1) if src.suffix != ".ics" else b""
            target.write_bytes(data)
            n += 1
    return n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--copies", type=int, default=20)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        archive, out = Path(tmp) / "archive", Path(tmp) / "out"
        n = build_archive(archive, args.copies)
        opts = Options(jobs=args.jobs, progress=False)
        t = time.perf_counter()
        cold = ingest([archive], out, opts).report
        cold_s = time.perf_counter() - t
        t = time.perf_counter()
        warm = ingest([archive], out, opts).report
        warm_s = time.perf_counter() - t
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(json.dumps({
            "files": n,
            "talks": cold["talks"]["total"],
            "cold_s": round(cold_s, 2),
            "cold_files_per_s": round(n / cold_s, 1),
            "rerun_s": round(warm_s, 2),
            "rerun_extracted": warm["files"]["extracted"],
            "worker_peak_rss_mb": round(peak_mb, 1),
            "timings_s": cold["timings_s"],
        }, indent=2))
        shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    main()
