"""Writing tagged notes as a Markdown memo, CSV, lossless JSON and W3C Web Annotations
(annotation.py).

Input is plain data, the shape of the JSON export: ``documents`` (id, path, title, metadata)
and ``annotations`` (the store's records, each with an ``orphaned`` flag).
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter

from reader.core.annotation import to_jsonld
from reader.core.decoding import sanitize
from reader.core.json_text import json_text
from reader.core.note_facts import Data, NoteFacts, note_facts, provenance_data, source_name

EXPORT_FORMAT = "reader-notes-export"
EXPORT_VERSION = 1
FORMATS = ("md", "csv", "json", "jsonld")
CSV_COLUMNS = (
    "id", "status", "document_title", "document_path", "claim", "start", "end", "note",
    "counterpart_count", "counterpart_sources", "created", "updated", "orphaned",
    "attribution", "independence", "conflicts",
)  # fmt: skip
# Line breaks Markdown (or a terminal) obeys besides \n: a "\r# x" in a note is a heading.
_LINE_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
# Inline syntax anywhere (emphasis, code, links, HTML, entities, tables, strikethrough) ...
_MARKDOWN_INLINE = re.compile(r"([\\`*_\[\]<>|~&])")
# ... and block syntax at the start of a line (headings, quotes, lists, setext underlines).
_MARKDOWN_LINE_START = re.compile(r"^(\s*)([#>+=-]|\d+(?=[.)]))")


def export(data: Data, fmt: str, status: str | None = None) -> str:
    """The notes in one format, optionally only those with one status."""
    if status is not None:
        data = {**data, "annotations": [a for a in data["annotations"] if a["status"] == status]}
    writers = {"md": to_markdown, "csv": to_csv, "json": to_json, "jsonld": to_jsonld}
    return writers[fmt](data)


def to_json(data: Data) -> str:
    """Everything, losslessly: the format ``reader import`` reads back.

    ``provenance`` (by annotation id) is derived from the texts on every export and is not
    read back: the claim's attribution (its paragraph's when it names none), and per
    counterpart its attribution, independence and conflicting details.
    """
    payload = {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "documents": data["documents"],
        "annotations": data["annotations"],
        "provenance": {
            item["id"]: provenance_data(item, note_facts(item, data.get("contexts")))
            for item in data["annotations"]
        },
    }
    return json_text(payload)


def to_csv(data: Data) -> str:
    """One row per note, with the documented columns, for a spreadsheet."""
    documents = {d["id"]: d for d in data["documents"]}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for item in data["annotations"]:
        document = documents.get(item["document_id"], {})
        sources = [documents.get(e["target"]["document_id"], {}) for e in item["evidence"]]
        facts = note_facts(item, data.get("contexts"))
        found = facts.counterparts
        writer.writerow(
            [
                _cell(item["id"]),
                item["status"] or "",
                _cell(document.get("title", "")),
                _cell(document.get("path", "")),
                _cell(item["claim"]),
                item["target"]["position"]["start"],
                item["target"]["position"]["end"],
                _cell(item["note"]),
                len(item["evidence"]),
                _cell("; ".join(source_name(s) for s in sources)),
                _cell(item["created"]),
                _cell(item["updated"]),
                "yes" if item.get("orphaned") else "no",
                _cell(facts.attributed_to()),
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
        name = source_name(documents.get(document_id, {"title": document_id}))
        row = [name, str(counts["corroborated"]), str(counts["contested"]), str(counts["note"])]
        lines.append("| " + " | ".join(_table_cell(c) for c in row) + " |")
    totals = Counter(item["status"] or "note" for item in items)
    lines.append(
        f"| **all** | {totals['corroborated']} | {totals['contested']} | {totals['note']} |"
    )
    # Comparing a claim with its counterparts is the costly part: once per note.
    facts = {id(item): note_facts(item, data.get("contexts")) for item in items}
    corroborated = [i for i in items if i["status"] == "corroborated"]
    if corroborated:
        single = sum(1 for i in corroborated if facts[id(i)].single_source)
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
                lines += _markdown_claim(item, facts[id(item)], documents)
    return "\n".join(lines) + "\n"


def _markdown_claim(item: Data, facts: NoteFacts, documents: dict[str, Data]) -> list[str]:
    source = source_name(documents.get(item["document_id"], {}))
    lines = [_quote(item["claim"]), ">", f"> — {_escape(source)}", ""]
    if facts.attribution:
        lines += [f"Attributed to: {_escape(facts.attributed_to())}", ""]
    if item["note"]:
        lines += ["**Note:**", "", _quote(item["note"]), ""]
    for evidence, found in zip(item["evidence"], facts.counterparts, strict=True):
        other = source_name(documents.get(evidence["target"]["document_id"], {}))
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


def _quote(text: str) -> str:
    lines = _LINE_BREAKS.sub("\n", text).split("\n")
    return "\n".join("> " + _escape(line) if line else ">" for line in lines)


def _escape(text: str) -> str:
    """Backslash-escape what Markdown would read as syntax, so untrusted text stays text.

    Any line break in text meant for one line (an outlet, a title) becomes a space, and
    terminal controls become placeholders: a memo is read with ``cat`` too.
    """
    text = sanitize(_LINE_BREAKS.sub(" ", text).replace("\n", " "))
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
    """A CSV text cell: terminal controls as placeholders, and no formula.

    A cell starting with = + - @, or a tab, or white space before one of those (which some
    spreadsheets skip), is a formula to a spreadsheet; a leading quote disarms it.
    """
    text = sanitize(text)  # a carriage return becomes a placeholder: no "\r=" is left
    formula = text.lstrip(" \t\n")[:1] in ("=", "+", "-", "@") or text.startswith("\t")
    return "'" + text if formula else text
