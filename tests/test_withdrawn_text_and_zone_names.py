"""Struck-through text is withdrawn, and ``Beijing Time`` names a zone (pages written here).

A programme strikes a cancelled talk through (``<s>``, ``<del>``, ``line-through``) rather
than deleting it: it is no talk. A time given as ``(Beijing Time)`` is China's zone, which
no city zone name (``Asia/Shanghai``) spells.
"""

from __future__ import annotations

import datetime as dt

from extractors import listing
from pipeline.normalise import dates
from pipeline.normalise.stage import normalise
from pipeline.records import Document, Hints

_PROGRAMME = """<html><body><h1>Programme</h1><h2>Tuesday 14 May 2024</h2><ul>
<li>10:00 Ilona Varga (Uppsala University): Knotted flows on surfaces</li>
<li><del>11:00 Nnamdi Okafor (University of Lagos): Sheaves with few sections</del></li>
<li>12:00 Mira Solberg (University of Bergen): Counting tilings of strips</li>
<li><span style="text-decoration: line-through">14:00 Tomas Berg (University of Oslo):
Old proofs, new pictures</span></li>
<li>15:00 Astrid Holm (Aarhus University): Transfer matrices on cylinders</li>
</ul></body></html>"""


def test_a_struck_through_talk_is_withdrawn() -> None:
    doc = Document(path="p.html", data=_PROGRAMME.encode(), sha256="0" * 64, format="html",
                   hints=Hints())
    rows = normalise(doc, listing.extract_html(doc), dt.datetime(2024, 1, 1, tzinfo=dt.UTC))
    titles = {r["title"] for r in rows}
    assert "Sheaves with few sections" not in titles
    assert "Old proofs, new pictures" not in titles
    assert "Knotted flows on surfaces" in titles


def test_beijing_time_is_chinas_zone() -> None:
    when = dates.parse_when("9:00-10:00 am (Beijing Time), June 25, 2026")
    assert when is not None and when.timezone == "Asia/Shanghai"
    assert dates.find_timezone_cue("All times are Beijing time.") == "Asia/Shanghai"


_WHEN_IN_THE_PLACE_COLUMN = """<html><body><h1>Reading group, spring 2024</h1><table>
<tr><th>Speaker</th><th>Room</th><th>Title</th></tr>
<tr><td>Ilona Varga</td><td>March 6th, 4-5pm in 2210 LSB</td>
<td><a href="/a">Knotted flows on surfaces</a></td></tr>
<tr><td>Nnamdi Okafor</td><td>March 13th, 4-5pm in 2211 LSB</td>
<td><a href="/b">Sheaves with few sections</a></td></tr>
<tr><td>Mira Solberg</td><td>March 20th, 4-5pm in 2210 LSB</td>
<td><a href="/c">Counting tilings of strips</a></td></tr>
</table></body></html>"""


def test_a_place_cell_opening_with_the_when_gives_both() -> None:
    doc = Document(path="p.html", data=_WHEN_IN_THE_PLACE_COLUMN.encode(), sha256="0" * 64,
                   format="html", hints=Hints())
    rows = normalise(doc, listing.extract_html(doc), dt.datetime(2024, 1, 1, tzinfo=dt.UTC))
    assert [(r["date"], r["location"]) for r in rows] == [
        (dt.date(2024, 3, 6), "2210 LSB"), (dt.date(2024, 3, 13), "2211 LSB"),
        (dt.date(2024, 3, 20), "2210 LSB")]
