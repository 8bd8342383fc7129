"""Benchmark: ingest throughput in talks per second on real and sample folders.

Why: the span tagger (``pipeline/normalise/tagger.py``) adds a model to every worker, so
its cost is measured where it is paid: a cold ingest of ``corpus/docs`` and of ``data/raw``
(best of ``--repeat`` runs, fresh output folder each time). Not a test: numbers vary by
machine.

usage: python bench/bench_talks_rate.py [--jobs N] [--repeat N] [FOLDER ...]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.cli import main as cli_main  # noqa: E402


def rate(folder: Path, jobs: int, repeat: int) -> tuple[int, float]:
    """(talks, best seconds) of ``repeat`` cold ingests of ``folder``."""
    best = float("inf")
    talks = 0
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "out"
            began = time.perf_counter()
            cli_main(["ingest", str(folder), "--out", str(out), "-q", "--jobs", str(jobs)])
            best = min(best, time.perf_counter() - began)
            report = json.loads((out / "report.json").read_text(encoding="utf-8"))
            talks = report["talks"]["total"]
    return talks, best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="*", type=Path,
                        default=[ROOT / "corpus" / "docs", ROOT / "data" / "raw"])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    for folder in args.folders:
        talks, seconds = rate(folder, args.jobs, args.repeat)
        per_s = talks / seconds
        print(f"{folder.name:10s} {talks:5d} talks  {seconds:6.2f} s  {per_s:7.1f} talks/s"
              f"  (jobs={args.jobs}, best of {args.repeat})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
