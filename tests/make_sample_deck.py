"""Write ``data/raw/slides/sample_deck.pdf``: a small deck whose logo is set larger than
its title (run ``python -m tests.make_sample_deck``)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from fpdf import FPDF

PAGES = [
    [("QLAB", 44), ("Learning Dynamics of Wide Networks", 28), ("Kenji Watanabe", 18),
     ("Theory Seminar - March 3, 2022, 2:00 pm", 14)],
    [("QLAB", 44), ("Setup", 24), ("Kenji Watanabe and Ada Brook", 14)],
]


def build() -> bytes:
    pdf = FPDF(orientation="L", format="A4")
    pdf.set_creation_date(dt.datetime(2024, 1, 1, tzinfo=dt.UTC))  # reproducible
    for page in PAGES:
        pdf.add_page()
        pdf.set_y(20)
        for text, size in page:
            pdf.set_font("Helvetica", size=size)
            pdf.cell(0, size * 0.6, text, new_x="LMARGIN", new_y="NEXT", align="C")
            pdf.ln(4)
    return bytes(pdf.output())


if __name__ == "__main__":
    out = Path(__file__).resolve().parents[1] / "data" / "raw" / "slides" / "sample_deck.pdf"
    out.write_bytes(build())
    print(out)
