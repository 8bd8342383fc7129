"""Dates, times, ranges and timezone cues in text.

Seminar pages state times in many ways (``Friday, March 24, 2023, 3:00–4:00 pm``,
``9:15–10:00am``, ``24 September 2021, 14:00 CET``, ``Thu 3/4 at 4pm``). This
module reads such phrases into a ``When``: the *local* date and times as the
phrase states them, a zone if the phrase names one, and warnings for whatever
had to be guessed. Converting to instants is the normalise stage's job.

Design:

* Times and ranges are read with our own regular expressions, because the
  am/pm conventions of ranges (``9:15–10:00am``: the marker applies to both ends)
  are beyond a general date parser.
* Dates are read with regular expressions for the common shapes; dateparser,
  restricted to English with a fixed ``RELATIVE_BASE``, is the fallback for the
  rest. A missing year is never filled from the wall clock: it comes from the
  ``year`` the caller found in a heading, else from the document's own date,
  else the date stays unknown with a warning.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache

from dateparser.date import DateDataParser

from pipeline.memo import per_document
from pipeline.normalise.vocab import (
    DATE_WORDS_INTL,
    MONTH_NAMES_INTL,
    REFERENCE_LINE_WORDS,
    WEEKDAY_NAMES_INTL,
)


@dataclass
class When:
    """What a date/time phrase states, in local (naive) terms."""

    date: dt.date | None = None
    start: dt.time | None = None
    end: dt.time | None = None
    timezone: str | None = None  # IANA zone named in the phrase itself (``14:00 CET``)
    warnings: list[str] = field(default_factory=list)


# --- vocabularies -------------------------------------------------------------

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS: dict[str, int] = {
    "monday": 0, "mon": 0, "tuesday": 1, "tues": 1, "tue": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thurs": 3, "thur": 3, "thu": 3, "friday": 4, "fri": 4,
    "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
}  # fmt: skip
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# Zone abbreviations and names -> a representative IANA zone. Ambiguous ones
# (IST: India/Israel/Ireland; AST; CST also China) are deliberately absent or
# mapped to their most common use on English-language seminar pages.
ZONE_ABBREVIATIONS: dict[str, str] = {
    "ET": "America/New_York", "EST": "America/New_York", "EDT": "America/New_York",
    "CT": "America/Chicago", "CST": "America/Chicago", "CDT": "America/Chicago",
    "MT": "America/Denver", "MST": "America/Denver", "MDT": "America/Denver",
    "PT": "America/Los_Angeles", "PST": "America/Los_Angeles", "PDT": "America/Los_Angeles",
    "AKST": "America/Anchorage", "AKDT": "America/Anchorage", "HST": "Pacific/Honolulu",
    "UTC": "UTC", "GMT": "Europe/London", "BST": "Europe/London", "UK": "Europe/London",
    "WET": "Europe/Lisbon", "WEST": "Europe/Lisbon",
    "CET": "Europe/Paris", "CEST": "Europe/Paris", "MEZ": "Europe/Berlin",
    "MESZ": "Europe/Berlin", "EET": "Europe/Athens", "EEST": "Europe/Athens",
    "MSK": "Europe/Moscow", "JST": "Asia/Tokyo", "KST": "Asia/Seoul",
    "HKT": "Asia/Hong_Kong", "SGT": "Asia/Singapore", "AEST": "Australia/Sydney",
    "AEDT": "Australia/Sydney", "ACST": "Australia/Adelaide", "AWST": "Australia/Perth",
    "NZST": "Pacific/Auckland", "NZDT": "Pacific/Auckland", "BRT": "America/Sao_Paulo",
}  # fmt: skip
ZONE_NAMES: dict[str, str] = {
    "eastern": "America/New_York", "central": "America/Chicago",
    "mountain": "America/Denver", "pacific": "America/Los_Angeles",
    "central european": "Europe/Paris", "eastern european": "Europe/Athens",
    "western european": "Europe/Lisbon", "british": "Europe/London",
    "greenwich mean": "Europe/London", "coordinated universal": "UTC", "universal": "UTC",
    "japan": "Asia/Tokyo", "korea": "Asia/Seoul", "alaska": "America/Anchorage",
    "hawaii": "Pacific/Honolulu", "hawaii-aleutian": "Pacific/Honolulu",
    "atlantic": "America/Halifax", "newfoundland": "America/St_Johns",
    "india": "Asia/Kolkata", "indian": "Asia/Kolkata", "china": "Asia/Shanghai",
    "beijing": "Asia/Shanghai", "china standard": "Asia/Shanghai",
    "israel": "Asia/Jerusalem", "singapore": "Asia/Singapore", "hong kong": "Asia/Hong_Kong",
    "australian eastern": "Australia/Sydney", "australian central": "Australia/Adelaide",
    "australian western": "Australia/Perth", "new zealand": "Pacific/Auckland",
    "brasilia": "America/Sao_Paulo", "brazil": "America/Sao_Paulo",
    "argentina": "America/Argentina/Buenos_Aires", "moscow": "Europe/Moscow",
    "us eastern": "America/New_York", "us central": "America/Chicago",
    "us mountain": "America/Denver", "us pacific": "America/Los_Angeles",
    "irish": "Europe/Dublin", "east africa": "Africa/Nairobi",
    "central africa": "Africa/Maputo", "south africa": "Africa/Johannesburg",
    "west africa": "Africa/Lagos", "gulf": "Asia/Dubai", "arabia": "Asia/Riyadh",
}  # fmt: skip
# The North American zone names, which pages also write bare after a clock time
# (``1pm Pacific``, ``4:00 Eastern``).
_US_ZONE_NAMES = ("eastern", "central", "mountain", "pacific")

# --- regular expressions ---------------------------------------------------------

_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY_ALT = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
# Month and weekday names and abbreviations as regex alternations (longest first), for
# callers that locate a date in text before handing it to ``parse_when``.
MONTH_PATTERN = _MONTH_ALT
WEEKDAY_PATTERN = _WEEKDAY_ALT
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_DASH_RE = re.compile(f"[{_DASHES}]")
# Markup characters; an underscore between letters is part of a word (``America/New_York``).
_MARKUP_RE = re.compile(r"[*#`>|\[\]]+|(?<![A-Za-z])_+|_+(?![A-Za-z])")
_AMPM_DOTS_RE = re.compile(r"\b([ap])\.\s?m\.?(?=\W|$)", re.I)

_ISO_DATE_RE = re.compile(r"(?<![\d/.-])(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?![\d/-])")
_DOT_DATE_RE = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?![\d.])")
_NUM_DATE_RE = re.compile(r"(?<![\d/.:])(\d{1,2})/(\d{1,2})(?:/(\d{4}|\d{2}))?(?![\d/:])")
# the second day of a multi-day range (``March 24-25``), not used as the talk's date
_DAY_RANGE_TAIL = r"(?:\s*-\s*\d{1,2}(?:st|nd|rd|th)?(?![\d:]))?"
_YEAR_TAIL = r"(?:\s*,?\s*(?P<y>(?:19|20)\d{2})(?![\d:]))?"
_MDY_RE = re.compile(
    rf"\b(?P<mon>{_MONTH_ALT})\.?\s*(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?![\d:])\b"
    rf"{_DAY_RANGE_TAIL}{_YEAR_TAIL}",
    re.I,
)
_DMY_RE = re.compile(
    rf"(?<![\d:])(?P<d>\d{{1,2}})(?:st|nd|rd|th)?{_DAY_RANGE_TAIL}\s*(?:of\s+)?"
    rf"(?P<mon>{_MONTH_ALT})\b\.?{_YEAR_TAIL}",
    re.I,
)
_DMY_SHORT_RE = re.compile(
    rf"(?<![\d:])(?P<d>\d{{1,2}})(?:[-/]|\s+)(?P<mon>{_MONTH_ALT})\.?(?:[-/]|\s+')(?P<yy>\d{{2}})"
    r"(?![\d:])",
    re.I,
)
# A month name right before a number: the number is a day, not an hour.
_MONTH_BEFORE_RE = re.compile(rf"\b(?:{_MONTH_ALT})\.?\s*$", re.I)
_WEEKDAY_RE = re.compile(rf"\b(?P<wd>{_WEEKDAY_ALT})\b\.?", re.I)

_TIME_CORE = (
    r"(?:(?P<{p}word>noon|midday|midnight)"
    r"|(?P<{p}h>\d{{1,2}})(?:(?P<{p}sep>[:h]|\.(?=\d\d(?![.\d])))(?P<{p}m>\d{{2}})"
    r"|(?P<{p}hx>h)(?![a-z\d]))?"
    r"(?:\s*(?P<{p}ap>[ap])m\b|(?P<{p}ap1>[ap])\b)?)"
)
_TIME_START = _TIME_CORE.format(p="s")
_TIME_END = _TIME_CORE.format(p="e")
_RANGE_RE = re.compile(
    rf"(?<![\d/.:])(?:(?P<at>at|@|from|between)\s+)?{_TIME_START}(?![\d/])"
    rf"\s*(?:-+|to|until|till|through|and)\s*{_TIME_END}(?![\d/:])",
    re.I,
)
# every clock time above holds a digit or a clock word: a text without one holds none
_TIME_HINT_RE = re.compile(r"\d|noon|midday|midnight", re.I)
# a when phrase holds a digit, a clock word or a month name; the month is sought as a bare
# substring because removing markup (``_March_``) or a zone can open a word boundary
_WHEN_HINT_RE = re.compile(rf"\d|noon|midday|midnight|{_MONTH_ALT}", re.I)
_DIGIT_OR_NOON_RE = re.compile(r"\d|noon")
_SINGLE_RE = re.compile(
    rf"(?<![\d/.:])(?:(?P<at>at|@|from|starting at|starts at|begins at)\s+)?{_TIME_START}"
    r"(?![\d/:])",
    re.I,
)
_OFFSET_ZONE_RE = re.compile(
    r"\b(?:UTC|GMT)\s*(?P<sign>[+-])\s*(?P<h>\d{1,2})(?::?(?P<m>\d{2}))?(?![\d:])"
)
# An ISO 8601 date-time (``2023-10-03T16:00:00+02:00``, ``20231003T160000Z``): its offset
# is part of the instant, so it is read as a whole before anything else.
_ISO_DATETIME_RE = re.compile(
    r"(?<![\d-])(?P<y>\d{4})(?P<dash>-?)(?P<mo>\d{2})(?P=dash)(?P<d>\d{2})"
    # ``T1600`` / ``T16:00``; after a space only a clock with a colon (``2023-03-09 2023``
    # is a repeated date, not 20:23)
    r"(?:(?P<t>T)(?P<h>\d{2}):?(?P<mi>\d{2})|\s(?P<h2>\d{2}):(?P<mi2>\d{2}))"
    r"(?::?(?P<s>\d{2})(?:[.,]\d+)?)?"
    r"(?:\s*(?P<z>Z)|\s*(?P<osign>[+-])(?P<oh>\d{2}):?(?P<om>\d{2})?)?(?![\d:])",
    re.I,
)
# Fractional offsets no ``Etc`` zone can hold, mapped to a zone that keeps that offset
# all year (no daylight saving), so the instant stays exact.
_FRACTIONAL_OFFSET_ZONES: dict[tuple[str, int, int], str] = {
    ("+", 5, 30): "Asia/Kolkata", ("+", 5, 45): "Asia/Kathmandu", ("+", 4, 30): "Asia/Kabul",
    ("+", 6, 30): "Asia/Yangon", ("+", 9, 30): "Australia/Darwin",
}  # fmt: skip
# The end of an ISO start (``2023-10-03T16:00/17:00``, ``... - 17:00``).
_RANGE_END_RE = re.compile(r"^\s*(?:/|-+|to)\s*(?:\d{4}-?\d{2}-?\d{2}T)?(\d{2}):?(\d{2})", re.I)
# ``1pm Pacific``: a bare North American zone name right after a clock time.
_BARE_ZONE_RE = re.compile(
    r"(?:\d\s*(?:[ap]m\b)?|\bnoon)\s*\(?(?P<name>" + "|".join(_US_ZONE_NAMES) + r")\b"
    r"(?!\s+(?:european|african|australian|standard|daylight|time))"
    # ``4pm Central Library``: a capitalised word after it makes the name part of a place
    r"(?!\s+(?-i:[A-Z][a-z]))",
    re.I,
)
_ABBREV_RE = re.compile(
    r"(?<![A-Za-z])\(?(?P<abbr>"
    + "|".join(sorted(ZONE_ABBREVIATIONS, key=len, reverse=True))
    + r")\)?(?![A-Za-z])(?!\s*[+-]\s*\d)"
)
_ZONE_NAME_RE = re.compile(
    r"\b(?P<name>"
    + "|".join(sorted(ZONE_NAMES, key=len, reverse=True)).replace(" ", r"\s+")
    + r")(?:\s+(?:standard|daylight|summer))?\s+time\b",
    re.I,
)
_ZONE_NAME_ALT = "|".join(sorted(ZONE_NAMES, key=len, reverse=True)).replace(" ", r"\s+")
# ``All times are Eastern``, ``Times listed in Pacific``, and the verbless ``All times
# Pacific.`` / ``Times: Eastern`` (the zone name capitalised right after the noun).
_TIMES_ARE_RE = re.compile(
    r"\btimes?\b(?:[^.\n]{0,30}?\b(?:are|is|in|listed|shown|given)\b[^.\n]{0,20}?\b"
    r"|\s*[:(]?\s*(?=(?-i:[A-Z])))"
    r"(?P<name>" + _ZONE_NAME_ALT + r")\b"
    r"(?!\s+(?!(?:time|standard|daylight|summer)\b)(?-i:[A-Z][a-z]))",  # ``Pacific Northwest``
    re.I,
)
_CAPITAL_RE = re.compile(r"[A-Z]")  # every zone abbreviation and city name holds one
_TIME_WORD_RE = re.compile(r"time", re.I)
_IANA_RE = re.compile(r"\b(?:[A-Z][A-Za-z]+/)+[A-Z][A-Za-z_+-]*[A-Za-z]\b|\bUTC\b")
_CITY_TIME_RE = re.compile(r"\b(?P<city>[A-Z][a-z]+(?:[ _][A-Z][a-z]+)?)\s+(?:local\s+)?time\b")
_YEAR_RE = re.compile(r"(?<![\d.,/:$€£#])(19\d{2}|20\d{2})(?!\d|[,:.]\d|\s*(?:am|pm|h\b|%))", re.I)
# A two-digit year with an apostrophe after a term word (``Spring '22``, ``AY '19``).
_SHORT_YEAR_RE = re.compile(
    r"\b(?:spring|summer|fall|autumn|winter|lent|michaelmas|hilary|trinity|easter|term|"
    r"semester|ay|class\s+of|since|january|february|march|april|may|june|july|august|"
    r"september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)"
    r"\.?\s*['’‘](?P<yy>\d{2})(?![\d'’])",
    re.I,
)
_WORD_RE = re.compile(r"[A-Za-z]+")
_INTL_WORD_RE = re.compile(r"[^\W\d_]+")
# the words of a date phrase in another language (month and weekday names, ``de``, ``à``)
_INTL_DATE_WORDS = frozenset(w.lower() for w in (*MONTH_NAMES_INTL, *WEEKDAY_NAMES_INTL,
                                                 *DATE_WORDS_INTL))
_FILLER_WORDS = frozenset(
    {"at", "on", "from", "to", "until", "till", "and", "the", "of", "between", "starting",
     "starts", "begins", "time", "times", "local", "date", "when", "am", "pm", "a", "p", "m",
     "st", "nd", "rd", "th", "noon", "midday", "midnight", "standard", "daylight", "summer",
     "h", "z", "through", "est", "hrs", "o", "clock", "uhr", "t", "or"}
)  # fmt: skip


@lru_cache(maxsize=1)
def _available_zones() -> frozenset[str]:
    import zoneinfo

    return frozenset(zoneinfo.available_timezones())


@lru_cache(maxsize=1)
def _zone_by_city() -> dict[str, str]:
    """``lisbon`` -> ``Europe/Lisbon``: the last path part of every canonical zone."""
    out: dict[str, str] = {}
    for zone in sorted(_available_zones()):
        if "/" not in zone or zone.startswith(("Etc/", "SystemV/", "US/")):
            continue
        city = zone.rsplit("/", 1)[1].replace("_", " ").lower()
        out.setdefault(city, zone)
    return out


_INTL_MONTH_RE = re.compile(rf"(?<![^\W\d_])(?:{'|'.join(MONTH_NAMES_INTL)})(?![^\W\d_])",
                            re.I)
INTL_LANGUAGES = ("fr", "de", "es", "pt", "it", "nl")
# Languages whose month names are told apart by their script (the first word of a
# letter's Unicode name), each read by a parser of its own
SCRIPT_LANGUAGES = {"HEBREW": ("he",), "CYRILLIC": ("ru", "uk", "bg"), "GREEK": ("el",)}


def _parser(languages: list[str], order: str) -> DateDataParser:
    """A dateparser with a fixed base (leap year 2000): never the wall clock."""
    return DateDataParser(
        languages=languages,
        settings={
            "RELATIVE_BASE": dt.datetime(2000, 1, 1),
            "REQUIRE_PARTS": ["day", "month"],
            "PARSERS": ["custom-formats", "absolute-time"],
            "DATE_ORDER": order,
            "PREFER_DAY_OF_MONTH": "first",
        },
    )


@lru_cache(maxsize=1)
def _date_parser() -> DateDataParser:
    """The English parser, built once."""
    return _parser(["en"], "MDY")


@lru_cache(maxsize=1)
def _intl_date_parser() -> DateDataParser:
    """The parser for the other languages of ``MONTH_NAMES_INTL``, built once."""
    return _parser(list(INTL_LANGUAGES), "DMY")


# --- helpers -------------------------------------------------------------------


# ``14:00 → 15:00`` (Indico and other exports): an arrow between two times is a range.
_ARROW_RE = re.compile(r"\s*(?:[→⟶⇒➝]|-+>|–>)\s*")
# ``2024年5月6日``: the CJK year-month-day form, read as an ISO date.
_CJK_DATE_RE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")


def _normalise(text: str) -> str:
    """Markup removed, dashes and arrows unified, CJK dates as ISO, ``p.m.`` -> ``pm``,
    spaces collapsed."""
    text = _ARROW_RE.sub(" - ", text)
    text = _CJK_DATE_RE.sub(lambda m: f" {m[1]}-{int(m[2]):02d}-{int(m[3]):02d} ", text)
    text = _MARKUP_RE.sub(" ", text)
    text = _DASH_RE.sub("-", text)
    text = _AMPM_DOTS_RE.sub(r"\1m", text)
    text = _DAY_ARTICLE_RE.sub(", ", text)
    text = text.replace("\u00a0", " ").replace("\u202f", " ")
    return " ".join(text.split())


# ``Donnerstag, dem 12. Mai``, ``jeudi le 9 mars``, ``el jueves, 3 de``: an article between
# the weekday and the day's number, which the date parsers do not expect
_DAY_ARTICLE_RE = re.compile(r"(?<=[a-zäéè]),?\s+(?:dem|den|le|el)\s+(?=\d{1,2}(?:\.|\s|er\b))",
                             re.I)


def _mask(text: str, span: tuple[int, int]) -> str:
    return text[: span[0]] + " " * (span[1] - span[0]) + text[span[1] :]


@dataclass
class _ClockTime:
    hour: int
    minute: int
    marker: str | None  # "a" / "p" / None
    word: bool = False  # noon/midnight: absolute
    zero_padded: bool = False  # "09:00": a 24-hour clock


def _clock(m: re.Match[str], p: str) -> _ClockTime | None:
    word = m.group(f"{p}word")
    if word:
        w = word.lower()
        return _ClockTime(0 if w == "midnight" else 12, 0, None, word=True)
    h = int(m.group(f"{p}h"))
    minute = int(m.group(f"{p}m") or 0)
    marker = (m.group(f"{p}ap") or m.group(f"{p}ap1") or "").lower() or None
    if minute > 59 or h > 24 or (marker and not 1 <= h <= 12):
        return None
    if h == 24:
        if minute:
            return None
        h = 0
    return _ClockTime(h, minute, marker, zero_padded=m.group(f"{p}h").startswith("0"))


def _apply_marker(c: _ClockTime, marker: str | None) -> int:
    """24-hour value of ``c`` read with ``marker``."""
    if c.word or marker is None:
        return c.hour
    if marker == "a":
        return 0 if c.hour == 12 else c.hour
    return c.hour if c.hour == 12 else c.hour + 12


def _is_24h(c: _ClockTime) -> bool:
    return c.word or c.hour >= 13 or c.hour == 0 or c.zero_padded


def _unmarked(c: _ClockTime, warnings: list[str]) -> int:
    """An hour with no am/pm: the seminar convention reads 1:00-6:59 as pm."""
    if _is_24h(c) or c.marker:
        return _apply_marker(c, c.marker)
    if 1 <= c.hour <= 6:
        warnings.append("assumed pm")
        return c.hour + 12
    return c.hour


# a range read as longer than this after moving its start across noon is reported
LONG_SPAN_HOURS = 6


def _resolve_range(s: _ClockTime, e: _ClockTime, warnings: list[str]) -> tuple[dt.time, dt.time]:
    """Local start and end of a range, sharing one am/pm marker where only one is given."""
    if e.marker and not s.marker and not s.word:
        # "9:15-10:00am", "1:00-1:45pm", "11-12pm": the end's marker applies to the
        # start unless that would put the start after the end.
        end_h = _apply_marker(e, e.marker)
        start_h = _apply_marker(s, e.marker)
        if (start_h, s.minute) > (end_h, e.minute) and not _is_24h(s):
            start_h = _apply_marker(s, "a" if e.marker == "p" else "p")
            if end_h - start_h > LONG_SPAN_HOURS:  # "5:00-4:00pm": a typo, not 11 hours
                warnings.append(f"time range {s.hour}:{s.minute:02d}-{e.hour}:{e.minute:02d}"
                                f"{e.marker}m read as {end_h - start_h} hours: am/pm unclear")
        if _is_24h(s):
            start_h = s.hour
    elif s.marker and not e.marker and not e.word:
        start_h = _apply_marker(s, s.marker)
        end_h = _apply_marker(e, s.marker)
        if (end_h, e.minute) < (start_h, s.minute) and not _is_24h(e):
            end_h = _apply_marker(e, "p" if s.marker == "a" else "a")
        if _is_24h(e):
            end_h = e.hour
    elif s.marker or e.marker or s.word or e.word:
        start_h = _apply_marker(s, s.marker)
        end_h = _apply_marker(e, e.marker)
        if s.word and not e.marker and not _is_24h(e) and e.hour < 12:
            end_h = e.hour + 12  # "noon-1:30"
    elif _is_24h(s) or _is_24h(e):
        start_h, end_h = s.hour, e.hour
    else:
        start_h = _unmarked(s, warnings)
        end_h = e.hour
        # the end is the first reading of its hour not before the start
        if (end_h, e.minute) <= (start_h, s.minute) and end_h < 12:
            end_h += 12
    start = dt.time(start_h % 24, s.minute)
    end = dt.time(end_h % 24, e.minute)
    return start, end


def _find_times(text: str, warnings: list[str]) -> tuple[dt.time | None, dt.time | None, str]:
    """Start and end time in ``text`` (lower-case, normalised) and the text with them masked."""
    if not _TIME_HINT_RE.search(text):
        return None, None, text
    for m in _RANGE_RE.finditer(text):
        s, e = _clock(m, "s"), _clock(m, "e")
        if s is None or e is None:
            continue
        has_clue = any(
            m.group(g)
            for g in ("sm", "em", "sap", "sap1", "eap", "eap1", "sword", "eword", "shx", "ehx")
        )
        if not has_clue:
            continue  # "3-4": a date range or a count, not a time
        if not m.group("at") and _MONTH_BEFORE_RE.search(text, 0, m.start()):
            continue  # "Oct. 3 - 4:15pm": the 3 is the day of the month
        if not any(m.group(g) for g in ("sm", "sap", "sap1", "shx")):
            # a bare start hour needs a marked or minuted end ("3-4pm", "3-4:30")
            if not (m.group("em") or m.group("eap") or m.group("eap1") or m.group("eword")):
                continue
        start, end = _resolve_range(s, e, warnings)
        return start, end, _mask(text, m.span())
    for m in _SINGLE_RE.finditer(text):
        c = _clock(m, "s")
        if c is None:
            continue
        clue = m.group("sm") or m.group("sap") or m.group("sap1") or m.group("sword")
        # ``15h`` (French style); a small bare ``2h`` is a duration, not a clock time
        clue = clue or (m.group("shx") and (int(m.group("sh")) >= 7 or m.group("sh")[0] == "0"))
        if not clue and not m.group("at"):
            continue
        if m.group("ssep") == "." and not m.group("at") and not (m.group("sap") or m.group("sap1")):
            # "14.00" is a time only in a clearly clock-like reading
            if not _is_24h(c):
                continue
        if c.marker:
            hour = _apply_marker(c, c.marker)
        else:
            hour = _unmarked(c, warnings)
        return dt.time(hour % 24, c.minute), None, _mask(text, m.span())
    return None, None, text


def _valid_date(y: int, mo: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, mo, d)
    except ValueError:
        return None


def _two_digit_year(y: str | None, reference: dt.date | None = None) -> int | None:
    """A year as written; a two-digit one in the century that puts it nearest the
    document's own reference date (``97`` in a 1997 posting), else pivoted at 1970."""
    if not y:
        return None
    v = int(y)
    if len(y) == 4:
        return v
    if reference is not None:
        base = reference.year - reference.year % 100
        return min((base - 100 + v, base + v, base + 100 + v),
                   key=lambda c: abs(c - reference.year))
    return 2000 + v if v < 70 else 1900 + v


def _numeric_order(a: int, b: int, day_first: bool | None) -> tuple[int, int] | None:
    """(month, day) of a numeric ``a/b`` date: a part above 12 is the day; otherwise the
    page's convention (``day_first``), US month-first when it is unknown."""
    if a > 12 and b <= 12:
        return b, a
    if b > 12 and a <= 12:
        return a, b
    if a > 12 or b > 12:
        return None
    return (b, a) if day_first else (a, b)


def numeric_order(texts: Iterable[str | None]) -> bool | None:
    """The numeric-date convention one document settles for all its dates: day-first when
    some ``a/b`` date has a day above 12 in front (``18/04/2024``) and none behind, month-
    first the other way round, None when no date settles it or the dates disagree. A page
    writes all its dates one way, so ``11/04/2024`` beside ``18/04/2024`` is the 11th of
    April, with no guess."""
    day_first = month_first = False
    for text in texts:
        for m in _NUM_DATE_RE.finditer(text or ""):
            a, b = int(m.group(1)), int(m.group(2))
            day_first |= 12 < a <= 31 and 1 <= b <= 12
            month_first |= 12 < b <= 31 and 1 <= a <= 12
    if day_first == month_first:
        return None
    return day_first


# what ``_find_date_by_rules`` answers when no rule found a date: dateparser is next
_PARSER_NEEDED = (0, 0, 0)


def _find_date_by_rules(
    text: str, day_first: bool | None, guesses: list[str] | None, reference: dt.date | None,
) -> tuple[tuple[int | None, int, int] | None, str]:
    """``_find_date`` by its patterns alone: the date and the masked text, or
    ``_PARSER_NEEDED`` and the text unchanged when none matched."""
    for rx, order in ((_ISO_DATE_RE, "ymd"), (_DOT_DATE_RE, "dmy")):
        m = rx.search(text)
        if m:
            a, b, c = m.groups()
            if order == "ymd":
                y, mo, d = int(a), int(b), int(c)
            else:
                d, mo, y = int(a), int(b), _two_digit_year(c, reference) or 0
            if 1 <= mo <= 12 and 1 <= d <= 31:
                return (y, mo, d), _mask(text, m.span())
    m = _DMY_SHORT_RE.search(text)
    if m:  # ``03-Feb-97``, ``3 Feb '97``: a month name with a two-digit year
        d = int(m.group("d"))
        if 1 <= d <= 31:
            y = _two_digit_year(m.group("yy"), reference)
            return (y, MONTHS[m.group("mon").lower()], d), _mask(text, m.span())
    for rx in (_MDY_RE, _DMY_RE):
        m = rx.search(text)
        if m:
            mon = MONTHS[m.group("mon").lower()]
            d = int(m.group("d"))
            if 1 <= d <= 31:
                y = int(m.group("y")) if m.group("y") else None
                return (y, mon, d), _mask(text, m.span())
    m = _NUM_DATE_RE.search(text)
    if m:
        a, b = int(m.group(1)), int(m.group(2))
        order = _numeric_order(a, b, day_first)
        if order is not None and 1 <= order[0] <= 12 and 1 <= order[1] <= 31:
            if guesses is not None and a != b and 1 <= a <= 12 and 1 <= b <= 12:
                guesses.append("day/month" if day_first else "month/day")
            return (_two_digit_year(m.group(3), reference), *order), _mask(text, m.span())
    return _PARSER_NEEDED, text


def _find_date(
    text: str, day_first: bool | None = None, guesses: list[str] | None = None,
    reference: dt.date | None = None,
) -> tuple[tuple[int | None, int, int] | None, str]:
    """(year or None, month, day) in ``text`` and the text with it masked. A numeric date
    whose order only the convention decides (``12/10/2023``) appends to ``guesses`` how it
    was read; a two-digit year is placed by ``reference`` (the document's date)."""
    ymd, text = _find_date_by_rules(text, day_first, guesses, reference)
    return _find_date_by_parser(text) if ymd is _PARSER_NEEDED else (ymd, text)


def _find_date_by_parser(text: str) -> tuple[tuple[int | None, int, int] | None, str]:
    """A date in words dateparser reads (the costly last resort of ``_find_date``); the
    text comes back as it was (the date is not masked)."""
    if re.search(rf"\b(?:{_MONTH_ALT})\b", text, re.I):
        data = _date_parser().get_date_data(text)
        if data.date_obj is not None and data.period == "day":
            y = data.date_obj.year if _YEAR_RE.search(text) else None
            return (y, data.date_obj.month, data.date_obj.day), text
    parser = None
    if re.search(r"\d", text):
        if _INTL_MONTH_RE.search(text):
            # ``Quinta-feira, 27 de março de 2025``, ``jeudi 12 octobre``: other languages
            parser = _intl_date_parser()
        elif (script := _script_of(text)) is not None:
            parser = _script_date_parser(script)  # ``ספטמבר 7, 2017``, ``7 сентября 2017``
    if parser is not None:
        data = parser.get_date_data(text)
        if data.date_obj is not None and data.period == "day":
            y = data.date_obj.year if _YEAR_RE.search(text) else None
            return (y, data.date_obj.month, data.date_obj.day), text
    return None, text


def _script_of(text: str) -> str | None:
    """The first non-Latin script of ``SCRIPT_LANGUAGES`` whose letters ``text`` holds."""
    for ch in text:
        if ch.isalpha() and not ch.isascii():
            script = unicodedata.name(ch, "").split(" ", 1)[0]
            if script in SCRIPT_LANGUAGES:
                return script
    return None


@cache
def _script_date_parser(script: str) -> DateDataParser:
    """The parser for the languages written in ``script``, built once per script."""
    return _parser(list(SCRIPT_LANGUAGES[script]), "DMY")


def _day_first_in(zone: str | None) -> bool | None:
    """The numeric-date convention of a zone's region: month-first in the Americas (and
    the US Pacific), day-first elsewhere; None for UTC or no zone."""
    if zone is None or zone in ("UTC", "Etc/UTC") or zone.startswith("Etc/"):
        return None
    return not zone.startswith(("America/", "Pacific/", "US/"))


def _offset_zone(sign: str, hours: int, minutes: int) -> str | None:
    """``+2`` -> ``Etc/GMT-2`` (the Etc/ signs are inverted); None for a fractional offset,
    which no IANA ``Etc`` zone expresses."""
    if minutes:
        return _FRACTIONAL_OFFSET_ZONES.get((sign, hours, minutes))
    if hours > 14:
        return None
    if hours == 0:
        return "UTC"
    return f"Etc/GMT{'-' if sign == '+' else '+'}{hours}"


def _zone_in_phrase(text: str) -> tuple[str | None, str]:
    """A zone the phrase names (``14:00 CET``, ``UTC+2``, ``Europe/Lisbon``, ``Paris time``,
    ``1pm Pacific``) and the text without it."""
    # each pattern is tried only when the text holds what it cannot match without (a
    # ``UTC``/``GMT``, a slash, the word ``time``, a capital, a digit or ``noon``)
    upper = bool(_CAPITAL_RE.search(text))
    timed = bool(_TIME_WORD_RE.search(text))
    m = _OFFSET_ZONE_RE.search(text) if "UTC" in text or "GMT" in text else None
    if m:
        zone = _offset_zone(m.group("sign"), int(m.group("h")), int(m.group("m") or 0))
        if zone:
            return zone, _mask(text, m.span())
    for m in _IANA_RE.finditer(text) if "/" in text or "UTC" in text else ():
        if m.group(0) in _available_zones():
            return m.group(0), _mask(text, m.span())
    m = _ZONE_NAME_RE.search(text) if timed else None
    if m:
        return ZONE_NAMES[" ".join(m.group("name").lower().split())], _mask(text, m.span())
    m = _ABBREV_RE.search(text) if upper else None
    if m:
        return ZONE_ABBREVIATIONS[m.group("abbr")], _mask(text, m.span())
    m = _BARE_ZONE_RE.search(text) if _TIME_HINT_RE.search(text) else None
    if m:
        return ZONE_NAMES[m.group("name").lower()], _mask(text, m.span("name"))
    for m in _CITY_TIME_RE.finditer(text) if timed and upper else ():
        zone = _zone_by_city().get(m.group("city").replace("_", " ").lower())
        if zone:
            return zone, _mask(text, m.span())
    return None, text


def _all_zones_masked(text: str) -> str:
    """``text`` with every zone it names masked (``12pm ET / 9am PT``)."""
    for _ in range(6):
        zone, masked = _zone_in_phrase(text)
        if zone is None:
            break
        text = masked
    return text


def _iso_datetime(text: str) -> tuple[When | None, str]:
    """An ISO 8601 date-time in ``text``, as a ``When`` whose zone is its offset."""
    m = _ISO_DATETIME_RE.search(text)
    if not m:
        return None, text
    date = _valid_date(int(m.group("y")), int(m.group("mo")), int(m.group("d")))
    hour = int(m.group("h") or m.group("h2"))
    minute = int(m.group("mi") or m.group("mi2"))
    if date is None or hour > 23 or minute > 59:
        return None, text
    when = When(date=date, start=dt.time(hour, minute))
    # ``2023-10-03 10:00-11:00``: after a space-separated clock without seconds a ``-`` opens
    # the end of a range; an offset there is written with ``T``, seconds or a ``+``
    offset = m.group("osign") and (
        m.group("t") or m.group("s") or m.group("osign") == "+"
    )
    if m.group("osign") and not offset:
        return when, _mask(text, (m.span()[0], m.start("osign")))
    if m.group("z"):
        when.timezone = "UTC"
    elif m.group("osign"):
        when.timezone = _offset_zone(m.group("osign"), int(m.group("oh")), int(m.group("om") or 0))
        if when.timezone is None:
            when.warnings.append(f"offset {m.group(0)[m.start('osign') - m.start() :]} has no zone")
    return when, _mask(text, m.span())


def _infer_year(
    month: int, day: int, weekday: int | None, reference: dt.date
) -> tuple[dt.date | None, bool]:
    """The year that puts month/day nearest on or after ``reference`` (a month of slack
    for talks announced just after they happened). A named weekday that fits only one of
    the reference's year and its two neighbours picks that year; else it breaks ties.
    Returns the date and whether the weekday agreed."""
    candidates = [
        d for y in (reference.year - 1, reference.year, reference.year + 1)
        if (d := _valid_date(y, month, day)) is not None
    ]  # fmt: skip
    if not candidates:
        return None, False
    if weekday is not None:
        # ``Wed, Jan 16`` with an update line of Sep 2019: the weekday fits one year only
        fits = [d for d in candidates if d.weekday() == weekday]
        if len(fits) == 1:
            return fits[0], True
    slack = reference - dt.timedelta(days=31)
    after = [d for d in candidates if d >= slack]
    pool = after or candidates
    if weekday is not None:
        matching = [d for d in pool if d.weekday() == weekday and abs((d - reference).days) < 300]
        if matching:
            return min(matching, key=lambda d: abs((d - reference).days)), True
    return min(pool, key=lambda d: abs((d - reference).days)), False


# --- public API ------------------------------------------------------------------


def parse_when(
    text: str,
    *,
    year: int | None = None,
    reference: dt.date | None = None,
    day_first: bool | None = None,
    zone: str | None = None,
) -> When | None:
    """Parse a date/time phrase; None when it states no date and no time.

    ``year`` is the year of the nearest heading (used when the phrase has none);
    ``reference`` the document's own date (used to infer a missing year when there
    is no heading year). Without either, a year-less date stays unknown.
    ``day_first`` is the page's numeric-date convention (``13/10/2023`` elsewhere on
    it); when None, a numeric date is month-first unless a part exceeds 12 or the
    phrase (else ``zone``, the zone the document states) is outside the Americas. An
    order that is only so inferred is a guess: the ``When`` says so in a warning
    (``ambiguous numeric date read as day/month``).
    """
    if not text or not text.strip():
        return None
    iso, iso_rest = _iso_datetime(text[:500])
    if iso is not None:
        iso_norm = _normalise(iso_rest)
        if iso.timezone is None and not iso.warnings:
            iso.timezone, _ = _zone_in_phrase(iso_norm)
        end_m = _RANGE_END_RE.search(iso_norm.lower())
        if end_m:
            iso.end = dt.time(int(end_m.group(1)), int(end_m.group(2)))
        return iso
    norm = _normalise(text)[:500]
    warnings: list[str] = []
    phrase_zone, work = _zone_in_phrase(norm)
    work = _all_zones_masked(work).lower()
    guesses: list[str] | None = [] if day_first is None else None
    if day_first is None:
        day_first = _day_first_in(phrase_zone or zone)
    # dates with digits only must be found before times ("2021-09-24 14:00")
    ymd: tuple[int | None, int, int] | None = None
    for rx in (_ISO_DATE_RE, _DOT_DATE_RE):
        if rx.search(work):
            ymd, work = _find_date(work, day_first, guesses, reference)
            break
    start, end, work = _find_times(work, warnings)
    if ymd is None:
        ymd, work = _find_date(work, day_first, guesses, reference)
    warnings += [f"ambiguous numeric date read as {g}" for g in guesses or []]
    wd_match = _WEEKDAY_RE.search(work)
    weekday = WEEKDAYS[wd_match.group("wd").lower()] if wd_match else None
    if ymd is None and start is None:
        return None

    date: dt.date | None = None
    if ymd is not None:
        y, mo, d = ymd
        weekday_checked = False
        if y is None and year is not None:
            y = year
            warnings.append("year inferred from heading")
        if y is not None:
            date = _valid_date(y, mo, d)
            if date is None:
                warnings.append(f"invalid date {y:04d}-{mo:02d}-{d:02d}")
        elif reference is not None:
            date, weekday_checked = _infer_year(mo, d, weekday, reference)
            if date is not None:
                warnings.append("year inferred from document date")
        else:
            warnings.append("date has no year")
        if date is not None and weekday is not None and not weekday_checked:
            if date.weekday() != weekday:
                warnings.append(
                    f"weekday {WEEKDAY_NAMES[weekday]} disagrees with {date.isoformat()}"
                )
    if start is not None and end is not None and end < start:
        warnings.append("end before start")
    return When(date=date, start=start, end=end, timezone=phrase_zone, warnings=warnings)


# --- date/time phrases inside prose ---------------------------------------------------

_PROSE_TIME = r"\d{1,2}(?::\d{2})?\s*(?:[ap]\.?\s?m\.?|h\b)?|noon|midnight"
_PROSE_TZ = r"(?:\s*\(?(?:[A-Z]{2,4}T|UTC|GMT|[A-Z]{3})\)?)?"
# A date/time phrase inside prose (``on Friday, Oct 7 at 3:30``, ``the 4th of May, 2pm``):
# located here (group ``when``), read by ``parse_when``.
WHEN_IN_PROSE_RE = re.compile(
    rf"(?P<when>(?:(?:{_WEEKDAY_ALT})\.?,?\s+)?"
    rf"(?:(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH_ALT})\.?(?:,?\s+\d{{4}})?"
    rf"|(?:{_MONTH_ALT})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    rf"|\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?"
    rf"|(?:{_WEEKDAY_ALT}))"
    rf"(?:,?\s*(?:at|from|,)?\s*(?:{_PROSE_TIME})(?:\s*(?:-|–|—|to|until)\s*(?:{_PROSE_TIME}))?"
    rf"{_PROSE_TZ})?)",
    re.I,
)
# A clock time alone in prose after ``at``/``from`` (``at 4pm``, ``from 3:30 to 5``).
TIME_IN_PROSE_RE = re.compile(
    rf"\b(?:at|from)\s+(?P<when>(?:{_PROSE_TIME})(?:\s*(?:-|–|—|to)\s*(?:{_PROSE_TIME}))?"
    rf"{_PROSE_TZ})",
    re.I,
)


def find_when_in_prose(text: str) -> re.Match[str] | None:
    """The first date(/time) phrase in a sentence (group ``when``), else None."""
    return WHEN_IN_PROSE_RE.search(text) if text else None


def zone_in(line: str) -> str | None:
    """The IANA zone a line consists of (``Europe/Lisbon``, ``(America/New_York)``), else None."""
    token = line.strip().strip("()[]")
    return token if "/" in token and token in _available_zones() else None


@per_document
def looks_like_when(text: str, *, loose: bool = False) -> bool:
    """True when ``text`` is mainly a date and/or time phrase (a line an extractor can skip).

    ``loose`` also accepts a short line most of which (60 %) is a date phrase found in
    prose (``Friday, Oct 7 at 3:30 in the big room``), as free-text announcements write it.
    """
    if loose and looks_like_when(text):
        return True
    if loose:
        line = text.strip()
        if not line or len(line) > 80 or not _DIGIT_OR_NOON_RE.search(line):
            return False  # the phrase must hold a digit or ``noon``: the line holds neither
        m = WHEN_IN_PROSE_RE.search(line)
        if not m or not _DIGIT_OR_NOON_RE.search(m.group("when")):
            return False
        return len(m.group("when")) >= 0.6 * len(line.strip(" .,;"))
    if not text or len(text) > 160:
        return False
    if not _WHEN_HINT_RE.search(text):
        return False  # no digit, clock word or month name: no date or time to find
    iso, rest = _iso_datetime(text)
    norm = _normalise(rest)
    if not norm:
        return iso is not None
    work = _all_zones_masked(norm).lower()
    warnings: list[str] = []
    found = iso is not None
    for rx in (_ISO_DATE_RE, _DOT_DATE_RE):
        if rx.search(work):
            ymd, work = _find_date(work)
            found = found or ymd is not None
            break
    start, _, work = _find_times(work, warnings)
    found = found or start is not None
    # a second range/time ("9:00-10:00 and 14:00-15:00") is still a when line (after no
    # first one the text is as it was: there is no second either)
    if start is not None:
        _, _, work = _find_times(work, warnings)
    ymd, work = _find_date_by_rules(work, None, None, None) \
        if not re.search(r"\b(?:19|20)\d\d-\d", work) else (None, work)
    # dateparser, when the rules found no date, leaves the text as it is: its answer
    # matters only when nothing else was found and no word is left over, so it is asked last
    parser_text = work if ymd is _PARSER_NEEDED else None
    found = found or (ymd is not None and ymd is not _PARSER_NEEDED)
    if not found and parser_text is None:
        return False
    work = _WEEKDAY_RE.sub(" ", work)
    work = _YEAR_RE.sub(" ", work)
    if _INTL_MONTH_RE.search(work):
        # ``jeudi 12 octobre 2023, 14h00``: the words of the phrase's own language
        leftovers = [w for w in _INTL_WORD_RE.findall(work)
                     if w not in _FILLER_WORDS and w not in _INTL_DATE_WORDS]
    else:
        leftovers = [w for w in _WORD_RE.findall(work) if w not in _FILLER_WORDS]
    if leftovers:
        return False
    return found or _find_date_by_parser(parser_text or "")[0] is not None


def find_timezone_cue(text: str) -> str | None:
    """The IANA zone a page states for its times (``All times listed are ET``), or None.

    Unambiguous cues (an IANA name, ``Eastern Time``) count anywhere; an abbreviation
    (``CEST``, ``ET``) only next to a clock time or in a ``times are ...`` statement,
    since any of them can be an ordinary acronym somewhere on a page (``Compass CDT``, a
    Centre for Doctoral Training, is not Central Daylight Time).
    """
    if not text:
        return None
    text = _normalise(text[:200_000]) if len(text) < 200_000 else _normalise(text[:200_000])
    for m in _IANA_RE.finditer(text):
        name = m.group(0)
        if name != "UTC" and name in _available_zones():
            return name
    m = _TIMES_ARE_RE.search(text)
    if m:
        return ZONE_NAMES[" ".join(m.group("name").lower().split())]
    m = _ZONE_NAME_RE.search(text)
    if m:
        return ZONE_NAMES[" ".join(m.group("name").lower().split())]
    m = _BARE_ZONE_RE.search(text)  # ``meets Thursdays at 4pm Pacific``
    if m:
        return ZONE_NAMES[m.group("name").lower()]
    for m in _ABBREV_RE.finditer(text):
        abbr = m.group("abbr")
        before = text[max(0, m.start() - 40) : m.start()]
        after = text[m.end() : m.end() + 12]
        near_time = bool(
            re.search(r"(?:\d(?:\s*[ap]m)?|noon)\s*[(,]?\s*$", before, re.I)
            or re.search(r"\btimes?\b[^.\n]{0,30}$", before, re.I)
            or re.search(r"^\s*\)?\s*time\b", after, re.I)
        )
        if not near_time:
            continue
        return ZONE_ABBREVIATIONS[abbr]
    m = _OFFSET_ZONE_RE.search(text)
    if m:
        zone, _ = _zone_in_phrase(m.group(0))
        return zone
    for m in _CITY_TIME_RE.finditer(text):
        zone = _zone_by_city().get(m.group("city").replace("_", " ").lower())
        if zone:
            return zone
    return None


# ``All times are CET``, ``(times listed in Pacific)``: a statement about every time of the
# document, wherever it stands (above the talks, under the day headings, in a footer)
_TIMES_STATEMENT_RE = re.compile(
    r"\btimes\b[^.\n]{0,30}?\b(?:are|listed|shown|given|in)\b", re.I)


def find_times_statement(text: str) -> str | None:
    """The zone of the first line of ``text`` that states where all times are (``All
    times are WEST (Lisbon)``); None without such a line. Unlike ``find_timezone_cue``
    this may read a whole document: only an explicit statement about the times counts."""
    for line in text.splitlines():
        if _TIMES_STATEMENT_RE.search(line):
            zone = find_timezone_cue(line)
            if zone:
                return zone
    return None


_ACADEMIC_YEAR_RE = re.compile(
    r"(?<![\d/-])(?P<y1>(?:19|20)\d\d)\s*[-–/]\s*(?P<y2>(?:19|20)?\d\d)(?![\d/-])")
# the month an academic year's second calendar year starts being the year (Jan)
# and the one its first year covers from (Aug): terms run Aug-Dec, then Jan-Jul
ACADEMIC_FIRST_MONTH = 8


def find_academic_year(text: str) -> tuple[int, int] | None:
    """The academic year a document states (``2022-23``, ``2022/2023``, ``2022–2023``):
    two consecutive years; None when there is none."""
    for m in _ACADEMIC_YEAR_RE.finditer(text[:5000]):
        y1 = int(m.group("y1"))
        y2s = m.group("y2")
        y2 = int(y2s) if len(y2s) == 4 else y1 - y1 % 100 + int(y2s)
        if y2 == y1 + 1:
            return y1, y2
    return None


def academic_date(day: dt.date, academic: tuple[int, int]) -> dt.date:
    """``day`` (whose year was inferred) moved into the academic year by its month."""
    year = academic[0] if day.month >= ACADEMIC_FIRST_MONTH else academic[1]
    try:
        return day.replace(year=year)
    except ValueError:  # 29 February
        return day


_REFERENCE_LINE_RE = re.compile(
    rf"^\W*(?:{'|'.join(REFERENCE_LINE_WORDS)})\b(?P<rest>.{{0,120}})$", re.I | re.M)


def find_reference_date(text: str) -> dt.date | None:
    """The date a line dating the document states (``Posted by Jane on 28-Jan-97``,
    ``Updated Sep 20, 2019``): the document's own reference date; None without one."""
    for m in _REFERENCE_LINE_RE.finditer(text):
        when = parse_when(m.group("rest"))
        if when is not None and when.date is not None:
            return when.date
    return None


def find_dated_line(text: str) -> dt.date | None:
    """The date of the first short line that states a full date with its year (``Tuesday,
    March 5, 2024, 4pm``, ``Last changed 2019-09-20``): any dated line dates the document
    when no posting or update line does. None without one; never the wall clock."""
    for line in text.splitlines()[:400]:
        one = line.strip()
        if not one or len(one) > 200 or not _YEAR_RE.search(one):
            continue
        when = parse_when(one)
        if when is not None and when.date is not None and str(when.date.year) in one:
            return when.date
    return None


# The warning of a talk whose date the document states without its day (``December 2017``,
# ``2015年10月``, a CV's ``2025``): the row is dated, coarsely, so it is not an empty record.
COARSE_DATE_WARNING = "date stated without its day"


@per_document
def find_year(text: str) -> int | None:
    """The first plausible year (1900-2099) stated in ``text``, or None.

    A year anywhere counts (a heading, a ``24 September 2021, 14:00`` date in a
    definition list); so does a term with a two-digit year (``Spring '22``).
    """
    if not text:
        return None
    m = _YEAR_RE.search(text)
    short = _SHORT_YEAR_RE.search(text, 0, m.start() if m else len(text))
    if short:
        yy = int(short.group("yy"))
        return 2000 + yy if yy < 70 else 1900 + yy
    return int(m.group(1)) if m else None


# the words a bare date or time line may hold besides its month and weekday names
_DATE_ONLY_WORDS = frozenset({*_FILLER_WORDS, "er", "de", "del", "of", "spring", "fall", "autumn",
                              "winter", "term", "semester"})


@lru_cache(maxsize=8192)
def is_date_only(text: str) -> bool:
    """Whether ``text`` is nothing but a date, a time, a year or a term (``Freitag,
    30.09.``, ``2014``, ``Monday 3 March``, ``14:00``, ``Fall 2023``), in any language
    the vocabulary knows.

    Why: a slot that should hold a title or a name sometimes gets the day heading of a
    table or a year heading. ``looks_like_when`` asks for a phrase it can parse; a day
    and month without a year in another language (``Samstag, 01.10.``) it cannot place,
    yet the line is as surely no title: every word of it is a date word and it holds a
    number."""
    line = text.strip()
    if not line or len(line) > 60 or not re.search(r"\d", line):
        return False
    if looks_like_when(line):
        return True
    words = [w.lower() for w in _INTL_WORD_RE.findall(line)]
    known = (_INTL_DATE_WORDS | _DATE_ONLY_WORDS | set(MONTHS) | set(WEEKDAYS))
    if any(w not in known for w in words):
        return False
    # digits and date punctuation only besides the words (no ``v2.0``-like versions)
    rest = _INTL_WORD_RE.sub(" ", line)
    return bool(re.fullmatch(r"[\d\s.,:/–—\-()'’]+", rest))
