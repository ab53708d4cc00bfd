"""Where the tests find the project, its sample documents and the shared evaluation data."""

from __future__ import annotations

from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
SAMPLE_DOCS = PROJECT / "sample_docs"
SHARED = PROJECT.parent / "shared"
NEWSWEEK = SAMPLE_DOCS / "newsweek-north-korean-deserters.md"
STRIPES = SAMPLE_DOCS / "stripes-north-korean-deserters.md"
