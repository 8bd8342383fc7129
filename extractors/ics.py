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
  place); VTODO/VJOURNAL are ignored.
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

Benchmark (2 cores): a 560 KiB feed of 2,000 events and 4 weekly RRULEs (2,368
occurrences) extracts in about 1.6 s.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
import zoneinfo
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import icalendar
import recurring_ical_events
from bs4 import BeautifulSoup, Tag
from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

from pipeline.decode import decode_text
from pipeline.errors import ExtractionError
from pipeline.normalise import agenda
from pipeline.normalise import text as normtext
from pipeline.normalise.dates import looks_like_when
from pipeline.normalise.people import looks_like_person_name, parse_speakers
from pipeline.records import Document, RawTalk

VERSION = "3"

DEFAULT_HORIZON_DAYS = 365
DEFAULT_MAX_OCCURRENCES = 5000

UTC = dt.UTC
ZERO = dt.timedelta(0)
# Properties whose damage makes the event's time unknowable: a feed with one is malformed.
_TIME_PROPS = ("DTSTART", "DTEND", "DURATION", "RRULE", "RDATE", "EXDATE", "RECURRENCE-ID")
_SINGLE_TIME_PROPS = ("DTSTART", "DTEND", "DURATION", "RECURRENCE-ID")
# Errors the libraries raise on bad content (recurring_ical_events.InvalidCalendar is a
# ValueError; icalendar's BrokenCalendarProperty too).
_LIB_ERRORS = (ValueError, KeyError, IndexError, TypeError, AttributeError, OverflowError)

_FOLD_RE = re.compile(rb"\r?\n[ \t]")
_BEGIN_END_RE = re.compile(r"^(BEGIN|END)\s*:\s*([A-Za-z0-9-]+)\s*$", re.I)
_URL_RE = re.compile(r"^<?(https?://\S+?)>?$", re.I)
# "For details, click here: URL", "Register at URL": a few words leading to a link
_LINK_LINE_RE = re.compile(
    r"^(?:[^\s:]+\s+){0,7}[^\s:]+(?::|\s+(?:at|here))\s*<?(https?://\S+?)>?$", re.I
)
_URL_ANYWHERE_RE = re.compile(r"https?://[^\s<>\"']+", re.I)
_HOSTNAME_RE = re.compile(r"^(?:[a-z0-9-]+\.)+[a-z]{2,}$", re.I)
_TAGLIKE_RE = re.compile(r"<(?:[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?|/[a-zA-Z][a-zA-Z0-9]*\s*)>")
_ENTITY_RE = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]{1,31});")
_MEETING_HOST_RE = re.compile(
    r"(?:^|\.)(?:zoom\.us|zoomgov\.com|meet\.google\.com|teams\.microsoft\.com|teams\.live\.com"
    r"|webex\.com|bluejeans\.com|gotomeeting\.com|meet\.jit\.si|whereby\.com|youtube\.com"
    r"|youtu\.be|vimeo\.com|twitch\.tv)$",
    re.I,
)
_RECORDING_HOST_RE = re.compile(r"(?:^|\.)(?:youtube\.com|youtu\.be|vimeo\.com)$", re.I)

# Description labels -> field kind. Block kinds take the following lines as their value.
_LABELS: dict[str, str] = {
    "title": "title",
    "talk title": "title",
    "topic": "title",
    "speaker": "speakers",
    "speakers": "speakers",
    "presenter": "speakers",
    "presenters": "speakers",
    "lecturer": "speakers",
    "speaker(s)": "speakers",
    "abstract": "abstract",
    "talk abstract": "abstract",
    "summary": "abstract",
    "résumé": "abstract",
    "resumen": "abstract",
    "zusammenfassung": "abstract",
    "bio": "bio",
    "biography": "bio",
    "speaker bio": "bio",
    "about the speaker": "bio",
    "slides": "slides",
    "video": "video",
    "recording": "video",
    "url": "url",
    "web page": "url",
    "webpage": "url",
    "more info": "url",
    "more information": "url",
    "event page": "url",
    "details": "url_if_link",
    "link": "url_if_link",
    "location": "location",
    "room": "location",
    "venue": "location",
    "where": "location",
    "series": "series",
    # read and dropped: not part of the abstract, not a talk field
    "host": "drop",
    "hosts": "drop",
    "hosted by": "drop",
    "organizer": "drop",
    "organizers": "drop",
    "organiser": "drop",
    "organisers": "drop",
    "chair": "drop",
    "chairs": "drop",
    "chair(s)": "drop",
    "chairperson": "drop",
    "chairpersons": "drop",
    "session chair": "drop",
    "convener": "drop",
    "conveners": "drop",
    "convenor": "drop",
    "convenors": "drop",
    "moderator": "drop",
    "contact": "drop",
    "attendees": "drop",
    "participants": "drop",
    # a block of logistics lines up to the next blank line: not the abstract
    "agenda": "drop_block",
    "schedule": "drop_block",
    "programme": "drop_block",
    "program": "drop_block",
    "when": "drop",
    "date": "drop",
    "time": "drop",
    "zoom": "drop",
    "zoom link": "drop",
    "meeting link": "drop",
    "meeting id": "drop",
    "passcode": "drop",
    "password": "drop",
    "join zoom meeting": "drop",
    "join": "drop",
    "one tap mobile": "drop",
    "dial by your location": "drop",
}
_BLOCK_KINDS = {"abstract", "bio"}
# labels that may stand alone on their line (their value follows on the next lines)
_VALUELESS_OK = _BLOCK_KINDS | {"speakers", "drop_block"}
_CHAIR_LABELS = {
    "chair", "chairs", "chair(s)", "chairperson", "chairpersons", "session chair", "convener",
    "conveners", "convenor", "convenors",
}
# Meeting invitations: a rule of underscores (Outlook/Teams), Google's -::~:~::~ rule,
# or the first line of a Zoom/Teams/Meet block.
_RULE_RE = re.compile(r"^(?:_{10,}|-?(?::{1,2}~)+:{1,2}-?|-::~[:~]+-)$")
_JOIN_RE = re.compile(
    r"^(?:join\s+zoom\s+meeting|microsoft\s+teams\s+meeting|join\s+with\s+google\s+meet"
    r"|join\s+(?:the\s+)?(?:microsoft\s+teams|webex)\s+meeting)\b",
    re.I,
)
_HELD_IN_RE = re.compile(
    r"^(?:(?:the\s+)?(?:lecture|talk|seminar|colloquium|event|meeting)\s+)?(?:will\s+be\s+|is\s+)?"
    r"held\s+(?:in|at)\s+(?P<where>\S.*?)\.?$",
    re.I,
)
_ONLINE_RE = re.compile(r"^(?:online|virtual|online\s+only|held\s+online|via\s+zoom)\.?$", re.I)
_PART_OF_SERIES_RE = re.compile(
    r"^this\s+(?:talk|event|lecture|seminar)\s+is\s+part\s+of\s+(?:the\s+)?"
    r"(?P<series>\S.*?)\s+series\.?$",
    re.I,
)
_LABEL_RE = re.compile(
    r"^[\s*_#>]*(?P<label>"
    + "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in sorted(_LABELS, key=len, reverse=True))
    + r")[*_]*\s*(?:(?::|\s[–—-])[*_]*\s*(?P<value>.*?)|)\s*$",
    re.I,
)
# researchseminars.org: "by NAME (AFFILIATION) as part of SERIES"
_BY_PART_OF_RE = re.compile(r"^by\s+(?P<who>.+?)\s+as\s+part\s+of\s+(?P<series>.+?)\.?$", re.I)
_BY_RE = re.compile(r"^by\s+(?P<who>\S.*)$", re.I)
# Summary separators between a speaker and a title.
_SUMMARY_SEP_RE = re.compile(r"\s*:\s+|\s+[-–—|]\s+")
_NAME_AFFIL_RE = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<affil>[^()]+)\)$")
_EVENT_WORD_RE = re.compile(
    r"^(?:[\w&.'’-]+\s+){0,3}(?:seminars?|colloquium|colloquia|talks?|lectures?|webinars?"
    r"|series|meeting|symposium)$",
    re.I,
)


@dataclass
class _Text:
    """Plain text of a property and the links its HTML carried (anchor text -> href)."""

    text: str
    links: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class _Description:
    """What the description states, by field."""

    title: str | None = None
    title_url: str | None = None
    speakers: list[str] = field(default_factory=list)
    abstract: str | None = None
    bio: str | None = None
    series: str | None = None
    url: str | None = None
    slides: str | None = None
    video: str | None = None
    location: str | None = None
    online: bool = False  # a meeting link or invitation block
    chairs: bool = False  # names a chair/convener (a session, when no speaker is named)
    lead_speaker: str | None = None  # an unlabelled opening speaker line
    rest: list[str] = field(default_factory=list)  # the body after ``lead_speaker``


# --------------------------------------------------------------------------- entry point


def extract(doc: Document) -> list[RawTalk]:
    """Talks of an iCalendar feed, one per (non-cancelled) occurrence, in time order.

    Lines are unfolded on the *bytes*, before decoding: exporters that count octets fold
    in the middle of a multi-byte UTF-8 character, so decoding first would garble it
    (or make the whole file fail UTF-8 and be read as Windows-1252)."""
    return extract_calendar(decode_text(unfold_bytes(doc.data)), source=doc.path)


def unfold_bytes(data: bytes) -> bytes:
    """RFC 5545 unfolding (a line break followed by one space or tab) on raw bytes."""
    return _FOLD_RE.sub(b"", data)


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


# --------------------------------------------------------------------------- parsing


def _parse(text: str, source: str) -> list[icalendar.Calendar]:
    """The VCALENDARs of ``text``; ExtractionError when the feed is not a sound calendar."""
    _check_structure(text, source)
    try:
        components = icalendar.Calendar.from_ical(text, multiple=True)
    except _LIB_ERRORS as exc:
        raise ExtractionError(f"{source}: not a readable iCalendar file: {exc}") from exc
    calendars = [c for c in components if isinstance(c, icalendar.Calendar)]
    if not calendars:
        raise ExtractionError(f"{source}: no complete VCALENDAR found")
    for cal in calendars:
        for event in cal.walk("VEVENT"):
            broken = [(name, msg) for name, msg in event.errors if name in _TIME_PROPS]
            uid = str(event.get("UID", "?"))
            if broken:
                reasons = "; ".join(f"{name}: {msg}" for name, msg in broken)
                raise ExtractionError(f"{source}: event {uid!r} has a malformed time: {reasons}")
            repeated = [n for n in _SINGLE_TIME_PROPS if isinstance(event.get(n), list)]
            if repeated:
                raise ExtractionError(
                    f"{source}: event {uid!r} states {', '.join(repeated)} more than once"
                )
    return calendars


def _check_structure(text: str, source: str) -> None:
    """Balanced BEGIN/END, starting with VCALENDAR: icalendar silently accepts a mismatched
    END or drops a truncated component, so the defect would go unnoticed."""
    stack: list[str] = []
    saw_calendar = False
    for lineno, line in enumerate(text.splitlines(), 1):
        m = _BEGIN_END_RE.match(line)
        if not m:
            continue
        verb, name = m.group(1).upper(), m.group(2).upper()
        if verb == "BEGIN":
            if not stack and name != "VCALENDAR":
                raise ExtractionError(f"{source}: line {lineno}: BEGIN:{name} outside a VCALENDAR")
            saw_calendar = saw_calendar or name == "VCALENDAR"
            stack.append(name)
        else:
            if not stack or stack[-1] != name:
                expected = f"END:{stack[-1]}" if stack else "no END"
                raise ExtractionError(
                    f"{source}: line {lineno}: END:{name} where {expected} was expected"
                )
            stack.pop()
    if not saw_calendar:
        raise ExtractionError(f"{source}: no BEGIN:VCALENDAR: not an iCalendar file")
    if stack:
        raise ExtractionError(f"{source}: missing END:{stack[-1]} (truncated calendar?)")


# --------------------------------------------------------------------------- time zones


@lru_cache(maxsize=1)
def _iana_names() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones()) | {"UTC"}


def _iana_name(tzid: str | None) -> str | None:
    """The IANA name for a TZID as feeds write it: IANA itself, a Windows/Outlook name, or
    a vendor-prefixed globally unique id (``/mozilla.org/20050126_1/Europe/Berlin``)."""
    if not tzid:
        return None
    cleaned = tzid.strip().strip("/")
    candidates = [cleaned, WINDOWS_TO_OLSON.get(cleaned, "")]
    parts = cleaned.split("/")
    candidates += ["/".join(parts[i:]) for i in range(1, len(parts))]
    for cand in candidates:
        if cand in _iana_names():
            return cand
    if cleaned.upper() in ("Z", "GMT", "UTC", "ETC/UTC"):
        return "UTC"
    return None


def _zone_of(value: dt.datetime, tzid_param: str | None) -> str | None:
    """IANA name of an aware datetime's zone, from its tzinfo or the TZID that gave it;
    ``UTC`` for a ``Z`` time (no TZID, zero offset)."""
    if tzid_param is None and value.utcoffset() == ZERO:
        return "UTC"
    return _iana_name(getattr(value.tzinfo, "key", None)) or _iana_name(tzid_param)


def _to_utc_naive(value: dt.date | dt.datetime) -> dt.datetime:
    """A comparable instant: aware -> UTC wall time; naive/date taken as they are."""
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None and value.utcoffset() is not None:
            return value.astimezone(UTC).replace(tzinfo=None)
        return value
    return dt.datetime.combine(value, dt.time())


# --------------------------------------------------------------------------- expansion


def _stated_dates(event: icalendar.Event) -> Iterator[dt.date | dt.datetime]:
    """Every date an event states: DTSTART, DTEND, RRULE UNTIL, RDATE, RECURRENCE-ID."""
    for name in ("DTSTART", "DTEND", "RECURRENCE-ID"):
        prop = event.get(name)
        if prop is not None and hasattr(prop, "dt"):
            yield prop.dt
    rdates = event.get("RDATE")
    for rdate in rdates if isinstance(rdates, list) else [rdates] if rdates is not None else []:
        for period in getattr(rdate, "dts", []):
            value = period.dt
            yield value[0] if isinstance(value, tuple) else value
    rrules = event.get("RRULE")
    for rrule in rrules if isinstance(rrules, list) else [rrules] if rrules is not None else []:
        yield from rrule.get("UNTIL", [])


def _window(events: list[icalendar.Event], horizon_days: int) -> tuple[dt.datetime, dt.datetime]:
    """[earliest DTSTART, latest stated date + horizon]: bounded by the feed, not the clock."""
    starts = [_to_utc_naive(e["DTSTART"].dt) for e in events]
    stated = [_to_utc_naive(d) for e in events for d in _stated_dates(e)]
    # a day of slack at the start: naive bounds are read as each event's local time
    return min(starts) - dt.timedelta(days=1), max(stated) + dt.timedelta(days=horizon_days)


def _expand(
    series: Any, start: dt.datetime, stop: dt.datetime, cap: int
) -> tuple[list[icalendar.Event], bool]:
    """Occurrences of one series in [start, stop], at most ``cap``; True when capped.

    The window is walked in doubling chunks so that a dense rule (FREQ=MINUTELY) stops
    after ``cap`` occurrences instead of materialising a year of them.
    """
    seen: set[Any] = set()
    out: list[icalendar.Event] = []
    span = dt.timedelta(hours=6)
    lo = start
    while lo < stop:
        hi = min(lo + span, stop)
        for occ in series.between(lo, hi):
            if occ.id in seen:
                continue
            seen.add(occ.id)
            out.append(occ.as_component(False))
            if len(out) >= cap:
                return out, True
        lo = hi
        span *= 2
    return out, False


def _occurrences(
    cal: icalendar.Calendar, source: str, horizon_days: int, cap: int
) -> Iterator[tuple[icalendar.Event, str | None, list[str]]]:
    """(occurrence, UID as the feed wrote it, warnings) for every occurrence in the window."""
    masters: dict[str, int] = {}
    origin: dict[str, tuple[str | None, list[str]]] = {}  # series UID -> (feed UID, warnings)
    query_cal = icalendar.Calendar()
    timed: list[icalendar.Event] = []
    for index, event in enumerate(cal.walk("VEVENT")):
        uid = str(event["UID"]) if event.get("UID") is not None else None
        warnings = [f"unreadable property {name or 'line'}: {msg}" for name, msg in event.errors]
        if event.get("DTSTART") is None:
            yield event, uid, [*warnings, "event has no DTSTART"]
            continue
        event = event.copy()  # shallow: the feed's own components stay untouched
        if event.get("DTEND") is not None and _end_before_start(event):
            del event["DTEND"]
            warnings.append("DTEND before DTSTART: end dropped")
        duration = event.get("DURATION")
        if duration is not None and isinstance(duration.dt, dt.timedelta) and duration.dt < ZERO:
            del event["DURATION"]
            warnings.append("negative DURATION: end dropped")
        # Distinct events that share a UID (a common generator bug) must not collapse
        # into one series: only a RECURRENCE-ID makes a component part of another.
        internal = uid if uid is not None else f"no-uid-{index}"
        if event.get("RECURRENCE-ID") is None:
            masters[internal] = masters.get(internal, 0) + 1
            if masters[internal] > 1:
                internal = f"{internal}#{masters[internal]}"
                warnings.append("UID shared by several events")
        event["UID"] = internal
        known = origin.setdefault(internal, (uid, []))[1]
        known.extend(w for w in warnings if w not in known)
        timed.append(event)
        query_cal.add_component(event)
    if not timed:
        return
    lo, hi = _window(timed, horizon_days)
    try:
        query = recurring_ical_events.CalendarQuery(query_cal)
        for series in query.series:
            occurrences, capped = _expand(series, lo, hi, cap)
            for occ in occurrences:
                uid, warnings = origin[str(occ["UID"])]
                extra = [f"recurrence cut at its first {cap} occurrences"] if capped else []
                yield occ, uid, [*warnings, *extra]
    except _LIB_ERRORS as exc:
        raise ExtractionError(f"{source}: cannot expand recurring events: {exc}") from exc


def _end_before_start(event: icalendar.Event) -> bool:
    start, end = event["DTSTART"].dt, event["DTEND"].dt
    try:
        return _to_utc_naive(end) < _to_utc_naive(start)
    except TypeError:
        return False


# --------------------------------------------------------------------------- talks


def _calendar_talks(
    cal: icalendar.Calendar, source: str, horizon_days: int, cap: int
) -> Iterator[tuple[tuple[str, str], RawTalk]]:
    cal_zone_name = _iana_name(str(cal.get("X-WR-TIMEZONE", "")).strip() or None)
    cal_zone = zoneinfo.ZoneInfo(cal_zone_name) if cal_zone_name else None
    cal_name = _plain(cal.get("X-WR-CALNAME")).text.strip() or None
    series = _series_name(cal_name) if cal_name and names_series(cal_name) else None
    talks: list[tuple[RawTalk, tuple[dt.datetime, dt.datetime] | None]] = []
    for occ, uid, warnings in _occurrences(cal, source, horizon_days, cap):
        if str(occ.get("STATUS", "")).upper() == "CANCELLED":
            continue
        talks.append((_talk(occ, uid, list(warnings), cal_zone, series), _span(occ)))
    _mark_containers(talks)
    for talk, _ in talks:
        yield (_sort_instant(talk), talk.key or ""), talk


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


def _span(occ: icalendar.Event) -> tuple[dt.datetime, dt.datetime] | None:
    """The occurrence's [start, end) as comparable naive instants (dates: whole days)."""
    start_prop, end_prop = occ.get("DTSTART"), occ.get("DTEND")
    if start_prop is None:
        return None
    start = start_prop.dt
    if end_prop is not None:
        end = end_prop.dt
    elif occ.get("DURATION") is not None:
        end = start + occ["DURATION"].dt
    elif not isinstance(start, dt.datetime):
        end = start + dt.timedelta(days=1)
    else:
        return None
    try:
        return _to_utc_naive(start), _to_utc_naive(end)
    except TypeError:
        return None


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
        if inner:
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


def _sort_instant(talk: RawTalk) -> str:
    if talk.start is not None:
        return _to_utc_naive(talk.start).isoformat()
    return talk.date.isoformat() if talk.date else ""


def _talk(
    occ: icalendar.Event,
    uid: str | None,
    warnings: list[str],
    cal_zone: zoneinfo.ZoneInfo | None,
    series: str | None,
) -> RawTalk:
    talk = RawTalk(warnings=warnings)
    _set_time(talk, occ, cal_zone)
    talk.key = _key(uid, occ, cal_zone)
    status = str(occ.get("STATUS", "")).upper()
    if status == "TENTATIVE":
        talk.warnings.append("event is TENTATIVE: it may not take place")
    desc = _parse_description(_richer_description(occ))
    summary = _plain(occ.get("SUMMARY")).text.strip() or None
    talk.series = desc.series or series
    _set_title_and_speakers(talk, summary, desc)
    if desc.chairs and not talk.speaker_text:
        talk.warnings.append("names only chairs or conveners: a session, not a talk")
        talk.title = None
    talk.speaker_bio = desc.bio
    talk.slides = desc.slides
    talk.video = desc.video
    _set_attachments(talk, occ)
    _set_location_and_url(talk, occ, desc)
    return talk


def _richer_description(occ: icalendar.Event) -> _Text:
    """DESCRIPTION, or Outlook's X-ALT-DESC (HTML) when that says more: Outlook's plain
    DESCRIPTION drops links and is often cut short, the HTML keeps bio and slides links."""
    plain = _plain(occ.get("DESCRIPTION"))
    alt = occ.get("X-ALT-DESC")
    for value in alt if isinstance(alt, list) else [alt] if alt is not None else []:
        fmt = str(getattr(value, "params", {}).get("FMTTYPE", "text/html")).lower()
        if "html" not in fmt:
            continue
        # an unknown property: icalendar leaves its TEXT escapes (\\, \\; \\n) in place
        rich = _plain(_unescape_text(str(value)))
        if len(rich.text) > len(plain.text) or (rich.links and not plain.links):
            plain = rich
    return plain


def _unescape_text(value: str) -> str:
    """RFC 5545 TEXT unescaping: ``\\n`` and ``\\N`` are line breaks, ``\\,`` ``\\;``
    ``\\\\`` the character itself."""
    return re.sub(r"\\([nN,;\\])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


_SLIDES_TYPE_RE = re.compile(r"application/(?:pdf|vnd\.ms-powerpoint|vnd\.openxmlformats-"
                             r"officedocument\.presentationml|vnd\.oasis\.opendocument\."
                             r"presentation|vnd\.apple\.keynote|x-iwork-keynote)", re.I)
_SLIDES_EXT_RE = re.compile(r"\.(?:pdf|pptx?|key|odp)$", re.I)
_VIDEO_EXT_RE = re.compile(r"\.(?:mp4|m4v|mov|webm|mkv|avi)$", re.I)


def _set_attachments(talk: RawTalk, occ: icalendar.Event) -> None:
    """ATTACH: a PDF or presentation is the slides, a video file or recording link the
    video. The value is the attachment's URI; an inline (binary) attachment is named by
    its file name. Links labelled in the description win."""
    attach = occ.get("ATTACH")
    for value in attach if isinstance(attach, list) else [attach] if attach is not None else []:
        params = getattr(value, "params", {})
        fmt = str(params.get("FMTTYPE", "")).lower()
        name = str(params.get("FILENAME") or params.get("X-FILENAME") or "").strip()
        inline = str(params.get("VALUE", "")).upper() == "BINARY" or "ENCODING" in params
        ref = name if inline else str(value).strip()
        if not ref:
            continue
        path = re.sub(r"[?#].*$", "", ref)
        if _SLIDES_TYPE_RE.match(fmt) or _SLIDES_EXT_RE.search(name) or _SLIDES_EXT_RE.search(path):
            talk.slides = talk.slides or ref
        elif (fmt.startswith("video/") or _VIDEO_EXT_RE.search(name) or _VIDEO_EXT_RE.search(path)
              or _RECORDING_HOST_RE.search(_host(ref))):
            talk.video = talk.video or ref
        elif ref.startswith(("http://", "https://")) and _RECORDING_HOST_RE.search(_host(ref)):
            talk.video = talk.video or ref


def _set_time(talk: RawTalk, occ: icalendar.Event, cal_zone: zoneinfo.ZoneInfo | None) -> None:
    prop = occ.get("DTSTART")
    if prop is None:
        return
    start = prop.dt
    end_prop = occ.get("DTEND")
    end = end_prop.dt if end_prop is not None else None
    if end is None and occ.get("DURATION") is not None:
        end = start + occ["DURATION"].dt
    if not isinstance(start, dt.datetime):
        talk.date = start
        talk.warnings.append("all-day event")
        if isinstance(end, dt.date) and (end - start).days > 1:
            last = end - dt.timedelta(days=1)  # DTEND of a DATE event is exclusive
            talk.warnings.append(
                f"multi-day event until {last.isoformat()}: date is its first day"
            )
        return
    tzid = prop.params.get("TZID")
    zone_name: str | None
    if start.tzinfo is None:
        if tzid:
            talk.warnings.append(f"unknown time zone {tzid!r}")
        if cal_zone is None:
            talk.warnings.append("floating time and no X-WR-TIMEZONE")
            talk.start, talk.end = start, end if isinstance(end, dt.datetime) else None
            talk.date = start.date()
            return
        start = start.replace(tzinfo=cal_zone)
        end = end.replace(tzinfo=cal_zone) if isinstance(end, dt.datetime) else None
        zone_name = cal_zone.key
    else:
        zone_name = _zone_of(start, tzid)
        if zone_name == "UTC" and tzid is None and cal_zone is not None:
            zone_name = cal_zone.key  # UTC instants, calendar stated in a local zone
        if zone_name is None:
            talk.warnings.append(f"time zone {tzid or start.tzname()!r} has no IANA name")
    if zone_name is not None:
        local = zoneinfo.ZoneInfo(zone_name)
        start = start.astimezone(local)
        end = end.astimezone(local) if isinstance(end, dt.datetime) else None
    talk.start = start
    talk.end = end if isinstance(end, dt.datetime) else None
    talk.date = start.date()
    if talk.end is not None and talk.end - start >= dt.timedelta(days=1):
        talk.warnings.append(
            f"multi-day event until {talk.end.date().isoformat()}: date is its first day"
        )
    talk.timezone = zone_name


def _key(uid: str | None, occ: icalendar.Event, cal_zone: zoneinfo.ZoneInfo | None) -> str | None:
    """UID + the occurrence's original start in UTC: stable across runs and edits."""
    if not uid:
        return None
    rid = occ.get("RECURRENCE-ID") or occ.get("DTSTART")
    if rid is None:
        return uid
    value = rid.dt
    if isinstance(value, dt.datetime):
        if value.tzinfo is None and cal_zone is not None:
            value = value.replace(tzinfo=cal_zone)
        if value.tzinfo is not None:
            value = value.astimezone(UTC)
    return f"{uid}@{value.isoformat()}"


# --------------------------------------------------------------------------- text


def _plain(value: Any) -> _Text:
    """Plain text of a property value (icalendar already unescaped it); HTML fragments are
    reduced to text with paragraph breaks, and their links are kept aside."""
    if value is None:
        return _Text("")
    if isinstance(value, list):  # a property given more than once
        value = "\n\n".join(str(v) for v in value)
    raw = str(value).replace("\r\n", "\n").replace("\r", "\n")
    if not _TAGLIKE_RE.search(raw):
        if _ENTITY_RE.search(raw):
            raw = BeautifulSoup(raw, "html.parser").get_text()
        return _Text(_tidy(raw))
    soup = BeautifulSoup(raw, "html.parser")
    for tag in soup.find_all(["script", "style", "noscript", "template", "head", "title"]):
        tag.decompose()
    links: list[tuple[str, str]] = []
    for a in soup.find_all("a"):
        href = str(a.get("href") or "").strip() if isinstance(a, Tag) else ""
        text = a.get_text(" ", strip=True)
        if href:
            links.append((text or href, href))
        if not text and href:
            a.replace_with(href)
    for br in soup.find_all("br"):
        br.replace_with("\n")
    for tag in soup.find_all(["p", "div", "section", "article", "blockquote", "pre", "table",
                              "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6"]):
        tag.insert_before("\n\n")
        tag.insert_after("\n\n")
    for tag in soup.find_all(["li", "tr"]):
        tag.insert_before("\n")
        tag.insert_after("\n")
    return _Text(_tidy(soup.get_text()), links)


def _tidy(text: str) -> str:
    lines = [line.strip() for line in text.replace("\xa0", " ").split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _resolve(value: str, links: list[tuple[str, str]]) -> str:
    """A labelled value as a link when it is one (bare URL, or an anchor's text)."""
    m = _URL_RE.match(value.strip())
    if m:
        return m.group(1)
    for text, href in links:
        if text == value.strip():
            return href
    found = _URL_ANYWHERE_RE.search(value)
    return found.group(0).rstrip(".,;)") if found else value.strip()


def _host(url: str) -> str:
    m = re.match(r"https?://([^/:?#]+)", url, re.I)
    return m.group(1).lower() if m else ""


def _is_meeting_link(url: str) -> bool:
    return bool(_MEETING_HOST_RE.search(_host(url)))


def _parse_description(desc: _Text) -> _Description:
    """Fields of a description, by its labels and line structure (see module docstring)."""
    out = _Description()
    lines = _cut_meeting_boilerplate(desc.text.split("\n"), out)
    blocks: dict[str, list[str]] = {"abstract": [], "bio": [], "body": []}
    current = "body"
    prev_kind = None
    body_at_first_label: int | None = None  # body length when a speaker/title label came
    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        i += 1
        m = _LABEL_RE.match(stripped) if stripped else None
        href = next((h for t, h in desc.links if t == stripped), None) if m else None
        if m and m.group("value") is None and href:
            # a link whose text is the label: <a href="...pdf">Slides</a>
            _assign(out, _LABELS[_norm_label(m)], href, desc.links)
            continue
        if m and (m.group("value") is not None or _LABELS[_norm_label(m)] in _VALUELESS_OK):
            kind = _LABELS[_norm_label(m)]
            value = (m.group("value") or "").strip()
            prev_kind = kind
            if kind in ("speakers", "title") and body_at_first_label is None:
                body_at_first_label = len(blocks["body"])
            if kind in _BLOCK_KINDS:
                current = kind
                if value:
                    blocks[kind].append(value)
                continue
            current = "body"
            if kind == "drop_block" or (kind == "speakers" and not value):
                # "Agenda:" / "Speakers:" then one item per line up to a blank line
                while i < len(lines) and lines[i].strip() and not _LABEL_RE.match(lines[i].strip()):
                    if kind == "speakers":
                        out.speakers.append(lines[i].strip())
                    i += 1
                continue
            if kind == "drop" and _norm_label(m) in _CHAIR_LABELS:
                out.chairs = True
            if not value and i < len(lines) and _URL_RE.match(lines[i].strip()):
                value = lines[i].strip()
                i += 1
            _assign(out, kind, value, desc.links)
            continue
        rs = _BY_PART_OF_RE.match(stripped)
        if rs:
            out.speakers.append(rs.group("who").strip())
            out.series = out.series or rs.group("series").strip()
            current, prev_kind = "body", "speakers"
            continue
        by = _BY_RE.match(stripped)
        if by and prev_kind == "title" and not out.speakers:
            out.speakers.append(by.group("who").strip())
            current, prev_kind = "body", "speakers"
            continue
        if current == "body" and _venue_line(stripped, out):
            continue
        if _lone_logistics_note(stripped, blocks[current]):
            continue  # ``Note the earlier time this week.`` opening a paragraph
        if stripped:
            prev_kind = None
        blocks[current].append(line)
    body = blocks["body"]
    if (
        body_at_first_label is not None
        and _join(body[body_at_first_label:])
        and _is_invitation(body[:body_at_first_label])
    ):
        # an invitation before the first Speaker:/Title: label ("Join us for...", the
        # group's name and the date); the talk's own text follows the labels
        body = body[body_at_first_label:]
    for kind, block in (("abstract", blocks["abstract"]), ("bio", blocks["bio"])):
        blocks[kind] = _strip_trailing_links(block, out)
    body = _strip_trailing_links(body, out)
    out.abstract = _join(blocks["abstract"]) or _join(body)
    out.bio = _join(blocks["bio"])
    if not blocks["abstract"] and not out.speakers:
        out.lead_speaker, out.rest = _lead_speaker(body)
    return out


_INVITATION_RE = re.compile(
    r"\b(?:join\s+us|don['’]t\s+miss|you\s+are\s+(?:cordially\s+)?invited|we\s+are\s+"
    r"(?:pleased|happy|delighted|excited|thrilled)|please\s+join|come\s+(?:and\s+)?(?:join|hear)"
    r"|all\s+(?:are\s+)?welcome|everyone\s+is\s+welcome|register|rsvp|book\s+now|free\s+(?:and\s+)?"
    r"open|pizza|refreshments|snacks|drinks)\b",
    re.I,
)


def _is_invitation(lines: list[str]) -> bool:
    """Text before the talk's labels that invites rather than describes: invitation
    wording, or a line that is only a date/time (Meetup opens with the group and date)."""
    text = " ".join(line.strip() for line in lines if line.strip())
    if not text:
        return False
    return bool(_INVITATION_RE.search(text)) or any(
        len(line.strip()) < 60 and looks_like_when(line.strip()) for line in lines if line.strip()
    )


def _cut_meeting_boilerplate(lines: list[str], out: _Description) -> list[str]:
    """Lines without the meeting invitation a calendar client appends (Teams between
    underscore rules, Google Meet between ``-::~:~::`` rules, a ``Join Zoom Meeting``
    block to the end). A meeting link anywhere marks the talk as online."""
    kept: list[str] = []
    inside = False
    for line in lines:
        stripped = line.strip()
        if any(_is_meeting_link(u) for u in _URL_ANYWHERE_RE.findall(stripped)):
            out.online = True
        if _RULE_RE.match(stripped):
            inside = not inside
            continue
        if not inside and _JOIN_RE.match(stripped):
            inside = True  # an invitation block without a rule: runs to the end
            out.online = True
        if not inside:
            kept.append(line)
    return kept


def _lone_logistics_note(line: str, before: list[str]) -> bool:
    """A one-sentence note about this occurrence's logistics (``normtext.is_logistics_note``)
    opening a paragraph: no part of the abstract."""
    opens = not before or not before[-1].strip()
    one_sentence = not re.search(r"[.!?]\s+\S", line)
    return opens and one_sentence and normtext.is_logistics_note(line)


def _venue_line(line: str, out: _Description) -> bool:
    """``Lecture held in Room 127.`` / a lone ``Online`` / ``This talk is part of the X
    series.``: where the talk is or what it belongs to, stated in the body."""
    m = _HELD_IN_RE.match(line)
    if m:
        out.location = out.location or m.group("where").strip()
        return True
    if _ONLINE_RE.match(line):
        out.location = out.location or "Online"
        return True
    m = _PART_OF_SERIES_RE.match(line)
    if m:
        out.series = out.series or m.group("series").strip()
        return True
    return False


def _lead_speaker(body: list[str]) -> tuple[str | None, list[str]]:
    """(speaker line, remaining body) when the description opens with a paragraph of one
    short line that names a person (``Dr Jane Doe, University of X``, talks.cam style)."""
    lines = list(body)
    while lines and not lines[0].strip():
        lines.pop(0)
    if not lines or (len(lines) > 1 and lines[1].strip()):
        return None, body
    first = lines[0].strip()
    if len(first) > 150 or first.endswith((".", "?", "!", ":")):
        return None, body
    speakers = parse_speakers(first)
    if not speakers or not all(looks_like_person_name(sp.name) for sp in speakers):
        return None, body
    return first, lines[1:]


def _norm_label(m: re.Match[str]) -> str:
    return " ".join(m.group("label").lower().split())


def _assign(out: _Description, kind: str, value: str, links: list[tuple[str, str]]) -> None:
    if not value:
        return
    if kind == "title":
        out.title = out.title or value
        out.title_url = out.title_url or next((h for t, h in links if t == value), None)
    elif kind == "speakers":
        out.speakers.append(value)
    elif kind == "slides":
        out.slides = out.slides or _resolve(value, links)
    elif kind == "video":
        out.video = out.video or _resolve(value, links)
    elif kind in ("url", "url_if_link"):
        link = _resolve(value, links)
        if _URL_RE.match(link) and not _is_meeting_link(link):
            out.url = out.url or link
    elif kind == "location":
        out.location = out.location or value
    elif kind == "series":
        out.series = out.series or value


def _strip_trailing_links(lines: list[str], out: _Description) -> list[str]:
    """Link lines at the end of a text block are its links, not its prose: a bare URL
    (Indico ends descriptions with the event URL) or a short lead-in and a URL (``For
    details, click here: URL``). The first non-meeting one is the talk's page."""
    while lines:
        last = lines[-1].strip()
        m = _URL_RE.match(last) or _LINK_LINE_RE.match(last)
        if last and not m:
            break
        lines = lines[:-1]
        url = m.group(1) if m else None
        if url and not _is_meeting_link(url):
            out.url = out.url or url
    return lines


def _join(lines: Iterable[str]) -> str | None:
    text = _tidy("\n".join(lines))
    return text or None


# --------------------------------------------------------------------------- fields


def _is_person(text: str) -> bool:
    """A speaker phrase: a person's name, optionally with ``(Affiliation)``."""
    text = text.strip()
    m = _NAME_AFFIL_RE.match(text)
    return looks_like_person_name(m.group("name") if m else text)


def _fold_series(text: str) -> str:
    """A series-ish name folded for comparison, without a trailing event word."""
    words = text.casefold().split()
    if len(words) > 1 and _EVENT_WORD_RE.match(words[-1]):
        words = words[:-1]
    return " ".join(words)


def _is_series_name(text: str, series: str | None) -> bool:
    """``Theory Lunch`` in a calendar named ``Theory Lunch Seminar``: the event's generic
    name, not a talk title."""
    return bool(series) and _fold_series(text) == _fold_series(series or "")


def _split_summary(
    summary: str, series: str | None
) -> tuple[str | None, str | None, list[str]]:
    """(title, speaker, event labels) from a SUMMARY like ``Name: Title``, ``Seminar: Name -
    Title``, ``Title (Name)`` or ``Title – Public Lecture``; the speaker part only when it
    reads as a person's name. Event labels (``Robotics Seminar``, ``Public Lecture``, the
    series' own name) before or after the title are returned apart."""
    m = re.match(r"^(?P<title>.*\S)\s*\((?P<who>[^()]+)\)$", summary)
    if m and looks_like_person_name(m.group("who")):
        return m.group("title"), m.group("who"), []
    parts = _SUMMARY_SEP_RE.split(summary)
    seps = _SUMMARY_SEP_RE.findall(summary)
    labels: list[str] = []

    def is_label(part: str) -> bool:
        return bool(_EVENT_WORD_RE.match(part.strip())) or _is_series_name(part, series)

    while len(parts) > 1 and is_label(parts[0]):
        labels.append(parts[0].strip())
        parts, seps = parts[1:], seps[1:]
    while len(parts) > 1 and is_label(parts[-1]):
        labels.append(parts[-1].strip())
        parts, seps = parts[:-1], seps[:-1]
    if len(parts) >= 2 and _is_person(parts[0]):
        return _rejoin(parts[1:], seps[1:]), parts[0].strip(), labels
    if len(parts) >= 2 and _is_person(parts[-1]):
        return _rejoin(parts[:-1], seps[:-1]), parts[-1].strip(), labels
    if len(parts) == 1 and labels and _is_person(parts[0]):
        return None, parts[0].strip(), labels  # "Astro seminar – Jane Doe"
    return _rejoin(parts, seps), None, labels


def _rejoin(parts: list[str], seps: list[str]) -> str | None:
    out = parts[0] if parts else ""
    for sep, part in zip(seps, parts[1:], strict=False):
        out += sep + part
    return out.strip() or None


_GENERIC_QUALIFIER_RE = re.compile(
    r"^(?:public|special|guest|invited|keynote|plenary|weekly|monthly|online|virtual|hybrid"
    r"|joint|extra|additional|informal|short|this\s+week'?s|next|our|the|a|an)\s", re.I
)


# a singular event noun names one event ("Second talk", "Keynote lecture"), not a series
_ONE_EVENT_RE = re.compile(r"\b(?:talk|lecture|meeting|event|presentation)\W*$", re.I)


def _label_names_series(label: str) -> bool:
    """``Robotics Seminar`` names a series; ``Seminar``, ``Public Lecture`` do not."""
    return (
        len(label.split()) > 1
        and not _GENERIC_QUALIFIER_RE.match(label)
        and not _ONE_EVENT_RE.search(label)
        and agenda.is_series_name(label)
    )


def _set_title_and_speakers(talk: RawTalk, summary: str | None, desc: _Description) -> None:
    talk.abstract = desc.abstract
    talk.speaker_text = [s for s in desc.speakers if not normtext.is_placeholder(s)]
    title, who, labels = _split_summary(summary, talk.series) if summary else (None, None, [])
    if title and (
        _is_series_name(title, talk.series)
        or _label_names_series(title)
        or (len(title.split()) == 1 and _EVENT_WORD_RE.match(title))
    ):
        # "Seminar", "ML Reading Group": the summary names the event, not the talk
        if not desc.title:
            talk.warnings.append("summary only names the series: no title")
        labels.append(title)
        title = None
    for label in labels:
        if talk.series is None and _label_names_series(label):
            talk.series = label
        kind = agenda.classify_kind(label)
        if talk.kind is None and kind != "talk":
            talk.kind = kind
    talk.title = desc.title or title
    if not talk.speaker_text and who:
        talk.speaker_text = [who]
    if (not talk.speaker_text and desc.title and summary and summary != desc.title
            and _is_person(summary)):
        talk.speaker_text = [summary]  # researchseminars-like: "Name (Affiliation)"
    if not talk.speaker_text and desc.lead_speaker:
        talk.speaker_text = [desc.lead_speaker]
        talk.abstract = _join(desc.rest)


_ONLINE_PLACE_RE = re.compile(
    r"^(?:(?:microsoft\s+)?teams|zoom|google\s+meet|webex|skype|gotomeeting|jitsi|online"
    r"|virtual)(?:\s+(?:meeting|call|webinar|only|event))?$",
    re.I,
)


def _set_location_and_url(talk: RawTalk, occ: icalendar.Event, desc: _Description) -> None:
    # Apple writes the place and its address on separate lines
    lines = [ln.strip(" ,") for ln in _plain(occ.get("LOCATION")).text.split("\n")]
    location = ", ".join(ln for ln in lines if ln) or None
    url_prop = str(occ.get("URL", "")).strip() or None
    location_url: str | None = None
    if location and _URL_RE.match(location):
        link = _URL_RE.match(location).group(1)  # type: ignore[union-attr]
        location = None
        if _is_meeting_link(link):
            location = "Online"
            if _RECORDING_HOST_RE.search(_host(link)) and not talk.video:
                talk.video = link
        else:
            location_url = link
    elif location and (
        _ONLINE_PLACE_RE.match(location)
        or any(_is_meeting_link(u) for u in _URL_ANYWHERE_RE.findall(location))
    ):
        location = "Online"
    talk.location = location or desc.location or ("Online" if desc.online else None)
    talk.url = url_prop or desc.title_url or location_url or desc.url
