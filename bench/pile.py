"""A folder of many stories: all ECB+ dev articles matched in one run, against the matcher before
issue 17 (``bench.baseline``) run the same way in the same run.

Run: ``python -m bench.pile [REPEAT]``. Needs ../shared/eval and git history beside the project.
"""

from __future__ import annotations

import json
import shutil
import statistics
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.baseline import BASELINE_COMMIT, child_command, frozen_tree, match_sets
from bench.evaluation import ECB_DEV, Counts, Topic, load_topics, row_pairs, score_reader
from bench.speed import run


@dataclass(frozen=True)
class PileFigures:
    """What one matcher does with the pile."""

    wall: float
    megabytes: float
    matches: int
    strong: int
    cross: int
    cross_strong: int
    top_score: float
    within: Counts

    @property
    def cross_share(self) -> float:
        """Share of all matches that link articles of different topics."""
        return self.cross / max(self.matches, 1)

    @property
    def cross_counts(self) -> str:
        """The matches linking different topics, and the strong ones: "152 (43)"."""
        return f"{self.cross:,} ({self.cross_strong:,})"

    @property
    def cross_strong_share(self) -> float:
        """Share of strong matches that link articles of different topics."""
        return self.cross_strong / max(self.strong, 1)


def pile_figures(runs: Sequence[tuple[float, float, str]], topics: Sequence[Topic]) -> PileFigures:
    """Figures of ``reader match --json`` runs over the pile folder (median wall, peak memory)."""
    data = json.loads(runs[-1][2])
    names = [Path(d["path"]).name for d in data["documents"]]
    topic_of = {name: topic for topic in topics for name in topic.files}
    rows: dict[str, list[tuple[str, int, int, str, int, int]]] = {t.name: [] for t in topics}
    strong = cross = cross_strong = 0
    top = 0.0
    for match in data["matches"]:
        a, b = match["a"], match["b"]
        name_a, name_b = names[a["doc"]], names[b["doc"]]
        is_strong = match["strength"] == "strong"
        strong += is_strong
        top = max(top, match["score"])
        topic = topic_of[name_a]
        if topic is not topic_of[name_b]:
            cross += 1
            cross_strong += is_strong
            continue
        rows[topic.name].append((name_a, a["start"], a["end"], name_b, b["start"], b["end"]))
    within = Counts()
    for topic in topics:
        within.add(row_pairs(topic, rows[topic.name]), topic.gold)
    return PileFigures(
        wall=statistics.median(r[0] for r in runs),
        megabytes=max(r[1] for r in runs),
        matches=len(data["matches"]),
        strong=strong,
        cross=cross,
        cross_strong=cross_strong,
        top_score=top,
        within=within,
    )


def per_topic_before(tree: Path, topics: Sequence[Topic]) -> Counts:
    """The frozen matcher scored topic by topic, each topic folder matched on its own."""
    counts = Counts()
    sets = [[ECB_DEV / topic.name / name for name in topic.files] for topic in topics]
    for topic, matches in zip(topics, match_sets(tree, sets), strict=True):
        rows = [(topic.files[r[0]], r[1], r[2], topic.files[r[3]], r[4], r[5]) for r in matches]
        counts.add(row_pairs(topic, rows), topic.gold)
    return counts


def main(argv: Sequence[str] | None = None) -> int:
    """Print the pile table."""
    args = list(sys.argv[1:] if argv is None else argv)
    repeat = int(args[0]) if args else 3
    if not ECB_DEV.is_dir():
        print("../shared/eval/ecbplus-dev is not beside the project: nothing to measure")
        return 0
    with tempfile.TemporaryDirectory() as folder, frozen_tree() as tree:
        for path in ECB_DEV.glob("*/*.txt"):
            shutil.copy(path, Path(folder) / path.name)
        # The matchers run before this process loads anything, keeping one output at a time:
        # a child's peak memory counts what it inherited from its parent before it started.
        reader = [sys.executable, "-m", "reader", "match", "--json", folder]
        our_runs = _series(reader, None, None, repeat)
        before_runs = []
        if tree is not None:
            command, env = child_command(tree, "-m", "reader", "match", "--json", folder)
            before_runs = _series(command, env, tree, repeat)
        topics = load_topics()
        ours = pile_figures(our_runs, topics)
        per_topic = score_reader(topics)
        before = pile_figures(before_runs, topics) if before_runs else None
        before_topic = per_topic_before(tree, topics) if tree is not None else None
    count = sum(len(t.files) for t in topics)
    print(f"The pile: {count} ECB+ dev articles of {len(topics)} topics in one folder")
    label = f"before ({BASELINE_COMMIT})" if before else "before: no git history"
    print(f"{'':36}{'reader':>12}{label:>20}{'target':>12}")

    def line(name: str, ours_value: str, before_value: str, target: str = "") -> None:
        print(f"{name:36}{ours_value:>12}{before_value:>20}{target:>12}")

    def both(name: str, get: str, form: str, target: str = "") -> None:
        value = getattr(ours, get)
        old = format(getattr(before, get), form) if before else "-"
        line(name, format(value, form), old, target)

    both("cross-topic share of matches", "cross_share", ".2%", "<= 2%")
    both("cross-topic share of strong matches", "cross_strong_share", ".2%", "<= 0.5%")
    both("  cross-topic matches (strong)", "cross_counts", "")
    line(
        "within-topic F1, from the pile run",
        f"{ours.within.f1:.3f}",
        f"{before.within.f1:.3f}" if before else "-",
        f">= {per_topic.f1 - 0.02:.3f}",
    )
    line("  precision / recall", _pr(ours.within), _pr(before.within) if before else "-")
    line(
        "per-topic F1 (each topic on its own)",
        f"{per_topic.f1:.3f}",
        f"{before_topic.f1:.3f}" if before_topic else "-",
    )
    both(f"wall, end to end (median of {repeat})", "wall", ".2f", "< 8 s")
    both("peak memory, MB", "megabytes", ".0f", "< 400")
    both("matches", "matches", ",d")
    both("strong matches", "strong", ",d")
    both("highest score", "top_score", ".1f", "<= 100")
    return 0


def _series(
    command: list[str], env: dict[str, str] | None, cwd: Path | None, repeat: int
) -> list[tuple[float, float, str]]:
    """``repeat`` runs of a command; only the last keeps its output."""
    runs: list[tuple[float, float, str]] = []
    for _ in range(repeat):
        if runs:
            runs[-1] = (runs[-1][0], runs[-1][1], "")
        runs.append(run(command, env, cwd))
    return runs


def _pr(counts: Counts) -> str:
    return f"{counts.precision:.3f}/{counts.recall:.3f}"


if __name__ == "__main__":
    raise SystemExit(main())
