"""Announcements, emails and mbox archives: one talk per message, in many wordings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from extractors.plaintext import extract
from pipeline.errors import ExtractionError
from pipeline.normalise.stage import normalise
from pipeline.records import Document, Hints

FIXTURES = Path(__file__).parent / "fixtures" / "text"
UTC = dt.UTC


def rows(name: str, tz: str | None = "America/New_York") -> list[dict]:
    data = (FIXTURES / name).read_bytes()
    doc = Document(path=name, data=data, sha256="0", format="text", hints=Hints(timezone=tz))
    return normalise(doc, extract(doc), dt.datetime(2024, 1, 1, tzinfo=UTC))


def one(name: str, tz: str | None = "America/New_York") -> dict:
    out = rows(name, tz)
    assert len(out) == 1
    return out[0]


def test_header_fields_who_topic_when_where():
    r = one("header_fields.txt")
    assert r["title"] == "Sparse Recovery in Noisy Sensor Networks"
    # Host is not a speaker
    assert r["speakers"] == [{"name": "Margaret Okafor",
                              "affiliation": "Department of Statistics, Rutherford University",
                              "role": None}]
    assert r["date"] == dt.date(2024, 3, 14)
    assert r["start"] == dt.datetime(2024, 3, 14, 20, 0, tzinfo=UTC)  # 4 pm EDT
    assert r["location"] == "Kellerman Hall, Room 210"
    assert r["abstract"] == (
        "Sensor networks observe physical fields through few, noisy and unreliable "
        "measurements. We show how sparsity priors recover the field.\n\n"
        "We close with open problems in distributed recovery."
    )


def test_free_prose_announcement_with_reception():
    r = one("prose.txt")
    assert r["title"] == "Random Matrices and the Geometry of Learning"
    assert r["speakers"] == [
        {"name": "Elena Marchetti", "affiliation": "Northfield University", "role": None}
    ]
    assert r["date"] == dt.date(2022, 10, 7)
    assert r["start"] == dt.datetime(2022, 10, 7, 19, 30, tzinfo=UTC)
    assert r["location"] == "Wean Hall 5409"
    assert r["abstract"] == (
        "Random matrix theory describes the spectra of large weight matrices. We relate these "
        "spectra to generalisation in overparameterised models and to the geometry of their "
        "loss landscapes."
    )


def test_email_date_header_gives_the_missing_year():
    r = one("email_no_year.eml")
    assert r["title"] == "Learning with Few Labels"  # from the Subject, prefixes removed
    assert r["speakers"] == [
        {"name": "Hannah Schultz", "affiliation": "Kestrel Institute", "role": None}
    ]
    assert r["date"] == dt.date(2011, 10, 12)
    assert r["start"] == dt.datetime(2011, 10, 12, 18, 0, tzinfo=UTC)
    assert r["end"] == dt.datetime(2011, 10, 12, 19, 0, tzinfo=UTC)
    assert r["location"] == "GHC 6115"
    assert r["abstract"] == (
        "Labels are expensive. We study how far a learner can go with a handful of labelled "
        "examples and a large pool of unlabelled ones."
    )


def test_mbox_with_three_messages_in_three_styles():
    out = rows("seminars.mbox")
    assert [r["title"] for r in out] == [
        "Quantum Walks on Graphs",
        "Topological Data Analysis for Time Series",
        "Optimal Transport in Economics",
    ]
    assert [r["speakers"][0]["name"] for r in out] == [
        "Priya Natarajan", "Oskar Lindqvist", "Lucia Ferreira"
    ]
    assert [r["speakers"][0]["affiliation"] for r in out] == [
        "Eastfield University", "Westbrook College", "Southgate University"
    ]
    assert [r["date"] for r in out] == [
        dt.date(2014, 1, 16), dt.date(2014, 1, 23), dt.date(2014, 1, 30)
    ]
    assert all(r["start"].hour == 16 for r in out)  # 11 am EST
    assert all(r["location"] == "Hollis Hall 120" for r in out)
    assert out[1]["abstract"] == (
        "Persistent homology turns sliding windows of a time series into shapes."
    )
    assert len({r["talk_id"] for r in out}) == 3


def test_reception_and_refreshments_are_not_the_talk():
    r = one("reception.txt")
    assert r["title"] == "Turbulence in Rotating Fluids"
    assert r["speakers"] == [{"name": "Kwame Asante",
                              "affiliation": "Lakeshore Institute of Technology", "role": None}]
    assert r["date"] == dt.date(2019, 11, 5)
    assert r["start"] == dt.datetime(2019, 11, 5, 21, 0, tzinfo=UTC)  # 4 pm EST, not 3:30/5:30
    assert r["location"] == "Franklin Building, Room 101"
    assert r["abstract"].startswith("Rotating flows develop columnar structures.")
    assert "Atrium" not in r["abstract"]


def test_two_speakers_online_with_end_time():
    r = one("two_speakers.txt", tz="Europe/Berlin")
    assert r["title"] == "Protein Folding Meets Graph Neural Networks"
    assert r["speakers"] == [
        {"name": "Aisha Rahman", "affiliation": "Caltech", "role": None},
        {"name": "Tomasz Nowicki", "affiliation": "University of Warsaw", "role": None},
    ]
    assert r["date"] == dt.date(2021, 6, 3)
    assert r["start"] == dt.datetime(2021, 6, 3, 8, 0, tzinfo=UTC)  # 10:00 CEST
    assert r["end"] == dt.datetime(2021, 6, 3, 9, 30, tzinfo=UTC)
    assert r["location"] == "Online"
    assert r["abstract"] == (
        "We present a joint project on predicting folding pathways with graph networks."
    )


POSTER = """\
QUANTITATIVE BIOLOGY LUNCH TALK

Cell Size Control in Fluctuating Environments

Dr. Ingrid Solberg
Fjordside University

Monday, April 8, 2024, 12:15 pm
Lecture Hall B

Lunch will be served at 11:45 am in the foyer.
"""


def test_poster_layout_title_before_speaker(tmp_path):
    path = tmp_path / "poster.txt"
    path.write_text(POSTER)
    doc = Document(path="poster.txt", data=path.read_bytes(), sha256="0", format="text",
                   hints=Hints(timezone="Europe/Oslo"))
    (r,) = normalise(doc, extract(doc), dt.datetime(2024, 1, 1, tzinfo=UTC))
    assert r["title"] == "Cell Size Control in Fluctuating Environments"
    assert r["speakers"] == [
        {"name": "Ingrid Solberg", "affiliation": "Fjordside University", "role": None}
    ]
    assert r["date"] == dt.date(2024, 4, 8)
    assert r["start"] == dt.datetime(2024, 4, 8, 10, 15, tzinfo=UTC)  # CEST
    assert r["location"] == "Lecture Hall B"
    assert r["abstract"] is None


def test_empty_text_is_an_extraction_error():
    doc = Document(path="e.txt", data=b"  \n", sha256="0", format="text")
    with pytest.raises(ExtractionError):
        extract(doc)


# --- round 2: other decades, other institutions -----------------------------------------

ROME = "Europe/Rome"


def _speaker(name: str, affiliation: str | None = None, role: str | None = None) -> dict:
    return {"name": name, "affiliation": affiliation, "role": role}


def _check(r: dict, **expected: object) -> None:
    for key, value in expected.items():
        assert r[key] == value, key


def test_passive_announcement_email_with_series_and_closing_line():
    r = one("round2/given_by.eml", ROME)
    _check(
        r,
        series="Condensed Matter Seminar",
        title="Topological pumping in cold atoms",
        speakers=[_speaker("Ines Calderon", "Universidad de Sevilla")],
        date=dt.date(2019, 10, 17),
        start=dt.datetime(2019, 10, 17, 12, 30, tzinfo=UTC),  # 2:30 pm CEST
        end=dt.datetime(2019, 10, 17, 13, 30, tzinfo=UTC),
        timezone=ROME,
        location="Aula Magna, Physics Building",
        abstract="Periodic driving moves atoms across an optical lattice in quantised steps. "
        "We review recent experiments.",
        speaker_bio="Ines Calderon is a research fellow at the Universidad de Sevilla.",
        kind="talk",
    )


def test_caps_header_series_place_after_time_role_and_logistics_line():
    r = one("round2/caps_header.txt", ROME)
    _check(
        r,
        series="APPLIED ANALYSIS SEMINAR",
        title="Regularity of free boundaries",
        speakers=[_speaker("Anna Berg", "Lund University", "Professor")],
        date=dt.date(2019, 5, 9),
        start=dt.datetime(2019, 5, 9, 12, 0, tzinfo=UTC),
        end=dt.datetime(2019, 5, 9, 13, 0, tzinfo=UTC),
        location="Room C-12",
        abstract="We establish optimal regularity for a class of obstacle problems.",
        speaker_bio=None,
    )


def test_hint_series_wins_over_caps_header():
    data = (FIXTURES / "round2/caps_header.txt").read_bytes()
    doc = Document(path="x.txt", data=data, sha256="0", format="text",
                   hints=Hints(timezone=ROME, series="Analysis Seminar Series"))
    r = normalise(doc, extract(doc), dt.datetime(2024, 1, 1, tzinfo=UTC))[0]
    assert r["series"] == "Analysis Seminar Series"


def test_nineties_ascii_banner_notice():
    r = one("round2/banner_1996.txt", ROME)
    _check(
        r,
        series="DEPARTMENT OF PHYSICS COLLOQUIUM",
        title="Chaos in Hamiltonian Systems",
        speakers=[_speaker("R. J. Whitfield", "University of Leeds")],
        date=dt.date(1996, 4, 3),
        start=dt.datetime(1996, 4, 3, 14, 15, tzinfo=UTC),  # 4.15pm CEST
        end=None,
        location="Lecture Theatre A, Schuster Building",
        abstract="Many mechanical systems are neither integrable nor fully chaotic. This talk "
        "surveys what is known about the mixed phase space.",
    )


def test_latex_leftovers():
    r = one("round2/latex.txt", ROME)
    _check(
        r,
        title="Quantum walks on graphs",
        speakers=[_speaker("Maria Lopez", "Universidad de Chile")],
        date=dt.date(2013, 5, 14),
        start=dt.datetime(2013, 5, 14, 14, 0, tzinfo=UTC),  # 16h00 CEST
        location="Sala 2, Edificio Norte",
        abstract="We study the mixing time of continuous quantum walks on finite graphs.",
    )


def test_lynx_dump_link_list_is_not_abstract():
    r = one("round2/lynx_dump.txt", ROME)
    _check(
        r,
        title="Bootstrap methods for dependent data",
        speakers=[_speaker("Kwame Mensah", "University of Ghana", "Assistant Professor")],
        date=dt.date(2018, 2, 2),
        start=dt.datetime(2018, 2, 2, 10, 0, tzinfo=UTC),
        end=dt.datetime(2018, 2, 2, 11, 0, tzinfo=UTC),
        location="Carver Hall 305",
        abstract="Resampling schemes for time series must respect dependence. We compare "
        "block and sieve methods.",
    )


def test_quoted_printable_latin1_day_first_16h00():
    r = one("round2/qp.eml", ROME)
    _check(
        r,
        title="Flat connections and character varieties of surfaces with boundary",
        speakers=[_speaker("José María Ortega", "Université de Lyon")],
        date=dt.date(2013, 5, 14),  # year from the Date header
        start=dt.datetime(2013, 5, 14, 14, 0, tzinfo=UTC),
        end=None,
        location="Salle 109",
        abstract="We describe the symplectic geometry of character varieties.",
    )


def test_multipart_alternative_with_only_html():
    r = one("round2/html_only.eml", ROME)
    _check(
        r,
        title="Planning with learned world models",
        speakers=[_speaker("Priya Raman", "Google DeepMind")],
        date=dt.date(2023, 9, 26),
        start=dt.datetime(2023, 9, 26, 14, 0, tzinfo=UTC),
        end=dt.datetime(2023, 9, 26, 15, 0, tzinfo=UTC),
        location="Gates Hall 104",
        abstract="Model-based agents plan in a learned latent space. We discuss when this helps.",
    )


def test_forwarded_message_under_fyi():
    r = one("round2/forwarded.eml", ROME)
    _check(
        r,
        title="Long reads and structural variation",
        speakers=[_speaker("Oluwaseun Adeyemi", "Wellcome Sanger Institute")],
        date=dt.date(2024, 5, 14),
        start=dt.datetime(2024, 5, 14, 14, 0, tzinfo=UTC),
        location="Seminar Room 2",
        abstract="Long-read sequencing resolves structural variants that short reads miss.",
    )


def test_reply_with_quoted_announcement():
    r = one("round2/reply_quoted.eml", ROME)
    _check(
        r,
        title="Forcing and the continuum",
        speakers=[_speaker("Hannah Vogel", "Universitat Wien")],
        date=dt.date(2013, 3, 15),
        start=dt.datetime(2013, 3, 15, 14, 0, tzinfo=UTC),
        location="Mathematics Building 402",
        abstract="We present a gentle introduction to forcing.",
    )


def test_calendar_invitation_part_is_read_as_ics():
    r = one("round2/invite.eml", ROME)
    _check(
        r,
        title="Contact-rich manipulation",
        speakers=[_speaker("Lena Fischer")],
        date=dt.date(2024, 6, 10),
        start=dt.datetime(2024, 6, 10, 15, 0, tzinfo=UTC),
        end=dt.datetime(2024, 6, 10, 16, 0, tzinfo=UTC),
        location="Robotics Lab 1",
        abstract="Robots that touch the world need models of contact.",
    )


def test_several_talks_in_one_email():
    out = rows("round2/series.eml", ROME)
    assert [r["title"] for r in out] == [
        "Flat connections on surfaces", "Rigidity of lattices", "Harmonic maps and bubbling"
    ]
    assert [r["speakers"] for r in out] == [
        [_speaker("Claire Dubois", "Universite de Lyon")],
        [_speaker("Marco Bianchi", "Politecnico di Milano")],
        [_speaker("Hana Novak", "Charles University")],
    ]
    assert [r["start"] for r in out] == [
        dt.datetime(2024, 5, d, 14, 0, tzinfo=UTC) for d in (14, 21, 28)
    ]
    assert {r["location"] for r in out} == {"Aula 1.14"}
    assert {r["series"] for r in out} == {"Geometry Seminar"}
    assert all(r["abstract"] is None for r in out)


def test_venue_zoom_meeting_id_lines():
    r = one("round2/zoom_venue.txt", ROME)
    _check(
        r,
        title="Diffusion models as stochastic control",
        speakers=[_speaker("Tomoko Sato", "Kyoto University")],
        date=dt.date(2022, 11, 21),
        start=dt.datetime(2022, 11, 21, 9, 0, tzinfo=UTC),
        end=dt.datetime(2022, 11, 21, 10, 0, tzinfo=UTC),
        location="Seminar Room 3.02, Main Building",
        abstract="We read score-based generative models as optimal control problems.",
    )


def test_cancelled_talk_keeps_a_warning():
    r = one("round2/cancelled.eml", ROME)
    _check(
        r,
        title="Elliptic curves of rank two",
        speakers=[_speaker("Samuel Okoro", "Rutgers University")],
        date=None,
        abstract=None,
    )
    assert "the announcement says the talk is cancelled" in r["warnings"]


def test_email_detector_is_shared_and_not_fooled_by_date_fields():
    from pipeline import emails, sniff

    fields = "Date: Friday, Nov 10\nTo: all graduate students\n\nTitle: X\n"
    assert not emails.is_email(fields)
    assert sniff._is_email is not None and not sniff._is_email(fields)
    mail = "From: a@b.org\nSubject: Seminar\nDate: Fri, 10 Nov 2017 09:00:00 +0100\n\nBody\n"
    assert emails.is_email(mail) and sniff._is_email(mail)
