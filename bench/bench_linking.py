"""Benchmark: linking across documents (events and people) on a synthetic archive.

Run with ``.venv/bin/python bench/bench_linking.py [--talks N]``. The archive has series
with weekly talks, each talk announced in a feed, on a page (with the speaker's initial
for a given name, the title in other case) and, for one in four, in an email; a pool of
speakers who return. Prints the seconds of ``pipeline.linking.link`` and the counts it
found, to check that the cost grows about linearly (blocking by date and surname).
Not a test: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipeline.linking import link  # noqa: E402

GIVEN = ["Ana", "Bruno", "Chiara", "Dmitri", "Esther", "Farid", "Greta", "Hiro", "Ines",
         "Jonas", "Kemi", "Liang", "Maren", "Nadia", "Omar", "Priya"]
SURNAMES = ["Almeida", "Berg", "Castro", "Dubois", "Eriksen", "Fischer", "Garcia", "Haddad",
            "Ivanova", "Jensen", "Kowalski", "Lindqvist", "Moreau", "Novak", "Okafor", "Petrov",
            "Quinn", "Rossi", "Sato", "Tanaka", "Umar", "Varga", "Weber", "Yilmaz", "Zhou"]
WORDS = ["graphs", "flows", "random", "matrices", "learning", "quantum", "codes", "sheaves",
         "curvature", "spectra", "games", "networks", "inference", "lattices", "groups"]


def archive(talks: int, seed: int = 1) -> list[dict]:
    rng = random.Random(seed)
    rows: list[dict] = []
    series = max(1, talks // 500)
    start = dt.date(2000, 1, 3)
    for n in range(talks):
        s = n % series
        day = start + dt.timedelta(days=7 * (n // series) + s % 5)
        given, surname = rng.choice(GIVEN), rng.choice(SURNAMES)
        title = " ".join(rng.sample(WORDS, 4))
        aff = f"University of {rng.choice(SURNAMES)}burg"
        variants = [("ics", f"s{s}/feed.ics", f"{given} {surname}", title),
                    ("html", f"s{s}/page{day.year}.html", f"{given[0]}. {surname}",
                     title.title())]
        if n % 4 == 0:
            variants.append(("text", f"s{s}/mail/{n}.eml", f"Prof. {given} {surname}", title))
        for fmt, path, name, shown in variants:
            rows.append({
                "talk_id": f"{path}#{n}", "source_path": path, "source_format": fmt,
                "series": f"Series {s}", "kind": "talk", "title": shown, "date": day,
                "speakers": [{"name": name, "affiliation": aff, "role": None}],
            })
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--talks", type=int, nargs="*", default=[2_000, 20_000])
    args = parser.parse_args()
    for count in args.talks:
        rows = archive(count)
        t = time.perf_counter()
        events, people = link(rows)
        seconds = time.perf_counter() - t
        print(f"{count} talks, {len(rows)} rows: {seconds:.2f} s "
              f"({1e6 * seconds / len(rows):.0f} us/row); {len(events)} events, "
              f"{len(people)} people")


if __name__ == "__main__":
    main()
