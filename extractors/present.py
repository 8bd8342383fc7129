"""Go ``present`` decks (``.slide`` files): the header is machine data, read by its format.

Why: the ``present`` tool (golang.org/x/tools/present) fixes the header of a deck: a title
line, an optional subtitle, an optional date line (``15:04 2 Jan 2006`` or ``2 Jan 2006``),
optional ``Tags:``/``Summary:``/``OldURL:`` lines, then after a blank line one block per
presenter (name, then job title and company, then e-mail, URL and ``@handle`` lines),
presenters separated by blank lines; the first section (``* Heading``, or ``## Heading`` in
the markdown dialect whose title is ``# Title``) ends it. Read by position, the header
settles title, date and speakers whatever language or wording the deck uses, where the
line heuristics of ``extractors.slides`` have to guess. Recognised by content (the header
shape and the body's sections and ``.image``/``.code`` directives), never by file name.
"""

from __future__ import annotations

import re

from pipeline.normalise import dates
from pipeline.normalise.people import parse_speakers
from pipeline.records import RawTalk, Speaker

_SECTION_RE = re.compile(r"^(?:\*{1,3}\s+\S|#{2,3}\s+\S)")
_META_RE = re.compile(r"^(?:Tags|Summary|OldURL)\s*:", re.I)
_DIRECTIVE_RE = re.compile(r"^\.(?:image|code|play|link|html|iframe|background|caption)\b",
                           re.M)
_CONTACT_RE = re.compile(r"^(?:\S+@\S+\.\S+|@\w+|<?https?://\S+>?|www\.\S+|[\w.-]+\.[a-z]{2,}/\S*)$",
                         re.I)
# a header longer than this is no present header
MAX_HEADER_LINES = 30


def _header(text: str) -> list[str] | None:
    """The header lines (before the first section), notes and comments left out; None
    when ``text`` is not shaped as a present deck."""
    lines = text.splitlines()
    end = next((i for i, ln in enumerate(lines) if i and _SECTION_RE.match(ln)), None)
    if end is None or end > MAX_HEADER_LINES:
        return None
    body = "\n".join(lines[end:])
    head = [ln.rstrip() for ln in lines[:end] if not ln.lstrip().startswith((":", "//"))]
    contacts = sum(bool(_CONTACT_RE.match(ln.strip())) for ln in head)
    if not (contacts or any(_META_RE.match(ln) for ln in head) or _DIRECTIVE_RE.search(body)):
        return None
    return head


def is_present_deck(text: str) -> bool:
    """Whether ``text`` is shaped as a present deck (its ``* Heading`` sections are slides,
    not an org outline's records)."""
    return _header(text) is not None


def _blocks(lines: list[str]) -> list[list[str]]:
    out: list[list[str]] = [[]]
    for ln in lines:
        if ln.strip():
            out[-1].append(ln.strip())
        elif out[-1]:
            out.append([])
    return [b for b in out if b]


def _is_date(line: str) -> bool:
    return dates.parse_when(line) is not None and len(line.split()) <= 6


def _presenter(block: list[str]) -> list[Speaker]:
    """The speakers of one presenter block: the names line, with the first text line
    under it (``Software Engineer, Doejo``) as role and affiliation."""
    about = [ln for ln in block[1:] if not _CONTACT_RE.match(ln)]
    names = block[0]
    if about:
        parsed = parse_speakers(f"{names}, {about[0]}")
        if len(parsed) == 1 and (parsed[0].affiliation or parsed[0].role):
            return parsed
    people = parse_speakers(names) or [Speaker(name=names)]
    if about and len(people) == 1:
        # the format's ``Job title, Company``: the last part is the company
        job, _, company = about[0].rpartition(",")
        people[0].role = job.strip() or None
        people[0].affiliation = company.strip() or None
    return people


def present_talk(text: str) -> RawTalk | None:
    """The talk of a present deck, from its header; None when ``text`` is not one."""
    head = _header(text)
    if not head:
        return None
    blocks = _blocks(head)
    if not blocks:
        return None
    title_block = list(blocks[0])
    rest = blocks[1:]
    # a block of nothing but a date and metadata lines belongs to the title block
    while rest and all(_is_date(ln) or _META_RE.match(ln) for ln in rest[0]):
        title_block += rest.pop(0)
    title = title_block[0].lstrip("# ").strip()
    if not title:
        return None
    talk = RawTalk(title=title)
    for line in title_block[1:]:
        if talk.when_text is None and _is_date(line):
            talk.when_text = line
    for block in rest:
        if _CONTACT_RE.match(block[0]):
            continue  # a block of links only
        talk.speakers.extend(_presenter(block))
    return talk
