"""Slide decks exported as text with explicit slide markers (``[Slide 3]``, ``--- Slide 3
---``, ``Slide 3 of 12``, ``=== Page 3 ===``, ``<!-- Slide number: 3 -->``, ``# Slide 3``,
``Page 3``, form feeds): sniffed as ``slides_text``, markers never titles, notes skipped.
All decks here are written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.slides import extract_slides_text
from pipeline.records import Document
from pipeline.sniff import page_number, sniff

ROOT = Path(__file__).resolve().parents[1]

_SLIDES = [
    ["Tropical Curves and Their Moduli", "Ingrid Solberg", "University of Tromsø",
     "Algebraic Geometry Seminar, 14 March 2023"],
    ["Motivation", "Curves degenerate to graphs", "Counting becomes combinatorics"],
    ["Main result", "The moduli space is a cone complex", "It carries a natural metric"],
    ["Outlook", "Higher genus", "Thank you"],
]

MARKERS = {
    "bracket": "[Slide {n}]",
    "dashes": "--- Slide {n} ---",
    "of": "Slide {n} of 4",
    "equals": "=== Page {n} ===",
    "comment": "<!-- Slide number: {n} -->",
    "heading": "# Slide {n}",
    "page": "Page {n}",
}


def _deck(marker: str, notes: bool = False, blank: bool = True) -> str:
    out = []
    for n, slide in enumerate(_SLIDES, 1):
        out.append(marker.format(n=n))
        if blank:
            out.append("")
        out.extend(slide)
        if notes:
            out += ["", "### Notes:", "Ask the audience about Mikhalkin first.",
                    "Remember Paul Gauguin joke."]
        out.append("")
    return "\n".join(out)


def _doc(text: str) -> Document:
    return Document(path="deck.txt", data=text.encode(), sha256="0", format="slides_text")


@pytest.mark.parametrize("style", sorted(MARKERS))
def test_marker_lines_read_as_slide_numbers(style: str) -> None:
    assert page_number(MARKERS[style].format(n=3)) == 3


@pytest.mark.parametrize("line", ["[3]", "# 3", "Slide 13 of 12", "Page 3 of the report",
                                  "Room 7", "## Results", "[Smith 2019]"])
def test_other_lines_are_not_markers(line: str) -> None:
    assert page_number(line) is None


@pytest.mark.parametrize("style", sorted(MARKERS))
@pytest.mark.parametrize("blank", [True, False])
def test_marked_deck_sniffs_as_slides_text(style: str, blank: bool) -> None:
    assert sniff(_deck(MARKERS[style], blank=blank).encode()) == "slides_text"


def test_form_feed_deck_sniffs_as_slides_text_and_splits_slides() -> None:
    text = "\f".join("\n".join(s) for s in _SLIDES)
    assert sniff(text.encode()) == "slides_text"
    (talk,) = extract_slides_text(_doc(text))
    assert talk.title == "Tropical Curves and Their Moduli"


@pytest.mark.parametrize("style", sorted(MARKERS))
@pytest.mark.parametrize("notes", [False, True])
def test_marked_deck_extracts_title_slide(style: str, notes: bool) -> None:
    (talk,) = extract_slides_text(_doc(_deck(MARKERS[style], notes=notes)))
    assert talk.title == "Tropical Curves and Their Moduli"
    assert [s.name for s in talk.speakers] == ["Ingrid Solberg"]
    assert talk.when_text and "14 March 2023" in talk.when_text


def test_notes_on_the_title_slide_are_not_content() -> None:
    # notes that would otherwise give a speaker and a date are skipped up to the next slide
    text = "\n".join([
        "<!-- Slide number: 1 -->", "# Sheaf Methods in Data Analysis", "", "Tomás Ferreira",
        "", "### Notes:", "Introduce Margaret Hollis, chair.", "Mention 2 May 2024 deadline.",
        "", "<!-- Slide number: 2 -->", "# Persistence", "Barcodes", "",
        "<!-- Slide number: 3 -->", "# Thanks", "Questions?", "",
    ])
    (talk,) = extract_slides_text(_doc(text))
    assert talk.title == "Sheaf Methods in Data Analysis"
    assert [s.name for s in talk.speakers] == ["Tomás Ferreira"]
    assert talk.when_text is None


def test_prose_with_a_page_reference_stays_text() -> None:
    text = ("Dear colleagues,\n\nThe minutes are attached; see Page 3 for the budget and\n"
            "Page 4 for the room plan. Our next seminar is on Friday at 4 pm in Room 12,\n"
            "where Dr. Laila Haddad will speak about coral reef acoustics and long-term\n"
            "monitoring of reef health using passive hydrophones.\n\nBest,\nThe organisers\n")
    assert sniff(text.encode()) == "text"


# Formats every existing text-like fixture sniffed as before slide markers were added:
# adding marker recognition must not move any of them.
SNAPSHOT = {
    "data/raw/text/announcement.txt": "text",
    "data/raw/text/colloquium.mbox": "text",
    "data/raw/text/listing.txt": "text",
    "data/raw/text/seminar.eml": "text",
    "tests/corpus/docs/applied_math_schedule_fall2019.txt": "text",
    "tests/corpus/docs/causal_reading_group.md": "markdown",
    "tests/corpus/docs/chemistry_lecture_announcement.txt": "text",
    "tests/corpus/docs/compbio_programme_parallel.txt": "text",
    "tests/corpus/docs/cs_seminar_notice_1994.txt": "text",
    "tests/corpus/docs/google_calendar_theory_seminar.ics": "ics",
    "tests/corpus/docs/graph_seminar_jsonld.html": "html",
    "tests/corpus/docs/indico_timetable_export.ics": "ics",
    "tests/corpus/docs/invited_talk_deck.pdf": "pdf",
    "tests/corpus/docs/lab_past_talks.html": "html",
    "tests/corpus/docs/math_weekly_digest.eml": "text",
    "tests/corpus/docs/ml_workshop_agenda_table.html": "html",
    "tests/corpus/docs/neuro_brownbag_drupal.htm": "html",
    "tests/corpus/docs/news_seminars_wordpress.txt": "html",
    "tests/corpus/docs/numpyro_tutorial_slides.pdf": "pdf",
    "tests/corpus/docs/outlook_meeting_invite.ics": "ics",
    "tests/corpus/docs/physics_colloquium_cards.html": "html",
    "tests/corpus/docs/quantum_seminar_hugo.md": "markdown",
    "tests/corpus/docs/researchseminars_feed.txt": "ics",
    "tests/corpus/docs/seminar_list_archive.mbox": "text",
    "tests/corpus/docs/sources.toml": "text",
    "tests/corpus/docs/speaker_series_table.txt": "html",
    "tests/corpus/docs/stat_seminar_announcement.eml": "text",
    "tests/corpus/docs/stochastic_processes_slides.txt": "slides_text",
    "tests/corpus/docs/turing_lectures_2025.md": "markdown",
    "tests/fixtures/text/email_no_year.eml": "text",
    "tests/fixtures/text/header_fields.txt": "text",
    "tests/fixtures/text/listing_separated.txt": "text",
    "tests/fixtures/text/prose.txt": "text",
    "tests/fixtures/text/reception.txt": "text",
    "tests/fixtures/text/round2/banner_1996.txt": "text",
    "tests/fixtures/text/round2/cancelled.eml": "text",
    "tests/fixtures/text/round2/caps_header.txt": "text",
    "tests/fixtures/text/round2/forwarded.eml": "text",
    "tests/fixtures/text/round2/given_by.eml": "text",
    "tests/fixtures/text/round2/html_only.eml": "text",
    "tests/fixtures/text/round2/invite.eml": "text",
    "tests/fixtures/text/round2/latex.txt": "text",
    "tests/fixtures/text/round2/lynx_dump.txt": "text",
    "tests/fixtures/text/round2/qp.eml": "text",
    "tests/fixtures/text/round2/reply_quoted.eml": "text",
    "tests/fixtures/text/round2/series.eml": "text",
    "tests/fixtures/text/round2/zoom_venue.txt": "text",
    "tests/fixtures/text/round3/archive_video.txt": "text",
    "tests/fixtures/text/round3/archive_years.txt": "text",
    "tests/fixtures/text/round3/columns_spaces.txt": "text",
    "tests/fixtures/text/round3/columns_tab.txt": "text",
    "tests/fixtures/text/round3/date_heading.txt": "text",
    "tests/fixtures/text/round3/labelled.txt": "text",
    "tests/fixtures/text/round3/no_abstracts.txt": "text",
    "tests/fixtures/text/round3/one_line.txt": "text",
    "tests/fixtures/text/round3/page_dump.txt": "text",
    "tests/fixtures/text/round3/programme.txt": "text",
    "tests/fixtures/text/round3/programme_inline.txt": "text",
    "tests/fixtures/text/round3/readme_list.txt": "text",
    "tests/fixtures/text/round3/schedule_labels.txt": "text",
    "tests/fixtures/text/round3/video_slides.txt": "text",
    "tests/fixtures/text/round3/wiki.txt": "text",
    "tests/fixtures/text/round4/dept_digest.eml": "text",
    "tests/fixtures/text/round4/notice_1989.txt": "text",
    "tests/fixtures/text/round4/physics_tutorial_banner.txt": "text",
    "tests/fixtures/text/round4/stats_term_card.txt": "text",
    "tests/fixtures/text/round4/theory_lunch.mbox": "text",
    "tests/fixtures/text/round4/workshop_tracks.txt": "text",
    "tests/fixtures/text/seminars.mbox": "text",
    "tests/fixtures/text/two_speakers.txt": "text",
}


def test_existing_fixtures_sniff_as_before() -> None:
    present = {k: v for k, v in SNAPSHOT.items() if (ROOT / k).is_file()}
    assert len(present) >= len(SNAPSHOT) // 2
    got = {k: sniff((ROOT / k).read_bytes()) for k in present}
    assert got == present
