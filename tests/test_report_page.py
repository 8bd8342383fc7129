"""``talks report OUT``: the page's figures are the dataset's, the page fetches nothing,
and in a real headless Chromium it renders without console errors, its drawn marks
hold the Parquet files' numbers, and a screenshot is kept as a test artefact.

The dataset is built here from documents written for this test
(``fixtures/report_page``: a calendar feed, a listing page with a coffee break, an
announcement email), ingested twice with edits between, so the last run has talks
added, updated and removed."""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipeline.cli import main
from pipeline.report_page import (
    COVERAGE_FIELDS,
    NO_SERIES,
    figures,
    load,
    render,
    warning_kind,
)
from tests.support.chromium import Chromium, find_chromium

FIXTURES = Path(__file__).parent / "fixtures" / "report_page"
ARTIFACTS = Path(__file__).parent / "artifacts"


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import talks

    work = tmp_path_factory.mktemp("report")
    src, out = work / "in", work / "out"
    shutil.copytree(FIXTURES, src)
    talks.ingest(src, out, jobs=0, progress=False)
    feed = src / "harbour_feed.ics"  # an abstract more (updated), its coffee break read again
    feed.write_text(feed.read_text().replace(
        "SUMMARY:Tomas Varga",
        "DESCRIPTION:Which lattice polygons are rigid?\nSUMMARY:Tomas Varga"))
    email = src / "pier_announcement.eml"  # an edited abstract: updated
    email.write_text(email.read_text().replace("ten years", "twelve years"))
    page = src / "lighthouse_talks.html"  # one talk gone, one new: removed, added
    text = page.read_text()
    text = re.sub(r"<li><strong>February.*?</li>\n", "", text)
    page.write_text(text.replace("</ul>", "<li><strong>May 21, 2025</strong> &mdash; "
                                 "Sofia Lind (Harbour Institute): <em>Salinity maps</em></li>"
                                 "\n</ul>"))
    report = talks.ingest(src, out, jobs=0, progress=False)
    assert report["talks"]["added"] and report["talks"]["updated"] and report["talks"]["removed"]
    return out


def _frame(out: Path) -> pd.DataFrame:
    return pq.read_table(out / "talks.parquet").to_pandas()


def _expected_months(out: Path) -> dict[tuple[str, str], int]:
    """Talks per (month, series) straight from the Parquet file."""
    df = _frame(out).dropna(subset=["date"])
    months = pd.to_datetime(df["date"]).dt.strftime("%Y-%m")
    series = df["series"].fillna(NO_SERIES)
    return {k: int(v) for k, v in df.groupby([months, series]).size().items()}


def _expected_coverage(out: Path) -> dict[tuple[str, str], float]:
    df = _frame(out)
    has = pd.DataFrame({
        "title": df["title"].notna(), "date": df["date"].notna(),
        "start": df["start"].notna(), "abstract": df["abstract"].notna(),
        "location": df["location"].notna(),
        "affiliation": [any(s["affiliation"] for s in sp) for sp in df["speakers"]],
    })
    shares = {(fmt, col): float(v) for (fmt, col), v in
              has.groupby(df["source_format"]).mean().stack().items()}
    shares.update({("all", col): float(has[col].mean()) for col in has})
    return shares


def _expected_affiliations(out: Path) -> dict[str, int]:
    names = [s["affiliation"] for sp in _frame(out)["speakers"] for s in sp if s["affiliation"]]
    return {k: int(v) for k, v in pd.Series(names).value_counts().items()}


def _expected_changes(out: Path) -> dict[str, int]:
    run_id = json.loads((out / "report.json").read_text())["run_id"]
    changes = pq.read_table(out / "changes" / f"{run_id}.parquet").to_pandas()
    return {k: int(v) for k, v in changes["change"].value_counts().items()}


def test_figures_are_the_parquet_numbers(out: Path) -> None:
    figs = figures(load(out))
    period = figs["talks_by_period"]
    assert period["unit"] == "month"
    drawn = {(m, s): n for s, counts in period["stacks"].items() for m, n in counts.items()}
    assert drawn == _expected_months(out)
    assert period["periods"] == ["2025-01", "2025-02", "2025-03", "2025-04", "2025-05"]

    cov = figs["coverage"]
    assert set(COVERAGE_FIELDS) == {"title", "date", "start", "abstract", "affiliation",
                                    "location"}
    assert cov["shares"] == pytest.approx(_expected_coverage(out))
    assert cov["rows"]["all"] == len(_frame(out))

    speakers = [s for sp in _frame(out)["speakers"] for s in sp]
    assert dict(figs["affiliations"]["top"]) == _expected_affiliations(out)
    assert figs["affiliations"]["appearances"] == len(speakers)

    changes = {k: v for k, v in figs["changes"].items() if v}
    assert changes == _expected_changes(out)
    report = json.loads((out / "report.json").read_text())
    assert figs["slowest"] == [(f["path"], f["seconds"]) for f in report["slowest_files"]]
    dropped = dict(figs["problems"])
    assert sum(v for k, v in dropped.items() if k.startswith("dropped record")) == len(
        report["dropped_records"]) > 0  # the coffee break
    assert dict(figs["warnings"])["event is TENTATIVE: it may not take place"] == 1


def test_the_page_fetches_nothing_and_has_every_chart(out: Path) -> None:
    page = render(load(out))
    assert "<script" not in page.lower()
    assert re.search(r"Content-Security-Policy\" content=\"default-src 'none'", page)
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page, re.I)
    charts = set(re.findall(r'data-chart="([^"]+)"', page))
    assert charts == {"talks_by_period", "affiliations", "coverage", "warnings", "problems",
                      "slowest", "changes"}
    assert "Curvature flows on tidal surfaces" not in page or "<td>" in page  # escaped cells
    # every published run now holds events.parquet and people.parquet (pipeline/linking.py)
    assert "No events or people table" not in page
    assert 'data-figure="events seen in more than one source"' in page


def test_events_and_people_figures_when_those_tables_exist(out: Path,
                                                           tmp_path: Path) -> None:
    merged = tmp_path / "out"
    shutil.copytree(out, merged, symlinks=True)
    pq.write_table(pa.table({
        "event_id": ["e1", "e2", "e3"], "title": ["Tide tables", "Fog", "Salinity maps"],
        "source_paths": [["a.ics", "b.html"], ["a.ics"], ["c.eml", "a.ics", "b.html"]],
        "n_sources": pa.array([2, 1, 3], pa.int32()),
        "conflicts": [[], [], ["start: 14:00 (a.ics) vs 15:00 (b.html)"]]}),
        merged / "events.parquet")
    pq.write_table(pa.table({
        "person_id": ["p1", "p2", "p3"], "name": ["Jane Smith", "Mei Chen", "Noor Haddad"],
        "names": [["J. Smith", "Jane Smith"], ["Mei Chen", "MEI  CHEN"], ["Noor Haddad"]],
        "talks": [3, 1, 1]}), merged / "people.parquet")
    figs = figures(load(merged))["merged"]
    assert figs == {"events": 3, "events seen in more than one source": 2,
                    "events whose sources disagree": 1, "people": 3,
                    "people under more than one name": 1}  # case and spacing: one name
    page = render(load(merged))
    assert 'data-figure="events seen in more than one source" data-value="2"' in page
    examples = page.split('data-table="merged_events"')[1].split("</table>")[0]
    assert examples.index("Salinity maps") < examples.index("Tide tables")  # most sources
    assert "Fog" not in examples and "start: 14:00 (a.ics) vs 15:00 (b.html)" in examples
    people = page.split('data-table="merged_people"')[1].split("</table>")[0]
    assert "J. Smith; Jane Smith" in people and "Mei Chen" not in people
    assert "No events or people table" not in page


def test_cli_writes_the_page_with_the_umask_mode(out: Path, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "pages" / "archive.html"
    old = os.umask(0o027)
    try:
        assert main(["report", str(out), "--output", str(target)]) == 0
    finally:
        os.umask(old)
    assert capsys.readouterr().out.strip() == str(target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_default_page_is_in_out_and_talks_report_is_the_same(out: Path) -> None:
    import talks

    assert main(["report", str(out)]) == 0
    page = (out / "report.html").read_text(encoding="utf-8")
    assert talks.report(out) == out / "report.html"
    assert (out / "report.html").read_text(encoding="utf-8") == page  # no clock on the page


def test_a_folder_without_a_dataset_is_a_usage_error(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert str(tmp_path) in err and "no talks dataset" in err
    (tmp_path / "talks.parquet").write_text("not parquet")
    assert main(["report", str(tmp_path)]) == 2
    assert "cannot be read as Parquet" in capsys.readouterr().err


def test_warning_kinds_drop_the_particulars() -> None:
    assert warning_kind("year inferred from heading") == "year inferred from heading"
    a = warning_kind("local time 2024-03-31T02:30:00 does not exist in Europe/Oslo")
    b = warning_kind("local time 2025-03-30T02:15:00 does not exist in America/Sao_Paulo")
    assert a == b == "local time <date> does not exist in <zone>"
    assert warning_kind("unknown time zone 'Harbour Time'") == "unknown time zone …"
    assert warning_kind("holds 5 other events of the feed") == "holds # other events of the feed"


# ---------------------------------------------------------------- in a real browser

CHROMIUM = find_chromium()
needs_browser = pytest.mark.skipif(
    CHROMIUM is None and os.environ.get("CI") != "true",
    reason="no Chromium on this machine (apt-get install chromium; .ci/run installs it)")

MARKS = """JSON.stringify({
  segments: [...document.querySelectorAll('[data-chart=talks_by_period] rect.segment')]
    .map(r => [r.closest('g.column').dataset.column, r.dataset.series, +r.dataset.value]),
  cells: [...document.querySelectorAll('[data-chart=coverage] g.cell')]
    .map(c => [c.dataset.row, c.dataset.column, +c.dataset.share]),
  bars: Object.fromEntries([...document.querySelectorAll('svg.chart')].map(svg =>
    [svg.dataset.chart, [...svg.querySelectorAll('g.bar')]
      .map(g => [g.dataset.label, +g.dataset.value])])),
  charts: [...document.querySelectorAll('svg.chart')].map(s => {
    const b = s.getBoundingClientRect(); return [s.dataset.chart, b.width, b.height]; }),
  text: document.body.innerText,
})"""


@needs_browser
def test_the_page_in_headless_chromium(out: Path, tmp_path: Path) -> None:
    assert CHROMIUM, "CI must have Chromium: .ci/run installs it"
    page = tmp_path / "report.html"
    assert main(["report", str(out), "--output", str(page)]) == 0
    with Chromium(CHROMIUM) as browser:
        browser.open(page)
        marks = json.loads(browser.evaluate(MARKS))
        errors = browser.console_errors()
        shot = browser.screenshot(ARTIFACTS / "report_page.png")
    print(f"\nscreenshot of the report page: {shot}")
    assert errors == []
    assert all(w > 100 and h > 20 for _, w, h in marks["charts"]), marks["charts"]

    drawn = {(m, s): n for m, s, n in marks["segments"]}
    assert drawn == _expected_months(out)
    cells = {(r, c): s for r, c, s in marks["cells"]}
    assert cells == pytest.approx(_expected_coverage(out), abs=1e-4)
    changes = {k: v for k, v in marks["bars"]["changes"] if v}
    assert changes == _expected_changes(out)
    assert dict(marks["bars"]["affiliations"]) == _expected_affiliations(out)
    report = json.loads((out / "report.json").read_text())
    assert [p for p, _ in marks["bars"]["slowest"]] == [
        f["path"] for f in report["slowest_files"]]
    assert "Salinity maps" in marks["text"]  # the change list names the added talk
    assert shot.stat().st_size > 10_000 and shot.read_bytes()[:4] == b"\x89PNG"


@needs_browser
def test_the_console_check_sees_an_error(tmp_path: Path) -> None:
    """The check itself: a page whose image the CSP blocks does log an error."""
    assert CHROMIUM, "CI must have Chromium: .ci/run installs it"
    page = tmp_path / "blocked.html"
    page.write_text("<!DOCTYPE html><meta http-equiv='Content-Security-Policy' "
                    "content=\"default-src 'none'\"><img src='missing.png'><p>x</p>")
    with Chromium(CHROMIUM) as browser:
        browser.open(page)
        browser.evaluate("1")
        assert any("Content Security Policy" in e for e in browser.console_errors())


def test_a_partitioned_dataset_is_read_whole(tmp_path: Path) -> None:
    import talks

    out = tmp_path / "out"
    talks.ingest(FIXTURES, out, jobs=0, progress=False, partition="year")
    assert (out / "current" / "talks").is_dir()
    figs = figures(load(out))
    assert figs["coverage"]["rows"]["all"] == len(talks.read(out)) == 7
    assert sum(sum(c.values()) for c in figs["talks_by_period"]["stacks"].values()) == 7
