"""An affiliation an extractor hands over holds only the affiliation: a leading position
becomes the role, a trailing attendance mode is dropped."""

from pipeline.normalise.people import tidy_affiliation
from pipeline.records import Speaker


def _tidy(affiliation: str, role: str | None = None) -> tuple[str | None, str | None]:
    sp = Speaker(name="Ines Duarte", affiliation=affiliation, role=role)
    tidy_affiliation(sp)
    return sp.affiliation, sp.role


def test_leading_position_becomes_the_role() -> None:
    assert _tidy("Chief Scientist, Lisbon Quantum Works") == ("Lisbon Quantum Works",
                                                              "Chief Scientist")
    assert _tidy("CTO, Quantum Works") == ("Quantum Works", "CTO")


def test_a_known_role_is_not_overwritten() -> None:
    assert _tidy("Chief Scientist, Quantum Works", role="Founder") == (
        "Chief Scientist, Quantum Works", "Founder")


def test_trailing_attendance_mode_is_dropped() -> None:
    assert _tidy("University of Coimbra, remote") == ("University of Coimbra", None)
    assert _tidy("University of Coimbra (online)".replace(" (", ", ").rstrip(")")) == (
        "University of Coimbra", None)


def test_plain_affiliations_are_untouched() -> None:
    assert _tidy("Department of Physics, University of Coimbra") == (
        "Department of Physics, University of Coimbra", None)
    assert _tidy("Remote Sensing Lab") == ("Remote Sensing Lab", None)
