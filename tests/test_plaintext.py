"""Plain-text listings: block structure found from repetition, not from fixed strings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from extractors.plaintext import extract
from pipeline.normalise.stage import normalise
from pipeline.records import Document, Hints
from tests.conftest import SEEDS, ingest, needs_shared, score

FIXTURES = Path(__file__).parent / "fixtures" / "text"
UTC = dt.UTC


def rows(data: bytes, tz: str | None = "America/New_York") -> list[dict]:
    doc = Document(path="doc.txt", data=data, sha256="0", format="text", hints=Hints(timezone=tz))
    return normalise(doc, extract(doc), dt.datetime(2024, 1, 1, tzinfo=UTC))


STACKED = """\
Autumn 2021 talks

America/Chicago
Room 204, Eckhart Hall

Maya Lindgren
Maya Lindgren, Department of Physics, Coldwater University

Spin Glasses and Neural Codes

Spin glasses store many patterns. We compare their landscapes with neural codes.

Joint work with R. Ortiz.

Attached file

Lindgren talk.pdf

America/Chicago
Room 204, Eckhart Hall

Samuel Okoro
Samuel Okoro, Pinewood Institute

Random Features in Kernel Regression

We revisit random features and their generalisation error.

America/Chicago
Online

Ruth Abernathy

Stochastic Calculus for Learning I

This minicourse introduces stochastic calculus for learning dynamics.

Attached file

abernathy notes.pdf

America/Chicago
Online

Ruth Abernathy

Stochastic Calculus for Learning II

This minicourse introduces stochastic calculus for learning dynamics.
"""


def test_stacked_listing_in_another_wording():
    out = rows(STACKED.encode(), tz=None)
    assert [r["title"] for r in out] == [
        "Spin Glasses and Neural Codes",
        "Random Features in Kernel Regression",
        "Stochastic Calculus for Learning I",
        "Stochastic Calculus for Learning II",
    ]
    first = out[0]
    assert first["speakers"] == [
        {"name": "Maya Lindgren", "affiliation": "Department of Physics, Coldwater University",
         "role": None}
    ]
    assert first["timezone"] == "America/Chicago"
    assert first["location"] == "Room 204, Eckhart Hall"
    assert first["slides"] == "Lindgren talk.pdf"
    assert first["abstract"] == (
        "Spin glasses store many patterns. We compare their landscapes with neural codes."
        "\n\nJoint work with R. Ortiz."
    )
    assert first["date"] is None and first["start"] is None
    assert out[1]["slides"] is None
    assert out[2]["location"] == "Online"
    assert out[2]["speakers"][0]["name"] == "Ruth Abernathy"
    assert out[2]["speakers"][0]["affiliation"] is None
    assert [r["kind"] for r in out] == ["talk", "talk", "lecture", "lecture"]
    assert out[2]["abstract"] == out[3]["abstract"]  # a shared abstract is not boilerplate


def test_listing_separated_by_rules_with_labels():
    out = rows((FIXTURES / "listing_separated.txt").read_bytes())
    assert [r["title"] for r in out] == [
        "Kernel Methods Revisited", "Causal Discovery from Interventions", None
    ]
    assert out[0]["speakers"][0] == {
        "name": "Nadia Petrova", "affiliation": "Harbour University", "role": None
    }
    assert out[1]["speakers"][0]["name"] == "Liam O'Connor"
    assert out[0]["date"] == dt.date(2023, 2, 2)
    assert out[0]["start"] == dt.datetime(2023, 2, 2, 17, 0, tzinfo=UTC)
    assert out[0]["location"] == "Stone Hall 3"
    assert out[0]["abstract"] == "Why kernels still matter for understanding wide networks."
    assert out[2]["abstract"] is None


def test_single_block_is_not_a_listing():
    out = rows((FIXTURES / "two_speakers.txt").read_bytes())
    assert len(out) == 1


@needs_shared
@pytest.mark.parametrize("name", ["004_4e9f2e09b919d79b.txt"])
def test_seed_listing_scores(tmp_path, name):
    code, _ = ingest(SEEDS, out=tmp_path / "out")
    assert code == 0
    assert score(tmp_path / "out", name) >= 0.95


COLUMNS_WITH_SHARED_PLACE_AND_TIME = b"""\
Spring 2031 Analysis Seminar

Date        Speaker                   Title
Jan 14      Ana Lima (MIT)            Sparse recovery in practice
Jan 21      No seminar
Jan 28      Karl Berg (ETH Zurich)    Random matrices and graphs

All talks take place in Room 201 at 4pm.
"""


def test_a_shared_place_stated_with_its_time_gives_both():
    got = rows(COLUMNS_WITH_SHARED_PLACE_AND_TIME)
    assert [r["title"] for r in got] == ["Sparse recovery in practice",
                                         "Random matrices and graphs"]
    assert {r["location"] for r in got} == {"Room 201"}
    assert got[0]["start"] == dt.datetime(2031, 1, 14, 21, 0, tzinfo=UTC)
