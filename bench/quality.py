"""Matching quality: reader against the token_set_ratio baseline, measured in the same run.

Run: ``python -m bench.quality``. Needs ../shared/eval beside the project.
"""

from __future__ import annotations

from bench.evaluation import (
    ECB_DEV,
    SEED_GOLD,
    load_topics,
    score_baseline,
    score_reader,
    score_seeds,
    seed_margin,
)
from reader.core.matching.matcher import DEFAULT_MIN_SCORE, MatchSettings


def main() -> int:
    """Print the quality tables."""
    if not ECB_DEV.is_dir() or not SEED_GOLD.is_file():
        print("../shared/eval is not beside the project: nothing to measure")
        return 0
    topics = load_topics()
    baseline = score_baseline(topics)
    ours = score_reader(topics)
    print(f"ECB+ dev, {len(topics)} topics (micro over labelled sentence pairs)")
    print(f"{'':28}{'precision':>10}{'recall':>10}{'F1':>10}")
    print(
        f"{'token_set_ratio >= 50':28}{baseline.precision:>10.3f}{baseline.recall:>10.3f}{baseline.f1:>10.3f}"
    )
    label = f"reader (min score {DEFAULT_MIN_SCORE:g})"
    print(f"{label:28}{ours.precision:>10.3f}{ours.recall:>10.3f}{ours.f1:>10.3f}")
    print()
    print("Threshold sweep (how the default was chosen)")
    for threshold in (10, 13, 16, 19, 22):
        counts = score_reader(topics, MatchSettings(min_score=threshold))
        print(
            f"  min score {threshold:>3}: P {counts.precision:.3f} R {counts.recall:.3f} F1 {counts.f1:.3f}"
        )
    seeds = score_seeds()
    print()
    print("Seed articles (../shared/eval/seeds/gold.json)")
    print(f"  strong pairs found   {seeds.strong_found}/{seeds.strong_total}")
    print(f"  partial pairs found  {seeds.partial_found}/{seeds.partial_total}")
    print(f"  unmatched sentences linked: {len(seeds.unmatched_linked)}")
    weakest, best = seed_margin()
    print(f"  margin: weakest strong pair {weakest:.1f}, best unmatched sentence {best:.1f}")
    for quote in seeds.unmatched_linked:
        print(f"    - {quote[:100]}")
    for a, b in seeds.missed_strong:
        print(f"  missed strong: {a[:60]} | {b[:60]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
