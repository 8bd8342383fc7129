"""The run's gazetteer of places: building names the run's documents name again and again.

Why: an archive holds many announcements of one department, and the same buildings turn
up in all of them — most spelt out with a room (``Room 101, Jeffery Hall``, ``Bahen
Centre, Room 1180``), some named bare (``Jeffery Hall, 4 pm``; ``The talk is in Bahen
Centre``). Alone, a bare name is no evidence of a place; seen by other documents of the
run beside a room number, it is. So the run makes a first pass before extraction: each
document's *contribution* is the set of building names it writes next to a room number
(``names_in``), and a name contributed by at least ``MIN_DOCUMENTS`` documents enters the
gazetteer. Extraction then reads the gazetteer (read-only; ``places.find_place`` takes it
as evidence), so one document's rows stay a pure function of its bytes plus the
gazetteer.

Incremental runs: a document's rows depend only on the gazetteer names its text holds
(its *slice*). The cache key of its rows carries the digest of that slice
(``key_suffix``), so

* a contribution is cached per file and hash (``gazetteer.json`` in the run folder): an
  unchanged file is not read again to build the gazetteer;
* when the gazetteer is the same as the previous run's, nothing else is read;
* when it changed, every unchanged file is read (not extracted) and its slice recomputed;
  a file whose slice changed is extracted again, the others keep their rows. A changed
  gazetteer therefore never leaves stale rows, and costs a read of the archive, not its
  extraction.

The scan is a handful of linear regular expressions over the decoded text (no extractor
code runs in the parent process), bounded by ``SCAN_CHARS``.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import stat
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from pipeline.decode import decode_text
from pipeline.normalise.dates import MONTH_PATTERN, WEEKDAY_PATTERN

VERSION = 1
FILE_NAME = "gazetteer.json"
MIN_DOCUMENTS = 2  # a name two documents of the run write beside a room is a place
SCAN_CHARS = 500_000  # a document's text scanned for names and slices (its opening)
KEY_MARK = "+places@"

_ROOM_WORD = r"(?:Room|Rm\.?|Salle|Sala|Aula|Hörsaal|Raum|Lecture\s+Theatre|Seminar\s+Room)"
_NUMBER = r"(?:[A-Z]{0,2}-?\d{1,4}[A-Za-z]?(?:[./-]\d{1,4}[A-Za-z]?)*)"
_CAP = r"(?:[A-Z][\w'’&.-]*[\w]|[A-Z])"
_BUILDING = rf"(?<![\w'’&.-])(?P<b>{_CAP}(?:[ \t]+(?:(?:of|the|de|&)[ \t]+)?{_CAP}){{0,4}})"
# ``Room 101, Jeffery Hall`` / ``Jeffery Hall, Room 101`` / ``Jeffery Hall Room 101``
_AFTER_ROOM_RE = re.compile(rf"\b{_ROOM_WORD}[ \t]+{_NUMBER}[ \t]*[,(–—-][ \t]*{_BUILDING}")
_BEFORE_ROOM_RE = re.compile(
    rf"{_BUILDING}[ \t]*(?:,[ \t]*|[ \t]+)\(?{_ROOM_WORD}[ \t]+{_NUMBER}\b")
_NOT_BUILDING_RE = re.compile(
    rf"^(?:{MONTH_PATTERN}|{WEEKDAY_PATTERN}|Room|Rm|Floor|Level|Zoom|Online|Where|Location|"
    r"Venue|Place|Time|Date|When|The|A|An|In|At|On|UTC|GMT|Seminar|Talk|Speaker)$",
    re.I,
)
_SPACE_RE = re.compile(r"[^\S\n]+")
_WORD_RE = re.compile(r"\w+")
_TAG_RE = re.compile(r"<[A-Za-z/!][^<>]{0,500}>")  # markup between the words of a name


def _clean(name: str) -> str | None:
    """A building name as the gazetteer keeps it, or None when it is no building name."""
    words = name.split()
    while words and _NOT_BUILDING_RE.match(words[0].strip(".,")):
        words = words[1:]
    while words and _NOT_BUILDING_RE.match(words[-1].strip(".,")):
        words = words[:-1]
    if not words or len(" ".join(words)) < 3:
        return None
    if any(ch.isdigit() for ch in "".join(words)):
        return None
    return " ".join(words).strip(" .,")


def scan_text(data: bytes) -> str:
    """The text the gazetteer reads: decoded, markup tags and entities resolved, blanks as
    single spaces (line breaks kept: a building name never runs over one).
    Workers and the parent read a document the same way, so their slices agree."""
    text = html.unescape(_TAG_RE.sub(" ", decode_text(data[: SCAN_CHARS * 4])[:SCAN_CHARS]))
    return _SPACE_RE.sub(" ", text)


def names_in(text: str) -> frozenset[str]:
    """The building names ``text`` writes beside a room number: its contribution."""
    found: set[str] = set()
    for rx in (_AFTER_ROOM_RE, _BEFORE_ROOM_RE):
        for m in rx.finditer(text):
            name = _clean(m["b"])
            if name:
                found.add(name)
    return frozenset(found)


@dataclass(frozen=True)
class Gazetteer:
    """The run's place names, read-only: what extraction may take as evidence."""

    names: frozenset[str] = frozenset()

    def digest(self) -> str:
        return _digest(sorted(n.casefold() for n in self.names))

    def slice(self, text: str) -> tuple[str, ...]:
        """The names ``text`` (a ``scan_text``) holds as a run of whole words, any case,
        whatever stands between the words, sorted.

        One pass over the text's words, walking a trie of the names' words: the cost
        grows with the text, not with the gazetteer. Punctuation between words is
        ignored, so the slice may hold a name the text only nearly writes (one more
        document extracted again, never a stale one)."""
        trie = self._trie()
        words = _WORD_RE.findall(text.casefold())
        held: set[str] = set()
        for i, word in enumerate(words):
            node = trie.get(word)
            j = i
            while node is not None:
                held.update(node.get("", ()))
                j += 1
                if j >= len(words):
                    break
                node = node.get(words[j])
        return tuple(sorted(held))

    def _trie(self) -> dict:
        trie = self.__dict__.get("_trie_cache")
        if trie is None:
            trie = {}
            for n in self.names:
                node = trie
                for w in _WORD_RE.findall(n.casefold()):
                    node = node.setdefault(w, {})
                node.setdefault("", []).append(n)
            object.__setattr__(self, "_trie_cache", trie)
        return trie


@lru_cache(maxsize=1)
def cache_version() -> str:
    """The version of cached contributions: ``VERSION`` and the digest of this module's
    code (its patterns make the contributions), so an edit never reuses old ones."""
    return f"{VERSION}#{hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:12]}"


def _digest(items: Iterable[str]) -> str:
    return hashlib.sha256("\x00".join(items).encode()).hexdigest()[:12]


def build(contributions: Mapping[str, Iterable[str]], min_documents: int = MIN_DOCUMENTS
          ) -> Gazetteer:
    """The names at least ``min_documents`` documents contribute (case-insensitively; the
    most frequent spelling is kept, ties broken alphabetically so runs agree)."""
    docs: Counter[str] = Counter()
    spellings: dict[str, Counter[str]] = {}
    for names in contributions.values():
        for key in {n.casefold() for n in names}:
            docs[key] += 1
        for n in names:
            spellings.setdefault(n.casefold(), Counter())[n] += 1
    chosen = {
        min(spellings[k].items(), key=lambda kv: (-kv[1], kv[0]))[0]
        for k, count in docs.items() if count >= min_documents
    }
    return Gazetteer(frozenset(chosen))


def key_suffix(names_held: tuple[str, ...]) -> str:
    """What a document's slice adds to the cache key of its rows ('' for an empty slice,
    so runs without a gazetteer keep their keys)."""
    return f"{KEY_MARK}{_digest(n.casefold() for n in names_held)}" if names_held else ""


def base_key(key: str | None) -> str | None:
    """A cache key without its gazetteer part."""
    return key.split(KEY_MARK, 1)[0] if key else key


def slice_part(key: str | None) -> str:
    """The gazetteer part of a cache key ('' when none)."""
    if not key or KEY_MARK not in key:
        return ""
    return KEY_MARK + key.split(KEY_MARK, 1)[1]


@dataclass
class Cache:
    """Contributions per file (with the hash they were read from) and the gazetteer digest
    of the run that wrote them: ``gazetteer.json`` of the published run."""

    files: dict[str, tuple[str, tuple[str, ...]]]
    digest: str | None = None

    @classmethod
    def load(cls, run_dir: Path) -> Cache:
        """The previous run's cache; an empty one when there is none or it is unreadable
        (then every file is scanned again: slower, never wrong)."""
        path = run_dir / FILE_NAME
        try:
            data: Any = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls({})
        if not isinstance(data, dict) or data.get("version") != cache_version():
            return cls({})
        files = {
            rel: (str(v[0]), tuple(str(n) for n in v[1]))
            for rel, v in (data.get("files") or {}).items()
            if isinstance(v, list) and len(v) == 2 and isinstance(v[1], list)
        }
        return cls(files, data.get("digest"))

    def to_json(self, digest: str) -> dict[str, Any]:
        return {"version": cache_version(), "digest": digest,
                "files": {rel: [sha, list(names)] for rel, (sha, names) in
                          sorted(self.files.items())}}


def _read_regular(path: str | Path, max_bytes: int) -> bytes | None:
    """The bytes of a regular file of at most ``max_bytes``; None for anything else (a
    FIFO, a device, a vanished or oversized file: the extract stage reports it). Opened
    without blocking and checked on the descriptor, as ``extract.read_file`` does: the
    first pass runs in the parent process and must never wait on a pipe."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > max_bytes:
            return None
        with os.fdopen(fd, "rb", closefd=False) as fh:
            data = fh.read(max_bytes + 1)
    except OSError:
        return None
    finally:
        os.close(fd)
    return None if len(data) > max_bytes else data


def read_scan_text(path: str | Path, max_bytes: int) -> str | None:
    """``scan_text`` of the file at ``path``; None when it cannot be read or is too large
    (the extract stage reports that file's problem itself)."""
    data = _read_regular(path, max_bytes)
    return None if data is None else scan_text(data)


@dataclass(frozen=True)
class Seen:
    """A file of the run as the first pass sees it: where it is, and the hash its previous
    contribution was read from when its size and mtime say it is unchanged (else None)."""

    rel: str
    path: str
    unchanged_sha: str | None


def collect(files: Iterable[Seen], previous: Cache, max_bytes: int) -> tuple[Gazetteer, Cache]:
    """The first pass: every file's contribution (cached ones reused, the others read) and
    the gazetteer they make; with the cache the next run reuses."""
    cache: dict[str, tuple[str, tuple[str, ...]]] = {}
    for f in files:
        was = previous.files.get(f.rel)
        if f.unchanged_sha and was and was[0] == f.unchanged_sha:
            cache[f.rel] = was
            continue
        data = _read_regular(f.path, max_bytes)
        if data is None:
            continue
        sha = hashlib.sha256(data).hexdigest()
        cache[f.rel] = (sha, tuple(sorted(names_in(scan_text(data)))))
    gaz = build({rel: names for rel, (_sha, names) in cache.items()})
    return gaz, Cache(cache, gaz.digest())


def rows_current(gaz: Gazetteer, previous: Cache, path: str | Path, key: str | None,
                 max_bytes: int) -> bool:
    """Whether an unchanged file's rows, cached under ``key``, hold for ``gaz``: always
    when the gazetteer is the previous run's; else when the names the file holds are the
    ones its rows were made with (the file is read, not extracted)."""
    if previous.digest is not None and previous.digest == gaz.digest():
        return True
    if not gaz.names and not slice_part(key):
        return True
    text = read_scan_text(path, max_bytes)
    if text is None:
        return False
    return key_suffix(gaz.slice(text)) == slice_part(key)
