"""reStructuredText documents: rendered by docutils and read as HTML; an outline of one
talk is one talk titled by the document's adorned title; directives that reach outside
the text are off. The documents are written for this test."""

from __future__ import annotations

from extractors.plaintext import extract
from extractors.restructured import document_title, is_restructured, to_html
from pipeline.records import Document, Hints

LISTING = """\
==========================
Numerical Analysis Seminar
==========================

Spring 2024, Thursdays 15:00, Room B-204.

Adaptive meshes for wave problems
---------------------------------

:Speaker: Ingrid Solheim (NTNU)
:Date: 7 March 2024

We study a posteriori estimators for wave equations.

Low-rank tensor solvers in practice
-----------------------------------

:Speaker: Tomás Echeverría (Universidad de Chile)
:Date: 14 March 2024

A tour of alternating least squares for high-dimensional problems.

Randomised preconditioners
--------------------------

:Speaker: Mei Takahashi (RIKEN)
:Date: 21 March 2024

Sketching gives preconditioners with provable bounds.
"""

OUTLINE = """\
++++++++++++++++++++++++++++++
Caching Without Tears in Rust
++++++++++++++++++++++++++++++

Why caches lie
==============

Eviction policies
=================

* LRU

  * recency only
  * cheap

* LFU
  * frequency
"""


def _doc(text: str) -> Document:
    return Document(path="notes.txt", data=text.encode(), sha256="0", format="text",
                    hints=Hints())


def test_a_listing_in_restructured_text_gives_each_talk() -> None:
    assert is_restructured(LISTING)
    talks = extract(_doc(LISTING))
    assert [t.title for t in talks] == ["Adaptive meshes for wave problems",
                                        "Low-rank tensor solvers in practice",
                                        "Randomised preconditioners"]
    assert all(t.speaker_text for t in talks) and talks[1].when_text


def test_an_outline_is_one_talk_titled_by_the_document_title() -> None:
    assert document_title(OUTLINE) == "Caching Without Tears in Rust"
    [talk] = extract(_doc(OUTLINE))
    assert talk.title == "Caching Without Tears in Rust"


def test_plain_text_is_not_taken_for_restructured_text() -> None:
    assert not is_restructured("Seminar\n\nTalk by Ana Lima on 3 May.\n-- \nsent from mail\n")


def test_directives_that_reach_outside_the_text_are_off(tmp_path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    text = (f"Title\n=====\n\n.. include:: {secret}\n\n.. raw:: html\n\n   <script>x()</script>\n")
    html = to_html(text)
    assert "TOP-SECRET-CONTENT" not in html and "<script>" not in html
