"""iCalendar feeds (``.ics``): one ``RawTalk`` per event occurrence.

Why this module exists: calendar feeds are the one input whose times are already
structured, so the extractor keeps them structured (aware ``start``/``end``, an IANA
``timezone``) and only reads *text* structure out of SUMMARY/DESCRIPTION.

Parsing and recurrence are the libraries' job: ``icalendar`` reads the feed (line
unfolding, ``\\,`` ``\\n`` unescaping, VTIMEZONE, Windows zone names) and
``recurring_ical_events`` expands RRULE/RDATE/EXDATE and applies overridden
occurrences (RECURRENCE-ID). What this module adds:

* a structural check (balanced BEGIN/END) and broken time properties become
  ``ExtractionError``: icalendar is lenient and would otherwise drop or mangle events;
* a bounded expansion window computed from the feed itself, never from the wall
  clock: from the earliest DTSTART to ``horizon_days`` past the latest date the feed
  states (DTSTART, DTEND, RRULE UNTIL, RDATE, RECURRENCE-ID), with a cap on the
  occurrences of one event, so an unbounded RRULE yields the same rows on any day;
* floating times are localised in the calendar's X-WR-TIMEZONE here (we do not use
  ``recurring_ical_events.of``, whose X-WR-TIMEZONE rewrite also moves events that
  carry a TZID of their own);
* text structure of the three description dialects seen in the wild, recognised by
  content: researchseminars.org (``Title: <a href=URL>T</a>`` / ``by NAME as part of
  SERIES`` / ``Abstract``), Indico (``Speakers: A (X), B (Y)``, abstract, event URL
  as the last line) and free-form labelled text (``Speaker:``, ``Abstract:``,
  ``Slides:``, ``Video:`` ... as written by hand in Google Calendar or Outlook).

Decisions worth knowing:

* STATUS:CANCELLED events/occurrences produce no row (a cancelled talk did not take
  place): each comes back without title or speaker and with a warning saying so, so the
  run lists it among its dropped records; VTODO/VJOURNAL are ignored.
* LOCATION that is only a URL is not a place: a meeting/streaming link (Zoom, Meet,
  Teams, Webex, YouTube, ...) makes the location ``Online`` (a YouTube/Vimeo link
  also becomes ``video``); any other URL is the talk's page (``url``).
* ``timezone`` is the zone the feed states for the event: the TZID (mapped to its
  IANA name), else X-WR-TIMEZONE for floating *and* UTC times (Google Calendar
  writes every time in UTC and states the calendar's zone there), else ``UTC``.
* X-WR-CALNAME is the series only when it names one (``names_series``): not a host
  name, one word (``Indico``), a generic name (``Calendar``, ``Events``), an address or a
  person's name (Google names a personal calendar after its owner). A SUMMARY that only
  names an event (``Seminar``, ``ML Reading Group``) gives no title; its label before or
  after a title (``Robotics Seminar: T``, ``T – Public Lecture``) is the series when it
  names one, and sets ``kind`` when it says lecture/panel/tutorial.
* Round-2 dialects: lines are unfolded on the bytes before decoding (octet-counting
  exporters fold inside UTF-8 characters); Outlook's X-ALT-DESC HTML is read when it says
  more than DESCRIPTION; meeting invitations (Teams/Google Meet rules, ``Join Zoom
  Meeting``) are cut and make the talk ``Online``; an unlabelled opening speaker line
  (talks.cam) is the speaker; ATTACH gives slides (PDF/presentation) and video;
  TENTATIVE and multi-day events are kept with a warning; chairs/conveners are never
  speakers; an event without speakers whose time span holds other events (an Indico
  workshop or session) is their container: its title becomes their series and it is
  left without a title, so the normalise stage reports it as dropped.

* Round 3, decisions taken across the feed rather than per event: the SUMMARY template
  (``templates.choose``, else ``choose_partial`` when only the talks among breaks name
  people); the DESCRIPTION line that holds the speaker (``Name, Role, Department``), found
  at one position in most events; events naming nobody that name a gathering (conference,
  symposium, call for papers), span days, or are sessions and round tables, dropped with the
  reason in feeds of several events; a panel whose DESCRIPTION numbers its talks becomes
  those talks; a varying ``[Tag]`` prefix is a category, not part of the title.

* Round 4, more evidence read across the feed (``extractors.ics_feed``): breaks, meals and
  socials matched accent-folded and in several languages (``Apéro``, ``PAUSE``), whatever
  the SUMMARY's people slot holds (``Café - Gather Town``); awards, deadlines, lists of
  events, timetables, walking tours and asides saying no session takes place are no
  talks; in a feed made mostly of socials where no event names a person, an event
  naming nobody is a talk only when its own words say so. Speakers come from more places
  the feed shares: a description that restates the title before the people and the date,
  UIDs that spell the speakers, braces around names, an honorific line, a ``Speakers``
  heading over ``Name: Title`` lines, a session listing its slots by clock time (each
  slot keeps its own time), a session whose SUMMARY reads as ``Title (People)`` but
  whose description lists its talks. An event holding only a lunch is no container.

Benchmark (2 cores): a 560 KiB feed of 2,000 events and 4 weekly RRULEs (2,368
occurrences) extracts in about 1.6 s.

The work is split by concern: ``extractors.ics_calendar`` (parsing, structure check,
unfolding, time zones, recurrence expansion, times and keys), ``extractors.ics_text``
(property values as plain text and links), ``extractors.ics_description`` (DESCRIPTION
labels and dialects) and ``extractors.ics_dialects`` (SUMMARY, LOCATION/URL, ATTACH).
This module is the entry point: it assembles one talk per occurrence, names the series
from X-WR-CALNAME and recognises container events.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
import zoneinfo
from collections import Counter
from collections.abc import Iterator

import icalendar

from extractors import ics_feed
from extractors.announcement import _announcing
from extractors.ics_calendar import (
    DEFAULT_HORIZON_DAYS,
    DEFAULT_MAX_OCCURRENCES,
    _iana_name,
    _key,
    _occurrences,
    _parse,
    _set_time,
    _sort_instant,
    _span,
    unfold_bytes,
)
from extractors.ics_description import _parse_description, held_talks, timed_talks
from extractors.ics_dialects import (
    _set_attachments,
    _set_location_and_url,
    _set_title_and_speakers,
)
from extractors.ics_text import _HOSTNAME_RE, _plain, _richer_description
from pipeline.decode import decode_text
from pipeline.normalise import agenda, siblings
from pipeline.normalise.agenda import names_gathering
from pipeline.normalise.people import looks_like_person_name
from pipeline.normalise.text import fold_accents, is_placeholder
from pipeline.normalise.vocab import (
    DEADLINE_PATTERNS,
    DEADLINE_PATTERNS_CJK,
    MEETING_PATTERNS,
    NON_TALK_PATTERNS,
)
from pipeline.records import Document, RawTalk
from pipeline.structure import templates

__all__ = ["VERSION", "extract", "extract_calendar", "names_series", "unfold_bytes"]

VERSION = "6"


# --------------------------------------------------------------------------- entry point


def extract(doc: Document) -> list[RawTalk]:
    """Talks of an iCalendar feed, one per (non-cancelled) occurrence, in time order.

    Lines are unfolded on the *bytes*, before decoding: exporters that count octets fold
    in the middle of a multi-byte UTF-8 character, so decoding first would garble it
    (or make the whole file fail UTF-8 and be read as Windows-1252)."""
    return extract_calendar(decode_text(unfold_bytes(doc.data)), source=doc.path)


def extract_calendar(
    text: str,
    *,
    source: str = "<calendar>",
    horizon_days: int = DEFAULT_HORIZON_DAYS,
    max_occurrences: int = DEFAULT_MAX_OCCURRENCES,
) -> list[RawTalk]:
    """Talks of the feed ``text``.

    ``horizon_days`` bounds recurrence expansion: occurrences are produced up to that
    many days past the latest date the feed itself states, so the result never depends
    on the day it runs. ``max_occurrences`` caps the occurrences of one event.
    """
    calendars = _parse(text, source)
    talks: list[tuple[tuple[str, str], RawTalk]] = []
    for cal in calendars:
        talks.extend(_calendar_talks(cal, source, horizon_days, max_occurrences))
    talks.sort(key=lambda item: item[0])
    return [talk for _, talk in talks]


# --------------------------------------------------------------------------- talks


def _calendar_talks(
    cal: icalendar.Calendar, source: str, horizon_days: int, cap: int
) -> Iterator[tuple[tuple[str, str], RawTalk]]:
    cal_zone_name = _iana_name(str(cal.get("X-WR-TIMEZONE", "")).strip() or None)
    cal_zone = zoneinfo.ZoneInfo(cal_zone_name) if cal_zone_name else None
    cal_name = _plain(cal.get("X-WR-CALNAME")).text.strip() or None
    series = _series_name(cal_name) if cal_name and names_series(cal_name) else None
    talks: list[tuple[RawTalk, tuple[dt.datetime, dt.datetime] | None]] = []
    occurrences, cancelled = [], []
    for occ, uid, warnings in _occurrences(cal, source, horizon_days, cap):
        is_cancelled = str(occ.get("STATUS", "")).upper() == "CANCELLED"
        (cancelled if is_cancelled else occurrences).append((occ, uid, warnings))
    summaries = [_plain(occ.get("SUMMARY")).text.strip() for occ, _, _ in occurrences]
    tag = templates.constant_tag(summaries)
    if tag:
        summaries = [templates.strip_tag(s, tag) for s in summaries]
    elif templates.varying_bracket_tags(summaries):
        summaries = [templates.strip_bracket_tag(s) for s in summaries]
    suffix = templates.constant_suffix(summaries)
    if suffix:
        summaries = [templates.strip_suffix(s, suffix) for s in summaries]
    held: dict[int, list[tuple[str, str | None]]] = {}
    clocks: dict[int, list[tuple[int, int, str | None]]] = {}
    descriptions: list[str] = []
    uids: list[str | None] = []
    for (occ, uid, warnings), summary in zip(occurrences, summaries, strict=True):
        talk = _talk(occ, uid, list(warnings), cal_zone, series, summary or None)
        if tag and talk.series is None and names_series(tag):
            talk.series = tag
        description = _richer_description(occ).text
        descriptions.append(description)
        uids.append(uid)
        # a session whose description lists its talks holds them, even when its SUMMARY
        # reads as a title and people (``Session C (Young Researchers)``)
        items = held_talks(description)
        if items:
            held[len(talks)] = items
        elif slots := timed_talks(description):
            held[len(talks)] = [(people, title) for _, people, title in slots]
            clocks[len(talks)] = [clock for clock, _, _ in slots]
        talks.append((talk, _span(occ)))
    _apply_summary_template([t for t, _ in talks], summaries)
    _apply_description_lines([t for t, _ in talks], descriptions)
    ics_feed.read_restated_descriptions([t for t, _ in talks], descriptions)
    ics_feed.braced_speakers([t for t, _ in talks])
    ics_feed.honorific_lines([t for t, _ in talks])
    titled = [bool(t.title) for t, _ in talks]
    ics_feed.drop_breaks([t for t, _ in talks])
    ics_feed.drop_activities([t for t, _ in talks])
    # containers first: a gathering that holds other events names their series
    _mark_containers(talks)
    _judge_events([t for t, _ in talks], summaries, [span for _, span in talks])
    _standing_events([t for t, _ in talks])
    ics_feed.speakers_from_uids([t for t, _ in talks], uids, descriptions)
    set_aside = sum(was and not t.title for was, (t, _) in zip(titled, talks, strict=True))
    naming = sum(_names_someone(t) for n, (t, _) in enumerate(talks) if n not in held)
    talks = _expand_held(talks, held, clocks)
    ics_feed.judge_unnamed([t for t, _ in talks], [_names_someone(t) for t, _ in talks],
                           ics_feed.FeedCounts(events=len(titled), set_aside=set_aside,
                                               naming=naming))
    for occ, uid, warnings in cancelled:
        # kept without title or speaker, so the run reports it as a dropped record
        gone = RawTalk(warnings=[*warnings, "event is CANCELLED: it did not take place"])
        _set_time(gone, occ, cal_zone)
        gone.key = _key(uid, occ, cal_zone)
        talks.append((gone, None))
    for talk, _ in talks:
        yield (_sort_instant(talk), talk.key or ""), talk


_LINK_ONLY_RE = re.compile(r"^\s*<?(?:https?://|www\.)\S+>?\s*$", re.I)


def _apply_summary_template(talks: list[RawTalk], summaries: list[str]) -> None:
    """Read every SUMMARY by the one template the whole feed settles.

    The per-event reading (``_set_title_and_speakers``) decides each SUMMARY alone and
    misses shapes it has no rule for (``Title -- A, B and C``, ``Title (Firstname)``);
    scored over all events together, the feed's own template wins and is applied to
    every event whose DESCRIPTION named no speaker. Distinct summaries only: a weekly
    series repeating one SUMMARY is one piece of evidence, not fifty."""
    distinct = list(dict.fromkeys(s for s in summaries if s))
    choice = templates.choose(distinct)
    if choice.template is None:
        # talks beside breaks and welcomes: the template that reads a full name in part of
        # the events, applied to those alone
        choice = templates.choose_partial(distinct)
    if choice.template is None:
        return
    for talk, summary in zip(talks, summaries, strict=True):
        if talk.speaker_text and all(_LINK_ONLY_RE.match(s) for s in talk.speaker_text):
            talk.speaker_text = []  # ``Speaker: https://…``: a homepage, not a name
        if not summary:
            continue
        if talk.speaker_text:
            # the DESCRIPTION names the speaker the SUMMARY repeats (``Title with Name``):
            # the title is the template's title slot, without the name
            reading = choice.read(summary)
            if (reading is not None and reading.title and talk.title
                    and talk.title in summary and _same_people(reading.people,
                                                               talk.speaker_text)):
                talk.title = reading.title
            continue
        reading = choice.read(summary)
        if reading is None or not reading.people or is_placeholder(reading.people):
            continue
        if talk.title is None or talk.title in summary:  # a DESCRIPTION title stands
            talk.title = reading.title
        talk.speaker_text = [reading.people]


def _names(texts: list[str]) -> list[str]:
    return [" ".join(name.casefold().split()) for text in texts
            for name, _ in templates.split_people(text)]


def _same_people(people: str | None, speaker_text: list[str]) -> bool:
    """Whether a template's people slot names the speakers the description names."""
    return bool(people) and _names([people or ""]) == _names(speaker_text)


# the description line that opens with the speaker's name must do so in this share of the
# feed's described events (and at least two) to be the feed's speaker line
SPEAKER_LINE_SHARE = 0.6
SPEAKER_LINE_MAX = 200
_SENTENCE_RE = re.compile(r"[a-z]{2}[.!?]\s+[A-Z]")  # not an initial: ``G. Irbe``


def _fold(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def _first_name_part(line: str) -> str:
    return re.split(r"[,(–—|]|\s-\s", line, maxsplit=1)[0].strip()


def _speaker_line(line: str, known: list[str]) -> bool:
    """A short line that opens with a person's name (the event's speaker when known) and
    goes on with more than the name: ``Jane Doe, Professor, Department of X``."""
    line = line.strip()
    if not line or len(line) > SPEAKER_LINE_MAX or _SENTENCE_RE.search(line):
        return False
    head = _first_name_part(line)
    if head == line or templates.name_score(head) < templates.STRONG_PEOPLE:
        return False
    names = _names(known)
    return not names or " ".join(head.casefold().split()) in names


def _apply_description_lines(talks: list[RawTalk], descriptions: list[str]) -> None:
    """The DESCRIPTION line that holds the speaker, found across the feed's events.

    A feed written by one program puts the same thing on the same line of every
    description (``Name, Role, Department, University`` first, then the title, then the
    abstract). Where the line at one position opens with the event's speaker in most
    described events, it is the speaker line of every event: its role and affiliation are
    read from it (``speaker_text``) and it and a repeat of the title leave the abstract."""
    lines_of = [[ln.strip() for ln in d.split("\n") if ln.strip()] for d in descriptions]
    described = [n for n, lines in enumerate(lines_of) if lines]
    if not described:
        return
    # one event is its own evidence only when its line opens with the speaker it names
    needed = 1 if len(described) == 1 and talks[described[0]].speaker_text else 2
    best, best_count = None, 0
    for position in range(3):
        count = sum(
            position < len(lines_of[n])
            and _speaker_line(lines_of[n][position], talks[n].speaker_text)
            for n in described)
        if count > best_count:
            best, best_count = position, count
    if best is None or best_count < max(needed, SPEAKER_LINE_SHARE * len(described)):
        return
    for n in described:
        lines, talk = lines_of[n], talks[n]
        if best >= len(lines) or not _speaker_line(lines[best], talk.speaker_text):
            continue
        if len(talk.speaker_text) > 1 or lines[best] in talk.speaker_text:
            continue  # a labelled list of speakers (``Speakers:`` then a line each) stands
        line = lines[best]
        talk.speaker_text = [line]
        if talk.abstract:
            talk.abstract = _cut_leading(talk.abstract, [line, *([talk.title] * bool(talk.title))])


def _cut_leading(text: str, pieces: list[str]) -> str | None:
    """``text`` without the ``pieces`` (the speaker line, the title) it opens with, in any
    order: they are fields of their own, not the abstract's first words."""
    changed = True
    while changed and text:
        changed = False
        for piece in pieces:
            words = piece.split()
            pattern = r"^\s*" + r"\s+".join(map(re.escape, words)) + r"[\s.:]*"
            m = re.match(pattern, text) if words else None
            if m:
                text, changed = text[m.end():], True
    return text.strip() or None


# (after up to four qualifying words, before an edition number: ``Weekly social #3``)
_MEETING_RE = re.compile(
    rf"^(?:[\w&'’./+-]+\s+){{0,4}}?(?:{'|'.join(MEETING_PATTERNS + NON_TALK_PATTERNS)})"
    r"(?:\s*(?:#|no\.?|nr\.?)?\s*\d+)?"
    # and a quoted or bracketed aside: ``Débats "pré-apéro"``, ``Social (online)``
    r"(?:\s*(?:\"[^\"]{1,40}\"|“[^”]{1,40}”|\([^()]{1,40}\)))?\s*$", re.I)
# ``Registration deadline``, ``報名截止 | Camp 2023``: anywhere in the title
_DEADLINE_RE = re.compile(
    rf"\b(?:{'|'.join(DEADLINE_PATTERNS)})\b|{'|'.join(DEADLINE_PATTERNS_CJK)}", re.I)
# ``C++ Online (no Global C++ session this week)``: an aside in brackets
_ASIDE_RE = re.compile(r"\(([^()]+)\)")
# the numbers of a numbered series (``Weekly Social #1``, ``#2``): one recurring event
_EDITION_NUMBER_RE = re.compile(r"(?:#|\bno\.?|\bnr\.?)?\s*\d+", re.I)
# a SUMMARY repeated this often by events that name nobody is a standing event
RECURRING_COUNT = 3


# a gathering is told from a talk only beside other events: a feed of one event publishes it
GATHERING_MIN_EVENTS = 2
# an event naming nobody that spans this many calendar days is a gathering, not a talk
MULTI_DAY = 2


def _names_someone(talk: RawTalk) -> bool:
    """Whether a talk names a person: ``Speaker: GSS Organizers`` names nobody. Each
    speaker text counts by the name it opens with (before an affiliation in ``,`` or
    ``(``), or by any name of a list in it."""
    return bool(talk.speakers) or any(
        templates.people_score(s) > 0
        or templates.name_score(re.split(r"[,(]", s, maxsplit=1)[0].strip()) > 0
        for s in talk.speaker_text)


def _judge_events(talks: list[RawTalk], summaries: list[str],
                  spans: list[tuple[dt.datetime, dt.datetime] | None]) -> None:
    """Events that name nobody are talks only on evidence, judged across the feed.

    A feed mixes talks with meetings, office hours, welcomes and fairs, often as RRULE
    series: an event with no person whose SUMMARY names such an event, or that the feed
    repeats (a weekly ``Systems WG Meeting`` expanded to many occurrences), is not a
    talk; nor, in a feed of several events, one that names a gathering (a conference, a
    symposium, a call for papers) or spans days. Each is left without a title so the
    normalise stage reports it as dropped, with the reason."""
    def stem(summary: str) -> str:
        return " ".join(_EDITION_NUMBER_RE.sub(" # ", summary.casefold()).split())

    counts = Counter(stem(s) for s in summaries if s)
    distinct = len({" ".join(s.casefold().split()) for s in summaries if s})
    for talk, summary, span in zip(talks, summaries, spans, strict=True):
        if not talk.title or _names_someone(talk):
            continue
        days = (span[1] - span[0]).days if span else 0
        before = talk.title
        if _MEETING_RE.match(fold_accents(talk.title)):
            talk.warnings.append(f"{talk.title!r}: a meeting, break or social naming nobody: "
                                 "not a talk")
            talk.title = None
        elif any(agenda.is_no_event(aside) for aside in _ASIDE_RE.findall(talk.title)):
            talk.warnings.append(f"{talk.title!r}: says no talk takes place: not a talk")
            talk.title = None
        elif reason := ics_feed.unnamed_non_talk(talk.title, talk.abstract):
            talk.warnings.append(reason)
            talk.title = None
        elif _DEADLINE_RE.search(fold_accents(talk.title)):
            talk.warnings.append(f"{talk.title!r}: a deadline naming nobody: not a talk")
            talk.title = None
        elif distinct >= GATHERING_MIN_EVENTS and names_gathering(talk.title):
            talk.warnings.append("a conference, symposium or call naming nobody: not a talk")
            talk.title = None
        elif distinct >= GATHERING_MIN_EVENTS and days >= MULTI_DAY:
            talk.warnings.append(f"spans {days} days naming nobody: not a talk")
            talk.title = None
        if talk.title is None and before:
            talk.speaker_text = []  # ``Speaker: GSS Organizers``: a group, nobody in person
        elif counts[stem(summary)] >= RECURRING_COUNT:
            talk.warnings.append("a recurring event naming nobody: not a talk")
            talk.title = None


def _standing_events(talks: list[RawTalk]) -> None:
    """Events of a feed that all give the same title and the same person (at least
    ``RECURRING_COUNT`` of them: an RRULE's occurrences, or an export writing each
    occurrence as an event of its own) are one standing event, not a series of talks: a
    talk is given once, while a course's weekly lecture, a tutorial group or someone's
    office hours repeat word for word. The first stays as the one entry (a lecture course
    is one entry), the others are left without a title, so the normalise stage reports
    them, as one decision when they share a UID; when the title names a meeting (``Office
    hours: Dr. X``), none stays. Occurrences that an override gives their own title or
    speaker differ, and are talks of the series."""
    groups: dict[tuple, list[RawTalk]] = {}
    for talk in talks:
        if talk.title and _names_someone(talk):
            shape = (" ".join(talk.title.casefold().split()), tuple(talk.speaker_text),
                     tuple(s.name for s in talk.speakers))
            groups.setdefault(shape, []).append(talk)
    for same in groups.values():
        if len(same) < RECURRING_COUNT:
            continue
        meeting = bool(_MEETING_RE.match(fold_accents(same[0].title or "")))
        for n, talk in enumerate(same):
            if n == 0 and not meeting:
                talk.warnings.append(f"the first of {len(same)} events with the same title "
                                     "and speaker: one entry for the standing event")
                continue
            talk.warnings.append("an event repeating another's title and speaker: one "
                                 "standing event, not a talk each time")
            talk.title = None
            talk.speaker_text = []
            talk.speakers = []


def _expand_held(
    talks: list[tuple[RawTalk, tuple[dt.datetime, dt.datetime] | None]],
    held: dict[int, list[tuple[str, str | None]]],
    clocks: dict[int, list[tuple[int, int, str | None]]] | None = None,
) -> list[tuple[RawTalk, tuple[dt.datetime, dt.datetime] | None]]:
    """Each panel or session event that lists its talks (``held_talks``) replaced by those
    talks: each keeps the event's time, place and series and takes its own people and
    title; the event itself is no talk."""
    if not held:
        return talks
    out: list[tuple[RawTalk, tuple[dt.datetime, dt.datetime] | None]] = []
    for n, (event, span) in enumerate(talks):
        items = held.get(n)
        if not items:
            out.append((event, span))
            continue
        name = event.title or "event"
        times = _slot_times(event, (clocks or {}).get(n))
        for m, (people, title) in enumerate(items, start=1):
            start, end = times[m - 1] if times else (event.start, event.end)
            talk = RawTalk(
                key=f"{event.key}#{m}" if event.key else None, title=title,
                speaker_text=[people], date=event.date, start=start, end=end,
                timezone=event.timezone, location=event.location, series=event.series,
                url=event.url,
                warnings=[*event.warnings,
                          f"talk {m} of {len(items)} that the event {name!r} lists"])
            out.append((talk, None))
    return out


def _slot_times(event: RawTalk, clocks: list[tuple[int, int, str | None]] | None
                ) -> list[tuple[dt.datetime | None, dt.datetime | None]] | None:
    """The start and end of each clock-timed slot of a session event: the clock read on the
    event's local day (an hour without am/pm taken in the half of the day that falls
    within the event: ``2:00`` in a 14:00–16:00 session is 14:00), each slot ending where
    the next begins and the last with the event. None unless every slot falls within it."""
    if not clocks or event.start is None or event.end is None or not event.timezone:
        return None
    try:
        zone = zoneinfo.ZoneInfo(event.timezone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return None
    lo, hi = event.start.astimezone(zone), event.end.astimezone(zone)
    starts: list[dt.datetime] = []
    for hour, minute, half in clocks:
        hours = [hour % 12 + 12 * (half == "p")] if half else [hour, hour + 12]
        found = [lo.replace(hour=h, minute=minute) for h in hours if h < 24]
        found = [t for t in found if lo <= t < hi]
        if not found:
            return None
        starts.append(found[0])
    if starts != sorted(starts):
        return None
    ends = [*starts[1:], hi]
    return [(s.astimezone(dt.UTC), e.astimezone(dt.UTC)) for s, e in zip(starts, ends, strict=True)]


_GENERIC_CALNAME_RE = re.compile(
    r"^(?:my\s+|our\s+|the\s+|[\w.'’-]+['’]s\s+)?(?:(?:personal|public|shared|default|main|"
    r"work|home|family|office|team|group|department|university|school|upcoming|all)\s+)?"
    r"(?:calendars?|events?|agenda|schedule|feed|ical|ics|home|work|personal|default|"
    r"holidays|birthdays|reminders|tasks|meetings)(?:\s+(?:calendar|feed|export))?$",
    re.I,
)
_CALNAME_PREFIX_RE = re.compile(r"^(?:events?|calendar|meetups?)\s*[-–—:|]\s*(?=\S)", re.I)
# Series nouns beyond English (agenda.is_series_name reads English capitalised names).
_SERIES_WORD_RE = re.compile(
    r"\b(?:s[ée]minaires?|seminari[oos]?|seminare?|oberseminar|kolloquium|colloques?|"
    r"coloquios?|colloquio|journ[ée]es?|workshops?|conferences?|conf[ée]rences?|lectures?|"
    r"symposi(?:um|a)|webinars?|reading\s+groups?|journal\s+clubs?|talks?|series)\b",
    re.I,
)


def names_series(name: str) -> bool:
    """Whether a calendar's name (X-WR-CALNAME) names a seminar series.

    Not a series: a site's host name (``researchseminars.org``), one word (``Indico``,
    ``Eventbrite``, a bare ``Seminars``), a generic calendar name (``Calendar``,
    ``My calendar``, ``Events``, ``Home``), an e-mail address, a person's name (a
    personal calendar exported from Google is named after its owner). A series: the
    shared ``agenda.is_series_name`` rule (``Quantum Matter Seminar``) or a series noun in
    another language (``Séminaire de Géométrie``); otherwise any other multi-word name
    (``Physics ∩ ML``, a meetup group) is taken as the series it publishes.
    """
    name = _CALNAME_PREFIX_RE.sub("", " ".join(name.split()))
    if len(name.split()) < 2 or "@" in name or _HOSTNAME_RE.match(name):
        return False
    if agenda.is_series_name(name) or _SERIES_WORD_RE.search(name):
        return True
    if _GENERIC_CALNAME_RE.match(name):
        return False
    return not looks_like_person_name(name)


def _series_name(name: str) -> str:
    """The series a calendar name states, without a generic ``Events -`` prefix."""
    return _CALNAME_PREFIX_RE.sub("", " ".join(name.split()))


_GATHERING_RE = re.compile(
    r"\b(?:conferences?|congress|summit|schools?|meetings?|days|retreat|summer|winter"
    r"|spring|autumn|fall)\b",
    re.I,
)


def _names_event(title: str) -> bool:
    """A container title that names a gathering (``Workshop on X``, ``Summer School``),
    so its talks belong to it; ``Reading week`` or ``Office closed`` do not."""
    return bool(
        _SERIES_WORD_RE.search(title) or _GATHERING_RE.search(title)
        or agenda.is_series_name(title)
    )


def _may_be_talk(talk: RawTalk) -> bool:
    """Whether an event may be a talk held by another: it names someone, or its title is
    no meal, break or meeting (``Themed Networking Lunch: Careers``)."""
    if talk.speaker_text or talk.speakers:
        return True
    return bool(talk.title) and not siblings.typed_non_talk(talk.title)


def _mark_containers(talks: list[tuple[RawTalk, tuple[dt.datetime, dt.datetime] | None]]) -> None:
    """An event that names no speaker and whose time span holds other events of the feed
    is their container (a workshop, an Indico session), not a talk: its title becomes the
    series of the events it holds when they state none (the longest container wins), and
    it is left without a title so that the normalise stage reports it as dropped."""
    spans = sorted((span, n) for n, (_, span) in enumerate(talks) if span is not None)
    starts = [span[0] for span, _ in spans]
    containers: list[tuple[dt.timedelta, int, list[int]]] = []
    for (lo, hi), n in spans:
        outer = talks[n][0]
        if outer.speaker_text or outer.speakers or hi <= lo:
            continue
        inner: list[int] = []
        for (ilo, ihi), m in spans[bisect.bisect_left(starts, lo):]:
            if ilo >= hi:
                break
            if m != n and ihi <= hi and (ilo, ihi) != (lo, hi):
                inner.append(m)
        # a course that holds only its lunch or break is a talk, not their container
        if any(_may_be_talk(talks[m][0]) for m in inner):
            containers.append((hi - lo, n, inner))
    containers.sort(key=lambda c: c[0], reverse=True)
    for _, n, inner in containers:
        outer = talks[n][0]
        for m in inner:
            talk = talks[m][0]
            if talk.series is None and outer.title and _names_event(outer.title):
                talk.series = outer.title
    for _, n, inner in containers:
        outer = talks[n][0]
        outer.warnings.append(f"holds {len(inner)} other events of the feed: not a talk")
        outer.title = None


def _talk(
    occ: icalendar.Event,
    uid: str | None,
    warnings: list[str],
    cal_zone: zoneinfo.ZoneInfo | None,
    series: str | None,
    summary: str | None,
) -> RawTalk:
    talk = RawTalk(warnings=warnings)
    _set_time(talk, occ, cal_zone)
    talk.key = _key(uid, occ, cal_zone)
    status = str(occ.get("STATUS", "")).upper()
    if status == "TENTATIVE":
        talk.warnings.append("event is TENTATIVE: it may not take place")
    desc = _parse_description(_richer_description(occ))
    talk.series = desc.series or series
    _set_title_and_speakers(talk, summary, desc)
    if desc.chairs and not talk.speaker_text:
        talk.warnings.append("names only chairs or conveners: a session, not a talk")
        talk.title = None
    if not talk.speaker_text and desc.abstract:
        # ``Presented by X.``, ``Prof. X will speak on …``: people named in the prose
        found = _announcing(desc.abstract)
        if found is not None:
            talk.speaker_text = [f"{sp.name} ({sp.affiliation})" if sp.affiliation else sp.name
                                 for sp in found[2]]
    talk.speaker_bio = desc.bio
    talk.slides = desc.slides
    talk.video = desc.video
    _set_attachments(talk, occ)
    _set_location_and_url(talk, occ, desc)
    return talk
