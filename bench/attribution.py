"""Attribution quality: reader's rules against a cue-word baseline measured in the same run.

Run: ``python -m bench.attribution``. Needs ../shared/eval/attribution-dev beside the project
(300 hand-labelled sentences, their README and score.py); without it, it says so and stops.
The figures are score.py's own: its ``judge`` rules run on both systems' chains. A pronoun
link is written as its referent when reader resolved it from the gold "previous" sentence, as
the scorer expects. The two halves (even and odd ids) check that what was tuned on one holds
on the other. Then: milliseconds per passage over whole documents, as the app attributes them.
"""

from __future__ import annotations

import importlib.util
import json
import re
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

from bench.evaluation import ECB_DEV, SHARED
from reader.core.documents.loading import load_document
from reader.core.provenance.attribution import attribute
from reader.core.provenance.comparison import passage_sources

ATTRIBUTION_DEV = SHARED / "eval" / "attribution-dev"
Row = dict[str, Any]
System = Callable[[str, str], list[str]]

# The rules before issue 18 (commit 5f85626), scored by score.py on these 300 sentences before
# they were replaced; that code is gone, so its figures are kept here.
ORIGINAL = {
    "all": "P 0.990 R 0.572 F1 0.725  outermost 0.539 (named 0.688, described 0.463, "
    "pronoun 0.037)  referent 0/11",
    "even": "P 0.981 R 0.553 F1 0.707  outermost 0.500  referent 0/5",
    "odd": "P 1.000 R 0.593 F1 0.745  outermost 0.581  referent 0/6",
}
TARGETS = "targets: F1 >= 0.90 with P >= 0.92; outermost >= 0.85; referent >= 0.70"

_CUE_SUBJECT = re.compile(
    r"((?:[A-Z][\w.'-]*\s+){0,3}[A-Z][\w.'-]*|\b(?:police|officials|authorities))"
    r"\s+(?:said|says|told|reported|announced)\b"
)
_CUE_ACCORDING = re.compile(r"(?i)\baccording to\s+((?:the\s+)?[\w.'-]+(?:\s+[A-Z][\w.'-]*){0,3})")
_CUE_INVERTED = re.compile(r"\bsaid\s+((?:[A-Z][\w.'-]*\s*){1,3})")


def cue_baseline(sentence: str, previous: str) -> list[str]:
    """The simple rule: "according to X", else a capitalised run (or police, officials)
    before said/says/told/reported/announced, else "said X"."""
    for pattern in (_CUE_ACCORDING, _CUE_SUBJECT, _CUE_INVERTED):
        found = pattern.search(sentence)
        if found:
            return [found.group(1).strip()]
    return []


def reader_chain(sentence: str, previous: str) -> list[str]:
    """reader's chain, a resolved pronoun written as its referent."""
    found = attribute(sentence, (previous,) if previous else ())
    return [s.resolved if s.pronoun and s.resolved else s.text for s in found.sources]


def load_scorer() -> ModuleType:
    """The dev set's own score.py, imported from its folder."""
    spec = importlib.util.spec_from_file_location("attribution_score", ATTRIBUTION_DEV / "score.py")
    if spec is None or spec.loader is None:
        raise ImportError("score.py cannot be loaded")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def judged(scorer: ModuleType, gold: list[Row], system: System) -> list[Row]:
    """score.py's verdict on every gold sentence for one system."""
    chains = {" ".join(g["sentence"].split()): system(g["sentence"], g["previous"]) for g in gold}
    rows: list[Row] = scorer.judge(gold, chains)
    return rows


def summary(rows: list[Row]) -> str:
    """Detection, outermost (per kind) and referent figures of a set of judged rows."""
    counts = {k: sum(r["detect"] == k for r in rows) for k in ("TP", "FP", "FN")}
    precision = counts["TP"] / max(1, counts["TP"] + counts["FP"])
    recall = counts["TP"] / max(1, counts["TP"] + counts["FN"])
    f1 = 2 * precision * recall / max(1e-9, precision + recall)
    kinds = []
    for kind in ("named", "described", "pronoun"):
        of_kind = [r for r in rows if r["g"]["kind"] == kind]
        kinds.append(f"{kind} {sum(r['outer_ok'] for r in of_kind) / max(1, len(of_kind)):.3f}")
    attributed = [r for r in rows if r["g"]["kind"] != "none"]
    outermost = sum(r["outer_ok"] for r in attributed) / max(1, len(attributed))
    scored = [r for r in rows if r["ref_ok"] is not None]
    resolved = sum(bool(r["ref_ok"]) for r in scored)
    return (
        f"P {precision:.3f} R {recall:.3f} F1 {f1:.3f}  outermost {outermost:.3f} "
        f"({', '.join(kinds)})  referent {resolved}/{len(scored)}"
    )


def halves(rows: list[Row]) -> dict[str, list[Row]]:
    """All rows, and the even and odd ids: tuned on one half, checked on the other."""
    return {
        "all": rows,
        "even": [r for r in rows if r["g"]["id"] % 2 == 0],
        "odd": [r for r in rows if r["g"]["id"] % 2 == 1],
    }


def quality() -> None:
    """Print both systems' figures, the original rules', and score.py's full table."""
    scorer = load_scorer()
    with (ATTRIBUTION_DEV / "gold.jsonl").open(encoding="utf-8") as lines:
        gold = [json.loads(line) for line in lines if line.strip()]
    systems: dict[str, System] = {"cue-word baseline": cue_baseline, "reader": reader_chain}
    rows = {name: judged(scorer, gold, system) for name, system in systems.items()}
    print(f"Attribution, {len(gold)} hand-labelled ECB+ dev sentences (score.py)")
    print(TARGETS)
    for split in ("all", "even", "odd"):
        print(f"\n{split}:")
        print(f"  {'rules before (recorded)':26}{ORIGINAL[split]}")
        for name, judged_rows in rows.items():
            print(f"  {name:26}{summary(halves(judged_rows)[split])}")
    print("\nscore.py's own report for reader:")
    ours = rows["reader"]
    scorer.report(ours, "all")
    scorer.report([r for r in ours if not r["g"]["borderline"]], "without borderline labels")


def speed() -> None:
    """Milliseconds per passage to attribute whole documents, cold caches, as the app does."""
    largest = max(ECB_DEV.glob("*/*.txt"), key=lambda p: p.stat().st_size)
    with tempfile.TemporaryDirectory() as folder:
        big = Path(folder) / "one-megabyte.txt"
        pieces, size = [], 0
        for path in sorted(ECB_DEV.glob("*/*.txt")):
            text = path.read_text(encoding="utf-8")
            pieces.append(text)
            size += len(text.encode("utf-8"))
            if size >= 1_000_000:
                break
        big.write_text("\n\n".join(pieces), encoding="utf-8")
        print("\nSpeed (every passage's own and paragraph attribution, cold caches)")
        for label, path in (("largest ECB+ dev article", largest), ("1 MB of ECB+ text", big)):
            document = load_document(path)
            _clear_caches()
            start = time.perf_counter()
            for index in range(len(document.passages)):
                passage_sources(document, index)
            elapsed = time.perf_counter() - start
            count = max(1, len(document.passages))
            print(
                f"  {label}: {len(document.passages)} passages in {elapsed:.2f} s, "
                f"{1000 * elapsed / count:.3f} ms per passage"
            )


def _clear_caches() -> None:
    from reader.core.provenance import attribution
    from reader.core.provenance.attribution import _chain

    for cached in (_chain.read_links, _chain.mentions, attribution._plain):
        cached.cache_clear()


def main() -> int:
    """Print the quality tables and the speed."""
    if (
        not (ATTRIBUTION_DEV / "gold.jsonl").is_file()
        or not (ATTRIBUTION_DEV / "score.py").is_file()
    ):
        print("../shared/eval/attribution-dev is not beside the project: nothing to measure")
        return 0
    quality()
    if ECB_DEV.is_dir():
        speed()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
