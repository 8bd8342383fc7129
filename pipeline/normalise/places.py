"""Places named anywhere in a talk's text: rooms, buildings, venues, online meetings.

Why: announcements put the place in a sentence (``It takes place at 11:00 in Analysen``,
``… will be held in Room 101, Jeffery Hall``, ``The colloquium will be held online via
Zoom``), not only on a ``Where:`` line or the line under a time. ``find_place`` reads one
text clause by clause and returns the place as written, or None.

A place is accepted by its shape or by its sentence, never by a list of known buildings:

* its shape: a place word (``Hall``, ``Room``, ``Auditorium``: ``vocab.PLACE_WORDS``) in a
  run of capitalised words, or a capitalised building word with a room number (``Gates
  104``, ``Huxley B-14``, ``NSH 3001``);
* its sentence: after ``in``/``at`` in a clause that says where the talk happens (``takes
  place``, ``will be held``, ``venue``), any capitalised name (``Analysen``);
* a name in ``known``: the run's read-only gazetteer of places other documents of the same
  archive named by label (optional; extraction stays a pure function of the document plus it).

Clauses about logistics (coffee, lunch, a reception, the host's office) never give the
talk's place; neither does an affiliation (``Professor at MIT``) nor a time (``at 4 PM``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pipeline.normalise.dates import MONTH_PATTERN, WEEKDAY_PATTERN
from pipeline.normalise.vocab import NON_TALK_PATTERNS, PLACE_WORDS

# Words of logistics: a clause holding one never gives the talk's place.
SOCIAL_RE = re.compile(
    r"\b(?:" + "|".join(NON_TALK_PATTERNS) + r"|office|drinks|cookies|pizza|to\s+follow)\b", re.I
)
# Place words that name a physical room or building (online words are read apart).
_ONLINE_WORDS = r"online|zoom|virtual(?:ly)?|webex|(?:ms\s+|microsoft\s+)?teams|google\s+meet"
_NOT_PHYSICAL = frozenset({
    "online", "zoom", r"virtual(?:ly)?", "webinar", "hybrid", r"in[\s-]person", "webex", "teams",
    r"google\s+meet", "livestream", "stream", "venue", "campus", "floor", "suite", "wing",
    "basement", "library"})
_PHYSICAL = [w for w in PLACE_WORDS if w not in _NOT_PHYSICAL]
_PLACE_WORD_RE = re.compile(r"^(?:" + "|".join(_PHYSICAL) + r")$", re.I)
# A clause that says where the talk happens: a capitalised name after in/at is its place.
_VENUE_CUE_RE = re.compile(
    r"\b(?:takes?\s+place|taking\s+place|took\s+place|(?:be|is|are)\s+(?:held|hosted|located)|"
    r"held|venue|location|meets?|join\s+us|see\s+you|we\s+(?:meet|gather)|(?:have\s+)?booked|"
    r"reserved)\b",
    re.I,
)
# Words a number follows that are no room: ``Section 3``, ``Python 3``, ``Lecture 2``.
_NOT_ROOM_HEAD_RE = re.compile(
    r"^(?:section|figure|fig|chapter|table|part|version|python|level|phase|step|lecture|week|"
    r"day|session|talk|seminar|unit|module|lesson|episode|volume|vol|issue|no|number|"
    r"windows|covid|sars|theorem|lemma|class|group|type|stage|round|top|series|page)$",
    re.I,
)
# A room number: ``104``, ``B-14``, ``2.05``, ``4W``, ``S-212``, ``403/404``.
_NUMBER = r"(?:[A-Z]{0,2}-?\d{1,4}[A-Za-z]?(?:[./-]\d{1,4}[A-Za-z]?)*)"
_CAP_WORD = r"(?:[A-Z][\w'’&.-]*|[A-Z]{2,})"
# One token of a place name: a capitalised word, a room number, or a lower-case place word
# (``the CATAM room``, ``seminar room 2``).
_TOKEN = rf"(?:{_CAP_WORD}|{_NUMBER}|(?i:{'|'.join(_PHYSICAL)}))"
# A place phrase: tokens, joined by spaces, ``of``/``de``/``&`` or one comma.
_PHRASE = rf"{_TOKEN}(?:(?:\s+|\s*,\s*|\s+(?:of|de|da|du|the|and|&)\s+){_TOKEN}){{0,7}}"
# after in/at: a phrase opening with a capital or a number (``in the lounge`` is no venue name)
_AFTER_PREP_RE = re.compile(
    rf"\b(?:in|at|inside|booked|reserved)\s+(?:the\s+)?(?P<place>(?:[Rr]oom\s+)?(?=[A-Z0-9]){_PHRASE})")
_ROOM_FIRST_RE = re.compile(
    rf"\b(?P<place>(?:Room|Rm\.?|Sala|Salle|Aula|Hall|Auditorium|Lecture\s+Theatre)\s+"
    rf"{_NUMBER}(?:\s*,\s*{_CAP_WORD}(?:\s+{_CAP_WORD}){{0,4}})?)"
)
_ONLINE_RE = re.compile(
    rf"\b(?:(?P<online>online|virtual(?:ly)?)|(?:via|on|over|using|through|in)\s+"
    rf"(?P<tool>{_ONLINE_WORDS}))\b",
    re.I,
)
_CLAUSE_SPLIT_RE = re.compile(r"(?<=[.!?;])\s+|,\s+(?:and|but|while|where|with)\s+|\n")
_TIME_RE = re.compile(r"^\d{1,2}(?:[:.h]\d{2})?\s*(?:[ap]\.?m\.?)?$|^noon$", re.I)
_NOT_A_PLACE_RE = re.compile(
    rf"^(?:{MONTH_PATTERN}|{WEEKDAY_PATTERN}|today|tomorrow|tonight|noon|midnight|least|"
    r"first|last|this|that|these|those|which|our|their|his|her|its|an?|all|any|each|every|"
    r"part|order|particular|general|addition|fact|short|case|terms|which|such|one|two|some|"
    r"UTC|GMT)\b",
    re.I,
)
_ZONE_ABBR_RE = re.compile(r"^[ECMP][SD]?T\b|^(?:CET|CEST|BST|IST|JST|AEST|AEDT|EET|EEST)\b")
# Organisations: after ``at`` they are affiliations (``Professor at MIT``), unless the
# clause says the talk is held there.
_ORG_WORD_RE = re.compile(
    r"\b(?:universit\w*|institut\w*|college|school|department|dept|faculty|centre|center|"
    r"laborator\w*|lab|labs|group|inc|ltd|corporation|company|research)\b",
    re.I,
)


def _trim(place: str) -> str:
    """A place phrase without trailing connectors, punctuation or a trailing time."""
    place = re.sub(r"(?:\s*,\s*|\s+(?:of|de|da|du|the|and|&))+$", "", place.strip())
    # ``Room 101 at 4 PM``: the time is not part of the place
    place = re.split(r"\s+(?:at|on|from)\s+\d", place)[0]
    return place.strip(" ,.;:")


def _is_time_or_date(place: str) -> bool:
    """``4 PM``, ``11``, ``Thursday``, ``March``, ``2020``, ``EST``: a time or date, no place."""
    first = place.split()[0] if place.split() else ""
    return bool(
        _TIME_RE.match(place) or re.match(r"^\d{1,2}(?:[:.]\d{2})?\s*[ap]\.?m", place, re.I)
        or _NOT_A_PLACE_RE.match(first) or _ZONE_ABBR_RE.match(first)
        or re.fullmatch(r"(?:19|20)\d\d", first)
    )


def _has_place_word(place: str) -> bool:
    """A place word that heads the phrase: its last word (``Jeffery Hall``), or any place word
    of a phrase holding a room number (``Main Hall 140``); ``Building Blocks`` is no place."""
    words = re.findall(r"[\w.]+", place)
    if not words:
        return False
    if _PLACE_WORD_RE.match(words[-1]):
        return True
    return bool(re.search(r"\d", place)) and any(_PLACE_WORD_RE.match(w) for w in words)


def _room_numbered(place: str) -> bool:
    """``Gates 104``, ``NSH 3001``, ``Huxley B-14``: a capitalised word and a room number
    (``Section 3`` and ``Python 3`` are no rooms)."""
    m = re.search(rf"(?:^|\s)(?P<head>{_CAP_WORD})\s+{_NUMBER}(?:\s|,|$)", place)
    return m is not None and not _NOT_ROOM_HEAD_RE.match(m["head"].rstrip("."))


def looks_like_place(text: str) -> bool:
    """Whether a short field that stands where a place would (after a quoted title on a
    one-line item) names one: a room number, a place word (``Lecture Theatre A``), an
    online meeting; never a time, a date or a long phrase."""
    place = text.strip(" .,;")
    words = re.findall(r"[\w.]+", place)
    if not words or len(words) > 8 or _is_time_or_date(place):
        return False
    return (find_place(place, strict=True) is not None or _room_numbered(place)
            or any(_PLACE_WORD_RE.match(w) for w in words)
            or bool(re.fullmatch(r"(?i:online|zoom|virtual|hybrid|remote)(?:\s.*)?", place)))


# ``… "Spin liquids", Room 501``: a quoted title, then what the item states after it
_QUOTED_THEN_TAIL_RE = re.compile(
    r'["“”‘’](?P<title>[^"“”‘’]{3,}?)["“”‘’]\s*[,;–—|-]\s*(?P<tail>[^"“”‘’]{2,80}?)\s*\.?$')


def quoted_title_and_place(text: str) -> tuple[str, str] | None:
    """(title, place) of a text that ends in a quoted title and a place after it
    (``Name (Org), "Title", Lecture Theatre A``); None when what follows the quotes
    names no place (``"Rosebud", and other last words`` is one longer title)."""
    m = _QUOTED_THEN_TAIL_RE.search(text)
    if m is None or not looks_like_place(m.group("tail")):
        return None
    return m.group("title").strip(), m.group("tail").strip()


def _accept(place: str, clause: str, known: frozenset[str], strict: bool) -> bool:
    """Whether ``place`` (found after in/at in ``clause``) names where the talk happens. In
    ``strict`` mode (running prose such as an abstract) a place needs a place word or a
    clause that says where the talk is held."""
    if not place or _is_time_or_date(place) or len(place) > 80:
        return False
    if place.lower() in known:
        return True
    cued = bool(_VENUE_CUE_RE.search(clause))
    if _has_place_word(place):
        return True
    if _ORG_WORD_RE.search(place):
        return False  # ``at Stanford University``: an affiliation
    if _room_numbered(place):
        return cued or not strict
    if not cued or not place[:1].isupper():
        return False
    # a bare name after in/at: one to three words (``Analysen``, ``McGarvey Commons``)
    return len(place.split()) <= 3 and not re.search(r"\d{4}", place)


def clauses(text: str) -> list[str]:
    """``text`` cut into clauses: sentences, and the parts of a sentence joined by ``, and``
    (``… in Main Hall 140, and coffee is served in the lounge``)."""
    flat = re.sub(r"[ \t]+", " ", text)
    return [c.strip() for c in _CLAUSE_SPLIT_RE.split(flat) if c and c.strip()]


def _known_in(clause: str, known: frozenset[str]) -> str | None:
    """The first gazetteer name ``clause`` holds, as written there."""
    found = []
    for name in known:
        m = re.search(rf"(?<!\w){re.escape(name)}(?!\w)", clause, re.I)
        if m:
            found.append((m.start(), -len(name), m.group()))
    return min(found)[2] if found else None


_document_places: tuple[str, ...] = ()


def use_gazetteer(names: Iterable[str]) -> None:
    """Set the run's gazetteer names the current document holds (``pipeline.gazetteer``):
    set by the extract stage before each document, read by ``find_place``. Read-only for
    the extractors; an empty tuple outside a run."""
    global _document_places
    _document_places = tuple(names)


def find_place(text: str, known: Iterable[str] | None = None, *, strict: bool = False
               ) -> str | None:
    """The room, building or venue ``text`` says the talk is in, as written; ``Online`` or
    the meeting tool (``Zoom``) for an online talk; None when it names no place.

    ``known`` is the run's gazetteer (names, any case; by default the current document's
    share of it, ``use_gazetteer``); ``strict`` is for running prose (an abstract): a bare
    ``Name 12`` there is a place only in a sentence about the venue."""
    known = _document_places if known is None else known
    gazetteer = frozenset(k.lower() for k in known if k.strip())
    online: str | None = None
    for clause in clauses(text):
        if SOCIAL_RE.search(clause) or re.search(r"https?://|\blink\b|passcode|meeting\s+id",
                                                 clause, re.I):
            continue
        for m in _AFTER_PREP_RE.finditer(clause):
            place = _trim(m["place"])
            if _accept(place, clause, gazetteer, strict):
                return place
        m = _ROOM_FIRST_RE.search(clause)
        if m and not _is_time_or_date(m["place"]):
            return _trim(m["place"])
        if gazetteer and (name := _known_in(clause, gazetteer)):
            return name
        if online is None and (o := _ONLINE_RE.search(clause)):
            online = "Online" if o["online"] else " ".join(o["tool"].split())
    return online
