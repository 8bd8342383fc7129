"""Incremental linking (``pipeline/linking.py``): a re-run relinks only the components and
name blocks its changes reach, and what it publishes equals a relink of the whole dataset.

The archive is written here: a colloquium's calendar feed, its markdown page and email
announcements. The re-run edits one email, deletes another and adds a feed whose speaker
writes her name more fully (so her person id changes, and an event no change reached must
be merged again with the new id); one date is reached by nothing and is carried as it was.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import pipeline.linking as linking
import talks
from schemas.event import event_schema
from schemas.person import person_schema

FEED = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Tide Lab//Colloquium//EN
{events}END:VCALENDAR
"""
EVENT = """BEGIN:VEVENT
UID:{uid}@example.org
DTSTART:{day}T150000Z
DTEND:{day}T160000Z
SUMMARY:{title}
DESCRIPTION:Speaker: {speaker}
LOCATION:Hall B
END:VEVENT
"""
TALKS = [
    ("20240205", "Estuarine mixing under storm surge", "Marta Oyelaran",
     "Delft University of Technology"),
    ("20240212", "Groundwater pulses in barrier islands", "Tomasz Kwiatek", "University of Gdansk"),
    ("20240219", "Sediment plumes seen from orbit", "Ines Vasconcelos", "University of Porto"),
]
PAGE = "# Tide Lab colloquium, spring 2024\n\n" + "".join(
    f"## {int(day[6:])} February 2024\n**{name[0]}. {name.split()[-1]}** ({aff}): "
    f"*{title.title()}*\n\n"
    for day, title, name, aff in TALKS
)
NOTE = """Subject: Tide Lab colloquium this Monday

Dear all,

This Monday, {date}, 15:00, Hall B:

Speaker: {speaker}
Title: {title}

Abstract: {abstract}

Best,
The organisers
"""


def _feed(items: list[tuple[str, str, str, str]], uid: str) -> str:
    return FEED.format(events="".join(
        EVENT.format(uid=f"{uid}-{n}", day=day, title=title, speaker=f"{name} ({aff})")
        for n, (day, title, name, aff) in enumerate(items)))


def _write(src: Path) -> None:
    src.mkdir()
    (src / "feed.ics").write_text(_feed(TALKS, "tide"))
    (src / "page.md").write_text(PAGE)
    (src / "note.txt").write_text(NOTE.format(
        date="12 February 2024", speaker="Tomasz Kwiatek (University of Gdansk)",
        title="Groundwater pulses in barrier islands",
        abstract="Barrier islands hold thin freshwater lenses that respond to tides."))
    (src / "old.txt").write_text(NOTE.format(
        date="26 February 2024", speaker="Kofi Mensah (University of Ghana)",
        title="Mangrove roots and wave damping", abstract="Roots slow the waves."))


def _change(src: Path) -> None:
    note = src / "note.txt"
    note.write_text(note.read_text().replace("respond to tides", "breathe with the tides"))
    (src / "old.txt").unlink()
    (src / "porto.ics").write_text(_feed(
        [("20240304", "Turbid fronts in a river mouth", "Ines Maria Vasconcelos",
          "University of Porto")], "porto"))


def _ingest(src: Path, out: Path) -> dict[str, Any]:
    return talks.ingest(src, out, jobs=0, progress=False)


def _links(rows: list[dict[str, Any]]) -> list[tuple]:
    return sorted((r["talk_id"], r["event_id"],
                   tuple(s["person_id"] for s in r["speakers"] or [])) for r in rows)


def _assert_equals_full_relink(out: Path) -> None:
    published = pq.read_table(out / "talks.parquet").to_pylist()
    rows = [linking.strip_links(r) for r in published]
    events, people = linking.link(rows)
    assert _links(published) == _links(rows)
    assert pq.read_table(out / "events.parquet").to_pylist() == \
        pa.Table.from_pylist(events, schema=event_schema()).to_pylist()
    assert pq.read_table(out / "people.parquet").to_pylist() == \
        pa.Table.from_pylist(people, schema=person_schema()).to_pylist()


@pytest.fixture
def linked_rows(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many rows each call of ``find_events`` during publication was given."""
    sizes: list[int] = []
    real = linking.find_events

    def counting(rows: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
        sizes.append(len(rows))
        return real(rows)

    monkeypatch.setattr(linking, "find_events", counting)
    return sizes


def test_incremental_relink_equals_a_whole_relink(tmp_path: Path,
                                                  linked_rows: list[int]) -> None:
    src, out = tmp_path / "src", tmp_path / "out"
    _write(src)
    first = _ingest(src, out)
    assert first["talks"]["total"] == 8 and linked_rows == [8]
    person_before = {r["speakers"][0]["name"]: r["speakers"][0]["person_id"]
                     for r in pq.read_table(out / "talks.parquet").to_pylist()}
    event_5feb = {r["event_id"] for r in pq.read_table(out / "talks.parquet").to_pylist()
                  if str(r["date"]) == "2024-02-05"}

    _change(src)
    report = _ingest(src, out)
    assert report["files"]["extracted"] == 2 and report["files"]["removed"] == 1
    # 12 Feb (edited email) and 4 March (new feed) are relinked; 5 and 19 Feb are not
    assert linked_rows[1:] == [4]
    _assert_equals_full_relink(out)
    rows = pq.read_table(out / "talks.parquet").to_pylist()
    assert {r["event_id"] for r in rows if str(r["date"]) == "2024-02-05"} == event_5feb
    ines = {r["speakers"][0]["person_id"] for r in rows
            if "Vasconcelos" in r["speakers"][0]["name"]}
    assert len(ines) == 1 and ines != {person_before["Ines Vasconcelos"]}  # fuller name now
    event_19feb = next(e for e in pq.read_table(out / "events.parquet").to_pylist()
                       if str(e["date"]) == "2024-02-19")
    assert {s["person_id"] for s in event_19feb["speakers"]} == ines  # merged again


def test_a_rerun_with_nothing_changed_links_nothing(tmp_path: Path,
                                                    linked_rows: list[int]) -> None:
    src, out = tmp_path / "src", tmp_path / "out"
    _write(src)
    _ingest(src, out)
    before = {name: os.stat(out / name).st_ino for name in linking.LINK_FILES}
    talks_before = pq.read_table(out / "talks.parquet")
    _ingest(src, out)
    assert linked_rows == [8]  # the first run only
    assert {name: os.stat(out / name).st_ino for name in linking.LINK_FILES} == before
    assert pq.read_table(out / "talks.parquet").equals(talks_before)
    _assert_equals_full_relink(out)


def _synthetic(seed: int, talks_n: int) -> list[dict[str, Any]]:
    """Rows of weekly talks seen in a feed, on a page (initial for the given name) and
    sometimes in an email; some undated, some naming nobody."""
    import datetime as dt
    import random

    rng = random.Random(seed)
    given = ["Aino", "Bako", "Cyra", "Dov", "Elif"]
    surnames = ["Aalto", "Brandt", "Costa", "Diallo"]
    words = ["tides", "dunes", "silt", "brine", "reefs", "spits", "fjords"]
    rows = []
    for n in range(talks_n):
        day = dt.date(2023, 1, 2) + dt.timedelta(days=7 * (n // 3) + n % 3)
        first, last = rng.choice(given), rng.choice(surnames)
        title = " ".join(rng.sample(words, 4))
        for fmt, path, name in (("ics", f"s{n % 3}.ics", f"{first} {last}"),
                                ("html", f"p{n % 3}.html", f"{first[0]}. {last}"),
                                ("text", f"m{n}.eml", f"Dr {first} {last}")):
            if fmt == "text" and n % 3:
                continue
            rows.append({
                "talk_id": f"{seed}:{path}#{n}", "source_path": path, "source_format": fmt,
                "source_sha256": "0" * 64, "kind": "talk", "title": title,
                "extracted_at": dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
                "date": None if rng.random() < 0.15 else day,
                "speakers": [] if rng.random() < 0.05 else
                [{"name": name, "affiliation": f"{last} Institute", "role": None}],
            })
    return rows


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_relink_of_random_changes_equals_a_whole_relink(tmp_path: Path, seed: int) -> None:
    """Rows removed, edited and added at random, some undated (whose blocking joins dates):
    the incremental tables and links equal those of a whole relink."""
    import random

    import pyarrow.compute as pc

    from pipeline.write import sort_table, to_table

    def whole(rows: list[dict[str, Any]], folder: Path) -> pa.Table:
        folder.mkdir()
        table = sort_table(to_table([linking.strip_links(r) for r in rows]))
        return linking.publish_links(table, folder)

    rng = random.Random(seed)
    first = whole(_synthetic(seed, 120), tmp_path / "first")
    keep = [r for r in first.to_pylist() if rng.random() > 0.05]
    new = [r for r in _synthetic(seed + 100, 12) if rng.random() < 0.5]
    for row in rng.sample(keep, 4):
        keep.remove(row)
        new.append(dict(linking.strip_links(row), title=f"{row['title']} revisited"))
    clean = pa.array(sorted(r["talk_id"] for r in keep), pa.string())
    removed = first.filter(pc.invert(pc.is_in(first.column("talk_id"), value_set=clean)))
    dataset = sort_table(pa.concat_tables([to_table(keep), to_table(new)]))
    (tmp_path / "incremental").mkdir()
    published = linking.Published(tmp_path / "first", clean,
                                  removed.select(list(linking.LINK_COLUMNS)))
    incremental = linking.publish_links(dataset, tmp_path / "incremental", published)
    assert incremental.equals(whole(dataset.to_pylist(), tmp_path / "whole"))
    for name in linking.LINK_FILES:
        assert pq.read_table(tmp_path / "incremental" / name).equals(
            pq.read_table(tmp_path / "whole" / name))


def test_links_of_other_linking_code_are_not_carried(tmp_path: Path,
                                                     linked_rows: list[int],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """A run of changed linking code (another ``linking.version()``) relinks everything once."""
    src, out = tmp_path / "src", tmp_path / "out"
    _write(src)
    _ingest(src, out)
    (src / "old.txt").unlink()
    monkeypatch.setattr(linking, "version", lambda: "other linking code")
    _ingest(src, out)
    assert linked_rows == [8, 7]  # the whole dataset, not the one removed row's component
    _assert_equals_full_relink(out)
