"""Records passed between stages.

``Document`` is what the extract stage gets: one file's bytes, its detected
format and its ``sources.toml`` hints. ``RawTalk`` is what an extractor returns:
the talk as the document states it, before the shared normalise stage settles
names, dates, zones and text. Both are plain, picklable data so extraction can
run in a process pool unchanged.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from functools import cached_property


@dataclass(frozen=True)
class Hints:
    """Per-file defaults from ``sources.toml`` (SCHEMA.md section 2)."""

    series: str | None = None
    timezone: str | None = None
    location: str | None = None
    format: str | None = None


@dataclass(frozen=True)
class Document:
    """One input file as the extract stage sees it."""

    path: str  # relative to the input root, POSIX separators
    data: bytes
    sha256: str
    format: str  # one of schemas.talk.SOURCE_FORMATS
    hints: Hints = Hints()
    # What identifies the document across runs, whatever its path: the hash of its
    # bytes when first seen, kept by the run's state while the file keeps its path
    # (so edits keep it) and handed on when the same bytes turn up under a new path
    # or a new input root (so renames keep it). None: the bytes' hash.
    doc_id: str | None = None

    def talk_id(self, key: str) -> str:
        """The stable id of the talk known as ``key`` inside this document.

        Built from the document's identity, never its path: renaming a file or adding
        an input root must not remove and re-add every talk it holds.
        """
        identity = self.doc_id or self.sha256
        return hashlib.sha256(f"{identity}\x00{key}".encode()).hexdigest()[:20]

    @cached_property
    def text(self) -> str:
        """The bytes decoded as text (BOM-aware; UTF-8, else best guess), decoded once."""
        from pipeline.decode import decode_text

        return decode_text(self.data)


@dataclass
class Speaker:
    name: str
    affiliation: str | None = None
    role: str | None = None


@dataclass
class RawTalk:
    """A talk as one document states it.

    Extractors fill what they find. Structured values (``speakers``, ``start``)
    are used as given; textual ones (``speaker_text``, ``when_text``) are parsed
    by the normalise stage with the document's context (``year_hint``,
    ``reference_date``), so date, name and role parsing live in one place.
    """

    key: str | None = None  # identity within the document (e.g. ICS UID + original start)
    title: str | None = None
    kind: str | None = None  # None: inferred by normalise from the title
    speakers: list[Speaker] = field(default_factory=list)
    speaker_text: list[str] = field(default_factory=list)  # raw speaker lines, parsed later
    abstract: str | None = None
    speaker_bio: str | None = None
    # time, structured: aware datetimes, or naive local times to localise in ``timezone``
    date: dt.date | None = None
    start: dt.datetime | None = None
    end: dt.datetime | None = None
    # time, textual: "Friday, March 24, 2023, 3:00–4:00 pm", parsed by normalise
    when_text: str | None = None
    year_hint: int | None = None  # year from the nearest heading / front matter
    reference_date: dt.date | None = None  # document date (email Date header, front matter)
    timezone: str | None = None  # IANA zone the document itself states
    location: str | None = None  # location the document itself states
    url: str | None = None
    slides: str | None = None
    video: str | None = None
    series: str | None = None  # series the document itself states
    warnings: list[str] = field(default_factory=list)
