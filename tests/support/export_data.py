"""Notes to export: the sample pair in a case folder with three hostile notes, data written by
hand as the JSON export writes it, and helpers to read exports back."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path
from typing import Any

from reader.core.documents.document import Document
from reader.core.documents.loading import load_document
from reader.core.export.records import (
    EvidenceQuote,
    NoteRecord,
    NotesExport,
    Quote,
    SourceDocument,
)
from reader.core.provenance.claim_view import CounterpartText, view_claim
from reader.store.annotation import Annotation, Evidence, Target
from reader.store.exporting import gather_export
from reader.store.notes import NotesStore
from tests.support.paths import NEWSWEEK, STRIPES

HOSTILE = (
    'He said "no", then, yes;\nnew line, [bold]markup[/bold] [link](http://x) <b>html</b> '
    "*star* _under_ `code` # not a heading\n- not a list\n1. not a list &copy; | pipe "
    "\x1b[31m escape \x07 bell ✓ ünïcode"
)
BIG = ("A long note. " * 8000)[:100_000]


def tagged_case(tmp_path: Path) -> Path:
    """A folder with the sample documents and a notes file with three notes."""
    store, a, b = sample_case(tmp_path)

    def target(document: Document, index: int) -> Target:
        p = document.passages[index]
        return Target.from_span(document.id, document.text, p.start, p.end)

    evidence = (Evidence(target(b, 5), 33.7, "strong"),)
    store.commit(
        [
            Annotation(target(a, 1), "corroborated", HOSTILE, evidence),
            Annotation(target(a, 10), "contested", BIG),
            Annotation(target(b, 8), None, "a note without a tag"),
        ]
    ).result()
    store.close()
    return tmp_path


def sample_case(folder: Path) -> tuple[NotesStore, Document, Document]:
    """The two sample documents copied into ``folder``, known to a new notes file there."""
    for source in (NEWSWEEK, STRIPES):
        shutil.copy(source, folder / source.name)
    a, b = load_document(folder / NEWSWEEK.name), load_document(folder / STRIPES.name)
    store = NotesStore(folder / "reader-notes.json")
    for d in (a, b):
        store.remember_document(d.id, d.path, d.title, dict(d.metadata)).result()
    return store, a, b


def data_of(case: Path) -> NotesExport:
    """The export gathered from a case folder's notes file."""
    store = NotesStore(case / "reader-notes.json", read_only=True)
    try:
        return gather_export(store)
    finally:
        store.close()


def from_texts(data: dict[str, Any]) -> NotesExport:
    """Records for hand-written export data (the JSON export's shape), each claim compared
    with its counterparts by their texts alone, as when the documents cannot be read."""

    def quote(target: dict[str, Any]) -> Quote:
        q, p = target["quote"], target["position"]
        return Quote(
            target["document_id"], q["exact"], q["prefix"], q["suffix"], p["start"], p["end"]
        )

    notes = []
    for item in data["annotations"]:
        evidence = tuple(
            EvidenceQuote(quote(e["target"]), e["score"], e["strength"]) for e in item["evidence"]
        )
        texts = [CounterpartText(e.target.exact, None, e.strength) for e in evidence]
        notes.append(
            NoteRecord(
                item["id"], item.get("schema", 1), item["status"], item["note"],
                quote(item["target"]), evidence, item["created"], item["updated"],
                item.get("orphaned", False), item.get("anchor", "exact"),
                view_claim(item["claim"], None, texts),
            )
        )  # fmt: skip
    documents = tuple(
        SourceDocument(d["id"], d["path"], d["title"], d.get("metadata", {}))
        for d in data["documents"]
    )
    return NotesExport(documents, tuple(notes))


def without_documents(export: NotesExport) -> NotesExport:
    """The same notes with their views from the texts alone (no paragraph to fall back on)."""
    return replace(
        export,
        notes=tuple(
            replace(
                note,
                view=view_claim(
                    note.claim,
                    None,
                    [CounterpartText(e.target.exact, None, e.strength) for e in note.evidence],
                ),
            )
            for note in export.notes
        ),
    )


def conflicting_case() -> dict[str, Any]:
    """One contested note whose counterpart differs in a number (6 vs 9)."""
    return {
        "documents": [],
        "annotations": [
            {
                "id": "urn:uuid:3f0c2a4e-9a51-4c3e-8a1b-2d4e5f607182",
                "document_id": "a",
                "status": "contested",
                "note": "",
                "claim": "Six officers were killed on Tuesday, police said.",
                "target": {
                    "document_id": "a",
                    "quote": {"exact": "Six officers", "prefix": "", "suffix": " were"},
                    "position": {"start": 0, "end": 12},
                },
                "evidence": [
                    {
                        "target": {
                            "document_id": "b",
                            "quote": {
                                "exact": "Nine officers were killed on Tuesday.",
                                "prefix": "",
                                "suffix": "",
                            },
                            "position": {"start": 0, "end": 37},
                        },
                        "score": 60.0,
                        "strength": "strong",
                    }
                ],
                "created": "",
                "updated": "",
            }
        ],
    }


def leaves(value: object) -> list[object]:
    """Every string and number in a JSON value, keys excluded, and so are the context and
    the values that are terms (a type, a purpose), which expand to IRIs."""
    if isinstance(value, dict):
        skip = ("@context", "type", "purpose", "motivation")
        return [leaf for key, item in value.items() if key not in skip for leaf in leaves(item)]
    if isinstance(value, list):
        return [leaf for item in value for leaf in leaves(item)]
    return [value] if isinstance(value, str | int | float) and not isinstance(value, bool) else []
