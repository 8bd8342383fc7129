"""Speaker lines: names, roles, affiliations, lists of people."""

from __future__ import annotations

import pytest

from pipeline.normalise.people import looks_like_person_name, parse_speakers


def triples(line: str) -> list[tuple[str, str | None, str | None]]:
    return [(s.name, s.role, s.affiliation) for s in parse_speakers(line)]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Maria Gonzalez, Staff Scientist, Argonne National Laboratory",
            [("Maria Gonzalez", "Staff Scientist", "Argonne National Laboratory")],
        ),
        ("Kenji Watanabe, ACME Fellow", [("Kenji Watanabe", "ACME Fellow", None)]),
        (
            "Olga Petrova, Associate Professor, Stanford University",
            [("Olga Petrova", "Associate Professor", "Stanford University")],
        ),
        (
            "Li Wei, Assistant Professor, Electrical Engineering, Princeton University (ECE)",
            [
                (
                    "Li Wei",
                    "Assistant Professor",
                    "Electrical Engineering, Princeton University (ECE)",
                )
            ],
        ),
        (
            "Amara Okafor, Professor, Statistics, Yale",
            [("Amara Okafor", "Professor", "Statistics, Yale")],
        ),
        (
            "Colloquium: Pierre Dubois, Professor, Sorbonne University",
            [("Pierre Dubois", "Professor", "Sorbonne University")],
        ),
        (
            "Hannah Schmidt, ETH Zurich, Institute for Theoretical Physics",
            [("Hannah Schmidt", None, "ETH Zurich, Institute for Theoretical Physics")],
        ),
        (
            "Rosa Lind, Postdoctoral Fellow, Flatiron Institute",
            [("Rosa Lind", "Postdoctoral Fellow", "Flatiron Institute")],
        ),
        ("Tom Baker, PhD Student at Caltech", [("Tom Baker", "PhD Student", "Caltech")]),
        (
            "Aisha Khan, Assistant Professor of Physics, Columbia",
            [("Aisha Khan", "Assistant Professor of Physics", "Columbia")],
        ),
        (
            "Noor Haddad, Senior Researcher, Google Research",
            [("Noor Haddad", "Senior Researcher", "Google Research")],
        ),
        ("Ivan Horvat, Center Director", [("Ivan Horvat", "Center Director", None)]),
        (
            "Zoë Müller-Lüdenscheidt, Wilson Fellow, Fermilab",
            [("Zoë Müller-Lüdenscheidt", "Wilson Fellow", "Fermilab")],
        ),
        (
            "Dr. Sara Conti, Lecturer, University of Bologna",
            [("Sara Conti", "Lecturer", "University of Bologna")],
        ),
        (
            "Prof. J. R. R. de la Cruz, University of Madrid",
            [("J. R. R. de la Cruz", None, "University of Madrid")],
        ),
        (
            "Kai Lindqvist, Department of Mathematics, KTH",
            [("Kai Lindqvist", None, "Department of Mathematics, KTH")],
        ),
    ],
)
def test_name_role_affiliation(
    line: str, expected: list[tuple[str, str | None, str | None]]
) -> None:
    assert triples(line) == expected


@pytest.mark.parametrize(
    ("line", "names", "affiliations"),
    [
        ("Ada Byron (Analytical Engines Ltd)", ["Ada Byron"], ["Analytical Engines Ltd"]),
        (
            "Ada Byron (Oxford), Carl Gauss (Göttingen University)",
            ["Ada Byron", "Carl Gauss"],
            ["Oxford", "Göttingen University"],
        ),
        ("Ada Byron (Oxford) and Carl Gauss (KIT)", ["Ada Byron", "Carl Gauss"], ["Oxford", "KIT"]),
        ("Emmy Noether (Professor, Erlangen)", ["Emmy Noether"], ["Erlangen"]),
    ],
)
def test_parenthesised_affiliations(line: str, names: list[str], affiliations: list[str]) -> None:
    sp = parse_speakers(line)
    assert [s.name for s in sp] == names
    assert [s.affiliation for s in sp] == affiliations


def test_parenthesised_role() -> None:
    (sp,) = parse_speakers("Emmy Noether (Professor, Erlangen)")
    assert sp.role == "Professor"


@pytest.mark.parametrize(
    ("line", "names"),
    [
        (
            "Alice Martin, Bruno Costa, Chen Jing, Dana Cohen, Erik Nilsson",
            ["Alice Martin", "Bruno Costa", "Chen Jing", "Dana Cohen", "Erik Nilsson"],
        ),
        ("Alice Martin and Bruno Costa", ["Alice Martin", "Bruno Costa"]),
        ("Alice Martin & Bruno Costa", ["Alice Martin", "Bruno Costa"]),
        ("Alice Martin / Bruno Costa", ["Alice Martin", "Bruno Costa"]),
        ("Alice Martin/Bruno Costa", ["Alice Martin", "Bruno Costa"]),
        ("Alice Martin, Bruno Costa, and Chen Jing", ["Alice Martin", "Bruno Costa", "Chen Jing"]),
        ("Alice Martin; Bruno Costa", ["Alice Martin", "Bruno Costa"]),
        ("Speakers: Alice Martin and Prof. Bruno Costa", ["Alice Martin", "Bruno Costa"]),
        ("by Alice Martin", ["Alice Martin"]),
    ],
)
def test_lists_of_people(line: str, names: list[str]) -> None:
    sp = parse_speakers(line)
    assert [s.name for s in sp] == names
    assert all(s.role is None and s.affiliation is None for s in sp)


def test_and_inside_affiliation_is_not_a_list() -> None:
    (sp,) = parse_speakers(
        "Mia Berg, School of Physics and Astronomy and Institute of Data Science, Leeds University"
    )
    assert sp.name == "Mia Berg"
    assert sp.affiliation == (
        "School of Physics and Astronomy and Institute of Data Science, Leeds University"
    )


def test_markup_and_empty() -> None:
    assert triples("**Rui Santos, Research Scientist, IBM**") == [
        ("Rui Santos", "Research Scientist", "IBM")
    ]
    assert parse_speakers("") == []
    assert parse_speakers("  ,  ") == []


def test_degree_dropped() -> None:
    assert triples("Jane Roe, PhD, Harvard Medical School") == [
        ("Jane Roe", None, "Harvard Medical School")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Dan Roberts",
        "Prof. A. B. Smith",
        "Sébastien Racanière",
        "Carolina Cuesta-Lazaro",
        "Ryan O'Donnell",
        "Ludwig van der Waals",
        "F. E. Ortiz",
        "June Huh",
        "Dr. Amy Black",
        "Yann LeCun",
        "Martin Luther King Jr.",
        "Leonardo da Vinci",
    ],
)
def test_person_names(text: str) -> None:
    assert looks_like_person_name(text)


@pytest.mark.parametrize(
    "text",
    [
        "Deep Learning",
        "Upcoming Seminars",
        "Harvard University",
        "Research Scientist",
        "Generative models with symmetries",
        "Lattice QCD",
        "Google DeepMind",
        "Natural Graph Networks",
        "Details to come",
        "Applied Mathematics",
        "IAIFI Fellow",
        "Madonna",
        "",
        "Coffee Break",
        "Friday, March 24",
        "a b",
        "The Principles of Deep Learning Theory",
    ],
)
def test_not_person_names(text: str) -> None:
    assert not looks_like_person_name(text)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Invited Talk: Jane Doe, Harvard", [("Jane Doe", None, "Harvard")]),
        ("Keynote Speaker: Jane Doe", [("Jane Doe", None, None)]),
        ("Jane Doe: MIT", [("Jane Doe", None, "MIT")]),
        ("Jane Doe (she/her), MIT", [("Jane Doe", None, "MIT")]),
        ("Jane Doe and John Smith (MIT)", [("Jane Doe", None, "MIT"), ("John Smith", None, "MIT")]),
        (
            "Jane Doe, Stanford and John Smith, MIT",
            [("Jane Doe", None, "Stanford"), ("John Smith", None, "MIT")],
        ),
    ],
)
def test_labels_pronouns_and_shared_affiliations(
    line: str, expected: list[tuple[str, str | None, str | None]]
) -> None:
    assert triples(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # a card's badge run onto the bracket by adjacent inline elements
        ("Tomás Ferreira (Lisbon School of Economics)Visiting speaker",
         [("Tomás Ferreira", None, "Lisbon School of Economics")]),
        ("Amara Osei (KNUST) Keynote", [("Amara Osei", None, "KNUST")]),
    ],
)
def test_a_short_badge_after_the_bracket_is_no_part_of_the_name(line, expected):
    assert triples(line) == expected


def test_a_clause_after_the_bracket_is_not_taken_for_a_badge():
    # ``on …`` opens a title, not a badge: the line is not read as one bracketed speaker
    assert triples("Amara Osei (KNUST) on Quantum Gravity") != [("Amara Osei", None, "KNUST")]


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Claire Dubois, Hugo Martin et Inès Lefèvre",
         ["Claire Dubois", "Hugo Martin", "Inès Lefèvre"]),
        ("Anna Schmidt und Jonas Weber", ["Anna Schmidt", "Jonas Weber"]),
        # a one-letter ``e`` joins the surnames of one person
        ("Maria Carvalho e Silva", ["Maria Carvalho e Silva"]),
    ],
)
def test_lists_of_people_joined_in_other_languages(line, names):
    assert [n for n, _r, _a in triples(line)] == names
