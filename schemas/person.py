"""The one definition of ``people.parquet``: one row per person across the dataset.

``pipeline/people_table.py`` builds it: the speakers of every talk, their name variants
merged where the evidence allows, talks counted once per real talk (``event_id``), and the
affiliations they spoke under, in the order they first used them.
"""

from __future__ import annotations

import pyarrow as pa

AFFILIATION_TYPE = pa.struct(
    [
        pa.field("affiliation", pa.string()),
        pa.field("first_date", pa.date32()),
        pa.field("last_date", pa.date32()),
        pa.field("talks", pa.int32()),
    ]
)

PERSON_COLUMNS: tuple[tuple[str, pa.DataType, bool, str], ...] = (
    ("person_id", pa.string(), False, "stable id of the person: person_id of talks' speakers"),
    ("name", pa.string(), False, "the fullest spelling of the name the sources use"),
    ("names", pa.list_(pa.string()), False, "every spelling of the name, as written"),
    ("talks", pa.int32(), False, "how many real talks (events) the person gave"),
    ("first_date", pa.date32(), True, "date of the first dated talk"),
    ("last_date", pa.date32(), True, "date of the last dated talk"),
    ("affiliations", pa.list_(AFFILIATION_TYPE), False,
     "affiliations over time: each with its first and last dates and its talk count"),
    ("series", pa.list_(pa.string()), False, "the series the person spoke in"),
    ("event_ids", pa.list_(pa.string()), False, "the person's talks (event_id), sorted"),
)


def person_schema() -> pa.Schema:
    """The Arrow schema of ``people.parquet``, with a description on every column."""
    return pa.schema([pa.field(n, t, nullable=null, metadata={"description": d})
                      for n, t, null, d in PERSON_COLUMNS])
