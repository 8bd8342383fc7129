"""Checks that a gold file is well formed and self-consistent (SCHEMA.md section 3).

Shared by the hand-written fixture corpus and the real corpus: a gold value that
contradicts itself (an instant that is not on its ``date`` in its ``timezone``, an
unknown key) would make every score computed against it meaningless.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

TALK_KEYS = {"title", "title_alternates", "kind", "series", "speakers", "date", "start", "end",
             "timezone", "location", "url", "slides", "video", "abstract", "speaker_bio"}
SPEAKER_KEYS = {"name", "affiliation", "role"}
KINDS = {"talk", "remarks", "panel", "lecture", "tutorial"}


def check_talk(talk: dict, *, require_kind: bool = False) -> None:
    """Raise ``AssertionError`` naming the first inconsistency of one gold talk."""
    assert set(talk) <= TALK_KEYS, f"unknown keys {set(talk) - TALK_KEYS}"
    if require_kind or "kind" in talk:
        assert talk["kind"] in KINDS, talk.get("kind")
    title = talk.get("title")
    assert title is None or (isinstance(title, str) and title.strip() == title and title)
    assert talk.get("speakers") or talk.get("title") or "title" not in talk, \
        "a talk needs a speaker or a title"
    for speaker in talk.get("speakers") or []:
        assert speaker.get("name") and set(speaker) <= SPEAKER_KEYS, speaker
    if talk.get("date"):
        dt.date.fromisoformat(talk["date"])
    for key in ("start", "end"):
        if talk.get(key):
            instant = dt.datetime.fromisoformat(talk[key])
            assert instant.utcoffset() is not None, f"{key}: instants need an offset"
            if talk.get("timezone"):
                local = instant.astimezone(ZoneInfo(talk["timezone"]))
                assert local.utcoffset() == instant.utcoffset(), f"{key}: offset is not the zone's"
                if key == "start" and talk.get("date"):
                    assert local.date().isoformat() == talk["date"], f"{key} is not on date"
    if talk.get("start") and talk.get("end"):
        assert dt.datetime.fromisoformat(talk["start"]) < dt.datetime.fromisoformat(talk["end"])
    for key in ("abstract", "speaker_bio"):
        if talk.get(key):
            assert "\n\n\n" not in talk[key] and talk[key] == talk[key].strip(), key
