"""What may stand in a title slot, and record shapes that put the wrong thing there.

A day heading of a programme table (``Dienstag, 14.05.``), a year heading, a bare domain or
a reference under an abstract is not a talk's title whatever slot a reader put it in; the
shared check (``text.not_a_title``) keeps them out of every format's titles. Pages written
here: bare paragraphs whose records open with a ``Date:`` label (no signature repeats per
talk), ``date - Kind (by Name):`` slot lines, and a committee section of names and bios.
"""

from __future__ import annotations

import datetime as dt

import pytest

from extractors import listing
from pipeline.normalise import dates, text
from pipeline.normalise.stage import normalise
from pipeline.records import Document, Hints, RawTalk
from pipeline.structure import records, templates
from pipeline.structure.blocks import Block


def _rows(html: str) -> list[dict]:
    doc = Document(path="page.html", data=html.encode(), sha256="0" * 64, format="html",
                   hints=Hints())
    return normalise(doc, listing.extract_html(doc), dt.datetime(2024, 1, 1, tzinfo=dt.UTC))


@pytest.mark.parametrize("value", ["Dienstag, 14.05.", "Jeudi 3 mars", "1998", "Fall 2023",
                                   "Monday, 4 March", "10:30 - 11:15"])
def test_a_date_or_year_alone_is_not_a_title(value: str) -> None:
    assert dates.is_date_only(value)
    assert text.not_a_title(value) == "a date or year"


@pytest.mark.parametrize("value", ["orchestra-tickets.net", "https://example.org/talk",
                                   "www.lab.example.edu"])
def test_a_link_alone_is_not_a_title(value: str) -> None:
    assert text.not_a_title(value) == "a link"


@pytest.mark.parametrize("value", [
    "[3] Okafor, Nnamdi, et al. “Sparse sheaves.” Topology Letters 12 (2019): 41-57.",
    "Varga, Ilona, and Tomas Berg. “Knotted flows.” (2011): 101.",
    "Lindqvist, M., et al. Annals of Spectra 7 (2016), pp. 3-9.",
])
def test_a_bibliography_entry_is_not_a_title(value: str) -> None:
    assert text.not_a_title(value) == "a bibliographic citation"


@pytest.mark.parametrize("value", ["Node.js in the Lab", "Ten Years of Python 3.12",
                                   "Learning to Rank (2019 Edition): a Survey",
                                   "Spring Cleaning for Old Proofs", "The 2010s in Review"])
def test_titles_with_dates_links_or_numbers_stay_titles(value: str) -> None:
    assert text.not_a_title(value) is None


def test_bracketed_material_labels_leave_the_title() -> None:
    assert text.clean_title("Knotted Flows [Paper PDF] [Slides] [ video ]") == "Knotted Flows"
    assert text.clean_title("[Slides]") == "[Slides]"  # nothing left: kept, not emptied


def test_a_kind_then_by_name_is_a_people_slot() -> None:
    assert templates.by_people("Invited Lecture (by Dr. Ilona Varga)") == "Dr. Ilona Varga"
    assert templates.by_people("Ilona Varga (Uppsala)") == "Ilona Varga (Uppsala)"


_LABELLED_PARAGRAPHS = """<html><body><article><h1>Geometry Lunch</h1>
<p>Room: 2.14</p>
<p>Date: 6 March 2024</p><p>Speaker: Ilona Varga</p><p>Title: Knotted flows on surfaces</p>
<p>Abstract: We study flows whose orbits knot, and what their invariants say about the
surface they live on, with many pictures and few formulas along the way.</p>
<p><em>References: [1] Varga, Ilona, and Tomas Berg. “Knotted flows.” (2011): 101.</em></p>
<p>[2] Okafor, Nnamdi, et al. “Sparse sheaves.” Topology Letters 12 (2019): 41-57.</p>
<p>Date: 13 March 2024</p><p>Speaker: Nnamdi Okafor</p><p>Title: Sheaves with few sections</p>
<p>Abstract: Sections of a sheaf can be scarce; we count them on curves and on surfaces,
and show where the count jumps, with a detour through old examples.</p>
<p><em>References: [1] Lindqvist, M., et al. Annals of Spectra 7 (2016), pp. 3-9.</em></p>
<p>[2] Berg, Tomas, et al. “Jumps.” Curves 3 (2020): 7-19.</p>
<p>Date: 20 March 2024</p><p>Speaker: Mira Solberg</p><p>Title: Counting tilings</p>
<p>Abstract: Tilings of a strip are counted by a transfer matrix; we ask what happens on
a cylinder and on a torus, and which counts stay polynomial in the width.</p>
<p><em>References: [1] Solberg, Mira, et al. “Tiles.” Combinatorica Nova 2 (2018): 5.</em></p>
<p>[2] Varga, Ilona, et al. “Strips.” Tiling Notes 9 (2021): 88-90.</p>
</article></body></html>"""


def test_records_open_at_the_label_every_talk_starts_with() -> None:
    rows = _rows(_LABELLED_PARAGRAPHS)
    assert [(r["title"], r["speakers"][0]["name"], r["date"]) for r in rows] == [
        ("Knotted flows on surfaces", "Ilona Varga", dt.date(2024, 3, 6)),
        ("Sheaves with few sections", "Nnamdi Okafor", dt.date(2024, 3, 13)),
        ("Counting tilings", "Mira Solberg", dt.date(2024, 3, 20)),
    ]
    assert all("Okafor, Nnamdi" not in (r["abstract"] or "") for r in rows)


_KIND_BY_NAME = """<html><body><div><h2>Talks</h2><h2>2024</h2>
<ul class="talks"><b>03/06/2024 - Invited Lecture (by Ilona Varga):</b>
Knotted flows on surfaces <a href="a.pdf">[Paper PDF]</a> <a href="s.pdf">[Slides]</a></ul>
<ul class="talks"><b>03/13/2024 - Student Presentation (by Nnamdi Okafor):</b>
Sheaves with few sections <a href="b.pdf">[Paper PDF]</a> <a href="t.pdf">[Slides]</a></ul>
<ul class="talks"><b>03/20/2024 - Student Presentation (by Mira Solberg):</b>
Counting tilings <a href="c.pdf">[Paper PDF]</a> <a href="u.pdf">[Slides]</a></ul>
<h2>Committee Members</h2>
<h3>Tomas Berg</h3><div id="inline">Dr. Tomas Berg is an associate professor of
mathematics. He received his Ph.D. in 2009 and works on flows, knots and the geometry of
surfaces, with a particular interest in pictures.</div>
<h3>Astrid Holm</h3><div id="inline">Dr. Astrid Holm joined the department in 2021. Her
research is on tilings, transfer matrices and the combinatorics of strips and cylinders,
and she likes old examples.</div>
<h3>Karin Lunde</h3><div id="inline">Dr. Karin Lunde is a lecturer. She studies sheaves,
their sections and how the count of sections jumps on curves and on surfaces of higher
genus, and she runs the seminar.</div>
</div></body></html>"""


def test_date_kind_by_name_lines_and_a_committee_section() -> None:
    rows = _rows(_KIND_BY_NAME)
    assert [(r["title"], r["speakers"][0]["name"], r["date"]) for r in rows] == [
        ("Knotted flows on surfaces", "Ilona Varga", dt.date(2024, 3, 6)),
        ("Sheaves with few sections", "Nnamdi Okafor", dt.date(2024, 3, 13)),
        ("Counting tilings", "Mira Solberg", dt.date(2024, 3, 20)),
    ]


_DAY_HEADED_TABLE = """<html><body><h1>Programm 2019</h1><table>
<tr><th rowspan="2">Dienstag, 14.05.</th><td>15:00 - 17:00</td><td>Plenarvortrag:
"Wie Gletscher wandern" (Prof. Dr. Ilona Varga)</td></tr>
<tr><td>19:00</td><td>Konzert Tomas Berg, orchestra-tickets.net</td></tr>
<tr><th>Mittwoch, 15.05.</th><td>09:30 - 11:00</td><td></td></tr>
</table></body></html>"""


def test_a_day_heading_or_a_domain_is_no_title_of_any_row() -> None:
    rows = _rows(_DAY_HEADED_TABLE)
    titles = {r["title"] for r in rows}
    assert not titles & {"Dienstag, 14.05.", "Mittwoch, 15.05.", "orchestra-tickets.net"}



def _menu(heading: str, items: list[str]) -> records.Record:
    return records.Record([Block(heading, "div>h3", 3)] + [
        Block(t, "ul>li", 0, (f"/{i}",), group=100 + i) for i, t in enumerate(items)])


def test_a_menu_of_links_under_a_heading_is_no_talk() -> None:
    menus = [_menu("About the library", ["Getting Started", "Issue Tracker", "Mailing List"]),
             _menu("Related Tools", ["Official Release", "Marrow Kit", "Stonebridge"])]
    assert records.read_records(menus) == []


def test_a_name_alone_under_a_heading_is_no_talk() -> None:
    names = [records.Record([Block("Ilona Varga (Uppsala University)", "ol>li", group=1)],
                            [Block("Speakers", "h2", 2)]),
             records.Record([Block("Nnamdi Okafor (University of Lagos)", "ol>li", group=2)],
                            [Block("Speakers", "h2", 2)])]
    assert records.read_records(names) == []


_PACKED_BUTTONS = """<html><body><div><h2>Previous talks</h2>
<div class="item"><button>May 4, 2022 - Ilona Varga (Centre for Flows, Uppsala) - Uppsala
University</button><p><b>Knotted flows on surfaces</b></p><p>We study flows whose orbits
knot, and what their invariants say about the surface they live on, with pictures.</p></div>
<div class="item"><button>June 1, 2022 - Nnamdi Okafor - University of Lagos</button>
<p><b>Sheaves with few sections</b></p><p>Sections of a sheaf can be scarce; we count them
on curves and on surfaces, and show where the count jumps along the way.</p></div>
<div class="item"><button>July 6, 2022 - Mira Solberg - University of Bergen</button>
<p><b>Counting tilings of strips</b></p><p>Tilings of a strip are counted by a transfer
matrix; we ask what happens on a cylinder and which counts stay polynomial.</p></div>
</div></body></html>"""


def test_a_packed_line_ending_in_an_organisation_over_a_bold_title() -> None:
    rows = _rows(_PACKED_BUTTONS)
    assert [(r["title"], r["speakers"][0]["name"]) for r in rows] == [
        ("Knotted flows on surfaces", "Ilona Varga"),
        ("Sheaves with few sections", "Nnamdi Okafor"),
        ("Counting tilings of strips", "Mira Solberg"),
    ]


def test_a_separator_inside_parentheses_does_not_cut_the_line() -> None:
    from extractors.listing_lines import _inside_parentheses

    line = "Ilona Varga (Centre for Flows, Uppsala) - Knotted flows"
    assert _inside_parentheses(line, line.index(","))
    assert not _inside_parentheses(line, line.index(" - "))



def test_a_meal_at_a_named_place_is_no_talk_though_the_place_reads_as_a_name() -> None:
    doc = Document(path="p.html", data=b"x", sha256="0" * 64, format="html", hints=Hints())
    raws = [RawTalk(title="Dinner at", speaker_text=["Hanna Lindqvist"],
                    when_text="19:00-21:00, 8 May 2024"),
            RawTalk(title="Knotted flows on surfaces", speaker_text=["Ilona Varga"],
                    when_text="09:00-10:00, 8 May 2024")]
    rows = normalise(doc, raws, dt.datetime(2024, 1, 1, tzinfo=dt.UTC))
    assert [r["title"] for r in rows] == ["Knotted flows on surfaces"]

def test_a_long_author_list_fills_a_people_slot() -> None:
    authors = ", ".join(["Ilona Varga", "Nnamdi Okafor", "Mira Solberg", "Tomas Berg",
                         "Astrid Holm", "Karin Lunde", "Hanna Lindqvist", "Pedro Alves",
                         "Lucia Ferreira", "Omar Haddad"])
    assert templates.people_score(authors) >= templates.STRONG_PEOPLE


def _card(kind: str, speaker: str, title: str, authors: str, day: str) -> str:
    return (f'<li class="card"><div class="talk-type">{kind}</div>'
            f'<div class="talk-speaker">{speaker}</div>'
            f'<div class="talk-title">Título do artigo: {title}</div>'
            f"<div>Autores: {authors}</div><div>Data: {day}</div></li>")


_TYPED_CARDS = "<html><body><main><h2>Clube de leitura</h2><ul>" + "".join([
    _card("Journal Club", "Ilona Varga", "Knotted flows on surfaces",
          "Tomas Berg, Astrid Holm", "6 de março de 2024"),
    _card("Seminário", "Nnamdi Okafor", "Sheaves with few sections",
          "Karin Lunde, Pedro Alves", "13 de março de 2024"),
    _card("Journal Club", "Mira Solberg", "Counting tilings of strips",
          "Lucia Ferreira, Omar Haddad", "20 de março de 2024"),
]) + "</ul></main></body></html>"


def test_a_cards_type_is_no_title_and_its_authors_no_speakers() -> None:
    rows = _rows(_TYPED_CARDS)
    assert [(r["title"], [s["name"] for s in r["speakers"]]) for r in rows] == [
        ("Knotted flows on surfaces", ["Ilona Varga"]),
        ("Sheaves with few sections", ["Nnamdi Okafor"]),
        ("Counting tilings of strips", ["Mira Solberg"]),
    ]


def test_a_title_linked_to_its_pdf_stays_the_title() -> None:
    page = ("<html><body><h1>Seminars</h1><ul><li><em><a href='/pdf/varga.pdf'>Knotted "
            "flows on closed surfaces</a></em>, by <strong>Ilona Varga</strong>, "
            "14/10/2025.</li></ul></body></html>")
    rows = _rows(page)
    assert [(r["title"], r["speakers"][0]["name"]) for r in rows] == [
        ("Knotted flows on closed surfaces", "Ilona Varga")]


_PARENTHESIS_ON_ITS_OWN_LINE = """<html><body><h1>Seminar</h1><h2>Spring 2024</h2><ul>
<li>March 6, 2024<br>Ilona Varga<br>(Uppsala University) -<br>Knotted flows on surfaces</li>
<li>March 13, 2024<br>Nnamdi Okafor<br>(University of Lagos) -<br>Sheaves with few sections</li>
<li>March 20, 2024<br>Mira Solberg<br>(University of Bergen) -<br>Counting tilings of strips</li>
</ul></body></html>"""


def test_a_names_parenthesis_on_a_line_of_its_own_is_its_affiliation() -> None:
    rows = _rows(_PARENTHESIS_ON_ITS_OWN_LINE)
    assert [(r["title"], r["speakers"][0]["affiliation"]) for r in rows] == [
        ("Knotted flows on surfaces", "Uppsala University"),
        ("Sheaves with few sections", "University of Lagos"),
        ("Counting tilings of strips", "University of Bergen"),
    ]
