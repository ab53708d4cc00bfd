"""Shared fixtures: paths to the project's sample documents and to ../shared evaluation data."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.web_server import LocalServer

PROJECT = Path(__file__).resolve().parent.parent
SAMPLE_DOCS = PROJECT / "sample_docs"
SHARED = PROJECT.parent / "shared"
NEWSWEEK = SAMPLE_DOCS / "newsweek-north-korean-deserters.md"
STRIPES = SAMPLE_DOCS / "stripes-north-korean-deserters.md"


@pytest.fixture
def seeds_dir() -> Path:
    """The folder of the founding articles in ../shared, or skip when it is absent."""
    path = SHARED / "seeds"
    if not path.is_dir():
        pytest.skip("../shared/seeds is not beside the project")
    return path


@pytest.fixture
def eval_dir() -> Path:
    """The evaluation data in ../shared/eval, or skip when it is absent."""
    path = SHARED / "eval"
    if not path.is_dir():
        pytest.skip("../shared/eval is not beside the project")
    return path


@pytest.fixture
def web_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[LocalServer]:
    """A web server on 127.0.0.1 serving pages the test defines; no proxy in the way."""
    for name in (
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "ALL_PROXY",
        "http_proxy",
        "https_proxy",
        "all_proxy",
    ):
        monkeypatch.delenv(name, raising=False)
    server = LocalServer()
    yield server
    server.stop()
