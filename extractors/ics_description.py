"""DESCRIPTION reading of the iCalendar extractor: labels and line structure.

Why this module exists: descriptions carry the talk's text fields in several dialects
(researchseminars.org ``Title:``/``by NAME as part of SERIES``, Indico ``Speakers:`` and a
trailing event URL, hand-written ``Speaker:``/``Abstract:``/``Slides:`` labels, meeting
invitations appended by Outlook/Teams/Google/Zoom); this module turns one description
into a ``Description`` of what it states, by field, recognised by content.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from extractors.ics_text import (
    _LINK_LINE_RE,
    _URL_ANYWHERE_RE,
    _URL_RE,
    _is_meeting_link,
    _resolve,
    _Text,
    _tidy,
)
from pipeline.normalise import text as normtext
from pipeline.normalise.dates import looks_like_when
from pipeline.normalise.people import looks_like_person_name, parse_speakers
from pipeline.normalise.vocab import (
    BYLINE_WORDS,
    CHAIR_LABEL,
    CONTEXT_LABELS,
    FIELD_LABELS,
    SERIES_LABEL,
)
from pipeline.structure import templates

# The shared label vocabulary's fields (``vocab.FIELD_LABELS``, ``CONTEXT_LABELS``, the
# series label) as this reader's kinds. Block kinds take the following lines as their value;
# ``drop`` lines are read and dropped (not the abstract, not a talk field: the host, the
# time already in DTSTART, the meeting logistics); ``drop_block`` drops the lines up to the
# next blank one (an agenda); a field without a kind here (``Affiliation:``) is no label
# for a description.
_KINDS: dict[str, str] = {
    "title": "title", "speaker": "speakers", "abstract": "abstract", "bio": "bio",
    "slides": "slides", "video": "video", "url": "url", "location": "location",
    "series": "series", "host": "drop", "when": "drop", "date": "drop", "time": "drop",
    "agenda": "drop_block", "meeting": "drop", "link": "url_if_link", "audience": "drop",
}
_DESCRIPTION_LABELS: dict[str, str] = {
    k: v for k, v in {**FIELD_LABELS, **CONTEXT_LABELS, "series": SERIES_LABEL}.items()
    if k in _KINDS
}
_BLOCK_KINDS = {"abstract", "bio"}
# labels that may stand alone on their line (their value follows on the next lines)
_VALUELESS_OK = _BLOCK_KINDS | {"speakers", "drop_block"}
_CHAIR_LABEL_RE = re.compile(CHAIR_LABEL, re.I)
# Meeting invitations: a rule of underscores (Outlook/Teams), Google's -::~:~::~ rule,
# or the first line of a Zoom/Teams/Meet block.
_RULE_RE = re.compile(r"^(?:_{10,}|-?(?::{1,2}~)+:{1,2}-?|-::~[:~]+-)$")
_JOIN_RE = re.compile(
    r"^(?:join\s+zoom\s+meeting|microsoft\s+teams\s+meeting|join\s+with\s+google\s+meet"
    r"|join\s+(?:the\s+)?(?:microsoft\s+teams|webex)\s+meeting)\b",
    re.I,
)
_HELD_IN_RE = re.compile(
    r"^(?:(?:the\s+)?(?:lecture|talk|seminar|colloquium|event|meeting)\s+)?(?:will\s+be\s+|is\s+)?"
    r"held\s+(?:in|at)\s+(?P<where>\S.*?)\.?$",
    re.I,
)
_ONLINE_RE = re.compile(r"^(?:online|virtual|online\s+only|held\s+online|via\s+zoom)\.?$", re.I)
_PART_OF_SERIES_RE = re.compile(
    r"^this\s+(?:talk|event|lecture|seminar)\s+is\s+part\s+of\s+(?:the\s+)?"
    r"(?P<series>\S.*?)\s+series\.?$",
    re.I,
)
_LABEL_RE = re.compile(
    r"^[\s*_#>]*(?P<label>"
    + normtext.label_alternatives(_DESCRIPTION_LABELS)
    + r")[*_]*\s*(?:(?::|\s[–—-])[*_]*\s*(?P<value>.*?)|)\s*$",
    re.I,
)
# researchseminars.org: "by NAME (AFFILIATION) as part of SERIES"
_BY_PART_OF_RE = re.compile(r"^by\s+(?P<who>.+?)\s+as\s+part\s+of\s+(?P<series>.+?)\.?$", re.I)
_BY_RE = re.compile(r"^by\s+(?P<who>\S.*)$", re.I)
# a label this module does not know (``Affiliation:``, ``Score: 100``): ends a list of
# speakers under an empty ``Speaker:`` label, never one of them
_OTHER_LABEL_RE = re.compile(r"^[A-Z][\w .'’/-]{0,30}:(?:\s|$)")


@dataclass
class _Description:
    """What the description states, by field."""

    title: str | None = None
    title_url: str | None = None
    speakers: list[str] = field(default_factory=list)
    abstract: str | None = None
    bio: str | None = None
    series: str | None = None
    url: str | None = None
    slides: str | None = None
    video: str | None = None
    location: str | None = None
    online: bool = False  # a meeting link or invitation block
    chairs: bool = False  # names a chair/convener (a session, when no speaker is named)
    lead_speaker: str | None = None  # an unlabelled opening speaker line
    rest: list[str] = field(default_factory=list)  # the body after ``lead_speaker``


def _parse_description(desc: _Text) -> _Description:
    """Fields of a description, by its labels and line structure (see module docstring)."""
    out = _Description()
    lines = _cut_meeting_boilerplate(desc.text.split("\n"), out)
    blocks: dict[str, list[str]] = {"abstract": [], "bio": [], "body": []}
    current = "body"
    prev_kind = None
    body_at_first_label: int | None = None  # body length when a speaker/title label came
    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        i += 1
        m = _LABEL_RE.match(stripped) if stripped else None
        href = next((h for t, h in desc.links if t == stripped), None) if m else None
        if m and m.group("value") is None and href:
            # a link whose text is the label: <a href="...pdf">Slides</a>
            _assign(out, _kind(m), href, desc.links)
            continue
        if m and (m.group("value") is not None or _kind(m) in _VALUELESS_OK):
            kind = _kind(m)
            value = (m.group("value") or "").strip()
            prev_kind = kind
            if kind in ("speakers", "title") and body_at_first_label is None:
                body_at_first_label = len(blocks["body"])
            if kind in _BLOCK_KINDS:
                current = kind
                if value:
                    blocks[kind].append(value)
                continue
            current = "body"
            if kind == "drop_block" or (kind == "speakers" and not value):
                # "Agenda:" / "Speakers:" then one item per line up to a blank line
                while (i < len(lines) and lines[i].strip() and not _LABEL_RE.match(lines[i].strip())
                       and not (kind == "speakers" and _OTHER_LABEL_RE.match(lines[i].strip()))):
                    if kind == "speakers":
                        out.speakers.append(lines[i].strip())
                    i += 1
                continue
            if (kind == "drop" and _CHAIR_LABEL_RE.fullmatch(_norm_label(m))
                    and not normtext.is_placeholder(value or "")):
                out.chairs = True  # ``Chair: TBC`` names no chair
            if not value and i < len(lines) and _URL_RE.match(lines[i].strip()):
                value = lines[i].strip()
                i += 1
            _assign(out, kind, value, desc.links)
            continue
        rs = _BY_PART_OF_RE.match(stripped)
        if rs:
            out.speakers.append(rs.group("who").strip())
            out.series = out.series or rs.group("series").strip()
            current, prev_kind = "body", "speakers"
            continue
        by = _BY_RE.match(stripped)
        if by and prev_kind == "title" and not out.speakers:
            out.speakers.append(by.group("who").strip())
            current, prev_kind = "body", "speakers"
            continue
        if current == "body" and _venue_line(stripped, out):
            continue
        if _lone_logistics_note(stripped, blocks[current]):
            continue  # ``Note the earlier time this week.`` opening a paragraph
        if stripped:
            prev_kind = None
        blocks[current].append(line)
    body = blocks["body"]
    if (
        body_at_first_label is not None
        and _join(body[body_at_first_label:])
        and _is_invitation(body[:body_at_first_label])
    ):
        # an invitation before the first Speaker:/Title: label ("Join us for...", the
        # group's name and the date); the talk's own text follows the labels
        body = body[body_at_first_label:]
    for kind, block in (("abstract", blocks["abstract"]), ("bio", blocks["bio"])):
        blocks[kind] = _strip_trailing_links(block, out)
    body = _strip_trailing_links(body, out)
    out.abstract = _join(blocks["abstract"]) or _join(body)
    out.bio = _join(blocks["bio"])
    if not blocks["abstract"] and not out.speakers:
        out.lead_speaker, out.rest = _lead_speaker(body)
    return out


_INVITATION_RE = re.compile(
    r"\b(?:join\s+us|don['’]t\s+miss|you\s+are\s+(?:cordially\s+)?invited|we\s+are\s+"
    r"(?:pleased|happy|delighted|excited|thrilled)|please\s+join|come\s+(?:and\s+)?(?:join|hear)"
    r"|all\s+(?:are\s+)?welcome|everyone\s+is\s+welcome|register|rsvp|book\s+now|free\s+(?:and\s+)?"
    r"open|pizza|refreshments|snacks|drinks)\b",
    re.I,
)


def _is_invitation(lines: list[str]) -> bool:
    """Text before the talk's labels that invites rather than describes: invitation
    wording, or a line that is only a date/time (Meetup opens with the group and date)."""
    text = " ".join(line.strip() for line in lines if line.strip())
    if not text:
        return False
    return bool(_INVITATION_RE.search(text)) or any(
        len(line.strip()) < 60 and looks_like_when(line.strip()) for line in lines if line.strip()
    )


def _cut_meeting_boilerplate(lines: list[str], out: _Description) -> list[str]:
    """Lines without the meeting invitation a calendar client appends (Teams between
    underscore rules, Google Meet between ``-::~:~::`` rules, a ``Join Zoom Meeting``
    block to the end). A meeting link anywhere marks the talk as online."""
    kept: list[str] = []
    inside = False
    for line in lines:
        stripped = line.strip()
        if any(_is_meeting_link(u) for u in _URL_ANYWHERE_RE.findall(stripped)):
            out.online = True
        if _RULE_RE.match(stripped):
            inside = not inside
            continue
        if not inside and _JOIN_RE.match(stripped):
            inside = True  # an invitation block without a rule: runs to the end
            out.online = True
        if not inside:
            kept.append(line)
    return kept


def _lone_logistics_note(line: str, before: list[str]) -> bool:
    """A one-sentence note about this occurrence's logistics (``normtext.is_logistics_note``)
    opening a paragraph: no part of the abstract."""
    opens = not before or not before[-1].strip()
    one_sentence = not re.search(r"[.!?]\s+\S", line)
    return opens and one_sentence and normtext.is_logistics_note(line)


def _venue_line(line: str, out: _Description) -> bool:
    """``Lecture held in Room 127.`` / a lone ``Online`` / ``This talk is part of the X
    series.``: where the talk is or what it belongs to, stated in the body."""
    m = _HELD_IN_RE.match(line)
    if m:
        out.location = out.location or m.group("where").strip()
        return True
    if _ONLINE_RE.match(line):
        out.location = out.location or "Online"
        return True
    m = _PART_OF_SERIES_RE.match(line)
    if m:
        out.series = out.series or m.group("series").strip()
        return True
    return False


def _lead_speaker(body: list[str]) -> tuple[str | None, list[str]]:
    """(speaker line, remaining body) when the description opens with a paragraph of one
    short line that names a person (``Dr Jane Doe, University of X``, talks.cam style)."""
    lines = list(body)
    while lines and not lines[0].strip():
        lines.pop(0)
    if not lines or (len(lines) > 1 and lines[1].strip()):
        return None, body
    first = lines[0].strip()
    if len(first) > 150 or first.endswith((".", "?", "!", ":")):
        return None, body
    speakers = parse_speakers(first)
    if not speakers or not all(looks_like_person_name(sp.name) for sp in speakers):
        return None, body
    return first, lines[1:]


def _kind(m: re.Match[str]) -> str:
    """This reader's kind of the label ``_LABEL_RE`` matched."""
    return _KINDS[normtext.matched_label(m, _DESCRIPTION_LABELS)]


def _norm_label(m: re.Match[str]) -> str:
    return " ".join(m.group("label").lower().split())


def _assign(out: _Description, kind: str, value: str, links: list[tuple[str, str]]) -> None:
    if not value:
        return
    if kind == "title":
        out.title = out.title or value
        out.title_url = out.title_url or next((h for t, h in links if t == value), None)
    elif kind == "speakers":
        out.speakers.append(value)
    elif kind == "slides":
        out.slides = out.slides or _resolve(value, links)
    elif kind == "video":
        out.video = out.video or _resolve(value, links)
    elif kind in ("url", "url_if_link"):
        link = _resolve(value, links)
        if _URL_RE.match(link) and not _is_meeting_link(link):
            out.url = out.url or link
    elif kind == "location":
        out.location = out.location or value
    elif kind == "series":
        out.series = out.series or value


def _strip_trailing_links(lines: list[str], out: _Description) -> list[str]:
    """Link lines at the end of a text block are its links, not its prose: a bare URL
    (Indico ends descriptions with the event URL) or a short lead-in and a URL (``For
    details, click here: URL``). The first non-meeting one is the talk's page."""
    while lines:
        last = lines[-1].strip()
        m = _URL_RE.match(last) or _LINK_LINE_RE.match(last)
        if last and not m:
            break
        lines = lines[:-1]
        url = m.group(1) if m else None
        if url and not _is_meeting_link(url):
            out.url = out.url or url
    return lines


def _join(lines: Iterable[str]) -> str | None:
    text = _tidy("\n".join(lines))
    return text or None


# ``1.``, ``2)``, ``iii.``, ``II)`` opening a line: an item of a list the description makes
_ENUMERATED_RE = re.compile(r"^\s*(?:\d{1,2}|[ivx]{1,5}|[IVX]{1,5})\s*[.)]\s*(?P<body>\S.*?)\s*$")
# the share of a description's enumerated items that must read as ``people: title``
HELD_SHARE = 0.6


# a bullet item (``- "Title"``) and, on the next line, its byline (``Par A, B et C.``)
_BULLET_RE = re.compile(r"^\s*[-*•–]\s+(?P<body>\S.*?)\s*$")
_BYLINE_RE = re.compile(rf"^\s*(?:{'|'.join(BYLINE_WORDS)})\s+(?P<people>\S.*?)[\s.]*$", re.I)


def _bylined_items(lines: list[str]) -> list[tuple[str, str | None]]:
    """(people, title) of each bullet item whose next line is its byline."""
    found = []
    for line, nxt in zip(lines, lines[1:], strict=False):
        item, by = _BULLET_RE.match(line), _BYLINE_RE.match(nxt)
        if item and by and templates.people_score(by["people"]) >= templates.STRONG_PEOPLE:
            title = re.sub(r"^[\"“”«»']+|[\"“”«»']+$", "", item["body"].strip(" .")).strip()
            found.append((by["people"],
                          None if not title or normtext.is_placeholder(title) else title))
    return found


# a line that is only the speakers' label (``Speakers``, ``Intervenants :``), heading a list
_SPEAKERS_HEADING_RE = re.compile(rf"^\s*(?:{FIELD_LABELS['speaker']})\s*[:：]?\s*$", re.I)
# ``Johan: Home automation``: a capitalised name of up to four words, then the title
_NAMED_ITEM_RE = re.compile(
    r"^\s*(?:[-*•–]\s+)?(?P<people>[^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’.-]*){0,3})"
    r"\s*(?:[:：]|\s[–—-])\s+(?P<title>\S.*?)\s*$")


def _listed_under_label(lines: list[str]) -> list[tuple[str, str | None]]:
    """(people, title) of each ``Name: Title`` line under a line that is only a speakers'
    label: the label says the names are speakers, so a first name alone (``Mike``) is one,
    as a hackerspace or meetup writes them. The list ends at the first other line."""
    for n, line in enumerate(lines):
        if not (_SPEAKERS_HEADING_RE.match(line) and line.strip().lower() not in ("by", "who")):
            continue
        found: list[tuple[str, str | None]] = []
        for item in (ln for ln in lines[n + 1:] if ln.strip()):
            m = _NAMED_ITEM_RE.match(item)
            if not m or not m["people"][0].isupper():
                break
            found.append((m["people"], m["title"].strip(" .\"“”")))
        if len(found) >= 2:
            return found
    return []


# ``2:00 Weihong Xu (Virginia Tech), 2:20 Kelvin Rivera-Lopez (Gonzaga)``: a clock time
# opening the description or following a separator, then the slot's text
_CLOCK_ITEM_RE = re.compile(
    r"(?:^|(?<=[,;\n]))\s*(?P<h>[01]?\d|2[0-3])[:.h](?P<m>[0-5]\d)\s*(?:(?P<ap>[ap])\.?m\.?)?"
    r"\s*(?:[-–—:]\s*)?(?=[^\W\d_])", re.I)


def timed_talks(text: str) -> list[tuple[tuple[int, int, str | None], str, str | None]]:
    """((hour, minute, am/pm), people, title) of each slot a session's description lists
    by its clock time (``2:00 A (X), 2:20 B (Y)``), or [] when it lists none: the slots
    are read like a session's listed talks (``held_talks``), and each keeps its time."""
    marks = list(_CLOCK_ITEM_RE.finditer(text))
    if len(marks) < 2:
        return []
    bodies = [text[m.end():(marks[n + 1].start() if n + 1 < len(marks) else len(text))]
              .strip(" ,;.\n") for n, m in enumerate(marks)]
    read = _read_items(bodies)
    if len(read) != len(bodies):
        return []
    return [((int(m["h"]), int(m["m"]), (m["ap"] or "").lower() or None), people, title)
            for m, (people, title) in zip(marks, read, strict=True)]


def held_talks(text: str) -> list[tuple[str, str | None]]:
    """(people, title) of each talk an event's description lists, one per enumerated line
    (``1.Jane Doe (Org): “Title”``, ``ii) A (X) & B (Y): “Title”``), or [] when it lists
    none: a panel or session event holds those talks.

    The lines are read by the one template that reads them best (``templates.choose``);
    all of them (but a few) must name people in it, and at least two, so a numbered list
    of announcements or topics holds no talks. A placeholder title (``TBC``) is None."""
    lines = text.split("\n")
    bylined = _bylined_items(lines)
    if len(bylined) >= 2:  # ``- "Title"`` items, each with ``Par A et B.`` under it
        return bylined
    labelled = _listed_under_label(lines)
    if labelled:  # ``Speakers`` then ``Name: Title`` lines
        return labelled
    bodies = [m.group("body") for m in map(_ENUMERATED_RE.match, lines) if m]
    return _read_items(bodies)


def _read_items(bodies: list[str]) -> list[tuple[str, str | None]]:
    """(people, title) of each listed item, read by the one template that reads them all
    best; [] unless (nearly) all of them, and at least two, name people."""
    if len(bodies) < 2:
        return []
    choice = templates.choose(bodies)
    if choice.template is None or not choice.template.people_first:
        return []
    found: list[tuple[str, str | None]] = []
    for body in bodies:
        reading = choice.read(body)
        if reading is None or not reading.people:
            continue
        if templates.people_score(reading.people) < templates.STRONG_PEOPLE:
            continue
        title = (reading.title or "").strip(" .")
        title = re.sub(r"^[\"“”«»']+|[\"“”«»']+$", "", title).strip() or None
        found.append((reading.people, None if title and normtext.is_placeholder(title) else title))
    return found if len(found) >= max(2, HELD_SHARE * len(bodies)) else []
