"""Writing in row groups, ordering Arrow data as rows are ordered, and decoding a file once."""

from __future__ import annotations

import datetime as dt
import random

import pyarrow.parquet as pq

import pipeline.decode
import pipeline.sniff
from pipeline.extract import FileTask, process_file
from pipeline.records import Hints
from pipeline.write import sort_rows, sort_table, to_table, write_parquet

UTC = dt.UTC


def _rows(n: int, seed: int) -> list[dict]:
    rnd = random.Random(seed)
    rows = []
    for i in range(n):
        day = rnd.choice([None, dt.date(2022, 5, rnd.randint(1, 3))])
        start = None
        if day is not None and rnd.random() < 0.6:
            start = dt.datetime(day.year, day.month, day.day, rnd.randint(8, 18), tzinfo=UTC)
        rows.append({
            "talk_id": f"id{rnd.randint(0, 10**6):07d}-{i}", "source_path": rnd.choice("abc"),
            "source_format": "text", "source_sha256": "0" * 64, "kind": "talk",
            "title": f"Talk {i}", "date": day, "start": start, "end": None,
            "extracted_at": dt.datetime(2026, 1, 1, tzinfo=UTC), "warnings": [],
        })
    return rows


def test_arrow_order_is_the_row_order() -> None:
    for seed in range(5):
        rows = _rows(60, seed)
        expected = [r["talk_id"] for r in sort_rows(rows)]
        assert sort_table(to_table(rows)).column("talk_id").to_pylist() == expected


def test_a_large_table_is_written_in_row_groups(tmp_path) -> None:
    rows = _rows(25, 1)
    path = tmp_path / "talks.parquet"
    write_parquet(sort_table(to_table(rows)), path, row_group=10)
    meta = pq.ParquetFile(path).metadata
    assert meta.num_row_groups == 3 and meta.num_rows == 25
    assert pq.read_table(path).column("talk_id").to_pylist() == \
        [r["talk_id"] for r in sort_rows(rows)]
    empty = tmp_path / "empty.parquet"
    write_parquet(to_table([]), empty)
    assert pq.read_table(empty).num_rows == 0 and pq.read_schema(empty).names


def test_a_document_is_decoded_once(tmp_path, monkeypatch) -> None:
    path = tmp_path / "notice.txt"
    path.write_bytes(
        "Colloquium\n\nWednesday, 4 May 2022, 4:00 pm\nSpeaker: Émilie du Châtelet (Cirey)\n"
        "Title: On fire\n".encode("cp1252")
    )
    calls: list[int] = []
    real = pipeline.decode.decode_text

    def counting(data: bytes) -> str:
        calls.append(len(data))
        return real(data)

    monkeypatch.setattr(pipeline.decode, "decode_text", counting)
    monkeypatch.setattr(pipeline.sniff, "decode_text", counting)
    task = FileTask(str(path), "notice.txt", Hints(), 1 << 20, dt.datetime(2026, 1, 1, tzinfo=UTC))
    outcome = process_file(task)
    assert outcome.error is None and outcome.format == "text"
    assert calls == [path.stat().st_size]
    assert [s["name"] for r in outcome.rows for s in r["speakers"]] == ["Émilie du Châtelet"]
