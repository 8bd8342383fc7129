"""Slide decks: one talk per deck, from its title slide.

A deck's first slide states the talk: its title (the largest text), the speaker
(a person's name near it), an affiliation, and a venue/date line (``MIT Physics
Faculty Lunch — May 5, 2022``). Later slides are content: names there are
collaborators or member lists, never speakers.

PDF decks are read with pdfplumber, whose word boxes carry font sizes; text
already extracted from slides (``slides_text``) has no sizes, so its title is the
first lines. Both paths share ``_talk_from_lines``. Logos and brand lines are
often set larger than the title; a line is only a title candidate when it is not
an all-caps acronym, not repeated on later pages and not institution vocabulary.
Extraction artefacts such as a word split by a space (``IAI FI``) are repaired
when the joined form appears elsewhere in the same deck.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass

from extractors.announcement import (
    _WHEN_IN_PROSE,
    is_location_line,
    is_org_line,
    looks_like_when,
    speaker_line,
)
from pipeline.errors import ExtractionError
from pipeline.normalise.language import is_person_name
from pipeline.records import Document, RawTalk

VERSION = "2"

_HEAD_LINES = 12  # lines of the title slide that may hold title, speaker and venue
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z0-9]*")
_DASH_SPLIT = re.compile(r"\s+[—–-]\s+|\s*\|\s*|,\s+(?=[A-Z][a-z]+\.?\s+\d)")


@dataclass
class _Line:
    text: str
    size: float = 0.0


def repair_split_words(text: str, document: str) -> str:
    """Join ``IAI FI`` → ``IAIFI`` when the joined word occurs in ``document`` at least
    as often as the split form (text extraction inserted the space)."""
    tokens = text.split(" ")
    out: list[str] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if i + 1 < len(tokens):
            nxt = tokens[i + 1]
            a, b = tok.strip(".,:;!?()"), nxt.strip(".,:;!?()")
            if a and b and a == tok.lstrip("(") and b.isalnum() and a.isalnum():
                joined = a + b
                n_joined = len(re.findall(rf"(?<!\w){re.escape(joined)}(?!\w)", document))
                n_split = len(re.findall(rf"(?<!\w){re.escape(a)}\s+{re.escape(b)}(?!\w)",
                                         document))
                if n_joined >= max(1, n_split):
                    out.append(tok + nxt)
                    i += 2
                    continue
        out.append(tok)
        i += 1
    return " ".join(out)


def _when_segment(line: str) -> tuple[str | None, str | None]:
    """Split a venue/date line into (event part, date phrase)."""
    parts = [p.strip() for p in _DASH_SPLIT.split(line) if p.strip()]
    for k, part in enumerate(parts):
        if looks_like_when(part):
            rest = " — ".join(parts[:k] + parts[k + 1 :]) or None
            return rest, part
    m = _WHEN_IN_PROSE.search(line)
    if m and re.search(r"\d", m.group("when")) and len(m.group("when")) > 5:
        rest = (line[: m.start()] + line[m.end() :]).strip(" ,—–-|") or None
        return rest, m.group("when").strip(" ,")
    return line, None


def _talk_from_lines(
    title_lines: list[str], after: list[str], document: str
) -> RawTalk:
    """The talk of a title slide: title lines, then the lines after them."""
    title = " ".join(" ".join(title_lines).split())
    talk = RawTalk(title=repair_split_words(title, document) or None)
    for line in after:
        line = " ".join(line.split())
        if not line:
            continue
        sps = speaker_line(line) if len(talk.speakers) < 4 else None
        if sps is not None and (not talk.speakers or all(not s.affiliation for s in sps)):
            talk.speakers += [s for s in sps if s.name not in {t.name for t in talk.speakers}]
            continue
        if talk.when_text is None:
            event, when = _when_segment(line)
            if when:
                talk.when_text = when
                if event and is_location_line(event):
                    talk.location = event
                continue
        if talk.speakers and talk.speakers[-1].affiliation is None and is_org_line(line) \
                and talk.when_text is None:
            talk.speakers[-1].affiliation = line
            continue
        if talk.location is None and is_location_line(line):
            talk.location = line
    return talk


# --- text already extracted from slides -----------------------------------------------


def _is_speakerish(line: str) -> bool:
    return speaker_line(line) is not None


def extract_slides_text(doc: Document) -> list[RawTalk]:
    """The talk of a deck given as extracted text: the title block is the first paragraph
    (cut before a speaker or date line inside it when no later paragraph holds the
    speaker), the speaker and the venue/date line follow."""
    text = doc.text
    paras: list[list[str]] = [[]]
    for raw in text.splitlines():
        line = " ".join(raw.split()).strip("*_# ")
        if not line or re.fullmatch(r"[\W_]+|\d{1,3}", line):
            if paras[-1]:
                paras.append([])
            continue
        paras[-1].append(line)
    paras = [p for p in paras if p]
    if not paras:
        raise ExtractionError("no text in slides")
    first = paras[0][:_HEAD_LINES]
    rest = [ln for p in paras[1:] for ln in p][:_HEAD_LINES]
    later_speaker = any(_is_speakerish(ln) for ln in rest[:4])
    cut = len(first)
    for i, ln in enumerate(first[1:], start=1):
        if looks_like_when(ln) or _when_segment(ln)[1] or (
            not later_speaker and _is_speakerish(ln)
        ):
            cut = i
            break
    cut = min(cut, 3)
    after = first[cut:] + rest
    return [_talk_from_lines(first[:cut], after[:5], text)]


# --- PDF --------------------------------------------------------------------------------


def _pdf_pages(data: bytes) -> list[list[_Line]]:
    """Lines (text + font size) of each page, top to bottom."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psexceptions import PSException
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = []
            for page in pdf.pages[:40]:
                words = page.extract_words(extra_attrs=["size"], keep_blank_chars=False,
                                           use_text_flow=True)
                pages.append(_group_lines(words))
            return pages
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise ExtractionError(f"encrypted PDF: {type(exc).__name__}") from exc
    except PdfminerException as exc:
        cause = exc.args[0] if exc.args else exc
        if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise ExtractionError("encrypted PDF (password required)") from exc
        raise ExtractionError(f"unreadable PDF (truncated or corrupt): {cause!r}") from exc
    except (PDFSyntaxError, PSException, ValueError, KeyError, TypeError) as exc:
        raise ExtractionError(f"unreadable PDF (truncated or corrupt): {exc!r}") from exc


def _group_lines(words: list[dict]) -> list[_Line]:
    """Words → lines: same baseline (within a few points) and same font size."""
    lines: list[tuple[float, float, float, list[str]]] = []  # top, x0, size, words
    for w in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        size = round(float(w["size"]), 1)
        for k, (top, _x0, sz, ws) in enumerate(lines):
            if abs(top - w["top"]) < max(2.0, size * 0.3) and abs(sz - size) < 0.6:
                ws.append(w["text"])
                lines[k] = (top, _x0, sz, ws)
                break
        else:
            lines.append((float(w["top"]), float(w["x0"]), size, [w["text"]]))
    lines.sort(key=lambda t: (t[0], t[1]))
    return [_Line(" ".join(ws), sz) for _t, _x, sz, ws in lines]


def _title_candidate(line: _Line, later: Counter[str]) -> bool:
    """A line that may be the title: several words, not an acronym/brand, not repeated on
    later pages (footers, logos), not an institution, not a person's name."""
    text = line.text.strip()
    words = _WORD_RE.findall(text)
    if len(words) < 2 and not (len(words) == 1 and len(text) > 12):
        return False
    if text.isupper() and len(words) <= 3:
        return False
    if later[text.lower()] > 0:
        return False
    if is_org_line(text) and len(words) <= 6 and not re.search(r"[:?]", text):
        return False
    return not is_person_name(text)


_UNFINISHED = re.compile(
    r"(?:[:,;\u2013\u2014-]|\b(?:of|and|or|for|the|in|on|with|to|a|an|from|via|by|at))\s*$",
    re.I,
)


def _continues(title: str, nxt: str) -> bool:
    """``nxt`` carries on the sentence ``title`` started."""
    nxt = nxt.strip()
    return bool(nxt) and (bool(_UNFINISHED.search(title)) or nxt[0].islower())


def extract_pdf(doc: Document) -> list[RawTalk]:
    """The talk of a PDF deck: largest eligible text on page 1, speaker and venue below."""
    pages = _pdf_pages(doc.data)
    if not pages or not any(pages[0]):
        raise ExtractionError("PDF has no text on its first page (scanned image?)")
    first = pages[0]
    later: Counter[str] = Counter(ln.text.strip().lower() for p in pages[1:] for ln in p)
    document = "\n".join(ln.text for p in pages for ln in p)
    candidates = [ln for ln in first if _title_candidate(ln, later)]
    if not candidates:
        candidates = [ln for ln in first if ln.text.strip()]
    size = max(ln.size for ln in candidates)
    idx = [i for i, ln in enumerate(first) if ln in candidates and abs(ln.size - size) < 0.6]
    # consecutive lines at the title size form the title
    start = idx[0]
    end = start
    while end + 1 < len(first) and abs(first[end + 1].size - size) < 0.6:
        end += 1
    # a smaller line right below continues the title only when the title is visibly
    # unfinished (``From Molecules to Materials:``) or it starts in lower case; otherwise
    # it is a subtitle, not part of the title
    while end + 1 < len(first) and _continues(first[end].text, first[end + 1].text) \
            and speaker_line(first[end + 1].text) is None:
        end += 1
    title_lines = [ln.text for ln in first[start : end + 1]]
    after = [ln.text for ln in first[end + 1 :]] + [
        ln.text for ln in first[:start] if ln not in candidates and not ln.text.isupper()
    ]
    return [_talk_from_lines(title_lines, after, document)]
