"""The Web Annotation JSON-LD context, for expanding our exports without the network.

Written for these tests from the W3C Web Annotation Vocabulary (www.w3.org/TR/annotation-vocab):
the terms reader's JSON-LD export uses, each mapped to the IRI the vocabulary gives it, plus
``name`` (foaf:name), which the real context also defines. A term missing here would be
dropped on expansion, so a test over this context fails for an undeclared term, as one over
the real context does.
"""

from __future__ import annotations

from typing import Any

ANNO_CONTEXT_URL = "http://www.w3.org/ns/anno.jsonld"

OA = "http://www.w3.org/ns/oa#"
AS = "http://www.w3.org/ns/activitystreams#"


def _id(iri: str, kind: str | None = None) -> dict[str, str]:
    return {"@id": iri, "@type": kind} if kind else {"@id": iri}


ANNO_CONTEXT: dict[str, Any] = {
    "@context": {
        "oa": OA,
        "dc": "http://purl.org/dc/elements/1.1/",
        "dcterms": "http://purl.org/dc/terms/",
        "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
        "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
        "xsd": "http://www.w3.org/2001/XMLSchema#",
        "as": AS,
        "foaf": "http://xmlns.com/foaf/0.1/",
        "id": {"@id": "@id", "@type": "@id"},
        "type": {"@id": "@type", "@type": "@id"},
        "Annotation": "oa:Annotation",
        "TextualBody": "oa:TextualBody",
        "SpecificResource": "oa:SpecificResource",
        "TextQuoteSelector": "oa:TextQuoteSelector",
        "TextPositionSelector": "oa:TextPositionSelector",
        "AnnotationCollection": "as:OrderedCollection",
        "AnnotationPage": "as:OrderedCollectionPage",
        "assessing": "oa:assessing",
        "commenting": "oa:commenting",
        "describing": "oa:describing",
        "tagging": "oa:tagging",
        "body": _id("oa:hasBody", "@id"),
        "target": _id("oa:hasTarget", "@id"),
        "source": _id("oa:hasSource", "@id"),
        "selector": _id("oa:hasSelector", "@id"),
        "purpose": _id("oa:hasPurpose", "@vocab"),
        "motivation": _id("oa:motivatedBy", "@vocab"),
        "value": "rdf:value",
        "exact": "oa:exact",
        "prefix": "oa:prefix",
        "suffix": "oa:suffix",
        "start": _id("oa:start", "xsd:nonNegativeInteger"),
        "end": _id("oa:end", "xsd:nonNegativeInteger"),
        "format": "dc:format",
        "created": _id("dcterms:created", "xsd:dateTime"),
        "modified": _id("dcterms:modified", "xsd:dateTime"),
        "label": "rdfs:label",
        "name": "foaf:name",
        "total": _id("as:totalItems", "xsd:nonNegativeInteger"),
        "first": _id("as:first", "@id"),
        "items": {"@id": "as:items", "@type": "@id", "@container": "@list"},
        "startIndex": _id("as:startIndex", "xsd:nonNegativeInteger"),
    }
}


def load_document(url: str, options: object = None) -> dict[str, Any]:
    """A pyld document loader that knows only this context and refuses the network."""
    if url.rstrip("/") != ANNO_CONTEXT_URL:
        raise ValueError(f"no network in tests: {url}")
    return {"contextUrl": None, "documentUrl": url, "document": ANNO_CONTEXT}
