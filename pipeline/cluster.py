"""Extraction on a Dask cluster (``--scheduler tcp://HOST:PORT`` or ``--scheduler local``).

Why this shape: only the extract + normalise step moves. The parent keeps everything that
must happen once and in one place: the output folder's lock, discovery and hashing, the
incremental state, validation and the atomic publication. The cluster gets ``FileTask``s
(paths, not bytes: every worker must see the input files at the same absolute paths, as on
a shared file system) and sends back the same ``Outcome``s the process pool makes.

Isolation: a Dask task is a batch of files, and the Dask worker runs the batch through the
same ``pipeline.supervise.Supervisor`` as a local run (``run_isolated`` with one job): each
file is extracted in a forked child process with the per-file processor-time limit and its
wall-clock backstop, the address-space cap and crash detection. A file that hangs, exhausts
memory or kills its process fails alone with the same message as locally, and the Dask
worker itself never runs parser code, so it does not die with a file. Distributed's own
task timeouts were not used: they cannot stop a thread stuck in C code (a regex, a parser),
and a worker killed by its nanny takes every task it holds with it. Should a Dask worker die
anyway (its machine lost), the scheduler retries its batches elsewhere; a batch that kills
``allowed-failures`` workers is split into single files, so only the file that does it fails.

Forking from a Dask worker: the worker's process is daemonic by default, and Python refuses
children to daemonic processes because it would not wait for them; the children here are
reaped by the supervisor after every batch and killed by the kernel if the worker dies
(``PR_SET_PDEATHSIG``), so the worker is marked non-daemonic before the batch runs.
"""

from __future__ import annotations

import logging
import math
import multiprocessing as mp
import os
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any

from pipeline.errors import UsageError
from pipeline.extract import FileTask, Outcome, failed_file, run_isolated

Engine = Callable[..., Iterator[Outcome]]

BATCH_FILES = 50  # at most this many files per Dask task: progress and balance stay fine
TASKS_PER_SLOT = 4  # aim for this many tasks per worker thread, for load balance
CONNECT_TIMEOUT_S = 30.0
LOCAL = "local"


def on_cluster(address: str) -> Engine:
    """An engine with ``run_isolated``'s signature that extracts on the cluster at
    ``address`` (``tcp://HOST:PORT``, ``HOST:PORT`` or ``local`` for a ``LocalCluster``)."""

    def engine(tasks: list[FileTask], **kwargs: Any) -> Iterator[Outcome]:
        return run_on_cluster(tasks, address, **kwargs)

    return engine


def code_version() -> str:
    """The extraction code's identity: the digest of every extractor and normalise module
    and the normalise stage's version (what the incremental cache key is made of), and the
    gazetteer's (a worker computes the slice of the run's gazetteer that joins that key)."""
    from extractors import _code_digest
    from pipeline import gazetteer
    from pipeline.normalise import stage

    return f"{_code_digest()}+normalise@{stage.VERSION}+places#{gazetteer.cache_version()}"


# One small document per format, read once in each Dask worker process before it forks
# (see ``warm_up``): fixed text written for this purpose, never a user's file.
_WARM_UP: dict[str, str] = {
    "ics": "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//warm//EN\r\nBEGIN:VEVENT\r\n"
           "UID:warm@up\r\nDTSTAMP:20240101T000000Z\r\nDTSTART:20240501T140000Z\r\n"
           "SUMMARY:Spectral methods - Ada Quill (Ghent University)\r\nEND:VEVENT\r\n"
           "END:VCALENDAR\r\n",
    "html": "<html><body><h1>Analysis Seminar</h1><ul><li>March 3, 2024, 4 pm: Ada Quill "
            "(Ghent University), <em>Spectral methods</em></li></ul></body></html>",
    "markdown": "# Analysis Seminar\n\n- **March 3, 2024**, 4 pm. Ada Quill (Ghent "
                "University): *Spectral methods*\n",
    "text": "Analysis Seminar\n\nSpeaker: Dr. Ada Quill, Ghent University\nTitle: Spectral "
            "methods\nDate: Tuesday, March 5, 2024, 4:00 PM\nRoom 101\n",
    "slides_text": "Spectral methods\n\nAda Quill\nGhent University\nMarch 2024\n",
}
_warm = False


def warm_up() -> None:
    """Build, once per Dask worker process, what the parsers build on first use (the
    language pipeline, date parsers, compiled patterns), by extracting the fixed documents
    of ``_WARM_UP`` in this process.

    Why: a batch's supervised child is forked from this process and lives for that batch
    only. Forked from a cold process, every child built all of it again (measured: 1.3 s of
    processor time per child); forked from a warm one it inherits it. ``process_document`` turns an
    extraction error into an outcome, so a format that fails here stays cold, nothing more.
    """
    global _warm
    if _warm:
        return
    _warm = True
    import datetime as dt
    import hashlib

    from pipeline.extract import _preload, process_document
    from pipeline.records import Document

    _preload()
    when = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    for fmt, text in _WARM_UP.items():
        data = text.encode("utf-8")
        sha = hashlib.sha256(data).hexdigest()
        process_document(Document(f"warm-up.{fmt}", data, sha, fmt), when)


def process_batch(tasks: list[FileTask], timeout: float, memory_bytes: int) -> list[Outcome]:
    """Runs on a Dask worker: the files of one batch, each in a supervised child process."""
    if mp.current_process().daemon:
        mp.current_process().daemon = False  # see the module docstring: children are reaped
    warm_up()
    return list(run_isolated(tasks, jobs=1, timeout=timeout, memory_bytes=memory_bytes))


def batches(tasks: list[FileTask], slots: int) -> list[list[FileTask]]:
    """``tasks`` cut into batches: ``TASKS_PER_SLOT`` per worker thread, at most
    ``BATCH_FILES`` files each, in order."""
    if not tasks:
        return []
    count = max(1, slots) * TASKS_PER_SLOT
    size = max(1, min(BATCH_FILES, math.ceil(len(tasks) / count)))
    return [tasks[i:i + size] for i in range(0, len(tasks), size)]


def _import_distributed() -> Any:
    try:
        import distributed
    except ImportError as exc:
        raise UsageError(
            "--scheduler needs Dask: pip install 'talks-pipeline[cluster]' "
            f"(dask[distributed]) ({exc})"
        ) from exc
    # distributed logs every connection at INFO; a run's report says what matters
    logging.getLogger("distributed").setLevel(logging.ERROR)
    return distributed


def _connect(address: str, jobs: int) -> tuple[Any, Any]:
    """(client, the LocalCluster it made or None)."""
    distributed = _import_distributed()
    cluster = None
    if address == LOCAL:
        import dask

        # a worker process must be allowed children: the supervised per-file processes
        with dask.config.set({"distributed.worker.daemon": False}):
            cluster = distributed.LocalCluster(
                n_workers=max(1, jobs), threads_per_worker=1, processes=True,
                dashboard_address=None, silence_logs=logging.ERROR,
            )
        target: Any = cluster
    elif "://" in address or ":" in address:
        target = address
    else:
        raise UsageError(
            f"--scheduler must be tcp://HOST:PORT, HOST:PORT or {LOCAL}, not {address!r}")
    try:
        client = distributed.Client(target, timeout=CONNECT_TIMEOUT_S)
    except (ValueError, TypeError) as exc:
        if cluster is not None:
            cluster.close()
        raise UsageError(f"--scheduler {address}: {exc}") from exc
    except OSError as exc:
        if cluster is not None:
            cluster.close()
        raise OSError(f"cannot reach the Dask scheduler at {address}: {exc}") from exc
    return client, cluster


def _check_workers(client: Any, address: str) -> int:
    """The number of worker threads; refuses workers that run other extraction code."""
    client.wait_for_workers(1, timeout=CONNECT_TIMEOUT_S)
    here = code_version()
    for worker, theirs in sorted(client.run(code_version).items()):
        if theirs != here:
            raise RuntimeError(
                f"Dask worker {worker} of {address} runs other extraction code ({theirs}; "
                f"here {here}): install the same talks-pipeline on every worker")
    return sum(client.nthreads().values())


def _task_error(result: Any) -> BaseException | None:
    """The exception a finished Dask task reports, or None when ``result`` is its outcomes.

    Why from the value and not ``future.status``: ``as_completed(with_results=True,
    raise_errors=False)`` hands over the value it fetched (the task's list, an
    ``(type, exception, traceback)`` triple for an error, a ``CancelledError``), while the
    future's status may have moved on since (a worker that held a finished result died:
    the status is then ``lost`` though the result is here).
    """
    if isinstance(result, list):
        return None
    if isinstance(result, BaseException):
        return result
    if isinstance(result, tuple) and len(result) == 3 and isinstance(result[1], BaseException):
        return result[1]
    return TypeError(f"a cluster task returned {type(result).__name__}, not outcomes")


def run_on_cluster(
    tasks: list[FileTask],
    address: str,
    *,
    jobs: int,
    timeout: float,
    memory_bytes: int,
    on_done: Callable[[Outcome], None] | None = None,
) -> Iterator[Outcome]:
    """Process ``tasks`` on the Dask cluster at ``address``; yields one ``Outcome`` per file,
    in the order they finish (like ``run_isolated``). Leaving early cancels what is left."""
    distributed = _import_distributed()
    # workers open the files themselves: paths must not depend on the parent's cwd
    tasks = [replace(t, path=os.path.abspath(t.path)) for t in tasks]
    client, cluster = _connect(address, jobs)
    futures: list[Any] = []
    try:
        slots = _check_workers(client, address)
        batch_of: dict[Any, list[FileTask]] = {}  # a task's key -> its files

        def submit(batch: list[FileTask]) -> Any:
            future = client.submit(process_batch, batch, timeout, memory_bytes, pure=False)
            batch_of[future.key] = batch
            futures.append(future)
            return future

        for batch in batches(tasks, slots):
            submit(batch)
        # results are fetched on the client's own loop (with_results): a result lost with
        # a dying worker is recomputed there instead of failing a blocking ``result()``
        done = distributed.as_completed(futures, with_results=True, raise_errors=False)
        for future, result in done:
            batch = batch_of.pop(future.key)
            error = _task_error(result)
            if error is None:
                outcomes = result
            elif isinstance(error, distributed.KilledWorker):
                if len(batch) > 1:  # which file kills workers? each alone, again
                    for task in batch:
                        done.add(submit([task]))
                    future.release()
                    continue
                outcomes = [failed_file(batch[0], "the Dask worker running it died")]
            else:
                message = f"cluster task failed: {type(error).__name__}: {error}"
                outcomes = [failed_file(task, message) for task in batch]
            future.release()
            for outcome in outcomes:
                if on_done:
                    on_done(outcome)
                yield outcome
    finally:  # an interrupt or an error: nothing more runs for this run
        if futures:
            client.cancel(futures)
        if cluster is not None:
            client.shutdown()  # the LocalCluster's scheduler and workers end with the run
            cluster.close()
        client.close()

