"""Property-based: no input makes any registered extractor, or the normalise stage after it,
raise anything but the project's own error type."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractors import REGISTRY, get_extractor
from pipeline.errors import TalksError
from pipeline.normalise.stage import normalise
from pipeline.records import Document, Hints

WHEN = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)

# Fragments that steer random input towards each format's interesting paths.
FRAGMENTS = [
    "BEGIN:VCALENDAR\r\n", "BEGIN:VEVENT\r\n", "END:VEVENT\r\n", "END:VCALENDAR\r\n",
    "DTSTART:20240101T100000Z\r\n", "DTSTART;TZID=Europe/Paris:20240301T090000\r\n",
    "RRULE:FREQ=WEEKLY\r\n", "EXDATE:2024\r\n", "DURATION:PT1H\r\n", "SUMMARY:A: B\r\n",
    "---\ntitle: x\n---\n", "# Seminars\n", "## Monday, May 6\n", "### 9:15–10:00am\n",
    "* **Ada Lovelace, Professor, MIT**\n", "    * *Title*\n", "<table><tr><td>", "</td></tr>",
    "<div class='talk'>", "</div>", "<script>x()</script>", '<script type="application/ld+json">',
    '{"@type": "Event", "startDate": "2024-13-45"}', "Speaker: ", "Title: ", "Date: ",
    "Time: 3:30", "When: Friday, Oct 7 at 3:30 in Wean Hall", "From: a@b\nDate: Mon, 1 Jan 2024\n",
    "Subject: Talk\n\n", "Europe/Lisbon\nOnline\n", "Additional file\n", "\n\n", "\n", " — ",
    "%PDF-1.4\n", "Dr. ", "Prof. ", " and ", ", ", "(MIT)", "2:00-3:00pm", "noon", "TBA",
]

texts = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=40)), max_size=30).map(
    "".join
)


def _check(fmt: str, data: bytes) -> None:
    doc = Document(path="x", data=data, sha256="0", format=fmt, hints=Hints(timezone="UTC"))
    try:
        raws = get_extractor(fmt)(doc)
        normalise(doc, raws, WHEN)
    except TalksError:
        pass


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, st.sampled_from(sorted(REGISTRY)))
def test_text_inputs_raise_only_project_errors(text: str, fmt: str) -> None:
    _check(fmt, text.encode("utf-8", "surrogatepass"))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000), st.sampled_from(sorted(REGISTRY)))
def test_byte_inputs_raise_only_project_errors(data: bytes, fmt: str) -> None:
    _check(fmt, data)
