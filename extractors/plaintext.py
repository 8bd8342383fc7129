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
    _CLOCK_RE,
    _QUOTED,
    _SEPARATOR_RE,
    bio_subject,
    cancellation,
    parse_talk,
    series_line,
    speaker_with_role,
)
from extractors.orgmode import is_org
from extractors.restructured import extract_restructured, is_restructured, outline_talk
from pipeline import emails
from pipeline.errors import ExtractionError
from pipeline.normalise import dates, places
from pipeline.normalise.agenda import classify_kind, is_non_talk, series_in_prose
from pipeline.normalise.people import is_organisation_line
from pipeline.normalise.places import find_place
from pipeline.normalise.text import (
    FIELD_LABEL_RE,
    field_label,
    is_location_line,
    is_placeholder,
    markup_links_as_text,
    org_links_as_text,
)
from pipeline.normalise.vocab import FIELD_LABELS, SERIES_NOUNS
from pipeline.records import Document, RawTalk, Speaker
from pipeline.structure import blocks as structure_blocks
from pipeline.structure import data as structure_data
from pipeline.structure import records as structure_records
from pipeline.structure.abstracts import abstract_collection
from pipeline.structure.isolation import RIVAL_MARGIN, attempt, best_reading, completeness
from pipeline.structure.schedule import standing_schedule
from pipeline.structure.schedule import states_date as _states_date
from pipeline.structure.schedule import states_time as _states_time
from pipeline.structure.talklist import media as talk_list_media
from pipeline.structure.talklist import talk_list
from pipeline.structure.templates import title_score

VERSION = "8"

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
        messages = emails.split_messages(doc.data)
        for n, msg in enumerate(messages):
            for k, talk in enumerate(_talks_of_mail(msg, doc, archive=len(messages) > 1)):
                talk.key = f"msg{n}-{msg.get('Message-ID', '') or ''}-{k}"
                talks.append(talk)
    else:
        from extractors.listing import org_deck_keywords

        if (deck := org_deck_keywords(text)) is not None \
                and (talk := structure_data.record_talk(deck)) is not None:
            return [talk]  # an org-mode deck: one talk, whatever its slide headings
        # a line dating the document (``Posted … on 28-Jan-97``) is its reference date; else
        # any line stating a full date does
        reference = dates.find_reference_date(text) or dates.find_dated_line(text)
        # ruled pipe tables are the table reader's (a rival below), never lines of talks
        lines_text = structure_data.without_pipe_tables(text)
        talks = _best_reading(doc, talks_from_text(lines_text, reference_date=reference))
        for talk in talks:
            talk.reference_date = talk.reference_date or reference
        _page_bio(doc.text, talks)
    if doc.hints.series:
        # a header line or a phrase only suggests the series; a hinted one names it
        for talk in talks:
            talk.series = None
    return talks


_MARKDOWN_SIGNS_RE = re.compile(r"^(?:#{1,6}\s+\S|\s*[-*+]\s+\S|\s*\d+\.\s+\S|\|.*\|\s*$)", re.M)


def _best_reading(doc: Document, talks: list[RawTalk]) -> list[RawTalk]:
    """The text rules' talks, or a rival's when it explains clearly more of the document.

    Rivals: the repetition reader over the document's lines; the data reader when the
    text is YAML/JSON/TOML (a ``talks.yml`` sniffed as text); its pipe tables (org-mode,
    text dumps) read by their header row; and, when the text carries
    markdown signs (``#`` headings, bullets, pipe tables) that sniffing judged too weak,
    the markdown reader. Each runs isolated; a failure is a warning, not a lost file."""
    warnings: list[str] = []

    def repetition() -> list[RawTalk]:
        lines_text = markup_links_as_text(structure_data.without_pipe_tables(doc.text))
        found = structure_records.find_records(structure_blocks.text_blocks(lines_text))
        return structure_records.read_records(found, lines_text[:2000])

    rivals = [("repetition reader", repetition),
              ("data reader", lambda: structure_data.data_talks(structure_data.load(doc.text))),
              ("table reader", lambda: structure_data.table_talks(doc.text)),
              ("talk-list reader", lambda: talk_list(doc.text))]
    org = is_org(doc.text)
    if org or len(_MARKDOWN_SIGNS_RE.findall(doc.text)) >= 2:
        from extractors.listing import extract_markdown

        # an org outline's headings nest its records as markdown's do: read so, it is a
        # structured reading (its headings, not line repetition, say where talks start)
        rivals.append(("org outline reader" if org else "markdown reader",
                       lambda: extract_markdown(doc)))
    restructured = is_restructured(doc.text)
    if restructured:
        rivals.append(("reStructuredText reader", lambda: extract_restructured(doc)))
    best = best_reading(talks, rivals, warnings,
                        structured=frozenset({"data reader", "table reader", "talk-list reader",
                                              "reStructuredText reader", "org outline reader"}))
    # a file of titled abstracts naming nobody: taken only when it explains clearly more
    # (the margin), so an announcement's ``Abstract`` and ``Bio`` sections stay one talk
    collection = attempt("abstract-collection reader",
                         lambda: abstract_collection(doc.text), warnings) or []
    if collection and completeness(collection) > RIVAL_MARGIN * completeness(best):
        best = collection
    elif restructured:  # titles only: one talk's outline, titled by its adorned title
        best = attempt("reStructuredText title", lambda: outline_talk(doc.text, best),
                       warnings) or best
    for talk in best:
        talk.warnings.extend(warnings)
    return best


_ORG_LINK_RE = re.compile(r"\[\[([^\]]+)\](?:\[([^\]]*)\])?\]")
_ADORNMENT_RE = re.compile(r"^\s*([=\-~^*#_+`:.'\"])\1{2,}\s*$")


def _page_bio(text: str, talks: list[RawTalk]) -> None:
    """A biography stated once for the whole page (a ``BIO`` section above a speaker's
    talks): every talk that names nobody gets it as its bio, and the person it is about
    (``Rafael is a Lead Developer …``) as its speaker. Only a page none of whose talks
    names a speaker or has a bio, and one bio section: never a new row."""
    if not talks or any(t.speakers or t.speaker_text or t.speaker_bio for t in talks):
        return
    lines = text.splitlines()
    found: list[str] = []
    for i, line in enumerate(lines):
        head = line.strip().strip(" :*#=-_")
        label = field_label(f"{head}: x") if head and len(head) <= 30 else None
        if label is None or label[0] != "bio":
            continue
        body: list[str] = []
        for nxt in lines[i + 1:]:
            if _ADORNMENT_RE.match(nxt) and not body:
                continue
            if not nxt.strip():
                if body:
                    break
                continue
            body.append(nxt.strip())
        if body:
            found.append(" ".join(body))
    if len(found) != 1 or (name := bio_subject(found[0])) is None:
        return
    for talk in talks:
        talk.speaker_bio = found[0]
        talk.speaker_text = [name]


_TEX_CMD_LINE = re.compile(r"^\s*\\(?P<cmd>[A-Za-z]+)\*?(?:\[[^\]]*\])?\{(?P<value>.*)\}\s*$")
_TEX_STRUCTURE = re.compile(
    r"^\s*\\(?:documentclass|usepackage|begin\{document\}|end\{\w+\}|maketitle|newpage)(?![A-Za-z]).*$"
)
_TEX_INLINE = re.compile(r"\\(?:emph|textbf|textit|texttt|underline|url|href\{[^}]*\})\{([^{}]*)\}")
# LaTeX fields that name the speaker under another word
_TEX_FIELD_NAMES = {"author": "Speaker", "authors": "Speakers", "place": "Place"}


_ORG_KEYWORD_RE = re.compile(r"^#\+(?P<key>[A-Za-z_]+):[ \t]*(?P<value>.*)$")
_ORG_HEADING_RE = re.compile(r"^(?P<stars>\*+)[ \t]+(?P<text>\S.*?)[ \t]*$")
# org keywords under the name the shared label vocabulary reads
_ORG_FIELDS = {"title": "Title", "author": "Speaker", "date": "Date", "email": "",
               "subtitle": "Subtitle"}
# a heading that names one field of the talk rather than a section of a listing
_ORG_FIELD_HEADINGS = {"abstract": "Abstract", "blurb": "Abstract", "summary": "Abstract",
                       "description": "Abstract", "speaker bio": "Bio", "bio": "Bio",
                       "biography": "Bio", "about the speaker": "Bio"}


def deorg(text: str) -> str:
    """An org-mode document as labelled plain lines: ``#+TITLE: T`` -> ``Title: T``,
    ``#+AUTHOR:`` -> ``Speaker:``, a ``* Abstract``/``* Blurb`` heading -> ``Abstract:``,
    other headings as plain lines, ``[[url][label]]`` links as their label; other text
    unchanged. Only a text that is org (a ``#+KEY:`` line or two headings) is touched."""
    lines = text.splitlines()
    if not any(_ORG_KEYWORD_RE.match(ln) for ln in lines[:30]) and \
            sum(bool(_ORG_HEADING_RE.match(ln)) for ln in lines) < 2:
        return text
    out: list[str] = []
    for line in lines:
        key = _ORG_KEYWORD_RE.match(line)
        heading = _ORG_HEADING_RE.match(line)
        if key:
            label = _ORG_FIELDS.get(key["key"].lower())
            if label:
                out.append(f"{label}: {key['value']}")
            continue  # #+OPTIONS, #+STARTUP, ...: settings, not text
        if heading:
            field = _ORG_FIELD_HEADINGS.get(heading["text"].strip(" :").lower())
            out.append(f"{field}:" if field else heading["text"])
            continue
        out.append(org_links_as_text(line))
    return "\n".join(out)


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
    text = markup_links_as_text(deorg(delatex(text)))
    listing = extract_listing(text, reference_date=reference_date)
    if listing:
        _day_from_subject(listing, subject)
        return listing
    talk = parse_talk(text.splitlines(), subject=subject, reference_date=reference_date)
    return [talk] if talk else []


def _day_from_subject(talks: list[RawTalk], subject: str | None) -> None:
    """``Subject: … double session, Friday 9 June 2023`` over slots that give only their
    hour: the day the Subject states is every slot's, when none states its own."""
    if not subject or any(t.when_text and _states_date(t.when_text) for t in talks):
        return
    m = dates.WHEN_IN_PROSE_RE.search(subject)
    day = m.group("when").strip(" ,.") if m else None
    if not day or not _states_date(day):
        return
    for talk in talks:
        talk.when_text = f"{day}, {talk.when_text}" if talk.when_text else day
        talk.warnings.append("day from the message's Subject line")


# --- listings -------------------------------------------------------------------------


def _shape_key(line: str) -> str | None:
    """What a line *is* for block detection: a label, a separator, a date, or its text
    (an org link by its label: its target is markup, not the line's length)."""
    line = org_links_as_text(line.strip())
    if not line:
        return None
    if _SEPARATOR_RE.match(line):
        return "<separator>"
    m = FIELD_LABEL_RE.match(line)
    if m:
        return "<label:" + next(k for k in FIELD_LABELS if m.group(k)) + ">"
    if dates.looks_like_when(line, loose=True):
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
    starts = _lead_in([i for i, k in enumerate(keys) if k == starter], lines, keys)
    bounds = [*starts, len(lines)]
    return lines[: starts[0]], [lines[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]


def _lead_in(starts: list[int], lines: list[str], keys: list[str | None]) -> list[int]:
    """Block starts moved up over the short unlabeled lines of the same paragraph just above
    them: a digest's ``LOGIC SEMINAR`` heading over each talk's date line introduces the
    talk below it, not the one above. A paragraph is never split between two blocks; a
    run reaching back to the previous block's start (no blank lines at all) is left."""
    out: list[int] = []
    for n, start in enumerate(starts):
        floor = out[-1] + 1 if out else 0
        i = start
        while i - 1 >= floor and lines[i - 1].strip() and _heading_like(lines[i - 1], keys[i - 1]):
            i -= 1
        prev_start = starts[n - 1] if n else -1
        if i < start and (i == 0 or not lines[i - 1].strip()) and i > prev_start:
            start = i
        out.append(start)
    return out


def _heading_like(line: str, key: str | None) -> bool:
    one = org_links_as_text(line.strip())
    return (
        key is not None and not key.startswith("<") and len(one) <= 80
        and not one.endswith((".", ",", ";")) and len(one.split()) <= 10
    )


def _boilerplate(blocks: list[list[str]]) -> frozenset[str]:
    """Short lines that recur in several blocks: labels of the page, not talk content
    (``Additional file``). Long recurring lines (a course's shared abstract) are kept."""
    seen: Counter[str] = Counter()
    for block in blocks:
        seen.update({ln.strip().lower() for ln in block if ln.strip()})
    return frozenset(
        ln for ln, c in seen.items()
        if c >= 2 and len(ln.split()) <= 4 and not ln.endswith(".")
        and not dates.looks_like_when(ln, loose=True) and FIELD_LABEL_RE.match(ln) is None
    )


def extract_listing(text: str, *, reference_date: dt.date | None = None) -> list[RawTalk]:
    """Talks of a text listing several talks; [] when it is not such a listing.

    Two readings are tried and the one that explains more of the document wins: blocks
    repeated per talk (the recurring starter line, label or separator), and date-led
    items (a line that starts with a date or time: a one-line talk, a date heading over
    ``Name — Title`` lines, or the head of a multi-line block). Headings carrying a
    year (``2019``, ``== Fall 2010 ==``) give the year of the items under them.
    """
    lines = text.splitlines()
    heads = _headings(lines)
    body = ["" if i in heads else ln for i, ln in enumerate(lines)]
    readings = [
        _block_listing(body, heads, reference_date),
        _dated_listing(body, heads, reference_date),
    ]
    talks = max(readings, key=_explained)  # the first (blocks) wins a tie
    if len(talks) < 2:
        return []
    _mark_lecture_parts(talks)
    _apply_page(talks, lines, heads)
    return talks


def _explained(talks: list[RawTalk]) -> int:
    """How much of a listing a reading explains: its talks with a speaker or title, weighted
    by what their time states (a date counts twice, a clock time once), so a reading that
    splits one talk in two or loses the day headings scores lower."""
    score = 0
    for t in talks:
        if t.when_text and (t.speakers or t.speaker_text or t.title):
            score += 2 * _states_date(t.when_text) + _states_time(t.when_text)
    return score


# A heading's decoration: ``== Fall 2010 ==``, ``### 2019``, ``*** Spring 2024 ***``.
_HEADING_MARKS = re.compile(r"^[\s=#*~_-]+|[\s=#*~_-]+$")


def _headings(lines: list[str]) -> dict[int, int | None]:
    """Line index -> year of the heading lines of a listing (``2019``, ``== Fall 2010 ==``,
    ``Statistics Seminar — Spring 2024``): a short line standing alone with a year and
    no day of its own, or any line in wiki/markdown heading marks."""
    out: dict[int, int | None] = {}
    for i, line in enumerate(lines):
        one = line.strip()
        if not one or len(one) > 70 or FIELD_LABEL_RE.match(one):
            continue
        marked = bool(re.match(r"^(=+|#+)\s*\S.*?\s*(=*|#*)$", one)) and (
            one.startswith("=") and one.endswith("=") or one.startswith("#")
        )
        inner = _HEADING_MARKS.sub("", one)
        year = _year_in(inner)
        alone = (i == 0 or not lines[i - 1].strip()) and (
            i + 1 >= len(lines) or not lines[i + 1].strip() or _year_in(inner) is not None
        )
        dated = _states_date(inner)
        if marked and not dated:
            out[i] = year
        elif year is not None and alone and not dated and not _CLOCK_RE.search(inner) \
                and len(inner.split()) <= 8:
            out[i] = year
    return out


def _year_at(heads: dict[int, int | None], index: int, default: int | None) -> int | None:
    """The year of the nearest year heading above line ``index``, else ``default``."""
    above = [i for i, y in heads.items() if i < index and y is not None]
    return heads[max(above)] if above else default


def _first_year(lines: list[str], upto: int) -> int | None:
    for line in lines[:upto]:
        if line.strip() and (year := dates.find_year(line.strip()) or _year_in(line)):
            return year
    return None


def _block_listing(
    lines: list[str], heads: dict[int, int | None], reference_date: dt.date | None
) -> list[RawTalk]:
    """Talks of blocks repeated per talk (the reading of ``_blocks``)."""
    pre, blocks = _blocks(lines)
    if len(blocks) < 2:
        return []
    boiler = _boilerplate(blocks)
    blocks = _with_learnt_title_label(blocks)
    default_year = _first_year(lines, len(pre))
    talks: list[RawTalk] = []
    failed = 0
    offset = len(pre) if blocks[0] is not pre else 0
    for block in blocks:
        start, offset = offset, offset + len(block)
        if not any(ln.strip() for ln in block):
            continue
        talk = parse_talk(block, boilerplate=boiler, reference_date=reference_date)
        if talk is not None and block is pre and not (talk.speakers or talk.speaker_text):
            continue  # the page heading before the first separator
        if talk is None or talk.title is None:
            if block is pre:
                continue
            if talk is None and _non_talk_block(block):
                continue
            failed += 1
            continue
        if not (talk.speakers or talk.speaker_text) and is_non_talk(talk.title):
            continue  # ``No seminar``, ``Coffee break``: a slot, not a talk
        talk.year_hint = _year_at(heads, start, default_year)
        _org_links(talk, block)
        talks.append(talk)
    if failed > len(talks) // 3:
        return []  # blocks without a title: not a listing after all
    return talks


def _org_links(talk: RawTalk, block: list[str]) -> None:
    """A block's org links (``[[talk.pdf][Title]]``): the title keeps the label, and the
    targets are slides or video by the talk-list reader's rule (label or target says)."""
    links = [(label or "", url) for line in block
             for url, label in _ORG_LINK_RE.findall(line)]
    if links:
        talk.title = org_links_as_text(talk.title) if talk.title else talk.title
        talk_list_media(talk, links)


_OWN_LABEL_RE = re.compile(
    r"^(?P<indent>\s*)(?P<label>[^\W\d_][\w '’-]{0,28}?)\s*:\s+(?P<value>\S.*)$")
# a document's own label is its title label when it opens this share of the blocks, in
# one of their first lines
OWN_TITLE_LABEL_SHARE = 0.6
OWN_TITLE_LABEL_LINES = 2


def _with_learnt_title_label(blocks: list[list[str]]) -> list[list[str]]:
    """The blocks with the document's own title label read as ``Title:``: a label the
    shared vocabulary does not know (``SEMINAR:``, ``Lecture:``), stated once in most
    blocks of a listing with a different title-like value each time, in blocks that label
    no title otherwise. Learnt from all blocks together, never from one."""
    if any((lab := field_label(ln.strip())) is not None and lab[0] == "title"
           for b in blocks for ln in b):
        return blocks
    found: dict[str, list[str]] = {}
    for block in blocks:
        seen: dict[str, str] = {}
        # a title label opens its record: only the block's first lines are looked at
        for line in [ln for ln in block if ln.strip()][:OWN_TITLE_LABEL_LINES]:
            m = _OWN_LABEL_RE.match(line)
            if m and not FIELD_LABEL_RE.match(line.strip()):
                seen.setdefault(m["label"].casefold(), m["value"])
        for label, value in seen.items():
            found.setdefault(label, []).append(value)
    need = OWN_TITLE_LABEL_SHARE * len(blocks)
    titles = [label for label, values in found.items()
              if len(values) >= max(2, need) and len(set(values)) == len(values)
              and sum(title_score(v) >= 1.0 for v in values) >= need]
    if len(titles) != 1:
        return blocks
    out = []
    for block in blocks:
        new = []
        for line in block:
            m = _OWN_LABEL_RE.match(line)
            new.append(f"{m['indent']}Title: {m['value']}"
                       if m and m["label"].casefold() == titles[0] else line)
        out.append(new)
    return out


def _non_talk_block(block: list[str]) -> bool:
    """A block that only holds a date and a ``No seminar`` / ``Break`` line."""
    rest = [ln.strip() for ln in block
            if ln.strip() and not dates.looks_like_when(ln.strip(), loose=True)]
    return not rest or all(is_non_talk(ln) for ln in rest)


# --- date-led items ---------------------------------------------------------------------

_BULLET_RE = re.compile(r"^\s*(?:[-*•·◦▪‣+]|\(?\d{1,3}[.)])\s+")
_ITEM_CUT_RE = re.compile(r"\t+|\s{2,}|\s+[—–|]\s+|\s+-{1,2}\s+|:\s+|,\s+|\.\s+")
_COLUMN_RE = re.compile(r"\t+|\s{2,}|\s+\|\s+")
_TITLE_SEP_RE = re.compile(r":\s+|\s+[—–]\s+|\s+-{1,2}\s+|\s+\|\s+")


def split_item(line: str) -> tuple[str, str] | None:
    """``Wed 6 Mar 2024, 15:00 CET — Name (Aff): Title`` → (the date/time, the rest): the
    longest leading date/time phrase ending at a separator, when something follows it."""
    body = _BULLET_RE.sub("", line).strip()
    if not body or FIELD_LABEL_RE.match(body):
        return None
    best: tuple[str, str] | None = None
    for m in _ITEM_CUT_RE.finditer(body):
        head = body[: m.start()].strip()
        if len(head) > 60:
            break
        if re.search(r"(?:^|\s)[A-Za-z]$", head):
            continue  # ``Oct 2: A. Person``: an initial is the speaker's, not the date's
        slot = _SLOT_NUMBER_RE.match(head)
        head = (slot["date"] or slot["date2"]).strip() if slot else head
        if head and dates.looks_like_when(head, loose=True) and body[m.end():].strip():
            best = (head, body[m.end():].strip())
    return best


# ``Week 3 (Jan 28)``, ``Session 2: 4 March``: a numbered slot label before the item's date
_SLOT_NUMBER_RE = re.compile(
    r"^(?:week|session|lecture|meeting|class|talk|day|seminar)\s+\d{1,2}\s*"
    r"(?:\((?P<date>[^()]{3,40})\)|[:,–—-]\s*(?P<date2>.+))$", re.I)


def speaker_and_title(rest: str) -> tuple[list[Speaker], str | None] | None:
    """The speakers and title of an item's text (``Name (Aff): Title``, ``Name — Title``,
    ``Name, "Title"``, ``"Title" by Name``, columns ``Name  Title``); None when no person
    is named in it."""
    rest = rest.strip().strip(",;")
    cells = [c for c in _COLUMN_RE.split(rest) if c.strip()]
    if len(cells) >= 2:
        for k, cell in enumerate(cells):
            sps = speaker_with_role(cell)
            if sps:
                others = [c for j, c in enumerate(cells) if j != k and not is_location_line(c)]
                return sps, (others[0].strip() if others else None)
    q = _QUOTED.search(rest)
    if q:
        before = re.sub(r"\s*[,:;—–-]+\s*$", "", rest[: q.start()]).strip()
        if before and places.quoted_title_and_place(rest) \
                and (sps := speaker_with_role(before)):
            # ``Name (Org), "Title", Room 501``: the place follows the title
            return sps, (q["q"] or q["q2"]).strip()
        who = (rest[: q.start()] + " " + rest[q.end():]).strip()
        who = re.sub(r"^(?:by|with)\s+|\s*[,:;—–-]+\s*$|^\s*[,:;—–-]+\s*", "", who).strip()
        who = re.sub(r"^(?:by|with)\s+", "", who).strip()
        sps = speaker_with_role(who) if who else None
        if sps:
            return sps, (q["q"] or q["q2"]).strip()
    for m in _TITLE_SEP_RE.finditer(rest):
        left, right = rest[: m.start()].strip(), rest[m.end():].strip()
        if not left or not right:
            continue
        if is_organisation_line(right) and not is_organisation_line(left) \
                and not speaker_with_role(right):
            continue  # ``Name — University of Oslo``: an affiliation, not a title
        if sps := speaker_with_role(left):
            return sps, right
        if (sps := speaker_with_role(right)) and not speaker_with_role(left):
            return sps, left
    m = re.match(r"^(?P<who>.+?\))\s*,\s*(?P<title>\S.*)$", rest)
    if m and (sps := speaker_with_role(rest)):
        return sps, None  # ``Name (Affiliation), conference chair``: a role, not a title
    if m and (sps := speaker_with_role(m["who"])):
        return sps, m["title"]
    if sps := speaker_with_role(rest):
        return sps, None
    return None


def _without_placeholder_cells(rest: str) -> str:
    """An item's columns without the placeholder ones (``TBA   Chapter 4: Applications``
    → ``Chapter 4: Applications``): a speaker still to be announced is no part of the
    title beside it."""
    cells = [c.strip() for c in _COLUMN_RE.split(rest) if c.strip()]
    if len(cells) < 2 or not any(is_placeholder(c) for c in cells):
        return rest
    return "  ".join(c for c in cells if not is_placeholder(c))


def _dated_listing(
    lines: list[str], heads: dict[int, int | None], reference_date: dt.date | None
) -> list[RawTalk]:
    """Talks of a listing whose items start with a date or time.

    Each item runs from its date line to the next one (or to a heading); its first line's
    text after the date, split into speaker and title lines, and the lines under it are
    read by ``parse_talk``. A date line over several ``Name — Title`` lines gives each its
    talk. A time-only item (``09:00 - 09:45``) takes the date of the last dated line
    above it (a programme's day heading). Slots that are not talks (``No seminar``,
    ``Coffee break``) are left out."""
    starts: list[tuple[int, str, str]] = []  # (line index, when, rest)
    for i, line in enumerate(lines):
        one = line.strip()
        if not one or FIELD_LABEL_RE.match(one):
            continue
        if dates.looks_like_when(one, loose=True) and (_states_date(one) or _states_time(one)):
            starts.append((i, one, ""))
        elif (item := split_item(one)) is not None:
            starts.append((i, *item))
    if len(starts) < 2:
        return []
    sessions = _session_headings(lines, starts)
    leads = _series_leads(lines, [s[0] for s in starts])
    default_year = _first_year(lines, starts[0][0])
    bounds = [leads.get(s[0], s[0]) for s in starts[1:]] + [len(lines)]
    talks: list[RawTalk] = []
    day: str | None = None  # the last date stated, for time-only items
    for (i, when, rest), end in zip(starts, bounds, strict=True):
        nxt = [h for h in [*heads, *sessions] if i < h < end]
        end = min(nxt) if nxt else end
        if _states_date(when):
            day = when if not _states_time(when) else _date_part(when)
        elif day is not None:
            when = f"{day}, {when}"
        under = lines[i + 1 : end]
        year = _year_at(heads, i, default_year)
        place_here: str | None = None
        if rest and places.looks_like_place(rest) and speaker_and_title(rest) is None \
                and not is_non_talk(rest):
            # ``Jeudi 9 mars 2023, 14h00, salle 314``: the dated line's rest is its place
            place_here, rest = rest, ""
        elif not rest:
            place_here = find_place(when, strict=True)  # ``…, 14:00, Room 314``
        if rest and is_non_talk(rest) or i in sessions or _SESSIONS_RE.match(rest):
            continue  # a break, or a session heading over the talks below it
        if not rest:
            several = _one_line_talks(under)
            if several:
                for sps, title in several:
                    talks.append(RawTalk(title=title, speakers=sps, when_text=when,
                                         location=place_here,
                                         year_hint=year, reference_date=reference_date))
                continue
        head = [when]
        rest = _without_placeholder_cells(rest)
        if rest:
            found = speaker_and_title(rest)
            if found is not None:
                sps, title = found
                head.append(_speaker_text(sps))
                if title:
                    head.append(title)
            else:
                head.append(rest)
        lead = lines[leads[i]:i] if i in leads else []
        block = lead + head + [""] + [ln for ln in under]
        if not any(ln.strip() for ln in block[1:]):
            continue  # a bare date: a day heading
        talk = parse_talk(block, reference_date=reference_date)
        if talk is None or _non_talk_block(block):
            continue
        if not (talk.speakers or talk.speaker_text) and (talk.title is None
                                                         or is_non_talk(talk.title)):
            continue
        if rest and (found := speaker_and_title(rest)) is not None:
            talk.speakers, talk.title = found[0], found[1] or talk.title
        if talk.location is None and rest and (tail := places.quoted_title_and_place(rest)):
            talk.location = tail[1]  # ``Name (Org), "Title", Lecture Theatre A``
        if talk.location is None:
            talk.location = place_here
        if talk.location is None:
            talk.location = _session_place(lines, sessions, starts, i)
        talk.year_hint = year
        talks.append(talk)
    return talks


# ``Session A - Genomics (Hagsalen)``, ``Track 2: Theory, Room 101``, ``PARALLEL SESSIONS``: a
# programme's session heading groups the talks under it; it is no talk itself.
_SESSION_RE = re.compile(
    r"^\W*(?:(?:parallel|concurrent|breakout|plenary|contributed|invited)\s+)?"
    r"(?:session|track|stream|strand)\s+(?:[A-Z]|[IVX]{1,4}|\d{1,2}[a-z]?)\b(?P<rest>.*)$",
    re.I,
)
_SESSIONS_RE = re.compile(
    r"^\W*(?:(?:parallel|concurrent|breakout)\s+(?:sessions|tracks)|sessions?\s+(?:in\s+)?"
    r"parallel)\W*$",
    re.I,
)


def _session_headings(
    lines: list[str], starts: list[tuple[int, str, str]]
) -> dict[int, tuple[int, str | None]]:
    """Line index -> (indentation, place) of each session heading of a programme; the place
    is the ``(Hagsalen)`` or ``Room 101`` it names, else None. An item whose text is a
    session heading (``10:50 Session A (Hagsalen)``) counts too."""
    out: dict[int, tuple[int, str | None]] = {}
    timed = {i: rest for i, _, rest in starts}
    for i, line in enumerate(lines):
        text = (timed[i] if i in timed else line).strip()
        m = _SESSION_RE.match(text)
        if m is None or len(text) > 100 or speaker_with_role(text):
            continue
        out[i] = (_indent_of(line), _heading_place(m["rest"]))
    return out


def _indent_of(line: str) -> int:
    return len(line.expandtabs(8)) - len(line.expandtabs(8).lstrip())


def _heading_place(rest: str) -> str | None:
    """The place a session heading's tail names: a parenthesis that is no time, or a
    separated segment that is a place line."""
    paren = re.search(r"\(([^()]{2,60})\)\s*$", rest)
    if paren and (is_location_line(paren[1]) or not dates.looks_like_when(paren[1], loose=True)
                  and not _CLOCK_RE.search(paren[1])):
        return paren[1].strip()
    for seg in re.split(r"\s*[,;|]\s*|\s+[–—-]\s+|\s+(?:in|at)\s+", rest):
        seg = seg.strip(" :.-–—")
        if seg and is_location_line(seg) and not dates.looks_like_when(seg, loose=True):
            return seg
    return None


def _session_place(
    lines: list[str],
    sessions: dict[int, tuple[int, str | None]],
    starts: list[tuple[int, str, str]],
    index: int,
) -> str | None:
    """The place of the session heading an item sits under. A session runs to the next
    session heading or day heading; an indented heading also ends at the first item
    indented less than it, an unindented one at the first break (``Lunch``)."""
    above = [h for h in sessions if h < index]
    if not above:
        return None
    h = max(above)
    indent, place = sessions[h]
    for i, when, rest in starts:
        if not h < i <= index:
            continue
        if (not rest and _states_date(when)) or (indent and _indent_of(lines[i]) < indent) \
                or (not indent and rest and is_non_talk(rest)):
            return None
    return place


def _series_leads(lines: list[str], starts: list[int]) -> dict[int, int]:
    """Item start -> first line of the series heading(s) right above it in the same
    paragraph (``Geometry and Topology Seminar`` over ``Monday 11 November, 16:15``): a
    digest names each talk's series above its date, and the heading belongs to that talk."""
    out: dict[int, int] = {}
    floor = 0
    for start in starts:
        i = start
        while i - 1 >= floor and lines[i - 1].strip() and series_line(lines[i - 1]) is not None:
            i -= 1
        if i < start and (i == 0 or not lines[i - 1].strip()):
            out[start] = i
        floor = start + 1
    return out


def _date_part(when: str) -> str:
    """The date of a date-and-time phrase, its time left out (``Mon 3 June, 9:00`` → ``Mon
    3 June``): the longest leading piece that still names the day but no time."""
    cuts = [m.start() for m in re.finditer(r",|\s+(?:at|from)\s+|\s+[—–-]\s+|\s+\d", when)]
    for c in sorted(cuts, reverse=True):
        head = when[:c].strip()
        if _states_date(head) and not _states_time(head):
            return head
    return when


def _speaker_text(sps: list[Speaker]) -> str:
    """Speakers back as one line ``parse_talk`` reads the same way (``A (X) and B (Y)``)."""
    return " and ".join(f"{s.name} ({s.affiliation})" if s.affiliation else s.name for s in sps)


def _one_line_talks(under: list[str]) -> list[tuple[list[Speaker], str | None]]:
    """``Name — Title`` lines under a date heading, each a talk; [] unless every non-blank
    line is one (``Name, Affiliation`` then a title line is one talk's block)."""
    found: list[tuple[list[Speaker], str | None]] = []
    for line in under:
        one = _BULLET_RE.sub("", line).strip()
        if not one:
            continue
        item = speaker_and_title(one)
        if item is None or item[1] is None:
            return []
        found.append(item)
    return found


# --- page-level context -----------------------------------------------------------------


def _apply_page(talks: list[RawTalk], lines: list[str], heads: dict[int, int | None]) -> None:
    """What the page says once for every talk: the series its heading names, a standing
    schedule (``Seminars are held on Thursdays, 4:00–5:00 pm, in Room 110``), a shared
    place (``All talks take place in Aula 1.14``)."""
    flat = " ".join(" ".join(lines).split())
    shared = _SHARED_PLACE.search(flat)
    span, place = standing_schedule(lines, wrapped=True)
    first = next((i for i, ln in enumerate(lines) if ln.strip()), None)
    series = series_heading(lines[first]) if first is not None else None
    if series is None:
        pre = lines[: min((i for i in heads if i != first), default=len(lines))][:10]
        series = series_in_prose(" ".join(" ".join(pre).split()))
    opening = "\n".join(_opening(lines))
    if not (shared or place):
        # ``I have booked Analysen at 11``: a place the page's opening paragraphs name
        place = find_place(opening, strict=True)
    # ``All times are CET``, ``(times are Pacific)``: stated once, above the talks
    zone = dates.find_timezone_cue(opening) or dates.find_times_statement("\n".join(lines))
    shared_place = shared["loc"] if shared else place
    if shared_place and span is None:
        # ``All talks take place in Room 201 at 4pm``: the place, and the time stated with it
        shared_place, span = _place_and_time(shared_place)
    for talk in talks:
        if zone and talk.timezone is None:
            talk.timezone = zone
        if talk.location is None and shared_place:
            talk.location = shared_place
        if series and talk.series is None:
            talk.series = series
        if span and talk.when_text and not _states_time(talk.when_text) \
                and _states_date(talk.when_text):
            talk.when_text = f"{talk.when_text}, {span}"
            talk.warnings.append("time from the listing's standing schedule")


_PLACE_TIME_RE = re.compile(r"^(?P<place>.+?)\s*,?\s+(?:at|from)\s+(?P<time>.+)$", re.I)


def _place_and_time(text: str) -> tuple[str, str | None]:
    """``Room 201 at 4pm`` -> (``Room 201``, ``4pm``): a place stated with its time; the
    text whole, and no time, when no clock time follows an ``at``/``from``."""
    m = _PLACE_TIME_RE.match(text)
    if m is None or not _CLOCK_RE.search(m["time"]) or not _states_time(m["time"]):
        return text, None
    return m["place"].strip(" ,"), m["time"].strip()


# ``Lisbon, 12-13 September 2022``, ``June 3–5``: the days of the whole event, no talk's
_DAY_SPAN_RE = re.compile(
    rf"\b\d{{1,2}}\s*[-–]\s*\d{{1,2}}\s+(?:{dates.MONTH_PATTERN})\b"
    rf"|\b(?:{dates.MONTH_PATTERN})\.?\s+\d{{1,2}}\s*[-–]\s*\d{{1,2}}\b(?!:)", re.I)


def _opening(lines: list[str]) -> list[str]:
    """The lines before a listing's first separator or first dated line (at most 15): the
    page's opening words, which speak for every talk. A line giving the whole event's days
    (``Lisbon, 12-13 September 2022``) belongs to the opening, not to a talk."""
    out: list[str] = []
    for line in lines[:15]:
        one = line.strip()
        if _SEPARATOR_RE.match(one) or (one and dates.looks_like_when(one, loose=True)
                                        and not _DAY_SPAN_RE.search(one)):
            break
        out.append(line)
    return out


# Event nouns of the shared vocabulary, plus the names of multi-day events.
_SERIES_HEAD_RE = re.compile(
    r"\b(?:" + "|".join(SERIES_NOUNS) + r"|symposia|conference|school)\b", re.I
)
_TERM_TAIL_RE = re.compile(
    r"(?:\s*[—–|:,(-]\s*|\s+)(?:(?:spring|summer|fall|autumn|winter|michaelmas|lent|easter|"
    r"trinity|academic\s+year)\s*(?:term|semester|quarter)?\s*)?(?:['’]?\d{2}|(?:19|20)\d\d"
    r"(?:\s*[-–/]\s*(?:19|20)?\d\d)?)?\)?\s*$",
    re.I,
)
_GENERIC_TAIL = frozenset(
    "archive archives schedule programme program list talks agenda calendar events page "
    "home overview digest newsletter announcements bulletin".split()
)
_GENERIC_HEADING_WORDS = _GENERIC_TAIL | frozenset(
    "upcoming forthcoming future recent past previous event the of and a an our all this "
    "next current on in for week weeks weekly month monthly today tomorrow tonight day days "
    "coming at de la le les du des semaine "
    "seminars seminar colloquium colloquia lectures lecture series workshop workshops "
    "symposium forum club conference school meeting reading group journal talk hour tea "
    "lunch webinar webinars meetings discussion".split()
)


# Events named by their edition (``Summer School 2024``, ``… Conference … 2023``), unlike a
# recurring seminar whose year is only the period (``Operator Algebras Seminar 2022``).
_EDITION_RE = re.compile(
    r"\b(?:conference|congress|workshop|symposium|school|summit|meeting|retreat|days|"
    r"lectures|festival|forum)\b",
    re.I,
)


def series_heading(line: str) -> str | None:
    """The series a listing's first line names (``Geometry Seminar``, ``Statistics Seminar —
    Spring 2024`` → ``Statistics Seminar``): an event noun and a distinguishing word, the
    term or year cut off. ``Upcoming talks`` or ``Seminar archive`` name no series."""
    one = _HEADING_MARKS.sub("", line.strip())
    if not one or len(one) > 80 or dates.looks_like_when(one, loose=True) or one.endswith("."):
        return None
    cut = one
    while (m := _TERM_TAIL_RE.search(cut)) and m.start() > 0 and m.group().strip():
        if re.fullmatch(r"\s+(?:19|20)\d\d", m.group()) and _EDITION_RE.search(cut[: m.start()]):
            break  # ``… Conference on Computational Biology 2023``: the edition is in the name
        cut = cut[: m.start()].rstrip(" —–|:,-")
    while (words := cut.split()) and len(words) > 1 and words[-1].lower() in _GENERIC_TAIL:
        cut = " ".join(words[:-1])
    if not _SERIES_HEAD_RE.search(cut):
        return None
    words = [w.lower() for w in re.findall(r"[\w'’&-]+", cut)]
    if not any(w not in _GENERIC_HEADING_WORDS and not w.isdigit() for w in words):
        return None
    return cut


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


def _talks_of_mail(msg: EmailMessage, doc: Document, *, archive: bool = False) -> list[RawTalk]:
    """The talks of one mail, or of each message of a digest read on its own.

    A digest bundles unrelated messages (a room change, a reply about the coffee machine,
    one seminar announcement): each is read alone, with its own Subject and Date, and
    gives a row only when it announces a talk (someone named as its speaker), never its
    Subject alone. So does each message of an archive (an mbox of a list: replies and
    notices beside the announcements). A message that announces nothing leaves an empty
    record, which the normalise stage reports as dropped, with the reason."""
    inner = emails.digest_messages(msg) or ([msg] if archive else [])
    if not inner:
        return talks_from_message(msg, doc.path)
    talks: list[RawTalk] = []
    for message in inner:
        found = talks_from_message(message, doc.path, subject_alone=False)
        named = [t for t in found if t.speakers or t.speaker_text]
        if not named:
            # kept without title or speaker, so the run reports it as a dropped record
            subject = " ".join(str(message.get("Subject") or "").split())
            named = [RawTalk(warnings=[f"message {subject!r} of several announces no talk: "
                                       "nobody is named as its speaker"])]
        talks.extend(named)  # keyed by the caller, in order
    return talks


def talks_from_message(msg: EmailMessage, source: str = "<email>", *,
                       subject_alone: bool = True) -> list[RawTalk]:
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
        talks = talks or (fallback if subject_alone else [])
    if (note := cancellation(str(msg.get("Subject") or ""))) is not None:
        for talk in talks:
            if note not in talk.warnings:
                talk.warnings.append(note)
    return talks
