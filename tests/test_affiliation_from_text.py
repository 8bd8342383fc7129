"""A speaker without an affiliation takes the one the talk's own text gives on a line
that opens with the speaker's name (the first line of a calendar description)."""

from pipeline.normalise.people import complete_from_text
from pipeline.records import Speaker


def _complete(text: str, name: str = "Ottilie Brandt") -> Speaker:
    sp = Speaker(name=name)
    complete_from_text([sp], [text])
    return sp


def test_description_line_gives_role_and_affiliation() -> None:
    sp = _complete("Ottilie Brandt, Research Fellow, Institute of Hydrology, Uppsala University\n"
                   "Flood forecasting with sparse gauges\nWe present a method ...")
    assert sp.affiliation == "Institute of Hydrology, Uppsala University"
    assert sp.role == "Research Fellow"


def test_bracket_after_the_name_opening_an_abstract() -> None:
    assert _complete("- Ottilie Brandt (Nordic Flood Lab)\nabstract").affiliation \
        == "Nordic Flood Lab"


def test_prose_and_other_people_give_nothing() -> None:
    assert _complete("Ottilie Brandt is a fellow at Uppsala University.").affiliation is None
    assert _complete("Ottilie Brandt, thank you all for coming").affiliation is None
    assert _complete("Jonas Brandt, Uppsala University").affiliation is None


def test_an_affiliation_already_known_is_kept() -> None:
    sp = Speaker(name="Ottilie Brandt", affiliation="SMHI")
    complete_from_text([sp], ["Ottilie Brandt, Uppsala University"])
    assert sp.affiliation == "SMHI"
