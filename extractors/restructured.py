"""reStructuredText documents (Sphinx sources, talk outlines, ``talks.rst``) read as HTML.

Why: reStructuredText marks its structure by adornment (a heading is a line under- or
over-and-underlined with ``=``, ``-``, ``+`` …; a lone top heading is the document's title)
and by directives. Read as plain lines, the adornments are noise and the title is lost
among section headings. docutils, the format's reference implementation, renders the
text to HTML, whose headings, lists and definition lists the HTML listing reader knows.
Recognised by content (adornment headings, directives), never by file name. Directives
that reach outside the text (``include``, ``raw``) are switched off.
"""

from __future__ import annotations

import re

from pipeline.records import Document, RawTalk

# a text line and, under it, a run of one punctuation character at least as long
_ADORNED_RE = re.compile(r"^(?P<text>\S.*)\n(?P<rule>([=\-~^\"'`#*+:.])\3{2,})[ \t]*$", re.M)
_DIRECTIVE_RE = re.compile(r"^\.\. [a-z][\w-]*::", re.M)
# headings or directives a text must show to be read as reStructuredText
MIN_SIGNS = 2

_SETTINGS = {
    "file_insertion_enabled": False,  # no ``.. include::`` of local files
    "raw_enabled": False,  # no ``.. raw:: html`` passed through
    "report_level": 5,  # no system messages in the output
    "halt_level": 5,
    "warning_stream": False,
    "_disable_config": True,  # no docutils.conf from the machine
    "input_encoding": "unicode",
    "embed_stylesheet": False,
    "stylesheet_path": "",
}


def is_restructured(text: str) -> bool:
    """True when ``text`` carries reStructuredText structure (adorned headings whose rule
    is at least as long as their text, directives)."""
    signs = sum(len(m["rule"]) >= len(m["text"].rstrip()) for m in _ADORNED_RE.finditer(text))
    return signs + len(_DIRECTIVE_RE.findall(text)) >= MIN_SIGNS


def _parts(text: str) -> dict[str, str]:
    from docutils.core import publish_parts

    return publish_parts(source=text, writer="html5", settings_overrides=_SETTINGS)


def to_html(text: str) -> str:
    """The document rendered by docutils as an HTML page."""
    parts = _parts(text)
    return f"<html><head><title>{parts['title']}</title></head><body>{parts['html_body']}" \
           "</body></html>"


def document_title(text: str) -> str | None:
    """The document's title: its lone top heading, as docutils promotes it."""
    from html import unescape

    title = " ".join(unescape(re.sub(r"<[^>]+>", "", _parts(text)["title"])).split())
    return title or None


def extract_restructured(doc: Document) -> list[RawTalk]:
    """Talks of a reStructuredText document, read by the HTML listing reader."""
    from extractors.listing import extract_html

    html = to_html(doc.text)
    return extract_html(Document(path=doc.path, data=html.encode("utf-8"), sha256=doc.sha256,
                                 format="html", hints=doc.hints, doc_id=doc.doc_id))


def outline_talk(text: str, talks: list[RawTalk]) -> list[RawTalk] | None:
    """One talk titled by the document's title, when ``text`` is reStructuredText and
    every reading found titles only (``talks`` name nobody and no time: the section
    headings of one talk's outline); None otherwise."""
    if not talks or any(t.speaker_text or t.speakers or t.when_text for t in talks) \
            or not is_restructured(text):
        return None
    title = document_title(text)
    return [RawTalk(title=title)] if title else None
