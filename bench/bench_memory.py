"""Benchmark: the parent's memory does not grow with file size or count.

Run with ``.venv/bin/python bench/bench_memory.py``. Ingests 2 and then 20 files of
40 MB each (data the workers read, parse and skip, so the run is quick) in a fresh
process each time and prints the parent's peak resident size (``VmHWM``). Workers
read their own files, so the two peaks should be about the same; before they did,
20 files of 40 MB cost the parent about 1 GB. Not a test: sizes depend on the machine.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIZE = 40 * 1024 * 1024

_CHILD = """
import json, sys
from pathlib import Path
from pipeline.cli import main
code = main(["ingest", sys.argv[1], "--out", sys.argv[2], "-q", "--no-progress",
             "--jobs", "2", "--max-mb", "60"])
peak = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM:"))
report = json.loads(Path(sys.argv[2], "report.json").read_text())
print(json.dumps({"code": code, "peak_kb": peak, "files": report["files"]}))
"""


def _archive(folder: Path, count: int) -> None:
    folder.mkdir()
    row = b'{"title": "A talk", "speaker": "Ada Lovelace", "n": 12345},\n'
    body = b"[\n" + row * (SIZE // len(row)) + b'{"end": true}\n]\n'
    for n in range(count):
        (folder / f"export{n:02}.json").write_bytes(body)


def measure(count: int) -> dict:
    """The parent's peak RSS (kB) when ingesting ``count`` files of 40 MB."""
    with tempfile.TemporaryDirectory(prefix="talks-mem-") as tmp:
        src, out = Path(tmp) / "in", Path(tmp) / "out"
        _archive(src, count)
        res = subprocess.run(
            [sys.executable, "-c", _CHILD, str(src), str(out)],
            cwd=ROOT, capture_output=True, text=True, check=True,
        )
        return json.loads(res.stdout.strip().splitlines()[-1])


def main() -> int:
    small, large = measure(2), measure(20)
    growth = large["peak_kb"] - small["peak_kb"]
    print(json.dumps({"files_2_peak_mb": round(small["peak_kb"] / 1024, 1),
                      "files_20_peak_mb": round(large["peak_kb"] / 1024, 1),
                      "growth_mb": round(growth / 1024, 1),
                      "skipped_20": large["files"]["skipped"]}))
    return 0 if growth < 100 * 1024 else 1  # flat: well under one file's size per file


if __name__ == "__main__":
    sys.exit(main())
