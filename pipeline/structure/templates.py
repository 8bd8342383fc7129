"""One template per document: how the records of one document pack title, people and date.

Why: a one-line record (a calendar SUMMARY, a list item, a table cell) can be split many
ways (``Name: Title``, ``Title -- A, B and C``, ``Title (Firstname)``, ``3 May 2024 A (Org)
and B (Org) on "Title"``), and one record alone often cannot tell which. All records of one
document were written from one template, though, so the rival readings are scored over all
of them together and the winner is applied to each: a weak slot value (a first name alone,
``TBD``) is read by its position in the template the other records settle.

A template is a *splitter* (where the text is cut) and an *order* (which part is the
people, which the title), with an optional leading date. Each slot value is scored by how
well it fits its role (person-name likeness of every name in a people slot, title likeness,
date parse); a record's score is the geometric mean of its slots, and a template's score
is the mean over all records (a record it does not split scores 0). Reading the whole text
as a title is the rival every template must beat.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from pipeline.normalise import people
from pipeline.normalise.text import is_placeholder
from pipeline.normalise.vocab import LIST_CONJUNCTIONS

# a record read as a title only scores this much: a split must fit better than that
TITLE_ONLY_SCORE = 0.5
# a template must split at least this share of the records to be applied at all
MIN_COVERAGE = 0.5
# a people value this good is evidence by itself; weaker ones (a lone first name) need a
# template repeated over MIN_REPEATS records covering WEAK_COVERAGE of the document
STRONG_PEOPLE = 0.8
MIN_REPEATS = 3
WEAK_COVERAGE = 0.8
# the most names a people slot holds: a paper's author list runs to a dozen and more
MAX_PEOPLE = 20

_QUOTED = r"[\"“”«»']"
_QUOTED_RE = re.compile(_QUOTED)
_PAREN_TAIL_RE = re.compile(r"^(?P<a>.*\S)\s*\((?P<b>[^()]+)\)\s*$")
_ON_QUOTED_RE = re.compile(rf"^(?P<a>.*?\S),?\s+(?:on|about|:)\s+{_QUOTED}(?P<b>.+?){_QUOTED}"
                           r"\s*\.?$", re.I)
_BY_RE = re.compile(r"^(?P<a>.*\S)\s+(?:by|with)\s+(?P<b>[A-Z].*)$")
_AND = "|".join(LIST_CONJUNCTIONS)
# what may stand between two names of a list: a mark, a conjunction, or a comma and one
_SEPARATOR_FORMS = frozenset({",", ";", "&", "+", *LIST_CONJUNCTIONS,
                              *(f", {c}" for c in LIST_CONJUNCTIONS)})
_LIST_SPLIT_RE = re.compile(rf"\s*(?:,|;|&|\b(?:{_AND})\b|\+)\s*(?:(?:{_AND})\s+)?", re.I)
# the positions ``split_people`` looks at: parentheses, separator signs, a conjunction ahead
_SPLIT_CANDIDATE_RE = re.compile(rf"[()]|[,;&+]|(?=(?i:\s(?:{_AND})\b|(?:{_AND})\s))")
_PERSON_AFFIL_RE = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<org>[^()]+)\)$")
# ``. `` last: a citation-style item (``A and B. Title``) ties with no other reading
_SEPARATORS = (" -- ", " — ", " – ", " - ", ": ", ":", " | ", " / ", ", ", ",", "\t", ". ")
_LEAD_DATE_RE = re.compile(
    r"^(?P<date>(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
    r"(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?,?(?:\s+\d{4})?"
    r"|[A-Za-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?(?:\s+\d{4})?"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4})"
    # ``Tuesday 4 April 2017, 16:00``: the slot's time after its day belongs to the date
    r"(?:,?\s+(?:at\s+)?\d{1,2}[:.h]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*(?:-|–|—|to)\s*\d{1,2}[:.h]\d{2}"
    r"(?:\s*[ap]\.?m\.?)?)?(?=\s))?)"
    r"\s*(?:[:,–—|-]\s*)?(?P<rest>\S.*)$"
)
# the weekday that may open a leading date (``Tuesday 4 April``): matched apart, so that
# ``Tuesday 4`` is never taken for a month and its day
_LEAD_WEEKDAY_RE = re.compile(r"^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+", re.I)
# a clock time or range opening a slot line (``10:00``, ``9:30–10:15``, ``2 pm``)
_LEAD_TIME_RE = re.compile(
    r"^(?P<date>\d{1,2}[:.h]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*(?:-|–|—|to)\s*\d{1,2}[:.h]\d{2}"
    r"(?:\s*[ap]\.?m\.?)?)?|\d{1,2}\s*[ap]\.?m\.?)\s*(?:[:,–—|-]\s*)?(?P<rest>[^\d\s].*)$", re.I)
_WORD_RE = re.compile(r"\w+")
_ENUMERATOR_RE = re.compile(r"^\s*\d{1,3}\s*[,.)]\s+(?=\D)|^\s*\d{1,3},(?=\D)")
_NUMERIC_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}|\d[./]\d")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


@dataclass(frozen=True)
class Reading:
    """One record read by a template: the text of each slot (None when absent)."""

    title: str | None = None
    people: str | None = None
    date: str | None = None


@dataclass(frozen=True)
class Template:
    """A way of cutting a record into slots, and its score over one document."""

    name: str
    split: Callable[[str], tuple[str, str] | None] = field(compare=False, repr=False)
    people_first: bool = False
    leading_date: bool = False

    def read(self, text: str) -> Reading | None:
        return self.read_prepared(prepare(text))

    def read_prepared(self, prepared: Prepared) -> Reading | None:
        """``read`` of a text ``prepare`` cut once for every template."""
        date = None
        text = prepared.text
        if self.leading_date:
            if prepared.lead is None:
                return None
            date, text = prepared.lead
        parts = self.split(text)
        if parts is None:
            return None
        a, b = (p.strip() for p in parts)
        if not a or (not b and self.split is not _whole):
            return None
        who, title = (a, b) if self.people_first else (b, a)
        return Reading(title=_unquote(title) or None, people=by_people(who), date=date)


@dataclass(frozen=True)
class Prepared:
    """What every template reads the same way in one record: the text without its list
    number, and its leading date or time with the rest (None when it has none)."""

    text: str
    lead: tuple[str, str] | None


def prepare(text: str) -> Prepared:
    """``text`` cut once for all templates (``Template.read_prepared``)."""
    text = _ENUMERATOR_RE.sub("", text, count=1)  # ``12,`` ``3)`` ``7.``: a list number
    day = _LEAD_WEEKDAY_RE.match(text)
    m = _LEAD_DATE_RE.match(text[day.end():]) if day else None
    if m and _has_month(m.group("date")):
        lead: tuple[str, str] | None = (f"{day.group(0)}{m.group('date')}".strip(" ,"),  # type: ignore[union-attr]
                                        m.group("rest"))
        return Prepared(text, lead)
    m = _LEAD_DATE_RE.match(text)
    if not m or not _has_month(m.group("date")):
        m = _LEAD_TIME_RE.match(text)  # a slot's time opens it, the day is above
    lead = (m.group("date").strip(" ,"), m.group("rest")) if m else None
    return Prepared(text, lead)


# ``Invited Talk (by Dr. Name)``, ``Paper presentation (presented by A and B)``: the slot's
# type, then the people in parentheses after ``by``
_LABEL_BY_RE = re.compile(r"^(?P<label>[^()]*?)\s*\((?:(?:presented|given|led)\s+)?by\s+"
                          r"(?P<people>[^()]+)\)\s*$", re.I)


def by_people(text: str) -> str:
    """The people of a people slot that names its slot's type first (``Research Paper
    Presentation (by Name)``): the names after ``by``; else the slot as it is."""
    m = _LABEL_BY_RE.match(text)
    if m is None or re.search(r"\d", m.group("label")):
        return text  # a date before the parenthesis is a slot of its own
    return m.group("people").strip()


def _unquote(text: str) -> str:
    text = text.strip()
    if len(text) > 1 and _QUOTED_RE.match(text[0]) and _QUOTED_RE.match(text[-1]):
        return text[1:-1].strip()
    return text


def _has_month(text: str) -> bool:
    low = text.lower()
    return bool(_NUMERIC_DATE_RE.search(low)) or any(m in low for m in _MONTHS)


# ``. `` after an initial (``David A. Joiner``, ``S. Charlie Dey``) ends no sentence
_SENTENCE_END_RE = re.compile(r"(?<!\b[A-Z])\. ")


def _at(sep: str, last: bool) -> Callable[[str], tuple[str, str] | None]:
    if sep == ". ":
        return _at_sentence_end(last)

    def split(text: str) -> tuple[str, str] | None:
        i = text.rfind(sep) if last else text.find(sep)
        return (text[:i], text[i + len(sep):]) if i > 0 else None

    return split


def _at_sentence_end(last: bool) -> Callable[[str], tuple[str, str] | None]:
    """A split at the first or last full stop that is not an initial's."""
    def split(text: str) -> tuple[str, str] | None:
        ends = [m.start() for m in _SENTENCE_END_RE.finditer(text)]
        if not ends:
            return None
        i = ends[-1] if last else ends[0]
        return (text[:i], text[i + 2:]) if i > 0 else None

    return split


def _by_pattern(pattern: re.Pattern[str]) -> Callable[[str], tuple[str, str] | None]:
    def split(text: str) -> tuple[str, str] | None:
        m = pattern.match(text)
        return (m.group("a"), m.group("b")) if m else None

    return split


@lru_cache(maxsize=1)
def templates() -> tuple[Template, ...]:
    """Every rival template: each separator both ways, parentheses, quotes, ``by``."""
    out: list[Template] = []
    for lead in (False, True):
        prefix = "date " if lead else ""
        for sep in _SEPARATORS:
            for last in (False, True):
                where = "last" if last else "first"
                out.append(Template(f"{prefix}people{sep!r}title@{where}", _at(sep, last),
                                    people_first=True, leading_date=lead))
                out.append(Template(f"{prefix}title{sep!r}people@{where}", _at(sep, last),
                                    leading_date=lead))
        out.append(Template(f"{prefix}title (people)", _by_pattern(_PAREN_TAIL_RE),
                            leading_date=lead))
        out.append(Template(f'{prefix}people on "title"', _by_pattern(_ON_QUOTED_RE),
                            people_first=True, leading_date=lead))
        out.append(Template(f"{prefix}title by people", _title_by, leading_date=lead))
        out.append(Template(f"{prefix}people only", _whole, people_first=True,
                            leading_date=lead))
    return tuple(out)


# ``Title — presented by Name``: the words and separator before ``by`` belong to neither slot
_PRESENTED_TAIL_RE = re.compile(r"\s*(?:[,;:–—/|-]\s*)?(?:(?:presented|given|led|talk)\s*)?$",
                                re.I)


def _title_by(text: str) -> tuple[str, str] | None:
    """``Title by Name`` (or ``with Name``, ``— presented by Name``) as (title, people)."""
    m = _BY_RE.match(text)
    if not m:
        return None
    title = _PRESENTED_TAIL_RE.sub("", m.group("a"))
    return (title, m.group("b")) if title else None


def _whole(text: str) -> tuple[str, str] | None:
    """The whole record in the people slot, no title (``Name (Org)`` events)."""
    return (text, "") if text.strip() else None


# --------------------------------------------------------------------------- slot scores


def split_people(text: str) -> list[tuple[str, str | None]]:
    """``A (Org) and B (Org)``, ``A, B and C`` as (name, affiliation) pairs."""
    out: list[tuple[str, str | None]] = []
    depth, start = 0, 0
    pieces: list[str] = []
    # split at list separators outside parentheses; only a parenthesis, a separator sign
    # or an ``and`` can change anything, so only those positions are visited
    for c in _SPLIT_CANDIDATE_RE.finditer(text):
        i, ch = c.start(), text[c.start()]
        depth += ch == "("
        depth -= ch == ")"
        if depth == 0:
            m = _LIST_SPLIT_RE.match(text, i)
            if m and m.end() > i and (ch in ",;&+" or ch.isspace() or i == 0):
                sep = " ".join(text[i:m.end()].lower().replace(",", " , ").split())
                if sep in _SEPARATOR_FORMS:
                    pieces.append(text[start:i])
                    start = m.end()
    pieces.append(text[start:])
    for piece in pieces:
        piece = piece.strip(" ,;")
        if not piece:
            continue
        m = _PERSON_AFFIL_RE.match(piece)
        out.append((m.group("name").strip(), m.group("org").strip()) if m else (piece, None))
    return out


# Below this span-tagger PERSON score, a phrase only the speaker position makes a name
# (``Galaxy Rotation Curves``) fits a people slot weakly: a rival reading that puts it in the
# title slot should win. Set on ``dev``.
_TAGGER_WEAK_NAME = 0.02


@lru_cache(maxsize=4096)
def name_score(name: str) -> float:
    """How much ``name`` reads as one person's name: 1 for a full name, 0.8 for a name
    that only the speaker position allows (0.4 when the span tagger does not read it as a
    person), 0.4 for a lone capitalised given name."""
    if people.looks_like_person_name(name):
        return 1.0
    if people.looks_like_person_name(name, context=people.SPEAKER_CONTEXT):
        return 0.8 if people.tagger_person_score(name) >= _TAGGER_WEAK_NAME else 0.4
    tokens = name.split()
    if len(tokens) == 1 and re.fullmatch(r"[A-Z][a-z\u00C0-\u024F'’-]{1,20}", tokens[0]):
        return 0.4
    return 0.0


@lru_cache(maxsize=4096)
def people_score(text: str) -> float:
    """Mean name score over the people of a slot; 0 when a name fails outright.

    A placeholder (``TBD``, ``TBA``) fits a people slot weakly: the template, not the
    value, says a person stands there."""
    if is_placeholder(text):
        return 0.3
    found = split_people(text)
    if not found or len(found) > MAX_PEOPLE:
        return 0.0
    scores = [name_score(name) for name, _ in found]
    if min(scores) == 0.0:
        return 0.0
    return sum(scores) / len(scores)


@lru_cache(maxsize=4096)
def title_score(text: str) -> float:
    """How much ``text`` reads as a talk title: several words and not a name list."""
    if is_placeholder(text):
        return 0.6
    words = _WORD_RE.findall(text)
    if not words:
        return 0.0
    if people_score(text) >= 0.8:
        return 0.1
    head, dot, _ = text.partition(". ")
    if dot and people_score(head) >= 0.8 and len(split_people(head)) >= 2:
        return 0.5  # ``B and C. Title``: a name list opens it, the title is after it
    if len(words) == 1:
        return 0.5
    lead = _LEAD_DATE_RE.match(text)
    if lead and _has_month(lead.group("date")):
        return 0.7  # ``19 January 2024 — Title``: the date is a slot of its own
    return 1.0


def reading_score(reading: Reading) -> float:
    """Geometric mean of the slot scores of one reading (people alone: their score)."""
    if reading.title is None:
        return people_score(reading.people or "")
    scores = [title_score(reading.title or ""), people_score(reading.people or "")]
    if min(scores) == 0.0:
        return 0.0
    return math.prod(scores) ** (1 / len(scores))


# --------------------------------------------------------------------------- the choice


@dataclass(frozen=True)
class Choice:
    """The winning template of a document and its mean score (None: title only)."""

    template: Template | None
    score: float
    coverage: float
    # a template settled by part of the records only reads a person this likely
    min_people: float = 0.0

    def read(self, text: str) -> Reading | None:
        """``text`` read by the chosen template; None when it does not apply."""
        if self.template is None:
            return None
        reading = self.template.read(text)
        if reading is None or (reading.title is not None and title_score(reading.title) == 0.0):
            return None
        found = people_score(reading.people or "")
        if found == 0.0 or found < self.min_people:
            return None
        return reading


def choose(records: Sequence[str]) -> Choice:
    """The template that reads ``records`` best, against reading each as a title only."""
    texts = [" ".join(r.split()) for r in records if r and r.strip()]
    best = Choice(None, TITLE_ONLY_SCORE, 1.0)
    if not texts:
        return best
    prepared = [prepare(text) for text in texts]
    for template in templates():
        total = covered = strong = 0.0
        for text in prepared:
            reading = template.read_prepared(text)
            if reading is None:
                continue
            s = reading_score(reading)
            if s > 0:
                covered += 1
                strong += people_score(reading.people or "") >= STRONG_PEOPLE
            total += s
        score, coverage = total / len(texts), covered / len(texts)
        if coverage < MIN_COVERAGE or score <= best.score + 1e-9:
            continue
        # weak people values alone (lone first names) settle a template only by repetition
        if not strong and (covered < MIN_REPEATS or coverage < WEAK_COVERAGE):
            continue
        best = Choice(template, score, coverage)
    return best


def fits_one(record: str) -> bool:
    """``choose([record]).template is not None``, stopping at the first template that
    settles it: for one record, a template wins when it reads a strong person
    (``STRONG_PEOPLE``) and scores above the title-only reading."""
    text = " ".join(record.split()) if record else ""
    if not text:
        return False
    prepared = prepare(text)
    for template in templates():
        reading = template.read_prepared(prepared)
        if reading is None or people_score(reading.people or "") < STRONG_PEOPLE:
            continue
        if reading_score(reading) > TITLE_ONLY_SCORE + 1e-9:
            return True
    return False


# a template that reads a full name beside a title in this many records (and this share of
# them) settles those records even where the others hold no person (a feed mixing talks
# with breaks and welcomes)
PARTIAL_REPEATS = 3
PARTIAL_SHARE = 0.2


def choose_partial(records: Sequence[str]) -> Choice:
    """The template that reads a strong person and a title in the most records, for a
    document where no template reads (nearly) all of them: applied only where it reads a
    strong person, every other record stays a title.

    Why: a conference feed writes ``Title, Name`` for its talks and a bare ``Lunch Break``
    or ``Opening remarks`` for the rest; the whole-document mean lets the title-only reading
    win, and the names stay inside the titles."""
    texts = list(dict.fromkeys(" ".join(r.split()) for r in records if r and r.strip()))
    best = Choice(None, 0.0, 0.0)
    best_count = 0
    prepared = [prepare(text) for text in texts]
    for template in templates():
        count = 0
        for text in prepared:
            reading = template.read_prepared(text)
            if reading is None or reading.title is None:
                continue
            if people_score(reading.people or "") >= STRONG_PEOPLE and \
                    title_score(reading.title) >= 1.0:
                count += 1
        if count > best_count:
            best, best_count = Choice(template, count / len(texts), count / len(texts),
                                      min_people=STRONG_PEOPLE), count
    if best_count < PARTIAL_REPEATS or best_count < PARTIAL_SHARE * len(texts):
        return Choice(None, 0.0, 0.0)
    return best


# --------------------------------------------------------------------------- constant affixes

_TAG_RE = re.compile(r"^\s*(?:\[(?P<tag>[^\[\]]{1,60})\]\s*|(?P<label>[^:\[\]|–—-]{2,40}?)"
                     r"\s*(?::|\s[|–—-])\s+)(?=\S)")
TAG_SHARE = 0.8


def constant_tag(records: Sequence[str]) -> str | None:
    """A ``[Tag]`` or ``Label:`` that opens (nearly) every record of the document: a track
    or series label the template carries, not part of any title (``[plenary] Keynote -
    Name``, ``IEERG Seminar: Name (Org)``)."""
    distinct = list(dict.fromkeys(r for r in records if r))
    if len(distinct) < 3:
        return None
    tags = [m.group("tag") or m.group("label") for m in (_TAG_RE.match(r) for r in distinct)
            if m]
    if not tags:
        return None
    tag, count = max(((t, tags.count(t)) for t in set(tags)), key=lambda x: x[1])
    return tag if count >= TAG_SHARE * len(distinct) else None


_BRACKET_TAG_RE = re.compile(r"^\s*\[[^\[\]]{1,60}\]\s*(?=\S)")


def varying_bracket_tags(records: Sequence[str]) -> bool:
    """Whether (nearly) every record opens with a ``[Tag]``, the tags differing: a category
    column (``[AI] Title``, ``[Quantum] Title``) the exporter prefixes, part of no title."""
    distinct = list(dict.fromkeys(r for r in records if r))
    if len(distinct) < 3:
        return False
    tagged = sum(bool(_BRACKET_TAG_RE.match(r)) for r in distinct)
    return tagged >= TAG_SHARE * len(distinct)


def strip_bracket_tag(record: str) -> str:
    """``record`` without a leading ``[Tag]``."""
    return _BRACKET_TAG_RE.sub("", record, count=1)


_SUFFIX_SEP_RE = re.compile(r"\s+[|–—-]\s+")


def constant_suffix(records: Sequence[str]) -> str | None:
    """A `` - Site Name`` that closes (nearly) every record: the exporter's page-title
    suffix (``Talk title - Group Website - Chapter``), part of no title. Only a suffix cut
    at a separator and shared by ``TAG_SHARE`` of at least three distinct records counts."""
    distinct = list(dict.fromkeys(r.strip() for r in records if r and r.strip()))
    if len(distinct) < 3:
        return None
    counts: dict[str, int] = {}
    for record in distinct:
        seen = set()
        for m in _SUFFIX_SEP_RE.finditer(record):
            tail = record[m.start():]
            if tail not in seen and m.start() > 0:
                seen.add(tail)
                counts[tail] = counts.get(tail, 0) + 1
    shared = [t for t, n in counts.items() if n >= TAG_SHARE * len(distinct)]
    return max(shared, key=len) if shared else None


def strip_suffix(record: str, suffix: str) -> str:
    """``record`` without its closing ``suffix``."""
    stripped = record.rstrip()
    return stripped[: -len(suffix)].rstrip() if stripped.endswith(suffix) else record


def strip_tag(record: str, tag: str) -> str:
    """``record`` without its leading ``[tag]``."""
    m = _TAG_RE.match(record)
    return record[m.end():] if m and tag in (m.group("tag"), m.group("label")) else record
