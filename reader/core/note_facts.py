"""What an exported note says about its claim, derived from the stored texts: whom the claim
is attributed to, each counterpart's provenance, whether the claim rests on a single source,
and the outlets' names.

A sentence that names no source takes its paragraph's, as in the workstation's detail panel.
The store's export finds those paragraphs in the documents and passes their sources in
``contexts`` (by note id: ``claim``, and ``counterparts`` in evidence order, each a list of
``{"text", "name", "role"}`` or None); a note without them is compared on its texts alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reader.core.attribution import Attribution, Source, attribute
from reader.core.provenance import Provenance, compare

Data = dict[str, Any]


@dataclass(frozen=True)
class NoteFacts:
    """The provenance of one note's claim and of its counterparts."""

    attribution: Attribution  # the claim's own, else its paragraph's
    from_paragraph: bool
    counterparts: list[Provenance]  # in evidence order
    single_source: bool  # no independent counterpart

    def attributed_to(self) -> str:
        """ "Suspilne", "Suspilne (paragraph)", or empty when no source is named."""
        described = self.attribution.describe()
        return f"{described} (paragraph)" if described and self.from_paragraph else described


def note_facts(item: Data, contexts: Data | None = None) -> NoteFacts:
    """The claim's attribution and each counterpart compared with it, from their texts and,
    where given, their paragraphs' sources."""
    context = (contexts or {}).get(item["id"]) or {}
    claim_context = _attribution(context.get("claim"))
    evidence = item["evidence"]
    found = [*(context.get("counterparts") or []), *[None] * len(evidence)][: len(evidence)]
    counterparts = [
        compare(item["claim"], e["target"]["quote"]["exact"], claim_context, _attribution(c))
        for e, c in zip(evidence, found, strict=True)
    ]
    own = attribute(item["claim"])
    if not own and claim_context:
        attribution, from_paragraph = claim_context, True
    else:
        attribution, from_paragraph = own, False
    return NoteFacts(attribution, from_paragraph, counterparts, _single_source(item, counterparts))


def attribution_data(attribution: Attribution) -> list[Data]:
    """An attribution's sources as plain data, outermost first."""
    return [{"text": s.text, "name": s.name, "role": s.role} for s in attribution.sources]


def provenance_data(item: Data, facts: NoteFacts) -> Data:
    """The provenance as plain data: the claim's attribution, single source, and per
    counterpart its attribution, independence and conflicting details."""
    return {
        "attribution": attribution_data(facts.attribution),
        "attribution_from_paragraph": facts.from_paragraph,
        "single_source": facts.single_source,
        "counterparts": [
            {
                "attribution": f.attribution_b.describe(),
                "shared_sources": list(f.shared_sources),
                "verbatim_words": f.verbatim_words,
                "independence": f.independence(),
                "conflicts": [{"kind": c.kind, "a": c.a, "b": c.b} for c in f.conflicts],
                "suggestion": f.suggestion,
            }
            for f in facts.counterparts
        ],
    }


def source_name(document: Data) -> str:
    """The outlet, else the title, else the id of an exported document."""
    meta = document.get("metadata", {})
    return str(meta.get("outlet") or document.get("title") or document.get("id", "unknown"))


def _single_source(item: Data, found: list[Provenance]) -> bool:
    """No independent counterpart: every strong one (every one, if none is strong) shares a
    source with the claim or copies it."""
    pairs = list(zip(item["evidence"], found, strict=True))
    strong = [found for evidence, found in pairs if evidence["strength"] == "strong"]
    return all(found.same_source for found in strong or [found for _, found in pairs])


def _attribution(sources: list[Data] | None) -> Attribution | None:
    if not sources:
        return None
    return Attribution(tuple(Source(s["text"], s.get("name"), s["role"]) for s in sources))
