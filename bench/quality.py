"""Matching quality: reader against the token_set_ratio baseline and against the matcher before
issue 17 (``bench.baseline``), all measured in the same run, with a 2-fold check of topics.

Run: ``python -m bench.quality``. Needs ../shared/eval (and git history for "before").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from bench.baseline import BASELINE_COMMIT, frozen_tree, match_sets
from bench.evaluation import (
    ECB_DEV,
    SEED_GOLD,
    Counts,
    Topic,
    load_topics,
    per_topic,
    row_pairs,
    score_baseline,
    score_seeds,
    seed_margin,
    two_article_sets,
)
from reader.core.matching.matcher import DEFAULT_MIN_SCORE, MatchSettings

SWEEP = (10, 13, 16, 19, 22)


def main() -> int:
    """Print the quality tables."""
    if not ECB_DEV.is_dir() or not SEED_GOLD.is_file():
        print("../shared/eval is not beside the project: nothing to measure")
        return 0
    topics = load_topics()
    pairs = two_article_sets(topics)
    baseline = score_baseline(topics)
    ours = per_topic(topics)
    ours_pairs = per_topic(pairs)
    with frozen_tree() as tree:
        before = _before(tree, topics) if tree else None
        before_pairs = _before(tree, pairs) if tree else None
    print(f"ECB+ dev, {len(topics)} topics, each matched on its own (micro over labelled pairs)")
    print(f"{'':30}{'precision':>10}{'recall':>10}{'F1':>8}{'odd F1':>9}{'even F1':>9}")
    _row("token_set_ratio >= 50", {"all": baseline})
    _row(f"reader (min score {DEFAULT_MIN_SCORE:g})", ours)
    if before:
        _row(f"before ({BASELINE_COMMIT})", before)
        wins = sum(ours[n].f1 > before[n].f1 + 1e-9 for n in ours)
        losses = sum(ours[n].f1 < before[n].f1 - 1e-9 for n in ours)
        print(
            f"  per topic against before: {wins} better, {losses} worse, {len(ours) - wins - losses} equal"
        )
        worst = sorted(ours, key=lambda n: ours[n].f1 - before[n].f1)[:3]
        print(
            "  largest losses: " + ", ".join(f"{n} {ours[n].f1 - before[n].f1:+.3f}" for n in worst)
        )
    print()
    print(f"{len(pairs)} sets of two reports of one event (12 per topic, fixed seed)")
    _row("reader", ours_pairs)
    if before_pairs:
        _row(f"before ({BASELINE_COMMIT})", before_pairs)
    print()
    print("Threshold sweep, and a 2-fold check: the threshold chosen on odd topics, scored on even")
    sweep = {t: per_topic(topics, MatchSettings(min_score=t)) for t in SWEEP}
    for threshold, counts in sweep.items():
        _row(f"  min score {threshold}", counts)
    for chosen_on, scored_on in (("odd", "even"), ("even", "odd")):
        best = max(SWEEP, key=lambda t: _fold(sweep[t], chosen_on).f1)
        print(
            f"  chosen on {chosen_on}: {best}, {scored_on} F1 {_fold(sweep[best], scored_on).f1:.3f}"
            f" (at {DEFAULT_MIN_SCORE:g}: {_fold(ours, scored_on).f1:.3f})"
        )
    _seeds()
    return 0


def _before(tree: Path, topics: Sequence[Topic]) -> dict[str, Counts]:
    """The frozen matcher's counts per set, keyed like ``per_topic`` (sets of one topic add)."""
    found: dict[str, Counts] = {}
    sets = [[ECB_DEV / topic.name / name for name in topic.files] for topic in topics]
    for topic, rows in zip(topics, match_sets(tree, sets), strict=True):
        files = topic.files
        covered = row_pairs(
            topic, [(files[r[0]], r[1], r[2], files[r[3]], r[4], r[5]) for r in rows]
        )
        found.setdefault(topic.name, Counts()).add(covered, topic.gold)
    return found


def _fold(counts: Mapping[str, Counts], which: str) -> Counts:
    """Micro counts over the odd or even topics, or all."""
    total = Counts()
    for name, each in counts.items():
        if which == "all" or (name.isdigit() and (int(name) % 2 == 1) == (which == "odd")):
            total.tp += each.tp
            total.fp += each.fp
            total.fn += each.fn
    return total


def _row(label: str, counts: Mapping[str, Counts]) -> None:
    total = _fold(counts, "all")
    folds = (
        f"{_fold(counts, 'odd').f1:>9.3f}{_fold(counts, 'even').f1:>9.3f}"
        if len(counts) > 1
        else ""
    )
    print(f"{label:30}{total.precision:>10.3f}{total.recall:>10.3f}{total.f1:>8.3f}{folds}")


def _seeds() -> None:
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


if __name__ == "__main__":
    raise SystemExit(main())
