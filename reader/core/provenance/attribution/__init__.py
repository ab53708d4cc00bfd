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
from dataclasses import replace
from functools import lru_cache

from reader.core.provenance.attribution._chain import Link, read_links
from reader.core.provenance.attribution._model import Attribution, Source
from reader.core.provenance.attribution._pronouns import referent

__all__ = ["Attribution", "Source", "attribute"]


def attribute(text: str, context: Sequence[str] = ()) -> Attribution:
    """The sources a passage names; ``context``, the sentences before it (nearest last),
    resolves its pronouns and anaphoric descriptions."""
    links = read_links(text)
    if not context or not any(link.pronoun or link.anaphor or link.possessor for link in links):
        return _plain(text)
    return Attribution(tuple(_resolved(link, context) for link in links))


def _resolved(link: Link, context: Sequence[str]) -> Source:
    """The source a link names, its pronoun, description or possessor resolved: "her rep"
    after a sentence on Tara Reid is "Tara Reid's rep"."""
    if link.pronoun or link.anaphor:
        return Source(link.text, link.name, link.role, referent(link, context))
    if link.possessor:
        owner = referent(replace(link, pronoun=link.possessor), context, named=True)
        rest = link.text.split(" ", 1)[1] if " " in link.text else ""
        return Source(link.text, link.name, link.role, f"{owner}'s {rest}" if owner else None)
    return Source(link.text, link.name, link.role)


# Cached: the detail panel, the matrix and the paragraph context ask again and again about the
# same sentences. The result is immutable.
@lru_cache(maxsize=8192)
def _plain(text: str) -> Attribution:
    return Attribution(tuple(Source(link.text, link.name, link.role) for link in read_links(text)))
