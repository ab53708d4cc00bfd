"""Reproducible benchmark documents built from the ECB+ dev articles."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path

from bench.evaluation import ECB_DEV

_SMALL_NUMBERS = "zero one two three four five six seven eight nine ten eleven twelve".split()
_ATTRIBUTIONS = (", officials said", ", according to reports", ", a spokesman told reporters")


@dataclass(frozen=True)
class LongPair:
    """Two long documents and the sentences of the first that the second retells."""

    text_a: str
    text_b: str
    pairs: list[tuple[str, str]]


def _paragraphs(topics: range, root: Path = ECB_DEV) -> list[str]:
    found: list[str] = []
    for topic in topics:
        folder = root / str(topic)
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            found.extend(p.strip() for p in text.split("\n\n") if len(p.split()) >= 6)
    return found


def reword(sentence: str, rng: random.Random) -> str:
    """Retell a sentence: numbers in words or digits, an attribution added, a word dropped."""
    words = sentence.rstrip(".").split()
    for i, word in enumerate(words):
        if word.isdigit() and int(word) < len(_SMALL_NUMBERS):
            words[i] = _SMALL_NUMBERS[int(word)]
        elif word.lower() in _SMALL_NUMBERS:
            words[i] = str(_SMALL_NUMBERS.index(word.lower()))
    droppable = [i for i, w in enumerate(words) if len(w) <= 3 and i > 0]
    if droppable and len(words) > 8:
        del words[rng.choice(droppable)]
    return " ".join(words) + rng.choice(_ATTRIBUTIONS) + "."


def long_pair(sentences: int = 3000, seed: int = 1) -> LongPair:
    """Document A: ECB+ articles of topics 1-17; B: half of A retold, shuffled, padded."""
    from reader.core.documents.markup import plain_blocks
    from reader.core.documents.segmentation import segment

    rng = random.Random(seed)
    source = _paragraphs(range(1, 18))
    padding = _paragraphs(range(18, 36))
    chosen: list[str] = []
    count = 0
    for paragraph in source:
        count += len(segment(paragraph, plain_blocks(paragraph)))
        chosen.append(paragraph)
        if count >= sentences:
            break
    text_a = "\n\n".join(chosen) + "\n"
    pairs: list[tuple[str, str]] = []
    retold: list[str] = []
    for paragraph in chosen:
        if rng.random() < 0.5:
            continue
        originals = [p.text for p in segment(paragraph, plain_blocks(paragraph))]
        new = [reword(s, rng) for s in originals]
        pairs.extend(zip(originals, new, strict=True))
        retold.append(" ".join(new))
    body = retold + padding[: max(0, len(chosen) - len(retold))]
    rng.shuffle(body)
    return LongPair(text_a, "\n\n".join(body) + "\n", pairs)


def cluster(topic: str = "3", size: int = 20, root: Path = ECB_DEV) -> list[Path]:
    """The first ``size`` articles of an ECB+ dev topic."""
    files = sorted(
        (root / topic).glob("*.txt"), key=lambda p: [int(x) for x in re.findall(r"\d+", p.name)]
    )
    return files[:size]


def big_document(megabytes: float = 5.0, root: Path = ECB_DEV) -> str:
    """About ``megabytes`` of news text: the ECB+ dev articles, repeated in numbered parts."""
    paragraphs = _paragraphs(range(1, 60), root)
    target = int(megabytes * 1_000_000)
    parts: list[str] = []
    size = 0
    part = 0
    while size < target:
        part += 1
        parts.append(f"Part {part}")
        for paragraph in paragraphs:
            parts.append(paragraph)
            size += len(paragraph) + 2
            if size >= target:
                break
    return "\n\n".join(parts) + "\n"
