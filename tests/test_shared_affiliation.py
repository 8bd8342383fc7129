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
