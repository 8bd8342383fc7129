"""Seminar and agenda pages (HTML, and markdown rendered to HTML): one code path.

A listing page shows each talk as a *record*: a list item with sub-bullets, a card
``<div>``, a ``<dt>``/``<dd>`` pair, a table row, or the paragraphs under a heading
per time slot. The extractor

1. reads machine data first (schema.org ``Event`` in JSON-LD or microdata) and
   tables whose header names the columns (``listing_structured``);
2. otherwise turns the page into visual lines (``listing_lines``), groups them
   into records by their repeated container, or by the heading above them, and
   classifies each record's lines by emphasis, position, labels and class names,
   asking the shared parsers (``looks_like_when``, ``looks_like_person_name``,
   ``is_non_talk``) what a line *is* — it never parses dates or names itself.

Headings outside records are context: a date heading becomes the date part of
``when_text``, a ``Fall 2021`` heading the ``year_hint``. A record becomes a
talk only with evidence (a speaker plus a date or title), so an about page or a
blog post yields nothing.

Series rule: the page title (front matter ``title``, else the first ``<h1>``,
else ``<title>``) names a series when it contains an event noun (seminar,
colloquium, series, lecture, workshop, symposium, conference, school, forum,
meeting) *and* at least one other distinguishing word once generic words
(agenda, schedule, program, upcoming, past, talks, seasons, ...) are removed:
``Internal Discussion Seminars`` is a series, ``Workshop Agenda`` and
``Upcoming Seminars`` are not.

Modules: this one holds the entry points and record assembly; ``listing_frontmatter``
reads markdown front matter (and talks stated there as data) and renders markdown;
``listing_page`` finds the content root and the page-wide series, venue and standing
schedule; ``listing_lines`` and ``listing_structured`` as above.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field, replace

import yaml
from bs4 import BeautifulSoup, XMLParsedAsHTMLWarning
from bs4.element import Tag

from extractors import listing_structured as structured
from extractors.listing_frontmatter import FRONT_MATTER_RE as _FRONT_MATTER_RE
from extractors.listing_frontmatter import IAL_INLINE_RE as _IAL_INLINE_RE
from extractors.listing_frontmatter import IAL_LINE_RE as _IAL_LINE_RE
from extractors.listing_frontmatter import LIQUID_RE as _LIQUID_RE
from extractors.listing_frontmatter import TOML_FRONT_MATTER_RE as _TOML_FRONT_MATTER_RE
from extractors.listing_frontmatter import as_date as _as_date
from extractors.listing_frontmatter import front_matter_talks as _front_matter_talks
from extractors.listing_frontmatter import heading_attributes
from extractors.listing_frontmatter import markdown_renderer as _markdown
from extractors.listing_frontmatter import merge_fields as _merge_fields
from extractors.listing_frontmatter import page_talk as _page_talk
from extractors.listing_frontmatter import raw_front_matter as _raw_front_matter
from extractors.listing_lines import NAME_SPLIT_RE as _NAME_SPLIT_RE
from extractors.listing_lines import (
    Line,
    LineParts,
    clean_tree,
    heading_level,
    is_when,
    page_lines,
    split_line,
)
from extractors.listing_lines import personish as _personish
from extractors.listing_lines import strip_label_prefix as _strip_label_prefix
from extractors.listing_lines import token_hint as _token_hint
from extractors.listing_page import VENUE_WORD_RE as _VENUE_WORD_RE
from extractors.listing_page import Page as _Page
from extractors.listing_page import apply_page as _apply_page
from extractors.listing_page import content_root as _content_root
from extractors.listing_page import series_from_title as _series_from_title
from extractors.listing_page import venue as _venue
from extractors.orgmode import is_org, org_keywords, org_one_talk, org_to_markdown
from extractors.restructured import extract_restructured, is_restructured, outline_talk
from pipeline.errors import ExtractionError
from pipeline.normalise import agenda, dates, people, siblings, text
from pipeline.normalise.vocab import TALKS_PAGE_WORDS
from pipeline.records import Document, RawTalk
from pipeline.structure import blocks as structure_blocks
from pipeline.structure import data as structure_data
from pipeline.structure import records as structure_records
from pipeline.structure import templates
from pipeline.structure.context import drop_shared_prose
from pipeline.structure.isolation import attempt, best_reading, completeness
from pipeline.structure.schedule import standing_schedule
from pipeline.structure.talklist import talk_list

VERSION = "6"

_CONNECTIVE_RE = re.compile(r"\s+(?:from|by|with|presented by|featuring)\s+", re.I)
_NOTE_RE = re.compile(r"^\s*[\(\[][^()\[\]]*[\)\]]\s*$")
_SLIDES_RE = re.compile(r"slides?\b|\.pdf\b|slideshare|speakerdeck|\.pptx?\b|presentation", re.I)
_VIDEO_RE = re.compile(
    r"video|recording|youtube|youtu\.be|vimeo|watch\b|panopto|\bzoom\.us/rec", re.I
)
_BIO_RE = re.compile(
    r"^(?:dr\.?\s+|prof\.?\s+)?\S+(?:\s+\S+){0,3}?(?:'s)?\s+(?:is|was|received|joined|did|"
    r"earned|holds|leads|works|obtained|completed|studied)\b|\b(?:he|she|they)\s+(?:is|was|"
    r"received|joined|holds|leads|works|obtained)\b",
    re.I,
)
_WHEN_PLACE_SEP_RE = re.compile(r"\s*[,;|·]\s*|\s+[-–—]\s+|\s+(?:in|at)\s+", re.I)
# ``14:00 → 14:45`` (Indico): an arrow between two times is a range
_ARROW_RE = re.compile(r"\s*(?:→|⟶|->|–>)\s*")
_ABSTRACT_LABELS = ("abstract", "summary")
_TITLE_MAX_WORDS = 40
# ``### 1. What can ...``, ``(2) Title``: the item's number in the list, not part of the title
_ENUMERATION_RE = re.compile(r"^\(?\d{1,3}[.)]\s+(?=\S)")
# a blog post's byline and meta lines: ``Posted on ... by ...``, ``Filed under``, ``Tags: ...``
_POST_META_RE = re.compile(
    r"^\s*(?:posted|published|updated|last\s+(?:updated|modified))\s+(?:on|by|in|at)\b|"
    r"^\s*(?:filed\s+under|categor(?:y|ies)\s*:|tags?\s*:|tagged\s+(?:with|as)\b|"
    r"read\s+more\b|continue\s+reading\b|leave\s+a\s+(?:comment|reply)\b|"
    r"\d+\s+comments?\s*$|no\s+comments\s*$|share\s+this\b)",
    re.I,
)
_END_BR_RE = re.compile(r"</br\s*>", re.I)
_CONTACT_RE = re.compile(r"^\s*(?:\S+@\S+\.\w+|(?:https?://|www\.)\S+)\s*$", re.I)


@dataclass
class _Record:
    lines: list[Line]
    context: list[Line] = field(default_factory=list)  # enclosing headings, outermost first
    container: Tag | None = None


# ---------------------------------------------------------------- entry points


def extract_markdown(doc: Document) -> list[RawTalk]:
    """Talks of a markdown page: front matter read, Liquid/kramdown removed, rendered, listed."""
    source = doc.text
    meta: dict = {}
    m = _FRONT_MATTER_RE.match(source)
    if m:
        try:
            loaded = structure_data.load_yaml(m.group(1), yaml.SafeLoader)
        except (yaml.YAMLError, ValueError, OverflowError, RecursionError):
            # not front matter after all, or a value YAML cannot build (``date: 2024-13-45``
            # raises ValueError from the date constructor): keep the text as it is
            loaded = None
        if isinstance(loaded, dict):
            meta = loaded
            source = source[m.end():]
    m = _TOML_FRONT_MATTER_RE.match(source) if not meta else None
    if m:
        try:
            meta = tomllib.loads(m.group(1))
        except tomllib.TOMLDecodeError:
            meta = {}  # not front matter after all: keep the text as it is
        else:
            source = source[m.end():]
    data = _front_matter_talks(_raw_front_matter(doc.text)) if meta else []
    body = source
    if is_org(source):  # an org outline: its headings, links and stamps as markdown's
        meta = meta or org_keywords(source)  # its ``#+TITLE``/``#+DATE``: the front matter
        source = org_to_markdown(source)
    source = _IAL_LINE_RE.sub("", _LIQUID_RE.sub("", text.rst_links_as_text(source)))
    source = heading_attributes(_IAL_INLINE_RE.sub("", source))
    html = _markdown().render(source)
    title = meta.get("title")
    ref = _as_date(meta.get("date"))
    talks = _extract(
        f"<html><body><main>{html}</main></body></html>",
        title=str(title).strip() if title else None,
        reference_date=ref,
        data_talks=data,
    )
    talks = _markdown_rivals(doc, talks, meta, body)
    if meta and len(talks) > 1:
        _front_matter_defaults(meta, talks)
    if meta and len(talks) <= 1:
        # the page itself may be the talk, stated as front matter: alone when the body
        # holds no listing, else merged field by field into the one talk the body gives
        one = attempt("front-matter page reader",
                      lambda: _page_talk(_raw_front_matter(doc.text) or meta, body), [])
        if one is not None:
            talks = [_merge_fields(talks[0], one)] if talks else [one]
    return talks


def _front_matter_defaults(meta: dict, talks: list[RawTalk]) -> None:
    """A listing page's front matter states what holds for all its talks (``location:``,
    ``TimeZone:``, ``EventDate:`` of a one-day programme): each key, matched to a field by
    its name, fills that field where a talk states none, and a talk with a time but no
    day takes the page's day."""
    fields: dict[str, str] = {}
    for key, value in meta.items():
        name = structure_data.field_of(str(key))
        if name == "date" and str(key).strip().casefold() in ("date", "day"):
            continue  # a post's own date (Jekyll, Hugo), not its talks' day
        if name in ("location", "timezone", "date") and isinstance(value, (str, dt.date)):
            fields.setdefault(name, str(value).strip())
    zone = structure_data.zone_of(fields.get("timezone"))
    day = fields.get("date") if fields.get("date") and dates.parse_when(fields["date"]) else None
    for talk in talks:
        if talk.location is None and fields.get("location"):
            talk.location = fields["location"]
        if talk.timezone is None and zone:
            talk.timezone = zone
        if day and talk.when_text and _TIME_ONLY_RE.match(talk.when_text):
            talk.when_text = f"{day}, {talk.when_text}"


# a when phrase of clock times alone (``2:15 PM-2:30 P.M``, ``09:00–09:20``)
_TIME_ONLY_RE = re.compile(r"^[\d:.h\s]+(?:[ap]\.?m\.?)?(?:\s*(?:[-–—]|to)\s*[\d:.h\s]+"
                           r"(?:[ap]\.?m\.?)?)?\s*$", re.I)


_DECK_SEPARATOR_RE = re.compile(r"^(?:---|\?\?\?|--)\s*$|^class:\s|^\.(?:image|code|play)\s",
                                re.M)


def _markdown_rivals(doc: Document, talks: list[RawTalk], meta: dict,
                     body: str) -> list[RawTalk]:
    """The listing's talks, or a rival reading that explains clearly more of the source.

    Rivals: the whole file as data (``_data/talks.yml`` sniffed as markdown), the front
    matter as one record (a one-talk page, a deck's ``title``/``author``/``date``), pipe
    tables markdown does not render (org-mode ``|---+---|`` rules) by their header, and,
    for a deck (slide separators, ``class:`` and ``.image`` lines), the slides reader."""
    warnings_: list[str] = []
    rivals = [("data reader", lambda: structure_data.data_talks(
        structure_data.load(doc.text) if not meta else meta)),
        ("table reader", lambda: structure_data.table_talks(body)),
        ("talk-list reader", lambda: talk_list(body))]
    deck = _deck_front_matter(meta)
    if not deck and (org := org_deck_keywords(doc.text)) is not None:
        meta, deck = org, True  # an org-mode deck (beamer, reveal.js export) says so too
    if deck:  # a deck says so in its front matter: one talk, whatever its slide headings
        from extractors.slides import extract_slides_text

        found = attempt("slides reader", lambda: _deck_talk(doc, meta, body, extract_slides_text),
                        warnings_)
        if found:
            return found
    slides = len(_DECK_SEPARATOR_RE.findall(body)) >= 3
    # org-mode sniffed as markdown, when the markdown reading is weak (costly otherwise)
    weak = completeness(talks) < 0.5 * len(talks) if talks else True
    if weak and _ORG_SIGN_RE.search(doc.text) and not slides:
        from extractors.plaintext import talks_from_text

        rivals.append(("text reader", lambda: talks_from_text(doc.text)))
    if slides:
        from extractors.slides import extract_slides_text

        rivals.append(("slides reader", lambda: _deck_talk(doc, meta, body, extract_slides_text)))
    # a whole file of data is read by its keys; the rules already read front-matter lists
    # and the pipe tables markdown renders, so those rivals must explain twice as much
    restructured = is_restructured(doc.text)
    if restructured:  # reStructuredText sniffed as markdown (its ``*`` bullets)
        rivals.append(("reStructuredText reader", lambda: extract_restructured(doc)))
    if is_org(body):
        if (one := attempt("org one-talk reader", lambda: org_one_talk(body), warnings_)):
            return [one]
        if (listed := _org_talk_list(body, talks, warnings_)):
            talks = listed
    best = best_reading(talks, rivals, warnings_,
                        structured=frozenset({"talk-list reader", "reStructuredText reader"})
                        if meta else frozenset({"data reader", "talk-list reader",
                                                "reStructuredText reader"}))
    if restructured:  # titles only: one talk's outline, titled by its adorned title
        best = attempt("reStructuredText title", lambda: outline_talk(doc.text, best),
                       warnings_) or best
    if slides and not best:
        # a deck is one talk even when it names nobody on its slides: its title slide
        # alone is what the listing readers weigh as too little
        from extractors.slides import extract_slides_text

        deck_talks = attempt("slides reader", lambda: _deck_talk(doc, meta, body,
                                                                 extract_slides_text), warnings_)
        best = [t for t in deck_talks or [] if t.title][:1]
    for talk in best:
        talk.warnings.extend(warnings_)
    return best


# an org outline's talk list is its reading when it explains this share of the outline's
ORG_LIST_SHARE = 0.9


def _org_talk_list(body: str, talks: list[RawTalk], warnings_: list[str]) -> list[RawTalk]:
    """The talk-list reading of an org outline, when it explains nearly as much as the
    outline's (``ORG_LIST_SHARE``); else [].

    Why: an org file of one-line talks (``- *03.09.2015* - [[slides][Title]] - Venue``)
    rendered as markdown reads each line whole (venue in the title); the talk-list reader
    cuts the same lines into their slots. The two explain the same records, so the one
    that reads each record's slots is taken even a little short of the other's count."""
    listed = attempt("talk-list reader", lambda: talk_list(body), warnings_) or []
    if listed and completeness(listed) >= ORG_LIST_SHARE * completeness(talks):
        return listed
    return []


# org-mode: keywords (``#+TITLE:``), or two ``* Heading`` lines (in a deck those are
# bullets, so decks are never read as org)
_ORG_SIGN_RE = re.compile(r"^#\+[A-Za-z_]+:|^\*+ \S.*\n(?:.*\n)*?^\*+ \S", re.M)
_DECK_FORMAT_RE = re.compile(r"revealjs|beamer|pptx|xaringan|ioslides|slidy|remark|marp|"
                             r"slidev|moon_reader", re.I)


def _deck_front_matter(meta: dict) -> bool:
    """Front matter of a slide deck: a Quarto/R Markdown slide format (``format: revealjs``,
    ``output: xaringan::moon_reader``), ``marp: true``, or Slidev's ``theme`` + ``layout``."""
    if not meta:
        return False
    formats = " ".join(str(meta.get(k, "")) for k in ("format", "output"))
    return bool(_DECK_FORMAT_RE.search(formats)) or str(meta.get("marp")).lower() == "true" \
        or ("theme" in meta and ("layout" in meta or "highlighter" in meta))


_ORG_KEYWORD_LINE_RE = re.compile(r"^#\+(?P<key>[A-Za-z_]+):[ \t]*(?P<value>.*?)\s*$", re.M)
# org keywords that are the talk's own fields, not export settings
_ORG_TALK_KEYS = ("title", "author", "date", "email", "subtitle")


def org_deck_keywords(text: str) -> dict | None:
    """The talk keywords (``title``, ``author``, ``date``) of an org-mode document whose
    export settings make it a deck (``#+beamer_theme:``, ``#+LaTeX_CLASS: beamer``,
    ``#+REVEAL_ROOT:``, ``#+startup: beamer``); None for any other text."""
    keys = {m["key"].lower(): m["value"] for m in _ORG_KEYWORD_LINE_RE.finditer(text[:6000])}
    settings = " ".join(f"{k} {v}" for k, v in keys.items() if k not in _ORG_TALK_KEYS)
    if not keys.get("title") or not _DECK_FORMAT_RE.search(settings):
        return None
    return {k: v for k, v in keys.items() if k in ("title", "author", "date") and v}


def _deck_talk(doc: Document, meta: dict, body: str,
               read: Callable[[Document], list[RawTalk]]) -> list[RawTalk]:
    """A markdown deck: its front matter as the talk, the slides reader for the rest."""
    one = structure_data.record_talk(meta) if meta else None  # a deck's own title/author
    fm = [one] if one is not None else []
    text_doc = replace(doc, data=body.encode("utf-8"), format="slides_text")
    talks = read(text_doc)
    if fm and talks:
        merged = fm[0]
        merged.title = merged.title or talks[0].title
        merged.speaker_text = merged.speaker_text or talks[0].speaker_text
        merged.when_text = merged.when_text or talks[0].when_text
        return [merged]
    return fm or talks


def extract_html(doc: Document) -> list[RawTalk]:
    """Talks of an HTML page as scraped from the web."""
    return _extract(doc.text, title=None, reference_date=None)


# ---------------------------------------------------------------- the page


def _extract(
    html: str,
    *,
    title: str | None,
    reference_date: dt.date | None,
    data_talks: list[RawTalk] | None = None,
) -> list[RawTalk]:
    if not html.strip():
        return list(data_talks or [])
    # ``</br>`` is a line break to a browser (the HTML standard says so); lxml drops it
    html = _END_BR_RE.sub("<br>", html)
    try:
        with warnings.catch_warnings():
            # XHTML (``<?xml ...?>`` first) is read as HTML on purpose: lxml's HTML parser
            # neither fetches external entities nor expands entity definitions
            warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
            soup = BeautifulSoup(html, "lxml")
    except (ValueError, TypeError) as exc:  # lxml refuses some binary garbage
        raise ExtractionError(f"unreadable HTML: {exc}") from exc
    structure_blocks.disclosure_buttons(soup)
    warnings_: list[str] = []
    html_text = soup.get_text("\n")[:4000]
    talks = attempt("layout rules", lambda: _dedupe(
        _extract_soup(soup, title=title, reference_date=reference_date, data=data_talks)
    ), warnings_)
    if talks is not None:
        drop_shared_prose(talks)
        return talks
    # the rules failed on this page: the repetition reader alone, on a fresh parse
    # (the rules may have left the tree half cleaned)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        fresh = BeautifulSoup(html, "lxml")
    structure_blocks.disclosure_buttons(fresh)
    rival = attempt("repetition reader", lambda: structure_records.read_records(
        structure_records.find_records(structure_blocks.html_blocks(fresh)), html_text),
        warnings_) or []
    if not rival and any("nested too deeply" in w for w in warnings_):
        raise ExtractionError("HTML nested too deeply to read as a listing")
    for talk in rival:
        talk.warnings.extend(warnings_)
    return list(data_talks or []) + rival


def _extract_soup(
    soup: BeautifulSoup,
    *,
    title: str | None,
    reference_date: dt.date | None,
    data: list[RawTalk] | None = None,
) -> list[RawTalk]:
    page = _Page(reference_date=reference_date)
    page.base_url = structured.base_url(soup)
    events = structured.jsonld_events(soup) + structured.microdata_events(soup)
    html_title = soup.title.get_text(" ", strip=True) if soup.title else None
    # a zone the page states in its chrome (a footer's ``All times Eastern``), which
    # ``clean_tree`` removes with the navigation: the fallback for the page's own cue
    chrome_zone = dates.find_timezone_cue(" ".join(
        t.get_text(" ") for t in soup.find_all(["footer", "header"])))
    clean_tree(soup)
    root = _content_root(soup)
    if root is None:
        return []
    h1 = root.find("h1")
    page.title = title or (h1.get_text(" ", strip=True) if h1 else None) or html_title
    page.series = _series_from_title(page.title, html_title if not title else None)
    if reference_date is not None:
        page.year = reference_date.year

    all_lines = page_lines(root)
    parallel = structured.parallel_tables(root)
    tables = structured.table_records(root, skip=[t for t, _ in parallel])
    tables += structured.pre_tables(root)
    read_apart = [t for t, _ in tables] + [t for t, _ in parallel]
    in_table = {id(ln) for ln in all_lines for t in read_apart if _inside(ln.element, t)}
    lines = [ln for ln in all_lines if id(ln) not in in_table]
    all_text = "\n".join(line.text for line in lines)
    if page.year is None:
        page.year = dates.find_year(all_text)

    talks: list[RawTalk] = []
    if events:
        talks = [structured.event_talk(ev, page.base_url) for ev in events]
        talks = [t for t in talks if t.title or t.speaker_text or t.speakers]

    records = [] if talks else _records(lines)
    built = [(r, _record_talk(r, page)) for r in records]
    built = [(r, item) for r, t in built
             for item in ((_listed_items(_list_item_texts(r), t) or [t])
                          if t is not None else [t])]
    # page-wide statements (venue, time zone) live outside the records that are talks
    talk_lines = {id(ln) for r, t in built if t is not None for ln in r.lines if not ln.heading}
    context = [ln.text for ln in lines if id(ln) not in talk_lines]
    page.timezone = dates.find_timezone_cue("\n".join(context)) or chrome_zone
    page.standing_time, standing_place = standing_schedule(context)
    page.location = _venue(context) or standing_place

    if not talks:
        for table, slots in parallel:
            ctx = _headings_before(all_lines, table)
            for time, room, td in slots:
                talk = _slot_talk(time, room, td, ctx, page)
                if talk is not None:
                    talks.append(talk)
        table_heads: set[int] = set()  # the nearest heading of each table giving talks
        for table, rows in tables:
            ctx = _headings_before(all_lines, table)
            before = len(talks)
            for row in rows:
                talk = _table_talk(row, ctx, page)
                if talk is not None:
                    talks.append(talk)
            if ctx and len(talks) > before:
                table_heads.add(id(ctx[-1]))
        # a record that is only the heading over such a table (``Programme, 14 June``) is
        # the table's context, not a talk of its own
        built = [(r, t) for r, t in built
                 if not (len(r.lines) == 1 and id(r.lines[0]) in table_heads)]
        # evidence: a speaker and a date make a talk; a speaker with only a title, or a
        # title and a date without a speaker, count only on a page that lists dated talks
        dated = [t for _, t in built if t is not None and t.speaker_text and t.when_text]
        if dated or talks:
            talks.extend(t for _, t in built if t is not None)
        elif _own_talks_page(lines, title, [t for _, t in built if t is not None]):
            # a page headed ``Talks`` listing dated, titled records and naming nobody: its
            # author's own talks (the speaker is the page's owner, not stated)
            talks.extend(t for _, t in built if t is not None and t.title and t.when_text)
    blocks = _PageBlocks(root)  # built once for the readers below, each gets a copy
    talks = _rival_reading(blocks, page, talks, all_text)
    if not data and (not talks or (len(talks) == 1 and (
            not talks[0].title or text.is_prose(talks[0].title)
            or _title_names_speaker(talks[0])))):
        # no listing, or one talk without a title, titled by a paragraph or by its
        # speaker's name (the page heading of a detail page, above a date heading that
        # started the record):
        # the page read as the one talk it describes
        talks = _single_reading(blocks, all_text) or talks
    owner = _page_owner(html_title) if not talks and not data else None
    if owner:
        talks = attempt("one person's talks reader", lambda: structure_records.read_records(
            structure_records.find_records(blocks(), owner),
            all_text, owner=owner), []) or []
    if data:
        # the page's data states each talk; a rendered body that lists them again adds only
        # what the data lacks, so a body record naming a data talk's title is the same talk
        known = {_title_key(t.title) for t in data if t.title}
        talks = data + [t for t in talks if not t.title or _title_key(t.title) not in known]
    for talk in talks:
        _apply_page(talk, page)
    return talks


class _PageBlocks:
    """The blocks of a page's content root, built on first use and shared by the readers
    that read them (repetition, one-talk and one person's talks readers): the tree does
    not change between them, each reader gets its own copy of the list (the blocks are
    frozen), and a failure to build them fails each reader alike, as before."""

    def __init__(self, root: Tag) -> None:
        self.root = root
        self._blocks: list[structure_blocks.Block] | None = None

    def __call__(self) -> list[structure_blocks.Block]:
        if self._blocks is None:
            self._blocks = structure_blocks.html_blocks(self.root)
        return list(self._blocks)


def _rival_reading(blocks: _PageBlocks, page: _Page, talks: list[RawTalk],
                   all_text: str) -> list[RawTalk]:
    """The repetition reader's talks when they explain clearly more of the page than
    ``talks`` (``best_reading``).

    The layout rules above know headings, lists, tables and cards; a page whose talks are
    separated by some other repeated block (a bold time line, a classed paragraph) gives
    them nothing. The repetition reader runs isolated: if it fails, the rules' reading
    stands with a warning."""
    warnings: list[str] = []

    def read() -> list[RawTalk]:
        return structure_records.read_records(structure_records.find_records(blocks()),
                                              all_text)

    best = best_reading(talks, [("repetition reader", read)], warnings)
    for talk in best:
        talk.warnings.extend(warnings)
    return best


def _single_reading(blocks: _PageBlocks, all_text: str) -> list[RawTalk]:
    """The page as the one talk it describes, when no reading found a listing in it.

    A talk's detail page states each field once (``Speaker:``, ``Time:``) under its
    title; it runs isolated like the other rivals."""
    warnings: list[str] = []
    talk = attempt("one-talk reader", lambda: structure_records.read_single(
        blocks(), all_text), warnings)
    if talk is None:
        return []
    talk.warnings.extend(warnings)
    return [talk]


_TALKS_PAGE_RE = re.compile(r"^(?:" + "|".join(TALKS_PAGE_WORDS) + r")$", re.I)


# a page of its owner's talks lists at least this many dated, titled records
OWN_TALKS_MIN = 3


def _own_talks_page(lines: list[Line], html_title: str | None, talks: list[RawTalk]) -> bool:
    """Whether the page lists its owner's talks: its first heading or its title is a talks
    heading (``TALKS_PAGE_WORDS``), no record names a speaker, and most records (at least
    ``OWN_TALKS_MIN``) have a title and a date."""
    if any(t.speaker_text or t.speakers for t in talks):
        return False
    dated = [t for t in talks if t.title and t.when_text]
    if len(dated) < max(OWN_TALKS_MIN, len(talks) / 2):
        return False
    heading = next((ln.text for ln in lines if ln.heading), None)
    names = [heading, *re.split(r"\s+[|·•–—-]\s+|\s*::\s*", html_title or "")]
    return any(n and _TALKS_PAGE_RE.match(n.strip()) for n in names)


def _page_owner(html_title: str | None) -> str | None:
    """The person a page of one person's talks is about: ``Talks – Jane Doe`` names the
    page (a word of ``TALKS_PAGE_WORDS``) and a person, and nothing else."""
    if not html_title:
        return None
    parts = [p.strip() for p in re.split(r"\s+[|·•–—-]\s+|\s*::\s*", html_title) if p.strip()]
    if len(parts) != 2 or not any(_TALKS_PAGE_RE.match(p) for p in parts):
        return None
    name = next(p for p in parts if not _TALKS_PAGE_RE.match(p))
    return name if people.looks_like_person_name(name) else None


def _title_names_speaker(talk: RawTalk) -> bool:
    """The talk's title is its first speaker's name (``<h1>Name</h1>`` above the talk) or
    a date line (``29 Outubro 2015 ·``): a detail page's heading, not its title."""
    if not talk.title or not talk.speaker_text:
        return False
    return _title_key(talk.speaker_text[0]).startswith(_title_key(talk.title)) \
        or structure_records.when_line(talk.title) is not None


def _title_key(title: str | None) -> str:
    return re.sub(r"\W+", " ", (title or "").casefold()).strip()


def _dedupe(talks: list[RawTalk]) -> list[RawTalk]:
    """One record per talk: a page with an "upcoming" teaser above its archive states some
    talks twice. Same date, same first speaker and same title are one talk; the record
    saying more is kept, in the place of the first."""
    out: list[RawTalk] = []
    index: dict[tuple[str, str, str], int] = {}
    for talk in talks:
        key = _identity(talk)
        if key is None:
            out.append(talk)
            continue
        if key in index:
            i = index[key]
            if _richness(talk) > _richness(out[i]):
                out[i] = talk
            continue
        index[key] = len(out)
        out.append(talk)
    return out


def _identity(talk: RawTalk) -> tuple[str, str, str] | None:
    day: dt.date | None = talk.date or (talk.start.date() if talk.start else None)
    if day is None and talk.when_text:
        parsed = dates.parse_when(
            talk.when_text, year=talk.year_hint, reference=talk.reference_date
        )
        day = parsed.date if parsed else None
    # the name part of the first speaker line is enough to tell two talks of a day apart
    names = [s.name for s in talk.speakers] + [
        _NAME_SPLIT_RE.split(line.strip(), maxsplit=1)[0] for line in talk.speaker_text[:1]
    ]
    title = re.sub(r"\W+", " ", (talk.title or "").casefold()).strip()
    if day is None or not names or not title:
        return None
    return day.isoformat(), " ".join(names[0].casefold().split()), title


def _richness(talk: RawTalk) -> int:
    filled = sum(
        1 for v in (talk.abstract, talk.speaker_bio, talk.start, talk.end, talk.location,
                    talk.url, talk.slides, talk.video)
        if v
    )
    return filled * 10_000 + len(talk.abstract or "") + len(talk.when_text or "")



# ---------------------------------------------------------------- records


def _is_when(text_: str) -> bool:
    return is_when(text_)


def _split_connective(text_: str) -> tuple[str, str] | None:
    """``Welcome from Jane Doe, Director`` -> (``Welcome``, ``Jane Doe, Director``)."""
    for m in _CONNECTIVE_RE.finditer(text_):
        left, right = text_[: m.start()].strip(), text_[m.end():].strip()
        if left and right and _personish(right) and not _personish(left):
            return left, right
    return None


def _candidates(line: Line, stop: Tag, cache: dict) -> list[Tag]:
    """Ancestors of a line (outermost first) that may be one talk's container."""
    chain: list[Tag] = []
    el: Tag | None = line.element
    while el is not None and el is not stop:
        known = cache.get(id(el))
        if known is None:
            known = cache[id(el)] = _is_candidate(el, cache)
        if known:
            chain.append(el)
        el = el.parent if isinstance(el.parent, Tag) else None
    chain.reverse()
    return chain


def _is_candidate(el: Tag, cache: dict) -> bool:
    """Whether ``el`` can hold one talk: a list item, an article, a definition, a table row
    among others, or a classed block repeated beside its siblings (``div.views-row``).
    Sibling shapes are counted once per parent (``cache``), so long lists stay linear."""
    name = el.name
    if name == "li" and el.parent is not None and _field_list(el.parent, cache):
        return False  # one field of the talk the heading above names, not a talk
    if name in ("li", "article", "dt", "dd"):
        return True
    if name in ("div", "section", "p", "tr"):
        parent = el.parent
        if parent is None or heading_level(el):
            return False  # a ``div.day-header`` heads the items after it, it holds none
        cls = _shape_class(el)
        if not cls and name != "tr":
            return False
        counts = _sibling_shapes(parent, cache)
        return counts.get((name, cls), 0) >= 2 or (name == "tr" and counts.get(("tr",), 0) >= 2)
    return False


def _field_list(parent: Tag, cache: dict) -> bool:
    """Whether a list is one talk's labelled fields (``- **Speaker:** ...``, ``- **When:**
    ...``, ``- **Room:** ...``): every item one ``Label: value`` line, the labels naming
    at least two different fields. A list of talks repeats the same shape instead."""
    key = ("fields", id(parent))
    known = cache.get(key)
    if known is None:
        roles: list[str] = []
        for li in parent.find_all("li", recursive=False):
            if li.find(["ul", "ol", "p", "div"]) is not None:
                roles = []
                break
            labelled = _label(" ".join(li.get_text(" ").split()))
            if labelled is None:
                roles = []
                break
            roles.append(labelled[0])
        known = cache[key] = len(set(roles)) >= 2
    return known


def _sibling_shapes(parent: Tag, cache: dict) -> dict[tuple, int]:
    key = ("shapes", id(parent))
    shapes = cache.get(key)
    if shapes is None:
        shapes = {}
        for child in parent.find_all(True, recursive=False):
            shape = (child.name, _shape_class(child))
            shapes[shape] = shapes.get(shape, 0) + 1
            if child.name == "tr":
                shapes[("tr",)] = shapes.get(("tr",), 0) + 1
        cache[key] = shapes
    return shapes


def _shape_class(el: Tag) -> str | None:
    """The first class names the kind of block: ``timetable-item break`` is one more
    ``timetable-item``, ``views-row views-row-2`` one more ``views-row``."""
    cls = el.get("class") or ()
    return str(cls[0]) if cls else None


def _key(el: Tag) -> Tag:
    """A ``<dd>`` belongs to the ``<dt>`` before it: the pair is one record."""
    if el.name == "dd":
        prev = el.find_previous_sibling("dt")
        if prev is not None:
            return prev
    return el


def _records(lines: list[Line]) -> list[_Record]:
    """Group lines into records: by their talk container, else by the heading above them."""
    if not lines:
        return []
    stop = lines[0].element
    while stop.parent is not None and isinstance(stop.parent, Tag):
        stop = stop.parent
    cache: dict = {}
    chains = [[_key(c) for c in _candidates(line, stop, cache)] for line in lines]
    members: dict[int, list[Line]] = {}
    for line, chain in zip(lines, chains, strict=True):
        for c in chain:
            members.setdefault(id(c), []).append(line)
    talk_like = {k for k, ls in members.items() if len(ls) >= 2 and _has_evidence(ls)}
    inner: dict[int, set[int]] = {}
    for chain in chains:
        for i, c in enumerate(chain):
            below = {id(d) for d in chain[i + 1:] if id(d) in talk_like}
            inner.setdefault(id(c), set()).update(below)
    group_like = {k for k, v in inner.items() if len(v) >= 2}

    records: list[_Record] = []
    by_key: dict[int, _Record] = {}
    headings: list[Line] = []  # stack of headings outside records
    current: _Record | None = None
    # the short line introducing a run of items (``Program committee`` over its list): the
    # run's heading, though the page wrote it as a paragraph
    lead: Line | None = None
    previous: Line | None = None  # the last loose line (outside items), while it is the last
    for line, chain in zip(lines, chains, strict=True):
        item = next((c for c in chain if id(c) not in group_like), None)
        if item is not None:
            rec = by_key.get(id(item))
            if rec is None:
                if previous is not None:
                    lead = previous if _lead_in(previous) else None
                rec = _Record([], context=list(headings) + ([lead] if lead else []),
                              container=item)
                by_key[id(item)] = rec
                records.append(rec)
            rec.lines.append(line)
            previous = None
            continue
        previous, lead = line, None
        if line.heading:
            while headings and headings[-1].heading >= line.heading:
                headings.pop()
            current = _Record([line], context=list(headings))
            records.append(current)
            headings.append(line)
            continue
        if current is None:
            current = _Record([], context=list(headings))
            records.append(current)
        current.lines.append(line)
    return [r for r in records if r.lines and not _section_heading(r, records)]


def _section_heading(record: _Record, records: list[_Record]) -> bool:
    """A record that is only a heading over the talk headings below it (``Morning``,
    ``Afternoon Sessions`` over each session's talks): a section of the outline, whose
    text is context of the records under it, not a talk of its own. A heading over a
    field heading (``Abstract`` under the title) is the talk's title, so it stays."""
    if len(record.lines) != 1 or not record.lines[0].heading:
        return False
    head = record.lines[0]
    children = [r for r in records if r.context and r.context[-1] is head and r.lines
                and r.lines[0].heading]
    return bool(children) and all(
        _label(f"{r.lines[0].text.rstrip(':： ')}:") is None for r in children)


def _lead_in(line: Line) -> bool:
    """A short line that can head the list after it: a few words, no sentence, no date."""
    t = line.text.strip()
    return (not line.heading and not line.links and 1 <= len(t.split()) <= 5
            and not t.endswith((".", ",", ";")) and not _is_when(t))


def _has_evidence(lines: list[Line]) -> bool:
    return any(_is_when(line.text) or _when_and_place(line.text, loose=False) is not None
               for line in lines) or any(
        line.strong_only and _personish(line.text) for line in lines
    )


def _inside(el: Tag, container: Tag) -> bool:
    return el is container or any(p is container for p in el.parents)


def _headings_before(lines: list[Line], table: Tag) -> list[Line]:
    """Headings in force where ``table`` starts (outermost first)."""
    stack: list[Line] = []
    for line in lines:
        if _inside(line.element, table):
            break
        if line.heading:
            while stack and stack[-1].heading >= line.heading:
                stack.pop()
            stack.append(line)
    return stack


# ---------------------------------------------------------------- one record


def _hint(line: Line, container: Tag | None) -> str | None:
    """The field a card's class names or microdata property give a line (``class="speaker"``)."""
    el: Tag | None = line.element
    while el is not None and el is not container:
        for attr in ("class", "itemprop"):
            val = el.get(attr)
            if isinstance(val, str):
                val = val.split()
            for v in val or ():
                hint = _token_hint(str(v))
                if hint:
                    return hint
        el = el.parent if isinstance(el.parent, Tag) else None
    return None


# the shared label vocabulary's fields as this reader's roles
_SHARED_ROLES = {"date": "when", "time": "when", "host": "skip"}


def _label(text_: str) -> tuple[str, str] | None:
    """(role, value) of a ``Label: value`` line, by the shared label vocabulary
    (``Guest Speaker :``, ``Chair:``, ``Quem:``) with its fields as this reader's roles."""
    shared = text.field_label(text_, multiline=True)
    if shared is None:
        return None
    return _SHARED_ROLES.get(shared[0], shared[0]), shared[1]


def _is_link_line(line: Line) -> bool:
    """A line made of links (``[Slides](...) (members only)``): its text is not prose."""
    if not line.links:
        return False
    rest = re.sub(r"[\(\[][^()\[\]]*[\)\]]", " ", line.text_outside_links())
    return len(re.findall(r"\w+", rest)) <= 2


def _link_kind(label: str, href: str) -> str | None:
    if _VIDEO_RE.search(label) or re.search(r"youtube|youtu\.be|vimeo", href, re.I):
        return "video"
    if _SLIDES_RE.search(label) or re.search(r"\.pdf(?:$|[?#])|slideshare|speakerdeck", href, re.I):
        return "slides"
    return None


def _heading_when(context: list[Line]) -> str | None:
    for h in reversed(context):
        if _is_when(h.text):
            return h.text
    return None


def _heading_year(context: list[Line]) -> int | None:
    for h in reversed(context):
        year = dates.find_year(h.text)
        if year:
            return year
    return None


def _record_talk(rec: _Record, page: _Page) -> RawTalk | None:
    lines = [ln for ln in rec.lines if ln.text and not _NOTE_RE.match(ln.text)]
    if not lines:
        return None
    if (section := siblings.section_of([h.text for h in rec.context])) is not None:
        # kept without title or speaker, so the run reports it as a dropped record
        return RawTalk(warnings=[f"{lines[0].text[:80]!r} under the page section "
                                 f"{section!r} (people, papers, dates, committees): not a talk"])
    first_content = next((ln for ln in lines if not _is_when(ln.text)), None)
    if first_content is not None and agenda.is_non_talk(first_content.text):
        return None

    talk = RawTalk()
    when: list[str] = []
    speakers: list[str] = []
    affiliations: list[str] = []
    title: str | None = None
    title_line: Line | None = None
    abstract: list[str] = []
    bio: list[str] = []
    pending: list[Line] = []  # lines whose role depends on what else the record has

    title_labelled = False  # the title came from a ``Title:`` label, which no heading overrides
    displaced: Line | None = None  # a post heading a labelled title replaced
    speaker_el: Tag | None = None  # the element of the last speaker line
    for ln in lines:
        t = ln.text
        if _POST_META_RE.match(t):
            # a blog post's own date and author (``Posted on 6 February 2023 by admin``):
            # furniture, though its date tells the year of a talk dated ``Thursday 16 February``
            posted = next((structured.instant(v) for v, _ in ln.datetimes), None)
            if isinstance(posted, dt.datetime):
                posted = posted.date()
            if isinstance(posted, dt.date) and talk.reference_date is None:
                talk.reference_date = posted
            continue
        role = _hint(ln, rec.container)
        labelled = _label(t)
        if labelled:
            role, t = labelled
            if not t or role == "skip":
                continue
            if role == "speaker":
                t = _without_trailing_link(t, ln.links)
            if role == "speaker" and _prose_not_person(t):
                role, t = None, ln.text  # ``Presenters: email the organisers to swap a slot``
        elif (
            not ln.links and len(t.split()) <= 3 and _label(f"{t.rstrip(':： ')}:") is not None
        ):
            continue  # a field's label on its own line (``<summary>Abstract</summary>``)
        if role == "note":
            continue  # a card's side remark (``Joint with the X seminar``)
        for label, href in ln.links:
            kind = _link_kind(label, href)
            if kind == "slides" and not talk.slides:
                talk.slides = structured.absolute(href, page.base_url)
            elif kind == "video" and not talk.video:
                talk.video = structured.absolute(href, page.base_url)
        if role in ("when", None) and not _is_when(t):
            split = _when_and_place(t, loose=role == "when")
            if split is not None:
                t, place = split
                role = "when"
                talk.location = talk.location or place
        if role == "when" or (role is None and _is_when(t)):
            when.append(_machine_times(talk, ln.datetimes, _ARROW_RE.sub(" – ", t)))
            continue
        if role in ("slides", "video"):
            continue
        if role is None and _is_link_line(ln) and not (
            (ln.heading or ln.strong_only) and not any(_link_kind(*lk) for lk in ln.links)
        ):
            continue  # a ``Slides``/``More`` link line; a linked heading is the card's title
        if role is not None and _label(f"{t}:") is not None and len(t.split()) <= 3:
            continue  # a field's own label (``<div class="field__label">Speaker</div>``)
        if role == "location":
            talk.location = t
        elif role == "affiliation":
            affiliations.append(t)
        elif role == "speaker":
            if (
                speakers and not labelled and speaker_el is ln.element
                and not _personish(t)
            ):
                # ``<p class="speaker"><b>Name</b><br>Role<br>Department, University</p>``:
                # one speaker's lines, split only by the layout
                speakers[-1] = f"{speakers[-1]}, {t}"
            else:
                speakers.append(_strip_label_prefix(t))
            speaker_el = ln.element
        elif role == "title":
            if title is None:
                title, title_line, title_labelled = t, ln, bool(labelled)
            elif labelled and not title_labelled and title_line is not None:
                # a post's body states ``Title: ...``: the post heading only announces it
                displaced = title_line
                title, title_line, title_labelled = t, ln, True
            else:
                pending.append(ln)
        elif role == "abstract":
            abstract.append(t)
        elif role == "bio":
            bio.append(t)
        else:
            pending.append(ln)

    # one line saying it all: ``Oct 8 Jane Doe (MIT) – Title``
    if not speakers and title is None and pending:
        parts = _one_line_talk(pending, page)
        if parts is not None:
            ln = pending.pop(0)
            if parts.title and agenda.is_non_talk(parts.title) and not parts.speaker:
                return None
            if parts.when:
                when.insert(0, _machine_times(talk, ln.datetimes, parts.when))
            if parts.speaker:
                speakers.append(parts.speaker)
            title, title_line = parts.title, None
            later = _title_below(pending) if parts.speaker and title else None
            if later is not None and people.is_organisation_line(title or ""):
                # ``Date - Name - University of X`` over a bold title line: the line's last
                # part is the speaker's organisation, the bold line the title
                if "(" not in speakers[-1]:
                    speakers[-1] = f"{speakers[-1]} ({title})"
                title = later.text
                pending.remove(later)
            for label, href in parts.title_links:
                if _link_kind(label, href) is None:
                    talk.url = structured.absolute(href, page.base_url)
                    break
    # a marked title line that names the speaker too (``Seminar: Jane Doe (MIT) – Title``)
    if not speakers and title_line is not None:
        parts = split_line(title_line)
        if parts is not None and parts.speaker and parts.title and not parts.when:
            speakers.append(_strip_label_prefix(parts.speaker))
            title = parts.title
    # speaker: a line that starts with a person's name, preferring emphasised lines
    if not speakers:
        # a connective line (``Welcome from Jane Doe``) or one of the first lines
        # starting with a person's name
        # (no connective split of a line when a later one opens with a name: ``Register
        # Allocation by Puzzle Solving`` over ``Name - role`` is a title over its speaker)
        named_below = [any(_personish(x.text) and not x.em_only for x in pending[k + 1:3])
                       for k in range(len(pending[:3]))]
        for k, ln in enumerate(pending[:3]):
            split = _split_connective(ln.text) if title is None and not named_below[k] \
                else None
            if split:
                title, title_line = split[0], ln
                speakers.append(split[1])
                pending.remove(ln)
                break
            if _personish(ln.text) and not ln.em_only:
                speakers.append(_strip_label_prefix(ln.text))
                pending.remove(ln)
                _absorb_affiliation(ln, pending, speakers)
                break
    if not speakers:
        # bold name + italic title: the layout itself says which is which
        bold = [ln for ln in pending if ln.strong_only and not ln.heading]
        italic = [ln for ln in pending if ln.em_only]
        if len(bold) == 1 and italic and bold[0].index < italic[0].index:
            speakers.append(_strip_label_prefix(bold[0].text))
            pending.remove(bold[0])
            _absorb_affiliation(bold[0], pending, speakers)
    name_words = _name_words(speakers)
    if title is None and pending:
        # the first remaining line, when short, is the title; else an emphasised line
        head = pending[0]
        if head.heading and siblings.agenda_slot(head.text) and len(pending) > 1:
            # ``# 2nd Talk`` over ``## The title``: the record's label, not its title
            pending.remove(head)
            head = pending[0]
        emphasised = [
            ln for ln in pending
            if (ln.em_only or ln.heading or ln.strong_only) and not _bio_like(ln.text, name_words)
        ]
        if len(head.text.split()) <= _TITLE_MAX_WORDS and not (
            head.em_only and _bio_like(head.text, name_words)
        ):
            cand: Line | None = head
        else:
            cand = emphasised[0] if emphasised else None
        italic = [ln for ln in emphasised if ln.em_only]
        if cand is head and head.heading and italic and rec.container is None and speakers:
            # a section heading (``Next talk``) over a bold name and an italic title:
            # the italic line is the talk's title, the heading only groups the lines
            cand = italic[0]
        if cand is not None and len(cand.text.split()) <= _TITLE_MAX_WORDS:
            title, title_line = cand.text, cand
            pending.remove(cand)
    if title_line is not None:
        for label, href in title_line.links:
            if _link_kind(label, href) is None and len(label) >= 0.5 * len(title or ""):
                talk.url = structured.absolute(href, page.base_url)
                break
    if displaced is not None and talk.url is None:
        # the post heading's link is the post: the talk's own page
        for label, href in displaced.links:
            if _link_kind(label, href) is None and len(label) >= 0.5 * len(displaced.text):
                talk.url = structured.absolute(href, page.base_url)
                break
    if title:
        title = _ENUMERATION_RE.sub("", title)
    for ln in pending:
        t = ln.text
        if ln.em_only and _bio_like(t, name_words):
            bio.append(t)
        elif ln.heading and not abstract:
            continue  # a sub-heading inside a card is not prose
        else:
            abstract.append(t)

    if affiliations and speakers:
        speakers[0] = f"{speakers[0]}, {', '.join(affiliations)}"
    talk.speaker_text = speakers
    talk.title = title
    if abstract:
        abstract[0] = text.strip_label(abstract[0], _ABSTRACT_LABELS) or abstract[0]
        talk.abstract = "\n\n".join(abstract)
    if bio:
        talk.speaker_bio = "\n\n".join(text.strip_label(b, ("bio", "biography")) or b for b in bio)

    if title is not None and _CONTACT_RE.match(title):
        title = talk.title = None  # an e-mail address or a bare link is contact data, not a title
    # a date tag beside the full date line (``<time datetime="2023-03-09">Thu 9</time>``)
    # states the same day again: a part another part already contains adds nothing
    when = [w for i, w in enumerate(when)
            if not any(j != i and w in o and (w != o or j < i) for j, o in enumerate(when))]
    own_when = " ".join(when) if when else None
    heading_when = _heading_when(rec.context)
    if own_when and heading_when and not _has_date(own_when):
        talk.when_text = f"{heading_when} {own_when}"
    else:
        talk.when_text = own_when or heading_when
    talk.year_hint = _heading_year(rec.context)
    context_text = rec.context[-1].text if rec.context else None
    if title and agenda.is_non_talk(title) and not speakers:
        return None
    talk.kind = agenda.classify_kind(title, context_text) if (title or context_text) else None

    if not speakers and not (title and talk.when_text):
        return None
    if speakers and not (title or talk.when_text or talk.abstract):
        return None
    return talk


def _when_and_place(text_: str, *, loose: bool) -> tuple[str, str] | None:
    """``Thursday, October 3, 2019, 2:00 pm, Room 303`` -> the when phrase and the place.

    The longest leading run that is a when phrase is the time; what follows it is the
    place when it is short, not a person and not more time. On a line the card itself
    marks as the date (``class="date"``) that is enough; on an unmarked line the rest
    must look like a room (a digit, or a venue word).
    """
    cuts = [m.start() for m in _WHEN_PLACE_SEP_RE.finditer(text_)]
    for a in reversed(cuts):
        head = text_[:a].strip(" ,;|·")
        m = _WHEN_PLACE_SEP_RE.match(text_, a)
        rest = text_[m.end() if m else a:].strip(" ,;|·.")
        if not head or not rest or not _is_when(head):
            continue
        if _is_when(rest) or _personish(rest) or len(rest.split()) > 8:
            return None
        # a visual separator (``3:00 PM · Delft, NL``) says the rest is one other field;
        # a rest that goes on in separators (``22–23 June · CERN · Europe/Zurich``) is a
        # banner of several
        marked = bool(m and re.search(r"[|·]", m.group())) and not re.search(r"[|·]", rest)
        if not (loose or marked) and (re.search(r"[:–—]|\s-\s", rest)
                                      or not _VENUE_WORD_RE.search(rest)):
            return None
        return head, rest
    return None


def _one_line_talk(pending: list[Line], page: _Page) -> LineParts | None:
    """The parts of the record's first line when that line alone states the talk.

    A line with a date in it (``Sep 24: Jane Doe — Title``) is split whatever
    follows it; a line without one only when it is the record's one prose line
    (a list item ``Jane Doe (MIT) – Title`` under a date heading), so that a
    ``Special Lecture: Jane Doe`` line above a title line keeps its meaning.
    """
    ln = pending[0]
    if ln.heading and len(pending) > 1:
        return None
    # a slides or video link's label is no text of the line, unless it is long: a title
    # linked to its PDF (``<a href="talk.pdf">Title</a>, by Name``) is the title
    drop = frozenset(href for label, href in ln.links
                     if _link_kind(label, href) is not None and len(label.split()) <= 3)
    parts = split_line(ln, drop)
    if parts is None:
        return None
    single = len(pending) == 1
    if parts.when is not None and (parts.speaker or (single and parts.title)):
        if parts.title and len(parts.title.split()) > _TITLE_MAX_WORDS:
            return None
        return parts
    if parts.when is None and parts.speaker and parts.title and single:
        return parts
    return None


def _machine_times(talk: RawTalk, stamps: list[tuple[str, str]], visible: str) -> str:
    """Use ``<time datetime>`` values: an instant sets ``start``/``end``, a date replaces its
    visible text in the when phrase (``May 6`` -> ``2024-05-06``), so no year is guessed."""
    for value, shown in stamps:
        inst = structured.instant(value)
        if isinstance(inst, dt.datetime):
            if talk.start is None:
                talk.start = inst
            elif talk.end is None and _comparable(talk.start, inst) and inst > talk.start:
                talk.end = inst
        elif isinstance(inst, dt.date):
            shown_when = dates.parse_when(shown) if shown else None
            if shown_when is not None and shown_when.start is not None:
                # ``<time datetime="2023-03-09">March 9 @ 4:00 pm - 5:00 pm</time>``: the
                # machine date settles the day, the visible text keeps the times
                if not _has_date(visible) or dates.find_year(visible) is None:
                    visible = f"{inst.isoformat()} {visible}"
            elif shown and shown in visible:
                visible = visible.replace(shown, inst.isoformat(), 1)
            elif not _has_date(visible):
                visible = f"{inst.isoformat()} {visible}"
    return visible


def _comparable(a: dt.datetime, b: dt.datetime) -> bool:
    return (a.tzinfo is None) == (b.tzinfo is None)


def _has_date(when_text: str) -> bool:
    """Whether a when phrase states a calendar date of its own (asked of the shared parser)."""
    parsed = dates.parse_when(when_text)
    return parsed is not None and parsed.date is not None


def _title_below(pending: list[Line]) -> Line | None:
    """The first emphasised, title-sized line of a record's remaining lines (a bold title
    paragraph under a packed ``date - name - place`` line), if any."""
    for ln in pending:
        if (ln.strong_only or ln.em_only) and not ln.heading and not _is_when(ln.text) \
                and 2 <= len(ln.text.split()) <= _TITLE_MAX_WORDS \
                and text.not_a_title(ln.text) is None:
            return ln
    return None


# a short parenthesised line, trailing dividers aside (``(Rutgers) -``)
_BRACKETED_LINE_RE = re.compile(r"^\s*\((?P<org>[^()]{2,80})\)\s*[-–—:,;|]?\s*$")


def _absorb_affiliation(name_line: Line, pending: list[Line], speakers: list[str]) -> None:
    """``<p><b>Jane Doe</b><br>University of Lisbon</p>``: the plain line right after a
    speaker's name, in the same element, naming an organisation (asked of the shared
    ``people.is_organisation_line``) or standing in parentheses (``Name<br>(Rutgers) -``),
    is the speaker's affiliation, not the abstract nor the title."""
    for ln in list(pending):
        if ln.index <= name_line.index:
            continue
        bracketed = _BRACKETED_LINE_RE.match(ln.text)
        if (
            ln.element is not name_line.element or ln.index != name_line.index + 1
            or ln.em_only or ln.heading
            or not (bracketed or people.is_organisation_line(ln.text))
        ):
            return
        if bracketed:  # ``(Virginia Tech) -``: a name's parenthesis on a line of its own
            speakers[-1] = f"{speakers[-1]} ({bracketed.group('org')})"
            pending.remove(ln)
            return
        speakers[-1] = f"{speakers[-1]}, {ln.text}"
        pending.remove(ln)
        name_line = ln


def _prose_not_person(value: str) -> bool:
    """A labelled ``Speaker:`` value that is a sentence, not a name (``Presenters: email the
    organisers if you want to swap a slot``): lower-case and long, no person's name first."""
    return len(value.split()) > 5 and value[:1].islower() and not _personish(value)


def _name_words(speakers: list[str]) -> set[str]:
    words: set[str] = set()
    for s in speakers:
        first = _NAME_SPLIT_RE.split(s, maxsplit=1)[0]
        words.update(w.lower() for w in re.findall(r"\w[\w'-]+", first) if len(w) > 2)
    return words


def _bio_like(paragraph: str, name_words: set[str]) -> bool:
    """An italic paragraph about the speaker: names them early, or ``X is/received ...``."""
    head = paragraph.split()[:12]
    head_words = {re.sub(r"'s$", "", w.strip(".,;:()").lower()) for w in head}
    return bool(name_words & head_words) or bool(_BIO_RE.search(" ".join(head)))


# ---------------------------------------------------------------- tables


def _without_material_links(value: str, links: list[tuple[str, str]]) -> str:
    """A cell's text without the labels of its slides/recording links (``Title [slides]``)."""
    for label, href in links:
        if label and _link_kind(label, href) is not None and value.rstrip().endswith(label):
            value = value.rstrip()[: -len(label)]
    return " ".join(re.sub(r"\(\s*\)|\[\s*\]|\[\s*$", " ", value).split()).strip(" -–—|,;") or value


def _slot_talk(
    time: structured.Cell, room: str | None, td: Tag, context: list[Line], page: _Page
) -> RawTalk | None:
    """One cell of a parallel-session programme: its lines read like a card, at the row's
    time (dated by the heading above the table), in the column's room."""
    day = None
    if room and _is_when(room) and dates.parse_when(room) is not None:
        day, room = room, None  # a programme's columns are its days (``Thursday June 1``)
    lines = page_lines(td)
    rec = _Record(lines, context=context, container=td)
    talk = _record_talk(rec, page)
    if talk is None and len(lines) == 1 and not agenda.is_non_talk(lines[0].text) and \
            templates.people_score(lines[0].text) >= templates.STRONG_PEOPLE:
        # a cell holding only a name: the grid gives the time, the name is the speaker
        talk = RawTalk(speaker_text=[lines[0].text])
    if talk is None:
        return None
    slot = _machine_times(talk, time.datetimes, _ARROW_RE.sub(" – ", time.text))
    heading_when = _heading_when(context) or day
    own = f"{talk.when_text} {slot}" if talk.when_text and talk.when_text != heading_when else slot
    talk.when_text = f"{heading_when} {own}" if heading_when and not _has_date(own) else own
    talk.location = talk.location or room
    return talk


def _table_talk(
    row: dict[str, structured.Cell], context: list[Line], page: _Page
) -> RawTalk | None:
    """One talk from a table row whose cells are keyed by column role."""
    def cell(role: str) -> str | None:
        c = row.get(role)
        return c.text if c is not None and c.text else None

    title = cell("title")
    tcell = row.get("title")
    kind_label: str | None = None
    if title and tcell is not None:
        title = _without_material_links(title, tcell.links)
        if len(tcell.lines) >= 2 and tcell.first_emphasised:
            # ``<em>Tutorial</em><br>Hands-on ...``: a label line above the title names the
            # kind of session
            kind_label = _kind_label(tcell.lines[0])
            if kind_label is not None:
                title = " ".join(" ".join(tcell.lines[1:]).split())
    speaker = cell("speaker")
    if speaker:
        label, rest = _split_kind_prefix(speaker)
        if label is not None:
            kind_label, speaker = kind_label or label, rest  # ``Panel: A, B, C``
    first = speaker or title or ""
    if agenda.is_non_talk(first) or (title and agenda.is_non_talk(title) and not speaker):
        return None
    if speaker and text.is_placeholder(speaker):
        speaker = None
    if speaker and agenda.is_no_event(speaker):
        return None
    if speaker and not title and not _personish(speaker):
        return None  # ``No seminar (holiday)`` in the speaker column: a note, not a talk
    talk = RawTalk(title=title)
    if speaker:
        aff = cell("affiliation")
        talk.speaker_text = _speaker_cell_lines(row["speaker"], speaker, aff)
    elif title and (lined := _person_line_and_title(tcell)) is not None:
        # ``<strong>Name</strong> (Org)<br>Title`` in the talk column: the line that names
        # a person is the speaker, the other lines the title
        speaker, talk.title = lined
        talk.speaker_text = [speaker]
    elif title:
        split = _split_connective(title)
        if split:
            talk.title, speaker = split
            talk.speaker_text = [speaker]
    whens = [
        _machine_times(talk, c.datetimes, c.text)
        for k, c in row.items() if k.startswith("when") and c.text
    ]
    talk.when_text = " ".join(whens) or None
    day = row.get("day")
    heading_when = _machine_times(talk, day.datetimes, day.text) if day else None
    heading_when = heading_when or _heading_when(context)
    if heading_when and (not talk.when_text or not _has_date(talk.when_text)):
        talk.when_text = f"{heading_when} {talk.when_text or ''}".strip()
    talk.year_hint = _heading_year(context)
    talk.abstract = cell("abstract")
    talk.speaker_bio = cell("bio")
    talk.location = cell("location")
    split = _when_and_place(talk.location, loose=True) if talk.location else None
    if split is not None:
        # ``March 8th, 4-5pm in 3901 BBB`` in the place column: the when, then the room
        talk.when_text = ", ".join(w for w in (talk.when_text, split[0]) if w)
        talk.location = split[1]
    for c in row.values():
        for label, href in c.links:
            kind = _link_kind(label, href)
            if kind == "slides" and not talk.slides:
                talk.slides = structured.absolute(href, page.base_url)
            elif kind == "video" and not talk.video:
                talk.video = structured.absolute(href, page.base_url)
    for role in ("slides", "video"):
        c = row.get(role)
        if c is not None and c.links and getattr(talk, role) is None:
            setattr(talk, role, structured.absolute(c.links[0][1], page.base_url))
    tc = row.get("title")
    if tc is not None and tc.links and _link_kind(*tc.links[0]) is None:
        talk.url = structured.absolute(tc.links[0][1], page.base_url)
    talk.kind = agenda.classify_kind(
        talk.title, kind_label or (context[-1].text if context else None)
    )
    if not talk.speaker_text and not (talk.title and talk.when_text):
        return None
    return talk


def _person_line_and_title(c: structured.Cell | None) -> tuple[str, str | None] | None:
    """(speaker line, title) of a cell laid out on lines where exactly the first or the
    last names a person (``Name (Org)`` / ``Title``); None otherwise. A title still to
    come (``TBA``) is None."""
    lines = [" ".join(ln.split()) for ln in (c.lines if c is not None else []) if ln.strip()]
    if len(lines) < 2:
        return None
    person = [_personish(ln) and not agenda.is_non_talk(ln) for ln in lines]
    if person[0] and not any(person[1:]):
        who, rest = lines[0], lines[1:]
    elif person[-1] and not any(person[:-1]):
        who, rest = lines[-1], lines[:-1]
    else:
        return None
    title = " ".join(rest)
    return who, (None if text.is_placeholder(title) else title)


def _without_trailing_link(value: str, links: list[tuple[str, str]]) -> str:
    """``Name (Org) See the announcement``: a link after a labelled name is material
    about the talk (an announcement, slides), not part of the name."""
    for label, _href in links:
        label = " ".join(label.split())
        if label and value.endswith(label) and len(label) < len(value) / 2:
            return value[: -len(label)].rstrip(" ,;|-–—")
    return value


def _list_item_texts(rec: _Record) -> list[str]:
    """The record's lines that are list items of a list inside it (a session's papers)."""
    return [ln.text for ln in rec.lines if ln.element.name == "li"
            and ln.element is not rec.container and not ln.heading]


def _listed_items(texts: list[str], talk: RawTalk) -> list[RawTalk] | None:
    """The talks a session's record lists, one per list item, each read by one template.

    A programme row often holds a session (``Session 1: …``, ``Chair: …``) and under it
    a list of its papers (``A and B. Title``). When the items (two at least, from some
    item on to the last) all read by the one template they settle, a person slot and a
    title slot each, they are the talks and the session's lines are context: each talk
    keeps the session's time and place."""
    if len(texts) < 2 or any(text.field_label(t) or _is_when(t) for t in texts):
        return None  # a list of labelled fields (``Speaker: …``, ``Date: …``) is one talk
    lines = [" ".join(ln.split()) for ln in texts]
    for first in range(0, len(lines) - 1):
        items = lines[first:]
        choice = templates.choose(items)
        if choice.template is None or choice.coverage < 1.0:
            continue
        readings = [choice.read(item) for item in items]
        if any(r is None or not r.title or not r.people for r in readings):
            continue
        out = []
        for reading in readings:
            item = replace(talk, title=reading.title,  # type: ignore[union-attr]
                           speaker_text=[reading.people], warnings=list(talk.warnings),
                           kind=None, abstract=None)  # type: ignore[union-attr]
            item.warnings.append("one of the talks a session's cell lists")
            out.append(item)
        return out
    return None


def _speaker_cell_lines(c: structured.Cell, speaker: str, aff: str | None) -> list[str]:
    """A speaker cell laid out on lines (``Name<br><small>Affiliation</small>``) is one speaker
    line ``Name, Affiliation``; lines that are all names are one speaker each.

    An affiliation from its own column is attached as ``Name (Affiliation)``: the column
    settled what it is, and ``Name, Affiliation`` would let a person-shaped organisation
    (``George Mason``) read as a second speaker.
    """
    def with_aff(name: str) -> str:
        if not aff or aff in name:
            return name
        return f"{name} ({aff})" if "(" not in aff and ")" not in aff else f"{name}, {aff}"

    lines = [ln.strip() for ln in c.lines if ln.strip()]
    if len(lines) >= 2 and _personish(lines[0]) and "," not in lines[0]:
        if all(_personish(ln) for ln in lines):
            return [with_aff(ln) for ln in lines]
        if len(lines) == 2 and not aff:
            return [f"{lines[0]}, {lines[1]}"]
    return [with_aff(speaker)]


def _kind_label(text_: str) -> str | None:
    """``Tutorial``, ``Panel discussion``, ``Keynote``: a short label naming a session kind
    other than a plain talk (asked of the shared classifier), else None."""
    label = text_.strip().strip(":：-–— ")
    if not label or len(label.split()) > 3:
        return None
    if agenda.classify_kind(label) != "talk" or text.split_event_label(f"{label}: x")[0]:
        return label
    return None


def _split_kind_prefix(value: str) -> tuple[str | None, str]:
    """``Panel: Jane Doe, John Roe`` -> (``Panel``, ``Jane Doe, John Roe``); a kind label
    before a speaker list says what the session is, the rest who is in it."""
    m = re.match(r"^\s*([^:：]{2,40}?)\s*[:：]\s+(\S.*)$", value, re.S)
    if m and _kind_label(m.group(1)) is not None and _personish(m.group(2)):
        return m.group(1).strip(), m.group(2).strip()
    return None, value
