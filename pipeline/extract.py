"""Stage 3, extract (with normalise): one document in, its rows out, under fault isolation.

``process_document`` is the pure unit of work: it runs the registered extractor
and the normalise stage on one ``Document``. ``run_isolated`` runs many of them in
a pool of worker processes (pebble) with a per-file time limit and a memory cap,
so a file that hangs, crashes its worker or exhausts memory fails alone.
"""

from __future__ import annotations

import datetime as dt
import resource
import time
import traceback
from collections.abc import Callable, Iterator
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from typing import Any

from extractors import get_extractor
from pipeline.errors import TalksError
from pipeline.normalise.stage import normalise_document
from pipeline.records import Document


@dataclass
class Outcome:
    """What processing one document gave: rows, or an error with the stage it happened in."""

    path: str
    rows: list[dict[str, Any]] | None = None
    stage: str | None = None
    error: str | None = None
    seconds: float = 0.0
    notes: list[str] | None = None  # records that gave no row, and why


def process_document(doc: Document, extracted_at: dt.datetime) -> Outcome:
    """Extract and normalise one document; input errors become an ``Outcome`` with ``error``."""
    t0 = time.perf_counter()
    outcome = _process(doc, extracted_at)
    outcome.seconds = time.perf_counter() - t0
    return outcome


def _process(doc: Document, extracted_at: dt.datetime) -> Outcome:
    try:
        raws = get_extractor(doc.format)(doc)
    except TalksError as exc:
        return Outcome(doc.path, stage="extract", error=str(exc) or type(exc).__name__)
    except RecursionError:
        return Outcome(doc.path, stage="extract", error="document nested too deeply to read")
    except MemoryError:
        return Outcome(doc.path, stage="extract", error="out of memory while extracting")
    except Exception as exc:  # noqa: BLE001 - a bug in one extractor must not end the run
        return Outcome(doc.path, stage="extract", error=_bug(exc))
    try:
        rows, notes = normalise_document(doc, raws, extracted_at)
    except TalksError as exc:
        return Outcome(doc.path, stage="normalise", error=str(exc))
    except Exception as exc:  # noqa: BLE001 - same isolation for the normalise stage
        return Outcome(doc.path, stage="normalise", error=_bug(exc))
    return Outcome(doc.path, rows=rows, notes=notes)


def _bug(exc: BaseException) -> str:
    where = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    at = f" at {where.filename.rsplit('/', 1)[-1]}:{where.lineno}" if where else ""
    return f"internal error {type(exc).__name__}: {exc}{at}"


def _limit_memory(max_bytes: int) -> None:
    """Worker initialiser: let a worker grow by at most ``max_bytes`` of address space.

    The cap is counted from the worker's size at start: a forked worker inherits the
    parent's mappings (a long-lived parent, such as a test session, may already be
    large), and only what one document makes it allocate should count.
    """
    if max_bytes <= 0:
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = _address_space() + max_bytes
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _address_space() -> int:
    """This process's current virtual size in bytes (0 where /proc is not available)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as fh:
            return int(fh.read().split()[0]) * resource.getpagesize()
    except (OSError, ValueError, IndexError):
        return 0


def run_isolated(
    docs: list[Document],
    extracted_at: dt.datetime,
    *,
    jobs: int,
    timeout: float,
    memory_bytes: int,
    on_done: Callable[[Outcome], None] | None = None,
) -> Iterator[Outcome]:
    """Process ``docs`` in worker processes; yields one ``Outcome`` per document, in order."""
    if jobs <= 0:  # in-process: for debugging and profiling, no isolation
        for doc in docs:
            out = process_document(doc, extracted_at)
            if on_done:
                on_done(out)
            yield out
        return
    from pebble import ProcessExpired, ProcessPool

    with ProcessPool(max_workers=jobs, initializer=_limit_memory, initargs=(memory_bytes,)) as pool:
        futures = [
            pool.schedule(process_document, args=(doc, extracted_at), timeout=timeout)
            for doc in docs
        ]
        for doc, future in zip(docs, futures, strict=True):
            try:
                out = future.result()
            except FutureTimeout:
                out = Outcome(doc.path, stage="extract", error=f"timed out after {timeout:g} s")
            except ProcessExpired as exc:
                out = Outcome(
                    doc.path,
                    stage="extract",
                    error=f"worker died (exit code {exc.exitcode}): out of memory or crash",
                )
            except MemoryError:
                out = Outcome(doc.path, stage="extract", error="out of memory while extracting")
            except Exception as exc:  # noqa: BLE001 - e.g. a result that cannot be unpickled
                out = Outcome(doc.path, stage="extract", error=_bug(exc))
            if on_done:
                on_done(out)
            yield out
