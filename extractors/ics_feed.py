"""Events judged by their feed: which events of a calendar are talks.

Why a module of its own: one event alone rarely says whether it is a talk. ``Débats``,
``Newline 2025 Planning`` or ``Lock picking`` name nobody and read as titles; what tells
them apart is the rest of the feed. A feed whose talks name their speakers makes an
event that names nobody and says nothing more than its title an agenda item (a debate, an
assembly, a welcome); a feed made mostly of socials and meetings makes an event naming
nobody a talk only when its own text says it is one. A break or a meal is no talk even
when its SUMMARY reads as ``Title - People`` (``Café - Gather Town``: the place, not a
person). Each event set aside keeps a warning saying why and loses its title and people,
so the normalise stage reports it as dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.normalise import agenda
from pipeline.normalise.text import fold_accents
from pipeline.normalise.vocab import TALK_EVIDENCE_WORDS
from pipeline.records import RawTalk

__all__ = ["FeedCounts", "drop_breaks", "judge_unnamed"]

# the events naming people must be at least this many, and this share of the feed's
# remaining events, for an event naming nobody and saying nothing else to be set aside
NAMED_MIN = 3
NAMED_SHARE = 2 / 3
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


def _says_more(talk: RawTalk) -> bool:
    return bool(talk.abstract or talk.speaker_bio or talk.url or talk.slides or talk.video)


def _talk_words(talk: RawTalk) -> bool:
    text = fold_accents(" ".join(filter(None, [talk.title, talk.abstract])))
    return bool(_TALK_WORD_RE.search(text))


def judge_unnamed(talks: list[RawTalk], named: list[bool], feed: FeedCounts) -> None:
    """Set aside the events naming nobody that the feed gives no reason to take as talks.

    ``named`` says, for each of ``talks``, whether it names a person. Two feed-wide shapes
    decide:

    * the talks of the feed name their speakers (``NAMED_MIN`` of them, ``NAMED_SHARE``
      of the rest): an event naming nobody with nothing but a title (no description, no
      link) is an agenda item;
    * the feed is mostly meetings and socials (``NON_TALK_SHARE`` of its events) and no
      event of it names a person of its own: an event naming nobody is a talk only when
      its title or description says so (``TALK_EVIDENCE_WORDS``: a talk, a lecture, a
      speaker, an abstract)."""
    live = [(talk, who) for talk, who in zip(talks, named, strict=True)
            if talk.title or talk.speaker_text]
    people = sum(who for _, who in live)
    unnamed = [talk for talk, who in live if not who]
    if not unnamed:
        return
    by_siblings = people >= NAMED_MIN and people >= NAMED_SHARE * len(live)
    non_talks, events = feed.set_aside, feed.events
    by_feed = (not feed.naming and non_talks >= NON_TALK_MIN
               and non_talks >= NON_TALK_SHARE * events)
    for talk in unnamed:
        if by_siblings and not _says_more(talk):
            _clear(talk, f"names nobody and says nothing but its title, while {people} of "
                         f"the feed's {len(live)} events name their speakers: not a talk")
        elif by_feed and not _talk_words(talk):
            _clear(talk, f"names nobody in a feed where {non_talks} of {events} events are "
                         "meetings, socials or breaks, and says nothing of a talk: not a talk")
