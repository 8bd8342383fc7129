"""Talks given as data: front matter, ``_data/talks.yml``, TOML/JSON records, in any naming.

Why: sites keep their talks as data (a YAML list under ``seminars:``, one front-matter
mapping per talk page, ``- seminar: {speaker:, workplace:, schedule:}``) and every site
names its keys differently. A record is recognised by its shape (a mapping of scalars,
among siblings of the same shape) and its keys are matched to fields by name
(``vocab.DATA_FIELD_KEYS``); a key no name matches is placed by the type of its value (a
date, a URL, a person's name). Markup inside values (``<a href=…>Name</a>``) is read as
text, its link kept.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import tomllib
import zoneinfo
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

import yaml

from pipeline.normalise import dates
from pipeline.normalise.agenda import is_non_talk
from pipeline.normalise.text import clean_text, is_placeholder, org_links_as_text
from pipeline.normalise.vocab import DATA_FIELD_KEYS, FIELD_LABELS
from pipeline.records import RawTalk
from pipeline.structure import templates

# libyaml's parser when PyYAML was built with it: several times faster than the pure-Python
# one, with the same constructors. It reads ``key:\tvalue``, which PyYAML refuses, so a text
# holding a tab goes to the pure-Python parser; and a text libyaml fails on is read again by
# PyYAML, so every failure is the one it was (a RecursionError stays one).
_C_LOADERS = {yaml.BaseLoader: getattr(yaml, "CBaseLoader", None),
              yaml.SafeLoader: getattr(yaml, "CSafeLoader", None)}


def load_yaml(text: str, loader: type = yaml.BaseLoader) -> object:
    """``yaml.load(text, Loader=loader)`` (``BaseLoader`` or ``SafeLoader``): the same value
    or the same exception, by libyaml where it can."""
    fast = _C_LOADERS.get(loader)
    if fast is not None and "\t" not in text:
        try:
            return yaml.load(text, Loader=fast)  # noqa: S506 - Base/Safe loaders build no tags
        except Exception:  # noqa: BLE001, S110 - PyYAML below says what the failure is
            pass
    return yaml.load(text, Loader=loader)  # noqa: S506 - Base/Safe loaders build no tags


MAX_NODES = 200_000
_HREF_RE = re.compile(r"""href\s*=\s*["']([^"']+)["']""", re.I)
_BRACKETED_RE = re.compile(r"^\s*\[[^\[\]]*\]\s*$")
_URL_RE = re.compile(r"^(?:https?://|www\.)\S+$", re.I)
_SUP_RE = re.compile(r"<sup>[^<]{0,8}</sup>", re.I)


@lru_cache(maxsize=1)
def _key_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Field name -> one anchored pattern of its data keys and its text labels."""
    out = []
    for name, fragment in DATA_FIELD_KEYS.items():
        label = FIELD_LABELS.get(name)
        body = f"{fragment}|{label}" if label else fragment
        out.append((name, re.compile(rf"^(?:{body})$", re.I)))
    return tuple(out)


_CAMEL_RE = re.compile(r"(?<=[a-z])(?=[A-Z])")
_KEY_PUNCT_RE = re.compile(r"[_\-.]+")


def field_of(key: str) -> str | None:
    """The talk field a data key names (``talk_title`` -> title, ``workplace`` -> affiliation)."""
    norm = " ".join(_KEY_PUNCT_RE.sub(" ", _CAMEL_RE.sub(" ", key)).split())
    for name, pattern in _key_patterns():
        if pattern.match(norm):
            return name
    return None


def load(text: str) -> object | None:
    """The document as data (YAML, JSON or TOML), or None when it is not data."""
    stripped = text.lstrip("\ufeff \t\r\n")
    if not stripped:
        return None
    if stripped[0] in "[{":
        try:
            return json.loads(stripped)
        except (ValueError, RecursionError):
            pass
    data = None
    # hand-edited data files put tabs where YAML allows only spaces: read them as spaces
    for attempt_text in (text, text.replace("\t", "  ")) if "\t" in text else (text,):
        try:
            data = load_yaml(attempt_text)
        except (yaml.YAMLError, RecursionError, ValueError):
            continue
        break
    if isinstance(data, (list, dict)):
        return data
    try:
        return tomllib.loads(text)
    except (tomllib.TOMLDecodeError, ValueError, RecursionError):
        return None


def _mappings(data: object) -> Iterator[list[dict]]:
    """Every list of mappings in ``data`` (breadth first, bounded), each as one candidate
    record set; ``- seminar: {...}`` items (one key holding a mapping) are unwrapped."""
    queue: list[object] = [data]
    seen = 0
    while queue and seen < MAX_NODES:
        node = queue.pop(0)
        seen += 1
        if isinstance(node, dict):
            # a mapping of records keyed by slug (``talks: {smith-2024: {...}, ...}``)
            inner = [v for v in node.values() if isinstance(v, dict)]
            if len(inner) >= 2 and len(inner) >= 0.8 * len(node):
                yield inner
            queue.extend(node.values())
        elif isinstance(node, list):
            items = [_unwrap(x) for x in node]
            dicts = [x for x in items if isinstance(x, dict)]
            if dicts and len(dicts) >= 0.5 * len(items):
                yield dicts
            queue.extend(node)


def _unwrap(item: object) -> object:
    if isinstance(item, dict) and len(item) == 1:
        (inner,) = item.values()
        if isinstance(inner, dict):
            return inner
    return item


def _scalar(value: object) -> str | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, (str, int, float)):
        text = str(value)
        return " ".join(text.split()) or None
    return None


def _text(value: object) -> tuple[str | None, str | None]:
    """(plain text, first link) of a value that may hold HTML or markdown."""
    raw = _scalar(value)
    if raw is None:
        return None, None
    raw = _SUP_RE.sub("", raw)  # ``Name<sup>1</sup>``: an affiliation marker, not text
    link = _HREF_RE.search(raw)
    md_link = re.search(r"\]\((https?://[^)\s]+)\)", raw)
    plain = clean_text(raw) if ("<" in raw or "[" in raw or "*" in raw) else raw
    return plain, (link.group(1) if link else md_link.group(1) if md_link else None)


def _people(value: object, affiliation: str | None) -> list[str]:
    entries = value if isinstance(value, list) else [value]
    lines: list[str] = []
    for entry in entries:
        own = None
        if isinstance(entry, dict):
            fields = _fields(entry)
            name = fields.get("speaker") or fields.get("title")
            own = fields.get("affiliation")
        else:
            name = _text(entry)[0]
        if not name or _BRACKETED_RE.match(name):
            continue  # ``[Midsummer]``: a schedule's note in the speaker column, nobody
        aff = own or (affiliation if len(entries) == 1 else None)
        lines.append(f"{name} ({aff})" if aff and aff not in name else name)
    if affiliation and len(lines) > 1 and all(", " not in ln for ln in lines):
        lines = [f"{ln} ({affiliation})" for ln in lines]
    return lines


def _fields(item: dict) -> dict[str, str]:
    """Field -> plain text, by key name first, then by value type for unnamed keys."""
    out: dict[str, str] = {}
    links: dict[str, str] = {}
    unnamed: list[str] = []
    for key, value in item.items():
        name = field_of(str(key))
        if name == "speaker" or isinstance(value, (list, dict)):
            continue
        text, link = _text(value)
        if not text:
            continue
        if name is None:
            unnamed.append(text)
            continue
        out.setdefault(name, text)
        if link:
            links.setdefault(name, link)
    for text in unnamed:  # keys no name matched: placed by what their value is
        if "url" not in out and _URL_RE.match(text):
            out["url"] = text
        elif "date" not in out and dates.looks_like_when(text):
            out["date"] = text
    if "url" not in out and "title" in links:
        out["url"] = links["title"]
    return out


def _with_details(item: dict) -> dict:
    """A record whose details sit in one nested mapping under a key other than the
    speaker's (``- title: Talk`` / ``  contents: [{title: Jane Doe, date: ..., ...}]``),
    with those details merged in: the record's own keys win, and the nested ``title``
    when the record has its own and the nested one reads as a person's name is the
    speaker (a title is the one thing a talk has once)."""
    nested = [(k, v) for k, v in item.items() if field_of(str(k)) != "speaker"
              and ((isinstance(v, list) and len(v) == 1 and isinstance(v[0], dict))
                   or isinstance(v, dict))]
    if len(nested) != 1:
        return item
    key, value = nested[0]
    inner = value[0] if isinstance(value, list) else value
    own = {field_of(str(k)) for k in item if k != key}
    merged = {k: v for k, v in item.items() if k != key}
    for k, v in inner.items():
        name = field_of(str(k))
        if name == "title" and "title" in own:
            text = _text(v)[0]
            if text and templates.name_score(text) > 0 and "speaker" not in own:
                merged.setdefault("speaker", v)
            continue
        if name is not None and name not in own:
            merged.setdefault(k, v)
    return merged


def record_talk(item: dict) -> RawTalk | None:
    """One mapping as a talk: a title, or a speaker and a date; else None."""
    item = _with_details(item)
    fields = _fields(item)
    speaker_value = next((v for k, v in item.items() if field_of(str(k)) == "speaker"), None)
    speakers = _people(speaker_value, fields.get("affiliation")) if speaker_value else []
    title = fields.get("title")
    day, time_ = fields.get("date"), fields.get("time")
    if not title and not (speakers and (day or time_)):
        return None
    if title and not speakers and templates.people_score(title) >= templates.STRONG_PEOPLE:
        return None  # a list of people, not of talks
    talk = RawTalk(title=None if title and is_placeholder(title) else title,
                   speaker_text=[s for s in speakers if not is_placeholder(s)])
    end = fields.get("end")
    if time_ and end and not re.search(r"[-–—]|\bto\b", time_):
        time_ = f"{time_} – {end}"
    talk.when_text = ", ".join(dict.fromkeys(v for v in (day, time_) if v)) or None
    talk.location = fields.get("location")
    talk.timezone = zone_of(fields.get("timezone"))
    talk.abstract = _long_text(item, "abstract")
    talk.speaker_bio = _long_text(item, "bio")
    talk.slides, talk.video, talk.url = fields.get("slides"), fields.get("video"), \
        fields.get("url")
    return talk


def zone_of(value: str | None) -> str | None:
    """The IANA zone a data value names (``America/Denver``, ``Europe/Paris``, ``CET``),
    or None: a value that names no zone is not guessed at."""
    if not value:
        return None
    value = value.strip()
    if value in _iana_zones():
        return value
    return dates.find_timezone_cue(f"All times are {value}")


@lru_cache(maxsize=1)
def _iana_zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def _long_text(item: dict, name: str) -> str | None:
    for key, value in item.items():
        if field_of(str(key)) == name and isinstance(value, str) and value.strip():
            return clean_text(value)
    return None


# fields a nested record inherits from the records that hold it (a session's room and
# time, a day's date), when it does not state its own
_INHERITED = frozenset({"date", "time", "when", "location", "series"})


def _nested_sets(data: object) -> list[list[dict]]:
    """The records of ``data`` grouped by their key path (``[].sessions[].talks[]``), each
    with the date, time and place of the records that hold it: a programme nests its
    talks in sessions in days, and the talks of every session are one record set."""
    sets: dict[tuple[str, ...], list[dict]] = {}
    stack: list[tuple[object, tuple[str, ...], dict]] = [(data, (), {})]
    seen = 0
    while stack and seen < MAX_NODES:
        node, path, context = stack.pop()
        seen += 1
        if isinstance(node, dict):
            here = dict(context)
            here.update({k: v for k, v in node.items() if not isinstance(v, (dict, list))
                         and field_of(str(k)) in _INHERITED})
            for key, value in reversed(list(node.items())):  # popped in document order
                if isinstance(value, (dict, list)):
                    stack.append((value, (*path, str(key)), here))
        elif isinstance(node, list):
            items = [_unwrap(item) for item in node]
            for item in items:
                if isinstance(item, dict):
                    sets.setdefault(path, []).append(
                        {**{k: v for k, v in context.items() if k not in item}, **item})
            stack.extend((item, (*path, "[]"), context) for item in reversed(items))
    return [items for items in sets.values() if len(items) >= 2]


def _named(talks: list[RawTalk]) -> tuple[int, int]:
    return sum(bool(t.speaker_text) for t in talks), len(talks)


def data_talks(data: object) -> list[RawTalk]:
    """The talks of the record set in ``data`` that holds the most of them: first by
    how many name a speaker, then by count (a programme's sessions name nobody where its
    nested talks name their authors)."""
    best: list[RawTalk] = []
    for items in [*_mappings(data), *_nested_sets(data)]:
        talks = [t for t in (record_talk(x) for x in items) if t is not None]
        if _named(talks) > _named(best):
            best = talks
    if not best and isinstance(data, dict):
        one = record_talk(data)  # a one-talk page given only as front matter
        if one is not None and one.speaker_text and one.when_text:
            best = [one]  # a person and a date: a page of people alone is not a talk
    return best


# --------------------------------------------------------------------------- pipe tables

_ROW_RE = re.compile(r"^\s*\|.*\|\s*$")
_RULE_RE = re.compile(r"^\s*\|?[\s:+|-]*-[\s:+|-]*\|?\s*$")


def _cell(text: str) -> str:
    """A table cell as plain text: org-mode ``[[url][label]]`` links become their label; a
    cell of dashes (``-------``: nothing booked) is empty."""
    if _BRACKETED_RE.match(text.strip()) and "][" not in text:
        text = text.strip()  # ``[special]``: kept bracketed, so it reads as no one
    else:
        text = org_links_as_text(text)
    text = " ".join(text.split())
    return "" if set(text) <= set("-–—_.") else text


def without_pipe_tables(text: str) -> str:
    """``text`` with its ruled pipe tables (a header, a ``|---+---|`` rule, rows) blanked.

    A ruled table is structure the table reader owns: read line by line, its rows become
    ``| 07:30 | 08:45 | Setup |`` "talks". Lines keep their places (blank), so line
    numbers and the paragraphs around stay as they were."""
    lines = text.splitlines()
    out = list(lines)
    i = 0
    while i < len(lines):
        if not _ROW_RE.match(lines[i]):
            i += 1
            continue
        j = i
        while j < len(lines) and _ROW_RE.match(lines[j]):
            j += 1
        if j - i >= 3 and any(_RULE_RE.match(ln) for ln in lines[i:j]):
            out[i:j] = [""] * (j - i)
        i = j
    if out == lines:
        return text
    return "\n".join(out) + ("\n" if text.endswith("\n") else "")


def pipe_tables(text: str) -> list[list[dict]]:
    """The pipe tables of a text (org-mode, markdown, text dumps) as lists of mappings
    keyed by their header row; tables whose header names no talk field are left out."""
    tables: list[list[list[str]]] = [[]]
    for line in text.splitlines():
        if _ROW_RE.match(line):
            if not _RULE_RE.match(line):
                tables[-1].append([_cell(c) for c in line.strip().strip("|").split("|")])
        elif tables[-1]:
            tables.append([])
    out = []
    for rows in tables:
        if len(rows) < 2:
            continue
        body = [row for row in rows[1:] if len(row) == len(rows[0])]
        header = _column_fields(rows[0], body)
        if not {"title", "speaker"} & set(header):
            header = _record_column(header, body)
        if sum(h is not None for h in header) < 2:
            continue
        out.append([{h: v for h, v in zip(header, row, strict=True) if h} for row in body])
    return out


# a column is read by its values' type when at least this share of its cells has it
COLUMN_TYPE_SHARE = 0.6


def _column_fields(header: list[str], rows: list[list[str]]) -> list[str | None]:
    """The field each column holds, as a key ``record_talk`` reads.

    By the header's name (``Speaker``), else by one of its words (``Room booked``, ``Name /
    [special]``), checked against the column's values: a column of people is the
    speaker's whatever its header says (``Name``), a column of dates the date's
    (``Calendar``); a column neither names nor values place is left out."""
    fields: list[str | None] = []
    for i, head in enumerate(header):
        values = [row[i] for row in rows if row[i]]
        name = field_of(head) if head else None
        if name is None and head:
            name = next((f for f in map(field_of, re.findall(r"[^\W\d_]+", head)) if f), None)
        if values and name in (None, "title", "abstract"):
            people = sum(templates.people_score(v) >= templates.STRONG_PEOPLE for v in values)
            if people >= COLUMN_TYPE_SHARE * len(values):
                name = "speaker"
        if name is None and values:
            dated = sum(dates.looks_like_when(v) for v in values)
            name = "date" if dated >= COLUMN_TYPE_SHARE * len(values) else None
        fields.append(name)
    return fields


# the key of a column of whole records (``Title (A, B and C)``) that no header names
RECORD = "_record"
# a column is one of whole records when its values average this many words
RECORD_WORDS = 3.0
# when the template finds people in this share of a table's records, a record naming
# nobody (a session heading, ``Discussion``) is no talk
NAMED_SHARE = 0.6
# a cell this short that a table repeats is a slot label, not a record
SLOT_LABEL_WORDS = 3
_NAME_THEN_ORG_RE = re.compile(r"^(?P<title>.*\S)\s*\((?P<name>[^(),]+),\s*(?P<org>[^()]+)\)\s*$")
_LEAD_LABEL_RE = re.compile(r"^\s*[*_/]+(?P<label>[^*_/]{1,40})[*_/]+\s*:?\s*")


def _record_column(header: list[str | None], rows: list[list[str]]) -> list[str | None]:
    """``header`` with its one column of free text marked ``RECORD``: an agenda's
    ``Activity`` column holds title and people together, to be cut by the template the
    whole column settles (``templates.choose``), not by its header word."""
    best: tuple[float, int | None] = (RECORD_WORDS - 1e-9, None)
    for i, name in enumerate(header):
        values = [row[i] for row in rows if row[i]]
        if name is not None or len(values) < 2:
            continue
        words = sum(len(v.split()) for v in values) / len(values)
        if words > best[0]:
            best = (words, i)
    if best[1] is None:
        return header
    return [RECORD if i == best[1] else h for i, h in enumerate(header)]


def _read_record(cell: str, choice: templates.Choice) -> tuple[str, list[str]]:
    """(title, speaker lines) of one record cell: by the table's template, else by the
    best template for this cell alone when that names people strongly (an invited talk
    written ``Title, Name (Org)`` among ``Title (A and B)`` rows), else a title alone."""
    reading = choice.read(cell)
    if reading is None:
        prepared = templates.prepare(cell)
        strong = [r for r in (t.read_prepared(prepared) for t in templates.templates())
                  if r is not None
                  and r.title and templates.people_score(r.people or "") >= 1.0
                  and templates.title_score(r.title) >= 1.0]
        reading = max(strong, key=templates.reading_score, default=None)
    if reading is None:  # ``Title (Name, Org, Country)``: one person and where from
        m = _NAME_THEN_ORG_RE.match(cell)
        if m and templates.name_score(m.group("name")) >= 1.0 \
                and templates.people_score(m.group("org")) == 0.0:
            return m.group("title"), [f"{m.group('name')} ({m.group('org')})"]
    if reading is None or not reading.people or is_placeholder(reading.people):
        return cell, []
    people = [f"{n} ({a})" if a else n for n, a in templates.split_people(reading.people)]
    return reading.title or cell, people


def table_talks(text: str) -> list[RawTalk]:
    """Talks of every pipe table of ``text`` whose header names their fields."""
    talks: list[RawTalk] = []
    for items in pipe_tables(text):
        cells = {id(x): _LEAD_LABEL_RE.sub("", x[RECORD]) for x in items if x.get(RECORD)}
        if not cells:
            talks.extend(t for t in (record_talk(x) for x in items) if t is not None)
            continue
        # breaks, and short slot labels the table repeats word for word (``Discussion``),
        # are no records of the template: left out of its choice and of the talks
        repeated = Counter(cells.values())
        cells = {k: c for k, c in cells.items() if c and not is_non_talk(c)
                 and not (repeated[c] >= 2 and len(c.split()) <= SLOT_LABEL_WORDS)}
        choice = templates.choose(list(cells.values()))
        read = {k: _read_record(c, choice) for k, c in cells.items()}
        named = sum(bool(p) for _, p in read.values()) >= NAMED_SHARE * len(read)
        for item in items:
            fields = {k: v for k, v in item.items() if k != RECORD}
            if item.get(RECORD) and id(item) not in read:
                continue  # a break, a discussion slot
            if id(item) in read:
                title, people = read[id(item)]
                if named and not people:
                    continue  # a session heading or a discussion slot among talks
                fields["title"] = title
                if people:
                    fields["speaker"] = people  # type: ignore[assignment]
            talk = record_talk(fields)
            if talk is not None:
                talks.append(talk)
    return talks
