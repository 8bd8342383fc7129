"""A list of names closed by one bracketed affiliation: every listed name shares it."""

from pipeline.normalise.people import parse_speakers


def _triples(line: str) -> list[tuple[str, str | None]]:
    return [(s.name, s.affiliation) for s in parse_speakers(line)]


def test_names_before_one_bracket_share_it() -> None:
    line = "Oona Varga, Piet de Groot, and Lise Amundsen (Tromsø Polar Institute)"
    assert _triples(line) == [
        ("Oona Varga", "Tromsø Polar Institute"),
        ("Piet de Groot", "Tromsø Polar Institute"),
        ("Lise Amundsen", "Tromsø Polar Institute"),
    ]


def test_shared_group_after_an_own_bracket() -> None:
    line = "Ruth Okafor (Lagos Data Lab); Sam Ito and Mei Tan (Kyushu Robotics)"
    assert _triples(line) == [
        ("Ruth Okafor", "Lagos Data Lab"),
        ("Sam Ito", "Kyushu Robotics"),
        ("Mei Tan", "Kyushu Robotics"),
    ]


def test_a_topic_before_the_bracket_is_not_a_shared_name() -> None:
    got = _triples("Dark Matter, and Bob Ray (Yale)")
    assert ("Dark Matter", "Yale") not in got


def test_a_bracket_of_several_organisations_is_not_shared() -> None:
    got = _triples("Ann Lee, Bo Chen, Cy Park (Lund University, Aarhus University)")
    assert ("Ann Lee", "Lund University, Aarhus University") not in got
    assert got[-1] == ("Cy Park", "Lund University, Aarhus University")


def test_a_unit_and_its_organisation_are_one_affiliation() -> None:
    got = _triples("Ann Lee, Bo Chen (Department of Physics, Lund University)")
    assert got == [("Ann Lee", "Department of Physics, Lund University"),
                   ("Bo Chen", "Department of Physics, Lund University")]
