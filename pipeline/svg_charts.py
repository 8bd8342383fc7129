"""Small SVG charts written as text, for the report page.

Why not a plotting library: the page must open with no network and no script, and
the few chart shapes it needs (horizontal bars, stacked columns, a shaded grid) are a
few dozen lines each. Every mark carries its numbers as ``data-*`` attributes and a
``<title>`` (the browser's tooltip), so a reader can hover for the value and a test
can check the drawn figures against the dataset.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape

# Colour-blind-safe qualitative palette (Okabe & Ito), then neutral greys.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00",
           "#F0E442", "#000000", "#999999", "#BBBBBB")
FONT = "font-family:system-ui,sans-serif;font-size:12px"


def _attr(value: object) -> str:
    return escape(str(value), quote=True)


def _number(value: float) -> str:
    """A value as the page prints it: integers plainly, others to three figures."""
    return f"{value:g}" if float(value).is_integer() else f"{value:.3g}"


def _clip(label: str, width: int = 48) -> str:
    return label if len(label) <= width else label[: width - 1] + "…"


def hbar(chart: str, items: Sequence[tuple[str, float]], *, unit: str = "",
         width: int = 720) -> str:
    """Horizontal bars, one per ``(label, value)``, longest first as given."""
    if not items:
        return _empty(chart)
    row, pad = 22, 70
    label_w = min(440, max(120, 7 * max(len(_clip(label, 64)) for label, _ in items) + 10))
    top = max(v for _, v in items) or 1
    scale = (width - label_w - pad) / top
    height = row * len(items) + 8
    parts = [_open(chart, width, height)]
    for i, (label, value) in enumerate(items):
        y = 4 + i * row
        bar_w = max(value * scale, 1 if value else 0)
        parts.append(
            f'<g class="bar" data-label="{_attr(label)}" data-value="{_attr(value)}">'
            f"<title>{escape(label)}: {_number(value)}{unit}</title>"
            f'<text x="{label_w - 6}" y="{y + 15}" text-anchor="end">'
            f"{escape(_clip(label, 64))}</text>"
            f'<rect x="{label_w}" y="{y + 3}" width="{bar_w:.1f}" height="{row - 6}" '
            f'fill="{PALETTE[0]}"/>'
            f'<text x="{label_w + bar_w + 4:.1f}" y="{y + 15}">{_number(value)}{unit}</text>'
            "</g>"
        )
    parts.append("</svg>")
    return "".join(parts)


def stacked_columns(chart: str, columns: Sequence[str],
                    stacks: Mapping[str, Mapping[str, int]], *, height: int = 260) -> str:
    """One column per entry of ``columns`` (months), stacked by the keys of ``stacks``
    (series), in ``stacks``' order; a legend below names the colours."""
    if not columns:
        return _empty(chart)
    totals = {c: sum(s.get(c, 0) for s in stacks.values()) for c in columns}
    top = max(totals.values()) or 1
    left, bottom, col_w = 40, 60, max(2, min(28, 960 // len(columns)))
    width = left + col_w * len(columns) + 20
    plot_h = height - bottom - 10
    legend_rows = (len(stacks) + 2) // 3
    parts = [_open(chart, max(width, 720), height + 20 * legend_rows)]
    parts.append(f'<line x1="{left}" y1="{10 + plot_h}" x2="{width - 10}" '
                 f'y2="{10 + plot_h}" stroke="#444"/>')
    parts.append(f'<text x="{left - 4}" y="16" text-anchor="end">{top}</text>')
    colours = {name: PALETTE[i % len(PALETTE)] for i, name in enumerate(stacks)}
    ticks = _ticks(columns)
    gap = 1 if col_w >= 6 else 0  # narrow columns touch: a gap would leave a hairline
    for i, column in enumerate(columns):
        x = left + i * col_w
        y = 10 + plot_h
        parts.append(f'<g class="column" data-column="{_attr(column)}" '
                     f'data-total="{totals[column]}">')
        for name, counts in stacks.items():
            n = counts.get(column, 0)
            if not n:
                continue
            h = n * plot_h / top
            y -= h
            parts.append(
                f'<rect class="segment" data-series="{_attr(name)}" data-value="{n}" '
                f'x="{x + gap}" y="{y:.1f}" width="{col_w - 2 * gap}" height="{h:.1f}" '
                f'fill="{colours[name]}"><title>{escape(column)} · {escape(name)}: {n}'
                "</title></rect>"
            )
        parts.append("</g>")
        if column in ticks:
            ty = 10 + plot_h + 12
            parts.append(f'<text x="{x + col_w / 2:.1f}" y="{ty}" text-anchor="end" '
                         f'transform="rotate(-45 {x + col_w / 2:.1f} {ty})">'
                         f"{escape(ticks[column])}</text>")
    for i, name in enumerate(stacks):
        lx, ly = left + (i % 3) * 240, height + 4 + (i // 3) * 20
        parts.append(f'<rect x="{lx}" y="{ly}" width="12" height="12" '
                     f'fill="{colours[name]}"/>'
                     f'<text x="{lx + 16}" y="{ly + 11}">{escape(_clip(name, 34))}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _ticks(columns: Sequence[str]) -> dict[str, str]:
    """Axis labels: every column when few; else, for ``YYYY-MM`` columns, the year at
    each January (every few years over long spans); else about twelve evenly spaced."""
    if len(columns) <= 24:
        return {c: c for c in columns}
    januaries = [c for c in columns if len(c) == 7 and c.endswith("-01")]
    if januaries:
        step = max(1, len(januaries) // 15)
        return {c: c[:4] for c in januaries[::step]}
    step = max(1, len(columns) // 12)
    return {c: c for c in columns[::step]}


def grid(chart: str, rows: Sequence[str], columns: Sequence[str],
         shares: Mapping[tuple[str, str], float], counts: Mapping[str, int]) -> str:
    """A shaded grid of shares (0..1): one row per ``rows`` entry (with its row count
    from ``counts``), one column per ``columns`` entry; darker is fuller."""
    if not rows:
        return _empty(chart)
    label_w, cell_w, cell_h, head = 170, 110, 28, 24
    width = label_w + cell_w * len(columns) + 10
    height = head + cell_h * len(rows) + 6
    parts = [_open(chart, width, height)]
    for j, column in enumerate(columns):
        parts.append(f'<text x="{label_w + j * cell_w + cell_w / 2}" y="16" '
                     f'text-anchor="middle" font-weight="bold">{escape(column)}</text>')
    for i, row in enumerate(rows):
        y = head + i * cell_h
        parts.append(f'<text x="{label_w - 6}" y="{y + 18}" text-anchor="end">'
                     f"{escape(row)} ({counts.get(row, 0)})</text>")
        for j, column in enumerate(columns):
            share = shares.get((row, column), 0.0)
            x = label_w + j * cell_w
            ink = "#fff" if share > 0.55 else "#000"
            parts.append(
                f'<g class="cell" data-row="{_attr(row)}" data-column="{_attr(column)}" '
                f'data-share="{share:.4f}">'
                f"<title>{escape(row)} · {escape(column)}: {share:.1%}</title>"
                f'<rect x="{x + 1}" y="{y + 1}" width="{cell_w - 2}" height="{cell_h - 2}" '
                f'fill="{PALETTE[0]}" fill-opacity="{0.08 + 0.92 * share:.3f}"/>'
                f'<text x="{x + cell_w / 2}" y="{y + 18}" text-anchor="middle" '
                f'fill="{ink}">{share:.0%}</text></g>'
            )
    parts.append("</svg>")
    return "".join(parts)


def _open(chart: str, width: float, height: float) -> str:
    label = chart.replace("_", " ")
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" data-chart="{_attr(chart)}" '
            f'width="{width:.0f}" height="{height:.0f}" viewBox="0 0 {width:.0f} {height:.0f}" '
            f'role="img" aria-label="{_attr(label)}" style="{FONT}">')


def _empty(chart: str) -> str:
    return (_open(chart, 320, 30) + '<text x="4" y="20" fill="#666">nothing to show</text>'
            "</svg>")
