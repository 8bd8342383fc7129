"""Field readers of the iCalendar extractor: SUMMARY, LOCATION/URL and ATTACH.

Why this module exists: after the description is read (``extractors.ics_description``),
a talk's title, speakers, series label, kind, place, page, slides and video come from
combining it with SUMMARY (``Name: Title``, ``Seminar: Name - Title``, ``Title (Name)``),
LOCATION (a place, a meeting link, or a page), URL and ATTACH, as the researchseminars,
Indico, Outlook and generic dialects write them.
"""

from __future__ import annotations

import re

import icalendar

from extractors.ics_description import _Description, _join
from extractors.ics_text import (
    _RECORDING_HOST_RE,
    _URL_ANYWHERE_RE,
    _URL_RE,
    _host,
    _is_meeting_link,
    _plain,
)
from pipeline.normalise import agenda
from pipeline.normalise import text as normtext
from pipeline.normalise.people import looks_like_person_name
from pipeline.records import RawTalk

# Summary separators between a speaker and a title.
_SUMMARY_SEP_RE = re.compile(r"\s*:\s+|\s+[-–—|]\s+")
_NAME_AFFIL_RE = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<affil>[^()]+)\)$")
_EVENT_WORD_RE = re.compile(
    r"^(?:[\w&.'’-]+\s+){0,3}(?:seminars?|colloquium|colloquia|talks?|lectures?|webinars?"
    r"|series|meeting|symposium)$",
    re.I,
)


_SLIDES_TYPE_RE = re.compile(r"application/(?:pdf|vnd\.ms-powerpoint|vnd\.openxmlformats-"
                             r"officedocument\.presentationml|vnd\.oasis\.opendocument\."
                             r"presentation|vnd\.apple\.keynote|x-iwork-keynote)", re.I)
_SLIDES_EXT_RE = re.compile(r"\.(?:pdf|pptx?|key|odp)$", re.I)
_VIDEO_EXT_RE = re.compile(r"\.(?:mp4|m4v|mov|webm|mkv|avi)$", re.I)


def _set_attachments(talk: RawTalk, occ: icalendar.Event) -> None:
    """ATTACH: a PDF or presentation is the slides, a video file or recording link the
    video. The value is the attachment's URI; an inline (binary) attachment is named by
    its file name. Links labelled in the description win."""
    attach = occ.get("ATTACH")
    for value in attach if isinstance(attach, list) else [attach] if attach is not None else []:
        params = getattr(value, "params", {})
        fmt = str(params.get("FMTTYPE", "")).lower()
        name = str(params.get("FILENAME") or params.get("X-FILENAME") or "").strip()
        inline = str(params.get("VALUE", "")).upper() == "BINARY" or "ENCODING" in params
        ref = name if inline else str(value).strip()
        if not ref:
            continue
        path = re.sub(r"[?#].*$", "", ref)
        if _SLIDES_TYPE_RE.match(fmt) or _SLIDES_EXT_RE.search(name) or _SLIDES_EXT_RE.search(path):
            talk.slides = talk.slides or ref
        elif (fmt.startswith("video/") or _VIDEO_EXT_RE.search(name) or _VIDEO_EXT_RE.search(path)
              or _RECORDING_HOST_RE.search(_host(ref))):
            talk.video = talk.video or ref
        elif ref.startswith(("http://", "https://")) and _RECORDING_HOST_RE.search(_host(ref)):
            talk.video = talk.video or ref


def _is_person(text: str) -> bool:
    """A speaker phrase: a person's name, optionally with ``(Affiliation)``."""
    text = text.strip()
    m = _NAME_AFFIL_RE.match(text)
    return looks_like_person_name(m.group("name") if m else text)


def _fold_series(text: str) -> str:
    """A series-ish name folded for comparison, without a trailing event word."""
    words = text.casefold().split()
    if len(words) > 1 and _EVENT_WORD_RE.match(words[-1]):
        words = words[:-1]
    return " ".join(words)


def _is_series_name(text: str, series: str | None) -> bool:
    """``Theory Lunch`` in a calendar named ``Theory Lunch Seminar``: the event's generic
    name, not a talk title."""
    if not series:
        return False
    # ``PyData Lisbon #13``, ``Theory Lunch No. 4: Spring meetup``: an edition of the series
    m = _EDITION_RE.match(text)
    if m and (not m["rest"] or _EVENT_WORD_RE.match(m["rest"].split()[-1])):
        text = m["head"]
    folded = _fold_series(text)
    # ``Incentives and Computation`` in a calendar named ``IP Paris Seminar — Incentives
    # and Computation``: one part of the calendar's name is the series too
    parts = [series, *_SERIES_PART_SEP_RE.split(series)]
    return any(folded == _fold_series(part) for part in parts if part.strip())


_SERIES_PART_SEP_RE = re.compile(r"\s+[-–—|]\s+|:\s+")
# a series' name with an edition number after it, perhaps an event word after that
_EDITION_RE = re.compile(r"^(?P<head>.+?)\s*(?:#|\b(?:no|nr|vol|edition|episode)\.?\s*)\d{1,4}\b"
                         r"(?:\s*[:–—-]\s*(?P<rest>\S.*))?$", re.I)


def _split_summary(
    summary: str, series: str | None
) -> tuple[str | None, str | None, list[str]]:
    """(title, speaker, event labels) from a SUMMARY like ``Name: Title``, ``Seminar: Name -
    Title``, ``Title (Name)`` or ``Title – Public Lecture``; the speaker part only when it
    reads as a person's name. Event labels (``Robotics Seminar``, ``Public Lecture``, the
    series' own name) before or after the title are returned apart."""
    m = re.match(r"^(?P<title>.*\S)\s*\((?P<who>[^()]+)\)$", summary)
    if m and looks_like_person_name(m.group("who")):
        return m.group("title"), m.group("who"), []
    parts = _SUMMARY_SEP_RE.split(summary)
    seps = _SUMMARY_SEP_RE.findall(summary)
    labels: list[str] = []

    def is_label(part: str) -> bool:
        return bool(_EVENT_WORD_RE.match(part.strip())) or _is_series_name(part, series)

    while len(parts) > 1 and is_label(parts[0]):
        labels.append(parts[0].strip())
        parts, seps = parts[1:], seps[1:]
    while len(parts) > 1 and is_label(parts[-1]):
        labels.append(parts[-1].strip())
        parts, seps = parts[:-1], seps[:-1]
    if len(parts) >= 2 and _is_person(parts[0]):
        return _rejoin(parts[1:], seps[1:]), parts[0].strip(), labels
    if len(parts) >= 2 and _is_person(parts[-1]):
        return _rejoin(parts[:-1], seps[:-1]), parts[-1].strip(), labels
    if len(parts) == 1 and labels and _is_person(parts[0]):
        return None, parts[0].strip(), labels  # "Astro seminar – Jane Doe"
    return _rejoin(parts, seps), None, labels


def _rejoin(parts: list[str], seps: list[str]) -> str | None:
    out = parts[0] if parts else ""
    for sep, part in zip(seps, parts[1:], strict=False):
        out += sep + part
    return out.strip() or None


_GENERIC_QUALIFIER_RE = re.compile(
    r"^(?:public|special|guest|invited|keynote|plenary|weekly|monthly|online|virtual|hybrid"
    r"|joint|extra|additional|informal|short|this\s+week'?s|next|our|the|a|an)\s", re.I
)


# a singular event noun names one event ("Second talk", "Keynote lecture"), not a series
_ONE_EVENT_RE = re.compile(r"\b(?:talk|lecture|meeting|event|presentation)\W*$", re.I)


def _label_names_series(label: str) -> bool:
    """``Robotics Seminar`` names a series; ``Seminar``, ``Public Lecture`` do not."""
    return (
        len(label.split()) > 1
        and not _GENERIC_QUALIFIER_RE.match(label)
        and not _ONE_EVENT_RE.search(label)
        and agenda.is_series_name(label)
    )


def _set_title_and_speakers(talk: RawTalk, summary: str | None, desc: _Description) -> None:
    talk.abstract = desc.abstract
    talk.speaker_text = [s for s in desc.speakers if not normtext.is_placeholder(s)]
    title, who, labels = _split_summary(summary, talk.series) if summary else (None, None, [])
    if desc.title and title and who and summary and f"({who})" in summary:
        # ``Colloquium: Tom Fischer (UT Austin)`` beside a DESCRIPTION ``Title:``: the
        # SUMMARY is the speaker and their organisation, not ``Title (Speaker)``
        label, _, person = title.rpartition(":")
        if _is_person(person.strip()) and _is_person(f"{person.strip()} ({who})"):
            title, who = None, f"{person.strip()} ({who})"
            if label.strip():
                labels.append(label.strip())
    if title and (
        _is_series_name(title, talk.series)
        or _label_names_series(title)
        or (len(title.split()) == 1 and _EVENT_WORD_RE.match(title))
    ):
        # "Seminar", "ML Reading Group": the summary names the event, not the talk
        if not desc.title:
            talk.warnings.append("summary only names the series: no title")
        labels.append(title)
        title = None
    for label in labels:
        if talk.series is None and _label_names_series(label):
            talk.series = label
        kind = agenda.classify_kind(label)
        if talk.kind is None and kind != "talk":
            talk.kind = kind
    talk.title = desc.title or title
    if not talk.speaker_text and who:
        talk.speaker_text = [who]
    if (not talk.speaker_text and desc.title and summary and summary != desc.title
            and _is_person(summary)):
        talk.speaker_text = [summary]  # researchseminars-like: "Name (Affiliation)"
    if not talk.speaker_text and desc.lead_speaker:
        talk.speaker_text = [desc.lead_speaker]
        talk.abstract = _join(desc.rest)


_ONLINE_PLACE_RE = re.compile(
    r"^(?:(?:microsoft\s+)?teams|zoom|google\s+meet|webex|skype|gotomeeting|jitsi|online"
    r"|virtual)(?:\s+(?:meeting|call|webinar|only|event))?$",
    re.I,
)


def _set_location_and_url(talk: RawTalk, occ: icalendar.Event, desc: _Description) -> None:
    # Apple writes the place and its address on separate lines
    lines = [ln.strip(" ,") for ln in _plain(occ.get("LOCATION")).text.split("\n")]
    location = ", ".join(ln for ln in lines if ln) or None
    url_prop = str(occ.get("URL", "")).strip() or None
    location_url: str | None = None
    if location and _URL_RE.match(location):
        link = _URL_RE.match(location).group(1)  # type: ignore[union-attr]
        location = None
        if _is_meeting_link(link):
            location = "Online"
            if _RECORDING_HOST_RE.search(_host(link)) and not talk.video:
                talk.video = link
        else:
            location_url = link
    elif location and (
        _ONLINE_PLACE_RE.match(location)
        or any(_is_meeting_link(u) for u in _URL_ANYWHERE_RE.findall(location))
    ):
        location = "Online"
    talk.location = location or desc.location or ("Online" if desc.online else None)
    if url_prop and _RECORDING_HOST_RE.search(_host(url_prop)):
        # URL:https://youtu.be/…: the event's link is its recording, not its page
        talk.video = talk.video or url_prop
        url_prop = None
    talk.url = url_prop or desc.title_url or location_url or desc.url
