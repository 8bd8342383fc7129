"""The run's gazetteer of places: names other documents write beside a room number are
evidence for a bare mention, and a changed gazetteer re-extracts exactly the files it
touches (no stale rows, no needless extraction)."""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq

from pipeline import gazetteer
from pipeline.normalise.places import find_place
from tests.conftest import ingest

ROOMED_A = """Geometry Seminar

Speaker: Tamsin Rowe (Queen's University)
Title: Curvature of random surfaces
Date: Thursday, March 7, 2024, 4:00 PM
Where: Room 1180, Bahen Centre

We study curvature flows on random surfaces.
"""
ROOMED_B = """Analysis Seminar

Speaker: Idris Bello (McGill University)
Title: Sharp inequalities for harmonic measure
Date: Thursday, March 14, 2024, 4:00 PM
Where: Bahen Centre, Room 2135

Harmonic measure is studied through sharp inequalities.
"""
BARE = """Subject: Number theory talk next week

Dear colleagues,

Noor Haddad (University of Waterloo) will speak on "Primes in short intervals"
on Thursday, March 21, 2024 at 4:00 PM (Bahen Centre). Everyone is welcome.

Best wishes,
The organisers
"""


def test_names_beside_a_room_are_contributions() -> None:
    text = gazetteer.scan_text(
        b"Where: Room 1180, Bahen Centre\nLater: Stirling Lab, Rm. 12\n"
        b"Room 3, Thursday\nMarch 3, Room 5\n")
    assert gazetteer.names_in(text) == {"Bahen Centre", "Stirling Lab"}


def test_a_name_enters_when_two_documents_give_it() -> None:
    gaz = gazetteer.build({"a": ["Bahen Centre", "Old Mill"], "b": ["bahen centre"]})
    assert gaz.names == {"Bahen Centre"}
    assert gaz.slice("talk at the bahen centre today") == ("Bahen Centre",)
    assert gaz.slice("Bahen Centres of Excellence") == ()


def test_find_place_takes_the_gazetteer_as_evidence() -> None:
    sentence = "Noor Haddad will speak on Thursday at 4 PM (Bahen Centre)."
    assert find_place(sentence, strict=True) is None
    assert find_place(sentence, ["Bahen Centre"], strict=True) == "Bahen Centre"


def _locations(out: Path) -> dict[str, str | None]:
    return {r["source_path"].rsplit("/", 1)[-1]: r["location"]
            for r in pq.read_table(out / "talks.parquet").to_pylist()}


def test_bare_building_is_known_from_other_documents_and_reruns_stay_correct(
        tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / "a.txt").write_text(ROOMED_A)
    (src / "c.txt").write_text(BARE)
    code, first = ingest(src, out=out, extra=("--jobs", "0"))
    assert code == 0
    assert _locations(out)["c.txt"] is None  # one document's word only: no evidence

    (src / "b.txt").write_text(ROOMED_B)
    code, second = ingest(src, out=out, extra=("--jobs", "0"))
    assert code == 0
    assert _locations(out)["c.txt"] == "Bahen Centre"
    # c.txt and a.txt hold the new name: both extracted again (b.txt is new)
    assert second["files"]["extracted"] == 3 and second["files"]["unchanged"] == 0

    code, third = ingest(src, out=out, extra=("--jobs", "0"))
    assert third["files"]["extracted"] == 0 and third["files"]["unchanged"] == 3

    (src / "b.txt").unlink()
    code, fourth = ingest(src, out=out, extra=("--jobs", "0"))
    assert code == 0
    assert _locations(out)["c.txt"] is None  # the evidence left with b.txt: no stale row
    assert fourth["files"]["extracted"] == 2


def test_a_name_no_document_holds_leaves_its_rows_alone(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / "c.txt").write_text(BARE)
    ingest(src, out=out, extra=("--jobs", "0"))
    for name in ("x.txt", "y.txt"):
        (src / name).write_text(ROOMED_A.replace("Bahen Centre", "Galbraith Building"))
    code, report = ingest(src, out=out, extra=("--jobs", "0"))
    assert code == 0
    # the gazetteer changed, but c.txt holds none of its names: read, not extracted
    assert report["files"]["extracted"] == 2 and report["files"]["unchanged"] == 1


def test_the_gazetteer_travels_with_the_task_to_a_cluster_worker(tmp_path: Path) -> None:
    """A Dask worker runs ``cluster.process_batch`` on pickled ``FileTask``s: the gazetteer
    is part of the task, so a cluster run reads it as a local one does."""
    import datetime as dt
    import pickle

    from pipeline.cluster import process_batch
    from pipeline.extract import FileTask
    from pipeline.records import Hints

    path = tmp_path / "c.txt"
    path.write_text(BARE)
    task = FileTask(path=str(path), rel="c.txt", hints=Hints(), max_bytes=1 << 20,
                    extracted_at=dt.datetime(2024, 1, 1, tzinfo=dt.UTC),
                    gazetteer=gazetteer.Gazetteer(frozenset({"Bahen Centre"})))
    [outcome] = process_batch([pickle.loads(pickle.dumps(task))], 60.0, 2 << 30)
    assert outcome.rows and outcome.rows[0]["location"] == "Bahen Centre"
    assert outcome.version and gazetteer.KEY_MARK in outcome.version
    [plain] = process_batch([pickle.loads(pickle.dumps(
        FileTask(path=str(path), rel="c.txt", hints=Hints(), max_bytes=1 << 20,
                 extracted_at=dt.datetime(2024, 1, 1, tzinfo=dt.UTC))))], 60.0, 2 << 30)
    assert plain.rows and plain.rows[0]["location"] is None
    assert plain.version == gazetteer.base_key(outcome.version)


def test_scanning_a_hostile_text_stays_linear() -> None:
    """The first pass runs in the parent process: its patterns must not backtrack."""
    import time

    t0 = time.process_time()
    for text in ("A" * 200_000, "Ab " * 100_000, "Room 1" * 50_000):
        assert gazetteer.names_in(text) == frozenset()
    big = gazetteer.Gazetteer(frozenset(f"Hall Number{i}" for i in range(5000)))
    assert big.slice("Hall " * 50_000) == ()
    assert time.process_time() - t0 < 5.0
