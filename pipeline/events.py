"""One real talk across its sources: rows of different documents that report the same
talk get one ``event_id``, and ``events.parquet`` gets one row per real talk.

A seminar's talk is announced in its calendar feed, on the series page and in an email;
each is a row of ``talks.parquet`` (rows keep their source: the dataset stays a faithful
record of each document). Two rows are the same talk when they come from different
documents, fall on the same date, name an overlapping speaker (``name_keys.compatible``:
``J. Smith`` and ``Jane Smith`` overlap) and have similar titles (token-set similarity),
where a missing title (``TBA`` is null by then) on one side does not count against them,
and titles numbering different parts (``Part I``, ``Part 2``) never match.
A row without a date can still join a dated one, but only on a near-identical title and
a shared speaker. Rows are compared only within a date (or, undated, a surname) block, so
the cost stays near linear in the dataset. Matches are taken best first; a real talk
never holds two rows of one document (those are two talks) or two different dates.

The event's fields are the best each source offers: the longest title, abstract, bio,
location, links; the speakers list that states most (affiliations, roles); the start,
end and zone of the row stating most of them, calendar feeds first (a feed's ``UTC``
gives way to the regional zone of a source stating the same instant). ``sources`` says
which row each value came from, ``conflicts`` where the sources disagree (two start
times). ``event_id`` is derived from the smallest talk_id among the rows, so it is stable
across runs, and a talk seen in one source keeps an id derived from its own talk_id.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from pipeline.name_keys import NameKey, compatible, name_key
from pipeline.similarity import title_numbers, title_tokens, token_set_ratio
from pipeline.unionfind import GuardedUnionFind
from schemas.event import MERGED_FIELDS

# Similar enough titles for a shared speaker on the same date (token-set similarity).
TITLE_MATCH = 0.8
# A row without a date, or without speakers, needs a near-identical title.
TITLE_STRICT = 0.9
# Undated, the titles must also share most of their words (``Weather`` is in many titles).
UNDATED_COVERAGE = 0.6
# Without a speaker on one side the title alone must carry the match: at least this long.
TITLE_ALONE_WORDS = 4
# Which source's value wins a tie: calendar feeds state times most exactly, pages next.
SOURCE_PRIORITY = ("ics", "html", "markdown", "pdf", "text", "slides_text")
_TEXT_FIELDS = ("title", "abstract", "speaker_bio", "location", "series", "url", "slides",
                "video")
_TIME_FIELDS = ("start", "end", "timezone", "date")


@dataclass
class _Talk:
    index: int
    row: dict[str, Any]
    date: dt.date | None
    keys: tuple[NameKey, ...]
    title: frozenset[str]
    numbers: frozenset[int]

    @property
    def path(self) -> str:
        return self.row["source_path"]


def _talks(rows: list[dict[str, Any]]) -> list[_Talk]:
    return [
        _Talk(i, row, row.get("date"),
              tuple(name_key(s["name"]) for s in row.get("speakers") or [] if s.get("name")),
              title_tokens(row.get("title")), title_numbers(row.get("title")))
        for i, row in enumerate(rows)
    ]


def _speakers_overlap(a: _Talk, b: _Talk) -> bool:
    return any(compatible(x, y) for x in a.keys for y in b.keys)


def _coverage(a: _Talk, b: _Talk) -> float:
    return len(a.title & b.title) / max(len(a.title), len(b.title))


def match_score(a: _Talk, b: _Talk) -> float | None:
    """How surely ``a`` and ``b`` report one talk (higher is surer), or None if they do not."""
    if a.path == b.path:
        return None
    if a.date is not None and b.date is not None and a.date != b.date:
        return None
    if a.numbers and b.numbers and a.numbers != b.numbers:
        return None  # ``Part I`` and ``Part II``: alike titles, different talks
    dated = a.date is not None and b.date is not None
    titled = bool(a.title and b.title)
    # the title similarity (the costly part) is measured only where it decides
    if a.keys and b.keys:
        if not _speakers_overlap(a, b):
            return None
        if not titled:  # a title missing on one side: the date and the speaker decide
            return 1.0 if dated else None
        sim = token_set_ratio(a.title, b.title)
        if dated and sim >= TITLE_MATCH:
            return 1.0 + sim
        if not dated and sim >= TITLE_STRICT and _coverage(a, b) >= UNDATED_COVERAGE:
            return 1.0 + sim
        return None
    # a side names nobody: only a long, near-identical title on the same date
    if not dated or not titled:
        return None
    sim = token_set_ratio(a.title, b.title)
    if sim < TITLE_STRICT:
        return None
    if min(len(a.title), len(b.title)) < TITLE_ALONE_WORDS or _coverage(a, b) < UNDATED_COVERAGE:
        return None
    return sim


def _candidate_pairs(talks: list[_Talk]) -> Iterable[tuple[_Talk, _Talk]]:
    """Pairs worth comparing: the same date, or, for an undated row, the same speaker block."""
    by_date: dict[dt.date, list[_Talk]] = defaultdict(list)
    by_block: dict[tuple[str, str], list[_Talk]] = defaultdict(list)
    undated: list[_Talk] = []
    for t in talks:
        if t.date is not None:
            by_date[t.date].append(t)
        else:
            undated.append(t)
        for block in {k.block for k in t.keys}:
            by_block[block].append(t)
    for _date, group in sorted(by_date.items()):
        if len({t.path for t in group}) < 2:
            continue
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                yield a, b
    seen: set[tuple[int, int]] = set()
    for t in undated:
        for block in sorted({k.block for k in t.keys}):
            for other in by_block[block]:
                pair = (min(t.index, other.index), max(t.index, other.index))
                if other.index != t.index and pair not in seen:
                    seen.add(pair)
                    yield t, other


class _Clusters(GuardedUnionFind):
    """Union-find over rows, refusing a union that would put two rows of one document or
    two different dates in one talk."""

    def __init__(self, talks: list[_Talk]) -> None:
        super().__init__(len(talks))
        self.paths = [{t.path} for t in talks]
        self.dates = [{t.date} - {None} for t in talks]

    def refuses(self, ra: int, rb: int) -> bool:
        return bool(self.paths[ra] & self.paths[rb]) or len(self.dates[ra] | self.dates[rb]) > 1

    def absorb(self, keep: int, gone: int) -> None:
        self.paths[keep] |= self.paths[gone]
        self.dates[keep] |= self.dates[gone]


def event_id_of(talk_ids: Iterable[str]) -> str:
    """The event's id: derived from the smallest member talk_id (stable across runs)."""
    return "ev" + hashlib.sha256(min(talk_ids).encode()).hexdigest()[:18]


def find_events(rows: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Set ``event_id`` on every row; return the rows of each event, by event_id."""
    talks = _talks(rows)
    scored = []
    for a, b in _candidate_pairs(talks):
        score = match_score(a, b)
        if score is not None:
            scored.append((-score, min(a.index, b.index), max(a.index, b.index)))
    clusters = _Clusters(talks)
    for _neg, i, j in sorted(scored):
        clusters.union(i, j)
    members: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for t in talks:
        members[clusters.find(t.index)].append(t.row)
    events: dict[str, list[dict[str, Any]]] = {}
    for group in members.values():
        eid = event_id_of(r["talk_id"] for r in group)
        for row in group:
            row["event_id"] = eid
        events[eid] = sorted(group, key=source_order)
    return events


def source_order(row: dict[str, Any]) -> tuple[int, str]:
    """The order of an event's rows: calendar feeds first (``SOURCE_PRIORITY``), then id."""
    fmt = row.get("source_format")
    rank = SOURCE_PRIORITY.index(fmt) if fmt in SOURCE_PRIORITY else len(SOURCE_PRIORITY)
    return rank, row["talk_id"]


def _text_fullness(value: Any) -> int:
    return len(" ".join(value.split())) if isinstance(value, str) else -1


def _speakers_fullness(value: Any) -> tuple[int, int]:
    if not value:
        return (-1, -1)
    stated = sum(1 + bool(s.get("affiliation")) + bool(s.get("role")) for s in value)
    return (stated, sum(len(str(v)) for s in value for v in s.values() if v))


def _time_fullness(row: dict[str, Any]) -> tuple[int, int, int, int]:
    return tuple(int(row.get(f) is not None) for f in _TIME_FIELDS)  # type: ignore[return-value]


def _best(members: list[dict[str, Any]], fullness) -> dict[str, Any]:
    """The member whose value is fullest; ties go to the earlier member (source order)."""
    best = members[0]
    for row in members[1:]:
        if fullness(row) > fullness(best):
            best = row
    return best


def _when(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")


def _conflicts(members: list[dict[str, Any]]) -> list[str]:
    """Where the members disagree: two different start (or end) instants."""
    notes = []
    for name in ("start", "end"):
        values: dict[dt.datetime, list[str]] = defaultdict(list)
        for row in members:
            if row.get(name) is not None:
                values[row[name]].append(row["source_path"])
        if len(values) > 1:
            said = "; ".join(f"{_when(v)} in {', '.join(paths)}"
                             for v, paths in sorted(values.items()))
            notes.append(f"{name} differs between sources: {said}")
    return notes


def merge_event(event_id: str, members: list[dict[str, Any]]) -> dict[str, Any]:
    """The event row of ``members`` (in source order): the best value of every field."""
    chosen: dict[str, dict[str, Any]] = {}
    for name in _TEXT_FIELDS:
        chosen[name] = _best(members, lambda r, n=name: _text_fullness(r.get(n)))
    chosen["speakers"] = _best(members, lambda r: _speakers_fullness(r.get("speakers")))
    timed = _best(members, _time_fullness)
    for name in _TIME_FIELDS:
        chosen[name] = timed
    regional = [r for r in members if r.get("start") is not None
                and r.get("start") == timed.get("start") and r.get("timezone") not in (None, "UTC")]
    if regional and timed.get("timezone") in (None, "UTC"):  # a feed in UTC, a page in its zone
        chosen["timezone"] = chosen["date"] = regional[0]
    if chosen["date"].get("date") is None:
        chosen["date"] = _best(members, lambda r: int(r.get("date") is not None))
    chosen["kind"] = chosen["title"]
    event: dict[str, Any] = {
        "event_id": event_id,
        "talk_ids": [r["talk_id"] for r in members],
        "source_paths": sorted({r["source_path"] for r in members}),
        "n_sources": len({r["source_path"] for r in members}),
    }
    sources = []
    for name in MERGED_FIELDS:
        row = chosen[name]
        value = row.get(name)
        if name == "speakers" and value:
            value = [dict(s) for s in value]
        event[name] = value
        if value is not None and value != []:
            sources.append({"field": name, "talk_id": row["talk_id"],
                            "source_path": row["source_path"],
                            "source_format": row["source_format"]})
    event["sources"] = sources
    event["conflicts"] = _conflicts(members)
    return event
