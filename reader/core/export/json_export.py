"""The lossless JSON export (what ``reader import`` reads back), with each note's provenance
derived from the texts, for scripts."""

from __future__ import annotations

from typing import Any

from reader.core.export.json_text import json_text
from reader.core.export.records import NoteRecord, NotesExport
from reader.core.provenance.attribution import Attribution
from reader.core.provenance.claim_view import ClaimView

EXPORT_FORMAT = "reader-notes-export"
EXPORT_VERSION = 1


def to_json(export: NotesExport) -> str:
    """Everything, losslessly: the format ``reader import`` reads back.

    ``provenance`` (by annotation id) is derived from the texts on every export and is not
    read back: the claim's attribution (its paragraph's when it names none), and per
    counterpart its attribution, independence and conflicting details.
    """
    payload = {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "documents": [document.to_data() for document in export.documents],
        "annotations": [_with_pages(note, export) for note in export.notes],
        "provenance": {note.id: provenance_data(note.view) for note in export.notes},
    }
    return json_text(payload)


def _with_pages(note: NoteRecord, export: NotesExport) -> dict[str, Any]:
    """A note as stored, with the page of its claim and of each counterpart where the
    document came from a PDF (derived, not read back)."""
    data = note.to_data()
    if (page := export.page(note.target)) is not None:
        data["page"] = page
    for item, evidence in zip(data["evidence"], note.evidence, strict=True):
        if (page := export.page(evidence.target)) is not None:
            item["page"] = page
    return data


def attribution_data(attribution: Attribution) -> list[dict[str, Any]]:
    """An attribution's sources as plain data, outermost first; ``resolved`` is the referent of
    a pronoun or an anaphoric description, or None."""
    return [
        {"text": s.text, "name": s.name, "role": s.role, "resolved": s.resolved}
        for s in attribution.sources
    ]


def provenance_data(view: ClaimView) -> dict[str, Any]:
    """A claim view as plain data: the claim's attribution, single source, and per
    counterpart its attribution, independence and conflicting details."""
    return {
        "attribution": attribution_data(view.attribution),
        "attribution_from_paragraph": view.from_paragraph,
        "single_source": view.single_source,
        "counterparts": [
            {
                "attribution": f.attribution_b.describe(),
                "shared_sources": list(f.shared_sources),
                "verbatim_words": f.verbatim_words,
                "independence": f.independence(),
                "conflicts": [{"kind": c.kind, "a": c.a, "b": c.b} for c in f.conflicts],
                "suggestion": f.suggestion,
            }
            for f in view.counterparts
        ],
    }
