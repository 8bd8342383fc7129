"""The span tagger's ORG score decides a name-shaped segment after a speaker: an
organisation the tagger is sure of is the affiliation, not a second speaker."""

from pipeline.normalise.people import parse_speakers


def _pairs(line: str) -> list[tuple[str, str | None]]:
    return [(s.name, s.affiliation) for s in parse_speakers(line)]


def test_name_shaped_company_after_a_name_is_the_affiliation() -> None:
    assert _pairs("Tamsin Rowe, Red Hat") == [("Tamsin Rowe", "Red Hat")]
    assert _pairs("Idris Bello from Red Hat") == [("Idris Bello", "Red Hat")]


def test_two_real_names_stay_two_speakers() -> None:
    assert _pairs("Tamsin Rowe, Idris Bello") == [("Tamsin Rowe", None), ("Idris Bello", None)]
    assert _pairs("Hope White and Grace Field") == [("Hope White", None), ("Grace Field", None)]
