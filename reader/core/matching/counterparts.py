"""Matches looked up by claim: for each (document, passage), its counterparts, best first."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from reader.core.matching.matcher import Match, MatchResult, Strength


@dataclass(frozen=True)
class Counterpart:
    """A passage in another document that matches a claim."""

    doc: int
    passage: int
    score: float
    strength: Strength
    match: Match


@dataclass
class CounterpartIndex:
    """Matches looked up by (document, passage), best first."""

    result: MatchResult | None = None
    by_passage: dict[tuple[int, int], list[Counterpart]] = field(default_factory=dict)

    @classmethod
    def build(cls, result: MatchResult) -> CounterpartIndex:
        """Index every match from both of its sides."""
        table: dict[tuple[int, int], list[Counterpart]] = defaultdict(list)
        for match in result.matches:
            table[(match.a.doc, match.a_passage)].append(
                Counterpart(match.b.doc, match.b_passage, match.score, match.strength, match)
            )
            table[(match.b.doc, match.b_passage)].append(
                Counterpart(match.a.doc, match.a_passage, match.score, match.strength, match)
            )
        for items in table.values():
            items.sort(key=lambda c: -c.score)
        return cls(result, dict(table))

    def counterparts(self, doc: int, passage: int, other: int | None = None) -> list[Counterpart]:
        """The passages matching a claim, in one other document or in all."""
        found = self.by_passage.get((doc, passage), [])
        return [c for c in found if other is None or c.doc == other]

    def strengths(self, doc: int, other: int) -> dict[int, str]:
        """For each passage of ``doc`` matched in ``other``, its best strength."""
        best: dict[int, str] = {}
        for (d, passage), items in self.by_passage.items():
            if d != doc:
                continue
            found = [c for c in items if c.doc == other]
            if found:
                best[passage] = strongest(found)
        return best


def strongest(counterparts: Iterable[Counterpart]) -> Strength:
    """A claim's strength in a document: strong when any of its counterparts there is."""
    return "strong" if any(c.strength == "strong" for c in counterparts) else "partial"


def top_matches(matches: Sequence[Match], count: int) -> list[Match]:
    """The matches among the ``count`` best of one of their passages in the other document (by
    score, then position), in their order: every passage keeps its best counterparts."""
    ranked: defaultdict[tuple[int, int, int], list[tuple[float, int]]] = defaultdict(list)
    for position, match in enumerate(matches):
        ranked[(match.a.doc, match.a_passage, match.b.doc)].append((-match.score, position))
        ranked[(match.b.doc, match.b_passage, match.a.doc)].append((-match.score, position))
    keep: set[int] = set()
    for items in ranked.values():
        items.sort()
        keep.update(position for _, position in items[:count])
    return [match for position, match in enumerate(matches) if position in keep]
