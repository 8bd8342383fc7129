"""``talks report OUT``: the published dataset at a glance, as one self-contained HTML page.

Why a page and not more JSON: ``report.json`` says what a run did, but people judge an
archive by looking at it: when the talks were, who gave them, how full the rows are,
what went wrong and where the time went. The page is one file with every chart drawn
as inline SVG (``pipeline.svg_charts``), no script and a Content-Security-Policy that
forbids any fetch, so it opens the same from a mail attachment, a file share or a
laptop with no network. Everything is read from one published run folder (the target
of ``OUT/current``), so a run publishing meanwhile cannot mix two runs on the page.

The figures are computed by plain functions (``figures``) so tests can check the page's
numbers against the Parquet files without a browser, and the browser test can check
that the drawn marks hold the same numbers.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from pipeline import svg_charts
from pipeline.errors import UsageError

TOP_SERIES = 8
TOP_AFFILIATIONS = 15
TOP_KINDS = 20
CHANGES_LISTED = 200
CHANGES_OPEN = 25
MONTHS_SHOWN = 600  # fifty years of months are drawn; a longer span (a bad date) by year
COVERAGE_FIELDS = ("title", "date", "start", "abstract", "affiliation", "location")
NO_SERIES = "(no series)"
TALK_COLUMNS = ("talk_id", "source_path", "source_format", "series", "title", "abstract",
                "speakers", "date", "start", "location", "warnings")

_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"|“[^”]*”|‘[^’]*’")
_ZONE = re.compile(r"\b[A-Z][A-Za-z_]+/[A-Za-z_/+-]+\b")
_STAMP = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ][\d:.+-]+Z?)?")
_DIGITS = re.compile(r"\d+(?:[:.]\d+)*")


@dataclass
class PageData:
    """What the page is drawn from: one published run's files, read once."""

    source: Path
    talks: list[dict[str, Any]]
    rejects: list[dict[str, Any]] = field(default_factory=list)
    report: dict[str, Any] = field(default_factory=dict)
    changes: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] | None = None
    people: list[dict[str, Any]] | None = None


def _run_folder(out: Path) -> Path:
    """The published run folder behind ``out`` (``out`` itself for a plain folder)."""
    current = out / "current"
    return current.resolve() if current.exists() else out


def _read(path: Path, columns: tuple[str, ...] | None = None) -> list[dict[str, Any]]:
    """Rows of a Parquet file or folder, with only those of ``columns`` it has."""
    try:
        schema = pq.read_schema(path) if path.is_file() else None
        wanted = None
        if columns is not None and schema is not None:
            wanted = [c for c in columns if c in schema.names]
        return pq.read_table(path, columns=wanted).to_pylist()
    except (OSError, ValueError) as exc:  # pyarrow's errors for a broken file are both
        raise UsageError(f"{path}: cannot be read as Parquet: {exc}") from exc


def _first(*paths: Path) -> Path | None:
    return next((p for p in paths if p.exists()), None)


def load(out: str | Path) -> PageData:
    """Read the dataset published in ``out`` (as given to ``talks ingest --out``)."""
    out = Path(out)
    base = _run_folder(out)
    dataset = _first(base / "talks.parquet", base / "talks")
    if dataset is None:
        raise UsageError(f"{out}: no talks dataset here (no talks.parquet); "
                         "run `talks ingest ... --out` on it first")
    data = PageData(source=base, talks=_read(dataset, TALK_COLUMNS))
    if (rejects := _first(base / "rejects.parquet")) is not None:
        data.rejects = _read(rejects, ("source_path", "source_format", "reasons"))
    if (report := _first(base / "report.json")) is not None:
        try:
            data.report = json.loads(report.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise UsageError(f"{report}: not a readable run report: {exc}") from exc
    run_id = data.report.get("run_id")
    changes = _first(base / "changes" / f"{run_id}.parquet", base / "changes.parquet")
    if run_id and changes is not None:
        data.changes = _read(changes)
    if (events := _first(base / "events.parquet", out / "events.parquet")) is not None:
        data.events = _read(events)
    if (people := _first(base / "people.parquet", out / "people.parquet")) is not None:
        data.people = _read(people)
    return data


# ---------------------------------------------------------------- the figures


def warning_kind(text: str) -> str:
    """A warning's kind: its wording with the particulars (quoted text, dates, times,
    zones, numbers) replaced, so ``year inferred from heading`` stays itself and every
    ``local time 2024-03-31T02:30 does not exist in Europe/Paris`` becomes one kind."""
    kind = _QUOTED.sub("…", text)
    kind = _STAMP.sub("<date>", kind)
    kind = _ZONE.sub("<zone>", kind)
    kind = _DIGITS.sub("#", kind)
    kind = kind.split(" (key=")[0]  # a dropped record's note names the record after this
    return " ".join(kind.split())[:90]


def talks_by_period(rows: list[dict[str, Any]]) -> tuple[str, list[str],
                                                         dict[str, dict[str, int]]]:
    """(``month``, or ``year`` past ``MONTHS_SHOWN`` months, the periods from first to
    last with the empty ones, talks per series per period). The ``TOP_SERIES`` largest
    series are their own stack; the rest are one."""
    dated = [r for r in rows if r.get("date") is not None]
    if not dated:
        return "month", [], {}
    first = min(r["date"] for r in dated)
    last = max(r["date"] for r in dated)
    span = (last.year - first.year) * 12 + last.month - first.month + 1
    unit = "month" if span <= MONTHS_SHOWN else "year"

    def period(d: Any) -> str:
        return f"{d.year:04d}-{d.month:02d}" if unit == "month" else f"{d.year:04d}"

    if unit == "month":
        periods, y, m = [], first.year, first.month
        while (y, m) <= (last.year, last.month):
            periods.append(f"{y:04d}-{m:02d}")
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    else:
        periods = [f"{y:04d}" for y in range(first.year, last.year + 1)]
    sizes = Counter(r.get("series") or NO_SERIES for r in dated)
    named = sorted((s for s in sizes if s != NO_SERIES), key=lambda s: (-sizes[s], s))
    kept = named[:TOP_SERIES]
    rest = len(named) - len(kept)
    other = f"{rest} other series" if rest else ""
    stacks: dict[str, dict[str, int]] = {name: {} for name in kept}
    if other:
        stacks[other] = {}
    if NO_SERIES in sizes:
        stacks[NO_SERIES] = {}
    for row in dated:
        series = row.get("series") or NO_SERIES
        name = series if series in stacks else other
        counts = stacks[name]
        key = period(row["date"])
        counts[key] = counts.get(key, 0) + 1
    return unit, periods, stacks


def affiliations(rows: list[dict[str, Any]]) -> tuple[list[tuple[str, int]], int, int]:
    """(the ``TOP_AFFILIATIONS`` affiliations by speaker appearances, appearances with
    an affiliation, all appearances)."""
    counts: Counter[str] = Counter()
    total = 0
    for row in rows:
        for sp in row.get("speakers") or []:
            total += 1
            if sp.get("affiliation"):
                counts[sp["affiliation"]] += 1
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_AFFILIATIONS]
    return top, sum(counts.values()), total


def _has(row: dict[str, Any], name: str) -> bool:
    if name == "affiliation":
        return any(sp.get("affiliation") for sp in row.get("speakers") or [])
    value = row.get(name)
    return value is not None and value != ""


def coverage(rows: list[dict[str, Any]]) -> tuple[list[str], dict[tuple[str, str], float],
                                                  dict[str, int]]:
    """(source formats then ``all``, share of rows stating each of ``COVERAGE_FIELDS``
    per format, rows per format). ``affiliation``: a row with any speaker's."""
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        groups[row.get("source_format") or "?"].append(row)
    formats = sorted(groups, key=lambda f: (-len(groups[f]), f))
    if rows:
        formats.append("all")
        groups["all"] = rows
    shares = {
        (fmt, name): sum(_has(r, name) for r in groups[fmt]) / len(groups[fmt])
        for fmt in formats for name in COVERAGE_FIELDS
    }
    return formats, shares, {fmt: len(groups[fmt]) for fmt in formats}


def _top(counter: Counter[str]) -> list[tuple[str, int]]:
    return sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_KINDS]


def warnings_by_kind(rows: list[dict[str, Any]]) -> list[tuple[str, int]]:
    """Warnings on published rows, counted by ``warning_kind``."""
    return _top(Counter(warning_kind(w) for r in rows for w in r.get("warnings") or []))


def problems_by_kind(data: PageData) -> list[tuple[str, int]]:
    """What did not become a row: rejected rows by reason, failed files by stage, files
    skipped or empty by reason, records dropped by the kind of their note."""
    counts: Counter[str] = Counter()
    for row in data.rejects:
        for reason in row.get("reasons") or ["(no reason)"]:
            counts[f"rejected row · {reason}"] += 1
    report = data.report
    for err in report.get("errors", []):
        counts[f"failed file · {err.get('stage', '?')}"] += 1
    for item in report.get("skipped", []):
        counts[f"skipped file · {warning_kind(str(item.get('reason', '')))}"] += 1
    for item in report.get("empty", []):
        counts[f"empty file · {warning_kind(str(item.get('reason', '')))}"] += 1
    for item in report.get("dropped_records", []):
        note = str(item.get("note") or item.get("reason") or "")
        counts[f"dropped record · {warning_kind(note)}"] += 1
    return _top(counts)


def slowest_files(report: dict[str, Any]) -> list[tuple[str, float]]:
    """The run report's slowest files (path, seconds of extraction)."""
    return [(str(f["path"]), float(f["seconds"])) for f in report.get("slowest_files", [])]


def change_counts(data: PageData) -> dict[str, int]:
    """Talks added, updated and removed by the last run."""
    counts = Counter(str(c.get("change")) for c in data.changes)
    return {kind: counts.get(kind, 0) for kind in ("added", "updated", "removed")} | {
        k: v for k, v in counts.items() if k not in ("added", "updated", "removed")}


def _list_column(rows: list[dict[str, Any]], *names: str) -> str | None:
    """The first of ``names`` that ``rows`` hold as a list column."""
    for name in names:
        if rows and name in rows[0] and any(isinstance(r.get(name), list) for r in rows):
            return name
    return None


def event_sources(event: dict[str, Any]) -> int:
    """How many documents report an event: its ``n_sources``, else the distinct paths of
    its ``source_paths`` (or, in a table without them, of its ``sources`` records)."""
    if isinstance(event.get("n_sources"), int):
        return event["n_sources"]
    for name in ("source_paths", "sources"):
        values = event.get(name)
        if isinstance(values, list):
            return len({v.get("source_path") if isinstance(v, dict) else v for v in values})
    return 1


def name_variants(person: dict[str, Any]) -> list[str]:
    """A person's spellings, folded for case and spacing only (``JANE SMITH`` is the
    spelling ``Jane Smith``), first spelling of each kept."""
    col = next((c for c in ("names", "name_variants", "variants", "aliases")
                if isinstance(person.get(c), list)), None)
    seen: dict[str, str] = {}
    for name in person.get(col) or [] if col else []:
        seen.setdefault(" ".join(str(name).casefold().split()), str(name))
    return list(seen.values())


def merged_tables(data: PageData) -> dict[str, int]:
    """Figures of the cross-source tables where they exist: events, and people."""
    figures: dict[str, int] = {}
    if data.events is not None:
        figures["events"] = len(data.events)
        figures["events seen in more than one source"] = sum(
            event_sources(e) > 1 for e in data.events)
        if _list_column(data.events, "conflicts"):
            figures["events whose sources disagree"] = sum(
                bool(e.get("conflicts")) for e in data.events)
    elif data.talks and "event_id" in data.talks[0]:
        ids = Counter(r["event_id"] for r in data.talks if r.get("event_id"))
        figures["events"] = len(ids)
        figures["events seen in more than one source"] = sum(n > 1 for n in ids.values())
    if data.people is not None:
        figures["people"] = len(data.people)
        figures["people under more than one name"] = sum(
            len(name_variants(p)) > 1 for p in data.people)
    return figures


def merged_examples(data: PageData, limit: int = 10) -> tuple[list[dict[str, Any]],
                                                              list[dict[str, Any]]]:
    """A few events seen in several sources (most sources first) and people under
    several names (most names first), for a reader to check the merges by eye."""
    events = sorted((e for e in data.events or [] if event_sources(e) > 1),
                    key=lambda e: (-event_sources(e), str(e.get("event_id"))))[:limit]
    people = sorted((p for p in data.people or [] if len(name_variants(p)) > 1),
                    key=lambda p: (-len(name_variants(p)), str(p.get("name"))))[:limit]
    return events, people


def figures(data: PageData) -> dict[str, Any]:
    """Every number the page draws, by chart (the browser test compares the marks)."""
    unit, periods, stacks = talks_by_period(data.talks)
    top_aff, with_aff, appearances = affiliations(data.talks)
    formats, shares, counts = coverage(data.talks)
    return {
        "talks_by_period": {"unit": unit, "periods": periods, "stacks": stacks},
        "affiliations": {"top": top_aff, "with": with_aff, "appearances": appearances},
        "coverage": {"formats": formats, "shares": shares, "rows": counts},
        "warnings": warnings_by_kind(data.talks),
        "problems": problems_by_kind(data),
        "slowest": slowest_files(data.report),
        "changes": change_counts(data),
        "merged": merged_tables(data),
    }


# ---------------------------------------------------------------- the page

_STYLE = """
body{font-family:system-ui,sans-serif;margin:2em auto;max-width:1100px;color:#222;
padding:0 1em}
h1{font-size:1.6em;margin-bottom:.2em}h3{font-size:1em}h2{font-size:1.2em;margin-top:2em;
border-bottom:1px solid #ddd}
.meta{color:#555}.tiles{display:flex;flex-wrap:wrap;gap:.8em;margin:1em 0}
.tile{border:1px solid #ddd;border-radius:6px;padding:.5em 1em;min-width:8em}
.tile b{display:block;font-size:1.5em}.note{color:#555;font-size:.9em}
table{border-collapse:collapse;font-size:.85em}td,th{padding:2px 8px;text-align:left;
border-bottom:1px solid #eee}td:nth-child(3){white-space:nowrap}.scroll{overflow-x:auto}
"""
_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def _tiles(items: dict[str, Any], name: str) -> str:
    cells = "".join(
        f'<div class="tile" data-figure="{escape(k, quote=True)}" '
        f'data-value="{escape(str(v), quote=True)}"><b>{escape(str(v))}</b>{escape(k)}</div>'
        for k, v in items.items())
    return f'<div class="tiles" data-tiles="{name}">{cells}</div>'


def _section(title: str, body: str, note: str = "") -> str:
    note_html = f'<p class="note">{escape(note)}</p>' if note else ""
    return f"<section><h2>{escape(title)}</h2>{note_html}<div class=\"scroll\">{body}</div>" \
           "</section>"


def _changes_table(data: PageData) -> str:
    titles = {r["talk_id"]: r for r in data.talks}
    order = {"added": 0, "updated": 1, "removed": 2}
    listed = sorted(data.changes, key=lambda c: (order.get(str(c.get("change")), 3),
                                                 str(c.get("talk_id"))))
    body = []
    for change in listed[:CHANGES_LISTED]:
        row = titles.get(change.get("talk_id"))
        if row is None:
            row = {"title": "(no longer in the dataset)"}
        cells = (change.get("change"), change.get("talk_id"), row.get("date"),
                 row.get("title"), row.get("source_path"))
        body.append("<tr>" + "".join(f"<td>{escape('' if c is None else str(c))}</td>"
                                     for c in cells) + "</tr>")
    more = len(listed) - CHANGES_LISTED
    tail = f'<p class="note">… and {more} more</p>' if more > 0 else ""
    head = "".join(f"<th>{h}</th>" for h in ("change", "talk_id", "date", "title", "file"))
    shown = " open" if len(listed) <= CHANGES_OPEN else ""  # a long list waits for a click
    return (f"<details{shown}><summary>the {min(len(listed), CHANGES_LISTED)} "
            f"{'change' if len(listed) == 1 else 'changes'} listed</summary>"
            f'<table data-table="changes"><thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(body)}</tbody></table>{tail}</details>")


def _table(name: str, head: tuple[str, ...], rows: list[tuple[Any, ...]]) -> str:
    cells = "".join("<tr>" + "".join(f"<td>{escape('' if c is None else str(c))}</td>"
                                     for c in row) + "</tr>" for row in rows)
    heads = "".join(f"<th>{escape(h)}</th>" for h in head)
    return (f'<table data-table="{name}"><thead><tr>{heads}</tr></thead>'
            f"<tbody>{cells}</tbody></table>")


def _examples(data: PageData) -> str:
    events, people = merged_examples(data)
    parts = []
    if events:
        parts.append("<h3>Talks seen in more than one source</h3>" + _table(
            "merged_events", ("date", "title", "sources", "disagreements"),
            [(e.get("date"), e.get("title"),
              "; ".join(map(str, e.get("source_paths") or [])) or event_sources(e),
              "; ".join(map(str, e.get("conflicts") or []))) for e in events]))
    if people:
        parts.append("<h3>People under more than one name</h3>" + _table(
            "merged_people", ("name", "names", "talks"),
            [(p.get("name"), "; ".join(name_variants(p)), p.get("talks")) for p in people]))
    return "".join(parts)


def render(data: PageData) -> str:
    """The page for ``data``: one HTML document, nothing fetched."""
    figs = figures(data)
    report = data.report
    talks_tot = report.get("talks", {})
    headline = {"talks": len(data.talks), "rejected rows": len(data.rejects),
                "files seen": report.get("files", {}).get("seen", "?"),
                "files failed": report.get("files", {}).get("failed", "?"),
                "series": len({r.get("series") for r in data.talks if r.get("series")})}
    period = figs["talks_by_period"]
    undated = sum(1 for r in data.talks if r.get("date") is None)
    aff = figs["affiliations"]
    cov = figs["coverage"]
    run = escape(str(report.get("run_id", "unknown run")))
    started = escape(str(report.get("started_at", "")))
    sections = [
        _section(f"Talks per {period['unit']} by series",
                 svg_charts.stacked_columns("talks_by_period", period["periods"],
                                            period["stacks"]),
                 f"{undated} talks without a date are not drawn." if undated else ""),
        _section("Speakers' affiliations",
                 svg_charts.hbar("affiliations", aff["top"]),
                 f"{aff['with']} of {aff['appearances']} speaker appearances state an "
                 f"affiliation; the {len(aff['top'])} most frequent are drawn."),
        _section("Field coverage by source format",
                 svg_charts.grid("coverage", cov["formats"], COVERAGE_FIELDS,
                                 cov["shares"], cov["rows"]),
                 "Share of rows that state each field (affiliation: any speaker's); "
                 "row counts in brackets."),
        _section("Warnings by kind", svg_charts.hbar("warnings", figs["warnings"]),
                 "What was guessed or unresolved on published rows."),
        _section("Rejects, failures and drops by kind",
                 svg_charts.hbar("problems", figs["problems"]),
                 "Rows that failed validation, files that failed or gave nothing, "
                 "records an extractor found that are not talks."),
        _section("Slowest files", svg_charts.hbar("slowest", figs["slowest"], unit=" s"),
                 "Extraction time per file in the last run (files not re-read cost "
                 "nothing and are not listed)."),
        _section("Changes in the last run",
                 svg_charts.hbar("changes", list(figs["changes"].items()))
                 + _changes_table(data)),
    ]
    merged = figs["merged"]
    if merged:
        sections.insert(0, _section("Across sources",
                                    _tiles(merged, "merged") + _examples(data)))
    else:
        sections.append(_section(
            "Across sources", "<p>No events or people table in this output.</p>"))
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>Talks dataset report: {run}</title><style>{_STYLE}</style></head><body>"
        "<h1>Talks dataset</h1>"
        f'<p class="meta">Run <code>{run}</code> started {started}. Talks added: '
        f"{talks_tot.get('added', 0)}, updated: {talks_tot.get('updated', 0)}, removed: "
        f"{talks_tot.get('removed', 0)}.</p>"
        + _tiles(headline, "headline") + "".join(sections) + "</body></html>\n"
    )


def write_report(out: str | Path, output: str | Path | None = None) -> Path:
    """Write the report page for the dataset in ``out`` to ``output`` (default
    ``OUT/report.html``) with the umask's permissions; return its path."""
    from pipeline.write import write_text

    target = Path(output) if output is not None else Path(out) / "report.html"
    write_text(render(load(out)), target)
    return target
