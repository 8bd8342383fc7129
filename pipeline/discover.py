"""Stage 1, discover: the files under the input roots, with their ``sources.toml`` hints.

Walks each root without following a symlinked directory twice (symlink loops end),
skips hidden files and the output folder, and pairs every file with the hints of
the ``[[source]]`` tables whose ``match`` glob fits its relative path.
"""

from __future__ import annotations

import fnmatch
import os
import tomllib
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
    rel: str  # source_path: relative to the input root, POSIX separators
    hints: Hints


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
            try:
                zoneinfo.ZoneInfo(tz)
            except (zoneinfo.ZoneInfoNotFoundError, ValueError) as exc:
                raise UsageError(f"{path}: [[source]] #{i}: unknown timezone {tz!r}") from exc
        fmt = values.get("format")
        if fmt is not None:
            from schemas.talk import SOURCE_FORMATS

            if fmt not in SOURCE_FORMATS:
                raise UsageError(f"{path}: [[source]] #{i}: format must be one of {SOURCE_FORMATS}")
        out.append((table["match"], Hints(**values)))
    return out


def hints_for(rel: str, tables: list[tuple[str, Hints]]) -> Hints:
    """Merge the hints of every table whose glob matches ``rel``; later tables win per key."""
    merged = Hints()
    for pattern, hints in tables:
        if fnmatch.fnmatchcase(rel, pattern) or fnmatch.fnmatchcase(
            rel.rsplit("/", 1)[-1], pattern
        ):
            merged = replace(merged, **{k: v for k, v in vars(hints).items() if v is not None})
    return merged


def discover(roots: list[Path], exclude: list[Path] | None = None) -> Iterator[SourceFile]:
    """Every regular file under ``roots`` (a root may also be a single file), sorted per folder."""
    excluded = {p.resolve() for p in exclude or []}
    multi = len(roots) > 1
    for root in roots:
        root = root.resolve() if not root.is_symlink() else root.absolute()
        if root.is_file():
            tables = load_hints(root.parent)
            rel = root.name
            yield SourceFile(root, rel, hints_for(rel, tables))
            continue
        tables = load_hints(root)
        prefix = f"{root.name}/" if multi else ""
        seen_dirs: set[tuple[int, int]] = set()
        for dirpath, dirnames, filenames in os.walk(root, followlinks=True, onerror=None):
            here = Path(dirpath)
            try:
                st = here.stat()
            except OSError:
                dirnames[:] = []
                continue
            ident = (st.st_dev, st.st_ino)
            if ident in seen_dirs or here.resolve() in excluded:
                dirnames[:] = []
                continue
            seen_dirs.add(ident)
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for name in sorted(filenames):
                if name.startswith(".") or (here == root and name == HINTS_FILE):
                    continue
                path = here / name
                rel = path.relative_to(root).as_posix()
                yield SourceFile(path, prefix + rel, hints_for(rel, tables))
