"""Finding text in a document."""

from __future__ import annotations

from pathlib import Path

from reader.core.documents.loading import load_document
from reader.core.documents.search import find_passages


def test_hits_are_claims_in_reading_order_once_each(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(
        "Kursk is cold. Troops left Kursk and kursk again.\n\nNo hit here. [KURSK] (a*b).\n",
        encoding="utf-8",
    )
    document = load_document(path)
    assert find_passages(document, "kursk") == [0, 1, 3]
    assert find_passages(document, "  Kursk ") == [0, 1, 3]  # the query is trimmed
    assert find_passages(document, "(a*b)") == [3]  # a plain string, not a pattern
    assert find_passages(document, "") == []
    assert find_passages(document, "volgograd") == []
