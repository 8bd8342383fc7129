"""The listing extractor on more real-world layouts, each on a page written for the test.

Every talk is checked field by field after the shared normalise stage, so the test
states what the dataset row must be, not only what the extractor found.
"""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path

import pytest

from extractors import listing
from pipeline.errors import ExtractionError
from pipeline.normalise.stage import normalise
from pipeline.records import Document

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "listing"
FIELDS = (
    "title",
    "speakers",
    "date",
    "start",
    "end",
    "timezone",
    "location",
    "url",
    "slides",
    "video",
    "abstract",
    "series",
    "kind",
)


def _doc(name: str) -> Document:
    path = FIXTURES / name
    fmt = "markdown" if path.suffix == ".md" else "html"
    return Document(path=name, data=path.read_bytes(), sha256="0" * 64, format=fmt)


def _rows(doc: Document) -> list[dict]:
    extract = listing.extract_markdown if doc.format == "markdown" else listing.extract_html
    raws = extract(doc)
    return normalise(doc, raws, dt.datetime(2024, 1, 1, tzinfo=dt.UTC))


def _check(name: str, expected: list[dict]) -> None:
    rows = _rows(_doc(name))
    got = [{f: row[f] for f in FIELDS} for row in rows]
    assert len(got) == len(expected), [g["title"] for g in got]
    for g, e in zip(got, expected, strict=True):
        full = {f: None for f in FIELDS} | e
        assert g == full


def _sp(name: str, affiliation: str | None = None, role: str | None = None) -> dict:
    return {"name": name, "affiliation": affiliation, "role": role}


def _utc(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=dt.UTC)


def _html(body: str) -> Document:
    return Document(path="t.html", data=body.encode(), sha256="0" * 64, format="html")


# ---------------------------------------------------------------- one-line list items


def test_one_line_items_split_by_separators_and_emphasis() -> None:
    common = {
        "timezone": "America/New_York",
        "location": "Room 101",
        "series": "Theory Lunch Seminar",
        "kind": "talk",
    }
    _check(
        "oneline.html",
        [
            # <b>date</b> name (aff) – <i><a>title</a></i> [Video]
            common
            | {
                "title": "Random walks on expanding graphs",
                "speakers": [_sp("Wen-Li Okafor", "Stanford")],
                "date": dt.date(2023, 10, 8),
                "url": "/talks/okafor-2023",
                "video": "https://www.youtube.com/watch?v=okf123",
            },
            # date: <a>name</a> (aff) — title Slides: the speaker's link is not the talk's url
            common
            | {
                "title": "Lower bounds for streaming matching",
                "speakers": [_sp("Marta Vasquez", "Brown University")],
                "date": dt.date(2023, 10, 15),
                "slides": "/files/vasquez.pdf",
            },
            # date — name, aff: "title"
            common
            | {
                "title": "Fast solvers for Laplacian systems",
                "speakers": [_sp("Kenji Abernathy", "Carnegie Mellon University")],
                "date": dt.date(2023, 10, 22),
            },
            # "Oct 29: Break (no seminar)" is not a talk
        ],
    )


def test_one_line_markdown_items_with_iso_dates_quotes_and_italics() -> None:
    common = {"location": "Hall C", "series": "Geometry Reading Seminar", "kind": "talk"}
    _check(
        "oneline.md",
        [
            common
            | {
                "title": "Ricci flow with surgery",
                "speakers": [_sp("Selin Aydın", "ETH Zürich")],
                "date": dt.date(2022, 2, 4),
            },
            common
            | {
                "title": "Harmonic maps into buildings",
                "speakers": [_sp("Tomás Herrera", "Universidad de Chile")],
                "date": dt.date(2022, 2, 11),
                "video": "https://vimeo.com/555111",
            },
            # year from the "Spring 2022" heading
            common
            | {
                "title": "Minimal cones and stability",
                "speakers": [_sp("Priyanka Desai", "IISc Bangalore")],
                "date": dt.date(2022, 2, 18),
            },
        ],
    )


def test_one_line_title_with_colon_keeps_it() -> None:
    doc = Document(
        "t.md", "## 2023\n\n- Mar 3: Lena Ortiz — Graphs: a tour\n".encode(), "0", "markdown"
    )
    (row,) = _rows(doc)
    assert (row["title"], row["speakers"][0]["name"], row["date"]) == (
        "Graphs: a tour",
        "Lena Ortiz",
        dt.date(2023, 3, 3),
    )


def test_label_line_above_title_is_not_split() -> None:
    """``Distinguished Lecture: Name`` over a title line stays a label plus a name."""
    page = "### May 5, 2023\n\n**Special Lecture: Alan Turing, Example University**\n\nOn numbers\n"
    (row,) = _rows(Document("t.md", page.encode(), "0", "markdown"))
    assert row["title"] == "On numbers"
    assert row["speakers"] == [_sp("Alan Turing", "Example University")]


# ---------------------------------------------------------------- tables


def test_tables_with_day_rows_and_without_header() -> None:
    school = {
        "timezone": "Europe/Berlin",
        "series": "Spring School on Inverse Problems",
        "kind": "talk",
    }
    _check(
        "table_days.html",
        [
            # time-only column + the full-width day row above it
            school
            | {
                "title": "Regularisation by denoising",
                "speakers": [_sp("Ingrid Solberg", "University of Oslo")],
                "date": dt.date(2024, 5, 6),
                "start": _utc(2024, 5, 6, 7, 30),
                "end": _utc(2024, 5, 6, 8, 30),
                "url": "/school/solberg",
            },
            school
            | {
                "title": "Sparse recovery in infinite dimensions",
                "speakers": [_sp("Mateus Carvalho", "IMPA")],
                "date": dt.date(2024, 5, 6),
                "start": _utc(2024, 5, 6, 9, 0),
                "end": _utc(2024, 5, 6, 10, 0),
                "slides": "/files/carvalho.pdf",
            },
            # the lunch row is not a talk; the next day row changes the date
            school
            | {
                "title": "Bayesian inversion with learned priors",
                "speakers": [_sp("Aiko Tanabe", "Kyoto University")],
                "date": dt.date(2024, 5, 7),
                "start": _utc(2024, 5, 7, 7, 30),
                "end": _utc(2024, 5, 7, 8, 30),
                "video": "https://youtu.be/xyz789",
            },
            # no header row: date, person, short affiliation and longest text inferred
            school
            | {
                "title": "Tomography from few projections",
                "speakers": [_sp("Rolf Brandt", "Leibniz Institute")],
                "date": dt.date(2024, 6, 3),
            },
            school
            | {
                "title": "Photoacoustic imaging: a tour",
                "speakers": [_sp("Clara Mendes", "University of Lisbon")],
                "date": dt.date(2024, 6, 10),
            },
            # the contacts table (names and e-mail addresses) gives nothing
        ],
    )


def test_headerless_table_without_dates_is_not_talks() -> None:
    page = (
        "<html><body><h1>Our group</h1><table>"
        "<tr><td>Maria Lopez</td><td>Professor</td><td>Optimisation and control</td></tr>"
        "<tr><td>Daniel Kim</td><td>Postdoc</td><td>Stochastic processes</td></tr>"
        "</table></body></html>"
    )
    assert listing.extract_html(_html(page)) == []


# ---------------------------------------------------------------- CMS layouts


def test_drupal_views_rows_with_field_classes() -> None:
    common = {
        "timezone": "UTC",
        "location": "Gates Hall 114",
        "series": "Statistics Colloquium",
        "kind": "talk",
    }
    _check(
        "drupal_views.html",
        [
            common
            | {
                "title": "Robust Bayesian model averaging",
                "speakers": [_sp("Olamide Bankole", "Duke University", "Assistant Professor")],
                "date": dt.date(2024, 4, 11),
                "start": _utc(2024, 4, 11, 19, 30),
                "url": "https://stat.example.edu/events/2024/robust-bayes",
                "abstract": "We revisit model averaging under misspecification.",
            },
            common
            | {
                "title": "Conformal prediction under shift",
                "speakers": [_sp("Johanna Lindqvist", "Uppsala University")],
                "date": dt.date(2024, 4, 18),
                "start": _utc(2024, 4, 18, 19, 30),
                "url": "https://stat.example.edu/events/2024/conformal",
                "video": "https://vimeo.com/9988776",
            },
        ],
    )


def test_event_articles_use_machine_readable_time() -> None:
    raws = listing.extract_html(_doc("events_time.html"))
    tz = dt.timezone(dt.timedelta(hours=-4))
    assert raws[0].start == dt.datetime(2024, 5, 6, 15, tzinfo=tz)
    assert raws[0].end == dt.datetime(2024, 5, 6, 16, tzinfo=tz)
    assert raws[1].start is None and raws[1].when_text.startswith("2024-05-13")
    common = {
        "timezone": "America/New_York",
        "series": "Quantum Information Seminar",
        "kind": "talk",
    }
    _check(
        "events_time.html",
        [
            common
            | {
                "title": "Error correction with biased noise",
                "speakers": [_sp("Tobias Renwick", "Yale University")],
                "date": dt.date(2024, 5, 6),
                "start": _utc(2024, 5, 6, 19, 0),
                "end": _utc(2024, 5, 6, 20, 0),
                "url": "/seminars/2024-05-06-haldane",
                "slides": "https://example.org/slides/renwick.pdf",
                "video": "https://www.youtube.com/watch?v=q1w2e3",
                "abstract": "Biased-noise qubits allow thinner codes.",
            },
            # date-only datetime attribute: the year comes from it, the time from the text
            common
            | {
                "title": "Certified randomness from few devices",
                "speakers": [_sp("Amara Nwosu", "University of Waterloo")],
                "date": dt.date(2024, 5, 13),
                "start": _utc(2024, 5, 13, 19, 0),
                "end": _utc(2024, 5, 13, 20, 0),
            },
        ],
    )


def test_hugo_headings_with_label_lines() -> None:
    # "Machine Learning Lunch Talks" names a series (capitalised words ending in an event noun)
    common = {"timezone": "America/New_York", "location": "Atrium", "kind": "talk",
              "series": "Machine Learning Lunch Talks"}
    _check(
        "hugo_talks.md",
        [
            common
            | {
                "title": "Diffusion models as samplers",
                "speakers": [_sp("Farida Haidari", "Courant Institute")],
                "date": dt.date(2023, 1, 17),
                "start": _utc(2023, 1, 17, 17, 0),
                "end": _utc(2023, 1, 17, 18, 0),
                "slides": "https://example.org/haidari-slides.pdf",
                "video": "https://www.youtube.com/watch?v=dm123",
                "abstract": (
                    "We view score-based diffusion as a sampler for unnormalised densities."
                ),
            },
            common
            | {
                "title": "Scaling laws for tabular data",
                "speakers": [_sp("Bruno Castellanos", "University of Toronto")],
                "date": dt.date(2023, 1, 24),
                "start": _utc(2023, 1, 24, 17, 0),
                "end": _utc(2023, 1, 24, 18, 0),
                "abstract": "Tabular benchmarks show different scaling exponents.",
            },
        ],
    )


def test_upcoming_teaser_and_archive_give_one_talk_each() -> None:
    common = {
        "timezone": "America/Los_Angeles",
        "location": "Room B-12",
        "series": "Computational Biology Seminar",
        "kind": "talk",
    }
    _check(
        "upcoming_past.html",
        [
            common
            | {
                "title": "Protein language models for enzyme design",
                "speakers": [_sp("Yusuf Demirci", "UC San Diego")],
                "date": dt.date(2024, 3, 7),
                "start": _utc(2024, 3, 8, 0, 0),
                "end": _utc(2024, 3, 8, 1, 0),
                "abstract": "We fine-tune protein language models to propose active enzymes.",
            },
            common
            | {
                "title": "Single-cell lineage tracing at scale",
                "speakers": [_sp("Hana Kobayashi", "Salk Institute")],
                "date": dt.date(2024, 2, 29),
                "start": _utc(2024, 3, 1, 0, 0),
                "end": _utc(2024, 3, 1, 1, 0),
                "video": "https://www.youtube.com/watch?v=sc4le",
            },
        ],
    )


def test_same_speaker_on_two_dates_is_two_talks() -> None:
    page = (
        "<html><body><h1>Seminar</h1><ul>"
        "<li>May 6, 2024: Jane Ortega (MIT) — Sparse codes</li>"
        "<li>May 13, 2024: Jane Ortega (MIT) — Sparse codes</li></ul></body></html>"
    )
    assert len(listing.extract_html(_html(page))) == 2


# ---------------------------------------------------------------- robustness


def test_deep_nesting_reads_or_fails_cleanly() -> None:
    deep = "<div>" * 30000 + "<p><b>Jane Ortega</b></p><p>May 6, 2024</p>" + "</div>" * 30000
    try:
        listing.extract_html(_html(deep))
    except ExtractionError:
        pass  # a clear refusal is acceptable; any other exception is not
    inline = "<b><i><span>" * 5000 + "Jane Ortega" + "</span></i></b>" * 5000
    try:
        listing.extract_html(_html(inline))
    except ExtractionError:
        pass


def test_xhtml_is_read_without_warnings_or_entity_expansion() -> None:
    laughs = "".join(f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10}">' for i in range(1, 9))
    page = (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<!DOCTYPE html [<!ENTITY l0 "ha">' + laughs + '<!ENTITY ext SYSTEM "file:///etc/passwd">]>'
        '<html xmlns="http://www.w3.org/1999/xhtml"><body><h1>Logic Seminar</h1><ul>'
        "<li>May 6, 2024: Jane Ortega (MIT) — Proof nets &l8; &ext;</li>"
        "<li>May 13, 2024: Ravi Menon (IIT Delhi) — Cut elimination</li>"
        "</ul></body></html>"
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        talks = listing.extract_html(_html(page))
    assert [t.speaker_text for t in talks] == [["Jane Ortega (MIT)"], ["Ravi Menon (IIT Delhi)"]]
    assert all(len(t.title or "") < 100 and "root:" not in (t.title or "") for t in talks)


def test_five_megabyte_page_is_read() -> None:
    """A large page is read whole (its speed is measured in bench/bench_parsers.py)."""
    filler = "<div class='news'><p>" + "Department news and announcements. " * 40 + "</p></div>\n"
    talks = "".join(
        f"<li>{m} {d}, 2024: Jane Ortega (MIT) — Talk number {m}{d}</li>"
        for m in ("Jan", "Feb", "Mar", "Apr")
        for d in range(1, 29)
    )
    page = "<html><body><main><ul>" + talks + "</ul>" + filler * 3500 + "</main></body></html>"
    assert len(page) > 5_000_000
    found = listing.extract_html(_html(page))
    assert len(found) == 4 * 28


@pytest.mark.parametrize(
    "data",
    [
        b"<table><tr><td colspan='x'>May 6</td></tr><tr><td>1</td><td>2</td></tr></table>",
        b'<ul><li>\xff\xfe: \xe2\x80\x94 ""</li><li>: - :</li></ul>',
        b"<time datetime='not-a-date'>May 6</time><time datetime='2024-13-45T99:00'>x</time>",
        b"<?xml version='1.0'?><x:y xmlns:x='u'><![CDATA[Jane Doe]]></x:y>",
        b"<tr><td>" * 2000,
    ],
)
def test_odd_markup_never_raises_other_errors(data: bytes) -> None:
    try:
        listing.extract_html(Document("t.html", data, "0", "html"))
        listing.extract_markdown(Document("t.md", data, "0", "markdown"))
    except ExtractionError:
        pass
