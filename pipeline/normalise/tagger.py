"""The span tagger: PERSON, ORG, LOCATION and TITLE spans in a line of free text.

Why: a capitalised phrase in speaker position may be a person (``Hope White``) or a topic
(``Dark Matter``), and no word list settles it. The tagger is a linear-chain CRF
(CRFsuite, through ``python-crfsuite``) trained by ``training/train_tagger.py`` on the
corpus's own ``dev`` gold aligned to the document text (distant supervision); its features
are the classic ones — the word, its shape, capitalisation, prefix and suffix, the
neighbouring words, where it stands in the line, whether the line opens with a ``Label:`` —
plus lexicon hits: the census name lexicon (``names_lexicon``) and the shared vocabularies
of ``vocab.py``. The vocabularies are therefore features the model weighs, not verdicts.

The model ships in ``models/span_tagger/`` (a few hundred kB, with the figures it scored when
it was trained); it is opened once per process, lazily, on the first call, and needs no
network. Its SHA-256 is pinned here (``MODEL_SHA256``), so retraining changes this file and
with it the extractor key: every document is re-extracted with the new model.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from pipeline.errors import UsageError
from pipeline.normalise import vocab
from pipeline.normalise.names_lexicon import lexicon

LABELS = ("PERSON", "ORG", "LOCATION", "TITLE")
MODEL_DIR = Path(__file__).resolve().parents[2] / "models" / "span_tagger"
MODEL_FILE = MODEL_DIR / "model.crfsuite"
MODEL_SHA256 = "439878de5ea09f20d2a854c68768eb61d3042d3a41d6365a970541df27f654a7"

# A word (letters, inner hyphens and apostrophes), a number (with inner separators), or
# one other character: the tokens the features and the labels are given to.
_TOKEN_RE = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*|\d+(?:[:.,/]\d+)*|[^\w\s]", re.UNICODE)
_LABEL_LINE_RE = re.compile(r"^\W*([A-Za-z][A-Za-z ]{0,24}?)\s*:")
_MONTHS = frozenset(
    "jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june "
    "july august september october november december".split())
_WEEKDAYS = frozenset(
    "mon tue tues wed thu thur thurs fri sat sun monday tuesday wednesday thursday friday "
    "saturday sunday".split())


def _vocabulary(*lists: list[str]) -> frozenset[str]:
    return frozenset(w.lower() for words in lists for w in words if " " not in w)


_VOCAB = {
    "role": _vocabulary(vocab.ROLE_HEADS, vocab.ROLE_MODIFIERS),
    "org": _vocabulary(vocab.ORG_WORDS, vocab.ORG_LEADING_WORDS, vocab.NAMED_ORGS),
    "acro": _vocabulary(vocab.ACRONYMS),
    "disc": _vocabulary(vocab.DISCIPLINE_WORDS),
    "topic": _vocabulary(vocab.TOPIC_WORDS, vocab.TITLE_ADJECTIVES),
    "event": _vocabulary(vocab.EVENT_WORDS),
    "nonname": _vocabulary(vocab.NON_NAME_WORDS),
    "honor": _vocabulary(vocab.HONORIFICS),
    "place": _vocabulary(vocab.PLACE_WORDS),
}
_PARTICLES = frozenset(
    "van von der den de del della da das dos du la le di ter ten bin ibn al y".split())


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Span:
    """A labelled run of tokens: its label, character offsets in the line, text, score."""

    label: str
    start: int
    end: int
    text: str
    score: float


def tokenize(line: str) -> list[Token]:
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN_RE.finditer(line)]


def _shape(word: str) -> str:
    """``Xxxx``, ``XX``, ``x``, ``d`` runs, collapsed (``McDonald`` → ``XxXx``)."""
    out: list[str] = []
    for ch in word:
        c = "X" if ch.isupper() else "x" if ch.islower() else "d" if ch.isdigit() else ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)[:6]


@lru_cache(maxsize=65536)
def _word_features(word: str) -> tuple[str, ...]:
    """The features of one word alone (cached: the same words recur in every document)."""
    low = word.lower()
    feats = [f"w={low}", f"shape={_shape(word)}", f"suf3={low[-3:]}", f"pre3={low[:3]}",
             f"suf2={low[-2:]}", f"len={min(len(word), 8)}"]
    if word[:1].isupper():
        feats.append("cap")
    if word.isupper() and len(word) > 1:
        feats.append("allcaps")
    if word.isdigit():
        feats.append("digit")
    if len(word) == 1 and word.isalpha() and word.isupper():
        feats.append("initial")
    if low in _MONTHS:
        feats.append("month")
    if low in _WEEKDAYS:
        feats.append("weekday")
    if low in _PARTICLES:
        feats.append("particle")
    feats.extend(f"v:{name}" for name, words in _VOCAB.items() if low in words)
    lex = lexicon()
    if lex is not None and word[:1].isalpha():
        if lex.given_name(low):
            feats.append("lex:given")
        if lex.common_surname(low):
            feats.append("lex:surname")
        elif lex.surname(low):
            feats.append("lex:rare_surname")
    return tuple(feats)


_NEIGHBOUR_KEEP = ("w=", "shape=", "cap", "lex:", "v:", "initial")


def _neighbour(feats: tuple[str, ...], offset: str) -> list[str]:
    return [f"{offset}{f}" for f in feats if f.startswith(_NEIGHBOUR_KEEP)]


def line_features(line: str, tokens: list[Token] | None = None) -> list[list[str]]:
    """The CRF feature lists of every token of ``line``."""
    tokens = tokenize(line) if tokens is None else tokens
    own = [_word_features(t.text) for t in tokens]
    label = _LABEL_LINE_RE.match(line)
    line_label = f"label={label.group(1).strip().lower()}" if label else "label=-"
    n = len(tokens)
    out: list[list[str]] = []
    for i, feats in enumerate(own):
        f = ["bias", *feats, line_label, f"pos={min(i, 5)}", f"rpos={min(n - 1 - i, 5)}",
             f"n={min(n, 12)}"]
        if i == 0:
            f.append("BOL")
        if i == n - 1:
            f.append("EOL")
        for off in (-2, -1, 1, 2):
            j = i + off
            if 0 <= j < n:
                f.extend(_neighbour(own[j], f"{off}:"))
            else:
                f.append(f"{off}:edge")
        if i > 0 and tokens[i - 1].end == tokens[i].start:
            f.append("glued_left")
        out.append(f)
    return out


def _check_model(path: Path) -> None:
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != MODEL_SHA256:
        raise UsageError(
            f"{path}: span tagger model has SHA-256 {digest[:12]}…, expected "
            f"{MODEL_SHA256[:12]}… (retrained without updating tagger.MODEL_SHA256?)")


@lru_cache(maxsize=4)
def _tagger(path: str | None = None) -> Any:
    """The CRFsuite tagger, opened once per process (``path`` for a retrained model).

    A virtualenv made before the tagger joined the dependencies lacks python-crfsuite: say
    so and how to mend it, instead of an internal error on every file."""
    try:
        import pycrfsuite
    except ImportError as exc:
        raise UsageError(
            "the span tagger needs python-crfsuite, which this environment lacks: "
            "reinstall the project (`make run` does it, or pip install -e .)") from exc

    model = Path(path) if path else MODEL_FILE
    if not model.is_file():
        raise UsageError(f"{model}: span tagger model missing (run training/train_tagger.py)")
    if path is None:
        _check_model(model)
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    return tagger


def tag_line(line: str, model: str | None = None) -> tuple[list[Token], list[str], Any]:
    """(tokens, BIO tags, the tagger positioned on this line for marginals)."""
    tokens = tokenize(line)
    tagger = _tagger(model)
    if not tokens:
        return tokens, [], tagger
    tags = tagger.tag(line_features(line, tokens))
    return tokens, list(tags), tagger


def bio_runs(tags: list[str]) -> list[tuple[str, int, int]]:
    """The labelled runs of a BIO tag sequence as ``(label, first, past_last)`` token indices;
    the one decoding the tagger and its training script share."""
    out: list[tuple[str, int, int]] = []
    i = 0
    while i < len(tags):
        if tags[i] == "O":
            i += 1
            continue
        label = tags[i][2:]
        j = i + 1
        while j < len(tags) and tags[j] == f"I-{label}":
            j += 1
        out.append((label, i, j))
        i = j
    return out


def spans(line: str, model: str | None = None) -> list[Span]:
    """The labelled spans of ``line`` (Viterbi), each with its mean marginal probability."""
    tokens, tags, tagger = tag_line(line, model)
    out: list[Span] = []
    for label, i, j in bio_runs(tags):
        probs = [tagger.marginal(tags[k], k) for k in range(i, j)]
        start, end = tokens[i].start, tokens[j - 1].end
        out.append(Span(label, start, end, line[start:end], sum(probs) / len(probs)))
    return out


@lru_cache(maxsize=16384)
def label_scores(text: str) -> dict[str, float]:
    """How much of ``text``, read as a line of its own, each label covers: per label the
    mean over its word tokens of the marginal probability that the token is inside a span
    of that label (B or I). ``O`` is the rest. A whole-name line scores PERSON near 1."""
    tokens, _, tagger = tag_line(text)
    words = [i for i, t in enumerate(tokens) if t.text[:1].isalnum()]
    if not words:
        return {label: 0.0 for label in (*LABELS, "O")}
    known = set(tagger.labels())
    scores: dict[str, float] = {}
    for label in LABELS:
        total = 0.0
        for i in words:
            total += sum(tagger.marginal(f"{p}-{label}", i)
                         for p in "BI" if f"{p}-{label}" in known)
        scores[label] = total / len(words)
    scores["O"] = max(0.0, 1.0 - sum(scores.values()))
    return scores


def person_score(text: str) -> float:
    """The tagger's probability that ``text`` is (all of) a person's name."""
    return label_scores(text)["PERSON"]
