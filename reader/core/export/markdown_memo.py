"""The verification memo: documents, a summary, then each claim quoted with its note and
counterparts; every text from documents and notes escaped so it stays text."""

from __future__ import annotations

import re
from collections import Counter

from reader.core.documents.text_policy import sanitize
from reader.core.export.records import NoteRecord, NotesExport

TO_CONFIRM = (
    "**To confirm:** the claim's text changed since it was tagged (found only approximately)."
)
# Line breaks Markdown (or a terminal) obeys besides \n: a "\r# x" in a note is a heading.
_LINE_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
# Inline syntax anywhere (emphasis, code, links, HTML, entities, tables, strikethrough) ...
_MARKDOWN_INLINE = re.compile(r"([\\`*_\[\]<>|~&])")
# ... and block syntax at the start of a line (headings, quotes, lists, setext underlines).
_MARKDOWN_LINE_START = re.compile(r"^(\s*)([#>+=-]|\d+(?=[.)]))")


def to_markdown(export: NotesExport) -> str:
    """A memo: documents, a summary, then each claim quoted with its note and counterparts."""
    notes = export.notes
    lines = ["# Verification memo", "", "## Documents", ""]
    lines += ["| title | outlet | date | url | retrieved | path |", "|---|---|---|---|---|---|"]
    for document in export.documents:
        meta = document.metadata
        cells = [document.title, meta.get("outlet", ""), meta.get("date", ""), document.url,
                 document.retrieved, document.path]  # fmt: skip
        lines.append("| " + " | ".join(_table_cell(c) for c in cells) + " |")
    lines += ["", "## Summary", "", "| document | corroborated | contested | notes only |"]
    lines.append("|---|---|---|---|")
    per_document: dict[str, Counter[str]] = {}
    for note in notes:
        per_document.setdefault(note.document_id, Counter())[note.status or "note"] += 1
    for document_id, counts in per_document.items():
        known = export.document(document_id)
        name = known.label if known is not None else document_id
        row = [name, str(counts["corroborated"]), str(counts["contested"]), str(counts["note"])]
        lines.append("| " + " | ".join(_table_cell(c) for c in row) + " |")
    totals = Counter(note.status or "note" for note in notes)
    lines.append(
        f"| **all** | {totals['corroborated']} | {totals['contested']} | {totals['note']} |"
    )
    corroborated = [n for n in notes if n.status == "corroborated"]
    if corroborated:
        single = sum(1 for n in corroborated if n.view.single_source)
        lines += [
            "",
            f"{single} of {len(corroborated)} corroborated claims rest on a single upstream "
            "source: every strong counterpart (every counterpart, if none is strong) names the "
            "same source or copies the text, or there is no counterpart.",
        ]
    placed = [n for n in notes if not n.orphaned]
    sections = [
        ("Corroborated", [n for n in placed if n.status == "corroborated"]),
        ("Contested", [n for n in placed if n.status == "contested"]),
        ("Notes without a tag", [n for n in placed if not n.status]),
        ("Orphaned notes (their text is no longer found)", [n for n in notes if n.orphaned]),
    ]
    for title, group in sections:
        if group:
            lines += ["", f"## {title}", ""]
            for note in group:
                lines += _claim(note, export)
    return "\n".join(lines) + "\n"


def _claim(note: NoteRecord, export: NotesExport) -> list[str]:
    lines = [_quote(note.claim), ">", f"> — {_escape(export.cited(note.target))}", ""]
    if note.anchor == "fuzzy":
        lines += [TO_CONFIRM, ""]
    if note.view.attribution:
        lines += [f"Attributed to: {_escape(note.view.attributed_to())}", ""]
    if note.note:
        lines += ["**Note:**", "", _quote(note.note), ""]
    for evidence, found in zip(note.evidence, note.view.counterparts, strict=True):
        other = export.cited(evidence.target)
        lines.append(
            f"- {_escape(other)} ({evidence.strength}, score {evidence.score:.0f}): "
            f"{_escape(' '.join(evidence.target.exact.split()))}"
        )
        details = [found.independence()]
        if found.attribution_b:
            details.insert(0, "attributed to " + found.attribution_b.describe())
        details += ["differs: " + c.describe() for c in found.conflicts]
        lines.append(f"  *{_escape('; '.join(details))}*")
    if note.evidence:
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
