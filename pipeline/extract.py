"""Stage 3, extract (with normalise): one file in, its rows out, under fault isolation.

``process_document`` is the pure unit of work: it runs the registered extractor
and the normalise stage on one ``Document``. ``process_file`` wraps it for one
file on disk: it reads and sniffs the file itself, so the bytes of a document live
only in the worker that extracts it and the parent's memory does not grow with
file size or count. ``run_isolated`` runs many files under ``pipeline.supervise``
with a per-file time limit and a memory cap, so a file that hangs, crashes its
worker or exhausts memory fails alone.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import stat
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from extractors import extractor_version, get_extractor
from pipeline import memo
from pipeline.errors import SniffError, TalksError
from pipeline.gazetteer import Gazetteer, key_suffix, scan_text
from pipeline.normalise import stage as normalise_stage
from pipeline.normalise.places import use_gazetteer
from pipeline.normalise.stage import normalise_document
from pipeline.records import Document, Hints
from pipeline.sniff import sniff, sniff_decoded
from pipeline.supervise import Supervisor


@dataclass
class Outcome:
    """What processing one document gave: rows, or an error with the stage it happened in."""

    path: str
    rows: list[dict[str, Any]] | None = None
    stage: str | None = None
    error: str | None = None
    seconds: float = 0.0
    notes: list[str] | None = None  # records that gave no row, and why
    skipped: str | None = None  # the file is of no known format: why
    sha256: str = ""
    format: str | None = None
    version: str | None = None  # extractor + normalise version the rows come from
    out_of_memory: bool = False  # the worker must not be reused


@dataclass(frozen=True)
class FileTask:
    """One file to read, sniff, extract and normalise in a worker."""

    path: str  # the path to open (may hold surrogate escapes of a non-UTF-8 name)
    rel: str  # source_path
    hints: Hints
    max_bytes: int
    extracted_at: dt.datetime
    doc_id: str | None = None  # the document's identity, when the run knows it already
    gazetteer: Gazetteer = Gazetteer()  # the run's places, read-only (pipeline.gazetteer)


@lru_cache(maxsize=1)
def sniff_version() -> str:
    """The cache key of a file found to be of no known format: the digest of the code that
    decided it (sniffing, decoding, email detection). A skipped file whose bytes and this
    key are unchanged is skipped again without being read."""
    root = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for name in ("sniff.py", "decode.py", "emails.py"):
        digest.update(name.encode())
        digest.update((root / name).read_bytes())
    return f"sniff#{digest.hexdigest()[:12]}"


def version_of(fmt: str) -> str:
    """The incremental cache key of the rows of a file of format ``fmt``."""
    return f"{extractor_version(fmt)}+normalise@{normalise_stage.VERSION}"


def read_file(path: str, max_bytes: int) -> bytes:
    """A regular file's bytes, refusing anything else and anything over ``max_bytes``.

    Opened without blocking (a FIFO would wait for a writer forever) and checked
    on the open descriptor, so what is read is what was checked.
    """
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise OSError(f"not a regular file: {path}")
        if info.st_size > max_bytes:
            raise OSError(f"file is {info.st_size} bytes, over the {max_bytes} byte limit")
        with os.fdopen(fd, "rb", closefd=False) as fh:
            data = fh.read(max_bytes + 1)
    finally:
        os.close(fd)
    if len(data) > max_bytes:
        raise OSError(f"file grew over the {max_bytes} byte limit while being read")
    return data


def os_message(exc: OSError) -> str:
    """An OS error in one line: the reason and the file."""
    return f"{exc.strerror}: {exc.filename}" if exc.strerror and exc.filename else str(exc)


def process_file(task: FileTask) -> Outcome:
    """Read, sniff, extract and normalise one file; every input problem is an ``Outcome``."""
    t0 = time.perf_counter()
    outcome = _process_file(task)
    outcome.seconds = time.perf_counter() - t0
    return outcome


def _process_file(task: FileTask) -> Outcome:
    try:
        data = read_file(task.path, task.max_bytes)
    except OSError as exc:
        return Outcome(task.rel, stage="read", error=os_message(exc))
    except MemoryError:
        return Outcome(task.rel, stage="read", error="out of memory while reading",
                       out_of_memory=True)
    sha = hashlib.sha256(data).hexdigest()
    try:
        fmt, text = sniff_decoded(data, task.hints.format)
    except SniffError as exc:
        return Outcome(task.rel, skipped=str(exc), sha256=sha)
    except RecursionError:
        return Outcome(task.rel, stage="sniff", error="document nested too deeply to read",
                       sha256=sha)
    except MemoryError:
        return Outcome(task.rel, stage="sniff", error="out of memory while sniffing",
                       sha256=sha, out_of_memory=True)
    except Exception as exc:  # noqa: BLE001 - a sniffing bug fails this file alone
        return Outcome(task.rel, stage="sniff", error=_bug(exc), sha256=sha)
    try:
        version = version_of(fmt)
    except ImportError as exc:  # an installation problem: this format cannot be read
        return Outcome(task.rel, stage="extract", error=f"no extractor for {fmt}: {exc}",
                       sha256=sha, format=fmt)
    doc = Document(path=task.rel, data=data, sha256=sha, format=fmt, hints=task.hints,
                   doc_id=task.doc_id or sha)
    if text is not None:  # decoded once: ``Document.text`` is what sniffing read
        doc.__dict__["text"] = text
    # the rows depend on the gazetteer names this document holds: they join the cache key
    held = task.gazetteer.slice(scan_text(data)) if task.gazetteer.names else ()
    outcome = _process(doc, task.extracted_at, held)
    outcome.sha256, outcome.format, outcome.version = sha, fmt, version + key_suffix(held)
    return outcome


def failed_file(task: FileTask, message: str) -> Outcome:
    """The outcome of a file whose worker died or overran its time."""
    return Outcome(task.rel, stage="extract", error=message)


def process_document(doc: Document, extracted_at: dt.datetime) -> Outcome:
    """Extract and normalise one document; input errors become an ``Outcome`` with ``error``."""
    t0 = time.perf_counter()
    outcome = _process(doc, extracted_at)
    outcome.seconds = time.perf_counter() - t0
    return outcome


def _process(doc: Document, extracted_at: dt.datetime, places: tuple[str, ...] = ()) -> Outcome:
    """Extract and normalise ``doc``; ``places`` are the gazetteer names it holds (the
    only part of the run's gazetteer its rows may depend on)."""
    memo.new_document()
    use_gazetteer(places)
    try:
        return _extract_normalise(doc, extracted_at)
    finally:
        use_gazetteer(())


def _extract_normalise(doc: Document, extracted_at: dt.datetime) -> Outcome:
    try:
        raws = get_extractor(doc.format)(doc)
    except TalksError as exc:
        return Outcome(doc.path, stage="extract", error=str(exc) or type(exc).__name__)
    except RecursionError:
        return Outcome(doc.path, stage="extract", error="document nested too deeply to read")
    except MemoryError:
        return Outcome(doc.path, stage="extract", error="out of memory while extracting",
                       out_of_memory=True)
    except Exception as exc:  # noqa: BLE001 - a bug in one extractor must not end the run
        return Outcome(doc.path, stage="extract", error=_bug(exc))
    try:
        rows, notes = normalise_document(doc, raws, extracted_at)
    except TalksError as exc:
        return Outcome(doc.path, stage="normalise", error=str(exc))
    except RecursionError:
        return Outcome(doc.path, stage="normalise", error="document nested too deeply to read")
    except MemoryError:
        return Outcome(doc.path, stage="normalise", error="out of memory while normalising",
                       out_of_memory=True)
    except Exception as exc:  # noqa: BLE001 - same isolation for the normalise stage
        return Outcome(doc.path, stage="normalise", error=_bug(exc))
    return Outcome(doc.path, rows=rows, notes=notes)


def _bug(exc: BaseException) -> str:
    where = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    at = f" at {where.filename.rsplit('/', 1)[-1]}:{where.lineno}" if where else ""
    return f"internal error {type(exc).__name__}: {exc}{at}"


def _preload() -> None:
    """Import every extractor (and the libraries it loads) and build what the shared
    parsers build on first use (the spaCy pipeline, the dateparser parsers) before
    workers fork.

    Workers then start warm, sharing these with the parent, and the seconds a worker
    would spend importing and building them are not charged to the first file it gets
    (nor paid again by every replacement worker). Only the shared parsers are warmed,
    never an extractor: the parent must not run code that may hang on a document. A
    format whose extractor cannot be imported is left for ``process_file`` to report on
    each of its files.
    """
    from extractors import REGISTRY

    for fmt in list(REGISTRY):
        try:
            version_of(fmt)
        except ImportError:
            continue
    sniff(b"warm up the text decoder\n")
    from pipeline.normalise import dates, language, people

    dates.parse_when("Wednesday, March 3, 2021, 4:00 pm ET")
    dates.parse_when("mercredi 3 mars 2021, 16h")
    people.parse_speakers("Dr. Ada Lovelace, Professor of Mathematics, University of London")
    language.person_names("A talk by Ada Lovelace and Charles Babbage.")
    memo.new_document()


def run_isolated(
    tasks: list[FileTask],
    *,
    jobs: int,
    timeout: float,
    memory_bytes: int,
    on_done: Callable[[Outcome], None] | None = None,
) -> Iterator[Outcome]:
    """Process ``tasks``; yields one ``Outcome`` per file, in the order they finish.

    ``jobs`` 0 runs in-process (for debugging and profiling: no isolation, no limits).
    """
    if not tasks:  # nothing to extract (a re-run with nothing changed): no worker, no preload
        return
    if jobs <= 0:
        for task in tasks:
            out = process_file(task)
            if on_done:
                on_done(out)
            yield out
        return
    _preload()
    supervisor: Supervisor[FileTask, Outcome] = Supervisor(
        process_file,
        failed_file,
        jobs=jobs,
        timeout=timeout,
        memory_bytes=memory_bytes,
        retire=lambda out: out.out_of_memory,
    )
    results = supervisor.run(tasks)
    try:
        for _index, out in results:
            if on_done:
                on_done(out)
            yield out
    finally:
        results.close()  # stops the workers now, not when the generator is collected
