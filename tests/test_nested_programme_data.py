"""A programme given as data nests its talks in sessions in days: the talks of every
session are one record set, each inheriting its session's time and room and its day's
date. The data file is written for this test."""

from __future__ import annotations

from pipeline.structure.data import data_talks, load

PROGRAMME = """\
- day: 14 May 2025
  sessions:
    - slot: 09:00-09:15
      title: Welcome
      room: Aula
    - slot: 09:15-10:30
      title: Session 1
      room: Hall B
      talks:
        - title: Learned clause deletion
          authors: Ilse Vermeulen, Pedro Salgado
        - title: Parallel portfolio solvers revisited
          authors: Wen Hao
- day: 15 May 2025
  sessions:
    - slot: 10:00-11:00
      title: Session 2
      room: Hall C
      talks:
        - title: Proof logging for pseudo-Boolean solvers
          authors: Maren Solberg
"""


def test_nested_talks_are_read_with_their_session_and_day() -> None:
    talks = data_talks(load(PROGRAMME))
    assert [t.title for t in talks] == ["Learned clause deletion",
                                        "Parallel portfolio solvers revisited",
                                        "Proof logging for pseudo-Boolean solvers"]
    assert talks[0].speaker_text == ["Ilse Vermeulen, Pedro Salgado"]
    assert talks[1].location == "Hall B" and talks[2].location == "Hall C"
    assert talks[2].when_text is not None and "15 May 2025" in talks[2].when_text


def test_a_flat_list_of_talks_is_read_as_before() -> None:
    flat = "- title: A\n  speaker: Ana Lima\n  date: 2024-03-01\n" \
           "- title: B\n  speaker: Bo Chen\n  date: 2024-03-08\n"
    assert [(t.title, t.speaker_text) for t in data_talks(load(flat))] == [
        ("A", ["Ana Lima"]), ("B", ["Bo Chen"])]
