"""Markdown listing pages before they are listings: front matter, markup, talks as data.

A Jekyll/Hugo/Quarto page opens with YAML (``---``) or TOML (``+++``) front matter that
names the page and may list its talks as data; its body carries Liquid tags and kramdown
attribute lists that are not text. This module strips and reads all that and renders the
body to HTML, so ``extract_markdown`` hands the shared HTML path a plain page plus the
talks the data states. It exists apart from ``listing`` because none of it looks at the
rendered page's lines or records.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from functools import lru_cache

import yaml
from markdown_it import MarkdownIt
from mdit_py_plugins.attrs import attrs_plugin

from extractors.listing_lines import LABEL_RE
from pipeline.records import RawTalk

FRONT_MATTER_RE = re.compile(
    r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S
)
# Hugo's TOML front matter between ``+++`` lines
TOML_FRONT_MATTER_RE = re.compile(
    r"\A\ufeff?\+\+\+[ \t]*\r?\n(.*?)\r?\n\+\+\+[ \t]*(?:\r?\n|\Z)", re.S
)
LIQUID_RE = re.compile(r"\{%-?.*?-?%\}|\{\{-?.*?-?\}\}", re.S)
IAL_LINE_RE = re.compile(r"^[ \t]*\{:[^}\n]*\}[ \t]*$", re.M)
IAL_INLINE_RE = re.compile(r"\{:[^}\n]*\}")
# a Pandoc heading attribute ``### 13 Oct {.talk-date}``: the heading keeps its classes
HEADING_ATTR_RE = re.compile(
    r"^(?P<h>#{1,6})[ \t]+(?P<text>.*?)[ \t]*\{(?P<attrs>(?:[.#][\w-]+[ \t]*)+)\}[ \t]*$", re.M)


def heading_attributes(source: str) -> str:
    """Pandoc heading attributes as HTML headings carrying their classes."""
    def html(m: re.Match[str]) -> str:
        classes = " ".join(a[1:] for a in m.group("attrs").split() if a.startswith("."))
        level = len(m.group("h"))
        return f'<h{level} class="{classes}">{m.group("text")}</h{level}>'

    return HEADING_ATTR_RE.sub(html, source)


@lru_cache(maxsize=1)
def markdown_renderer() -> MarkdownIt:
    """CommonMark with tables and strikethrough, raw HTML passed through; built once.

    A soft line break before a ``Label:`` (``**Speaker:** ...`` then ``**Date:** ...``
    on the next source line) is rendered as a hard break: each labelled field is
    its own line, as the author laid it out, while wrapped prose stays one line.
    """
    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    # Pandoc/Quarto attribute spans ``[Jane Doe]{.speaker-name}`` keep their classes
    md.use(attrs_plugin, spans=True)
    default = md.renderer.rules.get("softbreak")

    def softbreak(_self, tokens, idx, options, env):  # noqa: ANN001, ANN202 - markdown-it rule
        following = "".join(
            t.content for t in tokens[idx + 1: idx + 4] if t.type == "text"
        )
        if LABEL_RE.match(following):
            return "<br />\n"
        return default(tokens, idx, options, env) if default else "\n"

    md.add_render_rule("softbreak", softbreak)
    return md


def as_date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


# ------------------------------------------------------- talks as front-matter data

# keys under which a page's front matter lists its talks as data, and each item's keys
_DATA_LIST_KEYS = frozenset(
    "talks events seminars schedule speakers lectures sessions program programme colloquia "
    "items entries presentations".split()
)
_ITEM_KEYS: dict[str, tuple[str, ...]] = {
    "title": ("title", "talk", "talk_title", "topic"),
    "speaker": ("speaker", "speakers", "presenter", "presenters", "name", "who", "author"),
    "affiliation": ("affiliation", "institution", "affil", "university", "organization",
                    "organisation"),
    "date": ("date", "day"),
    "time": ("time", "start_time", "start", "hour"),
    "end": ("end_time", "end"),
    "location": ("location", "room", "venue", "place", "where"),
    "abstract": ("abstract", "description", "summary"),
    "bio": ("bio", "biography", "speaker_bio"),
    "slides": ("slides", "slide", "pdf"),
    "video": ("video", "recording", "youtube"),
    "url": ("url", "link", "website", "page"),
}


def raw_front_matter(source: str) -> dict:
    """The front matter with every scalar kept as written (YAML 1.1 would read ``16:00`` as
    the sexagesimal number 960 and ``2025-03-04`` as a date object)."""
    m = FRONT_MATTER_RE.match(source)
    if m:
        try:
            loaded = yaml.load(m.group(1), Loader=yaml.BaseLoader)  # noqa: S506 - no tags built
        except yaml.YAMLError:
            return {}
        return loaded if isinstance(loaded, dict) else {}
    m = TOML_FRONT_MATTER_RE.match(source)
    if m:
        try:
            return tomllib.loads(m.group(1))
        except tomllib.TOMLDecodeError:
            return {}
    return {}


def front_matter_talks(meta: dict) -> list[RawTalk]:
    """Talks a Jekyll/Hugo/Quarto page states as data: a list of mappings under ``talks:``,
    ``events:``, ``schedule:``, ... (also one level down: ``schedule: {talks: [...]}``).
    An item is a talk with a title, or with a speaker and a date."""
    found: list[RawTalk] = []
    lists = [(k, v) for k, v in meta.items() if isinstance(v, list)]
    for value in meta.values():
        if isinstance(value, dict):
            lists += [(k, v) for k, v in value.items() if isinstance(v, list)]
    for key, items in lists:
        if str(key).lower() not in _DATA_LIST_KEYS:
            continue
        for item in items:
            if isinstance(item, dict):
                talk = _data_talk(item)
                if talk is not None:
                    found.append(talk)
    return found


def _scalar(value: object) -> str | None:
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        cleaned = " ".join(str(value).split())
        return cleaned or None
    return None


def _field(item: dict, name: str) -> object:
    lowered = {str(k).lower().replace("-", "_"): v for k, v in item.items()}
    for key in _ITEM_KEYS[name]:
        if lowered.get(key) not in (None, "", []):
            return lowered[key]
    return None


def _speaker_lines(value: object, affiliation: str | None) -> list[str]:
    """``speaker: Jane Doe`` with ``affiliation: X`` -> ``Jane Doe, X``; a list of names or of
    ``{name, affiliation}`` mappings gives one line each."""
    entries = value if isinstance(value, list) else [value]
    lines: list[str] = []
    for entry in entries:
        if isinstance(entry, dict):
            name = _scalar(_field(entry, "speaker"))
            own = _scalar(_field(entry, "affiliation"))
        else:
            name, own = _scalar(entry), None
        if not name:
            continue
        aff = own or (affiliation if len(entries) == 1 else None)
        lines.append(f"{name}, {aff}" if aff and aff not in name else name)
    if affiliation and len(lines) > 1 and all(", " not in ln for ln in lines):
        lines = [f"{ln}, {affiliation}" for ln in lines]  # one affiliation for all of them
    return lines


def _data_talk(item: dict) -> RawTalk | None:
    title = _scalar(_field(item, "title"))
    speakers = _speaker_lines(_field(item, "speaker"), _scalar(_field(item, "affiliation")))
    day, time_ = _scalar(_field(item, "date")), _scalar(_field(item, "time"))
    if not title and not (speakers and day):
        return None  # a list of people (or of rooms) is not a list of talks
    talk = RawTalk(title=title, speaker_text=speakers)
    end = _scalar(_field(item, "end"))
    if time_ and end and not re.search(r"[-–—]|\bto\b", time_):
        time_ = f"{time_} – {end}"
    when = ", ".join(v for v in (day, time_) if v)
    talk.when_text = when or None
    talk.location = _scalar(_field(item, "location"))
    abstract = _field(item, "abstract")
    talk.abstract = abstract.strip() if isinstance(abstract, str) and abstract.strip() else None
    bio = _field(item, "bio")
    talk.speaker_bio = bio.strip() if isinstance(bio, str) and bio.strip() else None
    talk.slides = _scalar(_field(item, "slides"))
    talk.video = _scalar(_field(item, "video"))
    talk.url = _scalar(_field(item, "url"))
    return talk
