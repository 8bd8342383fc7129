"""Benchmark: the pipeline beside the parse floor, throughput, memory and re-runs, one table.

Run with ``make bench`` or ``.venv/bin/python bench/bench_floor.py --docs 1000,10000``.
For each archive size (built by ``bench/archive.py`` from the sample and corpus
documents) it measures, in one run:

- per format, the processor time of the field libraries alone (``bench/floor.py``) and of
  the pipeline's per-file work (read, hash, sniff, extract, normalise), on the same bytes,
  interleaved document by document so that load from other processes hits both alike;
- a whole ``talks ingest`` with ``--jobs 1`` and ``--jobs 2`` in a fresh process: wall
  time, talks/s per core, the parent's peak RSS (``VmHWM``) and the largest worker's;
- re-runs on the ``--jobs 2`` output: nothing changed, 1% touched (new mtime, same
  bytes), 1% edited (new bytes).

Not a test: figures depend on the machine and on what else runs on it.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import archive  # noqa: E402
from floor import FLOOR  # noqa: E402

_CHILD = """
import json, resource, sys, time
t0 = time.perf_counter()
from pipeline.cli import main
code = main(["ingest", sys.argv[1], "--out", sys.argv[2], "-q", "--no-progress",
             "--jobs", sys.argv[3]] + sys.argv[4:])
wall = time.perf_counter() - t0
peak = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM:"))
me = resource.getrusage(resource.RUSAGE_SELF)
kids = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"code": code, "wall_s": wall, "parent_peak_kb": peak,
                  "worker_peak_kb": kids.ru_maxrss,
                  "parent_cpu_s": me.ru_utime + me.ru_stime,
                  "worker_cpu_s": kids.ru_utime + kids.ru_stime}))
"""


def ingest(archive_dir: Path, out: Path, jobs: int, *extra: str) -> dict:
    """One ``talks ingest`` in a fresh process: its figures and its report."""
    t = time.perf_counter()
    res = subprocess.run(
        [sys.executable, "-c", _CHILD, str(archive_dir), str(out), str(jobs), *extra],
        cwd=ROOT, capture_output=True, text=True,
    )
    wall = time.perf_counter() - t
    if res.returncode != 0 or not res.stdout.strip():
        raise SystemExit(f"ingest failed ({res.returncode}): {res.stderr[-2000:]}")
    figures = json.loads(res.stdout.strip().splitlines()[-1])
    figures["process_wall_s"] = wall
    figures["report"] = json.loads((out / "report.json").read_text())
    return figures


def per_format(paths: list[Path], root: Path) -> dict[str, dict[str, float]]:
    """Processor seconds per format: the floor and the pipeline's per-file work."""
    import datetime as dt

    from pipeline.discover import SourceFile, discover
    from pipeline.extract import FileTask, _preload, process_file
    from pipeline.sniff import sniff

    _preload()
    for parse in FLOOR.values():  # import the libraries before the clock runs
        try:
            parse(b"BEGIN:VCALENDAR\nEND:VCALENDAR\n")
        except Exception:  # noqa: BLE001, S110 - a warm-up on junk may fail; only imports matter
            pass
    hints = {f.rel: f.hints for f in discover([root]) if isinstance(f, SourceFile)}
    now = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    for path in paths[:20]:  # what a worker builds on first use is not charged to a format
        rel = path.relative_to(root).as_posix()
        process_file(FileTask(os.fspath(path), rel, hints[rel], 50 * 1024 * 1024, now))
    sums: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for path in paths:
        rel = path.relative_to(root).as_posix()
        data = path.read_bytes()
        try:
            fmt = sniff(data)
        except Exception:  # noqa: BLE001 - a skipped file has no floor
            continue
        t = time.process_time()
        try:
            FLOOR[fmt](data)
        except Exception:  # noqa: BLE001 - a document the bare library refuses costs its try
            sums[fmt]["floor_errors"] += 1
        floor_s = time.process_time() - t
        task = FileTask(os.fspath(path), rel, hints[rel], 50 * 1024 * 1024, now)
        t = time.process_time()
        outcome = process_file(task)
        pipe_s = time.process_time() - t
        s = sums[fmt]
        s["docs"] += 1
        s["floor_s"] += floor_s
        s["pipeline_s"] += pipe_s
        s["talks"] += len(outcome.rows or [])
    return {k: dict(v) for k, v in sums.items()}


def _mb(kb: float) -> float:
    return round(kb / 1024, 1)


def measure(docs: int, jobs_list: list[int], sample: int | None, tmp: Path) -> dict:
    root = tmp / f"archive{docs}"
    paths = archive.build(root, docs)
    result: dict = {"docs": docs}
    if sample != 0:
        result["formats"] = per_format(paths[: sample or None], root)
        result["floor_all"] = sample is None or sample >= docs
    runs = {}
    for jobs in jobs_list:
        runs[jobs] = ingest(root, tmp / f"out{docs}-j{jobs}", jobs)
    result["runs"] = runs
    out = tmp / f"out{docs}-j{jobs_list[-1]}"
    jobs = jobs_list[-1]
    result["rerun_nochange"] = ingest(root, out, jobs)
    step = max(1, round(100 / 1))  # every 100th document: 1%
    archive.touch(paths[::step])
    result["rerun_touched"] = ingest(root, out, jobs)
    archive.edit(paths[step // 2::step])
    result["rerun_edited"] = ingest(root, out, jobs)
    result["changed_docs"] = len(paths[::step])
    return result


def table(results: list[dict]) -> str:
    lines = []
    for r in results:
        docs = r["docs"]
        if "formats" in r:
            lines.append(f"\n## {docs} documents: per format, processor seconds on one core")
            lines.append("| format | docs | talks | floor s | pipeline s | ratio |")
            lines.append("|---|---|---|---|---|---|")
            tot = defaultdict(float)
            for fmt, s in sorted(r["formats"].items()):
                for k in ("docs", "talks", "floor_s", "pipeline_s"):
                    tot[k] += s.get(k, 0)
                lines.append(
                    f"| {fmt} | {s['docs']:.0f} | {s['talks']:.0f} | {s['floor_s']:.2f} | "
                    f"{s['pipeline_s']:.2f} | {s['pipeline_s'] / max(s['floor_s'], 1e-9):.1f}x |"
                )
            lines.append(
                f"| all | {tot['docs']:.0f} | {tot['talks']:.0f} | {tot['floor_s']:.2f} | "
                f"{tot['pipeline_s']:.2f} | {tot['pipeline_s'] / max(tot['floor_s'], 1e-9):.1f}x |"
            )
            r["floor_total_s"] = tot["floor_s"]
            r["floor_docs"] = tot["docs"]
        lines.append(f"\n## {docs} documents: whole runs (`talks ingest`, fresh process)")
        lines.append("| run | wall s | talks | talks/s per core (wall) | cpu s | talks per cpu s "
                     "| parent peak MB | worker peak MB | whole run cpu / floor |")
        lines.append("|---|---|---|---|---|---|---|---|---|")
        named = [(f"--jobs {j}", v, j) for j, v in r["runs"].items()]
        named += [("re-run, no change", r["rerun_nochange"], None),
                  (f"re-run, {r['changed_docs']} touched", r["rerun_touched"], None),
                  (f"re-run, {r['changed_docs']} edited", r["rerun_edited"], None)]
        for name, v, jobs in named:
            talks = v["report"]["talks"]["total"]
            cpu = v["parent_cpu_s"] + v["worker_cpu_s"]
            per_core = f"{talks / v['process_wall_s'] / jobs:.0f}" if jobs else ""
            vs_floor = ""
            if jobs and r.get("floor_all"):
                vs_floor = f"{cpu / max(r['floor_total_s'], 1e-9):.1f}x"
            rate = f"{talks / cpu:.0f}" if jobs else ""
            lines.append(
                f"| {name} | {v['process_wall_s']:.2f} | {talks} | {per_core} | {cpu:.1f} | "
                f"{rate} | {_mb(v['parent_peak_kb'])} | {_mb(v['worker_peak_kb'])} | "
                f"{vs_floor} |"
            )
        j = sorted(r["runs"])
        if len(j) >= 2:
            a, b = r["runs"][j[0]], r["runs"][j[-1]]
            lines.append(f"\n--jobs {j[-1]} vs --jobs {j[0]}: "
                         f"{a['process_wall_s'] / b['process_wall_s']:.2f}x faster (wall clock)")
        lines.append(f"load average at the end: {os.getloadavg()[0]:.1f} on "
                     f"{os.cpu_count()} cores (wall figures count other processes' load)")
    if len(results) >= 2:
        small, large = results[0], results[-1]
        first = min(small["runs"])
        ratio = large["runs"][first]["parent_peak_kb"] / small["runs"][first]["parent_peak_kb"]
        lines.append(f"\nparent peak RSS, {large['docs']} vs {small['docs']} documents "
                     f"(--jobs {first}): {ratio:.2f}x")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", default="1000", help="archive sizes, comma-separated")
    parser.add_argument("--jobs", default="1,2", help="worker counts of the whole runs")
    parser.add_argument("--sample", type=int, default=None,
                        help="documents of the first archive timed per format (0: none)")
    parser.add_argument("--json", type=Path, help="also write every figure here")
    args = parser.parse_args()
    sizes = [int(x) for x in args.docs.split(",")]
    jobs_list = [int(x) for x in args.jobs.split(",")]
    results = []
    with tempfile.TemporaryDirectory(prefix="talks-bench-") as tmp:
        for k, docs in enumerate(sizes):
            results.append(measure(docs, jobs_list, args.sample if k == 0 else 0, Path(tmp)))
    print(table(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, default=str))


if __name__ == "__main__":
    main()
