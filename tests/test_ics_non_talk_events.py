"""Calendar events that are no talk, judged across the feed: gatherings, groups, categories.

A feed written here in a shape of its own (not from the corpus): talks beside a
conference, a symposium edition, a call for papers, a two-day visit, a planning
meeting whose ``Speaker:`` is a committee, an empty ``Speaker:`` label followed by other
empty labels, a category ``[Tag]`` that varies from event to event, and a SUMMARY whose
label is one part of the calendar's name.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from extractors.ics import extract, extract_calendar, names_gathering
from pipeline.normalise.stage import normalise_document
from pipeline.normalise.text import is_placeholder
from pipeline.records import Document


def _event(i: int, summary: str, desc: str | None = None, *, day: str | None = None,
           until: str | None = None) -> str:
    when = (f"DTSTART;VALUE=DATE:{day}\r\nDTEND;VALUE=DATE:{until}\r\n" if day and until
            else f"DTSTART:202405{i + 1:02d}T150000Z\r\nDTEND:202405{i + 1:02d}T160000Z\r\n")
    text = f"DESCRIPTION:{desc}\r\n" if desc else ""
    return f"BEGIN:VEVENT\r\nUID:e{i}@x\r\n{when}SUMMARY:{summary}\r\n{text}END:VEVENT\r\n"


def _feed(events: list[str], name: str = "Optics Group Talks") -> str:
    return (f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//EN\r\nX-WR-CALNAME:{name}\r\n"
            + "".join(events) + "END:VCALENDAR\r\n")


def test_gathering_titles() -> None:
    assert names_gathering("Nonlinear Photonics Conference")
    assert names_gathering("Young Opticians Symposium Lyon 2025")
    assert names_gathering("Fourth Workshop on Teaching Optics")
    assert names_gathering("PHOTON25 Call for Papers")
    assert not names_gathering("Hands-on workshop on lens design")
    assert not names_gathering("Conferencing tools for remote labs")
    assert not names_gathering("Why symposia fail: a sociology of meetings")


def test_feed_keeps_its_talks_and_drops_gatherings() -> None:
    events = [
        _event(0, "Frequency combs for astronomy", "Speaker: Henrietta Okwuosa"),
        _event(1, "Nonlinear Photonics Conference"),
        _event(2, "Fourth Workshop on Teaching Optics"),
        _event(3, r"PHOTON25 Call for Papers"),
        _event(4, "Visitors at the laboratory", day="20240610", until="20240612"),
        _event(5, "Term planning meeting", "Speaker: Seminar Committee\n\nWe plan the term."),
        _event(6, "Metasurfaces in the visible"),
        _event(7, "Birds of a Feather"),
    ]
    talks = extract_calendar(_feed(events))
    titled = sorted(t.title for t in talks if t.title)
    assert titled == ["Frequency combs for astronomy", "Metasurfaces in the visible"]
    # the committee is nobody: the meeting keeps no speaker either
    assert sum(bool(t.speaker_text) for t in talks) == 1
    reasons = " ".join(w for t in talks for w in t.warnings)
    assert "conference, symposium or call" in reasons
    assert "spans 2 days" in reasons


def test_a_one_event_feed_is_its_own_event() -> None:
    (talk,) = extract_calendar(_feed([_event(0, "Lens Design Symposium 2024")]))
    assert not any("symposium or call" in w for w in talk.warnings)


def test_empty_speaker_label_before_other_labels_names_nobody() -> None:
    desc = r"Speaker: \nAffiliation: \nRoom: \nScore: 80\n\nAbstract: We show a lens."
    talks = extract_calendar(_feed([_event(i, f"Talk number {i} on lenses", desc)
                                    for i in range(3)]))
    assert all(t.speaker_text == [] for t in talks)


def test_varying_category_tags_are_not_titles() -> None:
    events = [_event(0, "[Quantum] Entangled photon sources"),
              _event(1, "[Imaging] Ptychography at home"),
              _event(2, "[Quantum] Squeezed states on chips")]
    assert sorted(t.title for t in extract_calendar(_feed(events))) == [
        "Entangled photon sources", "Ptychography at home", "Squeezed states on chips"]


def test_summary_label_that_is_part_of_the_calendar_name() -> None:
    events = [_event(0, "Light and Matter: Ximena Oduya (Delft)"),
              _event(1, "Light and Matter: speaker to be announced"),
              _event(2, "Light and Matter: Pavel Kostadinov (Sofia)")]
    talks = extract_calendar(_feed(events, name="Physics Seminar — Light and Matter"))
    assert sorted(t.speaker_text[0] for t in talks if t.speaker_text) == [
        "Pavel Kostadinov (Sofia)", "Ximena Oduya (Delft)"]
    # the label is the series; what is left of the placeholder event is no title
    assert all(t.title is None or is_placeholder(t.title) for t in talks)


def test_a_numbered_series_and_socials_naming_nobody_are_no_talks() -> None:
    events = [
        _event(0, "Repair clinic #1"),
        _event(1, "Repair clinic #2", "Soldering and snacks."),
        _event(2, "Repair clinic #4"),
        _event(3, "Evening coffee social"),
        _event(4, "Lecture 3: Sheaves on graphs", "Speaker: Oyelaran Adebayo"),
        _event(5, "Quantum dots in living cells"),
    ]
    talks = extract_calendar(_feed(events, name="Makerspace"))
    titled = sorted(t.title for t in talks if t.title)
    assert titled == ["Quantum dots in living cells", "Sheaves on graphs"] or titled == [
        "Lecture 3: Sheaves on graphs", "Quantum dots in living cells"]
    reasons = " ".join(w for t in talks for w in t.warnings)
    assert "recurring event naming nobody" in reasons
    assert "a meeting, break or social naming nobody" in reasons


def test_labelled_speaker_summaries_beside_description_titles() -> None:
    """A department feed (written here: tests/fixtures/ics/department-feed-labelled-
    speakers.ics) whose colloquia are ``Colloquium: Name (Org)`` with the title in the
    DESCRIPTION, beside a weekly lab meeting, a journal club, a holiday and a lunch: the
    colloquia keep their speaker and organisation whatever the organisation looks like
    (``UT Austin`` is no person), and the other events give no row."""
    path = Path(__file__).parent / "fixtures" / "ics" / "department-feed-labelled-speakers.ics"
    doc = Document(path=path.name, data=path.read_bytes(), sha256="0", format="ics")
    rows, _ = normalise_document(doc, extract(doc), dt.datetime(2024, 1, 1, tzinfo=dt.UTC))
    people = [(r["speakers"][0]["name"], r["speakers"][0]["affiliation"]) for r in rows]
    assert people[:3] == [("Maya Patel", "Rice University"), ("Tom Fischer", "UT Austin"),
                          ("Lina Gomez", "Texas A&M")]
    assert rows[1]["title"] == "Sparse grids revisited"
    assert len(rows) == 4  # and the defence; no lab meeting, club, holiday or lunch
