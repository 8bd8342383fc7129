"""Mutation fuzzer: mutated sample and corpus documents through the whole pipeline.

Run with ``.venv/bin/python bench/bench_fuzz.py [--count 2000] [--seed 15]``. Each
mutant is a real document (``data/raw``, ``tests/corpus/docs``) with byte flips, a
truncation, inserted unicode and control characters, extreme dates and numbers,
deep nesting, a BOM, or several of these. The mutants are ingested as one archive,
in batches, by the real command (workers, time limits, validation, Parquet), and
every file's fate is counted: rows, empty, skipped, a clear error, and the three
that are bugs: an internal error, a worker that died, a timeout (a hang bounded
only by the supervisor). The run itself must end with exit status 0 or 3.

The test suite runs a small fixed-seed batch of it (``tests/test_fuzz.py``); this
script runs the long one. Exit status 1 when any mutant hit a bug.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import random
import re
import shutil
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SOURCES = (ROOT / "data" / "raw", ROOT / "tests" / "corpus" / "docs")
# Fates that are bugs: the run survives them, but a mutant must never cause one.
BUGS = ("internal", "died")
# A timeout is bounded by the supervisor (no hang of the run) but shows a parser that is
# too slow on some input: counted and listed, not failed on.
SLOW = ("timeout",)

_UNICODE = [
    "\u202e", "\u200b", "\ufeff", "\u0301" * 50, "\U0001f600", "\u00a0", "\u2028", "\x00",
    "\x1b[31m", "Ω≈ç√∫", "\ud7ff", "ﬁ", "İ", "\u0660\u0661", "𝔸𝔹ℂ", "\r", "\f", "\t" * 40,
]
_EXTREME_DATES = [
    b"9999", b"0000", b"0001", b"99991231", b"99991231T235959Z", b"00010101", b"2024-02-30",
    b"2024-13-45", b"December 31, 9999", b"31/12/9999", b"25:99", b"5:00-4:00pm",
    b"9999-12-31T23:59:59+14:00",
]
_EXTREME_NUMBERS = [b"9" * 5000, b"1e999", b"-0", b"NaN", b"-" + b"9" * 400, b"0x" + b"f" * 64]


def documents() -> list[Path]:
    """The documents mutants are made from, in a fixed order."""
    docs = [
        p for root in SOURCES if root.exists() for p in sorted(root.rglob("*"))
        if p.is_file() and p.name != "sources.toml" and not p.name.startswith(".")
    ]
    return docs


def _flip(rng: random.Random, data: bytes) -> bytes:
    buf = bytearray(data)
    for _ in range(rng.randint(1, 20)):
        if buf:
            buf[rng.randrange(len(buf))] = rng.randrange(256)
    return bytes(buf)


def _truncate(rng: random.Random, data: bytes) -> bytes:
    return data[: rng.randrange(max(len(data), 1))]


def _unicode(rng: random.Random, data: bytes) -> bytes:
    text = data.decode("utf-8", errors="surrogateescape")
    for _ in range(rng.randint(1, 10)):
        at = rng.randrange(len(text) + 1)
        text = text[:at] + rng.choice(_UNICODE) + text[at:]
    return text.encode("utf-8", errors="surrogatepass")


def _dates(rng: random.Random, data: bytes) -> bytes:
    spots = [m.span() for m in re.finditer(rb"\d{4}(?:-?\d\d-?\d\d)?|\d{1,2}:\d\d", data)]
    if not spots:
        return data + b"\n" + rng.choice(_EXTREME_DATES) + b"\n"
    for a, b in rng.sample(spots, min(len(spots), rng.randint(1, 5))):
        data = data[:a] + rng.choice(_EXTREME_DATES).ljust(b - a)[: max(b - a, 4)] + data[b:]
    return data


def _numbers(rng: random.Random, data: bytes) -> bytes:
    spots = [m.span() for m in re.finditer(rb"\d+", data)]
    if not spots:
        return data + rng.choice(_EXTREME_NUMBERS)
    a, b = rng.choice(spots)
    return data[:a] + rng.choice(_EXTREME_NUMBERS) + data[b:]


def _nesting(rng: random.Random, data: bytes) -> bytes:
    depth = rng.choice([200, 2_000, 20_000])
    opener, closer = rng.choice(
        [(b"<div>", b"</div>"), (b"[", b"]"), (b"{", b"}"), (b"> ", b""), (b"- ", b""),
         (b"<ul><li>", b"</li></ul>"), (b"BEGIN:VEVENT\r\n", b"END:VEVENT\r\n")]
    )
    at = rng.randrange(len(data) + 1)
    return data[:at] + opener * depth + b"x" + closer * depth + data[at:]


def _bom(rng: random.Random, data: bytes) -> bytes:
    return rng.choice([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"]) + data


def _lines(rng: random.Random, data: bytes) -> bytes:
    lines = data.split(b"\n")
    for _ in range(rng.randint(1, 10)):
        if not lines:
            break
        i = rng.randrange(len(lines))
        op = rng.randrange(3)
        if op == 0:
            del lines[i]
        elif op == 1:
            lines.insert(rng.randrange(len(lines) + 1), lines[i])
        else:
            lines[i] = lines[i] * rng.randint(2, 50)
    return b"\n".join(lines)


MUTATORS: dict[str, Callable[[random.Random, bytes], bytes]] = {
    "flip": _flip, "truncate": _truncate, "unicode": _unicode, "dates": _dates,
    "numbers": _numbers, "nesting": _nesting, "bom": _bom, "lines": _lines,
}


def mutants(seed: int, count: int) -> list[tuple[str, bytes, str]]:
    """``count`` (name, bytes, how it was made) mutants, the same for the same seed."""
    rng = random.Random(seed)
    docs = documents()
    out = []
    for i in range(count):
        doc = docs[rng.randrange(len(docs))]
        data = doc.read_bytes()
        how = rng.sample(sorted(MUTATORS), rng.choice([1, 1, 1, 2, 3]))
        for name in how:
            data = MUTATORS[name](rng, data)
        out.append((f"m{i:05}_{doc.name}", data, f"{doc.name}: {'+'.join(how)}"))
    return out


def classify(report: dict, names: list[str]) -> dict[str, str]:
    """Each mutant's fate from the run report."""
    fate = dict.fromkeys(names, "rows")
    for entry in report["skipped"]:
        fate[entry["path"]] = "skipped"
    for entry in report.get("empty", []):
        fate[entry["path"]] = "empty"
    for entry in report["errors"]:
        message = entry["error"]
        if "internal error" in message:
            kind = "internal"
        elif "worker died" in message:
            kind = "died"
        elif "timed out" in message:
            kind = "timeout"
        else:
            kind = "error"
        fate[entry["path"]] = kind
    return fate


def run(seed: int, count: int, batch: int = 250, timeout: float = 30.0,
        jobs: int = 2) -> tuple[Counter[str], list[str]]:
    """Ingest the mutants in batches; returns the count of each fate and one line per
    mutant whose fate is a bug (``BUG ...``) or a timeout (``SLOW ...``)."""
    from pipeline.cli import main

    fates: Counter[str] = Counter()
    bugs: list[str] = []
    made = mutants(seed, count)
    with tempfile.TemporaryDirectory(prefix="talks-fuzz-") as tmp:
        for start in range(0, len(made), batch):
            chunk = made[start:start + batch]
            src, out = Path(tmp) / "in", Path(tmp) / "out"
            shutil.rmtree(src, ignore_errors=True)
            shutil.rmtree(out, ignore_errors=True)
            src.mkdir()
            for name, data, _how in chunk:
                (src / name).write_bytes(data)
            with contextlib.redirect_stderr(io.StringIO()):  # one line per failed mutant
                code = main(["ingest", str(src), "--out", str(out), "-q", "--no-progress",
                             "--jobs", str(jobs), "--timeout", str(timeout)])
            if code not in (0, 3):
                bugs.append(f"BUG batch {start}: the run ended with exit status {code}")
                fates["run crashed"] += len(chunk)
                continue
            report = json.loads((out / "report.json").read_text())
            fate = classify(report, [n for n, _d, _h in chunk])
            fates.update(fate.values())
            errors = {e["path"]: e["error"] for e in report["errors"]}
            for name, _data, how in chunk:
                if fate[name] in BUGS + SLOW:
                    tag = "BUG" if fate[name] in BUGS else "SLOW"
                    bugs.append(f"{tag} {name} ({how}): {errors[name][:300]}")
    return fates, bugs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--timeout", type=float, default=30.0)
    args = parser.parse_args()
    t0 = time.monotonic()
    fates, bugs = run(args.seed, args.count, timeout=args.timeout)
    print(json.dumps({"seed": args.seed, "mutants": args.count, "fates": dict(fates),
                      "seconds": round(time.monotonic() - t0, 1)}))
    for line in bugs:
        print(line)
    return 1 if any(line.startswith("BUG") for line in bugs) else 0


if __name__ == "__main__":
    sys.exit(main())
