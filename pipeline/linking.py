"""Linking across documents, run when a dataset is published: rows reporting the same
talk get one ``event_id`` (``events.py``), speakers get a ``person_id`` (``people_table.py``),
and the two derived tables ``events.parquet`` and ``people.parquet`` are built.

Why at publication and over the whole dataset: a talk's other sources may be files of
earlier runs, so linking is a property of the dataset, not of a file. The derived fields
are taken off the rows of the previous run when it is read back (``strip_links``), so
that the change lists compare what the sources say, and a new source joining a talk does
not make its older rows "updated".
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyarrow as pa

from pipeline.events import find_events, merge_event
from pipeline.people_table import build_people
from pipeline.write import write_parquet
from schemas.event import event_schema
from schemas.person import person_schema

DERIVED_COLUMNS = ("event_id",)
DERIVED_SPEAKER_FIELDS = ("person_id",)


def strip_links(row: dict[str, Any]) -> dict[str, Any]:
    """``row`` without the fields linking derives (``event_id``, speakers' ``person_id``)."""
    out = {k: v for k, v in row.items() if k not in DERIVED_COLUMNS}
    if out.get("speakers"):
        out["speakers"] = [{k: v for k, v in s.items() if k not in DERIVED_SPEAKER_FIELDS}
                           for s in out["speakers"]]
    return out


def link(rows: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Set ``event_id`` and speakers' ``person_id`` on ``rows`` (in place); return the rows
    of ``events.parquet`` and of ``people.parquet``, each in id order."""
    groups = find_events(rows)
    people = build_people(rows)
    events = [merge_event(eid, members) for eid, members in sorted(groups.items())]
    return events, people


def publish_links(rows: list[dict[str, Any]], run_dir: Path) -> None:
    """Link ``rows`` (in place) and write ``events.parquet`` and ``people.parquet`` into
    ``run_dir``: the run's publication hook."""
    events, people = link(rows)
    write_parquet(pa.Table.from_pylist(events, schema=event_schema()),
                  run_dir / "events.parquet")
    write_parquet(pa.Table.from_pylist(people, schema=person_schema()),
                  run_dir / "people.parquet")
