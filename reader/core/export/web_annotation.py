"""Tagged notes as a W3C Web Annotation ``AnnotationCollection``."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from reader.core.export.json_export import provenance_data
from reader.core.export.json_text import json_text
from reader.core.export.records import NoteRecord, NotesExport, Quote, SourceDocument

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
# Our extension terms (match score, provenance) live under one prefix, declared in an extra
# context that defines nothing else, so no Web Annotation term is redefined.
READER_VOCAB = "urn:reader:vocab:"
JSONLD_CONTEXT: list[Any] = [ANNO_CONTEXT, {"reader": READER_VOCAB}]
Data = dict[str, Any]


def to_jsonld(export: NotesExport) -> str:
    """A W3C Web Annotation ``AnnotationCollection``; counterparts are further targets."""
    annotations = [_web_annotation(note, export) for note in export.notes]
    collection = {
        "@context": JSONLD_CONTEXT,
        "id": "urn:reader:collection:" + _collection_key(export),
        "type": "AnnotationCollection",
        "label": "reader notes",
        "total": len(annotations),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": annotations},
    }
    return json_text(collection)


def source_iri(document: SourceDocument | None, document_id: str) -> str:
    """A document's IRI: the address it was fetched from, else its file as a file URI, else
    its content id as a URN."""
    if document and document.url:
        return document.url
    return local_iri(document, document_id)


def local_iri(document: SourceDocument | None, document_id: str) -> str:
    """The local copy's IRI: its file as a file URI when known, else its content id."""
    if document and document.path:
        return Path(document.path).resolve().as_uri()
    return f"urn:sha256:{document_id}"


def _web_annotation(note: NoteRecord, export: NotesExport) -> Data:
    provenance = provenance_data(note.view)
    body: list[Data] = []
    if note.status:
        body.append({"type": "TextualBody", "purpose": "tagging", "value": note.status})
    if note.note:
        body.append(_text_body("commenting", note.note))
    described = _describe_provenance(note, export)
    if described:
        body.append(_text_body("describing", described))
    targets = [_target(note.target, export)]
    for evidence, details in zip(note.evidence, provenance["counterparts"], strict=True):
        target = _target(evidence.target, export, evidence.score)
        target["reader:strength"] = evidence.strength
        target.update(_reader_terms(details))
        targets.append(target)
    annotation: Data = {
        "@context": JSONLD_CONTEXT,
        "id": note.id,
        "type": "Annotation",
        "motivation": "assessing",
        "created": note.created,
        "modified": note.updated,
        "target": targets,
        "reader:attribution": _reader_terms(provenance["attribution"]),
        "reader:anchor": note.anchor,
    }
    if note.view.from_paragraph:
        annotation["reader:attributionFromParagraph"] = True
    if note.evidence:
        annotation["reader:singleSource"] = provenance["single_source"]
    if body:
        annotation["body"] = body
    return annotation


def _text_body(purpose: str, value: str) -> Data:
    return {"type": "TextualBody", "purpose": purpose, "value": value, "format": "text/plain"}


def _describe_provenance(note: NoteRecord, export: NotesExport) -> str:
    """The provenance in words, for Web Annotation clients that know no ``reader:`` terms."""
    lines = []
    if note.view.attribution:
        lines.append(f"Attributed to: {note.view.attributed_to()}")
    for evidence, provenance in zip(note.evidence, note.view.counterparts, strict=True):
        details = [provenance.independence()]
        details += ["differs: " + c.describe() for c in provenance.conflicts]
        lines.append(f"{export.label(evidence.target.document_id)}: {'; '.join(details)}")
    if note.evidence and note.view.single_source:
        lines.append("Rests on a single upstream source.")
    return "\n".join(lines)


def _reader_terms(value: Any) -> Any:
    """Our extension data with every key a ``reader:`` term, nested objects included.

    A key that neither the Web Annotation context nor ours declares is dropped by a JSON-LD
    processor: ``{"kind": ..., "a": ..., "b": ...}`` expanded to ``{}``.
    """
    if isinstance(value, dict):
        return {f"reader:{_camel(key)}": _reader_terms(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_reader_terms(item) for item in value]
    return value


def _camel(key: str) -> str:
    """ "shared_sources" -> "sharedSources", the Web Annotation spelling of terms."""
    head, *rest = key.split("_")
    return head + "".join(word.title() for word in rest)


def _target(quote: Quote, export: NotesExport, score: float | None = None) -> Data:
    document = export.document(quote.document_id)
    specific: Data = {
        "type": "SpecificResource",
        "source": source_iri(document, quote.document_id),
        "selector": [
            {"type": "TextQuoteSelector", "exact": quote.exact, "prefix": quote.prefix,
             "suffix": quote.suffix},
            {"type": "TextPositionSelector", "start": quote.start, "end": quote.end},
        ],
    }  # fmt: skip
    if document is not None and document.url:
        specific["reader:localCopy"] = local_iri(document, quote.document_id)
        if document.retrieved:
            specific["reader:retrieved"] = document.retrieved
    if (page := export.page(quote)) is not None:
        specific["reader:page"] = page
    if score is not None:
        specific["purpose"] = "assessing"
        specific["reader:matchScore"] = score
    return specific


def _collection_key(export: NotesExport) -> str:
    ids = sorted(note.id for note in export.notes)
    return hashlib.sha256("\n".join(ids).encode("utf-8")).hexdigest()[:32]
