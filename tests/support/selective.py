"""A text extractor that misbehaves only on files that ask for it (tests of the supervisor
mid-run: a bad file among good ones, in the same worker pool)."""

from __future__ import annotations

import os
import signal

from extractors import plaintext
from pipeline.records import Document, RawTalk


def extract(doc: Document) -> list[RawTalk]:
    """``HOG`` in the file: exhaust memory; ``KILL``: die by SIGKILL; else the real one."""
    if b"HOG" in doc.data:
        chunks = []
        while True:
            chunks.append(bytearray(64 * 1024 * 1024))
    if b"KILL" in doc.data:
        os.kill(os.getpid(), signal.SIGKILL)
    return plaintext.extract(doc)
