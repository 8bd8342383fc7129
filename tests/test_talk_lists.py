"""A list of one author's talks, one per line and naming no speaker, is read from its shape.

The documents are written here in shapes the corpus does not hold: a quoted-title list with
``·`` markers, an enumerated list whose second line leaves its city out, a table-shaped
``|`` list whose title column is filled on some lines only (the venue column beside it is
not a title), a ``(date)``-led list with org-mode links, and three lists that are not talks
(a publication list opening with its authors, a menu, undated topics)."""

from __future__ import annotations

import datetime as dt

from extractors.plaintext import extract
from pipeline.normalise.stage import normalise
from pipeline.records import Document
from pipeline.structure.talklist import is_date_slot, talk_list

AT = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)


def _rows(text: str, name: str = "cv.txt") -> list[dict]:
    doc = Document(path=name, data=text.encode(), sha256="0" * 64, format="text")
    return normalise(doc, extract(doc), AT)


QUOTED = """\
Invited talks

· "Tidal Heating of Icy Moons, Revisited", Planetary Lunch Seminar, Bern, CH, March 2021
· "Tidal Heating of Icy Moons, Revisited", Ocean Worlds Workshop, Leiden, NL, March 2021
· "Why Enceladus Vents", Space Science Colloquium, Lund University, Sweden, May 2019
· "Cold Plumes and Warm Cores", Keynote, Icy Bodies Meeting, Nice Nov 2018
"""


def test_quoted_titles_with_venue_place_and_month_are_talks() -> None:
    rows = _rows(QUOTED)
    assert [r["title"] for r in rows] == [
        "Tidal Heating of Icy Moons, Revisited", "Tidal Heating of Icy Moons, Revisited",
        "Why Enceladus Vents", "Cold Plumes and Warm Cores"]
    assert all(r["speakers"] is None and r["date"] is None for r in rows)
    # the month is stated, the day is not: said so, and the row is not an empty record
    assert any("without its day" in w for w in rows[0]["warnings"])
    assert len({r["talk_id"] for r in rows}) == 4  # one title given twice in one month


ENUMERATED = """\
4) Sheaves on Graphs and Flow Problems, Topology Day, Universidad de Chile, 2022
3) Sheaves on Graphs and Flow Problems, 2022
2) Persistence for Noisy Point Clouds, Applied Topology Meeting, Oslo, 2021
1) 位相的データ解析の入門, 数学談話会, 2020
"""


def test_an_enumerated_list_takes_the_first_slot_as_the_title() -> None:
    titles = [t.title for t in talk_list(ENUMERATED)]
    assert titles == ["Sheaves on Graphs and Flow Problems", "Sheaves on Graphs and Flow Problems",
                      "Persistence for Noisy Point Clouds", "位相的データ解析の入門"]


TABLE = """\
# one line per event: year | event | city | format | talk title
2024 | 5th Symposium on Soil Microbes (SSM 2024) | Ghent, Belgium | Poster
2023 | Annual Meeting of the Soil Society | Utrecht | Oral | Nitrogen fixers under drought stress
2023 | International Conference on Root Biology | Kyoto, Japan | Oral
2022 | Rhizosphere Workshop | | Oral | Fungal networks in restored grassland soils
"""


def test_a_table_shaped_list_reads_the_title_column_the_lines_settle() -> None:
    rows = _rows(TABLE)
    # the event column is the venue; a line with no title names no talk
    assert [r["title"] for r in rows] == ["Nitrogen fixers under drought stress",
                                          "Fungal networks in restored grassland soils"]


ORG = """\
#+title: Things I presented
- Writing Parsers by Hand (02/05/2022): [[https://example.org/p.pdf][slides]], [[https://vimeo.com/1][recording]].
- Property Testing in Anger (14/09/2022): [[https://example.org/q.pdf][slides]].
- Effects without Monads (30/01/2023).
"""


def test_a_date_in_parentheses_and_org_links_give_date_slides_and_video() -> None:
    rows = _rows(ORG, "talks.org")
    assert [(r["title"], r["date"]) for r in rows] == [
        ("Writing Parsers by Hand", dt.date(2022, 5, 2)),
        ("Property Testing in Anger", dt.date(2022, 9, 14)),
        ("Effects without Monads", dt.date(2023, 1, 30))]
    assert rows[0]["slides"] == "https://example.org/p.pdf"
    assert rows[0]["video"] == "https://vimeo.com/1"


def test_lists_that_are_not_talks_give_no_talk_list() -> None:
    papers = """\
- Ana Lima, Karl Berg, Flow sheaves, J. Topology, 2021
- Karl Berg, Ines Wolf, Noisy clouds, Ann. Stat., 2020
- Ines Wolf, Ana Lima, Graph persistence, SIAM J., 2019
"""
    menu = "- Home\n- Research group members\n- Teaching and courses\n- Contact us\n"
    topics = "* Sheaf theory on graphs\n* Noisy point clouds\n* Persistence modules\n"
    assert talk_list(papers) == [] and talk_list(menu) == [] and talk_list(topics) == []


def test_date_slots() -> None:
    assert all(map(is_date_slot, ["March 2021", "2015年10月", "18/10/2023", "2026", "Sept. 2019"]))
    assert not any(map(is_date_slot, ["Oslo 2021 summer school", "Bern", "ICPS 2026 Tokyo"]))


PARAGRAPHS = """\
Seminar talks

Number Theory Seminar, Univ. of Lisbon, Feb. 3 2024, Heights on Shimura Curves https://example.org/t/1

Arithmetic Day, IST Austria, Nov. 14, Nov. 15 2023, Heights on Shimura Curves

Algebra Lunch, Ghent University, Jun. 2 2023 Modular Forms mod p in Practice

Geometry Seminar, Leiden University, May 9, 2022, Galois Images for Elliptic Curves
"""


def test_one_line_paragraphs_with_the_title_after_the_date() -> None:
    talks = talk_list(PARAGRAPHS)
    assert [t.title for t in talks] == [
        "Heights on Shimura Curves", "Heights on Shimura Curves",
        "Modular Forms mod p in Practice", "Galois Images for Elliptic Curves"]
    # a month-day joins the year after it; a date run into the title is cut off it
    assert [t.when_text for t in talks] == ["Feb. 3 2024", "Nov. 15 2023", "Jun. 2 2023",
                                            "May 9 2022"]


DASHED = """\
** 2019

- *12.11.2019* - [[https://example.org/sieve.pdf][Lattice Sieving in Practice]] - Crypto Seminar, \
Bochum, DE, [[https://example.org/src][sources]].
- *28.03.2019* - Sieving - Theory Day, Aarhus, DK.
- *05.02.2019* - Lattice Sieving in Practice - Leiden, NL
"""


def test_dash_separated_lines_with_an_emphasised_date_and_a_titled_link() -> None:
    talks = talk_list(DASHED)
    # a link labelled by text is a slot; one labelled ``sources`` leaves nothing behind;
    # the title after a leading date may be a single word
    assert [(t.title, t.when_text) for t in talks] == [
        ("Lattice Sieving in Practice", "2019-11-12"), ("Sieving", "2019-03-28"),
        ("Lattice Sieving in Practice", "2019-02-05")]
    assert talks[0].slides == "https://example.org/sieve.pdf"


YEAR_LED = """\
Selected invited talks

2024  "Greedy bases and their duals", Analysis Seminar, University of Bonn, May 2024.
2023  "Sparse recovery in graded lattices", Colloquium, Universidad de Sevilla, 2023.
2023  Quasi-greedy bases revisited, Workshop on Banach Spaces, Banff, Canada
2022  "Stability of greedy bases", Functional Analysis Seminar, Kent State University.
"""


def test_lines_led_by_a_year_set_apart_are_the_items() -> None:
    """No list marker and no blank lines: the year standing apart at the head of each line
    marks the item, and the heading above the list is no talk."""
    rows = _rows(YEAR_LED)
    assert [r["title"] for r in rows] == [
        "Greedy bases and their duals", "Sparse recovery in graded lattices",
        "Quasi-greedy bases revisited", "Stability of greedy bases"]
