"""Years from the document itself, never the wall clock: a term page of one academic year, a
weekday that fits one year only, any dated line as the document's reference date."""

from __future__ import annotations

import datetime as dt

from extractors.plaintext import extract as extract_text
from pipeline.normalise.dates import find_dated_line, parse_when
from pipeline.normalise.stage import normalise
from pipeline.records import Document, Hints

AT = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def _rows(text: str, tz: str = "Europe/London") -> list[dict]:
    doc = Document(path="doc.txt", data=text.encode(), sha256="0", format="text",
                   hints=Hints(timezone=tz))
    return normalise(doc, extract_text(doc), AT)


def test_a_term_page_gives_each_block_the_year_of_its_month() -> None:
    text = ("Statistics Seminars 2022-23\n\nSpring Term\n\n"
            "---\nDate: Monday 13 Mar, 4pm\nSpeaker: Ana Lima (Porto)\nTitle: Waves\n"
            "---\nDate: Monday 20 Mar, 4pm\nSpeaker: Karl Berg (KTH)\nTitle: Walks\n"
            "---\nDate: Monday 10 Oct, 4pm\nSpeaker: Ines Wolf (TU Wien)\nTitle: Flows\n")
    rows = _rows(text)
    assert [(r["title"], r["date"]) for r in rows] == [
        ("Waves", dt.date(2023, 3, 13)), ("Walks", dt.date(2023, 3, 20)),
        ("Flows", dt.date(2022, 10, 10))]
    assert rows[0]["start"] == dt.datetime(2023, 3, 13, 16, tzinfo=dt.UTC)


def test_a_weekday_that_fits_one_neighbouring_year_picks_it() -> None:
    reference = dt.date(2019, 9, 20)  # an ``Updated Sep 20, 2019`` footer, months later
    when = parse_when("Wednesday, January 16, 4pm", reference=reference)
    assert when is not None and when.date == dt.date(2019, 1, 16)
    assert not any("disagrees" in w for w in when.warnings)
    # 5 March is a Tuesday in 2019 and 2024 only: of 2018-2020 the weekday fits 2019
    assert parse_when("Tue 5 March", reference=reference).date == dt.date(2019, 3, 5)


def test_any_line_stating_a_full_date_dates_the_document() -> None:
    assert find_dated_line("Seminar\n\nNext: Tuesday, March 5, 2024 at 4pm\nThen April 2\n") \
        == dt.date(2024, 3, 5)
    assert find_dated_line("Room 2019\nAt 4pm\n") is None  # a year alone is no date
    rows = _rows("Geometry Seminar\n\n"
                 "Tuesday, March 5, 2024, 4pm: Ana Lima (Porto) - Stability of waves\n"
                 "Tuesday, April 2, 4pm: Karl Berg (KTH) - Learned reconstruction\n")
    assert [r["date"] for r in rows] == [dt.date(2024, 3, 5), dt.date(2024, 4, 2)]


def test_a_year_less_date_without_any_dated_line_stays_without_a_year() -> None:
    (row,) = _rows("Speaker: Ana Lima\nTitle: Stability of waves\nDate: Tuesday, March 5, 4pm\n")
    assert row["date"] is None
    assert "date has no year" in row["warnings"]
