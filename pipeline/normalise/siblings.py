"""Rows judged by their document's other rows: which records are talks, which titles are
labels.

Why a module of its own: an extractor sees one record at a time, but whether a record is
a talk, and whether its title is a title, is decided by the document as a whole. All
the items of one page share one shape; a row that lacks what nearly all its siblings
have (a named person), a row that carries nothing a talk has (no person, no date, no
abstract, no link: a ``Contact`` heading read as a record), and a "title" that several
rows with different speakers repeat (``Keynote``, ``Journal Club``: the slot's type, not
its title) are told apart here, for every format alike. Every row dropped gets a note
for the run report; every title taken away leaves a warning on its row.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from pipeline.normalise import agenda, dates
from pipeline.normalise.text import fold_accents
from pipeline.normalise.vocab import (
    AGENDA_SLOT_FILLERS,
    AGENDA_SLOT_WORDS,
    EVENT_LABEL_NOUNS,
    MEETING_PATTERNS,
    NON_TALK_PATTERNS,
    PAGE_SECTION_HEADINGS,
    SESSION_PATTERNS,
)

# a record lacking a person that this share of its (at least MIN_SIBLINGS) siblings name is
# an agenda item (a lunch event, an anthem, a session header), not a talk
SIBLING_SHARE = 0.8
MIN_SIBLINGS = 5
# a title is a label when rows naming different speakers repeat it and such rows make up
# at least this share of the document's titled rows
LABEL_SHARE = 0.3
# the opening paragraph of an abstract that reads as the talk's own heading
HEADING_MAX_WORDS = 20

_PAGE_SECTION_RE = re.compile(
    rf"^\W*(?:{'|'.join(PAGE_SECTION_HEADINGS)})\W*(?:$|[:：]\s*(?:[-*•]|\d+[.)])\s)", re.I)
# a heading naming a part that lists talks (``Seminars``, ``Invited talks``, ``Programme``);
# a workshop names a whole event, whose organisers are a page section of it
_TALKS_HEADING_RE = re.compile(
    rf"\b(?:{'|'.join(EVENT_LABEL_NOUNS + ['keynotes?', 'plenar(?:y|ies)'])}|program(?:me)?|"
    r"schedule|agenda)\b", re.I)
_SESSION_RE = re.compile(rf"^(?:{'|'.join(SESSION_PATTERNS)})", re.I)
_LABEL_ONLY_RE = re.compile(r"^[^\W\d_][\w .'’-]{0,30}[:：]$")
_AGENDA_SLOT_WORDS = frozenset(AGENDA_SLOT_WORDS)
_AGENDA_SLOT_FILLERS = frozenset(AGENDA_SLOT_FILLERS)
# ``Themed Networking Lunch: Climate and AI``, ``Advisory Panel Meeting``: the head of the
# title (before a colon or dash) ends in a meal, a break or a meeting word
# (qualifiers, not function words: ``A theory of coffee: ...`` is a talk about coffee)
_QUALIFIER = rf"(?!(?:{'|'.join(AGENDA_SLOT_FILLERS)}|about|in|why|how|what)\b)[^\W\d_][\w&'’./+-]*"
_TYPED_HEAD_RE = re.compile(
    rf"^(?:{_QUALIFIER}\s+){{0,8}}?(?:{'|'.join(NON_TALK_PATTERNS + MEETING_PATTERNS)})"
    r"\s*(?:$|[:：–—]|\s-\s|\()", re.I)


def page_section(heading: str) -> bool:
    """A heading of a page part that holds no talk (``Important dates``, ``Programme
    committee``, ``Sponsors``, ``Publications``, ``PhD students``): ``vocab.PAGE_SECTION_HEADINGS``,
    the whole heading."""
    return bool(_PAGE_SECTION_RE.match(heading.strip()))


def section_of(headings: list[str]) -> str | None:
    """The page section a record sits in (its headings, outermost first), when a heading
    above it that is not a date or a year names a part holding no talk (``Publications`` >
    ``2024``, ``People`` > ``PhD students``, ``Organizers`` > ``Workshop``, ``Important
    dates``) and no heading nearer to it names talks (``People`` > ``Seminars``); else
    None."""
    for heading in reversed(headings):
        text = heading.strip()
        if not text or dates.looks_like_when(text) or (
                dates.find_year(text) and len(text.split()) <= 2):
            continue
        if page_section(text):
            return text
        if _TALKS_HEADING_RE.search(text):
            return None  # ``Seminars`` under ``People``: a part that lists talks
    return None


# a numeral with its ordinal ending (``1st``, ``2nd``, ``3e``, ``4ème``, ``5.``) is a number
_ORDINAL_RE = re.compile(r"\b\d+(?:st|nd|rd|th|e|er|re|ème|eme|º|ª|\.)?(?!\w)")


def agenda_slot(title: str) -> bool:
    """A title made only of agenda words, fillers and numbers (``Keynote``, ``Invited
    talk``, ``2nd Talk``), at least one of them an agenda word."""
    words = re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)?|&",
                       fold_accents(_ORDINAL_RE.sub(" ", title.casefold())))
    return any(w in _AGENDA_SLOT_WORDS for w in words) and all(
        w in _AGENDA_SLOT_WORDS or w in _AGENDA_SLOT_FILLERS for w in words)


def typed_non_talk(title: str) -> bool:
    """A title whose head names a meal, a break or a meeting (``Themed Networking Lunch:
    Careers``, ``Faculty Meeting``, ``Birds of a Feather``)."""
    return bool(_TYPED_HEAD_RE.match(fold_accents(title.strip()))) or agenda.is_non_talk(title)


def judge(rows: list[dict[str, Any]], notes: list[str]) -> list[dict[str, Any]]:
    """The rows of one document that are talks, their label titles taken away."""
    records = len(rows)
    rows = _drop_by_title(rows, notes)
    _titles_that_are_labels(rows)
    rows = _drop_empty(rows, notes, records)
    rows = _drop_odd_out(rows, notes)
    rows = _drop_bare_unnamed(rows, notes)
    return _merge_repeats(rows, notes)


def _drop_by_title(rows: list[dict[str, Any]], notes: list[str]) -> list[dict[str, Any]]:
    kept: list[dict[str, Any]] = []
    for row in rows:
        title = row["title"] or ""
        if _PAGE_SECTION_RE.match(title):
            notes.append(f"a section of the page (its dates, committee, sponsors, contact), "
                         f"not a talk: dropped ({title!r})")
            continue
        head, _, rest = (re.split(r"(\s*[:–—]\s+|\s+-\s+)", title, maxsplit=1) + ["", ""])[:3]
        if rest and dates.looks_like_when(head) and agenda.is_no_event(rest):
            # ``Monday, November 12: (no seminar -- Sage Days 6)``: a dated gap in the list
            notes.append(f"a date with no talk: dropped ({title!r})")
            continue
        if agenda.names_call(title):
            notes.append(f"a call for papers or contributions, not a talk: dropped ({title!r})")
            continue
        if len(rows) > 1 and not row["speakers"] and title and agenda.names_gathering(title):
            notes.append(f"a conference, symposium or call naming nobody: dropped ({title!r})")
            continue
        if _LABEL_ONLY_RE.match(title):
            if not row["speakers"]:
                notes.append(f"title is a bare label: dropped ({title!r})")
                continue
            row["title"] = None
            row["warnings"] = [*row["warnings"], f"title {title!r} is a bare label: dropped"]
        elif not row["speakers"] and _SESSION_RE.match(title):
            notes.append(f"a session heading naming nobody: dropped ({title!r})")
            continue
        elif not row["speakers"] and agenda_slot(title):
            notes.append(f"an agenda slot naming nobody: dropped ({title!r})")
            continue
        elif not row["speakers"] and title and typed_non_talk(title):
            notes.append(f"a meal, break or meeting naming nobody: dropped ({title!r})")
            continue
        kept.append(row)
    return kept


def _titles_that_are_labels(rows: list[dict[str, Any]]) -> None:
    """Take away titles that are slot types, not titles.

    A title made only of agenda words (``Keynote``, ``Presentation of accepted
    contribution``) on a row that names a speaker, and a title that rows naming different
    speakers repeat (``Journal Club``, ``Seminário``) when such rows are a good share of
    the document: a title is the one thing two different talks do not share. The label
    leaves a warning; the abstract's opening line becomes the title when it reads as one
    (a card that gives ``Keynote``, then the talk's heading, then its abstract)."""
    titled = [r for r in rows if r["title"]]
    speakers_of: dict[str, set[str]] = {}
    for row in titled:
        names = "|".join(sorted(s["name"].casefold() for s in row["speakers"] or []))
        speakers_of.setdefault(_key(row["title"]), set()).add(names)
    repeated = Counter(_key(r["title"]) for r in titled)
    labels = {k for k, n in repeated.items() if n >= 2 and len(speakers_of[k]) >= 2}
    share = sum(repeated[k] for k in labels) / len(titled) if titled else 0.0
    for row in titled:
        # welcome words by a named person are ``remarks``, whose label is their title
        slot = row["speakers"] and row["kind"] == "talk" and agenda_slot(row["title"])
        if not slot and not (_key(row["title"]) in labels and share >= LABEL_SHARE):
            continue
        label = row["title"]
        row["title"], row["abstract"] = _heading_of(row["abstract"])
        row["warnings"] = [*row["warnings"],
                           f"{label!r} is the slot's label, not the talk's title"]


def _heading_of(abstract: str | None) -> tuple[str | None, str | None]:
    """The abstract's opening paragraph as a title when it reads as a heading (short, not
    a sentence), and the rest as the abstract."""
    if not abstract:
        return None, abstract
    head, _, rest = abstract.partition("\n\n")
    head = head.strip()
    words = head.split()
    if not words or len(words) > HEADING_MAX_WORDS or head.endswith((".", ":", ";", ",")):
        return None, abstract
    return head, rest.strip() or None


def _drop_empty(rows: list[dict[str, Any]], notes: list[str],
                records: int | None = None) -> list[dict[str, Any]]:
    """Among several records (``records``: the document's, before any was dropped), one
    with only a title (nobody named, no date, not even a month or a year, no abstract, no
    link) is a heading or a menu item read as a record, not a talk. A calendar's event is
    one by the feed's own structure, so feeds are left alone."""
    if not rows or max(len(rows), records or 0) < 2 or rows[0]["source_format"] == "ics":
        return rows
    kept = []
    for row in rows:
        coarse = any(w.startswith(dates.COARSE_DATE_WARNING) for w in row["warnings"] or [])
        if not (row["speakers"] or row["date"] or row["abstract"] or row["url"]
                or row["slides"] or row["video"] or row["start"] or coarse):
            notes.append(f"nothing but a title (no person, date, abstract or link): dropped "
                         f"({row['title']!r})")
            continue
        kept.append(row)
    return kept


def _drop_odd_out(rows: list[dict[str, Any]], notes: list[str]) -> list[dict[str, Any]]:
    named = sum(bool(r["speakers"]) for r in rows)
    if len(rows) < MIN_SIBLINGS or named < SIBLING_SHARE * len(rows):
        return rows
    kept = []
    for row in rows:
        if row["speakers"]:
            kept.append(row)
        else:
            notes.append(f"names nobody where {named} of {len(rows)} records of the document "
                         f"name a speaker: dropped ({row['title']!r})")
    return kept


# what the named rows of a document state beside a person: a row naming nobody that states
# none of what nearly all of them state is no talk (``Dentist``, ``Call with X re: grant`` in
# a feed whose seminars all carry a room)
_STATED_FIELDS = ("location", "abstract", "url", "slides", "video", "speaker_bio")
BARE_MIN_NAMED = 3
BARE_NAMED_SHARE = 0.5


def _drop_bare_unnamed(rows: list[dict[str, Any]], notes: list[str]) -> list[dict[str, Any]]:
    """Among rows most of which name a speaker (at least ``BARE_MIN_NAMED``, half of the
    rows), a row naming nobody that states none of the fields nearly all (``SIBLING_SHARE``)
    of the named rows state (a place, an abstract, a link) is not a talk: a personal
    appointment or a social in a seminar feed, a section heading read as a record."""
    named = [r for r in rows if r["speakers"]]
    if len(named) < BARE_MIN_NAMED or len(named) < BARE_NAMED_SHARE * len(rows):
        return rows
    common = [f for f in _STATED_FIELDS
              if sum(bool(r[f]) for r in named) >= SIBLING_SHARE * len(named)]
    if not common:
        return rows
    kept = []
    for row in rows:
        if row["speakers"] or any(row[f] for f in common):
            kept.append(row)
            continue
        notes.append(f"names nobody and states no {'/'.join(common)} where {len(named)} "
                     f"records naming a speaker do: dropped ({row['title']!r})")
    return kept


# what a repeated announcement (a reminder) may add to the first: its when as one group,
# and each other field on its own
_WHEN_FIELDS = ("date", "start", "end", "timezone")
_MERGED_FIELDS = ("location", "abstract", "speaker_bio", "url", "slides", "video", "series")


def _merge_repeats(rows: list[dict[str, Any]], notes: list[str]) -> list[dict[str, Any]]:
    """Rows that announce one talk again (the same title and the same people, and nothing
    that differs: a reminder of the announcement, a reply quoting it) are one row: the
    first, completed from the others. A talk given again on another date or at another
    meeting (a CV's repeated invited talk) stays two rows."""
    groups: dict[tuple[str, tuple[str, ...]], list[dict[str, Any]]] = {}
    for row in rows:
        if row["title"] and row["speakers"]:
            names = tuple(sorted(sp["name"].casefold() for sp in row["speakers"]))
            groups.setdefault((_key(row["title"]), names), []).append(row)
    gone: set[int] = set()
    for same in groups.values():
        # a repeat adds to the first and contradicts nothing: two dates, two venues, two
        # links or two abstracts make two talks (a CV's talk given at two meetings)
        if len(same) < 2 or any(len({str(r[f]) for r in same if r[f]}) > 1
                                for f in ("date", "location", "series", "url", "slides",
                                          "video", "abstract")):
            continue
        first = same[0]
        for other in same[1:]:
            if not first["date"] and other["date"]:
                for f in _WHEN_FIELDS:
                    first[f] = other[f]
            for f in _MERGED_FIELDS:
                if not first[f] and other[f]:
                    first[f] = other[f]
            gone.add(id(other))
        notes.append(f"announced {len(same)} times (the same title and speakers): one row "
                     f"({first['title']!r})")
    return [r for r in rows if id(r) not in gone] if gone else rows


def _key(title: str) -> str:
    return " ".join(re.findall(r"\w+", title.casefold()))
