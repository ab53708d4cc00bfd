"""One claim as every view shows it: whom it is attributed to, and its counterparts compared.

The detail panel, the claim x source matrix and every export ask this one function, so the
screen, the matrix and the memo cannot disagree about a claim's source, a counterpart's
independence or a differing detail.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reader.core.documents.document import Document
from reader.core.matching.counterparts import Counterpart
from reader.core.matching.matcher import Strength
from reader.core.provenance.attribution import Attribution, attribute
from reader.core.provenance.comparison import (
    PassageSources,
    Provenance,
    compare,
    passage_sources,
)
from reader.core.provenance.conflicts import Conflict


@dataclass(frozen=True)
class CounterpartText:
    """A counterpart as a view knows it: its text, its passage's sources (own, resolved in
    its paragraph, and the paragraph's) where its document can be read, its strength."""

    text: str
    sources: PassageSources | None
    strength: Strength


@dataclass(frozen=True)
class ClaimView:
    """A claim's attribution (its own sentence's, else its paragraph's) and, in the order
    given, each counterpart's provenance against it."""

    attribution: Attribution
    from_paragraph: bool
    counterparts: tuple[Provenance, ...] = ()
    strengths: tuple[str, ...] = ()

    def attributed_to(self) -> str:
        """ "Suspilne", "Suspilne (paragraph)", or empty when no source is named."""
        described = self.attribution.describe()
        return f"{described} (paragraph)" if described and self.from_paragraph else described

    @property
    def single_source(self) -> bool:
        """No independent counterpart: every strong one (every one, if none is strong)
        shares a source with the claim or copies it; true when there is none."""
        pairs = list(zip(self.strengths, self.counterparts, strict=True))
        strong = [found for strength, found in pairs if strength == "strong"]
        return all(found.same_source for found in strong or self.counterparts)

    @property
    def first_conflict(self) -> tuple[int, Conflict] | None:
        """The first strong counterpart that differs on a detail, and the detail: why
        "contested" is suggested (a suggestion, never a tag by itself). A partial match may
        tell another claim of the same event ("in three boats" beside "took 23 into custody";
        "several" of something beside the strong match's "18" soldiers): its details are
        shown with it, and suggest nothing."""
        for index, (strength, found) in enumerate(
            zip(self.strengths, self.counterparts, strict=True)
        ):
            if strength == "strong" and found.conflicts:
                return index, found.conflicts[0]
        return None


def view_claim(
    text: str, sources: PassageSources | None, counterparts: Sequence[CounterpartText] = ()
) -> ClaimView:
    """The claim's attribution and each counterpart compared with it.

    ``sources`` are the claim's passage's, where its document can be read: its own chain with
    "he" and "the broadcaster" resolved from the sentences before, and its paragraph's. A
    claim without them (its document is gone) is read from its own text alone.
    """
    own = sources.own_for(text) if sources is not None else attribute(text)
    if not own and sources is not None and sources.paragraph:
        attribution, from_paragraph = sources.paragraph, True
    else:
        attribution, from_paragraph = own, False
    compared = tuple(compare(text, c.text, sources, c.sources) for c in counterparts)
    return ClaimView(attribution, from_paragraph, compared, tuple(c.strength for c in counterparts))


def view_passage(
    documents: Sequence[Document], doc: int, passage: int, counterparts: Sequence[Counterpart]
) -> ClaimView:
    """``view_claim`` for a passage of the open documents and its matched counterparts."""
    document = documents[doc]
    return view_claim(
        document.passages[passage].text,
        passage_sources(document, passage),
        [
            CounterpartText(
                documents[c.doc].passages[c.passage].text,
                passage_sources(documents[c.doc], c.passage),
                c.strength,
            )
            for c in counterparts
        ],
    )
