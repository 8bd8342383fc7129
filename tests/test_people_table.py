"""The people table: name variants merged where the evidence allows, refused where only
the name says so across different affiliations; talk counts, dates and affiliations over
time; person_id on every speaker.

``fixtures/people_variants/colloquium.html`` is written for this test: one person under
``Prof. Rosalind Achterberg``, ``R. Achterberg`` and ``ACHTERBERG, Rosalind`` (moving from
Leeds to Zürich), one under ``Joaquín Ibáñez`` and ``Joaquin Ibanez``, and a ``J. Ibáñez``
at another university whom only the name links to him.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pandas as pd
import pytest

import talks
from pipeline.events import find_events
from pipeline.name_keys import compatible, name_key
from pipeline.people_table import affiliation_words, build_people

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def colloquium(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("people_out")
    report = talks.ingest(FIXTURES / "people_variants", out, jobs=0, progress=False)
    assert report["errors"] == [] and report["talks"]["total"] == 6
    return out


def _person(people: pd.DataFrame, name: str) -> pd.Series:
    rows = people[people["names"].map(lambda names: name in names)]
    assert len(rows) == 1, rows
    return rows.iloc[0]


def test_variants_of_one_person_are_one_row(colloquium: Path) -> None:
    people = talks.people(colloquium)
    rosalind = _person(people, "R. Achterberg")
    assert rosalind["name"] == "Rosalind Achterberg"
    assert rosalind["names"] == ["R. Achterberg", "Rosalind Achterberg"]
    assert rosalind["talks"] == 3
    assert rosalind["first_date"] == pd.Timestamp("2019-10-02")
    assert rosalind["last_date"] == pd.Timestamp("2021-05-12")
    spans = [(a["affiliation"], a["first_date"], a["last_date"], a["talks"])
             for a in rosalind["affiliations"]]
    assert spans == [
        ("University of Leeds", dt.date(2019, 10, 2), dt.date(2020, 3, 4), 2),
        ("ETH Zürich", dt.date(2021, 5, 12), dt.date(2021, 5, 12), 1),
    ]
    joaquin = _person(people, "Joaquin Ibanez")
    assert joaquin["name"] == "Joaquín Ibáñez"  # the accented spelling is kept for display
    assert joaquin["talks"] == 2


def test_a_name_alone_does_not_merge_across_affiliations(colloquium: Path) -> None:
    people = talks.people(colloquium)
    kyoto = _person(people, "J. Ibáñez")
    assert kyoto["names"] == ["J. Ibáñez"] and kyoto["talks"] == 1
    assert kyoto["person_id"] != _person(people, "Joaquín Ibáñez")["person_id"]
    assert len(people) == 3


def test_speakers_carry_the_person_id(colloquium: Path) -> None:
    frame = talks.read(colloquium)
    people = talks.people(colloquium).set_index("person_id")
    for speakers in frame["speakers"]:
        for sp in speakers:
            assert sp["name"] in people.loc[sp["person_id"], "names"]


def _row(path: str, name: str, affiliation: str | None, date: dt.date,
         series: str | None = None, title: str | None = None) -> dict:
    return {"talk_id": f"{path}#{name}#{date}", "source_path": path, "source_format": "html",
            "series": series, "title": title or f"Talk of {date}", "date": date,
            "kind": "talk", "speakers": [{"name": name, "affiliation": affiliation,
                                          "role": None}]}


def _ids(rows: list[dict]) -> list[str]:
    return [r["speakers"][0]["person_id"] for r in rows]


def test_an_initial_shared_by_two_people_joins_neither() -> None:
    rows = [
        _row("a.html", "Jane Moreau", None, dt.date(2020, 1, 1), series="Logic"),
        _row("b.html", "John Moreau", None, dt.date(2020, 2, 1), series="Logic"),
        _row("c.html", "J. Moreau", None, dt.date(2020, 3, 1), series="Logic"),
    ]
    people = build_people(rows)
    assert len(people) == 3 and len(set(_ids(rows))) == 3


def test_co_occurrence_supports_a_variant_and_its_absence_refuses_it() -> None:
    rows = [
        _row("a.html", "Ines Kowalczyk", None, dt.date(2021, 1, 1), series="Topology"),
        _row("b.html", "I. Kowalczyk", None, dt.date(2021, 6, 1), series="Topology"),
        _row("c.html", "I. M. Kowalczyk", None, dt.date(2021, 9, 1), series="Algebra"),
    ]
    build_people(rows)
    same_series, other_series = _ids(rows)[:2], _ids(rows)[2]
    assert same_series[0] == same_series[1]  # same series: merged
    assert other_series != same_series[0]  # nothing but the name: kept apart


def test_different_middle_initials_are_different_people() -> None:
    assert not compatible(name_key("Jane A. Smith"), name_key("Jane B. Smith"))
    assert compatible(name_key("J. A. Smith"), name_key("Jane Smith"))
    assert compatible(name_key("Jean-Pierre Serre"), name_key("J.-P. Serre"))
    assert name_key("Prof. José García").full == name_key("GARCIA, Jose").full
    assert affiliation_words("Department of Physics, Harvard University") == {"harvard"}


def test_talks_are_counted_once_per_real_talk_and_ids_do_not_depend_on_order() -> None:
    day = dt.date(2022, 4, 5)
    rows = [
        _row("feed.ics", "Amara Osei", "KNUST", day, title="Rough paths and signatures"),
        _row("page.html", "A. Osei", "KNUST, Kumasi", day, title="Rough paths and signatures"),
        _row("page.html", "Amara Osei", "KNUST", dt.date(2022, 9, 1), title="Signatures II"),
    ]
    find_events(rows)
    people = build_people(rows)
    (person,) = people
    assert person["talks"] == 2 and person["names"] == ["A. Osei", "Amara Osei"]
    shuffled = [dict(r, speakers=[dict(s) for s in r["speakers"]]) for r in rows]
    random.Random(7).shuffle(shuffled)
    find_events(shuffled)
    assert [p["person_id"] for p in build_people(shuffled)] == [person["person_id"]]


def test_a_dataset_without_the_people_table_is_linked_on_reading(colloquium: Path,
                                                                 tmp_path: Path) -> None:
    import shutil

    shutil.copy(colloquium / "talks.parquet", tmp_path / "talks.parquet")
    built = talks.people(tmp_path)
    published = talks.people(colloquium)
    assert built["person_id"].tolist() == published["person_id"].tolist()
    assert built["names"].tolist() == published["names"].tolist()


def test_an_acronym_and_its_spelled_out_organisation_are_one_affiliation() -> None:
    rows = [
        _row("a.html", "C. Okonkwo", "MIT", dt.date(2023, 2, 1)),
        _row("b.html", "Chidi Okonkwo", "Massachusetts Institute of Technology",
             dt.date(2023, 9, 1)),
    ]
    build_people(rows)
    assert len(set(_ids(rows))) == 1
    assert affiliation_words("University College London") >= {"ucl"}


def test_a_named_organisation_in_the_vocabulary_still_tells_people_apart() -> None:
    # ``CERN`` and ``Google`` are listed as organisation words, yet they say *which*
    # organisation: the same initial at CERN and at Google is two people
    rows = [
        _row("a.html", "D. Brandt", "CERN", dt.date(2023, 2, 1), series="Physics"),
        _row("b.html", "Dana Brandt", "Google", dt.date(2023, 9, 1), series="Physics"),
    ]
    build_people(rows)
    assert len(set(_ids(rows))) == 2
