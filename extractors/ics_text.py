"""Text layer of the iCalendar extractor: property values as plain text and links.

Why this module exists: SUMMARY, DESCRIPTION, LOCATION and Outlook's X-ALT-DESC arrive
as escaped TEXT, often with HTML inside; every dialect reader needs them as tidy plain
text with the HTML's links kept aside, and needs the same URL/meeting-link tests.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import icalendar
from bs4 import BeautifulSoup, Tag

_URL_RE = re.compile(r"^<?(https?://\S+?)>?$", re.I)
# "For details, click here: URL", "Register at URL": a few words leading to a link
_LINK_LINE_RE = re.compile(
    r"^(?:[^\s:]+\s+){0,7}[^\s:]+(?::|\s+(?:at|here))\s*<?(https?://\S+?)>?$", re.I
)
_URL_ANYWHERE_RE = re.compile(r"https?://[^\s<>\"']+", re.I)
_HOSTNAME_RE = re.compile(r"^(?:[a-z0-9-]+\.)+[a-z]{2,}$", re.I)
_TAGLIKE_RE = re.compile(r"<(?:[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?|/[a-zA-Z][a-zA-Z0-9]*\s*)>")
_ENTITY_RE = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]{1,31});")
_MEETING_HOST_RE = re.compile(
    r"(?:^|\.)(?:zoom\.us|zoomgov\.com|meet\.google\.com|teams\.microsoft\.com|teams\.live\.com"
    r"|webex\.com|bluejeans\.com|gotomeeting\.com|meet\.jit\.si|whereby\.com|youtube\.com"
    r"|youtu\.be|vimeo\.com|twitch\.tv)$",
    re.I,
)
_RECORDING_HOST_RE = re.compile(r"(?:^|\.)(?:youtube\.com|youtu\.be|vimeo\.com)$", re.I)


@dataclass
class _Text:
    """Plain text of a property and the links its HTML carried (anchor text -> href)."""

    text: str
    links: list[tuple[str, str]] = field(default_factory=list)


def _richer_description(occ: icalendar.Event) -> _Text:
    """DESCRIPTION, or Outlook's X-ALT-DESC (HTML) when that says more: Outlook's plain
    DESCRIPTION drops links and is often cut short, the HTML keeps bio and slides links."""
    plain = _plain(occ.get("DESCRIPTION"))
    alt = occ.get("X-ALT-DESC")
    for value in alt if isinstance(alt, list) else [alt] if alt is not None else []:
        fmt = str(getattr(value, "params", {}).get("FMTTYPE", "text/html")).lower()
        if "html" not in fmt:
            continue
        # an unknown property: icalendar leaves its TEXT escapes (\\, \\; \\n) in place
        rich = _plain(_unescape_text(str(value)))
        if len(rich.text) > len(plain.text) or (rich.links and not plain.links):
            plain = rich
    return plain


def _unescape_text(value: str) -> str:
    """RFC 5545 TEXT unescaping: ``\\n`` and ``\\N`` are line breaks, ``\\,`` ``\\;``
    ``\\\\`` the character itself."""
    return re.sub(r"\\([nN,;\\])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def _plain(value: Any) -> _Text:
    """Plain text of a property value (icalendar already unescaped it); HTML fragments are
    reduced to text with paragraph breaks, and their links are kept aside."""
    if value is None:
        return _Text("")
    if isinstance(value, list):  # a property given more than once
        value = "\n\n".join(str(v) for v in value)
    raw = str(value).replace("\r\n", "\n").replace("\r", "\n")
    if not _TAGLIKE_RE.search(raw):
        if _ENTITY_RE.search(raw):
            raw = BeautifulSoup(raw, "html.parser").get_text()
        return _Text(_tidy(raw))
    soup = BeautifulSoup(raw, "html.parser")
    for tag in soup.find_all(["script", "style", "noscript", "template", "head", "title"]):
        tag.decompose()
    links: list[tuple[str, str]] = []
    for a in soup.find_all("a"):
        href = str(a.get("href") or "").strip() if isinstance(a, Tag) else ""
        text = a.get_text(" ", strip=True)
        if href:
            links.append((text or href, href))
        if not text and href:
            a.replace_with(href)
    for br in soup.find_all("br"):
        br.replace_with("\n")
    for tag in soup.find_all(["p", "div", "section", "article", "blockquote", "pre", "table",
                              "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6"]):
        tag.insert_before("\n\n")
        tag.insert_after("\n\n")
    for tag in soup.find_all(["li", "tr"]):
        tag.insert_before("\n")
        tag.insert_after("\n")
    return _Text(_tidy(soup.get_text()), links)


def _tidy(text: str) -> str:
    lines = [line.strip() for line in text.replace("\xa0", " ").split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _resolve(value: str, links: list[tuple[str, str]]) -> str:
    """A labelled value as a link when it is one (bare URL, or an anchor's text)."""
    m = _URL_RE.match(value.strip())
    if m:
        return m.group(1)
    for text, href in links:
        if text == value.strip():
            return href
    found = _URL_ANYWHERE_RE.search(value)
    return found.group(0).rstrip(".,;)") if found else value.strip()


def _host(url: str) -> str:
    m = re.match(r"https?://([^/:?#]+)", url, re.I)
    return m.group(1).lower() if m else ""


def _is_meeting_link(url: str) -> bool:
    return bool(_MEETING_HOST_RE.search(_host(url)))
