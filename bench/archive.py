"""The benchmark archive: N documents of every format, built from the project's own files.

Sources are the sample inputs (``data/raw``) and the real corpus (``corpus/docs``), so
the archive has the shapes the pipeline meets in practice. Each copy is made unique
without changing what it says (a comment, an ``X-`` property, a line of white space), so
no two documents are byte-identical and every one is hashed, sniffed and extracted.

Run ``python bench/archive.py DEST --docs 10000`` to build one by hand; ``bench_floor.py``
builds its own.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = (ROOT / "data" / "raw", ROOT / "corpus" / "docs")


def source_files() -> list[Path]:
    """Every sample and corpus document, in a fixed order (``sources.toml`` hints excluded:
    they belong to their folder, not to a copy of it)."""
    files = []
    for folder in SOURCES:
        files.extend(
            p for p in sorted(folder.rglob("*")) if p.is_file() and p.name != "sources.toml"
        )
    return files


def vary(data: bytes, suffix: str, n: int) -> bytes:
    """``data`` made unique by ``n`` without changing its content as a talk document."""
    if data.startswith(b"%PDF-") or suffix == ".pdf":
        return data + f"\n%bench-copy {n}\n".encode()
    if suffix == ".ics":
        cut = data.find(b"\n") + 1  # after BEGIN:VCALENDAR, in the file's own line ending
        eol = b"\r\n" if data[cut - 2: cut] == b"\r\n" else b"\n"
        return data[:cut] + f"X-BENCH-COPY:{n}".encode() + eol + data[cut:]
    if suffix in (".html", ".htm"):
        return data + f"\n<!-- bench copy {n} -->\n".encode()
    # text of every other kind: a last line of white space that spells n in binary
    pattern = bin(n)[2:].replace("0", " ").replace("1", "\t")
    return data + b"\n" + pattern.encode() + b"\n"


def build(dest: Path, docs: int) -> list[Path]:
    """Write ``docs`` documents under ``dest`` (copy folders of every source); their paths."""
    sources = source_files()
    written = []
    for i in range(docs):
        src = sources[i % len(sources)]
        copy = i // len(sources)
        target = dest / f"c{copy:05d}" / src.parent.name / src.name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(vary(src.read_bytes(), src.suffix.lower(), i))
        written.append(target)
    return written


def touch(paths: list[Path]) -> None:
    """A new modification time, the same bytes (a copy tool or a sync that re-wrote them)."""
    for p in paths:
        st = p.stat()
        os.utime(p, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))


def edit(paths: list[Path]) -> None:
    """New bytes with the same talks: another variation line at the end."""
    for p in paths:
        p.write_bytes(vary(p.read_bytes(), p.suffix.lower(), 1_000_003))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("dest", type=Path)
    parser.add_argument("--docs", type=int, default=1000)
    args = parser.parse_args()
    print(len(build(args.dest, args.docs)), "documents in", args.dest)


if __name__ == "__main__":
    main()
