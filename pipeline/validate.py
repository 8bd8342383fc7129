"""Stage 5, validate: the dataset checked against the one talk definition.

The pandera schema is built from ``schemas.talk.COLUMNS`` (types, nullability,
uniqueness, allowed values) plus the cross-field rules of the contract: ``end >=
start``, ``date`` is the local date of ``start`` in ``timezone``, zones are IANA
names, speakers are named, and no markup or label survives in title or abstract.
Rows that fail are returned apart with their reasons, never dropped silently.
"""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from collections import defaultdict
from functools import lru_cache
from typing import Any

import pandas as pd
import pandera.pandas as pa
import pyarrow as pa_arrow

from schemas.talk import COLUMN_NAMES, COLUMNS, FORBIDDEN_IN_TEXT, SPEAKER_TYPE, Column

_FORBIDDEN = re.compile("|".join(FORBIDDEN_IN_TEXT), re.I | re.M)


def _type_check(col: Column):
    """An element-wise check that a Python value fits the column's Arrow type."""
    t = col.arrow_type
    if pa_arrow.types.is_string(t):
        return lambda v: isinstance(v, str)
    if pa_arrow.types.is_date32(t):
        return lambda v: isinstance(v, dt.date) and not isinstance(v, dt.datetime)
    if pa_arrow.types.is_timestamp(t):
        return lambda v: isinstance(v, dt.datetime) and v.utcoffset() == dt.timedelta(0)
    if t == pa_arrow.list_(SPEAKER_TYPE):
        return lambda v: (
            isinstance(v, list)
            and all(
                isinstance(s, dict) and isinstance(s.get("name"), str) and s["name"].strip()
                for s in v
            )
        )
    if t == pa_arrow.list_(pa_arrow.string()):
        return lambda v: isinstance(v, list) and all(isinstance(s, str) for s in v)
    raise TypeError(f"no validation rule for Arrow type {t}")


def _valid_zone(v: Any) -> bool:
    return isinstance(v, str) and v in _zones()


@lru_cache(maxsize=1)
def _zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones() | {"UTC"})


def _local_date_matches(df: pd.DataFrame) -> pd.Series:
    def ok(row: pd.Series) -> bool:
        start, date, zone = row["start"], row["date"], row["timezone"]
        if start is None or date is None or pd.isna(start) or not _valid_zone(zone):
            return True
        return start.astimezone(zoneinfo.ZoneInfo(zone)).date() == date

    return df.apply(ok, axis=1)


def _end_after_start(df: pd.DataFrame) -> pd.Series:
    return df.apply(
        lambda r: r["start"] is None or r["end"] is None or r["end"] >= r["start"], axis=1
    )


@lru_cache(maxsize=1)
def talk_schema() -> pa.DataFrameSchema:
    """The pandera schema of the talks dataset, derived from ``COLUMNS``."""
    columns: dict[str, pa.Column] = {}
    for col in COLUMNS:
        checks = [pa.Check(_type_check(col), element_wise=True, name=f"type {col.arrow_type}")]
        if col.allowed:
            checks.append(pa.Check.isin(list(col.allowed)))
        if col.name == "timezone":
            checks.append(pa.Check(_valid_zone, element_wise=True, name="IANA zone name"))
        if col.name in ("title", "abstract"):
            checks.append(
                pa.Check(
                    lambda v: not _FORBIDDEN.search(v), element_wise=True, name="no markup or label"
                )
            )
        columns[col.name] = pa.Column(
            object, checks=checks, nullable=col.nullable, unique=col.unique, coerce=False
        )
    return pa.DataFrameSchema(
        columns,
        checks=[
            pa.Check(_end_after_start, name="end >= start"),
            pa.Check(_local_date_matches, name="date is the local date of start"),
        ],
        strict=True,
        ordered=True,
    )


def to_frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """Rows as an object-dtype frame in contract column order (values stay Python objects)."""
    frame = pd.DataFrame(
        [[row.get(c) for c in COLUMN_NAMES] for row in rows],
        columns=list(COLUMN_NAMES),
        dtype=object,
    )
    return frame.astype(object).where(frame.notna(), None)


def validate(rows: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Split ``rows`` into (valid rows, rejected rows with a ``reasons`` list)."""
    if not rows:
        return [], []
    frame = to_frame(rows)
    try:
        talk_schema().validate(frame, lazy=True)
        return list(rows), []
    except pa.errors.SchemaErrors as exc:
        cases = exc.failure_cases
    reasons: dict[int, list[str]] = defaultdict(list)
    for case in cases.itertuples(index=False):
        index = case.index
        if index is None or pd.isna(index):
            continue  # schema-level failure (a column missing): a bug, reported below
        column = case.column if isinstance(case.column, str) else "row"
        reasons[int(index)].append(f"{column}: {case.check}")
    unattributed = cases[cases["index"].isna()]
    if len(unattributed):
        raise RuntimeError(
            f"dataset does not fit the talk schema: {unattributed.to_dict('records')}"
        )
    good = [row for i, row in enumerate(rows) if i not in reasons]
    bad = [dict(row, reasons=sorted(set(reasons[i]))) for i, row in enumerate(rows) if i in reasons]
    return good, bad
