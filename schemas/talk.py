"""The one definition of a talk row (SCHEMA.md section 1).

Everything else derives from ``COLUMNS``: the Arrow schema the writer uses, the
pandera schema the validator uses, the column order of the dataset. Adding a
column here adds it everywhere; nothing else lists the columns again.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyarrow as pa

SOURCE_FORMATS = ("html", "markdown", "ics", "pdf", "slides_text", "text")
KINDS = ("talk", "remarks", "panel", "lecture", "tutorial")

SPEAKER_TYPE = pa.struct(
    [
        pa.field("name", pa.string()),
        pa.field("affiliation", pa.string()),
        pa.field("role", pa.string()),
        # added by the people table (pipeline/people_table.py) when the run publishes
        pa.field("person_id", pa.string()),
    ]
)
UTC_TIMESTAMP = pa.timestamp("us", tz="UTC")


@dataclass(frozen=True)
class Column:
    """One column of the dataset: its Arrow type, whether it may be null, what it means."""

    name: str
    arrow_type: pa.DataType
    nullable: bool
    doc: str
    allowed: tuple[str, ...] | None = None
    unique: bool = False


COLUMNS: tuple[Column, ...] = (
    Column("talk_id", pa.string(), False, "stable id of the talk within its source", unique=True),
    Column("source_path", pa.string(), False, "input file, relative to the input root"),
    Column("source_format", pa.string(), False, "format detected from content", SOURCE_FORMATS),
    Column("source_sha256", pa.string(), False, "SHA-256 of the input file's bytes"),
    Column("series", pa.string(), True, "seminar series or event"),
    Column("kind", pa.string(), False, "talk, remarks, panel, lecture or tutorial", KINDS),
    Column("title", pa.string(), True, "plain-text title; placeholders are null"),
    Column("abstract", pa.string(), True, "plain-text abstract, paragraphs split by a blank line"),
    Column("speakers", pa.list_(SPEAKER_TYPE), True,
           "speakers in order: name, affiliation, role, person_id (see people.parquet)"),
    Column("speaker_bio", pa.string(), True, "biography paragraph"),
    Column("date", pa.date32(), True, "local calendar date"),
    Column("start", UTC_TIMESTAMP, True, "start instant (UTC)"),
    Column("end", UTC_TIMESTAMP, True, "end instant (UTC)"),
    Column("timezone", pa.string(), True, "IANA zone of the source's local times"),
    Column("location", pa.string(), True, "room, venue or Online"),
    Column("url", pa.string(), True, "the talk's own page"),
    Column("slides", pa.string(), True, "slides link or file name"),
    Column("video", pa.string(), True, "recording link"),
    Column("warnings", pa.list_(pa.string()), True, "what was guessed or unresolved"),
    Column("extracted_at", UTC_TIMESTAMP, False, "when the row was extracted"),
    # Set when the run publishes (pipeline/events.py), across every source: null only in
    # rows that never reach talks.parquet (rejects) and in rows before linking.
    Column("event_id", pa.string(), True,
           "the real talk this row reports: rows of several sources sharing it are one talk"),
)

COLUMN_NAMES: tuple[str, ...] = tuple(c.name for c in COLUMNS)
SORT_KEYS: tuple[str, ...] = ("source_path", "talk_id")


def arrow_schema() -> pa.Schema:
    """The Arrow schema of ``talks.parquet``, derived from ``COLUMNS``."""
    return pa.schema([pa.field(c.name, c.arrow_type, nullable=c.nullable,
                               metadata={"description": c.doc}) for c in COLUMNS])


# Strings that must never survive into a title or abstract: markup and labels.
FORBIDDEN_IN_TEXT = (r"^\s*(title|abstract)\s*:", r"\*\*", r"<a[\s>]", r"</?(p|div|span|br)\b")
