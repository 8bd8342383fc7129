"""The five seed documents, scored end to end with ../shared/eval/score.py (skipped without it).

Floors from the issues: the calendar (003) at 0.98, every other seed at 0.95. The
seeds are a specification, not the test set: layouts of our own are tested per
extractor.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import needs_shared, score

FLOORS = {
    "000_802e0707eef3c8c0.txt": 0.95,
    "001_dfee0fa517a9cbc4.txt": 0.95,
    "002_6b88348e50da2c26.txt": 0.95,
    "003_a38619b06b7c38ac.txt": 0.98,
    "004_4e9f2e09b919d79b.txt": 0.95,
}


@needs_shared
@pytest.mark.parametrize(("doc", "floor"), sorted(FLOORS.items()))
def test_seed_scores(seeds_out: Path, doc: str, floor: float) -> None:
    assert score(seeds_out, doc) >= floor


@needs_shared
def test_every_seed_ingests_as_its_real_format(seeds_out: Path) -> None:
    import pandas as pd

    report = json.loads((seeds_out / "report.json").read_text())
    assert report["files"]["seen"] == 5 and report["files"]["extracted"] == 5
    assert report["errors"] == [] and report["skipped"] == []
    formats = (
        pd.read_parquet(seeds_out / "talks.parquet")
        .groupby("source_path")["source_format"]
        .first()
        .to_dict()
    )
    assert {k[:3]: v for k, v in formats.items()} == {
        "000": "markdown",
        "001": "markdown",
        "002": "slides_text",
        "003": "ics",
        "004": "text",
    }


@needs_shared
def test_seed_dataset_passes_its_own_validation(seeds_out: Path) -> None:
    import pyarrow.parquet as pq

    from pipeline.validate import validate
    from schemas.talk import arrow_schema

    table = pq.read_table(seeds_out / "talks.parquet")
    assert table.schema.remove_metadata() == arrow_schema()
    good, bad = validate(table.to_pylist())
    assert bad == [] and len(good) == table.num_rows
    assert pq.read_table(seeds_out / "rejects.parquet").num_rows == 0
