"""Records under a page section that holds no talks: a lab's people page (name cards with
a position and a topic) and a publication list (authors, title, venue, year) repeat like
talk listings, but their section headings (``PhD students``, ``Publications`` > ``2024``)
say what they are. Such records give no row; a talk listing under its own heading beside
them is untouched.

Fixtures written for this test (tests/fixtures/listing/page_sections/).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from extractors.listing import extract_html, extract_markdown
from pipeline.normalise.siblings import section_of
from pipeline.normalise.stage import normalise_document
from pipeline.records import Document

FIXTURES = Path(__file__).parent / "fixtures" / "listing" / "page_sections"
AT = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)


def _rows(name: str, fmt: str, data: bytes | None = None) -> list[dict]:
    doc = Document(path=name, data=data or (FIXTURES / name).read_bytes(), sha256="0",
                   format=fmt)
    reader = extract_html if fmt == "html" else extract_markdown
    return normalise_document(doc, reader(doc), AT)[0]


def test_people_page_gives_no_talk() -> None:
    assert _rows("lab-people.html", "html") == []


def test_publication_list_gives_no_talk() -> None:
    assert _rows("lab-publications.md", "markdown") == []


def test_talks_beside_a_publication_list_stay() -> None:
    text = ((FIXTURES / "lab-publications.md").read_text(encoding="utf-8")
            + "\n# Talks\n\n- 12 March 2024: Lina Park (MIT), *Efficient transformers for "
              "genomics*\n- 3 April 2024: Omar Haddad (KAUST), *Learning to rank proteins*\n")
    rows = _rows("page.md", "markdown", text.encode())
    assert [r["speakers"][0]["name"] for r in rows] == ["Lina Park", "Omar Haddad"]


def test_nearest_heading_that_is_not_a_date_decides() -> None:
    assert section_of(["Publications", "2024"]) == "Publications"
    assert section_of(["People", "PhD students"]) == "PhD students"
    assert section_of(["News", "Upcoming seminar"]) is None
    assert section_of(["Important dates"]) == "Important dates"
    assert section_of(["Seminars", "Spring 2024"]) is None
    assert section_of([]) is None


CAPTIONED_LISTS = """# Workshop on Sparse Solvers

Co-located with the spring meeting.

Organisers

Steering

- Ana Ruiz (University of Porto, Portugal)
- Ben Okafor (Lagos Institute, Nigeria)

Programme committee

- Chiara Neri (University of Turin, Italy)
- Dmitri Volkov (Novosibirsk State University, Russia)
- Eva Lind (Lund University, Sweden)
"""


def test_lists_under_paragraph_captions_of_page_sections_are_not_talks() -> None:
    """``Programme committee`` written as a paragraph right before its list heads the list
    like a heading, and ``Organisers`` over ``Steering`` over a list heads both: the names
    are a page section's, not speakers."""
    from extractors import listing
    from pipeline.records import Document

    doc = Document(path="cfp.md", data=CAPTIONED_LISTS.encode(), sha256="0" * 64,
                   format="markdown")
    assert [t for t in listing.extract_markdown(doc) if t.speaker_text or t.title] == []


def test_a_talks_heading_nearer_than_a_page_section_keeps_its_records() -> None:
    from pipeline.normalise.siblings import section_of

    assert section_of(["Organizers", "Workshop"]) == "Organizers"
    assert section_of(["People", "Seminars"]) is None
    assert section_of(["Publications", "2024"]) == "Publications"
