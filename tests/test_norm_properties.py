"""Property tests: the shared parsers never raise, whatever the text."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.normalise.agenda import classify_kind, is_non_talk
from pipeline.normalise.dates import find_timezone_cue, find_year, looks_like_when, parse_when
from pipeline.normalise.people import looks_like_person_name, parse_speakers
from pipeline.normalise.text import clean_text, clean_title, is_placeholder, strip_label

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# text built from the alphabet these parsers care about, so the search reaches their branches
_ALPHABET = st.sampled_from(
    list("0123456789:-–—/.,;()[]*_#&@ \n\tapmAPMTESCUGBZ") + ["noon", "Friday", "March", " and "]
)
interesting = st.lists(_ALPHABET, max_size=60).map("".join)
texts = st.one_of(st.text(max_size=300), interesting)
long_texts = st.text(min_size=2000, max_size=6000)


@SETTINGS
@given(texts, st.one_of(st.none(), st.integers(1900, 2100)), st.one_of(st.none(), st.dates()))
def test_parse_when_never_raises(text: str, year: int | None, ref: dt.date | None) -> None:
    w = parse_when(text, year=year, reference=ref)
    if w is not None:
        assert w.date is None or isinstance(w.date, dt.date)
        assert isinstance(w.warnings, list)


@SETTINGS
@given(texts)
def test_date_helpers_never_raise(text: str) -> None:
    assert isinstance(looks_like_when(text), bool)
    zone = find_timezone_cue(text)
    assert zone is None or isinstance(zone, str)
    year = find_year(text)
    assert year is None or 1900 <= year <= 2100


@SETTINGS
@given(texts)
def test_people_never_raise(text: str) -> None:
    for sp in parse_speakers(text):
        assert sp.name
    assert isinstance(looks_like_person_name(text), bool)


@SETTINGS
@given(texts)
def test_text_never_raises(text: str) -> None:
    out = clean_text(text)
    assert out is None or (out.strip() == out and "\n\n\n" not in out)
    title = clean_title(text)
    assert title is None or "\n" not in title
    is_placeholder(text)
    strip_label(text, ("abstract", "bio"))
    is_non_talk(text)
    assert classify_kind(text) in ("talk", "remarks", "panel", "lecture", "tutorial")


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(long_texts)
def test_long_strings(text: str) -> None:
    parse_when(text, year=2020)
    looks_like_when(text)
    find_timezone_cue(text)
    find_year(text)
    parse_speakers(text)
    looks_like_person_name(text)
    clean_text(text)
    clean_title(text)
