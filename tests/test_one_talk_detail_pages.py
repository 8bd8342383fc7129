"""A talk's own detail page: every field stated once, no siblings to learn a shape from.

The pages here are written for these tests: a card whose inline fields are separated by
``<br>`` only (with pictographs before the labels), a page in Portuguese whose labels are
``Quem``/``Onde``/``Quando`` under a heading with the title, a page whose heading is the
speaker's name and whose title is a teaser line, and two pages that must give no talk (a
page labelling two speakers, a profile page with a labelled name and nothing else).
"""

from __future__ import annotations

import datetime as dt

from bs4 import BeautifulSoup

from extractors import listing
from pipeline.normalise.stage import normalise
from pipeline.records import Document, Hints
from pipeline.structure.blocks import html_blocks


def _rows(html: str) -> list[dict]:
    doc = Document(path="detail.html", data=html.encode("utf-8"), sha256="0" * 64,
                   format="html", hints=Hints())
    return normalise(doc, listing.extract_html(doc), dt.datetime(2024, 1, 1, tzinfo=dt.UTC))


CARD = """<html><body>
<div class="top"><a href="/">Quantum Reading Group</a></div>
<div class="box">
  <b>Entanglement Witnesses Without Tomography</b><br><br>
  <span>🧑‍🔬 Speaker: Ilse Vandermeer</span><br><br>
  <span>🗓️ Time: 2023/03/09</span><br><br>
  <span>📄 Abstract:</span><br>
  <div>We show how a handful of local measurements certifies entanglement in many-body
  states without reconstructing the state, and what this costs in the number of samples
  one needs to collect from the device.</div>
</div>
<p>© Quantum Reading Group</p>
</body></html>"""


def test_br_separated_inline_fields_are_blocks_of_their_own() -> None:
    soup = BeautifulSoup(CARD, "lxml")
    texts = [b.text for b in html_blocks(soup.body)]
    assert "Entanglement Witnesses Without Tomography" in texts
    assert "🧑‍🔬 Speaker: Ilse Vandermeer" in texts


def test_card_with_pictograph_labels() -> None:
    (row,) = _rows(CARD)
    assert row["title"] == "Entanglement Witnesses Without Tomography"
    assert [s["name"] for s in row["speakers"]] == ["Ilse Vandermeer"]
    assert row["date"] == dt.date(2023, 3, 9)
    assert row["abstract"].startswith("We show how a handful")


PORTUGUESE = """<html><body><div id="content">
<h1>Redes de transporte e a propagação de epidemias</h1>
<h3>12 Março 2019 ·</h3>
<ul>
  <li><b>Quem</b>: Mariana Teixeira Lopes</li>
  <li><b>Onde</b>: Edifício Central, sala 204</li>
  <li><b>Quando</b>: 12 de Março de 2019 às 15:30h</li>
</ul>
<p>Modelos de metapopulação descrevem como a mobilidade entre cidades acelera a chegada de
uma epidemia; nesta palestra discutimos estimativas a partir de dados de bilhetagem.</p>
<h2>Informações para visitantes</h2>
<p>A entrada é livre e não exige inscrição prévia de nenhum tipo para o público geral.</p>
</div></body></html>"""


def test_labels_in_another_language() -> None:
    (row,) = _rows(PORTUGUESE)
    assert row["title"] == "Redes de transporte e a propagação de epidemias"
    assert [s["name"] for s in row["speakers"]] == ["Mariana Teixeira Lopes"]
    assert row["location"] == "Edifício Central, sala 204"
    assert row["date"] == dt.date(2019, 3, 12)
    assert row["abstract"].startswith("Modelos de metapopulação")
    assert "entrada" not in row["abstract"]  # the next section is the page's


TEASER = """<html><body><article>
<p class="kicker">4 October 2022</p>
<h1>Tomasz Wierzbicki</h1>
<p class="lede">Sparse Solvers on Heterogeneous Clusters</p>
<p>Speaker: <strong>Tomasz Wierzbicki</strong>, Research Engineer at Lumen Computing</p>
<p><a href="/archive">Archive</a></p>
</article></body></html>"""


def test_heading_with_the_speakers_name_and_a_teaser_title() -> None:
    (row,) = _rows(TEASER)
    assert row["title"] == "Sparse Solvers on Heterogeneous Clusters"
    assert row["speakers"][0]["name"] == "Tomasz Wierzbicki"
    assert row["date"] == dt.date(2022, 10, 4)


def test_two_labelled_speakers_are_not_one_talk_page() -> None:
    html = """<html><body><main>
    <h1>Two announcements</h1>
    <p>Speaker: Ana Duarte</p><p>Speaker: Bruno Costa</p>
    </main></body></html>"""
    assert _rows(html) == []


def test_a_labelled_name_with_no_title_or_date_is_no_talk() -> None:
    html = """<html><body><main><p>Speaker: Ana Duarte</p>
    <p>Ana Duarte works on category theory and its uses in the design of type systems
    for functional languages, with a side interest in proof assistants.</p></main></body></html>"""
    assert _rows(html) == []


POST = """<html><body><nav><ul><li><a href="/">Home</a></li><li><a href="/talks">Talks</a></li>
</ul></nav><div id="content"><h1 class="headline"> Ice Shelves and the Tides </h1>
<h3 class="meta"> 14 March 2024 <span>&middot;</span></h3>
<div class="post"><ul><li><b>Speaker</b>: Mirja Koskinen</li>
<li><b>Room</b>: Hall B, second floor</li><li><b>Time</b>: 14 March 2024, 3-4pm</li></ul>
<p>Tidal flexure controls where ice shelves fracture; we combine radar and gravimetry to
map it around the whole continent.</p></div></div></body></html>"""


def test_a_post_heading_over_a_date_heading_is_the_title() -> None:
    """A blog-style post: the title heading, then a heading holding only the post's date
    (read as a date heading, so the record under it has no title of its own)."""
    [row] = _rows(POST)
    assert row["title"] == "Ice Shelves and the Tides"
    assert [s["name"] for s in row["speakers"]] == ["Mirja Koskinen"]
    assert row["date"] == dt.date(2024, 3, 14)
    assert row["location"] == "Hall B, second floor"
