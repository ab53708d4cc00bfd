"""Who a passage says its claim comes from: rules over the text, keeping the chain of relays.

In: a sentence, and optionally the sentences before it in its paragraph (and the paragraph
before). Out: an ``Attribution``, the chain of ``Source`` links outermost first: the outlet that
published it, then who spoke, then whom they cited. "Around 18 North Koreans left their
stations, according to public broadcaster Suspilne, which cited unnamed intelligence officials"
is Suspilne ← unnamed intelligence officials. With context, "he said" names whom "he" stands
for ("he (Oppal)") and "the broadcaster" the outlet named before.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from reader.core.provenance.attribution._chain import read_links
from reader.core.provenance.attribution._model import Attribution, Source
from reader.core.provenance.attribution._pronouns import referent

__all__ = ["Attribution", "Source", "attribute"]


def attribute(text: str, context: Sequence[str] = ()) -> Attribution:
    """The sources a passage names; ``context``, the sentences before it (nearest last),
    resolves its pronouns and anaphoric descriptions."""
    links = read_links(text)
    if not context or not any(link.pronoun or link.anaphor for link in links):
        return _plain(text)
    return Attribution(
        tuple(
            Source(link.text, link.name, link.role, referent(link, context))
            if link.pronoun or link.anaphor
            else Source(link.text, link.name, link.role)
            for link in links
        )
    )


# Cached: the detail panel, the matrix and the paragraph context ask again and again about the
# same sentences. The result is immutable.
@lru_cache(maxsize=8192)
def _plain(text: str) -> Attribution:
    return Attribution(tuple(Source(link.text, link.name, link.role) for link in read_links(text)))
