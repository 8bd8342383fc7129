"""Fuzzing is part of the suite: a fixed-seed batch of mutated sample and corpus documents
(``bench/bench_fuzz.py`` runs 2,000) goes through the real command, which must finish, and
no mutant may cause an internal error or kill a worker."""

from __future__ import annotations

import sys

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))

import bench_fuzz  # noqa: E402


def test_mutants_are_the_same_for_a_seed() -> None:
    assert bench_fuzz.mutants(3, 5) == bench_fuzz.mutants(3, 5)
    assert {how for _n, _d, how in bench_fuzz.mutants(3, 40)} > set()


def test_a_fixed_seed_batch_of_mutants_causes_no_internal_error() -> None:
    fates, lines = bench_fuzz.run(seed=15, count=150, batch=150, timeout=10)
    bugs = [line for line in lines if line.startswith("BUG")]
    assert not bugs, "\n".join(bugs)
    assert sum(fates.values()) == 150
    assert fates["rows"] > 0  # the mutants are not all rejected up front
