"""Announcements, emails and mbox archives: one talk per message, in many wordings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from extractors.plaintext import extract
from pipeline.errors import ExtractionError
from pipeline.normalise.stage import normalise
from pipeline.records import Document, Hints

FIXTURES = Path(__file__).parent / "fixtures" / "text"
UTC = dt.UTC


def rows(name: str, tz: str | None = "America/New_York") -> list[dict]:
    data = (FIXTURES / name).read_bytes()
    doc = Document(path=name, data=data, sha256="0", format="text", hints=Hints(timezone=tz))
    return normalise(doc, extract(doc), dt.datetime(2024, 1, 1, tzinfo=UTC))


def one(name: str, tz: str | None = "America/New_York") -> dict:
    out = rows(name, tz)
    assert len(out) == 1
    return out[0]


def test_header_fields_who_topic_when_where():
    r = one("header_fields.txt")
    assert r["title"] == "Sparse Recovery in Noisy Sensor Networks"
    # Host is not a speaker
    assert r["speakers"] == [{"name": "Margaret Okafor",
                              "affiliation": "Department of Statistics, Rutherford University",
                              "role": None}]
    assert r["date"] == dt.date(2024, 3, 14)
    assert r["start"] == dt.datetime(2024, 3, 14, 20, 0, tzinfo=UTC)  # 4 pm EDT
    assert r["location"] == "Kellerman Hall, Room 210"
    assert r["abstract"] == (
        "Sensor networks observe physical fields through few, noisy and unreliable "
        "measurements. We show how sparsity priors recover the field.\n\n"
        "We close with open problems in distributed recovery."
    )


def test_free_prose_announcement_with_reception():
    r = one("prose.txt")
    assert r["title"] == "Random Matrices and the Geometry of Learning"
    assert r["speakers"] == [
        {"name": "Elena Marchetti", "affiliation": "Northfield University", "role": None}
    ]
    assert r["date"] == dt.date(2022, 10, 7)
    assert r["start"] == dt.datetime(2022, 10, 7, 19, 30, tzinfo=UTC)
    assert r["location"] == "Wean Hall 5409"
    assert r["abstract"] == (
        "Random matrix theory describes the spectra of large weight matrices. We relate these "
        "spectra to generalisation in overparameterised models and to the geometry of their "
        "loss landscapes."
    )


def test_email_date_header_gives_the_missing_year():
    r = one("email_no_year.eml")
    assert r["title"] == "Learning with Few Labels"  # from the Subject, prefixes removed
    assert r["speakers"] == [
        {"name": "Hannah Schultz", "affiliation": "Kestrel Institute", "role": None}
    ]
    assert r["date"] == dt.date(2011, 10, 12)
    assert r["start"] == dt.datetime(2011, 10, 12, 18, 0, tzinfo=UTC)
    assert r["end"] == dt.datetime(2011, 10, 12, 19, 0, tzinfo=UTC)
    assert r["location"] == "GHC 6115"
    assert r["abstract"] == (
        "Labels are expensive. We study how far a learner can go with a handful of labelled "
        "examples and a large pool of unlabelled ones."
    )


def test_mbox_with_three_messages_in_three_styles():
    out = rows("seminars.mbox")
    assert [r["title"] for r in out] == [
        "Quantum Walks on Graphs",
        "Topological Data Analysis for Time Series",
        "Optimal Transport in Economics",
    ]
    assert [r["speakers"][0]["name"] for r in out] == [
        "Priya Natarajan", "Oskar Lindqvist", "Lucia Ferreira"
    ]
    assert [r["speakers"][0]["affiliation"] for r in out] == [
        "Eastfield University", "Westbrook College", "Southgate University"
    ]
    assert [r["date"] for r in out] == [
        dt.date(2014, 1, 16), dt.date(2014, 1, 23), dt.date(2014, 1, 30)
    ]
    assert all(r["start"].hour == 16 for r in out)  # 11 am EST
    assert all(r["location"] == "Hollis Hall 120" for r in out)
    assert out[1]["abstract"] == (
        "Persistent homology turns sliding windows of a time series into shapes."
    )
    assert len({r["talk_id"] for r in out}) == 3


def test_reception_and_refreshments_are_not_the_talk():
    r = one("reception.txt")
    assert r["title"] == "Turbulence in Rotating Fluids"
    assert r["speakers"] == [{"name": "Kwame Asante",
                              "affiliation": "Lakeshore Institute of Technology", "role": None}]
    assert r["date"] == dt.date(2019, 11, 5)
    assert r["start"] == dt.datetime(2019, 11, 5, 21, 0, tzinfo=UTC)  # 4 pm EST, not 3:30/5:30
    assert r["location"] == "Franklin Building, Room 101"
    assert r["abstract"].startswith("Rotating flows develop columnar structures.")
    assert "Atrium" not in r["abstract"]


def test_two_speakers_online_with_end_time():
    r = one("two_speakers.txt", tz="Europe/Berlin")
    assert r["title"] == "Protein Folding Meets Graph Neural Networks"
    assert r["speakers"] == [
        {"name": "Aisha Rahman", "affiliation": "Caltech", "role": None},
        {"name": "Tomasz Nowicki", "affiliation": "University of Warsaw", "role": None},
    ]
    assert r["date"] == dt.date(2021, 6, 3)
    assert r["start"] == dt.datetime(2021, 6, 3, 8, 0, tzinfo=UTC)  # 10:00 CEST
    assert r["end"] == dt.datetime(2021, 6, 3, 9, 30, tzinfo=UTC)
    assert r["location"] == "Online"
    assert r["abstract"] == (
        "We present a joint project on predicting folding pathways with graph networks."
    )


POSTER = """\
QUANTITATIVE BIOLOGY LUNCH TALK

Cell Size Control in Fluctuating Environments

Dr. Ingrid Solberg
Fjordside University

Monday, April 8, 2024, 12:15 pm
Lecture Hall B

Lunch will be served at 11:45 am in the foyer.
"""


def test_poster_layout_title_before_speaker(tmp_path):
    path = tmp_path / "poster.txt"
    path.write_text(POSTER)
    doc = Document(path="poster.txt", data=path.read_bytes(), sha256="0", format="text",
                   hints=Hints(timezone="Europe/Oslo"))
    (r,) = normalise(doc, extract(doc), dt.datetime(2024, 1, 1, tzinfo=UTC))
    assert r["title"] == "Cell Size Control in Fluctuating Environments"
    assert r["speakers"] == [
        {"name": "Ingrid Solberg", "affiliation": "Fjordside University", "role": None}
    ]
    assert r["date"] == dt.date(2024, 4, 8)
    assert r["start"] == dt.datetime(2024, 4, 8, 10, 15, tzinfo=UTC)  # CEST
    assert r["location"] == "Lecture Hall B"
    assert r["abstract"] is None


def test_empty_text_is_an_extraction_error():
    doc = Document(path="e.txt", data=b"  \n", sha256="0", format="text")
    with pytest.raises(ExtractionError):
        extract(doc)
