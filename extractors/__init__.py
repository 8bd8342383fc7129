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


# What extraction reads besides its input: every module it runs and the tagger's model.
# A folder stands for all its ``.py`` files; ``tests/test_extraction_code_digest.py`` checks
# that every project module an extraction imports is named here.
_PROJECT = Path(__file__).resolve().parent.parent
CODE_FOLDERS = ("extractors", "pipeline/normalise", "pipeline/structure")
CODE_MODULES = ("pipeline/decode.py", "pipeline/emails.py", "pipeline/errors.py",
                "pipeline/extract.py", "pipeline/gazetteer.py", "pipeline/memo.py",
                "pipeline/records.py", "pipeline/sniff.py")
MODEL_FOLDERS = ("models",)


def code_files() -> list[Path]:
    """The files whose bytes decide what an extraction gives, in a fixed order."""
    files: list[Path] = []
    for folder in CODE_FOLDERS:
        files += sorted((_PROJECT / folder).glob("*.py"))
    files += [_PROJECT / name for name in CODE_MODULES if (_PROJECT / name).exists()]
    for folder in MODEL_FOLDERS:
        files += sorted(p for p in (_PROJECT / folder).rglob("*") if p.is_file())
    return files


@lru_cache(maxsize=1)
def _code_digest() -> str:
    """SHA-256 (12 hex digits) of every file of ``code_files``.

    Why all of them: a cached row is reused while this digest holds, so a change to the
    shared structure layer or a retrained model must make incremental runs re-extract
    as surely as a change to an extractor does.
    """
    digest = hashlib.sha256()
    for path in code_files():
        digest.update(str(path.relative_to(_PROJECT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]
