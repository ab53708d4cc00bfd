"""What an exported note says about its claim, derived from the stored texts: each
counterpart's provenance, whether the claim rests on a single source, and the outlets' names."""

from __future__ import annotations

from typing import Any

from reader.core.attribution import attribute
from reader.core.provenance import Provenance, compare

Data = dict[str, Any]


def counterpart_provenance(item: Data) -> list[Provenance]:
    """The claim compared with each stored counterpart, from their texts."""
    return [compare(item["claim"], e["target"]["quote"]["exact"]) for e in item["evidence"]]


def single_source(item: Data, found: list[Provenance]) -> bool:
    """No independent counterpart: every strong one (every one, if none is strong) shares a
    source with the claim or copies it."""
    pairs = list(zip(item["evidence"], found, strict=True))
    strong = [found for evidence, found in pairs if evidence["strength"] == "strong"]
    return all(found.same_source for found in strong or [found for _, found in pairs])


def provenance_data(item: Data, found: list[Provenance]) -> Data:
    """The provenance as plain data: the claim's attribution, single source, and per
    counterpart its attribution, independence and conflicting details."""
    return {
        "attribution": [
            {"text": s.text, "name": s.name, "role": s.role}
            for s in attribute(item["claim"]).sources
        ],
        "single_source": single_source(item, found),
        "counterparts": [
            {
                "attribution": f.attribution_b.describe(),
                "shared_sources": list(f.shared_sources),
                "verbatim_words": f.verbatim_words,
                "independence": f.independence(),
                "conflicts": [{"kind": c.kind, "a": c.a, "b": c.b} for c in f.conflicts],
                "suggestion": f.suggestion,
            }
            for f in found
        ],
    }


def source_name(document: Data) -> str:
    """The outlet, else the title, else the id of an exported document."""
    meta = document.get("metadata", {})
    return str(meta.get("outlet") or document.get("title") or document.get("id", "unknown"))
