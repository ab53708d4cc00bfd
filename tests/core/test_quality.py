"""Matching quality on the gold data in ../shared/eval (skipped when it is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.evaluation import load_topics, score_baseline, score_reader, score_seeds, seed_margin
from reader.core.matching.matcher import DEFAULT_MIN_SCORE

pytestmark = pytest.mark.slow


def test_seeds_strong_pairs_found(eval_dir: Path) -> None:
    report = score_seeds()
    # Every strong pair, including "three others injured" / "Three North Koreans were also
    # wounded", which needs "injured" = "wounded".
    assert report.strong_found == report.strong_total, report.missed_strong


def test_seeds_no_unmatched_sentence_is_linked(eval_dir: Path) -> None:
    assert score_seeds().unmatched_linked == []


def test_the_threshold_falls_between_the_seeds_strong_and_unmatched_scores(
    eval_dir: Path,
) -> None:
    weakest, best = seed_margin()
    assert weakest >= DEFAULT_MIN_SCORE > best


def test_ecbplus_dev_beats_the_baseline(eval_dir: Path) -> None:
    topics = load_topics(eval_dir / "ecbplus-dev")
    ours = score_reader(topics)
    baseline = score_baseline(topics)
    assert baseline.f1 < 0.65
    assert ours.f1 >= 0.70
    assert ours.precision >= baseline.precision
