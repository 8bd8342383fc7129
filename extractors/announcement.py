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

import datetime as dt
import re
from dataclasses import dataclass, field

from pipeline.normalise import dates
from pipeline.normalise.agenda import cancellation as agenda_cancellation
from pipeline.normalise.agenda import classify_kind, is_series_name, series_in_prose
from pipeline.normalise.dates import TIME_IN_PROSE_RE, WHEN_IN_PROSE_RE, zone_in
from pipeline.normalise.people import (
    SPEAKER_CONTEXT,
    is_organisation_line,
    of_form,
    parse_speakers,
    speaker_line,
)
from pipeline.normalise.places import SOCIAL_RE, find_place
from pipeline.normalise.text import (
    FIELD_LABEL_RE,
    is_closing_line,
    is_location_line,
    is_logistics_note,
    is_signoff,
    mentions_place,
)
from pipeline.normalise.vocab import CONTEXT_LABELS, FIELD_LABELS, HEADER_LABELS, SERIES_NOUNS
from pipeline.records import RawTalk, Speaker

VERSION = "8"

# Biography headings beyond the shared labels: ``About the presenter``, ``Speaker biography``.
_BIO_LABELS = (
    FIELD_LABELS["bio"]
    + r"|about\s+(?:the\s+|our\s+)?(?:speakers?|presenters?|lecturers?|authors?)"
    r"|(?:speaker|presenter|lecturer)(?:['’]s)?\s+(?:bio(?:graphy)?|profile)|biographical\s+note"
)
# An ``Abstract`` / ``Bio`` heading alone on its line (no colon): the text below is its value.
_BARE_LABEL_RE = re.compile(
    r"^[\s*_#-]*(?P<label>(?P<abstract>" + FIELD_LABELS["abstract"] + r")|(?P<bio>"
    + _BIO_LABELS + r"))[*_]*\s*(?P<value>)$",
    re.I,
)
# ``About the presenter: …``: a biography label the shared labels do not know, with its value.
_BIO_LABEL_RE = re.compile(
    r"^[\s*_#-]*(?P<label>(?P<bio>" + _BIO_LABELS + r"))[*_]*\s*[:：][*_]*\s*(?P<value>.*)$",
    re.I,
)
# ``Panelists: A, B, C``: the people of a panel are its speakers.
_PANELISTS_RE = re.compile(
    r"^[\s*_#-]*(?:panell?ists?|panel\s+members|discussants|participants)[*_]*\s*[:：]"
    r"[*_]*\s*(?P<value>\S.*)$",
    re.I,
)
# A note from the organisers after the abstract (``From the organisers: please note …``,
# ``Please note: …``, ``N.B. …``): logistics, never abstract or biography.
_NOTE_RE = re.compile(
    r"^(?:from\s+the\s+(?:organi[sz]ers?|chairs?|hosts?|editors?)|(?:a\s+)?note\s+from\b|"
    r"organi[sz]ers?['’]?\s+note|please\s+note|n\.\s?b\.|p\.?s\.?\s*:)",
    re.I,
)
# ``** Room change: Jeffery Hall 234 **``: a per-talk note whose value is the new place.
_PLACE_NOTE_RE = re.compile(
    r"^(?:note\s*[:\-–]\s*)?(?:(?:room|venue|location|place)\s+(?:change[ds]?|moved|update[ds]?)"
    r"|(?:new|changed|different|other)\s+(?:room|venue|location)|(?:moved|relocated)\s+to"
    r"|change\s+of\s+(?:room|venue|location))\s*(?:to\b)?\s*[:\-–]?\s*",
    re.I,
)
# ``Slides`` / ``Video`` alone on a line, its link on the next: a page dump's link labels.
_BARE_LINK_RE = re.compile(
    r"^[\s*_#-]*(?:(?P<slides>" + FIELD_LABELS["slides"] + r")|(?P<video>"
    + FIELD_LABELS["video"] + r")|(?P<url>" + FIELD_LABELS["url"] + r"))[*_]*\s*:?\s*$",
    re.I,
)
# Words of logistics: a line or sentence holding one never gives the talk's time/place.
_SOCIAL_RE = SOCIAL_RE
_FILE_RE = re.compile(r"^\S.{0,150}\.(?:pdf|pptx?|key|odp|zip)$", re.I)
_URL_RE = re.compile(r"https?://\S+")
_SEPARATOR_RE = re.compile(r"^[-=_*~#.+\s]{3,}$")
_SIGNATURE_RE = re.compile(r"^(?:--\s*|_{8,})$")
_MONTHS = dates.MONTH_PATTERN
_DAYS = dates.WEEKDAY_PATTERN
_ANNOUNCE_VERB = re.compile(
    r",?\s+(?:will|is\s+going\s+to|is\s+to)\s+(?:speak|talk|present|lecture|discuss|give\s+"
    r"(?:a|an|the|this\s+\w+'s)\s+(?:[\w-]+\s+){0,3}?(?:talk|lecture|seminar|presentation|"
    r"colloquium|address))(?:\s+(?:on|about|entitled|titled|called))?\s*[:,]?\s*"
    # ``…, who speaks on Tuesday …``: a relative clause after the speaker
    r"|,\s+who\s+(?:will\s+)?(?:speaks?|talks?|presents?|lectures?)\b\s*",
    re.I,
)
# ``The institute welcomes X``, ``We are pleased to host X``: the speaker follows the host
_HOST_CLAUSE_RE = re.compile(
    r"^.*?\b(?:welcomes?|hosts?|(?:is|are)\s+(?:pleased|delighted|happy)\s+to\s+"
    r"(?:welcome|host|present|announce|have)|we(?:\s+will|'ll)?\s+have|our\s+(?:next\s+)?"
    r"(?:speaker|guest)\s+(?:is|will\s+be))\s+", re.I)
# ``On March 21 X will speak``, ``This Friday X …``: a time adverbial opening the subject
_LEADING_WHEN_RE = re.compile(
    rf"^(?:on\s+)?(?:(?:this|next|coming)\s+)?(?:(?:{dates.WEEKDAY_PATTERN})\.?,?\s*)?"
    rf"(?:(?:{dates.MONTH_PATTERN})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?:st|nd|rd|th)?\s+"
    rf"(?:of\s+)?(?:{dates.MONTH_PATTERN})\.?)?(?:,?\s+\d{{4}})?(?<=\w)\s*,?\s+(?=[A-Z])", re.I)
_QUOTED = re.compile(r"[\"“”']{1}(?P<q>[^\"“”\n]{3,300}?)[\"“”]|‘(?P<q2>[^’\n]{3,300})’")
# A sentence ends at . ! ? before a capital, but not after an honorific or an initial.
_SENTENCE_END = re.compile(
    r"(?<=[.!?])(?<!\bProf\.)(?<!\bDr\.)(?<!\bMr\.)(?<!\bMs\.)(?<!\bMrs\.)(?<!\bSt\.)"
    r"(?<!\b[A-Z]\.)\s+(?=[A-Z(\"“])"
)
# ``... will be given by Prof. X (Y)``: the speakers follow the verb.
_GIVEN_BY = re.compile(
    r"\b(?:(?:will\s+be|is(?:\s+being)?|are)\s+(?:given|presented|delivered|led)|"
    r"(?:talk|lecture|seminar|colloquium|presentation)\s+(?:given\s+)?by)\s+"
    # ``Presented by Rob Douglas.`` opening a sentence
    r"|^\W*(?:presented|given|delivered|led)\s+by\s+",
    re.I,
)
_CLOCK_RE = re.compile(r"\b\d{1,2}(?:[:.h]\d{2}|\s*[ap]\.?m\b)|\bnoon\b", re.I)
# ``Gates 463``, ``MS 6221``, ``Huxley B-14``: capitalised building words and a room number.
_ROOM_RE = re.compile(
    r"^\s*(?!(?i:lecture|part|session|chapter|talk|week|day|module|unit|lesson|class|episode|"
    r"seminar|meeting|volume|vol)\b)[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,3}\s+[A-Z]?-?\d{1,4}[A-Za-z]?(?:[.-]\d{1,3})?\s*$"
)
_STRICT_CLOCK_RE = re.compile(r"\b\d{1,2}(?::\d{2}|h\d{2}|\s*[ap]\.?m\b)|\bnoon\b", re.I)
_GIVEN_BY_WHO = re.compile(
    r"(?P<who>.+?)(?=\s+(?:on|who|speaking|talking)\s|\s*[,:]\s*(?:on\b|entitled|titled|[\"“‘])"
    r"|\s*[.;!]?\s*$)"
)
_AFTER_WHO = re.compile(r"[\s,:]*(?:(?:on|about|entitled|titled)\b)?\s*[:,]?\s*", re.I)
# ``This week's Mathematics Colloquium``, ``the next Applied Analysis Seminar``: a series
# named in prose by capitalised words ending in an event noun.
# Event nouns from the shared vocabulary; a series name puts at least one word before one.
_SERIES_HEADS = "(?i:" + "|".join(SERIES_NOUNS) + ")"
_SERIES_HEADER = re.compile(
    r"^[\W_]*(?P<series>(?:[A-Z0-9][A-Z0-9&'./-]*\s+){1,6}" + _SERIES_HEADS
    + r"(?:\s+[A-Z0-9&'./-]+){0,4})[\W_]*$"
)
# A line that closes an announcement: what follows is sign-off, logistics or a link,
# never abstract or biography text.
_SALUTATION_RE = re.compile(
    r"^(?:dear|hello|hi|hey|greetings|good\s+(?:morning|afternoon|evening))\b[^.!?]{0,40}[,!:]?$",
    re.I,
)
# A lynx/w3m dump's link list (``References`` then ``1. http://…``): page furniture.
_LINK_LIST_RE = re.compile(r"^(?:references|links|\[?\d{1,3}[.\]]\s*(?:https?|ftp|mailto):\S+)$",
                           re.I)


@dataclass
class Fields:
    """What the labeled header of a talk text says, by canonical field."""

    values: dict[str, list[str]] = field(default_factory=dict)
    consumed: set[int] = field(default_factory=set)  # line indexes used by labels
    empty: set[str] = field(default_factory=set)  # labels written with nothing after them

    def first(self, name: str) -> str | None:
        vals = [v for v in self.values.get(name, []) if v.strip()]
        return vals[0] if vals else None


def is_social(text: str) -> bool:
    """True when ``text`` is about logistics (a reception, lunch, the host's office)."""
    return bool(_SOCIAL_RE.search(text))


def parse_labels(lines: list[str]) -> Fields:
    """Labeled header fields; a label with no value on its line takes the next lines
    (the whole following paragraph(s) for ``abstract``/``bio``)."""
    out = Fields()
    i = 0
    while i < len(lines):
        m = FIELD_LABEL_RE.match(lines[i]) or _BIO_LABEL_RE.match(lines[i]) \
            or _BARE_LABEL_RE.match(lines[i])
        if not m and (link := _BARE_LINK_RE.match(lines[i])):
            # ``Video`` alone, the link on the next line
            j = i + 1
            while j < len(lines) and not lines[j].strip():
                j += 1
            if j < len(lines) and _URL_RE.fullmatch(lines[j].strip()):
                name = next(k for k in ("slides", "video", "url") if link.group(k))
                out.values.setdefault(name, []).append(lines[j].strip())
                out.consumed.update(range(i, j + 1))
                i = j + 1
                continue
        if not m:
            i += 1
            continue
        name = next(k for k, v in m.groupdict().items() if v and k in FIELD_LABELS)
        # ``Seminar:``/``Lecture:``/``By:`` only label a title/speaker when a value follows
        value = m["value"].strip()
        out.consumed.add(i)
        j = i + 1
        if name in ("abstract", "bio"):
            body = [value] if value else []
            while j < len(lines) and not _starts_field(lines[j]):
                if _ends_body(lines[j], lines[j - 1] if j > i + 1 else ""):
                    break
                body.append(lines[j])
                out.consumed.add(j)
                j += 1
            value = "\n".join(body).strip()
        elif not value:
            while j < len(lines) and not lines[j].strip():
                j += 1
            if j < len(lines) and not FIELD_LABEL_RE.match(lines[j]):
                value = lines[j].strip()
                out.consumed.update(range(i + 1, j + 1))
                j += 1
        else:
            # continuation lines (indented deeper than the label, no label of their own) of a
            # one-line field: a long title or place wrapped, a speaker's affiliation under it
            indent = _indent(lines[i])
            under: list[str] = []  # affiliation lines under a speaker
            while j < len(lines) and lines[j].strip() and _indent(lines[j]) > indent \
                    and lines[j][:1] in (" ", "\t") and not _starts_field(lines[j]) \
                    and name in ("title", "location", "speaker"):
                more = lines[j].strip()
                if name == "speaker":
                    # under a name: another speaker, or the affiliation of the one above
                    if dates.looks_like_when(more, loose=True) or _is_prose(more):
                        break
                    other = speaker_line(more)
                    if other and not is_organisation_line(more):
                        out.values.setdefault("speaker", []).append(more)
                    else:
                        under.append(more)
                else:
                    value += " " + more
                out.consumed.add(j)
                j += 1
            if under:
                out.values.setdefault("affiliation", []).append(", ".join(under))
        if value:
            out.values.setdefault(name, []).append(value)
        else:
            out.empty.add(name)
        i = j
    return out


# ``Audience: open to the public``, ``Posted-By: webmaster``: a label of one or two words
# (hyphens join) and a value on the same line.
_ANY_LABEL_RE = re.compile(
    r"^[\s*_>-]*(?P<label>[A-Za-z][\w'’.&/()-]{0,24}(?:\s+[\w'’.&/()-]{1,24})?)[*_]*\s*[:：]"
    r"[*_]*\s+(?P<value>\S.*)$"
)
_HEADER_LABEL_RE = re.compile(
    r"^(?:" + "|".join(f"(?P<{k}>{v})" for k, v in HEADER_LABELS.items()) + r")$", re.I)


@dataclass
class Header:
    """A header block: the run of ``Label: value`` lines at the top of a talk's text."""

    lines: range = range(0)
    values: dict[str, str] = field(default_factory=dict)  # header-only fields (title, series)
    dropped: set[int] = field(default_factory=set)  # lines of labels no field takes


def header_block(lines: list[str]) -> Header:
    """The header block of ``lines``: the run of label lines its first lines make, when two
    or more of them carry labels the project knows (``vocab.FIELD_LABELS``, ``vocab.
    HEADER_LABELS``). Inside the run a label of ``HEADER_LABELS`` gives its field; any other
    unknown label is metadata, dropped, unless it opens the run (``Deep Learning: A Primer``
    over ``Speaker: …`` is a title)."""
    start = next((i for i, ln in enumerate(lines) if ln.strip()), len(lines))
    end = start
    known = 0
    while end < len(lines) and (m := _ANY_LABEL_RE.match(lines[end])):
        known += bool(FIELD_LABEL_RE.match(lines[end]) or
                      _HEADER_LABEL_RE.match(_label_key(m["label"])))
        end += 1
    out = Header(lines=range(start, end))
    if known < 2:
        return Header()
    for i in out.lines:
        m = _ANY_LABEL_RE.match(lines[i])
        assert m is not None
        if FIELD_LABEL_RE.match(lines[i]):
            continue  # read by ``parse_labels``
        if hm := _HEADER_LABEL_RE.match(_label_key(m["label"])):
            name = next(k for k, v in hm.groupdict().items() if v)
            out.values.setdefault(name, m["value"].strip())
            out.dropped.add(i)
        elif i != start:
            out.dropped.add(i)
    return out


def _label_key(label: str) -> str:
    return " ".join(label.replace("-", " ").split()).lower()


def _indent(line: str) -> int:
    return len(line.expandtabs(8)) - len(line.expandtabs(8).lstrip())


def _starts_field(line: str) -> bool:
    """True for a labeled line or a bare ``Abstract`` / ``About the speaker`` heading: the
    previous field's text ends there."""
    return bool(FIELD_LABEL_RE.match(line) or _BIO_LABEL_RE.match(line)
                or _BARE_LABEL_RE.match(line))


def _paragraphs(lines: list[str], skip: set[int]) -> list[list[tuple[int, str]]]:
    """Blank-line separated paragraphs of (line index, stripped line), labeled lines left out;
    nothing after an email signature or a sign-off (``Best regards,``). A closing line
    (``All are welcome!``, ``Pizza will be served at 11:45.``, ``Join Zoom Meeting``) and the
    rest of its paragraph are logistics, left out."""
    paras: list[list[tuple[int, str]]] = []
    cur: list[tuple[int, str]] = []
    closing = False
    for i, line in enumerate(lines):
        text = line.strip()
        if _SIGNATURE_RE.match(text) or is_signoff(text):
            break
        if i in skip or not text or _SEPARATOR_RE.match(text):
            closing = False
            if cur:
                paras.append(cur)
                cur = []
            continue
        if not cur and _SALUTATION_RE.match(text):
            continue
        if _LINK_LIST_RE.match(text) and all(
            not ln.strip() or _LINK_LIST_RE.match(ln.strip()) for ln in lines[i:]
        ):
            break
        prev = cur[-1][1] if cur else ""
        if not closing and _starts_sentence(prev) and is_logistics_note(text):
            # ``Note the earlier time this week.``: only the note's sentence is dropped
            text = _after_first_sentence(text)
            if not text:
                continue
        closing = closing or _ends_body(text, prev)
        if closing:
            continue
        cur.append((i, text))
    if cur:
        paras.append(cur)
    return paras


def _ends_body(line: str, previous: str) -> bool:
    """True where an abstract or bio stops: a signature, a sign-off, or a closing line
    (``All are welcome!``, ``Pizza will be served at 11:45.``, ``Zoom link: …``) that starts
    a sentence of its own."""
    text = line.strip()
    if _SIGNATURE_RE.match(text) or is_signoff(text):
        return True
    starts_sentence = not previous.strip() or previous.rstrip().endswith((".", "!", "?", ":"))
    return starts_sentence and (is_closing_line(text) or _is_note(text, previous))


def _starts_sentence(previous: str) -> bool:
    """True when a line after ``previous`` starts a sentence of its own."""
    return not previous.strip() or previous.rstrip().endswith((".", "!", "?", ":"))


def _after_first_sentence(text: str) -> str:
    """What follows the first sentence of a line (empty when the line is one sentence)."""
    m = re.search(r"[.!?]\s+(?=\S)", text)
    return text[m.end() :].strip() if m else ""


def _is_note(text: str, previous: str) -> bool:
    """A paragraph of its own that opens as an organisers' note (``From the organisers:
    please note …``, ``Please note: …``)."""
    return not previous.strip() and bool(_NOTE_RE.match(text))


def split_when_place(line: str) -> tuple[str, str | None]:
    """``Monday, 4 March 2019, 12:00-13:00, Room B-201`` → (date/time, ``Room B-201``): a
    when line may carry the place after the time, in its last comma/dash segments."""
    line = line.strip()
    cuts = [m for m in re.finditer(r"\s*,\s*|\s+[|–—]\s+|\s+-\s+", line)]
    for m in reversed(cuts):
        when, place = line[: m.start()], line[m.end() :]
        placed = is_location_line(place) or _place_after_time(when, place)
        if _STRICT_CLOCK_RE.search(place) or _CLOCK_RE.search(place) and not placed:
            break  # the time is still to come (``14.15`` unless in ``Lab 2.05``): no place yet
        if placed \
                and dates.looks_like_when(when, loose=True):
            return when.strip(), place.strip()
        if re.search(r"\b(?:19|20)\d\d\b", place):
            break  # a year: the date is still to come
    return line, None


def _place_after_time(when: str, tail: str) -> bool:
    """``Fri 8 Mar, 16:00-17:00, Amphi Turing``: after a complete date and clock time, a short
    capitalised segment that is no date, zone or logistics is the place, even without a place
    word (``Amphi Turing``, ``Hagsalen``)."""
    tail = tail.strip()
    words = tail.split()
    return (
        0 < len(words) <= 6 and tail[:1].isupper() and not tail.endswith(".")
        and bool(_CLOCK_RE.search(when)) and bool(re.search(r"\d", when))
        and not dates.looks_like_when(tail, loose=True) and zone_in(tail) is None
        and not re.fullmatch(r"\(?[A-Z]{2,5}(?:\s*[+-]\s*\d{1,2}(?::?\d\d)?)?\)?", tail)
        and not is_social(tail) and not re.search(r"[!?;:]", tail)
    )


def cancellation(text: str) -> str | None:
    """A warning when ``text`` says the talk is cancelled or postponed (the shared
    ``agenda.cancellation`` predicate), else None."""
    word = agenda_cancellation(text)
    return f"the announcement says the talk is {word}" if word else None


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


def _announced_speakers(who: str) -> list[Speaker]:
    """The speakers a sentence's subject names (``Prof. X of Y and Dr. Z (W)``); [] when the
    subject is not a person (``In this talk, I``)."""
    who = _HOST_CLAUSE_RE.sub("", who.strip())
    who = _LEADING_WHEN_RE.sub("", who)
    # the subject is the last clause before the verb (``This week, Prof. X of Y``)
    who = re.split(r"(?<=[a-z]),\s+(?=(?:Prof\b|Dr\b|[A-Z][a-z]+\s+[A-Z]))", who)[-1]
    out: list[Speaker] = []
    for part in re.split(r"\s+and\s+(?=(?:Prof|Dr|Mr|Ms|[A-Z]))", who):
        sps = speaker_line(part.strip(" ,"))
        if not sps:
            return []
        out += sps
    return out


# ``Present: A, B``, ``Meeting ID: …``, ``Agenda:``: what surrounds a talk, never its title
_CONTEXT_LINE_RE = re.compile(rf"^\W*(?:{'|'.join(CONTEXT_LABELS.values())})\s*:", re.I)


def _signed_name(text: str) -> bool:
    """A closing paragraph of one to three capitalised words and no sentence mark: the
    sender signing the mail (``Jane``, ``Omar H.``), never an abstract."""
    words = text.split()
    return (0 < len(words) <= 3 and not re.search(r"[!?:;]|\.$(?<!\b[A-Z]\.)", text)
            and all(w[0].isupper() for w in words))


def _announcing(text: str) -> tuple[str, re.Match[str], list[Speaker]] | None:
    """The sentence of ``text`` that announces a talk by named people, if any: the
    speakers before the verb (``X will speak on``) or after it (``… will be given by X``)."""
    flat = " ".join(text.split())
    for sentence in _SENTENCE_END.split(flat):
        m = _ANNOUNCE_VERB.search(sentence)
        if m and not is_social(sentence[: m.start()]):
            speakers = _announced_speakers(sentence[: m.start()])
            if speakers:
                return sentence, m, speakers
        host = _HOST_CLAUSE_RE.match(sentence)
        if host and not m and not is_social(sentence):
            # ``This week we have X (Y).``: the host clause alone names the speaker
            speakers = _announced_speakers(sentence.rstrip(" .!"))
            end = re.compile(r"$").search(sentence)
            if speakers and end:
                return sentence, end, speakers
        g = _GIVEN_BY.search(sentence)
        if g and not is_social(sentence[: g.start()]):
            wm = _GIVEN_BY_WHO.match(sentence, g.end())
            speakers = _announced_speakers(wm["who"]) if wm else []
            if wm and speakers:
                # what follows the speakers (``on "Title" at 4pm``) reads as in the active form
                rest = _AFTER_WHO.match(sentence, wm.end())
                assert rest is not None  # matches the empty string
                return sentence, rest, speakers
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
            # the time and place may stand before the quoted title or after it
            rest = f"{rest[:q.start()]} {rest[q.end():]}"
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
        wm = WHEN_IN_PROSE_RE.search(rest) or TIME_IN_PROSE_RE.search(rest)
        before = WHEN_IN_PROSE_RE.search(sentence[: m.start()])
        if wm and before and not WHEN_IN_PROSE_RE.search(rest):
            # ``On March 21 X will speak on "T", 4pm``: the day before the verb, the hour after
            talk.when_text = f"{before.group('when').strip(' ,.')}, {wm.group('when').strip(' ,.')}"
            rest = rest[wm.end():]
        elif wm or before:
            talk.when_text = (wm or before).group("when").strip(" ,.")
            if wm:
                rest = rest[wm.end():]
    if talk.location is None:
        lm = re.search(r"\b(?:in|at)\s+(?:the\s+)?(?P<loc>[A-Z0-9][^;]*?)\s*(?:[.;]\s|[.;]?$)",
                       rest)
        if lm:
            talk.location = re.sub(r"\s+(?:on|about|with|for)$", "", lm["loc"].strip(" ,."))


# ``Marc-Andre``, ``Jean-Luc``: a compound given name (capitalised parts joined by hyphens).
_COMPOUND_NAME_RE = re.compile(r"^(?P<first>[A-Z][a-zà-ÿ]+(?:-[A-Z][a-zà-ÿ]+)+)(?=\s+[A-Z])")


def _speaker_line(line: str, context: str | None = None) -> list[Speaker] | None:
    """``speaker_line``; a line opening with a compound given name (``Marc-Andre Tremblay
    (Universite Laval)``) is judged as the same name with its parts apart, then keeps its
    hyphens."""
    sps = speaker_line(line, context)
    if sps is not None:
        return sps
    one = " ".join(line.split())
    m = _COMPOUND_NAME_RE.match(one)
    if m is None:
        return None
    spaced = m["first"].replace("-", " ")
    sps = speaker_line(spaced + one[m.end():], context)
    if not sps or not sps[0].name.startswith(spaced) or not sps[0].affiliation:
        return None  # without an affiliation the shape alone (``Single-Cell Atlases``) is weak
    sps[0].name = m["first"] + sps[0].name[len(spaced):]
    return sps


_ROLE_TAIL_RE = re.compile(r"^(?P<head>.+\))\s*[,;–—-]\s*(?P<tail>[^(),;]{2,60})$")


def speaker_with_role(line: str, context: str | None = None) -> list[Speaker] | None:
    """``speaker_line``, also for ``Name (Affiliation), role`` (``…, conference chair``): the
    role after the parenthesis is read by the shared parser as in ``Name, role``."""
    sps = _speaker_line(line, context)
    if sps is not None:
        return sps
    m = _ROLE_TAIL_RE.match(" ".join(line.split()))
    if m is None or (sps := _speaker_line(m["head"], context)) is None or len(sps) != 1:
        return None
    tail = parse_speakers(f"{sps[0].name}, {m['tail']}")
    if len(tail) != 1 or not tail[0].role or tail[0].affiliation:
        return None  # the tail is no role: not a speaker line after all
    sps[0].role = tail[0].role
    return sps


def _name_lines(para: list[str]) -> list[Speaker] | None:
    """A paragraph that is only speaker lines (names, ``Name, Affiliation``, an organisation
    line under a name), else None. A name repeated with its affiliation is one speaker."""
    speakers: list[Speaker] = []
    for k, line in enumerate(para):
        # a line above an affiliation stands where a speaker stands
        under_org = k + 1 < len(para) and is_organisation_line(para[k + 1]) \
            and not dates.looks_like_when(para[k + 1], loose=True)
        sps = speaker_with_role(line, SPEAKER_CONTEXT if under_org else None)
        if sps is not None:
            for sp in sps:
                prev = next((s for s in speakers if s.name == sp.name), None)
                if prev is None:
                    speakers.append(sp)
                else:
                    prev.affiliation = prev.affiliation or sp.affiliation
                    prev.role = prev.role or sp.role
            continue
        if speakers and is_organisation_line(line) and speakers[-1].affiliation is None \
                and not dates.looks_like_when(line, loose=True):
            aff = line.strip()
            speakers[-1].affiliation = aff[1:-1] if aff[:1] + aff[-1:] == "()" else aff
            continue
        return None
    return speakers or None


def _head_split(
    paras: list[list[tuple[int, str]]], boilerplate: frozenset[str]
) -> list[list[tuple[int, str]]]:
    """Paragraphs with a stacked head split from the prose under it.

    A page dump often has no blank line between a talk's head lines (``January 18``, ``Name,
    Affiliation``, the title) and its abstract: read as one paragraph it is all prose.
    The head is the leading run of lines that are a date, a place, a zone or speakers, plus
    at most one other short line (the title); it counts only when it holds one of those
    known lines and prose follows it."""
    out: list[list[tuple[int, str]]] = []
    for para in paras:
        if len(para) < 2 or not _is_prose(" ".join(t for _, t in para)):
            out.append(para)
            continue
        head: list[tuple[int, str]] = []
        known = untyped = 0
        for idx, line in para[:-1]:
            if _classify_line(line, boilerplate) is not None:
                known += 1
            elif untyped == 0 and len(line) <= 200 and not _is_prose(line) \
                    and not line.rstrip().endswith((".", "!", "?", ",", ";")):
                untyped += 1
            else:
                break
            head.append((idx, line))
        if known and head:
            out += [head, para[len(head):]]
        else:
            out.append(para)
    return out


def _adds_to_when(first: str, line: str) -> bool:
    """A when line right under another that states what the first lacks: a time under a
    date, or a date over which a time stood."""
    a, b = dates.parse_when(first), dates.parse_when(line)
    if a is None or b is None:
        return False
    return (a.start is None and b.start is not None and b.date is None) or \
        (a.date is None and b.date is not None and b.start is None)


def completed_when(header: str, line: str) -> str | None:
    """The header's date and time completed by a body line that states the same start with an
    end (``When: Monday 3 Feb 1997, 2:00 PM`` + ``2:00-3:15`` → ``Monday 3 Feb 1997,
    14:00-15:15``); None when the line adds nothing or disagrees (another day, another start).
    """
    a, b = dates.parse_when(header, year=2000), dates.parse_when(line, year=2000)
    if a is None or b is None or a.start is None or a.end is not None or b.start is None \
            or b.end is None:
        return None
    if b.date is not None and (a.date is None or (b.date.month, b.date.day) !=
                               (a.date.month, a.date.day)):
        return None
    base = dt.date(2000, 1, 1)
    start, end = (dt.datetime.combine(base, t) for t in (b.start, b.end))
    shift = (a.start.hour - b.start.hour) % 24
    if (shift not in (0, 12)) or a.start.minute != b.start.minute:
        return None
    start, end = start + dt.timedelta(hours=shift), end + dt.timedelta(hours=shift)
    if end <= start:
        return None
    clock = _STRICT_CLOCK_RE.search(header)
    day = header[: clock.start()].strip(" ,;-–—") if clock else header
    if clock is None or (day and dates.parse_when(day, year=2000) is None):
        return None
    return f"{day}, {start:%H:%M}-{end:%H:%M}".lstrip(", ")


# ``Luis is a Ph.D. candidate …``, ``Dr Ana Lima received …``: a paragraph opening with a
# person's (capitalised) name and a biography verb …
_BIO_OPENING_RE = re.compile(
    r"^(?:(?:Dr|Prof|Professor)\.?\s+)?(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’.-]+){0,3})\s+"
    r"(?:is|was|received|joined|holds|earned|obtained|completed|studied)\b")
# … and going on about a third person (``His research focuses on …``)
_THIRD_PERSON_RE = re.compile(r"(?:^|[.!?]\s+)(?:He|She|His|Her)\s")


def _third_person_bio(paragraph: str) -> bool:
    """A paragraph that is a biography by its shape: a name and a biography verb open it,
    and a later sentence starts with a third-person pronoun. An abstract opening ``Quantum
    computing is …`` speaks of no he or she."""
    return bool(_BIO_OPENING_RE.match(paragraph)) and \
        _THIRD_PERSON_RE.search(paragraph) is not None


def bio_subject(paragraph: str) -> str | None:
    """The person a biography paragraph is about (``Rafael is a Lead Developer … He …`` →
    ``Rafael``), when the paragraph is one by its shape (``_third_person_bio``)."""
    m = _BIO_OPENING_RE.match(paragraph)
    if m is None or not _third_person_bio(paragraph) or _THIRD_PERSON_RE.match(m["name"] + " "):
        return None
    return m["name"]


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
    header = header_block(lines)
    f.consumed |= header.dropped  # metadata of the header block: never title or abstract
    subject = header.values.get("title") or subject
    talk = RawTalk(reference_date=reference_date, series=header.values.get("series"))
    for value in f.values.get("speaker", []):
        talk.speakers += parse_speakers(of_form(value))
    if talk.speakers and (aff := f.first("affiliation")) and not talk.speakers[0].affiliation:
        talk.speakers[0].affiliation = aff
    for k, line in enumerate(lines):
        if k not in f.consumed and (m := _PANELISTS_RE.match(line)):
            f.consumed.add(k)  # never a title or abstract line
            if not f.values.get("speaker"):
                talk.speakers += parse_speakers(m["value"])
    if "speaker" in f.empty and not f.values.get("speaker"):
        talk.warnings.append("a Speaker label names nobody")
    talk.title = f.first("title")
    talk.when_text, place = split_when_place(_when_from_fields(f) or "")
    talk.when_text = talk.when_text or None
    loc = f.first("location")
    talk.location = _strip_social(loc) if loc else place
    talk.abstract = f.first("abstract")
    talk.speaker_bio = f.first("bio")
    for key in ("slides", "video", "url"):
        if v := f.first(key):
            setattr(talk, key, v)

    speaker_pos: int | None = None
    banners: list[str] = []  # series / banner lines: their wording may give the kind
    when_pos: int | None = None
    free: list[tuple[int, str]] = []  # (line index, text) of unclassified short lines
    prose: list[tuple[int, str]] = []
    skipped: list[tuple[int, str]] = []
    for para in _head_split(_paragraphs(lines, f.consumed), boilerplate):
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
            if kind is None and speaker_pos == idx - 1 and len(talk.speakers) == 1 \
                    and talk.speakers[0].affiliation is None and is_organisation_line(line) \
                    and not dates.looks_like_when(line, loose=True) and not pending:
                # stacked lines: ``Hope White`` / ``Queen's University`` under a time line
                talk.speakers[0].affiliation = line.strip()
                continue
            if kind is None:
                pending.append((idx, line))
                continue
            if kind == "skip":
                skipped.append((idx, line))  # logistics; a clause of it may still name the room
            if pending:
                free.append((pending[0][0], " ".join(t for _, t in pending)))
                pending = []
            if kind == "series":
                banners.append(line)
                talk.series = talk.series or series_line(line)
            elif kind == "event":  # ``Analysis Seminar, 12 March 2031``: series and day
                series, when = event_when(line)  # type: ignore[misc]
                talk.series = talk.series or series
                if talk.when_text is None:
                    talk.when_text, when_pos = when, idx
            elif kind == "zone":
                talk.timezone = talk.timezone or zone_in(line)
            elif kind == "file":
                talk.slides = talk.slides or line.strip()
            elif kind == "when" and talk.when_text is None:
                talk.when_text, place = split_when_place(_strip_social(line))
                talk.location = talk.location or place
                when_pos = idx
            elif kind == "when" and when_pos is None and talk.when_text \
                    and (done := completed_when(talk.when_text, line)) is not None:
                # the header's ``When: 2:00 PM`` and the body's ``2:00-3:15``: the body
                # gives the end the header lacks
                talk.when_text = done
                talk.location = talk.location or split_when_place(_strip_social(line))[1]
                when_pos = idx
            elif kind == "when" and when_pos == idx - 1 and talk.when_text \
                    and _adds_to_when(talk.when_text, line):
                # stacked lines: ``Tuesday, March 5, 2024`` / ``2:00-3:15``
                more, place = split_when_place(_strip_social(line))
                talk.when_text = f"{talk.when_text}, {more}"
                talk.location = talk.location or place
                when_pos = idx
            elif kind == "location":
                talk.location = talk.location or place_value(line)
            elif kind == "speaker" and not talk.speakers and not talk.speaker_text:
                talk.speakers, speaker_pos = _name_lines([line]) or [], idx
        if pending:
            joined = " ".join(t for _, t in pending)
            # a heading over bullet lines (``Outline`` / ``- Algorithms``) is a list: prose
            listed = sum(bool(_BULLET_LINE_RE.match(t)) for _, t in pending) >= 2
            if len(joined) <= 250 and not is_social(joined) and not listed:
                free.append((pending[0][0], joined))
            else:
                prose.append((pending[0][0], "\n".join(t for _, t in pending)))

    if talk.location is None and when_pos is not None:
        # ``Thursday, March 7, 2002, 12:00 PM`` / ``Gates 463``: a building and room number
        # on the line under the time is the place
        room = next((c for c in free if c[0] == when_pos + 1 and _ROOM_RE.match(c[1])), None)
        if room is not None:
            talk.location = room[1].strip()
            free.remove(room)
    # an announcing sentence of prose fills what the header left open
    announce_pos: int | None = None
    for p, text in sorted([*free, *prose]):
        if (found := _announcing(text)) is not None:
            _from_prose(found, talk)
            if talk.series is None:
                talk.series = series_in_prose(found[0])
            announce_pos = p
            break
    if talk.location is None:
        # a place named in a sentence or a line anywhere in the talk's text (``It takes
        # place at 11:00 in Analysen``, ``… in Room 101, Jeffery Hall``)
        talk.location = next((place for _, text in sorted([*free, *prose, *skipped])
                              if (place := find_place(text, strict=True)) is not None), None)
    title_pos: int | None = None
    if talk.title is None:
        cands = [c for c in free if c[0] != announce_pos and not c[1].rstrip().endswith(".")
                 and not _CONTEXT_LINE_RE.match(c[1])]
        after = [c for c in cands if speaker_pos is not None and c[0] > speaker_pos]
        before = [c for c in cands if speaker_pos is None or c[0] < speaker_pos]
        if after and before and _affiliation_under_name(after[0], speaker_pos, talk.speakers):
            # ``Title`` / ``Dr. Lena Vogt`` / ``Helmholtz-Zentrum Dresden-Rossendorf``: the
            # line under a lone name is its affiliation when a title stands above the name
            talk.speakers[0].affiliation = after[0][1].strip()
            free.remove(after[0])
            after = after[1:]
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
        while body and _signed_name(body[-1]):
            body.pop()  # ``Jane``: the sender's name closing the mail, no abstract
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
        elif talk.speaker_bio is None and len(body) >= 2 and _third_person_bio(body[-1]):
            # nobody named above, yet the closing paragraph is someone's biography
            talk.speaker_bio = body.pop()
        talk.abstract = "\n\n".join(body) or None
    if talk.title is None and not talk.speakers and not talk.speaker_text:
        return None
    if talk.kind is None and classify_kind(talk.title) == "talk":
        # ``DISTINGUISHED LECTURE`` over a title that says nothing of its kind; an upper-case
        # banner line that is no series (``SCHOOL OF PHYSICS | HANDS-ON TUTORIAL``) counts too
        banners += [t for p, t in free if p != title_pos and _is_banner(t)
                    and (speaker_pos is None or p < speaker_pos)]
        kinds = [k for b in banners if (k := classify_kind(None, b)) != "talk"]
        talk.kind = kinds[0] if kinds else None
    if (note := cancellation("\n".join(lines))) is not None:
        talk.warnings.append(note)
    return talk


def place_value(line: str) -> str:
    """A place line without its decoration and note label (``** Room change: Jeffery Hall
    234 **`` → ``Jeffery Hall 234``)."""
    one = one_line(line)
    return _PLACE_NOTE_RE.sub("", one, count=1).strip(" *_:-–") or one


def _is_banner(text: str) -> bool:
    """An upper-case heading line (letters all capitals, a few words)."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and text.upper() == text and len(text.split()) <= 10


def _affiliation_under_name(
    cand: tuple[int, str], speaker_pos: int | None, speakers: list[Speaker]
) -> bool:
    """True when the free line ``cand`` sits right under a lone speaker's name and is shaped
    like an organisation's name: a few words, all capitalised (``Helmholtz-Zentrum
    Dresden-Rossendorf``), where a title would have lower-case words."""
    if speaker_pos is None or cand[0] != speaker_pos + 1 or len(speakers) != 1 \
            or speakers[0].affiliation:
        return False
    words = re.findall(r"[^\s,]+", cand[1])
    return (
        0 < len(words) <= 8 and not _QUOTED.search(cand[1])
        and not re.search(r"[.:;!?]$", cand[1].strip())
        and all(w[:1].isupper() or not w[:1].isalpha() for w in words)
    )


def one_line(text: str) -> str:
    """``text`` with its white space collapsed and edge decoration (``*** X ***``) removed."""
    return " ".join(text.split()).strip(" *=#~_-")


_BANNER_SPLIT_RE = re.compile(r"\s+[-–—|:/]+\s+|\s*[:|]\s+")


def series_line(line: str) -> str | None:
    """The series a heading line of a talk names, else None: an upper-case banner
    (``LOGIC SEMINAR``, ``COLLOQUIUM``, ``DEPARTMENT OF CHEMISTRY - DISTINGUISHED LECTURE``),
    a line that is a series name (``Number Theory Seminar``), or a short line naming one
    in prose (``Reminder: today's Econometrics Seminar``)."""
    one = one_line(line)
    if not one or len(one) > 90 or one.endswith((".", "?", "!")) or len(one.split()) > 10:
        return None
    letters = [c for c in one if c.isalpha()]
    banner = bool(letters) and one.upper() == one
    if banner and (_SERIES_HEADER.match(one) or any(
            is_series_name(part) for part in [one, *_BANNER_SPLIT_RE.split(one)])):
        return one
    if is_series_name(one) and not speaker_line(one):
        return one
    if len(one.split()) <= 8 and (named := series_in_prose(one)):
        return named
    return None


_BULLET_LINE_RE = re.compile(r"^\s*(?:[-*•·▪◦‣+])\s+\S")
_EVENT_SEP_RE = re.compile(r"\s*[,|·]\s*|\s+[-–—]\s+")


def event_when(line: str) -> tuple[str, str] | None:
    """(series, when) of an event line (``Analysis Seminar, 12 March 2031``, ``12 March
    2031 – Geometry Colloquium``): a series name and a date on either side of one
    separator; None for any other line (a title holding a date is no series name)."""
    from extractors.plaintext import series_heading  # (plaintext reads announcements)

    parts = _EVENT_SEP_RE.split(line.strip(), maxsplit=1)
    if len(parts) != 2:
        return None
    for series, when in (parts, parts[::-1]):
        # a series with a word of its own: ``Next meeting - November 17th`` names none
        if is_series_name(series.strip()) and series_heading(series) is not None \
                and dates.looks_like_when(when.strip(), loose=True):
            return series.strip(), when.strip()
    return None


def _classify_line(line: str, boilerplate: frozenset[str]) -> str | None:
    """What one short line of a talk's head is: ``zone``, ``file``, ``event`` (a series and
    its date), ``when``, ``location``, ``speaker``, ``skip`` (boilerplate, logistics), or
    None (title text)."""
    one = line.strip()
    recurring = one.lower() in boilerplate
    if zone_in(one):
        return "zone"
    if series_line(one) is not None:
        return "series"
    if _FILE_RE.match(one):
        return "file"
    if event_when(one) is not None:
        return "event"
    if is_social(one) and (dates.looks_like_when(one, loose=True) or mentions_place(one)
                           or WHEN_IN_PROSE_RE.search(one)):
        return "skip"
    if dates.looks_like_when(one, loose=True) or split_when_place(one)[1] is not None:
        return "when"
    if is_location_line(one, recurring) or (
            _PLACE_NOTE_RE.match(one_line(one)) and is_location_line(place_value(one), True)):
        return "location"
    if _name_lines([one]) is not None:
        return "speaker"
    if recurring:
        return "skip"
    return None
