"""Training data for the span tagger, by distant supervision from the corpus gold.

Why: nobody labelled tokens by hand; the corpus's gold (``corpus/gold/*.json``) says which
names, affiliations, locations and titles each document holds, so finding those strings in
the document's own text labels the tokens. The text is what the pipeline's readers see: HTML
and rendered markdown as the structure layer's blocks (``html_blocks``), front matter and
plain text as lines, calendars as their unfolded property values. Matching is over tokens,
case-insensitive and whitespace-free, so line wrapping and markup do not hide a value.

Only a split's documents are read (``dev`` for training; ``test`` only to *score* a model,
never to fit or tune it).
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup
from markdown_it import MarkdownIt

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.corpus_report import DOCS, GOLD, Entry, load_manifest  # noqa: E402
from pipeline.decode import decode_text  # noqa: E402
from pipeline.normalise.tagger import LABELS, Token, tokenize  # noqa: E402
from pipeline.structure.blocks import html_blocks  # noqa: E402

# Which gold values give which label; later labels win where two overlap (a person's name
# inside a title is labelled PERSON).
_FIELDS = ("TITLE", "ORG", "LOCATION", "PERSON")
_FRONT_MATTER_RE = re.compile(r"\A\ufeff?(---|\+\+\+)[ \t]*\r?\n(.*?)\r?\n(?:\1|\.\.\.)[ \t]*$",
                              re.S | re.M)
_ICS_VALUE_RE = re.compile(r"^[A-Z][A-Z0-9-]*(?:;[^:]*)?:(.*)$")
# Sequences longer than this are cut: a CRF gains nothing from a 2,000-token paragraph.
_MAX_TOKENS = 120


@dataclass
class Sequence:
    """One line of a document: its text, tokens and BIO tags."""

    document: str
    line: str
    tokens: list[Token]
    tags: list[str]


def _html_lines(html: str) -> list[str]:
    soup = BeautifulSoup(html, "lxml")
    root = soup.body or soup
    return [b.text for b in html_blocks(root)]


def _ics_lines(text: str) -> list[str]:
    unfolded = re.sub(r"\r?\n[ \t]", "", text)
    out: list[str] = []
    for raw in unfolded.splitlines():
        m = _ICS_VALUE_RE.match(raw)
        if not m:
            continue
        value = m.group(1).replace("\\n", "\n").replace("\\N", "\n")
        value = value.replace("\\,", ",").replace("\\;", ";").replace("\\\\", "\\")
        out.extend(value.splitlines())
    return out


def document_lines(data: bytes, fmt: str) -> list[str]:
    """The text lines a reader of format ``fmt`` sees in ``data``."""
    text = decode_text(data)
    if fmt == "html":
        lines = _html_lines(text)
    elif fmt == "ics":
        lines = _ics_lines(text)
    elif fmt == "markdown":
        lines = []
        m = _FRONT_MATTER_RE.match(text)
        if m:
            lines.extend(m.group(2).splitlines())
            text = text[m.end():]
        md = MarkdownIt("commonmark", {"html": True}).enable(["table"])
        lines.extend(_html_lines(md.render(text)))
    else:
        lines = text.splitlines()
    return [" ".join(line.split()) for line in lines if line.strip()]


def gold_values(gold: dict) -> dict[str, set[str]]:
    """Per label, the gold strings of a document."""
    out: dict[str, set[str]] = {label: set() for label in LABELS}
    for talk in gold.get("talks", []):
        for speaker in talk.get("speakers") or []:
            if speaker.get("name"):
                out["PERSON"].add(speaker["name"])
            if speaker.get("affiliation"):
                out["ORG"].add(speaker["affiliation"])
        if talk.get("location"):
            out["LOCATION"].add(talk["location"])
        if talk.get("title"):
            out["TITLE"].add(talk["title"])
    return out


def _key(token: Token) -> str:
    return token.text.lower()


def _find_all(stream: list[str], needle: list[str]) -> Iterator[int]:
    if not needle:
        return
    first = needle[0]
    n = len(needle)
    for i, word in enumerate(stream):
        if word == first and stream[i:i + n] == needle:
            yield i


def label_lines(document: str, lines: list[str], values: dict[str, set[str]]) -> list[Sequence]:
    """Sequences of ``lines`` with every occurrence of a gold value labelled (token match
    over the whole document, so a value wrapped over two lines is found too)."""
    per_line = [tokenize(line) for line in lines]
    stream = [_key(t) for toks in per_line for t in toks]
    tags = ["O"] * len(stream)
    for label in _FIELDS:
        for value in sorted(values[label], key=len):
            needle = [_key(t) for t in tokenize(value)]
            # a one-word value is too ambiguous to align (``Physics``, ``Online``, ``Lee``)
            # unless it is a location (``Zoom``) or a long title word
            if len(needle) < 2 and label in ("PERSON", "ORG"):
                continue
            for i in _find_all(stream, needle):
                tags[i] = f"B-{label}"
                for k in range(i + 1, i + len(needle)):
                    tags[k] = f"I-{label}"
    out: list[Sequence] = []
    pos = 0
    for line, toks in zip(lines, per_line, strict=True):
        line_tags = tags[pos:pos + len(toks)]
        pos += len(toks)
        if line_tags and line_tags[0].startswith("I-"):
            line_tags[0] = "B-" + line_tags[0][2:]
        for start in range(0, len(toks), _MAX_TOKENS):
            chunk = toks[start:start + _MAX_TOKENS]
            chunk_tags = line_tags[start:start + _MAX_TOKENS]
            if chunk_tags[0].startswith("I-"):
                chunk_tags[0] = "B-" + chunk_tags[0][2:]
            text = line[chunk[0].start:chunk[-1].end]
            shift = chunk[0].start
            shifted = [Token(t.text, t.start - shift, t.end - shift) for t in chunk]
            out.append(Sequence(document, text, shifted, chunk_tags))
    return out


def entries(split: str) -> list[Entry]:
    """The manifest rows of ``split`` that have a document and a gold file."""
    return [e for e in load_manifest() if e.split == split
            and (DOCS / e.document).is_file() and (GOLD / f"{e.document}.json").is_file()]


def value_sequences(document: str, values: dict[str, set[str]]) -> list[Sequence]:
    """Each gold value as a line of its own, wholly labelled: the tagger is asked about
    phrases alone (``people.looks_like_person_name``), so it learns them alone too."""
    out: list[Sequence] = []
    for label in _FIELDS:
        for value in sorted(values[label]):
            line = " ".join(value.split())
            toks = tokenize(line)[:_MAX_TOKENS]
            if toks:
                tags = [f"B-{label}"] + [f"I-{label}"] * (len(toks) - 1)
                out.append(Sequence(document, line, toks, tags))
    return out


def sequences(entry: Entry, *, values_alone: bool = False) -> list[Sequence]:
    """The labelled lines of one corpus document (and its gold values as lines of their
    own, with ``values_alone``: for training, not for scoring)."""
    data = (DOCS / entry.document).read_bytes()
    gold = json.loads((GOLD / f"{entry.document}.json").read_text(encoding="utf-8"))
    values = gold_values(gold)
    out = label_lines(entry.document, document_lines(data, entry.format), values)
    return out + value_sequences(entry.document, values) if values_alone else out
