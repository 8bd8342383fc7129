"""The spaCy language layer: person names in free text.

Extractors of free text (announcements, slide decks) need to tell a person's name
from a title or an institution without a fixed list of names. spaCy gives us
tokenisation and rule matching that work right after ``pip install``: by default
a blank English pipeline with an ``entity_ruler`` whose token-shape patterns
describe names (honorific + capitalised words, ``First (Middle/initial) Last``,
name particles such as ``van den``). A user who has installed a trained pipeline
(``en_core_web_sm`` …) can name it in ``TALKS_SPACY_MODEL`` to get its statistical
PERSON entities instead; no model is ever a dependency of the project.

Every candidate is checked against the shared name vocabulary
(``people.looks_like_person_name``) and spaCy's stop words, so sentence-initial
common words (``Today's Talk``) and institutions (``Harvard University``) are not
names. The pipeline is built once per process (``lru_cache``).
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from typing import Any

from pipeline.errors import UsageError
from pipeline.memo import per_document

MODEL_ENV = "TALKS_SPACY_MODEL"

HONORIFICS = (
    "prof", "professor", "dr", "mr", "mrs", "ms", "mx", "miss", "sir", "dame", "madam",
    "rev", "fr", "hon", "assoc", "asst",
)
# Lower-case particles inside a name (``Rianne van den Berg``, ``Luis de la Cruz``).
PARTICLES = ("van", "von", "der", "den", "de", "del", "della", "da", "das", "dos", "du",
             "la", "le", "di", "ter", "ten", "bin", "ibn", "al", "y")

# A capitalised name word: ``Jesse``, ``Hipólito``, ``O'Neil``, ``McDonald``; not ``IAIFI``.
_NAME_WORD = r"^[A-Z\u00C0-\u00DE][a-z\u00DF-\u00FF'’\u0100-\u017F]+(?:[A-Z][a-z]+)?$"
_INITIAL = r"^[A-Z]\.?$|^(?:[A-Z]\.){2,3}$"

_NAME_TOKEN: dict[str, Any] = {"TEXT": {"REGEX": _NAME_WORD}}
_INITIAL_TOKEN: dict[str, Any] = {"TEXT": {"REGEX": _INITIAL}}
_HONORIFIC: list[dict[str, Any]] = [
    {"LOWER": {"IN": [*HONORIFICS, *(h + "." for h in HONORIFICS)]}},
    {"ORTH": ".", "OP": "?"},
]
_HYPHEN_PART: list[dict[str, Any]] = [
    {"ORTH": {"IN": ["-", "‐"]}, "OP": "?"},
    {"TEXT": {"REGEX": _NAME_WORD}, "OP": "?"},
]


def _patterns() -> list[dict[str, Any]]:
    """Token-shape patterns for person names (the entity ruler keeps the longest match)."""
    first = [_NAME_TOKEN]
    middle = [{"TEXT": {"REGEX": _INITIAL + "|" + _NAME_WORD}, "OP": "{0,3}"}]
    particles = [{"LOWER": {"IN": list(PARTICLES)}, "OP": "{0,3}"}]
    last = [_NAME_TOKEN, *_HYPHEN_PART]
    plain = first + middle + particles + last
    initials = [_INITIAL_TOKEN, {"TEXT": {"REGEX": _INITIAL}, "OP": "{0,2}"}, *particles, *last]
    return [
        {"label": "PERSON", "pattern": _HONORIFIC + plain},
        {"label": "PERSON", "pattern": _HONORIFIC + initials},
        {"label": "PERSON", "pattern": _HONORIFIC + last},
        {"label": "PERSON", "pattern": plain},
        {"label": "PERSON", "pattern": initials},
    ]


@lru_cache(maxsize=4)
def _load(model: str | None) -> Any:
    """The spaCy pipeline: the named trained one, else a blank English one with name rules."""
    import spacy

    if model:
        try:
            return spacy.load(model)
        except OSError as exc:
            raise UsageError(
                f"{MODEL_ENV}={model!r} names a spaCy pipeline that is not installed; "
                f"install it (python -m spacy download {model}) or unset {MODEL_ENV}"
            ) from exc
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(_patterns())
    return nlp


def nlp() -> Any:
    """The configured pipeline (``TALKS_SPACY_MODEL`` or the blank rule-based one), loaded once."""
    return _load(os.environ.get(MODEL_ENV) or None)


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS) - frozenset(PARTICLES)


_HONORIFIC_RE = re.compile(
    rf"^(?:(?:{'|'.join(HONORIFICS)})\.?\s+)+", re.I
)
_EDGE_PUNCT = " \t,;:.!?()[]\"'“”‘’"


def strip_honorifics(name: str) -> str:
    """``Prof. Jane Doe`` → ``Jane Doe``."""
    return _HONORIFIC_RE.sub("", name.strip()).strip()


def _plausible(name: str) -> bool:
    """A candidate span is a name unless a word is a stop word or the shared vocabulary
    says it is not a person's name (an institution, a field, a role)."""
    from pipeline.normalise.people import looks_like_person_name

    words = name.split()
    if len(words) < 2 and not re.match(r"^[A-Z]", name):
        return False
    stop = _stop_words()
    if any(w.lower().strip(".'’") in stop for w in words):
        return False
    return looks_like_person_name(name)


def person_names(text: str) -> list[str]:
    """Person names found in free text, in order of appearance, without honorifics.

    With a trained pipeline configured, its PERSON entities are the candidates; with
    the default blank pipeline, the token-shape rules are. Either way a candidate must
    pass the shared name vocabulary (``looks_like_person_name``).
    """
    return list(_person_names(text))


@per_document
def _person_names(text: str) -> tuple[str, ...]:
    if not text or not text.strip():
        return ()
    doc = nlp()(text)
    names: list[str] = []
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        # a trained model may include a leading honorific or trailing punctuation
        cand = strip_honorifics(ent.text.strip(_EDGE_PUNCT)) if ent.text else ""
        cand = " ".join(cand.split())
        if len(cand.split()) < 2 and not ent.text.lower().startswith(HONORIFICS):
            continue
        if cand and _plausible(cand) and cand not in names:
            names.append(cand)
    return tuple(names)


@per_document
def is_person_name(text: str) -> bool:
    """True when the whole of ``text`` (a line) is one person's name."""
    text = " ".join(text.split()).strip(_EDGE_PUNCT)
    if not text or len(text) > 80:
        return False
    return person_names(text) == [strip_honorifics(text)]
