"""One talk from free text: a seminar announcement, a poster, one block of a listing.

Announcements state the same facts in many dresses: header fields in any common
wording (``Who:``/``Speaker:``, ``Topic:``/``Title:``, ``Date:``/``Time:``/``When:``,
``Place:``/``Where:``/``Room:``), stacked unlabeled lines (a zone line, a location,
the speaker, ``Name, Affiliation``, the title, abstract paragraphs, an attached
file name), or one sentence of prose (``Prof. X of Y will speak on "T" on Friday,
Oct 7 at 3:30 in Wean Hall 5409``). ``parse_talk`` reads all three and leaves
dates, names and zones as raw strings for the shared normalise stage.

Logistics are not the talk: a sentence or line about a reception, lunch or
refreshments never supplies the talk's time or place, and ``Host:`` lines never
supply a speaker.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import zoneinfo
from dataclasses import dataclass, field
from functools import lru_cache

from pipeline.normalise import dates
from pipeline.normalise.language import is_person_name, strip_honorifics
from pipeline.normalise.vocab import NON_TALK_PATTERNS
from pipeline.records import RawTalk, Speaker

VERSION = "1"

# canonical field -> label wordings (regex fragments, matched case-insensitively)
LABELS: dict[str, str] = {
    "speaker": r"who|speakers?|presenters?|presented\s+by|lecturers?|(?:guest|invited|featured)"
    r"\s+speakers?|by",
    "title": r"topic|title|talk\s+title|talk|seminar\s+title|lecture\s+title",
    "when": r"when|date\s*(?:&|and|/)\s*time|date/time",
    "date": r"dates?|day",
    "time": r"times?",
    "location": r"place|where|location|room|venue|loc",
    "host": r"(?:faculty\s+)?hosts?|host\(s\)|hosted\s+by|contact|organi[sz]ers?|coordinators?",
    "abstract": r"abstract|summary|description|synopsis",
    "bio": r"bio|biography|about\s+the\s+speaker|speaker\s+bio|biographical\s+sketch|short\s+bio",
    "affiliation": r"affiliation|institution",
    "slides": r"slides",
    "video": r"video|recording",
    "url": r"url|web\s*page|more\s+info(?:rmation)?",
}
_LABEL_RE = re.compile(
    r"^[\s*_>#-]*(?P<label>"
    + "|".join(f"(?P<{k}>{v})" for k, v in LABELS.items())
    + r")[*_]*\s*[:：][*_]*\s*(?P<value>.*)$",
    re.I,
)
# Words of logistics: a line or sentence holding one never gives the talk's time/place.
_SOCIAL_RE = re.compile(
    r"\b(?:" + "|".join(NON_TALK_PATTERNS) + r"|office|drinks|cookies|pizza|to\s+follow)\b", re.I
)
_LOCATION_RE = re.compile(
    r"\b(?:online|zoom|virtual(?:ly)?|webinar|hybrid|in[\s-]person|room|rm\.?|hall|building|"
    r"bldg\.?|auditorium|amphitheat(?:re|er)|theat(?:re|er)|lounge|library|campus|classroom|"
    r"floor|suite|webex|teams|google\s+meet|livestream|stream)\b",
    re.I,
)
_ORG_RE = re.compile(
    r"\b(?:universit\w*|univ\.?|institut\w*|college|school|laborator\w*|lab|department|dept\.?|"
    r"cent(?:er|re)|research|inc\.?|corp\w*|ltd|gmbh|foundation|academy|observatory|hospital|"
    r"faculty|polytechni\w*|ETH|EPFL|CNRS|CERN|MIT|IBM|Google|DeepMind|Microsoft|Meta|Amazon)\b",
    re.I,
)
_FILE_RE = re.compile(r"^\S.{0,150}\.(?:pdf|pptx?|key|odp|zip)$", re.I)
_URL_RE = re.compile(r"https?://\S+")
_SEPARATOR_RE = re.compile(r"^[-=_*~#.+\s]{3,}$")
_SIGNATURE_RE = re.compile(r"^(?:--\s*|_{8,})$")
_SIGNOFF_RE = re.compile(
    r"^(?:(?:best|kind|warm)?\s*(?:regards|wishes)|best|cheers|thanks|thank\s+you|sincerely|"
    r"yours(?:\s+\w+)?|see\s+you\s+there)\s*[,!.]?\s*$",
    re.I,
)
_MONTHS = "|".join(
    sorted({m for m in (*calendar.month_name[1:], *calendar.month_abbr[1:]) if m}, key=len,
           reverse=True)
)
_DAYS = "|".join((*calendar.day_name, *calendar.day_abbr))
_TIME = r"\d{1,2}(?::\d{2})?\s*(?:[ap]\.?\s?m\.?|h\b)?|noon|midnight"
_TZ_ABBR = r"(?:\s*\(?(?:[A-Z]{2,4}T|UTC|GMT|[A-Z]{3})\)?)?"
# A date/time phrase inside prose: located here, parsed by ``dates.parse_when``.
_WHEN_IN_PROSE = re.compile(
    rf"(?P<when>(?:(?:{_DAYS})\.?,?\s+)?"
    rf"(?:(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})\.?(?:,?\s+\d{{4}})?"
    rf"|(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    rf"|\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?"
    rf"|(?:{_DAYS}))"
    rf"(?:,?\s*(?:at|from|,)?\s*(?:{_TIME})(?:\s*(?:-|–|—|to|until)\s*(?:{_TIME}))?{_TZ_ABBR})?)",
    re.I,
)
_TIME_ONLY = re.compile(rf"\b(?:at|from)\s+(?P<when>(?:{_TIME})(?:\s*(?:-|–|—|to)\s*(?:{_TIME}))?"
                        rf"{_TZ_ABBR})", re.I)
_ANNOUNCE_VERB = re.compile(
    r",?\s+(?:will|is\s+going\s+to|is\s+to)\s+(?:speak|talk|present|lecture|discuss|give\s+"
    r"(?:a|an|the|this\s+\w+'s)\s+(?:[\w-]+\s+){0,3}?(?:talk|lecture|seminar|presentation|"
    r"colloquium|address))(?:\s+(?:on|about|entitled|titled|called))?\s*[:,]?\s*",
    re.I,
)
_QUOTED = re.compile(r"[\"“”']{1}(?P<q>[^\"“”\n]{3,300}?)[\"“”]|‘(?P<q2>[^’\n]{3,300})’")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\"“])")


@dataclass
class Fields:
    """What the labeled header of a talk text says, by canonical field."""

    values: dict[str, list[str]] = field(default_factory=dict)
    consumed: set[int] = field(default_factory=set)  # line indexes used by labels

    def first(self, name: str) -> str | None:
        vals = [v for v in self.values.get(name, []) if v.strip()]
        return vals[0] if vals else None


@lru_cache(maxsize=1)
def _zones() -> frozenset[str]:
    return frozenset(z for z in zoneinfo.available_timezones() if "/" in z)


def zone_in(line: str) -> str | None:
    """The IANA zone a line consists of (``Europe/Lisbon``), else None."""
    token = line.strip().strip("()[]")
    return token if token in _zones() else None


def is_social(text: str) -> bool:
    """True when ``text`` is about logistics (a reception, lunch, the host's office)."""
    return bool(_SOCIAL_RE.search(text))


def looks_like_when(line: str) -> bool:
    """A line that is mainly a date/time phrase: the shared test, else a located phrase
    covering most of the line."""
    if dates.looks_like_when(line):
        return True
    line = line.strip()
    if not line or len(line) > 80:
        return False
    m = _WHEN_IN_PROSE.search(line)
    if not m or not re.search(r"\d|noon", m.group("when")):
        return False
    return len(m.group("when")) >= 0.6 * len(line.strip(" .,;"))


def is_location_line(line: str, recurring: bool = False) -> bool:
    """A short line naming a place (``Online``, ``Wean Hall 5409``, ``Amphitheatre Fa2, IST —
    Online``). A place word alone is not enough (``Building neural networks`` is a title):
    the line must also be short, hold a room number, end with the place word, or recur
    across a listing's blocks."""
    line = line.strip()
    words = line.split()
    if not (0 < len(line) <= 80) or line.endswith(".") or len(words) > 10:
        return False
    if not _LOCATION_RE.search(line):
        return False
    return (
        recurring
        or len(words) <= 3
        or bool(re.search(r"\d", line))
        or bool(_LOCATION_RE.search(words[-1]))
    )


def is_org_line(line: str) -> bool:
    """A short line naming an organisation (an affiliation under a speaker's name)."""
    line = line.strip()
    if not line or len(line) > 120 or line.endswith("."):
        return False
    return bool(_ORG_RE.search(line)) or bool(re.fullmatch(r"[A-Z][A-Z&.\- ]{1,10}", line))


def split_name_affiliation(line: str) -> Speaker | None:
    """``Name, Affiliation`` / ``Name (Affiliation)`` / ``Name - Affiliation`` with a real name."""
    line = " ".join(line.split())
    m = re.match(r"^(?P<name>[^,(–—]+?)\s*(?P<sep>,|\(|\s[–—-]\s)\s*(?P<aff>.+?)\s*$", line)
    if not m or not is_person_name(m["name"]):
        return None
    aff = m["aff"]
    if m["sep"] == "(" and aff.endswith(")"):
        aff = aff[:-1]
    aff = aff.strip(" ,;")
    return Speaker(name=strip_honorifics(m["name"]), affiliation=aff or None)


def parse_labels(lines: list[str]) -> Fields:
    """Labeled header fields; a label with no value on its line takes the next lines
    (the whole following paragraph(s) for ``abstract``/``bio``)."""
    out = Fields()
    i = 0
    while i < len(lines):
        m = _LABEL_RE.match(lines[i])
        if not m:
            i += 1
            continue
        name = next(k for k in LABELS if m.group(k))
        # ``Seminar:``/``Lecture:``/``By:`` only label a title/speaker when a value follows
        value = m["value"].strip()
        out.consumed.add(i)
        j = i + 1
        if name in ("abstract", "bio"):
            body = [value] if value else []
            while j < len(lines) and not _LABEL_RE.match(lines[j]):
                if _SIGNATURE_RE.match(lines[j].strip()):
                    break
                body.append(lines[j])
                out.consumed.add(j)
                j += 1
            value = "\n".join(body).strip()
        elif not value:
            while j < len(lines) and not lines[j].strip():
                j += 1
            if j < len(lines) and not _LABEL_RE.match(lines[j]):
                value = lines[j].strip()
                out.consumed.update(range(i + 1, j + 1))
                j += 1
        else:
            # continuation lines (indented, no label) of a one-line field
            while j < len(lines) and lines[j][:1] in (" ", "\t") and lines[j].strip() \
                    and not _LABEL_RE.match(lines[j]) and name in ("title", "location"):
                value += " " + lines[j].strip()
                out.consumed.add(j)
                j += 1
        if value:
            out.values.setdefault(name, []).append(value)
        i = j
    return out


def _paragraphs(lines: list[str], skip: set[int]) -> list[list[tuple[int, str]]]:
    """Blank-line separated paragraphs of (line index, stripped line), labeled lines left out;
    nothing after an email signature or a sign-off (``Best regards,``)."""
    paras: list[list[tuple[int, str]]] = []
    cur: list[tuple[int, str]] = []
    for i, line in enumerate(lines):
        text = line.strip()
        if _SIGNATURE_RE.match(text) or _SIGNOFF_RE.match(text):
            break
        if i in skip or not text or _SEPARATOR_RE.match(text):
            if cur:
                paras.append(cur)
                cur = []
            continue
        cur.append((i, text))
    if cur:
        paras.append(cur)
    return paras


def _is_prose(text: str) -> bool:
    return len(text) > 160 or len(re.findall(r"[a-z][.!?](?:\s|$)", text)) >= 2


def _strip_social(text: str) -> str:
    """A time/place value without its logistics asides: ``3:30 (reception at 5)`` → ``3:30``."""
    text = re.sub(r"\s*[(\[][^()\[\]]*[)\]]", lambda m: "" if is_social(m.group()) else m.group(),
                  text)
    parts = re.split(r"\s*(?:;|\.\s|\s[–—]\s)\s*", text)
    kept = [p for p in parts if not is_social(p)] or parts[:1]
    return "; ".join(kept).strip(" ;,.")


def _when_from_fields(f: Fields) -> str | None:
    when = f.first("when")
    date, time = f.first("date"), f.first("time")
    if when:
        return _strip_social(when)
    parts = [_strip_social(p) for p in (date, time) if p]
    return ", ".join(p for p in parts if p) or None


def _speakers_from_text(value: str) -> tuple[list[Speaker], list[str]]:
    """A labeled speaker value: a clean ``Name, Affiliation`` when the name is certain,
    else the raw line for the shared ``parse_speakers``."""
    if re.search(r"\band\b|&|;", value):
        return [], [value]
    sp = split_name_affiliation(value)
    if sp is not None and "," not in (sp.affiliation or ""):
        return [sp], []
    return [], [value]


def _announced_speakers(who: str) -> list[Speaker]:
    """The speakers a sentence's subject names (``Prof. X of Y and Dr. Z (W)``); [] when the
    subject is not a person (``In this talk, I``)."""
    # the subject is the last clause before the verb (``This week, Prof. X of Y``)
    who = re.split(r"(?<=[a-z]),\s+(?=(?:Prof|Dr|[A-Z][a-z]+\s+[A-Z]))", who.strip())[-1]
    out: list[Speaker] = []
    for part in re.split(r"\s+and\s+(?=(?:Prof|Dr|Mr|Ms|[A-Z]))", who):
        pm = re.match(r"^(?P<name>.+?)(?:\s*\((?P<a1>[^)]+)\)|,?\s+(?:of|from)\s+"
                      r"(?:the\s+)?(?P<a2>.+?))?,?$", part.strip())
        if not pm or not is_person_name(pm["name"]):
            return []
        out.append(Speaker(strip_honorifics(pm["name"]), (pm["a1"] or pm["a2"] or None)))
    return out


def _announcing(text: str) -> tuple[str, re.Match[str], list[Speaker]] | None:
    """The sentence of ``text`` that announces a talk by named people, if any."""
    flat = " ".join(text.split())
    for sentence in _SENTENCE_END.split(flat):
        m = _ANNOUNCE_VERB.search(sentence)
        if not m or is_social(sentence[: m.start()]):
            continue
        speakers = _announced_speakers(sentence[: m.start()])
        if speakers:
            return sentence, m, speakers
    return None


def _from_prose(found: tuple[str, re.Match[str], list[Speaker]], talk: RawTalk) -> None:
    """Fill speaker, title, time and place from an announcing sentence of prose."""
    sentence, m, speakers = found
    if not talk.speakers and not talk.speaker_text:
        talk.speakers = speakers
    rest = sentence[m.end():]
    q = _QUOTED.match(rest.strip()) or _QUOTED.search(rest)
    if talk.title is None:
        if q:
            talk.title = (q["q"] or q["q2"]).strip().rstrip(",")
            rest = rest[q.end():]
        else:
            t = re.split(rf"\s+(?:on|this|next)\s+(?:{_DAYS}|{_MONTHS}|\d)|\s+at\s+\d|\s+in\s+"
                         r"(?=[A-Z])", rest, maxsplit=1, flags=re.I)[0]
            t = t.strip(" .,:")
            if 3 <= len(t) <= 250:
                talk.title = t
                rest = rest[len(t):]
    elif q:
        rest = rest[q.end():]
    if talk.when_text is None:
        wm = _WHEN_IN_PROSE.search(rest) or _TIME_ONLY.search(rest)
        if wm:
            talk.when_text = wm.group("when").strip(" ,.")
            rest = rest[wm.end():]
    if talk.location is None:
        lm = re.search(r"\b(?:in|at)\s+(?:the\s+)?(?P<loc>[A-Z0-9][^;]*?)\s*(?:[.;]\s|[.;]?$)",
                       rest)
        if lm:
            talk.location = lm["loc"].strip(" ,.")


def _name_lines(para: list[str]) -> list[Speaker] | None:
    """A paragraph that is only speaker lines (names, ``Name, Affiliation``), else None."""
    speakers: list[Speaker] = []
    for line in para:
        if is_person_name(line):
            name = strip_honorifics(line.strip(" ,;"))
            if not any(s.name == name for s in speakers):
                speakers.append(Speaker(name))
            continue
        sp = split_name_affiliation(line)
        if sp is not None:
            prev = next((s for s in speakers if s.name == sp.name), None)
            if prev is not None:
                prev.affiliation = sp.affiliation
            else:
                speakers.append(sp)
            continue
        if speakers and is_org_line(line) and speakers[-1].affiliation is None:
            speakers[-1].affiliation = line.strip()
            continue
        return None
    return speakers or None


def parse_talk(
    lines: list[str],
    *,
    boilerplate: frozenset[str] = frozenset(),
    subject: str | None = None,
    reference_date: dt.date | None = None,
) -> RawTalk | None:
    """One talk from the lines of an announcement or a listing block; None if no talk.

    ``boilerplate`` holds short lines that recur across a listing's blocks (``Additional
    file``): never a title or abstract. ``subject`` (an email Subject) is the title
    when the text gives none.
    """
    f = parse_labels(lines)
    talk = RawTalk(reference_date=reference_date)
    for value in f.values.get("speaker", []):
        sps, texts = _speakers_from_text(value)
        talk.speakers += sps
        talk.speaker_text += texts
    if talk.speakers and (aff := f.first("affiliation")) and not talk.speakers[0].affiliation:
        talk.speakers[0].affiliation = aff
    talk.title = f.first("title")
    talk.when_text = _when_from_fields(f)
    loc = f.first("location")
    talk.location = _strip_social(loc) if loc else None
    talk.abstract = f.first("abstract")
    talk.speaker_bio = f.first("bio")
    for key in ("slides", "video", "url"):
        if v := f.first(key):
            setattr(talk, key, v)

    speaker_pos: int | None = None
    free: list[tuple[int, str]] = []  # (line index, text) of unclassified short lines
    prose: list[tuple[int, str]] = []
    for para in _paragraphs(lines, f.consumed):
        start = para[0][0]
        texts = [t for _, t in para]
        one = " ".join(texts)
        if _is_prose(one) or len(para) > 6:
            prose.append((start, "\n".join(texts)))
            continue
        sps = _name_lines(texts) if not talk.speakers and not talk.speaker_text else None
        if sps is not None:
            talk.speakers, speaker_pos = sps, start
            continue
        pending: list[tuple[int, str]] = []
        for idx, line in para:
            kind = _classify_line(line, boilerplate)
            if kind is None:
                pending.append((idx, line))
                continue
            if pending:
                free.append((pending[0][0], " ".join(t for _, t in pending)))
                pending = []
            if kind == "zone":
                talk.timezone = talk.timezone or zone_in(line)
            elif kind == "file":
                talk.slides = talk.slides or line.strip()
            elif kind == "when":
                talk.when_text = talk.when_text or _strip_social(line)
            elif kind == "location":
                talk.location = talk.location or line.strip()
            elif kind == "speaker" and not talk.speakers and not talk.speaker_text:
                talk.speakers, speaker_pos = _name_lines([line]) or [], idx
        if pending:
            joined = " ".join(t for _, t in pending)
            if len(joined) <= 250 and not is_social(joined):
                free.append((pending[0][0], joined))
            else:
                prose.append((pending[0][0], "\n".join(t for _, t in pending)))

    # an announcing sentence of prose fills what the header left open
    announce_pos: int | None = None
    for p, text in sorted([*free, *prose]):
        if (found := _announcing(text)) is not None:
            _from_prose(found, talk)
            announce_pos = p
            break
    title_pos: int | None = None
    if talk.title is None:
        cands = [c for c in free if c[0] != announce_pos and not c[1].rstrip().endswith(".")]
        after = [c for c in cands if speaker_pos is not None and c[0] > speaker_pos]
        before = [c for c in cands if speaker_pos is None or c[0] < speaker_pos]
        pick = after[0] if after else (before[-1] if before else None)
        if pick is not None and not (subject and speaker_pos is None):
            talk.title, title_pos = pick[1], pick[0]
    if talk.title is None and subject:
        talk.title = subject
    if talk.abstract is None:
        # the body starts after the title line, the labeled header or the announcing prose
        if title_pos is not None:
            anchor = title_pos
        elif f.consumed:
            anchor = min(f.consumed)
        elif announce_pos is not None:
            anchor = announce_pos
        elif speaker_pos is not None:
            anchor = speaker_pos
        else:
            anchor = -1
        body = [
            text
            for p, text in sorted([*prose, *free])
            if p > anchor and p != announce_pos and not is_social(text.split(".")[0])
        ]
        if talk.speaker_bio is None and body and talk.speakers:
            last = talk.speakers[0].name.split()[-1]
            bio_re = re.compile(
                rf"^(?:[\w.]+\s+){{0,4}}{re.escape(last)}\b.{{0,60}}?\b"
                r"(?:is|was|received|joined|holds|earned)\b"
            )
            bio = [b for b in body[1:] if bio_re.match(b)]
            if bio:
                talk.speaker_bio = bio[0]
                body = [b for b in body if b != bio[0]]
        talk.abstract = "\n\n".join(body) or None
    if talk.title is None and not talk.speakers and not talk.speaker_text:
        return None
    return talk


def _classify_line(line: str, boilerplate: frozenset[str]) -> str | None:
    """What one short line of a talk's head is: ``zone``, ``file``, ``when``, ``location``,
    ``speaker``, ``skip`` (boilerplate, logistics), or None (title text)."""
    one = line.strip()
    recurring = one.lower() in boilerplate
    if zone_in(one):
        return "zone"
    if _FILE_RE.match(one):
        return "file"
    if is_social(one) and (looks_like_when(one) or _LOCATION_RE.search(one)
                           or _WHEN_IN_PROSE.search(one)):
        return "skip"
    if looks_like_when(one):
        return "when"
    if is_location_line(one, recurring):
        return "location"
    if _name_lines([one]) is not None:
        return "speaker"
    if recurring:
        return "skip"
    return None
