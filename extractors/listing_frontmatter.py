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

from pipeline.normalise import agenda, dates
from pipeline.normalise.text import field_label, is_placeholder
from pipeline.normalise.vocab import FIELD_LABELS, HEADER_LABELS
from pipeline.records import RawTalk
from pipeline.structure import data as structure_data
from pipeline.structure import templates

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
        if field_label(following) is not None:
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
            loaded = structure_data.load_yaml(m.group(1))  # every scalar a string
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


# ------------------------------------------------------- a one-talk page as front matter

# mappings one level down that carry the page's own fields (Hugo's ``[extra]``/``params``)
_NESTED_PAGE_KEYS = frozenset("extra params taxonomies meta page event talk seminar".split())
_SERIES_KEY_RE = re.compile(rf"^(?:{HEADER_LABELS['series']})$", re.I)
# keys naming a person unambiguously; ``author`` may be the post's writer
_WRITER_KEY_RE = re.compile(r"^authors?$", re.I)
_MIDNIGHT_RE = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ]00:00(?::00)?(?:\.0+)?(?:Z|[+-]00:?00)?$")
_PACKED_SEP = ", "
# after the speaker's name, a biography goes on ``is``/``was``/``received``... (``Jane Doe is
# a professor``); an announcement goes on ``will give a talk``
_BIO_VERB_RE = re.compile(r"^(?:'s)?\s+(?:is|was|received|joined|earned|holds|leads|works|"
                          r"obtained|completed|studied|has)\b", re.I)
# a slug (``bnl-physics-sc-seminar``): an identifier, not a name to show
_SLUG_RE = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)+$")
_BODY_LABEL_RE = re.compile(
    rf"^\s*[*_]*(?P<label>{FIELD_LABELS['speaker']})[*_]*\s*:[*_]*\s*(?P<value>\S.*?)\s*$", re.I)


def _page_fields(meta: dict) -> dict[str, str]:
    """Field -> value of a page's front matter: top-level keys first, then those of a nested
    ``extra``/``params`` mapping; keys matched to fields by name (``series`` and ``event``
    name the series). Values are kept as written."""
    flat: dict[str, object] = {}
    for key, value in meta.items():
        flat.setdefault(str(key), value)
    for key, value in meta.items():
        if isinstance(value, dict) and str(key).lower() in _NESTED_PAGE_KEYS:
            for inner, inner_value in value.items():
                flat.setdefault(str(inner), inner_value)
    out: dict[str, str] = {}
    for key, value in flat.items():
        text = _scalar(value)
        if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            text = ", ".join(" ".join(v.split()) for v in value)
        if not text:
            continue
        norm = " ".join(re.sub(r"[_\-.]+", " ", key).split())
        if _SERIES_KEY_RE.match(norm):
            out.setdefault("series", text)
            continue
        name = structure_data.field_of(key)
        if name == "speaker" and _WRITER_KEY_RE.match(norm):
            name = "writer"
        if name:
            out.setdefault(name, text)
    return out


def _packed_title(title: str) -> tuple[str | None, str | None, str | None, str | None]:
    """(title, people, series, when) of a title that packs several fields into one value,
    read by the type of each part: ``Title, Jane Doe, Physics Seminar, November 20 2019``,
    ``Jane Doe (Org): Title``, ``Jane Doe (Org)``. All None but the title when no part
    reads as a person."""
    choice = templates.choose([title])
    reading = choice.read(title) if choice.template is not None else None
    if reading is not None and reading.people and \
            templates.people_score(reading.people) >= templates.STRONG_PEOPLE:
        return reading.title, reading.people, None, reading.date
    parts = [p.strip() for p in title.split(_PACKED_SEP)]
    if len(parts) < 2:
        return title, None, None, None
    kinds = []
    for part in parts:
        if dates.looks_like_when(part):
            kinds.append("when")
        elif templates.people_score(part) >= templates.STRONG_PEOPLE:
            kinds.append("people")
        elif agenda.is_series_name(part):
            kinds.append("series")
        else:
            kinds.append("title")
    n_title = kinds.index("people") if "people" in kinds else 0
    rest = kinds[n_title:]
    # the title leads; each other part is typed once and none of them is title-like
    if n_title == 0 or "title" in rest or len(set(rest)) != len(rest):
        return title, None, None, None

    def part(kind: str) -> str | None:
        return parts[kinds.index(kind)] if kind in kinds else None

    return _PACKED_SEP.join(parts[:n_title]), part("people"), part("series"), part("when")


_LIST_ITEM_RE = re.compile(r"^\s*(?:[-*+]|\d{1,2}[.)])\s+")
_BOOLEAN_RE = re.compile(r"^(?:true|false|yes|no|on|off)$", re.I)


def _body_reading(body: str, people: list[str]) -> tuple[list[str], str | None, str | None]:
    """(speakers, abstract, bio) the body of a one-talk page states: a ``Presenter:``
    label line, a paragraph that opens with the speaker's name and goes on as a biography
    (``Jane Doe is ...``), and the rest of its prose and list items as the abstract."""
    speakers: list[str] = []
    paragraphs: list[str] = []
    for block in re.split(r"\n\s*\n", body):
        lines = [ln.strip() for ln in block.strip().splitlines() if ln.strip()]
        if not lines:
            continue
        m = _BODY_LABEL_RE.match(lines[0]) if len(lines) == 1 else None
        if m:
            speakers.append(m.group("value").strip(" *_"))
            continue
        if lines[0].startswith(("#", "<", "{", "|", "!", "[")):
            continue  # a heading, markup, a table or an image: not prose
        if all(_LIST_ITEM_RE.match(ln) for ln in lines):
            paragraphs.append("\n".join(_LIST_ITEM_RE.sub("", ln) for ln in lines))
        else:
            paragraphs.append(" ".join(lines))
    names = [p.split("(")[0].split(",")[0].strip() for p in people + speakers]
    bio = next((p for p in paragraphs if any(
        n and p.startswith(n) and _BIO_VERB_RE.match(p[len(n):]) for n in names)), None)
    prose = [p for p in paragraphs if p is not bio]
    abstract = "\n\n".join(prose) if sum(len(p.split()) for p in prose) >= 20 else None
    return speakers, abstract, bio


def page_talk(meta: dict, body: str) -> RawTalk | None:
    """A one-talk page given as front matter: one record, its keys matched to fields by
    name and by the type of their value, and the body read for what the keys leave out.

    Why: a Hugo/Jekyll talk page (``title``, ``speaker``/``author``, ``institution``,
    ``date``, ``location``, ``event``) states its talk as data and the listing reader finds
    no listing in its body. A title may pack the people too (``Jane Doe (Org): Title``,
    ``Title, Jane Doe, X Seminar, 20 November 2019``): the parts are placed by their type.
    ``author`` is the speaker only when the page shows another sign of a talk (an
    affiliation, slides or video, a series) and the title names nobody: on a blog post it
    is the writer. A page naming no person is no talk."""
    fields = _page_fields(meta)
    title = fields.get("title")
    people = series = when = None
    if title:
        title, people, series, when = _packed_title(title)
    speakers = [people] if people else []
    if not speakers and fields.get("speaker"):
        speakers = [fields["speaker"]]
    talk_sign = any(fields.get(k) for k in ("affiliation", "slides", "video", "series"))
    if not speakers and fields.get("writer") and talk_sign:
        speakers = [fields["writer"]]
    body_speakers, abstract, bio = _body_reading(body, speakers)
    speakers = speakers or body_speakers
    if not speakers:
        return None
    affiliation = fields.get("affiliation")
    if affiliation and len(speakers) == 1 and "(" not in speakers[0] \
            and affiliation not in speakers[0]:
        speakers = [f"{speakers[0]} ({affiliation})"]
    day = fields.get("date") or when
    if day and (m := _MIDNIGHT_RE.match(day)):
        day = m.group(1)  # Hugo writes a date-only talk as midnight: no time is stated
    talk = RawTalk(title=None if not title or is_placeholder(title) else title,
                   speaker_text=speakers)
    talk.when_text = ", ".join(v for v in (day, fields.get("time")) if v) or None
    key_series = fields.get("series")
    talk.series = series or (key_series if key_series and not _SLUG_RE.match(key_series)
                             else None)
    talk.location = fields.get("location")
    stated = fields.get("abstract")
    # ``abstract: true``: a flag (the body is the abstract), not the abstract's text
    talk.abstract = stated if stated and not _BOOLEAN_RE.match(stated) else abstract
    talk.speaker_bio = fields.get("bio") or bio
    talk.slides, talk.video, talk.url = (fields.get("slides"), fields.get("video"),
                                         fields.get("url"))
    talk.warnings.append("one talk read from the page's front matter")
    return talk


_MERGED_FIELDS = ("title", "when_text", "location", "series", "abstract", "speaker_bio",
                  "slides", "video", "url")


def _fold(text: str | None) -> str:
    return " ".join(re.findall(r"\w+", (text or "").casefold()))


def merge_fields(talk: RawTalk, page: RawTalk) -> RawTalk:
    """The body's reading of a one-talk page, with the fields it left empty taken from the
    front-matter record when both name the same talk (same title or same first speaker).

    Why: the two readers see different halves of the page (the keys, the text); choosing
    one reading loses what only the other states (a ``series:`` key, a body's abstract)."""
    same_title = bool(talk.title) and _fold(talk.title) == _fold(page.title)
    names = [_fold(s.split("(")[0].split(",")[0]) for s in (talk.speaker_text[:1],
                                                            page.speaker_text[:1]) for s in s]
    same_person = len(names) == 2 and names[0] == names[1] and bool(names[0])
    if not (same_title or same_person):
        return talk
    for name in _MERGED_FIELDS:
        if not getattr(talk, name) and getattr(page, name):
            setattr(talk, name, getattr(page, name))
    if not talk.speaker_text and not talk.speakers:
        talk.speaker_text = list(page.speaker_text)
    return talk
