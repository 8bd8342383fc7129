"""Text cleaning shared by every extractor and the normalise stage.

Sources hand us the same kind of text in several dresses: HTML fragments (ICS
descriptions, web pages), markdown (static-site listings) and plain text
(emails, slide decks). ``clean_text`` reduces all of them to plain text with a
single paragraph convention (one blank line between paragraphs, inner white
space collapsed), so the dataset compares equal whichever dress a talk came in.

Markdown inline syntax (emphasis, links, escapes, code spans, entities) is read
with markdown-it-py restricted to its inline rules: block rules are left off on
purpose, because plain text from emails and slides is full of lines that look
like markdown blocks (``1. Introduction``, ``> quoted``) whose text must survive.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from bs4 import BeautifulSoup
from markdown_it import MarkdownIt

from pipeline.normalise.vocab import (
    CLOSING_PATTERNS,
    EVENT_LABEL_BARE,
    EVENT_LABEL_NOUNS,
    EVENT_LABEL_PANEL,
    EVENT_LABEL_QUALIFIERS,
    FIELD_LABELS,
    LOGISTICS_NOTE_WORDS,
    MATERIAL_LINK_WORDS,
    NON_TALK_PATTERNS,
    PLACE_WORDS,
    SIGNOFF_PATTERNS,
)

# A real HTML tag (not ``a < b``): a known-looking tag name right after ``<``.
_TAG_RE = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>")
_BLOCK_TAG_RE = re.compile(
    r"</?(?:p|div|section|article|h[1-6]|ul|ol|li|table|tr|blockquote|pre|header|footer)\b[^>]*>",
    re.I,
)
_BR_RE = re.compile(r"<br\s*/?>", re.I)
_ENTITY_RE = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]{1,31});")
# Characters that may start markdown inline syntax; without them markdown-it is skipped.
_MD_TRIGGER_RE = re.compile(r"[*_`\[\]\\~!&]")
# Invisible characters that must not survive (zero-width space/joiners, soft hyphen, BOM).
_INVISIBLE_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_PARA_SPLIT_RE = re.compile(r"\n[ \t\u00a0\u3000]*\n\s*")
_HEADING_MARK_RE = re.compile(r"^#{1,6}\s+", re.M)

_INLINE_RULES = ["emphasis", "link", "image", "escape", "backticks", "entity", "strikethrough"]

TITLE_LABELS = ("title", "talk title", "topic", "talk", "seminar title", "subject")

PLACEHOLDER_RE = re.compile(
    r"""^(?:(?:talk|title|topic|abstract|details|speaker|seminar)s?\s*:?\s+){0,2}  # nouns
    (?:tba|tbd|tbc|t\s?b\s?a|t\s?b\s?d|t\s?b\s?c
      |to\s+be\s+(?:announced|determined|confirmed|decided|defined|added)(?:\s+later|\s+soon)?
      |(?:more\s+|further\s+)?details?\s+(?:to\s+(?:come|follow)|tba|tbd|forthcoming|soon)
      |coming\s+soon|forthcoming|n/?a|none|unknown|title|abstract|\?+|-+|–|—
      # ``Abstract not available``, ``No abstract``, ``Abstract: not yet available``
      |(?:(?:is|are)\s+)?(?:(?:currently|still)\s+)?(?:not\s+(?:yet\s+)?(?:available|provided|given)
        |unavailable|pending|withheld|missing)
      |no\s+(?:talk\s+|seminar\s+)?(?:abstracts?|titles?|details)(?:\s+(?:yet|(?:is\s+|are\s+)?
        (?:available|provided|given)|yet\s+available))?
    )$""",
    re.X,
)


@lru_cache(maxsize=1)
def _markdown() -> MarkdownIt:
    """An inline-only markdown reader, built once."""
    return MarkdownIt("zero").enable(_INLINE_RULES)


# A ``<br>`` is a line break inside a paragraph; it is carried through the whitespace
# collapsing as this (otherwise unused) Unicode line separator, then restored as ``\n``.
_LINE_MARK = "\u2028"
_BR_RUN_RE = re.compile(r"(?:<br\s*/?>\s*){2,}", re.I)


def _html_to_text(text: str) -> str:
    """Text of an HTML fragment: block elements and ``<br><br>`` become paragraph breaks,
    a single ``<br>`` a line break."""
    text = _BR_RUN_RE.sub("\n\n", text)
    text = _BR_RE.sub(_LINE_MARK, text)
    text = _BLOCK_TAG_RE.sub("\n\n", text)
    return BeautifulSoup(text, "html.parser").get_text()


def _markdown_inline(text: str) -> str:
    """The plain text of one paragraph of markdown inline syntax."""
    if not _MD_TRIGGER_RE.search(text):
        return text
    out: list[str] = []
    for block in _markdown().parseInline(text):
        for tok in block.children or []:
            if tok.type in ("text", "text_special", "code_inline"):
                out.append(tok.content)
            elif tok.type in ("softbreak", "hardbreak"):
                out.append(" ")
            elif tok.type == "image":
                out.append(tok.content)
    return "".join(out)


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _collapse_lines(para: str) -> str:
    """One paragraph: each ``<br>`` line collapsed and cleaned; lines joined by ``\n``."""
    lines = (_collapse(_markdown_inline(_collapse(ln))) for ln in para.split(_LINE_MARK))
    return "\n".join(ln for ln in lines if ln)


# org-mode links ``[[url][label]]`` / ``[[url]]``: their label (or target) is the text
_ORG_LINK_RE = re.compile(r"\[\[([^\[\]]+)\](?:\[([^\[\]]+)\])?\]")


def org_links_as_text(text: str) -> str:
    """``[[url][label]]`` -> ``label``, ``[[url]]`` -> ``url``."""
    return _ORG_LINK_RE.sub(lambda m: m.group(2) or m.group(1), text)


# lightweight-markup links written in plain text: reStructuredText ```label <url>`_`` (and
# its anonymous ``__``, and a role's ``:download:`label <file>```) and markdown
# ``[label](url)``; their label is the text
_RST_LINK_RE = re.compile(r":[\w.-]+:`([^`<>]+?)\s*<[^<>`\s]+>`|`([^`<>]+?)\s*<[^<>`\s]+>`__?")
_MD_LINK_RE = re.compile(r"(?<!!)\[([^\[\]]+)\]\((?:https?://|mailto:|/|\.)[^()\s]*\)")


def markup_links_as_text(text: str) -> str:
    """```F-strings <https://…>`_, Ann Lee`` -> ``F-strings, Ann Lee``; ``[Slides](…)`` ->
    ``Slides``: a listing line read as text keeps what its link says, not its address."""
    text = rst_links_as_text(text)
    if "](" in text:
        text = _MD_LINK_RE.sub(lambda m: m.group(1), text)
    return text


def rst_links_as_text(text: str) -> str:
    """```label <url>`_`` -> ``label`` (a markdown renderer would read it as code)."""
    return _RST_LINK_RE.sub(lambda m: m.group(1) or m.group(2), text) if "`" in text else text


def clean_text(text: str | None) -> str | None:
    """Plain text: markup/markdown removed, inner whitespace collapsed, paragraphs joined by
    one blank line; None when nothing is left.

    An HTML ``<br>`` between two lines of text stays a single line break (an address,
    a speaker block); hard-wrapped plain-text lines are joined, as they carry no meaning.
    """
    if text is None:
        return None
    text = unicodedata.normalize("NFC", str(text))
    text = _INVISIBLE_RE.sub("", text).replace("\r\n", "\n").replace("\r", "\n")
    if _TAG_RE.search(text):
        text = _html_to_text(text)
    elif _ENTITY_RE.search(text):
        text = html.unescape(text)
    text = _HEADING_MARK_RE.sub("", text)
    text = org_links_as_text(text)
    paras: list[str] = []
    for para in _PARA_SPLIT_RE.split(text):
        para = _collapse_lines(para)
        if para:
            paras.append(para)
    out = "\n\n".join(paras)
    return out or None


def _label_re(labels: Iterable[str]) -> re.Pattern[str]:
    alts = "|".join(
        r"\s+".join(re.escape(w) for w in lab.split())
        for lab in sorted(labels, key=len, reverse=True)
    )
    # ``Label:`` / ``**Label:**`` / ``Label`` alone on its line / ``Label -- text``
    return re.compile(
        rf"^[\s*_#>]*(?:{alts})[*_]*\s*(?::[*_]*\s*|[*_]*[ \t]*\n\s*|[–—-]+\s+|\.\s*\n\s*)",
        re.I,
    )


@lru_cache(maxsize=64)
def _cached_label_re(labels: tuple[str, ...]) -> re.Pattern[str]:
    return _label_re(labels)


def strip_label(text: str | None, labels: Iterable[str] | str) -> str | None:
    """``text`` without a leading label such as ``Abstract:`` or ``Bio`` on its own line.

    Case-insensitive; the label must be followed by a colon, a dash or a line end, so
    ``Abstracts are ...`` keeps its first word. Returns the input unchanged when there
    is no label.
    """
    if text is None:
        return None
    if isinstance(labels, str):
        labels = (labels,)
    rx = _cached_label_re(tuple(labels))
    m = rx.match(text)
    if not m or not text[m.end() :].strip():
        return text
    return text[m.end() :]


_QUOTE_PAIRS = {'"': '"', "“": "”", "„": "“", "‘": "’", "'": "'", "«": "»", "‹": "›", "”": "”"}
_EDGE_EMPHASIS = "*_~`"


def _strip_quotes(text: str) -> str:
    """Remove one pair of quotes enclosing the whole title, repeatedly."""
    while len(text) >= 2:
        close = _QUOTE_PAIRS.get(text[0])
        if close is None or text[-1] not in (close, "”", '"', "’"):
            break
        inner = text[1:-1].strip()
        # ``"A" and "B"`` is not one quoted title
        if any(q in inner for q in (text[0], close)) and text[0] in "\"'":
            break
        text = inner
    return text


_EVENT_LABEL_RE = re.compile(
    r"^[\s*_]*(?P<label>(?:(?:" + "|".join(EVENT_LABEL_QUALIFIERS) + r")\s+)+(?:"
    + "|".join(EVENT_LABEL_NOUNS) + r")(?:\s+\d+)?|"
    + "|".join(EVENT_LABEL_BARE + EVENT_LABEL_PANEL)
    + r")[*_]*\s*[:：][*_]*\s+(?P<rest>\S.*)$",
    re.I | re.S,
)


def split_event_label(title: str | None) -> tuple[str | None, str | None]:
    """(label, rest) of a title opened by a label naming the kind of event
    (``Distinguished lecture: Black holes`` → (``Distinguished lecture``, ``Black holes``));
    (None, title) without one. The label says what kind of event it is, not what the talk
    is about: callers classify the kind from it (``agenda.classify_kind(rest, label)``)."""
    if not title:
        return None, title
    m = _EVENT_LABEL_RE.match(title)
    if not m:
        return None, title
    return " ".join(m["label"].split()), m["rest"].strip()


_MATERIAL = rf"(?:{'|'.join(MATERIAL_LINK_WORDS)})"
_MATERIAL_TAIL_RE = re.compile(rf"(?:\s*\[\s*{_MATERIAL}(?:\s+{_MATERIAL}){{0,2}}\s*\])+\s*$", re.I)


def without_material_tail(text: str) -> str:
    """``text`` without the bracketed link labels that close it (``[Paper PDF] [Slides]``)."""
    cut = _MATERIAL_TAIL_RE.sub("", text)
    return cut if cut.strip() else text


def clean_title(text: str | None) -> str | None:
    """A title: labels (``Title:``, ``Special colloquium:``), surrounding quotes and emphasis
    removed; placeholders None. A title that is only an event label stays as it is."""
    text = clean_text(text)
    if text is None:
        return None
    text = without_material_tail(_collapse(text))  # a title is one line, its links apart
    for _ in range(3):
        before = text
        text = split_event_label(text)[1] or ""  # the label gives the kind, not the title
        text = strip_label(text, TITLE_LABELS) or ""
        text = text.strip().strip(_EDGE_EMPHASIS).strip()
        text = _strip_quotes(text)
        if text == before:
            break
    text = _TITLE_FULL_STOP_RE.sub("", text.strip())
    if not any(c.isalnum() for c in text) or is_placeholder(text):
        return None  # ``|``, ``---``: table or layout debris, no title
    return text


# ``*Tail latency at scale.*``: the full stop closing a title written as a sentence of a
# list item; not an abbreviation's (``et al.``, ``Inc.``), an initial's or an ellipsis
_TITLE_FULL_STOP_RE = re.compile(r"(?<![.\s])(?<=[a-z0-9)\]]{2})(?<!\bal)(?<!\betc)(?<!\bInc)"
                                 r"(?<!\bvs)(?<!\bLtd)(?<!\bCo)\.$")


_TRANSLITERATIONS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "æ": "ae",
                                   "ø": "oe", "å": "aa", "œ": "oe"})


def fold_accents(word: str) -> str:
    """``université`` -> ``universite``: the word as ASCII-only pages and emails write it
    (combining marks dropped after NFKD decomposition; ``ß``/``æ``/``ø`` spelled out)."""
    if word.isascii():  # NFKD leaves ASCII as it is and it holds nothing to spell out
        return word
    decomposed = unicodedata.normalize("NFKD", word.replace("ß", "ss"))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return plain.replace("æ", "ae").replace("ø", "o").replace("œ", "oe")


def spelling_variants(word: str) -> set[str]:
    """The spellings of a vocabulary word a page may use: as written, without accents
    (``Universite``, ``Ecole``), and with German umlauts transliterated (``Universitaet``,
    ``Zuerich``), so one vocabulary entry matches all three."""
    return {word, fold_accents(word), fold_accents(word.translate(_TRANSLITERATIONS))}


def is_prose(text: str) -> bool:
    """Whether ``text`` reads as running prose rather than a title or a field value: long,
    or several sentences, or a long sentence ending in a full stop (titles seldom do)."""
    return (len(text) > 160 or len(re.findall(r"[a-z][.!?](?:\s|$)", text)) >= 2
            or (len(text.split()) >= 15 and text.rstrip().endswith(".")))


# a link or a bare domain standing alone (``https://…``, ``www.x.org``, ``example.com``)
_LINK_ONLY_RE = re.compile(r"^\s*(?:(?:https?://|www\.)\S+|[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*"
                           r"\.[a-z]{2,12}(?:/\S*)?)\s*$")
# a numbered reference opening a line (``[2] Wolfe, Elie, et al. …``)
_REFERENCE_MARK_RE = re.compile(r"^\s*\[\d{1,3}\]\s*\S")
# the parts of a bibliography entry: authors written surname first or ``et al.``, and a
# year in parentheses, a volume and pages, a DOI or an arXiv number
_CITED_AUTHORS_RE = re.compile(r"\bet\s+al\.|^[A-Z][\w'’-]+,\s+(?:[A-Z]\.|[A-Z][a-z]+,?\s)")
_CITED_SOURCE_RE = re.compile(r"\(\d{4}\)\s*[:,.]|\b\d{1,4}\s*\(\d{4}\)|\bpp\.\s*\d|\bdoi\s*:|"
                              r"\b10\.\d{4,}/|arxiv\s*:\s*\d{4}\.\d{4,}", re.I)


def is_citation(text: str) -> bool:
    """A bibliography entry (``[2] Wolfe, Elie, et al. "…" Quantum 4 (2020): 280.``): a
    numbered reference, or cited authors with the journal, year and pages of a source.
    A reference list under an abstract is none of a talk's fields."""
    return bool(_REFERENCE_MARK_RE.match(text)) or bool(
        _CITED_AUTHORS_RE.search(text) and _CITED_SOURCE_RE.search(text))


def not_a_title(text: str | None) -> str | None:
    """Why ``text``, standing where a title stands, is not one (None when it may be): a
    date, time, year or term alone, a link or a domain alone, a bibliography entry.

    Why shared: every format's records can put a day heading, a year heading, a link or a
    reference in the title slot; one check here keeps them out of every format's titles."""
    if not text or not text.strip():
        return None
    from pipeline.normalise.dates import is_date_only

    if is_date_only(text):
        return "a date or year"
    if _LINK_ONLY_RE.match(text):
        return "a link"
    if is_citation(text):
        return "a bibliographic citation"
    return None


_INITIAL_DOTS_RE = re.compile(r"(?<=\b[a-z])\.\s?(?=[a-z]\b)")


def is_placeholder(text: str | None) -> bool:
    """True for ``TBA``, ``TBD``, ``T.B.A.``, ``Details to come``, ``Title TBA`` and the like."""
    if text is None:
        return False
    norm = _collapse(text).lower()
    norm = norm.strip(" \t*_.!()[]\"'“”‘’:")
    norm = _INITIAL_DOTS_RE.sub("", norm)  # t.b.a -> tba
    norm = norm.rstrip(".")
    if not norm:
        return True
    return bool(PLACEHOLDER_RE.match(norm))


# --- announcement furniture ------------------------------------------------------

# the sign-off alone (``Best regards,``) or with its writer's name after a comma on the
# same line (``Thanks, Ben``, ``Best, Anna M.``)
_SIGNOFF_RE = re.compile(rf"^\W*(?:{'|'.join(SIGNOFF_PATTERNS)})\s*(?:[,!.]\s*"
                         r"(?-i:[A-Z][\w'’.-]*)(?:\s+(?-i:[A-Z][\w'’.-]*)){0,2})?[,!.]?\s*$",
                         re.I)
_CLOSING_RE = re.compile(
    rf"^\W*(?:{'|'.join(CLOSING_PATTERNS)}"
    # ``Pizza will be served at 11:45``, ``Coffee and cookies follow the talk``
    rf"|(?:{'|'.join(NON_TALK_PATTERNS)}|pizza|cookies|snacks)\b.{{0,60}}?\b(?:served|"
    r"provided|available|precedes?|follows?|at\s+\d))",
    re.I,
)
_PLACE_RE = re.compile(rf"\b(?:{'|'.join(PLACE_WORDS)})(?!\w)", re.I)


def is_signoff(line: str) -> bool:
    """True for a sign-off line that ends a message's body (``Best regards,``, ``Cheers``,
    ``Thanks, Ben``)."""
    return bool(line) and len(line) <= 60 and bool(_SIGNOFF_RE.match(line.strip()))


def is_closing_line(line: str) -> bool:
    """True for a line that closes an announcement rather than continuing its abstract or
    bio: an invitation (``All are welcome!``), meeting-link logistics (``Zoom link: ...``),
    refreshments (``Pizza will be served at 11:45``), an RSVP, or a sign-off.

    Only the start of the line is read, so an abstract sentence mentioning coffee later on
    is not a closing line; callers decide whether the line starts a sentence.
    """
    if not line:
        return False
    text = line.strip()
    return is_signoff(text) or bool(_CLOSING_RE.match(text))


_NOTE_OPEN_RE = re.compile(
    r"^\W*(?:(?:please\s+)?(?:note|notice|n\.?\s?b\.?|reminder|important|attention)\s*[:!–—-]"
    r"|(?:please\s+)?(?:note|notice)\b(?!\s+that\s+(?!the\s+(?:talk|seminar|lecture|meeting|room|venue)"
    r"|this\s+(?:talk|seminar|week)))|please\s+(?:be\s+)?(?:aware|advised)\b)",
    re.I,
)
_NOTE_SUBJECT_RE = re.compile(rf"\b(?:{'|'.join(LOGISTICS_NOTE_WORDS)})\b", re.I)


def is_logistics_note(line: str) -> bool:
    """True for a note to the audience about this occurrence's logistics, which may open an
    abstract but is no part of it (``Note the earlier time and different room this week.``,
    ``Please note the change of room.``, ``Note: this talk will be recorded.``).

    The line must open as a note and name a logistics subject (time, room, recording,
    registration ...), so an abstract sentence such as ``Note that every compact group
    acts ...`` is kept. Only the line is a note: callers drop it, not its paragraph.
    """
    if not line:
        return False
    text = " ".join(line.split())
    if len(text) > 200:
        return False
    return bool(_NOTE_OPEN_RE.match(text)) and bool(_NOTE_SUBJECT_RE.search(text))


def mentions_place(text: str) -> bool:
    """True when ``text`` holds a place word (``Room``, ``Hall``, ``Online``, ``Zoom``).

    A place word alone does not make a line a venue (``Building neural networks`` is a
    title): callers add their own shape tests (short line, room number, last word).
    """
    return bool(text) and bool(_PLACE_RE.search(text))


# ``Computer Lab 2.05``, ``Lab B-12``: a lab is a place only with its room number, as
# ``Machine Learning Lab`` names a group.
_NUMBERED_LAB_RE = re.compile(r"\b(?:lab|labo|laboratory)\s+[A-Z]?[-.]?\d[\w.-]*\s*$", re.I)


def is_location_line(line: str, recurring: bool = False) -> bool:
    """A short line naming a place (``Online``, ``Wean Hall 5409``, ``Amphitheatre Fa2, IST —
    Online``). A place word alone is not enough (``Building neural networks`` is a title):
    the line must also be short, hold a room number, end with the place word, or recur
    across a listing's blocks (``recurring``)."""
    line = line.strip()
    words = line.split()
    if not (0 < len(line) <= 80) or line.endswith(".") or len(words) > 10:
        return False
    if _NUMBERED_LAB_RE.search(line):
        return True
    if not _PLACE_RE.search(line):
        return False
    return (
        recurring
        or len(words) <= 3
        or bool(re.search(r"\d", line))
        or bool(_PLACE_RE.search(words[-1]))
    )


# --- header field labels -----------------------------------------------------------

def label_alternatives(labels: dict[str, str]) -> str:
    """One regular-expression alternation with a named group per canonical field of
    ``labels`` (``vocab.FIELD_LABELS`` and its kin): the group that matched names the field,
    so every reader builds its label pattern from the one vocabulary."""
    return "|".join(f"(?P<{k}>{v})" for k, v in labels.items())


def matched_label(m: re.Match[str], labels: dict[str, str]) -> str:
    """The canonical field whose group of ``label_alternatives(labels)`` matched."""
    return next(k for k in labels if m.group(k) is not None)


# ``Speaker: X``, ``**Where:** Y``: a field label (``vocab.FIELD_LABELS``) and its value; one
# named group per canonical field, ``label`` and ``value``. The second pattern lets the
# value run over several lines (a card's text with its line breaks).
_FIELD_LABEL_SHAPE = (
    r"^[\s*_>#-]*(?P<label>" + label_alternatives(FIELD_LABELS)
    + r")[*_]*\s*[:：][*_]*\s*(?P<value>.*)$"
)
FIELD_LABEL_RE = re.compile(_FIELD_LABEL_SHAPE, re.I)
_FIELD_LABEL_MULTILINE_RE = re.compile(_FIELD_LABEL_SHAPE, re.I | re.S)


def field_label(line: str, multiline: bool = False) -> tuple[str, str] | None:
    """(canonical field, value) of a labeled header line (``Where: Room 5`` →
    (``location``, ``Room 5``)), else None. With ``multiline`` the value may span lines."""
    if ":" not in line and "：" not in line:  # the label's colon: most lines have none
        return None
    m = (_FIELD_LABEL_MULTILINE_RE if multiline else FIELD_LABEL_RE).match(line)
    if not m:
        return None
    return matched_label(m, FIELD_LABELS), m["value"].strip()
