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
    if hinted:
        return hinted
    head = data[:2048]
    if not data.strip():
        raise SniffError("empty file")
    if head.lstrip().startswith(b"%PDF-"):
        return "pdf"
    if _is_binary(data):
        raise SniffError("binary data: not a text, calendar or PDF file")
    text = decode_text(data)
    stripped = text.lstrip()
    if stripped[:15].upper().startswith("BEGIN:VCALENDAR"):
        return "ics"
    if _HTML_DOC.match(text[:4096]):
        return "html"
    if _FRONT_MATTER.match(text):
        return "markdown"
    if _is_email(text):
        return "text"
    sample = text[:200_000]
    if len(_HTML_TAG.findall(sample)) >= 5 and stripped.startswith("<"):
        return "html"
    if _looks_like_slides_text(sample):
        return "slides_text"
    if _markdown_score(sample) >= 3:
        return "markdown"
    return "text"


def _is_binary(data: bytes) -> bool:
    """Binary when the head has control bytes a text file does not (NULs outside UTF-16)."""
    head = data[:8192]
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        return False
    control = sum(1 for b in head if b < 9 or 13 < b < 32 and b != 27)
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


def _looks_like_slides_text(text: str) -> bool:
    """Text extracted from a slide deck: short lines in many small blocks, page-number lines
    (counting up: 1, 2, 3 …), footer lines repeated across slides, few long prose
    paragraphs. A short deck qualifies on its page numbers and short lines alone."""
    lines = [ln.strip() for ln in text.splitlines()]
    content = [ln for ln in lines if ln]
    if len(content) < 6:
        return False
    short = sum(1 for ln in content if len(ln) < 60) / len(content)
    page_numbers = [int(ln) for ln in content if re.fullmatch(r"\d{1,3}", ln)]
    counting = sum(1 for a, b in zip(page_numbers, page_numbers[1:], strict=False) if b == a + 1)
    if len(content) < 15:
        return short > 0.6 and counting >= 2
    numbers = len(page_numbers)
    repeated = sum(c for ln, c in Counter(content).items() if c >= 2 and len(ln) > 15)
    blank_runs = len(re.findall(r"\n[ \t\u00a0]*\n[ \t\u00a0]*\n", text))
    score = 0
    score += short > 0.6
    score += numbers >= 2
    score += repeated >= 4
    score += blank_runs >= 10
    score += counting >= 3
    return score >= 3
