"""The stacked layout Name / Organisation / Title: the line under the name is the
speaker's affiliation, not the talk's abstract."""

from pathlib import Path

import pyarrow.parquet as pq

from pipeline.normalise.people import affiliation_from_abstract
from pipeline.records import Speaker
from tests.conftest import ingest

STACKED = """---
title: Hydrology Seminar
---

## Upcoming talks

### March 4, 2025
**Ottilie Brandt**|
*Institute of Hydrology, Uppsala University*|
Title: Flood forecasting with sparse gauges

### March 11, 2025
**Idris Bello**|
*McGill University*|
Title: Sharp inequalities for harmonic measure
""".replace("|\n", "  \n")  # markdown hard line breaks


def test_stacked_affiliation_line_is_the_affiliation(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "seminar.md").write_text(STACKED)
    code, _ = ingest(tmp_path / "in", out=tmp_path / "out", extra=("--jobs", "0"))
    assert code == 0
    rows = pq.read_table(tmp_path / "out" / "talks.parquet").to_pylist()
    got = {r["speakers"][0]["name"]: (r["speakers"][0]["affiliation"], r["abstract"])
           for r in rows}
    assert got["Ottilie Brandt"] == ("Institute of Hydrology, Uppsala University", None)
    assert got["Idris Bello"] == ("McGill University", None)


def _take(abstract: str, speakers: int = 1) -> bool:
    people = [Speaker(name=n) for n in ("Ottilie Brandt", "Idris Bello")[:speakers]]
    return affiliation_from_abstract(people, abstract)


def test_real_abstracts_and_two_speakers_are_left_alone() -> None:
    assert not _take("We forecast floods with sparse gauges.")
    assert not _take("Flood forecasting with sparse gauges")
    assert not _take("Uppsala University", speakers=2)
    assert not _take("Uppsala University\nWe forecast floods.")
