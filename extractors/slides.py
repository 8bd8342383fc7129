"""Slide decks: one talk per deck, from its title slide.

A deck's title slide states the talk: its title (the largest text), the speaker
(a person's name near it, ``by X``, ``X and Y``, ``X¹, Y²``), an affiliation line
under the speaker, and an event/date line (``MIT Physics Faculty Lunch — May 5,
2022``) and perhaps a venue line. Later slides are content: names there
(``Joint work with …``, acknowledgements, member lists) are never speakers.

PDF decks are read with pdfplumber, whose words carry font sizes: words become
lines by baseline and size, consecutive lines of one size become blocks, and the
title is the largest block that is not *furniture* (text repeated on the other
pages: footers, logos, Beamer footlines ``Name (Inst)  Short title  3 / 20``),
not an all-caps brand or organisation, not a date/event line and not a person's
name. A first page without such a block (a logo page) hands over to the next.
Superscripts (smaller text raised above a line) become Unicode marks so that
``Clara Weiss¹, Tom Fischer²`` reads as two people and ``¹University …`` lines
reach the right speaker. Tiny text (legal notes, hidden text) is ignored. When
the pages hold no text at all (a scan), the PDF's own metadata can still give a
title and author; its creation date is context for the year only, never the
talk's date.

A title set on two lines of one size (wide leading) is one block; a line in another size
joins it only when the sentence visibly carries on (``… of`` / ``for Optimal Transport``).
Bylines may put the affiliation after a dash (``Name – University``), one person a line; a
label line (``Tutorial``, ``Keynote``, ``Lecture 3``) sets the kind; an event line is split
into its series part and its venue/institution part.

A PDF that is not a deck (a programme with a table of slots, a multi-day schedule, a
booklet of abstracts) is read as a listing first: ``pdf_layout`` turns its pages into
blocks (fonts, columns, ruled tables) for the shared record finder, beside a text reading
of its lines; the listing stands only when it is credible (several talks naming
different people, and slot times or about a talk a page), else the deck reading runs.

Text already extracted from slides (``slides_text``) has no sizes: its title is
the first lines, after dropping page-number lines (``3``, ``3 / 9``, ``Slide 3``, ``Page 3
of 9``) and lines repeated on many slides (footers); a footer still gives the date and
series when the title slide states none.
Both paths share ``_talk_from_lines``. Extraction artefacts such as a word split
by a space (``IAI FI``) are repaired when the joined form appears elsewhere in
the same deck.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections import Counter
from dataclasses import dataclass, field, replace

from extractors import pdf_layout
from extractors.pdf_layout import PageLayout
from extractors.present import present_talk
from pipeline.errors import ExtractionError
from pipeline.normalise import agenda, dates
from pipeline.normalise.language import is_person_name
from pipeline.normalise.people import (
    SPEAKER_CONTEXT,
    is_organisation_line,
    looks_like_person_name,
    speaker_line,
)
from pipeline.normalise.text import is_location_line
from pipeline.records import Document, RawTalk, Speaker
from pipeline.sniff import page_number

VERSION = "7"

_HEAD_LINES = 12  # lines of the title slide that may hold title, speaker and venue
_MAX_PAGES = 40
_TITLE_PAGES = 3  # a title is looked for on the first pages only (logo pages come first)
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z0-9]*")
# separators between the parts of an event/date line
_PART_SEP = re.compile(r"\s*[,;|·•]\s*|\s+[—–-]\s+|\s*[—–]\s*|\s+@\s+")
# nouns that make an event part a series name (``Applied Analysis Seminar``)
_SERIES_NOUNS = (r"(?:seminars?|colloqui(?:um|a)|workshops?|conferences?|symposi(?:um|a)|"
                 r"lectures?|series|forum|lunch|club|school|meetings?|webinars?|summit|"
                 r"reading\s+group)")
_SERIES_NOUN = re.compile(rf"\b{_SERIES_NOUNS}\b", re.I)
# a line that is only a series name: capitalised words ending in a series noun
# (a year may close it: ``Bayesian Methods Summer School 2024``), or the noun then its
# subject (``Spring School on Random Structures 2022``, ``Seminar in Number Theory``)
_SERIES_LINE = re.compile(
    rf"^(?:(?:[A-Z][\w&'’.-]*\s+){{1,6}}(?i:{_SERIES_NOUNS})"
    rf"|(?:[A-Z][\w&'’.-]*\s+){{0,4}}(?i:{_SERIES_NOUNS})\s+(?:on|of|in|for)"
    r"(?:\s+(?:[A-Z][\w&'’.-]*|and|of|in|for|the|&)){1,6})(?:\s+(?:19|20)\d\d)?$")
# a line that only says what kind of talk this is (``Tutorial``, ``Keynote``, ``Invited
# Talk``, ``Lecture 3``, ``Plenary Lecture II``): it sets the kind and is no title
_KIND_LABEL = re.compile(
    r"^(?:(?:keynote|plenary|invited|guest|distinguished|public|special|inaugural|"
    r"contributed|short|hands[\s-]?on|opening|closing)\s+){0,2}"
    r"(?:tutorials?|lectures?|talks?|keynote|plenary|mini[\s-]?course|short\s+course|"
    r"course|masterclass|panel(?:\s+discussion)?|address|presentation)"
    r"(?:\s+(?:\d{1,2}|[IVX]{1,4}|part\s+\d{1,2}))?\s*[:.]?$",
    re.I,
)
# ``Name - Affiliation`` / ``Name – Affiliation``: a byline split by a spaced dash
_DASH_BYLINE = re.compile(r"^(?P<name>.+?)\s+[—–\-•·|]\s+(?P<rest>.+)$")
# a slide's own properties on its first lines (remark's ``name:``, ``layout:``, ``class:``;
# Slidev's per-slide ``layout: cover``): settings of the slide, not its text
_SLIDE_PROPERTY = re.compile(r"^[a-z][a-z-]*:(?:\s+\S.*)?$")
_SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_MARK_CHARS = "⁰¹²³⁴⁵⁶⁷⁸⁹*†‡§¶"
_MARKS_RE = re.compile(f"[{_MARK_CHARS}]+")
_BY_RE = re.compile(r"^(?:(?:presented|given|talk)\s+)?by\s+|^(?:speakers?|presenters?)\s*:\s*",
                    re.I)
_URL_RE = re.compile(r"https?://|www\.|\S+@\S+\.\w+")
# a file name given as a PDF's Title (``slides.pptx``, ``Microsoft PowerPoint - x.ppt``)
_FILE_TITLE_RE = re.compile(
    r"^(?:microsoft\s+\w+\s*-)|\.(?:pptx?|potx?|key|odp|pdf|docx?|tex|dvi|ps)\s*$"
    r"|^(?:untitled|presentation\s*\d*|powerpoint\s+presentation|slide\s*\d*)$"
    r"|^[\w.-]+_[\w.-]+$",
    re.I,
)
_PDF_DATE_RE = re.compile(r"^(?:D:)?(\d{4})(\d{2})(\d{2})")


@dataclass
class _Line:
    text: str
    size: float = 0.0
    top: float = 0.0
    bottom: float = 0.0


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


def _is_when(text: str) -> bool:
    return dates.looks_like_when(text.strip(" ,;.")) and bool(re.search(r"\d", text))


def _when_segment(line: str) -> tuple[str | None, str | None]:
    """Split an event/date line into (the rest, the date phrase): the longest run of
    consecutive parts (split at commas, dashes, bars) that reads as a date/time."""
    line = " ".join(line.split())
    if _is_when(line):
        return None, line
    cuts = [0]
    for m in _PART_SEP.finditer(line):
        cuts += [m.start(), m.end()]
    cuts.append(len(line))
    spans = [(cuts[k], cuts[k + 1]) for k in range(0, len(cuts), 2)]
    best: tuple[int, int] | None = None
    for i in range(len(spans)):
        for j in range(len(spans) - 1, i - 1, -1):
            s, e = spans[i][0], spans[j][1]
            if best is not None and e - s <= best[1] - best[0]:
                break
            if _is_when(line[s:e]):
                best = (s, e)
                break
    if best is None:
        return line, None
    rest = (line[: best[0]].strip(" ,;|—–-@") + " — " + line[best[1] :].strip(" ,;|—–-@"))
    rest = rest.strip(" —") or None
    return rest, line[best[0] : best[1]].strip(" ,;")


def _marks(name: str) -> tuple[str, str]:
    """``Clara Weiss¹²`` → (``Clara Weiss``, ``¹²``)."""
    found = "".join(_MARKS_RE.findall(name))
    return _MARKS_RE.sub("", name).strip(" ,"), found


def _marked_speakers(line: str) -> list[tuple[Speaker, str]] | None:
    """``X¹, Y² and Z¹``: people marked with superscripts (the affiliation keys below)."""
    if not _MARKS_RE.search(line) or _MARKS_RE.match(line):
        return None
    parts = [p for p in re.split(r"\s*[,;&]\s*(?:and\s+)?|\s+and\s+", line) if p.strip()]
    out = []
    for part in parts:
        name, mark = _marks(part)
        if not looks_like_person_name(name):
            return None
        out.append((Speaker(name), mark))
    return out


def _marked_affiliations(line: str) -> list[tuple[str, str]]:
    """``¹Univ A ²Univ B`` → [(``¹``, ``Univ A``), (``²``, ``Univ B``)]."""
    pieces = re.split(f"([{_MARK_CHARS}]+)", line)
    out = []
    for k in range(1, len(pieces) - 1, 2):
        text = pieces[k + 1].strip(" ,;")
        if text:
            out.append((pieces[k], text))
    return out


def _name_list(line: str) -> list[tuple[Speaker, str]] | None:
    """``A and B`` / ``A, B & C``: every part a person's name."""
    parts = [p for p in re.split(r"\s*[,;&]\s*(?:and\s+)?|\s+and\s+", line) if p.strip()]
    if len(parts) < 2 or not all(is_person_name(p) for p in parts):
        return None
    return [(Speaker(p.strip()), "") for p in parts]


def _speakers_of(line: str) -> list[tuple[Speaker, str]] | None:
    bare = _BY_RE.sub("", line, count=1)
    placed = SPEAKER_CONTEXT if bare != line else None  # after ``by``/``Speaker:``
    line = bare
    marked = _marked_speakers(line)
    if marked:
        return marked
    sps = speaker_line(_MARKS_RE.sub("", line), placed) or _dash_byline(line)
    return [(s, "") for s in sps] if sps else None


def _dash_byline(line: str) -> list[Speaker] | None:
    """``Karim Benali - Université Paris-Saclay``: a person's name, a spaced dash, then the
    affiliation. On a title slide the part after the dash is the speaker's organisation
    (a date or an event there makes it an event line, not a byline)."""
    m = _DASH_BYLINE.match(_MARKS_RE.sub("", line).strip())
    if not m or not is_person_name(m["name"]) or _SERIES_NOUN.search(m["rest"]) \
            or _when_segment(m["rest"])[1] is not None or _URL_RE.search(m["rest"]):
        return None
    return speaker_line(f"{m['name']}, {m['rest']}", SPEAKER_CONTEXT)


def _kind_label(line: str) -> str | None:
    """The kind a label line names (``Tutorial`` → tutorial, ``Lecture 3`` → lecture,
    ``Keynote`` → talk), None when the line is not only such a label."""
    line = " ".join(line.split()).strip(" *_")
    return agenda.classify_kind(line) if _KIND_LABEL.match(line) else None


def _event_parts(event: str, talk: RawTalk, hints_series: str | None,
                 venue: bool = True) -> None:
    """Read the rest of an event/date line (``Applied Analysis Seminar, University of
    Bath``): the part naming a series is the series, a venue or institution part is the
    location (unless ``venue`` is False: a footer's institution is the speaker's, not
    the venue); anything else (the speaker's initials in a footer) is dropped."""
    parts = [p.strip() for p in _PART_SEP.split(event) if p and p.strip()]
    for part in parts:
        if _SERIES_NOUN.search(part) and not is_person_name(part):
            if talk.series is None and not hints_series:
                talk.series = part
        elif venue and talk.location is None \
                and (is_location_line(part) or is_organisation_line(part)):
            talk.location = part


def _talk_from_lines(
    title_lines: list[str], after: list[str], document: str, hints_series: str | None = None
) -> RawTalk:
    """The talk of a title slide: title lines, then the lines after them."""
    title = " ".join(" ".join(title_lines).split())
    talk = RawTalk(title=repair_split_words(title, document) or None)
    marks: list[str] = []  # superscript keys of talk.speakers, in order
    last = ""  # what the previous line was
    group: list[Speaker] = []  # the speakers of the last speaker line
    after = [" ".join(ln.split()) for ln in after if ln.strip()]
    for k, line in enumerate(after):
        label = _kind_label(line)
        if label is not None:  # ``Tutorial``, ``Lecture 3`` above or below the title
            talk.kind = talk.kind or label
            continue
        kind = ""
        sps = _speakers_of(line) if len(talk.speakers) < 6 and last != "aff" else None
        if sps is None and not talk.speakers and k + 1 < len(after) \
                and (is_organisation_line(after[k + 1]) or _when_segment(after[k + 1])[1]):
            sps = _name_list(line)  # ``A and B`` confirmed by the byline below it
        if sps is not None and (not talk.speakers or last == "speaker"):
            known = {t.name for t in talk.speakers}
            group = [sp for sp, _m in sps if sp.name not in known]
            for sp, mark in sps:
                if sp.name not in known:
                    talk.speakers.append(sp)
                    marks.append(mark)
            kind = "speaker"
        elif _MARKS_RE.match(line) and any(marks):
            for mark, org in _marked_affiliations(line):
                for sp, key in zip(talk.speakers, marks, strict=True):
                    if set(mark) & set(key):
                        sp.affiliation = f"{sp.affiliation}; {org}" if sp.affiliation else org
            kind = "aff"
        elif talk.when_text is None and _when_segment(line)[1]:
            event, when = _when_segment(line)
            talk.when_text = when
            if event:
                _event_parts(event, talk, hints_series)
            kind = "when"
        elif last in ("speaker", "aff") and talk.speakers \
                and is_organisation_line(_MARKS_RE.sub("", line)) \
                and talk.speakers[-1].affiliation is None:
            # one organisation line under a byline of several people is theirs together
            org = _MARKS_RE.sub("", line).strip(" ,")
            for sp in group if last == "speaker" else talk.speakers[-1:]:
                sp.affiliation = sp.affiliation or org
            kind = "aff"
        elif talk.location is None and is_location_line(line):
            talk.location = line
            kind = "place"
        elif talk.series is None and not hints_series and _SERIES_LINE.match(line):
            talk.series = line
            kind = "series"
        last = kind
    return talk


def _from_footer(talk: RawTalk, footers: list[str], hints_series: str | None) -> None:
    """Fill the date (and the series beside it) from the deck's repeated footer
    (``M. Okonkwo · Seminar on Stochastic Processes · 9 Nov 2022``) when the title slide
    itself states no date: the footer is then the only place the deck says it."""
    if talk.when_text is not None:
        return
    for line in footers:
        event, when = _when_segment(line)
        if when:
            talk.when_text = when
            if event:
                _event_parts(event, talk, hints_series, venue=False)
            return


def _norm(text: str) -> str:
    """A line's identity across pages: case, digits (page numbers) and spacing ignored."""
    return " ".join(re.sub(r"\d+", "#", _MARKS_RE.sub("", text).lower()).split())


def _title_candidate(text: str, speaker_below: bool = False) -> bool:
    """Text that may be the title: words, not an acronym/brand, not an institution, a
    person's name, a speaker line, a date/event line, a venue or a link. Short titles are
    often shaped like a name (``Curvature Flows``): with a speaker line below it, a
    person-shaped line is the title after all."""
    text = _MARKS_RE.sub("", text).strip()
    words = _WORD_RE.findall(text)
    if len(words) < 2 and not (len(words) == 1 and len(text) > 12) or _kind_label(text):
        return False
    if text.isupper() and (len(words) <= 3 or is_organisation_line(text.title())):
        return False
    if _URL_RE.search(text) or _when_segment(text)[1] is not None:
        return False
    if is_organisation_line(text) and len(words) <= 6 and not re.search(r"[:?]", text):
        return False
    if is_location_line(text) and re.search(r"\d", text):
        return False
    if _BY_RE.match(text) or (is_person_name(text) and not speaker_below) \
            or _marked_speakers(text) or _dash_byline(text):
        return False
    return not (len(words) <= 8 and speaker_line(text) is not None and "," in text)


_UNFINISHED = re.compile(
    r"(?:[:,;\u2013\u2014-]|\b(?:of|and|or|for|the|in|on|with|to|a|an|from|via|by|at))\s*$",
    re.I,
)


# a line opening with a connective carries on the line above (``Sparse Recovery`` /
# ``for Optimal Transport``, ``via Convex Relaxations``)
_CONTINUATION = re.compile(
    r"^(?:of|and|or|for|in|on|with|via|from|to|under|through|without|using|into|across|"
    r"between|beyond|towards?|&)\b",
    re.I,
)


def _continues(title: str, nxt: str) -> bool:
    """``nxt`` carries on the sentence ``title`` started: ``title`` is unfinished, or
    ``nxt`` opens in lower case or with a connective."""
    nxt = nxt.strip()
    return bool(nxt) and (bool(_UNFINISHED.search(title)) or nxt[0].islower()
                          or bool(_CONTINUATION.match(nxt)))


def _same_title_size(a: _Line, b: _Line) -> bool:
    """``a`` and ``b`` (``a`` above) are two lines of one heading: the same font size, set
    at most about two line heights apart (titles are often set with wide leading)."""
    return abs(a.size - b.size) < 0.6 and 0 < b.top - a.top < 2.6 * b.size


# --- text already extracted from slides -----------------------------------------------


def _slides_furniture(paras: list[list[str]]) -> set[str]:
    """Lines on many slides (a footer ``Name — Short title``): present in at least three
    paragraphs, or in half of them when the deck is short."""
    seen: Counter[str] = Counter()
    for p in paras:
        seen.update({_norm(ln) for ln in p})
    need = max(2, min(3, (len(paras) + 1) // 2))
    return {k for k, n in seen.items() if n >= need and len(_WORD_RE.findall(k)) >= 2}


# the heading of a slide's speaker notes in a text export (``### Notes:``, ``Speaker
# notes``, ``Notes:``): what follows up to the next slide marker is not slide content
_NOTES_HEAD = re.compile(r"^(?:speaker\s+|presenter\s+)?notes\s*:?$", re.I)


def _speakerish(line: str) -> bool:
    return _speakers_of(line) is not None or is_person_name(line)


def _titleish(line: str) -> bool:
    """A line a title may hold or go on with: not a date/event, organisation, venue or
    link line, not an all-caps brand."""
    words = _WORD_RE.findall(line)
    if not words or (line.isupper() and len(words) <= 3) or _URL_RE.search(line) \
            or _kind_label(line):
        return False
    if _when_segment(line)[1] is not None or is_organisation_line(_MARKS_RE.sub("", line)):
        return False
    return not (is_location_line(line) and re.search(r"\d", line))


def extract_slides_text(doc: Document) -> list[RawTalk]:
    """The talk of a deck given as extracted text: the title block is the first lines
    (cut before a speaker or date line inside it when no later paragraph holds the
    speaker), the speaker and the event/date line follow. Footers repeated on the slides
    are dropped first."""
    text = doc.text
    deck = present_talk(text)
    if deck is not None:
        if not deck.speakers:  # the header names nobody: the line reading may
            try:
                deck.speakers = _line_reading(doc).speakers
            except ExtractionError:
                pass
        return [deck]
    return [_line_reading(doc)]


def _line_reading(doc: Document) -> RawTalk:
    """The talk of a deck read line by line (no header format known)."""
    text = doc.text
    paras: list[list[str]] = [[]]
    in_notes = False  # inside a slide's speaker notes: not slide content
    # a form feed ends a page (and its notes) as a slide marker does
    lines = [raw for page in text.split("\f") for raw in ([*page.splitlines(), "\f"])]
    slide_start = True  # at a slide's first lines, where its properties stand
    declared_footers: list[str] = []
    top_headings: set[str] = set()  # lines written as first-level headings
    for raw in lines:
        if raw == "\f":
            in_notes = False
            slide_start = True
            if paras[-1]:
                paras.append([])
            continue
        marker = page_number(raw) is not None
        line = " ".join(raw.split()).strip("*_# ")
        if marker or not line or re.fullmatch(r"[\W_]+", line) \
                or page_number(line) is not None:
            in_notes = in_notes and not marker  # a slide marker ends the notes
            slide_start = slide_start or bool(line) or marker
            if paras[-1]:
                paras.append([])
            continue
        if slide_start and _SLIDE_PROPERTY.match(raw.strip()):
            key, _, value = raw.strip().partition(":")
            if key == "footer" and value.strip():  # Deckset's footer on every slide
                declared_footers.append(" ".join(value.split()).strip("*_ "))
            continue
        slide_start = False
        if re.match(r"^\s*#\s", raw):
            top_headings.add(line)
        if _NOTES_HEAD.match(line):
            in_notes = True
            if paras[-1]:
                paras.append([])
            continue
        if not in_notes:
            paras[-1].append(line)
    paras = [p for p in paras if p]
    if not paras:
        raise ExtractionError("no text in slides")
    furniture = _slides_furniture(paras)
    footers = list(dict.fromkeys([*declared_footers,
                                  *(ln for p in paras for ln in p if _norm(ln) in furniture)]))
    paras = [q for q in ([ln for ln in p if _norm(ln) not in furniture] for p in paras) if q]
    if not paras:
        raise ExtractionError("slides hold only repeated footer text")
    # the title starts at the first line that can be a title (a series header or a date
    # above it is kept for the event/date line); a person-shaped line is part of the
    # title only when a speaker line follows it
    head = [ln for p in paras[:6] for ln in p][: _HEAD_LINES + 4]
    bounds = {sum(len(p) for p in paras[:k]) for k in range(1, 5)}

    def speaker_below(i: int) -> bool:
        return any(_speakerish(ln) for ln in head[i + 1 : i + 4])

    start = next((i for i, ln in enumerate(head[:6]) if _title_candidate(ln)
                  or (_titleish(ln) and speaker_below(i))), 0)
    end = start + 1
    while end < len(head) and end - start < 3 and end not in bounds \
            and _titleish(head[end]) and (not _speakerish(head[end]) or speaker_below(end)
                                          or {head[start], head[end]} <= top_headings):
        # (first-level heading lines in a row are one title broken over lines)
        end += 1
    after = head[end:] + head[:start]
    talk = _talk_from_lines(head[start:end], after[:8], text, doc.hints.series)
    _from_footer(talk, footers, doc.hints.series)
    return talk


# --- PDF --------------------------------------------------------------------------------


@dataclass
class _Pdf:
    pages: list[list[_Line]]
    metadata: dict[str, object]
    # the same pages as layout (lines with fonts and columns, tables) for the listing reader
    layout: list[PageLayout] = field(default_factory=list)


# a PDF with this many slot lines (a time range, a time- or date-led line) outside its
# repeated page furniture is a programme or booklet, not one talk's deck
PROGRAMME_SLOT_LINES = 4


def _programme_talks(doc: Document, pdf: _Pdf) -> list[RawTalk]:
    """The talks of a PDF programme (a workshop schedule, a booklet of abstracts), read as
    a listing; [] for a deck.

    Two readers run, each isolated: the layout reader (``pdf_layout``: blocks from fonts,
    columns and ruled tables, through the shared record finder) and, when the pages hold
    slot lines, the text reader on the pages' lines; the text reading replaces the
    layout reading only when it explains clearly more. The result is a programme only
    when it is credible (``pdf_layout.credible``: several talks naming different people,
    slot times or a talk a page); otherwise the deck reading runs."""
    from pipeline.structure.blocks import line_shape
    from pipeline.structure.isolation import attempt, best_reading

    repeated = Counter(ln.text for page in pdf.pages for ln in {x.text: x for x in page}.values())
    furniture = {t for t, n in repeated.items() if len(pdf.pages) > 1 and n > len(pdf.pages) / 2}
    lines = [[ln.text for ln in page if ln.text not in furniture] for page in pdf.pages]
    slots = sum(1 for page in lines for text in page if line_shape(text))
    warnings_ = [w for page in pdf.layout for w in page.warnings]
    listing = attempt("PDF layout reader", lambda: pdf_layout.listing_talks(pdf.layout),
                      warnings_) or []

    def text_reading() -> list[RawTalk]:
        if slots < PROGRAMME_SLOT_LINES:
            return []
        from extractors.plaintext import extract as extract_text

        text = "\n\n".join("\n".join(page) for page in lines)
        as_text = replace(doc, data=text.encode("utf-8"), format="text")
        return [t for t in extract_text(as_text) if t.title or t.speaker_text]

    talks = best_reading(listing, [("PDF text reader", text_reading)], warnings_)
    if not pdf_layout.credible(talks, len(pdf.pages), slots):
        return []
    for talk in talks:
        talk.warnings.append("PDF read as a programme: its slot lines are the records")
        talk.warnings.extend(warnings_)
    return talks


def _read_pdf(data: bytes) -> _Pdf:
    """Lines (text, font size, position) of each page, top to bottom, and the metadata."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psexceptions import PSException
    from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = []
            layout = []
            for k, page in enumerate(pdf.pages[:_MAX_PAGES]):
                words = page.extract_words(extra_attrs=["size", "fontname"],
                                           keep_blank_chars=False)
                pages.append(_group_lines(words))
                layout.append(_page_layout(page, k, words))
            return _Pdf(pages, dict(pdf.metadata or {}), layout)
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise ExtractionError(f"encrypted PDF: {type(exc).__name__}") from exc
    except PdfminerException as exc:
        cause = exc.args[0] if exc.args else exc
        if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise ExtractionError("encrypted PDF (password required)") from exc
        raise ExtractionError(f"unreadable PDF (truncated or corrupt): {cause!r}") from exc
    except MalformedPDFException as exc:  # e.g. a MediaBox that is not four numbers
        raise ExtractionError(f"malformed PDF: {exc}") from exc
    except (PDFSyntaxError, PSException, ValueError, KeyError, TypeError, IndexError) as exc:
        raise ExtractionError(f"unreadable PDF (truncated or corrupt): {exc!r}") from exc


def _page_layout(page: object, index: int, words: list[dict]) -> PageLayout:
    """One page's layout for the listing reader; a page it cannot lay out is empty, with
    a warning, and the other pages are read."""
    from pipeline.structure.isolation import attempt

    warnings_: list[str] = []
    found = attempt(f"PDF layout of page {index + 1}",
                    lambda: pdf_layout.page_layout(page, index, words), warnings_)
    return found if found is not None else PageLayout([], warnings=warnings_)


def _group_lines(words: list[dict]) -> list[_Line]:
    """Words → lines: same baseline and font size, split where a wide gap separates two
    text boxes on one row. Superscripts (small text raised inside a line's height) are
    attached to the word before them as marks; tiny text is dropped."""
    if not words:
        return []
    sizes = sorted(float(w["size"]) for w in words)
    biggest = sizes[-1]
    rows: list[dict] = []  # size, top, bottom, words [(x0, x1, text)]
    small: list[dict] = []
    for w in sorted(words, key=lambda w: (-float(w["size"]), w["top"], w["x0"])):
        size = float(w["size"])
        for row in rows:
            if abs(row["size"] - size) < 0.6 and abs(row["top"] - w["top"]) < max(2.0, size * .3):
                row["words"].append((w["x0"], w["x1"], w["text"]))
                break
        else:
            host = next((r for r in rows if size < 0.8 * r["size"] and r["top"]
                         <= w["bottom"] <= r["bottom"] - r["size"] * 0.15), None)
            if host is not None and len(w["text"]) <= 4:
                small.append({"row": host, "w": w})
                continue
            if size < max(5.0, 0.2 * biggest):
                continue  # tiny print
            rows.append({"size": size, "top": float(w["top"]), "bottom": float(w["bottom"]),
                         "words": [(w["x0"], w["x1"], w["text"])]})
    for s in small:  # superscripts → marks on the word before them
        w = s["w"]
        text = w["text"].translate(_SUPERSCRIPTS)
        if not re.fullmatch(f"[{_MARK_CHARS},]+", text):
            continue
        s["row"]["words"].append((w["x0"], w["x1"], "\x00" + text.strip(",")))
    lines: list[_Line] = []
    for row in rows:
        ws = sorted(row["words"])
        parts: list[list[str]] = [[]]
        prev_x1 = None
        for x0, x1, text in ws:
            if prev_x1 is not None and x0 - prev_x1 > 2.5 * row["size"] \
                    and not text.startswith("\x00"):
                parts.append([])
            if text.startswith("\x00") and parts[-1]:
                parts[-1][-1] += text[1:]
            else:
                parts[-1].append(text.lstrip("\x00"))
            prev_x1 = x1
        for p in parts:
            if p:
                lines.append(_Line(_join_marked(p), row["size"], row["top"], row["bottom"]))
    lines.sort(key=lambda ln: (round(ln.top), ln.size))
    return lines


def _join_marked(words: list[str]) -> str:
    """Join words; a mark in the middle of a line separates names (``X¹ Y²`` → ``X¹, Y²``)."""
    out = ""
    for k, w in enumerate(words):
        out += w
        if k + 1 < len(words):
            nxt = words[k + 1]
            if _MARKS_RE.search(w[-1:]) and not re.match(r"(?:and\b|&|[,;])", nxt) \
                    and not _MARKS_RE.match(nxt):
                out += ","
            out += " "
    return out


def _blocks(lines: list[_Line]) -> list[list[_Line]]:
    """Consecutive lines of one font size set close together: one text block. A
    person-shaped line starts a block of its own (a speaker set as large as the title)
    unless a speaker line follows it: then it is the title's second line."""
    blocks: list[list[_Line]] = []
    for ln in lines:
        if blocks and _same_title_size(blocks[-1][-1], ln) and (
                not _speakerish(ln.text) or _speaker_after(lines, [ln], smaller=False)):
            blocks[-1].append(ln)
            continue
        blocks.append([ln])
    return blocks


def _furniture(pages: list[list[_Line]], index: int) -> set[tuple[str, int]]:
    """(text, size) of lines repeated on at least half the pages other than ``index``."""
    others = [p for k, p in enumerate(pages) if k != index]
    if not others:
        return set()
    seen: Counter[tuple[str, int]] = Counter()
    for p in others:
        seen.update({(_norm(ln.text), round(ln.size)) for ln in p})
    need = max(1, (len(others) + 1) // 2)
    return {k for k, n in seen.items() if n >= need}


def _is_furniture(line: _Line, furniture: set[tuple[str, int]]) -> bool:
    key = _norm(line.text)
    return any((key, round(line.size) + d) in furniture for d in (-1, 0, 1))


def _pdf_date(value: object) -> dt.date | None:
    """A PDF date string (``D:20231012…``) as a date."""
    if isinstance(value, bytes):
        value = value.decode("latin-1", "replace")
    m = _PDF_DATE_RE.match(str(value or "").strip())
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def _meta_text(value: object) -> str | None:
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    text = " ".join(str(value or "").split())
    return text or None


def _speaker_after(page: list[_Line], block: list[_Line], smaller: bool = True) -> bool:
    """A speaker line (in smaller type, when ``smaller``) follows ``block`` closely."""
    k = page.index(block[-1])
    return any(_speakerish(ln.text) for ln in page[k + 1 : k + 5]
               if not smaller or ln.size < block[0].size - 0.5)


def _title_page(pages: list[list[_Line]]) -> tuple[int, list[_Line], set] | None:
    """The first page with a title block, its largest eligible block and the furniture."""
    for index, page in enumerate(pages[:_TITLE_PAGES]):
        furniture = _furniture(pages, index)
        page = [ln for ln in page if not _is_furniture(ln, furniture)]
        blocks = [b for b in _blocks(page)
                  if _title_candidate(" ".join(ln.text for ln in b), _speaker_after(page, b))]
        if blocks:
            best = max(blocks, key=lambda b: (b[0].size, -b[0].top))
            return index, best, furniture
    return None


def extract_pdf(doc: Document) -> list[RawTalk]:
    """The talk of a PDF deck: the largest eligible text block of the title page, the
    speaker and the event/date line near it; metadata fills what the pages lack."""
    pdf = _read_pdf(doc.data)
    programme = _programme_talks(doc, pdf)
    if programme:
        created = _pdf_date(pdf.metadata.get("CreationDate"))
        for talk in programme:  # printed before the event: context for a missing year
            talk.reference_date = talk.reference_date or created
        return programme
    meta_title = _meta_text(pdf.metadata.get("Title"))
    if meta_title and _FILE_TITLE_RE.search(meta_title):
        meta_title = None
    meta_author = _meta_text(pdf.metadata.get("Author"))
    created = _pdf_date(pdf.metadata.get("CreationDate"))
    found = _title_page(pdf.pages)
    if found is None:
        if not any(pdf.pages) and not meta_title:
            raise ExtractionError("PDF has no extractable text (scanned?)")
        if not meta_title:
            raise ExtractionError("PDF deck has no title slide text")
        talk = RawTalk(title=meta_title, warnings=["title from the PDF metadata"])
    else:
        index, block, furniture = found
        page = [ln for ln in pdf.pages[index] if not _is_furniture(ln, furniture)]
        document = "\n".join(ln.text for p in pdf.pages for ln in p)
        start = page.index(block[0])
        end = start + len(block) - 1
        def joins(k: int) -> bool:
            # a person-shaped line is a title line only when a speaker stands below it
            line = page[k]
            return _titleish(line.text) and not _is_furniture(line, furniture) and (
                not _speakerish(line.text) or any(
                    _speakerish(ln.text) for ln in page[max(k, end) + 1 : max(k, end) + 7]))

        # lines of the title's own size just above or below it are the rest of the title
        # (``Sparse Recovery Meets`` / ``Optimal Transport``); so is a smaller or larger
        # line above when it is visibly unfinished (``On the Geometry of``)
        while start > 0 and joins(start - 1) and (
                _same_title_size(page[start - 1], page[start])
                or _continues(page[start - 1].text, page[start].text)):
            start -= 1
        while end + 1 < len(page) and joins(end + 1) \
                and _same_title_size(page[end], page[end + 1]):
            end += 1
        # a smaller line right below continues the title only when the title is visibly
        # unfinished (``From Molecules to Materials:``) or the line starts in lower case or
        # with a connective (``for Optimal Transport``); else it is a subtitle
        while end + 1 < len(page) and _continues(page[end].text, page[end + 1].text) \
                and _speakers_of(page[end + 1].text) is None:
            end += 1
        title_lines = [ln.text for ln in page[start : end + 1]]
        after = [ln.text for ln in page[end + 1 :]] + [
            ln.text for ln in page[:start] if not ln.text.isupper()
        ]
        talk = _talk_from_lines(title_lines, after[:_HEAD_LINES], document, doc.hints.series)
        # a Beamer footline may be the only place the date is set (``12 Oct 2023``)
        _from_footer(talk, [ln.text for ln in pdf.pages[index] if _is_furniture(ln, furniture)],
                     doc.hints.series)
    if not talk.speakers and meta_author and looks_like_person_name(meta_author):
        talk.speakers.append(Speaker(meta_author))
        talk.warnings.append("speaker from the PDF metadata (Author)")
    talk.reference_date = created
    return [talk]
