"""The extractor table: one module per family of layout, one entry per source format.

An extractor is a pure function ``extract(doc: Document) -> list[RawTalk]``: it
reads only the document's bytes and hints, keeps no state between calls and
raises only ``pipeline.errors.ExtractionError`` for bad input. Each module
states ``VERSION``; bumping it makes incremental runs re-extract its files.
Markdown is rendered to HTML and read by the same listing extractor as HTML.
"""

from __future__ import annotations

import hashlib
import importlib
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from types import ModuleType

from pipeline.records import Document, RawTalk

Extractor = Callable[[Document], list[RawTalk]]

# source format -> (module, function)
REGISTRY: dict[str, tuple[str, str]] = {
    "ics": ("extractors.ics", "extract"),
    "html": ("extractors.listing", "extract_html"),
    "markdown": ("extractors.listing", "extract_markdown"),
    "pdf": ("extractors.slides", "extract_pdf"),
    "slides_text": ("extractors.slides", "extract_slides_text"),
    "text": ("extractors.plaintext", "extract"),
}


def _module(fmt: str) -> ModuleType:
    return importlib.import_module(REGISTRY[fmt][0])


def get_extractor(fmt: str) -> Extractor:
    """The extractor function registered for ``fmt``."""
    module_name, func = REGISTRY[fmt]
    return getattr(importlib.import_module(module_name), func)


def extractor_version(fmt: str) -> str:
    """``module@VERSION#code`` of the extractor for ``fmt``: the incremental cache key.

    ``VERSION`` is the human-readable part; the digest of the extraction and
    normalisation code makes a forgotten bump harmless (helper modules such as
    ``announcement`` have no registry entry of their own).
    """
    module = _module(fmt)
    return f"{module.__name__}@{getattr(module, 'VERSION', '0')}#{_code_digest()}"


@lru_cache(maxsize=1)
def _code_digest() -> str:
    """SHA-256 (12 hex digits) of the source of every extractor and normalise module."""
    root = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for folder in (root, root.parent / "pipeline" / "normalise"):
        for path in sorted(folder.glob("*.py")):
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]
