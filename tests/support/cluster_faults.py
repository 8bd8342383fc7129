"""Faults for Dask workers: a text extractor that spins or kills its process when the
document asks it to, installed in every worker process with ``client.run(install)``.

Why a module: a Dask worker is another process, so a test's monkeypatch does not reach
it; this module is imported there by name and patches that process's registry.
"""

from __future__ import annotations

import importlib
import os

from distributed import WorkerPlugin  # only the cluster tests import this module

import extractors
from pipeline.records import Document, RawTalk

REAL = extractors.REGISTRY["text"]


def extract(doc: Document) -> list[RawTalk]:
    """The real text extractor, except for a document that says SPIN or CRASH."""
    text = doc.data.decode("utf-8", "replace")
    if "SPIN" in text:
        while True:  # burns processor time: stopped by the per-file CPU limit
            pass
    if "CRASH" in text:
        os._exit(70)  # as a segfault in a C extension would
    module, func = REAL
    return getattr(importlib.import_module(module), func)(doc)


def install() -> str:
    """Registers ``extract`` for text in this process (returns its pid, for the record)."""
    extractors.REGISTRY["text"] = (__name__, "extract")
    return str(os.getpid())


MACHINE_LOST = "MACHINE-LOST"  # a file name holding this takes its whole Dask worker down


class LoseWorkerOnMarker(WorkerPlugin):
    """A Dask worker plugin: the worker process running a batch that holds a file named
    with ``MACHINE_LOST`` exits at once, as a worker whose machine is lost would.

    Why a plugin and not ``client.run``: the nanny starts a new worker process after each
    death, and a registered plugin is set up in every worker that joins, restarted ones
    included, so the fault stays armed for the retries the test is about.
    """

    name = "lose-worker-on-marker"

    def setup(self, worker: object) -> None:
        import pipeline.cluster

        real = getattr(pipeline.cluster.process_batch, "__wrapped__",
                       pipeline.cluster.process_batch)

        def process_batch(tasks, timeout, memory_bytes):  # type: ignore[no-untyped-def]
            if any(MACHINE_LOST in task.path for task in tasks):
                os._exit(1)
            return real(tasks, timeout, memory_bytes)

        process_batch.__wrapped__ = real  # type: ignore[attr-defined]
        pipeline.cluster.process_batch = process_batch
