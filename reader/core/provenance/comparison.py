"""For a matched pair: do the two passages rest on the same source, and do their details agree.

Two reports that repeat one upstream source (both citing the broadcaster Suspilne) are one
source for that claim, not two; so is wire copy printed twice. And two passages that tell the
same event can still differ on the detail that matters: a number, a date, a name, a denial.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from reader.core.documents.document import Document
from reader.core.provenance.attribution import Attribution, Source, attribute
from reader.core.provenance.conflicts import Conflict, find_conflicts, folded_words

# This many words in a row, the same in both passages, is copy, not two reporters' wording.
VERBATIM_WORDS = 12


@dataclass(frozen=True)
class Provenance:
    """What a matched pair says about independence and agreement."""

    attribution_a: Attribution
    attribution_b: Attribution
    shared_sources: tuple[str, ...]
    verbatim_words: int
    conflicts: tuple[Conflict, ...]

    @property
    def same_source(self) -> bool:
        """The two passages name a common upstream source, or one copies the other."""
        return bool(self.shared_sources) or self.verbatim_words >= VERBATIM_WORDS

    @property
    def suggestion(self) -> str | None:
        """ "contested" when a detail differs; a suggestion, never a tag by itself."""
        return "contested" if self.conflicts else None

    def independence(self) -> str:
        """ "same source: Suspilne", "verbatim copy (15 words)" or "independent sources"."""
        if self.shared_sources:
            return "same source: " + ", ".join(self.shared_sources)
        if self.verbatim_words >= VERBATIM_WORDS:
            return f"verbatim copy ({self.verbatim_words} words in a row): one source"
        if self.attribution_a and self.attribution_b:
            return "different sources"
        return "sources not stated in both"


def compare(
    a: str,
    b: str,
    context_a: Attribution | None = None,
    context_b: Attribution | None = None,
) -> Provenance:
    """Attribution of each passage, the sources they share, copied words, and conflicts.

    A passage that names no source takes its paragraph's (``context_a``/``context_b``, from
    ``paragraph_attribution``): "The soldiers were stationed ..." follows the sentence that
    credits Suspilne.
    """
    attribution_a = attribute(a) or context_a or Attribution()
    attribution_b = attribute(b) or context_b or Attribution()
    shared = shared_sources(attribution_a, attribution_b)
    conflicts = find_conflicts(a, b, attribution_a, attribution_b)
    return Provenance(attribution_a, attribution_b, shared, longest_common_run(a, b), conflicts)


def paragraph_attribution(document: Document, passage: int) -> Attribution:
    """The sources named anywhere in the paragraph (block) that holds a passage."""
    target = document.passages[passage]
    found = bisect_right(document.blocks, target.start, key=lambda b: b.start) - 1
    if found < 0 or target.start >= document.blocks[found].end:
        return Attribution()
    block = document.blocks[found]
    sources: list[Source] = []
    # Passages are in text order: walk out from this one while they stay in the block.
    for step in (-1, 1):
        index = passage + step
        while 0 <= index < len(document.passages):
            other = document.passages[index]
            if not block.start <= other.start < block.end:
                break
            sources.extend(attribute(other.text).sources)
            index += step
    unique = {source.key: source for source in sources}
    return Attribution(tuple(unique.values()))


def shared_sources(a: Attribution, b: Attribution) -> tuple[str, ...]:
    """Labels of the sources both attributions name (compared by key)."""
    keys_b = {source.key for source in b.sources}
    return tuple(source.label for source in a.sources if source.key in keys_b)


def longest_common_run(a: str, b: str) -> int:
    """The longest run of words, case folded, that both texts have in the same order."""
    words_a, words_b = folded_words(a), folded_words(b)
    best = 0
    previous = [0] * (len(words_b) + 1)
    for word in words_a:
        current = [0] * (len(words_b) + 1)
        for j, other in enumerate(words_b, 1):
            if word == other:
                current[j] = previous[j - 1] + 1
                best = max(best, current[j])
        previous = current
    return best
