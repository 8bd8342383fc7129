"""Row validation in plain Python keeps the same rules as the pandera schema of the contract."""

from __future__ import annotations

import datetime as dt

import pandera.pandas as pa
import pytest

from pipeline.validate import row_reasons, talk_schema, to_frame, validate, validate_rows

UTC = dt.UTC


def _row(**over) -> dict:
    row = {
        "talk_id": "r1", "source_path": "x/agenda.html", "source_format": "html",
        "source_sha256": "f" * 64, "series": "Lattice Lunch", "kind": "lecture",
        "title": "Cubes and their shadows", "abstract": "Two paragraphs.\n\nOf shadows.",
        "speakers": [{"name": "Mary Cartwright", "affiliation": None, "role": "Professor"}],
        "speaker_bio": None, "date": dt.date(2021, 10, 31),
        # 2021-10-31: Europe/London falls back; 01:30 UTC is 01:30 GMT on the 31st
        "start": dt.datetime(2021, 10, 31, 1, 30, tzinfo=UTC),
        "end": dt.datetime(2021, 10, 31, 2, 30, tzinfo=UTC),
        "timezone": "Europe/London", "location": None, "url": "https://example.org/t",
        "slides": None, "video": None, "warnings": ["year taken from a heading"],
        "extracted_at": dt.datetime(2026, 1, 1, tzinfo=UTC),
    }
    row.update(over)
    return row


CASES = {
    "fine": _row(),
    "undated": _row(date=None, start=None, end=None, timezone=None),
    "div title": _row(title="<div>Cubes</div>"),
    "label abstract": _row(abstract="Title: Cubes"),
    "end first": _row(end=dt.datetime(2021, 10, 31, 1, 0, tzinfo=UTC)),
    "wrong day": _row(date=dt.date(2021, 10, 30)),
    "zone offset": _row(timezone="+01:00"),
    "naive start": _row(start=dt.datetime(2021, 10, 31, 1, 30)),
    "datetime date": _row(date=dt.datetime(2021, 10, 31)),
    "speaker not a dict": _row(speakers=["Mary Cartwright"]),
    "no kind": _row(kind=None),
    "kind unknown": _row(kind="seminar"),
    "format unknown": _row(source_format="docx"),
    "warnings not strings": _row(warnings=[3]),
    "no hash": _row(source_sha256=None),
    "series a number": _row(series=7),
}


def _pandera_reasons(row: dict) -> set[str]:
    try:
        talk_schema().validate(to_frame([row]), lazy=True)
    except pa.errors.SchemaErrors as exc:
        cases = exc.failure_cases
        out = set()
        for case in cases.itertuples(index=False):
            # a frame-wide check is reported once per column by pandera: one rule here
            column = "row" if case.schema_context == "DataFrameSchema" else case.column
            out.add(f"{column}: {case.check}")
        return out
    return set()


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_rule_gives_the_reason_pandera_gives(name: str) -> None:
    row = CASES[name]
    mine, theirs = set(row_reasons(row)), _pandera_reasons(row)
    if any(": type " in r for r in mine):
        # a value of the wrong type fails its column; the rules across columns are not
        # applied to it (pandera applies them, and raises on some wrong types)
        assert {r for r in mine if not r.startswith("row:")} == \
            {r for r in theirs if not r.startswith("row:")}
    else:
        assert mine == theirs
    assert bool(row_reasons(row)) == (name != "fine" and name != "undated")


def test_shared_ids_reject_every_row_that_holds_them() -> None:
    rows = [_row(talk_id="a"), _row(talk_id="b"), _row(talk_id="a", title="Another")]
    good, bad = validate(rows)
    assert [r["talk_id"] for r in good] == ["b"]
    assert [r["reasons"] for r in bad] == [["talk_id: field_uniqueness"]] * 2


def test_rows_keep_their_order_and_rejects_say_every_reason() -> None:
    rows = [_row(talk_id=str(i)) for i in range(5)]
    rows[3] = _row(talk_id="3", title="**Cubes**", kind="seminar")
    good, bad = validate_rows(rows)
    assert [r["talk_id"] for r in good] == ["0", "1", "2", "4"]
    assert bad[0]["reasons"] == ["kind: isin(['talk', 'remarks', 'panel', 'lecture', "
                                 "'tutorial'])", "title: no markup or label"]
    assert "reasons" not in rows[3]  # the input row is not changed


def test_a_column_outside_the_contract_is_a_reason() -> None:
    assert row_reasons(_row(score=0.5)) == ["row: columns not in the contract: ['score']"]
