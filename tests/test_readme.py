"""The README's snippets run as written: its Python blocks against the sample output, its
``sources.toml`` example as a hints file, and its CLI synopsis against the real parser."""

from __future__ import annotations

import re
import shutil
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _blocks(lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", README, re.S)


@pytest.fixture(scope="module")
def sample_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``make run`` in miniature: data/raw ingested into data/processed of a scratch dir."""
    import talks

    work = tmp_path_factory.mktemp("readme")
    shutil.copytree(ROOT / "data" / "raw", work / "data" / "raw")
    report = talks.ingest(work / "data" / "raw", work / "data" / "processed", jobs=0,
                          progress=False)
    assert report["talks"]["total"] > 0
    return work


def test_every_python_block_runs(sample_out: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocks = _blocks("python")
    assert blocks
    monkeypatch.chdir(sample_out)
    for block in blocks:
        exec(compile(block, "README.md", "exec"), {})  # noqa: S102 - the README's own code


def test_api_dtypes(sample_out: Path) -> None:
    import talks

    df = talks.read(sample_out / "data" / "processed")
    assert str(df["date"].dtype).startswith("datetime64")
    assert str(df["local_start"].dtype).startswith("datetime64")
    row = df.dropna(subset=["start", "timezone"]).iloc[0]
    assert row["local_start"] == row["start"].tz_convert(row["timezone"]).tz_localize(None)
    assert all(isinstance(s, list) for s in df["speakers"])
    people = talks.people(sample_out / "data" / "processed")
    assert people["talks"].sum() == sum(len(s) for s in df["speakers"])
    assert talks.__version__
    with pytest.raises(ValueError, match="engine"):
        talks.read(sample_out / "data" / "processed", engine="excel")


def test_toml_blocks_are_valid_hints(tmp_path: Path) -> None:
    from pipeline.discover import load_hints  # noqa: F401 - the reader the CLI uses

    for block in _blocks("toml"):
        data = tomllib.loads(block)
        assert data["source"] and all("match" in s for s in data["source"])


def test_make_targets_named_in_the_readme_exist() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in re.findall(r"^make (\w+)", "\n".join(_blocks("sh")), re.M):
        assert re.search(rf"^{target}:", makefile, re.M), target


def test_parquet_schema_carries_the_column_descriptions(sample_out: Path) -> None:
    import pyarrow.parquet as pq

    from schemas.talk import COLUMNS

    schema = pq.read_schema(sample_out / "data" / "processed" / "talks.parquet")
    for column in COLUMNS:
        assert schema.field(column.name).metadata[b"description"] == column.doc.encode()
