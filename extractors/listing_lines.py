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
from functools import cached_property, lru_cache

from bs4 import BeautifulSoup
from bs4.element import Comment, Declaration, Doctype, NavigableString, ProcessingInstruction, Tag

from pipeline.normalise import dates, people

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
# Class / itemprop words of a card's child elements, mapped to fields.
_CLASS_HINTS = {
    "speaker": "speaker", "speakers": "speaker", "presenter": "speaker", "author": "speaker",
    "performer": "speaker", "lecturer": "speaker",
    "title": "title", "name": "title", "summary": "title", "headline": "title",
    "abstract": "abstract", "description": "abstract", "excerpt": "abstract",
    "date": "when", "time": "when", "when": "when", "datetime": "when", "startdate": "when",
    "location": "location", "venue": "location", "room": "location", "place": "location",
    "bio": "bio", "biography": "bio",
    "affiliation": "affiliation", "institution": "affiliation", "org": "affiliation",
    "video": "video", "recording": "video", "slides": "slides",
    # a card's side remark (``<p class="card-note">Joint with ...</p>``): not the abstract
    "note": "note", "notes": "note", "remark": "note",
    # the card's type (``<div class="seminar-type">Journal Club</div>``): the kind of
    # meeting, a label every card repeats, never its title
    "type": "note", "category": "note",
}
_SKIP_STRINGS = (Comment, Declaration, Doctype, ProcessingInstruction)
_WORD_RE = re.compile(r"\w", re.U)
_LABEL_PREFIX_RE = re.compile(r"^([A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2})\s*:\s+(.+)$", re.S)
NAME_SPLIT_RE = re.compile(r"\s*(?:[,;/&(]|\band\b|\s[-–—]\s)\s*")
# Separators between the parts of a one-line talk (``Sep 24: Jane Doe (MIT) — Title``):
# dashes and bars (strong), a colon followed by a space (weak: titles contain colons).
_DASH_SEP_RE = re.compile(r"\s+[-–—]{1,2}\s+|\s*[—–|]\s*")
_COLON_SEP_RE = re.compile(r"\s*:\s+")
_COMMA_SEP_RE = re.compile(r"\s*,\s+")
_QUOTED_RE = re.compile(r"[“\"„«]([^“”\"«»]{3,}?)[”\"»]")
_EMPTY_BRACKETS_RE = re.compile(r"\(\s*\)|\[\s*\]")
_EDGE_PUNCT = " \t\n—–-:|,;·•"
_WHEN_PART_MAX = 80
_ONE_LINE_MAX = 600

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
    # every <time datetime> of the line: (machine value, the element's visible text)
    datetimes: list[tuple[str, str]] = field(default_factory=list)

    @cached_property
    def text(self) -> str:
        """The line's words; kept once read, as a line's segments are fixed when it is made
        and the listing rules ask a line for its text many times."""
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
    """Remove page furniture in place: navigation, asides, scripts, forms, comments,
    struck-through text, and page-level headers/footers (a header inside an ``article`` is a
    card's own header).
    One pass over the tree decides, then the chosen nodes are detached: large pages stay fast.
    """
    doomed: list = []
    body = soup.body or soup
    total = len(body.get_text()) if isinstance(body, Tag) else 0
    for node in soup.descendants:
        if isinstance(node, _SKIP_STRINGS):
            doomed.append(node)
        elif isinstance(node, Tag) and _is_furniture(node) and not _holds_the_page(node, total):
            doomed.append(node)
    for node in doomed:
        node.extract()


# furniture holds a part of a page; an element marked as furniture that holds most of its
# text is a theme's wrapper around the content (VitePress ``.VPDoc.has-aside``), kept
FURNITURE_MAX_SHARE = 0.5


def _holds_the_page(tag: Tag, total: int) -> bool:
    if total < 200 or tag.name in JUNK_TAGS or tag.name in ("nav", "script", "style"):
        return False
    return len(tag.get_text()) > FURNITURE_MAX_SHARE * total


_FURNITURE_ROLES = frozenset({"navigation", "banner", "contentinfo", "search"})


_STRUCK_TAGS = frozenset({"s", "del", "strike"})
_LINE_THROUGH_RE = re.compile(r"text-decoration[^;]*line-through", re.I)


def _is_struck(tag: Tag) -> bool:
    """Struck-through text (``<s>``, ``<del>``, ``<strike>``, ``line-through``): what the
    page withdrew (a cancelled talk, the time or room it replaced), not what it states."""
    return tag.name in _STRUCK_TAGS or bool(_LINE_THROUGH_RE.search(str(tag.get("style") or "")))


def _is_furniture(tag: Tag) -> bool:
    if tag.name in JUNK_TAGS or _is_struck(tag):
        return True
    if tag.get("role") in _FURNITURE_ROLES:
        return True
    if tag.has_attr("hidden") or tag.get("aria-hidden") == "true":
        return True
    if tag.name == "header" and _is_page_header(tag):
        return False
    if tag.name in ("header", "footer"):
        return tag.find_parent("article") is None
    if tag.name in ("div", "section", "ul", "ol", "p") and (tag.get("class") or tag.get("id")):
        words = {
            w for v in [*(tag.get("class") or ()), str(tag.get("id") or "")]
            for w in re.split(r"[-_\s]+", str(v).lower()) if w
        }
        # page furniture a theme marks by class, not by element (``div.sidebar``,
        # ``div#footer``, ``div.widget``): lists of *other* events or site links
        return bool(words & _FURNITURE_WORDS) and tag.find_parent("article") is None
    return False


def _is_page_header(tag: Tag) -> bool:
    """A ``<header>`` holding the page's own ``<h1>`` (``<header><h1>Workshop 2024</h1>
    <p>Venue: ...</p></header>``) states the page's title, dates and venue: it is content.
    A site banner (``header.site-header``, ``#masthead``) is not, whatever it holds."""
    words = {
        w for v in [*(tag.get("class") or ()), str(tag.get("id") or "")]
        for w in re.split(r"[-_\s]+", str(v).lower()) if w
    }
    return tag.find("h1") is not None and not words & _SITE_WORDS


_SITE_WORDS = frozenset("site masthead global top banner brand navbar region".split())
_FURNITURE_WORDS = frozenset(
    "sidebar widget widgets footer topmenu topbar navbar menu breadcrumb breadcrumbs "
    "cookie cookies banner".split()
)
_HEADER_WORDS = frozenset({"header", "heading", "separator"})


def token_hint(token: str) -> str | None:
    """The field one class token names. CMS classes nest generic words before the field
    (Drupal ``field--name-field-date``, ``speaker-name``): the last hint word decides, and
    ``name`` only when it is the only one."""
    words = [w for w in re.split(r"[-_\s]+", token.lower()) if w]
    found = [
        w for i, w in enumerate(words)
        if w in _CLASS_HINTS and (w != "name" or i == len(words) - 1)
    ]
    if len(found) > 1:
        found = [w for w in found if w != "name"]
    return _CLASS_HINTS[found[-1]] if found else None


def heading_level(tag: Tag) -> int:
    name = tag.name or ""
    if len(name) == 2 and name[0] == "h" and name[1] in "123456":
        return int(name[1])
    if tag.get("role") == "heading":
        try:
            return int(tag.get("aria-level", 2))
        except ValueError:
            return 2
    if name in ("div", "span", "p") and tag.get("class"):
        words = {w for v in tag.get("class") or () for w in re.split(r"[-_]+", str(v).lower())}
        # a leaf block a theme names as a heading (``div.day-header``): the lowest level
        if words & _HEADER_WORDS and tag.find(BLOCK_TAGS) is None:
            return 6
    return 0


def _field_children(node: Tag) -> set[int]:
    """Inline children that are a card's separate fields (``<span class="title">`` then
    ``<span class="speaker">`` with nothing but white space between): each its own line,
    as the theme's CSS shows them. Spans with text between them (``<span>4 pm</span> -
    <span>5 pm</span>``) stay one line."""
    hinted: list[Tag] = []
    for child in node.children:
        if isinstance(child, NavigableString):
            if not isinstance(child, _SKIP_STRINGS) and str(child).strip():
                return set()
        elif isinstance(child, Tag) and child.name not in BLOCK_TAGS and child.name != "br":
            hint = next(
                (h for v in child.get("class") or () if (h := token_hint(str(v)))), None
            )
            if hint is not None:
                hinted.append(child)
    if len(hinted) < 2:
        return set()
    return {id(c) for c in hinted}


def page_lines(root: Tag) -> list[Line]:
    """The visual lines under ``root`` in document order.

    The tree is walked with an explicit stack, not recursion: real pages nest
    unclosed ``<font>``/``<div>`` tags thousands deep, which must not overflow.
    """
    out: list[Line] = []
    pending: list[Segment] = []
    pending_dt: list[tuple[str, str]] = []

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
                    datetime=pending_dt[0][0] if pending_dt else None,
                    index=len(out),
                    links=merged,
                    datetimes=list(pending_dt),
                )
            )
        pending.clear()
        pending_dt.clear()

    # actions: ("walk", node, strong, em, href, block), ("flush", block), ("text", segment),
    # ("stamp", datetime attribute, visible text)
    stack: list[tuple] = [("walk", root, False, False, None, root)]
    while stack:
        action = stack.pop()
        if action[0] == "flush":
            flush(action[1])
            continue
        if action[0] == "text":
            pending.append(action[1])
            continue
        if action[0] == "stamp":
            pending_dt.append((action[1], action[2]))
            continue
        _, node, strong, em, href, block = action
        todo: list[tuple] = []
        fields = _field_children(node)
        previous: Tag | NavigableString | None = None
        earlier: Tag | NavigableString | None = None  # the sibling before ``previous``
        for child in node.children:
            if isinstance(child, _SKIP_STRINGS):
                continue
            before_after = earlier
            after, previous = previous, child
            earlier = after
            if isinstance(child, NavigableString):
                todo.append(("text", Segment(str(child), strong, em, href)))
                continue
            if not isinstance(child, Tag):
                continue
            name = child.name
            if _abutting(after, child):
                # ``<span class="month">OCT</span><span class="day">05</span>``: separate
                # elements are separate words on screen (the theme's CSS spaces them)
                todo.append(("text", Segment(" ", strong, em, href)))
            elif _divides(before_after, after, child):
                # ``<span>3:00 PM</span><span class="divider"></span><span>Room 5</span>``:
                # an empty element between two texts is a separator the CSS draws
                todo.append(("text", Segment(" · ", strong, em, href)))
            if name == "br":
                todo.append(("flush", block))
                continue
            if name in BLOCK_TAGS or id(child) in fields or heading_level(child):
                todo.append(("flush", block))
                todo.append(("walk", child, strong, em, href, child))
                todo.append(("flush", child))
                continue
            if name == "img":
                continue
            if name == "time" and child.get("datetime"):
                todo.append(
                    ("stamp", str(child["datetime"]).strip(), " ".join(child.get_text().split()))
                )
            todo.append((
                "walk",
                child,
                strong or name in STRONG_TAGS or _bold_style(child),
                em or name in EM_TAGS,
                href or (str(child.get("href")) if name == "a" and child.get("href") else None),
                block,
            ))
        stack.extend(reversed(todo))  # popped in document order
    flush(root)
    return out


_GLUED_TAGS = frozenset({"sub", "sup", "wbr", "br", "img"})


def _abutting(before: Tag | NavigableString | None, tag: Tag) -> bool:
    """Whether two sibling inline elements touch with no space between them (sub- and
    superscripts are part of their word: ``H<sub>2</sub>O``)."""
    return (
        isinstance(before, Tag)
        and before.name not in BLOCK_TAGS
        and tag.name not in BLOCK_TAGS
        and before.name not in _GLUED_TAGS
        and tag.name not in _GLUED_TAGS
        and bool(before.get_text()) and bool(tag.get_text())
    )


def _divides(first: Tag | NavigableString | None, middle: Tag | NavigableString | None,
             tag: Tag) -> bool:
    """Whether ``middle`` is an empty inline element standing between two inline elements
    with text (a divider drawn by the stylesheet)."""
    return (
        isinstance(middle, Tag) and middle.name not in BLOCK_TAGS
        and middle.name not in _GLUED_TAGS and not middle.get_text().strip()
        and _abutting(first, tag) if isinstance(first, Tag) else False
    )


def _bold_style(tag: Tag) -> bool:
    style = str(tag.get("style") or "").replace(" ", "").lower()
    return "font-weight:bold" in style or "font-weight:700" in style


# ---------------------------------------------------------------- one-line talks


@lru_cache(maxsize=8192)
def _person_name(text: str) -> bool:
    """The shared predicate, remembered: list pages repeat the same names many times."""
    return people.looks_like_person_name(text)


@lru_cache(maxsize=8192)
def is_when(text: str) -> bool:
    """The shared ``looks_like_when``, remembered (cut candidates are tested repeatedly)."""
    return bool(text) and dates.looks_like_when(text)


def strip_label_prefix(text: str) -> str:
    """``Special Seminar: Jane Doe, MIT`` -> ``Jane Doe, MIT`` when a name follows the colon."""
    m = _LABEL_PREFIX_RE.match(text)
    if m and personish(m.group(2), strip=False):
        return m.group(2)
    return text


def personish(text: str, *, strip: bool = True) -> bool:
    """True when the text starts with a person's name (``Name, Role, Org``; ``A and B``)."""
    if strip:
        text = strip_label_prefix(text)
    first = NAME_SPLIT_RE.split(text.strip(), maxsplit=1)[0].strip(" *_.:")
    return bool(first) and _person_name(first)


@dataclass
class LineParts:
    """The date, speaker and title one line states (``Oct 8 Jane Doe (MIT) – Title``)."""

    when: str | None = None
    speaker: str | None = None
    title: str | None = None
    title_links: list[tuple[str, str]] = field(default_factory=list)


def _clean_part(text: str) -> str:
    text = _EMPTY_BRACKETS_RE.sub(" ", " ".join(text.split()))
    return " ".join(text.split()).strip(_EDGE_PUNCT)


def _inside_parentheses(text: str, at: int) -> bool:
    """Whether position ``at`` of ``text`` is inside an open parenthesis (``Name (Centre,
    Berlin)``): a separator there cuts an affiliation, not the line."""
    before = text[:at]
    return before.count("(") > before.count(")")


def split_line(line: Line, drop_hrefs: frozenset[str] = frozenset()) -> LineParts | None:
    """Split a one-line talk into date, speaker and title, or None when it is not one.

    The parts are told apart by what they are (the shared ``looks_like_when`` and
    person-name predicates), and the layout only says where they may be cut:
    dashes, bars, colons, quotes, and changes of emphasis (``<b>date</b> name –
    <i>title</i>``). Links in ``drop_hrefs`` (slides, recordings) are not text.
    """
    if len(line.text) > _ONE_LINE_MAX:
        return None  # prose, not a one-line talk
    chars: list[str] = []
    styles: list[tuple[bool, bool, str | None]] = []
    for seg in line.segments:
        masked = seg.href is not None and seg.href in drop_hrefs
        for ch in seg.text:
            chars.append(" " if masked or ch in "\r\n\t" else ch)
            styles.append((seg.strong, seg.em, seg.href))
    text = "".join(chars)
    if not text.strip():
        return None
    # where the text may be cut: separators, and changes of emphasis/link between words
    cuts: list[tuple[int, int, str]] = []
    for rx, kind in ((_DASH_SEP_RE, "dash"), (_COLON_SEP_RE, "colon"), (_COMMA_SEP_RE, "comma")):
        cuts.extend((m.start(), m.end(), kind) for m in rx.finditer(text))
    prev: tuple[bool, bool, str | None] | None = None
    for i, ch in enumerate(text):
        if ch.isspace():
            continue
        if prev is not None and styles[i] != prev and (i == 0 or text[i - 1].isspace() or
                                                       not text[i - 1].isalnum()):
            j = i
            while j > 0 and text[j - 1].isspace():
                j -= 1
            cuts.append((j, i, "style"))
        prev = styles[i]
    cuts = sorted(c for c in cuts if not _inside_parentheses(text, c[0]))
    parts = LineParts()
    start, stop = 0, len(text)
    # the date: the longest leading run that is a when phrase, else a trailing one
    for a, b, _ in cuts:
        if a > _WHEN_PART_MAX:
            break
        head = _clean_part(text[:a])
        if head and is_when(head):
            parts.when, start = head, b
    if parts.when is None:
        for a, b, _ in reversed(cuts):
            if len(text) - b > _WHEN_PART_MAX:
                break
            tail = _clean_part(text[b:].strip().strip("()[]"))
            if tail and is_when(tail) and _clean_part(text[:a]):
                parts.when, stop = tail, a
    rest = text[start:stop]
    offset = start
    if not _clean_part(rest):
        return None
    span = _title_span(rest, styles[start:stop])
    if span is not None:
        a, b = span
        title = _clean_part(rest[a:b])
        who = _BY_LEAD_RE.sub("", _clean_part(rest[:a] + " " + rest[b:]))
        if who and not personish(who):
            return None
        parts.title, parts.speaker = title or None, who or None
        title_range = (offset + a, offset + b)
    else:
        inner = [(a - offset, b - offset, k) for a, b, k in cuts if start < a and b < stop]
        found = None
        for kind in ("dash", "colon", "style"):
            for a, b, k in inner:
                if k != kind:
                    continue
                left, right = _clean_part(rest[:a]), _clean_part(rest[b:])
                if not left or not right:
                    continue
                if personish(left) and not personish(right):
                    found = (left, right, (offset + b, stop))
                elif kind != "colon" and personish(right) and not personish(left):
                    found = (right, left, (start, offset + a))
                if found:
                    break
            if found:
                break
        if found is not None:
            parts.speaker, parts.title, title_range = found
        elif personish(_clean_part(rest)):
            parts.speaker, title_range = _clean_part(rest), (0, 0)
        elif parts.when is not None:
            parts.title, title_range = _clean_part(rest), (start, stop)
        else:
            return None
    seen: set[str] = set()
    for i in range(*title_range):
        href = styles[i][2]
        if href and href not in seen and href not in drop_hrefs:
            seen.add(href)
            label = " ".join(
                "".join(c for c, st in zip(chars, styles, strict=True) if st[2] == href).split()
            )
            parts.title_links.append((label, href))
    return parts


# ``– presented by Jane Doe`` beside a title: the words before the name say who speaks
_BY_LEAD_RE = re.compile(r"^(?:(?:presented|given|led|introduced|talk)\s+)?by\s+(?=\S)", re.I)


def _title_span(
    rest: str, styles: list[tuple[bool, bool, str | None]]
) -> tuple[int, int] | None:
    """Where a quoted or italic title lies in the text after the date."""
    m = _QUOTED_RE.search(rest)
    if m and len(m.group(1).split()) >= 2:
        return m.start(), m.end()
    best: tuple[int, int] | None = None
    i = 0
    while i < len(rest):
        if styles[i][1] and not styles[i][0] and not rest[i].isspace():
            j = i
            while j < len(rest) and (styles[j][1] or rest[j].isspace()):
                j += 1
            if len(rest[i:j].split()) >= 2 and (best is None or j - i > best[1] - best[0]):
                best = (i, j)
            i = j
        else:
            i += 1
    if best is not None and _clean_part(rest[: best[0]] + rest[best[1]:]):
        return best
    return None
