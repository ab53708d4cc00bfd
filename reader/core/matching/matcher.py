"""Passage matching across documents: grouped by story, weighted within each story, number-aware
and order-free."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal, NamedTuple

from reader.core.documents.document import Document
from reader.core.matching._aliases import Aliases, find_aliases
from reader.core.matching._features import PassageFeatures, extract_features
from reader.core.matching._weights import TokenWeights, passage_counts, recounted
from reader.core.matching.explanation import Explanation, explain
from reader.core.matching.stories import find_stories as find_stories

ProgressCallback = Callable[[int, int], None]
CancelCheck = Callable[[], bool]

# The seeds' margin (weakest strong pair 16.7, best unmatched sentence 15.6) holds it at 16;
# bench/quality.py prints the sweep on ECB+ dev, where 10 to 16 are within 0.006 of F1.
DEFAULT_MIN_SCORE = 16.0
# Matches whose passages score this on their own (before any story's lift) are "strong".
DEFAULT_STRONG_SCORE = 30.0
# The documents of a story told by at least STORY_LIFT_DOCUMENTS reports lift each other's
# passage pairs by this share of the distance to 100: a sentence that shares a word specific
# to it with another report of the same story most likely tells the same event. Two to four
# reports of a story get no lift; their matches rest on their own words. Chosen with a 2-fold
# check of ECB+ dev topics (README, Matching): 0.2 a little higher in both halves, 0.1 lower.
STORY_LIFT = 0.15
STORY_LIFT_DOCUMENTS = 5
# The lift is for a story told in news reports, a few dozen sentences each (ECB+: 89 at most, 16
# on average; its largest topic has 682 in all). A story of long documents (five copies of a
# 5,000-sentence report) is not that: lifted, nearly every pair of its sentences that shares a
# word is a match, and their number grows with the square of its length (7 GB for 25,880
# passages). Such a story is scored as a story of few reports is.
STORY_LIFT_MAX_PASSAGES = 3_000
STORY_LIFT_MAX_AVERAGE = 100  # passages per document
# In a lifted story, words of at least this weight (in up to about 60% of its passages: the
# story's own words, "Lohan", "rehab") are evidence; elsewhere INFORMATIVE_WEIGHT holds.
LIFTED_INFORMATIVE_WEIGHT = 0.25
# A match needs this many shared tokens that are not the story's topic words (weight: idf
# squared) for its full score; numbers and dates count only beside a shared word.
MIN_SHARED = 2
SINGLE_WORD_FACTOR = 0.5
# Names written differently by the reports of one story are made one token (aliases.py).
ALIASES = True


class MatchCancelled(Exception):
    """Matching was cancelled before it finished."""


@dataclass(frozen=True, slots=True)
class Span:
    """A passage's place: document index and character offsets into that document's text."""

    doc: int
    start: int
    end: int


Strength = Literal["strong", "partial"]


class Match(NamedTuple):
    """Two passages of different documents that tell the same claim.

    A named tuple, not a dataclass: a long pair of documents makes tens of thousands.
    """

    a: Span
    b: Span
    a_passage: int
    b_passage: int
    score: float
    strength: Strength


@dataclass(frozen=True)
class MatchResult:
    """The matches of a document set, with what is needed to explain each of them."""

    matches: list[Match]
    features: dict[tuple[int, int], PassageFeatures] = field(repr=False)
    stories: tuple[int, ...] = ()  # the story of each document
    story_weights: dict[int, TokenWeights] = field(default_factory=dict, repr=False)
    aliases: dict[int, Aliases] = field(default_factory=dict, repr=False)  # by story
    texts: tuple[str, ...] = field(default=(), repr=False)  # the documents' texts
    # The matches found beside a strong match (_context.py), as (doc, passage, doc, passage).
    beside: frozenset[tuple[int, int, int, int]] = field(default=frozenset(), repr=False)

    @property
    def story_count(self) -> int:
        """How many stories the documents tell (passages of different stories never match)."""
        return len(set(self.stories))

    def weights_for(self, match: Match) -> TokenWeights:
        """The token weights a match was scored with: its story's (both passages are of one)."""
        return self.story_weights[self.stories[match.a.doc]]

    def explain(self, match: Match) -> Explanation:
        """Why two passages match: shared rare words, the aliases and word families that joined
        them, agreeing and differing numbers and names."""
        a = self.features[(match.a.doc, match.a_passage)]
        b = self.features[(match.b.doc, match.b_passage)]
        texts = None
        if self.texts:
            span_a, span_b = match.a, match.b
            texts = (
                self.texts[span_a.doc][span_a.start : span_a.end],
                self.texts[span_b.doc][span_b.start : span_b.end],
            )
        found = explain(a, b, self.weights_for(match).weights, texts, self.aliases_for(match))
        key = (match.a.doc, match.a_passage, match.b.doc, match.b_passage)
        return replace(found, beside_strong=True) if key in self.beside else found

    def aliases_for(self, match: Match) -> Aliases | None:
        """The names made one for a match: its story's."""
        return self.aliases.get(self.stories[match.a.doc])


@dataclass(frozen=True)
class MatchSettings:
    """Thresholds and limits of the matcher."""

    min_score: float = DEFAULT_MIN_SCORE
    strong_score: float = DEFAULT_STRONG_SCORE
    # A match needs a shared token in at most this share of its story's passages (or the floor,
    # or so many per document): such tokens generate the candidates, so none is missed.
    blocking_share: float = 0.02
    blocking_floor: int = 40
    # An event word recurs about once in each article, so the limit grows with the article count.
    blocking_per_document: int = 8
    # Processes to make the passages' features in (_cores.py): more than one only where this
    # process may fork (a one-shot command, no threads) and only while nobody hears progress.
    processes: int = 1


def match_documents(
    documents: Sequence[Document],
    settings: MatchSettings | None = None,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
) -> MatchResult:
    """Find matching passages between every pair of different documents."""
    settings = settings or MatchSettings()
    # Progress counts passages twice: once as their features are made, once as scored.
    count = sum(len(document.passages) for document in documents)
    total = 2 * count

    def step(done: int) -> None:
        if cancelled is not None and cancelled():
            raise MatchCancelled
        if progress is not None:
            progress(done, total)

    if settings.processes > 1 and progress is None and cancelled is None:
        from reader.core.matching._cores import features_on_cores

        features = features_on_cores(documents, settings.processes)
    else:
        features = extract_features(documents, step)
    step(count)
    stories = find_stories(features, len(documents), lambda: step(count))
    members: defaultdict[int, list[int]] = defaultdict(list)
    for position, feature in enumerate(features):
        members[stories[feature.doc]].append(position)
    found: list[tuple[int, int, float, float]] = []
    beside: set[tuple[int, int, int, int]] = set()
    story_weights: dict[int, TokenWeights] = {}
    scored = 0
    story_aliases: dict[int, Aliases] = {}
    for story, positions in members.items():
        step(count + scored * count // max(len(features), 1))
        part = [features[position] for position in positions]
        if len({feature.doc for feature in part}) >= 2:

            def on_block(end: int, before: int = scored) -> None:
                step(count + (before + end) * count // max(len(features), 1))

            weights, aliases, part, pairs, near = _story_pairs(part, documents, settings, on_block)
            story_weights[story] = weights
            if aliases:
                story_aliases[story] = aliases
                for position, feature in zip(positions, part, strict=True):
                    features[position] = feature
            found.extend((positions[a], positions[b], lifted, own) for a, b, lifted, own in pairs)
            beside.update(_key(part[a], part[b]) for a, b in near)
        scored += len(part)
    # Passages of different stories never link: measured on ECB+ dev, 12 of the 42 pairs that
    # the old rule linked across stories were right, none of 36 in the pile (docs/matching.md).
    found.sort()
    # One Span per passage, shared by all of its matches.
    spans = [Span(feature.doc, feature.start, feature.end) for feature in features]
    strong = settings.strong_score
    # Match's own constructor is Python code; a long pair of documents makes tens of thousands.
    make = tuple.__new__
    matches: list[Match] = [
        # Strength is the passages' own agreement: a story's lift never makes "strong".
        make(
            Match,
            (
                spans[a],
                spans[b],
                features[a].passage,
                features[b].passage,
                lifted,
                "strong" if score >= strong else "partial",
            ),
        )
        for a, b, lifted, score in found
    ]
    if progress is not None:
        progress(total, total)
    by_key = {(feature.doc, feature.passage): feature for feature in features}
    return MatchResult(
        matches,
        by_key,
        tuple(stories),
        story_weights,
        story_aliases,
        tuple(document.text for document in documents),
        frozenset(beside),
    )


def _story_pairs(
    part: list[PassageFeatures],
    documents: Sequence[Document],
    settings: MatchSettings,
    on_block: Callable[[int], None],
) -> tuple[
    TokenWeights,
    Aliases | None,
    list[PassageFeatures],
    list[tuple[int, int, float, float]],
    set[tuple[int, int]],
]:
    """The matching passage pairs of one story, as positions in ``part``, with the weights,
    aliases and passages (aliases applied) they were found with, and which of the pairs were
    found beside a strong match (_context.py)."""
    from reader.core.matching._context import context_pairs
    from reader.core.matching._pairs import PairIndex, Scoring, lift_score, score_pairs

    told = sorted({feature.doc for feature in part})
    held = passage_counts(part)
    texts = [documents[doc].text for doc in told]
    aliases = find_aliases(texts, part, held) if ALIASES else None
    if aliases:
        applied = [aliases.apply(feature) for feature in part]
        held = recounted(held, part, applied)
        part = applied
    lifted_story = (
        len(told) >= STORY_LIFT_DOCUMENTS
        and len(part) <= STORY_LIFT_MAX_PASSAGES
        and len(part) <= STORY_LIFT_MAX_AVERAGE * len(told)
    )
    if lifted_story:
        # A story of many reports: its own words name its event, and count as evidence.
        weights = TokenWeights.of_counts(held, len(part), LIFTED_INFORMATIVE_WEIGHT, 1.0)
    else:
        weights = TokenWeights.of_counts(held, len(part))
    # The later words of a shared name weigh, but the name counts once as evidence.
    counted = weights.informative - aliases.followers if aliases else weights.informative
    index = PairIndex(part, weights.weights, counted, blocking_limit(part, settings, lifted_story))
    scoring = Scoring(
        min_score=settings.min_score,
        min_shared=MIN_SHARED,
        single_word_factor=SINGLE_WORD_FACTOR,
        prior=STORY_LIFT if lifted_story else 0.0,
    )
    pairs: list[tuple[int, int, float, float]] = []
    for block in score_pairs(index, scoring, on_block):
        pairs.extend(zip(block.a, block.b, block.lifted, block.score, strict=True))
    # Sentences beside strong matches, in their paragraph, that share two specific words.
    strong = settings.strong_score
    beside: set[tuple[int, int]] = set()
    for a, b, score in context_pairs(part, pairs, documents, weights.weights, counted, strong):
        lifted = round(lift_score(score, scoring.prior), 1)
        if lifted >= settings.min_score:
            pairs.append((a, b, lifted, score))
            beside.add((a, b))
    return weights, aliases or None, part, pairs, beside


def blocking_limit(
    features: Sequence[PassageFeatures], settings: MatchSettings, lifted: bool = False
) -> int:
    """A match needs a shared token in at most this many of its story's passages: the tokens
    that generate candidates. In a lifted story, any token: every informative word makes
    candidates, and a story of reports is small enough for that."""
    if lifted:
        return len(features)
    documents = len({feature.doc for feature in features})
    return max(
        settings.blocking_floor,
        int(settings.blocking_share * len(features)),
        settings.blocking_per_document * documents,
    )


def _key(a: PassageFeatures, b: PassageFeatures) -> tuple[int, int, int, int]:
    return (a.doc, a.passage, b.doc, b.passage)
