"""A notes file made ready for export: every note re-anchored in its document where the file
can be read, with its claim's view (attribution and counterparts' provenance) decided."""

from __future__ import annotations

import os
from pathlib import Path

from reader.core.documents.document import Document
from reader.core.documents.document_error import DocumentError
from reader.core.documents.loading import load_document
from reader.core.export.records import EvidenceQuote, NoteRecord, NotesExport, Quote, SourceDocument
from reader.core.provenance.claim_view import CounterpartText, view_claim
from reader.core.provenance.comparison import PassageSources, passage_sources
from reader.store.anchoring import anchor
from reader.store.annotation import Annotation, Evidence, Target
from reader.store.notes import NotesStore


def gather_export(store: NotesStore) -> NotesExport:
    """Documents and notes ready to write; a note whose text cannot be found is orphaned.

    Paths are absolute, resolved from the notes file as the workstation resolves them, so an
    export names the same files wherever it is run. A claim that names no source takes its
    paragraph's, and "he" names whom it stands for, as the detail panel shows it, where the documents can be read.
    """
    stored = store.documents()
    paths = {d.id: store.document_path(d) for d in stored}
    # Each file once, though several versions of it may be stored; by stored id, the file now
    # at that version's path.
    by_path = {path: _readable(path) for path in dict.fromkeys(paths.values())}
    loaded = {d.id: found for d in stored if (found := by_path[paths[d.id]]) is not None}
    placed: dict[str, tuple[PassageSources | None, list[PassageSources | None]]] = {}
    anchors: dict[str, str] = {}
    for current in by_path.values():
        if current is None:
            continue  # gone or unreadable: its notes cannot be placed
        for attached in store.attach(current.id, current.path, current.text, current.passages):
            item = attached.annotation
            anchors[item.id] = attached.anchor.status
            if attached.anchor.status != "orphan":
                placed[item.id] = (
                    _passage_sources(current, attached.anchor.start),
                    [_counterpart_sources(e, loaded) for e in item.evidence],
                )
    documents = tuple(SourceDocument(d.id, str(paths[d.id]), d.title, d.metadata) for d in stored)
    notes = tuple(
        _record(a, placed.get(a.id), anchors.get(a.id, "orphan")) for a in store.annotations()
    )
    return NotesExport(documents, notes)


def _record(
    annotation: Annotation,
    contexts: tuple[PassageSources | None, list[PassageSources | None]] | None,
    anchor_status: str,
) -> NoteRecord:
    claim_context, counterpart_contexts = contexts or (None, [])
    found = [*counterpart_contexts, *[None] * len(annotation.evidence)]
    view = view_claim(
        annotation.claim,
        claim_context,
        [
            CounterpartText(e.target.quote.exact, context, e.strength)
            for e, context in zip(annotation.evidence, found, strict=False)
        ],
    )
    return NoteRecord(
        id=annotation.id,
        schema=annotation.schema,
        status=annotation.status,
        note=annotation.note,
        target=_quote(annotation.target),
        evidence=tuple(
            EvidenceQuote(_quote(e.target), e.score, e.strength) for e in annotation.evidence
        ),
        created=annotation.created,
        updated=annotation.updated,
        orphaned=contexts is None,
        anchor=anchor_status,
        view=view,
    )


def _quote(target: Target) -> Quote:
    quote, position = target.quote, target.position
    return Quote(
        target.document_id, quote.exact, quote.prefix, quote.suffix, position.start, position.end
    )


def _shown_path(path: Path) -> str:
    """A path as text that encodes as UTF-8: the bytes of a name not in UTF-8 as U+FFFD."""
    return os.fsencode(path).decode("utf-8", "replace")


def _readable(path: Path) -> Document | None:
    try:
        return load_document(path)
    except DocumentError:
        return None


def _counterpart_sources(evidence: Evidence, loaded: dict[str, Document]) -> PassageSources | None:
    document = loaded.get(evidence.target.document_id)
    if document is None:
        return None
    found = anchor(evidence.target, document.text)
    return None if found.status == "orphan" else _passage_sources(document, found.start)


def _passage_sources(document: Document, offset: int) -> PassageSources | None:
    """The passage at ``offset``: its own sources read in its paragraph, and the paragraph's."""
    passage = document.passage_at(offset)
    if passage is None:
        return None
    return passage_sources(document, passage.index)
