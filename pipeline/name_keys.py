"""Person names as comparable keys: the ground both cross-source matching and the people
table stand on.

A dataset row already carries a speaker name without honorifics and in reading order, but
the same person is still written ``Jane Smith``, ``J. Smith``, ``Jane A. Smith``, ``José``
or ``Jose``, ``SMITH, Jane`` or ``Prof. Jane Smith`` by different sources. ``name_key``
splits a name with nameparser (the parser the normalise stage uses) into folded given
names and a surname; ``same_name`` says two keys are written identically once case,
accents, punctuation, honorifics and order are folded away; ``compatible`` says one could
be an abbreviation of the other (initials for given names, a middle name left out). The
first is evidence of identity; the second is only a candidate that the callers confirm
with other evidence (an affiliation, a shared series or document, the same talk).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from nameparser import HumanName

_GIVEN_SPLIT_RE = re.compile(r"[\s.\-‐‑]+")
_DROP_RE = re.compile(r"[^\w\s-]")


def fold(text: str) -> str:
    """Case, accents, apostrophes and spacing folded: ``José O'Brien`` -> ``jose obrien``."""
    plain = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    plain = _DROP_RE.sub("", plain.casefold().replace(".", " "))
    return " ".join(plain.split())


@dataclass(frozen=True)
class NameKey:
    """A name as folded given names (initials are one letter) and a folded surname."""

    given: tuple[str, ...]
    surname: str

    @property
    def full(self) -> str:
        """The whole folded name: equal strings are the same written name."""
        return " ".join((*self.given, self.surname)).strip()

    @property
    def abbreviated(self) -> bool:
        """True when a given name is only an initial (``J. Smith``)."""
        return any(len(g) == 1 for g in self.given)

    @property
    def block(self) -> tuple[str, str]:
        """Surname and first initial: only names in the same block can be variants."""
        return (self.surname, self.given[0][:1] if self.given else "")

    @property
    def fullness(self) -> tuple[int, int, int]:
        """How much of the name is spelt out: whole given names, given names, letters."""
        return (sum(len(g) > 1 for g in self.given), len(self.given), len(self.full))


@lru_cache(maxsize=65536)
def name_key(name: str) -> NameKey:
    """``Prof. Jane A. Smith``, ``SMITH, Jane A.`` -> given ``(jane, a)``, surname ``smith``.

    Hyphenated and dotted given names are split (``Jean-Pierre`` and ``J.-P.`` both give
    two given names), so their initials line up. A one-word name is all surname."""
    parsed = HumanName(name)
    given_text = " ".join(p for p in (parsed.first, parsed.middle) if p)
    surname = fold(parsed.last).replace(" ", "").replace("-", "")
    given = tuple(g for g in (fold(p) for p in _GIVEN_SPLIT_RE.split(given_text)) if g)
    if not surname and given:  # ``Yinan``: nameparser calls a lone word a first name
        surname, given = given[-1], given[:-1]
    if not surname:
        surname = fold(name).replace(" ", "")
    return NameKey(given, surname)


def _given_compatible(a: str, b: str) -> bool:
    if a == b:
        return True
    return (len(a) == 1 or len(b) == 1) and a[0] == b[0]


def compatible(a: NameKey, b: NameKey) -> bool:
    """True when ``a`` and ``b`` may name one person: the same surname, and given names that
    agree where both state them, an initial standing for a name (``J.`` for ``Jane``), a
    middle name present in one only (``Jane A. Smith`` and ``Jane Smith``).

    Both must have a given name: a bare surname is compatible with nobody but itself."""
    if a.surname != b.surname:
        return False
    if not a.given or not b.given:
        return a.full == b.full
    if not _given_compatible(a.given[0], b.given[0]):
        return False
    rest_a, rest_b = a.given[1:], b.given[1:]
    return all(_given_compatible(x, y) for x, y in zip(rest_a, rest_b, strict=False))


def same_name(a: NameKey, b: NameKey) -> bool:
    """True when ``a`` and ``b`` are the same written name after folding."""
    return a.full == b.full
