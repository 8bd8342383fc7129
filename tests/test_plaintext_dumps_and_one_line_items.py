"""Plain-text listings: page dumps, one-line items, headings, columns, programmes.

Every fixture is written for this test (tests/fixtures/text/round3/) in a layout seen on
real seminar pages saved as text; each test checks every field of every row after the
normalise stage.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from extractors.plaintext import series_heading, speaker_and_title, split_item
from tests.support.rows import check, sp, talk, text_rows

FIXTURES = Path(__file__).parent / "fixtures" / "text" / "round3"
UTC = dt.UTC
def rows(name: str, tz: str | None = "America/Los_Angeles") -> list[dict]:
    out = text_rows(FIXTURES / name, tz)
    return sorted(out, key=lambda r: (r["date"] or dt.date.min, r["start"] or dt.datetime.min
                                      .replace(tzinfo=UTC)))


def la(y: int, mo: int, d: int, h: int, mi: int = 0) -> dt.datetime:
    from zoneinfo import ZoneInfo

    return dt.datetime(y, mo, d, h, mi, tzinfo=ZoneInfo("America/Los_Angeles")).astimezone(UTC)


SCHEDULE = ["time from the listing's standing schedule", "year inferred from heading"]
LA = "America/Los_Angeles"


def test_page_dump_with_standing_schedule_and_no_talk_slot():
    common = dict(series="Probability Colloquium", timezone=LA,
                  location="Room 214, Hollis Building", warnings=SCHEDULE)
    check(rows("page_dump.txt"), [
        talk(title="Random walks on dynamical percolation", speakers=[sp(
            "Marta Kowalczyk", "University of Warsaw")], abstract="We study a random walker "
             "moving on a graph whose edges refresh at random times.", date=dt.date(2023, 10, 3),
             start=la(2023, 10, 3, 15, 30), end=la(2023, 10, 3, 16, 30), **common),
        talk(title="Scaling limits of planar maps", speakers=[sp("Daniel Osei",
             "Lakeside University")], abstract="Planar maps converge to the Brownian sphere. We "
             "survey recent progress and open questions.", date=dt.date(2023, 10, 10),
             start=la(2023, 10, 10, 15, 30), end=la(2023, 10, 10, 16, 30), **common),
        talk(title=None, speakers=[sp("Ines Carvalho", "University of Porto")],
             date=dt.date(2023, 10, 24), start=la(2023, 10, 24, 15, 30),
             end=la(2023, 10, 24, 16, 30), **common),
    ])


def test_one_line_items_zone_in_line_wins_over_hint():
    def gmt(d: int) -> dt.datetime:
        return dt.datetime(2024, 11, d, 16, 0, tzinfo=UTC)

    check(rows("one_line.txt"), [
        talk(title="Knot invariants from quantum groups", speakers=[sp("Priya Raman",
             "University of Leeds")], date=dt.date(2024, 11, 7), start=gmt(7),
             timezone="Europe/London"),
        talk(title="Tropical curves and counting", speakers=[sp("Tomasz Nowak",
             "Jagiellonian University")], date=dt.date(2024, 11, 14), start=gmt(14),
             timezone="Europe/London"),
    ])


def test_labelled_blocks_take_series_from_heading():
    common = dict(series="Number Theory Seminar", timezone=LA, location="Room 2.07")
    check(rows("labelled.txt"), [
        talk(title="Modular forms of half-integral weight", speakers=[sp("Aiko Yamamoto",
             "Osaka University")], date=dt.date(2022, 6, 6), start=la(2022, 6, 6, 11),
             end=la(2022, 6, 6, 12), **common),
        talk(title="Elliptic curves over function fields", speakers=[sp("Lars Nilsson",
             "Lund University")], abstract="We count points on elliptic curves over function "
             "fields of curves.", date=dt.date(2022, 6, 13), start=la(2022, 6, 13, 11),
             end=la(2022, 6, 13, 12), **common),
    ])


def test_archive_with_year_headings():
    w = ["year inferred from heading"]
    check(rows("archive_years.txt"), [
        talk(title="Hodge theory and mirror symmetry", speakers=[sp("Rosa Delgado", "UNAM")],
             date=dt.date(2018, 12, 4), timezone=LA, warnings=w),
        talk(title="Additive combinatorics of primes", speakers=[sp("Kwame Asante",
             "University of Ghana")], date=dt.date(2019, 10, 29), timezone=LA, warnings=w),
        talk(title="Sheaves on moduli of curves", speakers=[sp("Helen Brandt",
             "Tufts University")], date=dt.date(2019, 11, 12), timezone=LA, warnings=w),
    ])


def test_wiki_headings_and_quoted_titles():
    w = ["year inferred from heading"]
    check(rows("wiki.txt"), [
        talk(title="Cluster algebras and friezes", speakers=[sp("Gregor Vogt",
             "Universität Bonn")], date=dt.date(2010, 9, 14), timezone=LA, warnings=w),
        talk(title="Character varieties of surface groups", speakers=[sp("Naomi Fischer",
             "Brandeis University")], date=dt.date(2010, 9, 21), timezone=LA, warnings=w),
        talk(title="Hyperbolic knots and volumes", speakers=[sp("Paolo Ricci",
             "Università di Pisa")], date=dt.date(2011, 2, 8), timezone=LA, warnings=w),
    ])


def test_tab_columns_skip_holiday_row():
    common = dict(series="Operator Algebras Seminar", timezone=LA)
    check(rows("columns_tab.txt"), [
        talk(title="Subfactors and planar algebras", speakers=[sp("Claire Dubois")],
             date=dt.date(2022, 9, 12), **common),
        talk(title="K-theory of crossed products", speakers=[sp("Yusuf Demir")],
             date=dt.date(2022, 9, 19), **common),
    ])


def test_space_aligned_columns():
    common = dict(series="Logic Seminar", timezone=LA)
    check(rows("columns_spaces.txt"), [
        talk(title="Forcing axioms and the continuum", speakers=[sp("Beatriz Santos")],
             date=dt.date(2021, 3, 2), **common),
        talk(title="Model theory of valued fields", speakers=[sp("Oskar Lindgren")],
             date=dt.date(2021, 3, 9), **common),
    ])


def test_readme_bullets_reading_group_is_not_a_named_series():
    check(rows("readme_list.txt"), [
        talk(title="Diffusion models as stochastic control", speakers=[sp("Amara Nwosu")],
             date=dt.date(2023, 2, 1), timezone=LA),
        talk(title="Score matching in high dimension", speakers=[sp("Felix Hartmann")],
             date=dt.date(2023, 2, 8), timezone=LA),
    ])


def test_name_dash_title_lines_under_date_heading():
    check(rows("date_heading.txt"), [
        talk(title="Counting lattice points in polytopes", speakers=[sp("Leon Schmidt")],
             date=dt.date(2024, 3, 8), timezone=LA),
        talk(title="Heat kernels on graphs", speakers=[sp("Mia Rossi")],
             date=dt.date(2024, 3, 8), timezone=LA),
        talk(title="The Hopf fibration", speakers=[sp("Jonas Berg")],
             date=dt.date(2024, 3, 15), timezone=LA),
    ])


def test_programme_time_slots_take_the_day_heading_and_skip_breaks():
    common = dict(series="Workshop on Inverse Problems", timezone=LA, date=dt.date(2024, 6, 11))
    check(rows("programme.txt"), [
        talk(title="Regularisation by denoising", speakers=[sp("Karin Holm",
             "Chalmers University of Technology")], start=la(2024, 6, 11, 9),
             end=la(2024, 6, 11, 9, 45), **common),
        talk(title="Learned iterative reconstruction", speakers=[sp("Mateo Garcia",
             "Universidad de Chile")], start=la(2024, 6, 11, 9, 45),
             end=la(2024, 6, 11, 10, 30), **common),
        talk(title="Stability of inverse scattering", speakers=[sp("Sophie Laurent",
             "Université Paris Cité")], start=la(2024, 6, 11, 11),
             end=la(2024, 6, 11, 11, 45), **common),
    ])


def test_video_and_slides_lines_followed_by_links():
    check(rows("video_slides.txt"), [
        talk(title="Implicit bias of gradient descent", speakers=[sp("Ravi Kumar",
             "Lakeside University")], date=dt.date(2021, 3, 4), timezone=LA,
             video="https://example.org/videos/kumar-2021",
             slides="https://example.org/slides/kumar.pdf"),
        talk(title="Benign overfitting in linear models", speakers=[sp("Elena Popescu",
             "University of Bucharest")], date=dt.date(2021, 3, 11), timezone=LA,
             video="https://example.org/videos/popescu-2021"),
    ])


def test_listing_without_abstracts():
    common = dict(series="Combinatorics Seminar", timezone=LA,
                  warnings=["year inferred from heading"])
    check(rows("no_abstracts.txt"), [
        talk(title="Ramsey numbers of cycles", speakers=[sp("Tobias Wirth",
             "Humboldt University")], date=dt.date(2020, 1, 22), **common),
        talk(title="Perfect matchings in hypergraphs", speakers=[sp("Ana Kovač",
             "University of Zagreb")], date=dt.date(2020, 1, 29), **common),
        talk(title="Sorting networks and permutations", speakers=[sp("Julien Moreau",
             "Sorbonne University")], date=dt.date(2020, 2, 5), **common),
    ])


def test_series_heading_rule():
    assert series_heading("Geometry Seminar") == "Geometry Seminar"
    assert series_heading("Algebra Colloquium — Winter 2019") == "Algebra Colloquium"
    assert series_heading("== Topology Seminar 2012-13 ==") == "Topology Seminar"
    assert series_heading("Upcoming talks") is None
    assert series_heading("Seminar archive") is None
    assert series_heading("2020 seminars") is None


def test_item_splitting():
    assert split_item("* Oct 2: A. Person (Somewhere), \"T\"") == (
        "Oct 2", "A. Person (Somewhere), \"T\"")
    assert split_item("Knot theory and friends") is None
    sps, title = speaker_and_title("Quantum groups — Hanna Berg (Uppsala University)")
    assert [s.name for s in sps] == ["Hanna Berg"] and title == "Quantum groups"
    sps, title = speaker_and_title("Hanna Berg — Uppsala University")
    assert sps[0].affiliation == "Uppsala University" and title is None


def test_schedule_sentence_are_at_gives_time_and_room_to_labelled_items():
    common = dict(series="Analysis Seminar", timezone=LA, location="Math 402",
                  warnings=["time from the listing's standing schedule"])
    check(rows("schedule_labels.txt"), [
        talk(title="Spectral gaps for Schrödinger operators", speakers=[sp("Laura Chen",
             "Rice University")], abstract="We prove spectral gap estimates for magnetic "
             "Schrödinger operators on compact manifolds, using a new semiclassical argument.",
             date=dt.date(2023, 2, 3), start=la(2023, 2, 3, 14), **common),
        talk(title="Nodal sets of eigenfunctions", speakers=[sp("Omar Haddad",
             "McGill University")], abstract="We bound the measure of nodal sets.",
             date=dt.date(2023, 2, 10), start=la(2023, 2, 10, 14), **common),
    ])


def test_inline_programme_rows_under_day_headings():
    check(rows("programme_inline.txt"), [
        talk(title="Learning to optimise", speakers=[sp("Irene Walsh",
             "Trinity College Dublin")], date=dt.date(2023, 10, 2), timezone=LA,
             start=la(2023, 10, 2, 9), end=la(2023, 10, 2, 9, 50)),
        talk(title="Graph neural solvers", speakers=[sp("Pavel Ivanov", "Skoltech")],
             date=dt.date(2023, 10, 2), timezone=LA, start=la(2023, 10, 2, 9, 50),
             end=la(2023, 10, 2, 10, 30)),
        talk(title="Federated learning at scale", speakers=[sp("Sara Ahmed", "KAUST")],
             date=dt.date(2023, 10, 3), timezone=LA, start=la(2023, 10, 3, 9),
             end=la(2023, 10, 3, 9, 50)),
    ])


def test_archive_items_with_video_label_lines():
    w = ["year inferred from heading"]
    check(rows("archive_video.txt"), [
        talk(title="Arithmetic of K3 surfaces", speakers=[sp("Hao Zhang",
             "Peking University")], date=dt.date(2021, 12, 7), timezone=LA, warnings=w),
        talk(title="Random matrices and free probability", speakers=[sp("Lucía Fernández",
             "CSIC")], date=dt.date(2022, 11, 29), timezone=LA, warnings=w),
        talk(title="Word maps on groups", speakers=[sp("Tim Becker", "Univ. of Vienna")],
             date=dt.date(2022, 12, 6), timezone=LA, warnings=w,
             video="https://example.org/v/becker"),
    ])


def test_a_numbered_slot_label_before_the_date_opens_an_item():
    assert split_item("Week 3 (Jan 28)   Oona Lindqvist   Chapter 3: Spectral methods") == (
        "Jan 28", "Oona Lindqvist   Chapter 3: Spectral methods")
    assert split_item("Session 2: 4 March 2031 - Ana Lima - Sparse recovery") == (
        "4 March 2031", "Ana Lima - Sparse recovery")


def test_a_placeholder_column_is_no_part_of_the_title():
    from extractors.plaintext import extract
    from pipeline.records import Document

    data = (b"READING GROUP -- SPRING 2031\n\n"
            b"Week 1 (Jan 14)   Ana Lima         Chapter 1: Foundations\n"
            b"Week 2 (Jan 21)   Karl Berg        Chapter 2: Random graphs\n"
            b"Week 3 (Jan 28)   TBA              Chapter 3: Applications\n")
    got = extract(Document(path="rg.txt", data=data, sha256="0", format="text"))
    assert [(t.title, t.when_text) for t in got] == [
        ("Chapter 1: Foundations", "Jan 14"), ("Chapter 2: Random graphs", "Jan 21"),
        ("Chapter 3: Applications", "Jan 28")]
    assert [s.name for s in got[1].speakers] == ["Karl Berg"] and not got[2].speakers


def test_a_documents_own_title_label_is_learnt_from_all_its_blocks():
    from extractors.plaintext import extract
    from pipeline.records import Document

    data = b"""\
=====================================================
 SEMINAR: Sparse recovery in practice
 SPEAKER: Ana Lima, MIT
 DATE:    Tuesday 14 January 2031, 16:00
=====================================================
 SEMINAR: Random matrices and graphs
 SPEAKER: Karl Berg, ETH Zurich
 DATE:    Tuesday 21 January 2031, 16:00
=====================================================
"""
    got = extract(Document(path="s.txt", data=data, sha256="0", format="text"))
    assert [t.title for t in got] == ["Sparse recovery in practice",
                                      "Random matrices and graphs"]
