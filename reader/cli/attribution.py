"""``reader attribution``: print every passage of documents with whom it is attributed to."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TextIO

from reader import PROGRAM
from reader.cli.arguments import add_max_size, load_documents
from reader.core.documents.document import Document
from reader.core.documents.text_policy import sanitize_line
from reader.core.export.json_text import json_text
from reader.core.provenance.attribution import Attribution
from reader.core.provenance.comparison import passage_sources

_PREVIEW = 80


def attribution_command(argv: list[str]) -> int:
    """``reader attribution``: parse the arguments, load the documents, print each passage."""
    parser = argparse.ArgumentParser(
        prog=f"{PROGRAM} attribution",
        description="Print every passage with whom it is attributed to (the chain of sources, "
        "outermost first; a passage that names none takes its paragraph's).",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="documents or folders of them")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    add_max_size(parser)
    options = parser.parse_args(argv)
    documents = load_documents(options.paths, options.max_size)
    return run_attribution(documents, as_json=options.json)


def run_attribution(
    documents: Sequence[Document], *, as_json: bool = False, out: TextIO | None = None
) -> int:
    """Attribute every passage of the documents and print the result; return the exit code."""
    out = out or sys.stdout
    if as_json:
        payload = {
            "documents": [{"path": str(d.path), "id": d.id, "title": d.title} for d in documents],
            "passages": [
                _passage_json(doc, document, index)
                for doc, document in enumerate(documents)
                for index in range(len(document.passages))
            ],
        }
        out.write(json_text(payload))
        return 0
    attributed = 0
    for document in documents:
        # The outlet, else the file: a plain text's title is its whole first line.
        label = sanitize_line(document.metadata.get("outlet") or document.path.name)
        for passage in document.passages:
            sources = passage_sources(document, passage.index)
            chain = sources.attribution.describe()
            attributed += bool(chain)
            mark = " (paragraph)" if sources.from_paragraph else ""
            shown = f"{chain}{mark}" if chain else "—"
            out.write(
                f"{label} {passage.start}-{passage.end}  "
                f"{sanitize_line(shown)}  | {sanitize_line(_preview(passage.text))}\n"
            )
    total = sum(len(d.passages) for d in documents)
    out.write(f"{attributed} of {total} passages attributed across {len(documents)} documents\n")
    return 0


def _passage_json(doc: int, document: Document, index: int) -> dict[str, object]:
    passage = document.passages[index]
    sources = passage_sources(document, index)
    chain = sources.attribution
    return {
        "doc": doc,
        "start": passage.start,
        "end": passage.end,
        "chain": _chain_json(chain),
        "from_paragraph": sources.from_paragraph,
        "resolved_pronoun": chain.resolved_pronoun,
    }


def _chain_json(chain: Attribution) -> list[dict[str, str | None]]:
    """Each link as written, with its name: the written one, else its resolved referent."""
    return [{"text": s.text, "name": s.name or s.resolved, "role": s.role} for s in chain.sources]


def _preview(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= _PREVIEW else flat[: _PREVIEW - 1] + "…"
