"""Blocks: a document as a flat sequence of text units with a shape signature each.

Why: records are found from what repeats (``records``), and what repeats is a *shape*: the
element path and classes of an HTML block, its emphasis (``<p><strong>09:30 – 10:15``),
the shape of a text line (a bullet, a date-led line, a time range). Readers of every
format turn their document into blocks here; the record finder never sees markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bs4.element import Comment, NavigableString, Tag

from pipeline.normalise.people import looks_like_person_name

_BLOCK_TAGS = frozenset("p li dt dd h1 h2 h3 h4 h5 h6 tr blockquote summary figcaption".split())
_CONTAINER_TAGS = frozenset(
    "div section article details aside header footer main td th ul ol dl table tbody thead tfoot "
    "figure center body".split())
_STRUCTURE_TAGS = sorted(_BLOCK_TAGS | _CONTAINER_TAGS)
_EMPHASIS_TAGS = frozenset("strong b em i".split())
_SKIP_TAGS = frozenset("script style nav noscript template form button select".split())
_TIME_RANGE_RE = re.compile(
    r"^\W*\d{1,2}(?:[:.h]\d{2})?\s*(?:[ap]\.?m\.?)?\s*(?:-|–|—|to)\s*\d{1,2}(?:[:.h]\d{2})?"
    r"\s*(?:[ap]\.?m\.?)?\W*$", re.I)
_TIME_LEAD_RE = re.compile(r"^\W*\d{1,2}[:.h]\d{2}\b(?![./-]\d)")
_BULLET_RE = re.compile(r"^\s*(?:[-*+•·]|\d{1,3}[.)])\s+")
_DATE_LEAD_RE = re.compile(
    r"^\W*(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|(?:jan|feb|mar|apr|may|jun|jul|"
    r"aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4})",
    re.I)


@dataclass(frozen=True)
class Block:
    """One unit of text in document order.

    ``signature`` is what two blocks of the same role share (``p/strong:time``, ``li.talk``,
    ``line:bullet``); ``heading`` is 1-6 for headings, 0 otherwise; ``links`` the hrefs
    inside, in order."""

    text: str
    signature: str
    heading: int = 0
    links: tuple[str, ...] = ()
    # the block's text cut at its classed inline elements (``<span class="date">``,
    # ``<span class="speaker">``): the fields a one-block record is made of
    parts: tuple[tuple[str, str], ...] = ()
    # the item element (``li``, ``tr``, ``article``, ``dd``) the block sits in, 0 outside one:
    # blocks of one item belong to one record
    group: int = 0


def line_shape(text: str) -> str:
    """The shape of one line of text: what a signature adds beyond markup."""
    if _TIME_RANGE_RE.match(text):
        return "time"
    if _TIME_LEAD_RE.match(text):
        return "time-led"
    if _DATE_LEAD_RE.match(text):
        return "date-led"
    return ""


def _emphasised(tag: Tag) -> bool:
    """The whole text of ``tag`` sits inside one emphasis element."""
    children = [c for c in tag.children if not (isinstance(c, NavigableString) and not c.strip())]
    return len(children) == 1 and isinstance(children[0], Tag) and \
        children[0].name in _EMPHASIS_TAGS


def _has_block_child(tag: Tag) -> bool:
    return any(isinstance(c, Tag) and (c.name in _BLOCK_TAGS or c.name in _CONTAINER_TAGS)
               for c in tag.children)


def _signature(tag: Tag, text: str) -> str:
    classes = ".".join(sorted(tag.get("class") or []))
    parent = tag.parent.name if isinstance(tag.parent, Tag) else ""
    sig = f"{parent}>{tag.name}" + (f".{classes}" if classes else "")
    if _emphasised(tag):
        sig += "/em"
    shape = line_shape(text)
    return f"{sig}:{shape}" if shape else sig


# a button this many words long that opens a panel is the panel's heading, not a control
DISCLOSURE_WORDS = 4


def disclosure_buttons(root: Tag) -> None:
    """Turn accordion buttons into ``<summary>`` elements, in place.

    Why: an accordion writes each talk as ``<button>Date - Name - Org</button>`` followed
    by its panel (title, abstract, bio), the way ``<details>`` writes ``<summary>``. Read
    as a control, the button is dropped and every record loses its head. A button is a
    disclosure heading when it is long enough to say something (``DISCLOSURE_WORDS``) and
    controls a panel: it names one (``aria-controls``, a collapse target) or an element with
    text follows it."""
    for button in root.find_all("button"):
        if len(button.get_text(" ").split()) < DISCLOSURE_WORDS:
            continue
        panel = button.find_next_sibling()
        if button.get("aria-controls") or button.get("data-bs-target") \
                or button.get("data-target") \
                or (panel is not None and len(panel.get_text(" ").split()) >= DISCLOSURE_WORDS):
            button.name = "summary"


def html_blocks(root: Tag, max_blocks: int = 20000) -> list[Block]:
    """The block elements of ``root`` in document order, innermost text holders only.

    A ``<p>`` with ``<br>`` lines gives one block per line, since authors use ``<br>`` as
    a line break between fields. Inline content beside block children (``<li><a><q>Title
    </q></a><p class="auth">…</p></li>``) is a block of its own, in its place. The walk is
    iterative (deep pages do not recurse)."""
    out: list[Block] = []
    stack: list[Tag | Block] = [root]
    while stack and len(out) < max_blocks:
        item = stack.pop()
        if isinstance(item, Block):
            out.append(item)
            continue
        tag = item
        if tag.name in _SKIP_TAGS:
            continue
        is_block = tag.name in _BLOCK_TAGS or tag.name in _CONTAINER_TAGS
        if is_block and not _has_block_child(tag):
            _emit(tag, out)
            continue
        pending: list[Tag | Block] = []
        run: list[str] = []
        for child in tag.children:
            if isinstance(child, Tag) and (child.name in _BLOCK_TAGS
                                           or child.name in _CONTAINER_TAGS
                                           or child.find(_STRUCTURE_TAGS) is not None):
                _flush_inline(tag, run, pending)
                pending.append(child)
            elif isinstance(child, Tag) and child.name == "br":
                # ``<div>Title<br><span>Speaker: A</span><br>…</div>``: a line break between
                # inline fields ends one block, as it does inside a ``<p>``
                _flush_inline(tag, run, pending)
            elif isinstance(child, Tag):
                if child.name not in _SKIP_TAGS:
                    run.append(child.get_text(" "))
            elif isinstance(child, NavigableString) and not isinstance(child, Comment):
                run.append(str(child))
        _flush_inline(tag, run, pending)
        stack.extend(reversed(pending))
    return join_labels(out)


_ITEM_TAGS = frozenset("li tr article dd".split())


def _group(tag: Tag) -> int:
    """The id of the item element holding ``tag`` (itself included), 0 when none."""
    node: Tag | None = tag
    for _ in range(12):
        if node is None or not isinstance(node, Tag):
            return 0
        if node.name in _ITEM_TAGS:
            return id(node)
        node = node.parent
    return 0


def _flush_inline(tag: Tag, run: list[str], pending: list[Tag | Block]) -> None:
    """The inline text gathered beside a block's block children, as one block."""
    text = " ".join(" ".join(run).split())
    run.clear()
    if text:
        shape = line_shape(text)
        pending.append(Block(text, f"{tag.name}#inline" + (f":{shape}" if shape else ""),
                             group=_group(tag)))


_BARE_LABEL_RE = re.compile(r"^[^\W\d_][\w .'’/-]{0,30}[:：]$")


def join_labels(blocks: list[Block]) -> list[Block]:
    """A block that is only a label (``Local:``, ``Data:``) and the block after it are one
    field: authors put the label and its value on two lines or in two cells."""
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        block = blocks[i]
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        if nxt is not None and not nxt.heading and not block.heading \
                and _BARE_LABEL_RE.match(block.text) and not _BARE_LABEL_RE.match(nxt.text):
            out.append(Block(f"{block.text} {nxt.text}", block.signature, 0,
                             block.links + nxt.links, group=block.group))
            i += 2
            continue
        out.append(block)
        i += 1
    return out


def _emit(tag: Tag, out: list[Block]) -> None:
    heading = int(tag.name[1]) if re.fullmatch(r"h[1-6]", tag.name or "") else 0
    # the links inside (``find_all("a", href=True)``) and whether a ``<br>`` is (``find``),
    # in one walk over the descendants
    hrefs: list[str] = []
    has_br = False
    for node in tag.descendants:
        if isinstance(node, Tag):
            if node.name == "a":
                href = node.get("href")
                if href is not None:
                    hrefs.append(str(href))
            elif node.name == "br":
                has_br = True
    links = tuple(hrefs)
    if has_br and not heading:
        parts = [" ".join(p.split()) for p in tag.get_text("\n").split("\n")]
        parts = [p for p in parts if p]
        for i, part in enumerate(parts):
            shape = line_shape(part)
            sig = f"{_signature(tag, '')}#br{min(i, 1)}" + (f":{shape}" if shape else "")
            out.append(Block(part, sig, 0, links if i == 0 else (), group=_group(tag)))
        return
    text = " ".join(tag.get_text(" ").split())
    if text:
        sig = _signature(tag, text)
        lead = None if heading else _lead_name(tag, text)
        if lead is not None:
            # ``<p><b>Jane Doe</b>, born 1963, is …</p>``: the speaker, then her bio
            out.append(Block(lead[0], f"{sig}.lead-speaker", 0, (), group=_group(tag)))
            out.append(Block(lead[1], f"{sig}.bio", 0, links, group=_group(tag)))
            return
        if not heading:
            heading = _caption_level(tag, text)
        found = tuple(p for p in _parts(tag) if p[1])
        out.append(Block(text, sig, heading, links,
                         found if len(found) >= 2 else (), group=_group(tag)))


# the heading level of a paragraph that captions the list after it: below every real one
CAPTION_LEVEL = 6


def _caption_level(tag: Tag, text: str, depth: int = 0) -> int:
    """The heading level of a short paragraph outside any item, right before a list, that
    is no sentence (``Program committee`` over its names): the list's heading, written as
    a paragraph; one right before such a caption (``Organizers`` over ``Workshop`` over
    a list) heads it one level up. 0 for any other paragraph."""
    if tag.name != "p" or not 1 <= len(text.split()) <= 5 or text.endswith((".", ",", ";")) \
            or depth > 2 or _group(tag):
        return 0
    nxt = tag.find_next_sibling()
    if nxt is None:
        return 0
    if nxt.name in ("ul", "ol"):
        return CAPTION_LEVEL
    inner = _caption_level(nxt, " ".join(nxt.get_text(" ").split()), depth + 1)
    return inner - 1 if inner else 0


# a paragraph this long after its bold lead name is that person's bio
LEAD_BIO_CHARS = 80


def _lead_name(tag: Tag, text: str) -> tuple[str, str] | None:
    """(name, rest) of a paragraph whose first element is a bold person name followed by
    at least ``LEAD_BIO_CHARS`` of text (``<b>Jane Doe</b>, born 1963 …``, ``<strong>Jane
    Doe</strong> is a …``): the bio of the person it names, the way programme pages
    introduce their speakers."""
    first = next((c for c in tag.children
                  if not (isinstance(c, NavigableString) and not c.strip())), None)
    if not isinstance(first, Tag) or first.name not in ("b", "strong"):
        return None
    name = " ".join(first.get_text(" ").split())
    rest = text[len(name):].lstrip(" ,:;–—-")
    if len(rest) < LEAD_BIO_CHARS or not name or len(name.split()) > 5:
        return None
    return (name, rest) if looks_like_person_name(name) else None


def _parts(tag: Tag) -> list[tuple[str, str]]:
    """(class, text) of the classed inline fields of ``tag``, in order; text outside any
    classed element joins a part of the enclosing element's own class."""
    out: list[tuple[str, str]] = []
    loose: list[str] = []
    own = ".".join(tag.get("class") or []) or tag.name or ""

    def flush() -> None:
        text = " ".join(" ".join(loose).split())
        if text:
            out.append((own, text))
        loose.clear()

    for child in tag.children:
        if isinstance(child, NavigableString):
            loose.append(str(child))
        elif isinstance(child, Tag) and child.name not in _SKIP_TAGS:
            classed_inside = child.find(class_=True) is not None
            if child.get("class") and not classed_inside:
                flush()
                out.append((".".join(child["class"]), " ".join(child.get_text(" ").split())))
            elif classed_inside or child.name == "br":
                flush()
                out.extend(_parts(child))
            else:
                loose.append(child.get_text(" "))
    flush()
    return out


def text_blocks(text: str) -> list[Block]:
    """Lines of plain text as blocks: the signature is the line's shape and indentation,
    a blank line before it, and an underline (``====``) under it makes it a heading."""
    lines = text.splitlines()
    out: list[Block] = []
    blank_before = True
    for i, raw in enumerate(lines):
        stripped = raw.strip()
        if not stripped:
            blank_before = True
            continue
        if re.fullmatch(r"[=\-~*#_]{3,}", stripped):
            continue
        under = lines[i + 1].strip() if i + 1 < len(lines) else ""
        heading = 0
        m = re.match(r"^(#{1,6})\s+(.*)$", stripped)
        if m:
            heading, stripped = len(m.group(1)), m.group(2)
        elif re.fullmatch(r"[=]{3,}", under):
            heading = 1
        elif re.fullmatch(r"[-~]{3,}", under):
            heading = 2
        indent = len(raw) - len(raw.lstrip())
        bullet = bool(_BULLET_RE.match(raw))
        body = _BULLET_RE.sub("", stripped) if bullet else stripped
        shape = line_shape(body)
        sig = "line" + (":bullet" if bullet else "") + (f":indent{min(indent, 8) // 2}"
                                                         if indent else "")
        sig += (":para" if blank_before else "") + (f":{shape}" if shape else "")
        out.append(Block(body, sig, heading))
        blank_before = False
    return join_labels(out)
