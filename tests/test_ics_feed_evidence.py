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
        _event(4, "Débat final"),
        _event(5, "Quantum dots - Anouk Visser"),
        _event(6, "Abschlussdiskussion und Ausblick"),
        _event(7, "Holography today", "A look at what holograms can do in 2024."),
        _event(8, "Fibre sensing - Lena Okafor"),
    ]
    talks = [t for t in extract_calendar(_feed(events)) if t.title or t.speaker_text]
    titles = sorted(t.title for t in talks)
    assert titles == ["Adaptive optics on a budget", "Fibre sensing", "Freeform lenses",
                      "Holography today", "Quantum dots", "Speckle without tears",
                      "Waveguide lasers"]
    session_talk = next(t for t in talks if t.title == "Speckle without tears")
    assert session_talk.speaker_text == ["Rosa Lindqvist"]
    reasons = " ".join(w for t in extract_calendar(_feed(events)) for w in t.warnings)
    assert "a break, meal or social" in reasons
    assert "says nothing but its title" in reasons


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
