"""Text cleaning: markup, whitespace, paragraphs, labels, quotes, placeholders."""

from __future__ import annotations

import pytest

from pipeline.normalise.text import clean_text, clean_title, is_placeholder, strip_label


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("**Bold claim** about _entropy_", "Bold claim about entropy"),
        ("See [the paper](https://example.org/p.pdf) for details", "See the paper for details"),
        (r"costs \$5 and \*not\* more", "costs $5 and *not* more"),
        ("Tom &amp; Jerry&nbsp;meet", "Tom & Jerry meet"),
        ("<p>First para.</p><p>Second <b>bold</b> para.</p>", "First para.\n\nSecond bold para."),
        ("line one<br/>line two", "line one\nline two"),
        ("tabs\tand\u00a0nbsp   and  spaces", "tabs and nbsp and spaces"),
        (
            "para one\nwrapped\n\n\n\npara two\n  \n para three",
            "para one wrapped\n\npara two\n\npara three",
        ),
        ("snake_case_names stay", "snake_case_names stay"),
        ("a < b and c > d", "a < b and c > d"),
        ("1. First step\n2. Second step", "1. First step 2. Second step"),
        ("zero\u200bwidth", "zerowidth"),
        ("`code` span", "code span"),
        ("## A heading\n\nBody", "A heading\n\nBody"),
    ],
)
def test_clean_text(raw: str, expected: str) -> None:
    assert clean_text(raw) == expected


@pytest.mark.parametrize("raw", [None, "", "   ", "\n\n\t", "<p></p>", "<br>"])
def test_clean_text_empty_is_none(raw: str | None) -> None:
    assert clean_text(raw) is None


def test_clean_text_keeps_labels() -> None:
    assert clean_text("Abstract: we study") == "Abstract: we study"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Title: Scaling laws for jets", "Scaling laws for jets"),
        ("TOPIC: Symmetric flows", "Symmetric flows"),
        ("Talk: “Learning the vacuum”", "Learning the vacuum"),
        ('"Quoted title"', "Quoted title"),
        ("‘Single curly’", "Single curly"),
        ("*Emphasised title*", "Emphasised title"),
        ("**Strong title** ", "Strong title"),
        ("_Underscored_", "Underscored"),
        ("*Unbalanced emphasis", "Unbalanced emphasis"),
        ('<a href="https://x.org/t/1">Linked title</a>', "Linked title"),
        ("A title\nover two lines", "A title over two lines"),
        ('"A" versus "B"', '"A" versus "B"'),
        ("Talking heads: a study", "Talking heads: a study"),
    ],
)
def test_clean_title(raw: str, expected: str) -> None:
    assert clean_title(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "TBA",
        "tbd",
        "T.B.A.",
        "TBC",
        "Details to come",
        "details to follow",
        "To be announced",
        "To Be Determined",
        "Title TBA",
        "Title: TBD",
        "*Details to come*",
        "(TBA)",
        "Talk title TBA",
        "More details to come.",
        "Coming soon",
        "?",
    ],
)
def test_placeholders(raw: str) -> None:
    assert is_placeholder(raw)
    assert clean_title(raw) is None


@pytest.mark.parametrize(
    "raw", ["TBA physics", "Details of the vacuum", "To be or not to be", "Tabular data", "Comes"]
)
def test_not_placeholders(raw: str) -> None:
    assert not is_placeholder(raw)
    assert clean_title(raw) is not None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Abstract: We study things.", "We study things."),
        ("ABSTRACT\nWe study things.", "We study things."),
        ("**Abstract:** We study things.", "We study things."),
        ("Abstract - We study things.", "We study things."),
        ("Abstracts are short.", "Abstracts are short."),
        ("Bio: She works on X.", "She works on X."),
        ("Biography\n\nShe works on X.", "She works on X."),
        ("Abstract:", "Abstract:"),
    ],
)
def test_strip_label(raw: str, expected: str) -> None:
    assert strip_label(raw, ("abstract", "bio", "biography")) == expected


def test_strip_label_single_string_and_none() -> None:
    assert strip_label("Summary: x", "summary") == "x"
    assert strip_label(None, "abstract") is None


def test_lightweight_markup_links_read_as_their_labels() -> None:
    from pipeline.normalise.text import markup_links_as_text, rst_links_as_text

    line = "- `Tiny Parsers <https://example.org/slides/1>`_, Ada Quist"
    assert rst_links_as_text(line) == "- Tiny Parsers, Ada Quist"
    assert rst_links_as_text(":download:`Fast Solvers <docs/fast.pdf>`") == "Fast Solvers"
    assert markup_links_as_text("[Slides](https://example.org/s.pdf) by Bo Park") == \
        "Slides by Bo Park"
    assert markup_links_as_text("`code` and [x] stay") == "`code` and [x] stay"


def test_a_titles_closing_full_stop_goes_but_not_an_abbreviations() -> None:
    from pipeline.normalise.text import clean_title

    assert clean_title("Tail latency at scale.") == "Tail latency at scale"
    assert clean_title("Replicating Smith et al.") == "Replicating Smith et al."
    assert clean_title("And then...") == "And then..."
    assert clean_title("Made in the U.S.") == "Made in the U.S."
