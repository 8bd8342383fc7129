"""Abstract collections: a file of talk titles, each followed by its abstract, naming nobody.

Why: a speaker keeps the abstracts of the talks they offer in one text file: a title
(underlined, labelled ``Title:``, or a short line standing alone), then paragraphs of
prose, then the next title. No record names a person or a date, so the record finder and
the announcement reader see one long talk (the first title and the last abstract). What
the file shows is its rhythm: short heads alternating with long prose, repeated. A head is
the title of the prose under it; a head in capitals (``PLANS``, ``BIO``) or one with
nothing under it is a section or a note, not a talk.

This is a rival reading: the text reader takes it only when it explains clearly more of
the document than the other readings (``isolation.best_reading``'s margin), so a one-talk
announcement with a ``Bio`` section stays one talk.
"""

from __future__ import annotations

import re

from pipeline.normalise.agenda import is_non_talk
from pipeline.normalise.text import field_label, is_placeholder
from pipeline.records import RawTalk
from pipeline.structure import templates

# a collection holds at least this many titled abstracts
MIN_RECORDS = 3
# a head is at most this many words; a body paragraph, or the body under a head, at least
HEAD_MAX_WORDS = 25
BODY_MIN_WORDS = 25

_UNDERLINE_RE = re.compile(r"^\s*(?:={3,}|-{3,}|~{3,})\s*$")
_TITLE_LABEL_RE = re.compile(r"^\s*(?:talk\s+)?title\s*:\s*", re.I)


def _paragraphs(text: str) -> list[list[str]]:
    """Blank-line separated paragraphs, each a list of its stripped lines; an underline
    closes the paragraph it is under."""
    out: list[list[str]] = [[]]
    for line in text.splitlines():
        if not line.strip():
            if out[-1]:
                out.append([])
            continue
        out[-1].append(line.strip())
        if _UNDERLINE_RE.match(line) and len(out[-1]) > 1:
            out.append([])
    return [p for p in out if p]


def _head(par: list[str]) -> tuple[str, bool] | None:
    """(title, marked) when the paragraph is a head: underlined or ``Title:``-labelled
    (marked), or short text that is not a sentence (unmarked); else None."""
    lines = [ln for ln in par if not _UNDERLINE_RE.match(ln)]
    marked = len(lines) < len(par)
    text = " ".join(" ".join(lines).split())
    if _TITLE_LABEL_RE.match(text):
        text, marked = _TITLE_LABEL_RE.sub("", text), True
    if not text and marked:
        return "", True  # ``Title:`` alone: the title is the next paragraph
    words = len(text.split())
    if not text or words > HEAD_MAX_WORDS or len(lines) > 3:
        return None
    quoted = bool(_QUOTED_TITLE_RE.match(text))  # ``Name will present "Title":``
    if not marked and ((text.endswith((".", ",", ";", ":")) and not quoted) or len(lines) > 2):
        return None
    return text, marked


def _is_section(title: str) -> bool:
    """``PLANS``, ``BIO``: a heading in capitals names a section, not a talk."""
    letters = [c for c in title if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(title.split()) <= 3


_QUOTED_TITLE_RE = re.compile(r"^(?P<lead>[^\"“”]*?)\s*[\"“](?P<title>[^\"“”]{8,300})[\"”]?\W*$")
_NAME_ORG_RE = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<org>[^()]+)\)")


def _announced(head: str) -> tuple[str, str | None]:
    """(title, speaker) of a head that announces its talk in a sentence: ``Name (Org)
    will be presenting work entitled "Title"``; a plain head is its own title."""
    from pipeline.structure.records import person_head

    m = _QUOTED_TITLE_RE.match(head)
    if not m or not m.group("lead") or len(m.group("title").split()) < 3:
        return head, None
    lead = m.group("lead")
    name = person_head(lead)
    if name is None:
        return m.group("title").strip(), None
    org = _NAME_ORG_RE.match(lead)
    speaker = f"{name} ({org.group('org')})" if org and org.group("name").strip() == name \
        else name
    return m.group("title").strip(), speaker


def abstract_collection(text: str) -> list[RawTalk]:
    """Titled abstracts of a collection file; [] when the file is not one."""
    pars = _paragraphs(text)
    records: list[tuple[str, list[str]]] = []
    current: tuple[str, list[str]] | None = None
    pending_label = False
    for par in pars:
        if all(_UNDERLINE_RE.match(ln) for ln in par):
            continue  # a rule between records
        joined = " ".join(" ".join(par).split())
        if pending_label:  # the paragraph after a bare ``Title:``
            pending_label = False
            current = (_TITLE_LABEL_RE.sub("", joined), [])
            records.append(current)
            continue
        head = _head(par)
        body_like = len(joined.split()) >= BODY_MIN_WORDS or len(par) >= 3
        if head is not None and (head[1] or not body_like):
            title, _ = head
            if not title:
                pending_label = True
                continue
            current = None if _is_section(title) or field_label(title) else (title, [])
            if current is not None:
                records.append(current)
            continue
        label = field_label(joined)
        if current is not None and label is None:
            current[1].append(joined)
        elif current is not None and label[0] == "abstract" and label[1]:
            current[1].append(label[1])  # ``Abstract: …``: the label goes, the prose stays
    talks: list[RawTalk] = []
    for head, body in records:
        title, speaker = _announced(head)
        abstract = "\n\n".join(body)
        if len(abstract.split()) < BODY_MIN_WORDS or is_placeholder(title) or is_non_talk(title):
            continue
        if templates.title_score(title) < 1.0:
            continue  # a name or a single word over prose: a bio, a section
        talks.append(RawTalk(title=title, abstract=abstract,
                             speaker_text=[speaker] if speaker else []))
    return talks if len(talks) >= MIN_RECORDS else []
