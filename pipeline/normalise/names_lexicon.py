"""A lexicon of given names and surnames, as evidence that a word is part of a person's name.

Why: whether ``Hope White`` is a person or ``Dark Matter`` a topic cannot be read from
capitalisation; a list of the names people actually carry is the classic evidence. The data
is the one the ``names`` package (MIT licence) ships: the US Census Bureau's 1990 name
frequency files (public domain), 5,494 given names and 88,799 surnames. The surnames are
those of a population of many origins (``Nguyen``, ``Kim``, ``Garcia``, ``Patel``,
``Kowalski``, ``Okafor`` are all in it); the given names lean to English-language ones, which
is why the lexicon is a *feature* of the span tagger (``tagger.py``) and never a verdict.

Memory: the two sets cost about 7 MB per worker process, loaded once, lazily, on the first
lookup (``lexicon_memory_bytes`` measures it). Without the package every lookup answers
``None`` and the tagger's other features decide.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

# Frequency ranks are kept coarse: a rank bucket is a feature, the exact rank is noise.
_COMMON_SURNAME_RANK = 5000


@dataclass(frozen=True)
class NameLexicon:
    """Given names and surnames (lower case), with each surname's frequency rank."""

    given: frozenset[str]
    surnames: dict[str, int]

    def given_name(self, word: str) -> bool:
        return word.lower() in self.given

    def surname(self, word: str) -> bool:
        return word.lower() in self.surnames

    def common_surname(self, word: str) -> bool:
        return self.surnames.get(word.lower(), _COMMON_SURNAME_RANK + 1) <= _COMMON_SURNAME_RANK


def _read_names(package: str, filename: str) -> list[str]:
    """The names of one census file, in rank order (the first column of each line)."""
    text = resources.files(package).joinpath(filename).read_text(encoding="ascii")
    return [line.split(None, 1)[0].lower() for line in text.splitlines() if line.strip()]


@lru_cache(maxsize=1)
def lexicon() -> NameLexicon | None:
    """The lexicon, read once per process; None when the ``names`` package is missing."""
    try:
        given = _read_names("names", "dist.male.first") + _read_names("names", "dist.female.first")
        surnames = _read_names("names", "dist.all.last")
    except (ModuleNotFoundError, FileNotFoundError):
        return None
    ranks: dict[str, int] = {}
    for rank, name in enumerate(surnames, 1):
        ranks.setdefault(sys.intern(name), rank)
    return NameLexicon(frozenset(sys.intern(n) for n in given), ranks)


def lexicon_memory_bytes() -> int:
    """Approximate bytes the loaded lexicon holds (containers and their strings)."""
    lex = lexicon()
    if lex is None:
        return 0
    size = sys.getsizeof(lex.given) + sys.getsizeof(lex.surnames)
    size += sum(sys.getsizeof(w) for w in lex.given)
    size += sum(sys.getsizeof(w) + sys.getsizeof(r) for w, r in lex.surnames.items())
    return size
