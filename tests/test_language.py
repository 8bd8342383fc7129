"""The spaCy layer: person names with a blank pipeline + rules, no model download."""

from __future__ import annotations

import pytest

from pipeline.errors import UsageError
from pipeline.normalise import language
from pipeline.normalise.language import is_person_name, person_names


def test_names_in_prose_with_honorifics_initials_and_particles():
    text = ("Today we welcome Dr. J. R. Hartley, Rianne van den Berg and "
            "André F. T. Martins, with Prof. Siddharth Mishra-Sharma of Harvard University.")
    assert person_names(text) == [
        "J. R. Hartley", "Rianne van den Berg", "André F. T. Martins", "Siddharth Mishra-Sharma"
    ]


def test_titles_institutions_and_sentence_starts_are_not_names():
    assert person_names("Harvard University") == []
    assert person_names("Today's Talk: Two Anecdotes") == []
    assert person_names("The Principles of Deep Learning") == []
    assert not is_person_name("Lessons from Launching Institutes")


def test_whole_line_is_a_name():
    assert is_person_name("Inês Hipólito")
    assert is_person_name("Prof. Petar Veličković")
    assert not is_person_name("Inês Hipólito, Humboldt-Universität")


def test_blank_pipeline_is_loaded_once(monkeypatch):
    monkeypatch.delenv(language.MODEL_ENV, raising=False)
    assert language.nlp() is language.nlp()
    assert language.nlp().meta.get("name") != "core_web_sm"


def test_named_model_that_is_not_installed_is_a_usage_error(monkeypatch):
    monkeypatch.setenv(language.MODEL_ENV, "xx_no_such_pipeline_sm")
    with pytest.raises(UsageError, match="not installed"):
        person_names("Jane Doe will speak.")
