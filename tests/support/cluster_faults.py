"""Faults for Dask workers: a text extractor that spins or kills its process when the
document asks it to, installed in every worker process with ``client.run(install)``.

Why a module: a Dask worker is another process, so a test's monkeypatch does not reach
it; this module is imported there by name and patches that process's registry.
"""

from __future__ import annotations

import importlib
import os

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
