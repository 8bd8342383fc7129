"""A French seminar listing (tests/fixtures/text/seminaire-analyse-fr.txt, written here):
each dated line ``Jeudi 9 mars 2023, 14h00, salle 314`` ends in the place, the line under
it is ``Name (Org) : Title`` with the French space before the colon, and ``pas de
séminaire (vacances)`` is no talk. The no-event vocabulary speaks the corpus's languages.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from extractors.plaintext import extract
from pipeline.normalise import agenda
from pipeline.normalise.stage import normalise_document
from pipeline.records import Document

FIXTURE = Path(__file__).parent / "fixtures" / "text" / "seminaire-analyse-fr.txt"


def test_french_listing_gives_its_two_talks_with_their_rooms() -> None:
    doc = Document(path="seminaire.txt", data=FIXTURE.read_bytes(), sha256="0", format="text")
    rows, _ = normalise_document(doc, extract(doc), dt.datetime(2024, 1, 1, tzinfo=dt.UTC))
    assert [(r["date"], r["speakers"][0]["name"], r["speakers"][0]["affiliation"],
             r["title"], r["location"]) for r in rows] == [
        (dt.date(2023, 3, 9), "Marie Dubois", "Université de Lyon",
         "Équations de Schrödinger non linéaires", "salle 314"),
        (dt.date(2023, 3, 16), "Paul Girard", "Sorbonne Université",
         "Inégalités de Strichartz", "salle 314")]


def test_place_at_the_end_of_an_english_dated_line() -> None:
    data = ("Analysis seminar\n\nThursday 9 March 2023, 14:00, Room 314\n"
            "Marie Dubois (University of Lyon): Nonlinear waves\n\n"
            "Thursday 16 March 2023, 14:00, Room 314\n"
            "Paul Girard (Sorbonne University): Strichartz inequalities\n")
    doc = Document(path="s.txt", data=data.encode(), sha256="0", format="text")
    rows, _ = normalise_document(doc, extract(doc), dt.datetime(2024, 1, 1, tzinfo=dt.UTC))
    assert [r["location"] for r in rows] == ["Room 314", "Room 314"]


@pytest.mark.parametrize("item", [
    "pas de séminaire (vacances)", "Relâche", "Kein Seminar", "Vortrag entfällt",
    "Ferien", "no hay seminario", "Seminario cancelado", "Vacances de printemps"])
def test_no_event_in_other_languages(item: str) -> None:
    assert agenda.is_no_event(item)


@pytest.mark.parametrize("title", [
    "Ferienakademie: Algebra", "Report on the annual results", "Annulus theorems"])
def test_titles_that_open_with_such_words_stay_talks(title: str) -> None:
    assert not agenda.is_no_event(title)
