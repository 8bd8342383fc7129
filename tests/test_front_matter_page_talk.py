"""A one-talk page given only as front matter is one record, keys matched by name and type.

Documents written here in shapes of their own (not copied from the corpus): keys named in
several ways (``presenter``/``institution``/``venue``, Hugo's TOML ``[extra]`` table), a
title that packs the speaker (``Name (Org): Title``) or several fields separated by commas,
``author`` as the speaker of a talk page but the writer of a blog post.
"""

from __future__ import annotations

import datetime as dt

from extractors import listing
from extractors.listing_frontmatter import merge_fields, page_talk
from pipeline.normalise.stage import normalise
from pipeline.records import Document, Hints, RawTalk
from pipeline.sniff import sniff


def _doc(text: str) -> Document:
    return Document(path="page.md", data=text.encode(), sha256="0" * 64, format="markdown",
                    hints=Hints())


def _raw(text: str) -> list[RawTalk]:
    return listing.extract_markdown(_doc(text))


def _rows(text: str) -> list[dict]:
    doc = _doc(text)
    return normalise(doc, listing.extract_markdown(doc), dt.datetime(2024, 1, 1, tzinfo=dt.UTC))


def test_keys_in_other_naming_are_matched_by_name() -> None:
    rows = _rows(
        "---\n"
        "talk_title: Braids and their shadows\n"
        "presenter: Ottilie Brennan\n"
        "institution: University of Tromsø\n"
        "datetime: 2023-05-09 15:30\n"
        "venue: Hall B, Old Library\n"
        "series: Low-Dimensional Topology Seminar\n"
        "---\n"
    )
    assert len(rows) == 1
    row = rows[0]
    assert row["title"] == "Braids and their shadows"
    assert [(s["name"], s["affiliation"]) for s in row["speakers"]] == [
        ("Ottilie Brennan", "University of Tromsø")]
    assert row["date"] == dt.date(2023, 5, 9)
    assert row["location"] == "Hall B, Old Library"
    assert row["series"] == "Low-Dimensional Topology Seminar"


def test_title_packing_the_speaker_is_split_by_value_type() -> None:
    talks = _raw(
        "---\n"
        'title: "Idris Fennimore (Leiden University): Sheaves on small sites"\n'
        "date: 2022-02-03T00:00:00\n"
        "event: Geometry Colloquium\n"
        "---\n"
    )
    assert [(t.title, t.speaker_text) for t in talks] == [
        ("Sheaves on small sites", ["Idris Fennimore (Leiden University)"])]
    # a date-only talk written as midnight states no time
    assert talks[0].when_text == "2022-02-03"
    assert talks[0].series == "Geometry Colloquium"


def test_title_of_only_a_person_is_a_talk_without_title() -> None:
    talks = _raw('---\ntitle: "Marguerite Oyelaran (ETH Zürich)"\ndate: 2021-10-14\n---\n')
    assert [(t.title, t.speaker_text) for t in talks] == [
        (None, ["Marguerite Oyelaran (ETH Zürich)"])]


def test_comma_packed_title_places_each_part_by_type() -> None:
    talks = _raw(
        "---\n"
        "title: Counting lattice walks, Henrike Solberg, Combinatorics Seminar, March 3 2021\n"
        "author: Webmaster Team\n"
        "---\n"
        "\nHenrike Solberg will speak about walks in cones.\n"
    )
    assert len(talks) == 1
    talk = talks[0]
    assert talk.title == "Counting lattice walks"
    assert talk.speaker_text == ["Henrike Solberg"]  # the title's person, not the author
    assert talk.series == "Combinatorics Seminar"
    assert talk.when_text == "March 3 2021"


def test_toml_extra_table_and_body_paragraphs() -> None:
    text = (
        "+++\n"
        'title = "Random features for kernel regression"\n'
        "[extra]\n"
        'author = "Casimir Adebayo-Lund"\n'
        'institution = "Ørsted Research"\n'
        'video = "https://video.example.org/watch/123"\n'
        "+++\n\n"
        "We study random feature approximations of kernels and show when a modest number of "
        "features suffices for the regression error to match that of the exact kernel.\n\n"
        "Casimir Adebayo-Lund is a research scientist working on scalable kernel methods and "
        "their use in the energy sector, after a doctorate in statistics.\n"
    )
    assert sniff(text.encode()) == "markdown"  # TOML front matter makes a markdown page
    (talk,) = _raw(text)
    assert talk.title == "Random features for kernel regression"
    assert talk.speaker_text == ["Casimir Adebayo-Lund (Ørsted Research)"]
    assert talk.video == "https://video.example.org/watch/123"
    assert talk.abstract and talk.abstract.startswith("We study random feature")
    assert talk.speaker_bio and talk.speaker_bio.startswith("Casimir Adebayo-Lund is")


def test_presenter_label_in_the_body_names_the_speaker() -> None:
    (talk,) = _raw(
        "---\ntitle: Paper discussion of lock-free queues\nlayout: post\n---\n\n"
        "This week we read a paper on lock-free queues and discuss how its progress "
        "guarantees compare with the blocking designs we looked at in earlier meetings.\n\n"
        "Presenter: Joaquim Vasconcelos\n"
    )
    assert talk.speaker_text == ["Joaquim Vasconcelos"]
    assert talk.abstract and talk.abstract.startswith("This week we read")


def test_blog_post_by_its_author_is_no_talk() -> None:
    # ``author`` with no sign of a talk (affiliation, slides, video, series) is the writer
    meta = {"title": "Moving our site to a new host", "author": "Wilhelmina Okafor",
            "date": "2020-06-01"}
    assert page_talk(meta, "We moved the site to a new host this week.\n") is None
    meta["institution"] = "University of Lagos"  # a talk page names the speaker's place
    talk = page_talk(meta, "")
    assert talk is not None and talk.speaker_text == ["Wilhelmina Okafor (University of Lagos)"]


def test_body_reading_and_front_matter_are_merged_field_by_field() -> None:
    body = RawTalk(title="Braids and their shadows", speaker_text=["Ottilie Brennan"],
                   abstract="An abstract the body states.")
    page = RawTalk(title="Braids and their shadows", speaker_text=["O. Brennan"],
                   series="Topology Seminar", abstract="ignored: the body's stands")
    merged = merge_fields(body, page)
    assert merged.series == "Topology Seminar"
    assert merged.abstract == "An abstract the body states."
    other = RawTalk(title="Another talk entirely", speaker_text=["Someone Else"])
    assert merge_fields(RawTalk(title="Braids", speaker_text=["Ottilie Brennan"]),
                        other).series is None
