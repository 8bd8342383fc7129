"""One row per real talk: the same talk in a calendar feed, a listing page and an email is
one event, with the best value of each field; near-misses stay apart.

The documents (``fixtures/cross_source``) are written for this test and run through the
real pipeline. The feed states the time and the speaker's affiliation, the page the room
(and an initial for the speaker's given name), the email the abstract. Near-misses in the
same documents: the same speaker on the same day with another title (19 March), the same
title on the same day by another speaker (26 March), the same title by ``Jane Smith``
(feed) and ``John Smith`` (page) on the same day (9 April), the same talk given again a
week later (16 April).
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

import talks
from pipeline.events import find_events, match_score, merge_event
from pipeline.linking import link

FIXTURES = Path(__file__).parent / "fixtures" / "cross_source"
UTC = dt.UTC


def _ingest(src: Path, out: Path) -> dict:
    return talks.ingest(src, out, jobs=0, progress=False)


@pytest.fixture(scope="module")
def linked(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("cross_source_out")
    report = _ingest(FIXTURES, out)
    assert report["errors"] == [] and report["files"]["extracted"] == 3
    return out


def _event_of(frame: pd.DataFrame, source: str, date: str) -> str:
    rows = frame[(frame["source_path"] == source) & (frame["date"] == pd.Timestamp(date))]
    assert len(rows) == 1, rows
    return rows["event_id"].iloc[0]


def test_three_sources_are_one_event_with_the_best_fields(linked: Path) -> None:
    frame = talks.read(linked)
    ids = {_event_of(frame, s, "2025-03-12") for s in ("feed.ics", "listing.html",
                                                          "announce.eml")}
    assert len(ids) == 1
    events = talks.events(linked)
    event = events[events["event_id"] == ids.pop()].iloc[0]
    assert event["n_sources"] == 3
    assert sorted(event["source_paths"]) == ["announce.eml", "feed.ics", "listing.html"]
    assert event["title"] == "Sparse certificates for graph colouring"
    assert event["abstract"].startswith("A certificate of colourability")  # email only
    assert event["location"] == "Room 4-231"  # page only
    assert event["start"] == pd.Timestamp("2025-03-12 16:00", tz="UTC")
    assert event["local_start"] == pd.Timestamp("2025-03-12 12:00")
    speaker = event["speakers"][0]
    assert speaker["name"] == "Marguerite Okonjo-Havel"  # the full name, not "M."
    assert speaker["affiliation"] == "Tessaly Institute"
    assert list(event["conflicts"]) == []
    origin = {s["field"]: s["source_path"] for s in event["sources"]}
    assert origin["abstract"] == "announce.eml"
    assert origin["location"] == "listing.html"
    assert origin["start"] == "feed.ics"  # the calendar feed wins a tie on times


def test_near_misses_stay_apart(linked: Path) -> None:
    frame = talks.read(linked)
    for date in ("2025-03-19", "2025-03-26", "2025-04-09"):
        assert _event_of(frame, "feed.ics", date) != _event_of(frame, "listing.html", date)
    # the same talk given again a week later is another event
    assert _event_of(frame, "listing.html", "2025-04-16") != _event_of(
        frame, "feed.ics", "2025-03-12")
    events = pq.read_table(linked / "events.parquet")
    assert events.num_rows == 8  # 10 rows, one talk seen three times
    assert frame["event_id"].notna().all()


def test_times_that_disagree_are_a_conflict(tmp_path: Path) -> None:
    src = tmp_path / "src"
    shutil.copytree(FIXTURES, src)
    mail = src / "announce.eml"
    mail.write_text(mail.read_text().replace("Time: 12:00-1:00 PM", "Time: 1:00-2:00 PM"))
    _ingest(src, tmp_path / "out")
    events = talks.events(tmp_path / "out")
    event = events[events["n_sources"] == 3].iloc[0]
    assert event["start"] == pd.Timestamp("2025-03-12 16:00", tz="UTC")  # the feed's
    (start_note, end_note) = event["conflicts"]
    assert start_note.startswith("start differs between sources")
    assert "2025-03-12 16:00 UTC in feed.ics, listing.html" in start_note
    assert "2025-03-12 17:00 UTC in announce.eml" in start_note
    assert end_note.startswith("end differs")


def test_event_ids_are_stable_and_a_new_source_updates_nothing(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    for name in ("sources.toml", "feed.ics", "listing.html"):
        shutil.copy(FIXTURES / name, src / name)
    out = tmp_path / "out"
    _ingest(src, out)
    before = talks.read(out).set_index("talk_id")["event_id"]
    shutil.copy(FIXTURES / "announce.eml", src / "announce.eml")
    report = _ingest(src, out)
    assert report["talks"]["added"] == 1 and report["talks"]["updated"] == 0
    after = talks.read(out).set_index("talk_id")["event_id"]
    assert (after[before.index] == before).all()  # the email joined an existing event
    again = _ingest(src, out)
    assert again["talks"]["updated"] == 0
    assert talks.read(out).set_index("talk_id")["event_id"].equals(after)


def _row(path: str, title: str | None, names: list[str], date: dt.date | None,
         fmt: str = "html", **more) -> dict:
    return {"talk_id": f"{path}:{title}:{date}", "source_path": path, "source_format": fmt,
            "title": title, "date": date, "kind": "talk",
            "speakers": [{"name": n, "affiliation": None, "role": None} for n in names],
            **more}


def test_match_rules_on_rows() -> None:
    from pipeline.events import _talks

    day = dt.date(2024, 5, 2)
    a, b, c, d, e, f = _talks([
        _row("a.html", "Graph neural networks for weather", ["Ana Lima"], day),
        _row("b.ics", None, ["A. Lima"], day, "ics"),                      # TBA title
        _row("c.pdf", "Graph Neural Networks for Weather", ["Ana Lima"], None, "pdf"),
        _row("d.html", "Weather", ["Ana Lima"], None),                       # undated, vague
        _row("a.html", "Graph neural networks for weather", ["Ana Lima"], day),  # same doc
        _row("e.txt", "Graph neural networks for weather", [], day, "text"),  # nobody named
    ])
    assert match_score(a, b) is not None  # a null title on one side is tolerated
    assert match_score(a, c) is not None  # an undated deck with the same title
    assert match_score(a, d) is None  # undated needs a near-identical title
    assert match_score(a, e) is None  # two rows of one document are two talks
    assert match_score(a, f) is not None  # no speaker, but a long identical title, same day


def test_an_event_never_holds_two_dates() -> None:
    rows = [
        _row("deck.pdf", "Sheaf theory for sensor networks", ["Ola Berg"], None, "pdf"),
        _row("a.html", "Sheaf theory for sensor networks", ["Ola Berg"], dt.date(2024, 1, 9)),
        _row("b.html", "Sheaf theory for sensor networks", ["Ola Berg"], dt.date(2024, 3, 5)),
    ]
    events = find_events(rows)
    assert len(events) == 2  # the deck joins one of the two dated talks, not both
    for members in events.values():
        assert len({r["date"] for r in members} - {None}) == 1


def test_numbered_parts_are_different_talks() -> None:
    day = dt.date(2024, 1, 9)
    rows = [
        _row("a.html", "Sheaf theory for sensor networks, Part I", ["Ola Berg"], day),
        _row("b.html", "Sheaf Theory for Sensor Networks (part II)", ["Ola Berg"], day),
        _row("c.txt", "Sheaf theory for sensor networks, part 2", ["O. Berg"], day, "text"),
    ]
    events = find_events(rows)
    assert sorted(len(m) for m in events.values()) == [1, 2]
    assert rows[1]["event_id"] == rows[2]["event_id"] != rows[0]["event_id"]


def test_merge_takes_the_fullest_speakers_and_ids_are_deterministic() -> None:
    day = dt.date(2024, 2, 1)
    start = dt.datetime(2024, 2, 1, 15, tzinfo=UTC)
    page = _row("p.html", "Tropical curves", ["K. Oduya"], day, location="Hall B")
    page["speakers"][0]["affiliation"] = "Lagos"
    feed = _row("f.ics", "Tropical curves", ["Kemi Oduya"], day, "ics", start=start,
                timezone="Africa/Lagos")
    feed["speakers"][0].update(affiliation="University of Lagos", role="Professor")
    events, people = link([page, feed])
    assert len(events) == 1 and len(people) == 1
    (event,) = events
    assert event["speakers"][0]["name"] == "Kemi Oduya"
    assert event["speakers"][0]["person_id"] == people[0]["person_id"]
    assert event["location"] == "Hall B" and event["start"] == start
    again = merge_event(event["event_id"], [feed, page])
    assert again["event_id"] == event["event_id"]
    events2, _ = link([dict(feed), dict(page)])
    assert events2[0]["event_id"] == event["event_id"]  # order of rows does not matter


def test_report_page_counts_the_events_seen_twice(linked: Path) -> None:
    from pipeline.report_page import figures, load

    merged = figures(load(linked))["merged"]
    assert merged["events"] == 8 and merged["events seen in more than one source"] == 1
    assert merged["people under more than one name"] == 1  # M. / Marguerite
