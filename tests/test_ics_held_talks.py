"""A panel or session event whose DESCRIPTION lists its talks gives one row per talk.

Written here in a shape of its own: a session event whose description numbers its talks
``a)``-style roman numerals and digits, ``Name (Org) and Name (Org) -- “Title”``, with a
chair line after the list; beside it, an event whose numbered list holds announcements.
"""

from __future__ import annotations

from extractors.ics import extract_calendar
from extractors.ics_description import held_talks

SESSION = (r"i) Wanjiru Kamau (Kenyatta University) -- “Rivers as archives”\n"
           r"ii) Tomasz Zieliński (Jagiellonian University) and Aroha Ngata (Massey"
           r" University) -- “Mapping drowned villages”\n"
           r"iii) Lucía Ferreyra (Universidad de Córdoba) -- TBC\n\n"
           r"Session chair: Hendrik Vos")
NOTICES = r"1) Next year's meeting venue\n2) The summer school dates\n3) Newsletter"


def _feed() -> str:
    events = [("Session B: Water and memory", SESSION), ("Notices", NOTICES),
              ("Soil as a library", r"Speaker: Olufemi Adebanjo")]
    body = "".join(
        f"BEGIN:VEVENT\r\nUID:s{i}@x\r\nDTSTART:2024061{i}T130000Z\r\n"
        f"DTEND:2024061{i}T143000Z\r\nLOCATION:Hall {i}\r\nSUMMARY:{summary}\r\n"
        f"DESCRIPTION:{desc}\r\nEND:VEVENT\r\n" for i, (summary, desc) in enumerate(events))
    return f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//EN\r\n{body}END:VCALENDAR\r\n"


def test_enumerated_people_and_titles_are_read_by_one_template() -> None:
    text = SESSION.replace(r"\n", "\n")
    assert held_talks(text) == [
        ("Wanjiru Kamau (Kenyatta University)", "Rivers as archives"),
        ("Tomasz Zieliński (Jagiellonian University) and Aroha Ngata (Massey University)",
         "Mapping drowned villages"),
        ("Lucía Ferreyra (Universidad de Córdoba)", None),  # a placeholder title
    ]
    assert held_talks(NOTICES.replace(r"\n", "\n")) == []  # a numbered list of notices
    assert held_talks("1) Wanjiru Kamau -- “Rivers”") == []  # one item is no list


def test_session_event_becomes_its_talks() -> None:
    talks = extract_calendar(_feed())
    held = [t for t in talks if any("that the event" in w for w in t.warnings)]
    assert [(t.title, t.speaker_text) for t in held] == [
        ("Rivers as archives", ["Wanjiru Kamau (Kenyatta University)"]),
        ("Mapping drowned villages", ["Tomasz Zieliński (Jagiellonian University) and "
                                      "Aroha Ngata (Massey University)"]),
        (None, ["Lucía Ferreyra (Universidad de Córdoba)"]),
    ]
    assert {t.location for t in held} == {"Hall 0"}  # the session's place and time
    assert len({t.key for t in held}) == 3
    assert not any(t.title == "Session B: Water and memory" for t in talks)
    assert any(t.title == "Soil as a library" for t in talks)
