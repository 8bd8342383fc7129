"""Talks given as data whose details sit in one nested mapping: the record's own key
names the talk, a nested list of one mapping holds the person (under ``title`` or
``name``), the institution, the date and the abstract. The details are merged into the
record; the nested ``title`` that reads as a person's name is the speaker, so the row is
titled by the talk, not by a name glued to the next key.

Written for this test (not from the corpus) in the shape of a static-site data file.
"""

from __future__ import annotations

from pipeline.structure import data

YAML = """\
- title: "Sheaf neural networks for heterophilic graphs"
  details:
    - title: Marta Kowalczyk
      home_institution: University of Warsaw
      date: March 5, 2025
      abstract: Graph neural networks struggle when neighbours differ.
- title: "Learning dynamics of wide transformers"
  details:
    - title: Jonas Eriksen
      home_institution: DTU Compute
      date: April 2, 2025
      abstract: We study the training dynamics in the infinite-width limit.
"""


def test_nested_details_are_merged_and_the_person_is_the_speaker() -> None:
    talks = data.data_talks(data.load(YAML))
    assert [(t.title, t.speaker_text, t.when_text) for t in talks] == [
        ("Sheaf neural networks for heterophilic graphs",
         ["Marta Kowalczyk (University of Warsaw)"], "March 5, 2025"),
        ("Learning dynamics of wide transformers", ["Jonas Eriksen (DTU Compute)"],
         "April 2, 2025"),
    ]
    assert talks[1].abstract.startswith("We study")


def test_the_record_s_own_keys_win_and_a_nested_topic_is_no_speaker() -> None:
    item = {"title": "Spectral methods", "date": "May 1, 2025",
            "more": [{"title": "an overview for beginners", "date": "June 9, 2025",
                      "room": "B12"}]}
    talk = data.record_talk(item)
    assert talk is not None
    assert talk.title == "Spectral methods" and talk.speaker_text == []
    assert talk.when_text == "May 1, 2025" and talk.location == "B12"
