"""Generate the two slide decks of the evaluation corpus (run once; the PDFs are committed).

The decks are written with fpdf2's core fonts so they stay small and need no font files;
text a core font cannot encode is avoided in the deck text for the same reason.
Usage: ``.venv/bin/python tests/corpus/make_pdfs.py``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from fpdf import FPDF

DOCS = Path(__file__).resolve().parent / "docs"
CREATED = dt.datetime(2024, 8, 1, tzinfo=dt.UTC)

# Each slide: list of (text, font size, bold); a footer and page number are added per slide.
Slide = list[tuple[str, int, bool]]

INVITED: list[Slide] = [
    [
        ("Sparse Recovery Meets", 30, True),
        ("Optimal Transport", 30, True),
        ("Ingrid Halvorsen", 20, False),
        ("Norwegian University of Science and Technology", 14, False),
        ("Applied Analysis Seminar, University of Bath - 14 March 2023", 12, False),
    ],
    [
        ("Motivation", 24, True),
        ("- Measures, not vectors: recover a spike train from blurred data", 14, False),
        ("- Wasserstein distance as the error metric", 14, False),
        ("- Convex relaxations over the space of measures", 14, False),
    ],
    [
        ("Main result", 24, True),
        ("If the spikes are separated by 2/fc, the BLASSO solution is", 14, False),
        ("close to the truth in W1 distance, with a rate in the noise level.", 14, False),
    ],
    [
        ("Thank you!", 28, True),
        ("Questions?", 16, False),
    ],
]

TUTORIAL: list[Slide] = [
    [
        ("Tutorial", 16, False),
        ("Probabilistic Programming with NumPyro", 26, True),
        ("Karim Benali - Universite Paris-Saclay", 16, False),
        ("Sofia Marchetti - Politecnico di Milano", 16, False),
        ("Bayesian Methods Summer School 2024", 13, False),
        ("Lyon, 3 July 2024", 13, False),
    ],
    [
        ("Plan for the next 90 minutes", 24, True),
        ("1. Models as Python functions", 14, False),
        ("2. Inference with NUTS", 14, False),
        ("3. Hierarchical models and reparameterisation", 14, False),
    ],
    [
        ("Exercise 1", 24, True),
        ("Fit a linear regression with a Student-t likelihood.", 14, False),
    ],
]


def render(slides: list[Slide], footer: str, path: Path) -> None:
    """Write ``slides`` as a landscape deck with a footer and slide numbers."""
    pdf = FPDF(orientation="L", unit="mm", format=(135, 240))
    pdf.set_auto_page_break(False)
    pdf.set_creation_date(CREATED)  # fixed, so regenerating gives the same bytes
    for number, slide in enumerate(slides, start=1):
        pdf.add_page()
        pdf.set_y(25)
        for text, size, bold in slide:
            pdf.set_font("Helvetica", "B" if bold else "", size)
            pdf.cell(0, size * 0.6, text, align="C", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
        pdf.set_font("Helvetica", "", 8)
        pdf.set_xy(10, 125)
        pdf.cell(180, 5, footer)
        pdf.cell(40, 5, str(number), align="R")
    pdf.output(str(path))


def main() -> None:
    render(INVITED, "I. Halvorsen - Sparse recovery and OT", DOCS / "invited_talk_deck.pdf")
    render(TUTORIAL, "NumPyro tutorial - BMSS 2024", DOCS / "numpyro_tutorial_slides.pdf")


if __name__ == "__main__":
    main()
