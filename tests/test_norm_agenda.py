"""Agenda semantics: logistics items are not talks; kinds from titles and context."""

from __future__ import annotations

import pytest

from pipeline.normalise.agenda import classify_kind, is_non_talk


@pytest.mark.parametrize(
    "item",
    [
        "Breakfast",
        "Continental breakfast is served",
        "Lunch",
        "Lunch (provided)",
        "**Lunch break**",
        "Coffee break",
        "Coffee & Tea",
        "Afternoon tea",
        "Break",
        "Dinner at the faculty club",
        "Welcome reception",
        "Registration and check-in",
        "Check-in",
        "Poster session",
        "Posters & refreshments",
        "Social hour",
        "Networking",
        "Day 2 coffee",
        "Refreshments",
        "Banquet",
        "Adjourn",
        "Mid-morning break - Lobby",
        "Happy hour",
    ],
)
def test_non_talk(item: str) -> None:
    assert is_non_talk(item)


@pytest.mark.parametrize(
    "item",
    [
        "Why coffee breaks matter for learning",
        "Breaking symmetries in jets",
        "Breakthroughs in AI",
        "Social networks of galaxies",
        "Lunch seminar: flows on manifolds",
        "Poster session by Ada Lovelace",
        "Dan Roberts, MIT",
        "Registration-free inference",
        "",
        "Teaching machines physics",
    ],
)
def test_talk_items(item: str) -> None:
    assert not is_non_talk(item)


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Welcome and Introduction", "remarks"),
        ("Day 2 Welcome", "remarks"),
        ("Day Three: welcome", "remarks"),
        ("Opening remarks", "remarks"),
        ("Closing Remarks", "remarks"),
        ("Opening", "remarks"),
        ("Concluding remarks and farewell", "remarks"),
        ("Panel: The future of AI in physics", "panel"),
        ("Discussion panel on open problems", "panel"),
        ("Roundtable with early-career researchers", "panel"),
        ("Lecture I: group theory", "lecture"),
        ("Course: Statistical learning", "lecture"),
        ("Mini-course on normalising flows", "lecture"),
        ("Lectures on gauge theory", "lecture"),
        ("Hands-on session with JAX", "tutorial"),
        ("Tutorial: diffusion models", "tutorial"),
        ("Introduction to neural networks", "talk"),
        ("Opening the black box of transformers", "talk"),
        ("Generative models with symmetries", "talk"),
        ("Of course it works", "talk"),
    ],
)
def test_classify_kind(title: str, kind: str) -> None:
    assert classify_kind(title) == kind


def test_classify_kind_context_and_none() -> None:
    assert classify_kind("Diffusion models", context="Tutorials") == "tutorial"
    assert classify_kind("Group theory", context="Lecture series") == "lecture"
    assert classify_kind("Panel discussion", context="Tutorials") == "panel"
    assert classify_kind(None) == "talk"
    assert classify_kind(None, context="Panels") == "panel"
