"""A feed's SUMMARY template settled by the events that name people, not by all events.

A conference feed writes ``Title, Name`` for its talks and bare ``Tea``/``Opening`` for the
rest; a feed may also repeat in SUMMARY the speaker its DESCRIPTION names (``Title by
Name``). Written here, not copied from any corpus document."""

from __future__ import annotations

from extractors.ics import extract_calendar
from pipeline.structure import templates


def _feed(events: list[tuple[str, str | None]]) -> str:
    body = ""
    for i, (summary, desc) in enumerate(events):
        body += (f"BEGIN:VEVENT\r\nUID:e{i}@x\r\nDTSTART:202406{i + 1:02d}T090000Z\r\n"
                 f"DTEND:202406{i + 1:02d}T093000Z\r\nSUMMARY:{summary}\r\n")
        if desc:
            body += f"DESCRIPTION:{desc}\r\n"
        body += "END:VEVENT\r\n"
    return f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//EN\r\n{body}END:VCALENDAR\r\n"


MIXED = [
    "Tea and biscuits",
    "Opening of the day",
    r"Sparse solvers on small machines\, Orla Brannigan",
    "Poster hall open",
    r"Rust in the teaching lab\, Tadeusz Wolański",
    "Closing of the day",
    r"Notebooks for first-years\, Ingrid Haugland and Femi Adeyemi",
    "Lunch in the atrium",
    r"Teaching with sensors\, kits\, and robots",
]


def test_template_of_part_of_the_records_reads_only_those() -> None:
    plain = [s.replace("\\,", ",") for s in MIXED]
    assert templates.choose(plain).template is None  # the whole-document mean: title only
    choice = templates.choose_partial(plain)
    assert choice.template is not None
    reading = choice.read("Sparse solvers on small machines, Orla Brannigan")
    assert reading is not None and reading.people == "Orla Brannigan"
    # a list in a title holds no full name: it stays a title
    assert choice.read("Teaching with sensors, kits, and robots") is None
    assert templates.choose_partial(plain[:2] + plain[3:4]).template is None  # no person


def test_feed_of_talks_and_breaks_splits_the_talks() -> None:
    talks = {t.title: t.speaker_text for t in extract_calendar(
        _feed([(s, None) for s in MIXED]))}
    assert talks["Sparse solvers on small machines"] == ["Orla Brannigan"]
    assert talks["Notebooks for first-years"] == ["Ingrid Haugland and Femi Adeyemi"]
    assert "Teaching with sensors, kits, and robots" in talks


def test_summary_repeating_the_described_speaker_loses_the_name() -> None:
    events = [(f"{title} by {name}", name) for title, name in [
        ("Gradient flows on graphs", "Leontine Marchetti"),
        ("Spectral gaps of random walks", "Bartholomew Achebe"),
        ("Curvature of discrete spaces", "Svanhildur Jónsdóttir"),
    ]] + [("Coffee", None)]
    talks = {t.title: t.speaker_text for t in extract_calendar(_feed(events))}
    assert talks["Gradient flows on graphs"] == ["Leontine Marchetti"]
    assert talks["Curvature of discrete spaces"] == ["Svanhildur Jónsdóttir"]
