"""Union-find whose unions a subclass may refuse: the clustering the events table (rows of
one real talk) and the people table (spellings of one person) share.

Why one class: both join the strongest pairs first and must refuse a join that would make
a cluster inconsistent (two dates in one talk, two unrelated affiliations in one person);
only the refusal rule and the state a cluster carries differ."""

from __future__ import annotations


class GuardedUnionFind:
    """Clusters over ``0..n-1``; the lower root represents a cluster, so results do not
    depend on the order of unions."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> bool:
        """Join the clusters of ``a`` and ``b`` unless ``refuses`` says no; True when they
        are (now) one cluster."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if self.refuses(ra, rb):
            return False
        ra, rb = min(ra, rb), max(ra, rb)
        self.parent[rb] = ra
        self.absorb(ra, rb)
        return True

    def refuses(self, ra: int, rb: int) -> bool:
        """Whether the clusters rooted at ``ra`` and ``rb`` must stay apart."""
        return False

    def absorb(self, keep: int, gone: int) -> None:
        """Move the state of root ``gone`` into root ``keep``."""
