"""The normalise stage: RawTalk records from any extractor become contract rows."""

from __future__ import annotations

import datetime as dt

from pipeline.normalise.stage import normalise_document
from pipeline.records import Document, Hints, RawTalk, Speaker

WHEN = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def _doc(**hints: str) -> Document:
    return Document(path="d/x.html", data=b"", sha256="0" * 64, format="html", hints=Hints(**hints))


def _one(raw: RawTalk, **hints: str) -> dict:
    rows, notes = normalise_document(_doc(**hints), [raw], WHEN)
    assert len(rows) == 1, notes
    return rows[0]


def test_local_times_become_utc_across_dst() -> None:
    # US clocks go back on 2023-11-05: 15:00 is 19:00 UTC before and 20:00 UTC after
    before = _one(
        RawTalk(title="A", when_text="Friday, November 3, 2023, 3:00-4:00 pm"),
        timezone="America/New_York",
    )
    after = _one(
        RawTalk(title="B", when_text="Friday, November 10, 2023, 3:00-4:00 pm"),
        timezone="America/New_York",
    )
    assert before["start"] == dt.datetime(2023, 11, 3, 19, tzinfo=dt.UTC)
    assert after["start"] == dt.datetime(2023, 11, 10, 20, tzinfo=dt.UTC)
    assert after["end"] == dt.datetime(2023, 11, 10, 21, tzinfo=dt.UTC)
    assert after["date"] == dt.date(2023, 11, 10) and after["timezone"] == "America/New_York"


def test_zone_in_the_phrase_beats_the_document_which_beats_the_hint() -> None:
    phrase = _one(
        RawTalk(title="A", when_text="24 September 2021, 14:00 CET", timezone="America/Chicago"),
        timezone="Asia/Tokyo",
    )
    assert phrase["start"] == dt.datetime(2021, 9, 24, 12, tzinfo=dt.UTC)  # CEST in September
    document = _one(
        RawTalk(title="A", when_text="24 September 2021, 14:00", timezone="America/Chicago"),
        timezone="Asia/Tokyo",
    )
    assert document["timezone"] == "America/Chicago"
    hinted = _one(RawTalk(title="A", when_text="24 September 2021, 14:00"), timezone="Asia/Tokyo")
    assert hinted["timezone"] == "Asia/Tokyo"
    assert hinted["start"] == dt.datetime(2021, 9, 24, 5, tzinfo=dt.UTC)


def test_time_only_phrase_takes_the_date_beside_it() -> None:
    row = _one(
        RawTalk(title="A", date=dt.date(2022, 8, 8), when_text="9:15–10:00am"),
        timezone="America/New_York",
    )
    assert row["start"] == dt.datetime(2022, 8, 8, 13, 15, tzinfo=dt.UTC)
    assert row["end"] == dt.datetime(2022, 8, 8, 14, tzinfo=dt.UTC)


def test_no_zone_leaves_instants_null_with_a_warning() -> None:
    row = _one(RawTalk(title="A", when_text="March 3, 2022, 4pm"))
    assert row["date"] == dt.date(2022, 3, 3) and row["start"] is None
    assert any("no timezone" in w for w in row["warnings"])


def test_missing_year_never_comes_from_the_clock() -> None:
    row = _one(RawTalk(title="A", when_text="Thursday, March 3"), timezone="UTC")
    assert row["date"] is None and row["warnings"]
    dated = _one(RawTalk(title="A", when_text="Thursday, March 3", year_hint=2022), timezone="UTC")
    assert dated["date"] == dt.date(2022, 3, 3)


def test_weekday_disagreeing_with_date_is_a_warning_not_a_shift() -> None:
    row = _one(RawTalk(title="A", when_text="Monday, March 3, 2022"), timezone="UTC")
    assert row["date"] == dt.date(2022, 3, 3)
    assert any("weekday" in w.lower() for w in row["warnings"])


def test_text_fields_are_cleaned_and_placeholders_nulled() -> None:
    row = _one(
        RawTalk(
            title='**"Details to come"**',
            speaker_text=["Dr. Jane Roe, MIT"],
            abstract="Abstract: First   para.\n\n\n*Second* para.",
        )
    )
    assert row["title"] is None
    assert row["abstract"] == "First para.\n\nSecond para."
    assert row["speakers"] == [{"name": "Jane Roe", "affiliation": "MIT", "role": None}]


def test_nobody_and_no_title_is_dropped_with_a_note() -> None:
    rows, notes = normalise_document(
        _doc(), [RawTalk(title="TBA", speakers=[Speaker("TBA")]), RawTalk(title="Real")], WHEN
    )
    assert [r["title"] for r in rows] == ["Real"]
    assert len(notes) == 1 and "dropped" in notes[0]


def test_ids_are_stable_under_abstract_edits_and_unique_in_a_document() -> None:
    a = RawTalk(title="T", speaker_text=["Jane Roe"], when_text="May 2, 2024", abstract="old")
    b = RawTalk(
        title="T", speaker_text=["Jane Roe"], when_text="May 2, 2024", abstract="new, corrected"
    )
    (ra,), _ = normalise_document(_doc(), [a], WHEN)
    (rb,), _ = normalise_document(_doc(), [b], WHEN)
    assert ra["talk_id"] == rb["talk_id"]
    rows, _ = normalise_document(_doc(), [a, b], WHEN)
    assert len({r["talk_id"] for r in rows}) == 2


def test_hints_fill_series_and_location_but_document_wins() -> None:
    row = _one(RawTalk(title="T", location="Room 9"), series="S", location="Hall")
    assert row["series"] == "S" and row["location"] == "Room 9"
    row = _one(RawTalk(title="T", series="Own Series"), series="S", location="Hall")
    assert row["series"] == "Own Series" and row["location"] == "Hall"


def test_agenda_items_without_speakers_are_not_talks() -> None:
    rows, notes = normalise_document(
        _doc(),
        [
            RawTalk(title="Coffee break"),
            RawTalk(title="Lunch", speaker_text=[]),
            RawTalk(title="Welcome remarks", speaker_text=["Ana Lopez (CERN)"]),
        ],
        WHEN,
    )
    assert [(r["title"], r["kind"]) for r in rows] == [("Welcome remarks", "remarks")]
    assert len(notes) == 2 and all("not a talk" in n for n in notes)


def test_document_zone_orders_ambiguous_numeric_dates() -> None:
    europe = _one(RawTalk(title="A", when_text="12/10/2023, 14:00"), timezone="Europe/Berlin")
    america = _one(RawTalk(title="A", when_text="12/10/2023, 14:00"), timezone="America/Denver")
    assert europe["date"] == dt.date(2023, 10, 12) and america["date"] == dt.date(2023, 12, 10)
    assert any("ambiguous" in w for w in europe["warnings"])


def test_event_label_sets_the_kind_and_leaves_the_title() -> None:
    row = _one(
        RawTalk(
            title="Distinguished lecture: Black holes and qubits", speaker_text=["Jane Roe, MIT"]
        )
    )
    assert row["title"] == "Black holes and qubits" and row["kind"] == "lecture"


def test_abbreviated_zone_is_refined_by_a_hint_with_the_same_offset() -> None:
    row = _one(RawTalk(title="A", when_text="3 June 2024, 14:00 CEST"), timezone="Europe/Amsterdam")
    assert row["timezone"] == "Europe/Amsterdam"
    assert row["start"] == dt.datetime(2024, 6, 3, 12, tzinfo=dt.UTC)
    other = _one(RawTalk(title="A", when_text="3 June 2024, 14:00 CEST"), timezone="Asia/Tokyo")
    assert other["timezone"] != "Asia/Tokyo"
    assert other["start"] == dt.datetime(2024, 6, 3, 12, tzinfo=dt.UTC)


def test_zone_named_in_the_document_is_never_replaced_by_the_hint() -> None:
    doc = Document(
        path="x.txt",
        data=b"Europe/Lisbon\nOnline\n",
        sha256="0",
        format="text",
        hints=Hints(timezone="Europe/London"),
    )  # same offsets all year
    (row,), _ = normalise_document(
        doc, [RawTalk(title="A", timezone="Europe/Lisbon", when_text="May 5, 2022, 10:00")], WHEN
    )
    assert row["timezone"] == "Europe/Lisbon"


def test_exact_offset_instant_takes_the_hinted_zone_when_it_agrees() -> None:
    start = dt.datetime(2024, 5, 6, 15, tzinfo=dt.timezone(dt.timedelta(hours=-4)))
    row = _one(RawTalk(title="A", start=start), timezone="America/New_York")
    assert row["timezone"] == "America/New_York" and row["date"] == dt.date(2024, 5, 6)
    row = _one(RawTalk(title="A", start=start), timezone="Europe/Paris")
    assert row["timezone"] is None and row["start"] == dt.datetime(2024, 5, 6, 19, tzinfo=dt.UTC)


def test_a_title_holding_the_records_fields_is_read_after_its_label() -> None:
    """``14:00 in Room 3: Ada Quist -- Title: Sheaf Cohomology`` as one title: the record
    was not cut into fields, so its own ``Title:`` label says where the title starts and
    the field before it names the speaker; ``A Title: ...`` (no separator) stays a title."""
    from pipeline.normalise.stage import _inner_title

    title, named = _inner_title("14:00 in Room 3: Ada Quist -- Title: Sheaf Cohomology", True)
    assert title == "Sheaf Cohomology"
    assert [s.name for s in named] == ["Ada Quist"]
    assert _inner_title("A Title: the story of headlines", True) is None
    assert _inner_title("Talk: Sheaves", True) is None
