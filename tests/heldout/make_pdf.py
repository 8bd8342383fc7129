"""Generate the held-out PDF deck (run once; the small PDF is committed).

Core fonts only, so the file stays small and needs no font files.
Usage: ``.venv/bin/python tests/heldout/make_pdf.py``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from fpdf import FPDF

OUT = Path(__file__).resolve().parent / "docs" / "pde_sensors_deck.pdf"
CREATED = dt.datetime(2025, 5, 1, tzinfo=dt.UTC)

SLIDES: list[list[tuple[str, int, bool]]] = [
    [
        ("Numerical Analysis Seminar", 12, False),
        ("Learning PDE Solutions", 28, True),
        ("from Sparse Sensors", 28, True),
        ("Tobias Lindgren-Mbeki", 18, False),
        ("Department of Mathematics, KTH Royal Institute of Technology", 13, False),
        ("Uppsala University, 14 May 2025", 12, False),
    ],
    [
        ("The problem", 24, True),
        ("- A few point sensors on a heat-conducting plate", 14, False),
        ("- Unknown initial condition and source", 14, False),
        ("- Goal: reconstruct the full temperature field", 14, False),
    ],
    [
        ("Conclusions", 24, True),
        ("- Sensor placement matters more than network width", 14, False),
        ("- Code: github.com/example/sparse-pde", 14, False),
    ],
]


def main() -> None:
    """Write one landscape page per slide with centred lines and a page number."""
    pdf = FPDF(orientation="L", unit="mm", format=(120, 213))
    pdf.set_creation_date(CREATED)
    pdf.set_auto_page_break(False)
    for number, slide in enumerate(SLIDES, start=1):
        pdf.add_page()
        pdf.set_y(18)
        for text, size, bold in slide:
            pdf.set_font("Helvetica", "B" if bold else "", size)
            pdf.cell(0, size * 0.55, text, align="C", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        pdf.set_y(-12)
        pdf.set_font("Helvetica", "", 9)
        pdf.cell(0, 5, str(number), align="R")
    pdf.output(str(OUT))


if __name__ == "__main__":
    main()
