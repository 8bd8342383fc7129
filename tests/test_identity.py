"""Identity: a talk keeps its id when its file is renamed or another input root is added,
copies of a file do not collide, and ``updated`` counts talks whose content changed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd

from tests.conftest import ingest


def _event(n: int, abstract: str) -> str:
    return (
        "BEGIN:VEVENT\r\n"
        f"UID:id-{n}@test\r\nDTSTAMP:20240101T000000Z\r\n"
        f"DTSTART:2024050{n}T140000Z\r\nDTEND:2024050{n}T150000Z\r\n"
        f"SUMMARY:Identity talk {n}\r\nDESCRIPTION:Speaker: Ada Lovelace (Cambridge)\\n\\n"
        f"{abstract}\r\nEND:VEVENT\r\n"
    )


def _feed(abstracts: list[str]) -> str:
    events = "".join(_event(n, a) for n, a in enumerate(abstracts, 1))
    return f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Id//EN\r\n{events}END:VCALENDAR\r\n"


ANNOUNCEMENT = """Applied Mathematics Colloquium

Speaker: Grace Hopper (Yale University)
Title: Compilers for everyone
Date: Wednesday, May 8, 2024, 4:00-5:00 pm
Location: Room 101

Abstract: We talk about compilers.
"""


def _ids(out: Path) -> dict[str, str]:
    talks = pd.read_parquet(out / "talks.parquet")
    return dict(zip(talks["title"], talks["talk_id"], strict=True))


def _setup(tmp_path: Path) -> tuple[Path, Path]:
    src = tmp_path / "in"
    src.mkdir()
    (src / "feed.ics").write_text(_feed(["First.", "Second.", "Third."]))
    (src / "colloquium.txt").write_text(ANNOUNCEMENT, encoding="utf-8")
    return src, tmp_path / "out"


def test_a_renamed_file_keeps_its_talk_ids(tmp_path: Path) -> None:
    src, out = _setup(tmp_path)
    code, first = ingest(src, out=out)
    assert code == 0 and first["talks"]["total"] == 4, first
    before = _ids(out)
    (src / "feed.ics").rename(src / "calendar-2024.ics")
    (src / "colloquium.txt").rename(src / "announcement.txt")
    code, report = ingest(src, out=out)
    assert code == 0
    assert _ids(out) == before
    assert report["talks"] == {"total": 4, "rejected": 0, "added": 0, "updated": 0, "removed": 0}


def test_a_second_input_root_keeps_the_talk_ids(tmp_path: Path) -> None:
    src, out = _setup(tmp_path)
    ingest(src, out=out)
    before = _ids(out)
    other = tmp_path / "other"
    other.mkdir()
    (other / "more.ics").write_text(
        _feed(["Elsewhere."]).replace("id-1@", "other-1@").replace("Identity talk", "Other talk")
    )
    code, report = ingest(src, other, out=out)
    assert code == 0
    after = _ids(out)
    assert {t: after[t] for t in before} == before
    assert (report["talks"]["added"], report["talks"]["removed"]) == (1, 0)
    paths = set(pd.read_parquet(out / "talks.parquet")["source_path"])
    assert paths == {"in/feed.ics", "in/colloquium.txt", "other/more.ics"}


def test_an_edited_abstract_updates_one_talk_not_its_file(tmp_path: Path) -> None:
    src, out = _setup(tmp_path)
    ingest(src, out=out)
    before = _ids(out)
    (src / "feed.ics").write_text(_feed(["First.", "Second, corrected.", "Third."]))
    code, report = ingest(src, out=out)
    assert code == 0 and _ids(out) == before
    assert (report["talks"]["added"], report["talks"]["updated"], report["talks"]["removed"]) == (
        0,
        1,
        0,
    )


def test_copies_of_a_file_do_not_collide(tmp_path: Path) -> None:
    src, out = _setup(tmp_path)
    shutil.copy(src / "feed.ics", src / "feed-copy.ics")
    for _ in range(2):
        code, report = ingest(src, out=out)
        assert code == 0
        assert report["talks"]["rejected"] == 0 and report["talks"]["total"] == 7
    assert len(pd.read_parquet(out / "rejects.parquet")) == 0
