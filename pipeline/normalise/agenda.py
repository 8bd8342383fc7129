"""Agenda semantics: which items are talks, and of which kind.

Workshop agendas interleave talks with logistics (meals, breaks, receptions,
poster sessions). Those are not rows of the dataset, and the talks themselves
come in kinds (remarks, panels, lectures, tutorials) that readers filter on.
The decision is made from the item's own wording, with the section heading as
optional context, using the small vocabularies below.
"""

from __future__ import annotations

import re

from pipeline.normalise.vocab import (
    KIND_LECTURE_WORDS,
    KIND_PANEL_WORDS,
    KIND_REMARKS_PATTERNS,
    KIND_TUTORIAL_WORDS,
    NON_TALK_CONTINUATIONS,
    NON_TALK_PATTERNS,
    NON_TALK_QUALIFIERS,
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
# A poster session or social item that names a presenter is a talk after all.
_PRESENTER_RE = re.compile(r"\b(?:by|presented by|with|from|featuring)\s+[A-Z]", re.U)
# ``Lunch and learn``, ``Breakfast & learn``: a meal that is a talk format.
_MEAL_TALK_RE = re.compile(r"\b(?:and|&|['’]?n['’]?)\s+learn\b", re.I)
_REMARKS_RE = re.compile(rf"(?:{'|'.join(KIND_REMARKS_PATTERNS)})", re.I)
_PANEL_RE = re.compile(rf"\b(?:{'|'.join(KIND_PANEL_WORDS)})\b", re.I)
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
    if not plain or not _NON_TALK_RE.match(plain):
        return False
    return not _PRESENTER_RE.search(plain) and not _MEAL_TALK_RE.search(plain)


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
