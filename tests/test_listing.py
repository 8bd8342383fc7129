"""The listing extractor (markdown and HTML pages) on the seeds and on pages in other layouts."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from extractors import listing
from pipeline.normalise.stage import normalise
from pipeline.records import Document, RawTalk

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "listing"
SAMPLES = ROOT / "data" / "raw" / "pages"  # the sample pages double as fixtures
SEEDS = ("000_802e0707eef3c8c0.txt", "001_dfee0fa517a9cbc4.txt")
needs_shared = pytest.mark.skipif(not SHARED.exists(), reason="shared seeds not present")


def _doc(path: Path, fmt: str) -> Document:
    return Document(path=path.name, data=path.read_bytes(), sha256="0" * 64, format=fmt)


def _source(name: str) -> Document:
    path = FIXTURES / name if (FIXTURES / name).exists() else SAMPLES / name
    return _doc(path, "markdown" if name.endswith(".md") else "html")


def _extract(doc: Document) -> list[RawTalk]:
    if doc.format == "markdown":
        return listing.extract_markdown(doc)
    return listing.extract_html(doc)


def _talks(name: str) -> list[RawTalk]:
    return _extract(_source(name))


def _rows(name: str) -> list[dict]:
    doc = _source(name)
    return normalise(doc, _extract(doc), dt.datetime(2024, 1, 1, tzinfo=dt.UTC))


def _utc(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=dt.UTC)


# ---------------------------------------------------------------- seeds through the CLI


def _score(out: Path, doc: str) -> float:
    res = subprocess.run(
        [sys.executable, str(SHARED / "eval" / "score.py"), str(out), str(SHARED / "gold"),
         "--doc", doc],
        capture_output=True, text=True, check=True,
    )
    last = res.stdout.strip().splitlines()[-1]
    assert last.startswith("field-F1"), res.stdout
    return float(last.split()[-1])


def _ingest(inputs: Path, out: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pipeline", "ingest", str(inputs), "--out", str(out), "-q"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )


@pytest.fixture(scope="module")
def seed_scores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, float]:
    """Each seed's field-F1 as markdown and as the same page rendered to scraped-style HTML."""
    base = tmp_path_factory.mktemp("seeds")
    md_in, html_in = base / "md", base / "html"
    md_in.mkdir()
    html_in.mkdir()
    md = MarkdownIt("commonmark").enable("table")
    for name in SEEDS:
        shutil.copy(SHARED / "seeds" / name, md_in / name)
        body = (SHARED / "seeds" / name).read_text(encoding="utf-8")
        if body.startswith("---"):
            front, body = body.split("\n---\n", 1)
            title = next((ln.split(":", 1)[1].strip() for ln in front.splitlines()
                          if ln.startswith("title:")), "")
        else:
            title = ""
        page = (
            f"<!DOCTYPE html><html><head><title>{title}</title></head><body>"
            "<nav><a href='/'>Home</a> <a href='/news'>News: Friday, May 5, 2023, 2:00 pm</a></nav>"
            "<header><h2>Institute site</h2><p>Updated Monday, June 5, 2023</p></header>"
            f"<main><h1>{title}</h1>{md.render(body)}</main>"
            "<footer><p><strong>Jane Webmaster, Editor</strong></p>"
            "<p>Tuesday, June 6, 2023, 9:00–10:00am</p><a href='/x'>Contact</a></footer>"
            "</body></html>"
        )
        (html_in / name).write_text(page, encoding="utf-8")
    shutil.copy(SHARED / "seeds" / "sources.toml", md_in / "sources.toml")
    shutil.copy(SHARED / "seeds" / "sources.toml", html_in / "sources.toml")
    _ingest(md_in, base / "out_md")
    _ingest(html_in, base / "out_html")
    scores = {}
    for name in SEEDS:
        scores[f"md:{name}"] = _score(base / "out_md", name)
        scores[f"html:{name}"] = _score(base / "out_html", name)
    return scores


@needs_shared
@pytest.mark.parametrize("name", SEEDS)
def test_seed_markdown_scores(seed_scores: dict[str, float], name: str) -> None:
    assert seed_scores[f"md:{name}"] >= 0.95


@needs_shared
@pytest.mark.parametrize("name", SEEDS)
def test_seed_as_scraped_html_scores_like_markdown(
    seed_scores: dict[str, float], name: str
) -> None:
    assert seed_scores[f"html:{name}"] >= seed_scores[f"md:{name}"] - 0.01


# ---------------------------------------------------------------- layouts of our own


def test_table_agenda_columns_in_any_order() -> None:
    talks = _talks("colloquium_table.html")
    assert [t.title for t in talks] == [
        "Topological pumps in driven lattices", "Strange metals from the bottom up"]
    first, second = talks
    assert first.speaker_text == ["Maria Oyelaran (University of Lagos)"]
    assert first.when_text == "Thursday, February 8 4:00–5:00 pm"
    assert first.year_hint == 2024  # from the "Spring 2024" heading, not the footer
    assert first.url == "https://physics.example.edu/colloquium/talks/oyelaran.html"
    assert first.slides == "https://physics.example.edu/colloquium/files/oyelaran.pdf"
    assert first.video is None
    assert second.video == "https://www.youtube.com/watch?v=abc123"
    for t in talks:
        assert t.series == "Quantum Matter Colloquium"
        assert t.location == "Room 4-270"
        assert t.timezone == "America/New_York"
        assert t.abstract is None and t.speaker_bio is None
    rows = _rows("colloquium_table.html")
    assert [r["date"] for r in rows] == [dt.date(2024, 2, 8), dt.date(2024, 3, 14)]
    assert rows[0]["start"] == _utc(2024, 2, 8, 21, 0)
    assert rows[1]["end"] == _utc(2024, 3, 14, 21, 0)  # EDT from March 10


def test_card_layout_by_class_names() -> None:
    talks = _talks("cards.html")
    assert len(talks) == 2  # the lunch card is not a talk
    first, second = talks
    assert first.title == "Sketching large graphs"
    assert first.speaker_text == ["Priya Raman, Associate Professor, Indian Institute of Science"]
    assert first.when_text == "Tuesday, 14 November 2023, 12:30–13:30"
    assert first.abstract == (
        "Graph sketches summarise massive networks in sublinear space.\n\nWe show new lower bounds."
    )
    assert first.url == "/seminars/raman"
    assert second.title == "TBA"
    assert second.abstract is None
    for t in talks:
        assert t.location == "Hopper Lecture Hall, Building 12"
        assert t.series == "Data Science Seminar Series"
        assert t.slides is None and t.video is None
    rows = _rows("cards.html")
    assert rows[1]["title"] is None  # placeholder
    assert rows[0]["date"] == dt.date(2023, 11, 14)


def test_jsonld_events_are_read_as_data() -> None:
    talks = _talks("jsonld.html")
    assert [t.title for t in talks] == [
        "Learning to simulate turbulence", "Causal inference for physicists"]
    first, second = talks
    assert first.speaker_text == ["Lena Hoffmann, TU Munich"]
    assert first.start == dt.datetime(2021, 9, 24, 14, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    assert first.end is not None and first.end.hour == 15
    assert first.location == "Lecture Hall B"
    assert first.abstract == "We train graph networks on turbulent flows."
    assert first.url == "https://example.org/talks/hoffmann"
    assert second.speaker_text == ["Omar Haddad", "Mei Chen"]
    assert second.location == "Online"
    assert second.end is None
    rows = _rows("jsonld.html")
    assert rows[0]["start"] == _utc(2021, 9, 24, 12, 0)


def test_definition_list_with_day_first_dates() -> None:
    talks = _talks("deflist.html")
    assert [t.title for t in talks] == [
        "Curvature flows on graphs", "Minimal surfaces and machine learning"]
    first, second = talks
    assert first.speaker_text == ["Ana Ferreira, University of Porto"]
    assert first.when_text == "24 September 2021, 14:00"
    assert first.abstract == "We define a discrete Ricci flow and study its limits."
    assert second.video == "https://vimeo.com/12345"
    assert second.abstract is None
    for t in talks:
        assert t.timezone == "Europe/Paris"
        assert t.series == "Geometry Reading Group"  # a reading group is a series
    rows = _rows("deflist.html")
    assert rows[0]["start"] == _utc(2021, 9, 24, 12, 0)
    assert rows[1]["date"] == dt.date(2021, 10, 8)


def test_markdown_headings_with_day_first_dates_and_zone() -> None:
    talks = _talks("astro_ml_lectures.md")
    assert len(talks) == 2  # the coffee break is not a talk
    first, second = talks
    assert first.title == "Normalising flows for galaxy surveys"
    assert first.speaker_text == [
        "Hannah Keller, Postdoctoral Researcher, University of Heidelberg"
    ]
    assert first.when_text == "24 September 2021, 14:00 CET"
    assert first.abstract == "We present flows that emulate survey pipelines."
    assert first.speaker_bio == "Hannah Keller works on simulation-based inference for cosmology."
    assert second.title == "Anomaly detection in radio transients"
    assert second.speaker_text == ["Ravi Patel (University of Toronto)"]
    assert second.slides == "https://speakerdeck.com/example/radio"
    assert second.abstract is None and second.speaker_bio is None
    for t in talks:
        assert t.series == "Astro-ML Lecture Series"
        assert t.location == "Online (Zoom)"
        assert t.year_hint == 2021
        assert t.reference_date == dt.date(2021, 8, 30)
    rows = _rows("astro_ml_lectures.md")
    assert rows[0]["start"] == _utc(2021, 9, 24, 12, 0)
    assert rows[1]["start"] == _utc(2021, 10, 1, 13, 30)


def test_speaker_split_at_connective_and_label_prefix() -> None:
    page = (
        "## Friday, May 5, 2023\n\n### 9:00–9:15am\n"
        "Opening remarks by Ada Lovelace, Programme Chair\n\n"
        "### 9:15–10:00am\n"
        "**Distinguished Lecture: Alan Turing, Professor, Example University**\n\n"
        "On computable numbers\n"
    )
    doc = Document(path="x.md", data=page.encode(), sha256="0" * 64, format="markdown")
    talks = listing.extract_markdown(doc)
    assert [(t.title, t.speaker_text) for t in talks] == [
        ("Opening remarks", ["Ada Lovelace, Programme Chair"]),
        ("On computable numbers", ["Alan Turing, Professor, Example University"]),
    ]
    assert talks[0].kind == "remarks"
    assert talks[1].when_text == "Friday, May 5, 2023 9:15–10:00am"


@pytest.mark.parametrize("name", ["about.html", "blog.html"])
def test_pages_without_talks_give_nothing(name: str) -> None:
    assert _talks(name) == []


def test_empty_and_garbage_input() -> None:
    for data in (b"", b"\x00\x01\x02", b"<html><body></body></html>", b"---\n: : :\n---\n"):
        assert listing.extract_html(Document("x", data, "0", "html")) == []
        assert listing.extract_markdown(Document("x", data, "0", "markdown")) == []


def test_microdata_event() -> None:
    (talk,) = _talks("microdata_events.html")
    assert talk.title == "Sparse attention for particle tracking"
    assert talk.speaker_text == ["Lucía Navarro"]
    assert talk.start == dt.datetime(2022, 3, 3, 16, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
    assert talk.end is not None and talk.end.hour == 17
    assert talk.location == "Room 26-214"
    assert talk.abstract == "Transformers with sparse attention reconstruct tracks in real time."
    assert talk.series is None


def test_samples_folder_pages_all_give_talks() -> None:
    pages = ROOT / "data" / "raw" / "pages"
    for path in sorted(pages.glob("*")):
        fmt = "markdown" if path.suffix == ".md" else "html"
        extract = listing.extract_markdown if fmt == "markdown" else listing.extract_html
        talks = extract(_doc(path, fmt))
        assert talks and all(t.title and (t.speaker_text or t.when_text) for t in talks), path
