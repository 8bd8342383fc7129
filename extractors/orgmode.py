"""Org-mode as markdown: an outline read by the same heading-structured reader as markdown.

Why: an org file (``* Day 1``, ``*** [[file:x.org][Title]]``, ``#+TITLE:``) is an outline
whose headings nest its records, exactly like a markdown page's ``#`` headings. Read as
markdown, though, its ``*`` headings are bullets or rules, its ``[[url][label]]`` links
literal brackets, its ``# comment`` lines headings and its ``<2025-09-18 Thu>`` stamps
HTML tags, so the outline (which heading holds the talks, which ancestor states the day)
is lost. Translated line by line into the markdown it stands for, the document keeps its
structure and the listing reader's record finding, templates and heading context apply
to it unchanged; no second outline reader is needed.
"""

from __future__ import annotations

import re

from extractors.present import is_present_deck
from pipeline.normalise.text import field_label, org_links_as_text
from pipeline.records import RawTalk

# ``* Heading``, with an optional TODO keyword, priority cookie and trailing tags
_HEADING_RE = re.compile(
    r"^(?P<stars>\*+)[ \t]+(?:(?:TODO|DONE|NEXT|WAITING|CANCELL?ED)[ \t]+)?(?:\[#[A-Z]\][ \t]+)?"
    r"(?P<text>.*?)(?:[ \t]+:[\w@#%:]+:)?[ \t]*$"
)
_KEYWORD_RE = re.compile(r"^[ \t]*#\+(?P<key>[A-Za-z_]+):[ \t]*(?P<value>.*?)[ \t]*$")
_BLOCK_RE = re.compile(r"^[ \t]*#\+(?P<edge>begin|end)_(?P<kind>\w+)(?P<rest>.*)$", re.I)
_COMMENT_RE = re.compile(r"^[ \t]*#(?:[ \t]|$)")
_DRAWER_RE = re.compile(r"^[ \t]*:(?P<name>[\w-]+):[ \t]*(?P<value>.*?)[ \t]*$")
_LINK_RE = re.compile(r"\[\[(?P<url>[^\]]+)\](?:\[(?P<label>[^\]]*)\])?\]")
# ``<2025-09-18 Thu 10:00>`` (active) and ``[2025-09-18 Thu]`` (inactive) time stamps
_STAMP_RE = re.compile(r"[<\[](?P<stamp>\d{4}-\d{2}-\d{2}(?: [^<>\[\]\n]{1,40})?)[>\]]")
_BOLD_RE = re.compile(r"(?<![\w*])\*(?P<t>[^\s*](?:[^*\n]*[^\s*])?)\*(?![\w*])")
_CODE_RE = re.compile(r"(?<![\w=~])[=~](?P<t>[^\s=~](?:[^=~\n]*[^\s=~])?)[=~](?![\w=~])")
# planning lines under a heading (``SCHEDULED: <…>``, ``DEADLINE: <…>``)
_PLANNING_RE = re.compile(r"^[ \t]*(?P<key>SCHEDULED|DEADLINE|CLOSED):[ \t]*(?P<value>.*?)[ \t]*$")
_TABLE_RULE_RE = re.compile(r"^[ \t]*\|[-+|: \t]*-[-+|: \t]*$")
_ORG_NUMBERED_RE = re.compile(r"^(?P<indent>[ \t]*)(?P<n>\d{1,3})\)[ \t]+")
# export settings and document keywords that carry no talk field
_TITLE_KEYS = {"title": "# ", "subtitle": "## "}
_FIELD_KEYS = ("title", "author", "date")
# at least this many headings (or one ``#+KEY:`` line and one heading) make a text org
MIN_HEADINGS = 2


def org_keywords(text: str) -> dict[str, str]:
    """The document's own ``#+TITLE:``, ``#+AUTHOR:`` and ``#+DATE:`` (its stamp brackets
    removed), as the front matter a markdown page states them in."""
    out: dict[str, str] = {}
    for line in text.splitlines()[:40]:
        m = _KEYWORD_RE.match(line)
        if m and m["key"].lower() in _FIELD_KEYS and m["value"]:
            value = _STAMP_RE.sub(lambda s: s["stamp"], m["value"]).strip()
            out.setdefault(m["key"].lower(), org_links_as_text(value))
    return out


def is_org(text: str) -> bool:
    """Whether ``text`` is an org-mode outline: ``#+KEY:`` lines or ``* `` headings, and
    org links or keywords beside them (a markdown bullet list of ``* item`` lines has
    neither ``#+`` keywords nor ``[[…]]`` links)."""
    lines = text.splitlines()
    headings = sum(bool(_HEADING_RE.match(ln)) and ln.startswith("*") for ln in lines)
    keywords = sum(bool(_KEYWORD_RE.match(ln)) for ln in lines[:40])
    links = bool(_LINK_RE.search(text))
    if keywords and headings:
        return True
    # nested ``** Heading`` lines (markdown nests bullets by indenting them) or an org
    # table rule (``|----+----|``) mark an outline too
    nested = any(re.match(r"\*{2,}[ \t]+\S", ln) for ln in lines)
    rules = any(_TABLE_RULE_RE.match(ln) and "+" in ln for ln in lines)
    # a Go present deck shares org's ``* Heading`` and ``[[url][label]]``: its header says so
    return headings >= MIN_HEADINGS and (links or nested or rules) \
        and not is_present_deck(text)


def _inline(line: str) -> str:
    """An org line's inline markup as markdown: links, stamps, bold and code."""
    def link(m: re.Match[str]) -> str:
        # a ``file:`` target is a relative path (markdown refuses the ``file:`` scheme)
        url, label = re.sub(r"^file:", "", m["url"]), m["label"]
        target = f"<{url}>" if re.search(r"\s", url) else url
        return f"[{label}]({target})" if label else (f"<{url}>" if "://" in url else url)

    line = _STAMP_RE.sub(lambda m: m["stamp"], line)
    parts = re.split(r"(\[\[[^\]]+\](?:\[[^\]]*\])?\])", line)
    out = []
    for part in parts:
        if _LINK_RE.fullmatch(part):
            out.append(_LINK_RE.sub(link, part))
        else:
            part = _BOLD_RE.sub(lambda m: f"**{m['t']}**", part)
            out.append(_CODE_RE.sub(lambda m: f"`{m['t']}`", part))
    return "".join(out)


def org_to_markdown(text: str) -> str:
    """``text`` (org-mode) as the markdown it stands for.

    Headings become ATX headings one level below a ``#+TITLE:`` (which becomes the page's
    ``#`` heading; ``#+AUTHOR:``/``#+DATE:`` are the page's data, ``org_keywords``); a
    ``SCHEDULED:`` stamp a ``When:`` line; body text unindented; source and example blocks
    fenced code; property drawer entries ``Key: value`` lines; table rules markdown rules;
    comments and export settings are dropped. Each plain line ends in a hard break, since
    an org line (``Name - role`` under a title) is a field of its own, not wrapped prose."""
    has_title = any((m := _KEYWORD_RE.match(ln)) and m["key"].lower() == "title"
                    for ln in text.splitlines()[:40])
    offset = 1 if has_title else 0
    out: list[str] = []
    fenced = False
    for raw in text.splitlines():
        block = _BLOCK_RE.match(raw)
        if block:
            kind = block["kind"].lower()
            if kind in ("src", "example"):
                fenced = block["edge"].lower() == "begin"
                out.append("```")
            else:
                out.append("")
            continue
        if fenced:
            out.append(raw)
            continue
        if (key := _KEYWORD_RE.match(raw)) is not None:
            name, value = key["key"].lower(), _inline(key["value"])
            if name in _TITLE_KEYS and value:
                out += [_TITLE_KEYS[name] + value, ""]
            continue  # ``#+AUTHOR``/``#+DATE`` are the page's data (``org_keywords``)
        if _COMMENT_RE.match(raw):
            continue
        heading = _HEADING_RE.match(raw)
        if heading and raw.startswith("*"):
            level = min(len(heading["stars"]) + offset, 6)
            out += ["", "#" * level + " " + _inline(heading["text"]), ""]
            continue
        drawer = _DRAWER_RE.match(raw)
        if drawer:
            if drawer["name"].upper() not in ("PROPERTIES", "END", "LOGBOOK") and drawer["value"]:
                out.append(f"{drawer['name'].replace('_', ' ').capitalize()}: "
                           f"{_inline(drawer['value'])}  ")
            continue
        planning = _PLANNING_RE.match(raw)
        if planning:  # ``SCHEDULED: <2031-06-14 Sat 10:00>``: when the entry happens
            if planning["key"].upper() == "SCHEDULED":
                out.append(f"When: {_inline(planning['value'])}  ")
            continue
        if raw.lstrip().startswith("|"):
            out.append(_TABLE_RULE_RE.sub(lambda m: m.group(0).replace("+", "|"), raw))
            continue
        line = _ORG_NUMBERED_RE.sub(lambda m: f"{m['indent']}{m['n']}. ", raw)
        if not _LIST_MARK_RE.match(line):
            line = line.strip()  # org indents body text under its heading: no code block
        line = _inline(line)
        out.append(line + "  " if line.strip() else "")
    return "\n".join(out) + "\n"


_LIST_MARK_RE = re.compile(r"^\s*(?:[-+]|\d{1,3}[.)])\s+")


def _field_lines(text: str) -> list[tuple[str, str]]:
    """(field, value) of every labelled line of an org body (``- *Speaker*: Name``,
    ``Time: Day 2, 9:00 AM``), list marks and emphasis around the label left out."""
    found = []
    for raw in text.splitlines():
        if raw.startswith("#") or _HEADING_RE.match(raw) and raw.startswith("*"):
            continue
        line = _LIST_MARK_RE.sub("", raw)
        line = re.sub(r"^([*/_=~])([^*/_=~\n]{1,30})\1(?=\s*:)", r"\2", line.strip())
        label = field_label(_LINK_RE.sub(lambda m: m["label"] or m["url"], line))
        if label and label[1]:
            found.append(label)
    return found


def _field_sections(text: str) -> dict[str, str]:
    """Field -> text of the top-level sections whose heading names a field of the talk
    (``* Abstract``, ``* Speaker bio``, by the shared label vocabulary)."""
    out: dict[str, str] = {}
    current: str | None = None
    body: list[str] = []
    for raw in [*text.splitlines(), "* end"]:
        heading = _HEADING_RE.match(raw) if raw.startswith("*") else None
        if heading and len(heading["stars"]) == 1:
            if current in ("abstract", "bio") and current not in out and body:
                out[current] = "\n".join(body).strip()
            label = field_label(f"{heading['text'].strip(' :')}: x")
            current, body = (label[0] if label else None), []
        elif current is not None and not _KEYWORD_RE.match(raw):
            body.append(_LINK_RE.sub(lambda m: m["label"] or m["url"], raw))
    return {k: v for k, v in out.items() if v}


def org_one_talk(text: str) -> RawTalk | None:
    """The one talk an org document describes: titled by its ``#+TITLE:`` and labelling
    exactly one speaker in its body (``- *Speaker*: Jake Bailey (TypeScript team)``), or
    naming its ``#+AUTHOR:`` over an ``* Abstract`` section; None for any other document.

    Why: a session's notes file names its talk once, in the title keyword, and states the
    speaker and time once, under a section heading (``* Session Information``); its other
    sections (``* Architecture Overview``) are notes, not talks. Read as an outline, each
    section would be a record and the section heading a title. Like a detail page, a
    document that labels one speaker is one talk."""
    keys = {m["key"].lower(): m["value"] for ln in text.splitlines()[:40]
            if (m := _KEYWORD_RE.match(ln))}
    title = _STAMP_RE.sub(lambda m: m["stamp"], keys.get("title", "")).strip()
    if not title:
        return None
    fields = _field_lines(text)
    speakers = [v for k, v in fields if k == "speaker"]
    sections = _field_sections(text)
    if not speakers and keys.get("author", "").strip() and "abstract" in sections:
        # an abstract page: the document's author gives the talk its ``* Abstract`` states
        speakers = [keys["author"].strip()]
    if len(speakers) != 1:
        return None
    when = [v for k, v in fields if k in ("date", "time", "when")]
    stamp = _STAMP_RE.search(keys.get("date", ""))
    talk = RawTalk(title=title, speaker_text=speakers,
                   when_text=stamp["stamp"] if stamp else (when[0] if when else None))
    talk.abstract = sections.get("abstract")
    talk.speaker_bio = sections.get("bio")
    place = [v for k, v in fields if k == "location"]
    talk.location = place[0] if place else None
    talk.warnings.append("read as the one talk of an org document")
    return talk
