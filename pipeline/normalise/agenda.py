"""Agenda semantics: which items are talks, and of which kind.

Workshop agendas interleave talks with logistics (meals, breaks, receptions,
poster sessions). Those are not rows of the dataset, and the talks themselves
come in kinds (remarks, panels, lectures, tutorials) that readers filter on.
The decision is made from the item's own wording, with the section heading as
optional context, using the small vocabularies below.
"""

from __future__ import annotations

import re

from pipeline.normalise.text import fold_accents
from pipeline.normalise.vocab import (
    CANCELLATION_PATTERNS,
    CANCELLATION_SHOUTS,
    GATHERING_ANYWHERE,
    GATHERING_EDITION,
    GATHERING_TAIL,
    KIND_LECTURE_WORDS,
    KIND_PANEL_WORDS,
    KIND_REMARKS_PATTERNS,
    KIND_TUTORIAL_WORDS,
    NO_EVENT_PATTERNS,
    NON_TALK_CONTINUATIONS,
    NON_TALK_PATTERNS,
    NON_TALK_QUALIFIERS,
    SERIES_NOUNS,
)

# Moving people between venues (``Bus to hotel``, ``Walk to the reception``): agenda-only,
# so it is kept out of the shared logistics vocabulary other modules match in prose.
_TRAVEL = r"(?:bus|shuttle|coach|transfer|transport(?:ation)?|walk|travel)\s+(?:back\s+)?to"

_NON_TALK_RE = re.compile(
    rf"^\W*(?:(?:{'|'.join(NON_TALK_QUALIFIERS)})\s+)*"
    rf"(?:{_TRAVEL}\b|(?:{'|'.join(NON_TALK_PATTERNS)})\b"
    # what follows must be nothing, a separator, a time/number or a logistics continuation
    rf"(?:\s*(?:$|[,;:.(\[|@/&+!–—]|\d)|\s+-|\s+(?:{'|'.join(NON_TALK_CONTINUATIONS)})\b))",
    re.I,
)
# ``No seminar (fall break)``, ``Reading week: no meeting``, ``CANCELLED``: the whole item
# says nobody speaks. After the head only a separator (and any reason), nothing, or a few
# words of time/reason may follow, so ``Holiday effects in retail demand`` stays a talk.
_NO_EVENT_RE = re.compile(
    rf"^\W*(?:{'|'.join(NO_EVENT_PATTERNS)})(?:\b|(?<=\.))"
    r"(?:\s*(?:$|[,;:.(\[|/!–—])|\s+-|\s+(?:this|today|tonight|tomorrow|next|week|due|because|"
    r"on|for|to|during|scheduled|planned|held|until|till|again|(?:as\s+)?usual)\b)",
    re.I,
)
_CANCELLATION_RE = re.compile(
    "|".join(f"(?i:{p})" for p in CANCELLATION_PATTERNS)
    + r"|\b(?:"
    + "|".join(CANCELLATION_SHOUTS)
    + r")\b",
    re.M,
)
# ``Applied Analysis Seminar``, ``PHYSICS COLLOQUIUM``: capitalised words ending in a
# series noun (case-sensitive capitals on the qualifiers, any case on the noun).
_SERIES_NAME_RE = re.compile(
    r"^\W*(?:(?:[A-Z0-9][\w&'’./-]*|of|on|in|for|and|the|de|du|des)\s+){0,7}"
    rf"(?i:{'|'.join(SERIES_NOUNS)})(?:\s+(?:series|[IVX]+|\d{{4}}))?\W*$"
)
# A poster session or social item that names a presenter is a talk after all.
_PRESENTER_RE = re.compile(r"\b(?:by|presented by|with|from|featuring)\s+[A-Z]", re.U)
# ``Lunch and learn``, ``Breakfast & learn``: a meal that is a talk format.
_MEAL_TALK_RE = re.compile(r"\b(?:and|&|['’]?n['’]?)\s+learn\b", re.I)
_REMARKS_RE = re.compile(rf"(?:{'|'.join(KIND_REMARKS_PATTERNS)})", re.I)
_PANEL_RE = re.compile(rf"(?:{'|'.join(KIND_PANEL_WORDS)})", re.I)
_LECTURE_RE = re.compile(rf"\b(?:{'|'.join(KIND_LECTURE_WORDS)})\b", re.I)
_TUTORIAL_RE = re.compile(rf"\b(?:{'|'.join(KIND_TUTORIAL_WORDS)})\b", re.I)
_MARKUP_RE = re.compile(r"[*_#`>]+")


def _plain(text: str) -> str:
    return " ".join(_MARKUP_RE.sub(" ", text).split())


def is_non_talk(text: str) -> bool:
    """True for agenda items that are not talks: breaks, meals, receptions, poster sessions.

    The item must *start* with the logistics word (after optional qualifiers like
    ``Morning`` or ``Day 2``), so a talk titled ``Why coffee breaks matter for
    learning`` stays a talk; an item naming its presenter (``Poster session by ...``)
    is a talk too.
    """
    if not text:
        return False
    plain = _plain(text)
    if not plain:
        return False
    if is_no_event(plain):
        return True
    if not _NON_TALK_RE.match(fold_accents(plain)):  # ``Apéro``, ``Café``: vocab is unaccented
        return False
    return not _PRESENTER_RE.search(plain) and not _MEAL_TALK_RE.search(plain)


def is_no_event(text: str) -> bool:
    """True for a calendar entry saying nobody speaks that day: ``No seminar (fall break)``,
    ``Spring break``, ``Thanksgiving``, ``Seminar cancelled``, ``Reading week: no meeting``.

    Schedules keep these dates in their lists; they are not talks. The phrase must open
    the item and be followed by nothing, a separator, or a reason, so a title that merely
    starts with such a word (``Holiday effects in retail demand``) is still a talk.
    """
    if not text:
        return False
    return bool(_NO_EVENT_RE.match(_plain(text)))


def cancellation(text: str) -> str | None:
    """``cancelled`` or ``postponed`` when ``text`` says the talk will not happen as
    announced (``This week's seminar has been cancelled``, ``POSTPONED: ...``), else None.

    Unlike ``is_no_event`` the statement may be anywhere in the text (a subject line, a
    sentence of an email); a lower-case ``cancelled`` needs a verb or an event noun beside
    it, so prose about cancelled flights is not read as a cancellation.
    """
    if not text:
        return None
    m = _CANCELLATION_RE.search(text)
    if not m:
        return None
    return "postponed" if re.search(r"postpon|reschedul", m.group(), re.I) else "cancelled"


def is_cancellation(text: str) -> bool:
    """True when ``text`` says the talk is cancelled or postponed (see ``cancellation``)."""
    return cancellation(text) is not None


def classify_kind(title: str | None, context: str | None = None) -> str:
    """``talk``, ``remarks``, ``panel``, ``lecture`` or ``tutorial`` from a title and context.

    The title decides first; the context (a section heading such as ``Tutorials``
    or ``Lecture series``) decides when the title says nothing about its kind.
    """
    for text in (title, context):
        if not text:
            continue
        plain = _plain(text)
        if _REMARKS_RE.search(plain):
            return "remarks"
        if _PANEL_RE.search(plain):
            return "panel"
        if _TUTORIAL_RE.search(plain):
            return "tutorial"
        if _LECTURE_RE.search(plain):
            return "lecture"
    return "talk"


def is_series_name(text: str) -> bool:
    """True when ``text`` is the name of a seminar series: capitalised words ending in an
    event noun (``Applied Analysis Seminar``, ``Physics Colloquium``, ``ML Reading Group``,
    ``Friday Lunch Talks``). A sentence (``the seminar is cancelled``) is not one."""
    if not text or len(text) > 100:
        return False
    plain = _plain(text)
    first = plain.lstrip("\"'“‘([")[:1]
    return (first.isupper() or first.isdigit()) and bool(_SERIES_NAME_RE.match(plain))


# ``This week's Mathematics Colloquium``, ``the next Applied Analysis Seminar``: a series named
# in prose by capitalised words ending in an event noun, after a determiner.
SERIES_IN_PROSE_RE = re.compile(
    r"\b(?i:this|next|today's|tomorrow's|the)\s+(?i:(?:week|month|term|semester)['’]s\s+)?"
    r"(?P<series>(?:[A-Z][\w&'-]*\s+){1,5}(?i:" + "|".join(SERIES_NOUNS) + r"))\b"
)


def series_in_prose(text: str) -> str | None:
    """The series a sentence names (``Join us for this week's Physics Colloquium`` →
    ``Physics Colloquium``), else None."""
    m = SERIES_IN_PROSE_RE.search(text) if text else None
    return m["series"] if m else None


_GATHERING_TAIL_RE = re.compile(
    rf"\b(?:{'|'.join(GATHERING_TAIL)})(?:\s+(?-i:[A-Z])[\w-]*)?(?:\s+\d{{4}})?\s*$", re.I)
_GATHERING_EDITION_RE = re.compile(
    rf"^(?:the\s+)?(?:{'|'.join(GATHERING_EDITION)})\s+(?:[\w&-]+\s+){{0,3}}?"
    r"(?:workshop|conference|symposium|school|meeting|congress|summit)\b", re.I)
_GATHERING_ANYWHERE_RE = re.compile(rf"\b(?:{'|'.join(GATHERING_ANYWHERE)})\b", re.I)


def names_gathering(title: str) -> bool:
    """A title naming a conference, symposium, open day, workshop edition or call for
    papers (``vocab.GATHERING_TAIL``), which holds talks and is none itself."""
    head = re.split(r"\s+[-–—|]\s+|:\s", title.strip(), maxsplit=1)[0]
    return bool(_GATHERING_TAIL_RE.search(head) or _GATHERING_TAIL_RE.search(title)
                or _GATHERING_EDITION_RE.match(title) or _GATHERING_ANYWHERE_RE.search(title))


def names_call(title: str) -> bool:
    """A title naming a call (``Call for Papers``, ``CfP``): never a talk, whoever it names."""
    return bool(_GATHERING_ANYWHERE_RE.search(title))
