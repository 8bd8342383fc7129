"""Building and comparing expected dataset rows in extractor tests: one place for the
field list and the comparison, so every test asserts every field the same way."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from extractors.plaintext import extract
from pipeline.normalise.stage import normalise
from pipeline.records import Document, Hints

FIELDS = ("series", "kind", "title", "abstract", "speakers", "speaker_bio", "date", "start",
          "end", "timezone", "location", "url", "slides", "video", "warnings")


def text_rows(path: Path, tz: str | None) -> list[dict]:
    """Rows of a plain-text document through the text extractor and the normalise stage."""
    doc = Document(path=path.name, data=path.read_bytes(), sha256="0", format="text",
                   hints=Hints(timezone=tz))
    return normalise(doc, extract(doc), dt.datetime(2024, 1, 1, tzinfo=dt.UTC))


def sp(name: str, aff: str | None = None, role: str | None = None) -> dict:
    """An expected speaker."""
    return {"name": name, "affiliation": aff, "role": role}


def talk(**fields: object) -> dict:
    """An expected row: every field null unless given, kind ``talk``, no warnings."""
    base: dict = {k: None for k in FIELDS}
    base["kind"] = "talk"
    base["warnings"] = []
    base.update(fields)
    return base


def check(got: list[dict], expected: list[dict]) -> None:
    """Every field of every row as expected (warnings compared as sets)."""
    assert len(got) == len(expected), [r["title"] for r in got]
    for row, exp in zip(got, expected, strict=True):
        seen = {k: row[k] for k in FIELDS}
        seen["warnings"] = sorted(seen["warnings"] or [])
        exp = {**exp, "warnings": sorted(exp["warnings"])}
        assert seen == exp
