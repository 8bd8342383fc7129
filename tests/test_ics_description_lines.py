"""The DESCRIPTION line that holds the speaker, found across one feed's events; a URL
property that is a recording.

Written here in a shape of its own: a feed whose SUMMARY is ``Name | Title`` and whose
descriptions open with the title, then ``Name; Role; Department, University``... here
``Name, Role, Department, University`` on the *second* line, then the abstract.
"""

from __future__ import annotations

from extractors.ics import extract_calendar

PEOPLE = [
    ("Ingeborg Thorsen", "Senior Lecturer", "School of Chemistry, University of Bergen",
     "Crystals that remember"),
    ("Rafael Quispe", "PhD student", "Department of Physics, Universidad de Chile",
     "Glass transitions in thin films"),
    ("Mei-Ling Hsu", "Research Scientist", "Academia Sinica",
     "Phonons in layered oxides"),
]


def _feed(with_lines: bool = True) -> str:
    body = ""
    for i, (name, role, org, title) in enumerate(PEOPLE):
        desc = (rf"{title}\n{name}\, {role}\, {org.replace(',', chr(92) + ',')}\n"
                rf"We study {title.lower()} with new probes and simple models.")
        if not with_lines:
            desc = rf"We study {title.lower()} with new probes and simple models."
        body += (f"BEGIN:VEVENT\r\nUID:d{i}@x\r\nDTSTART:2024031{i}T150000Z\r\n"
                 f"SUMMARY:{name} | {title}\r\nDESCRIPTION:{desc}\r\n"
                 f"URL:https://www.youtube.com/watch?v=abc{i}\r\nEND:VEVENT\r\n")
    return f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//EN\r\n{body}END:VCALENDAR\r\n"


def test_speaker_line_gives_role_and_affiliation_and_leaves_the_abstract() -> None:
    talks = sorted(extract_calendar(_feed()), key=lambda t: t.key or "")
    for talk, (name, role, org, title) in zip(talks, PEOPLE, strict=True):
        assert talk.title == title
        assert talk.speaker_text == [f"{name}, {role}, {org}"]
        assert talk.abstract == f"We study {title.lower()} with new probes and simple models."


def test_without_speaker_lines_the_summary_speaker_stands() -> None:
    talks = sorted(extract_calendar(_feed(with_lines=False)), key=lambda t: t.key or "")
    assert [t.speaker_text for t in talks] == [[name] for name, *_ in PEOPLE]


def test_recording_url_property_is_the_video() -> None:
    talk = sorted(extract_calendar(_feed()), key=lambda t: t.key or "")[0]
    assert talk.video == "https://www.youtube.com/watch?v=abc0"
    assert talk.url is None


def test_a_session_lists_its_talks_as_bulleted_titles_with_bylines() -> None:
    # a German conference feed: one event per session, its talks as ``- "Title"`` items
    # with a ``von A, B und C`` byline under each (written for this test)
    desc = (r'- "Lernbare Heuristiken für Schedulingprobleme"\nvon Anna Schmidt\, '
            r'Jonas Weber und Lea Braun.\n - "Symmetriebrechung in der Praxis"\n'
            r'von Tobias Klein und Mira Roth.')
    feed = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//EN\r\n"
            "BEGIN:VEVENT\r\nUID:s1@x\r\nDTSTART;TZID=Europe/Berlin:20230615T140000\r\n"
            "DTEND;TZID=Europe/Berlin:20230615T153000\r\nSUMMARY:Sitzung 3: Optimierung\r\n"
            f"DESCRIPTION:{desc}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    talks = [t for t in extract_calendar(feed) if t.title]
    assert [t.title for t in talks] == ["Lernbare Heuristiken für Schedulingprobleme",
                                        "Symmetriebrechung in der Praxis"]
    assert talks[1].speaker_text and "Tobias Klein" in talks[1].speaker_text[0]
