"""Calendar events judged talks or not on the evidence of the whole feed.

Feeds written here in shapes of their own (not from the corpus): a doctoral workshop whose
talks name their authors beside breaks in German and French, a sessions whose SUMMARY
reads as ``Title (People)`` while its DESCRIPTION lists the talks, a debate and an
assembly that say nothing but their title; a makerspace feed made of weekly hangouts
and a movie night, with one event listing its speakers by first name; a SUMMARY that
swallowed its DESCRIPTION after a space.
"""

from __future__ import annotations

from extractors.ics import extract_calendar
from pipeline.normalise import agenda, siblings


def _event(i: int, summary: str, desc: str | None = None) -> str:
    when = f"DTSTART:202403{i + 1:02d}T090000Z\r\nDTEND:202403{i + 1:02d}T100000Z\r\n"
    text = f"DESCRIPTION:{desc}\r\n" if desc else ""
    return f"BEGIN:VEVENT\r\nUID:f{i}@x\r\n{when}SUMMARY:{summary}\r\n{text}END:VEVENT\r\n"


def _feed(events: list[str], name: str = "Doktorandentag Optik") -> str:
    return (f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//EN\r\nX-WR-CALNAME:{name}\r\n"
            + "".join(events) + "END:VCALENDAR\r\n")


def test_break_words_match_without_accents_and_in_other_languages() -> None:
    for title in ("Apéro", "Café - Foyer", "PAUSE", "Kaffeepause", "Déjeuner", "Pausa café"):
        assert agenda.is_non_talk(title), title
    assert not agenda.is_non_talk("Café scientifique: lenses in the kitchen")
    assert siblings.typed_non_talk("Accueil des participants")
    assert siblings.typed_non_talk("Assemblée générale")
    assert siblings.typed_non_talk("Board game night")
    # a slot label in French or German is no title
    assert siblings.agenda_slot("Exposé invité")
    assert siblings.agenda_slot("Gastvortrag")
    assert not siblings.agenda_slot("Exposé of a hidden variable theory")


def test_breaks_debates_and_sessions_judged_across_the_feed() -> None:
    session = (r' - "Adaptive optics on a budget"\nPar Ilse Brandt et Omar Haddad.\n'
               r' - "Speckle without tears"\nPar Rosa Lindqvist.')
    events = [
        _event(0, "Kaffeepause - Foyer"),
        _event(1, "Freeform lenses - Greta Hollmann"),
        _event(2, "Waveguide lasers - Tomas Berglund"),
        _event(3, "Session B (Doctoral Track)", session),
        _event(4, 'Débat "fin de journée"'),
        _event(5, "Quantum dots - Anouk Visser"),
        _event(6, "Bilan annuel - remise des prix doctorants"),
        _event(7, "Holography today", "A look at what holograms can do in 2024."),
        _event(8, "Fibre sensing - Lena Okafor"),
        # announced before its speaker is known: a talk all the same
        _event(9, "Photonic crystals revisited"),
    ]
    talks = [t for t in extract_calendar(_feed(events)) if t.title or t.speaker_text]
    titles = sorted(t.title for t in talks)
    assert titles == ["Adaptive optics on a budget", "Fibre sensing", "Freeform lenses",
                      "Holography today", "Photonic crystals revisited", "Quantum dots",
                      "Speckle without tears", "Waveguide lasers"]
    session_talk = next(t for t in talks if t.title == "Speckle without tears")
    assert session_talk.speaker_text == ["Rosa Lindqvist"]
    reasons = " ".join(w for t in extract_calendar(_feed(events)) for w in t.warnings)
    assert "a break, meal or social" in reasons
    assert "an award naming nobody" in reasons
    assert "a meeting, break or social naming nobody" in reasons


def test_a_feed_of_socials_keeps_only_what_says_it_is_a_talk() -> None:
    listed = (r"Try out your talk before the festival.\n\nSpeakers\n\nAna: Modular synths"
              r"\n\nBo: Eurorack on a shoestring")
    events = [_event(n, f"Weekly hangout #{n}") for n in range(5)] + [
        _event(5, "Soldering marathon", "Bring your own iron."),
        _event(6, "Board game night"),
        _event(7, "Dry run for MakerFest", listed),
        _event(8, "Synth workshop: a lecture on filters", "An introduction to VCF design."),
    ]
    talks = [t for t in extract_calendar(_feed(events, "Makerspace Ghent")) if t.title]
    assert sorted(t.title for t in talks) == [
        "Eurorack on a shoestring", "Modular synths", "Synth workshop: a lecture on filters"]
    assert [t.speaker_text for t in talks if t.title == "Modular synths"] == [["Ana"]]


def test_a_summary_that_swallowed_its_description_after_a_space() -> None:
    event = ("BEGIN:VEVENT\r\nUID:g1@x\r\nDTSTART:20240301T090000Z\r\n"
             "SUMMARY:Webinar - Lens design - Optics SiteDESCRIPTION: Lens design with Ada Ng\r\n"
             "END:VEVENT\r\n")
    (talk,) = extract_calendar(_feed([event]))
    assert "DESCRIPTION" not in (talk.title or "")
    assert "Lens design with Ada Ng" in (talk.abstract or "")


def _uid_event(uid: str, i: int, summary: str, desc: str | None = None) -> str:
    return _event(i, summary, desc).replace(f"UID:f{i}@x", f"UID:{uid}")


def test_uids_that_spell_speakers_name_the_speakers_of_bare_events() -> None:
    events = [
        _uid_event("2025-01-10-marta-kowalska@lenses.example", 0, "Aspheres",
                   "Presented by Marta Kowalska."),
        _uid_event("2025-01-17-tom-achebe@lenses.example", 1, "Zoom optics",
                   "Presented by Thomas Achebe."),
        _uid_event("2025-01-24-li-wen-zhou@lenses.example", 2, "Microlenses",
                   "Presented by Li-Wen Zhou."),
        _uid_event("2025-01-31-sara-lindgren@lenses.example", 3, "Gradient index lenses"),
        _uid_event("2025-02-07-ines-duarte@lenses.example", 4, "Metalens arrays",
                   "Presented by Ines Duarte."),
    ]
    talks = {t.title: t.speaker_text for t in extract_calendar(_feed(events, "Lens Talks"))}
    assert talks["Gradient index lenses"] == ["Sara Lindgren"]
    assert talks["Microlenses"] == ["Li-Wen Zhou"]


def test_uids_that_spell_titles_name_nobody() -> None:
    events = [
        _uid_event("2025-01-10-aspheres@x", 0, "Aspheres", "Presented by Marta Kowalska."),
        _uid_event("2025-01-17-zoom-optics@x", 1, "Zoom optics", "Presented by Tom Achebe."),
        _uid_event("2025-01-24-micro-lenses@x", 2, "Micro lenses", "Presented by Li Zhou."),
        _uid_event("2025-01-31-gradient-index@x", 3, "Gradient index"),
    ]
    talks = {t.title: t.speaker_text for t in extract_calendar(_feed(events, "Lens Talks"))}
    assert talks["Gradient index"] == []


def test_events_that_say_they_are_no_talk() -> None:
    timetable = (r"Third Lens Day. 9:00 AM-9:15 AM Welcome 9:15 AM-10:00 AM Keynote "
                 r"10:00 AM-10:30 AM Coffee")
    events = [
        _event(0, "Best Student Poster Award for Optical Design"),
        _event(1, "Past events and recordings"),
        _event(2, "LensDay25", timetable),
        _event(3, "Abstracts due for LensDay25"),
        _event(4, "⏰ 報名截止 | 光學夏令營 2025"),
        _event(5, "光學夏令營 2025"),
        _event(6, "Optics Online (no Lens Club meeting this week)"),
        _event(7, "Workshop on Lens Teaching - Agenda"),
        _event(8, "Freeform lenses - Greta Hollmann"),
        # a talk about deadlines, or about an award, that names its speaker stays
        _event(9, "Why deadlines help - Omar Haddad"),
    ]
    talks = [t for t in extract_calendar(_feed(events)) if t.title]
    assert sorted(t.title for t in talks) == ["Freeform lenses", "Why deadlines help"]
    reasons = " ".join(w for t in extract_calendar(_feed(events)) for w in t.warnings)
    for reason in ("an award", "a list of other events", "a timetable", "a deadline",
                   "says no talk takes place"):
        assert reason in reasons, reason


def test_descriptions_that_restate_the_title_name_the_speakers() -> None:
    def flat(title: str, people: str, day: str) -> str:
        return f"{title} {people} {day}, March 3 at 10:00 AM ET. Video Slides Abstract Text."

    events = [
        _event(0, "Lens design at scale", flat("Lens design at scale", "Ada Ng", "Monday")),
        _event(1, "Zoom optics", flat("Zoom optics - a retrospective", "Dr. Ravi Menon and "
                                      "Ines Duarte", "Tuesday")),
        _event(2, "Aspheres", flat("Webinar: Aspheres", "Marta Kowalska", "Friday")),
        _event(3, "Chapter update", "Chapter update Monday, March 9. Video"),
    ]
    talks = {t.title: t.speaker_text for t in extract_calendar(_feed(events))}
    assert talks["Lens design at scale"] == ["Ada Ng"]
    assert talks["Zoom optics - a retrospective"] == ["Dr. Ravi Menon and Ines Duarte"]
    assert talks["Aspheres"] == ["Marta Kowalska"]
    assert talks["Chapter update"] == []


def test_braced_names_are_speakers_and_a_led_tour_is_no_talk() -> None:
    events = [
        _event(0, "Mirrors of the old town",
               r"{Hanna Virtanen} leads a guided tour of the lighthouse lenses.\n\nBring boots."),
        _event(1, "Lenses at war", r"{Piet de Wit} and {Joan (Jo) Mercer} will talk about "
               "the optics of wartime periscopes, and the present day."),
    ]
    talks = [t for t in extract_calendar(_feed(events)) if t.title]
    assert [(t.title, t.speaker_text) for t in talks] == [
        ("Lenses at war", ["Piet de Wit", "Joan (Jo) Mercer"])]
    assert "{" not in (talks[0].abstract or "")


def test_a_course_holding_only_its_lunch_is_no_container() -> None:
    def timed(i: int, summary: str, start: str, end: str, day: str = "10") -> str:
        return (f"BEGIN:VEVENT\r\nUID:c{i}@x\r\nDTSTART:202406{day}T{start}00Z\r\n"
                f"DTEND:202406{day}T{end}00Z\r\nSUMMARY:{summary}\r\nEND:VEVENT\r\n")

    events = [timed(0, "Hands-on ray tracing in Julia", "0900", "1600", day="11"),
              timed(1, "Lunch", "1200", "1300", day="11"),
              timed(2, "Optics day", "0900", "1700"),
              timed(3, "Lens aberrations - Greta Hollmann", "0930", "1030"),
              timed(4, "Prism spectrometers - Omar Haddad", "1100", "1145")]
    titled = sorted(t.title for t in extract_calendar(_feed(events)) if t.title)
    assert titled == ["Hands-on ray tracing in Julia", "Lens aberrations",
                      "Prism spectrometers"]


def test_a_session_listing_its_slots_by_clock_time_becomes_timed_talks() -> None:
    event = ("BEGIN:VEVENT\r\nUID:s1@x\r\nDTSTART;TZID=Europe/Oslo:20240610T133000\r\n"
             "DTEND;TZID=Europe/Oslo:20240610T150000\r\nSUMMARY:Student Short Talks\r\n"
             "DESCRIPTION:1:30 Ingrid Solberg (NTNU)\\, 1:50 Kofi Mensah (Bergen)\\, "
             "2.10 Aino Koskinen (Aalto)\r\nEND:VEVENT\r\n")
    talks = extract_calendar(_feed([event]))
    assert [t.speaker_text for t in talks] == [
        ["Ingrid Solberg (NTNU)"], ["Kofi Mensah (Bergen)"], ["Aino Koskinen (Aalto)"]]
    assert [t.start.strftime("%H:%M") for t in talks] == ["11:30", "11:50", "12:10"]
    assert talks[-1].end is not None and talks[-1].end.strftime("%H:%M") == "13:00"


def test_an_honorific_line_names_the_speaker_and_a_placeholder_chair_no_chair() -> None:
    events = [
        _event(0, "Showcase I: Lenses in the archive",
               r"Lenses in the archive. \nProf Edda Falk \nShowcase I Chair: TBC"),
        _event(1, "Showcase II: Old prisms",
               r"Old prisms and their makers.  Dr. Ravi Menon (Leiden University)"),
    ]
    talks = {t.title: t.speaker_text for t in extract_calendar(_feed(events))}
    assert talks["Showcase I: Lenses in the archive"] == ["Prof Edda Falk"]
    assert talks["Showcase II: Old prisms"] == ["Dr. Ravi Menon (Leiden University)"]
