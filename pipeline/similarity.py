"""Title similarity that survives how sources rewrite a title.

One source gives ``Natural Graph Networks``, another ``Natural Graph Networks: a gentle
introduction`` or ``Seminar: natural graph networks``: the words shared are what counts,
not their order or the extra words one source adds. ``token_set_ratio`` is the measure of
that name (as in fuzzywuzzy/rapidfuzz): the best ratio among the sorted shared words alone
and the shared words followed by each side's remainder. It is written here with difflib
rather than pulling in a dependency for one function.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import lru_cache

from pipeline.name_keys import fold

_WORD_RE = re.compile(r"\w+")


def title_tokens(title: str | None) -> frozenset[str]:
    """The folded words of a title (empty for none)."""
    return frozenset(_WORD_RE.findall(fold(title))) if title else frozenset()


def _ratio(a: str, b: str) -> float:
    if not a and not b:
        return 1.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


@lru_cache(maxsize=16384)
def token_set_ratio(a: frozenset[str], b: frozenset[str]) -> float:
    """Similarity in [0, 1] of two word sets; 1.0 when one set holds the other."""
    if not a or not b:
        return 0.0
    shared = " ".join(sorted(a & b))
    only_a = " ".join(sorted(a - b))
    only_b = " ".join(sorted(b - a))
    with_a = f"{shared} {only_a}".strip()
    with_b = f"{shared} {only_b}".strip()
    if shared and (not only_a or not only_b):
        return 1.0
    return max(_ratio(shared, with_a) if shared else 0.0,
               _ratio(shared, with_b) if shared else 0.0,
               _ratio(with_a, with_b))


_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9,
          "x": 10}
# One-letter numerals (I, V, X) read as numbers only after a word that numbers a part.
_PART_WORDS = frozenset({"part", "lecture", "session", "chapter", "day", "week", "lesson"})


def title_numbers(title: str | None) -> frozenset[int]:
    """The numbers a title states (``Part II``, ``Lecture 3``): titles that are alike but
    number different parts are different talks."""
    if not title:
        return frozenset()
    words = _WORD_RE.findall(fold(title))
    found = set()
    for i, w in enumerate(words):
        if w.isdigit():
            found.add(int(w))
        elif w in _ROMAN and (len(w) > 1 or (i > 0 and words[i - 1] in _PART_WORDS)):
            found.add(_ROMAN[w])
    return frozenset(found)
