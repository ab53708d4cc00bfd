"""For a matched pair: do the two passages rest on the same source, and do their details agree.

Two reports that repeat one upstream source (both citing the broadcaster Suspilne) are one
source for that claim, not two; so is wire copy printed twice. And two passages that tell the
same event can still differ on the detail that matters: a number, a date, a name, a denial.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from reader.core.documents.document import Document
from reader.core.provenance.attribution import Attribution, Source, attribute
from reader.core.provenance.conflicts import Conflict, find_conflicts, folded_words

# This many words in a row, the same in both passages, is copy, not two reporters' wording.
VERBATIM_WORDS = 12
# How far a paragraph reaches, in passages either side, and how many sentences before a
# passage may hold whom its "he" stands for.
PARAGRAPH_SPAN = 25
CONTEXT_SENTENCES = 12


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


@dataclass(frozen=True)
class PassageSources:
    """A passage's own attribution, its pronouns and descriptions resolved from the sentences
    before it, and the sources named in the rest of its paragraph."""

    own: Attribution
    paragraph: Attribution = field(default_factory=Attribution)

    @property
    def attribution(self) -> Attribution:
        """What the passage is attributed to: its own chain, else its paragraph's."""
        return self.own or self.paragraph

    @property
    def from_paragraph(self) -> bool:
        """The attribution is the paragraph's: the passage names no source itself."""
        return not self.own and bool(self.paragraph)

    def own_for(self, text: str) -> Attribution:
        """The own attribution of ``text``, this passage or a note's quote of it: the resolved
        chain when the text states the same links, else the text's own."""
        plain = attribute(text)
        same = [s.text for s in plain.sources] == [s.text for s in self.own.sources]
        return self.own if same else plain


def compare(
    a: str,
    b: str,
    context_a: Attribution | PassageSources | None = None,
    context_b: Attribution | PassageSources | None = None,
) -> Provenance:
    """Attribution of each passage, the sources they share, copied words, and conflicts.

    A passage that names no source takes its paragraph's (``context_a``/``context_b``: a
    ``PassageSources`` from ``passage_sources``, or the paragraph's ``Attribution``): "The
    soldiers were stationed ..." follows the sentence that credits Suspilne.
    """
    attribution_a = _attribution_of(a, context_a)
    attribution_b = _attribution_of(b, context_b)
    shared = shared_sources(attribution_a, attribution_b)
    conflicts = find_conflicts(a, b, attribution_a, attribution_b)
    return Provenance(attribution_a, attribution_b, shared, longest_common_run(a, b), conflicts)


def _attribution_of(text: str, context: Attribution | PassageSources | None) -> Attribution:
    if isinstance(context, PassageSources):
        return context.own_for(text) or context.paragraph
    return attribute(text) or context or Attribution()


def passage_sources(document: Document, passage: int) -> PassageSources:
    """The passage's own attribution read in its paragraph (and the paragraph before, for whom
    "he" and "the broadcaster" stand), and the sources named in the rest of its paragraph."""
    target = document.passages[passage]
    first, last = _block_range(document, target.block)
    # A block of thousands of sentences (a text without paragraph breaks) is no paragraph:
    # only the passages near this one count, so every passage costs the same.
    low, high = max(first, passage - PARAGRAPH_SPAN), min(last, passage + PARAGRAPH_SPAN + 1)
    unique: dict[str, Source] = {}
    # Nearest first, earlier sentences before later ones, as the panel has always listed them.
    for index in [*range(passage - 1, low - 1, -1), *range(passage + 1, high)]:
        for source in _own(document, index).sources:
            unique.setdefault(source.key, source)
    return PassageSources(_own(document, passage), Attribution(tuple(unique.values())))


def paragraph_attribution(document: Document, passage: int) -> Attribution:
    """The sources named anywhere else in the paragraph (block) that holds a passage."""
    return passage_sources(document, passage).paragraph


def _own(document: Document, index: int) -> Attribution:
    """A passage's own chain, its pronouns resolved from the sentences before it in its
    paragraph and the paragraph before (at most ``CONTEXT_SENTENCES`` of them)."""
    passages = document.passages
    block = passages[index].block
    start = index
    while start > 0 and index - start < CONTEXT_SENTENCES:
        if passages[start - 1].block not in (block, block - 1):
            break
        start -= 1
    return attribute(passages[index].text, [p.text for p in passages[start:index]])


def _block_range(document: Document, block: int) -> tuple[int, int]:
    """The passages of a block, as a range of indexes (passages are in text order)."""
    first = bisect_left(document.passages, block, key=lambda p: p.block)
    last = bisect_right(document.passages, block, key=lambda p: p.block)
    return first, last


def shared_sources(a: Attribution, b: Attribution) -> tuple[str, ...]:
    """Labels of the sources both attributions name (compared by key); a pronoun or a "the
    company" left unresolved matches nothing."""
    # "he" or "the company" left unresolved could be anyone in the other article.
    keys_b = {s.key for s in b.sources if s.resolved or not s.anaphoric}
    return tuple(s.label for s in a.sources if s.key in keys_b and (s.resolved or not s.anaphoric))


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
