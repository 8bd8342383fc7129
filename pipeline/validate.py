"""Stage 5, validate: the dataset checked against the one talk definition.

The rules come from ``schemas.talk.COLUMNS`` (types, nullability, uniqueness, allowed
values) plus the cross-field rules of the contract: ``end >= start``, ``date`` is the
local date of ``start`` in ``timezone``, zones are IANA names, speakers are named, and
no markup or label survives in title or abstract. Rows that fail are returned apart
with their reasons, never dropped silently.

``validate`` applies the rules row by row in plain Python: a pandera pass costs about
0.6 ms a row (its element-wise checks go through pandas ``apply``), more than
extracting many of them, while these checks cost microseconds. ``talk_schema`` is the
same rules as a pandera schema, for notebooks and for the test that keeps both in step.
A run validates only the rows it extracted: rows carried over from an unchanged file
were validated when they were first written.
"""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from collections.abc import Callable
from functools import lru_cache
from typing import Any

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


def _no_markup(v: Any) -> bool:
    return not _FORBIDDEN.search(v)


def _local_date_ok(start: Any, date: Any, zone: Any) -> bool:
    if start is None or date is None or not _valid_zone(zone):
        return True
    return start.astimezone(zoneinfo.ZoneInfo(zone)).date() == date


def _end_ok(start: Any, end: Any) -> bool:
    return start is None or end is None or end >= start


Rule = tuple[str, Callable[[Any], bool]]


@lru_cache(maxsize=1)
def _column_rules() -> tuple[tuple[Column, tuple[Rule, ...]], ...]:
    """Per column, its checks in order, each with the name a failure reports."""
    out = []
    for col in COLUMNS:
        rules: list[Rule] = [(f"type {col.arrow_type}", _type_check(col))]
        if col.allowed:
            allowed = frozenset(col.allowed)
            rules.append((f"isin({list(col.allowed)!r})", allowed.__contains__))
        if col.name == "timezone":
            rules.append(("IANA zone name", _valid_zone))
        if col.name in ("title", "abstract"):
            rules.append(("no markup or label", _no_markup))
        out.append((col, tuple(rules)))
    return tuple(out)


def row_reasons(row: dict[str, Any]) -> list[str]:
    """Why ``row`` breaks the contract (empty when it does not); uniqueness aside, which
    is a property of the whole dataset (``validate``)."""
    reasons: list[str] = []
    typed = True
    for col, rules in _column_rules():
        value = row.get(col.name)
        if value is None:
            if not col.nullable:
                reasons.append(f"{col.name}: not_nullable")
            continue
        for name, check in rules:
            try:
                ok = check(value)
            except (TypeError, ValueError, AttributeError):
                ok = False
            if not ok:
                reasons.append(f"{col.name}: {name}")
                typed = typed and not name.startswith("type ")
    if typed:  # the cross-field rules need values of the right types
        if not _end_ok(row.get("start"), row.get("end")):
            reasons.append("row: end >= start")
        if not _local_date_ok(row.get("start"), row.get("date"), row.get("timezone")):
            reasons.append("row: date is the local date of start")
    extra = set(row) - _NAMES
    if extra:
        reasons.append(f"row: columns not in the contract: {sorted(extra)}")
    return reasons


_NAMES = frozenset(COLUMN_NAMES)


def validate_rows(
    rows: list[dict[str, Any]],
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(rows that keep every per-row rule, the others with a sorted ``reasons`` list)."""
    good, bad = [], []
    for row in rows:
        reasons = row_reasons(row)
        if reasons:
            bad.append(dict(row, reasons=sorted(set(reasons))))
        else:
            good.append(row)
    return good, bad


def duplicate_ids(ids: list[str]) -> set[str]:
    """Ids that more than one row holds: every such row is rejected (none is the real one)."""
    seen: set[str] = set()
    dup: set[str] = set()
    for tid in ids:
        (dup if tid in seen else seen).add(tid)
    return dup


def validate(rows: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Split ``rows`` into (valid rows, rejected rows with a ``reasons`` list)."""
    dup = duplicate_ids([r.get("talk_id") for r in rows if r.get("talk_id") is not None])
    good, bad = [], []
    for row in rows:
        reasons = row_reasons(row)
        if row.get("talk_id") in dup:
            reasons.append("talk_id: field_uniqueness")
        if reasons:
            bad.append(dict(row, reasons=sorted(set(reasons))))
        else:
            good.append(row)
    return good, bad


@lru_cache(maxsize=1)
def talk_schema() -> Any:
    """The same rules as a pandera ``DataFrameSchema`` over an object-dtype frame of rows
    (``to_frame``): for notebooks and for the test that keeps both definitions in step."""
    import pandera.pandas as pa

    def rowwise(check: Callable[..., bool], *names: str) -> Callable[[Any], Any]:
        return lambda df: df.apply(lambda r: check(*(r[n] for n in names)), axis=1)

    columns: dict[str, Any] = {}
    for col, rules in _column_rules():
        checks = [pa.Check(fn, element_wise=True, name=name) for name, fn in rules]
        columns[col.name] = pa.Column(
            object, checks=checks, nullable=col.nullable, unique=col.unique, coerce=False
        )
    return pa.DataFrameSchema(
        columns,
        checks=[
            pa.Check(rowwise(_end_ok, "start", "end"), name="end >= start"),
            pa.Check(rowwise(_local_date_ok, "start", "date", "timezone"),
                     name="date is the local date of start"),
        ],
        strict=True,
        ordered=True,
    )


def to_frame(rows: list[dict[str, Any]]) -> Any:
    """Rows as an object-dtype frame in contract column order (values stay Python objects)."""
    import pandas as pd

    frame = pd.DataFrame(
        [[row.get(c) for c in COLUMN_NAMES] for row in rows],
        columns=list(COLUMN_NAMES),
        dtype=object,
    )
    return frame.astype(object).where(frame.notna(), None)
