"""The dataset contract: Arrow types, validation rules, atomic deterministic writes."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.validate import validate
from pipeline.write import sort_rows, to_table, write_parquet
from schemas.talk import COLUMN_NAMES, arrow_schema

UTC = dt.UTC


def _row(**over) -> dict:
    row = {
        "talk_id": "t1",
        "source_path": "a/b.ics",
        "source_format": "ics",
        "source_sha256": "0" * 64,
        "series": "Seminar",
        "kind": "talk",
        "title": "On things",
        "abstract": "We study things.",
        "speakers": [
            {"name": "Ada Lovelace", "affiliation": "Analytical Engines Ltd", "role": None}
        ],
        "speaker_bio": None,
        "date": dt.date(2023, 3, 12),
        # 2023-03-12 is the US spring-forward day: 15:00 EDT is 19:00 UTC
        "start": dt.datetime(2023, 3, 12, 19, 0, tzinfo=UTC),
        "end": dt.datetime(2023, 3, 12, 20, 0, tzinfo=UTC),
        "timezone": "America/New_York",
        "location": "Room 1",
        "url": None,
        "slides": None,
        "video": None,
        "warnings": [],
        "extracted_at": dt.datetime(2026, 1, 1, tzinfo=UTC),
    }
    row.update(over)
    return row


def test_contract_columns_and_types() -> None:
    schema = arrow_schema()
    # SCHEMA.md's columns, in order; added columns (allowed by it) come after them
    assert schema.names[:20] == [
        "talk_id",
        "source_path",
        "source_format",
        "source_sha256",
        "series",
        "kind",
        "title",
        "abstract",
        "speakers",
        "speaker_bio",
        "date",
        "start",
        "end",
        "timezone",
        "location",
        "url",
        "slides",
        "video",
        "warnings",
        "extracted_at",
    ]
    assert schema.names[20:] == ["event_id"]
    assert schema.field("speakers").type == pa.list_(
        pa.struct([("name", pa.string()), ("affiliation", pa.string()), ("role", pa.string()),
                   ("person_id", pa.string())])
    )
    assert schema.field("date").type == pa.date32()
    assert schema.field("start").type == pa.timestamp("us", tz="UTC")
    assert schema.field("end").type == pa.timestamp("us", tz="UTC")
    assert schema.field("extracted_at").type == pa.timestamp("us", tz="UTC")
    assert schema.field("warnings").type == pa.list_(pa.string())
    assert not schema.field("talk_id").nullable


def test_valid_row_passes_and_round_trips(tmp_path) -> None:
    good, bad = validate([_row()])
    assert bad == [] and len(good) == 1
    path = tmp_path / "talks.parquet"
    write_parquet(to_table(good), path)
    assert pq.read_schema(path).remove_metadata() == arrow_schema()
    frame = pd.read_parquet(path)
    assert list(frame.columns) == list(COLUMN_NAMES)
    assert frame.loc[0, "start"] == pd.Timestamp("2023-03-12T19:00Z")
    assert list(tmp_path.iterdir()) == [path]  # no temporary file left behind


def test_invalid_rows_are_rejected_with_reasons() -> None:
    rows = [
        _row(talk_id="ok"),
        _row(talk_id="markup", title="**Bold** title"),
        _row(talk_id="label", abstract="Abstract: we study"),
        _row(talk_id="link", title='<a href="x">T</a>'),
        _row(talk_id="order", end=dt.datetime(2023, 3, 12, 18, 0, tzinfo=UTC)),
        _row(talk_id="zone", timezone="Mars/Olympus"),
        _row(talk_id="local-date", date=dt.date(2023, 3, 13)),
        _row(talk_id="nameless", speakers=[{"name": " ", "affiliation": None, "role": None}]),
        _row(talk_id="kind", kind="keynote-ish"),
        _row(talk_id="ok"),  # duplicate id
    ]
    good, bad = validate(rows)
    assert good == []  # every row breaks a rule; both rows sharing an id are rejected
    reasons = {r["talk_id"]: " ".join(r["reasons"]) for r in bad}
    assert "no markup" in reasons["markup"] and "no markup" in reasons["label"]
    assert "no markup" in reasons["link"]
    assert "end >= start" in reasons["order"]
    assert "IANA" in reasons["zone"]
    assert "local date" in reasons["local-date"]
    assert "type" in reasons["nameless"]
    assert "kind" in reasons["kind"]
    assert "uniqueness" in reasons["ok"]
    assert len(good) + len(bad) == len(rows)


def test_sort_is_deterministic() -> None:
    rows = [_row(talk_id=str(i), start=dt.datetime(2023, 1, 10 - i, tzinfo=UTC)) for i in range(5)]
    rows.append(_row(talk_id="undated", start=None, end=None, date=None))
    order = [r["talk_id"] for r in sort_rows(rows)]
    assert order == ["4", "3", "2", "1", "0", "undated"]
    assert order == [r["talk_id"] for r in sort_rows(list(reversed(rows)))]
