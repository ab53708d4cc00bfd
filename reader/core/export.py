"""Writing tagged notes as a Markdown memo, CSV, lossless JSON and W3C Web Annotations.

Input is plain data, the shape of the JSON export: ``documents`` (id, path, title, metadata)
and ``annotations`` (the store's records, each with an ``orphaned`` flag).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reader.core.attribution import attribute
from reader.core.provenance import Provenance, compare

EXPORT_FORMAT = "reader-notes-export"
EXPORT_VERSION = 1
FORMATS = ("md", "csv", "json", "jsonld")
CSV_COLUMNS = (
    "id", "status", "document_title", "document_path", "claim", "start", "end", "note",
    "counterpart_count", "counterpart_sources", "created", "updated", "orphaned",
    "attribution", "independence", "conflicts",
)  # fmt: skip
# Inline syntax anywhere (emphasis, code, links, HTML, entities, tables, strikethrough) ...
_MARKDOWN_INLINE = re.compile(r"([\\`*_\[\]<>|~&])")
# ... and block syntax at the start of a line (headings, quotes, lists, setext underlines).
_MARKDOWN_LINE_START = re.compile(r"^(\s*)([#>+=-]|\d+(?=[.)]))")

Data = dict[str, Any]

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
# Our extension terms (match score, provenance) live under one prefix, declared in an extra
# context that defines nothing else, so no Web Annotation term is redefined.
READER_VOCAB = "urn:reader:vocab:"
JSONLD_CONTEXT: list[Any] = [ANNO_CONTEXT, {"reader": READER_VOCAB}]


def export(data: Data, fmt: str, status: str | None = None) -> str:
    """The notes in one format, optionally only those with one status."""
    if status is not None:
        data = {**data, "annotations": [a for a in data["annotations"] if a["status"] == status]}
    writers = {"md": to_markdown, "csv": to_csv, "json": to_json, "jsonld": to_jsonld}
    return writers[fmt](data)


def to_json(data: Data) -> str:
    """Everything, losslessly: the format ``reader import`` reads back.

    ``provenance`` (by annotation id) is derived from the texts on every export and is not
    read back: the claim's attribution, and per counterpart its attribution, independence
    and conflicting details.
    """
    payload = {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "documents": data["documents"],
        "annotations": data["annotations"],
        "provenance": {
            item["id"]: _provenance_data(item, _counterpart_provenance(item))
            for item in data["annotations"]
        },
    }
    return json.dumps(payload, ensure_ascii=False, indent=1) + "\n"


def to_csv(data: Data) -> str:
    """One row per note, with the documented columns, for a spreadsheet."""
    documents = {d["id"]: d for d in data["documents"]}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for item in data["annotations"]:
        document = documents.get(item["document_id"], {})
        sources = [documents.get(e["target"]["document_id"], {}) for e in item["evidence"]]
        found = _counterpart_provenance(item)
        writer.writerow(
            [
                item["id"],
                item["status"] or "",
                _cell(document.get("title", "")),
                _cell(document.get("path", "")),
                _cell(item["claim"]),
                item["target"]["position"]["start"],
                item["target"]["position"]["end"],
                _cell(item["note"]),
                len(item["evidence"]),
                _cell("; ".join(_source_name(s) for s in sources)),
                item["created"],
                item["updated"],
                "yes" if item.get("orphaned") else "no",
                _cell(attribute(item["claim"]).describe()),
                _cell("; ".join(p.independence() for p in found)),
                _cell("; ".join(c.describe() for p in found for c in p.conflicts)),
            ]
        )
    return out.getvalue()


def to_markdown(data: Data) -> str:
    """A memo: documents, a summary, then each claim quoted with its note and counterparts."""
    documents = {d["id"]: d for d in data["documents"]}
    items = data["annotations"]
    lines = ["# Verification memo", "", "## Documents", ""]
    lines += ["| title | outlet | date | path |", "|---|---|---|---|"]
    for document in data["documents"]:
        meta = document.get("metadata", {})
        cells = [document.get("title", ""), meta.get("outlet", ""), meta.get("date", ""),
                 document.get("path", "")]  # fmt: skip
        lines.append("| " + " | ".join(_table_cell(c) for c in cells) + " |")
    lines += ["", "## Summary", "", "| document | corroborated | contested | notes only |"]
    lines.append("|---|---|---|---|")
    per_document: dict[str, Counter[str]] = {}
    for item in items:
        per_document.setdefault(item["document_id"], Counter())[item["status"] or "note"] += 1
    for document_id, counts in per_document.items():
        name = _source_name(documents.get(document_id, {"title": document_id}))
        row = [name, str(counts["corroborated"]), str(counts["contested"]), str(counts["note"])]
        lines.append("| " + " | ".join(_table_cell(c) for c in row) + " |")
    totals = Counter(item["status"] or "note" for item in items)
    lines.append(
        f"| **all** | {totals['corroborated']} | {totals['contested']} | {totals['note']} |"
    )
    # Comparing a claim with its counterparts is the costly part: once per note.
    found = {id(item): _counterpart_provenance(item) for item in items}
    corroborated = [i for i in items if i["status"] == "corroborated"]
    if corroborated:
        single = sum(1 for i in corroborated if _single_source(i, found[id(i)]))
        lines += [
            "",
            f"{single} of {len(corroborated)} corroborated claims rest on a single upstream "
            "source: every strong counterpart (every counterpart, if none is strong) names the "
            "same source or copies the text, or there is no counterpart.",
        ]
    placed = [i for i in items if not i.get("orphaned")]
    orphans = [i for i in items if i.get("orphaned")]
    sections = [
        ("Corroborated", [i for i in placed if i["status"] == "corroborated"]),
        ("Contested", [i for i in placed if i["status"] == "contested"]),
        ("Notes without a tag", [i for i in placed if not i["status"]]),
        ("Orphaned notes (their text is no longer found)", orphans),
    ]
    for title, group in sections:
        if group:
            lines += ["", f"## {title}", ""]
            for item in group:
                lines += _markdown_claim(item, found[id(item)], documents)
    return "\n".join(lines) + "\n"


def to_jsonld(data: Data) -> str:
    """A W3C Web Annotation ``AnnotationCollection``; counterparts are further targets."""
    documents = {d["id"]: d for d in data["documents"]}
    annotations = [_web_annotation(item, documents) for item in data["annotations"]]
    collection = {
        "@context": JSONLD_CONTEXT,
        "id": "urn:reader:collection:" + _collection_key(data),
        "type": "AnnotationCollection",
        "label": "reader notes",
        "total": len(annotations),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": annotations},
    }
    return json.dumps(collection, ensure_ascii=False, indent=1) + "\n"


def source_iri(document: Data | None, document_id: str) -> str:
    """A document's IRI: its file as a file URI when known, else its content id as a URN."""
    if document and document.get("path"):
        return Path(document["path"]).resolve().as_uri()
    return f"urn:sha256:{document_id}"


def _web_annotation(item: Data, documents: dict[str, Data]) -> Data:
    found = _counterpart_provenance(item)
    provenance = _provenance_data(item, found)
    body: list[Data] = []
    if item["status"]:
        body.append({"type": "TextualBody", "purpose": "tagging", "value": item["status"]})
    if item["note"]:
        body.append(_text_body("commenting", item["note"]))
    described = _describe_provenance(item, found, provenance["single_source"], documents)
    if described:
        body.append(_text_body("describing", described))
    targets = [_target(item["target"], documents)]
    for evidence, details in zip(item["evidence"], provenance["counterparts"], strict=True):
        target = _target(evidence["target"], documents, evidence["score"])
        target["reader:strength"] = evidence["strength"]
        target.update({f"reader:{_camel(key)}": value for key, value in details.items()})
        targets.append(target)
    annotation: Data = {
        "@context": JSONLD_CONTEXT,
        "id": item["id"],
        "type": "Annotation",
        "motivation": "assessing",
        "created": item["created"],
        "modified": item["updated"],
        "target": targets,
        "reader:attribution": provenance["attribution"],
    }
    if item["evidence"]:
        annotation["reader:singleSource"] = provenance["single_source"]
    if body:
        annotation["body"] = body
    return annotation


def _text_body(purpose: str, value: str) -> Data:
    return {"type": "TextualBody", "purpose": purpose, "value": value, "format": "text/plain"}


def _describe_provenance(
    item: Data, found: list[Provenance], single_source: bool, documents: dict[str, Data]
) -> str:
    """The provenance in words, for Web Annotation clients that know no ``reader:`` terms."""
    lines = []
    attribution = attribute(item["claim"])
    if attribution:
        lines.append(f"Attributed to: {attribution.describe()}")
    for evidence, provenance in zip(item["evidence"], found, strict=True):
        other = _source_name(documents.get(evidence["target"]["document_id"], {}))
        details = [provenance.independence()]
        details += ["differs: " + c.describe() for c in provenance.conflicts]
        lines.append(f"{other}: {'; '.join(details)}")
    if item["evidence"] and single_source:
        lines.append("Rests on a single upstream source.")
    return "\n".join(lines)


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


def _markdown_claim(
    item: Data, counterparts: list[Provenance], documents: dict[str, Data]
) -> list[str]:
    source = _source_name(documents.get(item["document_id"], {}))
    lines = [_quote(item["claim"]), ">", f"> — {_escape(source)}", ""]
    attribution = attribute(item["claim"])
    if attribution:
        lines += [f"Attributed to: {_escape(attribution.describe())}", ""]
    if item["note"]:
        lines += ["**Note:**", "", _quote(item["note"]), ""]
    for evidence, found in zip(item["evidence"], counterparts, strict=True):
        other = _source_name(documents.get(evidence["target"]["document_id"], {}))
        exact = evidence["target"]["quote"]["exact"]
        lines.append(
            f"- {_escape(other)} ({evidence['strength']}, score {evidence['score']:.0f}): "
            f"{_escape(' '.join(exact.split()))}"
        )
        notes = [found.independence()]
        if found.attribution_b:
            notes.insert(0, "attributed to " + found.attribution_b.describe())
        notes += ["differs: " + c.describe() for c in found.conflicts]
        lines.append(f"  *{_escape('; '.join(notes))}*")
    if item["evidence"]:
        lines.append("")
    return lines


def _counterpart_provenance(item: Data) -> list[Provenance]:
    """The claim compared with each stored counterpart, from their texts."""
    return [compare(item["claim"], e["target"]["quote"]["exact"]) for e in item["evidence"]]


def _single_source(item: Data, found: list[Provenance]) -> bool:
    """No independent counterpart: every strong one (every one, if none is strong) shares a
    source with the claim or copies it."""
    pairs = list(zip(item["evidence"], found, strict=True))
    strong = [found for evidence, found in pairs if evidence["strength"] == "strong"]
    return all(found.same_source for found in strong or [found for _, found in pairs])


def _provenance_data(item: Data, found: list[Provenance]) -> Data:
    return {
        "attribution": [
            {"text": s.text, "name": s.name, "role": s.role}
            for s in attribute(item["claim"]).sources
        ],
        "single_source": _single_source(item, found),
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


def _quote(text: str) -> str:
    return "\n".join("> " + _escape(line) if line else ">" for line in text.split("\n"))


def _escape(text: str) -> str:
    """Backslash-escape what Markdown would read as syntax, so untrusted text stays text."""
    escaped = _MARKDOWN_INLINE.sub(r"\\\1", text)
    return _MARKDOWN_LINE_START.sub(_escape_line_start, escaped)


def _escape_line_start(match: re.Match[str]) -> str:
    marker = match.group(2)
    if marker[0].isdigit():
        return match.group(1) + marker + "\\"  # "1." -> "1\." (the dot follows)
    return match.group(1) + "\\" + marker


def _table_cell(text: str) -> str:
    return _escape(" ".join(str(text).split()))


def _cell(text: str) -> str:
    # A cell starting with = + - @ is a formula to a spreadsheet; a leading quote disarms it.
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def _source_name(document: Data) -> str:
    meta = document.get("metadata", {})
    return str(meta.get("outlet") or document.get("title") or document.get("id", "unknown"))


def _collection_key(data: Data) -> str:
    ids: Sequence[str] = sorted(a["id"] for a in data["annotations"])
    return hashlib.sha256("\n".join(ids).encode("utf-8")).hexdigest()[:32]
