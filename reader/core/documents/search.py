"""Finding text in a document: the claims that hold a hit, in reading order."""

from __future__ import annotations

import re

from reader.core.documents.document import Document


def find_passages(document: Document, query: str) -> list[int]:
    """The passages holding a case-insensitive hit of the query, in reading order."""
    query = query.strip()
    if not query:
        return []
    found: list[int] = []
    for match in re.finditer(re.escape(query), document.text, re.IGNORECASE):
        passage = document.passage_at(match.start())
        if passage is not None and (not found or found[-1] != passage.index):
            found.append(passage.index)
    return found
