"""Bytes to text, for every stage that needs text: BOMs, UTF-16, legacy 8-bit encodings."""

from __future__ import annotations

import codecs

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_text(data: bytes) -> str:
    """Decode ``data``: a BOM wins, then strict UTF-8, then Windows-1252, then a guess.

    Windows-1252 (a superset of Latin-1's printable range) comes before guessing
    because the archives this reads are mostly Western; statistical detectors often
    misread short Latin-1 texts as Baltic or Cyrillic code pages. Text that
    cp1252 cannot decode, or that decodes to C1 control characters, is guessed by
    charset-normalizer.

    NUL characters are removed: no field may hold them and they break downstream tools.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace").replace("\x00", "")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _western(data) or _guess(data)
    return text.replace("\x00", "")


def _western(data: bytes) -> str | None:
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    if any("\x80" <= ch <= "\x9f" for ch in text):
        return None
    letters = [ch for ch in text if ch.isalpha()]
    accented = sum(1 for ch in letters if ch >= "\xc0")
    if letters and accented / len(letters) > 0.3:  # another script in an 8-bit code page
        return None
    return text


def _guess(data: bytes) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is not None and best.encoding:
        try:
            return data.decode(best.encoding, errors="replace")
        except LookupError:
            pass
    return data.decode("cp1252", errors="replace")
