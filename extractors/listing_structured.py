"""Machine-readable talk data on web pages: schema.org Events and agenda tables.

A page that publishes schema.org ``Event`` data (JSON-LD or microdata) says
outright what each talk is; a table whose header names its columns says it
almost as clearly. These are read before the free-form listing heuristics.
JSON-LD is data: it is read with ``json``, never run.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin

from bs4 import BeautifulSoup
from bs4.element import Tag

from extractors.listing_lines import page_lines, personish
from pipeline.normalise import dates
from pipeline.normalise.text import field_label
from pipeline.records import RawTalk

# Header words of agenda tables, mapped to column roles (first match wins).
_COLUMN_WORDS: tuple[tuple[str, str], ...] = (
    ("abstract", "abstract"), ("summary", "abstract"), ("description", "abstract"),
    ("affiliation", "affiliation"), ("institution", "affiliation"), ("organisation", "affiliation"),
    ("organization", "affiliation"), ("university", "affiliation"), ("from", "affiliation"),
    ("slides", "slides"), ("slide", "slides"),
    ("video", "video"), ("recording", "video"),
    ("location", "location"), ("room", "location"), ("venue", "location"), ("where", "location"),
    ("place", "location"),
    ("bio", "bio"),
    ("speaker", "speaker"), ("presenter", "speaker"), ("who", "speaker"), ("lecturer", "speaker"),
    ("name", "speaker"),
    ("title", "title"), ("talk", "title"), ("topic", "title"), ("subject", "title"),
    ("lecture", "title"), ("seminar", "title"), ("what", "title"),
    # reading groups and journal clubs list what is read or presented
    ("paper", "title"), ("reading", "title"), ("article", "title"), ("presentation", "title"),
    ("date", "when"), ("when", "when"), ("time", "when"), ("day", "when"),
)
_WORD_RE = re.compile(r"[a-z]+")


@dataclass
class Cell:
    """A table cell's text, links and machine-readable time."""

    text: str
    links: list[tuple[str, str]] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)  # the cell's visual lines (``<br>``, blocks)
    first_emphasised: bool = False  # its first line wholly bold or italic (a label cell line)
    datetime: str | None = None
    datetimes: list[tuple[str, str]] = field(default_factory=list)


def base_url(soup: BeautifulSoup) -> str | None:
    """The page's own address (``<base>``, canonical, ``og:url``): relative links resolve to it.

    One walk of the tree gathers the three candidates (a ``find`` per kind walked a page
    holding none of them three times over); the first of each kind in document order."""
    base = canon = og = None
    for tag in soup.find_all(("base", "link", "meta")):
        if tag.name == "base":
            if base is None and tag.get("href") is not None:
                base = str(tag["href"])
        elif tag.name == "link":
            if canon is None and tag.get("href") is not None and _is_canonical(tag.get("rel")):
                canon = str(tag["href"])
        elif og is None and tag.get("property") == "og:url" and tag.get("content") is not None:
            og = str(tag["content"])
    return base if base is not None else canon if canon is not None else og


def _is_canonical(rel: object) -> bool:
    """``rel="canonical"`` as ``find(rel="canonical")`` matches it: the whole value or one
    of its space-separated words."""
    if isinstance(rel, str):
        return rel == "canonical"
    if isinstance(rel, list):
        return "canonical" in rel or " ".join(rel) == "canonical"
    return False


def absolute(href: str, base: str | None) -> str:
    """``href`` resolved against the page address when the page states one."""
    href = href.strip()
    if base and not re.match(r"^[a-z][a-z0-9+.-]*:", href, re.I):
        return urljoin(base, href)
    return href


# ---------------------------------------------------------------- JSON-LD


def _is_event_type(value: Any) -> bool:
    types = value if isinstance(value, list) else [value]
    return any(isinstance(t, str) and t.rsplit("/", 1)[-1].endswith("Event") for t in types)


def _walk_ld(node: Any) -> Iterator[dict]:
    if isinstance(node, list):
        for item in node:
            yield from _walk_ld(item)
    elif isinstance(node, dict):
        if _is_event_type(node.get("@type")):
            yield node
            for sub in node.get("subEvent") or node.get("subEvents") or []:
                if isinstance(sub, dict):
                    yield from _walk_ld(sub)
            return
        for key in ("@graph", "itemListElement", "item", "mainEntity", "event", "events"):
            if key in node:
                yield from _walk_ld(node[key])


def jsonld_events(soup: BeautifulSoup) -> list[dict]:
    """schema.org Event objects of every JSON-LD block (``@graph``, lists, ItemLists)."""
    events: list[dict] = []
    for script in soup.find_all("script", type=re.compile(r"ld\+json", re.I)):
        raw = script.string or script.get_text()
        if not raw or not raw.strip():
            continue
        try:
            data = json.loads(raw, strict=False)
        except (ValueError, RecursionError):
            # a broken block (JSONDecodeError), an integer over Python's 4,300-digit limit,
            # nesting too deep: the rest of the page may still list talks
            continue
        events.extend(_walk_ld(data))
    return events


# ---------------------------------------------------------------- microdata


def _itemprop_value(el: Tag) -> Any:
    if el.has_attr("itemscope"):
        return _microdata_item(el)
    for attr in ("content", "datetime"):
        if el.has_attr(attr):
            return str(el[attr])
    if el.name in ("a", "link") and el.has_attr("href"):
        text = el.get_text(" ", strip=True)
        return text if el.get("itemprop") in ("name", "title") and text else str(el["href"])
    if el.name in ("img",) and el.has_attr("src"):
        return str(el["src"])
    return " ".join(el.get_text(" ", strip=True).split())


def _microdata_item(scope: Tag) -> dict:
    item: dict[str, Any] = {"@type": scope.get("itemtype", "")}
    todo = list(scope.find_all(True, recursive=False))
    while todo:
        el = todo.pop(0)
        props = el.get("itemprop")
        if props:
            for prop in str(props if isinstance(props, str) else " ".join(props)).split():
                value = _itemprop_value(el)
                if prop in item:
                    prev = item[prop]
                    item[prop] = (prev if isinstance(prev, list) else [prev]) + [value]
                else:
                    item[prop] = value
        if not el.has_attr("itemscope"):
            todo[0:0] = list(el.find_all(True, recursive=False))
    return item


def microdata_events(soup: BeautifulSoup) -> list[dict]:
    """Top-level microdata items whose ``itemtype`` is an Event."""
    out: list[dict] = []
    for scope in soup.find_all(attrs={"itemscope": True, "itemtype": True}):
        if not _is_event_type(str(scope.get("itemtype")).split()):
            continue
        if scope.find_parent(attrs={"itemscope": True, "itemprop": True}) is not None and scope.get(
            "itemprop"
        ):
            continue  # a sub-event property of another item
        out.append(_microdata_item(scope))
    return out


# ---------------------------------------------------------------- Event -> RawTalk


def _first(value: Any) -> Any:
    return value[0] if isinstance(value, list) and value else value


def _name(value: Any) -> str | None:
    value = _first(value)
    if isinstance(value, dict):
        name = value.get("name")
        if isinstance(name, str):
            return name.strip() or None
        if isinstance(name, list) and name:
            return str(name[0]).strip() or None
        return None
    if isinstance(value, str):
        return value.strip() or None
    return None


def _people(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value]
    out: list[str] = []
    for item in items:
        name = _name(item)
        if not name:
            continue
        if isinstance(item, dict):
            extra = [
                _name(item.get(k))
                for k in ("jobTitle", "affiliation", "worksFor", "memberOf")
            ]
            name = ", ".join([name] + [e for e in extra if e])
        out.append(name)
    return out


def instant(value: Any) -> dt.datetime | dt.date | None:
    """An ISO 8601 value from structured data (machine format, read with the standard library)."""
    value = _first(value)
    if not isinstance(value, str) or not value.strip():
        return None
    s = value.strip().replace("Z", "+00:00")
    try:
        if "T" in s or " " in s.strip():
            return dt.datetime.fromisoformat(s)
        return dt.date.fromisoformat(s)
    except ValueError:
        return None


def _location(value: Any) -> str | None:
    value = _first(value)
    if isinstance(value, dict):
        types = value.get("@type")
        name = _name(value)
        if name:
            return name
        if _is_type(types, "VirtualLocation"):
            return "Online"
        addr = value.get("address")
        if isinstance(addr, str):
            return addr.strip() or None
        if isinstance(addr, dict):
            return _name(addr) or addr.get("streetAddress")
        return None
    if isinstance(value, str):
        return value.strip() or None
    return None


def _is_type(types: Any, wanted: str) -> bool:
    types = types if isinstance(types, list) else [types]
    return any(isinstance(t, str) and t.rsplit("/", 1)[-1] == wanted for t in types)


def _text(value: Any) -> str | None:
    value = _first(value)
    if isinstance(value, str):
        return value.strip() or None
    return None


def event_talk(event: dict, base: str | None) -> RawTalk:
    """A ``RawTalk`` from one schema.org Event (JSON-LD dict or microdata item)."""
    talk = RawTalk(title=_text(event.get("name")), abstract=_text(event.get("description")))
    performers = _people(event.get("performer") or event.get("performers"))
    if not performers:
        organiser = event.get("organizer")
        people = organiser if isinstance(organiser, list) else [organiser]
        persons = [p for p in people if isinstance(p, dict) and _is_type(p.get("@type"), "Person")]
        performers = _people(persons)
    talk.speaker_text = performers
    start, end = instant(event.get("startDate")), instant(event.get("endDate"))
    # machine data written as prose (``Thursday, 12 October 2023, 4:00 pm``) is not lost:
    # it is read as text, the way the page's own lines are
    prose = [_text(event.get(k)) for k in ("startDate", "endDate")]
    if start is None and prose[0]:
        talk.when_text = prose[0] if prose[1] is None or end is not None else \
            f"{prose[0]} - {prose[1]}"
        talk.warnings.append("event startDate is not ISO 8601: read as text")
    if isinstance(start, dt.datetime):
        talk.start = start
        talk.date = start.date()
    elif isinstance(start, dt.date):
        talk.date = start
    if isinstance(end, dt.datetime):
        talk.end = end
    talk.location = _location(event.get("location"))
    mode = str(_first(event.get("eventAttendanceMode")) or "")
    if talk.location is None and mode.endswith("OnlineEventAttendanceMode"):
        talk.location = "Online"
    url = _text(event.get("url"))
    if url:
        talk.url = absolute(url, base)
    talk.series = _name(event.get("superEvent"))
    for key in ("recordedIn", "video", "workFeatured"):
        video = event.get(key)
        obj = _first(video)
        v = _text(video) or (_text(obj.get("contentUrl")) if isinstance(obj, dict) else None)
        if v:
            talk.video = absolute(v, base)
            break
    return talk


# ---------------------------------------------------------------- tables


# the shared label vocabulary's fields as column roles
_FIELD_ROLES = {"speaker": "speaker", "title": "title", "when": "when", "date": "when",
                "time": "when", "location": "location", "abstract": "abstract", "bio": "bio",
                "affiliation": "affiliation", "slides": "slides", "video": "video"}


def _column_role(header: str) -> str | None:
    """A header's column role: by the table words above, else by the shared label
    vocabulary (``What``, ``Quem``, ``Lugar``) read as if the header were a label."""
    words = _WORD_RE.findall(header.lower())
    for word, role in _COLUMN_WORDS:
        if any(w == word or w == word + "s" for w in words):
            return role
    shared = field_label(f"{header.strip().rstrip(':：')}: x")
    return _FIELD_ROLES.get(shared[0]) if shared else None


def _cell(td: Tag) -> Cell:
    lines = page_lines(td)
    text = " ".join(ln.text for ln in lines)
    links = [link for ln in lines for link in ln.links]
    stamps = [stamp for ln in lines for stamp in ln.datetimes]
    return Cell(
        text=" ".join(text.split()),
        links=links,
        lines=[ln.text for ln in lines],
        first_emphasised=bool(lines) and (lines[0].em_only or lines[0].strong_only),
        datetime=stamps[0][0] if stamps else None,
        datetimes=stamps,
    )


def _cells(tr: Tag) -> list[Tag]:
    return tr.find_all(["td", "th"], recursive=False)


def _span(td: Tag) -> int:
    try:
        return max(1, int(str(td.get("colspan") or 1)))
    except ValueError:
        return 1


def _is_when_cell(cell: Cell) -> bool:
    return bool(cell.datetime) or (bool(cell.text) and dates.looks_like_when(cell.text))


def _full_width(cells: list[Tag], grid: list[Cell], width: int) -> bool:
    """A row with one cell of text spanning the table (or alone in it): a day heading, a break."""
    filled = [c for c in grid if c.text]
    return len(filled) <= 1 and (len(cells) == 1 or any(_span(td) >= width - 1 for td in cells))


def _header_keys(header_row: Tag) -> list[str] | None:
    """Column keys from a header row that names a speaker or title column plus one more."""
    headers = _cells(header_row)
    roles: list[str | None] = [_column_role(h.get_text(" ", strip=True)) for h in headers]
    known = [r for r in roles if r]
    if not ({"speaker", "title"} & set(known)) or len(set(known)) < 2:
        return None
    return _keys(roles)


def _keys(roles: list[str | None]) -> list[str]:
    counts: dict[str, int] = {}
    keyed: list[str] = []
    for r in roles:
        if r == "when":  # Date and Time columns both feed when_text, in order
            counts[r] = counts.get(r, 0) + 1
            keyed.append(f"when{counts[r]}")
        elif r is not None and r not in counts:
            counts[r] = 1
            keyed.append(r)
        else:  # unknown or repeated column: kept for its links (``Materials``)
            keyed.append(f"other{len(keyed)}")
    return keyed


def _share(values: list[str], pred: Callable[[str], bool]) -> float:
    return sum(1 for v in values if pred(v)) / len(values) if values else 0.0


def _inferred_keys(grid: list[list[Cell]]) -> list[str] | None:
    """Column keys of a table without a header row, from what its cells hold.

    A column of dates or times is ``when``, a column of person names the speaker,
    the longest remaining text the title; a short column beside the speaker's is
    the affiliation. Without a date/time column and a speaker column the table is
    not read as talks (a staff directory, a layout table).
    """
    if len(grid) < 2:
        return None
    width = max(len(r) for r in grid)
    cols = [[r[j] for r in grid if j < len(r) and r[j].text] for j in range(width)]
    roles: list[str | None] = [None] * width
    for j, col in enumerate(cols):
        if col and sum(_is_when_cell(c) for c in col) / len(col) >= 0.6:
            roles[j] = "when"
    texts = [[c.text for c in col] for col in cols]
    person = [_share(t, personish) if roles[j] is None else 0.0 for j, t in enumerate(texts)]
    if not any(r == "when" for r in roles) or max(person, default=0.0) < 0.6:
        return None
    speaker = person.index(max(person))
    roles[speaker] = "speaker"
    rest = [j for j in range(width) if roles[j] is None and texts[j]]
    mean_words = {j: sum(len(t.split()) for t in texts[j]) / len(texts[j]) for j in rest}
    prose = [j for j in rest if mean_words[j] >= 2 and person[j] < 0.5]
    if prose:
        title = max(prose, key=lambda j: sum(len(t) for t in texts[j]) / len(texts[j]))
        roles[title] = "title"
    for j in (speaker + 1, speaker - 1):
        if j in rest and roles[j] is None and mean_words[j] <= 6 and person[j] < 0.5:
            roles[j] = "affiliation"
            break
    return _keys(roles)


def table_records(
    root: Tag, skip: Iterable[Tag] = ()
) -> list[tuple[Tag, list[dict[str, Cell]]]]:
    """Agenda tables under ``root``: each as (table, rows keyed by column role).

    Columns are named by a header row (``Date | Speaker | Title``), else inferred
    from the cells. A full-width row stating a date (``Monday, May 6, 2024``) is a
    day heading: the rows below it get it as ``day``. The caller leaves the
    tables' lines out of the line-based reading.
    """
    found: list[tuple[Tag, list[dict[str, Cell]]]] = []
    for table in root.find_all("table"):
        if table.find("table") is not None or any(table is t for t in skip):
            continue  # a layout table holding other tables, or one read another way
        rows = [tr for tr in table.find_all("tr") if tr.find_parent("table") is table]
        if len(rows) < 2:
            continue
        grids = [[_cell(td) for td in _cells(tr)] for tr in rows]
        width = max(sum(_span(td) for td in _cells(tr)) for tr in rows)
        keyed = _header_keys(rows[0])
        body = list(zip(rows[1:], grids[1:], strict=True))
        if keyed is None:
            body = [
                (tr, g) for tr, g in zip(rows, grids, strict=True)
                if _full_width(_cells(tr), g, width)
                or not all(td.name == "th" for td in _cells(tr))
            ]
            keyed = _inferred_keys(
                [g for tr, g in body if len(g) >= 2 and not _full_width(_cells(tr), g, width)]
            )
        if keyed is None:
            continue
        out: list[dict[str, Cell]] = []
        day: Cell | None = None
        prev_talk_row = False
        for tr, grid in body:
            cells = _cells(tr)
            if len(cells) < 2 or _full_width(cells, grid, width):
                filled = [c for c in grid if c.text]
                if filled and _is_when_cell(filled[0]):
                    day = filled[0]
                elif (
                    filled and out and prev_talk_row and "abstract" not in out[-1]
                    and _is_abstract_text(filled[0].text)
                ):
                    # a talk row, then a row spanning the table with the talk's abstract
                    out[-1]["abstract"] = _without_abstract_label(filled[0])
                prev_talk_row = False
                continue  # a full-width row: a day heading, a break, a session name
            prev_talk_row = True
            row: dict[str, Cell] = dict(zip(keyed, grid, strict=False))
            if day is not None:
                row["day"] = day
            out.append(row)
        found.append((table, out))
    return found


_ABSTRACT_LABEL_RE = re.compile(r"^\s*(?:abstract|summary|description)\s*[:：.]\s*", re.I)


def _is_abstract_text(text: str) -> bool:
    """A spanning row is an abstract when it says so or reads as prose (a session name or a
    break is a few words)."""
    return bool(_ABSTRACT_LABEL_RE.match(text)) or len(text.split()) >= 8


def _without_abstract_label(cell: Cell) -> Cell:
    stripped = _ABSTRACT_LABEL_RE.sub("", cell.text, count=1)
    return Cell(
        text=stripped, links=cell.links, lines=cell.lines,
        first_emphasised=False, datetime=cell.datetime, datetimes=cell.datetimes,
    )


def parallel_tables(root: Tag) -> list[tuple[Tag, list[tuple[Cell, str | None, Tag]]]]:
    """Programmes with parallel sessions: a time column, then one column per room.

    The header names the rooms (``Room A (Hörsaal 1)``, ``Hall B``), not fields, so the
    table is read cell by cell: each body cell is one talk (its own lines read like a
    card), at the row's time, in its column's room. A cell spanning every room (a break,
    a plenary) has no room of its own. Returns (table, [(time cell, room, cell)]).
    """
    found: list[tuple[Tag, list[tuple[Cell, str | None, Tag]]]] = []
    for table in root.find_all("table"):
        if table.find("table") is not None:
            continue
        rows = [tr for tr in table.find_all("tr") if tr.find_parent("table") is table]
        if len(rows) < 2:
            continue
        head = _cells(rows[0])
        names = [" ".join(h.get_text(" ", strip=True).split()) for h in head]
        roles = [_column_role(n) for n in names]
        rooms = names[1:]
        if (
            len(rooms) < 2
            or roles[0] != "when"
            or any(r not in (None, "location") for r in roles[1:])
            or not all(rooms)
        ):
            continue
        slots: list[tuple[Cell, str | None, Tag]] = []
        for tr in rows[1:]:
            cells = _cells(tr)
            if len(cells) < 2:
                continue
            time = _cell(cells[0])
            if not _is_when_cell(time):
                continue
            col = 0
            for td in cells[1:]:
                span = _span(td)
                room = rooms[col] if span == 1 and col < len(rooms) else None
                slots.append((time, room, td))
                col += span
        if slots:
            found.append((table, slots))
    return found


_RULE_RE = re.compile(r"^[\s\-=_+|]+$")


def pre_tables(root: Tag) -> list[tuple[Tag, list[dict[str, Cell]]]]:
    """Fixed-width schedules in ``<pre>`` blocks, read by their header's columns.

    The header line (``Date   Speaker   Title``) names the columns and where each
    starts; rules (``-----``) are skipped. A line whose text runs across a column
    start (``Feb 20  -- no meeting: Presidents' Day --``) is not columnar: a note.
    """
    found: list[tuple[Tag, list[dict[str, Cell]]]] = []
    for pre in root.find_all("pre"):
        lines = [ln.rstrip() for ln in pre.get_text().expandtabs(8).splitlines()]
        header_at = next(
            (i for i, ln in enumerate(lines) if ln.strip() and not _RULE_RE.match(ln)), None
        )
        if header_at is None:
            continue
        header = lines[header_at]
        starts = [m.start() for m in re.finditer(r"(?:(?<=\s\s)|^)\S", header)]
        if not starts:  # " a header indented by one space": no column starts at all
            continue
        names = [header[a:b].strip() for a, b in zip(starts, [*starts[1:], None], strict=True)]
        roles = [_column_role(n) for n in names]
        known = [r for r in roles if r]
        if not ({"speaker", "title"} & set(known)) or len(set(known)) < 2:
            continue
        keys = _keys(roles)
        rows: list[dict[str, Cell]] = []
        for ln in lines[header_at + 1:]:
            if not ln.strip() or _RULE_RE.match(ln):
                continue
            if any(0 < a < len(ln) and not ln[a - 1].isspace() and not ln[a].isspace()
                   for a in starts[1:]):
                continue  # text across a column boundary: a note, not a row
            cells = [ln[a:b].strip() for a, b in zip(starts, [*starts[1:], None], strict=True)]
            rows.append(
                {k: Cell(text=" ".join(c.split())) for k, c in zip(keys, cells, strict=True)}
            )
        if rows:
            found.append((pre, rows))
    return found
