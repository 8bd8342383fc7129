"""Train the span tagger (``pipeline/normalise/tagger.py``) on the corpus's ``dev`` split.

Why a script in the repository: the shipped model (``models/span_tagger/``) must be
reproducible from the project's own data. The ``dev`` documents are labelled by distant
supervision (``tagger_data``); their *sites* are cut into a training part and a held-out
validation part by a fixed hash, so two pages of one site never sit on both sides. CRFsuite's
L-BFGS training is deterministic for the same data and parameters (``PARAMS``), so a retrain
reproduces the recorded scores (``tests/test_span_tagger.py`` checks it).

usage: python training/train_tagger.py [--out DIR] [--score-test]

  --out DIR     where model.crfsuite and scores.json go (default: models/span_tagger)
  --score-test  also score the model on the corpus ``test`` split (a figure to report,
                never one to tune on)
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "training"))

import pycrfsuite  # noqa: E402
from tagger_data import Sequence, entries, sequences  # noqa: E402

from pipeline.normalise.tagger import LABELS, MODEL_DIR, bio_runs, line_features  # noqa: E402

PARAMS = {
    "c1": 0.05,  # L1: drops features that never help (keeps the model small)
    "c2": 0.01,  # L2
    "max_iterations": 150,
    "feature.possible_transitions": True,
}
VALIDATION_SHARE = 5  # one site in five is held out for validation


def is_validation(site: str) -> bool:
    digest = hashlib.sha256(f"tagger-validation:{site.strip().lower()}".encode()).hexdigest()
    return int(digest[:8], 16) % VALIDATION_SHARE == 0


def split_dev() -> tuple[list[Sequence], list[Sequence]]:
    """(training, validation) sequences of the ``dev`` documents."""
    train: list[Sequence] = []
    valid: list[Sequence] = []
    for entry in entries("dev"):
        if is_validation(entry.site):
            valid.extend(sequences(entry))
        else:
            train.extend(sequences(entry, values_alone=True))
    return train, valid


def train(seqs: list[Sequence], model: Path) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for s in seqs:
        trainer.append(line_features(s.line, s.tokens), s.tags)
    trainer.set_params(PARAMS)
    model.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(model))


def _spans(tags: list[str]) -> set[tuple[str, int, int]]:
    return set(bio_runs(tags))


def evaluate(seqs: list[Sequence], model: Path) -> dict[str, dict[str, float]]:
    """Exact-span precision, recall and F1 per label and micro-averaged (``all``)."""
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for s in seqs:
        gold = _spans(s.tags)
        pred = _spans(list(tagger.tag(line_features(s.line, s.tokens))))
        for label, *_ in pred & gold:
            tp[label] += 1
        for label, *_ in pred - gold:
            fp[label] += 1
        for label, *_ in gold - pred:
            fn[label] += 1
    out: dict[str, dict[str, float]] = {}
    for label in (*LABELS, "all"):
        keys = LABELS if label == "all" else (label,)
        t = sum(tp[k] for k in keys)
        p_, n_ = sum(fp[k] for k in keys), sum(fn[k] for k in keys)
        precision = t / (t + p_) if t + p_ else 0.0
        recall = t / (t + n_) if t + n_ else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        out[label] = {"precision": round(precision, 4), "recall": round(recall, 4),
                      "f1": round(f1, 4), "gold": t + n_}
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=MODEL_DIR)
    parser.add_argument("--score-test", action="store_true")
    args = parser.parse_args(argv)
    train_seqs, valid_seqs = split_dev()
    model = args.out / "model.crfsuite"
    train(train_seqs, model)
    scores: dict[str, object] = {
        "params": PARAMS,
        "training_sequences": len(train_seqs),
        "validation_sequences": len(valid_seqs),
        "training_tokens": sum(len(s.tags) for s in train_seqs),
        "validation": evaluate(valid_seqs, model),
        "model_sha256": hashlib.sha256(model.read_bytes()).hexdigest(),
        "model_bytes": model.stat().st_size,
    }
    if args.score_test:
        test_seqs = [s for e in entries("test") for s in sequences(e)]
        scores["test"] = evaluate(test_seqs, model)
    (args.out / "scores.json").write_text(json.dumps(scores, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(scores, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
