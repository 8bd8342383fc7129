"""A file of talk titles each followed by its abstract, naming nobody, gives one talk per
title; an announcement with ``Abstract`` and ``Bio`` sections stays one talk.

Written here in shapes the corpus does not hold: ``~~~`` underlined titles under a
capitals section heading, a ``Title:`` label on its own paragraph, a title announced in
a sentence (``Name (Org) presents "Title":``), and a note with no prose under it."""

from __future__ import annotations

import datetime as dt

from extractors.plaintext import extract
from pipeline.normalise.stage import normalise
from pipeline.records import Document
from pipeline.structure.abstracts import abstract_collection

AT = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)

PROSE = ("We look at how the method behaves on real data, where it fails, and what a "
         "practitioner can do about it; the talk closes with open questions and a short "
         "demonstration for the audience.")

COLLECTION = f"""\
OFFERED TALKS
~~~~~~~~~~~~~

Counting Lattice Paths with Generating Functions
~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~

{PROSE}

Title:

Random Walks on Groups and Card Shuffling

{PROSE}
{PROSE}

Mina Okafor (Delta Lab) presents "Why Sorting Networks Still Matter":

Abstract: {PROSE}

Still to be written
"""


def test_each_title_with_prose_under_it_is_a_talk() -> None:
    talks = abstract_collection(COLLECTION)
    assert [t.title for t in talks] == [
        "Counting Lattice Paths with Generating Functions",
        "Random Walks on Groups and Card Shuffling",
        "Why Sorting Networks Still Matter"]
    assert talks[2].speaker_text == ["Mina Okafor (Delta Lab)"]
    assert talks[2].abstract == PROSE  # the ``Abstract:`` label dropped


def test_the_text_reader_takes_the_collection() -> None:
    doc = Document(path="abstracts.txt", data=COLLECTION.encode(), sha256="0" * 64,
                   format="text")
    rows = normalise(doc, extract(doc), AT)
    assert len(rows) == 3 and rows[2]["speakers"][0]["name"] == "Mina Okafor"


def test_an_announcement_with_sections_stays_one_talk() -> None:
    text = f"""\
Applied Maths Seminar: Ana Lima (University of Porto)

Friday 7 March 2025, 15:00, Room 2.14

Title: Stable Flows on Sparse Graphs

Abstract:

{PROSE}

Bio:

Ana Lima is a professor at the University of Porto. {PROSE}
"""
    doc = Document(path="a.txt", data=text.encode(), sha256="0" * 64, format="text")
    rows = normalise(doc, extract(doc), AT)
    assert len(rows) == 1 and rows[0]["title"] == "Stable Flows on Sparse Graphs"
    assert abstract_collection(text) == []
