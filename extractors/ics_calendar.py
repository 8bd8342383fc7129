"""Calendar layer of the iCalendar extractor: reading a feed and its times.

Why this module exists: everything that concerns the feed as a *calendar* lives here,
apart from how its text is read: byte-level line unfolding, the BEGIN/END structure
check, parsing with ``icalendar`` and turning broken time properties into
``ExtractionError``, time zone names (TZID, Windows names, X-WR-TIMEZONE), recurrence
expansion within a window bounded by the feed (never the wall clock), and setting a
talk's start/end/date/timezone and stable key. See ``extractors.ics`` for the decisions.
"""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

import icalendar
import recurring_ical_events
from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

from pipeline.errors import ExtractionError
from pipeline.records import RawTalk

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


def unfold_bytes(data: bytes) -> bytes:
    """RFC 5545 unfolding (a line break followed by one space or tab) on raw bytes."""
    return _FOLD_RE.sub(b"", data)


# --------------------------------------------------------------------------- parsing


# (a space may follow the colon: ``ChapterDESCRIPTION: Abstract``)
_GLUED_RE = re.compile(r"(?<=[^\s:;])(DESCRIPTION|LOCATION):(?=\s?\S)")


def _unglue_summaries(text: str) -> str:
    """Split a ``SUMMARY:`` line that swallowed the next property (``SUMMARY:Title -
    SiteDESCRIPTION:Abstract …``: an exporter that lost a line break) when the event
    states that property nowhere else. The title is then the title, and the description
    is read as one."""
    if "SUMMARY" not in text:
        return text
    out: list[str] = []
    event: list[str] | None = None
    for line in text.splitlines():
        upper = line[:12].upper()
        if upper.startswith("BEGIN:VEVENT"):
            event = [line]
        elif event is not None:
            event.append(line)
            if upper.startswith("END:VEVENT"):
                out.extend(_unglued(event))
                event = None
        else:
            out.append(line)
    out.extend(event or [])
    joined = "\n".join(out) + ("\n" if text.endswith(("\n", "\r")) else "")
    return joined if len(out) != len(text.splitlines()) else text


def _unglued(event: list[str]) -> list[str]:
    stated = {ln.split(":", 1)[0].split(";", 1)[0].upper() for ln in event if ":" in ln}
    out: list[str] = []
    for line in event:
        m = _GLUED_RE.search(line) if line[:8].upper() == "SUMMARY:" else None
        if m and m.group(1).upper() not in stated:
            out.extend([line[: m.start()], line[m.start():]])
        else:
            out.append(line)
    return out


def _parse(text: str, source: str) -> list[icalendar.Calendar]:
    """The VCALENDARs of ``text``; ExtractionError when the feed is not a sound calendar."""
    _check_structure(text, source)
    text = _unglue_summaries(text)
    try:
        components = icalendar.Calendar.from_ical(text, multiple=True)
    except _LIB_ERRORS as exc:
        raise ExtractionError(f"{source}: not a readable iCalendar file: {exc}") from exc
    except OSError as exc:  # a TZID the library looks up as a file: a folder, 300 characters
        raise ExtractionError(f"{source}: unusable TZID: {exc.strerror or exc}") from exc
    calendars = [c for c in components if isinstance(c, icalendar.Calendar)]
    if not calendars:
        raise ExtractionError(f"{source}: no complete VCALENDAR found")
    for cal in calendars:
        for event in cal.walk("VEVENT"):
            broken = [(name, msg) for name, msg in event.errors if name in _TIME_PROPS
                      and not _repaired(event, name)]
            uid = str(event.get("UID", "?"))
            if broken and all(name in _END_PROPS for name, _ in broken):
                for name, _ in broken:  # the end is unknown; the event stands (warned)
                    del event[name]
                broken = []
            if broken:
                reasons = "; ".join(f"{name}: {msg}" for name, msg in broken)
                raise ExtractionError(f"{source}: event {uid!r} has a malformed time: {reasons}")
            repeated = [n for n in _SINGLE_TIME_PROPS if isinstance(event.get(n), list)]
            if repeated:
                raise ExtractionError(
                    f"{source}: event {uid!r} states {', '.join(repeated)} more than once"
                )
    return calendars


# a date-time written without its seconds (``20240304T0855``), as some exporters do
_NO_SECONDS_RE = re.compile(r"^(\d{8}T\d{4})(Z?)$")
# properties an event can lose and still be a talk: its end is then unknown
_END_PROPS = ("DTEND", "DURATION")


def _repaired(event: icalendar.Event, name: str) -> bool:
    """Repair a time property the library could not read when its value is plainly one
    (a date-time without seconds); True when it now reads. The event's error entry stays,
    so the repair is reported as a warning."""
    prop = event.get(name)
    m = _NO_SECONDS_RE.match(str(prop)) if prop is not None else None
    if m is None:
        return False
    tzid = prop.params.get("TZID")
    try:
        value = icalendar.vDDDTypes.from_ical(f"{m[1]}00{m[2]}", timezone=tzid)
    except (ValueError, TypeError, KeyError):
        return False
    del event[name]
    event.add(name, value)
    return True


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
        if _out_of_range(event, horizon_days):
            for name in ("DTSTART", "DTEND", "DURATION", "RRULE", "RDATE", "EXDATE"):
                event.pop(name, None)
            yield event, uid, [*warnings, "date too close to year 1 or 9999: dates dropped"]
            continue
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


def _out_of_range(event: icalendar.Event, horizon_days: int) -> bool:
    """Whether a date of ``event`` is so near the ends of the calendar (year 1, 9999) that
    the expansion window or a zone conversion would overflow: one such event must not
    lose the whole feed (OverflowError), so its dates are dropped with a warning."""
    margin = dt.timedelta(days=horizon_days + 2)
    try:
        for value in _stated_dates(event):
            instant = _to_utc_naive(value)
            instant + margin  # noqa: B018 - only whether it overflows
            instant - dt.timedelta(days=2)  # noqa: B018
    except (OverflowError, ValueError):
        return True
    except TypeError:
        return False
    return False


def _end_before_start(event: icalendar.Event) -> bool:
    start, end = event["DTSTART"].dt, event["DTEND"].dt
    try:
        return _to_utc_naive(end) < _to_utc_naive(start)
    except TypeError:
        return False


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


def _sort_instant(talk: RawTalk) -> str:
    if talk.start is not None:
        return _to_utc_naive(talk.start).isoformat()
    return talk.date.isoformat() if talk.date else ""


def _set_time(talk: RawTalk, occ: icalendar.Event, cal_zone: zoneinfo.ZoneInfo | None) -> None:
    prop = occ.get("DTSTART")
    if prop is None:
        return
    start = prop.dt
    end_prop = occ.get("DTEND")
    end = end_prop.dt if end_prop is not None else None
    if end is None and occ.get("DURATION") is not None:
        end = start + occ["DURATION"].dt
    if end == start and isinstance(start, dt.datetime):
        end = None  # no DTEND (expansion fills in the start): the end is not stated
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
