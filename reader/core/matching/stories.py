"""Which documents tell the same story: groups of documents that share rare vocabulary.

Each document is a vector of its content words and numbers (a story's date and toll are part of
it), weighted by how rare they are among the documents being grouped (tf-idf), its names
(people, places, bodies) counting NAME_WEIGHT times: two reports of one event name the same
people and places, while two events of one kind share the kind's words ("shooting", "rehab").
Groups form by average linkage: two groups join while the mean similarity of their documents is
at least STORY_LINK. A group found this way is grouped again with its own word weights, since
words that told it apart from other stories now count for little and what is left tells its own
stories apart, until a grouping finds one story. The result does not depend on what else is
open: a story in a folder of many is grouped as it would be on its own.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence

import numpy as np

from reader.core.matching._cooccurrence import pair_sums
from reader.core.matching._features import PassageFeatures, names_among

# Chosen on the ECB+ dev topics with a 2-fold check of topics (README, Matching).
STORY_LINK = 0.1
# Fewer documents than this are one story: with so few there is no telling what is usual.
STORY_MIN_SPLIT = 5
# A group of fewer documents than this is an outlier, not a story, when the documents of a
# larger group are at least STORY_FLOOR similar to it on average: it joins the closest such group.
STORY_OUTLIER = 5
STORY_FLOOR = 0.03
# Words in more documents than this do not link documents directly; they still weigh in the
# vectors' lengths. Bounds the pairs of documents compared (near-linear in the documents).
STORY_WORD_DOCUMENTS = 50
# A name weighs this many times a word of the same rarity; which tokens are names, the group's
# passages tell (_features.names_among). ECB+ dev topics (docs/matching.md): F1 0.794 -> 0.812, both halves up; 1.5 to 4 all score
# between 0.804 and 0.818.
NAME_WEIGHT = 2.0
# Pairs of documents less similar than this are left out of the linkage, as if 0: they barely
# move a mean (story pairs found on ECB+ dev unchanged but one) and are most of a large folder's.
STORY_FAINT = 0.01

Step = Callable[[], None]


def find_stories(
    features: Sequence[PassageFeatures], count: int, step: Step | None = None
) -> list[int]:
    """The story of each of ``count`` documents, numbered in order of first document."""
    if count < STORY_MIN_SPLIT:
        return [0] * count
    vocabulary = [Counter[str]() for _ in range(count)]
    capitalised = [Counter[str]() for _ in range(count)]
    for feature in features:
        vocabulary[feature.doc].update(feature.content)
        capitalised[feature.doc].update(feature.names)
    labels = [0] * count
    pending = [list(range(count))]
    stories: list[list[int]] = []
    while pending:
        group = pending.pop()
        parts = (
            _split(group, vocabulary, capitalised, step)
            if len(group) >= STORY_MIN_SPLIT
            else [group]
        )
        if len(parts) == 1:
            stories.append(group)
        else:
            pending.extend(parts)
    stories.sort(key=min)
    for number, story in enumerate(stories):
        for doc in story:
            labels[doc] = number
    return labels


def _split(
    group: Sequence[int],
    vocabulary: Sequence[Counter[str]],
    capitalised: Sequence[Counter[str]],
    step: Step | None,
) -> list[list[int]]:
    """The stories of a group, by average linkage over its own word weights, names found in the
    group's own passages (so that a group splits as it would alone)."""
    held: Counter[str] = Counter()
    written: Counter[str] = Counter()
    for number, doc in enumerate(group):
        if step is not None and number % 64 == 0:
            step()
        held.update(vocabulary[doc])
        written.update(capitalised[doc])
    names = names_among(written, held)
    rows, cols, sims = document_similarity([vocabulary[doc] for doc in group], names, step)
    kept = sims >= STORY_FAINT
    rows, cols, sims = rows[kept], cols[kept], sims[kept]
    clusters = average_linkage(len(group), rows, cols, sims, STORY_LINK, step)
    clusters = _absorb_outliers(clusters, rows, cols, sims, step)
    return sorted(([group[i] for i in cluster] for cluster in clusters), key=min)


def document_similarity(
    vocabularies: Sequence[Counter[str]],
    names: frozenset[str] = frozenset(),
    step: Step | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Cosine similarity of every pair of documents that shares a word found in 2 to
    STORY_WORD_DOCUMENTS of them, as (row, column, similarity) with row < column.

    Weights: (1 + log of the passages holding the word) x log((documents + 1) / documents
    holding it), times NAME_WEIGHT for ``names``, over words in two documents or more (a word
    in one links nothing).
    """
    frequency: Counter[str] = Counter()
    for doc, words in enumerate(vocabularies):
        if step is not None and doc % 256 == 0:
            step()
        frequency.update(words.keys())
    count = len(vocabularies)
    ids = {
        word: index for index, word in enumerate(sorted(w for w, n in frequency.items() if n >= 2))
    }
    docs: list[int] = []
    tokens: list[int] = []
    values: list[float] = []
    idf = {
        word: math.log((count + 1) / frequency[word]) * (NAME_WEIGHT if word in names else 1.0)
        for word in ids
    }
    for doc, words in enumerate(vocabularies):
        if step is not None and doc % 64 == 0:
            step()
        weighted = [
            (ids[word], (1.0 + math.log(n)) * idf[word]) for word, n in words.items() if word in ids
        ]
        norm = math.sqrt(math.fsum(v * v for _, v in weighted)) or 1.0
        weighted.sort()
        docs.extend([doc] * len(weighted))
        tokens.extend(t for t, _ in weighted)
        values.extend(v / norm for _, v in weighted)
    doc_array = np.array(docs, np.int64)
    token_array = np.array(tokens, np.int64)
    value_array = np.array(values, np.float64)
    df = np.bincount(token_array, minlength=len(ids))
    linking = df[token_array] <= STORY_WORD_DOCUMENTS
    order = np.argsort(token_array[linking], kind="stable")
    return pair_sums(
        token_array[linking][order],
        doc_array[linking][order],
        value_array[linking][order],
        count,
        step,
    )


def average_linkage(
    count: int,
    rows: np.ndarray,
    cols: np.ndarray,
    sims: np.ndarray,
    threshold: float,
    step: Step | None = None,
) -> list[list[int]]:
    """Clusters of ``count`` items joined while the mean similarity between two clusters (pairs
    not given count as 0) is at least ``threshold``; ties go to the lower item numbers."""
    adjacency: list[dict[int, float]] = [{} for _ in range(count)]
    for number, (i, j, value) in enumerate(
        zip(rows.tolist(), cols.tolist(), sims.tolist(), strict=True)
    ):
        if step is not None and number % 4096 == 0:
            step()
        adjacency[i][j] = adjacency[j][i] = value
    size = [1] * count
    version = [0] * count
    members: list[list[int] | None] = [[i] for i in range(count)]
    heap: list[tuple[float, int, int, int, int]] = []
    for number, (i, j, value) in enumerate(
        zip(rows.tolist(), cols.tolist(), sims.tolist(), strict=False)
    ):
        if step is not None and number % 16_384 == 0:
            step()
        heap.append((-value, i, j, 0, 0))
    if step is not None:
        step()
    heapq.heapify(heap)
    if step is not None:
        step()
    pops = 0
    while heap:
        pops += 1
        if step is not None and pops % 256 == 0:
            step()
        negative, a, b, version_a, version_b = heapq.heappop(heap)
        if version[a] != version_a or version[b] != version_b:
            continue
        if -negative < threshold:
            break
        # The larger cluster keeps its number, so fewer edges move.
        keep, gone = (a, b) if size[a] >= size[b] or (size[a] == size[b] and a < b) else (b, a)
        merged = adjacency[keep]
        merged.pop(gone, None)
        for other, value in adjacency[gone].items():
            if other == keep:
                continue
            merged[other] = merged.get(other, 0.0) + value
            adjacency[other].pop(gone)
            adjacency[other][keep] = merged[other]
        adjacency[gone] = {}
        size[keep] += size[gone]
        kept, lost = members[keep], members[gone]
        assert kept is not None
        assert lost is not None
        kept.extend(lost)
        members[gone] = None
        version[keep] += 1
        version[gone] += 1
        for other, value in merged.items():
            first, second = min(keep, other), max(keep, other)
            heapq.heappush(
                heap,
                (
                    -value / (size[keep] * size[other]),
                    first,
                    second,
                    version[first],
                    version[second],
                ),
            )
    return [sorted(cluster) for cluster in members if cluster is not None]


def _absorb_outliers(
    clusters: list[list[int]],
    rows: np.ndarray,
    cols: np.ndarray,
    sims: np.ndarray,
    step: Step | None = None,
) -> list[list[int]]:
    """Clusters smaller than STORY_OUTLIER join the larger cluster that their documents are, on
    average, most similar to, if that is at least STORY_FLOOR."""
    large = [c for c in clusters if len(c) >= STORY_OUTLIER]
    if not large or len(large) == len(clusters):
        return clusters
    cluster_of = {doc: index for index, cluster in enumerate(large) for doc in cluster}
    totals: defaultdict[int, Counter[int]] = defaultdict(Counter)
    for number, (i, j, value) in enumerate(
        zip(rows.tolist(), cols.tolist(), sims.tolist(), strict=True)
    ):
        if step is not None and number % 4096 == 0:
            step()
        if j in cluster_of:
            totals[i][cluster_of[j]] += value
        if i in cluster_of:
            totals[j][cluster_of[i]] += value
    result = [list(c) for c in large]
    for cluster in clusters:
        if len(cluster) >= STORY_OUTLIER:
            continue
        alone: list[int] = []
        for doc in cluster:
            best, target = 0.0, -1
            for index in sorted(totals[doc]):
                mean = totals[doc][index] / len(large[index])
                if mean > best:
                    best, target = mean, index
            if target >= 0 and best >= STORY_FLOOR:
                result[target].append(doc)
            else:
                alone.append(doc)
        if alone:
            result.append(alone)
    return [sorted(c) for c in result]
