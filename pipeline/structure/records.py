"""Records from repetition: the block shape that starts every talk of a document.

Why: a listing's talks are not always in ``<li>``s or under headings. A workshop page
separates its slots by a bold time line, a lab page by a ``<p class="speaker">``, a text
dump by date-led lines. What they share is that one block shape recurs once per talk.
``find_records`` tries each repeated signature as the record opener, partitions the
blocks at it (headings above stay context: day, term, year, session), and keeps the
partition whose records look most like talks (a person, a title, a time) and most like
one another. ``read_records`` then reads the fields of each record, using the one
template the document's one-line records settle (``templates``).

The result is a rival reading: the listing and text extractors compare it with their own
and keep the one that explains more of the document.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from pipeline.normalise import dates
from pipeline.normalise.agenda import is_non_talk
from pipeline.normalise.people import is_organisation
from pipeline.normalise.siblings import agenda_slot, section_of
from pipeline.normalise.text import (
    field_label,
    is_citation,
    is_location_line,
    is_placeholder,
    not_a_title,
)
from pipeline.records import RawTalk
from pipeline.structure import templates
from pipeline.structure.blocks import Block
from pipeline.structure.context import drop_shared_prose, fill_constants
from pipeline.structure.data import field_of

MAX_RECORD_BLOCKS = 12
# the share of a document's record headings their shared template must read
HEADING_TEMPLATE_COVERAGE = 0.8
_ABSTRACT_RE = re.compile(r"^\s*(?:abstract|summary|résumé)\s*[:.]\s*", re.I)
_PERSON_HEAD_RE = re.compile(r"^(?P<name>[^,(–—:|]+?)\s*(?:[,(–—|:]|\s-\s|$)")
_ANY_LABEL_RE = re.compile(r"^[\s*_]*(?P<label>[^\W\d_][^\W\d_ .'’-]*(?:[ .'’-][^\W\d_]+){0,3})"
                           r"[*_]*\s*[:：]\s*(?P<value>\S.*)$")
# how a learnt label's values must read for the label to name a field
LEARNT_SHARE = 0.6


@dataclass
class Record:
    """The blocks of one talk and the headings above it."""

    blocks: list[Block]
    context: list[Block] = field(default_factory=list)


@dataclass(frozen=True)
class Signals:
    """What a record holds that talks hold."""

    when: bool
    person: bool
    title: bool

    @property
    def talk_like(self) -> bool:
        return self.person and (self.title or self.when)


@lru_cache(maxsize=16384)
def person_head(text: str) -> str | None:
    """The name a speaker line opens with (``Ana Lima (University of Porto)``)."""
    m = _PERSON_HEAD_RE.match(text.strip())
    if not m or len(text) > 160:
        return None
    tail = text.strip()[m.end():]
    if text.strip()[m.end() - 1:m.end()] == ":" and len(tail.split()) > 3:
        return None  # ``Community Devs: How a Non-profit …``: a title and its subtitle
    name = m.group("name").strip()
    return name if templates.name_score(name) >= templates.STRONG_PEOPLE else None


@lru_cache(maxsize=16384)
def is_when(text: str) -> bool:
    return dates.looks_like_when(text) or dates.looks_like_when(text, loose=True)


def learn_labels(blocks: list[Block]) -> dict[str, str]:
    """``Label:`` prefixes this document repeats, mapped to the field their values fill.

    The shared label vocabulary knows ``Speaker:`` or ``Where:`` in English; a page in
    another language (``Докладчик:``, ``Intervenant :``) or with its own words (``Guest:``)
    repeats its labels once per talk. A label seen at least twice is a field when most of
    its values read as one: people, a date/time, a place, long prose; otherwise a short
    text is the title. A learnt label that fits nothing is dropped, not read as text."""
    values: dict[str, list[str]] = {}
    for block in blocks:
        if field_label(block.text):
            continue
        m = _ANY_LABEL_RE.match(block.text)
        if m and len(m.group("label")) <= 30:
            values.setdefault(m.group("label").casefold(), []).append(m.group("value"))
    learnt: dict[str, str] = {}
    for label, found in values.items():
        if len(found) < 2:
            continue
        share = LEARNT_SHARE * len(found)
        if sum(is_citation(v) for v in found) >= share:
            learnt[label] = "ignore"  # ``References: [1] …``: a reference list
        elif sum(bool(person_head(v)) for v in found) >= share:
            learnt[label] = "speaker"
        elif sum(is_when(v) for v in found) >= share:
            learnt[label] = "when"
        elif sum(is_location_line(v) for v in found) >= share:
            learnt[label] = "location"
        elif sum(len(v) >= 150 for v in found) >= share:
            learnt[label] = "abstract"
        elif sum(templates.title_score(v) >= 1.0 for v in found) >= share \
                and len(set(found)) == len(found):
            learnt[label] = "title"
        else:
            learnt[label] = "ignore"
    return learnt


def labelled(text: str, learnt: dict[str, str]) -> tuple[str, str] | None:
    """(field, value) of a labelled block, by the shared vocabulary or the document's own."""
    shared = field_label(text)
    if shared:
        kind, value = shared
        return ({"date": "when", "time": "when", "bio": "bio"}.get(kind, kind), value)
    m = _ANY_LABEL_RE.match(text)
    if m and m.group("label").casefold() in learnt:
        return learnt[m.group("label").casefold()], m.group("value").strip()
    return None


def signals(record: Record, learnt: dict[str, str] | None = None) -> Signals:
    when = person = title = False
    for block in _field_blocks(record):
        text = block.text
        label = labelled(text, learnt or {})
        if label:
            kind = label[0]
            person |= kind == "speaker"
            title |= kind == "title"
            when |= kind == "when"
            continue
        w, p, t = _text_signals(text)
        when, person, title = when or w, person or p, title or t
    return Signals(when, person, title)


@lru_cache(maxsize=16384)
def _text_signals(text: str) -> tuple[bool, bool, bool]:
    """(when, person, title) of one unlabelled block, cached: every candidate partition
    of a document looks at the same blocks again."""
    when = is_when(text)
    person = not when and bool(person_head(text))
    title = not when and not person and templates.title_score(text) >= 1.0 \
        and len(text.split()) <= 30
    # ``Name (Org): Title``: one block holds the person and the title
    if not (person and title) and len(text) <= 300 \
            and templates.fits_one(text):
        person = title = True
    return when, person, title


def _variants(signature: str) -> set[str]:
    """The openers a block can stand for: its signature, the same without the blank line
    before it (the first item of a list follows a blank), and ``para`` alone (the first
    line of any paragraph: blank-line separated records)."""
    out = {signature}
    if ":para" in signature:
        out |= {signature.replace(":para", ""), "para"}
    return out


def _labelled_variants(blocks: list[Block], learnt: dict[str, str]) -> list[set[str]]:
    """The openers each block stands for: its signature's variants, and for a labelled
    block (``Date: …``, ``Speaker: …``) its field, ``label:<field>``.

    Why: on a page of bare paragraphs every block has the same signature, so no signature
    opens the records; what recurs once per talk is the field it starts with (each talk
    opens with ``Date:``, its abstract runs on over unlabelled paragraphs and references)."""
    out = []
    for block in blocks:
        variants = _variants(block.signature)
        label = labelled(block.text, learnt) if not block.heading else None
        if label and label[0] != "ignore":
            variants = variants | {f"label:{label[0]}"}
        out.append(variants)
    return out


def _partition(blocks: list[Block], opener: str,
               variants: list[set[str]] | None = None) -> tuple[list[Block], list[Record]]:
    """Cut ``blocks`` at every block that ``opener`` stands for; headings become context.

    ``variants``: the openers of each block (``_labelled_variants``), else its signature's."""
    variants = variants or [_variants(b.signature) for b in blocks]
    headings: dict[int, Block] = {}
    preamble: list[Block] = []
    records: list[Record] = []
    current: Record | None = None
    # under a heading opener, deeper headings are the record's own lines (an ``h5``
    # speaker line under each ``h3`` title); other headings are context above records
    level = next((b.heading for b, v in zip(blocks, variants, strict=True) if opener in v), 0)
    for block, opens_as in zip(blocks, variants, strict=True):
        opens = opener in opens_as
        inner = bool(level) and block.heading > level and current is not None
        if block.heading and not opens and not inner:
            headings = {lvl: b for lvl, b in headings.items() if lvl < block.heading}
            headings[block.heading] = block
            current = None
            continue
        if opens:
            current = Record([block], [headings[k] for k in sorted(headings)])
            records.append(current)
        elif current is not None and len(current.blocks) < MAX_RECORD_BLOCKS:
            current.blocks.append(block)
        elif current is None:
            preamble.append(block)
    return preamble, records


def _trim_last(records: list[Record]) -> None:
    """The last record of a page also swallows its footer: cut it to its siblings' size."""
    if len(records) < 3:
        return
    typical = statistics.median(len(r.blocks) for r in records[:-1])
    records[-1].blocks = records[-1].blocks[: max(1, int(typical * 1.5 + 0.5))]


def _split_items(records: list[Record]) -> float:
    """The share of item elements (an ``li``, a ``tr``) whose blocks a partition spreads
    over two records: a partition that cuts items apart is the wrong one."""
    owner: dict[int, int] = {}
    split: set[int] = set()
    for n, record in enumerate(records):
        for block in record.blocks:
            if block.group:
                if owner.setdefault(block.group, n) != n:
                    split.add(block.group)
    return len(split) / len(owner) if owner else 0.0


def _owned_talk_like(record: Record, sig: Signals) -> bool:
    """On the page of one person's talks, a record is a talk by a title and a date, or a
    year (``Harvard University (2024)``): the person is the page's, stated once."""
    return sig.title and (sig.when or any(dates.find_year(b.text) for b in record.blocks))


def _group_partition(blocks: list[Block]) -> list[Record]:
    """One record per item element (a ``tr``, an ``li``): the container's own partition,
    a rival of the partitions at a repeated opener (a row of cells has no opener of its
    own: every cell shares the ``td`` signature). Headings above are context."""
    headings: dict[int, Block] = {}
    records: list[Record] = []
    current = 0
    for block in blocks:
        if block.heading and not block.group:
            headings = {lvl: b for lvl, b in headings.items() if lvl < block.heading}
            headings[block.heading] = block
            current = 0
            continue
        if not block.group:
            current = 0
            continue
        if block.group != current:
            records.append(Record([], [headings[k] for k in sorted(headings)]))
            current = block.group
        if len(records[-1].blocks) < MAX_RECORD_BLOCKS:
            records[-1].blocks.append(block)
    return records


def find_records(blocks: list[Block], owner: str | None = None) -> list[Record]:
    """The partition of ``blocks`` into talk records that repetition supports best.

    ``owner``: the person a page of one person's talks names once (its title); records
    then need no person of their own."""
    learnt = learn_labels(blocks)
    variants = _labelled_variants(blocks, learnt)
    counts = Counter(v for found in variants for v in found)
    best: tuple[float, list[Record]] = (0.0, [])
    labels = Counter(v for b in blocks if _heading_label(b, learnt) for v in _variants(b.signature))
    # headings that name a field (``### Speaker``, ``### Abstract``) label a record's parts:
    # cutting at them splits every record into its fields
    candidates = [(opener, None) for opener, count in counts.items()
                  if count >= 2 and labels[opener] < 0.5 * count]
    grouped = _group_partition(blocks)
    if len(grouped) >= 2:
        candidates.append(("", grouped))
    for opener, given in candidates:
        if given is None:
            _, records = _partition(blocks, opener, variants)
            _trim_last(records)
        else:
            records = given
        sig = [signals(r, learnt) for r in records]
        if owner:
            talk_like = sum(_owned_talk_like(r, s) for r, s in zip(records, sig, strict=True))
        elif given is not None:
            # rows of cells with no header: a person and a date each (a group directory
            # of names, roles and topics has no dates)
            talk_like = sum(s.talk_like and s.when for s in sig)
        else:
            talk_like = sum(s.talk_like for s in sig)
            if talk_like < 2 and len(records) >= 2:
                talk_like = _heading_template_talks(records)
        if talk_like < 2 or talk_like < 0.5 * len(records):
            continue
        sizes = [len(r.blocks) for r in records]
        spread = statistics.pstdev(sizes) / (statistics.mean(sizes) or 1)
        score = talk_like * (1.0 / (1.0 + spread)) + 0.1 * sum(s.when for s in sig)
        score /= 1.0 + 4.0 * _split_items(records)
        if score > best[0]:
            best = (score, records)
    return best[1]


# --------------------------------------------------------------------------- reading


def _context_when(context: list[Block]) -> str | None:
    """A date stated by the headings above a record (``Tuesday 14 June``, ``14 June 2023``)."""
    for block in reversed(context):
        m = dates.find_when_in_prose(block.text)
        if m and re.search(r"\d", m.group("when")):
            return m.group("when")
    return None


def _context_year(context: list[Block], preamble_text: str) -> int | None:
    for block in reversed(context):
        year = dates.find_year(block.text)
        if year:
            return year
    return dates.find_year(preamble_text)


def read_records(records: list[Record], preamble_text: str = "",
                 owner: str | None = None) -> list[RawTalk]:
    """One ``RawTalk`` per record that reads as a talk (a person, or a title and a time).

    ``owner`` (see ``find_records``) speaks in every record that names nobody."""
    learnt = learn_labels([b for r in records for b in r.blocks])
    one_liners = [one.text for r in records if (one := _one_content_block(r, learnt))]
    choice = templates.choose(one_liners) if one_liners else None
    by_heading = None if choice is not None and choice.template is not None \
        else _heading_choice(records)
    roles = part_roles(records)
    talks = []
    for record in records:
        if (section := section_of([b.text for b in record.context])) is not None:
            # kept without title or speaker, so the run reports it as a dropped record
            first = record.blocks[0].text[:80] if record.blocks else ""
            talks.append(RawTalk(warnings=[f"{first!r} under the page section {section!r} "
                                           "(people, papers, dates, committees): not a talk"]))
            continue
        talk = _read(record, choice, preamble_text, learnt, roles, by_heading)
        if talk is not None and owner and not talk.speaker_text:
            if not talk.title:
                continue
            talk.speaker_text = [owner]
            talk.warnings.append("speaker is the person the page is about")
        if talk is not None:
            talks.append(talk)
    fill_constants(talks)
    drop_shared_prose(talks)
    return talks


_FIELD_CLASSES = ("speaker", "title", "abstract", "bio", "location", "date", "time", "affiliation")


# a class naming the card's type (``seminar-type``, ``event-category``): no field of the talk
_TYPE_CLASS_WORDS = frozenset({"type", "category", "kind"})


def class_field(block: Block) -> str | None:
    """The field a block's own class names (``speaker-name``, ``talk-title``, ``seminar-date``),
    read with the data-key vocabulary; None for classes that name no field."""
    sig = block.signature.removeprefix("part.")
    tail = sig.split(">")[-1].split(":")[0].split("#")[0]
    classes = tail.split(".")[1:] if not block.signature.startswith("part.") else tail.split(".")
    for cls in classes:
        words = re.sub(r"[-_]+", " ", cls).split()
        if words and words[-1].casefold() in _TYPE_CLASS_WORDS:
            return "type"  # ``seminar-type``: the kind of meeting every card repeats
        for n in range(len(words), 0, -1):  # ``talk-title`` -> title, ``speaker-name`` -> speaker
            for i in range(len(words) - n + 1):
                name = field_of(" ".join(words[i:i + n]))
                if name in _FIELD_CLASSES:
                    return name
    return None


def part_roles(records: list[Record]) -> dict[str, str]:
    """Classes of inline fields whose values are (mostly) organisations: affiliations.

    Learnt over all records, so one value the vocabulary does not know as an organisation
    (``International Monetary Fund``, ``EUI · NTNU``) is read by its class."""
    values: dict[str, list[str]] = {}
    for record in records:
        for cls, text in record.blocks[0].parts:
            values.setdefault(cls, []).append(text)
    roles: dict[str, str] = {}
    for cls, found in values.items():
        if len(found) < 2:
            continue
        orgs = sum(is_organisation(v) for v in found)
        people = sum(bool(person_head(v)) for v in found)
        if orgs >= 0.4 * len(found) and people <= 0.2 * len(found):
            roles[cls] = "affiliation"
    return roles


# a record holding this many short linked list items after its opener holds a menu
MENU_ITEMS = 3
MENU_ITEM_WORDS = 4


def _menu_item(block: Block) -> bool:
    """A list item that is one short link (``Getting Started``, ``Issue Tracker``)."""
    return len(block.links) == 1 and ">li" in block.signature \
        and len(block.text.split()) <= MENU_ITEM_WORDS


def _without_menu(blocks: list[Block]) -> list[Block]:
    """``blocks`` without a menu: ``MENU_ITEMS`` or more short linked list items after the
    opener are a section's navigation (``About`` > ``What's New``, ``License``), none of a
    talk's fields, so the heading above them does not become a talk by them."""
    items = [b for b in blocks[1:] if _menu_item(b)]
    if len(items) < MENU_ITEMS:
        return blocks
    return [blocks[0], *(b for b in blocks[1:] if not _menu_item(b))]


def _field_blocks(record: Record) -> list[Block]:
    """The record's blocks, its opener cut into its classed inline fields (a row of
    ``<span>``s) when it has them: the markup boundaries cut it, what follows is read as
    it is. A menu of links in it is left out (``_without_menu``)."""
    first = record.blocks[0]
    if first.parts:
        return [Block(text, f"part.{cls}") for cls, text in first.parts] + \
            _without_menu(record.blocks)[1:]
    return _without_menu(record.blocks)


def _heading_choice(records: list[Record]) -> templates.Choice | None:
    """The template the records' opening headings share (``"Title" — by Name`` over each
    talk's prose), when every record opens with a heading and the template reads them
    all: repetition settles people a lone first name cannot (``by Julia``)."""
    heads = [r.blocks[0].text for r in records if r.blocks and r.blocks[0].heading]
    if len(heads) < 2 or len(heads) < len(records) or any(is_when(h) for h in heads):
        return None  # date headings over their talks say when, not who
    choice = templates.choose(heads)
    if choice.template is None or choice.coverage < HEADING_TEMPLATE_COVERAGE:
        return None
    return choice


def _heading_template_talks(records: list[Record]) -> int:
    """How many records the shared heading template reads with a person (0: none)."""
    choice = _heading_choice(records)
    if choice is None:
        return 0
    return sum(bool((r := choice.read(rec.blocks[0].text)) and r.people and r.title)
               for rec in records)


def _one_content_block(record: Record, learnt: dict[str, str]) -> Block | None:
    """The record's one block that is neither a date/time line nor a labelled field, when
    it has exactly one (``2:15 PM–2:30 PM`` over ``Title. Ann Lee and Bo Park``): the
    one-line item the document's template reads, whatever time lines stand beside it."""
    blocks = _field_blocks(record)
    content = [b for b in blocks
               if not (is_when(b.text) and len(b.text) <= 120) and not labelled(b.text, learnt)]
    return content[0] if len(content) == 1 and not content[0].heading else None


def _read(record: Record, choice: templates.Choice | None, preamble: str,
          learnt: dict[str, str], roles: dict[str, str] | None = None,
          heading_choice: templates.Choice | None = None) -> RawTalk | None:
    talk = RawTalk()
    when_parts: list[str] = []
    rest: list[str] = []
    blocks = _field_blocks(record)
    one_liner = _one_content_block(record, learnt) if choice is not None else None
    section: str | None = None  # the field a label standing alone opened (``### Speaker``)
    sections: dict[str, list[str]] = {}
    for block in blocks:
        text = block.text
        label = labelled(text, learnt) or _heading_label(block, learnt)
        if label:
            section = None if label[1] else label[0]
            # a page's own people label after the named speaker (``Autores:`` under a
            # journal club's presenter) lists the paper's authors, not more speakers
            learnt_people = label[0] == "speaker" and field_label(text) is None
            if label[1] and not (learnt_people and talk.speaker_text):
                _assign_label(talk, label[0], label[1], when_parts)
            continue
        if section is not None and not block.heading:
            # the blocks under a label of their own fill its field: prose fields take
            # every paragraph up to the next label or heading, the others one block
            if section in ("abstract", "bio"):
                sections.setdefault(section, []).append(text)
                continue
            if not is_placeholder(text):
                _assign_label(talk, section, text, when_parts)
            section = None
            continue
        section = None
        if heading_choice is not None and block is record.blocks[0] and talk.title is None:
            reading = heading_choice.read(text)  # the template the record headings share
            if reading is not None and reading.title and reading.people:
                talk.title = None if is_placeholder(reading.title) else reading.title
                if not is_placeholder(reading.people):
                    talk.speaker_text = [reading.people]
                if reading.date:
                    when_parts.append(reading.date)
                continue
        if block.heading and talk.title is None and len(blocks) > 1 and agenda_slot(text):
            continue  # ``# 2nd Talk`` above ``## The title``: the slot's label, not its title
        by_name = class_field(block)
        if by_name == "type":
            continue
        if by_name and not is_placeholder(text):  # ``<span class="speaker-name">``
            _assign_label(talk, {"date": "when", "time": "when"}.get(by_name, by_name), text,
                          when_parts)
            continue
        if is_when(text) and len(text) <= 120:
            when_parts.append(text)
            continue
        if is_placeholder(text) or is_citation(text):
            continue  # ``TBD`` where a speaker or a title stands says nothing; a reference
            # under the abstract is none of the talk's fields
        if talk.title is None and block is one_liner and choice is not None \
                and not talk.speaker_text:
            reading = choice.read(text)  # ``Name (Org): Title``: the document's template
            if reading is not None and reading.title:
                talk.title = None if is_placeholder(reading.title) else reading.title
                if reading.people and not is_placeholder(reading.people):
                    talk.speaker_text = [reading.people]
                if reading.date:
                    when_parts.append(reading.date)
                continue
        if not talk.speaker_text and (person_head(text) or (
                len(text) <= 120 and templates.people_score(text) >= templates.STRONG_PEOPLE)):
            talk.speaker_text = [text]
            continue
        by_class = (roles or {}).get(block.signature.removeprefix("part."))
        in_row = block.signature.startswith("part.")
        bare = bool(talk.speaker_text) and not re.search(r", |\(", talk.speaker_text[-1])
        if bare and len(blocks) > 1 and (
                by_class == "affiliation" or (talk.title is None and in_row
                                              and is_organisation(text))):
            talk.speaker_text[-1] = f"{talk.speaker_text[-1]} ({text})"  # its affiliation
            continue
        if talk.title is None and block is one_liner and choice is not None:
            reading = choice.read(text)
            if reading is not None:
                talk.title = None if is_placeholder(reading.title) else reading.title
                if reading.people and not is_placeholder(reading.people):
                    talk.speaker_text = [reading.people]
                if reading.date:
                    when_parts.append(reading.date)
                continue
        if talk.title is None and 1 <= len(text.split()) <= 30 and not _ABSTRACT_RE.match(text) \
                and not_a_title(text) is None:
            if is_location_line(text) and talk.location is None:
                talk.location = text
                continue
            talk.title = None if is_placeholder(text) else text
            if talk.title is None:
                talk.warnings.append("title is a placeholder")
            continue
        if talk.location is None and len(text) <= 80 and is_location_line(text):
            talk.location = text
            continue
        rest.append(_ABSTRACT_RE.sub("", text))
    if not talk.speaker_text and (not talk.title or is_non_talk(talk.title)):
        return None  # a break, a lunch, a heading: nobody speaks
    if not talk.title and not when_parts and not rest and not talk.abstract \
            and not _context_when(record.context):
        return None  # a name and nothing else: a directory entry or a heading, no talk
    context_date = _context_when(record.context)
    if context_date and not any(dates.parse_when(w) and dates.parse_when(w).date  # type: ignore[union-attr]
                                for w in when_parts):
        when_parts.insert(0, context_date)
    talk.when_text = ", ".join(when_parts) or None
    talk.year_hint = _context_year(record.context, preamble)
    long = [t for t in rest if len(t) >= 120]
    talk.abstract = "\n\n".join(sections.get("abstract", [])) or talk.abstract \
        or "\n\n".join(long) or None
    if sections.get("bio"):
        talk.speaker_bio = "\n\n".join(sections["bio"])
    return talk


def _heading_label(block: Block, learnt: dict[str, str]) -> tuple[str, str] | None:
    """A heading that is a field's label without its colon (``### Speaker Bio``,
    ``<h4>Abstract</h4>``): the field the blocks under it fill."""
    if not block.heading or len(block.text.split()) > 3:
        return None
    found = labelled(f"{block.text.rstrip(':： ')}:", learnt)
    return found if found is not None and not found[1] else None


def _assign_label(talk: RawTalk, kind: str, value: str, when_parts: list[str]) -> None:
    """Put a labelled value in its field; labels of no talk field (a host) are dropped."""
    if kind == "speaker":
        talk.speaker_text = [*talk.speaker_text, value]
    elif kind == "title":
        if talk.title is None:  # the first title a record states stands
            talk.title = None if is_placeholder(value) else value
    elif kind == "abstract":
        talk.abstract = value
    elif kind == "bio":
        talk.speaker_bio = value
    elif kind == "location":
        talk.location = value
    elif kind == "when":
        when_parts.append(value)
    elif kind in ("url", "slides", "video"):
        setattr(talk, kind, value)
    elif kind == "affiliation" and talk.speaker_text:
        talk.speaker_text[-1] = f"{talk.speaker_text[-1]} ({value})"


# --------------------------------------------------------------------------- one-talk pages

# how many blocks above the speaker line the talk's title may stand (a date line, the
# page's heading and a teaser sit between them on detail pages)
TITLE_REACH = 4
# prose blocks after the speaker line that can still be the talk's (abstract, bio)
BODY_REACH = 12
_LABEL_FIELD = {"date": "when", "time": "when", "bio": "bio"}
# a pictograph before a detail page's label (``📅 Time:``) is decoration, like a bullet
_PICTOGRAPH_RE = re.compile(r"^[\s\u2190-\u2bff\u200d\ufe0f\U0001f000-\U0001faff]+")


def _title_like(block: Block) -> bool:
    """A block that can be a talk's title: a few words, not a date, a label, a name."""
    text = block.text
    return (2 <= len(text.split()) <= 30 and not when_line(text) and field_label(text) is None
            and not is_placeholder(text) and templates.name_score(text) < 0.8
            and templates.title_score(text) >= 1.0 and not is_non_talk(text))


def read_single(blocks: list[Block], preamble_text: str = "") -> RawTalk | None:
    """The one talk of a detail page: its fields are stated once, not repeated.

    Why: a talk's own page (``Speaker: A``, ``Time: …`` under a heading with its title)
    has no siblings to learn a record shape from, so the repetition reader finds nothing.
    Such a page names exactly one speaker by label; the title is the nearest title-like
    block above that label (the page heading, a teaser, a bold line), the date a labelled
    or nearby date line, and the labelled prose after it the abstract and bio. A page that
    labels two speakers, or gives neither a title nor a date, is not read here."""
    labels = [labelled(_PICTOGRAPH_RE.sub("", b.text), {}) for b in blocks]
    speakers = [i for i, lab in enumerate(labels) if lab and lab[0] == "speaker" and lab[1]]
    if len(speakers) != 1:
        return None
    anchor = speakers[0]
    talk = RawTalk(speaker_text=[labels[anchor][1]])  # type: ignore[index]
    if not person_head(talk.speaker_text[0]) and \
            templates.people_score(talk.speaker_text[0]) < templates.STRONG_PEOPLE:
        return None
    when_parts: list[str] = []  # labelled dates and times: they win over nearby lines
    near: list[str] = []
    start = next((i for i in range(anchor - 1, max(-1, anchor - 1 - TITLE_REACH), -1)
                  if blocks[i].heading == 1 or _title_like(blocks[i])), anchor)
    for i in range(start, anchor):  # the title and what stands between it and the speaker
        if when_line(blocks[i].text):
            near.append(when_line(blocks[i].text))  # type: ignore[arg-type]
        elif talk.title is None and _title_like(blocks[i]):
            talk.title = blocks[i].text
    pending: str | None = None  # a bare label (``Abstract:``) whose value is the next block
    prose: list[str] = []
    for i in range(anchor + 1, min(len(blocks), anchor + 1 + BODY_REACH)):
        block, lab = blocks[i], labels[i]
        if block.heading and block.heading <= 2:
            break  # the next section (``Notes for visitors``) is the page's, not the talk's
        if lab:
            kind, value = _LABEL_FIELD.get(lab[0], lab[0]), lab[1]
            if kind in ("abstract", "bio") and not value:
                pending = kind
            elif value:
                _assign_label(talk, kind, value, when_parts)
                pending = None
            continue
        if pending == "bio" or (pending is None and talk.speaker_bio is None and prose
                                and _bio_of(block.text, talk.speaker_text[0])):
            talk.speaker_bio = block.text if len(block.text) >= 80 else talk.speaker_bio
            pending = None
            continue
        if len(block.text) >= 120:
            prose.append(_ABSTRACT_RE.sub("", block.text))
        elif when_line(block.text) and not near:
            near.append(when_line(block.text))  # type: ignore[arg-type]
        pending = pending if pending == "abstract" and not prose else None
    if talk.abstract is None and prose:
        talk.abstract = "\n\n".join(prose)
    if not near:
        near = [w for w in (when_line(b.text) for b in blocks[max(0, start - 2):start]) if w]
    if not when_parts:
        when_parts.extend(near[-1:])
    if talk.title is None and not when_parts:
        return None
    talk.when_text = ", ".join(when_parts) or None
    talk.year_hint = dates.find_year(preamble_text)
    talk.warnings.append("read as the one talk of a detail page")
    return talk


def when_line(text: str) -> str | None:
    """A short line that is a date or time (``29 October 2015 ·``), trailing dividers cut."""
    text = text.strip(" ·|•,;-–—")
    if not text or len(text) > 80:
        return None
    if is_when(text):
        return text
    # a date in another language (``29 Outubro 2015``) the line test does not know, but
    # the parser reads: a short line that parses to a date is one
    parsed = dates.parse_when(text) if len(text.split()) <= 5 else None
    return text if parsed is not None and parsed.date is not None else None


def _bio_of(text: str, speaker: str) -> bool:
    """A paragraph about the speaker: it opens with a word of the speaker's name."""
    words = {w.casefold() for w in re.findall(r"\w{3,}", speaker)}
    head = re.findall(r"\w+", text)[:3]
    return any(w.casefold() in words for w in head)
