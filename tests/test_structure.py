"""Whole-document reading (``pipeline/structure``): records from repetition, one template
per document, document defaults, and readers that fail alone.

Every document here is written for this test in a shape the layout rules had no rule for;
each test shows one mechanism on its own.
"""

from __future__ import annotations

import datetime as dt

import pytest

import extractors.listing as listing
from extractors.ics import extract_calendar
from extractors.listing import extract_html, extract_markdown
from extractors.plaintext import extract as extract_text
from pipeline.normalise.stage import normalise
from pipeline.records import Document, Hints, RawTalk
from pipeline.structure import templates
from pipeline.structure.blocks import html_blocks, text_blocks
from pipeline.structure.context import fill_constants
from pipeline.structure.records import find_records

AT = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)


def _doc(text: str, fmt: str, tz: str | None = None) -> Document:
    return Document(path=f"doc.{fmt}", data=text.encode(), sha256="0", format=fmt,
                    hints=Hints(timezone=tz))


def _rows(doc: Document, raws: list[RawTalk]) -> list[dict]:
    return normalise(doc, raws, AT)


def _people(row: dict) -> list[tuple[str, str | None]]:
    return [(s["name"], s["affiliation"]) for s in row["speakers"] or []]


def _cal(*summaries: str) -> str:
    events = "".join(
        f"BEGIN:VEVENT\nUID:e{i}@test\nDTSTART:202403{5 + 7 * i:02d}T150000Z\n"
        f"DTEND:202403{5 + 7 * i:02d}T160000Z\nSUMMARY:{s}\nEND:VEVENT\n"
        for i, s in enumerate(summaries))
    return f"BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//test//EN\n{events}END:VCALENDAR\n"


# ---- one template per document ----

def test_feed_of_title_dash_dash_people() -> None:
    talks = extract_calendar(_cal(
        "Learning sparse operators on graphs -- Mei Tanaka, Olu Bello and Rafael Costa",
        "Weak convergence for branching walks -- Ines Wolf and Tomasz Nowak",
        "Category theory for chemists -- Hope White",
    ))
    assert [t.title for t in talks] == ["Learning sparse operators on graphs",
                                        "Weak convergence for branching walks",
                                        "Category theory for chemists"]
    assert [t.speaker_text for t in talks] == [["Mei Tanaka, Olu Bello and Rafael Costa"],
                                               ["Ines Wolf and Tomasz Nowak"], ["Hope White"]]


def test_feed_of_title_and_first_name_in_parentheses() -> None:
    """A lone first name is weak evidence; the feed's repetition settles the template."""
    talks = extract_calendar(_cal("Random matrices and free probability (Anna)",
                                  "Knot invariants from quantum groups (Jakob)",
                                  "Tropical curves (Priya)"))
    assert [t.title for t in talks] == ["Random matrices and free probability",
                                        "Knot invariants from quantum groups", "Tropical curves"]
    assert [t.speaker_text for t in talks] == [["Anna"], ["Jakob"], ["Priya"]]


def test_one_parenthesis_alone_is_not_a_speaker() -> None:
    """One event: ``(Part II)`` or a lone capitalised word decides nothing."""
    (talk,) = extract_calendar(_cal("Spectral sequences (Revisited)"))
    assert talk.title == "Spectral sequences (Revisited)" and talk.speaker_text == []


def test_titles_with_separators_stay_whole() -> None:
    choice = templates.choose(["Deep learning: a survey", "Topology - an introduction",
                               "Spectral methods"])
    assert choice.template is None


def test_two_topic_words_are_not_a_person_but_an_english_word_name_is() -> None:
    assert templates.people_score("Dark Matter") == 0.0
    assert templates.people_score("Hope White") >= templates.STRONG_PEOPLE


def test_one_line_items_with_dates_affiliations_and_quoted_titles() -> None:
    md = ("# Geometry seminar\n\n"
          '- 3 May 2024 Lena Fischer (ETH Zurich) and Marco Rossi (SISSA) on '
          '"Minimal surfaces in flat tori"\n'
          '- 10 May 2024 Sara Kim (KAIST) on "Rigidity of circle packings"\n'
          '- 17 May 2024 Tom Baker (Oxford) and Yui Sato (Kyoto) on "Discrete Ricci flow"\n')
    doc = _doc(md, "markdown")
    rows = _rows(doc, extract_markdown(doc))
    assert [(r["title"], r["date"]) for r in rows] == [
        ("Minimal surfaces in flat tori", dt.date(2024, 5, 3)),
        ("Rigidity of circle packings", dt.date(2024, 5, 10)),
        ("Discrete Ricci flow", dt.date(2024, 5, 17))]
    assert _people(rows[0]) == [("Lena Fischer", "ETH Zurich"), ("Marco Rossi", "SISSA")]
    assert _people(rows[2]) == [("Tom Baker", "Oxford"), ("Yui Sato", "Kyoto")]


def test_same_items_given_as_plain_text_are_read_too() -> None:
    """Sniffed as text (bullets look like markdown): the rival readings are compared."""
    text = ("Geometry seminar, spring 2024\n\n"
            '* 3 May 2024 Lena Fischer (ETH Zurich) on "Minimal surfaces in flat tori"\n'
            '* 10 May 2024 Sara Kim (KAIST) on "Rigidity of circle packings"\n'
            '* 17 May 2024 Tom Baker (Oxford) on "Discrete Ricci flow"\n')
    doc = _doc(text, "text")
    rows = _rows(doc, extract_text(doc))
    assert sorted(r["title"] for r in rows) == ["Discrete Ricci flow",
                                                "Minimal surfaces in flat tori",
                                                "Rigidity of circle packings"]
    assert {_people(r)[0] for r in rows} == {("Lena Fischer", "ETH Zurich"),
                                            ("Sara Kim", "KAIST"), ("Tom Baker", "Oxford")}


# ---- records from repetition ----

BOLD_TIMES = """<html><body><h1>Workshop on Inverse Problems, 14 June 2023</h1>
<p><strong>09:30 – 10:15</strong></p>
<p>Ana Lima (University of Porto)</p>
<p>Stability estimates for Calderón's problem</p>
<p><strong>10:15 – 11:00</strong></p>
<p>Karl Berg (KTH)</p>
<p>Learned iterative reconstruction</p>
<p><strong>11:30 – 12:15</strong></p>
<p>Nadia Haddad (Inria)</p>
<p>Photoacoustic tomography with sparse data</p>
</body></html>"""


def test_bold_time_lines_separate_the_records() -> None:
    doc = _doc(BOLD_TIMES, "html", tz="Europe/Stockholm")
    rows = sorted(_rows(doc, extract_html(doc)), key=lambda r: r["start"])
    assert [r["title"] for r in rows] == ["Stability estimates for Calderón's problem",
                                          "Learned iterative reconstruction",
                                          "Photoacoustic tomography with sparse data"]
    assert [_people(r) for r in rows] == [[("Ana Lima", "University of Porto")],
                                          [("Karl Berg", "KTH")], [("Nadia Haddad", "Inria")]]
    assert rows[0]["start"] == dt.datetime(2023, 6, 14, 7, 30, tzinfo=dt.UTC)
    assert rows[2]["end"] == dt.datetime(2023, 6, 14, 10, 15, tzinfo=dt.UTC)


def test_the_opener_is_the_repeated_shape_not_a_tag_name() -> None:
    from bs4 import BeautifulSoup

    root = BeautifulSoup(BOLD_TIMES, "lxml").body
    records = find_records(html_blocks(root))
    assert len(records) == 3
    assert all(r.blocks[0].signature == records[0].blocks[0].signature for r in records)
    assert records[0].context[0].text.startswith("Workshop on Inverse Problems")


def test_text_lines_have_shapes() -> None:
    blocks = text_blocks("Talks\n=====\n\n- 3 May: A\n  indented\n10:00-11:00\n")
    assert blocks[0].heading == 1
    assert "bullet" in blocks[1].signature and "date-led" in blocks[1].signature
    assert "indent" in blocks[2].signature and blocks[3].signature.endswith(":time")


# ---- readers merged ----

def test_microdata_start_date_written_as_prose_is_read_as_text() -> None:
    html = """<html><body>
    <div itemscope itemtype="https://schema.org/Event"><h2 itemprop="name">Sheaf cohomology
    in data analysis</h2><div itemprop="performer" itemscope itemtype="https://schema.org/Person">
    <span itemprop="name">Leila Haddad</span></div>
    <meta itemprop="startDate" content="Thursday, 12 October 2023, 4:00 pm"></div>
    </body></html>"""
    doc = _doc(html, "html", tz="Europe/London")
    (row,) = _rows(doc, extract_html(doc))
    assert row["start"] == dt.datetime(2023, 10, 12, 15, 0, tzinfo=dt.UTC)
    assert "event startDate is not ISO 8601: read as text" in row["warnings"]


def test_a_reader_that_raises_beside_one_that_works(monkeypatch: pytest.MonkeyPatch) -> None:
    """The repetition reader fails: the layout rules' talks stand, with a warning."""
    import pipeline.structure.records as records

    def boom(blocks: object) -> object:
        raise ValueError("reader bug")

    monkeypatch.setattr(records, "find_records", boom)
    html = ("<html><body><h1>Seminar 2024</h1><h2>Ana Lima: Stability of waves</h2>"
            "<p>March 3, 2024</p><h2>Karl Berg: Learned reconstruction</h2>"
            "<p>March 10, 2024</p></body></html>")
    talks = extract_html(_doc(html, "html"))
    assert [t.title for t in talks] == ["Stability of waves", "Learned reconstruction"]
    assert all("repetition reader failed: ValueError: reader bug" in t.warnings for t in talks)


def test_the_rules_failing_leave_the_repetition_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*args: object, **kwargs: object) -> object:
        raise KeyError("rules bug")

    monkeypatch.setattr(listing, "_extract_soup", boom)
    doc = _doc(BOLD_TIMES, "html")
    talks = extract_html(doc)
    assert len(talks) == 3 and all(t.speaker_text for t in talks)
    assert any("layout rules failed" in w for w in talks[0].warnings)


# ---- document context ----

def test_a_value_all_records_share_becomes_the_default() -> None:
    talks = [RawTalk(title=f"T{i}", location="Room 101") for i in range(4)]
    talks.append(RawTalk(title="T4"))
    fill_constants(talks)
    assert talks[-1].location == "Room 101"
    assert "location taken from the document's other records" in talks[-1].warnings
    assert talks[0].warnings == []


def test_records_that_disagree_give_no_default() -> None:
    talks = [RawTalk(title="A", location="Room 1"), RawTalk(title="B", location="Room 2"),
             RawTalk(title="C", location="Room 1"), RawTalk(title="D")]
    fill_constants(talks)
    assert talks[-1].location is None


def test_labels_are_learnt_from_their_repetition() -> None:
    """``Intervenant :`` is in no vocabulary; repeated before names, it names the speaker,
    and a repeated label that fits no field (``Salle``-less ``Catégorie``) is dropped."""
    cards = "".join(
        f"<div class='card'><h3>{title}</h3><p>{day}</p><h5>Intervenant : {who}</h5>"
        f"<p>Catégorie : séminaire interne</p></div><hr>"
        for title, day, who in [
            ("Équations cinétiques et limites hydrodynamiques", "12.10.2023", "Claire Martin"),
            ("Transport optimal sur les graphes", "19.10.2023", "Hugo Lefèvre"),
            ("Méthodes spectrales pour les ondes", "26.10.2023", "Inès Dubois"),
        ])
    doc = _doc(f"<html><body><h2>Séminaires</h2>{cards}</body></html>", "html")
    rows = _rows(doc, extract_html(doc))
    assert [(r["title"], _people(r), r["date"]) for r in rows] == [
        ("Équations cinétiques et limites hydrodynamiques", [("Claire Martin", None)],
         dt.date(2023, 10, 12)),
        ("Transport optimal sur les graphes", [("Hugo Lefèvre", None)], dt.date(2023, 10, 19)),
        ("Méthodes spectrales pour les ondes", [("Inès Dubois", None)], dt.date(2023, 10, 26)),
    ]
    assert all(r["abstract"] is None for r in rows)


# ---- calendars hold non-talks too ----

def test_feed_meetings_and_recurring_events_naming_nobody_are_not_talks() -> None:
    text = ("BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//test//EN\n"
            "BEGIN:VEVENT\nUID:m@test\nDTSTART:20240103T150000Z\nDTEND:20240103T160000Z\n"
            "RRULE:FREQ=WEEKLY;COUNT=40\nSUMMARY:Lab coffee hour\nEND:VEVENT\n"
            "BEGIN:VEVENT\nUID:w@test\nDTSTART:20240110T170000Z\n"
            "SUMMARY:Data WG Biweekly Meeting\nEND:VEVENT\n"
            "BEGIN:VEVENT\nUID:t@test\nDTSTART:20240117T170000Z\n"
            "SUMMARY:Mei Tanaka: Learning sparse operators on graphs\nEND:VEVENT\n"
            "END:VCALENDAR\n")
    doc = _doc(text, "ics")
    from extractors.ics import extract

    raws = extract(doc)
    assert len(raws) == 42  # every occurrence is read, and judged
    rows = _rows(doc, raws)
    assert [(r["title"], _people(r)) for r in rows] == [
        ("Learning sparse operators on graphs", [("Mei Tanaka", None)])]
    reasons = {w for t in raws for w in t.warnings}
    assert "a recurring event naming nobody: not a talk" in reasons
    assert any(w.endswith("a meeting, break or social naming nobody: not a talk")
               for w in reasons)


def test_a_tag_every_summary_carries_is_not_part_of_the_title() -> None:
    talks = extract_calendar(_cal("[plenary] Keynote - Cory Smith", "[plenary] Lynn Park: Async",
                                  "[plenary] Panel on packaging"))
    assert [t.title for t in talks][1:] == ["Async", "Panel on packaging"]
    assert templates.constant_tag(["[a] x", "[a] y", "z"]) is None


def test_a_record_lacking_what_its_siblings_have_is_not_a_talk() -> None:
    """Five agenda items name a speaker; the sixth (``Lunchtime Event``) names nobody."""
    from pipeline.normalise.stage import normalise_document

    raws = [RawTalk(title=f"Waves in medium {i}", speaker_text=[f"Ana Lima{'n' * i}"],
                    when_text="3 May 2024") for i in range(5)]
    raws.append(RawTalk(title="Lunchtime Event", when_text="3 May 2024"))
    raws.append(RawTalk(title="Local:", when_text="4 May 2024"))
    rows, notes = normalise_document(_doc("x", "text"), raws, AT)
    assert [r["title"] for r in rows] == [f"Waves in medium {i}" for i in range(5)]
    assert any("names nobody where 5 of 6 records" in n and "Lunchtime Event" in n
               for n in notes)
    assert any("title is a bare label" in n for n in notes)


def test_session_headings_and_org_links_are_read_for_what_they_are() -> None:
    from pipeline.normalise.stage import normalise_document
    from pipeline.normalise.text import clean_text

    assert clean_text("[[http://x.org/a.pdf][Lattice sieving]] at [[http://y.org]]") == \
        "Lattice sieving at http://y.org"
    raws = [RawTalk(title="Session 3: Building co-creative systems", when_text="3 May 2024"),
            RawTalk(title="Local:", speaker_text=["Ana Lima"], when_text="3 May 2024")]
    rows, notes = normalise_document(_doc("x", "text"), raws, AT)
    assert [(r["title"], _people(r)) for r in rows] == [(None, [("Ana Lima", None)])]
    assert any("a session heading naming nobody" in n for n in notes)


def test_theme_wrapper_marked_as_furniture_is_kept_when_it_holds_the_page() -> None:
    """A docs theme wraps the content in ``div.has-aside``: not a sidebar to remove."""
    rows_html = "".join(f"<tr><td>Sep. {d}</td><td>{who} (POSTECH)</td><td>{title}</td></tr>"
                        for d, who, title in [(6, "Younghwan Son", "Ergodic averages"),
                                              (13, "Mina Park", "Rigid analytic spaces"),
                                              (20, "Joon Lee", "Random walks on groups")])
    html = (f"<html><body><div class='doc has-aside'><h1>2024 Fall Colloquium</h1>"
            f"<table><tr><th>Date</th><th>Speaker</th><th>Title</th></tr>{rows_html}</table>"
            f"<p>{'The colloquium meets on Fridays in the main lecture hall. ' * 8}</p></div>"
            "<div class='aside'>Other events</div></body></html>")
    talks = extract_html(_doc(html, "html"))
    assert [t.title for t in talks] == ["Ergodic averages", "Rigid analytic spaces",
                                        "Random walks on groups"]


def test_a_label_alone_on_its_line_takes_the_next_line_as_its_value() -> None:
    from pipeline.structure.blocks import join_labels

    blocks = text_blocks("Data:\nQuinta-feira, 27 de março de 2025\nLocal:\nSala 5\n")
    assert [b.text for b in blocks] == ["Data: Quinta-feira, 27 de março de 2025",
                                        "Local: Sala 5"]
    assert join_labels([]) == []


def test_data_files_in_any_naming_and_shape() -> None:
    """``- seminar: {speaker:, workplace:, schedule:}`` items and records keyed by slug."""
    listed = ('- seminar:\n    speaker: "<a href=\\"https://x.org\\">Ana Lima</a>"\n'
              '    workplace: "University of Porto"\n    schedule: "September 8, 2015"\n'
              '    title: "Stability of waves"\n'
              '- seminar:\n    speaker: Karl Berg\n    workplace: KTH\n'
              '    schedule: "September 15, 2015"\n    title: Learned reconstruction\n')
    doc = _doc(listed, "markdown")
    rows = _rows(doc, extract_markdown(doc))
    assert [(r["title"], _people(r), r["date"]) for r in rows] == [
        ("Stability of waves", [("Ana Lima", "University of Porto")], dt.date(2015, 9, 8)),
        ("Learned reconstruction", [("Karl Berg", "KTH")], dt.date(2015, 9, 15))]
    keyed = ("lima:\n  title: Stability of waves\n  authors:\n    - name: Ana Lima\n"
             "berg:\n  title: Learned reconstruction\n  authors:\n    - name: Karl Berg\n")
    doc = _doc(keyed, "markdown")
    assert [t.speaker_text for t in extract_markdown(doc)] == [["Ana Lima"], ["Karl Berg"]]


def test_a_one_talk_page_given_only_as_front_matter() -> None:
    page = ("---\ntitle: Sheaves in data analysis\nspeaker: Leila Haddad\n"
            "institution: University of Edinburgh\ndatetime: 2023-10-12 16:00\n"
            "place: Bayes Centre 5.02\n---\n")
    doc = _doc(page, "markdown", tz="Europe/London")
    (row,) = _rows(doc, extract_markdown(doc))
    assert row["title"] == "Sheaves in data analysis"
    assert _people(row) == [("Leila Haddad", "University of Edinburgh")]
    assert row["start"] == dt.datetime(2023, 10, 12, 15, 0, tzinfo=dt.UTC)
    assert row["location"] == "Bayes Centre 5.02"


def test_a_speaker_named_only_in_the_description_prose() -> None:
    text = ("BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//t//EN\nBEGIN:VEVENT\nUID:p@t\n"
            "DTSTART:20240305T150000Z\nSUMMARY:Move semantics in practice\n"
            "DESCRIPTION:Presented by Rob Douglas. Recording to follow.\nEND:VEVENT\n"
            "END:VCALENDAR\n")
    (talk,) = extract_calendar(text)
    assert talk.title == "Move semantics in practice" and talk.speaker_text == ["Rob Douglas"]


def test_a_deck_that_says_so_in_its_front_matter_is_one_talk() -> None:
    deck = ('---\ntitle: "Sparse solvers at scale"\nauthor: "Ana Lima<sup>1</sup>"\n'
            'date: "2024-06-20"\nformat:\n  revealjs:\n    incremental: true\n---\n\n'
            "## Background\n\nSome context.\n\n## Method\n\n- Step one\n\n## Results\n\nGood.\n")
    (talk,) = extract_markdown(_doc(deck, "markdown"))
    assert (talk.title, talk.speaker_text, talk.when_text) == (
        "Sparse solvers at scale", ["Ana Lima"], "2024-06-20")


def _pdf(pages: list[list[tuple[int, str]]]) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    for lines in pages:
        pdf.add_page()
        for size, text in lines:
            pdf.set_font("Helvetica", size=size)
            pdf.cell(0, size * 0.6, text, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def test_a_pdf_programme_is_a_listing_and_a_deck_stays_one_talk() -> None:
    from extractors.slides import extract_pdf

    programme = _pdf([[
        (18, "Workshop on Inverse Problems"), (12, "Tuesday 14 June 2023"),
        (11, "09:30 - 10:15"), (11, "Ana Lima (University of Porto)"),
        (11, "Stability estimates for the Calderon problem"),
        (11, "10:15 - 11:00"), (11, "Karl Berg (KTH)"), (11, "Learned iterative reconstruction"),
        (11, "11:30 - 12:15"), (11, "Nadia Haddad (Inria)"),
        (11, "Photoacoustic tomography with sparse data"),
        (11, "12:15 - 13:00"), (11, "Omar Said (EPFL)"), (11, "Sampling theorems for tomography"),
    ]])
    doc = Document(path="programme.pdf", data=programme, sha256="0", format="pdf",
                   hints=Hints(timezone="Europe/Stockholm"))
    rows = _rows(doc, extract_pdf(doc))
    assert [r["title"] for r in rows] == ["Stability estimates for the Calderon problem",
                                          "Learned iterative reconstruction",
                                          "Photoacoustic tomography with sparse data",
                                          "Sampling theorems for tomography"]
    assert rows[0]["start"] == dt.datetime(2023, 6, 14, 7, 30, tzinfo=dt.UTC)
    deck = _pdf([[(28, "Learned iterative reconstruction"), (14, "Karl Berg"), (12, "KTH")],
                 [(20, "Motivation"), (12, "Why learn the solver?")]])
    (talk,) = extract_pdf(Document(path="deck.pdf", data=deck, sha256="0", format="pdf"))
    assert talk.title == "Learned iterative reconstruction"


def test_pandoc_attribute_spans_and_classes_name_the_fields() -> None:
    md = ("# Reading group\n\n"
          "### 13 Oct 2023 {.talk-date}\n\n[Ana Lima]{.speaker-name} [University of Porto]{.org}"
          "\n\n[Stability of waves]{.talk-title}\n\n"
          "### 20 Oct 2023 {.talk-date}\n\n[Karl Berg]{.speaker-name} [KTH]{.org}\n\n"
          "[Learned reconstruction]{.talk-title}\n\n"
          "### 27 Oct 2023 {.talk-date}\n\n[Ines Wolf]{.speaker-name} [TU Wien]{.org}\n\n"
          "[Branching walks]{.talk-title}\n")
    from pipeline.structure.blocks import Block
    from pipeline.structure.records import class_field

    assert class_field(Block("Ana Lima", "part.speaker-name")) == "speaker"
    assert class_field(Block("x", "div>p.talk-title")) == "title"
    assert class_field(Block("x", "div>p.lead")) is None
    doc = _doc(md, "markdown")
    rows = _rows(doc, extract_markdown(doc))
    assert sorted((r["title"], r["date"]) for r in rows) == [
        ("Branching walks", dt.date(2023, 10, 27)),
        ("Learned reconstruction", dt.date(2023, 10, 20)),
        ("Stability of waves", dt.date(2023, 10, 13))]


def test_agenda_slots_naming_nobody_are_not_talks() -> None:
    from pipeline.normalise.stage import normalise_document

    raws = [RawTalk(title=t, when_text="3 May 2024") for t in
            ("Keynote", "Invited talk", "Workshop Opening", "Presentation of accepted contribution",
             "A", "Keynote: The shape of data")]
    rows, notes = normalise_document(_doc("x", "text"), raws, AT)
    assert [r["title"] for r in rows] == ["A", "The shape of data"]  # the label is the kind
    assert sum("an agenda slot naming nobody" in n for n in notes) == 4


def test_an_org_mode_abstract_is_one_talk_whatever_sniffing_said() -> None:
    org = ("#+TITLE: Toolbox for geospatial time series\n#+AUTHOR: Ana Lima\n"
           "#+OPTIONS: toc:nil\n* Abstract\n\nEarth observation data is often analysed image"
           " by image.\nWe show a toolbox that reads time series instead.\n* Speaker bio\n\n"
           "Ana Lima works on remote sensing.\n")
    for fmt, read in (("text", extract_text), ("markdown", extract_markdown)):
        (talk,) = read(_doc(org, fmt))
        assert talk.title == "Toolbox for geospatial time series", fmt
        assert talk.abstract and talk.abstract.startswith("Earth observation data"), fmt


def test_a_term_page_of_one_academic_year() -> None:
    text = ("Mathematics Colloquium 2022-23\n\nAutumn Term\n\n"
            "13 Oct: Ana Lima (Porto) - Stability of waves\n"
            "27 Oct: Karl Berg (KTH) - Learned reconstruction\n\nSpring Term\n\n"
            "9 Feb: Ines Wolf (TU Wien) - Branching walks\n"
            "13 Mar: Tom Baker (Oxford) - Discrete Ricci flow\n")
    doc = _doc(text, "text")
    assert [r["date"] for r in _rows(doc, extract_text(doc))] == [
        dt.date(2022, 10, 13), dt.date(2022, 10, 27), dt.date(2023, 2, 9), dt.date(2023, 3, 13)]


def test_a_posting_line_dates_a_header_block_with_two_digit_years() -> None:
    text = ("Posted by Jane Roe on 28-Jan-97\n\nTitle: Parallel graph reduction\n"
            "Speaker: Ana Lima, University of Porto\nDate: 03-Feb-97\nTime: 3:30 PM\n"
            "Room: Wean Hall 5409\n\nAbstract: We show how to reduce graphs in parallel.\n")
    doc = _doc(text, "text", tz="America/New_York")
    (row,) = _rows(doc, extract_text(doc))
    assert row["title"] == "Parallel graph reduction"
    assert row["date"] == dt.date(1997, 2, 3)
    assert row["start"] == dt.datetime(1997, 2, 3, 20, 30, tzinfo=dt.UTC)
    assert _people(row) == [("Ana Lima", "University of Porto")]


def test_a_year_less_date_is_read_by_the_documents_update_line() -> None:
    text = ("Seminar\n\nSpeaker: Ana Lima\nTitle: Parallel graph reduction\n"
            "Date: Monday, Oct 7, 4pm\n\nUpdated Sep 20, 2019\n")
    doc = _doc(text, "text", tz="America/New_York")
    (row,) = _rows(doc, extract_text(doc))
    assert row["date"] == dt.date(2019, 10, 7)


def test_a_stacked_line_announcement_with_no_labels() -> None:
    text = "Tuesday, March 5, 2024\n2:00-3:15\nHall 212\nQuantum dots in biology\nMaria Santos\n"
    doc = _doc(text, "text", tz="Europe/Lisbon")
    (row,) = _rows(doc, extract_text(doc))
    assert (row["title"], _people(row), row["location"]) == (
        "Quantum dots in biology", [("Maria Santos", None)], "Hall 212")
    assert (row["start"], row["end"]) == (dt.datetime(2024, 3, 5, 14, tzinfo=dt.UTC),
                                          dt.datetime(2024, 3, 5, 15, 15, tzinfo=dt.UTC))


def test_an_announcement_in_prose_names_speaker_room_and_time_only_in_sentences() -> None:
    text = ("The institute welcomes Dr. Maria Santos, Professor of Physics from Lisbon, who "
            "speaks on Tuesday, March 5, 2024 at 4 PM in Main Hall 140 on \"Quantum dots in "
            "biology\".\n")
    doc = _doc(text, "text", tz="Europe/Lisbon")
    (row,) = _rows(doc, extract_text(doc))
    assert row["title"] == "Quantum dots in biology"
    assert [s["name"] for s in row["speakers"]] == ["Maria Santos"]
    assert row["start"] == dt.datetime(2024, 3, 5, 16, tzinfo=dt.UTC)
    assert row["location"] == "Main Hall 140"


def test_inline_title_beside_a_block_child_and_items_kept_whole() -> None:
    """``<li><a><q>Title</q></a><p class="auth">Names</p></li>``: the link text is a block
    of its own, and a partition never cuts an item in two."""
    items = "".join(
        f'<li><a href="#t{i}"><q>{title}</q></a><p class="auth">{who}</p></li>'
        for i, (title, who) in enumerate([
            ("Community Devs: How a Non-profit Supports Indie Game Makers",
             "Heather Cole (West Virginia University)"),
            ("Kart Racing at the Fall of the Berlin Wall", "Greg Lord (Northeastern University)"),
            ("Cyber-Play: Interactive Digital Storytelling", "Sara Cantwell (SUNY Potsdam)"),
        ]))
    html = (f"<html><body><main><h2>Monday, May 20, 2024</h2><h3>Session 1</h3><ul>{items}</ul>"
            "</main></body></html>")
    from bs4 import BeautifulSoup

    blocks = html_blocks(BeautifulSoup(html, "lxml").main)
    assert [b.signature for b in blocks[2:4]] == ["li#inline", "li>p.auth"]
    assert blocks[2].group == blocks[3].group != blocks[4].group
    records = find_records(blocks)
    assert [[b.text[:10] for b in r.blocks] for r in records] == [
        ["Community ", "Heather Co"], ["Kart Racin", "Greg Lord "], ["Cyber-Play", "Sara Cantw"]]


def test_a_data_file_with_tabs_where_yaml_wants_spaces() -> None:
    data = ('seminars:\n  - title:\t"Stability of waves"\n    speaker: "Ana Lima (Porto)"\n'
            "    date: 2023-10-25 16:15\n  - title:\t\"Learned reconstruction\"\n"
            '    speaker: "Karl Berg (KTH)"\n    date: 2023-11-08 16:15\n')
    talks = extract_markdown(_doc(data, "markdown"))
    assert [(t.title, t.speaker_text) for t in talks] == [
        ("Stability of waves", ["Ana Lima (Porto)"]),
        ("Learned reconstruction", ["Karl Berg (KTH)"])]
