"""Stage 4, normalise: a document's ``RawTalk`` records to dataset rows.

This is where every extractor's output meets the same rules: speaker lines are
parsed into name/role/affiliation, date phrases into local dates and times, local
times into UTC instants in the right IANA zone (DST included), text is cleaned,
placeholders become null, kinds are inferred, ``sources.toml`` hints fill what
the document leaves open, and each talk gets its stable ``talk_id``.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
import zoneinfo
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from pipeline.normalise import agenda, dates, links, people, places, siblings, text
from pipeline.records import Document, RawTalk, Speaker

UTC = dt.UTC
# Bump when the rows this stage makes from the same RawTalks change: incremental runs
# re-extract every file whose rows were made by another version.
VERSION = "11"


def normalise(
    doc: Document, raws: list[RawTalk], extracted_at: dt.datetime
) -> list[dict[str, Any]]:
    """Dataset rows (``schemas.talk.COLUMNS`` keys) for one document's raw talks."""
    return normalise_document(doc, raws, extracted_at)[0]


def normalise_document(
    doc: Document, raws: list[RawTalk], extracted_at: dt.datetime
) -> tuple[list[dict[str, Any]], list[str]]:
    """Rows for one document, and a note for every raw record that gave no row (none is
    dropped silently: the notes go into the run report)."""
    rows: list[dict[str, Any]] = []
    notes: list[str] = []
    used_ids: dict[str, int] = {}

    def named(zone: str) -> bool:
        """Whether the document spells out this zone's name itself."""
        return zone == "UTC" or zone in doc.text

    # the numeric-date convention the document's own dates settle (``18/04/2024`` makes
    # its ``11/04/2024`` April), else each phrase's zone decides
    day_first = dates.numeric_order(raw.when_text for raw in raws)
    series_drops: dict[tuple[str, str, tuple[str, ...]], list[RawTalk]] = {}
    for raw in raws:
        row, why_not = _row(doc, raw, extracted_at, named, day_first)
        if row is None:
            series = _occurrence_of(raw.key)
            if series is None:
                notes.append(f"{why_not}: dropped ({_describe(raw)})")
            else:
                series_drops.setdefault((series, why_not, tuple(raw.warnings)), []).append(raw)
            continue
        base = row["talk_id"]
        n = used_ids.get(base, 0) + 1
        used_ids[base] = n
        if n > 1:
            row["talk_id"] = f"{base}-{n}"
        rows.append(row)
    for (_, why_not, _), dropped in series_drops.items():
        # one decision about a recurring event is one note, however many occurrences
        count = f"; {len(dropped)} occurrences of one recurring event, one decision"
        notes.append(f"{why_not}: dropped ({_describe(dropped[0])}"
                     f"{count if len(dropped) > 1 else ''})")
    return siblings.judge(rows, notes), notes


# a calendar occurrence's key: its event's UID, ``@``, its original start (``_key``)
_OCCURRENCE_KEY_RE = re.compile(r"^(?P<uid>.+)@\d{4}-\d\d-\d\d(?:T[\d:.+-]+)?$")


def _occurrence_of(key: str | None) -> str | None:
    """The recurring event a record is an occurrence of (its UID), else None."""
    m = _OCCURRENCE_KEY_RE.match(key or "")
    return m.group("uid") if m else None


def _describe(raw: RawTalk) -> str:
    when = raw.start.isoformat() if raw.start else raw.when_text or (raw.date and str(raw.date))
    return f"key={raw.key!r}, when={when!r}, warnings={raw.warnings!r}"


def _zone(name: str | None, warnings: list[str]) -> zoneinfo.ZoneInfo | None:
    if not name:
        return None
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        warnings.append(f"unknown timezone {name!r} ignored")
        return None


def _speakers(raw: RawTalk) -> list[Speaker]:
    found: list[Speaker] = list(raw.speakers)
    for line in raw.speaker_text:
        found.extend(people.parse_speakers(line))
    out: list[Speaker] = []
    for sp in found:
        name = text.clean_text(sp.name)
        if not name or text.is_placeholder(name) or agenda.is_non_talk(name):
            continue  # "TBA", "No seminar (holiday)": nobody is named
        out.append(
            Speaker(
                name=" ".join(name.split()),
                affiliation=text.clean_text(sp.affiliation),
                role=text.clean_text(sp.role),
            )
        )
    for sp in out:
        people.tidy_affiliation(sp)
    people.complete_from_text(out, [raw.abstract, raw.speaker_bio])
    return out


# a title label inside a line (``… -- Title: On Graphs``), after some other text
_INNER_TITLE_RE = re.compile(
    rf"(?P<before>\S.*?)(?:\s[-–—]+\s*|[,;:]\s*)(?:{'|'.join(text.TITLE_LABELS)})\s*[:：]\s*"
    r"(?=\S)", re.I)
_FIELD_SEPARATOR_RE = re.compile(r"\s+[-–—]+\s+|\s*[:;]\s+|,\s+")


def _inner_title(title: str, want_people: bool) -> tuple[str, list[Speaker]] | None:
    """(title, people) of a line that holds other fields before a ``Title:`` label: the
    text after the label, and the person the last field before it names (when asked)."""
    m = _INNER_TITLE_RE.match(title)
    if m is None:
        return None
    inner = text.clean_title(title[m.end():])
    if inner is None:
        return None
    named: list[Speaker] = []
    if want_people:
        parts = [p.strip() for p in _FIELD_SEPARATOR_RE.split(m["before"]) if p.strip()]
        if parts and people.looks_like_person_name(parts[-1], people.SPEAKER_CONTEXT):
            named = people.parse_speakers(parts[-1])
    return inner, named


def _localise(
    value: dt.datetime | None, tz: zoneinfo.ZoneInfo | None, warnings: list[str]
) -> dt.datetime | None:
    """An aware UTC instant from an aware datetime, or from a naive local one and its zone."""
    if value is None:
        return None
    if value.tzinfo is not None:
        return value.astimezone(UTC)
    if tz is None:
        return None
    local = value.replace(tzinfo=tz)
    # A wall time that does not exist (spring forward) or happens twice (fall back).
    roundtrip = local.astimezone(UTC).astimezone(tz)
    if roundtrip.replace(tzinfo=None) != value:
        warnings.append(f"local time {value.isoformat()} does not exist in {tz.key}")
    elif value.replace(fold=1).replace(tzinfo=tz).utcoffset() != local.utcoffset():
        warnings.append(f"local time {value.isoformat()} is ambiguous in {tz.key}; first taken")
    return local.astimezone(UTC)


def _fold(s: str | None) -> str:
    return " ".join(unicodedata.normalize("NFKC", s or "").casefold().split())


def talk_key(raw: RawTalk, speakers: list[Speaker], date: dt.date | None, title: str | None) -> str:
    """What identifies a talk inside its document when the extractor gives no key.

    Date plus first speaker, else date plus title: none of these change when an
    abstract or a bio is edited, so the id survives such edits.
    """
    if raw.key:
        return raw.key
    who = _fold(speakers[0].name) if speakers else ""
    what = "" if who else _fold(title)
    return f"{date.isoformat() if date else ''}|{who}|{what}"


_YEAR_WRITTEN_RE = re.compile(r"\b(?:19|20)\d\d\b|'\d\d\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b")


# a title cut before its object (``Dinner at``, ``Lunch with``): what follows was read apart
_DANGLING_RE = re.compile(r"\b(?:at|in|with|chez|bei|im|au|en|@)\s*[:,–—-]?\s*$", re.I)


def _quoted_title_and_tail(raw: RawTalk, warnings: list[str]) -> RawTalk:
    """A title slot holding a quoted title and a tail (a one-line item's ``"Title",
    Lecture Theatre A``): the quotes bound the title and the tail is the place, when it
    names one and the talk has none; else the title stays whole."""
    title = raw.title or ""
    found = places.quoted_title_and_place(title) if title.lstrip()[:1] in "\"“”‘’" else None
    if found is None or raw.location is not None \
            or not title.lstrip()[1:].lstrip().startswith(found[0]):
        return raw  # ``"A" and "B", Room 5``: the quotes open no title of their own
    warnings.append(f"place read after the quoted title: {found[1]!r}")
    return replace(raw, title=found[0], location=found[1])


def _row(
    doc: Document, raw: RawTalk, extracted_at: dt.datetime, named: Callable[[str], bool],
    day_first: bool | None = None,
) -> tuple[dict[str, Any] | None, str]:
    """The row for ``raw``, or None and the reason it is not a talk."""
    warnings = list(raw.warnings)
    raw = _quoted_title_and_tail(raw, warnings)
    title = text.clean_title(raw.title)
    speakers = _speakers(raw)
    if title is not None and (inner := _inner_title(title, not speakers)) is not None:
        # ``10:30 in B027: Jane Doe -- Title: On Graphs``: the record was not cut into its
        # fields, and its own ``Title:`` label says where the title starts
        title, named = inner
        speakers = speakers or named
        warnings.append("title read after its label inside the record's line")
    if title is not None and (why := text.not_a_title(title)) is not None:
        if not speakers:
            return None, f"title {title!r} is {why}, not a title, and nobody is named"
        warnings.append(f"title {title!r} is {why}, not a title: dropped")
        title = None
    if title is None and not speakers:
        return None, "record without title or speaker"
    if not speakers and title is not None and agenda.is_non_talk(title):
        return None, f"agenda item {title!r} is not a talk"
    if speakers and title is not None and agenda.is_non_talk(title) \
            and _DANGLING_RE.search(title):
        # ``Dinner at`` + a linked ``Wilma Wunder``: the "speaker" ends the item's own phrase
        # (the restaurant, the host of a lunch), the item is still a meal or a break
        return None, f"agenda item {title!r} is not a talk (its name ends the phrase)"

    date = raw.date
    start, end = raw.start, raw.end
    zone_name = raw.timezone
    phrase_zone: str | None = None
    if raw.when_text:
        # a page of one academic year (``2022-23`` over ``Autumn Term`` / ``13 Oct``): a
        # date without its year takes the academic year's first year from August, else
        # its second
        academic = None if _YEAR_WRITTEN_RE.search(raw.when_text) else \
            dates.find_academic_year(doc.text)
        if academic and (raw.year_hint not in (None, *academic) or (
                raw.reference_date is not None and raw.reference_date.year not in academic)):
            academic = None  # the heading or the document's own date says otherwise
        when = dates.parse_when(
            raw.when_text,
            year=academic[0] if academic else raw.year_hint,
            reference=raw.reference_date,
            day_first=day_first,
            zone=raw.timezone or doc.hints.timezone,  # orders ambiguous numeric dates
        )
        if when is not None and when.date is not None and academic:
            when.date = dates.academic_date(when.date, academic)
            when.warnings = [w for w in when.warnings if "year" not in w] + [
                f"year from the academic year {academic[0]}-{academic[1] % 100:02d}"]
        if when is not None:
            warnings.extend(when.warnings)
            date = date or when.date
            if when.timezone and when.timezone not in raw.when_text:
                phrase_zone = when.timezone  # from an abbreviation such as CEST or ET
            else:
                zone_name = when.timezone or zone_name
            day = when.date or date  # a time-only phrase takes the date given beside it
            if day is not None and start is None and when.start is not None:
                start = dt.datetime.combine(day, when.start)
                if when.end is not None:
                    end = dt.datetime.combine(day, when.end)
                    if end < start:
                        end += dt.timedelta(days=1)
                        warnings.append("end before start: taken as the next day")
    if raw.when_text and date is None and start is None and dates.find_year(raw.when_text):
        warnings.append(f"{dates.COARSE_DATE_WARNING}: {raw.when_text!r}")
    zone_name = _pick_zone(phrase_zone, zone_name, doc.hints.timezone, start, date, named)
    tz = _zone(zone_name, warnings)
    if tz is None:
        zone_name = None
    if (start is not None and start.tzinfo is None) and tz is None:
        warnings.append("time of day given but no timezone known: start/end left null")
    start_utc = _localise(start, tz, warnings)
    end_utc = _localise(end, tz, warnings)
    if start_utc is not None and end_utc is not None and end_utc < start_utc:
        warnings.append("end before start: end dropped")
        end_utc = None
    if start_utc is not None:
        local_zone = tz or (start.tzinfo if start is not None else None)
        local_date = start_utc.astimezone(local_zone).date() if local_zone else start_utc.date()
        if date is not None and date != local_date:
            warnings.append(f"stated date {date} differs from the start's local date {local_date}")
        date = local_date
    if zone_name is None and start is not None and start.tzinfo is not None:
        zone_name = "UTC" if start.utcoffset() == dt.timedelta(0) else None

    kind = raw.kind or agenda.classify_kind(title, text.split_event_label(raw.title)[0])
    key = talk_key(raw, speakers, date, title)
    talk_id = doc.talk_id(key)  # the document's identity, not its path (records.Document)
    abstract = text.clean_text(
        text.strip_label(raw.abstract, ("abstract", "summary")) if raw.abstract else None
    )
    if abstract is not None and text.is_placeholder(abstract):
        abstract = None
    if people.affiliation_from_abstract(speakers, abstract):
        abstract = None  # the line under the name was the speaker's affiliation
    return {
        "talk_id": talk_id,
        "source_path": doc.path,
        "source_format": doc.format,
        "source_sha256": doc.sha256,
        "series": text.clean_text(raw.series) or doc.hints.series,
        "kind": kind,
        "title": title,
        "abstract": abstract,
        "speakers": [vars(s) for s in speakers] or None,
        "speaker_bio": text.clean_text(raw.speaker_bio),
        "date": date,
        "start": start_utc,
        "end": end_utc,
        "timezone": zone_name,
        "location": text.clean_text(raw.location) or doc.hints.location,
        "url": links.safe_link(raw.url, warnings),
        "slides": links.safe_link(raw.slides, warnings),
        "video": links.safe_link(raw.video, warnings),
        "warnings": warnings,
        "extracted_at": extracted_at,
    }, ""


def _pick_zone(
    phrase: str | None,
    stated: str | None,
    hinted: str | None,
    start: dt.datetime | None,
    date: dt.date | None,
    named: Callable[[str], bool],
) -> str | None:
    """The IANA zone of a talk's local times.

    What the text states wins over the ``sources.toml`` hint, but an abbreviation
    (``CEST``, ``ET``) only names an offset, so a stated or hinted zone that keeps
    that offset on the talk's day is the more precise reading of it
    (``Europe/Amsterdam`` for ``CEST``); a zone the document names itself
    (``Europe/Lisbon``, ``TZID=…``, ``UTC``: ``named``) is never replaced. Likewise an
    exact instant with an offset
    (``2024-05-06T15:00-04:00``) takes the hinted zone when the offsets agree.
    """
    if phrase is not None:
        for candidate in (stated, hinted):
            if candidate and _same_offset(phrase, candidate, start, date):
                return candidate
        return phrase
    if stated is not None:
        if hinted and not named(stated) and _same_offset(stated, hinted, start, date):
            return hinted
        return stated
    if hinted is None:
        return None
    if start is not None and start.tzinfo is not None:
        return hinted if _same_offset(None, hinted, start, date) else None
    return hinted


def _same_offset(a: str | None, b: str, start: dt.datetime | None, date: dt.date | None) -> bool:
    """Whether zone ``a`` (or ``start``'s own offset when ``a`` is None) and zone ``b``
    give the same UTC offset at the talk's time (noon of its date without one)."""
    try:
        zb = zoneinfo.ZoneInfo(b)
        za = zoneinfo.ZoneInfo(a) if a else None
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return False
    if start is not None:
        if start.tzinfo is not None:
            offset = start.utcoffset() if za is None else start.astimezone(za).utcoffset()
            return start.astimezone(zb).utcoffset() == offset
        when = start
    elif date is not None:
        when = dt.datetime.combine(date, dt.time(12))
    else:
        return False
    if za is None:
        return False
    return when.replace(tzinfo=za).utcoffset() == when.replace(tzinfo=zb).utcoffset()
