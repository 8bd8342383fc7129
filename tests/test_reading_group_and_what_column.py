"""Two near neighbours of known layouts: a reading group's items ``**date** — *title* —
presented by Name`` (the template puts the date in a slot of its own and ``presented by``
in neither slot), and a table whose columns are ``When | Who | What`` (the shared label
vocabulary names a column its template tables do not).

Written here in shapes of their own.
"""

from __future__ import annotations

import datetime as dt

from extractors import listing
from pipeline.normalise.stage import normalise
from pipeline.records import Document, Hints
from pipeline.structure import templates

READING_GROUP = """---
title: Reading Group
---

We meet every other Friday at 11:00 in the Turing Room. Times are UK time.

### 2024

**19 January 2024** — *Attention is not explanation* — presented by Tom Hughes

**2 February 2024** — *Scaling laws for neural language models* — presented by Aditi Rao

**16 February 2024** — *Mechanistic interpretability, a survey* — presented by Chen Li
"""

WHAT_TABLE = """# Upcoming seminars

| When | Who | What |
|------|-----|------|
| Tue 5 Nov 2024, 14:00 | Elena Petrova (Sofia University) | Quantum walks on graphs |
| Tue 12 Nov 2024, 14:00 | Kwame Mensah (KNUST) | Random matrices and wireless channels |

All seminars are held in Room B12. Times are CET.
"""


def _rows(text: str, name: str) -> list[dict]:
    doc = Document(path=name, data=text.encode(), sha256="0" * 64, format="markdown",
                   hints=Hints())
    return sorted(normalise(doc, listing.extract_markdown(doc),
                            dt.datetime(2024, 1, 1, tzinfo=dt.UTC)), key=lambda r: r["date"])


def test_a_presented_by_item_after_a_date_reads_date_title_and_speaker() -> None:
    rows = _rows(READING_GROUP, "reading.md")
    assert [(r["date"], r["title"], [s["name"] for s in r["speakers"]]) for r in rows] == [
        (dt.date(2024, 1, 19), "Attention is not explanation", ["Tom Hughes"]),
        (dt.date(2024, 2, 2), "Scaling laws for neural language models", ["Aditi Rao"]),
        (dt.date(2024, 2, 16), "Mechanistic interpretability, a survey", ["Chen Li"]),
    ]
    assert rows[0]["start"] == dt.datetime(2024, 1, 19, 11, 0, tzinfo=dt.UTC)


def test_a_title_opening_with_a_date_scores_below_the_same_title_alone() -> None:
    assert templates.title_score("19 January 2024 — Grokking at scale") < \
        templates.title_score("Grokking at scale")


def test_a_what_column_is_the_title() -> None:
    rows = _rows(WHAT_TABLE, "seminars.md")
    assert [(r["title"], [s["name"] for s in r["speakers"]]) for r in rows] == [
        ("Quantum walks on graphs", ["Elena Petrova"]),
        ("Random matrices and wireless channels", ["Kwame Mensah"]),
    ]
