"""Run one reader or strategy so that its failure costs only its own contribution.

Why: a document is read by several rival readers (machine data, the layout rules, the
repetition reader). An exception in one of them (a library rejecting a value, a bug on a
shape nobody foresaw) must not lose the rows the others find; it becomes a warning that
names the reader and the error, and the others go on.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")
log = logging.getLogger(__name__)


def attempt(label: str, fn: Callable[[], T], warnings: list[str]) -> T | None:
    """``fn()``, or None with ``"<label> failed: <error>"`` appended to ``warnings``."""
    try:
        return fn()
    except RecursionError:
        warnings.append(f"{label} failed: document nested too deeply")
    except Exception as exc:  # noqa: BLE001 - isolation is the point: any failure of one
        # reader is reported and the rival readers' rows are kept
        log.debug("%s failed", label, exc_info=True)
        warnings.append(f"{label} failed: {type(exc).__name__}: {exc}"[:300])
    return None


def completeness(talks: list) -> float:
    """How much of a talk list is stated: a person, a title, a time (and an abstract)
    per talk, two of them at least.

    The measure rival readings are compared by; a talk with only one of the three is
    weak evidence (a heading, a name in a footer) and counts nothing, so a reading that
    cuts each talk in two pieces does not win by its number of rows."""
    from pipeline.structure.records import person_head
    from pipeline.structure.templates import people_score, title_score

    total = 0.0
    for t in talks:
        texts = getattr(t, "speaker_text", None) or []
        # ``Name, Organisation``: the name that opens a speaker line counts as a person
        person = bool(getattr(t, "speakers", None)) or any(
            people_score(x) > 0 or person_head(x) for x in texts)
        raw_title = getattr(t, "title", None) or ""
        # a title holding table or link markup is a mis-cut row, not a title
        title = bool(raw_title) and title_score(raw_title) >= 0.5 \
            and not re.search(r"\||\[\[|\]\]|\t", raw_title)
        when = bool(getattr(t, "when_text", None) or getattr(t, "start", None)
                    or getattr(t, "date", None))
        body = bool(getattr(t, "abstract", None))
        stated = person + title + when + body  # an abstract under a title is a talk too
        total += min(stated, 3) / 3 if stated >= 2 and (person or title) else 0.0
    return total


# a rival reading replaces the first reader's only when it explains twice as much
RIVAL_MARGIN = 2.0


def best_reading(primary: list, rivals: list[tuple[str, Callable[[], list]]],
                 warnings: list[str], margin: float = RIVAL_MARGIN,
                 structured: frozenset[str] = frozenset()) -> list:
    """The first reader's talks, or a rival's when it explains ``margin`` times more.

    Each rival runs isolated (``attempt``); rivals named in ``structured`` (machine data
    read by its keys) win by any margin. A rival needs two talks with people to
    replace a reading that found something; when the first reader found nothing, any
    rival with a complete-enough talk wins (a one-talk page given as front matter)."""
    best, best_score = primary, completeness(primary)
    best_structured = False  # a structured reading holds its place against a tie
    for label, fn in rivals:
        rival = attempt(label, fn, warnings) or []
        score = completeness(rival)
        people = sum(bool(getattr(t, "speaker_text", None)) for t in rival)
        # a reading of structured data (a table by its header, a deck's front matter)
        # needs only to match the first reader
        if label in structured:
            better = score > 0 and (score > best_score if best_structured
                                    else score >= best_score)
        else:
            better = score > best_score * margin and (people >= 2 or best_score == 0.0) \
                and score > 0
        if better:
            best, best_score = rival, score
            best_structured = label in structured
    return best
