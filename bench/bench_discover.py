"""Benchmark: discovery time is linear in the nesting depth.

Run with ``.venv/bin/python bench/bench_discover.py``. Builds folders nested 1,000,
4,000 and 16,000 deep (one file at the bottom) and times ``discover`` on each. Folders
deeper than the system's path limit (about 2,000 levels of one-letter names) cannot be
opened by path: discovery reports the first of them as unreadable (an error in the run
report) instead of walking on, so the time stays linear and nothing is lost silently.
Not a test: timings depend on the machine.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipeline.discover import SourceFile, Unreadable, discover  # noqa: E402


def _build(root: str, depth: int) -> None:
    """``depth`` nested folders under ``root``, made by relative paths (no path limit)."""
    here = os.getcwd()
    os.mkdir(root)
    os.chdir(root)
    try:
        for _ in range(depth):
            os.mkdir("d")
            os.chdir("d")
        Path("talk.txt").write_text("Seminar\n")
    finally:
        os.chdir(here)


def _remove(root: str, depth: int) -> None:
    here = os.getcwd()
    os.chdir(root)
    try:
        for _ in range(depth):
            os.chdir("d")
        os.unlink("talk.txt")
        for _ in range(depth):
            os.chdir("..")
            os.rmdir("d")
    finally:
        os.chdir(here)
    os.rmdir(root)


def main() -> int:
    results = {}
    with tempfile.TemporaryDirectory(prefix="talks-deep-") as tmp:
        for depth in (1_000, 4_000, 16_000):
            root = os.path.join(tmp, f"deep{depth}")
            _build(root, depth)
            t0 = time.perf_counter()
            found = list(discover([Path(root)]))
            seconds = time.perf_counter() - t0
            results[depth] = {
                "seconds": round(seconds, 3),
                "files": sum(isinstance(f, SourceFile) for f in found),
                "unreadable": [f.reason for f in found if isinstance(f, Unreadable)][:1],
            }
            _remove(root, depth)
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
