"""Input confinement: nothing outside the input root is read, odd names cannot end a run,
unsafe links never reach a field, data files are skipped with the reason, and magic bytes
after a BOM still count."""

from __future__ import annotations

import datetime as dt
import os
import stat
from pathlib import Path

import pandas as pd
import pytest

from pipeline.normalise.links import safe_link
from pipeline.normalise.stage import normalise
from pipeline.records import Document, Hints, RawTalk
from pipeline.sniff import sniff
from tests.conftest import ingest
from tests.test_isolation import GOOD


def _talks(out: Path) -> pd.DataFrame:
    return pd.read_parquet(out / "talks.parquet")


def test_a_symlink_to_etc_is_refused_not_read(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / "good.ics").write_text(GOOD)
    os.symlink("/etc", src / "config")
    os.symlink("/etc/passwd", src / "users.txt")
    (src / "inner").mkdir()
    os.symlink("../good.ics", src / "inner" / "alias.ics")  # inside the root: followed once
    code, report = ingest(src, out=out)
    assert code == 0, report["errors"]
    skipped = {s["path"]: s["reason"] for s in report["skipped"]}
    assert "outside the input root" in skipped["config"]
    assert "outside the input root" in skipped["users.txt"]
    assert "same file as good.ics" in skipped["inner/alias.ics"]
    talks = _talks(out)
    assert list(talks["source_path"]) == ["good.ics"]
    assert "root:" not in talks.astype(str).to_string()


def test_follow_links_reads_a_link_outside_the_root(tmp_path: Path) -> None:
    src, out, elsewhere = tmp_path / "in", tmp_path / "out", tmp_path / "elsewhere"
    src.mkdir()
    elsewhere.mkdir()
    (elsewhere / "feed.ics").write_text(GOOD)
    os.symlink(elsewhere, src / "linked")
    code, report = ingest(src, out=out, extra=("--follow-links",))
    assert code == 0 and report["skipped"] == []
    assert list(_talks(out)["source_path"]) == ["linked/feed.ics"]


def test_odd_file_names_are_kept_escaped(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    raw = os.fsencode(src)
    for name in (b"talk_\xff.ics", b"tab\tand\x1bescape.ics"):
        with open(raw + b"/" + name, "wb") as fh:
            fh.write(GOOD.replace("iso-1", name.hex()).encode())
    code, report = ingest(src, out=out)
    assert code == 0, report
    paths = sorted(_talks(out)["source_path"])
    assert paths == ["tab\\x09and\\x1bescape.ics", "talk_\\xff.ics"]
    code, again = ingest(src, out=out)  # the state round-trips the names
    assert code == 0 and again["files"]["unchanged"] == 2


def test_a_loop_and_a_folder_read_twice_are_reported(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    (src / "sub").mkdir(parents=True)
    (src / "sub" / "a.ics").write_text(GOOD)
    os.symlink("..", src / "sub" / "back")
    code, report = ingest(src, src / "sub", out=out)  # overlapping inputs
    assert code == 0
    assert sorted(_talks(out)["source_path"]) == ["in/sub/a.ics"]
    reasons = " ".join(s["reason"] for s in report["skipped"])
    assert "a link loop" in reasons and "same file as in/sub/a.ics" in reasons


def test_two_inputs_with_the_same_name_are_a_usage_error(tmp_path: Path, capsys) -> None:
    for parent in ("a", "b"):
        (tmp_path / parent / "raw").mkdir(parents=True)
        (tmp_path / parent / "raw" / "x.ics").write_text(GOOD)
    code, _ = ingest(tmp_path / "a" / "raw", tmp_path / "b" / "raw", out=tmp_path / "out")
    assert code == 2
    assert "same name 'raw'" in capsys.readouterr().err


def test_unreadable_folder_is_an_error_and_its_talks_are_kept(
    tmp_path: Path, monkeypatch
) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    (src / "locked").mkdir(parents=True)
    (src / "locked" / "a.ics").write_text(GOOD)
    code, first = ingest(src, out=out)
    assert code == 0 and first["talks"]["total"] == 1
    real_scandir = os.scandir

    def scandir(path):  # as a folder without read permission does (the tests run as root)
        if str(path).endswith("/locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    code, report = ingest(src, out=out)
    assert code == 3
    assert report["errors"] == [
        {"path": "locked", "stage": "discover", "error": "cannot read folder: Permission denied"}
    ]
    assert report["stale"] == ["locked/a.ics"] and report["removed_files"] == []
    assert report["talks"]["removed"] == 0 and len(_talks(out)) == 1


@pytest.mark.parametrize(
    ("link", "kept"),
    [
        ("javascript:alert(1)", False),
        ("JaVaScRiPt:alert(1)", False),
        (" java\tscript:alert(1)", False),
        ("\x01javascript:alert(1)", False),
        ("vbscript:msgbox", False),
        ("file:///etc/passwd", False),
        ("data:text/html,<script>x</script>", False),
        ("https://example.org/talk", True),
        ("http://example.org/slides.pdf", True),
        ("mailto:seminar@example.org", True),
        ("slides/talk.pdf", True),
        ("talk slides.pdf", True),
    ],
)
def test_only_safe_link_schemes_are_kept(link: str, kept: bool) -> None:
    warnings: list[str] = []
    assert (safe_link(link, warnings) is not None) is kept
    assert bool(warnings) is not kept


def test_unsafe_links_never_reach_a_row() -> None:
    doc = Document(path="x.txt", data=b"x", sha256="0", format="text", hints=Hints())
    raw = RawTalk(
        title="Safe systems",
        url="javascript:alert(document.cookie)",
        slides="vbscript:msgbox(1)",
        video="file:///etc/passwd",
    )
    [row] = normalise(doc, [raw], dt.datetime(2024, 1, 1, tzinfo=dt.UTC))
    assert row["url"] is None and row["slides"] is None and row["video"] is None
    assert sum("dropped" in w for w in row["warnings"]) == 3


def test_data_files_are_skipped_with_the_reason(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / "good.ics").write_text(GOOD)
    (src / "talks.csv").write_text(
        "date,speaker,title\n2024-05-01,Ada Lovelace,Engines\n2024-05-08,Alan Turing,Machines\n"
    )
    (src / "export.tsv").write_text("a\tb\tc\n1\t2\t3\n4\t5\t6\n")
    (src / "data.json").write_text('{"talks": [{"title": "Engines", "speaker": "Ada"}]}')
    (src / "blank.txt").write_text("   \n\t\n  \n")
    code, report = ingest(src, out=out)
    assert code == 0
    skipped = {s["path"]: s["reason"] for s in report["skipped"]}
    assert "CSV data" in skipped["talks.csv"] and "TSV data" in skipped["export.tsv"]
    assert "JSON data" in skipped["data.json"] and "white space" in skipped["blank.txt"]
    assert list(_talks(out)["source_path"]) == ["good.ics"]


def test_magic_bytes_after_a_bom_count() -> None:
    assert sniff(b"\xef\xbb\xbf%PDF-1.7\n%binary\n") == "pdf"
    assert sniff(b"\xef\xbb\xbfBEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n") == "ics"


def test_hints_outside_source_tables_and_legacy_zones_are_refused(
    tmp_path: Path, capsys
) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.ics").write_text(GOOD)
    (src / "sources.toml").write_text('timezone = "Europe/Paris"\n[[source]]\nmatch = "*"\n')
    assert ingest(src, out=tmp_path / "out")[0] == 2
    assert "outside [[source]]" in capsys.readouterr().err
    (src / "sources.toml").write_text('[[source]]\nmatch = "*"\ntimezone = "EST"\n')
    assert ingest(src, out=tmp_path / "out")[0] == 2
    assert "'EST'" in capsys.readouterr().err


def test_published_files_follow_the_umask(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / "a.ics").write_text(GOOD)
    old = os.umask(0o022)
    try:
        assert ingest(src, out=out)[0] == 0
    finally:
        os.umask(old)
    for name in ("talks.parquet", "rejects.parquet", "report.json"):
        assert stat.S_IMODE((out / name).stat().st_mode) == 0o644, name


def test_deep_nesting_is_walked(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    deep = str(src)
    os.mkdir(deep)
    for _ in range(600):
        deep += "/d"
        os.mkdir(deep)
    Path(deep, "a.ics").write_text(GOOD)
    try:
        code, report = ingest(src, out=out)
        assert code == 0 and report["talks"]["total"] == 1
    finally:  # removed bottom-up here: a recursive remover would need 600 frames
        os.unlink(Path(deep, "a.ics"))
        while deep != str(src):
            os.rmdir(deep)
            deep = os.path.dirname(deep)
