"""One row per person: the speakers of every talk, their name variants merged where the
evidence allows, with ``person_id`` set on each speaker of ``talks.parquet``.

Names are compared as ``name_keys.NameKey``. Speakers whose names are the same once case,
accents, punctuation, honorifics and ``Last, First`` order are folded away (``Prof. José
García``, ``GARCIA, Jose``) are one person: an identical name is the strongest evidence the
dataset has, and a person who moves keeps their name (their affiliations over time are
kept). A *variant* (``J. Smith`` beside ``Jane Smith``; ``Jane A. Smith`` beside ``Jane
Smith``) is only a candidate: it is merged when another fact supports it (a shared
affiliation, or co-occurrence: the same talk seen in two sources, the same document or the
same series) and never when both sides state affiliations that share no distinctive word
(``J. Smith, MIT`` and ``Jane Smith, Oxford`` stay two people, whatever else they share).
Merges go strongest first and a merge that would join two incompatible names (``Jane`` and
``John`` through ``J.``) is refused, so an initial shared by two people joins neither
unless the evidence picks one.

``person_id`` is derived from the fullest spelling of the person's name, so it is stable
across runs while no fuller spelling appears.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from pipeline.name_keys import NameKey, compatible, fold, name_key
from pipeline.normalise.vocab import DISCIPLINE_WORDS, NAMED_ORGS, ORG_LEADING_WORDS, ORG_WORDS
from pipeline.unionfind import GuardedUnionFind

# Words every affiliation shares: they say nothing about which organisation it is.
_GENERIC_AFFILIATION_WORDS = frozenset(
    fold(w) for w in (*ORG_WORDS, *ORG_LEADING_WORDS, *DISCIPLINE_WORDS)
) - frozenset(fold(w) for w in NAMED_ORGS) | frozenset({
    "of", "the", "and", "for", "at", "in", "de", "di", "du", "des", "del", "della", "la", "le",
    "department", "dept", "school", "faculty", "lab", "laboratory", "group", "center",
    "centre", "division", "national", "research", "inc", "ltd", "llc",
})

# Support for a variant merge, strongest first: the same talk in two sources, a shared
# affiliation, the same document, the same series.
_SUPPORT = {"event": 4.0, "affiliation": 3.0, "document": 2.0, "series": 1.0}


# Words an organisation's acronym leaves out (``MIT`` of ``Massachusetts Institute of
# Technology``).
_ACRONYM_SKIPS = frozenset({"of", "the", "and", "for", "at", "in", "de", "di", "du", "des",
                            "del", "della", "la", "le", "&"})


def _acronyms(affiliation: str) -> set[str]:
    """The acronyms an affiliation can go by: the initials of each of its comma parts of
    three words or more (``ucl`` of ``University College London``)."""
    out = set()
    for part in re.split(r"[,;()/]", affiliation):
        words = [w for w in fold(part).replace("-", " ").split() if w not in _ACRONYM_SKIPS]
        if len(words) >= 3:
            out.add("".join(w[0] for w in words))
    return out


def affiliation_words(affiliation: str | None) -> frozenset[str]:
    """The distinctive words of an affiliation (``Harvard`` of ``Physics, Harvard University``),
    with the acronym of each part, so ``MIT`` and ``Massachusetts Institute of Technology``
    share a word."""
    if not affiliation:
        return frozenset()
    words = {w for w in fold(affiliation).replace("-", " ").split()
             if len(w) > 1 and w not in _GENERIC_AFFILIATION_WORDS}
    # a named organisation written as an acronym (``MIT``, ``CERN``) is distinctive even
    # though the organisation vocabulary lists it
    words |= {fold(t) for t in re.findall(r"\b[A-Z]{3,}\b", affiliation)}
    return frozenset(words | _acronyms(affiliation))


@dataclass
class _Mention:
    speaker: dict[str, Any]
    key: NameKey
    event_id: str
    date: dt.date | None
    series: str | None
    path: str


@dataclass
class _Group:
    """Every mention of one folded name."""

    key: NameKey
    mentions: list[_Mention] = field(default_factory=list)

    def facts(self, attr: str) -> set[Any]:
        return {getattr(m, attr) for m in self.mentions} - {None}

    def affiliation_words(self) -> frozenset[str]:
        words: set[str] = set()
        for m in self.mentions:
            words |= affiliation_words(m.speaker.get("affiliation"))
        return frozenset(words)


def _support(a: _Group, b: _Group) -> str | None:
    """Why ``a`` and ``b`` (compatible names) are one person, or None (refused, or no
    evidence beyond the name)."""
    words_a, words_b = a.affiliation_words(), b.affiliation_words()
    if words_a and words_b and not words_a & words_b:
        return None  # both say where they are from, and it is not the same place
    if a.facts("event_id") & b.facts("event_id"):
        return "event"
    if words_a & words_b:
        return "affiliation"
    if a.facts("path") & b.facts("path"):
        return "document"
    if a.facts("series") & b.facts("series"):
        return "series"
    return None


class _People(GuardedUnionFind):
    """Union-find over name groups; a union must keep every name pair compatible and the
    affiliations of the two sides overlapping (when both state one)."""

    def __init__(self, groups: list[_Group]) -> None:
        super().__init__(len(groups))
        self.groups = groups
        self.members = [[i] for i in range(len(groups))]
        self.words = [g.affiliation_words() for g in groups]

    def refuses(self, ra: int, rb: int) -> bool:
        if self.words[ra] and self.words[rb] and not self.words[ra] & self.words[rb]:
            return True
        keys_a = [self.groups[i].key for i in self.members[ra]]
        keys_b = [self.groups[i].key for i in self.members[rb]]
        return not all(compatible(x, y) for x in keys_a for y in keys_b)

    def absorb(self, keep: int, gone: int) -> None:
        self.members[keep] += self.members[gone]
        self.words[keep] |= self.words[gone]


def _mentions(rows: list[dict[str, Any]],
              blocks: set[tuple[str, str]] | None = None) -> list[_Mention]:
    out = []
    for row in rows:
        for sp in row.get("speakers") or []:
            if not sp.get("name"):
                continue
            key = name_key(sp["name"])
            if blocks is None or key.block in blocks:
                out.append(_Mention(sp, key, row.get("event_id") or row["talk_id"],
                                    row.get("date"), row.get("series"), row["source_path"]))
    return out


def person_id_of(key: NameKey) -> str:
    """The person's id: derived from the folded fullest spelling of the name."""
    return "pe" + hashlib.sha256(key.full.encode()).hexdigest()[:18]


def _display(mentions: list[_Mention], key: NameKey) -> str:
    """The spelling of ``key`` the sources use most (accented spelling first on a tie)."""
    counts = Counter(m.speaker["name"] for m in mentions if m.key == key)
    return min(counts, key=lambda n: (-counts[n], n.isascii(), n))


def _affiliations(mentions: list[_Mention]) -> list[dict[str, Any]]:
    spans: dict[str, dict[str, Any]] = {}
    events: dict[str, set[str]] = defaultdict(set)
    for m in sorted(mentions, key=lambda m: (m.date or dt.date.max, m.event_id)):
        written = m.speaker.get("affiliation")
        if not written:
            continue
        folded = fold(written)
        span = spans.setdefault(folded, {"affiliation": written, "first_date": None,
                                         "last_date": None})
        events[folded].add(m.event_id)
        if m.date is not None:
            span["first_date"] = min(filter(None, (span["first_date"], m.date)))
            span["last_date"] = max(filter(None, (span["last_date"], m.date)))
    out = [dict(span, talks=len(events[k])) for k, span in spans.items()]
    return sorted(out, key=lambda s: (s["first_date"] or dt.date.max, fold(s["affiliation"])))


def _person(groups: list[_Group]) -> dict[str, Any]:
    mentions = [m for g in groups for m in g.mentions]
    fullest = min((g.key for g in groups), key=lambda k: (*(-x for x in k.fullness), k.full))
    dates = [m.date for m in mentions if m.date is not None]
    return {
        "person_id": person_id_of(fullest),
        "name": _display(mentions, fullest),
        "names": sorted({m.speaker["name"] for m in mentions}),
        "talks": len({m.event_id for m in mentions}),
        "first_date": min(dates) if dates else None,
        "last_date": max(dates) if dates else None,
        "affiliations": _affiliations(mentions),
        "series": sorted({m.series for m in mentions if m.series}),
        "event_ids": sorted({m.event_id for m in mentions}),
    }


def _unambiguous(groups: list[_Group], candidates: list[tuple[float, int, int]]
                 ) -> list[tuple[float, int, int]]:
    """Candidates without those of a name whose strongest evidence points at two names that
    cannot be one person (``J. Smith`` as likely ``Jane`` as ``John``): it joins neither."""
    top: dict[int, float] = {}
    for strength, i, j in candidates:
        for k in (i, j):
            top[k] = min(top.get(k, 0.0), strength)
    partners: dict[int, list[int]] = defaultdict(list)
    for strength, i, j in candidates:
        if strength == top[i]:
            partners[i].append(j)
        if strength == top[j]:
            partners[j].append(i)
    ambiguous = {
        k for k, ps in partners.items()
        if any(not compatible(groups[p].key, groups[q].key) for p in ps for q in ps)
    }
    return [c for c in candidates if c[1] not in ambiguous and c[2] not in ambiguous]


def build_people(rows: list[dict[str, Any]],
                 blocks: set[tuple[str, str]] | None = None) -> list[dict[str, Any]]:
    """The people of ``rows`` (one dict per person, by person_id); sets ``person_id`` on
    every speaker of every row. Rows should carry their ``event_id`` already, so a talk
    seen in three sources counts once.

    With ``blocks``, only the speakers whose name falls in one of those name blocks
    (``NameKey.block``) are considered, and only their people returned: a person never
    spans two blocks, so the people of a block are a function of that block's mentions
    alone, which lets a re-run rebuild only the blocks its changes touch
    (``pipeline/linking.py``). ``rows`` must then hold every row naming a speaker of
    those blocks, in dataset order."""
    by_name: dict[str, _Group] = {}
    for m in _mentions(rows, blocks):
        by_name.setdefault(m.key.full, _Group(m.key)).mentions.append(m)
    groups = [by_name[k] for k in sorted(by_name)]
    blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, g in enumerate(groups):
        blocks[g.key.block].append(i)
    candidates = []
    for _block, members in sorted(blocks.items()):
        for n, i in enumerate(members):
            for j in members[n + 1:]:
                if not compatible(groups[i].key, groups[j].key):
                    continue
                why = _support(groups[i], groups[j])
                if why is not None:
                    candidates.append((-_SUPPORT[why], i, j))
    people = _People(groups)
    for _strength, i, j in sorted(_unambiguous(groups, candidates)):
        people.union(i, j)
    clusters: dict[int, list[_Group]] = defaultdict(list)
    for i, g in enumerate(groups):
        clusters[people.find(i)].append(g)
    table = []
    for members in clusters.values():
        person = _person(members)
        for g in members:
            for m in g.mentions:
                m.speaker["person_id"] = person["person_id"]
        table.append(person)
    return sorted(table, key=lambda p: p["person_id"])
