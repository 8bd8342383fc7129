"""``Surname, Given (Org)`` as exports write it, told from ``Name, Org``, with the census
given names (MIT-licensed ``names`` data) as the evidence when no other dictionary is
installed."""

from pipeline.normalise.people import parse_speakers


def _pairs(line: str) -> list[tuple[str, str | None]]:
    return [(s.name, s.affiliation) for s in parse_speakers(line)]


def test_surname_comma_given_then_bracket_is_reordered() -> None:
    assert _pairs("Okafor, Ruth (Lagos Data Lab)") == [("Ruth Okafor", "Lagos Data Lab")]
    assert _pairs("Lindqvist, Margaret (Lund University)") == [
        ("Margaret Lindqvist", "Lund University")]


def test_name_then_organisation_is_not_reordered() -> None:
    assert _pairs("Ruth Okafor, Lagos Data Lab") == [("Ruth Okafor", "Lagos Data Lab")]
    assert _pairs("Okafor, Harvard (Cambridge)")[0][0] != "Harvard Okafor"
