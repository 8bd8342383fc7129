"""Plain text: seminar listings saved as text, announcements, emails and mbox archives.

A plain-text file is one of three things, told apart by its own structure:

* an email or an mbox archive (RFC 822 headers at the top): each message is read
  with Python's ``email`` package; its ``Date`` header becomes the talk's
  ``reference_date`` (the year an announcement leaves out) and its ``Subject`` the
  title when the body has none;
* a listing: blocks repeated per talk. The block starter is found from repetition
  in the document itself (the line, label or separator that recurs most), never
  from fixed strings;
* otherwise one announcement (``extractors.announcement.parse_talk``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from email.message import EmailMessage

from extractors.announcement import (
    _LABEL_RE,
    _SEPARATOR_RE,
    _SERIES_IN_PROSE,
    LABELS,
    cancellation,
    looks_like_when,
    parse_talk,
)
from pipeline import emails
from pipeline.errors import ExtractionError
from pipeline.normalise import dates
from pipeline.normalise.agenda import classify_kind
from pipeline.records import Document, RawTalk

VERSION = "2"

_SUBJECT_PREFIX_RE = re.compile(r"^(?:\s*(?:re|fwd?|aw|tr)\s*:\s*|\s*\[[^\]]*\]\s*)+", re.I)
_SUBJECT_EVENT_RE = re.compile(
    r"^(?:[\w&.\-]+\s+){0,5}?(?:seminars?|colloqui(?:um|a)|talks?|lectures?|reminder|"
    r"announcement|workshop|series|today|tomorrow|this\s+week)\s*(?:[:\-–—|]\s*)", re.I
)


def extract(doc: Document) -> list[RawTalk]:
    """Talks of a plain-text document (email/mbox, listing or single announcement)."""
    text = doc.text
    if not text.strip():
        raise ExtractionError("empty text document")
    if emails.is_email(text):
        talks: list[RawTalk] = []
        for n, msg in enumerate(emails.split_messages(doc.data)):
            for k, talk in enumerate(talks_from_message(msg, doc.path)):
                talk.key = f"msg{n}-{msg.get('Message-ID', '') or ''}-{k}"
                talks.append(talk)
    else:
        talks = talks_from_text(text)
    if doc.hints.series:
        # a header line or a phrase only suggests the series; a hinted one names it
        for talk in talks:
            talk.series = None
    return talks


_TEX_CMD_LINE = re.compile(r"^\s*\\(?P<cmd>[A-Za-z]+)\*?(?:\[[^\]]*\])?\{(?P<value>.*)\}\s*$")
_TEX_STRUCTURE = re.compile(
    r"^\s*\\(?:documentclass|usepackage|begin\{document\}|end\{\w+\}|maketitle|newpage)(?![A-Za-z]).*$"
)
_TEX_INLINE = re.compile(r"\\(?:emph|textbf|textit|texttt|underline|url|href\{[^}]*\})\{([^{}]*)\}")
# LaTeX fields that name the speaker under another word
_TEX_FIELD_NAMES = {"author": "Speaker", "authors": "Speakers", "place": "Place"}


def delatex(text: str) -> str:
    """An announcement left as LaTeX source (``\\title{…}``, ``\\speaker{…}``,
    ``\\begin{abstract}``) as labeled plain lines (``title: …``); other text unchanged."""
    lines = text.splitlines()
    if sum(1 for ln in lines if _TEX_CMD_LINE.match(ln) or _TEX_STRUCTURE.match(ln)) < 2:
        return text
    out: list[str] = []
    for line in lines:
        begin = re.match(r"^\s*\\begin\{(\w+)\}\s*$", line)
        if begin:
            out.append(f"{begin.group(1).capitalize()}:" if begin.group(1) != "document" else "")
            continue
        if _TEX_STRUCTURE.match(line):
            out.append("")
            continue
        line = _TEX_INLINE.sub(r"\1", line).replace("~", " ").replace("\\\\", "")
        m = _TEX_CMD_LINE.match(line)
        if m:
            name = _TEX_FIELD_NAMES.get(m["cmd"].lower(), m["cmd"])
            line = f"{name}: {m['value'].strip()}"
        out.append(line)
    return "\n".join(out)


def talks_from_text(
    text: str, *, subject: str | None = None, reference_date: dt.date | None = None
) -> list[RawTalk]:
    """A listing's talks, else the one talk the text announces."""
    text = delatex(text)
    listing = extract_listing(text, reference_date=reference_date)
    if listing:
        return listing
    talk = parse_talk(text.splitlines(), subject=subject, reference_date=reference_date)
    return [talk] if talk else []


# --- listings -------------------------------------------------------------------------


def _shape_key(line: str) -> str | None:
    """What a line *is* for block detection: a label, a separator, a date, or its text."""
    line = line.strip()
    if not line:
        return None
    if _SEPARATOR_RE.match(line):
        return "<separator>"
    m = _LABEL_RE.match(line)
    if m:
        return "<label:" + next(k for k in LABELS if m.group(k)) + ">"
    if looks_like_when(line):
        return "<when>"
    if len(line) > 80:
        return None
    return line.lower()


def _blocks(lines: list[str]) -> tuple[list[str], list[list[str]]]:
    """The preamble and the blocks of a listing; no blocks when nothing recurs."""
    keys = [_shape_key(ln) for ln in lines]
    counts = Counter(k for k in keys if k)
    first_at = {}
    for i, k in enumerate(keys):
        if k and k not in first_at:
            first_at[k] = i
    recurring = [k for k, c in counts.items() if c >= 2]
    if not recurring:
        return lines, []
    best = max(counts[k] for k in recurring)
    if counts.get("<separator>", 0) >= max(2, best - 1):
        starts = [i for i, k in enumerate(keys) if k == "<separator>"]
        bounds = [*starts, len(lines)]
        blocks = [lines[a + 1 : b] for a, b in zip(bounds, bounds[1:], strict=False)]
        pre = lines[: starts[0]]
        # content before the first separator is a block too when it is shaped like one
        return pre, [pre, *blocks]
    starter = min((k for k in recurring if counts[k] == best), key=lambda k: first_at[k])
    starts = [i for i, k in enumerate(keys) if k == starter]
    bounds = [*starts, len(lines)]
    return lines[: starts[0]], [lines[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]


def _boilerplate(blocks: list[list[str]]) -> frozenset[str]:
    """Short lines that recur in several blocks: labels of the page, not talk content
    (``Additional file``). Long recurring lines (a course's shared abstract) are kept."""
    seen: Counter[str] = Counter()
    for block in blocks:
        seen.update({ln.strip().lower() for ln in block if ln.strip()})
    return frozenset(
        ln for ln, c in seen.items()
        if c >= 2 and len(ln.split()) <= 4 and not ln.endswith(".") and not looks_like_when(ln)
        and _LABEL_RE.match(ln) is None
    )


def extract_listing(text: str, *, reference_date: dt.date | None = None) -> list[RawTalk]:
    """Talks of a text made of blocks repeated per talk; [] when it is not such a listing."""
    lines = text.splitlines()
    pre, blocks = _blocks(lines)
    if len(blocks) < 2:
        return []
    boiler = _boilerplate(blocks)
    # a recurring zone/location line is a field, not boilerplate; parse_talk sees it first
    year = None
    for line in pre:
        if line.strip() and (year := dates.find_year(line.strip()) or _year_in(line)):
            break
    talks: list[RawTalk] = []
    for block in blocks:
        if not any(ln.strip() for ln in block):
            continue
        talk = parse_talk(block, boilerplate=boiler, reference_date=reference_date)
        if talk is not None and block is pre and not (talk.speakers or talk.speaker_text):
            continue  # the page heading before the first separator
        if talk is None or talk.title is None:
            if block is pre:
                continue
            return []  # a block without a title: not a listing after all
        talk.year_hint = year
        talks.append(talk)
    if len(talks) < 2:
        return []
    _mark_lecture_parts(talks)
    flat = " ".join(text.split())
    shared = _SHARED_PLACE.search(flat)
    series = _SERIES_IN_PROSE.search(" ".join(" ".join(pre).split()))
    for talk in talks:
        if shared and talk.location is None:
            talk.location = shared["loc"]
        if series and talk.series is None:
            talk.series = series["series"]
    return talks


# ``All talks take place in Aula 1.14.``: one place for every talk of a listing.
_SHARED_PLACE = re.compile(
    r"\ball\s+(?:the\s+)?(?:talks|seminars|lectures|meetings|sessions)\b[^.]{0,40}?\b"
    r"(?:take\s+place|will\s+(?:take\s+place|be\s+(?:held|given))|are\s+(?:held|given))\s+"
    r"(?:in|at)\s+(?:the\s+)?(?P<loc>[^.;]+?(?:\.\d+[^.;]*?)?)\s*(?:[.;](?:\s|$)|$)",
    re.I,
)


_PART_RE = re.compile(
    r"\s*(?:[-–—:,(]\s*)?(?:\b(?:part|lecture|session)\s+)?\b(?:[IVX]{1,4}|\d{1,2})\)?\s*$", re.I
)
_COURSE_RE = re.compile(r"\b(?:mini-?)?course\b|\blecture series\b", re.I)


def _mark_lecture_parts(talks: list[RawTalk]) -> None:
    """Talks that are parts of one course (``Title I``/``Title II`` under the same stem, or
    an abstract describing a course) are lectures unless their title says otherwise."""
    stems = Counter(_PART_RE.sub("", t.title or "").lower() for t in talks if t.title
                    and _PART_RE.search(t.title))
    for talk in talks:
        if not talk.title or talk.kind is not None:
            continue
        parts = _PART_RE.search(talk.title) and stems[_PART_RE.sub("", talk.title).lower()] >= 2
        first_sentence = re.split(r"(?<=[.!?])\s", talk.abstract or "", maxsplit=1)[0]
        if parts or _COURSE_RE.search(first_sentence):
            talk.kind = classify_kind(talk.title, "lecture series")


def _year_in(heading: str) -> int | None:
    """A year in a short heading line (``2020 seminars``)."""
    if len(heading) > 60:
        return None
    m = re.search(r"\b(19[5-9]\d|20\d\d)\b", heading)
    return int(m.group(1)) if m else None


# --- email ----------------------------------------------------------------------------


def clean_subject(subject: str | None) -> str | None:
    """The title a Subject may hold: reply/list prefixes and event words removed."""
    if not subject:
        return None
    s = _SUBJECT_PREFIX_RE.sub("", " ".join(str(subject).split()))
    s = _SUBJECT_EVENT_RE.sub("", s).strip()
    return s or None


def _announces(talks: list[RawTalk]) -> bool:
    """Talks that are more than a Subject line: someone named, or a time stated."""
    return any(t.speakers or t.speaker_text or t.when_text for t in talks)


def _calendar_talks(msg: EmailMessage, source: str) -> list[RawTalk]:
    """The talks of an invitation's ``text/calendar`` part(s), read by the ICS extractor."""
    from extractors.ics import extract_calendar

    talks: list[RawTalk] = []
    for cal in emails.calendar_parts(msg):
        if cal.strip().upper().startswith("BEGIN:VCALENDAR"):
            talks.extend(extract_calendar(cal, source=source))
    return talks


def talks_from_message(msg: EmailMessage, source: str = "<email>") -> list[RawTalk]:
    """The talk(s) one email announces.

    The sender's own text is read first; when it announces nothing (``FYI``), the
    forwarded or quoted message is, with its own Subject and Date. A calendar
    invitation's event wins over the text (its times are exact). A message that says
    the talk is cancelled or postponed keeps its row with a warning.
    """
    talks = _calendar_talks(msg, source)
    texts = emails.message_texts(msg)
    if not talks:
        fallback: list[RawTalk] = []
        for mt in texts:
            if not mt.text.strip():
                continue
            found = talks_from_text(mt.text, subject=clean_subject(mt.subject),
                                    reference_date=mt.date)
            if _announces(found):
                talks = found
                break
            fallback = fallback or found
        talks = talks or fallback
    if (note := cancellation(str(msg.get("Subject") or ""))) is not None:
        for talk in talks:
            if note not in talk.warnings:
                talk.warnings.append(note)
    return talks
