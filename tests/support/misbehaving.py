"""Extractors that misbehave on purpose, to test fault isolation (never registered by the
product; tests put them in the registry for one run)."""

from __future__ import annotations

import os
import time

from pipeline.records import Document, RawTalk


def hang(doc: Document) -> list[RawTalk]:
    """Never returns: stands for a pathological regex or an endless loop."""
    while True:
        time.sleep(1)


def hog(doc: Document) -> list[RawTalk]:
    """Allocates without bound: stands for an input that blows up in memory."""
    chunks = []
    while True:
        chunks.append(bytearray(64 * 1024 * 1024))


def crash(doc: Document) -> list[RawTalk]:
    """Kills its own process: stands for a segfault in a C extension."""
    os._exit(70)


def bug(doc: Document) -> list[RawTalk]:
    """Raises an unexpected exception type: a bug, reported with its place."""
    return [RawTalk(title=doc.text)][5]
