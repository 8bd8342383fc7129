"""Events judged by their feed: which events of a calendar are talks.

Why a module of its own: one event alone rarely says whether it is a talk.
``Newline 2025 Planning`` or ``Lock picking`` name nobody and read as titles; what tells
them apart is the rest of the feed: a feed made mostly of socials and meetings, where no
event names a person, makes an event naming nobody a talk only when its own text says it
is one. Its own text says more: a break or a meal is no talk even when its SUMMARY reads
as ``Title - People`` (``Café - Gather Town``: the place, not a person); an award, a page
of other events or a timetable is none either. And where the feed flattens each event's
page into its DESCRIPTION (the title again, the speakers, the date), the speakers are
read from there. Each event set aside keeps a warning saying why and loses its title and
people, so the normalise stage reports it as dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.normalise import agenda
from pipeline.normalise.text import fold_accents
from pipeline.normalise.vocab import (
    AWARD_CEREMONIES,
    AWARD_HEADS,
    EVENT_LISTING_HEADINGS,
    HONORIFICS,
    MONTH_NAMES_INTL,
    NON_TALK_ACTIVITIES,
    TALK_EVIDENCE_WORDS,
    WEEKDAY_NAMES_INTL,
)
from pipeline.records import RawTalk
from pipeline.structure import templates

__all__ = ["FeedCounts", "braced_speakers", "drop_activities", "drop_breaks", "honorific_lines",
           "judge_unnamed", "read_restated_descriptions", "speakers_from_uids",
           "unnamed_non_talk"]

# the events already set aside as meetings, socials or breaks must be at least this many,
# and this share of the feed's events, for the feed to be a feed of non-talks
NON_TALK_MIN = 3
NON_TALK_SHARE = 0.5

_POSTER_RE = re.compile(r"^\W*posters?\b", re.I)
_TALK_WORD_RE = re.compile(rf"\b(?:{'|'.join(TALK_EVIDENCE_WORDS)})\b", re.I)


@dataclass(frozen=True)
class FeedCounts:
    """What the feed's events were before they were judged one by one: how many there
    are, how many were set aside as meetings, socials, breaks or repeats, and how many
    name a person themselves (not through talks a session event lists)."""

    events: int
    set_aside: int
    naming: int


def _clear(talk: RawTalk, reason: str) -> None:
    talk.warnings.append(reason)
    talk.title = None
    talk.speaker_text = []
    talk.speakers = []


def drop_breaks(talks: list[RawTalk]) -> int:
    """Set aside the events titled by a break, a meal or a social (``Café``, ``PAUSE``,
    ``Apéro``), whatever their SUMMARY's people slot holds: a coffee break ``- Gather
    Town`` is held somewhere, not given by someone. A poster session naming presenters
    stays. Returns how many were set aside."""
    count = 0
    for talk in talks:
        title = talk.title or ""
        if title and agenda.is_non_talk(title) and not _POSTER_RE.match(fold_accents(title)):
            _clear(talk, f"{title!r}: a break, meal or social: not a talk")
            count += 1
    return count


def _talk_words(talk: RawTalk) -> bool:
    text = fold_accents(" ".join(filter(None, [talk.title, talk.abstract])))
    return bool(_TALK_WORD_RE.search(text))


def judge_unnamed(talks: list[RawTalk], named: list[bool], feed: FeedCounts) -> None:
    """Set aside the events naming nobody that the feed gives no reason to take as talks.

    ``named`` says, for each of ``talks``, whether it names a person. In a feed made
    mostly of meetings and socials (``NON_TALK_SHARE`` of its events already set aside,
    at least ``NON_TALK_MIN``) where no event names a person of its own, an event naming
    nobody is a talk only when its title or description says so (``TALK_EVIDENCE_WORDS``:
    a talk, a lecture, a speaker, an abstract). A feed whose talks name speakers says
    nothing of its title-only events: a talk announced before its speaker is known looks
    the same as a debate or an assembly, so those are left to their own words."""
    non_talks, events = feed.set_aside, feed.events
    if feed.naming or non_talks < NON_TALK_MIN or non_talks < NON_TALK_SHARE * events:
        return
    for talk, who in zip(talks, named, strict=True):
        if (talk.title or talk.speaker_text) and not who and not _talk_words(talk):
            _clear(talk, f"names nobody in a feed where {non_talks} of {events} events are "
                         "meetings, socials or breaks, and says nothing of a talk: not a talk")


_AWARD_RE = re.compile(
    rf"^\W*(?:[\w'’-]+\s+){{0,4}}?(?:{'|'.join(AWARD_HEADS)})"
    r"(?:\s+(?:for|of|to|in|ceremony|winners?|announcement|recipients?|presentation|du|de)\b"
    r"|\s*[-–—:|]|\s*$)", re.I)
_CEREMONY_RE = re.compile(rf"\b(?:{'|'.join(AWARD_CEREMONIES)})\b", re.I)
_LISTING_RE = re.compile(rf"^\W*(?:{'|'.join(EVENT_LISTING_HEADINGS)})\b", re.I)
# a clock-time range (``8:45 AM -9:00 AM``, ``14:00–15:30``): a timetable's slot
_TIME_RANGE_RE = re.compile(
    r"\b\d{1,2}[:.h]\d{2}\s*(?:[ap]\.?m\.?)?\s*[-–—]\s*\d{1,2}[:.h]\d{2}\b", re.I)
# this many slots make a description a programme of several talks, not one talk's text
TIMETABLE_SLOTS = 3


def unnamed_non_talk(title: str, abstract: str | None) -> str | None:
    """Why an event naming nobody is no talk, read from its own text, else None: it
    announces an award, it is a page of other events, or its description is a timetable
    (a workshop's programme, ``8:45 AM-9:00 AM Welcome … 9:00 AM-9:15 AM …``)."""
    folded = fold_accents(title)
    if _AWARD_RE.match(folded) or _CEREMONY_RE.search(folded):
        return f"{title!r}: an award naming nobody: not a talk"
    if _LISTING_RE.match(folded):
        return f"{title!r}: a list of other events: not a talk"
    if abstract and len(_TIME_RANGE_RE.findall(abstract)) >= TIMETABLE_SLOTS:
        return "its description is a timetable of several slots: a programme, not a talk"
    return None


# where a flattened description's date phrase begins (``Wednesday, January 25 at …``,
# ``jeudi 12 octobre``): the people stand between the restated title and it
_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|"
           "december|" + "|".join(MONTH_NAMES_INTL))
_WEEKDAYS = ("monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
             + "|".join(WEEKDAY_NAMES_INTL))
_DATE_START_RE = re.compile(rf"\b(?:(?:{_WEEKDAYS})\b|(?:{_MONTHS})\s+\d{{1,2}}\b)", re.I)
# the restated title must begin within this many words of the description's start, and
# the people end within this many characters after it
RESTATE_LEAD_WORDS = 12
RESTATE_PEOPLE_CHARS = 200
# the share of the feed's titled, described events whose description restates the title
RESTATE_SHARE = 0.6
# words a subtitle the description adds to the title may have (``- a retrospective``)
SUBTITLE_MAX_WORDS = 12
_WORD_RE = re.compile(r"\w+")


def _restated_end(title: str, description: str) -> int | None:
    """Where, in ``description``, the restated ``title`` ends (its words in order near the
    start, punctuation aside: ``EESSI: A stack`` restates ``EESSI - A stack``), else None."""
    words = [w.lower() for w in _WORD_RE.findall(title)]
    tokens = list(_WORD_RE.finditer(description))
    if not words:
        return None
    low = [t.group().lower() for t in tokens]
    for start in range(min(RESTATE_LEAD_WORDS, len(tokens) - len(words) + 1)):
        if low[start:start + len(words)] == words:
            return tokens[start + len(words) - 1].end()
    return None


def _people_before_date(rest: str) -> tuple[str, str] | None:
    """(subtitle, people) of the text between a restated title and the date phrase: the
    longest tail of it that reads as people, and what comes before it."""
    m = _DATE_START_RE.search(rest)
    if not m or m.start() > RESTATE_PEOPLE_CHARS:
        return None
    segment = rest[: m.start()].strip(" ,;")
    starts = [w.start() for w in _WORD_RE.finditer(segment)]
    for start in starts:
        people = segment[start:].strip(" ,;.")
        if templates.people_score(people) >= templates.STRONG_PEOPLE:
            return segment[:start].strip(), people
    return None


def read_restated_descriptions(talks: list[RawTalk], descriptions: list[str]) -> None:
    """Speakers read from descriptions that restate the title, when the feed writes them so.

    A site exported to a feed often flattens each event's page into its DESCRIPTION: the
    title again, then the speakers, then the date (``EESSI: A streamed … stack Dr. Alan
    O'Cais and Kenneth Hoste Wednesday, January 25 at 10:00 AM ET. YouTube …``). Where
    most of the feed's described events restate their title so (``RESTATE_SHARE``, at
    least three), the words between it and the date phrase are the speakers when they
    read as people; a subtitle before them (``- a retrospective and forward look``) joins
    the title. Events whose description or SUMMARY names a speaker already are left."""
    ends = [(_restated_end(t.title, d) if t.title and d else None)
            for t, d in zip(talks, descriptions, strict=True)]
    described = sum(bool(t.title and d) for t, d in zip(talks, descriptions, strict=True))
    restated = sum(end is not None for end in ends)
    if restated < 3 or restated < RESTATE_SHARE * described:
        return
    for talk, description, end in zip(talks, descriptions, ends, strict=True):
        if end is None or talk.speaker_text or talk.speakers:
            continue
        found = _people_before_date(description[end:])
        if found is None:
            continue
        subtitle, people = found
        talk.speaker_text = [people]
        if subtitle and subtitle[0] in "-–—:" and len(subtitle.split()) <= SUBTITLE_MAX_WORDS + 1:
            talk.title = f"{talk.title} {subtitle}"


# a UID's slug: its part before ``@``, without a leading date (``2026-07-04-hassan-sajjad``)
_UID_SLUG_RE = re.compile(
    r"^(?:\d{4}-?\d{2}-?\d{2}(?:t\d{4,6}z?)?[-_]?)?(?P<slug>[a-z][a-z-]*[a-z])$")
# the share of the feed's named events (at least this many) whose UID slug spells their
# speaker's name for the slugs of the others to name theirs
UID_NAMES_MIN = 3
UID_NAMES_SHARE = 0.6
SLUG_MAX_WORDS = 4


def _slug_words(uid: str | None) -> list[str]:
    m = _UID_SLUG_RE.match((uid or "").split("@", 1)[0].strip().lower())
    return m["slug"].split("-") if m else []


def _spells(slug: list[str], name: str) -> bool:
    """Whether a slug spells the speaker's name: all of its words are the name's words
    (``robert-douglas`` for ``Rob Douglas`` is not; ``tsung-wei-huang`` is ``Tsung-Wei
    Huang``), accent-folded, or at least its last word is the name's last (a given name
    written in full in one, short in the other)."""
    name = re.split(r"[,(]", name, maxsplit=1)[0]  # ``Jane Doe (MIT)``: the name alone
    words = [w.lower() for w in _WORD_RE.findall(fold_accents(name))]
    return bool(words) and (slug == words or slug[-1:] == words[-1:])


def _name_in(slug: list[str], text: str) -> str | None:
    """The slug's name as ``text`` writes it (``Tsung-Wei Huang``), when it does."""
    pattern = r"[\s-]+".join(re.escape(w) for w in slug)
    m = re.search(rf"\b{pattern}\b", fold_accents(text), re.I)
    return text[m.start():m.end()] if m and len(fold_accents(text)) == len(text) else None


def speakers_from_uids(talks: list[RawTalk], uids: list[str | None],
                       descriptions: list[str]) -> None:
    """The speaker of events naming nobody, read from their UID when the feed's UIDs
    spell their speakers.

    A site generator often builds each event's UID from its date and its speaker's name
    (``2026-07-04-hassan-sajjad@site``). Where the slugs of most of the feed's named
    events spell their speaker (``UID_NAMES_SHARE``, at least ``UID_NAMES_MIN``), the slug
    of a titled event naming nobody names its speaker: as its description writes the name
    when it does (``Tsung-Wei Huang``), else capitalised from the slug."""
    named = [(talk, _slug_words(uid)) for talk, uid in zip(talks, uids, strict=True)
             if talk.speaker_text and _slug_words(uid)]
    spelled = sum(_spells(slug, talk.speaker_text[0]) for talk, slug in named)
    if spelled < UID_NAMES_MIN or spelled < UID_NAMES_SHARE * len(named):
        return
    for talk, uid, description in zip(talks, uids, descriptions, strict=True):
        slug = _slug_words(uid)
        if not talk.title or talk.speaker_text or talk.speakers or not slug:
            continue
        if not 2 <= len(slug) <= SLUG_MAX_WORDS:
            continue
        name = _name_in(slug, description) or " ".join(w.capitalize() for w in slug)
        if templates.name_score(name) >= templates.STRONG_PEOPLE:
            talk.speaker_text = [name]
            talk.warnings.append(f"speaker {name!r} read from the event's UID, as the feed's "
                                 "other UIDs spell their speakers")


# ``{Mike Jackson}, co-founder of …, and {David (Dai) Donovan} will talk about …``: a
# description that marks its people with braces, as some site templates write them
_BRACED_RE = re.compile(r"\{([^{}\n]{3,60})\}")
_NICKNAME_RE = re.compile(r"\s*\([^()]*\)")


def braced_speakers(talks: list[RawTalk]) -> None:
    """The people a description marks with braces are the speakers of an event that names
    none otherwise: a brace around a name is markup, not prose. Only braces that hold a
    person's name count (a nickname in brackets aside: ``David (Dai) Donovan``)."""
    for talk in talks:
        if talk.speaker_text or talk.speakers or not talk.abstract:
            continue
        names = [m.strip() for m in _BRACED_RE.findall(talk.abstract)]
        names = [n for n in names
                 if templates.name_score(_NICKNAME_RE.sub("", n)) >= templates.STRONG_PEOPLE]
        if names:
            talk.speaker_text = list(dict.fromkeys(names))
            talk.abstract = _BRACED_RE.sub(lambda m: m.group(1), talk.abstract)


_ACTIVITY_RE = re.compile(rf"\b(?:{'|'.join(NON_TALK_ACTIVITIES)})\b", re.I)
# the opening of a description that says what the event is
ACTIVITY_LEAD_CHARS = 160


def drop_activities(talks: list[RawTalk]) -> None:
    """Set aside the events that are an activity other than a talk, whoever leads it (a
    walking tour, a screening, an exhibition, a concert: ``vocab.NON_TALK_ACTIVITIES``),
    as their title or the opening of their description says, when neither speaks of a
    talk, a lecture or a speaker."""
    for talk in talks:
        if not talk.title or _talk_words(talk):
            continue
        lead = f"{talk.title} {(talk.abstract or '')[:ACTIVITY_LEAD_CHARS]}"
        m = _ACTIVITY_RE.search(fold_accents(lead))
        if m:
            _clear(talk, f"{talk.title!r}: a {m.group().lower()}, not a talk")


# ``Prof Stephen Whittle``, ``Dr. Ana Ruiz (Uppsala University)``: a line (or the sentence
# after a title's full stop) that is only an honorific, a name and an affiliation
_HONORIFIC_LINE_RE = re.compile(
    rf"^(?:{'|'.join(re.escape(h) for h in HONORIFICS)})\.?\s+"
    r"(?P<name>[^\W\d_][^()\n]{2,50}?)"
    r"\s*(?P<aff>\([^()\n]{2,80}\))?\s*$", re.I)


def honorific_lines(talks: list[RawTalk]) -> None:
    """The speaker of an event naming nobody, from a line of its description that is only
    a person with an honorific (``Prof Stephen Whittle``, ``Dr Ana Ruiz (Uppsala)``): the
    honorific makes the line a person's, and a line that is nothing else names the
    speaker. Only when exactly one such line stands in the description."""
    for talk in talks:
        if talk.speaker_text or talk.speakers or not talk.abstract:
            continue
        pieces = [p.strip() for line in talk.abstract.split("\n")
                  for p in re.split(r"(?<=[a-z]{2}[.?!])\s+", line)]
        found = []
        for piece in pieces:
            m = _HONORIFIC_LINE_RE.match(piece)
            if m and templates.name_score(m["name"].strip()) >= templates.STRONG_PEOPLE:
                found.append(piece)
        if len(found) == 1:
            talk.speaker_text = found
