"""The numeric-date convention is the document's: one page writes all its dates one way,
so a date whose day is above 12 (``18/04/2024``) settles how ``11/04/2024`` on the same
page reads, with no guess; a page whose dates disagree, or never settle it, falls back to
the zone's region and says it guessed.

Written here in a shape of its own: a plain list of dated talks in each convention.
"""

from __future__ import annotations

import datetime as dt

from pipeline.normalise import dates
from pipeline.normalise.stage import normalise
from pipeline.records import Document, Hints, RawTalk


def _rows(whens: list[str], zone: str | None = None) -> list[dict]:
    doc = Document(path="list.txt", data=b"x", sha256="0" * 64, format="text",
                   hints=Hints(timezone=zone))
    raws = [RawTalk(title=f"Talk number {i}", speaker_text=[f"Speaker Person{chr(65 + i)}"],
                    when_text=w) for i, w in enumerate(whens)]
    return normalise(doc, raws, dt.datetime(2024, 1, 1, tzinfo=dt.UTC))


def test_a_day_above_twelve_settles_the_order_of_the_others() -> None:
    rows = _rows(["11/04/2024", "18/04/2024"], zone="America/Chicago")
    assert [r["date"] for r in rows] == [dt.date(2024, 4, 11), dt.date(2024, 4, 18)]
    assert not any("ambiguous" in w for r in rows for w in r["warnings"])


def test_a_month_first_page_reads_month_first_even_in_a_day_first_region() -> None:
    rows = _rows(["04/11/2024", "04/18/2024"], zone="Europe/Madrid")
    assert [r["date"] for r in rows] == [dt.date(2024, 4, 11), dt.date(2024, 4, 18)]


def test_dates_that_never_settle_the_order_are_a_guess_by_the_zone() -> None:
    rows = _rows(["11/04/2024", "05/03/2024"], zone="Europe/Madrid")
    assert [r["date"] for r in rows] == [dt.date(2024, 4, 11), dt.date(2024, 3, 5)]
    assert all(any("ambiguous numeric date" in w for w in r["warnings"]) for r in rows)


def test_dates_that_disagree_settle_nothing() -> None:
    assert dates.numeric_order(["13/04/2024", "04/13/2024"]) is None
    assert dates.numeric_order(["13/04/2024", None, "no date"]) is True
    assert dates.numeric_order(["04/13/2024"]) is False
    assert dates.numeric_order(["10:30", "v1.2/3"]) is None
