"""PDF pages as layout: lines rebuilt from word positions, fonts and tables.

Why: a PDF is one talk's deck or a listing (a workshop programme with a table of slots,
a multi-day schedule with day headings, a booklet of abstracts one talk per page). A
listing is read by the shared structure layer (``pipeline.structure``: blocks, records
from repetition, one template per document, context), which needs blocks with shape
signatures, as the HTML and text readers give it. A PDF has no markup, but it has the
same evidence in another form: a heading is set larger than the body, a time line is
set bold, a table is ruled, a column starts at the same x on every row. This module
turns pdfplumber's words (position, font name, size) and its table finder into
``PageLayout``s, and those into ``Block``s:

* lines are rebuilt from word positions (one baseline), split into *segments* where a
  wide gap separates two columns or where the page's columns start (the x a wide gap
  leads to on two rows or more): such a line is a row of an unruled table, signed like
  a ruled table's row, its cells named by the header line above it when it has one;
* a page set in two columns of prose (a booklet) is read down one column, then the
  other, band by band between the lines that span both;
* a line is emphasised when most of its letters are in a bold face, and a heading when
  it is set clearly larger than the document's body size (levels by size, largest
  first), or when it is an emphasised line stating only a date (a day heading);
* a ruled table's rows become one block each, its cells the block's parts, named by the
  header row when the header names fields (``Time | Speaker | Title``): the record
  reader reads parts by their class, as it reads ``<span class="speaker">``;
* lines repeated on most pages (running headers, footers) and page numbers are
  furniture: not blocks, but still text for the document's year;
* consecutive lines of one paragraph (same style, close, and the first *wrapped*: the
  next line's first word would not have fit before the text's right edge) become one
  block, so a booklet's abstract or a two-line title is one block, not twelve; a
  person's name with an organisation right under it is one byline, ``Name (Org)``.

Each page is laid out on its own, and its table finder runs isolated: a page whose
tables cannot be read is read as lines, with a warning, and the other pages are not
affected.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from pipeline.normalise import dates
from pipeline.normalise.people import is_organisation
from pipeline.records import RawTalk
from pipeline.sniff import page_number
from pipeline.structure.blocks import Block, line_shape
from pipeline.structure.data import field_of
from pipeline.structure.isolation import attempt
from pipeline.structure.records import find_records, person_head, read_records

# text smaller than this (points) is legal print or hidden text, never a field
TINY_PT = 5.0
# two words on one row further apart than this many font sizes are in two columns
COLUMN_GAP = 2.0
# a line set this much larger than the body text is a heading
HEADING_RATIO = 1.12
# a line repeated on more than this share of the pages (three pages at least) is furniture
FURNITURE_SHARE = 0.5
_BOLD_RE = re.compile(r"bold|black|heavy|semibold|demi", re.I)


@dataclass
class Line:
    """One row of words on a page, cut into segments at column gaps."""

    segments: list[str]
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    first_width: float = 0.0  # the width of its first word: would it have fit above?
    starts: list[float] = field(default_factory=list)  # where each segment starts
    edge: float = 0.0  # the right edge of its column of prose, when the page has two

    @property
    def text(self) -> str:
        return " ".join(self.segments)


@dataclass
class Table:
    """One ruled table the finder found: its rows of cell texts, and where it stands."""

    top: float
    rows: list[list[str]]


@dataclass
class PageLayout:
    """The lines outside tables and the tables of one page, top to bottom."""

    lines: list[Line]
    tables: list[Table] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # letters per font size over the whole page, tables included: the body size
    sizes: Counter[float] = field(default_factory=Counter)
    width: float = 0.0  # the page's width (points)


def page_layout(page: object, index: int, words: list[dict] | None = None) -> PageLayout:
    """The layout of one pdfplumber page (``words``: its words with ``fontname`` and
    ``size``, when the caller has them already). The table finder runs isolated: when it
    fails, the page's words are all read as lines and a warning names the page."""
    warnings: list[str] = []
    if words is None:
        words = page.extract_words(extra_attrs=["fontname", "size"],  # type: ignore[attr-defined]
                                   keep_blank_chars=False)
    found = attempt(f"table finder on page {index + 1}",
                    lambda: _tables(page) if _has_rules(page) else [], warnings) or []
    sizes: Counter[float] = Counter()
    for w in words:
        sizes[round(float(w["size"]) * 2) / 2] += len(w["text"])
    boxes = [bbox for bbox, _rows in found]
    words = [w for w in words if not any(_inside(w, b) for b in boxes)]
    tables = [Table(bbox[1], rows) for bbox, rows in found]
    return PageLayout(_flow(words, float(page.width)),  # type: ignore[attr-defined]
                      tables, warnings, sizes,
                      float(page.width))  # type: ignore[attr-defined]


# the table finder runs on pages drawing this many lines/rectangles/curves, and no more
# (a vector chart or map: thousands of edges, no table of talks, and a costly search)
MIN_RULES = 4
MAX_RULES = 3000


def _has_rules(page: object) -> bool:
    """Whether the page draws enough lines or rectangles to hold a ruled table (the table
    finder is costly; a slide of text has none), and not so many that it is a drawing."""
    n = len(page.lines) + len(page.rects) + len(page.curves)  # type: ignore[attr-defined]
    return MIN_RULES <= n <= MAX_RULES


def _tables(page: object) -> list[tuple[tuple[float, float, float, float], list[list[str]]]]:
    """(bounding box, rows) of each ruled table with two rows and two columns at least."""
    out = []
    for table in page.find_tables():  # type: ignore[attr-defined]
        rows = [[_cell(c) for c in row] for row in table.extract()]
        rows = [r for r in rows if any(r)]
        if len(rows) >= 2 and max(len(r) for r in rows) >= 2:
            out.append((tuple(table.bbox), rows))
    return out


def _cell(text: str | None) -> str:
    """A cell's text: its lines joined, a person's name over an organisation read as
    ``Name (Org)`` (a speaker cell set on two lines)."""
    lines = [" ".join(ln.split()) for ln in (text or "").splitlines() if ln.strip()]
    if len(lines) == 2 and person_head(lines[0]) == lines[0] and is_organisation(lines[1]):
        return f"{lines[0]} ({lines[1]})"
    return " ".join(lines)


def _inside(word: dict, bbox: tuple[float, float, float, float]) -> bool:
    x0, top, x1, bottom = bbox
    mid_x = (word["x0"] + word["x1"]) / 2
    mid_y = (word["top"] + word["bottom"]) / 2
    return x0 - 1 <= mid_x <= x1 + 1 and top - 1 <= mid_y <= bottom + 1


def _lines(words: list[dict]) -> list[Line]:
    """Words → lines: one baseline (a bold time and the regular text after it share a
    line whatever their sizes), segments cut at column gaps and at the page's column
    stops."""
    words = [w for w in words if float(w["size"]) >= TINY_PT and w["text"].strip()]
    rows = _rows(words)
    cuts = [_gap_cuts(row) for row in rows]
    stops = _column_stops(rows, cuts)
    out = []
    for row, cut in zip(rows, cuts, strict=True):
        if cut and stops:  # a row of columns: also cut where a column starts
            cut |= {k for k in range(1, len(row))
                    if any(abs(float(row[k]["x0"]) - x) <= 2.0 for x in stops)}
        segments: list[list[dict]] = [[]]
        for k, w in enumerate(row):
            if k in cut:
                segments.append([])
            segments[-1].append(w)
        chars = sum(len(w["text"]) for w in row)
        bold = sum(len(w["text"]) for w in row if _BOLD_RE.search(str(w.get("fontname", ""))))
        out.append(Line([" ".join(w["text"] for w in seg) for seg in segments],
                        float(row[0]["x0"]), float(row[-1]["x1"]),
                        min(float(w["top"]) for w in row), max(float(w["bottom"]) for w in row),
                        max(float(w["size"]) for w in row), bold > chars / 2,
                        float(row[0]["x1"]) - float(row[0]["x0"]),
                        [float(seg[0]["x0"]) for seg in segments]))
    return out


def _rows(words: list[dict]) -> list[list[dict]]:
    """Words grouped by baseline, top to bottom, each row left to right."""
    rows: list[list[dict]] = []
    for w in sorted(words, key=lambda w: (float(w["bottom"]), float(w["x0"]))):
        if rows and abs(float(w["bottom"]) - statistics.median(
                float(x["bottom"]) for x in rows[-1])) <= 0.35 * float(w["size"]):
            rows[-1].append(w)
        else:
            rows.append([w])
    for row in rows:
        row.sort(key=lambda w: float(w["x0"]))
    return rows


def _flow(words: list[dict], width: float) -> list[Line]:
    """The page's lines in reading order: a page set in two columns of prose (a booklet
    of abstracts) is read down its left column, then its right one, band by band between
    the lines that span both (a heading across the page)."""
    words = [w for w in words if float(w["size"]) >= TINY_PT and w["text"].strip()]
    found = _gutter(_rows(words), width)
    if found is None:
        return _lines(words)
    gutter, left_edge = found
    right_edge = max(max(float(w["x1"]) for w in words),
                     width - min(float(w["x0"]) for w in words))
    out: list[Line] = []
    band: list[dict] = []

    def flush() -> None:
        for side, edge in (([w for w in band if float(w["x1"]) <= gutter], left_edge),
                           ([w for w in band if float(w["x1"]) > gutter], right_edge)):
            for ln in _lines(side):
                ln.edge = edge
                out.append(ln)
        band.clear()

    for row in _rows(words):
        if _spans(row, gutter):
            flush()
            out.extend(_lines(row))
        else:
            band.extend(row)
    flush()
    return out


def _spans(row: list[dict], gutter: float) -> bool:
    """A row that runs across the gutter: a word over it, or words either side closer
    than a column gap (a heading across the page)."""
    if any(float(w["x0"]) < gutter < float(w["x1"]) for w in row):
        return True
    left = [w for w in row if float(w["x1"]) <= gutter]
    right = [w for w in row if float(w["x0"]) >= gutter]
    return bool(left and right) and float(right[0]["x0"]) - float(left[-1]["x1"]) \
        < 1.5 * float(right[0]["size"])


# a page is two columns of prose when this many rows hold words on both sides of a gutter
FLOW_ROWS = 8


def _gutter(rows: list[list[dict]], width: float) -> tuple[float, float] | None:
    """The x of the gap between two columns of prose and the left column's right edge,
    None when the page is not set so.

    Columns of prose, not a table's columns: the gap sits in the middle of the page, few
    rows cross it, many rows hold several words on each side, the left column's lines
    reach close to the gap (they wrap), and its lines do not start with times or dates."""
    if width <= 0 or sum(len(r) for r in rows) < 40:
        return None
    lo, step = 0.35 * width, 2.0
    n_steps = int(0.3 * width / step) + 1
    crossing = [0] * n_steps  # rows with a word over each candidate x
    for r in rows:
        covered: set[int] = set()
        for w in r:
            first = max(0, int((float(w["x0"]) - lo) / step) + 1)
            last = min(n_steps - 1, int((float(w["x1"]) - lo) / step))
            covered.update(range(first, last + 1))
        for k in covered:
            crossing[k] += 1
    fewest = min(range(n_steps), key=lambda k: (crossing[k], k))
    if crossing[fewest] > 0.1 * len(rows):
        return None
    gutter = lo + fewest * step
    both = [r for r in rows if not any(float(w["x0"]) < gutter < float(w["x1"]) for w in r)
            and sum(float(w["x1"]) <= gutter for w in r) >= 4
            and sum(float(w["x0"]) >= gutter for w in r) >= 4]
    if len(both) < FLOW_ROWS:
        return None
    left_x0 = min(float(r[0]["x0"]) for r in both)
    # the left column's right edge: where its longest lines end
    edge = max(max(float(w["x1"]) for w in r if float(w["x1"]) <= gutter) for r in both)
    wrapped = sum(max(float(w["x1"]) for w in r if float(w["x1"]) <= gutter)
                  >= edge - 0.15 * (edge - left_x0) for r in both)
    slots = sum(bool(line_shape(" ".join(w["text"] for w in r[:4]))) for r in both)
    if wrapped < 0.5 * len(both) or slots > 0.2 * len(both):
        return None
    # the gap itself: midway between the left column's edge and the right column's start
    right_x0 = min(float(w["x0"]) for r in both for w in r if float(w["x0"]) >= gutter)
    return (edge + right_x0) / 2, edge


def _gap_cuts(row: list[dict]) -> set[int]:
    """Indexes of the words of a row that start a column: a wide gap before them."""
    return {k for k in range(1, len(row))
            if float(row[k]["x0"]) - float(row[k - 1]["x1"]) > COLUMN_GAP * float(row[k]["size"])}


def _column_stops(rows: list[list[dict]], cuts: list[set[int]]) -> list[float]:
    """The x positions where columns start on this page: where a wide gap is followed by
    a word on two rows at least. A row of columns is cut there even where its cells
    run close (a long speaker cell next to the title)."""
    starts = sorted(float(row[k]["x0"]) for row, cut in zip(rows, cuts, strict=True)
                    for k in cut)
    stops: list[list[float]] = []
    for x in starts:
        if stops and x - stops[-1][-1] <= 2.0:
            stops[-1].append(x)
        else:
            stops.append([x])
    return [statistics.median(xs) for xs in stops if len(xs) >= 2]


# --------------------------------------------------------------------------- blocks


def _norm(text: str) -> str:
    """A line's text with its numbers blanked: ``Page 3`` and ``Page 4`` are one footer."""
    return re.sub(r"\d+", "#", " ".join(text.split()).casefold())


def furniture(pages: Sequence[PageLayout]) -> set[str]:
    """Texts of lines repeated on most pages (three pages at least), as they are and with
    their numbers blanked (``_is_furniture`` says which counts for a line)."""
    if len(pages) < 3:
        return set()
    seen: Counter[str] = Counter()
    for page in pages:
        seen.update({key for ln in page.lines
                     for key in (" ".join(ln.text.split()).casefold(), _norm(ln.text))})
    return {t for t, n in seen.items() if n > FURNITURE_SHARE * len(pages)}


def body_size(pages: Sequence[PageLayout]) -> float:
    """The size most of the document's letters are set in."""
    sizes: Counter[float] = Counter()
    for page in pages:
        sizes.update(page.sizes)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _date_only(text: str) -> bool:
    """A line that states a day and nothing else (``Tuesday, 4 June 2024``, ``Day 2 —
    5 June``): a day heading when it is set apart."""
    if len(text.split()) > 7 or line_shape(text) in ("time", "time-led"):
        return False
    found = dates.parse_when(text, year=2000)  # a year-less day is a day too
    return found is not None and found.date is not None and found.start is None


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-") or "col"


def _header(row: list[str]) -> list[str] | None:
    """The part classes a header row gives its columns, None when the row names fewer
    than two fields (then it is a row of values)."""
    named = [c for c in row if c and (field_of(c) or any(
        field_of(w) for w in re.findall(r"[^\W\d_]+", c)))]
    if len(named) < 2 or len(named) < len([c for c in row if c]) - 1:
        return None
    return [_slug(c) if c else f"col{i}" for i, c in enumerate(row)]


@dataclass
class _Item:
    """A block in the making, with where it stands."""

    top: float
    block: Block
    line: Line | None = None


def blocks(pages: Sequence[PageLayout]) -> tuple[list[Block], str]:
    """The document's blocks in reading order, and its whole text (furniture included:
    a running header may be where the year is stated)."""
    repeated = furniture(pages)
    body = body_size(pages)
    bigger = sorted({round(ln.size * 2) / 2 for p in pages for ln in p.lines
                     if ln.size >= body * HEADING_RATIO}, reverse=True)
    levels = {s: min(k + 1, 5) for k, s in enumerate(bigger)}
    day_level = min(len(bigger) + 1, 6)
    right = _right_edge(pages)
    # a page set in two columns shows where each column ends; the document's other pages
    # (a last page with its left column alone) wrap at the same edges
    edges = {_column(ln): ln.edge for p in pages for ln in p.lines if ln.edge}
    items: list[Block] = []
    text_parts: list[str] = []
    group = 0
    for page in pages:
        text_parts.extend(ln.text for ln in page.lines)
        own: list[_Item] = []  # this page's line blocks, in reading order
        previous: Line | None = None
        columns: list[tuple[float, str]] = []  # an unruled table's header: (x, class)
        for ln in page.lines:
            text = ln.text
            header = _header(ln.segments) if len(ln.segments) > 1 else None
            if header is not None:  # (a header repeated on every page names them all)
                columns = list(zip(ln.starts, header, strict=True))
                continue
            if _is_furniture(ln, repeated, body) or page_number(text) is not None:
                continue
            level = levels.get(round(ln.size * 2) / 2, 0)
            if not level and (ln.bold or ln.size > body + 0.5) and _date_only(text):
                level = day_level
            gap = previous is None or ln.top < previous.top \
                or ln.top - previous.bottom > 0.9 * ln.size
            previous = ln
            last = own[-1] if own else None
            if last is not None and last.line is not None and last.block.heading == level \
                    and _continues(last.line, ln, edges.get(_column(last.line), right)):
                joined = Block(f"{last.block.text} {text}", last.block.signature, level)
                own[-1] = _Item(last.top, joined, ln)
                continue
            if last is not None and last.line is not None and not level \
                    and _byline(last.line, ln):
                joined = Block(f"{last.block.text} ({text})", last.block.signature)
                own[-1] = _Item(last.top, joined, None)
                continue
            own.append(_Item(ln.top, _line_block(ln, level, gap, columns), ln))
        for table in page.tables:
            rows_ = _table_blocks(table, group, day_level)
            group += len(rows_)
            # the rows stand where the table does: before the first line below its top
            at = next((k for k, it in enumerate(own) if it.top > table.top), len(own))
            own[at:at] = [_Item(table.top, block) for block in rows_]
        items.extend(it.block for it in own)
    return items, "\n".join(text_parts)


def _table_blocks(table: Table, group: int, day_level: int) -> list[Block]:
    """A ruled table's rows as blocks: the cells are the parts, named by the header row.
    A row holding only a date (``Monday 2 June``, across the table) is a day heading: the
    context of the rows below it, not a field of the row above."""
    header = _header(table.rows[0])
    rows = table.rows[1:] if header else table.rows
    classes = header or [f"col{i}" for i in range(max(len(r) for r in rows))]
    out = []
    for row in rows:
        if _header(row) is not None:
            continue  # a header repeated inside the table
        group += 1
        parts = tuple((classes[i] if i < len(classes) else f"col{i}", c)
                      for i, c in enumerate(row) if c)
        text = " ".join(c for _cls, c in parts)
        if len(parts) == 1 and _date_only(text):
            out.append(Block(text, "pdf>tr#day", day_level))
            continue
        shape = line_shape(parts[0][1]) if parts else ""
        sig = "pdf>tr" + (f":{shape}" if shape else "")
        out.append(Block(text, sig, parts=parts if len(parts) >= 2 else (), group=group))
    return out


def _line_block(ln: Line, level: int, gap: bool, columns: list[tuple[float, str]]) -> Block:
    """A line as a block: its signature is its emphasis, heading level, a gap above it and
    its shape. A line of several columns is a row of an unruled table: signed as a table
    row, its segments its parts, named by the header above it when there is one."""
    shape = line_shape(ln.segments[0])
    if len(ln.segments) > 1:
        parts = tuple((_column_class(x, columns, i), seg)
                      for i, (x, seg) in enumerate(zip(ln.starts, ln.segments, strict=True)))
        return Block(ln.text, "pdf>tr" + (f":{shape}" if shape else ""), parts=parts)
    sig = "pdf>line" + ("/em" if ln.bold else "") + (f"#h{level}" if level else "")
    sig += (":para" if gap else "") + (f":{shape}" if shape else "")
    return Block(ln.text, sig, level)


def _column_class(x: float, columns: list[tuple[float, str]], index: int) -> str:
    """The header class of the column a segment starting at ``x`` stands in."""
    before = [cls for start, cls in columns if start <= x + 2.0]
    return before[-1] if before else f"col{index}"


def _is_furniture(ln: Line, repeated: set[str], body: float) -> bool:
    """A running header or footer: text repeated on most pages as it is, or with only its
    numbers changed when it is set plainly (a day heading ``Day 2`` is emphasised)."""
    if " ".join(ln.text.split()).casefold() in repeated:
        return True
    return not ln.bold and ln.size <= body + 0.5 and _norm(ln.text) in repeated


def _column(ln: Line) -> int:
    """The column a line starts in, by its left edge (3 pt steps)."""
    return round(ln.x0 / 3)


def _right_edge(pages: Sequence[PageLayout]) -> float:
    """Where the text's lines end at the most: the right margin mirrors the left one (a
    text whose lines all end short of it wraps none), unless some line reaches further."""
    lines = [ln for p in pages for ln in p.lines]
    if not lines:
        return 0.0
    widest = max(ln.x1 for ln in lines)
    mirrored = max(p.width for p in pages) - min(ln.x0 for ln in lines)
    return max(widest, mirrored)


def _continues(prev: Line, ln: Line, right: float) -> bool:
    """``ln`` carries on the paragraph of ``prev``: one style, set close under it, and
    ``prev`` wrapped: the first word of ``ln`` would not have fit after it before the
    text's right edge (a line broken on purpose, a byline then a title, leaves room).
    Slot lines and columns never join."""
    return (abs(prev.size - ln.size) < 0.6 and prev.bold == ln.bold
            and len(prev.segments) == 1 and len(ln.segments) == 1
            and 0 <= ln.top - prev.bottom <= 0.9 * ln.size
            and prev.x1 + 0.25 * ln.size + ln.first_width > (prev.edge or right) - 1.0
            and not line_shape(prev.text) and not line_shape(ln.text))


def _byline(prev: Line, ln: Line) -> bool:
    """A person's name with an organisation set right under it in the same style: one
    byline, ``Name (Org)``."""
    return (abs(prev.size - ln.size) < 0.6 and prev.bold == ln.bold
            and 0 <= ln.top - prev.bottom <= 0.9 * ln.size
            and person_head(prev.text) == prev.text.strip()
            and is_organisation(ln.text) and person_head(ln.text) is None)


# --------------------------------------------------------------------------- listing

# a listing reading is credible with this many talks naming a person and a title or time
MIN_TALKS = 2
# ... whose first speakers are this distinct (a deck names its one speaker on many slides)
DISTINCT_SPEAKERS = 0.8
# ... and slot lines (times, date-led lines) at least this many, or this many talks with
# a person and a title, about one a page at least (a booklet of abstracts)
SLOT_LINES = 4
TITLED_TALKS = 3


def listing_talks(pages: Sequence[PageLayout]) -> list[RawTalk]:
    """The talks of a PDF read as a listing by the shared record finder and reader."""
    found, text = blocks(pages)
    talks = read_records(find_records(found), text[:2000])
    zone = dates.find_timezone_cue(text)  # ``All times are CEST``, stated once for all
    for talk in talks:
        talk.timezone = talk.timezone or zone
    return talks


def credible(talks: Sequence[RawTalk], n_pages: int, slot_lines: int) -> bool:
    """Whether a listing reading of a PDF is a programme's, not a deck misread.

    Decided from the content: at least two talks that name a person and a title or a time,
    whose first speakers differ (a deck repeats its one speaker on its slides), and
    evidence of a listing: slot lines (times, dated lines), or several talks with a person
    and a title, about one a page or more (a booklet of abstracts). A deck's slide of
    earlier talks or of collaborators gives a few such records on many pages: too few."""
    full = [t for t in talks if t.speaker_text and (t.title or t.when_text)]
    if len(full) < MIN_TALKS:
        return False
    firsts = [(person_head(t.speaker_text[0]) or t.speaker_text[0]).casefold() for t in full]
    if len(set(firsts)) < DISTINCT_SPEAKERS * len(firsts):
        return False
    titled = sum(bool(t.title) for t in full)
    return slot_lines >= SLOT_LINES or (titled >= TITLED_TALKS and titled >= 0.5 * n_pages)
