"""Score the pipeline on the real corpus (``corpus/``): per split, format, site and field.

Why: the seeds and the hand-written sets in ``tests/`` were written here, so the rules grew
to fit them. ``corpus/`` holds real public documents with hand-checked gold; its ``test``
split (a third of the *sites*, chosen by a fixed hash of the site name) is the project's
estimate of quality on documents nobody here has tuned to. ``dev`` may be debugged.

usage: python bench/corpus_report.py [--out DIR] [--reuse] [--split dev|test|all]
                                     [--docs N] [--examples N] [--json FILE]

  --out DIR   where the dataset is written (default: a temporary folder)
  --reuse     score the dataset already in --out instead of ingesting again
  --split     which documents to report on (default: both splits, side by side)
  --docs N    also print the N worst documents of each split (dev only by default)
  --json FILE write every figure as JSON too

The scoring is the shared scorer's (``../shared/eval/score.py``), run once per document;
the report sums its true/false positives and negatives per group.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import hashlib
import importlib.util
import io
import json
import re
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
DOCS = CORPUS / "docs"
GOLD = CORPUS / "gold"
MANIFEST = CORPUS / "SOURCES.csv"
SCORER = ROOT.parent / "shared" / "eval" / "score.py"
SPLITS = ("dev", "test")
FORMATS = ("html", "markdown", "ics", "pdf", "slides_text", "text")


def split_of(site: str) -> str:
    """``test`` for a third of the sites, by a fixed hash of the site name; else ``dev``.

    Fixed before any score was seen, and by site so that two documents of one site (one
    template) never sit on both sides.
    """
    digest = hashlib.sha256(site.strip().lower().encode("utf-8")).hexdigest()
    return "test" if int(digest[:12], 16) % 3 == 0 else "dev"


@dataclass(frozen=True)
class Entry:
    """One manifest row: a corpus document and where it came from."""

    document: str
    site: str
    format: str
    repo: str
    commit: str
    path: str
    licence: str
    hard: str

    @property
    def split(self) -> str:
        return split_of(self.site)


def load_manifest(path: Path = MANIFEST) -> list[Entry]:
    with path.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    return [Entry(r["document"], r["site"], r["format"], r["repo"], r["commit"], r["path"],
                  r.get("licence", ""), r.get("hard", "")) for r in rows]


def load_scorer() -> ModuleType:
    """The shared scorer as a module (it needs only pyarrow and the standard library)."""
    if not SCORER.exists():
        raise FileNotFoundError(f"scorer not found: {SCORER}")
    spec = importlib.util.spec_from_file_location("shared_score", SCORER)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def ingest(out: Path, jobs: int | None = None) -> int:
    """Ingest ``corpus/docs`` into ``out`` with the project's CLI, in this process."""
    sys.path.insert(0, str(ROOT))
    from pipeline.cli import main as cli_main

    argv = ["ingest", str(DOCS), "--out", str(out), "-q"]
    if jobs is not None:
        argv += ["--jobs", str(jobs)]
    return cli_main(argv)


@dataclass
class DocScore:
    """The scorer's figures for one document, and its mismatch lines."""

    entry: Entry
    fields: dict[str, dict[str, int]]
    gold: int
    pred: int
    paired: int
    errors: list[str]

    @property
    def f1(self) -> float:
        return f1_of(self.fields)


@dataclass
class Group:
    """Summed counts over documents: per field true/false positives and negatives."""

    tp: Counter = field(default_factory=Counter)
    fp: Counter = field(default_factory=Counter)
    fn: Counter = field(default_factory=Counter)
    gold: Counter = field(default_factory=Counter)
    docs: int = 0
    talks_gold: int = 0
    talks_pred: int = 0
    talks_paired: int = 0

    def add(self, doc: DocScore) -> None:
        self.docs += 1
        self.talks_gold += doc.gold
        self.talks_pred += doc.pred
        self.talks_paired += doc.paired
        for name, counts in doc.fields.items():
            self.tp[name] += counts["tp"]
            self.fp[name] += counts["fp"]
            self.fn[name] += counts["fn"]
            self.gold[name] += counts["gold"]

    def prf(self, name: str | None = None) -> tuple[float, float, float]:
        """Precision, recall, F1 of one field, or micro over all fields (``None``)."""
        names = [name] if name else list(set(self.tp) | set(self.fp) | set(self.fn))
        tp = sum(self.tp[n] for n in names)
        fp = sum(self.fp[n] for n in names)
        fn = sum(self.fn[n] for n in names)
        return prf(tp, fp, fn)

    @property
    def talk_precision(self) -> float:
        return self.talks_paired / self.talks_pred if self.talks_pred else 0.0

    @property
    def talk_recall(self) -> float:
        return self.talks_paired / self.talks_gold if self.talks_gold else 0.0


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def f1_of(fields: dict[str, dict[str, int]]) -> float:
    return prf(sum(c["tp"] for c in fields.values()), sum(c["fp"] for c in fields.values()),
               sum(c["fn"] for c in fields.values()))[2]


def score_documents(out: Path, entries: list[Entry], scorer: ModuleType) -> list[DocScore]:
    """Run the shared scorer once per document (in-process) and keep its figures."""
    scores = []
    for entry in entries:
        buffer = io.StringIO()
        with contextlib.redirect_stdout(buffer):
            scorer.main([str(out), str(GOLD), "--json", "--doc", entry.document,
                         "--errors", "100000"])
        text = buffer.getvalue()
        fig = json.loads(next(ln for ln in text.splitlines() if ln.startswith("{")))
        errors = [ln.strip() for ln in text.splitlines() if ln.startswith("  ")]
        t = fig["talks"]
        scores.append(DocScore(entry, fig["fields"], t["gold"], t["pred"], t["paired"], errors))
    return scores


_ERROR_SHAPES = (
    (re.compile(r": no predicted talk paired$"), "talk missed"),
    (re.compile(r": spurious talk "), "spurious talk"),
    (re.compile(r" speakers: unexpected speaker "), "spurious speaker"),
    (re.compile(r" (\S+): missing, expected "), "{} missing"),
    (re.compile(r" (\S+): expected nothing, got "), "{} where none"),
    (re.compile(r" (\S+): got .*, expected "), "{} wrong"),
)


def error_class(line: str) -> str:
    """A mismatch line's class: what kind of loss, of which field."""
    for pattern, label in _ERROR_SHAPES:
        m = pattern.search(line)
        if m:
            return label.format(*m.groups())
    return "other"


def costliest(scores: list[DocScore], n: int = 10) -> list[tuple[str, int, str]]:
    """The ``n`` most frequent (format, error class) pairs with one example line each."""
    counts: Counter = Counter()
    example: dict[str, str] = {}
    for doc in scores:
        for line in doc.errors:
            key = f"{doc.entry.format}: {error_class(line)}"
            counts[key] += 1
            example.setdefault(key, line)
    return [(key, count, example[key]) for key, count in counts.most_common(n)]


def group_by(scores: list[DocScore], key) -> dict[str, Group]:
    groups: dict[str, Group] = defaultdict(Group)
    for doc in scores:
        groups[key(doc)].add(doc)
    return dict(groups)


def summary(scores: list[DocScore]) -> dict:
    """Every figure of the report, as plain data (for ``--json`` and the tests)."""
    out: dict = {}
    for split in SPLITS:
        docs = [d for d in scores if d.entry.split == split]
        whole = Group()
        for d in docs:
            whole.add(d)
        p, r, f = whole.prf()
        fields = sorted(set(whole.tp) | set(whole.fp) | set(whole.fn))
        out[split] = {
            "documents": len(docs),
            "sites": len({d.entry.site for d in docs}),
            "micro": {"p": p, "r": r, "f1": f},
            "talks": {"gold": whole.talks_gold, "pred": whole.talks_pred,
                      "paired": whole.talks_paired, "precision": whole.talk_precision,
                      "recall": whole.talk_recall},
            "formats": {fmt: _group_figures(g) for fmt, g in
                        sorted(group_by(docs, lambda d: d.entry.format).items())},
            "sites_table": {site: _group_figures(g) for site, g in
                            sorted(group_by(docs, lambda d: d.entry.site).items())},
            "fields": {name: dict(zip(("p", "r", "f1"), whole.prf(name), strict=True))
                       | {"gold": whole.gold[name]} for name in fields},
            "no_rows": [d.entry.document for d in docs if d.gold and not d.pred],
            "costliest": costliest(docs),
        }
    return out


def _group_figures(g: Group) -> dict:
    p, r, f = g.prf()
    return {"docs": g.docs, "gold": g.talks_gold, "pred": g.talks_pred, "paired": g.talks_paired,
            "p": p, "r": r, "f1": f}


def print_report(scores: list[DocScore], splits: tuple[str, ...], worst: int) -> None:
    fig = summary(scores)
    line = "  ".join(f"{s}: {fig[s]['documents']} docs, {fig[s]['sites']} sites" for s in splits)
    print(f"real corpus  {line}\n")
    print(f"{'format':12}" + "".join(f" {s + ' docs':>9} {'talkP':>6} {'talkR':>6} {'F1':>6}"
                                     for s in splits))
    for fmt in FORMATS + ("all",):
        cells = []
        for s in splits:
            g = fig[s]["formats"].get(fmt) if fmt != "all" else {
                "docs": fig[s]["documents"], "f1": fig[s]["micro"]["f1"],
                "p": fig[s]["micro"]["p"], "pred": fig[s]["talks"]["pred"],
                "paired": fig[s]["talks"]["paired"], "gold": fig[s]["talks"]["gold"]}
            if not g:
                cells.append(f" {'-':>9} {'':>6} {'':>6} {'':>6}")
                continue
            tp = g["paired"] / g["pred"] if g["pred"] else 0.0
            tr = g["paired"] / g["gold"] if g["gold"] else 0.0
            cells.append(f" {g['docs']:9} {tp:6.3f} {tr:6.3f} {g['f1']:6.3f}")
        print(f"{fmt:12}" + "".join(cells))
    print()
    names = sorted({n for s in splits for n in fig[s]["fields"]})
    print(f"{'field':22}" + "".join(f" {s + ' gold':>9} {'P':>6} {'R':>6} {'F1':>6}"
                                     for s in splits))
    for name in names:
        cells = []
        for s in splits:
            f = fig[s]["fields"].get(name)
            cells.append(f" {f['gold']:9} {f['p']:6.3f} {f['r']:6.3f} {f['f1']:6.3f}" if f
                         else f" {'-':>9} {'':>6} {'':>6} {'':>6}")
        print(f"{name:22}" + "".join(cells))
    for s in splits:
        print(f"\n== {s}: per site ==")
        print(f"{'site':44} {'docs':>4} {'gold':>5} {'pred':>5} {'pair':>5} {'F1':>6}")
        for site, g in fig[s]["sites_table"].items():
            print(f"{site[:44]:44} {g['docs']:4} {g['gold']:5} {g['pred']:5} {g['paired']:5}"
                  f" {g['f1']:6.3f}")
        print(f"\n{s}: documents with talks that gave no rows: {len(fig[s]['no_rows'])}")
        for name in fig[s]["no_rows"]:
            print(f"  {name}")
        if s == "dev":
            print("\ndev: the ten costliest error classes (count, one example)")
            for key, count, example in fig[s]["costliest"]:
                print(f"  {count:5}  {key}\n         e.g. {example[:150]}")
        if worst and s == "dev":
            print(f"\ndev: the {worst} weakest documents")
            docs = sorted((d for d in scores if d.entry.split == s), key=lambda d: d.f1)
            for d in docs[:worst]:
                print(f"  {d.f1:6.3f}  {d.gold:3}/{d.pred:3}/{d.paired:3}  {d.entry.document}")
    print()
    for s in splits:
        print(f"{s} field-F1 {fig[s]['micro']['f1']:.4f}  talk precision "
              f"{fig[s]['talks']['precision']:.3f}  recall {fig[s]['talks']['recall']:.3f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--reuse", action="store_true")
    ap.add_argument("--split", choices=("dev", "test", "all"), default="all")
    ap.add_argument("--docs", type=int, default=15)
    ap.add_argument("--jobs", type=int, default=None)
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args(argv)
    try:
        scorer = load_scorer()
    except FileNotFoundError as exc:
        print(exc, file=sys.stderr)
        return 2
    entries = load_manifest()
    with tempfile.TemporaryDirectory() as tmp:
        out = args.out or Path(tmp) / "out"
        if not args.reuse:
            code = ingest(out, args.jobs)
            if code not in (0, 3):
                print(f"ingest failed with exit status {code}", file=sys.stderr)
                return code
        scores = score_documents(out, entries, scorer)
    splits = SPLITS if args.split == "all" else (args.split,)
    print_report(scores, splits, args.docs)
    if args.json:
        args.json.write_text(json.dumps(summary(scores), indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
