"""The parse floor: what reading a document costs with the field libraries alone.

For each format, the least any reader of it must do: parse an iCalendar feed and expand
its recurrences over the window the pipeline uses (icalendar + recurring-ical-events),
render markdown and parse the HTML (markdown-it + BeautifulSoup/lxml), parse HTML, list
a PDF's words with their font sizes (pdfplumber), decode plain text. ``bench_floor.py``
times these beside the pipeline on the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable

from pipeline.decode import decode_text

HORIZON = dt.timedelta(days=365)  # extractors.ics_calendar.DEFAULT_HORIZON_DAYS


def _naive_utc(value: dt.date | dt.datetime) -> dt.datetime:
    if not isinstance(value, dt.datetime):
        return dt.datetime(value.year, value.month, value.day)
    if value.tzinfo is not None:
        value = value.astimezone(dt.UTC).replace(tzinfo=None)
    return value


def parse_ics(data: bytes) -> int:
    import icalendar
    import recurring_ical_events

    count = 0
    for cal in icalendar.Calendar.from_ical(decode_text(data), multiple=True):
        starts = [
            _naive_utc(e["DTSTART"].dt) for e in cal.walk("VEVENT") if e.get("DTSTART")
        ]
        if not starts:
            continue
        lo, hi = min(starts) - dt.timedelta(days=1), max(starts) + HORIZON
        count += len(recurring_ical_events.of(cal).between(lo, hi))
    return count


def parse_html(data: bytes) -> int:
    from bs4 import BeautifulSoup

    return len(BeautifulSoup(decode_text(data), "lxml").get_text("\n"))


def _renderer():
    from markdown_it import MarkdownIt

    global _MD
    if _MD is None:
        _MD = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    return _MD


_MD = None


def parse_markdown(data: bytes) -> int:
    from bs4 import BeautifulSoup

    return len(BeautifulSoup(_renderer().render(decode_text(data)), "lxml").get_text("\n"))


def parse_pdf(data: bytes) -> int:
    import pdfplumber

    words = 0
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            words += len(page.extract_words(extra_attrs=["size", "fontname"]))
    return words


def parse_text(data: bytes) -> int:
    return len(decode_text(data).splitlines())


FLOOR: dict[str, Callable[[bytes], int]] = {
    "ics": parse_ics,
    "html": parse_html,
    "markdown": parse_markdown,
    "pdf": parse_pdf,
    "slides_text": parse_text,
    "text": parse_text,
}
