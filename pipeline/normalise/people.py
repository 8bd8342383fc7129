"""Speakers: names, roles and affiliations from speaker lines.

A speaker line is a comma-separated run of segments whose meaning is positional
only in part: ``Name, Role, Organisation``, ``Name, Organisation, Department``,
``A, B, and C`` (three people), ``Name (Organisation), Name (Organisation)``.
Each segment is classified by its shape and vocabulary (``vocab.py``): a *role*
has a position noun as its head (``IAIFI Fellow``, ``Assistant Professor of
Physics``); an *organisation* carries an organisation or discipline word or an
all-capitals acronym (``Harvard University``, ``Applied Mathematics``, ``EECS``);
a *person* is 2-4 capitalised name tokens (particles, initials, hyphens and
diacritics allowed) that are neither. Segments are then assigned in order: a
person opens a speaker, the first role after it is the role, and what follows
is the affiliation, as written.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from nameparser import HumanName
from nameparser.config import CONSTANTS as NAME_CONSTANTS

from pipeline.memo import per_document
from pipeline.normalise import dates
from pipeline.normalise.language import is_person_name
from pipeline.normalise.names_lexicon import lexicon
from pipeline.normalise.tagger import label_scores
from pipeline.normalise.text import FIELD_LABEL_RE, clean_text, spelling_variants
from pipeline.normalise.vocab import (
    ACRONYMS,
    ATTENDANCE_MODES,
    CONTEXT_LABELS,
    DEGREES,
    DISCIPLINE_WORDS,
    EVENT_PHRASES,
    EVENT_WORDS,
    HONORIFICS,
    LIST_CONJUNCTIONS,
    NAME_NEVER_FIRST,
    NAME_SUFFIXES,
    NAMED_ORG_PHRASES,
    NAMED_ORGS,
    NON_NAME_WORDS,
    OCCUPATION_HEADS,
    OCCUPATION_SUFFIXES,
    ORG_ABBREVIATIONS,
    ORG_INITIALISMS,
    ORG_LEADING_WORDS,
    ORG_WORDS,
    ROLE_HEADS,
    ROLE_MODIFIERS,
    SUBJECT_ACRONYMS,
    TITLE_ADJECTIVES,
    TOPIC_WORDS,
)
from pipeline.records import Speaker


def _with_variants(words: list[str]) -> frozenset[str]:
    """A vocabulary with the unaccented and transliterated spellings of its words
    (``Universite``, ``Universitaet``, ``Ingenieur``), as ASCII pages write them."""
    return frozenset(v for w in words for v in spelling_variants(w))


_ROLE_HEADS = _with_variants(ROLE_HEADS)
_ROLE_MODIFIERS = frozenset(ROLE_MODIFIERS)
_OCCUPATION_HEADS = frozenset(OCCUPATION_HEADS)
_OCCUPATION_RE = re.compile(r"^\w{2,}(?:" + "|".join(OCCUPATION_SUFFIXES) + r")$")
_NAME_SUFFIXES = frozenset(NAME_SUFFIXES)
_SUBJECT_ACRONYMS = frozenset(SUBJECT_ACRONYMS)
# Organisation words too generic to make a position's complement an organisation
# (``Head of AI Research``, ``Director of the Graduate Program``).
_WEAK_ORG_WORDS = frozenset({
    "research", "group", "program", "programme", "technology", "technologies", "systems",
    "network", "initiative", "collaboration", "unit", "office", "hub", "national", "federal",
    "state", "city", "royal", "government", "administration", "campus", "facility",
})
# Learned bodies whose fellows and members hold a distinction, not a post there.
_HONOUR_BODIES = frozenset({"society", "academy", "académie", "academie", "akademie"})
# Positions that name the company they lead after ``of`` (``CTO of Acme Robotics``).
_LEADER_HEADS = frozenset({
    "founder", "co-founder", "cofounder", "ceo", "cto", "cso", "coo", "cio", "president",
    "vice-president", "vp", "chairman", "chairwoman", "chairperson", "partner", "owner",
})
_ORG_WORDS = _with_variants(ORG_WORDS)
_ORG_LEADING_WORDS = _with_variants(ORG_LEADING_WORDS)
_DISCIPLINE_WORDS = frozenset(DISCIPLINE_WORDS)
_NON_NAME_WORDS = frozenset(NON_NAME_WORDS)
_NAME_NEVER_FIRST = frozenset(NAME_NEVER_FIRST)
_DEGREES = frozenset(DEGREES)
_EVENT_WORDS = frozenset(EVENT_WORDS)
_EVENT_PHRASES = frozenset(EVENT_PHRASES)
_NAMED_ORG_PHRASES = frozenset(NAMED_ORG_PHRASES)
_NAMED_ORGS = frozenset(NAMED_ORGS)
_ACRONYMS = frozenset(ACRONYMS)
_ORG_ABBREVIATIONS = frozenset(ORG_ABBREVIATIONS)
_ORG_INITIALISMS = frozenset(ORG_INITIALISMS)
# Words that make a capitalised phrase a topic rather than a name.
_TOPIC_WORDS = frozenset(TOPIC_WORDS) | _NON_NAME_WORDS | _DISCIPLINE_WORDS
_TITLE_ADJECTIVES = frozenset(TITLE_ADJECTIVES)
_EVENT_PHRASES_PADDED = tuple(f" {p} " for p in EVENT_PHRASES)
_VOWELS = frozenset("AEIOUYÀÁÂÃÄÅÆÈÉÊËÌÍÎÏÒÓÔÕÖØÙÚÛÜÝŒ")

_HONORIFIC_RE = re.compile(
    r"^(?:(?:"
    + "|".join(
        re.escape(h).replace(r"\ ", r"\s+") for h in sorted(HONORIFICS, key=len, reverse=True)
    )
    + r")\.?\s+)+",
    re.I,
)
# A short label before the names: ``Special Seminar:``, ``Speaker:``, ``Presented by``.
_LABEL_RE = re.compile(r"^(?:[^:,()]{1,40}?:\s+|(?:presented\s+|given\s+)?by\s+)", re.I)
_PAREN_PERSON_RE = re.compile(
    r"\s*(?P<name>[^(),;]+?)\s*\((?P<inner>[^()]*(?:\([^()]*\)[^()]*)*)\)\s*"
)
_LIST_SEP_RE = re.compile(r"^\s*(?:,|;|/|&|\band\b|\+)?\s*(?:and\b)?\s*$", re.I)
_AND_SPLIT_RE = re.compile(rf"\s+(?:{'|'.join(LIST_CONJUNCTIONS)}|\+)\s+|\s*[&/]\s*", re.I)
_SEGMENT_SPLIT_RE = re.compile(r"\s*[,;]\s*|\s+[|–—]\s+|\s+-\s+|\s*\t\s*")
_TOKEN_RE = re.compile(r"\S+")
_INITIAL_RE = re.compile(r"^(?:[A-Z]\.){1,3}$|^[A-Z]\.-[A-Z]\.$|^[A-Z]$")
# pronouns given after a name: ``Jane Doe (she/her)``
_PRONOUNS_RE = re.compile(r"\s*\((?:she|he|they|ze|xe|any)\s*/\s*\w+(?:\s*/\s*\w+)?\)", re.I)
# Affiliation keys after a name (``A. Author¹²``, ``B. Author*†``), as author lists write
# them: they point to a legend a speaker line does not hold, so they are dropped.
_MARKS_RE = re.compile(
    r"(?<=[^\W\d_.])(?:[\u00b9\u00b2\u00b3\u2070-\u2079*†‡§¶]+"
    r"(?:,(?=[\u00b9\u00b2\u00b3\u2070-\u2079]))?"
    # plain digits as keys (``A. Smith1,2``) only right after a lower-case letter and before
    # a separator: names hold no digits, and ``Paris 7`` has its space
    r"|(?<=[a-z])\d{1,2}(?:,\d{1,2})*(?=\s*(?:[,;]|$|\s(?:and|&)\s)))"
)
_NAME_BRACKET_RE = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<inner>[^()]+)\)$")
_AT_RE = re.compile(r"\s+(?:at|@)\s+", re.I)
_BRACKETS_RE = re.compile(r"\[([^\[\]]*)\]")
# ``Jane Doe from MIT``, ``Jane Doe of Harvard University``: a name, a linking word, an
# organisation, in one segment.
_NAME_LINK_ORG_RE = re.compile(r"^(?P<name>.+?)\s+(?:from|of|at|@)\s+(?P<org>.+)$")
# Labels of people who are not the speaker: a line they open names no speaker.
_NOT_SPEAKER_LABEL_RE = re.compile(
    r"^\W*(?:(?:faculty|seminar|session|local)\s+)?(?:hosts?|hosted|moderators?|moderated|"
    r"chairs?|chaired|chairpersons?|organi[sz]ers?|organi[sz]ed|contacts?|introduced|"
    r"introductions?|discussants?|coordinators?|convenors?|conveners?)\b(?:\s+by)?\s*:?",
    re.I,
)
# A line listing who attends (``Present: A, B``, ``Apologies: C``) names nobody speaking.
_AUDIENCE_LABEL_RE = re.compile(rf"^\W*(?:{CONTEXT_LABELS['audience']})\s*:", re.I)
# Where such a label starts later in the line (``Jane Doe (MIT); Host: Bob Smith``,
# ``Jane Doe, MIT. Hosted by Bob Smith``): the line ends there.
_NOT_SPEAKER_TAIL_RE = re.compile(
    r"(?:[;.|]|\s[–—-])\s*(?:(?:faculty|seminar|session|local)\s+)?(?:hosts?|moderators?|"
    r"chairs?|chairpersons?|organi[sz]ers?|contacts?|discussants?|convenors?|conveners?)\s*:"
    r"|(?:^|[;.,|(]|\s[–—-])\s*(?:hosted|moderated|chaired|organi[sz]ed|introduced)\s+by\b"
    r"|[;|]\s*(?:hosts?|moderators?|chairs?)\b",
    re.I,
)


@lru_cache(maxsize=1)
def _particles() -> frozenset[str]:
    """Lower-case name particles (``van``, ``de``, ``von``), from nameparser's list."""
    return frozenset(p for p in NAME_CONSTANTS.prefixes if p.isalpha()) | {"y", "e"}


def _words(text: str) -> list[str]:
    return [w.strip(".,()'’\"") for w in _TOKEN_RE.findall(text)]


def _is_acronym(token: str) -> bool:
    """``MIT``, ``EECS``, ``IAIFI``: 2+ capitals, no lower case, not initials."""
    core = token.strip(".,()")
    letters = [c for c in core if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and "." not in core


def _is_camel_org(token: str) -> bool:
    """``DeepMind``, ``OpenAI``: internal capitals not explained by a name prefix."""
    core = token.strip(".,()")
    if len(core) < 4 or not core[0].isupper():
        return False
    inner = core[1:]
    if not any(c.isupper() for c in inner) or "-" in core or "'" in core or "’" in core:
        return False
    return not re.match(r"^(?:Mc|Mac|Le|La|De|Di|Da|Du|Van|Von|O)[A-Z]", core)


def _is_caps_name_token(token: str) -> bool:
    """``DOE``, ``MÜLLER``, ``O'BRIEN``, ``DUPONT-MARTIN``: a name written in capitals.

    An all-capitals token reads as an organisation acronym unless it has a vowel and
    is not a known acronym or organisation word (``EECS``, ``MIT`` stay organisations;
    vowel-less ``CDS`` is an acronym by shape).
    """
    core = token.rstrip(".,")
    letters = [c for c in core if c.isalpha()]
    if len(letters) < 2 or not all(c.isupper() for c in letters) or "." in core:
        return False
    if not all(c.isalpha() or c in "-'’" for c in core):
        return False
    low = core.lower()
    if low in _ACRONYMS or low in _ORG_WORDS or low in _NAMED_ORGS or low in _DEGREES:
        return False
    parts = [p for p in re.split(r"[-'’]", core) if p]
    return all(len(p) >= 2 and any(c in _VOWELS for c in p) for p in parts) or len(parts) > 1


_DOTTED_INITIALISM_RE = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")


def _is_org_abbreviation(token: str) -> bool:
    """``Univ.``, ``Inst.``, ``Natl.`` (an abbreviated organisation word with its dot) or
    ``U.C.``, ``M.I.T.`` (a dotted initialism of an organisation): never a person's part."""
    core = token.strip(",;()")
    if not core.endswith(".") and not _DOTTED_INITIALISM_RE.fullmatch(core):
        return False
    low = core.lower().rstrip(".")
    if low in _ORG_ABBREVIATIONS:
        return True
    letters = low.replace(".", "")
    return "." in low and len(letters) >= 2 and letters in _ORG_INITIALISMS


@lru_cache(maxsize=1)
def _given_name_detector() -> object | None:
    """The given-name dictionary of ``gender-guesser`` (~40k first names of many countries),
    loaded once; None when that package is not installed.

    Only *whether* a word is a known given name is used (never the gender): it tells a
    person (``Grace Hopper``) from a topic (``Emergent Gravity``) whose last word is a
    common research noun.
    """
    try:
        from gender_guesser.detector import Detector
    except ImportError:
        return None
    return Detector(case_sensitive=False)


def is_given_name(word: str) -> bool | None:
    """True when ``word`` is a known given name, False when not, None without a lexicon."""
    detector = _given_name_detector()
    if detector is None:
        return None
    core = word.strip(".,()'’\"")
    if not core or not core[0].isalpha():
        return False
    return detector.get_gender(core) != "unknown"  # type: ignore[attr-defined]


def _given_evidence(word: str) -> bool | None:
    """``is_given_name``, or without its dictionary (GPL, not in the default install) the
    census given names of the name lexicon (``names_lexicon``, MIT); None with neither."""
    known = is_given_name(word)
    if known is not None:
        return known
    lex = lexicon()
    if lex is None:
        return None
    core = word.strip(".,()'’\"")
    return bool(core) and core[0].isalpha() and lex.given_name(core)


# A word is a common English word, not a name, when English text uses it often
# (Zipf frequency >= _COMMON_ZIPF, i.e. about once per 10^7 words) and clearly more
# than the neighbouring languages do (by >= _ENGLISH_MARGIN on the log10 Zipf scale).
# Names are shared across languages (``Roberts``, ``Hamilton``, ``Kim`` are about as
# frequent in German or Dutch text as in English), while English vocabulary is not
# (``probability``, ``recovery``, ``curvature``, ``meets``). Measured on the round-6
# tests: of ~260 common English given names only word-names (Hope, Summer, May, Guy,
# Rich) pass the test, and a phrase needs *every* word to pass it.
_COMMON_ZIPF = 2.0
_ENGLISH_MARGIN = 0.9
_COMPARISON_LANGUAGES = ("de", "fr", "es", "it", "nl", "pt")


@lru_cache(maxsize=1)
def _zipf() -> Callable[[str, str], float] | None:
    """``wordfreq.zipf_frequency``, imported once; None when wordfreq is not installed
    (the English-vocabulary test is then off and the curated vocabulary decides)."""
    try:
        from wordfreq import zipf_frequency
    except ImportError:
        return None
    return zipf_frequency


@lru_cache(maxsize=8192)
def is_english_word(word: str) -> bool | None:
    """True when ``word`` is common English vocabulary rather than a name (``Probability``,
    ``Meets``, ``Flows``; not ``Roberts``, ``Grace``, ``Nguyen``); None without wordfreq."""
    zipf = _zipf()
    if zipf is None:
        return None
    w = word.lower().strip(".,()'’\"")
    if not w or not w[0].isalpha():
        return False
    english = zipf(w, "en")
    if english < _COMMON_ZIPF:
        return False
    return english - max(zipf(w, lang) for lang in _COMPARISON_LANGUAGES) >= _ENGLISH_MARGIN


def _is_topic_word(word: str) -> bool:
    """A common research-topic word (``gravity``), or the plural of one (``glasses``)."""
    w = word.lower().strip(".,()'’\"")
    if w in _TOPIC_WORDS:
        return True
    if w.endswith("ies") and w[:-3] + "y" in _TOPIC_WORDS:
        return True
    if w.endswith("es") and w[:-2] in _TOPIC_WORDS:
        return True
    return w.endswith("s") and w[:-1] in _TOPIC_WORDS


_TECHNICAL_SUFFIX_RE = re.compile(
    r"\w{3,}(?:[aiu]tion|(?:t|s)ional|[ie]ssion|ision|isation|ization|ology|ometry|ical|tral|istic|ative|"
    r"itive|ivity|ality)$"
)


def _topic_phrase(tokens: Sequence[str], core: Sequence[str], *, lexicon: bool = True) -> bool:
    """True when a name-shaped phrase reads as a topic (``Spin Glasses``, ``Neural Codes``).

    Every word a topic word; or, where nothing says a person stands there (``lexicon``,
    no initials), every word common English vocabulary (``is_english_word``: ``Free
    Probability``), or (with the given-name lexicon) a last word that is a topic noun after
    words none of which is a known given name: surnames are seldom research nouns, and a
    person's phrase holds a given name somewhere.
    """
    topical = [_is_topic_word(w) for w in core]
    if all(topical):
        return True
    # ``Spectral Methods``, ``Homogenisation Theory``: a topic noun after a word with a
    # derivational suffix of technical vocabulary, which given names and surnames lack
    if topical[-1] and any(_TECHNICAL_SUFFIX_RE.search(w.lower().strip(".,")) for w in core[:-1]):
        return True
    # ``Young Stars``, ``Small Worlds``: title adjectives before a topic noun
    if topical[-1] and all(
        t or w.lower().strip(".,") in _TITLE_ADJECTIVES for t, w in zip(topical, core, strict=True)
    ):
        return True
    if not lexicon or any(_INITIAL_RE.match(t) for t in tokens):
        return False
    # ``Free Probability``, ``Sparse Recovery Meets``, ``Curvature Flows``: every word
    # common English vocabulary (or a topic word / title adjective), none name-like
    if all(
        t or w.lower().strip(".,") in _TITLE_ADJECTIVES or is_english_word(w)
        for t, w in zip(topical, core, strict=True)
    ):
        return True
    if not topical[-1]:
        return False
    known = [is_given_name(w) for w in core[:-1]]
    return None not in known and not any(known)


def _name_token_ok(token: str, position: int, count: int) -> bool:
    if _INITIAL_RE.match(token):
        return True
    if token.lower() in _particles() and 0 < position < count - 1:
        return True
    if token.lower() in ("jr", "jr.", "sr", "sr.", "ii", "iii", "iv"):
        return position == count - 1 and position >= 2
    core = token.rstrip(".,")
    if not core or not core[0].isupper() or not core[0].isalpha():
        return False
    if _is_caps_name_token(core):
        return True
    if _is_acronym(core) or _is_camel_org(core):
        return False
    return all(c.isalpha() or c in "-'’." for c in core)


def _caps_layout_ok(tokens: list[str]) -> bool:
    """Capitals are the whole name (``JANE DOE``) or one block at its start or end
    (``Jane DOE``, ``DOE Jane``), as name-first and surname-first conventions write it."""
    caps = [_is_caps_name_token(t) for t in tokens]
    if not any(caps) or all(caps):
        return True
    first = caps.index(True)
    last = len(caps) - 1 - caps[::-1].index(True)
    block = all(caps[first : last + 1])
    return block and (first == 0 or last == len(caps) - 1)


def display_name(name: str) -> str:
    """``JANE DOE`` -> ``Jane Doe``, ``Jean DUPONT`` -> ``Jean Dupont``: capitals used to
    mark a name are typography, not spelling; other tokens are kept as written."""
    tokens = name.split()
    if not any(_is_caps_name_token(t) for t in tokens):
        return name
    out = []
    for t in tokens:
        if _is_caps_name_token(t):
            fixed = re.sub(r"[^\W\d_]+", lambda m: m.group(0).capitalize(), t.lower())
            fixed = re.sub(r"^(Ma?c)([a-z])", lambda m: m.group(1) + m.group(2).upper(), fixed)
            t = fixed
        out.append(t)
    return " ".join(out)


def _strip_honorifics(text: str) -> str:
    text = _HONORIFIC_RE.sub("", text.strip())
    # trailing degrees: ``Jane Doe PhD``
    parts = text.split()
    while len(parts) > 2 and parts[-1].lower().strip(".,") in _DEGREES:
        parts.pop()
    return " ".join(parts)


SPEAKER_CONTEXT = "speaker"


# How the span tagger's scores (``tagger.label_scores``) and the evidence of the words (the
# shared vocabularies, the lexicons, the topic tests) combine. A word that names a kind of
# thing a person is not (a role, an organisation, a discipline, an event) still rejects a
# phrase; the softer evidence (common title words, topic-shaped phrases) is a verdict the
# tagger overturns when it is confident: a PERSON score of ``_TAGGER_PERSON`` makes a person
# (``_TAGGER_PERSON_PLACED`` where the position or an honorific already says a person
# stands there). A phrase the words accept is unmade when the tagger gives it a PERSON
# score under ``_TAGGER_NOT_PERSON`` (never in speaker position or after an honorific,
# which the tagger, reading the phrase alone, does not see). Thresholds set on ``dev``.
_TAGGER_PERSON = 0.97
_TAGGER_PERSON_PLACED = 0.8
_TAGGER_NOT_PERSON = 0.02


@per_document
def _token_shape(text: str) -> tuple[str, tuple[str, ...], tuple[str, ...], bool] | None:
    """(text, tokens, core tokens, titled) when the tokens of ``text`` have the shape of a
    name: 2-5 capitalised tokens (particles, initials, a ``Jr.``), capitals used as names
    use them; None otherwise. Shape only: no word list is consulted here, and nameparser's
    reading (``_parses_as_full_name``, the costly part) is asked by the caller, last.
    Memoised for the document as tuples: both contexts of ``looks_like_person_name`` ask."""
    if not text or len(text) > 80:
        return None
    text = " ".join(text.split())
    # an honorific says a person stands there as the speaker position does
    # (``Prof. Hope White``)
    titled = bool(_HONORIFIC_RE.match(text))
    text = _strip_honorifics(text)
    tokens = text.split()
    if not 2 <= len(tokens) <= 5:
        return None
    if not all(_name_token_ok(t, i, len(tokens)) for i, t in enumerate(tokens)):
        return None
    if not _caps_layout_ok(tokens):
        return None
    core = [t for t in tokens if not _INITIAL_RE.match(t) and t.lower() not in _particles()]
    if not core or len(core) > 4:
        return None
    if len(core) == 1 and len(tokens) < 2:
        return None
    return text, tuple(tokens), tuple(core), titled


@lru_cache(maxsize=16384)
def _parses_as_full_name(text: str) -> bool:
    """nameparser reads ``text`` as a surname with a given name, a middle name or a title.
    A pure function of the string (the parser's constants are never changed), cached across
    documents: building a ``HumanName`` is the costly part of the shape test, and the same
    names recur over the documents of one series."""
    name = HumanName(text)
    return bool(name.last and (name.first or name.middle or name.title))


def _words_say_person(tokens: Sequence[str], core: Sequence[str], *, placed: bool,
                      titled: bool) -> bool | None:
    """The verdict of the words of a name-shaped phrase: False when a word is a role,
    organisation, discipline or event word (the kinds of thing a person is not), None when
    only softer evidence speaks against a person (two common title words, a topic-shaped
    phrase such as ``Spin Glasses``), True otherwise."""
    lowered = [t.lower().strip(".,") for t in core]
    if tokens[0].lower() in _NAME_NEVER_FIRST:
        return False  # ``The Greene Man``: an article opens a thing's name, not a person's
    if any(
        w in _ROLE_HEADS or w in _ORG_WORDS or w in _DISCIPLINE_WORDS or w in _EVENT_WORDS
        or _org_compound(w)  # ``Helmholtz-Zentrum Berlin``
        for w in lowered
    ):
        return False
    phrase = " ".join(t.lower().strip(".,") for t in tokens)
    if phrase in _NAMED_ORG_PHRASES or any(p in f" {phrase} " for p in _EVENT_PHRASES_PADDED):
        return False
    if any(_is_org_abbreviation(t) for t in tokens):
        return False
    if sum(w in _NON_NAME_WORDS for w in lowered) >= 2 and not placed:
        return None
    if _topic_phrase(tokens, core, lexicon=not (placed or titled)):
        return None
    return True


def tagger_scores(text: str) -> dict[str, float]:
    """The span tagger's label scores of a name-shaped phrase, read as a line of its own:
    honorifics and lower-case particles left out (``Pieter de Vries``: the shape check
    has placed them, and the training data hold too few to learn them) and capitals as
    names use them (``PARK Ji-won`` → ``Park Ji-won``)."""
    text = display_name(_strip_honorifics(" ".join(text.split())))
    return label_scores(" ".join(t for t in text.split() if t.lower() not in _particles()))


def tagger_person_score(text: str) -> float:
    """The tagger's PERSON score of ``text`` as a name (``tagger_scores``)."""
    return tagger_scores(text)["PERSON"]


@per_document
def looks_like_person_name(text: str, context: str | None = None) -> bool:
    """True when ``text`` is just a person's name (``Dan Roberts``, ``Prof. A. B. Smith``).

    2-4 capitalised tokens (plus particles, initials, a ``Jr.``) — the shape — and then the
    evidence of two readers: the words (none a role, organisation, discipline or event
    word, at most one a common title word, not a topic such as ``Spin Glasses``) and the
    trained span tagger (``tagger.label_scores``: word shape, neighbours, the census name
    lexicon and the same vocabularies as features). A role/organisation/discipline/event
    word rejects; otherwise the words decide unless the tagger is confident the other way
    (``_TAGGER_*``).

    ``context="speaker"`` says the text stands where a speaker stands (before an
    affiliation, after ``Speaker:``/``by``/``with``): the position then decides what shape
    alone cannot, so given names that are also common words (``Summer Rae``, ``Will
    Hamilton``, ``Grace Field``, ``Hope White``) count; phrases made only of topic words
    still do not. Without it, a phrase of common English words (``Free Probability``,
    ``Sparse Recovery Meets``) is a topic or a title fragment, not a name.
    """
    placed = context == SPEAKER_CONTEXT
    # the token shape, then the words' verdict, then nameparser's reading: all three must
    # pass, and the words are the cheaper test of the last two
    shaped = _token_shape(text)
    if shaped is None:
        return False
    text, tokens, core, titled = shaped
    by_words = _words_say_person(tokens, core, placed=placed, titled=titled)
    if by_words is False or not _parses_as_full_name(display_name(text)):
        return False
    scores = tagger_scores(text)
    if by_words:
        return placed or titled or scores["PERSON"] >= _TAGGER_NOT_PERSON
    return scores["PERSON"] >= (_TAGGER_PERSON_PLACED if placed or titled else _TAGGER_PERSON)


def _is_role_head(word: str) -> bool:
    """A position noun of the shared vocabulary (``Professor``, ``Fellow``)."""
    return word in _ROLE_HEADS


def _is_occupation(word: str) -> bool:
    """An occupation noun that may also be a surname (``Designer``, ``Glaciologist``)."""
    return word in _OCCUPATION_HEADS or bool(_OCCUPATION_RE.match(word))


def _role_vocabulary(word: str) -> bool:
    """A word that may stand before a position noun and is no given name or surname:
    a modifier (``Senior``), a field (``Data``), an organisation word (``Museum``), an
    acronym (``NSF``) or a year (``2024``)."""
    return (
        word in _ROLE_MODIFIERS or word in _ROLE_HEADS or word in _DISCIPLINE_WORDS
        or word in _ORG_WORDS or word in _TOPIC_WORDS or word in _OCCUPATION_HEADS
        or word in ("&", "and", "-") or word.isdigit() or word in _ACRONYMS
    )


def _org_complement(words: list[str], text: str, head: str) -> bool:
    """True when the ``of``/``in``/``for`` phrase after a position names where it is held
    (``Director of the Santa Fe Institute``, ``Professor in the Department of Physics``,
    ``CTO of Acme Robotics``), not its subject (``Professor of Physics``, ``Head of
    Department``, ``Head of AI Research``).

    An organisation is named by a strong organisation word with a name beside it, a known
    organisation, an acronym that is no subject, or, after a position that leads a company,
    a proper name outside the vocabulary."""
    core = [w for w in words if w.lower() != "the"]
    lowered = [w.lower() for w in core]
    if not core:
        return False
    if head in ("fellow", "member") and any(w in _HONOUR_BODIES for w in lowered):
        return False  # ``Fellow of the Royal Society``: a distinction, not a workplace
    if " ".join(lowered) in _NAMED_ORG_PHRASES or any(w in _NAMED_ORGS for w in lowered):
        return True
    strong = [w for w in lowered if w in _ORG_WORDS and w not in _WEAK_ORG_WORDS]
    if strong and len(core) >= 2:
        return True
    for w in core:
        if _is_camel_org(w) or (
            _is_acronym(w) and w.lower() not in _SUBJECT_ACRONYMS and not _is_caps_name_token(w)
        ):
            return True
    if head in _LEADER_HEADS:
        return any(
            w[:1].isupper() and not _role_vocabulary(w.lower()) and w.lower() not in _NON_NAME_WORDS
            for w in core
        )
    return False


_COMPLEMENT_RE = re.compile(r"\s+(?:of|in|for)\s+(?:the\s+)?", re.I)
_LEADING_THE_RE = re.compile(r"^the\s+(?=[A-Z])")


def _role_split(segment: str) -> tuple[str, str | None] | None:
    """(role, affiliation-or-None) when ``segment`` is a position; None otherwise.

    The head noun is the last word, or the last word before an ``of``/``in``/``for``
    phrase (``Professor of Physics``); ``at X`` after a role is an affiliation, and so is
    an ``of``/``in`` phrase that names an organisation (``Director of the Santa Fe
    Institute``). Positions joined by ``and``/``&`` are one role (``Sloan Fellow and
    Assistant Professor``).
    """
    affiliation: str | None = None
    role = segment
    m = _AT_RE.search(segment)
    if m:
        role, affiliation = segment[: m.start()], segment[m.end() :].strip() or None
        if affiliation:
            affiliation = _LEADING_THE_RE.sub("", affiliation)
    words = _words(role)
    if not words or len(words) > 12:
        return None
    if _INITIAL_RE.match(role.split()[0]):  # ``B. Reader``: an initial opens a name
        return None
    lowered = [w.lower() for w in words]
    head_zone = lowered
    cut = len(lowered)
    for i, w in enumerate(lowered):
        if w in ("of", "in", "for", "with", "on", "de", "des", "du", "di") and i > 0:
            head_zone = lowered[:i]
            cut = i
            break
    if len(head_zone) > 5 or len(words) > 9:
        parts = [p for p in re.split(r"\s+(?:and|&)\s+|\s*&\s*", role) if p.strip()]
        if len(parts) >= 2 and all(_role_split(p) == (p.strip(), None) for p in parts):
            return role.strip(), affiliation
        return None
    head = head_zone[-1]
    if head not in _ROLE_HEADS and "-" in head:  # ``Physician-Scientist``
        head = head.rsplit("-", 1)[-1]
    is_role = head in _ROLE_HEADS or (
        _is_occupation(head) and all(_role_vocabulary(w) for w in head_zone[:-1])
    )
    # ``Postdoc``-style single words, and ``Research Staff`` where staff is the head
    if not is_role and not (
        len(head_zone) <= 3 and all(w in _ROLE_MODIFIERS or w in _ROLE_HEADS for w in head_zone)
    ):
        return None
    if cut < len(lowered) and lowered[cut] in ("of", "in", "for"):
        cm = _COMPLEMENT_RE.search(role)
        if cm and _org_complement(words[cut + 1 :], role[cm.end() :], head):
            place = role[cm.end() :].strip(" ,")
            affiliation = ", ".join(p for p in (place, affiliation) if p)
            return role[: cm.start()].strip(), affiliation
    return role.strip(), affiliation


def is_organisation(segment: str) -> bool:
    """True when ``segment`` names an organisation or a part of one: an organisation or
    discipline word (``Institute``, ``Physics``), a well-known named organisation
    (``Stanford``, ``Johns Hopkins``), an acronym (``EECS``), a CamelCase company
    (``DeepMind``), an abbreviation (``Univ.``, ``U.C.``, ``U. of T.``)."""
    return _is_org(segment)


def _is_org(segment: str) -> bool:
    words = _words(segment)
    if not words:
        return False
    if " ".join(w.lower() for w in words) in _NAMED_ORG_PHRASES:
        return True
    if any(_is_org_abbreviation(t) for t in _TOKEN_RE.findall(segment)):
        return True
    if re.match(r"^(?:[A-Z]\.\s*)+of\s", segment):  # ``U. of T.``, ``U. of Chicago``
        return True
    for w in words:
        lw = w.lower()
        if lw in _ORG_WORDS or lw in _DISCIPLINE_WORDS or lw in _NAMED_ORGS:
            return True
        if (_is_acronym(w) and not _is_caps_name_token(w)) or _is_camel_org(w):
            return True
        if _is_acronym(w) and len(words) == 1:
            return True
    return bool(
        re.match(r"^(?:department|dept\.?|school|faculty|division|institute)\b", segment, re.I)
    )


# The tagger's word on an organisation: a segment it reads as ORG with at least
# ``_TAGGER_ORG`` and as PERSON with at most ``_TAGGER_ORG_NOT_PERSON`` is an organisation
# even when its shape is a name's (``Red Hat``, ``Leeds Beckett``, ``Accessible Minds``).
# Set on ``dev``: real names there score ORG under 0.05.
_TAGGER_ORG = 0.9
_TAGGER_ORG_NOT_PERSON = 0.1


def _tagged_org(segment: str) -> bool:
    """Whether the span tagger is confident ``segment`` names an organisation."""
    if not segment or len(segment) > 120:
        return False
    scores = tagger_scores(segment)
    return scores["ORG"] >= _TAGGER_ORG and scores["PERSON"] <= _TAGGER_ORG_NOT_PERSON


def _classify(segment: str) -> str:
    """``person``, ``role``, ``org``, ``degree`` or ``other``.

    The word lists (``_is_org``) and the name shape are evidence; the span tagger's ORG
    score overturns a name shape it is confident is an organisation."""
    if segment.lower().strip(".") in _DEGREES:
        return "degree"
    if segment.lower().strip(".") in _NAME_SUFFIXES:
        return "suffix"
    if _role_split(segment) is not None:
        return "role"
    if looks_like_person_name(segment):
        return "org" if _tagged_org(segment) else "person"
    if _is_org(segment) or _tagged_org(segment):
        return "org"
    return "other"


def _split_people(segment: str) -> list[str] | None:
    """``A and B`` / ``A & B`` / ``A / B`` as names, when every part is a name."""
    parts = [p.strip() for p in _AND_SPLIT_RE.split(segment) if p and p.strip()]
    if len(parts) >= 2 and all(looks_like_person_name(p) for p in parts):
        return parts
    # ``Stanford and John Smith`` (from ``A, Stanford and John Smith, MIT``): an
    # affiliation closing one speaker, then the next speaker's name
    m = _AND_SPLIT_RE.search(segment)
    if m and len(parts) >= 2 and looks_like_person_name(parts[-1]):
        last = list(_AND_SPLIT_RE.finditer(segment))[-1]
        head = segment[: last.start()].strip()
        if head and not looks_like_person_name(head):
            return [head, parts[-1]]
    return None


# ``Kiriaki (Korinna) Fragkia``: one given-name-shaped word in brackets between two name
# words is the name a person goes by, part of the name, not an affiliation
_NICKNAME_RE = re.compile(
    r"(?P<before>\b[A-Z][\w'’.-]*)\s\((?P<nick>[A-Z][a-z][\w'’-]*)\)\s+(?P<after>[A-Z][\w'’-]*)")


def _parse_paren_form(text: str) -> list[Speaker] | None:
    """``Name (Affiliation)`` repeated, separated by commas/and: the Indico form.

    A nickname in brackets is set aside while the brackets are read, then put back into
    the name it stood in.
    """
    nicks = list(_NICKNAME_RE.finditer(text))
    if nicks:
        found = _parse_paren_form(_NICKNAME_RE.sub(r"\g<before> \g<after>", text))
        for sp in found or []:
            for m in nicks:
                plain = f"{m.group('before')} {m.group('after')}"
                sp.name = sp.name.replace(plain, f"{plain.split()[0]} ({m.group('nick')}) "
                                                 f"{m.group('after')}", 1)
        return found
    speakers: list[Speaker] = []
    pos = 0
    for m in _PAREN_PERSON_RE.finditer(text):
        gap = text[pos : m.start()]
        pending: list[str] = []
        if not _LIST_SEP_RE.match(gap):
            # ``A, B, and C (Org)``: names listed before one bracket share it, as author
            # lists write a common affiliation once
            pending = _name_list(gap)
            if not pending:
                return None
        name = re.sub(r"^(?:and|&)\s+", "", m.group("name").strip(), flags=re.I)
        names = [name] if looks_like_person_name(name) else _split_people(name)
        if not names or not all(looks_like_person_name(n) for n in names):
            return None
        if pending and _independent_orgs(m.group("inner")) >= 2:
            # ``A, B, C (Org1, Org2, Org3)``: whose is which the line does not say
            return None
        names = pending + names
        inner = " ".join(m.group("inner").split())
        role: str | None = None
        affiliation: str | None = inner or None
        segs = [s for s in _SEGMENT_SPLIT_RE.split(inner) if s]
        # the first position among the parts is the role, wherever it stands
        # (``(Principal Scientist, Google Research)``, ``(Stanford, Professor of Biology)``)
        for k, seg in enumerate(segs):
            if (rs := _role_split(seg)) is not None:
                role = rs[0]
                rest = segs[:k] + ([rs[1]] if rs[1] else []) + segs[k + 1 :]
                affiliation = ", ".join(rest) or None
                break
        for n in names:
            speakers.append(
                Speaker(name=display_name(_strip_honorifics(n)), affiliation=affiliation, role=role)
            )
        pos = m.end()
    if not speakers:
        return None
    if not _LIST_SEP_RE.match(text[pos:]):
        # ``Name (Org), conference chair``: a role after the last bracket is that person's;
        # ``Name (Org) Internal speaker``: a short badge after it is a note on the speaker
        tail = text[pos:]
        return speakers if _trailing_role(tail, speakers[-1]) or _badge(tail) else None
    return speakers


def _badge(tail: str) -> bool:
    """True when ``tail`` (what follows a speaker's last bracket) is a short badge, such as
    a card's ``Internal speaker`` or ``Keynote`` label: at most three capitalised-first
    words, no digits, no person and nothing opening like a clause (``on …``, ``and …``)."""
    words = tail.strip(" ,;:–—-").split()
    if not 1 <= len(words) <= 3 or not words[0][:1].isupper():
        return False
    text = " ".join(words)
    return (not any(ch.isdigit() for ch in text) and _classify(text) == "other"
            and not looks_like_person_name(text))


_SUB_UNIT_RE = re.compile(
    r"^(?:the\s+)?(?:department|dept\.?|school|faculty|division|group|lab|laboratory|"
    r"centre|center|chair|institute\s+(?:of|for)|program(?:me)?)\b", re.I)


def _independent_orgs(inner: str) -> int:
    """How many parts of a bracket name an organisation of their own: ``Department of
    Physics, Uppsala University`` is one affiliation (a unit, then its organisation);
    ``Uppsala University, Lund University`` are two."""
    parts = [p for p in re.split(r"\s*[,;]\s*|\s+and\s+|\s*&\s*", inner) if p.strip()]
    return sum(1 for p in parts if _is_org(p) and not _SUB_UNIT_RE.match(p.strip()))


def _name_list(gap: str) -> list[str]:
    """The names of ``gap`` when it is nothing but a list of person names (``A, B, and``
    between two bracketed speakers, or opening the line); [] otherwise."""
    body = re.sub(r"^\s*[,;]?\s*", "", gap)
    body = re.sub(r"\s*(?:,|;)?\s*(?:\band\b|&)?\s*$", "", body, flags=re.I)
    if not body:
        return []
    names: list[str] = []
    for part in re.split(r"\s*,\s*", body):
        part = re.sub(r"^(?:and|&)\s+", "", part.strip(), flags=re.I)
        found = [part] if looks_like_person_name(part) else _split_people(part)
        if not found:
            return []
        names.extend(found)
    return names


_TRAILING_ROLE_RE = re.compile(r"^\s*[,;–—-]\s*(?P<role>[^,;()]+?)\s*$")


def _trailing_role(tail: str, speaker: Speaker) -> bool:
    """Give ``speaker`` the role ``tail`` names (``, conference chair``) when it names one
    and the speaker has none yet; True when it did."""
    m = _TRAILING_ROLE_RE.match(tail)
    if not m or speaker.role is not None or _classify(m["role"]) != "role":
        return False
    rs = _role_split(m["role"])
    if rs is None or rs[1]:
        return False
    speaker.role = rs[0]
    return True


def _segments(text: str) -> list[str]:
    """Comma/semicolon/dash segments, parentheses kept with their segment.

    A spaced dash after an organisation that does not open a person or a role is part of
    the organisation's name (``IBM Research – Zurich``, ``Google - Paris``) and is kept.
    """
    out: list[str] = []
    seps: list[str] = [""]
    depth = 0
    buf: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch in "([":
            depth += 1
        elif ch in ")]" and depth:
            depth -= 1
        if depth == 0:
            m = _SEGMENT_SPLIT_RE.match(text, i)
            if m and m.end() > i:
                out.append("".join(buf))
                seps.append(m.group(0).strip())
                buf = []
                i = m.end()
                continue
        buf.append(ch)
        i += 1
    out.append("".join(buf))
    segs: list[str] = []
    for seg, sep in zip(out, seps, strict=True):
        seg = re.sub(rf"^(?:{'|'.join(LIST_CONJUNCTIONS)}|&)\s+", "", seg.strip(), flags=re.I)
        if not seg:
            continue
        if (
            sep in ("-", "–", "—")
            and segs
            and _is_org(segs[-1])
            and not looks_like_person_name(seg)
            and _role_split(seg) is None
        ):
            segs[-1] = f"{segs[-1]} {sep} {seg}"
            continue
        segs.append(seg)
    return segs


_KEEP_DOT_RE = re.compile(r"(?:^|[\s(])(?:[A-Z]|Jr|Sr|Inc|Ltd|Co|Corp|St)$")


def _strip_edges(line: str) -> str:
    """``line`` without edge punctuation, but with the dot of a final abbreviation or
    initial (``U. of T.``, ``Harvard Univ.``, ``Acme Inc.``)."""
    core = line.strip(" .,;:-–—*_")
    if core and line.rstrip(" ,;:-–—*_").endswith(core + "."):
        last = core.split()[-1]
        if _KEEP_DOT_RE.search(core) or _is_org_abbreviation(last + "."):
            return core + "."
    return core


_LAST_FIRST_RE = re.compile(r"^(?P<sur>[^\s,()]+),\s*(?P<given>[^,();]+?)(?P<rest>\s*[(,;].*|)$")


def _reorder_last_first(line: str) -> str:
    """``Ng, Andrew`` / ``DOE, Jane (CERN)``: a surname, then the given names, as catalogues
    and Indico exports write them, put back in reading order.

    A surname in capitals followed by given names is unmistakable; two bare single words
    (``Ng, Andrew``) are read so only when the line has nothing else and neither word
    names an organisation (``Smith, Harvard`` stays a name and an affiliation).
    """
    if ";" in line:  # ``DOE, Jane (CERN); SMITH, John (DESY)``: each entry on its own
        parts = line.split(";")
        if len(parts) > 1:
            return "; ".join(_reorder_last_first(p.strip()) for p in parts)
    m = _LAST_FIRST_RE.match(_HONORIFIC_RE.sub("", line))
    if not m:
        return line
    surname, given, rest = m.group("sur"), m.group("given").strip(), m.group("rest")
    g_tokens = given.split()
    if not 1 <= len(g_tokens) <= 3:
        return line
    if not all(_name_token_ok(t, 0, 2) and not _is_caps_name_token(t) for t in g_tokens):
        return line
    if _is_org(given) or _role_split(given) is not None or given.lower() in _DEGREES:
        return line
    plain_pair = (
        not rest
        and len(g_tokens) == 1
        and _name_token_ok(surname, 0, 2)
        and not _is_org(surname)
        and surname.lower().strip(".") not in _DEGREES
    )
    # ``O'Brien, Siobhan (Trinity College Dublin)``: an export's ``Surname, Given (Org)``,
    # read so when the given name is a known one and the surname is not
    export_pair = (
        rest.lstrip().startswith("(")
        and len(g_tokens) <= 2
        and _name_token_ok(surname, 0, 2)
        and not _is_org(surname)
        and _given_evidence(g_tokens[0]) is True
        and _given_evidence(surname) is False
    )
    if not (_is_caps_name_token(surname) or plain_pair or export_pair):
        return line
    name = f"{given} {surname}"
    if not looks_like_person_name(name):
        return line
    return f"{name}{rest}"


def _lines_to_segments(text: str) -> str:
    """Line breaks inside a speaker block separate its parts (``Name<br>Role<br>Org``)."""
    lines = [ln.strip(" \t,;") for ln in text.split("\n")]
    return "; ".join(ln for ln in lines if ln)


def parse_speakers(text: str) -> list[Speaker]:
    """Speakers from one speaker line (``_parse_speakers``), as new objects on every call:
    the readers of one document ask about the same lines again, so the answer is kept
    for the document (``memo.per_document``) as immutable tuples."""
    return _thawed(_parse_speakers_memo(text)) or []


_Frozen = tuple[tuple[str, str | None, str | None], ...]


def _frozen(speakers: list[Speaker] | None) -> _Frozen | None:
    return None if speakers is None else tuple((s.name, s.affiliation, s.role) for s in speakers)


def _thawed(frozen: _Frozen | None) -> list[Speaker] | None:
    return None if frozen is None else [Speaker(*fields) for fields in frozen]


@per_document
def _parse_speakers_memo(text: str) -> _Frozen:
    return _frozen(_parse_speakers(text)) or ()


def _parse_speakers(text: str) -> list[Speaker]:
    """Speakers from one speaker line (``Name, Role, Affiliation``; ``A, B and C``; ...).

    A line opened by a host/moderator/chair label names no speaker; such a label later
    in the line ends the speaker part.
    """
    if not text:
        return []
    line = clean_text(text[:4000])  # a speaker line is short: bound the cleaning's cost
    if not line:
        return []
    line = _lines_to_segments(line[:2000])
    line = " ".join(line.split())[:600]
    if _NOT_SPEAKER_LABEL_RE.match(line) or _AUDIENCE_LABEL_RE.match(line):
        return []
    tail = _NOT_SPEAKER_TAIL_RE.search(line)
    if tail:
        line = line[: tail.start()]
    line = _PRONOUNS_RE.sub("", line)
    line = _MARKS_RE.sub("", line)
    label = _LABEL_RE.match(line)
    if (
        label
        and line[label.end() :].strip()
        and not looks_like_person_name(label.group(0).rstrip(": \t"))
    ):
        line = line[label.end() :]
    elif label and ":" in label.group(0):
        line = line[: label.end()].replace(":", ",") + line[label.end() :]  # ``Name: MIT``
    line = _BRACKETS_RE.sub(r"(\1)", line)  # ``Jane Doe [MIT]``
    line = _reorder_last_first(_strip_edges(line))
    if not line:
        return []
    paren = _parse_paren_form(line)
    if paren:
        return paren

    segments: list[str] = []
    joined: set[int] = set()  # segments a conjunction marks as a new person
    for seg in _segments(line):
        linked = _NAME_LINK_ORG_RE.match(seg)
        if (linked and looks_like_person_name(linked.group("name"))
                and (_is_org(linked.group("org")) or _tagged_org(linked.group("org")))):
            segments.extend([linked.group("name"), linked.group("org")])
            continue
        bracketed = _NAME_BRACKET_RE.match(seg)
        if bracketed and looks_like_person_name(bracketed["name"]):
            # ``…, Okan Bulut (Org1, Org2)``: the next speaker and what the bracket says
            segments.extend([bracketed["name"], bracketed["inner"]])
            continue
        people = _split_people(seg)
        if people:
            joined.update(range(len(segments) + 1, len(segments) + len(people)))
        segments.extend(people if people else [seg])
    kinds = [_classify(s) for s in segments]

    speakers: list[Speaker] = []
    affil: list[list[str]] = []
    seen_role = False
    for i, (seg, kind) in enumerate(zip(segments, kinds, strict=True)):
        if kind == "degree":
            continue
        if kind == "suffix" and speakers and not affil[-1] and speakers[-1].role is None:
            # ``John Smith, Jr.``: the suffix belongs to the name before it
            speakers[-1].name = f"{speakers[-1].name} {seg.strip()}"
            continue
        if kind == "person":
            # after a role, a name-shaped segment is part of the affiliation unless a
            # role follows it (``A, Role, Org, B, Role, Org``)
            # ``A, Org, B, Org``: a name between two organisations opens the next pair
            next_kind = kinds[i + 1] if i + 1 < len(kinds) else None
            pair = next_kind == "org" and i > 0 and kinds[i - 1] in ("org", "role")
            if not speakers or not seen_role or next_kind == "role" or i in joined or pair:
                speakers.append(Speaker(name=display_name(_strip_honorifics(seg))))
                affil.append([])
                seen_role = False
                continue
        if not speakers:
            # the line does not start with a recognisable name: its first segment is
            # still the name (extractors hand us speaker lines)
            speakers.append(Speaker(name=display_name(_strip_honorifics(seg))))
            affil.append([])
            continue
        current = speakers[-1]
        # a role may follow the affiliation too (``Name, Stanford University, Professor``)
        if kind == "role" and current.role is None:
            role, at_affiliation = _role_split(seg) or (seg, None)
            current.role = role
            if at_affiliation:
                affil[-1].append(at_affiliation)
            seen_role = True
            continue
        affil[-1].append(seg)
        seen_role = True  # once an affiliation starts, name-shaped parts belong to it
    for sp, parts in zip(speakers, affil, strict=True):
        sp.affiliation = ", ".join(parts) or None
    return [s for s in speakers if s.name]


_ATTENDANCE_RE = re.compile(r"^(?:" + "|".join(ATTENDANCE_MODES) + r")$", re.I)


def tidy_affiliation(speaker: Speaker) -> None:
    """An affiliation as extractors hand it, made only an affiliation: a leading position
    (``CEO, 353solutions``) becomes the role when there is none, a trailing attendance
    mode (``Caltech, remote``) is dropped."""
    aff = speaker.affiliation
    if not aff:
        return
    parts = [p for p in _segments(aff) if p.strip()]
    while len(parts) > 1 and _ATTENDANCE_RE.match(parts[-1].strip(" .")):
        parts.pop()
    if len(parts) > 1 and speaker.role is None:
        rs = _role_split(parts[0])
        if rs is not None and rs[1] is None:
            speaker.role = rs[0]
            parts = parts[1:]
    if len(parts) > 1 or parts != [aff]:
        speaker.affiliation = ", ".join(parts)


# --- organisation and speaker lines ---------------------------------------------------

_LINE_ORG_RE = re.compile(
    r"\b(?:"
    + "|".join(re.escape(w) for w in sorted({*_ORG_WORDS, *NAMED_ORGS, *NAMED_ORG_PHRASES},
                                            key=len, reverse=True))
    + r"|universit\w*|univ\.|institut\w*|laborator\w*)(?!\w)",
    re.I,
)
_ORG_LINKS = ("of", "for", "at", "de", "di", "du", "des", "del", "della", "für", "fur")


def _org_compound(word: str) -> bool:
    """A compound word (lower case) ending in an organisation noun of a compounding
    language: hyphenated (``helmholtz-zentrum``) or closed (``forschungszentrum``)."""
    parts = word.split("-")
    if len(parts) > 1 and any(p in _ORG_LEADING_WORDS for p in parts[1:]):
        return True
    return any(
        word.endswith(noun) and len(word) >= len(noun) + 4
        for noun in ("zentrum", "institut", "hochschule", "akademie", "universität",
                     "universitaet")
    )


def _org_segment(segment: str) -> bool:
    """One comma segment naming an organisation. An organisation word (shared vocabulary)
    counts where organisation names put it: last (``Lakeside University``), or before
    ``of``/``for`` (``Institute of Technology``); a named organisation (``Google``) or an
    acronym line counts anywhere; an organisation word of a noun-first language counts
    first (``Hochschule Darmstadt``). Words common in titles (``Neural Network Systems``) veto
    the weak positions."""
    words = re.findall(r"[\w.&'’-]+", segment)
    if not words:
        return False
    if re.fullmatch(r"[A-Z][A-Z&.\- ]{1,10}", segment.strip()):
        return True
    low = [w.lower().strip(".") for w in words]
    if any(w in _NAMED_ORGS for w in low) or " ".join(low) in _NAMED_ORG_PHRASES:
        return True
    # ``Hochschule Darmstadt``, ``Universite Paris-Saclay``: noun-first word order
    if len(words) >= 2 and low[0] in _ORG_LEADING_WORDS and words[1][:1].isupper():
        return True
    # ``Helmholtz-Zentrum Dresden``, ``Max-Planck-Institut``, ``Forschungszentrum Jülich``:
    # a capitalised compound whose last element is an organisation noun
    if any(w[:1].isupper() and _org_compound(w.lower()) for w in words):
        return True
    for i, w in enumerate(low):
        if not _LINE_ORG_RE.fullmatch(w) and not _LINE_ORG_RE.fullmatch(words[i]):
            continue
        if i + 1 < len(low) and low[i + 1] in _ORG_LINKS:
            return True
        if i == len(low) - 1 and not any(x in _NON_NAME_WORDS for x in low):
            return True
    return False


def is_organisation_line(line: str) -> bool:
    """A short line naming an organisation (an affiliation under a speaker's name:
    ``Lakeside University``, ``Dept. of Physics, Institute of Technology``, ``CERN``)."""
    line = line.strip()
    if not line or len(line) > 120 or line.endswith("."):
        return False
    return any(_org_segment(seg) for seg in re.split(r"\s*[,;]\s*|\s+[–—|]\s+", line) if seg)


_HONORIFIC_START = re.compile(r"(?:^|\band\s+|[,&]\s*)(?:Prof|Dr|Mr|Mrs|Ms|Mx)\b\.?\s")
_OF_FORM_RE = re.compile(r"^(?P<name>[^,(]+?),?\s+(?:of|from)\s+(?:the\s+)?(?P<aff>[A-Z].*)$")


def of_form(text: str) -> str:
    """``Prof. X of Y`` / ``X from Y`` → ``Prof. X, Y``: the prose form of a speaker line,
    rewritten to the comma form ``parse_speakers`` reads. ``Y`` must name an organisation
    (``Entropy from Category Theory`` is a title)."""
    m = _OF_FORM_RE.match(text)
    if m and is_person_name(m["name"]) and is_organisation_line(m["aff"]):
        return f"{m['name']}, {m['aff']}"
    return text


def _names_organisation(text: str | None) -> bool:
    """An affiliation that surely names an organisation (``Lakeside University``, ``U.C.
    Riverside``): a line with an organisation word in its place, or an abbreviation."""
    return bool(text) and (is_organisation_line(text) or any(
        _is_org_abbreviation(t) for t in text.split()))


def _speaker_name(name: str, placed: bool) -> bool:
    """A person's name: by the shared name finder, or by shape alone where the position
    says a speaker stands (``Will Hamilton, Lakeside University``; after ``by``)."""
    return is_person_name(name) or (placed and looks_like_person_name(name, SPEAKER_CONTEXT))


# ``Part 2``, ``Lecture III``, ``cont.``: a part of a series of talks, never an affiliation.
_SEQUENCE_MARK_RE = re.compile(
    r"^(?:(?:part|lecture|session|day|week|talk|episode|vol\.?|volume|no\.?)\s*"
    r"(?:\d+|[IVX]+\b|one|two|three|four|five)|\d+\s*/\s*\d+|[IVX]+|cont(?:inued|'d|\.)?)\W*$",
    re.I,
)


def speaker_line(line: str, context: str | None = None) -> list[Speaker] | None:
    """The speakers of a line that holds only speakers (``_speaker_line``), as new objects
    on every call; the answer is kept for the document like ``parse_speakers``'."""
    return _thawed(_speaker_line_memo(line, context))


@per_document
def _speaker_line_memo(line: str, context: str | None) -> _Frozen | None:
    return _frozen(_speaker_line(line, context))


def _speaker_line(line: str, context: str | None = None) -> list[Speaker] | None:
    """The speakers of a line that holds only speakers (``Name``, ``Name, Affiliation``,
    ``Name (Affiliation)``, ``Name, Role, Organisation``, ``A and B``, ``X of Y``), read by
    ``parse_speakers``; None when the line is a labeled field, a date, a sentence, or any
    name it finds is not a person's name.

    A name followed by its affiliation or role on the line, or a line the caller found in
    a speaker's place (``context="speaker"``: after ``by``, ``Speaker:``), is judged with
    that context (``looks_like_person_name(..., context="speaker")``)."""
    placed = context == SPEAKER_CONTEXT
    line = " ".join(line.split()).strip(" ,;")
    if not line or len(line) > 200 or FIELD_LABEL_RE.match(line) \
            or dates.looks_like_when(line, loose=True):
        return None
    if line.endswith(".") and not re.search(r"\b[A-Z][a-z]{0,3}\.$", line):
        return None  # a sentence, not a speaker line (``Inc.``/``Univ.`` may end one)
    segs = [seg.strip() for seg in line.split(",")]
    if len(segs) >= 3 and all(is_person_name(seg) and not _names_organisation(seg)
                              for seg in segs):
        # ``A B, C D, E F``: three or more bare names in a row are a list of people (two
        # could be ``Name, Place``)
        return [Speaker(display_name(_strip_honorifics(seg))) for seg in segs]
    sps = parse_speakers(of_form(line))
    if any(sp.affiliation and _SEQUENCE_MARK_RE.match(sp.affiliation) for sp in sps):
        return None  # ``Homogenisation Theory (Part 2)``: a title's part, not an affiliation
    # a role or an organisation after the name puts it in a speaker's place
    placed = placed or bool(sps and (sps[0].role or _names_organisation(sps[0].affiliation)))
    if not sps or not _speaker_name(sps[0].name, placed):
        return None
    if len(sps) > 1 and "," in line and not re.search(r"\band\b|&|;|\s/\s", line) \
            and not any(sp.affiliation or sp.role for sp in sps):
        # ``Name, U.C. Riverside``: names are listed with a conjunction; without one the
        # part after the comma is the first name's affiliation
        head, _, tail = line.partition(",")
        placed = placed or _names_organisation(tail)
        return [Speaker(sps[0].name, tail.strip() or None)] if _speaker_name(head, placed) \
            else None
    # a later "speaker" that is no person's name is the affiliation of the one before it
    merged: list[Speaker] = []
    for sp in sps:
        if merged and not is_person_name(sp.name) and merged[-1].affiliation is None:
            parts = [sp.name, *([sp.affiliation] if sp.affiliation else [])]
            merged[-1].affiliation = ", ".join(parts)
        elif merged and not is_person_name(sp.name):
            return None
        else:
            merged.append(sp)
    # ``Spin Glasses and Neural Codes`` is shaped like two names: an unlabeled line naming
    # several people needs an affiliation or an honorific to be read as speakers
    if len(merged) > 1 and not any(sp.affiliation or sp.role for sp in merged) \
            and not _HONORIFIC_START.search(line):
        return None
    return merged


# --- a speaker's affiliation from the talk's own text ---------------------------------

_NAME_THEN_SEP_RE = re.compile(r"^\s*(?:[-*•·]\s*)?(?P<rest>.*)$")


def complete_from_text(speakers: list[Speaker], texts: list[str | None]) -> None:
    """Give a speaker without an affiliation the one a line of the talk's own text states
    when that line opens with the speaker's name and goes on as a speaker line does
    (``Name, Role, Department, University`` heading a calendar description; ``Name
    (Org)`` opening an abstract). The line must parse as this one speaker, and what it
    gives as the affiliation must read as an organisation (the word lists or the span
    tagger): ``Jane Doe is a professor at MIT`` or ``Jane Doe, we thank you`` give none.
    """
    wanting = [sp for sp in speakers if sp.name and not sp.affiliation]
    if not wanting:
        return
    lines = [ln.strip() for text in texts if text for ln in text.splitlines()[:60]]
    for sp in wanting:
        folded = sp.name.casefold()
        for line in lines:
            rest = _NAME_THEN_SEP_RE.match(line)["rest"]  # type: ignore[index]
            if len(rest) > 300 or not rest.casefold().startswith(folded):
                continue
            after = rest[len(sp.name):]
            if not re.match(r"\s*(?:[,(]|\s[-–—]\s)", after):
                continue
            found = parse_speakers(rest)
            if len(found) != 1 or found[0].name.casefold() != folded:
                continue
            aff = found[0].affiliation
            if aff and (_is_org(aff) or _tagged_org(aff)):
                sp.affiliation = aff
                if sp.role is None:
                    sp.role = found[0].role
                break


def affiliation_from_abstract(speakers: list[Speaker], abstract: str | None) -> bool:
    """True (and the speaker given it) when a talk's "abstract" is the lone speaker's
    affiliation line: the stacked layout ``Name`` / ``Organisation`` / ``Title`` hands the
    line under the name on as text. One short line, no sentence, that reads after the
    name as a speaker line's affiliation (``Uppsala University``; ``Professor, Lund
    University`` gives the role too) and as an organisation (word lists or the tagger)."""
    if len(speakers) != 1 or speakers[0].affiliation or not abstract:
        return False
    line = " ".join(abstract.split())
    if "\n" in abstract.strip() or len(line) > 100 or len(line.split()) > 12:
        return False
    if re.search(r"[.!?:]$", line) and not _strip_edges(line).endswith("."):
        return False
    sp = speakers[0]
    found = parse_speakers(f"{sp.name}, {line}")
    if len(found) != 1 or found[0].name.casefold() != sp.name.casefold():
        return False
    aff = found[0].affiliation
    if not aff or not (_is_org(aff) or _tagged_org(aff)):
        return False
    sp.affiliation = aff
    if sp.role is None:
        sp.role = found[0].role
    return True
