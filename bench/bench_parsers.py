"""Benchmark: the shared parsers and the listing extractor on typical and pathological input.

Run with ``.venv/bin/python bench/bench_parsers.py``. Prints seconds per call; a
catastrophic regular expression shows up here as seconds instead of milliseconds.
Not a test: timings depend on the machine.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from extractors import listing  # noqa: E402
from pipeline.normalise import agenda, dates, people, text  # noqa: E402
from pipeline.records import Document  # noqa: E402

TYPICAL = [
    "Friday, March 24, 2023, 3:00–4:00 pm",
    "9:15–10:00am",
    "24 September 2021, 14:00 CET",
    "Brian Nord, Research Scientist, Fermilab",
    "Cengiz Pehlevan, Assistant Professor, Applied Mathematics, Harvard University (SEAS)",
]
PATHOLOGICAL = {
    "commas": "a, " * 50_000,
    "digits": "1" * 100_000,
    "parens": "(" * 10_000,
    "breaks": "break " * 20_000,
    "honorifics": "Dr. " * 20_000,
    "initials": "A. " * 30_000,
    "dates": "2023-" * 20_000,
    "ands": "and " * 30_000,
    "one-word": "x" * 1_000_000,
    "speaker-list": ("Jane Doe, MIT; " * 70_000)[:1_000_000],
}
FUNCS = (
    dates.parse_when, dates.looks_like_when, dates.find_timezone_cue, dates.find_year,
    people.looks_like_person_name, people.parse_speakers, agenda.is_non_talk,
    agenda.classify_kind, text.clean_title, text.clean_text, text.is_placeholder,
)  # fmt: skip


def _time(fn, arg, repeat: int = 1) -> float:
    t0 = time.perf_counter()
    for _ in range(repeat):
        fn(arg)
    return (time.perf_counter() - t0) / repeat


def main() -> None:
    for fn in FUNCS:
        fn("Jane Doe, MIT")  # load lexicons and parsers once
    report: dict[str, dict[str, float]] = {}
    for fn in FUNCS:
        row = {"typical_ms": round(1000 * max(_time(fn, t, 50) for t in TYPICAL), 3)}
        row["worst_pathological_s"] = round(max(_time(fn, t) for t in PATHOLOGICAL.values()), 3)
        report[fn.__name__] = row
    filler = "<div class='news'><p>" + "Department news. " * 80 + "</p></div>\n"
    items = "".join(f"<li>Jan {d}, 2024: Jane Ortega (MIT) — Talk {d}</li>" for d in range(1, 29))
    page = "<html><body><main><ul>" + items + "</ul>" + filler * 3500 + "</main></body></html>"
    doc = Document(path="big.html", data=page.encode(), sha256="0", format="html")
    t0 = time.perf_counter()
    found = listing.extract_html(doc)
    report["listing_5mb_page"] = {"seconds": round(time.perf_counter() - t0, 2),
                                  "talks": len(found), "bytes": len(page)}
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
