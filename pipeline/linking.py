"""Linking across documents, run when a dataset is published: rows reporting the same
talk get one ``event_id`` (``events.py``), speakers get a ``person_id`` (``people_table.py``),
and the two derived tables ``events.parquet`` and ``people.parquet`` are built.

Why at publication and over the dataset: a talk's other sources may be files of earlier
runs, so linking is a property of the dataset, not of a file. The change lists compare
what the sources say (``state.PROVENANCE`` leaves ``event_id`` out), so a new source
joining a talk does not make its older rows "updated".

Why incrementally: relinking 150,000 rows costs tens of seconds, and a nightly re-run that
changed a few files must cost seconds. Linking is local: two rows can only be paired when
they share blocking keys (``_row_keys``: a date and a speaker's name block, or titles
sharing most words on a date or in a name block), and two speakers only when their
names share a block (``NameKey.block``). So the dataset falls apart into
*components* (rows joined by shared blocking keys) whose events are a function of their
own rows alone, and into name blocks whose people are a function of their own mentions
(and of those mentions' ``event_id``). A re-run relinks only the components that hold a
row added, edited or removed since the published run, and rebuilds only the name blocks
of those rows' speakers and of rows whose ``event_id`` changed; every other row, event and
person is carried over as it was published. The result is the one a whole relink gives
(``tests/test_incremental_linking.py`` holds the two side by side); a run with nothing
changed does not relink at all and hard-links the published tables forward.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import math
import os
import shutil
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from pipeline.events import (
    TITLE_ALONE_WORDS,
    UNDATED_COVERAGE,
    find_events,
    merge_event,
    source_order,
)
from pipeline.name_keys import name_key
from pipeline.people_table import build_people
from pipeline.similarity import title_tokens
from pipeline.write import write_json, write_parquet
from schemas.event import MERGED_FIELDS, event_schema
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


@dataclass
class Published:
    """What the incremental relink needs of the published run.

    ``folder`` holds its ``events.parquet`` and ``people.parquet``; ``clean_ids`` are the
    talk ids of rows carried over exactly as published (same id, same links), and
    ``removed`` the published rows that are not (their file changed or went, or their id
    was re-derived), with at least the columns of ``LINK_COLUMNS``."""

    folder: Path
    clean_ids: pa.Array
    removed: pa.Table

    def usable(self) -> bool:
        """Whether the published tables are there and were made by this linking code."""
        if not all((self.folder / name).is_file() for name in LINK_FILES):
            return False
        try:
            made = json.loads((self.folder / VERSION_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return False
        return isinstance(made, dict) and made.get("version") == version()


LINK_FILES = ("events.parquet", "people.parquet")
VERSION_FILE = "links.json"
# The code links are a function of: a change in any of it relinks the whole dataset once.
_LINK_MODULES = ("pipeline.linking", "pipeline.events", "pipeline.people_table",
                 "pipeline.name_keys", "pipeline.similarity", "pipeline.unionfind",
                 "pipeline.normalise.vocab")


@lru_cache(maxsize=1)
def version() -> str:
    """A hash of the linking code's source: links carried from a run of other code would
    not be the links a whole relink gives now, so they are not carried."""
    digest = hashlib.sha256()
    for name in _LINK_MODULES:
        module = importlib.import_module(name)
        digest.update(Path(module.__file__ or name).read_bytes())
    return digest.hexdigest()[:16]
LINK_COLUMNS = ("talk_id", "date", "title", "speakers", "event_id")


def publish_links(good: pa.Table, run_dir: Path, published: Published | None = None
                  ) -> pa.Table:
    """Link the dataset ``good`` and write ``events.parquet`` and ``people.parquet`` into
    ``run_dir`` (the run's publication hook); returns ``good`` with its links set, in the
    dataset's order. With ``published`` (and its tables present), only what this run's
    changes can affect is relinked."""
    write_json({"version": version()}, run_dir / VERSION_FILE)
    if published is not None and published.usable():
        return _relink(good, run_dir, published)
    rows = [strip_links(r) for r in _rows(good)]
    events, people = link(rows)
    write_parquet(pa.Table.from_pylist(events, schema=event_schema()),
                  run_dir / "events.parquet")
    del events
    write_parquet(pa.Table.from_pylist(people, schema=person_schema()),
                  run_dir / "people.parquet")
    del people
    return _set_links(good, range(good.num_rows), rows)


# The columns linking reads: what events merge (schemas.event.MERGED_FIELDS), and a row's
# identity and source. The rest (hashes, warnings, timestamps) is never turned into Python.
_READ = ("talk_id", "source_path", "source_format", "event_id", *MERGED_FIELDS)


def _rows(table: pa.Table, indices: list[int] | None = None) -> list[dict[str, Any]]:
    """The rows of ``table`` (or those at ``indices``) as dicts of the columns linking reads."""
    table = table.select(list(_READ))
    if indices is not None:
        table = table.take(pa.array(indices, pa.int64()))
    return table.to_pylist()


def _set_links(table: pa.Table, indices: range | list[int], rows: list[dict[str, Any]]
               ) -> pa.Table:
    """``table`` with the ``event_id`` and ``speakers`` (their ``person_id``) of ``rows``,
    the rows at ``indices`` (ascending): the columns are replaced in Arrow, so the rest
    of the dataset never becomes Python objects again, and the order is unchanged."""
    n = table.num_rows
    for name in ("event_id", "speakers"):
        field = table.schema.field(name)
        new = pa.array([r.get(name) for r in rows], field.type)
        if len(rows) == n:
            column = new
        else:
            positions = list(range(n))
            for k, i in enumerate(indices):
                positions[i] = n + k
            old = table.column(name)
            column = pa.concat_arrays([*old.chunks, new]).take(pa.array(positions, pa.int64()))
        table = table.set_column(table.schema.get_field_index(name), field, column)
    return table


def _carry_file(source: Path, dest: Path) -> None:
    """``source`` into ``dest``: a hard link (no copy) or, across file systems, a copy."""
    try:
        os.link(source, dest)
    except OSError:
        tmp = dest.with_name(f".{dest.name}.tmp")
        shutil.copyfile(source, tmp)
        os.replace(tmp, dest)


def _days(column: pa.ChunkedArray | pa.Array) -> list[int | None]:
    return column.cast(pa.int32()).to_pylist()


def _blocks(column: pa.ChunkedArray | pa.Array, n: int) -> list[set[tuple[str, str]]]:
    """The name blocks of each row's speakers, read off the Arrow column (each distinct
    name keyed once)."""
    if isinstance(column, pa.ChunkedArray):
        column = column.combine_chunks()
    out: list[set[tuple[str, str]]] = [set() for _ in range(n)]
    parents = pc.list_parent_indices(column).to_pylist()
    names = pc.struct_field(pc.list_flatten(column), "name").to_pylist()
    known: dict[str, tuple[str, str]] = {}
    for row, name in zip(parents, names, strict=True):
        if name:
            block = known.get(name)
            if block is None:
                block = known[name] = name_key(name).block
            out[row].add(block)
    return out


def _titles(column: pa.ChunkedArray | pa.Array) -> list[frozenset[str]]:
    """Each row's title words (``similarity.title_tokens``), each distinct title once."""
    known: dict[str | None, frozenset[str]] = {}
    out = []
    for title in column.to_pylist():
        words = known.get(title)
        if words is None:
            words = known[title] = title_tokens(title)
        out.append(words)
    return out


class _Keys:
    """Union-find over blocking keys (``_row_keys``): rows sharing a key may be paired by
    ``events.find_events``, so rows whose keys are joined lie in one component."""

    def __init__(self) -> None:
        self.parent: dict[Any, Any] = {}

    def find(self, k: Any) -> Any:
        parent = self.parent
        root = parent.setdefault(k, k)
        while parent[root] != root:
            root = parent[root]
        while parent[k] != root:
            parent[k], k = root, parent[k]
        return root

    def join(self, keys: list[Any]) -> None:
        if not keys:
            return
        first = self.find(keys[0])
        for k in keys[1:]:
            other = self.find(k)
            if other != first:
                self.parent[other] = first


def _title_prefix(title: frozenset[str]) -> list[str]:
    """Words of which two titles sharing ``UNDATED_COVERAGE`` of their words share one
    (prefix filtering: of a title's words in a fixed order, the first ``n - k + 1`` when
    any match must share ``k`` of its ``n``; ``k`` is rounded down, so never too few)."""
    words = sorted(title)
    return words[: len(words) - math.floor(UNDATED_COVERAGE * len(words)) + 1]


def _row_keys(day: int | None, blocks: set[tuple[str, str]], title: frozenset[str],
              undated_blocks: set[tuple[str, str]], nameless_days: set[int]) -> list[Any]:
    """A row's blocking keys, such that two rows ``events.match_score`` may pair share one.

    Two rows naming speakers pair only through an overlapping speaker, whose names are in
    one block (``name_keys.compatible`` needs the surname and the first initial): dated,
    on the same day (key: day and block); one undated, with titles sharing most words (key:
    block and a prefix word of the title, ``_title_prefix``). A row naming nobody pairs
    only on its day, with a title of ``TITLE_ALONE_WORDS`` sharing most words (key: day and
    a prefix word). A row takes the keys of the kinds its possible partners hold (an
    undated row of its block, a row naming nobody on its day)."""
    prefix = _title_prefix(title) if title else []
    keys: list[Any] = []
    if blocks and day is not None:
        keys += [("day-name", day, *b) for b in sorted(blocks)]
    if blocks and (day is None or blocks & undated_blocks):
        near = blocks if day is None else blocks & undated_blocks
        keys += [("name-title", *b, w) for b in sorted(near) for w in prefix]
    if day is not None and len(title) >= TITLE_ALONE_WORDS and (not blocks
                                                                or day in nameless_days):
        keys += [("day-title", day, w) for w in prefix]
    return keys


def _relink(good: pa.Table, run_dir: Path, published: Published) -> pa.Table:
    n = good.num_rows
    clean = pc.is_in(good.column("talk_id"), value_set=published.clean_ids).to_pylist()
    removed = published.removed
    if removed.num_rows == 0 and all(clean):  # nothing changed: nothing to relink
        for name in LINK_FILES:
            _carry_file(published.folder / name, run_dir / name)
        return good

    days = _days(good.column("date"))
    blocks = _blocks(good.column("speakers"), n)
    gone_days = _days(removed.column("date"))
    gone_blocks = _blocks(removed.column("speakers"), removed.num_rows)
    titles = _titles(good.column("title"))
    gone_titles = _titles(removed.column("title"))
    undated_blocks: set[tuple[str, str]] = set()
    nameless_days: set[int] = set()
    for day, bs, title in zip([*days, *gone_days], [*blocks, *gone_blocks],
                              [*titles, *gone_titles], strict=True):
        if day is None:
            undated_blocks |= bs
        elif not bs and len(title) >= TITLE_ALONE_WORDS:
            nameless_days.add(day)
    keys = [_row_keys(d, b, t, undated_blocks, nameless_days)
            for d, b, t in zip(days, blocks, titles, strict=True)]
    gone_keys = [_row_keys(d, b, t, undated_blocks, nameless_days)
                 for d, b, t in zip(gone_days, gone_blocks, gone_titles, strict=True)]
    del titles, gone_titles
    uf = _Keys()
    for ks in (*keys, *gone_keys):
        uf.join(ks)
    seeds = {uf.find(k) for i, ks in enumerate(keys) if not clean[i] for k in ks}
    seeds |= {uf.find(k) for ks in gone_keys for k in ks}
    affected = [i for i in range(n)
                if not clean[i] or any(uf.find(k) in seeds for k in keys[i])]
    del keys, gone_keys, uf

    # events: the affected components, relinked from their own rows (in dataset order)
    rows: dict[int, dict[str, Any]] = dict(zip(affected, _rows(good, affected), strict=True))
    old_event = {i: row.pop("event_id", None) for i, row in rows.items()}
    groups = find_events([rows[i] for i in affected])
    dropped_events = {e for e in old_event.values() if e is not None}
    dropped_events |= set(removed.column("event_id").to_pylist()) - {None}

    # people: the name blocks of changed rows and of rows whose event changed
    dirty: set[tuple[str, str]] = set().union(*gone_blocks)
    for i in affected:
        if not clean[i] or rows[i]["event_id"] != old_event[i]:
            dirty |= blocks[i]
    extra = [i for i in range(n) if i not in rows and blocks[i] & dirty]
    if extra:
        rows.update(zip(extra, _rows(good, extra), strict=True))
    ordered = sorted(rows)
    dropped_people = {sp.get("person_id") for r in removed.column("speakers").to_pylist()
                      for sp in r or []}
    before: dict[int, list[str | None]] = {}
    for i in ordered:
        speakers = rows[i].get("speakers") or []
        before[i] = [sp.get("person_id") for sp in speakers]
        dropped_people |= {sp.get("person_id") for sp in speakers
                           if sp.get("name") and name_key(sp["name"]).block in dirty}
    people = build_people([rows[i] for i in ordered], dirty)
    dropped_people.discard(None)

    # events kept whose speakers' person_id changed are merged again from their rows
    remerge = {rows[i]["event_id"] for i in ordered
               if i not in old_event
               and [sp.get("person_id") for sp in rows[i].get("speakers") or []] != before[i]}
    remerge -= set(groups)
    if remerge:
        hit = pc.is_in(good.column("event_id"), value_set=pa.array(sorted(remerge)))
        more = [i for i in pc.indices_nonzero(hit.combine_chunks()
                                               if isinstance(hit, pa.ChunkedArray) else hit
                                               ).to_pylist() if i not in rows]
        if more:
            rows.update(zip(more, _rows(good, more), strict=True))
        ordered = sorted(rows)
        for i in ordered:
            eid = rows[i]["event_id"]
            if eid in remerge:
                groups.setdefault(eid, []).append(rows[i])
        for eid in remerge:
            groups[eid].sort(key=source_order)
    events = [merge_event(eid, members) for eid, members in sorted(groups.items())]

    old_events = pq.read_table(published.folder / "events.parquet")
    gone = pa.array(sorted(dropped_events | remerge), pa.string())
    old_events = old_events.filter(pc.invert(pc.is_in(old_events.column("event_id"),
                                                      value_set=gone)))
    _write_sorted(old_events, events, event_schema(), "event_id", run_dir / "events.parquet")
    old_people = pq.read_table(published.folder / "people.parquet")
    gone = pa.array(sorted(dropped_people), pa.string())
    old_people = old_people.filter(pc.invert(pc.is_in(old_people.column("person_id"),
                                                      value_set=gone)))
    _write_sorted(old_people, people, person_schema(), "person_id", run_dir / "people.parquet")

    ordered = sorted(rows)
    return _set_links(good, ordered, [rows[i] for i in ordered])


def _write_sorted(kept: pa.Table, new: list[dict[str, Any]], schema: pa.Schema, key: str,
                  path: Path) -> None:
    """``kept`` (Arrow rows of the published table) and ``new`` rows, by ``key``."""
    table = pa.concat_tables([kept.replace_schema_metadata(None).cast(schema),
                              pa.Table.from_pylist(new, schema=schema)])
    write_parquet(table.take(pc.sort_indices(table, sort_keys=[(key, "ascending")])), path)
