"""What a listing page states once for all its talks, and where its listing is.

Besides the talks themselves a page says things that hold for every talk: its title
(which may name the series), a venue (``Talks take place in Room 3``), a standing
schedule (``Colloquia are held on Wednesdays at 4:15 pm in Jadwin A10``). This module
finds the element that holds the listing, reads those page-wide statements into a
``Page`` and applies them to each talk that does not state its own. It exists apart from
``listing`` because these rules read sentences of page prose, not the records of talks.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from bs4 import BeautifulSoup
from bs4.element import Tag

from pipeline.normalise import agenda, dates, siblings, text
from pipeline.normalise.vocab import SERIES_NOUNS_INTL
from pipeline.records import RawTalk

_VENUE_RES = (
    re.compile(
        r"\b(?:take|takes|will\s+take|taking)\s+place\s+(?:at|in)\s+(?:the\s+)?"
        r"(.+?)(?:\.(?:\s|$)|$)",
        re.I,
    ),
    re.compile(
        r"\b(?:held|hosted|meets?)\s+(?:at|in)\s+(?:the\s+)?(.+?)(?:\.(?:\s|$)|$)", re.I
    ),
    # ``Talks are in Room 120, ...``, ``All lectures will be at the Bayes Centre``
    re.compile(
        r"\b(?:talks?|seminars?|lectures?|colloqui(?:a|um)|sessions?|meetings?|events?)\s+"
        r"(?:are|is|will\s+be)\s+(?:(?:all|usually|normally|always)\s+)?(?:at|in)\s+"
        r"(?:the\s+)?(.+?)(?:\.(?:\s|$)|$)",
        re.I,
    ),
    re.compile(r"^\s*(?:location|venue|where|place)\s*[:：]\s*(?:the\s+)?(.+?)\.?\s*$", re.I),
)
_EVENT_NOUNS = re.compile(
    r"\b(?:" + "|".join(SERIES_NOUNS_INTL) + r"|"
    r"seminars?|colloqui(?:um|a)|series|lectures?|workshops?|symposi(?:um|a)|"
    r"conferences?|schools?(?!\s+of\b)|forums?|meetings?|webinars?|brown[\s-]?bags?|"
    r"(?:journal|book)\s+clubs?|(?:reading|discussion|study)\s+groups?)\b",
    re.I,
)
# an archive page's own label (``Category: Seminars``, ``Tag Archives: talks``)
_ARCHIVE_LABEL_RE = re.compile(
    r"^\s*(?:category|categories|tag|tags|topic|archives?|month|year|author)"
    r"(?:\s+archives?)?\s*:\s*",
    re.I,
)
_GENERIC_TITLE_WORDS = frozenset(
    "agenda schedule program programme upcoming past previous current talks talk events event "
    "the and of a an page list archive home calendar speakers news seminars seminar colloquium "
    "colloquia series lecture lectures workshop workshops symposium conference school forum "
    "meeting meetings spring summer fall autumn winter term semester our all weekly".split()
)
_PAGE_WORDS = r"(?:archives?|schedule|program(?:me)?|agenda|calendar|page|list|talks|events)"
_PAGE_WORDS_TAIL_RE = re.compile(rf"(?:\s*[:,-]?\s+{_PAGE_WORDS})+\s*$", re.I)
_PAGE_WORDS_HEAD_RE = re.compile(
    r"^(?:(?:upcoming|past|previous|current)\s+)+(?:talks\s+(?:of|in|at)\s+(?:the\s+)?)?",
    re.I,
)
_YEAR_TOKEN_RE = re.compile(r"^(?:19|20)\d\d$")
# standing schedules: what a sentence must speak of, where logistics start, clock spans
_PLACE_RE = re.compile(
    r"\b(?:in|at)\s+(?:the\s+)?([^,;()]+?)(?=\s*(?:[,;(]|\.(?:\s|$)|\bunless\b|"
    r"\bexcept\b|\bor\b|$))",
    re.I,
)
VENUE_WORD_RE = re.compile(
    r"\b(?:[A-Z]{0,3}-?\d{1,4}(?:[-.]\d{1,4})?[A-Z]?(?<!\b(?:19|20)\d\d))\b|\b(?:room|hall|building|bldg|auditorium|theat(?:er|re)|lab|laboratory|library|"
    r"center|centre|campus|online|zoom|webex|teams|virtual|hybrid)\b",
    re.I,
)


@dataclass
class Page:
    """What the page says about all its talks."""

    title: str | None = None
    series: str | None = None
    year: int | None = None
    reference_date: dt.date | None = None
    timezone: str | None = None
    location: str | None = None
    base_url: str | None = None
    standing_time: str | None = None  # ``4:15 pm`` from ``Talks are held on Wednesdays at ...``


def content_root(soup: BeautifulSoup) -> Tag | None:
    """The element holding the listing: ``main``/``[role=main]``/``#content``/one ``article``,
    else the body (furniture is already removed)."""
    for finder in (
        lambda: soup.find("main"),
        lambda: soup.find(attrs={"role": "main"}),
        lambda: soup.find(id=re.compile(r"^(?:main-?)?content$", re.I)),
    ):
        found = finder()
        if isinstance(found, Tag) and found.get_text(strip=True):
            return found
    articles = soup.find_all("article")
    if len(articles) == 1 and articles[0].get_text(strip=True):
        return articles[0]
    return soup.body or soup


def series_from_title(*titles: str | None) -> str | None:
    for title in titles:
        if not title:
            continue
        for part in re.split(r"\s+(?:[|·•»]|::)\s+|\s+[-–—]\s+", title):
            part = part.strip()
            if not part or _ARCHIVE_LABEL_RE.match(part) or siblings.agenda_slot(part) or not (
                _EVENT_NOUNS.search(part) or agenda.is_series_name(part)
            ):
                continue
            words = re.findall(r"[\w'&∩+-]+", part.lower())
            if len(words) < 2:
                continue  # ``Seminars``, ``Семинары``: the page's name, not a series'
            rest = [w for w in words if w not in _GENERIC_TITLE_WORDS]
            if any(not _YEAR_TOKEN_RE.match(w) for w in rest) or (rest and len(words) > 2):
                # ``Theory Seminar Archive``, ``Past Talks of the X Seminar``: the page's
                # own words around the series' name are not part of it
                trimmed = _PAGE_WORDS_TAIL_RE.sub("", _PAGE_WORDS_HEAD_RE.sub("", part))
                return trimmed if _EVENT_NOUNS.search(trimmed) else part
    return None


def venue(texts: Iterable[str]) -> str | None:
    """The venue a page states for all its talks: a ``Venue:`` field (also as one part of a
    ``13–14 June 2024 · Venue: ...`` line) or a sentence (``Talks take place in ...``)."""
    for line in texts:
        for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z])|\s+[·•|]\s+", line):
            for rx in _VENUE_RES:
                m = rx.search(sentence)
                if m:
                    venue = _end_of_place(m.group(1)).strip().rstrip(".,;")
                    venue = _before_schedule(venue)
                    if not venue:
                        continue  # ``talks are at 4 pm in Evans 939``: a standing schedule
                    if 2 <= len(venue) <= 150 and (
                        rx is _VENUE_RES[-1] or VENUE_WORD_RE.search(venue)
                        or venue[:1].isupper()
                    ):
                        return venue
    return None


# where a place phrase ends: a new clause (``..., and streamed on YouTube``, ``... and finish
# at 19:30``), not a second room (``Room 1 and Room 2``, ``G.07 and on Teams``)
_PLACE_END_RE = re.compile(
    r",?\s+(?:and|but|with|where|followed)\s+(?!on\b|online\b|via\b|in\b|at\b)(?=[a-z])|"
    r",\s+(?=(?:which|where|followed|with|unless|except)\b)|\s*;|"
    # ``Physics 1.01 unless otherwise noted``: the page's default, not part of the place
    r"\s+(?=(?:unless|except)\b)|\s*\((?=(?:unless|except)\b)",
)


_CLOCK = r"(?:\d{1,2}(?:[:h]\d{2})\s*(?:[ap]\.?\s?m\.?)?|\d{1,2}\s*[ap]\.?\s?m\.?|noon)"
_WHEN_CLAUSE_RE = re.compile(
    rf",?\s*\b(?:on|every|each)\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)days?|"
    rf"alternate|other)\b|,?\s*\b(?:at|from)\s+{_CLOCK}|{_CLOCK}",
    re.I,
)


def _before_schedule(venue: str) -> str:
    """``Room 1.04, Maths Building, on Fridays at 2 pm`` -> ``Room 1.04, Maths Building``:
    a venue phrase ends where the schedule's own words (weekday, clock time) begin."""
    m = _WHEN_CLAUSE_RE.search(venue)
    return (venue[: m.start()] if m else venue).strip(" ,;")


def _end_of_place(place: str) -> str:
    m = _PLACE_END_RE.search(place)
    return place[: m.start()] if m else place


def apply_page(talk: RawTalk, page: Page) -> None:
    label, rest = text.split_event_label(talk.title)
    if label:
        # the label says what kind of event, not what the talk is about
        talk.title = rest
        talk.kind = agenda.classify_kind(rest, label)
    if talk.year_hint is None and talk.reference_date is None:
        # a talk dated by its own post (``Posted on ...``) takes its year from that date,
        # not from the first year anywhere on the page
        talk.year_hint = page.year
    if talk.reference_date is None:
        talk.reference_date = page.reference_date
    if talk.timezone is None:
        talk.timezone = page.timezone
    if talk.location is None:
        talk.location = page.location
    if talk.series is None:
        talk.series = page.series
    if page.standing_time and talk.when_text and talk.start is None:
        parsed = dates.parse_when(
            talk.when_text, year=talk.year_hint, reference=talk.reference_date
        )
        if parsed is not None and parsed.date is not None and parsed.start is None:
            talk.when_text = f"{talk.when_text}, {page.standing_time}"
            talk.warnings.append("time from the page's standing schedule")


