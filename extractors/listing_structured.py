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
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin

from bs4 import BeautifulSoup
from bs4.element import Tag

from extractors.listing_lines import page_lines
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
    ("lecture", "title"), ("seminar", "title"),
    ("date", "when"), ("when", "when"), ("time", "when"), ("day", "when"),
)
_WORD_RE = re.compile(r"[a-z]+")


@dataclass
class Cell:
    """A table cell's text, links and machine-readable time."""

    text: str
    links: list[tuple[str, str]] = field(default_factory=list)
    datetime: str | None = None


def base_url(soup: BeautifulSoup) -> str | None:
    """The page's own address (``<base>``, canonical, ``og:url``): relative links resolve to it."""
    base = soup.find("base", href=True)
    if isinstance(base, Tag):
        return str(base["href"])
    canon = soup.find("link", rel="canonical", href=True)
    if isinstance(canon, Tag):
        return str(canon["href"])
    og = soup.find("meta", property="og:url", content=True)
    if isinstance(og, Tag):
        return str(og["content"])
    return None


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
        except json.JSONDecodeError:
            continue  # a broken block on a web page: the rest of the page may still list talks
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


def _instant(value: Any) -> dt.datetime | dt.date | None:
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
    start, end = _instant(event.get("startDate")), _instant(event.get("endDate"))
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


def _column_role(header: str) -> str | None:
    words = _WORD_RE.findall(header.lower())
    for word, role in _COLUMN_WORDS:
        if any(w == word or w == word + "s" for w in words):
            return role
    return None


def _cell(td: Tag) -> Cell:
    lines = page_lines(td)
    text = " ".join(ln.text for ln in lines)
    links = [link for ln in lines for link in ln.links]
    stamp = next((ln.datetime for ln in lines if ln.datetime), None)
    return Cell(text=" ".join(text.split()), links=links, datetime=stamp)


def table_records(root: Tag) -> list[tuple[Tag, list[dict[str, Cell]]]]:
    """Agenda tables under ``root``: each as (table, rows keyed by column role).

    A table counts when its header row names a speaker or title column plus one more
    known column; the caller leaves its lines out of the line-based reading.
    """
    found: list[tuple[Tag, list[dict[str, Cell]]]] = []
    for table in root.find_all("table"):
        if table.find("table") is not None:
            continue  # a layout table holding other tables
        rows = [tr for tr in table.find_all("tr") if tr.find_parent("table") is table]
        if len(rows) < 2:
            continue
        header_row = rows[0]
        headers = header_row.find_all(["th", "td"], recursive=False)
        roles: list[str | None] = [_column_role(h.get_text(" ", strip=True)) for h in headers]
        known = [r for r in roles if r]
        if not ({"speaker", "title"} & set(known)) or len(set(known)) < 2:
            continue
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
        out: list[dict[str, Cell]] = []
        for tr in rows[1:]:
            cells = tr.find_all(["td", "th"], recursive=False)
            if len(cells) < 2:
                continue  # a full-width row: a break, a day separator
            row: dict[str, Cell] = {}
            for key, td in zip(keyed, cells, strict=False):
                row[key] = _cell(td)
            out.append(row)
        found.append((table, out))
    return found
