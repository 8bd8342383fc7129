"""The one definition of ``events.parquet``: one row per real talk, across its sources.

A talk announced in a calendar feed, on the series page and in an email is three rows of
``talks.parquet`` sharing an ``event_id``, and one row here holding the best value of each
field (``pipeline/events.py`` says how it is chosen), where each value came from, and what
the sources disagree on. The talk fields keep the types of ``schemas/talk.py``.
"""

from __future__ import annotations

import pyarrow as pa

from schemas.talk import COLUMNS

# Fields of a talk an event takes from its best source (the rest are per-source provenance).
MERGED_FIELDS: tuple[str, ...] = (
    "series", "kind", "title", "abstract", "speakers", "speaker_bio", "date", "start", "end",
    "timezone", "location", "url", "slides", "video",
)

SOURCE_TYPE = pa.struct(
    [
        pa.field("field", pa.string()),
        pa.field("talk_id", pa.string()),
        pa.field("source_path", pa.string()),
        pa.field("source_format", pa.string()),
    ]
)

_TALK = {c.name: c for c in COLUMNS}
_HEAD: tuple[tuple[str, pa.DataType, bool, str], ...] = (
    ("event_id", pa.string(), False, "stable id of the real talk: the event_id in talks.parquet"),
    ("talk_ids", pa.list_(pa.string()), False, "the rows of talks.parquet reporting this talk"),
    ("source_paths", pa.list_(pa.string()), False, "the documents reporting it, by path"),
    ("n_sources", pa.int32(), False, "how many documents report it"),
)
_TAIL: tuple[tuple[str, pa.DataType, bool, str], ...] = (
    ("sources", pa.list_(SOURCE_TYPE), False,
     "per field: the row (talk_id, source_path, source_format) its value was taken from"),
    ("conflicts", pa.list_(pa.string()), False,
     "where sources disagree (two start times), naming the values and their sources"),
)


def event_schema() -> pa.Schema:
    """The Arrow schema of ``events.parquet``, with a description on every column."""
    fields = [pa.field(n, t, nullable=null, metadata={"description": d})
              for n, t, null, d in _HEAD]
    for name in MERGED_FIELDS:
        col = _TALK[name]
        fields.append(pa.field(name, col.arrow_type, nullable=col.nullable,
                               metadata={"description": f"{col.doc} (best source)"}))
    fields += [pa.field(n, t, nullable=null, metadata={"description": d})
               for n, t, null, d in _TAIL]
    return pa.schema(fields)
