"""The run lock is taken before the pipeline's libraries load: a refused second run answers
at once, without importing pyarrow, spaCy or the extractors."""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from tests.conftest import ROOT

_DRIVER = textwrap.dedent(
    """
    import sys
    from pipeline.cli import main
    code = main(sys.argv[1:])
    heavy = sorted(m for m in ("pyarrow", "spacy", "pandas", "extractors") if m in sys.modules)
    print(code, ",".join(heavy) or "-")
    """
)


def test_a_refused_second_run_imports_nothing_heavy(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / "a.txt").write_text("Seminar\n")
    out.mkdir()
    with open(out / ".lock", "a+") as fh:  # another run holds the output folder
        fcntl.lockf(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        res = subprocess.run(
            [sys.executable, "-c", _DRIVER, "ingest", str(src), "--out", str(out), "-q"],
            env=dict(os.environ, PYTHONPATH=str(ROOT)),
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert res.stdout.split() == ["2", "-"], res.stdout + res.stderr
    assert "another ingest run" in res.stderr
