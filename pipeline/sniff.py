"""Stage 2, sniff: which format a file holds, decided from its content, never its name.

Order matters: unambiguous signatures first (PDF magic, ``BEGIN:VCALENDAR``, an HTML
document), then markdown front matter, then slide text (many short lines, page
numbers, repeated footers), then markdown structure, and plain text last. A file
that is none of these (binary data, empty) raises ``SniffError`` with the reason,
and the run reports it as skipped.
"""

from __future__ import annotations

import re
from collections import Counter

from pipeline.decode import decode_text
from pipeline.emails import is_email
from pipeline.errors import SniffError

_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?\r?\n)?(---|\.\.\.)[ \t]*(\r?\n|\Z)", re.S)
# Hugo's TOML front matter between ``+++`` lines
_TOML_FRONT_MATTER = re.compile(
    r"\A\ufeff?\+\+\+[ \t]*\r?\n(.*?\r?\n)?\+\+\+[ \t]*(\r?\n|\Z)", re.S)
_HTML_DOC = re.compile(
    r"\A\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*(<!doctype\s+html|<html[\s>])", re.I | re.S
)
_HTML_TAG = re.compile(
    r"</?(html|head|body|div|p|ul|ol|li|table|tr|td|th|h[1-6]|a|span|section|article|main|dl|dt|dd|br)\b[^>]*>",
    re.I,
)
_MD_HEADING = re.compile(r"^#{1,6}\s+\S", re.M)
_MD_LIST = re.compile(r"^\s*(?:[*+-]|\d+\.)\s+\S", re.M)
_MD_INLINE = re.compile(r"\*\*[^*\n]+\*\*|\[[^\]\n]+\]\([^)\s]+\)|^\s*\|.*\|\s*$|^\s*>\s", re.M)


def sniff(data: bytes, hinted: str | None = None) -> str:
    """The source format of ``data``; a ``format`` hint from ``sources.toml`` wins."""
    return sniff_decoded(data, hinted)[0]


def sniff_decoded(data: bytes, hinted: str | None = None) -> tuple[str, str | None]:
    """(the format of ``data``, its text when sniffing decoded it, else None).

    The extract stage hands the text on to the document, so a file is decoded once.
    """
    if hinted:
        return hinted, None
    head = _without_bom(data[:2048])
    if not data:
        raise SniffError("empty file")
    if not data.strip():
        raise SniffError("empty: only white space")
    if head.lstrip().startswith(b"%PDF-"):
        return "pdf", None
    if _is_binary(data):
        raise SniffError("binary data: not a text, calendar or PDF file")
    text = decode_text(data)
    stripped = text.lstrip()
    if not stripped.strip():
        raise SniffError("empty: only white space")
    data_kind = _data_file(stripped)
    if data_kind:
        raise SniffError(f"{data_kind}: a data file, not a talk document")
    if stripped[:15].upper().startswith("BEGIN:VCALENDAR"):
        return "ics", text
    if _HTML_DOC.match(text[:4096]):
        return "html", text
    if _FRONT_MATTER.match(text) or _TOML_FRONT_MATTER.match(text):
        return "markdown", text
    if _is_email(text):
        return "text", text
    sample = text[:200_000]
    if len(_HTML_TAG.findall(sample)) >= 5 and stripped.startswith("<"):
        return "html", text
    if _looks_like_slides_text(sample):
        return "slides_text", text
    if _markdown_score(sample) >= 3:
        return "markdown", text
    return "text", text


_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


def _without_bom(head: bytes) -> bytes:
    """``head`` without a leading byte-order mark: magic bytes after a BOM still count
    (an editor or a download tool put a BOM before a PDF's ``%PDF-``)."""
    for bom in _BOMS:
        if head.startswith(bom):
            return head[len(bom):]
    return head


def _data_file(text: str) -> str | None:
    """Why ``text`` is a data file (JSON, CSV/TSV), or None.

    Such files hold records for other programs; read as prose they turn every row into
    a bogus talk. JSON is recognised by parsing; a table by every one of its first
    lines splitting into the same number (3 or more) of delimited fields.
    """
    if text[:1] in "{[":
        import json

        try:
            json.loads(text)
        except (ValueError, RecursionError):
            return None
        return "JSON data"
    import csv

    lines = [ln for ln in text.splitlines()[:30] if ln.strip()]
    if len(lines) < 3:
        return None
    for delimiter, name in ((",", "CSV"), ("\t", "TSV"), (";", "CSV")):
        if delimiter not in lines[0]:
            continue
        try:
            widths = {len(row) for row in csv.reader(lines, delimiter=delimiter)}
        except csv.Error:
            continue
        if len(widths) == 1 and widths.pop() >= 3:
            return f"{name} data"
    return None


# the control bytes a text file does not hold (tab, line breaks and ESC are text's own), and
# the rest: ``bytes.translate`` deleting the rest counts them without a Python loop per byte
_CONTROL_BYTES = frozenset(b for b in range(256) if b < 9 or 13 < b < 32 and b != 27)
_NOT_CONTROL = bytes(b for b in range(256) if b not in _CONTROL_BYTES)


def _is_binary(data: bytes) -> bool:
    """Binary when the head has control bytes a text file does not (NULs outside UTF-16)."""
    head = data[:8192]
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        return False
    control = len(head.translate(None, _NOT_CONTROL))
    return control / max(len(head), 1) > 0.10


def _is_email(text: str) -> bool:
    """An RFC 822 message or an mbox: the shared detector the text extractor also uses."""
    return is_email(text)


def _markdown_score(text: str) -> int:
    """How much markdown structure a text shows: headings, list items, links, emphasis."""
    headings = len(_MD_HEADING.findall(text))
    lists = len(_MD_LIST.findall(text))
    inline = len(_MD_INLINE.findall(text))
    return min(headings, 3) + min(lists // 2, 3) + min(inline // 2, 3)


# A slide's page-number line: ``7``, ``7 / 20``, ``7/20``, ``Slide 7``, ``- 7 -``,
# ``Page 7 of 20``, ``7 of 20``.
PAGE_NUMBER_RE = re.compile(
    r"(?:(?:slide|page|p\.)\s*)?(?P<n>\d{1,3})(?:\s*(?:/|of)\s*(?P<m>\d{1,3}))?"
    r"|[-–—]\s*(?P<d>\d{1,3})\s*[-–—]",
    re.I,
)


# An explicit slide marker that text exports of decks write between slides: ``[Slide 3]``,
# ``--- Slide 3 ---``, ``=== Page 3 ===``, ``# Slide 3``, ``<!-- Slide number: 3 -->``
# (python-pptx / markitdown). The keyword is required here: bare decorated numbers
# (``[3]``, ``# 3``) are citations and headings too often.
SLIDE_MARKER_RE = re.compile(
    r"(?:<!--|\[|\(|[-=#*_~]{1,})?\s*"
    r"(?P<inner>(?:slide|page)(?:\s*(?:number|no\.?|#))?\s*[:#.]?\s*\d{1,3}"
    r"(?:\s*(?:/|of)\s*\d{1,3})?)"
    r"\s*[:.]?\s*(?:-->|\]|\)|[-=#*_~]{1,})?",
    re.I,
)


def page_number(line: str) -> int | None:
    """The number of a page-number line (``Page 3 of 9`` → 3) or of a slide marker line
    (``[Slide 3]``, ``<!-- Slide number: 3 -->``), None for any other line."""
    line = line.strip()
    marker = SLIDE_MARKER_RE.fullmatch(line)
    if marker:
        line = re.sub(r"(?i)^(slide|page)\s*(?:number|no\.?|#)?\s*[:#.]?\s*", r"\1 ",
                      marker["inner"])
    m = PAGE_NUMBER_RE.fullmatch(line)
    if not m:
        return None
    n = int(m["n"] or m["d"])
    return n if m["m"] is None or n <= int(m["m"]) else None


def _looks_like_slides_text(text: str) -> bool:
    """Text extracted from a slide deck. Why each signal: a deck is pages of a few short
    lines, so short lines in small blocks (separated by blank runs or form feeds) are
    necessary but not enough (a listing has them too); what a listing lacks is the page
    furniture a deck repeats on every page, a page number counting up (``3``, ``3 / 9``,
    ``Slide 3``, ``- 3 -``, ``Page 3 of 9``) and a footer line repeated on most pages.
    Page numbers counting up with deck-shaped blocks, or a footer repeated on most
    form-feed pages, decide; a deck without either still qualifies when it shows the
    other signals together (many blank runs, repeated lines, page numbers)."""
    lines = [ln.strip() for ln in text.splitlines()]  # splitlines also splits at \f
    content = [ln for ln in lines if ln]
    if len(content) < 6:
        return False
    short = sum(1 for ln in content if len(ln) < 60) / len(content)
    if short <= 0.6:
        return False
    numbers = [n for n in map(page_number, content) if n is not None]
    counting = sum(1 for a, b in zip(numbers, numbers[1:], strict=False) if b == a + 1)
    if len(content) < 15:
        # a short deck: page numbers counting up, or form-feed pages of a few lines each
        pages_ff = [p for p in text.split("\f") if p.strip()]
        return counting >= 2 or (len(pages_ff) >= 3 and len(content) / len(pages_ff) <= 6)
    # pages: the runs of lines between page-number lines, else between form feeds
    feeds = text.count("\f")
    pages: list[list[str]] = [[]]
    for raw in text.split("\n"):
        for k, part in enumerate(raw.split("\f")):
            if (k and feeds >= 2 and counting < 2) and pages[-1]:
                pages.append([])
            ln = part.strip()
            if counting >= 2 and page_number(ln) is not None:
                pages.append([])
            elif ln:
                pages[-1].append(ln)
    pages = [p for p in pages if p]
    seen: Counter[str] = Counter()
    for p in pages:
        seen.update({re.sub(r"\d+", "#", ln.lower()) for ln in p
                     if len(ln) >= 10 and len(ln.split()) >= 2})
    footer = len(pages) >= 3 and any(n >= max(3, len(pages) / 2) for n in seen.values())
    blocks = [b for b in re.split(r"\n[ \t\u00a0]*\n|\f", text) if b.strip()]
    small_blocks = len(content) / max(len(blocks), 1) <= 6
    if counting >= 2 and (footer or small_blocks or feeds >= 2):
        return True
    if feeds >= 2 and footer and small_blocks:
        return True
    repeated = sum(c for ln, c in Counter(content).items() if c >= 2 and len(ln) > 15)
    blank_runs = len(re.findall(r"\n[ \t\u00a0]*\n[ \t\u00a0]*\n", text))
    score = 1 + (len(numbers) >= 2) + (repeated >= 4) + (blank_runs >= 10) + (counting >= 3)
    return score >= 3
