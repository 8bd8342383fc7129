"""Programmes whose talks sit inside a session or a grid, on pages written for these tests.

A session row that names its chair and lists its papers as ``A and B. Title`` gives one
talk per paper (the chair is no speaker); a grid whose columns are days and whose cells
hold only a name gives one talk per cell, on the column's day at the row's time.
"""

from __future__ import annotations

import datetime as dt

from extractors import listing
from pipeline.normalise.stage import normalise
from pipeline.records import Document, Hints
from pipeline.structure import templates


def _rows(html: str) -> list[dict]:
    doc = Document(path="programme.html", data=html.encode("utf-8"), sha256="0" * 64,
                   format="html", hints=Hints())
    return normalise(doc, listing.extract_html(doc), dt.datetime(2024, 1, 1, tzinfo=dt.UTC))


SESSIONS = """<html><body><main><h1>Workshop on Tidal Energy Modelling</h1>
<table>
<tr><th>Slot</th><th>Programme</th></tr>
<tr><td>10:00</td><td><p><em>Session A: Turbines</em></p><p>Moderator: Helga Brandvold</p>
<ul>
<li>Oskar Lindqvist and Marta Pereira. Wake Recovery Behind Ducted Rotors</li>
<li>Yusuf Demir. Blade Fatigue Under Turbulent Inflow</li>
<li>Anneke de Vries, Pieter Smit and Lotte Bakker. Array Layouts for Narrow Straits</li>
</ul></td></tr>
<tr><td>11:30</td><td><p><em>Session B: Grids</em></p><p>Chair: Tomas Novak</p>
<ul>
<li>Ingrid Solberg. Storage Sizing for Tidal Farms</li>
<li>Rafael Ortiz and Chen Wei. Forecasting Tidal Power Output</li>
</ul></td></tr>
</table></main></body></html>"""


def test_a_sessions_listed_papers_are_its_talks_and_its_chair_no_speaker() -> None:
    rows = _rows(SESSIONS)
    got = sorted((r["title"], tuple(s["name"] for s in r["speakers"])) for r in rows)
    assert got == sorted([
        ("Wake Recovery Behind Ducted Rotors", ("Oskar Lindqvist", "Marta Pereira")),
        ("Blade Fatigue Under Turbulent Inflow", ("Yusuf Demir",)),
        ("Array Layouts for Narrow Straits", ("Anneke de Vries", "Pieter Smit",
                                              "Lotte Bakker")),
        ("Storage Sizing for Tidal Farms", ("Ingrid Solberg",)),
        ("Forecasting Tidal Power Output", ("Rafael Ortiz", "Chen Wei")),
    ])


def test_citation_style_items_choose_the_full_stop_template() -> None:
    items = ["Oskar Lindqvist and Marta Pereira. Wake Recovery Behind Ducted Rotors",
             "Anneke de Vries, Pieter Smit and Lotte Bakker. Array Layouts for Narrow Straits",
             "Yusuf Demir. Blade Fatigue Under Turbulent Inflow"]
    choice = templates.choose(items)
    reading = choice.read(items[1])
    assert reading is not None
    assert reading.title == "Array Layouts for Narrow Straits"
    assert reading.people == "Anneke de Vries, Pieter Smit and Lotte Bakker"


GRID = """<html><body><main><h1>Doctoral Day 2021</h1>
<table>
<tr><th>Time</th><th>Monday 8 March 2021</th><th>Tuesday 9 March 2021</th></tr>
<tr><td>14:00 - 14:40</td><td>Sofia Almeida</td><td>Jakub Nowicki</td></tr>
<tr><td>14:40 - 15:00</td><td>Coffee</td><td>Coffee</td></tr>
<tr><td>15:00 - 15:40</td><td>Elif Kaya</td><td>Matteo Ferraro</td></tr>
</table></main></body></html>"""


def test_a_grid_of_days_with_name_cells() -> None:
    rows = _rows(GRID)
    got = sorted((r["speakers"][0]["name"], r["date"]) for r in rows)
    assert got == [
        ("Elif Kaya", dt.date(2021, 3, 8)),
        ("Jakub Nowicki", dt.date(2021, 3, 9)),
        ("Matteo Ferraro", dt.date(2021, 3, 9)),
        ("Sofia Almeida", dt.date(2021, 3, 8)),
    ]
    assert all(r["location"] is None for r in rows)  # a day column is not a room
