"""An announcement naming nobody above its abstract: a closing paragraph shaped as a
biography (a name and a biography verb, then he/she sentences) is the bio, not abstract.

The texts are written for this test."""

from __future__ import annotations

from extractors.announcement import parse_talk

TITLE_ABSTRACT_BIO = """\
Tidal Resonance in Small Harbours

Small harbours resonate with the tide in ways large ones do not. We measure three
of them over a year and fit a damped oscillator to each.

Oona is a doctoral student in coastal physics at the Baltic Institute. Her work
concerns harbour seiches and cheap wave gauges.
"""

TWO_ABSTRACT_PARAGRAPHS = """\
Tidal Resonance in Small Harbours

Small harbours resonate with the tide in ways large ones do not.

Quantum sensing is a second theme: we compare gauges. The gauges are cheap.
"""


def test_a_closing_third_person_paragraph_is_the_bio() -> None:
    talk = parse_talk(TITLE_ABSTRACT_BIO.splitlines())
    assert talk is not None and talk.title == "Tidal Resonance in Small Harbours"
    assert (talk.speaker_bio or "").startswith("Oona is a doctoral student")
    assert "damped oscillator" in (talk.abstract or "")
    assert "Baltic" not in (talk.abstract or "")


def test_an_abstract_paragraph_about_no_person_stays_abstract() -> None:
    talk = parse_talk(TWO_ABSTRACT_PARAGRAPHS.splitlines())
    assert talk is not None and talk.speaker_bio is None
    assert "Quantum sensing" in (talk.abstract or "")


SPEAKER_PAGE = """\
About the speaker
-----------------

Oona is a coastal physicist at the Baltic Institute. She builds cheap wave gauges
and has measured harbour seiches on three continents.


Tidal Resonance in Small Harbours
---------------------------------

Small harbours resonate with the tide in ways large ones do not. We measure three
of them over a year and fit a damped oscillator to each of the records we keep.


Wave Gauges for Everyone
------------------------

A wave gauge need not cost a fortune. This talk builds one from a pressure sensor,
a microcontroller and a jam jar, and compares it with the harbour authority's own.


Seiches on Three Continents
---------------------------

Standing waves in enclosed water bodies are older news than tides in textbooks. We
compare records from Oslo, Valparaíso and Durban and ask what they have in common.
"""


def test_a_bio_stated_once_gives_every_talk_its_speaker() -> None:
    import hashlib

    from extractors.plaintext import extract
    from pipeline.records import Document

    data = SPEAKER_PAGE.encode()
    doc = Document(path="talks.txt", data=data, sha256=hashlib.sha256(data).hexdigest(),
                   format="text")
    talks = extract(doc)
    assert [t.title for t in talks] == ["Tidal Resonance in Small Harbours",
                                        "Wave Gauges for Everyone",
                                        "Seiches on Three Continents"]
    for talk in talks:
        assert talk.speaker_text == ["Oona"]
        assert (talk.speaker_bio or "").startswith("Oona is a coastal physicist")
