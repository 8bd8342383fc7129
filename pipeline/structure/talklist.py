"""Talk lists: one talk per line, named by nobody, as a CV or a home page lists its author's talks.

Why: a researcher's ``talks.txt`` (or the "Talks" list of a home page) is a run of lines of
one shape: ``• “Title", Venue, City, December 2017``, ``11. Title, Seminar, University,
2015年10月``, ``- Title (18/10/2023): [[slides][Slides]]``, ``2025 | Conference | City |
Oral | Title``. No line names a speaker (the page's owner gives every talk), so the record
finder, which wants a person in each record, finds nothing. What the lines share is their
shape: a list marker or a column separator, a slot that is always a date, and a slot of
title-like text that is the talk's. The slot roles are decided over all lines of the
document together (``_title_column``), never per line, so one title holding a comma or one
line missing its city is read by the position its siblings settle.

Precision guards, each a document-level test: most lines state a year (a list of links or
of topics does not); the title slot is not a person's name in many lines (a list of
people or a publication list opening with its authors is not a talk list); a column of
event names (``12th Conference on …``) is the venue, not the title, so a CV line naming
only the conference gives no row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.normalise import dates
from pipeline.normalise.agenda import is_non_talk
from pipeline.normalise.text import is_placeholder
from pipeline.normalise.vocab import EVENT_WORDS
from pipeline.records import RawTalk
from pipeline.structure import templates

# a document must list at least this many talks, and this share of its lines must state a
# year, for its lines to be read as a talk list
MIN_ITEMS = 3
DATED_SHARE = 0.6
# a title slot holding a person's name in more than this share of lines: not a talk list
PERSON_TITLE_SHARE = 0.3
# a one-line paragraph longer than this is prose, not a list line
ALONE_MAX_CHARS = 300
# the title follows the date when this share of dated lines goes on after it
AFTER_DATE_SHARE = 0.6
# what a first slot scores as people when it is nothing but full names
FULL_NAME = 0.99
# a column whose values hold an event noun this often names the venue
EVENT_COLUMN_SHARE = 0.5

_MARKER_RE = re.compile(r"^\s*(?:[-*+•·▪◦‣]|\d{1,3}[.)]|\(\d{1,3}\))\s+(?=\S)")
# ``2023  "Title", Venue, City``: a year set apart at the head of the line marks an item too
_YEAR_LED_RE = re.compile(r"^\s*(?P<year>(?:19|20)\d{2})(?:\s{2,}|\t|\s*[:–—|]\s+|\s+-\s+)(?=\S)")
_PIPE_SPLIT_RE = re.compile(r"\s*\|\s*")
_ORG_LINK_RE = re.compile(r"\[\[([^\]]+)\](?:\[([^\]]*)\])?\]")
_BARE_URL_RE = re.compile(r"(?<![\w(\[])https?://\S+")
_MD_LINK_RE = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")
_QUOTED_LEAD_RE = re.compile(r"^[\"“”«„‘](?P<title>[^\"“”«»„]{3,300}?)[\"“”»’]"
                             r"\s*[,.:;–—-]?\s*(?P<rest>.*)$")
_PAREN_DATE_RE = re.compile(r"^(?P<title>.+?)\s*\((?P<date>[^()]{4,30})\)"
                            r"\s*[:,.;–—-]?\s*(?P<rest>.*)$")
_MONTH_RE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?![a-z])", re.I)
_YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_TAIL_DATE_RE = re.compile(
    r"(?:\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+)?"
    r"(?<!\d)(?:19|20)\d{2}\s*$", re.I)
_EVENT_WORDS = frozenset(EVENT_WORDS)
_MEDIA_LABEL_RE = re.compile(r"^\W*(?:slides?|video|recording|pdf|(?:latex\s+)?sources?|code|"
                             r"paper|poster|abstract|link|website|page|here|watch|youtube)\W*$",
                             re.I)
_EMPHASIS_RE = re.compile(r"(?<![\w*])\*(\S(?:[^*]*\S)?)\*(?![\w*])")
_DASH_SEP_RE = re.compile(r"\s+[-–—]\s+")
_VIDEO_LABEL_RE = re.compile(r"video|recording|youtube|youtu\.be|vimeo|watch\b", re.I)
_SLIDES_LABEL_RE = re.compile(r"slides?\b|\.pdf\b|speakerdeck|slideshare", re.I)


@dataclass
class _Item:
    """One line of the list cut into its slots, with the links it carried."""

    slots: list[str]
    links: list[tuple[str, str]] = field(default_factory=list)
    title: str | None = None  # a quoted or parenthesis-led title the line settles itself
    date: str | None = None
    piped: bool = False  # a ``|``-separated line: its slots are columns


def is_date_slot(text: str) -> bool:
    """``December 2017``, ``18/10/2023``, ``2015年10月``, ``2026``: a slot that is only a date."""
    text = text.strip(" .,;()")
    if not text or len(text) > 32 or not _YEAR_RE.search(text):
        return False
    rest = _MONTH_RE.sub(" ", text)
    rest = re.sub(r"[\d\s./,–—-]|年|月|日|st\b|nd\b|rd\b|th\b", " ", rest)
    return not rest.strip()


def _links(text: str) -> tuple[str, list[tuple[str, str]]]:
    """``text`` with its org-mode and markdown links taken out, and (label, url) of each.

    A link labelled by what it points to (``Slides``, ``Video``, ``LaTeX sources``) leaves
    nothing behind; one labelled by text (``[[talk.pdf][Title]]``) leaves its label in place,
    since the label is a slot of the line."""
    found: list[tuple[str, str]] = []

    def keep(label: str) -> str:
        return "" if not label or _MEDIA_LABEL_RE.search(label) else label

    def org(m: re.Match[str]) -> str:
        found.append((m.group(2) or "", m.group(1)))
        return keep(m.group(2) or "")

    def md(m: re.Match[str]) -> str:
        found.append((m.group(1), m.group(2)))
        return keep(m.group(1))

    def bare(m: re.Match[str]) -> str:
        found.append(("", m.group(0)))
        return ""

    text = _BARE_URL_RE.sub(bare, _MD_LINK_RE.sub(md, _ORG_LINK_RE.sub(org, text)))
    text = _EMPHASIS_RE.sub(r"\1", text)  # ``*03.09.2015*``: emphasis is no text
    text = re.sub(r"(?:\s*[,;:]\s*)+\.?\s*$", "", " ".join(text.split()))
    return text.strip(" ."), found


def _split_slots(text: str) -> list[str]:
    """``text`` cut into slots: at its dashes when two or more separate it (``date - Title -
    Venue, City``), else at its commas."""
    if len(_DASH_SEP_RE.findall(text)) >= 2:
        return [p.strip() for p in _DASH_SEP_RE.split(text) if p.strip()]
    return _split_commas(text)


def _split_commas(text: str) -> list[str]:
    """``text`` cut at its commas outside parentheses and quotes."""
    out, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        depth += ch in "(["
        depth -= ch in ")]" and depth > 0
        if ch == "," and depth == 0:
            out.append(text[start:i])
            start = i + 1
    out.append(text[start:])
    return [p.strip() for p in out if p.strip()]


_MONTH_DAY = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:-\d{1,2})?"
_DATE_LED_RE = re.compile(
    rf"^(?P<date>(?:{_MONTH_DAY},?\s+)?(?:19|20)\d{{2}})\s+(?P<rest>[^\d\s].*)$", re.I)
_MONTH_DAY_RE = re.compile(rf"^{_MONTH_DAY}$", re.I)


def _date_slots(slots: list[str]) -> list[str]:
    """``slots`` with a date run into the text after it cut off (``Mar. 7 2022 Title``)
    and a month-day slot joined to the year slot after it (``Apr. 28``, ``2022``)."""
    out: list[str] = []
    for slot in slots:
        m = _DATE_LED_RE.match(slot)
        parts = [m.group("date"), m.group("rest")] if m and not is_date_slot(slot) else [slot]
        for part in parts:
            if out and _MONTH_DAY_RE.match(out[-1]) and re.fullmatch(r"(?:19|20)\d{2}", part):
                out[-1] = f"{out[-1]} {part}"
            else:
                out.append(part)
    return out


def _items(text: str) -> list[_Item]:
    """The lines of the document's dominant list shape, cut into slots."""
    marked: list[str] = []
    piped: list[str] = []
    alone: list[str] = []  # one-line paragraphs of comma-separated slots, no marker
    lines = text.splitlines()
    for n, line in enumerate(lines):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue  # org/markdown keywords, comments and headings are no list items
        if stripped.count("|") >= 2 and not stripped.startswith("|"):
            piped.append(stripped)
        elif _MARKER_RE.match(line):
            marked.append(_MARKER_RE.sub("", line).strip())
        elif m := _YEAR_LED_RE.match(line):
            # the year goes to the end, where a line's date stands when it has no other
            rest = line[m.end():].strip()
            marked.append(rest if _YEAR_RE.search(rest) else f"{rest}, {m['year']}")
        elif stripped.count(",") >= 2 and len(stripped) <= ALONE_MAX_CHARS \
                and (n == 0 or not lines[n - 1].strip()) \
                and (n + 1 == len(lines) or not lines[n + 1].strip()):
            alone.append(stripped)
    if len(alone) > max(len(marked), len(piped)):
        marked = alone
    out: list[_Item] = []
    if len(piped) > len(marked):
        for line in piped:
            body, links = _links(line)
            out.append(_Item([s.strip() for s in _PIPE_SPLIT_RE.split(body)], links, piped=True))
        return out
    for line in marked:
        body, links = _links(line)
        m = _QUOTED_LEAD_RE.match(body)
        if m:
            out.append(_Item(_split_commas(m.group("rest")), links, title=m.group("title")))
            continue
        m = _PAREN_DATE_RE.match(body)
        if m and is_date_slot(m.group("date")):
            out.append(_Item(_split_commas(m.group("rest")), links, title=m.group("title"),
                             date=m.group("date")))
            continue
        out.append(_Item(_date_slots(_split_slots(body)), links))
    return out


def _event_like(text: str) -> bool:
    return any(w in _EVENT_WORDS for w in re.findall(r"[a-z]+", text.lower()))


def _title_column(items: list[_Item]) -> int | None:
    """The slot position that holds the titles, decided over every line of a table-shaped
    list: the column of longest free text that is neither a date, a link nor a run of
    event names (the venue column)."""
    width = max(len(i.slots) for i in items)
    best: tuple[float, int | None] = (0.0, None)
    for col in range(width):
        values = [i.slots[col] for i in items if col < len(i.slots) and i.slots[col]]
        if not values:
            continue
        if sum(is_date_slot(v) for v in values) >= 0.5 * len(values):
            continue
        if any(re.match(r"https?://", v) for v in values):
            continue
        if sum(_event_like(v) for v in values) >= EVENT_COLUMN_SHARE * len(values):
            continue
        words = sum(len(v.split()) for v in values) / len(values)
        if words >= 3 and words > best[0]:
            best = (words, col)
    return best[1]


def _after_date(item: _Item) -> list[str]:
    """The slots after the line's last date slot."""
    last = max((n for n, s in enumerate(item.slots) if is_date_slot(s)), default=None)
    if last is None:
        return []
    # a leading date is followed by the title and then the venue; a date in the middle
    # (``Venue, Place, date, Title``) by the title alone, commas and all
    return item.slots[last + 1:last + 2] if last == 0 else item.slots[last + 1:]


def _title_sized(text: str) -> bool:
    """Two words at least; a title in a script written without spaces (Japanese, Chinese)
    by its length instead."""
    if len(text.split()) >= 2:
        return True
    return len(text) >= 6 and bool(re.search(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]", text))


def _date_of(item: _Item) -> str | None:
    if item.date:
        return item.date
    found = next((s for s in reversed(item.slots) if is_date_slot(s)), None)
    if found is None and item.slots:  # ``London Jan 2010``: the place and date unseparated
        m = _TAIL_DATE_RE.search(item.slots[-1])
        found = m.group(0) if m and m.start() > 0 else None
    return found


def media(talk: RawTalk, links: list[tuple[str, str]]) -> None:
    """Video and slides links of (label, url) pairs: the label (``Slides``, ``Video``) or
    the target (a ``.pdf``, a YouTube address) says which."""
    for label, url in links:
        if _VIDEO_LABEL_RE.search(label) or re.search(r"youtube\.com|youtu\.be|vimeo", url):
            talk.video = talk.video or url
        elif _SLIDES_LABEL_RE.search(label) or url.lower().endswith(".pdf"):
            talk.slides = talk.slides or url


def talk_list(text: str) -> list[RawTalk]:
    """The talks of a document that is a list of its author's talks, one per line; [] when
    the document is not one (too few lines, few dated, titles that read as names)."""
    items = _items(text)
    if len(items) < MIN_ITEMS:
        return []
    dated = [i for i in items if _date_of(i)]
    if len(dated) < DATED_SHARE * len(items):
        return []
    tabular = all(i.piped for i in items)
    column = _title_column(items) if tabular else None
    # ``Venue, Place, Aug. 22 2026, Title``: where the title stands is settled by all lines
    after_date = column is None and \
        sum(bool(_after_date(i)) for i in dated) >= AFTER_DATE_SHARE * len(dated)
    talks: list[RawTalk] = []
    person_titles = 0
    seen: dict[str, int] = {}
    for item in items:
        if item.title is not None:
            title: str | None = item.title
        elif column is not None:
            title = item.slots[column] if column < len(item.slots) else None
        elif after_date:
            title = ", ".join(_after_date(item)) or None
        else:
            title = next((s for s in item.slots if not is_date_slot(s)), None)
        # a title the document's shape places (quoted, after the date, its column) may be one
        # word (``Heartbleed``); a bare first slot must look like a title by its size
        placed = item.title is not None or column is not None or after_date
        if not title or not (placed or _title_sized(title)) or is_placeholder(title) \
                or is_non_talk(title):
            continue
        # a quoted or date-led title is marked as one; a bare first slot that is a full
        # name (``Ana Lima, Karl Berg, Title, Journal, 2021``) opens a paper or a roster
        if item.title is None and templates.people_score(title) >= FULL_NAME:
            person_titles += 1
        talk = RawTalk(title=title.strip(" \"“”"))
        # a month and year (``December 2017``) is stated when too, though it dates no day
        talk.when_text = _date_of(item)
        talk.year_hint = dates.find_year(talk.when_text) if talk.when_text else None
        media(talk, item.links)
        # the same title given at several venues in one month is several talks: the key
        # counts repeats, so their ids differ and stay stable
        base = f"list|{talk.when_text or ''}|{' '.join(talk.title.casefold().split())}"
        seen[base] = seen.get(base, 0) + 1
        talk.key = base if seen[base] == 1 else f"{base}|{seen[base]}"
        talks.append(talk)
    # a table's title column is settled by all its lines: a few lines filling it suffice
    if not talks or (column is None and len(talks) < MIN_ITEMS):
        return []
    if person_titles > PERSON_TITLE_SHARE * len(talks):
        return []  # the lines open with people: a list of names or of papers
    _settle_numeric_order(talks)
    return talks


_NUMERIC_DATE_RE = re.compile(r"^\s*(\d{1,2})[./-](\d{1,2})[./-]((?:19|20)\d{2})\s*$")


def _settle_numeric_order(talks: list[RawTalk]) -> None:
    """Numeric dates of one list share one order: a ``14/09/2022`` beside a ``02/05/2022``
    says the list is day-first, so every numeric date is rewritten as ISO in that order."""
    found = [(t, m) for t in talks if t.when_text
             for m in [_NUMERIC_DATE_RE.match(t.when_text)] if m]
    day_first = any(int(m.group(1)) > 12 for _, m in found)
    month_first = any(int(m.group(2)) > 12 for _, m in found)
    if day_first == month_first:
        return  # nothing settles it, or the list contradicts itself: left to the parser
    for talk, m in found:
        a, b, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        day, month = (a, b) if day_first else (b, a)
        if 1 <= month <= 12 and 1 <= day <= 31:
            talk.when_text = f"{year:04d}-{month:02d}-{day:02d}"
