"""Candidates that lose nothing: on ECB+ dev topics, the matches are those of scoring every
pair of passages by the rules (skipped when ../shared/eval is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.evaluation import load_topics
from reader.core.matching.matcher import MatchSettings, match_documents
from tests.support.reference import exhaustive, found

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("topic", ["1", "3", "18", "30"])
def test_matches_equal_exhaustive_scoring_on_dev_topics(eval_dir: Path, topic: str) -> None:
    chosen = [t for t in load_topics(eval_dir / "ecbplus-dev") if t.name == topic]
    settings = MatchSettings()
    result = match_documents(chosen[0].documents, settings)
    ours = found(result)
    expected, borderline = exhaustive(result, settings, chosen[0].documents)
    assert len(ours) > 1000
    # Pairs within rounding of a limit may fall either way (sums in another order).
    assert len(borderline) <= 5
    assert {k: v for k, v in ours.items() if k not in borderline} == {
        k: v for k, v in expected.items() if k not in borderline
    }
