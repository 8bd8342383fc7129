"""A feed's constant SUMMARY suffix and a SUMMARY that swallowed its DESCRIPTION.

Feeds exported from a website give every event the page title's tail (``Talk - Lab
Website - Department``); some exporters also lose the line break before the next
property. Both are written here in a shape of their own."""

from __future__ import annotations

from extractors.ics import extract_calendar
from pipeline.structure.templates import constant_suffix, strip_suffix


def _feed(summaries: list[str]) -> str:
    events = "".join(
        f"BEGIN:VEVENT\r\nUID:e{i}@x\r\nDTSTART:2024050{i + 1}T150000Z\r\n"
        f"SUMMARY:{s}\r\nEND:VEVENT\r\n" for i, s in enumerate(summaries))
    return f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//EN\r\n{events}END:VCALENDAR\r\n"


SUFFIX = " - Optics Lab Website - Physics Department"


def test_a_suffix_every_event_shares_is_the_site_not_the_title() -> None:
    titles = ["Cold atoms in cavities", "Squeezed light - a primer", "Frequency combs"]
    assert constant_suffix([t + SUFFIX for t in titles]) == SUFFIX
    assert strip_suffix(titles[1] + SUFFIX, SUFFIX) == titles[1]
    assert constant_suffix(titles) is None  # nothing shared: no suffix
    talks = extract_calendar(_feed([t + SUFFIX for t in titles]))
    assert sorted(t.title for t in talks) == sorted(titles)


def test_a_summary_that_swallowed_its_description_is_split() -> None:
    glued = [t + SUFFIX + f"DESCRIPTION:Abstract of talk {i}. Speaker: Ana Lima{'n' * i}"
             for i, t in enumerate(["Cold atoms in cavities", "Frequency combs",
                                    "Squeezed light"])]
    talks = extract_calendar(_feed(glued))
    assert sorted(t.title for t in talks) == [
        "Cold atoms in cavities", "Frequency combs", "Squeezed light"]
