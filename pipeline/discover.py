"""Stage 1, discover: the files under the input roots, with their ``sources.toml`` hints.

Walks each root iteratively (one ``scandir`` per folder, so the cost is linear in
the number of entries however deep the nesting), without entering a folder twice
(symlink loops end), skipping hidden files and the output folder, and pairs every
file with the hints of the ``[[source]]`` tables whose ``match`` glob fits its
relative path.

Confinement: a symlink is followed only when its target stays inside the input
root; one pointing elsewhere (``/etc``) is reported as skipped, never read. Names
that are not UTF-8 are kept as surrogate-escaped strings for opening, and
``source_path`` shows them (and control characters) as ``\\xNN`` escapes, so one odd
name cannot break the state or the dataset. Nothing found is dropped silently: a
folder that cannot be read is reported as ``Unreadable``, a link that leaves the
root or a second copy of the same file as ``Refused``.
"""

from __future__ import annotations

import fnmatch
import os
import stat
import tomllib
import unicodedata
import zoneinfo
from collections.abc import Iterator
from dataclasses import dataclass, fields, replace
from pathlib import Path

from pipeline.errors import UsageError
from pipeline.records import Hints

HINTS_FILE = "sources.toml"
_HINT_KEYS = {f.name for f in fields(Hints)}


@dataclass(frozen=True)
class SourceFile:
    """A file found under an input root."""

    path: Path  # absolute path to read
    rel: str  # source_path: relative to the input root, POSIX separators, escaped
    hints: Hints


@dataclass(frozen=True)
class Unreadable:
    """A folder under an input root that could not be listed: its files are unknown."""

    rel: str  # the folder, relative to the input root ("" for the root itself)
    reason: str


@dataclass(frozen=True)
class Refused:
    """An entry that is not read, and why (a link leaving the root, a duplicate)."""

    rel: str
    reason: str


Found = SourceFile | Unreadable | Refused


def safe_name(name: str) -> str:
    """``name`` as printable, valid UTF-8 text: undecodable bytes (surrogate escapes) and
    control or format characters become ``\\xNN`` / ``\\uNNNN`` escapes."""
    out: list[str] = []
    for ch in name:
        code = ord(ch)
        if 0xDC80 <= code <= 0xDCFF:
            out.append(f"\\x{code - 0xDC00:02x}")
        elif 0xD800 <= code <= 0xDFFF or unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp"):
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(ch)
    return "".join(out)


def load_hints(root: Path) -> list[tuple[str, Hints]]:
    """The ``[[source]]`` tables of ``root/sources.toml`` as (glob, hints), in file order.

    A broken hints file is a usage error: running on with wrong defaults would
    silently mislabel a whole archive.
    """
    path = root / HINTS_FILE
    if not path.is_file():
        return []
    try:
        doc = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise UsageError(f"{path}: cannot read hints: {exc}") from exc
    unknown_top = set(doc) - {"source"}
    if unknown_top:
        raise UsageError(
            f"{path}: unknown keys outside [[source]]: {sorted(unknown_top)}"
            " (every hint belongs in a [[source]] table)"
        )
    tables = doc.get("source", [])
    if not isinstance(tables, list):
        raise UsageError(f"{path}: 'source' must be an array of tables ([[source]])")
    out: list[tuple[str, Hints]] = []
    for i, table in enumerate(tables, 1):
        if not isinstance(table, dict) or not isinstance(table.get("match"), str):
            raise UsageError(f"{path}: [[source]] #{i} needs a string 'match' glob")
        unknown = set(table) - _HINT_KEYS - {"match"}
        if unknown:
            raise UsageError(f"{path}: [[source]] #{i}: unknown keys {sorted(unknown)}")
        values = {k: table[k] for k in _HINT_KEYS if k in table}
        for key, value in values.items():
            if not isinstance(value, str):
                raise UsageError(f"{path}: [[source]] #{i}: {key} must be a string")
        tz = values.get("timezone")
        if tz is not None:
            _check_zone(tz, f"{path}: [[source]] #{i}")
        fmt = values.get("format")
        if fmt is not None:
            from schemas.talk import SOURCE_FORMATS

            if fmt not in SOURCE_FORMATS:
                raise UsageError(f"{path}: [[source]] #{i}: format must be one of {SOURCE_FORMATS}")
        out.append((table["match"], Hints(**values)))
    return out


def _check_zone(tz: str, where: str) -> None:
    """A hinted zone must be a region zone (``America/New_York``) or UTC.

    tzdata also holds legacy fixed-offset names (``EST``, ``MST``, ``EST5EDT``, ``CET``):
    ``EST`` is UTC-5 all year, so a New York archive hinted ``EST`` would put every
    summer talk an hour off without a word. Such names are refused with the reason.
    """
    try:
        zoneinfo.ZoneInfo(tz)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError) as exc:
        raise UsageError(f"{where}: unknown timezone {tz!r}") from exc
    if "/" not in tz and tz not in ("UTC", "Etc/UTC"):
        raise UsageError(
            f"{where}: timezone {tz!r} is a legacy abbreviation or fixed offset, not a"
            " region zone; name the region (e.g. America/New_York) or UTC"
        )


def hints_for(rel: str, tables: list[tuple[str, Hints]]) -> Hints:
    """Merge the hints of every table whose glob matches ``rel``; later tables win per key."""
    merged = Hints()
    for pattern, hints in tables:
        if fnmatch.fnmatchcase(rel, pattern) or fnmatch.fnmatchcase(
            rel.rsplit("/", 1)[-1], pattern
        ):
            merged = replace(merged, **{k: v for k, v in vars(hints).items() if v is not None})
    return merged


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip("/") + "/")


def discover(
    roots: list[Path], exclude: list[Path] | None = None, follow_outside: bool = False
) -> Iterator[Found]:
    """Every regular file under ``roots`` (a root may also be a single file), sorted per
    folder, and every folder or entry that is not read, with the reason.

    Two input roots that would give files the same ``source_path`` are a usage error:
    their talks would overwrite each other's state on every run. A file reached twice
    (overlapping roots, a link inside the root) is read once. ``follow_outside`` also
    follows links whose target leaves the root (an archive assembled from links).
    """
    excluded = {os.path.realpath(p) for p in exclude or []}
    multi = len(roots) > 1
    if multi:
        names: dict[str, Path] = {}
        for root in roots:
            name = Path(os.path.abspath(root)).name
            if name in names:
                raise UsageError(
                    f"inputs {names[name]} and {root} have the same name {name!r}: their files"
                    " would get the same source_path; give one input folder or rename one"
                )
            names[name] = root
    read: dict[str, str] = {}  # real path -> rel of the first time it was found
    for root in roots:
        yield from _walk_root(Path(os.path.abspath(root)), multi, excluded, read, follow_outside)


def _walk_root(
    root: Path, multi: bool, excluded: set[str], read: dict[str, str], follow_outside: bool
) -> Iterator[Found]:
    real_root = os.path.realpath(root)
    if os.path.isfile(real_root):
        tables = load_hints(root.parent)
        rel = safe_name(root.name)
        yield SourceFile(Path(real_root), rel, hints_for(rel, tables))
        return
    tables = load_hints(root)
    prefix = f"{safe_name(root.name)}/" if multi else ""
    seen_dirs: dict[tuple[int, int], str] = {}
    stack: list[tuple[str, str]] = [(real_root, "")]  # (real folder, rel folder)
    while stack:
        folder, rel_dir = stack.pop()
        try:
            st = os.stat(folder)
            ident = (st.st_dev, st.st_ino)
            if folder in excluded:
                continue
            if ident in seen_dirs:
                first = seen_dirs[ident] or "the input root"
                yield Refused(prefix + rel_dir, f"folder already read as {first}: a link loop")
                continue
            seen_dirs[ident] = prefix + rel_dir
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            yield Unreadable(prefix + rel_dir, f"cannot read folder: {exc.strerror or exc}")
            continue
        subdirs: list[tuple[str, str]] = []
        for entry in entries:
            name = entry.name
            if name.startswith(".") or (not rel_dir and name == HINTS_FILE):
                continue
            rel = f"{rel_dir}/{safe_name(name)}" if rel_dir else safe_name(name)
            found = _entry(entry, rel, prefix, None if follow_outside else real_root, tables, read)
            if isinstance(found, tuple):
                subdirs.append(found)
            elif found is not None:
                yield found
        stack.extend(reversed(subdirs))  # depth first, in name order


def _entry(
    entry: os.DirEntry[str],
    rel: str,
    prefix: str,
    real_root: str | None,
    tables: list[tuple[str, Hints]],
    read: dict[str, str],
) -> Found | tuple[str, str] | None:
    """What one folder entry is: a file to read, a folder to walk, or refused/unreadable."""
    path = entry.path
    if entry.is_symlink():
        target = os.path.realpath(path)
        if not os.path.exists(target):
            return SourceFile(Path(path), prefix + rel, hints_for(rel, tables))  # fails: dangling
        if real_root is not None and not _inside(target, real_root):
            return Refused(prefix + rel, f"symlink to {safe_name(target)}: outside the input root")
        path = target
    try:
        st = os.stat(path)
    except OSError as exc:
        return Unreadable(prefix + rel, f"cannot read: {exc.strerror or exc}")
    if stat.S_ISDIR(st.st_mode):
        return (path, rel)
    real = os.path.realpath(path)
    if stat.S_ISREG(st.st_mode):
        if real in read:
            return Refused(prefix + rel, f"same file as {read[real]}: read once")
        read[real] = prefix + rel
    return SourceFile(Path(path), prefix + rel, hints_for(rel, tables))
