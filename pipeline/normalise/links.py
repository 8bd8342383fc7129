"""Which links may be published in ``url``, ``slides`` and ``video``.

A dataset row is opened by people and tools that follow its links, so a link that
runs code or reads the reader's own disk (``javascript:``, ``vbscript:``, ``data:``,
``file:``) must never reach it, however the document spelled it (``JaVaScRiPt:``,
``java&#x09;script:`` decoded to ``java\\tscript:``, leading spaces or control
characters: browsers drop those before reading the scheme, so the check does too).
Absolute links keep only ``http``, ``https`` and ``mailto``. A link without a scheme
stays: it is relative (a slides file name, a page path) and extractors have already
resolved it against the page's base URL where the document states one.
"""

from __future__ import annotations

import re

SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
# What a browser ignores inside a URL before it reads the scheme: C0 controls, space
# and DEL (WHATWG URL: leading/trailing C0-or-space stripped, tab and newlines removed).
_IGNORED = re.compile(r"[\x00-\x20\x7f]+")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")


def safe_link(value: str | None, warnings: list[str] | None = None) -> str | None:
    """``value`` if it may be published as a link, else None (with a warning saying so)."""
    value = (value or "").strip()
    if not value:
        return None
    scheme = _SCHEME.match(_IGNORED.sub("", value))
    if scheme is not None and scheme.group(1).lower() not in SAFE_SCHEMES:
        return _refuse(value, f"{scheme.group(1).lower()}:", warnings)
    if _CONTROL.search(value):
        return _refuse(value, "malformed", warnings)
    return value


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _refuse(value: str, what: str, warnings: list[str] | None) -> None:
    if warnings is not None:
        shown = value if len(value) <= 60 else value[:57] + "..."
        warnings.append(
            f"{what} link {shown!r} dropped: only http, https and mailto links are kept"
        )
    return None
