"""The example notebook runs, top to bottom, in a real Jupyter kernel, so it cannot rot.

It is run where ``make run`` would leave its output (``data/processed`` beside it), on a
dataset built here from the report page's fixture documents, and its outputs are checked
against that dataset, not only for the absence of an error."""

from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

import talks

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "examples" / "explore_talks.ipynb"
DOCUMENTS = Path(__file__).parent / "fixtures" / "report_page"


def _text(cell: nbformat.NotebookNode) -> str:
    parts = []
    for output in cell.get("outputs", []):
        parts.append(output.get("text", ""))
        parts.append(output.get("data", {}).get("text/plain", ""))
        parts.append(output.get("data", {}).get("image/svg+xml", ""))
    return "".join(parts)


def test_the_example_notebook_runs_on_processed_data(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    # The kernel is this interpreter's ipykernel: a python3 kernelspec in the user's own
    # Jupyter folder (which would win) may name another Python without this package.
    monkeypatch.setenv("JUPYTER_DATA_DIR", str(tmp_path / "jupyter"))
    monkeypatch.delenv("JUPYTER_PATH", raising=False)
    shutil.copytree(DOCUMENTS, tmp_path / "data" / "raw")
    out = tmp_path / "data" / "processed"
    talks.ingest(tmp_path / "data" / "raw", out, jobs=0, progress=False)
    cwd = tmp_path / "examples"  # where Jupyter starts a notebook opened from examples/
    cwd.mkdir()

    notebook = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(notebook, timeout=120, kernel_name="python3",
                   resources={"metadata": {"path": str(cwd)}}).execute()

    code = [c for c in notebook.cells if c.cell_type == "code"]
    assert all(o.get("output_type") != "error" for c in code for o in c.get("outputs", []))
    df = talks.read(out)
    assert f"{len(df)} talks from {df['source_path'].nunique()} files" in _text(code[0])
    assert "datetime64" in _text(code[0])
    people = _text(code[4])
    assert all(name in people for name in talks.people(out)["name"].head(5))
    assert "report page:" in _text(code[6]) and (out / "report.html").is_file()
    assert 'data-chart="talks_by_period"' in _text(code[7])
