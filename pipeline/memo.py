"""Answers memoised for one document: the same line is asked about many times.

Readers compete over a document (listing rules, repetition reader, templates, text
rules), and each asks the shared parsers the same questions about the same lines: in
the corpus, ``looks_like_when`` is called twice per distinct line of a document,
``person_names`` three times. The answers are pure functions of the text, so each is
computed once per document. The memo is emptied when a new document starts
(``new_document``): an answer never outlives its document, so a worker's memory does
not grow with the archive and a benchmark of copied documents gains nothing from the
copies.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, wraps
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])
_CACHES: list[Any] = []
SIZE = 8192  # distinct questions kept per function and document


def per_document(fn: F) -> F:
    """``fn`` memoised until the next ``new_document()``; its result must be immutable
    (a bool, a str, a tuple) or copied by the caller."""
    cached = lru_cache(maxsize=SIZE)(fn)
    _CACHES.append(cached)

    @wraps(fn)
    def call(*args: Any, **kwargs: Any) -> Any:
        try:
            return cached(*args, **kwargs)
        except TypeError:  # an unhashable argument: answered without the memo
            return fn(*args, **kwargs)

    call.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
    return call  # type: ignore[return-value]


def new_document() -> None:
    """Forget every memoised answer (called as each document starts)."""
    for cache in _CACHES:
        cache.cache_clear()
