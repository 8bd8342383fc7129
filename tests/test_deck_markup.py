"""Markdown decks: a slide's own properties (remark ``name:``/``class:``, Deckset
``footer:``/``theme:``) are settings, not text; ``Name • Org`` bylines; a title broken over
first-level heading lines is one title. The decks are written for this test."""

from __future__ import annotations

from extractors.slides import extract_slides_text
from pipeline.records import Document, Hints

REMARK = """\
name: opening
layout: true
class: center, middle
---

# Reproducible builds for the rest of us

## What a lockfile does not tell you

### PackagingCon 2024

Mireille Fontaine • Inria

Kofi Mensah · Ashesi University

---
layout: false

## Why it matters

- supply chains
"""

DECKSET = """\
theme: Fira, 3
slidenumbers: true
autoscale: true

# Counting trees
# from orbit
# with weak labels

---

# Hello

---

# Thanks
"""


def _deck(text: str) -> Document:
    return Document(path="deck.md", data=text.encode(), sha256="0", format="slides_text",
                    hints=Hints())


def test_slide_properties_are_not_the_title_and_bullet_bylines_give_speakers() -> None:
    [talk] = extract_slides_text(_deck(REMARK))
    assert talk.title == "Reproducible builds for the rest of us"
    assert [(s.name, s.affiliation) for s in talk.speakers] == [
        ("Mireille Fontaine", "Inria"), ("Kofi Mensah", "Ashesi University")]


def test_a_title_over_first_level_heading_lines_is_one_title() -> None:
    [talk] = extract_slides_text(_deck(DECKSET))
    assert talk.title == "Counting trees from orbit with weak labels"


ORG_BEAMER = """\
#+TITLE: Tipos dependientes en la práctica
#+AUTHOR: Lucía Ferrer
#+DATE: 2022-11-03
#+LaTeX_CLASS: beamer
#+OPTIONS: H:2 toc:nil

* Motivación
** Un ejemplo
- vectores con longitud
* Conclusiones
** Qué sigue
"""


def test_an_org_mode_deck_is_one_talk_from_its_keywords() -> None:
    from extractors.plaintext import extract

    doc = Document(path="deck.org", data=ORG_BEAMER.encode(), sha256="0", format="text",
                   hints=Hints())
    [talk] = extract(doc)
    assert talk.title == "Tipos dependientes en la práctica"
    assert talk.speaker_text == ["Lucía Ferrer"] and talk.when_text == "2022-11-03"
