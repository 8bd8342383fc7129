"""The standing schedule a document states once for all its talks: one time and one place.

Why a module of its own: a page, a markdown listing and a plain-text notice all say it the
same ways (``Colloquia are held on Wednesdays at 4:15 pm in Jadwin Hall A10``, ``All talks
are at 3:30pm Pacific Time in Gates 104``, a header line ``Thursdays 2:30-3:30pm, Jeffery
Hall 101``), so every reader asks this one function, which its talks then inherit unless
they state their own (issue: document context from what is stated once).

A sentence counts when it speaks of the talks (a talk noun, ``we meet``, or a recurring
weekday), states a clock time and no calendar day of its own (a one-off announcement is not
a schedule). Logistics (``Refreshments at 3:45 pm``) are cut off first, so their times never
become a talk's. The time is checked by the shared date parser; the place is the
``in``/``at`` phrase left once the time is taken out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pipeline.memo import per_document
from pipeline.normalise import dates
from pipeline.normalise.text import is_location_line

_SUBJECT_RE = re.compile(
    r"\b(?:talks?|seminars?|colloqui(?:a|um)|lectures?|sessions?|meetings?|meets?|we\s+meet|"
    r"presentations?|(?:mon|tues|wednes|thurs|fri|satur|sun)days|every\s+\w+day)\b",
    re.I,
)
_LOGISTICS_RE = re.compile(
    r"\s*\(?\b(?:refreshments?|coffee|tea|lunch|snacks?|pizza|reception|dinner|breakfast|"
    r"cookies|drinks|pre-?talk|doors\s+open)\b",
    re.I,
)
_CLOCK = r"(?:\d{1,2}(?:[:h.]\d{2})\s*(?:[ap]\.?\s?m\.?)?|\d{1,2}\s*[ap]\.?\s?m\.?|noon)"
_CLOCK_SPAN_RE = re.compile(
    rf"(?<![\w:.])(?:from\s+|at\s+)?{_CLOCK}(?:\s*(?:-|–|—|to|until|till)\s*{_CLOCK})?(?![\w:])",
    re.I,
)
_END_RE = re.compile(
    rf"(?:,?\s*and\s+)?\b(?:finish(?:es)?|ends?|conclud(?:es?)|runs?\s+(?:until|till|to)|"
    rf"wraps?\s+up)(?:\s+(?:at|by|around|about))?\s+(?P<clock>{_CLOCK})(?![\w:])",
    re.I,
)
# ``in Room 101, Earth Sciences Building``: the phrase after ``in``/``at`` up to the end of
# its clause (a number's decimal point, ``Aula 1.14``, is no full stop)
_PLACE_RE = re.compile(
    r"\b(?:in|at)\s+(?:the\s+)?(?P<loc>[^\W_](?:[^.;()]|\.(?=\w))*?)(?=\s*,\s*(?:unless|"
    r"except|with|starting|from|and\s+(?:online|on)|or\b|which|where|followed)|\s*[.;(](?:\s|$)"
    r"|\s*\(|\s*$|\s+(?:unless|except|and|but|with|where|followed)\b)"
)
# ``Thursdays 2:30-3:30pm, Jeffery Hall 101``, ``Every other Tuesday at noon, MS 6221``: a
# short line that opens with a recurring weekday states the standing schedule by itself.
_RECURRING_DAY_RE = re.compile(
    r"^\W*(?:(?:every|each)\s+(?:other\s+|second\s+)?(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*"
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)days)\b",
    re.I,
)
_MAX_PLACE_WORDS = 10


def standing_schedule(texts: Iterable[str], *, wrapped: bool = False,
                      ) -> tuple[str | None, str | None]:
    """(time span, place) the texts state for every talk, each None when not stated.

    ``texts`` are a page's blocks, each read on its own, or with ``wrapped`` the lines of
    one text whose sentences run over line breaks (a plain-text notice)."""
    texts = list(texts)
    if (found := _schedule_line(texts)) is not None:
        return found
    for text in [" ".join(texts)] if wrapped else texts:
        flat = " ".join(text.split())
        for sentence in re.split(r"(?<=[.!?;])\s+", flat):
            if len(sentence) > 300:
                continue
            part = _LOGISTICS_RE.split(sentence, maxsplit=1)[0]
            if not _SUBJECT_RE.search(part) or states_date(part):
                continue
            m = next((c for c in _CLOCK_SPAN_RE.finditer(part) if states_time(c.group())), None)
            if m is None:
                continue
            span = re.sub(r"^(?:from|at)\s+", "", " ".join(m.group().split()), flags=re.I)
            rest = f"{part[: m.start()]} , {part[m.end():]}"
            end = _END_RE.search(rest)
            if end is not None:
                if not re.search(r"[-–—]|\b(?:to|until|till)\b", span):
                    # ``start at 18:00 ... and finish at 19:30``: one span in two clauses
                    clock = re.sub(r"(?<=[ap]m)\.$", "", " ".join(end["clock"].split()),
                                   flags=re.I)
                    span = f"{span} – {clock}"
                rest = f"{rest[: end.start()]} , {rest[end.end():]}"
            return span, _place(rest)
    return None, None


def _schedule_line(lines: list[str]) -> tuple[str, str | None] | None:
    """(time span, place) of a short header line giving the standing schedule."""
    for line in lines:
        one = " ".join(line.split())
        if not one or len(one.split()) > 15 or not _RECURRING_DAY_RE.match(one) \
                or states_date(one):
            continue
        m = next((c for c in _CLOCK_SPAN_RE.finditer(one) if states_time(c.group())), None)
        if m is None:
            continue
        span = re.sub(r"^(?:from|at)\s+", "", " ".join(m.group().split()), flags=re.I)
        rest = re.sub(r"\s*\([^()]*\)", "", one[m.end():]).strip(" ,;|–—-")  # ``(unless noted)``
        place = None
        for seg in re.split(r"\s*[,;|]\s*|\s+[–—-]\s+|\s+(?:in|at)\s+(?:the\s+)?", rest):
            seg = re.sub(r"^(?:in|at)\s+(?:the\s+)?", "", seg.strip(" ."), flags=re.I)
            if _is_place(seg, 8):
                place = seg
                break
        return span, place
    return None


def _place(rest: str) -> str | None:
    """The first ``in``/``at`` phrase of ``rest`` that reads as a place."""
    for m in _PLACE_RE.finditer(rest):
        loc = m["loc"].strip(" ,")
        if _is_place(loc, _MAX_PLACE_WORDS):
            return loc
    return None


def _is_place(text: str, max_words: int) -> bool:
    return bool(text) and len(text.split()) <= max_words and bool(re.search(r"[A-Z0-9]", text)) \
        and not dates.looks_like_when(text, loose=True) and not _SUBJECT_RE.fullmatch(text) \
        and (is_location_line(text) or bool(re.search(r"\d", text)))


def states_date(text: str) -> bool:
    """True when ``text`` names a calendar day (with or without a year)."""
    return _states(text)[0]


def states_time(text: str) -> bool:
    """True when ``text`` names a clock time."""
    return _states(text)[1]


@per_document
def _states(text: str) -> tuple[bool, bool]:
    """(names a day, names a clock time): one reading for both questions, which the
    readers ask of the same lines one after the other."""
    w = dates.parse_when(text, year=2000)
    return (w is not None and w.date is not None, w is not None and w.start is not None)
