"""Web pages as lines: the unit the listing extractor classifies.

A seminar listing, whatever its markup, is a run of short visual lines (a bold
name, an italic title, a date, a paragraph of abstract, a ``Slides`` link). This
module turns a cleaned HTML tree into those lines, each remembering the block
element it came from (so lines can be grouped into records by their container),
whether it is wholly bold or wholly italic (the emphasis that marks speakers and
titles on hand-written pages), its heading level and its links.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bs4 import BeautifulSoup
from bs4.element import Comment, Declaration, Doctype, NavigableString, ProcessingInstruction, Tag

# Elements that start a new visual line.
BLOCK_TAGS = frozenset(
    "address article aside blockquote body caption center dd details dialog div dl dt "
    "fieldset figcaption figure footer h1 h2 h3 h4 h5 h6 header hgroup hr li main "
    "nav ol p pre section summary table tbody td tfoot th thead tr ul".split()
)
STRONG_TAGS = frozenset({"b", "strong"})
EM_TAGS = frozenset({"i", "em", "cite"})
# Page furniture: never part of a listing.
JUNK_TAGS = ("nav", "aside", "script", "style", "noscript", "form", "template", "iframe", "svg",
             "button", "select", "input", "textarea", "link", "meta")
_SKIP_STRINGS = (Comment, Declaration, Doctype, ProcessingInstruction)
_WORD_RE = re.compile(r"\w", re.U)


@dataclass
class Segment:
    """A run of text with the inline formatting that covers it."""

    text: str
    strong: bool
    em: bool
    href: str | None


@dataclass
class Line:
    """One visual line of the page."""

    segments: list[Segment]
    element: Tag  # the block element that holds the line
    heading: int = 0  # 1-6 for h1-h6, else 0
    datetime: str | None = None  # a <time datetime="..."> inside the line
    index: int = 0
    links: list[tuple[str, str]] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join("".join(s.text for s in self.segments).split())

    def _covered(self, attr: str) -> bool:
        """True when every word character of the line is inside ``attr`` formatting."""
        seen = False
        for seg in self.segments:
            if _WORD_RE.search(seg.text):
                seen = True
                if not getattr(seg, attr):
                    # leading/trailing bits outside the emphasis may only be punctuation
                    return False
        return seen

    @property
    def strong_only(self) -> bool:
        return self._covered("strong")

    @property
    def em_only(self) -> bool:
        return self._covered("em") and not self._covered("strong")

    def text_outside_links(self) -> str:
        return " ".join("".join(s.text for s in self.segments if not s.href).split())


def clean_tree(soup: BeautifulSoup) -> None:
    """Remove page furniture in place: navigation, asides, scripts, forms, comments, and
    page-level headers/footers (a header inside an ``article`` is a card's own header)."""
    for node in soup.find_all(string=lambda s: isinstance(s, _SKIP_STRINGS)):
        node.extract()
    for tag in soup.find_all(JUNK_TAGS):
        tag.decompose()
    for tag in soup.find_all(["header", "footer"]):
        if tag.find_parent("article") is None or tag.get("role") in ("banner", "contentinfo"):
            tag.decompose()
    for tag in soup.find_all(attrs={"role": ("navigation", "banner", "contentinfo", "search")}):
        tag.decompose()
    for tag in soup.find_all(attrs={"hidden": True}):
        tag.decompose()
    for tag in soup.find_all(attrs={"aria-hidden": "true"}):
        tag.decompose()


def heading_level(tag: Tag) -> int:
    name = tag.name or ""
    if len(name) == 2 and name[0] == "h" and name[1] in "123456":
        return int(name[1])
    if tag.get("role") == "heading":
        try:
            return int(tag.get("aria-level", 2))
        except ValueError:
            return 2
    return 0


def page_lines(root: Tag) -> list[Line]:
    """The visual lines under ``root`` in document order."""
    out: list[Line] = []
    pending: list[Segment] = []
    pending_dt: list[str] = []

    def flush(block: Tag) -> None:
        if any(_WORD_RE.search(s.text) for s in pending):
            links = [(" ".join(s.text.split()), s.href) for s in pending if s.href]
            merged: list[tuple[str, str]] = []
            for text, href in links:  # adjacent segments of one <a> share its href
                if merged and merged[-1][1] == href:
                    merged[-1] = (f"{merged[-1][0]} {text}".strip(), href)
                else:
                    merged.append((text, href))
            out.append(
                Line(
                    segments=list(pending),
                    element=block,
                    heading=heading_level(block),
                    datetime=pending_dt[0] if pending_dt else None,
                    index=len(out),
                    links=merged,
                )
            )
        pending.clear()
        pending_dt.clear()

    def walk(node: Tag, strong: bool, em: bool, href: str | None, block: Tag) -> None:
        for child in node.children:
            if isinstance(child, _SKIP_STRINGS):
                continue
            if isinstance(child, NavigableString):
                pending.append(Segment(str(child), strong, em, href))
                continue
            if not isinstance(child, Tag):
                continue
            name = child.name
            if name == "br":
                flush(block)
                continue
            if name in BLOCK_TAGS or heading_level(child):
                flush(block)
                walk(child, strong, em, href, child)
                flush(child)
                continue
            if name == "time" and child.get("datetime"):
                pending_dt.append(str(child["datetime"]))
            if name == "img":
                continue
            walk(
                child,
                strong or name in STRONG_TAGS or _bold_style(child),
                em or name in EM_TAGS,
                href or (str(child.get("href")) if name == "a" and child.get("href") else None),
                block,
            )

    walk(root, False, False, None, root)
    flush(root)
    return out


def _bold_style(tag: Tag) -> bool:
    style = str(tag.get("style") or "").replace(" ", "").lower()
    return "font-weight:bold" in style or "font-weight:700" in style
