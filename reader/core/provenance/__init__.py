"""Provenance: matched passages in, who says so out: each passage's chain of sources, whether
two passages rest on one upstream source, the details on which they differ, one claim's view
for every screen and export, and the claim x source matrix of a document."""

from reader.core.provenance.attribution import Attribution, Source, attribute
from reader.core.provenance.claim_matrix import ABSENT, Cell, ClaimMatrix, Row, claim_matrix
from reader.core.provenance.claim_view import ClaimView, CounterpartText, view_claim, view_passage
from reader.core.provenance.comparison import Provenance, compare, paragraph_attribution
from reader.core.provenance.conflicts import Conflict, find_conflicts

__all__ = [
    "ABSENT",
    "Attribution",
    "Cell",
    "ClaimMatrix",
    "ClaimView",
    "Conflict",
    "CounterpartText",
    "Provenance",
    "Row",
    "Source",
    "attribute",
    "claim_matrix",
    "compare",
    "find_conflicts",
    "paragraph_attribution",
    "view_claim",
    "view_passage",
]
