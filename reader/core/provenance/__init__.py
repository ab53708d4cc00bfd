"""Provenance: matched passages in, who says so out: each passage's chain of sources, whether
two passages rest on one upstream source, the details on which they differ, one claim's view
for every screen and export, and the claim x source matrix of a document."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader._lazy import lazy_exports

if TYPE_CHECKING:
    from reader.core.provenance.attribution import Attribution, Source, attribute
    from reader.core.provenance.claim_matrix import ABSENT, Cell, ClaimMatrix, Row, claim_matrix
    from reader.core.provenance.claim_view import (
        ClaimView,
        CounterpartText,
        view_claim,
        view_passage,
    )
    from reader.core.provenance.comparison import Provenance, compare, paragraph_attribution
    from reader.core.provenance.conflicts import Conflict, find_conflicts

_HOME = {
    "ABSENT": "reader.core.provenance.claim_matrix",
    "Attribution": "reader.core.provenance.attribution",
    "Cell": "reader.core.provenance.claim_matrix",
    "ClaimMatrix": "reader.core.provenance.claim_matrix",
    "ClaimView": "reader.core.provenance.claim_view",
    "Conflict": "reader.core.provenance.conflicts",
    "CounterpartText": "reader.core.provenance.claim_view",
    "Provenance": "reader.core.provenance.comparison",
    "Row": "reader.core.provenance.claim_matrix",
    "Source": "reader.core.provenance.attribution",
    "attribute": "reader.core.provenance.attribution",
    "claim_matrix": "reader.core.provenance.claim_matrix",
    "compare": "reader.core.provenance.comparison",
    "find_conflicts": "reader.core.provenance.conflicts",
    "paragraph_attribution": "reader.core.provenance.comparison",
    "view_claim": "reader.core.provenance.claim_view",
    "view_passage": "reader.core.provenance.claim_view",
}

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


__getattr__ = lazy_exports(__name__, _HOME)
