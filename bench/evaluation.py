"""Scoring matchers against the gold data in ../shared/eval (format in its README)."""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from rapidfuzz import fuzz, utils

from reader.core.documents.document import Document
from reader.core.documents.loading import load_document
from reader.core.matching.matcher import Match, MatchSettings, match_documents

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
ECB_DEV = SHARED / "eval" / "ecbplus-dev"
SEED_GOLD = SHARED / "eval" / "seeds" / "gold.json"
SEEDS = SHARED / "seeds"

Labelled = tuple[str, int]  # (file name, sentence index)
GoldPair = frozenset[Labelled]


@dataclass
class Counts:
    """True positives, false positives and false negatives, with micro scores."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, predicted: set[GoldPair], gold: set[GoldPair]) -> None:
        """Count one folder's predictions against its gold pairs."""
        self.tp += len(predicted & gold)
        self.fp += len(predicted - gold)
        self.fn += len(gold - predicted)

    @property
    def precision(self) -> float:
        """Share of predicted pairs that are gold."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        """Share of gold pairs predicted."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Topic:
    """One ECB+ topic folder: its documents, labelled sentences and gold pairs."""

    name: str
    files: tuple[str, ...]
    documents: tuple[Document, ...]
    sentences: dict[str, list[tuple[int, int, int]]]
    gold: set[GoldPair]


def load_topics(root: Path = ECB_DEV) -> list[Topic]:
    """Load every topic folder under root, documents in file-name order."""
    topics: list[Topic] = []
    for folder in sorted((p for p in root.iterdir() if p.is_dir()), key=lambda p: int(p.name)):
        gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
        files = tuple(sorted(gold["documents"]))
        documents = tuple(load_document(folder / name) for name in files)
        sentences = {
            name: [tuple(s) for s in info["sentences"]] for name, info in gold["documents"].items()
        }
        pairs = {frozenset({(a, ia), (b, ib)}) for a, ia, b, ib in gold["pairs"]}
        topics.append(Topic(folder.name, files, documents, sentences, pairs))
    return topics


def covered(sentences: Sequence[tuple[int, int, int]], start: int, end: int) -> list[int]:
    """Indexes of labelled sentences a span covers: overlap of at least half the shorter one."""
    found: list[int] = []
    for index, s_start, s_end in sentences:
        overlap = min(end, s_end) - max(start, s_start)
        if overlap > 0 and overlap * 2 >= min(end - start, s_end - s_start):
            found.append(index)
    return found


def predicted_pairs(topic: Topic, matches: Iterable[Match]) -> set[GoldPair]:
    """The labelled-sentence pairs that a matcher's matches cover."""
    files = topic.files
    return row_pairs(
        topic,
        ((files[m.a.doc], m.a.start, m.a.end, files[m.b.doc], m.b.start, m.b.end) for m in matches),
    )


def row_pairs(topic: Topic, rows: Iterable[tuple[str, int, int, str, int, int]]) -> set[GoldPair]:
    """The labelled-sentence pairs that matches, given as (file, start, end) twice, cover."""
    pairs: set[GoldPair] = set()
    for file_a, start_a, end_a, file_b, start_b, end_b in rows:
        for ia in covered(topic.sentences.get(file_a, []), start_a, end_a):
            for ib in covered(topic.sentences.get(file_b, []), start_b, end_b):
                pairs.add(frozenset({(file_a, ia), (file_b, ib)}))
    return pairs


def score_reader(topics: Sequence[Topic], settings: MatchSettings | None = None) -> Counts:
    """Micro counts of reader's matcher over all topics."""
    counts = Counts()
    for each in per_topic(topics, settings).values():
        counts.tp, counts.fp, counts.fn = (
            counts.tp + each.tp,
            counts.fp + each.fp,
            counts.fn + each.fn,
        )
    return counts


def per_topic(topics: Sequence[Topic], settings: MatchSettings | None = None) -> dict[str, Counts]:
    """Counts of reader's matcher for each topic, each matched on its own (sets that share a
    topic's name add up)."""
    found: dict[str, Counts] = {}
    for topic in topics:
        counts = found.setdefault(topic.name, Counts())
        counts.add(
            predicted_pairs(topic, match_documents(topic.documents, settings).matches), topic.gold
        )
    return found


def two_article_sets(topics: Sequence[Topic], each: int = 12, seed: int = 5) -> list[Topic]:
    """Sets of two reports of one event (same subtopic), ``each`` drawn from each topic
    with a fixed seed, each a Topic of its own with the gold pairs between the two."""
    rng = random.Random(seed)
    sets: list[Topic] = []
    for topic in topics:
        gold = json.loads((ECB_DEV / topic.name / "gold.json").read_text(encoding="utf-8"))
        by_event: dict[str, list[int]] = {}
        for index, name in enumerate(topic.files):
            by_event.setdefault(gold["documents"][name]["subtopic"], []).append(index)
        pairs = [pair for indexes in by_event.values() for pair in combinations(indexes, 2)]
        for i, j in rng.sample(pairs, min(each, len(pairs))):
            files = (topic.files[i], topic.files[j])
            sets.append(
                Topic(
                    topic.name,
                    files,
                    (topic.documents[i], topic.documents[j]),
                    {name: topic.sentences.get(name, []) for name in files},
                    {pair for pair in topic.gold if {key[0] for key in pair} == set(files)},
                )
            )
    return sets


def score_baseline(topics: Sequence[Topic], threshold: float = 50.0) -> Counts:
    """The README's reference: token_set_ratio on the labelled sentences themselves."""
    counts = Counts()
    for topic in topics:
        labelled: list[tuple[Labelled, str]] = []
        for doc_index, name in enumerate(topic.files):
            text = topic.documents[doc_index].text
            for index, start, end in topic.sentences.get(name, []):
                labelled.append(((name, index), text[start:end]))
        predicted: set[GoldPair] = set()
        for (key_a, text_a), (key_b, text_b) in combinations(labelled, 2):
            if key_a[0] == key_b[0]:
                continue
            score = fuzz.token_set_ratio(text_a, text_b, processor=utils.default_process)
            if score >= threshold:
                predicted.add(frozenset({key_a, key_b}))
        counts.add(predicted, topic.gold)
    return counts


def load_seed_gold() -> dict[str, object]:
    """The hand alignment of the two seed articles."""
    data: dict[str, object] = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    return data


def seed_documents() -> tuple[Document, Document]:
    """The two seed articles as loaded from ../shared/seeds."""
    gold = load_seed_gold()
    names = gold["documents"]
    assert isinstance(names, dict)
    return load_document(SEEDS / names["A"]), load_document(SEEDS / names["B"])


@dataclass
class SeedReport:
    """How a matcher does on the seed alignment."""

    strong_found: int
    strong_total: int
    partial_found: int
    partial_total: int
    unmatched_linked: list[str]
    missed_strong: list[tuple[str, str]]


def _reader_matches(documents: Sequence[Document]) -> list[Match]:
    return match_documents(documents).matches


def score_seeds(
    matcher: Callable[[Sequence[Document]], list[Match]] = _reader_matches,
) -> SeedReport:
    """Check the matcher against seeds/gold.json: strong and partial pairs, and false links."""
    gold = load_seed_gold()
    doc_a, doc_b = seed_documents()
    matches = matcher([doc_a, doc_b])
    found = {(doc_a.text[m.a.start : m.a.end], doc_b.text[m.b.start : m.b.end]) for m in matches}
    linked = {quote for pair in found for quote in pair}
    strong = [tuple(pair) for pair in gold["strong"]]  # type: ignore[attr-defined]
    partial = [tuple(pair) for pair in gold["partial"]]  # type: ignore[attr-defined]
    unmatched = list(gold["unmatched_a"]) + list(gold["unmatched_b"])  # type: ignore[call-overload]
    return SeedReport(
        strong_found=sum(1 for pair in strong if pair in found),
        strong_total=len(strong),
        partial_found=sum(1 for pair in partial if pair in found),
        partial_total=len(partial),
        unmatched_linked=[quote for quote in unmatched if quote in linked],
        missed_strong=[pair for pair in strong if pair not in found],
    )


def seed_margin() -> tuple[float, float]:
    """How far apart the threshold must fall on the seeds: the score of the weakest strong pair
    and the best score of any pair with a sentence the gold leaves unmatched (scored with no
    threshold)."""
    gold = load_seed_gold()
    doc_a, doc_b = seed_documents()
    matches = match_documents([doc_a, doc_b], MatchSettings(min_score=0.0)).matches
    scores = {
        (doc_a.text[m.a.start : m.a.end], doc_b.text[m.b.start : m.b.end]): m.score for m in matches
    }
    strong = [tuple(pair) for pair in gold["strong"]]  # type: ignore[attr-defined]
    unmatched = set(gold["unmatched_a"]) | set(gold["unmatched_b"])  # type: ignore[call-overload]
    weakest = min(scores.get(pair, 0.0) for pair in strong)
    best = max((s for (a, b), s in scores.items() if a in unmatched or b in unmatched), default=0.0)
    return weakest, best
