"""The span tagger, the name lexicon and the person decision they feed.

Documents here are written for these tests: a name made of English words and a two-word
topic in the same speaker position, a prose announcement whose speaker is only in a
sentence. One test retrains the shipped model (about half a minute of CPU) and checks that
the scores it records are reproduced.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

import talks
from pipeline.errors import UsageError
from pipeline.normalise import names_lexicon, tagger
from pipeline.normalise.people import (
    SPEAKER_CONTEXT,
    looks_like_person_name,
    tagger_person_score,
)
from pipeline.run import Options, ingest
from pipeline.structure.templates import name_score, people_score

ROOT = Path(__file__).resolve().parents[1]


def _ingest(tmp_path: Path, files: dict[str, str]) -> list[dict]:
    src = tmp_path / "src"
    src.mkdir()
    for name, text in files.items():
        (src / name).write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    ingest([src], out, Options(jobs=0, progress=False))
    return talks.read(out).to_dict("records")


# ------------------------------------------------------------------ the tagger alone


def test_tagger_reads_a_word_name_as_a_person_and_a_topic_as_none() -> None:
    hope, dark = tagger.label_scores("Hope White"), tagger.label_scores("Dark Matter")
    assert hope["PERSON"] > 0.9
    assert dark["PERSON"] < 0.05


def test_tagger_finds_the_person_and_the_organisation_in_a_line() -> None:
    found = tagger.spans("Speaker: Hope White, University of Toronto")
    labels = {(s.label, s.text) for s in found}
    assert ("PERSON", "Hope White") in labels
    assert any(label == "ORG" and "Toronto" in text for label, text in labels)
    for s in found:
        assert 0.0 <= s.score <= 1.0


def test_tagger_reads_a_room_as_a_location() -> None:
    scores = tagger.label_scores("Room 101, Jeffery Hall")
    assert max(scores, key=scores.__getitem__) == "LOCATION"


def test_label_scores_of_text_without_words_are_zero() -> None:
    assert tagger.label_scores("— : —")["PERSON"] == 0.0
    assert tagger.spans("") == []


def test_model_is_opened_once_per_process() -> None:
    assert tagger._tagger() is tagger._tagger()


def test_a_model_that_is_not_the_pinned_one_is_refused(tmp_path: Path) -> None:
    fake = tmp_path / "model.crfsuite"
    fake.write_bytes(b"not a model")
    with pytest.raises(UsageError, match="model.crfsuite.*SHA-256"):
        tagger._check_model(fake)


def test_shipped_model_is_small_and_pinned() -> None:
    assert tagger.MODEL_FILE.stat().st_size < 3_000_000
    recorded = json.loads((tagger.MODEL_DIR / "scores.json").read_text(encoding="utf-8"))
    assert recorded["model_sha256"] == tagger.MODEL_SHA256


# ------------------------------------------------------------------ the lexicon


def test_lexicon_holds_given_names_and_surnames_of_many_origins() -> None:
    lex = names_lexicon.lexicon()
    assert lex is not None
    assert lex.given_name("Hope") and lex.given_name("maria")
    for surname in ("Nguyen", "Patel", "Kowalski", "Garcia", "Kim"):
        assert lex.surname(surname), surname
    assert not lex.surname("quantum")
    assert lex.common_surname("White") and not lex.common_surname("Okafor")


def test_lexicon_memory_is_bounded() -> None:
    assert 1_000_000 < names_lexicon.lexicon_memory_bytes() < 30_000_000


# ------------------------------------------------------------------ the person decision


def test_word_name_and_topic_in_speaker_position_are_told_apart() -> None:
    assert looks_like_person_name("Hope White", context=SPEAKER_CONTEXT)
    assert not looks_like_person_name("Dark Matter", context=SPEAKER_CONTEXT)
    assert people_score("Hope White") > 0.5
    assert people_score("Dark Matter") == 0.0


def test_a_topic_the_word_lists_let_through_is_weak_in_a_people_slot() -> None:
    # no list word marks ``Galaxy Rotation Curves`` as a topic; the tagger does
    assert tagger_person_score("Galaxy Rotation Curves") < 0.02
    assert not looks_like_person_name("Galaxy Rotation Curves")
    assert name_score("Galaxy Rotation Curves") < name_score("Amir Haddad")


def test_particles_and_capitalised_surnames_are_read_as_names() -> None:
    for name in ("Pieter de Vries", "Ludwig van der Waals", "PARK Ji-won"):
        assert looks_like_person_name(name), name


def test_listing_with_a_topic_in_the_speaker_slot(tmp_path: Path) -> None:
    rows = _ingest(tmp_path, {"cosmo.md": (
        "# Cosmology Seminar, Spring 2024\n\n"
        "- **March 4, 2024** — Hope White (University of Toronto): Cold Atoms in Optical "
        "Lattices\n"
        "- **March 11, 2024** — Amir Haddad (ETH Zurich): Galaxy Rotation Curves\n"
        "- **March 18, 2024** — Lena Okafor (Leiden University): Dark Matter\n"
    )})
    by_title = {r["title"]: [s["name"] for s in r["speakers"]] for r in rows}
    assert by_title["Cold Atoms in Optical Lattices"] == ["Hope White"]
    assert by_title["Galaxy Rotation Curves"] == ["Amir Haddad"]
    assert by_title["Dark Matter"] == ["Lena Okafor"]


def test_stacked_lines_keep_a_topic_out_of_the_speakers(tmp_path: Path) -> None:
    rows = _ingest(tmp_path, {"lunch.txt": (
        "Astrophysics Lunch Talks\n\n"
        "Monday, March 4, 2024\n12:00-13:00\nHall 212\nCold Atoms in Optical Lattices\n"
        "Hope White\n\n"
        "Monday, March 11, 2024\n12:00-13:00\nHall 212\nGalaxy Rotation Curves\n"
        "Dark Matter\n"
    )})
    names = [s["name"] for r in rows for s in r["speakers"]]
    assert "Hope White" in names
    assert "Dark Matter" not in names and "Galaxy Rotation Curves" not in names


def test_prose_announcement_names_its_speaker_only_in_a_sentence(tmp_path: Path) -> None:
    rows = _ingest(tmp_path, {"colloquium.txt": (
        "Physics Colloquium\n\n"
        "Hope White of the University of Toronto will speak on \"Cold Atoms in Optical "
        "Lattices\" on Thursday, March 14, 2024 at 4 PM in Hall 140.\n\n"
        "All are welcome.\n"
    ), "topic.txt": (
        "Physics Colloquium\n\n"
        "Dark Matter of the Early Universe will speak on \"Halo Profiles\" on Thursday, "
        "March 21, 2024 at 4 PM in Hall 140.\n"
    )})
    talks = [r for r in rows if r["source_path"] == "colloquium.txt"]
    assert len(talks) == 1
    assert [(s["name"], s["affiliation"]) for s in talks[0]["speakers"]] == [
        ("Hope White", "University of Toronto")]
    assert talks[0]["title"] == "Cold Atoms in Optical Lattices"
    assert talks[0]["location"] == "Hall 140"
    assert all(s["name"] != "Dark Matter" for r in rows for s in r["speakers"])


# ------------------------------------------------------------------ training data


def _training():
    sys.path.insert(0, str(ROOT / "training"))
    import tagger_data
    import train_tagger

    return tagger_data, train_tagger


def test_gold_values_are_aligned_across_markup_and_line_breaks() -> None:
    tagger_data, _ = _training()
    html = (b"<html><body><ul><li><b>Hope\n  WHITE</b> (University of Toronto)<br>"
            b"<i>Cold Atoms in Optical Lattices</i></li></ul></body></html>")
    lines = tagger_data.document_lines(html, "html")
    values = {"PERSON": {"Hope White"}, "ORG": {"University of Toronto"},
              "LOCATION": set(), "TITLE": {"Cold Atoms in Optical Lattices"}}
    seqs = tagger_data.label_lines("doc.html", lines, values)
    tagged = {(t.text, tag) for s in seqs for t, tag in zip(s.tokens, s.tags, strict=True)}
    # the name is matched over the line break the reader made inside ``<b>``; each line
    # opens its own span
    assert ("Hope", "B-PERSON") in tagged and ("WHITE", "B-PERSON") in tagged
    assert ("University", "B-ORG") in tagged and ("Toronto", "I-ORG") in tagged
    assert ("Cold", "B-TITLE") in tagged and ("Lattices", "I-TITLE") in tagged
    assert ("(", "O") in tagged


def test_calendar_values_are_unfolded_and_unescaped() -> None:
    tagger_data, _ = _training()
    ics = (b"BEGIN:VEVENT\r\nSUMMARY:Hope White: Cold Atoms\\, Optical\r\n  Lattices\r\n"
           b"LOCATION:Hall 140\r\nEND:VEVENT\r\n")
    lines = tagger_data.document_lines(ics, "ics")
    assert "Hope White: Cold Atoms, Optical Lattices" in lines
    assert "Hall 140" in lines


def test_training_reads_only_dev_documents() -> None:
    tagger_data, train_tagger = _training()
    train, valid = train_tagger.split_dev()
    dev = {e.document for e in tagger_data.entries("dev")}
    test = {e.document for e in tagger_data.entries("test")}
    used = {s.document for s in train + valid}
    assert used <= dev and not used & test
    assert {s.document for s in train}.isdisjoint({s.document for s in valid})


def test_retraining_reproduces_the_shipped_scores(tmp_path: Path) -> None:
    _, train_tagger = _training()
    assert train_tagger.main(["--out", str(tmp_path)]) == 0
    fresh = json.loads((tmp_path / "scores.json").read_text(encoding="utf-8"))
    shipped = json.loads((tagger.MODEL_DIR / "scores.json").read_text(encoding="utf-8"))
    assert fresh["training_tokens"] == shipped["training_tokens"]
    for label, figures in shipped["validation"].items():
        assert fresh["validation"][label]["f1"] == pytest.approx(figures["f1"], abs=0.02), label


def test_a_missing_crfsuite_is_named_with_its_mend(monkeypatch) -> None:
    """An environment made before the tagger joined the dependencies gets a usage error
    saying what to reinstall, not an internal error per file."""
    import sys

    from pipeline.errors import UsageError
    from pipeline.normalise import tagger

    monkeypatch.setitem(sys.modules, "pycrfsuite", None)
    tagger._tagger.cache_clear()
    try:
        with pytest.raises(UsageError, match="python-crfsuite"):
            tagger._tagger()
    finally:
        monkeypatch.undo()
        tagger._tagger.cache_clear()
