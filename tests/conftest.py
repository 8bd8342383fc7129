"""Shared test helpers: where ../shared is, and running ingest in-process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "gold"
SCORER = SHARED / "eval" / "score.py"

needs_shared = pytest.mark.skipif(not SCORER.exists(), reason="../shared is not here")


def ingest(*inputs: Path, out: Path, extra: tuple[str, ...] = ()) -> tuple[int, dict]:
    """Run ``talks ingest`` in-process; returns (exit status, report)."""
    from pipeline.cli import main

    code = main(["ingest", *map(str, inputs), "--out", str(out), "-q", *extra])
    report_path = out / "report.json"
    report = json.loads(report_path.read_text()) if report_path.exists() else {}
    return code, report


def score(out: Path, doc: str) -> float:
    """field-F1 of one seed document, as ``../shared/eval/score.py`` prints it."""
    res = subprocess.run(
        [sys.executable, str(SCORER), str(out), str(GOLD), "--doc", doc],
        capture_output=True,
        text=True,
        check=True,
    )
    last = res.stdout.strip().splitlines()[-1]
    assert last.startswith("field-F1"), res.stdout
    return float(last.split()[1])


@pytest.fixture(scope="session")
def seeds_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds ingested once per test session."""
    if not SEEDS.exists():
        pytest.skip("../shared is not here")
    out = tmp_path_factory.mktemp("seeds_out")
    code, report = ingest(SEEDS, out=out)
    assert code == 0, report.get("errors")
    return out
