"""Tagged notes as a W3C Web Annotation ``AnnotationCollection``."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reader.core.json_text import json_text
from reader.core.note_facts import Data, NoteFacts, note_facts, provenance_data, source_name

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
# Our extension terms (match score, provenance) live under one prefix, declared in an extra
# context that defines nothing else, so no Web Annotation term is redefined.
READER_VOCAB = "urn:reader:vocab:"
JSONLD_CONTEXT: list[Any] = [ANNO_CONTEXT, {"reader": READER_VOCAB}]


def to_jsonld(data: Data) -> str:
    """A W3C Web Annotation ``AnnotationCollection``; counterparts are further targets."""
    documents = {d["id"]: d for d in data["documents"]}
    contexts = data.get("contexts")
    annotations = [_web_annotation(item, documents, contexts) for item in data["annotations"]]
    collection = {
        "@context": JSONLD_CONTEXT,
        "id": "urn:reader:collection:" + _collection_key(data),
        "type": "AnnotationCollection",
        "label": "reader notes",
        "total": len(annotations),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": annotations},
    }
    return json_text(collection)


def source_iri(document: Data | None, document_id: str) -> str:
    """A document's IRI: its file as a file URI when known, else its content id as a URN."""
    if document and document.get("path"):
        return Path(document["path"]).resolve().as_uri()
    return f"urn:sha256:{document_id}"


def _web_annotation(item: Data, documents: dict[str, Data], contexts: Data | None) -> Data:
    facts = note_facts(item, contexts)
    provenance = provenance_data(item, facts)
    body: list[Data] = []
    if item["status"]:
        body.append({"type": "TextualBody", "purpose": "tagging", "value": item["status"]})
    if item["note"]:
        body.append(_text_body("commenting", item["note"]))
    described = _describe_provenance(item, facts, documents)
    if described:
        body.append(_text_body("describing", described))
    targets = [_target(item["target"], documents)]
    for evidence, details in zip(item["evidence"], provenance["counterparts"], strict=True):
        target = _target(evidence["target"], documents, evidence["score"])
        target["reader:strength"] = evidence["strength"]
        target.update(_reader_terms(details))
        targets.append(target)
    annotation: Data = {
        "@context": JSONLD_CONTEXT,
        "id": item["id"],
        "type": "Annotation",
        "motivation": "assessing",
        "created": item["created"],
        "modified": item["updated"],
        "target": targets,
        "reader:attribution": _reader_terms(provenance["attribution"]),
        "reader:anchor": item.get("anchor", "exact"),
    }
    if facts.from_paragraph:
        annotation["reader:attributionFromParagraph"] = True
    if item["evidence"]:
        annotation["reader:singleSource"] = provenance["single_source"]
    if body:
        annotation["body"] = body
    return annotation


def _text_body(purpose: str, value: str) -> Data:
    return {"type": "TextualBody", "purpose": purpose, "value": value, "format": "text/plain"}


def _describe_provenance(item: Data, facts: NoteFacts, documents: dict[str, Data]) -> str:
    """The provenance in words, for Web Annotation clients that know no ``reader:`` terms."""
    lines = []
    if facts.attribution:
        lines.append(f"Attributed to: {facts.attributed_to()}")
    for evidence, provenance in zip(item["evidence"], facts.counterparts, strict=True):
        other = source_name(documents.get(evidence["target"]["document_id"], {}))
        details = [provenance.independence()]
        details += ["differs: " + c.describe() for c in provenance.conflicts]
        lines.append(f"{other}: {'; '.join(details)}")
    if item["evidence"] and facts.single_source:
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


def _target(target: Data, documents: dict[str, Data], score: float | None = None) -> Data:
    document_id = target["document_id"]
    quote, position = target["quote"], target["position"]
    specific: Data = {
        "type": "SpecificResource",
        "source": source_iri(documents.get(document_id), document_id),
        "selector": [
            {"type": "TextQuoteSelector", "exact": quote["exact"], "prefix": quote["prefix"],
             "suffix": quote["suffix"]},
            {"type": "TextPositionSelector", "start": position["start"], "end": position["end"]},
        ],
    }  # fmt: skip
    if score is not None:
        specific["purpose"] = "assessing"
        specific["reader:matchScore"] = score
    return specific


def _collection_key(data: Data) -> str:
    ids: Sequence[str] = sorted(a["id"] for a in data["annotations"])
    return hashlib.sha256("\n".join(ids).encode("utf-8")).hexdigest()[:32]
