"""The claim x source matrix: every claim of one document against every other document.

A row per claim, a column per other document; each cell says whether that document tells the
claim (strongly, partially or not at all), whether a detail differs, and whether the two rest
on the same upstream source. Absent cells are the point: they show what a source leaves out.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from reader.core.documents.document import Document
from reader.core.matching.counterparts import CounterpartIndex, strongest
from reader.core.matching.matcher import MatchCancelled, Strength
from reader.core.provenance.claim_view import CounterpartText, view_claim
from reader.core.provenance.comparison import PassageSources, Provenance, passage_sources
from reader.core.provenance.conflicts import Conflict

ABSENT: Literal["absent"] = "absent"


@dataclass(frozen=True, slots=True)
class Cell:
    """One claim against one other document."""

    strength: Strength | Literal["absent"]
    score: float = 0.0
    passage: int | None = None  # the best-scoring counterpart, the one the pane shows
    provenance: Provenance | None = None
    count: int = 0  # counterparts in that document, the best one shown

    @property
    def conflicts(self) -> tuple[Conflict, ...]:
        """The details on which the counterpart differs, where it tells the same claim (a
        strong match): a partial match may tell another claim of the event (claim_view.py)."""
        if self.provenance is None or self.strength != "strong":
            return ()
        return self.provenance.conflicts

    @property
    def same_source(self) -> bool:
        """The counterpart repeats the claim's upstream source, or copies it."""
        return self.provenance is not None and self.provenance.same_source


@dataclass(frozen=True, slots=True)
class Row:
    """One claim of the base document and its cell in each other document."""

    passage: int
    cells: tuple[Cell, ...]

    @property
    def found(self) -> int:
        """How many other documents tell this claim."""
        return sum(1 for cell in self.cells if cell.strength != ABSENT)

    @property
    def independent(self) -> int:
        """How many of those do not rest on the claim's own upstream source."""
        return sum(1 for cell in self.cells if cell.strength != ABSENT and not cell.same_source)

    @property
    def conflicted(self) -> int:
        """How many of those differ on a detail."""
        return sum(1 for cell in self.cells if cell.conflicts)


@dataclass(frozen=True)
class ClaimMatrix:
    """The claims of ``base`` (rows) against the documents in ``others`` (columns)."""

    base: int
    others: tuple[int, ...]
    rows: tuple[Row, ...]


def claim_matrix(
    documents: Sequence[Document],
    index: CounterpartIndex,
    base: int,
    cancelled: Callable[[], bool] | None = None,
) -> ClaimMatrix:
    """Build the matrix of one document's claims from the index the panes use.

    A cell shows the best-scoring counterpart (the one the pane scrolls to) and is strong when
    any counterpart in that document is, as the pane's marks are. Raises ``MatchCancelled``
    when ``cancelled`` turns true, so a worker can stop early.
    """
    others = tuple(i for i in range(len(documents)) if i != base)
    document = documents[base]
    contexts: dict[tuple[int, int], PassageSources] = {}

    def context(doc: int, passage: int) -> PassageSources:
        key = (doc, passage)
        if key not in contexts:
            contexts[key] = passage_sources(documents[doc], passage)
        return contexts[key]

    absent = Cell(ABSENT)
    rows: list[Row] = []
    for claim in document.passages:
        if cancelled is not None and cancelled():
            raise MatchCancelled
        best = {
            other: found
            for other in others
            if (found := index.counterparts(base, claim.index, other))
        }
        if not best:  # told nowhere else: no sources to compare, so none are looked for
            rows.append(Row(claim.index, (absent,) * len(others)))
            continue
        view = view_claim(
            claim.text,
            context(base, claim.index),
            [
                CounterpartText(
                    documents[other].passages[found[0].passage].text,
                    context(other, found[0].passage),
                    found[0].strength,
                )
                for other, found in best.items()
            ],
        )
        compared = dict(zip(best, view.counterparts, strict=True))
        cells = [
            Cell(
                strongest(best[other]),
                best[other][0].score,
                best[other][0].passage,
                compared[other],
                len(best[other]),
            )
            if other in best
            else absent
            for other in others
        ]
        rows.append(Row(claim.index, tuple(cells)))
    return ClaimMatrix(base, others, tuple(rows))
