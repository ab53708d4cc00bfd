"""The claim x source matrix: every claim of one document against every other document.

A row per claim, a column per other document; each cell says whether that document tells the
claim (strongly, partially or not at all), whether a detail differs, and whether the two rest
on the same upstream source. Absent cells are the point: they show what a source leaves out.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reader.core.attribution import Attribution
from reader.core.claims import ClaimIndex, strongest
from reader.core.conflicts import Conflict
from reader.core.matching import MatchCancelled
from reader.core.model import Document
from reader.core.provenance import Provenance, compare, paragraph_attribution

ABSENT = "absent"


@dataclass(frozen=True, slots=True)
class Cell:
    """One claim against one other document."""

    strength: str  # "strong", "partial" or "absent"
    score: float = 0.0
    passage: int | None = None  # the best-scoring counterpart, the one the pane shows
    provenance: Provenance | None = None

    @property
    def conflicts(self) -> tuple[Conflict, ...]:
        """The details on which the counterpart differs."""
        return self.provenance.conflicts if self.provenance else ()

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
    index: ClaimIndex,
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
    contexts: dict[tuple[int, int], Attribution] = {}

    def context(doc: int, passage: int) -> Attribution:
        key = (doc, passage)
        if key not in contexts:
            contexts[key] = paragraph_attribution(documents[doc], passage)
        return contexts[key]

    absent = Cell(ABSENT)
    rows: list[Row] = []
    for claim in document.passages:
        if cancelled is not None and cancelled():
            raise MatchCancelled
        cells: list[Cell] = []
        for other in others:
            found = index.counterparts(base, claim.index, other)
            if not found:
                cells.append(absent)
                continue
            best = found[0]
            provenance = compare(
                claim.text,
                documents[other].passages[best.passage].text,
                context(base, claim.index),
                context(other, best.passage),
            )
            cells.append(Cell(strongest(found), best.score, best.passage, provenance))
        rows.append(Row(claim.index, tuple(cells)))
    return ClaimMatrix(base, others, tuple(rows))
