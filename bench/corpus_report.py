"""Score the pipeline on the evaluation corpus: per-document F1, per-field table, first errors.

Why: the five seeds say little about generalisation; ``tests/corpus`` holds hand-written
documents in other layouts with hand-checked gold. This wraps the shared scorer
(``../shared/eval/score.py``) so one command shows where the pipeline stands.

usage: python bench/corpus_report.py [--out DIR] [--errors N] [--reuse]
  --out DIR  where to write the dataset (default: a temporary folder)
  --reuse    score the dataset already in --out instead of ingesting again
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import io
import json
import sys
import tempfile
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "tests" / "corpus" / "docs"
GOLD = ROOT / "tests" / "corpus" / "gold"
SCORER = ROOT.parent / "shared" / "eval" / "score.py"


def load_scorer() -> ModuleType:
    """The shared scorer as a module, so it runs in-process for each document."""
    if not SCORER.exists():
        raise SystemExit(f"scorer not found: {SCORER}")
    spec = importlib.util.spec_from_file_location("shared_score", SCORER)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run_scorer(scorer: ModuleType, argv: list[str]) -> str:
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        scorer.main(argv)
    return buffer.getvalue()


def figures(output: str) -> dict:
    return json.loads(next(ln for ln in output.splitlines() if ln.startswith("{")))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--errors", type=int, default=20)
    ap.add_argument("--reuse", action="store_true")
    args = ap.parse_args(argv)
    scorer = load_scorer()

    with tempfile.TemporaryDirectory() as tmp:
        out = args.out or Path(tmp) / "out"
        if not args.reuse:
            sys.path.insert(0, str(ROOT))
            from pipeline.cli import main as cli_main

            code = cli_main(["ingest", str(DOCS), "--out", str(out), "-q"])
            if code not in (0, 3):
                print(f"ingest failed with exit status {code}", file=sys.stderr)
                return code

        names = sorted(p.name.removesuffix(".json") for p in GOLD.glob("*.json"))
        print(f"{'document':40} {'gold':>4} {'pred':>4} {'pair':>4} {'field-F1':>8}")
        for name in names:
            fig = figures(run_scorer(scorer, [str(out), str(GOLD), "--json", "--doc", name]))
            t = fig["talks"]
            print(f"{name:40} {t['gold']:4} {t['pred']:4} {t['paired']:4} {fig['micro_f1']:8.3f}")
        print()
        whole = run_scorer(scorer, [str(out), str(GOLD), "--errors", str(args.errors)])
        # the scorer's own per-document table repeats the one above: print from the field table on
        lines = whole.splitlines()
        start = next(i for i, ln in enumerate(lines) if ln.startswith("field "))
        print("\n".join(lines[start:]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
